import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Rubric } from './schema.js';
import type { RubricRegion } from './schema.js';

export { Rubric, RubricEntry, RubricNode, RubricRegion, RubricRule, RowRule, GradeBand, RUBRIC_KINDS } from './schema.js';

/** Rubric id → its JSON file next to this module (the build copies src/rubrics/*.json to dist). */
const RUBRIC_FILES = {
  'gz-2022': new URL('./gz-2022.json', import.meta.url),
  'gz-2023': new URL('./gz-2023.json', import.meta.url),
  'national-project': new URL('./national-project.json', import.meta.url),
} as const satisfies Record<string, URL>;

export type RubricId = keyof typeof RUBRIC_FILES;

const cache = new Map<string, Rubric>();

function isRubricId(id: string): id is RubricId {
  return Object.hasOwn(RUBRIC_FILES, id);
}

/** Parse and validate one rubric file; throws an Error naming the rubric and the first bad field. */
export function loadRubric(id: string): Rubric {
  const cached = cache.get(id);
  if (cached) return cached;
  if (!isRubricId(id)) throw new Error(`未知的评分标准 ${id}（可用：${Object.keys(RUBRIC_FILES).join('、')}）`);
  const raw: unknown = JSON.parse(readFileSync(RUBRIC_FILES[id], 'utf8'));
  const parsed = Rubric.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new Error(`评分标准 ${id} 格式错误：${where} ${issue?.message ?? ''}`.trim());
  }
  cache.set(id, parsed.data);
  return parsed.data;
}

/** Every rubric, oldest fiscal year first. */
export function listRubrics(): Rubric[] {
  return (Object.keys(RUBRIC_FILES) as RubricId[])
    .map((id) => loadRubric(id))
    .sort((a, b) => Math.min(...a.fiscalYears) - Math.min(...b.fiscalYears) || a.id.localeCompare(b.id));
}

/**
 * What forms print about their own scoring, as data: the phrases by which a form states a rule (得分 =
 * 分值 × 执行率; 按 100 分折算), and the level names that stand for a declared.byCategory key.
 */
export const FormVocabulary = z
  .object({
    statedRules: z.object({ executionScore: z.array(z.string()).min(1), rescale: z.array(z.string()).min(1) }).strict(),
    categories: z.record(z.string(), z.array(z.string()).min(1)),
  })
  .strict();
export type FormVocabulary = z.infer<typeof FormVocabulary>;

let vocabulary: FormVocabulary | null = null;

export function formVocabulary(): FormVocabulary {
  vocabulary ??= FormVocabulary.parse(JSON.parse(readFileSync(new URL('./form-vocabulary.json', import.meta.url), 'utf8')));
  return vocabulary;
}

/** The document's region as the schema gives it (Document.region). */
export interface DocumentRegion {
  province: string | null;
  city: string | null;
  county: string | null;
  code: string | null;
}

export interface RubricQuery {
  /** Document.kind. */
  kind: string;
  /** Document.region (from the administrative-division data); null when unknown. */
  region: DocumentRegion | null;
  /**
   * Text that may name the region when `region` is null or lacks the level a rubric is set for: the
   * department's region and name as printed, the project's units.
   */
  regionText: ReadonlyArray<string | null>;
  fiscalYear: number | null;
  /** The document has 专项效能 rows (专项资金绩效完成情况 / 专项资金支出率): it is 2022-shaped. */
  hasSpecialFundsRows: boolean;
}

export interface RubricSelection {
  /** null: no rubric covers the document's region, form and year; only structural checks apply. */
  rubric: Rubric | null;
  warnings: Array<{ code: string; message: string }>;
}

const KIND_LABELS: Readonly<Record<string, string>> = {
  'self-evaluation-table': '部门整体支出绩效自评表',
  'self-evaluation-report': '部门整体支出绩效自评报告',
  'table-explanation': '自评表说明',
  'project-table': '项目支出绩效自评表',
  'project-report': '项目支出绩效自评报告',
};

const LEVELS = ['county', 'city', 'province'] as const;

const squeeze = (s: string): string => s.normalize('NFKC').replace(/\s+/gu, '');

/** 广州市 → 广州, 广东省 → 广东, 广西壮族自治区 → 广西 (a name as it is also written inside longer names). */
function shortName(name: string): string {
  const n = squeeze(name);
  const short = n.replace(/(?:壮族|回族|维吾尔)?(?:自治区|特别行政区|省|市|自治州|地区|盟|县|区)$/u, '');
  return short.length >= 2 ? short : n;
}

/** The GB/T 2260 prefix a code stands for: 440100 → 4401, 440000 → 44, 440111 → 440111. */
function codePrefix(code: string): string {
  return code.replace(/(?:00)+$/u, '');
}

/**
 * Whether a rubric's region covers the document: the document's structured region first (code, then
 * names level by level; a named level that differs is another place), then the most specific name of the
 * rubric's region inside the document's own text (广州市… in a department name). Unknown is not covered.
 */
