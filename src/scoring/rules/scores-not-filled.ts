import { scorableRows } from '../form.js';
import { declaredProvenance } from '../rows.js';
import type { DocumentCheck } from '../types.js';

/**
 * A form published with every score blank (linxi 2023: 得分 and 完成值 empty, the 合计 too): one warning for
 * the document instead of a SCORE_MISSING per row (the engine drops those when this is reported).
 */
export const scoresNotFilled: DocumentCheck = {
  meta: {
    id: 'scores-not-filled',
    title: '得分全部未填',
    applies: 'always',
    messages: {
      notFilled: '表中 {{count}} 项指标的得分都没有填写{{total}}，得分无法复核；只检查了分值、预算数据和执行率',
    },
  },
  check({ document }) {
    const rows = scorableRows(document);
    if (rows.length < 2 || rows.some((r) => r.declaredScore !== null)) return [];
    const first = rows[0];
    return [
      {
        code: 'SCORES_NOT_FILLED',
        severity: 'warning',
        messageId: 'notFilled',
        data: { count: rows.length, total: document.declared.total === null ? '，总分也未填' : '' },
        expected: null,
        actual: null,
        provenance: [...(first ? [first.provenance] : []), ...declaredProvenance(document, null, 'total')],
        indicator: null,
      },
    ];
  },
};
