/**
 * Automatic list numbering (word/numbering.xml): the "一、", "（一）", "1." and "(1)" that Word draws in
 * front of a numbered paragraph but does not store in its text. Report sections are numbered this
 * way, and the extractors find sections by those labels, so the reader writes them into the line.
 *
 * A paragraph is numbered by its own `w:numPr` or by its paragraph style's (following `w:basedOn`).
 * Counters belong to the abstract numbering a list instance points to, so instances of one abstract
 * list continue each other unless an instance overrides the start (`w:startOverride`), as Word does.
 */
import { childAt, childElements, type XmlElement } from '../xml.js';

interface Level {
  start: number;
  format: string;
  text: string;
  legal: boolean;
}

interface ListInstance {
  abstractId: string;
  /** Level → start override (restarts that level the first time the instance is used). */
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, Level>;
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (up to 9999). */
export function chineseCounting(n: number, digits: readonly string[] = CHINESE_DIGITS, units: readonly string[] = ['', '十', '百', '千']): string {
  if (n <= 0 || n >= 10000) return String(n);
  const parts = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  parts.forEach((d, i) => {
    const unit = units[parts.length - 1 - i] ?? '';
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += digits[0];
    zero = false;
    // 十二, not 一十二, when ten leads.
    out += d === 1 && unit === units[1] && out === '' ? unit : `${digits[d]}${unit}`;
  });
  return out;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n;
  for (const [value, symbol] of table) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

function letters(n: number): string {
  if (n <= 0) return String(n);
  // Word repeats the letter: a … z, aa … zz.
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter value in a numbering format (ST_NumberFormat). */
export function formatListNumber(n: number, format: string): string {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographDigital':
    case 'japaneseCounting':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
      return chineseCounting(n, LEGAL_DIGITS, ['', '拾', '佰', '仟']);
    case 'ideographTraditional':
      return HEAVENLY_STEMS[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac':
      return EARTHLY_BRANCHES[(n - 1) % 12] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : n <= 35 ? String.fromCodePoint(0x3251 + n - 21) : String(n);
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'decimalEnclosedFullstop':
      return `${n}.`;
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/gu, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'none':
      return '';
    default:
      return String(n);
  }
}

function intVal(el: XmlElement | undefined, fallback: number): number {
  const n = Number.parseInt(el?.attrs['val'] ?? '', 10);
  return Number.isFinite(n) ? n : fallback;
}

function readLevel(lvl: XmlElement): Level {
  return {
    start: intVal(childAt(lvl, ['start']), 1),
    format: childAt(lvl, ['numFmt'])?.attrs['val'] ?? 'decimal',
    text: childAt(lvl, ['lvlText'])?.attrs['val'] ?? '',
    legal: childAt(lvl, ['isLgl']) !== undefined,
  };
}

function levelsOf(container: XmlElement): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of childElements(container, 'lvl')) levels.set(Number.parseInt(lvl.attrs['ilvl'] ?? '0', 10) || 0, readLevel(lvl));
  return levels;
}

export class ListNumbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly instances = new Map<string, ListInstance>();
  /** Paragraph style id → its numbering (numId, ilvl), following basedOn. */
  private readonly styleNumbering = new Map<string, { numId: string; level: number }>();
  private readonly counters = new Map<string, number[]>();
  private readonly startedInstances = new Set<string>();

  constructor(numbering: XmlElement | null, styles: XmlElement | null) {
    if (numbering) {
      for (const abs of childElements(numbering, 'abstractNum')) this.abstracts.set(abs.attrs['abstractNumId'] ?? '', levelsOf(abs));
      for (const num of childElements(numbering, 'num')) {
        const startOverrides = new Map<number, number>();
        const levelOverrides = new Map<number, Level>();
        for (const override of childElements(num, 'lvlOverride')) {
          const level = Number.parseInt(override.attrs['ilvl'] ?? '0', 10) || 0;
          const start = childAt(override, ['startOverride']);
          if (start) startOverrides.set(level, intVal(start, 1));
          const lvl = childAt(override, ['lvl']);
          if (lvl) levelOverrides.set(level, readLevel(lvl));
        }
        this.instances.set(num.attrs['numId'] ?? '', { abstractId: childAt(num, ['abstractNumId'])?.attrs['val'] ?? '', startOverrides, levelOverrides });
      }
    }
    if (styles) this.readStyles(styles);
  }