export function regionCovers(rubricRegion: RubricRegion | null, query: Pick<RubricQuery, 'region' | 'regionText'>): boolean {
  if (rubricRegion === null) return true;
  const region = query.region;
  if (region?.code && rubricRegion.code) return region.code.startsWith(codePrefix(rubricRegion.code));
  let mostSpecific: string | null = null;
  let matched = false;
  for (const level of LEVELS) {
    const wanted = rubricRegion[level];
    if (wanted === null) continue;
    const have = region?.[level] ?? null;
    if (have !== null && squeeze(have) !== squeeze(wanted)) return false;
    if (mostSpecific === null) {
      mostSpecific = wanted;
      matched = have !== null;
    }
  }
  if (mostSpecific === null) return true;
  if (matched) return true;
  const short = shortName(mostSpecific);
  return query.regionText.some((t) => t !== null && squeeze(t).includes(short));
}

/** Where the document is, for messages: its structured region, else its printed region, else 地区不明. */
function describeRegion(query: RubricQuery): string {
  const r = query.region;
  const named = r ? [r.province, r.city, r.county].filter((x, i, all): x is string => x !== null && all.indexOf(x) === i).join('') : '';
  if (named) return named;
  const printed = query.regionText.find((t) => t !== null && t.trim() !== '');
  return printed ? `“${printed.trim()}”` : '地区不明的文件';
}

function notAvailable(message: string): RubricSelection {
  return { rubric: null, warnings: [{ code: 'RUBRIC_NOT_AVAILABLE', message: `${message}，只做了不依赖评分标准的结构性检查（得分与分值、合计、执行率、预算构成等）` }] };
}

/** How specific a rubric's region is: county 3, city 2, province 1, anywhere 0. */
function specificity(rubric: Rubric): number {
  const r = rubric.region;
  if (r === null) return 0;
  return r.county !== null ? 3 : r.city !== null ? 2 : r.province !== null ? 1 : 0;
}

/**
 * The rubric a document is scored by. Among the rubrics for its form (kind) whose region covers it (the
 * most specific region first): the version of its fiscal year; else the newest earlier version
 * (RUBRIC_YEAR_FALLBACK, except past the newest of a rubric that stays in force); a document with 专项效能
 * rows is scored by the 2022 shape whatever its year says (RUBRIC_SHAPE_OVERRIDE). No rubric at all
 * (RUBRIC_NOT_AVAILABLE) when none covers the region or form, or the year is before every version.
 */
export function selectRubric(query: RubricQuery): RubricSelection {
  const covering = listRubrics().filter((r) => (r.kinds as readonly string[]).includes(query.kind) && regionCovers(r.region, query));
  const kind = KIND_LABELS[query.kind] ?? '文件';
  if (covering.length === 0) return notAvailable(`没有适用于${describeRegion(query)}${kind}的评分标准`);
  const best = Math.max(...covering.map(specificity));
  const candidates = covering.filter((r) => specificity(r) === best);
  const newest = candidates[candidates.length - 1] as Rubric;
  const year = query.fiscalYear;
  const first = Math.min(...candidates.flatMap((r) => r.fiscalYears));
  if (year !== null && year < first) {
    const where = newest.region === null ? '' : (newest.region.county ?? newest.region.city ?? newest.region.province ?? '');
    return notAvailable(`${where}${kind}的评分标准最早适用于 ${first} 年度，没有 ${year} 年度的评分标准`);
  }

  const warnings: RubricSelection['warnings'] = [];
  if (query.hasSpecialFundsRows) {
    const shaped = candidates.find((r) => r.level2.some((n) => n.name === '专项效能'));
    if (shaped) {
      if (year === null || !shaped.fiscalYears.includes(year)) {
        warnings.push({
          code: 'RUBRIC_SHAPE_OVERRIDE',
          message: `文件含“专项效能”指标（2022 年版结构），年度为 ${year ?? '未知'}，按 ${shaped.title} 评分`,
        });
      }
      return { rubric: shaped, warnings };
    }
  }

  if (year === null) {
    warnings.push({ code: 'RUBRIC_YEAR_FALLBACK', message: `年度未知，按最新的 ${newest.title} 评分` });
    return { rubric: newest, warnings };
  }
  const exact = candidates.find((r) => r.fiscalYears.includes(year));
  if (exact) return { rubric: exact, warnings };
  const earlier = candidates.filter((r) => Math.min(...r.fiscalYears) <= year);
  const chosen = earlier[earlier.length - 1] as Rubric;
  if (!(chosen === newest && chosen.openEnded)) {
    warnings.push({ code: 'RUBRIC_YEAR_FALLBACK', message: `没有 ${year} 年度的评分标准，按 ${chosen.title} 评分` });
  }
  return { rubric: chosen, warnings };
}

/** The query for a document (or an extractor's draft of one): its kind, region, printed names and year. */
export function rubricQueryOf(
  document: {
    kind: string;
    region: DocumentRegion | null;
    department: { name: string | null; region: string | null };
    project?: { supervisor: string | null; implementer: string | null } | null;
    fiscalYear: number | null;
  },
  hasSpecialFundsRows = false,
): RubricQuery {
  return {
    kind: document.kind,
    region: document.region,
    regionText: [document.department.region, document.department.name, document.project?.supervisor ?? null, document.project?.implementer ?? null],
    fiscalYear: document.fiscalYear,
    hasSpecialFundsRows,
  };
}
