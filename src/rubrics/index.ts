import { readFileSync } from 'node:fs';
import { Rubric } from './schema.js';

export { Rubric, RubricEntry, RubricNode, RubricRule, GradeBand } from './schema.js';

/** Rubric id → its JSON file next to this module (the build copies src/rubrics/*.json to dist). */
const RUBRIC_FILES = {
  'gz-2022': new URL('./gz-2022.json', import.meta.url),
  'gz-2023': new URL('./gz-2023.json', import.meta.url),
} as const satisfies Record<string, URL>;

export type RubricId = keyof typeof RUBRIC_FILES;

/** Districts of 广州市; a document from any of them (or with no region) is scored by a 广州 rubric. */
const GUANGZHOU_DISTRICTS = [
  '越秀', '海珠', '荔湾', '天河', '白云', '黄埔', '番禺', '花都', '南沙', '从化', '增城',
] as const;

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
    .sort((a, b) => Math.min(...a.fiscalYears) - Math.min(...b.fiscalYears));
}

export interface RubricSelection {
  /** null: no rubric covers the document's region, form and year; only structural checks apply. */
  rubric: Rubric | null;
  warnings: Array<{ code: string; message: string }>;
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

function regionToCity(region: string | null): string {
  if (region === null || region.trim() === '') return '广州市';
  if (region.includes('广州') || GUANGZHOU_DISTRICTS.some((d) => region.includes(d))) return '广州市';
  return region;
}

/**
 * The rubric a document is scored by: the city's rubrics, the newest whose year ≤ the document's fiscal year
 * (warning RUBRIC_YEAR_FALLBACK when that year has no rubric of its own); a document with 专项效能 rows is
 * scored by the 2022 shape whatever its year says (warning RUBRIC_SHAPE_OVERRIDE).
 */
export function selectRubric(query: RubricQuery): RubricSelection {
  const warnings: RubricSelection['warnings'] = [];
  const city = regionToCity(query.regionText[0] ?? null);
  let candidates = listRubrics().filter((r) => r.region === city);
  if (candidates.length === 0) {
    warnings.push({
      code: 'RUBRIC_REGION_FALLBACK',
      message: `没有“${query.regionText[0] ?? ''}”的评分标准，改用广州市评分标准`,
    });
    candidates = listRubrics().filter((r) => r.region === '广州市');
  }
  const newest = candidates[candidates.length - 1];
  const oldest = candidates[0];
  if (!newest || !oldest) throw new Error('没有可用的评分标准');

  if (query.hasSpecialFundsRows) {
    const shaped = candidates.find((r) => r.level2.some((n) => n.name === '专项效能'));
    if (shaped) {
      if (query.fiscalYear === null || !shaped.fiscalYears.includes(query.fiscalYear)) {
        warnings.push({
          code: 'RUBRIC_SHAPE_OVERRIDE',
          message: `文件含“专项效能”指标（2022 年版结构），年度为 ${query.fiscalYear ?? '未知'}，按 ${shaped.title} 评分`,
        });
      }
      return { rubric: shaped, warnings };
    }
  }

  if (query.fiscalYear === null) {
    warnings.push({ code: 'RUBRIC_YEAR_FALLBACK', message: `年度未知，按最新的 ${newest.title} 评分` });
    return { rubric: newest, warnings };
  }
  const year = query.fiscalYear;
  const exact = candidates.find((r) => r.fiscalYears.includes(year));
  if (exact) return { rubric: exact, warnings };
  const earlier = candidates.filter((r) => Math.min(...r.fiscalYears) <= year);
  const chosen = earlier[earlier.length - 1] ?? oldest;
  warnings.push({
    code: 'RUBRIC_YEAR_FALLBACK',
    message: `没有 ${year} 年度的评分标准，按 ${chosen.title} 评分`,
  });
  return { rubric: chosen, warnings };
}
