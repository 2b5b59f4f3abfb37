/**
 * Open Packaging Conventions parts shared by the DOCX and XLSX readers: relationship targets and
 * the document properties (docProps/core.xml title, docProps/app.xml application).
 */
import { normalizeLookalikes, squashSpaces } from '../../layout/text.js';
import { childAt, childElements, parseXml, textContent, type XmlElement } from '../xml.js';
import type { ZipArchive } from '../zip.js';

/** Resolve a relationship target against the folder of the part the relationships belong to. */
export function resolvePartTarget(baseFolder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = baseFolder === '' ? [] : baseFolder.split('/');
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

export interface Relationship {
  id: string;
  type: string;
  /** The target resolved to a part name in the package. */
  part: string;
}

/** The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`); [] when it has none. */
export function readRelationships(zip: ZipArchive, partName: string, fileName: string | null): Relationship[] {
  const slash = partName.lastIndexOf('/');
  const folder = slash < 0 ? '' : partName.slice(0, slash);
  const relsName = `${folder === '' ? '' : `${folder}/`}_rels/${partName.slice(slash + 1)}.rels`;
  const bytes = zip.read(relsName);
  if (!bytes) return [];
  const out: Relationship[] = [];
  for (const rel of childElements(parseXml(bytes, relsName, fileName), 'Relationship')) {
    const target = rel.attrs['Target'];
    if (!target || (rel.attrs['TargetMode'] ?? '').toLowerCase() === 'external') continue;
    out.push({ id: rel.attrs['Id'] ?? '', type: rel.attrs['Type'] ?? '', part: resolvePartTarget(folder, target) });
  }
  return out;
}

/** The package's main part (officeDocument relationship of `_rels/.rels`) when it exists, else `fallback`. */
export function mainPartName(zip: ZipArchive, fallback: string, fileName: string | null): string {
  const rel = readRelationships(zip, '', fileName).find((r) => /\/officeDocument$/u.test(r.type) && zip.has(r.part));
  return rel?.part ?? fallback;
}

function childText(root: XmlElement, name: string): string {
  const el = childAt(root, [name]);
  return el ? squashSpaces(textContent(el)) : '';
}

/** dc:title from docProps/core.xml and Application (+ AppVersion) from docProps/app.xml; null when absent. */
export function readPackageProperties(zip: ZipArchive, fileName: string | null): { title: string | null; producer: string | null } {
  const core = zip.read('docProps/core.xml');
  const title = core ? childText(parseXml(core, 'docProps/core.xml', fileName), 'title') : '';
  const app = zip.read('docProps/app.xml');
  let producer = '';
  if (app) {
    const root = parseXml(app, 'docProps/app.xml', fileName);
    const application = childText(root, 'Application');
    const version = childText(root, 'AppVersion');
    producer = application && version ? `${application} ${version}` : application;
  }
  return { title: title ? normalizeLookalikes(title) : null, producer: producer || null };
}
