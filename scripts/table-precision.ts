/**
 * Table detection precision on ordinary reports (issue 12): how many of the tables `selfeval tables`
 * reports are real, and how many real tables it finds.
 *
 * Usage: npx tsx scripts/table-precision.ts [--set dev|held-out|held-out-2|all] [-v]
 *
 * The documents (statistics bulletins, budgets, annual reports, manuals; English and Chinese) and
 * the truth for each:
 *   - test/fixtures/tables/reports/*.pdf, made by scripts/fixtures/make-table-fixtures.sh from
 *     reports/src/: HTML printed by Chromium and by LibreOffice (truth: the HTML's <table>s), a
 *     groff/tbl report through Ghostscript, a hand-written PDF and a matplotlib page (truth:
 *     <name>.truth.json, written by hand);
 *   - PDFs found on the machine: /usr/share/doc/libtasn1-doc/libtasn1.pdf (pdfTeX; a manual whose
 *     contents page, lists, option lists and code have no table), the shared corpus's prose reports
 *     (samples/: Chromium, LibreOffice, cairo; no table) and its invented reports in beyond/ (truth:
 *     their HTML twins).
 * Files that are missing on this machine are skipped (and said so).
 *
 * A reported table is a detection of a real one when at least 60% of its non-empty cells (and at
 * least two) are texts of that table; each real table is detected at most once, so a table that
 * comes out in two pieces counts one detection and one spurious table. Also printed: the share of
 * each detected table's cells found as cells (a rough structure measure) and whether its shape
 * (rows × columns) is right.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';
import { tablesForFile } from '../src/cli/commands/tables.js';
import type { Table } from '../src/layout/model.js';
import { tableToRows } from '../src/output/tables.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const REPORTS = join(ROOT, 'test/fixtures/tables/reports');
/** The shared corpus next to the project (or next to the folder of worktrees). */
const CORPUS = [resolve(ROOT, '..', 'shared', 'corpus'), resolve(ROOT, '..', '..', 'shared', 'corpus')].find((p) => existsSync(p)) ?? resolve(ROOT, '..', 'shared', 'corpus');

type Set = 'dev' | 'held-out' | 'held-out-2';

interface Doc {
  pdf: string;
  set: Set;
  /** HTML whose top-level <table>s are the truth, or a truth JSON file. */
  truth: { html: string } | { json: string } | { none: true };
}

interface TruthTable {
  cells: string[];
  rows?: number;
  cols?: number;
}

const norm = (t: string): string => t.normalize('NFKC').replace(/[\s\u3000]+/gu, '').replace(/[−–—]/gu, '-').replace(/[’‘]/gu, "'");

function reports(name: string, producers: readonly string[], set: Set, truth: 'html' | 'json'): Doc[] {
  return producers.map((p) => ({
    pdf: join(REPORTS, `${name}.${p}.pdf`),
    set,
    truth: truth === 'html' ? { html: join(REPORTS, 'src', `${name}.html`) } : { json: join(REPORTS, 'src', `${name}.truth.json`) },
  }));
}

