/**
 * Text helpers shared by every reader: joining wrapped lines the way Chinese joins them, and
 * normalising look-alike code points once, in the reader.
 */

/** CJK ideographs, CJK punctuation and full-width forms: text in which a line break is not a space. */
const CJK = /[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’—…·、]/u;

export function isCjkChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && CJK.test(ch);
}

/** How far a word touching the break is searched for CJK (bounded: the left side may be long). */
const WORD_SCAN = 32;

/** The word (run of non-spaces) ending at `text`'s end, or starting at its start, holds CJK. */
function edgeWordHasCjk(text: string, atEnd: boolean): boolean {
  for (let k = 1; k <= Math.min(WORD_SCAN, text.length); k++) {
    const ch = atEnd ? text[text.length - k] : text[k - 1];
    if (ch === undefined || /\s/u.test(ch)) return false;
    if (isCjkChar(ch)) return true;
  }
  return false;
}

/**
 * Join two pieces of wrapped text: no space when either side of the break is CJK (Chinese has no
 * spaces); one space between Latin words and numbers, nothing extra when one side already has it.
 * Lines of different cells or paragraphs are joined with this; a cell's own wrapped lines use
 * `joinCellWrap`.
 */
export function joinWrapped(left: string, right: string): string {
  return joinPieces(left, right, false);
}

/**
 * Join two lines of one cell, the second being where the first wrapped: as `joinWrapped`, and a
 * number cut by the wrap inside CJK text is one number ("广播1" + "2套", "（1" + "0分）"). Only for
 * lines known to be one cell: two cells or lines ("28.6" | "1所学校…") keep their space.
 */
export function joinCellWrap(left: string, right: string): string {
  return joinPieces(left, right, true);
}

function joinPieces(left: string, right: string, cellWrap: boolean): string {
  // trimEnd/trimStart remove exactly what \s matches, without rescanning a long left side (a
  // regex anchored at $ walks the whole string, which made joining many lines quadratic).
  const a = left.trimEnd();
  const b = right.trimStart();
  if (a === '') return b;
  if (b === '') return a;
  const last = a[a.length - 1];
  const first = b[0];
  if (isCjkChar(last) || isCjkChar(first)) return a + b;
  // Lines break between two digits only inside a number (no break opportunity there), so in CJK
  // text a number cut by the wrap is one number; in Latin text two numbers may stand on two lines.
  if (cellWrap && /\d/u.test(last ?? '') && /\d/u.test(first ?? '') && (edgeWordHasCjk(a, true) || edgeWordHasCjk(b, false))) return a + b;
  // A hyphenated Latin word broken over a line keeps its hyphen and loses the break.
  if (last === '-' || last === '/' || first === ',' || first === '.' || first === ')' || first === '%') return a + b;
  return `${a} ${b}`;
}

export function joinLines(parts: readonly string[]): string {
  let out = '';
  for (const part of parts) out = joinWrapped(out, part);
  return out;
}

/** The wrapped lines of one cell as its text (see `joinCellWrap`). */
export function joinCellLines(parts: readonly string[]): string {
  let out = '';
  for (const part of parts) out = joinCellWrap(out, part);
  return out;
}

