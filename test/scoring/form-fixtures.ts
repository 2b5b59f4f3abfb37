/**
 * Hand-made rows and documents of the national project form and of other provinces' department forms, for
 * the row-by-row rules: the variants the beyond/ samples show and the ones they do not (a form stating its
 * rescaling, 预算执行 at 20 points, a printed weight against its own note).
 */
import type { Document, Indicator, Quantity } from '../../src/schema/index.js';
import { indicator, makeDocument, prov } from '../helpers/make-document.js';

export function q(text: string, value: number | null, unit: string | null, comparator: Quantity['comparator'] = null): Quantity {
  return { text, value, unit, comparator, qualitative: false, date: null };
}

export function qual(text: string): Quantity {
  return { text, value: null, unit: null, comparator: null, qualitative: true, date: null };
}

export function date(text: string, iso: string, comparator: Quantity['comparator'] = null): Quantity {
  return { text, value: null, unit: null, comparator, qualitative: false, date: iso };
}

/** One indicator row of a form. */
export function row(name: string, weight: number | null, score: number | null, target: Quantity | null, actual: Quantity | null, fields: Partial<Indicator> = {}): Indicator {
  return indicator({ rubricId: null, level1: '产出指标', level2: '数量指标', name, weight, declaredScore: score, target, actual, provenance: prov(`${name} ${target?.text ?? ''} ${actual?.text ?? ''} ${weight ?? ''} ${score ?? ''}`), ...fields });
}

/** The scored row of a budget block (年度资金总额 … 分值 / 执行率 / 得分). */
export function budgetRow(weight: number | null, score: number | null, criteria: string | null = null): Indicator {
  return indicator({ rubricId: null, role: 'budget-execution', name: '年度资金总额', weight, declaredScore: score, criteria, provenance: prov(`年度资金总额 ${weight ?? ''} ${score ?? ''}`) });
}

export interface FormFields {
  kind?: Document['kind'];
  rows: Indicator[];
  total?: number | null;
  budget?: { total: number | null; actualSpending: number | null; executionRate: number | null };
  byCategory?: Document['declared']['byCategory'];
  byLevel1?: Record<string, number>;
  name?: string;
  fiscalYear?: number;
}

/** A form as the extractors give it, its budget block filled in. */
export function form(f: FormFields): Document {
  const document = makeDocument({
    kind: f.kind ?? 'project-table',
    name: f.name ?? '白溪县水利局',
    fiscalYear: f.fiscalYear ?? 2023,
    indicators: f.rows,
    declared: { total: f.total ?? null, byCategory: f.byCategory ?? {}, byLevel1: f.byLevel1 ?? {}, provenance: f.total == null ? {} : { total: prov(`总分 100 ${f.total}`) } },
  });
  const b = f.budget;
  if (b) {
    document.budget.total = b.total;
    document.budget.actualSpending = b.actualSpending;
    document.budget.executionRate = b.executionRate;
    document.budget.lines = [
      ...(b.total === null ? [] : [{ label: '全年预算数', amount: b.total, unit: '万元' as const, text: String(b.total), provenance: prov(`全年预算数 ${b.total}`) }]),
      ...(b.actualSpending === null ? [] : [{ label: '全年执行数', amount: b.actualSpending, unit: '万元' as const, text: String(b.actualSpending), provenance: prov(`全年执行数 ${b.actualSpending}`) }]),
    ];
  }
  return document;
}

export const LIUWAN_NOTE = '注：资金单位为万元。执行率得分按执行率乘以分值计算，各项指标得分不得超过其分值；不涉及的指标填“不适用”。';
export const YULING_NOTE = '注：1.执行率得分＝执行率×执行率权重；2.得分系数＝完成值÷调整后目标值（越小越好的指标为调整后目标值÷完成值），最高为100%；3.指标得分＝得分系数×权重，指标权重合计90分。';
export const BAIXI_NOTE = '注：1.预算执行率按全年执行数与全年预算数之比计算，满分10分；产出、效益、满意度指标合计90分。';
export const RESCALE_NOTE = '注：不适用的指标不计分，得分按适用指标分值之和折算为百分制。';
