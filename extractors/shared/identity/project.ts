import type { Project } from '../../../src/schema/document.js';
import type { Provenance } from '../../../src/schema/provenance.js';
import { firstField, type LabelledField } from './labels.js';
import { cleanOrganisationName } from './organisation.js';
import type { TitleCandidate } from './title.js';
import { TITLE_WORDS } from './title.js';
import { yearMentions } from './fiscal-year.js';

/** A project code printed before the name: 51162323R000000046270-高标准农田… */
const LEADING_CODE = /^\s*([0-9A-Za-z]{8,}(?:[-_][0-9A-Za-z]+)*)\s*[-－—–_:：\s]\s*/u;
/** A value that ends with a date (填报单位：X（盖章） 2024年1月18日): the date is not part of the name. */
const TRAILING_DATE = /\s*(?:[12][0-9]{3}|[一二][〇零○一二三四五六七八九]{3})\s*年[\s\S]*$/u;

/** A unit named in a field, tidied: seal notes, remarks and a trailing date dropped. */
export function unitOf(field: LabelledField | null): { name: string; provenance: Provenance | null } | null {
  if (!field) return null;
  const name = cleanOrganisationName(field.value.replace(TRAILING_DATE, ''));
  return name ? { name, provenance: field.provenance } : null;
}

/** The project named in a project title: …局2023年度XX项目支出绩效自评报告 → XX项目. */
function projectInTitle(titles: readonly TitleCandidate[]): { name: string; provenance: Provenance } | null {
  for (const t of titles) {
    const text = t.stream.text;
    const cut = text.search(TITLE_WORDS);
    if (cut < 0) continue;
    const head = text.slice(0, cut);
    const year = yearMentions(head).find((m) => /^\s*年/u.test(head.slice(m.end)));
    const from = year ? year.end + (head.slice(year.end).match(/^\s*年\s*度?/u)?.[0].length ?? 0) : 0;
    const piece = head.slice(from).replace(/^关于/u, '').replace(/(?:支出)?(?:绩效)?(?:评价)?[\s的]*$/u, '').trim();
    if (piece.length >= 4 && /(?:项目|资金|经费|补助|工程)$/u.test(piece) && !/部门整体/u.test(piece)) {
      const start = from + head.slice(from).indexOf(piece);
      return { name: piece, provenance: t.stream.provenance(start, start + piece.length) };
    }
  }
  return null;
}

/** The project head fields of a project form or report: 项目名称 (without its code), 项目编码, 主管部门, 实施单位. */
export function readProject(fields: readonly LabelledField[], titles: readonly TitleCandidate[]): Project | null {
  const nameField = firstField(fields, 'projectName');
  const codeField = firstField(fields, 'projectCode');
  let name: string | null = null;
  let code: string | null = codeField ? codeField.value.replace(/\s/gu, '') : null;
  let provenance: Provenance | null = null;
  if (nameField) {
    const m = LEADING_CODE.exec(nameField.value);
    name = (m ? nameField.value.slice(m[0].length) : nameField.value).trim();
    if (m?.[1] && /[0-9]/u.test(m[1])) code ??= m[1];
    else if (m) name = nameField.value.trim();
    provenance = nameField.provenance;
  } else {
    const fromTitle = projectInTitle(titles);
    if (fromTitle) ({ name, provenance } = fromTitle);
  }
  const supervisor = unitOf(firstField(fields, 'supervisor'))?.name ?? null;
  const implementer = unitOf(firstField(fields, 'implementer'))?.name ?? null;
  if (name === null && code === null && supervisor === null && implementer === null) return null;
  return { name, code, supervisor, implementer, provenance };
}