const DOCS: Doc[] = [
  ...reports('en-water-annual', ['chromium', 'libreoffice'], 'dev', 'html'),
  ...reports('zh-tongji-gongbao', ['chromium', 'libreoffice'], 'dev', 'html'),
  ...reports('groff-en-survey', ['groff'], 'dev', 'json'),
  ...reports('hand-en-stats', ['handwritten'], 'dev', 'json'),
  { pdf: '/usr/share/doc/libtasn1-doc/libtasn1.pdf', set: 'dev', truth: { none: true } },
  ...['baiyun-2023-report.chromium', 'baiyun-2023-report.libreoffice', 'zengcheng-2022-report.cairo', 'zengcheng-2022-report.libreoffice', 'panyu-2024-table-explanation.libreoffice'].map(
    (n): Doc => ({ pdf: join(ROOT, 'samples', `${n}.pdf`), set: 'dev', truth: { html: join(ROOT, 'samples', `${n.split('.')[0]}.html`) } }),
  ),
  ...reports('en-council-budget', ['chromium', 'libreoffice'], 'held-out', 'html'),
  ...reports('zh-bumen-juesuan', ['chromium', 'libreoffice'], 'held-out', 'html'),
  ...reports('zh-work-report', ['chromium', 'libreoffice'], 'held-out', 'html'),
  ...reports('mpl-en-dashboard', ['matplotlib'], 'held-out', 'json'),
  ...['guiyuan-jyj-2022-dept-report', 'luandong-tjj-2023-dept-report', 'ganyuan-kjj-2023-project-report', 'zhangnan-zrzyj-2022-final-accounts'].map(
    (n): Doc => ({ pdf: join(CORPUS, 'beyond', 'pdf', `${n}.chromium.pdf`), set: 'held-out', truth: { html: join(CORPUS, 'beyond', 'html', `${n}.html`) } }),
  ),
  ...reports('en-transport-stats', ['chromium', 'libreoffice'], 'held-out-2', 'html'),
  ...reports('zh-caizheng-yusuan', ['chromium', 'libreoffice'], 'held-out-2', 'html'),
  ...reports('groff-en-minutes', ['groff'], 'held-out-2', 'json'),
];

function truthOf(doc: Doc): TruthTable[] {
  if ('none' in doc.truth) return [];
  if ('json' in doc.truth) return (JSON.parse(readFileSync(doc.truth.json, 'utf8')) as { tables: TruthTable[] }).tables;
  const $ = cheerio.load(readFileSync(doc.truth.html, 'utf8'));
  return $('table')
    .filter((_, t) => $(t).parents('table').length === 0)
    .toArray()
    .map((t) => {
      const rows = $(t).find('tr').toArray();
      return { cells: $(t).find('td, th').toArray().map((c) => $(c).text()), rows: rows.length };
    });
}

interface Match {
  truth: number;
  reported: number;
  cellRecall: number;
  shapeRight: boolean | null;
}

function matchTables(reported: readonly Table[], truth: readonly TruthTable[]): Match[] {
  const truthCells = truth.map((t) => t.cells.map(norm).filter((c) => c !== ''));
  const joined = truthCells.map((cells) => cells.join(''));
  const candidates: Array<{ t: number; r: number; score: number }> = [];
  reported.forEach((table, r) => {
    const cells = table.cells.map((c) => norm(c.text)).filter((c) => c !== '');
    truthCells.forEach((tc, t) => {
      const set = new Set(tc);
      const score = cells.filter((c) => set.has(c) || (c.length >= 2 && (joined[t] as string).includes(c))).length;
      if (score >= Math.max(2, 0.6 * cells.length)) candidates.push({ t, r, score });
    });
  });
  candidates.sort((a, b) => b.score - a.score);
  const usedT = new Set<number>();
  const usedR = new Set<number>();
  const matches: Match[] = [];
  for (const c of candidates) {
    if (usedT.has(c.t) || usedR.has(c.r)) continue;
    usedT.add(c.t);
    usedR.add(c.r);
    const found = new Set((reported[c.r] as Table).cells.map((x) => norm(x.text)));
    const tc = truthCells[c.t] as string[];
    const rows = truth[c.t]?.rows;
    matches.push({ truth: c.t, reported: c.r, cellRecall: tc.filter((x) => found.has(x)).length / Math.max(1, tc.length), shapeRight: rows === undefined ? null : rows === (reported[c.r] as Table).rowCount });
  }
  return matches;
}

function preview(table: Table): string {
  const first = tableToRows(table).find((r) => r.some((c) => c !== '')) ?? [];
  return `${table.rowCount}×${table.colCount} p${table.page} [${first.filter((c) => c !== '').slice(0, 4).map((c) => c.slice(0, 14)).join(' | ')}]`;
}

