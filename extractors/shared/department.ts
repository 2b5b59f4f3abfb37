import type { Department } from '../../src/schema/document.js';
import type { Provenance } from '../../src/schema/provenance.js';
import { cleanOrganisationName, countyOf, departmentKey, regionFromName } from './identity/index.js';

/**
 * Department helpers kept for extractors that read a name themselves; the reading of a document's
 * department, region and year is `readIdentity` (`./identity/`).
 */

export { departmentKey };

/** The county-level area a department belongs to, from its name and the administrative-division data. */
export function regionOf(name: string | null): string | null {
  return countyOf(regionFromName(name, null));
}

/** A department's full name with seal notes, 简称 notes and spaces removed. */
export function cleanDepartmentName(name: string): string {
  return cleanOrganisationName(name);
}

/** The Department record of a name found in the document. */
export function departmentOf(name: string, provenance: Provenance | null, inferred: boolean): Department {
  return { name, key: departmentKey(name), region: regionOf(name), inferred, provenance };
}
