import { describe, expect, it } from 'vitest';
import { readIdentity } from '../../extractors/shared/identity/index.js';
import { departmentKey } from '../../extractors/shared/identity/normalize.js';
import { readLayout } from '../../src/readers/index.js';
import { IDENTITY_CASES } from './identity-cases.js';

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('identity: department, region and fiscal year from hand-written documents', () => {
  it('covers at least 40 cases from at least 15 provinces', () => {
    expect(IDENTITY_CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(IDENTITY_CASES.map((c) => c.province)).size).toBeGreaterThanOrEqual(15);
  });

  it.each(IDENTITY_CASES.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const layout = await readLayout(encode(c.html ?? c.text ?? ''), { fileName: c.html ? 'case.html' : 'case.txt' });
    const id = readIdentity(layout, c.kind);
    expect(id.department.name).toBe(c.expect.department);
    if (c.expect.key) expect(id.department.key).toBe(c.expect.key);
    if (c.expect.region !== undefined) {
      const region = id.region ? [id.region.province, id.region.city, id.region.county, id.region.code] : null;
      expect(region).toEqual(c.expect.region);
    }
    expect(id.fiscalYear).toBe(c.expect.fiscalYear);
    if (c.expect.fiscalYear !== null) expect(id.fiscalYearProvenance?.text).toMatch(/[0-9〇零一二三四五六七八九]/u);
    if (c.expect.department !== null) expect(id.department.provenance?.text).toBeTruthy();
    if (c.expect.supervisor) expect(id.project?.supervisor).toBe(c.expect.supervisor);
    if (c.expect.implementer) expect(id.project?.implementer).toBe(c.expect.implementer);
  }, 20_000);

  it('one key for the simplified, traditional, full- and half-width forms of a name', () => {
    const forms = ['广州市增城区科技工业商务和信息化局（增城开发区）', '廣州市增城區科技工業商務和信息化局(增城開發區)', '广州市增城区 科技工业商务和信息化局（增城开发区）（公章）'];
    expect(new Set(forms.map(departmentKey)).size).toBe(1);
  });
});