  get isEmpty(): boolean {
    return this.instances.size === 0;
  }

  private readStyles(styles: XmlElement): void {
    const own = new Map<string, { numId?: string; level?: number; basedOn?: string }>();
    for (const style of childElements(styles, 'style')) {
      if ((style.attrs['type'] ?? 'paragraph') !== 'paragraph') continue;
      const numPr = childAt(style, ['pPr', 'numPr']);
      const numId = numPr && childAt(numPr, ['numId'])?.attrs['val'];
      const ilvl = numPr && childAt(numPr, ['ilvl']);
      const basedOn = childAt(style, ['basedOn'])?.attrs['val'];
      own.set(style.attrs['styleId'] ?? '', {
        ...(numId !== undefined ? { numId } : {}),
        ...(ilvl ? { level: intVal(ilvl, 0) } : {}),
        ...(basedOn !== undefined ? { basedOn } : {}),
      });
    }
    for (const id of own.keys()) {
      let numId: string | undefined;
      let level: number | undefined;
      const seen = new Set<string>();
      for (let current: string | undefined = id; current !== undefined && !seen.has(current); current = own.get(current)?.basedOn) {
        seen.add(current);
        const entry = own.get(current);
        numId ??= entry?.numId;
        level ??= entry?.level;
      }
      if (numId !== undefined) this.styleNumbering.set(id, { numId, level: level ?? 0 });
    }
  }

  /**
   * The label Word draws for this paragraph (`一、`, `（二）`, `3.`), advancing the counters; null for
   * a paragraph that is not numbered.
   */
  labelFor(paragraph: XmlElement): string | null {
    if (this.isEmpty) return null;
    const pPr = childAt(paragraph, ['pPr']);
    const numPr = pPr && childAt(pPr, ['numPr']);
    const styleId = pPr && childAt(pPr, ['pStyle'])?.attrs['val'];
    const fromStyle = styleId !== undefined ? this.styleNumbering.get(styleId) : undefined;
    const numId = (numPr && childAt(numPr, ['numId'])?.attrs['val']) ?? fromStyle?.numId;
    if (numId === undefined || numId === '0') return null;
    const ilvl = numPr && childAt(numPr, ['ilvl']);
    const level = Math.min(8, Math.max(0, ilvl ? intVal(ilvl, 0) : (fromStyle?.level ?? 0)));
    const instance = this.instances.get(numId);
    if (!instance) return null;
    const abstract = this.abstracts.get(instance.abstractId) ?? new Map<number, Level>();
    const levelAt = (l: number): Level => instance.levelOverrides.get(l) ?? abstract.get(l) ?? { start: 1, format: 'decimal', text: '', legal: false };
    const counters = this.counters.get(instance.abstractId) ?? [];
    this.counters.set(instance.abstractId, counters);
    if (!this.startedInstances.has(numId)) {
      this.startedInstances.add(numId);
      for (const [l, start] of instance.startOverrides) counters[l] = start - 1;
    }
    counters[level] = counters[level] === undefined ? levelAt(level).start : (counters[level] as number) + 1;
    // A level restarts whenever a higher level advances.
    counters.length = level + 1;
    const lvl = levelAt(level);
    if (lvl.format === 'bullet') return /^[\ue000-\uf8ff]?$/u.test(lvl.text) ? '•' : lvl.text;
    return lvl.text.replace(/%([1-9])/gu, (_, d: string) => {
      const l = Number(d) - 1;
      const value = counters[l] ?? levelAt(l).start;
      return formatListNumber(value, lvl.legal && l < level ? 'decimal' : levelAt(l).format);
    });
  }
}
