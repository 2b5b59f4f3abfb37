import { describe, expect, it } from 'vitest';
import { unknownIndicator } from '../../../src/scoring/rules/unknown-indicator.js';
import { indicator, makeDocument } from '../../helpers/make-document.js';
import { documentContext, runDocumentCheck } from '../rule-tester.js';
import { zengchengTable } from '../zengcheng-2022.js';

describe('unknown-indicator', () => {
  it('every zengcheng 2022 row is known to gz-2022', () => {
    expect(runDocumentCheck(unknownIndicator, documentContext(zengchengTable()))).toEqual([]);
  });

  it('a row with no match, and a 2022-only row under gz-2023', () => {
    const table = makeDocument({
      fiscalYear: 2023,
      indicators: [
        indicator({ rubricId: null, name: null, weight: 4, declaredScore: 4 }),
        indicator({ rubricId: 'special-funds-completion', name: '专项资金绩效完成情况', weight: 20, declaredScore: 18.89 }),
      ],
    });
    const findings = runDocumentCheck(unknownIndicator, documentContext(table));
    expect(findings).toMatchObject([
      { code: 'UNKNOWN_INDICATOR', indicator: '（名称空白）', actual: 4 },
      { code: 'UNKNOWN_INDICATOR', indicator: '专项资金绩效完成情况', actual: 18.89 },
    ]);
    expect(findings[1]?.message).toContain('2023');
  });
});