/**
 * CJK Radicals Supplement (U+2E80–U+2EFF) code points that some PDF producers put in a font's
 * Unicode map for the ideographs they look like. NFKC does not map these (it does map the Kangxi
 * radicals U+2F00–U+2FD5), so they need a table.
 */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '\u2e84': '乙', '\u2e85': '亻', '\u2e86': '冂', '\u2e87': '几', '\u2e88': '刀', '\u2e89': '刂', '\u2e8a': '卜',
  '\u2e8c': '小', '\u2e8d': '小', '\u2e8e': '兀', '\u2e8f': '尣', '\u2e90': '尢', '\u2e91': '尣', '\u2e92': '巳',
  '\u2e93': '幺', '\u2e94': '彑', '\u2e95': '彐', '\u2e96': '忄', '\u2e97': '心', '\u2e98': '扌', '\u2e99': '攵',
  '\u2e9b': '旡', '\u2e9c': '日', '\u2e9d': '月', '\u2e9e': '歹', '\u2e9f': '母', '\u2ea0': '民', '\u2ea1': '氵',
  '\u2ea2': '氺', '\u2ea3': '灬', '\u2ea4': '爫', '\u2ea5': '爫', '\u2ea6': '丬', '\u2ea7': '牛', '\u2ea8': '犭',
  '\u2ea9': '王', '\u2eaa': '疋', '\u2eab': '目', '\u2eac': '示', '\u2ead': '礻', '\u2eae': '竹', '\u2eaf': '糸',
  '\u2eb0': '纟', '\u2eb1': '网', '\u2eb2': '罒', '\u2eb3': '网', '\u2eb4': '罒', '\u2eb5': '网', '\u2eb6': '羊',
  '\u2eb7': '羊', '\u2eb8': '羊', '\u2eb9': '老', '\u2eba': '聿', '\u2ebb': '聿', '\u2ebc': '肉', '\u2ebd': '臼',
  '\u2ebe': '艹', '\u2ebf': '艹', '\u2ec0': '艹', '\u2ec1': '虎', '\u2ec2': '衤', '\u2ec3': '西', '\u2ec4': '西',
  '\u2ec5': '见', '\u2ec6': '角', '\u2ec7': '角', '\u2ec8': '讠', '\u2ec9': '贝', '\u2eca': '足', '\u2ecb': '车',
  '\u2ecc': '辶', '\u2ecd': '辶', '\u2ece': '辶', '\u2ecf': '阝', '\u2ed0': '钅', '\u2ed1': '长', '\u2ed2': '长',
  '\u2ed3': '长', '\u2ed4': '门', '\u2ed5': '阜', '\u2ed6': '阝', '\u2ed7': '雨', '\u2ed8': '青', '\u2ed9': '韦',
  '\u2eda': '页', '\u2edb': '风', '\u2edc': '飞', '\u2edd': '食', '\u2ede': '食', '\u2edf': '食', '\u2ee0': '饣',
  '\u2ee1': '首', '\u2ee2': '马', '\u2ee3': '骨', '\u2ee4': '鬼', '\u2ee5': '鱼', '\u2ee6': '鸟', '\u2ee7': '卤',
  '\u2ee8': '麦', '\u2ee9': '黄', '\u2eea': '黾', '\u2eeb': '齐', '\u2eec': '齐', '\u2eed': '齿', '\u2eee': '齿',
  '\u2eef': '龙', '\u2ef0': '龙', '\u2ef1': '龟', '\u2ef2': '龟', '\u2ef3': '龟',
};

const LOOKALIKE = /[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]/gu;

/**
 * Map look-alike radical code points to the ideographs they stand for. Kangxi radicals and CJK
 * compatibility ideographs go through NFKC; the supplement goes through the table. Other characters are left exactly as they are
 * (full-width digits and punctuation are the quantity parser's business, not the reader's).
 */
export function normalizeLookalikes(text: string): string {
  if (!LOOKALIKE.test(text)) return text;
  LOOKALIKE.lastIndex = 0;
  return text.replace(LOOKALIKE, (ch) => RADICAL_SUPPLEMENT[ch] ?? ch.normalize('NFKC'));
}

/** Collapse runs of whitespace to one space and trim; keeps CJK text intact. */
export function squashSpaces(text: string): string {
  return text.replace(/[\s\u00a0]+/gu, ' ').trim();
}

/** Remove every space that sits next to a CJK character (wrapped-line and layout artefacts). */
export function dropSpacesAroundCjk(text: string): string {
  return text.replace(/(\S)[ \u00a0\u3000]+(?=\S)/gu, (match, before: string, offset: number, whole: string) => {
    const after = whole[offset + match.length];
    return isCjkChar(before) || isCjkChar(after) ? before : match;
  });
}
