import type { Command } from 'commander';
import { chooseCompanions } from '../../pipeline/batch.js';
import { runOne, verify, type OcrMode } from '../../pipeline/run.js';
import type { Document } from '../../schema/document.js';
import { formatTable } from '../format.js';
import { ocrOption } from '../ocr-option.js';

function cut(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

export function renderVerification(doc: Document): string {
  const v = doc.verification;
  const out: string[] = [];
  out.push(`${doc.source.path}  ${doc.kind}  ${doc.department.name ?? '—'}  ${doc.fiscalYear ?? '—'}`);
  out.push(`评分标准 ${v.rubric?.id ?? '—'}  申报总分 ${v.declaredTotal ?? '—'}  三级指标合计 ${v.indicatorSum ?? '—'}  复核总分 ${v.recomputedTotal ?? '—'}  等级 ${v.grade.declared ?? '未勾选'} / 按总分 ${v.grade.fromDeclaredTotal ?? '—'}`);
  out.push('');
  out.push(
    formatTable(
      ['rubricId', 'name', 'weight', 'declared', 'recomputed', 'status', 'rule'],
      v.checks.map((c) => [c.rubricId ?? '—', cut(c.name, 16), c.weight === null ? '—' : String(c.weight), c.declared === null ? '—' : String(c.declared), c.recomputed === null ? (c.range ? `${c.range[0]}–${c.range[1]}` : '—') : String(c.recomputed), c.status, c.rule]),
    ),
  );
  out.push('');
  if (v.findings.length === 0) out.push('没有发现问题。');
  for (const f of v.findings) out.push(`[${f.severity}] ${f.code}  ${f.message}`);
  return out.join('\n');
}

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description("print one document's checks and findings")
    .argument('<file>', 'the document to verify')
    .option('-w, --with <files...>', 'companion documents of the same department and year (e.g. the report of a table)')
    .option('--json', 'print the verification as JSON')
    .addOption(ocrOption())
    .action(async (file: string, opts: { with?: string[]; json?: boolean; ocr: OcrMode }) => {
      const companions: Document[] = [];
      for (const other of opts.with ?? []) {
        const r = await runOne(other, [], { ocr: opts.ocr });
        if (r.ok) companions.push(r.document);
        else process.stderr.write(`错误 ${r.error.message}\n`);
      }
      const first = await runOne(file, [], { ocr: opts.ocr });
      // Only documents of the same department and year are companions (one per kind).
      const result = first.ok && companions.length > 0 ? { ...first, document: verify(first.document, chooseCompanions(first.document, companions)) } : first;
      if (!result.ok) {
        process.stderr.write(`错误 ${result.error.message}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(opts.json ? `${JSON.stringify(result.document.verification, null, 2)}\n` : `${renderVerification(result.document)}\n`);
    });
}
