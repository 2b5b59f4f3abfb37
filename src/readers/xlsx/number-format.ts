/**
 * Excel number formats → the text a spreadsheet shows for a numeric cell.
 *
 * Covers what self-evaluation sheets use: General, fixed decimals (`0.00`), thousands separators
 * (`#,##0.00` → `91,470.79`), percentages (`0.00%` → `92.97%`), scaling commas, scientific, literal
 * text (`0.00"万元"`), sections (`pos;neg;zero`), colours and locale tags (dropped), and dates and
 * times (serial numbers, 1900 and 1904 systems). Fractions (`# ?/?`) fall back to General.
 */

type Token = { kind: 'lit'; text: string } | { kind: 'ch'; ch: string } | { kind: 'elapsed'; unit: string };

/** Split a format into its `;` sections, ignoring `;` inside quotes, brackets and after a backslash. */
function splitSections(code: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i] as string;
    if (ch === '\\' && !quoted && i + 1 < code.length) {
      current += ch + code[++i];
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '[') bracket = true;
    else if (!quoted && ch === ']') bracket = false;
    if (ch === ';' && !quoted && !bracket) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] as string;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      tokens.push({ kind: 'lit', text: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === '\\') {
      tokens.push({ kind: 'lit', text: section[i + 1] ?? '' });
      i++;
    } else if (ch === '_') {
      tokens.push({ kind: 'lit', text: ' ' }); // room for the next character's width
      i++;
    } else if (ch === '*') {
      i++; // fill character: nothing to show in text
    } else if (ch === '[') {
      const end = section.indexOf(']', i + 1);
      const stop = end < 0 ? section.length : end;
      const inner = section.slice(i + 1, stop);
      if (/^(h+|m+|s+)$/iu.test(inner)) tokens.push({ kind: 'elapsed', unit: (inner[0] as string).toLowerCase() });
      else if (inner.startsWith('$')) tokens.push({ kind: 'lit', text: inner.slice(1).split('-')[0] ?? '' });
      // colours ([Red]), conditions ([>100]) and locale tags are not shown
      i = stop;
    } else tokens.push({ kind: 'ch', ch });
  }
  return tokens;
}

/** Excel General: integers as they are, other numbers to 15 significant digits, shortest form. */
export function formatGeneral(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const text = String(Number(value.toPrecision(15)));
  // Very small or large numbers: Excel's scientific form (1E-07), not JavaScript's (1e-7).
  const exp = /^(-?[\d.]+)e([+-])(\d+)$/u.exec(text);
  return exp ? `${exp[1]}E${exp[2]}${(exp[3] as string).padStart(2, '0')}` : text;
}

/** Round half away from zero at `decimals` places, on the decimal representation (1.005 → 1.01). */
function toFixedDecimal(value: number, decimals: number): string {
  const shifted = Number(`${value}e${decimals}`);
  if (!Number.isFinite(shifted) || String(value).includes('e')) return value.toFixed(decimals);
  const rounded = Math.round(shifted);
  return Number(`${rounded}e-${decimals}`).toFixed(decimals);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
}

