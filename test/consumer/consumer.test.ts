/**
 * The package as a user gets it: `npm pack` (which builds dist/ through `prepare`), installed into a new
 * project, imported from ESM JavaScript and from strict TypeScript, and the README's library example run.
 *
 * Offline: the project is packed from a copy of the sources (so the worktree's dist/ is never rebuilt under
 * another running test), and installed with `npm ci --offline` from a lockfile made of this repository's own
 * (the runtime entries, whose tarballs `npm ci` already put in npm's cache).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SAMPLES } from '../helpers/samples.js';

/** Pack (tsc build) and install take about a minute alone, several on a loaded 2-core machine. */
const SETUP_TIMEOUT = 900_000;
const RUN_TIMEOUT = 180_000;

interface PackageJson {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  engines: Record<string, string>;
}

interface LockEntry {
  dev?: boolean;
  [key: string]: unknown;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;

/** npm with the environment of a user's shell: no npm_* variables inherited from the `npm test` around us. */
function npm(args: string[], cwd: string): string {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
  return execFileSync('npm', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: SETUP_TIMEOUT - 60_000 });
}

function node(args: string[], cwd: string): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: RUN_TIMEOUT - 10_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** The README's library example: the js block after the `<!-- example: library` marker. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const match = /<!-- example: library[^>]*-->\s*```js\n([\s\S]*?)```/u.exec(readme);
  if (!match?.[1]) throw new Error('README.md has no library example block');
  return match[1];
}

