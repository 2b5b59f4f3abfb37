/**
 * xl/styles.xml → the number format code of each cell style (`s` attribute = index into cellXfs).
 * Built-in format ids 0–49 (and the Chinese-locale date ids 50–58) are resolved to their codes;
 * custom ones come from `numFmts`.
 */
import { childAt, childElements, type XmlElement } from '../xml.js';

/** Built-in number formats (ECMA-376 Part 1, 18.8.30), with the zh-CN rendering of the locale-dependent ids. */
export const BUILTIN_NUMBER_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  5: '"¥"#,##0;"¥"-#,##0',
  6: '"¥"#,##0;[Red]"¥"-#,##0',
  7: '"¥"#,##0.00;"¥"-#,##0.00',
  8: '"¥"#,##0.00;[Red]"¥"-#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'yyyy/m/d',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy/m/d h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  41: '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)',
  42: '_("¥"* #,##0_);_("¥"* (#,##0);_("¥"* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)',
  44: '_("¥"* #,##0.00_);_("¥"* (#,##0.00);_("¥"* "-"??_);_(@_)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mm:ss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

export interface CellStyles {
  /** The number format code of cell style `index` (General when unknown). */
  formatCode(index: number): string;
}

/** Read the number format of every cellXfs entry; a missing styles part means General everywhere. */
export function readCellStyles(root: XmlElement | null): CellStyles {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  if (root) {
    for (const fmt of childElements(childAt(root, ['numFmts']) ?? root, 'numFmt')) {
      const id = Number.parseInt(fmt.attrs['numFmtId'] ?? '', 10);
      if (Number.isInteger(id)) custom.set(id, fmt.attrs['formatCode'] ?? 'General');
    }
    for (const xf of childElements(childAt(root, ['cellXfs']) ?? root, 'xf')) {
      xfFormats.push(Number.parseInt(xf.attrs['numFmtId'] ?? '0', 10) || 0);
    }
  }
  return {
    formatCode(index: number): string {
      const id = xfFormats[index] ?? 0;
      return custom.get(id) ?? BUILTIN_NUMBER_FORMATS[id] ?? 'General';
    },
  };
}