const PLACEHOLDER = /[0#?]/u;

/** Render `value` (already non-negative) through a numeric pattern such as `#,##0.00` or `0.00E+00`. */
function renderPattern(value: number, pattern: string): string {
  const ePos = pattern.search(/[Ee][+-]/u);
  const mantissa = ePos < 0 ? pattern : pattern.slice(0, ePos);
  const exponentPattern = ePos < 0 ? '' : pattern.slice(ePos + 1);
  const dot = mantissa.indexOf('.');
  let intPattern = dot < 0 ? mantissa : mantissa.slice(0, dot);
  const fracPattern = dot < 0 ? '' : mantissa.slice(dot + 1).replace(/,/gu, '');
  let scale = 0;
  while (intPattern.endsWith(',')) {
    intPattern = intPattern.slice(0, -1);
    scale++;
  }
  const grouping = intPattern.includes(',');
  const minInt = (intPattern.match(/0/gu) ?? []).length;
  const decimals = (fracPattern.match(/[0#?]/gu) ?? []).length;
  const minDecimals = (fracPattern.match(/0/gu) ?? []).length;
  let v = value / 1000 ** scale;
  let exponentText = '';
  if (exponentPattern) {
    const intDigits = (intPattern.match(/[0#?]/gu) ?? []).length || 1;
    let exponent = v === 0 ? 0 : Math.floor(Math.log10(v));
    exponent = intDigits > 1 && intPattern.includes('#') ? Math.floor(exponent / intDigits) * intDigits : exponent - Math.max(0, minInt - 1);
    v = v / 10 ** exponent;
    // Rounding can carry the mantissa to the next power of ten (9.99 → 10.0).
    if (Number(toFixedDecimal(v, decimals)) >= 10 ** Math.max(1, intDigits)) {
      exponent += intDigits > 1 && intPattern.includes('#') ? intDigits : 1;
      v /= 10 ** (intDigits > 1 && intPattern.includes('#') ? intDigits : 1);
    }
    const sign = exponent < 0 ? '-' : exponentPattern.startsWith('+') ? '+' : '';
    const expDigits = (exponentPattern.match(/0/gu) ?? []).length;
    exponentText = `E${sign}${String(Math.abs(exponent)).padStart(expDigits, '0')}`;
  }
  const fixed = toFixedDecimal(v, decimals);
  let [intPart = '0', fracPart = ''] = fixed.split('.');
  if (intPart === '0' && minInt === 0) intPart = '';
  intPart = intPart.padStart(minInt, '0');
  if (grouping) intPart = groupThousands(intPart);
  while (fracPart.length > minDecimals && fracPart.endsWith('0')) fracPart = fracPart.slice(0, -1);
  const fraction = dot < 0 ? '' : `.${fracPart}`;
  return `${intPart}${fraction}${exponentText}`;
}

/** True when a section's tokens show a date or time (y m d h s outside quotes). */
function isDateSection(tokens: readonly Token[]): boolean {
  return tokens.some((t) => t.kind === 'elapsed' || (t.kind === 'ch' && /[ymdhsYMDHS]/u.test(t.ch)));
}

function formatNumberSection(value: number, tokens: readonly Token[]): string {
  let pre = '';
  let post = '';
  let pattern = '';
  let state: 'before' | 'in' | 'after' = 'before';
  let percents = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind !== 'ch') {
      const text = token.kind === 'lit' ? token.text : '';
      if (state === 'before') pre += text;
      else {
        state = 'after';
        post += text;
      }
      continue;
    }
    const ch = token.ch;
    const next = tokens[i + 1];
    const nextIsPlaceholder = next?.kind === 'ch' && PLACEHOLDER.test(next.ch);
    if (PLACEHOLDER.test(ch) && state !== 'after') {
      pattern += ch;
      state = 'in';
    } else if ((ch === '.' && (state === 'in' || nextIsPlaceholder)) || (ch === ',' && state === 'in')) {
      pattern += ch;
      state = 'in';
    } else if ((ch === 'E' || ch === 'e') && state === 'in' && next?.kind === 'ch' && (next.ch === '+' || next.ch === '-')) {
      pattern += `E${next.ch}`;
      i++;
    } else if (ch === '%') {
      percents++;
      if (state === 'before') pre += '%';
      else {
        state = 'after';
        post += '%';
      }
    } else if (state === 'before') pre += ch;
    else {
      state = 'after';
      post += ch;
    }
  }
  if (pattern === '') return `${pre}${post}`;
  return `${pre}${renderPattern(value * 100 ** percents, pattern)}${post}`;
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** Serial day number → UTC date parts (1900 system keeps Lotus's 1900-02-29). */
function serialToParts(serial: number, date1904: boolean): { y: number; mo: number; d: number; wd: number; h: number; mi: number; s: number; totalSeconds: number } {
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86400);
  if (seconds >= 86400) {
    days += 1;
    seconds -= 86400;
  }
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 31);
  const offset = !date1904 && days >= 60 ? days - 1 : days;
  const date = new Date(epoch + offset * 86400000);
  return {
    y: date.getUTCFullYear(),
    mo: date.getUTCMonth() + 1,
    d: !date1904 && days === 60 ? 29 : date.getUTCDate(),
    wd: date.getUTCDay(),
    h: Math.floor(seconds / 3600),
    mi: Math.floor((seconds % 3600) / 60),
    s: seconds % 60,
    totalSeconds: Math.round(serial * 86400),
  };
}

function formatDateSection(serial: number, tokens: readonly Token[], date1904: boolean): string {
  const p = serialToParts(serial, date1904);
  // Group runs of the same letter: yyyy, mm, dd, hh, ss; AM/PM and 上午/下午 as markers.
  type Part = { kind: 'lit'; text: string } | { kind: 'field'; letter: string; count: number } | { kind: 'ampm' } | { kind: 'elapsed'; unit: string };
  const parts: Part[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'lit') parts.push(t);
    else if (t.kind === 'elapsed') parts.push(t);
    else {
      const rest = tokens.slice(i, i + 5).map((x) => (x.kind === 'ch' ? x.ch : '\u0000')).join('');
      if (/^am\/pm/iu.test(rest)) {
        parts.push({ kind: 'ampm' });
        i += 4;
        continue;
      }
      const letter = t.ch.toLowerCase();
      if ('ymdhs'.includes(letter)) {
        let count = 1;
        while ((tokens[i + 1] as Token | undefined)?.kind === 'ch' && ((tokens[i + 1] as { ch: string }).ch.toLowerCase() === letter)) {
          count++;
          i++;
        }
        parts.push({ kind: 'field', letter, count });
      } else parts.push({ kind: 'lit', text: t.ch === '0' ? '' : t.ch });
    }
  }
  // Fields and elapsed units in order, to tell minutes (after an hour, before a second) from months.
  const units = parts.filter((x) => x.kind === 'field' || x.kind === 'elapsed').map((x) => (x.kind === 'field' ? x.letter : x.kind === 'elapsed' ? x.unit : ''));
  const twelveHour = parts.some((x) => x.kind === 'ampm') || tokens.some((t) => t.kind === 'lit' && /上午|下午/u.test(t.text));
  let out = '';
  for (const part of parts) {
    if (part.kind === 'lit') out += /^(上午|下午)$/u.test(part.text) ? (p.h < 12 ? '上午' : '下午') : part.text;
    else if (part.kind === 'ampm') out += p.h < 12 ? 'AM' : 'PM';
    else if (part.kind === 'elapsed') {
      const value = part.unit === 'h' ? Math.floor(p.totalSeconds / 3600) : part.unit === 'm' ? Math.floor(p.totalSeconds / 60) : p.totalSeconds;
      out += String(value);
    } else {
      const index = parts.filter((x) => x.kind === 'field' || x.kind === 'elapsed').indexOf(part);
      const prev = units[index - 1];
      const next = units[index + 1];
      const pad = (n: number): string => (part.count >= 2 ? String(n).padStart(2, '0') : String(n));
      switch (part.letter) {
        case 'y':
          out += part.count <= 2 ? String(p.y % 100).padStart(2, '0') : String(p.y);
          break;
        case 'm':
          if (prev === 'h' || next === 's') out += pad(p.mi);
          else out += part.count >= 3 ? `${p.mo}月` : pad(p.mo);
          break;
        case 'd':
          out += part.count >= 3 ? (WEEKDAYS[p.wd] as string) : pad(p.d);
          break;
        case 'h': {
          const hour = twelveHour ? p.h % 12 || 12 : p.h;
          out += pad(hour);
          break;
        }
        default:
          out += pad(p.s);
      }
    }
  }
  return out;
}

/**
 * The text Excel shows for `value` under `formatCode`. `date1904` is the workbook's date system.
 */
export function formatNumber(value: number, formatCode: string, date1904 = false): string {
  const code = formatCode.trim();
  if (code === '' || /^general$/iu.test(code) || !Number.isFinite(value)) return formatGeneral(value);
  const sections = splitSections(code);
  let section = sections[0] as string;
  let v = value;
  let minus = false;
  const conditional = sections.some((s) => /\[(<|>|=|<=|>=|<>)-?[\d.]+\]/u.test(s));
  if (!conditional && sections.length >= 2 && value < 0) {
    section = sections[1] as string;
    v = -value;
  } else if (!conditional && sections.length >= 3 && value === 0) {
    section = sections[2] as string;
  } else if (value < 0) {
    v = -value;
    minus = true;
  }
  // General, or a text section (`@`) applied to a number: the number as General shows it.
  if (/^\s*general\s*$/iu.test(section) || /^\s*@\s*$/u.test(section)) return (minus ? '-' : '') + formatGeneral(v);
  const tokens = tokenize(section);
  if (isDateSection(tokens)) return formatDateSection(value, tokens, date1904).trim();
  // Fractions (`# ?/?`) are not rendered: show the number as General does.
  if (tokens.some((t) => t.kind === 'ch' && t.ch === '/')) return formatGeneral(value);
  const text = formatNumberSection(v, tokens).trim();
  // No minus for a value that rounds to zero (Excel shows 0.00, not -0.00).
  return minus && /[1-9]/u.test(text) ? `-${text}` : text;
}