describe('the packed package in a new project', () => {
  let work: string;
  let app: string;
  const timings: Record<string, number> = {};

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'selfeval-consumer-'));
    // 1. Pack from a copy of the sources, with this repository's node_modules for the build tools.
    const source = join(work, 'package');
    mkdirSync(join(source, 'scripts'), { recursive: true });
    for (const entry of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'src', 'extractors', 'bin', 'schema', 'docs']) {
      cpSync(join(ROOT, entry), join(source, entry), { recursive: true });
    }
    cpSync(join(ROOT, 'scripts/copy-assets.mjs'), join(source, 'scripts/copy-assets.mjs'));
    symlinkSync(join(ROOT, 'node_modules'), join(source, 'node_modules'), 'dir');
    let t = Date.now();
    npm(['pack', '--pack-destination', work, '--silent'], source);
    timings.pack = Date.now() - t;
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error('npm pack wrote no tarball');

    // 2. A new project depending on the tarball, its lockfile made of our runtime entries.
    app = join(work, 'app');
    mkdirSync(app);
    const spec = `file:../${tarball}`;
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
    const integrity = `sha512-${createHash('sha512').update(readFileSync(join(work, tarball))).digest('base64')}`;
    const packages: Record<string, unknown> = {
      '': { name: 'consumer', dependencies: { selfeval: spec } },
      'node_modules/selfeval': {
        version: pkg.version, resolved: spec, integrity, license: 'MIT', dependencies: pkg.dependencies,
        bin: { selfeval: 'bin/selfeval.js' }, engines: pkg.engines,
      },
    };
    for (const [path, entry] of Object.entries(lock.packages)) if (path !== '' && entry.dev !== true) packages[path] = entry;
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { selfeval: spec } }, null, 2));
    writeFileSync(join(app, 'package-lock.json'), JSON.stringify({ name: 'consumer', lockfileVersion: 3, requires: true, packages }, null, 2));
    t = Date.now();
    // No install scripts: better-sqlite3 would compile SQLite (minutes on a loaded machine), and only
    // `extract --db` needs it; nothing here loads the binding.
    npm(['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], app);
    timings.install = Date.now() - t;
  }, SETUP_TIMEOUT);

  afterAll(() => {
    process.stdout.write(`consumer test: npm pack ${timings.pack ?? '—'} ms, npm ci --offline ${timings.install ?? '—'} ms\n`);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('ships dist with its types and rubric data, the JSON Schemas and the contract, and no tests or samples', () => {
    const installed = join(app, 'node_modules/selfeval');
    const files = readdirSync(installed, { recursive: true }).map(String);
    for (const f of ['dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/rubrics/gz-2023.json', 'schema/document.schema.json', 'schema/result-line.schema.json', 'docs/output-contract.md', 'bin/selfeval.js']) {
      expect(files).toContain(f);
    }
    expect(files.some((f) => f.startsWith('test') || f.startsWith('samples') || f.startsWith('golden'))).toBe(false);
  });

  it('imports from ESM JavaScript and reads a sample', () => {
    const script = `
      import { readDocument, verifyDocument, parseDocument, Document, SelfevalError, ERROR_CODES, VERSION } from 'selfeval';
      import schema from 'selfeval/document.schema.json' with { type: 'json' };
      const doc = await readDocument(${JSON.stringify(join(SAMPLES, 'liwan-2023-table.chromium.pdf'))});
      const again = verifyDocument(JSON.parse(JSON.stringify(doc)));
      let code = null;
      try { parseDocument({ schemaVersion: '1' }); } catch (e) { code = e instanceof SelfevalError ? e.code : String(e); }
      console.log(JSON.stringify({
        version: VERSION, total: doc.declared.total, department: doc.department.name, kind: Document.parse(doc).kind,
        same: JSON.stringify(again) === JSON.stringify(doc), code, codes: ERROR_CODES.length, schemaTitle: schema.title,
      }));
    `;
    writeFileSync(join(app, 'consumer.mjs'), script);
    const { code, out, err } = node(['consumer.mjs'], app);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      version: pkg.version, total: 100, department: '广州市荔湾区协作办公室', kind: 'self-evaluation-table',
      same: true, code: 'INVALID_DOCUMENT', codes: expect.any(Number), schemaTitle: 'selfeval Document (schema version 2)',
    });
  }, RUN_TIMEOUT);

  it('type-checks from strict TypeScript (tsc --noEmit, NodeNext)', () => {
    writeFileSync(
      join(app, 'consumer.ts'),
      `import { readDocument, findTables, listRubrics, Document, SelfevalError, type ErrorCode, type Finding, type Indicator, type LayoutDocument, type ResultLine, readLayout } from 'selfeval';

const doc: Document = await readDocument('x.pdf', { rubricId: 'gz-2023' });
const total: number | null = doc.declared.total;
const version: '2' = doc.schemaVersion;
const errors: Finding[] = doc.verification.findings.filter((f) => f.severity === 'error');
const rows: Indicator[] = doc.indicators;
const rate: number | null = rows[0]?.target?.value ?? null;
const layout: LayoutDocument = await readLayout(new Uint8Array(), { fileName: 'x.txt' });
const { tables } = await findTables('x.pdf', { pages: [1, 2] });
const spans: number[] = tables.flatMap((t) => t.cells.map((c) => c.rowSpan));
const ids: string[] = listRubrics().map((r) => r.id);
const line: Partial<ResultLine> = { ok: true, summary: doc.verification.summary };
try { Document.parse({}); } catch (e) { if (e instanceof SelfevalError) { const code: ErrorCode = e.code; console.log(code); } }
// @ts-expect-error the schema version is the literal "2"
const old: '1' = doc.schemaVersion;
console.log(total, version, errors, rate, layout.pageCount, spans, ids, line, old);
`,
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false,
          exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')],
        },
        files: ['consumer.ts'],
      }),
    );
    const result = node([join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app);
    expect(result.out + result.err).toBe('');
    expect(result.code).toBe(0);
  }, RUN_TIMEOUT);

  it('runs the README library example and prints what the README says', () => {
    writeFileSync(join(app, 'readme-example.mjs'), readmeExample());
    // The example's paths are relative to the project root; `selfeval` resolves from the app's node_modules.
    const { code, out, err } = node([join(app, 'readme-example.mjs')], ROOT);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('self-evaluation-table 2022 91.41 gz-2022');
    expect(out).toMatch(/ok: 0,\s+mismatch: 2,\s+unverifiable: 25/u);
    expect(out).toContain('\nok 4.65\n');
    expect(out).toContain('SCORE_NOT_ALLOWED “采购内控制度建设”得分 0.8');
    expect(out).toContain("[ 'national-project', 'gz-2022', 'gz-2023' ]");
    expect(lines.filter((l) => l !== '').at(-1)).toBe('UNSUPPORTED_FORMAT');
  }, RUN_TIMEOUT);

  it('installs the selfeval command: --version and verify work from the installed package', () => {
    const bin = join(app, 'node_modules/selfeval/bin/selfeval.js');
    expect(node([bin, '--version'], app).out.trim()).toBe(pkg.version);
    const verified = node([bin, 'verify', join(SAMPLES, 'zengcheng-2022-table.txt'), '--json'], app);
    expect(verified.code).toBe(0);
    expect((JSON.parse(verified.out) as { verification: { rubric: { id: string } } }).verification.rubric.id).toBe('gz-2022');
  }, RUN_TIMEOUT);
});

describe('installing this repository', () => {
  it('leaves no install script unreviewed (npm would warn "not yet covered by allowScripts")', (ctx) => {
    const [major = 0, minor = 0] = npm(['--version'], ROOT).trim().split('.').map(Number);
    if (major < 11 || (major === 11 && minor < 16)) ctx.skip(`npm ${major}.${minor} has no allowScripts (npm ≥ 11.16 warns about install scripts)`);
    const out = npm(['install-scripts', 'ls'], ROOT);
    expect(out).toContain('No packages with unreviewed install scripts');
  }, RUN_TIMEOUT);
});