interface Totals {
  truth: number;
  reported: number;
  matched: number;
  cellRecall: number;
  shapes: number;
  shapeKnown: number;
}

function summary(label: string, t: Totals): string {
  const spurious = t.reported - t.matched;
  const missed = t.truth - t.matched;
  const p = t.reported > 0 ? t.matched / t.reported : 1;
  const r = t.truth > 0 ? t.matched / t.truth : 1;
  const f1 = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  return [
    `${label}: real tables ${t.truth}, reported ${t.reported}, detected ${t.matched}, spurious ${spurious} (${t.reported > 0 ? ((100 * spurious) / t.reported).toFixed(1) : '0.0'}% of reported), missed ${missed}`,
    `  detection precision ${p.toFixed(3)}  recall ${r.toFixed(3)}  F1 ${f1.toFixed(3)}; detected tables: mean cell recall ${(t.matched > 0 ? t.cellRecall / t.matched : 0).toFixed(3)}, row count right ${t.shapes}/${t.shapeKnown}`,
  ].join('\n');
}

async function main(argv: readonly string[]): Promise<void> {
  const setArg = argv.includes('--set') ? argv[argv.indexOf('--set') + 1] : 'all';
  const verbose = argv.includes('-v');
  const docs = DOCS.filter((d) => setArg === 'all' || d.set === setArg);
  const totals: Record<string, Totals> = {};
  const add = (key: string, t: Totals): void => {
    const s = (totals[key] ??= { truth: 0, reported: 0, matched: 0, cellRecall: 0, shapes: 0, shapeKnown: 0 });
    for (const k of Object.keys(t) as Array<keyof Totals>) s[k] += t[k];
  };
  const lines: string[] = [];
  for (const doc of docs) {
    const truthFile = 'html' in doc.truth ? doc.truth.html : 'json' in doc.truth ? doc.truth.json : null;
    if (!existsSync(doc.pdf) || (truthFile !== null && !existsSync(truthFile))) {
      lines.push(`skipped (not on this machine): ${doc.pdf}`);
      continue;
    }
    const truth = truthOf(doc);
    const { tables } = await tablesForFile(doc.pdf);
    const matches = matchTables(tables, truth);
    const t: Totals = {
      truth: truth.length,
      reported: tables.length,
      matched: matches.length,
      cellRecall: matches.reduce((n, m) => n + m.cellRecall, 0),
      shapes: matches.filter((m) => m.shapeRight === true).length,
      shapeKnown: matches.filter((m) => m.shapeRight !== null).length,
    };
    add(doc.set, t);
    add('all', t);
    const name = doc.pdf.startsWith(ROOT) ? doc.pdf.slice(ROOT.length + 1) : doc.pdf;
    lines.push(`${doc.set.padEnd(8)} ${name.padEnd(72)} real ${String(t.truth).padStart(2)}  reported ${String(t.reported).padStart(2)}  spurious ${String(t.reported - t.matched).padStart(2)}  missed ${String(t.truth - t.matched).padStart(2)}`);
    if (verbose) {
      const matched = new Set(matches.map((m) => m.reported));
      tables.forEach((table, i) => {
        if (!matched.has(i)) lines.push(`    spurious: ${preview(table)}`);
      });
      const found = new Set(matches.map((m) => m.truth));
      truth.forEach((tt, i) => {
        if (!found.has(i)) lines.push(`    missed: [${tt.cells.slice(0, 4).join(' | ')}]`);
      });
      for (const m of matches) if (m.cellRecall < 0.9) lines.push(`    detected with cell recall ${m.cellRecall.toFixed(2)}: ${preview(tables[m.reported] as Table)}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
  for (const key of ['dev', 'held-out', 'held-out-2', 'all']) if (totals[key]) process.stdout.write(`${summary(key, totals[key] as Totals)}\n`);
}

await main(process.argv.slice(2));
