import { scoreMissing } from '../../../src/scoring/rules/score-missing.js';
import { indicator } from '../../helpers/make-document.js';
import { runRuleTests } from '../rule-tester.js';

const liwanBlank = indicator({ rubricId: 'new-project-assessment', name: '新增预算项目事前绩效评估', weight: 3, declaredScore: 3, scoreInferred: true });

runRuleTests(scoreMissing, {
  valid: [],
  invalid: [
    // liwan 2023: 新增预算项目事前绩效评估 has no score; the 合计 100 implies 3.
    { name: 'liwan 2023 blank score inferred 3', entry: 'new-project-assessment', declared: 3, inferred: true, rows: [liwanBlank], codes: ['SCORE_MISSING'], expected: 3, actual: null },
    { name: 'blank and not inferable', entry: 'new-project-assessment', declared: null, rows: [indicator({ rubricId: 'new-project-assessment', weight: 3, declaredScore: null })], codes: ['SCORE_MISSING'], expected: null },
    { name: 'the row is absent from the table', entry: 'asset-inventory', declared: null, rows: [], source: 'table', codes: ['SCORE_MISSING'] },
  ],
  unverifiable: [
    { name: 'a score is there', entry: 'asset-inventory', declared: 1, rows: [indicator({ rubricId: 'asset-inventory', weight: 1, declaredScore: 1 })] },
    { name: 'a report category score is there', entry: 'output-completion', declared: 18.79 },
  ],
});
