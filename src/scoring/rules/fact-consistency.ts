import { DERIVATIONS, deriveFact, factTolerance } from '../facts.js';
import { formatRate } from '../numbers.js';
import type { DocumentCheck, RuleReport } from '../types.js';

/**
 * A stated rate against the figures it is computed from (baiyun 2023: 公用经费控制率 −16.56% =
 * (143.34 − 171.79) / 171.79). The rules score from the stated rate; a disagreement is reported here once.
 */
export const factConsistency: DocumentCheck = {
  meta: {
    id: 'fact-consistency',
    title: '比率与其构成数据一致',
    applies: 'always',
    messages: {
      inconsistent: '文中{{label}}为 {{stated}}，但按文中数据计算为 {{derived}}，请核对“{{name}}”的得分依据',
    },
  },
  check({ rubric, document, companions }) {
    const reports: RuleReport[] = [];
    const documents = [document, ...companions];
    for (const [key, derivation] of Object.entries(DERIVATIONS)) {
      const stated = document.facts[key];
      if (!stated) continue;
      const derived = deriveFact(key, documents);
      if (!derived || Math.abs(derived.value - stated.value) <= factTolerance(key)) continue;
      const entry = rubric?.entries.find((e) => e.rule.params['fact'] === key);
      const name = entry?.name ?? derivation.label;
      reports.push({
        code: 'RECOMPUTED_MISMATCH',
        severity: 'warning',
        messageId: 'inconsistent',
        data: { label: derivation.label, stated: formatRate(stated.value), derived: formatRate(derived.value), name },
        expected: Math.round(derived.value * 10000) / 10000,
        actual: stated.value,
        provenance: [stated.provenance, ...derived.provenance],
        indicator: name,
      });
    }
    return reports;
  },
};
