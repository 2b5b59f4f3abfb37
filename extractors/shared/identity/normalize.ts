import * as OpenCC from 'opencc-js/t2cn';

// Hong Kong and Taiwan variants and standard traditional characters → simplified (cn).
const toCn = OpenCC.Converter({ from: 'hk', to: 'cn' });

/** Traditional characters to simplified ones, nothing else changed (for matching printed text). */
export function toSimplifiedChars(text: string): string {
  return toCn(text);
}

/** Text in simplified characters, NFKC-normalised (full-width letters, digits, brackets → half-width). */
export function simplified(text: string): string {
  return toCn(text.normalize('NFKC'));
}

/**
 * A department name normalised for grouping and pairing: NFKC, traditional → simplified, brackets
 * unified to the full-width form, whitespace and seal notes (（公章）/（盖章）) dropped. The printed name
 * stays in `department.name`.
 */
export function departmentKey(name: string | null): string | null {
  if (name === null) return null;
  const key = simplified(name)
    .replace(/[\s\u3000]+/gu, '')
    .replace(/\(/gu, '（')
    .replace(/\)/gu, '）')
    .replace(/（(?:公章|盖章|印章|签章)）/gu, '');
  return key === '' ? null : key;
}
