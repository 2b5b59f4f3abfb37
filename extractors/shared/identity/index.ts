import type { LayoutDocument } from '../../../src/layout/model.js';
import type { Department, DocumentKind, Project, Region } from '../../../src/schema/document.js';
import type { Provenance } from '../../../src/schema/provenance.js';
import { TextStream, layoutLines } from '../text-stream.js';
import { nameCandidates, type NameCandidate } from './candidates.js';
import { evaluatedYearIn, mostNamedYear, yearInValue, yearOfCitedEvaluation, type FiscalYearFound } from './fiscal-year.js';
import { firstField, readLabelledFields, type LabelledField } from './labels.js';
import { isSelfStandingUnit } from './organisation.js';
import { readProject, unitOf } from './project.js';
import { countyOf, regionFromName } from './region.js';
import { titleCandidates } from './title.js';
import { departmentKey } from './normalize.js';
import { shadowOf } from './shadow.js';

export { departmentKey, simplified } from './normalize.js';
export { regionFromName, countyOf } from './region.js';
export { cleanOrganisationName, isOrganisation } from './organisation.js';
export { readLabelledFields, type LabelledField } from './labels.js';
export { titleCandidates, type TitleCandidate } from './title.js';
export { shadowOf } from './shadow.js';

export interface IdentityWarning {
  code: string;
  message: string;
  provenance: Provenance | null;
}

/** Who a document is about, where, for which year and which project, each with where it was read. */
export interface Identity {
  department: Department;
  region: Region | null;
  project: Project | null;
  fiscalYear: number | null;
  fiscalYearProvenance: Provenance | null;
  warnings: IdentityWarning[];
  /** How each was found (label, title, seal …), for the classification's evidence and for tests. */
  how: { department: string | null; fiscalYear: FiscalYearFound['how'] | null };
}

const isProjectKind = (kind: DocumentKind): boolean => kind === 'project-table' || kind === 'project-report';
const isTableKind = (kind: DocumentKind): boolean => kind === 'self-evaluation-table' || kind === 'project-table';

interface Chosen {
  name: string;
  provenance: Provenance | null;
  how: string;
  inferred: boolean;
}

/**
 * For a project: the unit that evaluates itself. The 主管部门 (competent department) unless the 实施单位
 * is a government of its own level (a 镇人民政府 implementing county funds), which is its own department.
 */
function projectDepartment(fields: readonly LabelledField[]): Chosen | null {
  const supervisor = unitOf(firstField(fields, 'supervisor'));
  const implementer = unitOf(firstField(fields, 'implementer'));
  if (implementer && (!supervisor || (implementer.name !== supervisor.name && isSelfStandingUnit(implementer.name)))) {
    return { ...implementer, how: 'label:实施单位', inferred: false };
  }
  if (supervisor) return { ...supervisor, how: 'label:主管部门', inferred: false };
  return null;
}

function chooseDepartment(kind: DocumentKind, fields: readonly LabelledField[], names: readonly NameCandidate[]): Chosen | null {
  if (isProjectKind(kind)) {
    const chosen = projectDepartment(fields);
    if (chosen) return chosen;
  }
  const labelled = unitOf(firstField(fields, 'department'));
  if (labelled) return { ...labelled, how: 'label:部门名称', inferred: false };
  // A department-wide form may name the department as 主管部门 (重庆: 主管部门 | 财政处室 | 自评总分).
  const supervisor = unitOf(firstField(fields, 'supervisor'));
  if (supervisor) return { ...supervisor, how: 'label:主管部门', inferred: false };
  // The title, a sentence opening with the full name, the closing seal; the 填报单位; a short name; a 《…》.
  const order: Array<NameCandidate['source']> = ['title', 'opening', 'seal'];
  for (const source of order) {
    const found = names.find((n) => n.source === source);
    if (found) return { name: found.name, provenance: found.provenance, how: source, inferred: isTableKind(kind) };
  }
  const filler = unitOf(firstField(fields, 'filler')) ?? unitOf(firstField(fields, 'implementer'));
  if (filler) return { ...filler, how: 'label:填报单位', inferred: false };
  for (const source of ['short', 'book-title'] as const) {
    const found = names.find((n) => n.source === source);
    if (found) return { name: found.name, provenance: found.provenance, how: source, inferred: true };
  }
  return null;
}

