import type { Document } from '../../src/schema/document.js';

/** Every leaf where two JSON values differ, named by its path (`indicators[3].declaredScore`). */
export function diffValues(expected: unknown, actual: unknown, path = ''): string[] {
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual)) return [`${path}: expected ${show(expected)}, got ${show(actual)}`];
    const out: string[] = [];
    if (expected.length !== actual.length) out.push(`${path}.length: expected ${expected.length}, got ${actual.length}`);
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) out.push(...diffValues(expected[i], actual[i], `${path}[${i}]`));
    return out;
  }
  if (isObject(expected) && isObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    return keys.flatMap((k) => diffValues(expected[k], actual[k], path ? `${path}.${k}` : k));
  }
  if (typeof expected === 'number' && typeof actual === 'number' && Math.abs(expected - actual) < 1e-9) return [];
  return Object.is(expected, actual) ? [] : [`${path}: expected ${show(expected)}, got ${show(actual)}`];
}

/** Number of leaves in a JSON value. */
export function countLeaves(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countLeaves(v), 0);
  if (isObject(value)) return Object.values(value).reduce((n: number, v) => n + countLeaves(v), 0);
  return 1;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? 'undefined' : s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

const squeeze = (s: string | null): string | null => (s === null ? null : s.replace(/[\s\u3000]/gu, '').replace(/[()]/gu, (c) => (c === '(' ? '（' : '）')));

/**
 * What every format of one document must agree on: the values, not where they were found. Provenance,
 * source and extraction warnings differ by format; text is compared without whitespace (wrapping).
 */
export function twinProjection(doc: Document): unknown {
  const q = (x: Document['targets'][number]['target'] | Document['indicators'][number]['actual']) => (x === null ? null : { value: x.value, unit: x.unit, comparator: x.comparator, qualitative: x.qualitative, date: x.date });
  return {
    kind: doc.kind,
    department: { name: squeeze(doc.department.name), key: squeeze(doc.department.key), region: doc.department.region, inferred: doc.department.inferred },
    region: doc.region === null ? null : { province: doc.region.province, city: doc.region.city, county: doc.region.county, code: doc.region.code },
    project: doc.project === null ? null : { name: squeeze(doc.project.name), code: doc.project.code, supervisor: squeeze(doc.project.supervisor), implementer: squeeze(doc.project.implementer) },
    fiscalYear: doc.fiscalYear,
    goals: { overall: squeeze(doc.goals.overall), completion: squeeze(doc.goals.completion), unmetReasons: squeeze(doc.goals.unmetReasons), tasks: doc.goals.tasks.map((t) => ({ index: t.index, goal: squeeze(t.goal), completion: squeeze(t.completion), unmetReason: squeeze(t.unmetReason) })) },
    budget: { ...doc.budget, lines: doc.budget.lines.map((l) => ({ label: squeeze(l.label), amount: l.amount })) },
    indicators: doc.indicators.map((i) => ({
      level1: i.level1, level1Weight: i.level1Weight, level2: i.level2, level2Weight: i.level2Weight, name: squeeze(i.name),
      rubricId: i.rubricId, part: i.part, role: i.role, weight: i.weight, declaredScore: i.declaredScore, scoreInferred: i.scoreInferred,
      target: q(i.target), initialTarget: q(i.initialTarget), actual: q(i.actual), coefficient: i.coefficient, core: i.core, notApplicable: i.notApplicable,
      explanation: squeeze(i.explanation), criteria: squeeze(i.criteria), basis: squeeze(i.basis),
      shortfallReason: squeeze(i.shortfallReason), improvement: squeeze(i.improvement), note: squeeze(i.note),
    })),
    targets: doc.targets.map((t) => ({ category: t.category, index: t.index, name: squeeze(t.name), target: q(t.target), actual: q(t.actual), unmetReason: squeeze(t.unmetReason) })),
    declared: { total: doc.declared.total, grade: doc.declared.grade, byLevel1: doc.declared.byLevel1, byCategory: doc.declared.byCategory },
    facts: Object.fromEntries(Object.entries(doc.facts).map(([k, f]) => [k, f.value])),
    verification: {
      scope: doc.verification.scope, summary: doc.verification.summary,
      declaredTotal: doc.verification.declaredTotal, indicatorSum: doc.verification.indicatorSum, recomputedTotal: doc.verification.recomputedTotal,
      checks: doc.verification.checks.map((c) => ({ rubricId: c.rubricId, declared: c.declared, recomputed: c.recomputed, status: c.status })),
      findings: doc.verification.findings.map((f) => `${f.code}:${f.indicator ?? ''}`).sort(),
    },
  };
}