function readFiscalYear(layout: LayoutDocument, fields: readonly LabelledField[], titles: ReturnType<typeof titleCandidates>): FiscalYearFound | null {
  for (const f of fields.filter((x) => x.field === 'fiscalYear' && x.value !== '')) {
    const year = yearInValue(f.value);
    if (year !== null && f.provenance) return { year, provenance: f.provenance, how: 'label' };
  }
  for (const t of titles) {
    const found = evaluatedYearIn(t.stream);
    if (found) return { year: found.year, provenance: t.stream.provenance(found.start, found.end), how: 'title' };
  }
  // A line that only states the year under a title: （2022年度）.
  const lines = layoutLines(layout, false).slice(0, 80);
  for (const line of lines) {
    if (!/^\s*[（(]?\s*[^\s（()）]{4,9}\s*年\s*度?\s*[)）]?\s*$/u.test(line.text)) continue;
    const stream = TextStream.fromLines([line]);
    const found = evaluatedYearIn(stream);
    if (found) return { year: found.year, provenance: stream.provenance(0, line.text.length, line.text.trim()), how: 'title' };
  }
  const all = TextStream.fromLayout(layout);
  const opening = evaluatedYearIn(all, [0, Math.min(all.text.length, 1500)]);
  if (opening) return { year: opening.year, provenance: all.provenance(opening.start, opening.end), how: 'opening' };
  const counted = mostNamedYear(all);
  if (counted) return { year: counted.year, provenance: all.provenance(counted.start, counted.end), how: 'count' };
  const cited = yearOfCitedEvaluation(all);
  if (cited) return { year: cited.year, provenance: all.provenance(cited.start, cited.end), how: 'count' };
  return null;
}

/**
 * Read the identity of any document, whatever its layout: the department (form fields, title, opening
 * sentence, seal line), its region (administrative-division data), the project of a project form or
 * report, and the fiscal year evaluated.
 */
export function readIdentity(printed: LayoutDocument, kind: DocumentKind): Identity {
  // Read on a simplified copy (the vocabulary is simplified), give names and sources back as printed.
  const shadow = shadowOf(printed);
  const identity = readSimplified(shadow.layout, kind);
  if (shadow.layout === printed) return identity;
  const r = shadow.restoreProvenance;
  const d = identity.department;
  const name = d.name === null ? null : shadow.restore(d.name);
  return {
    ...identity,
    department: { ...d, name, key: departmentKey(name), provenance: r(d.provenance) },
    region: identity.region ? { ...identity.region, provenance: r(identity.region.provenance) } : null,
    project: identity.project ? { ...identity.project, provenance: r(identity.project.provenance) } : null,
    fiscalYearProvenance: r(identity.fiscalYearProvenance),
    warnings: identity.warnings.map((w) => ({ ...w, provenance: r(w.provenance) })),
  };
}

function readSimplified(layout: LayoutDocument, kind: DocumentKind): Identity {
  const fields = readLabelledFields(layout);
  const titles = titleCandidates(layout);
  const names = nameCandidates(layout, titles);
  const warnings: IdentityWarning[] = [];
  const chosen = chooseDepartment(kind, fields, names);
  const region = chosen ? regionFromName(chosen.name, chosen.provenance) : null;
  const department: Department = chosen
    ? { name: chosen.name, key: departmentKey(chosen.name), region: countyOf(region), inferred: chosen.inferred, provenance: chosen.provenance }
    : { name: null, key: null, region: null, inferred: false, provenance: null };
  if (chosen?.inferred) {
    const message = isTableKind(kind) ? `表中单位名称为空，按正文推断为“${chosen.name}”` : `未找到部门名称字段、标题或落款，按正文推断为“${chosen.name}”`;
    warnings.push({ code: 'DEPARTMENT_INFERRED', message, provenance: chosen.provenance });
  }
  const year = readFiscalYear(layout, fields, titles);
  return {
    department,
    region,
    project: isProjectKind(kind) ? readProject(fields, titles) : null,
    fiscalYear: year?.year ?? null,
    fiscalYearProvenance: year?.provenance ?? null,
    warnings,
    how: { department: chosen?.how ?? null, fiscalYear: year?.how ?? null },
  };
}

/** Write an identity into a document being extracted. */
export function applyIdentity(doc: { department: Department; region: Region | null; project: Project | null; fiscalYear: number | null; fiscalYearProvenance: Provenance | null; warnings: IdentityWarning[] }, identity: Identity): void {
  doc.department = identity.department;
  doc.region = identity.region;
  doc.project = identity.project;
  doc.fiscalYear = identity.fiscalYear;
  doc.fiscalYearProvenance = identity.fiscalYearProvenance;
  doc.warnings.push(...identity.warnings);
}
