/**
 * `selfeval verify FILE [--with A B] [--rubric ID] [--json] [--fail-on error|warning]`: re-verify one
 * document (a file, `-` for standard input, or a Document JSON written by extract) and say what was
 * verified. Exit codes: 0 done, 1 the file or a companion could not be read, 2 usage, 4 --fail-on met.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { SelfevalError, isSelfevalError } from '../../errors.js';
import { chooseNamedCompanions } from '../../pipeline/companion-choice.js';
import { readInputBytes, readInputFileBytes, rubricIds, type ReadInputOptions } from '../../pipeline/read-input.js';
import { verify, type OcrMode } from '../../pipeline/run.js';
import type { Document } from '../../schema/document.js';
import { formatTable } from '../format.js';
import { ocrOption } from '../ocr-option.js';
import { STDIN_FILE_NAME, isStdinArg, readStream } from '../stdin.js';
import { formatSummary, noFindingsText } from '../summary-text.js';

export const EXIT_FAIL_ON = 4;

type FailOn = 'error' | 'warning';

interface VerifyOptions {
  with?: string[];
  rubric?: string;
  json?: boolean;
  failOn?: FailOn;
  ocr?: OcrMode;
}

function cut(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

const dash = (value: string | number | null): string => (value === null ? '—' : String(value));

export function renderVerification(doc: Document): string {
  const v = doc.verification;
  const out: string[] = [];
  out.push(`${doc.source.path}  ${doc.kind}  ${doc.department.name ?? '—'}  ${doc.fiscalYear ?? '—'}`);
  const rubric = v.rubric ? `${v.rubric.id}（${v.rubric.title}）` : '无（仅结构检查）';
  out.push(`评分标准 ${rubric}  申报总分 ${dash(v.declaredTotal)}  三级指标合计 ${dash(v.indicatorSum)}  复核总分 ${dash(v.recomputedTotal)}  等级 ${v.grade.declared ?? '未勾选'} / 按总分 ${dash(v.grade.fromDeclaredTotal)}`);
  out.push(formatSummary(v.summary));
  if (v.checks.length > 0) {
    out.push('');
    out.push(
      formatTable(
        ['rubricId', 'name', 'weight', 'declared', 'recomputed', 'status', 'rule'],
        v.checks.map((c) => [c.rubricId ?? '—', cut(c.name, 16), dash(c.weight), dash(c.declared), c.recomputed === null ? (c.range ? `${c.range[0]}–${c.range[1]}` : '—') : String(c.recomputed), c.status, c.rule]),
      ),
    );
  }
  if (doc.warnings.length > 0) {
    out.push('');
    out.push('文件提示：');
    for (const w of doc.warnings) out.push(`[warning] ${w.code}  ${w.message}`);
  }
  out.push('');
  if (v.findings.length === 0) out.push(noFindingsText(doc));
  for (const f of v.findings) out.push(`[${f.severity}] ${f.code}  ${f.message}`);
  return out.join('\n');
}

/** True when the document has a finding (or, for `warning`, a document warning) at the level or above. */
export function meetsFailOn(doc: Document, level: FailOn): boolean {
  const severities = level === 'error' ? ['error'] : ['error', 'warning'];
  return doc.verification.findings.some((f) => severities.includes(f.severity)) || (level === 'warning' && doc.warnings.length > 0);
}

/**
 * The document and its companions from the arguments. `verify FILE --with A B` names FILE first; when
 * the file comes after `--with` (`verify --with A B FILE`), the option takes every path, and the last
 * one is the document.
 */
export function splitArguments(file: string | undefined, companions: readonly string[]): { file: string; companions: string[] } | null {
  if (file !== undefined) return { file, companions: [...companions] };
  const last = companions[companions.length - 1];
  return last === undefined ? null : { file: last, companions: companions.slice(0, -1) };
}

async function bytesOf(arg: string): Promise<{ bytes: Uint8Array; fileName?: string }> {
  if (!isStdinArg(arg)) return { bytes: await readInputFileBytes(arg) };
  return { bytes: await readStream(), fileName: STDIN_FILE_NAME };
}

/** Read one argument (a path or `-`) into a verified Document; throws SelfevalError. */
async function readArgument(arg: string, options: ReadInputOptions): Promise<Document> {
  let input: { bytes: Uint8Array; fileName?: string };
  try {
    input = await bytesOf(arg);
  } catch (error) {
    if (isSelfevalError(error)) throw error;
    throw new SelfevalError('READ_FAILED', { file: arg, detail: error instanceof Error ? error.message : String(error) });
  }
  const result = await readInputBytes(input.bytes, arg, { ...options, ...(input.fileName === undefined ? {} : { fileName: input.fileName }) });
  if (!result.ok) throw result.error;
  return result.document;
}

function usage(message: string): number {
  process.stderr.write(`selfeval verify: ${message}\n`);
  return 2;
}

/** The command's core; resolves to the exit code. */
export async function runVerify(fileArg: string | undefined, opts: VerifyOptions): Promise<number> {
  const args = splitArguments(fileArg, opts.with ?? []);
  if (!args) return usage('缺少要复核的文件，例如 selfeval verify x.pdf');
  if ([args.file, ...args.companions].filter(isStdinArg).length > 1) return usage('标准输入（-）只能使用一次');
  if (opts.rubric !== undefined && !rubricIds().includes(opts.rubric)) return usage(`未知的评分标准 ${opts.rubric}（可用：${rubricIds().join('、')}）`);
  // Options for reading every argument (the document and its companions); the rubric is the document's only.
  const reading: ReadInputOptions = opts.ocr === undefined ? {} : { ocr: opts.ocr };
  let document: Document;
  const companions: Document[] = [];
  try {
    document = await readArgument(args.file, { ...reading, ...(opts.rubric === undefined ? {} : { rubricId: opts.rubric }) });
    // A companion that cannot be read fails the command: verifying without it would say less than was asked.
    for (const other of args.companions) companions.push(await readArgument(other, reading));
  } catch (error) {
    process.stderr.write(`错误 ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  if (companions.length > 0) {
    const choice = chooseNamedCompanions(document, companions);
    document = verify(document, choice.used, opts.rubric === undefined ? {} : { rubricId: opts.rubric });
    for (const { document: other, reason } of choice.unused) {
      document.warnings.push({ code: 'COMPANION_NOT_USED', message: `伴随文件 ${other.source.path} 未用于复核：${reason}`, provenance: null });
    }
  }
  process.stdout.write(opts.json ? `${JSON.stringify(document, null, 2)}\n` : `${renderVerification(document)}\n`);
  return opts.failOn !== undefined && meetsFailOn(document, opts.failOn) ? EXIT_FAIL_ON : 0;
}

const EXAMPLES = `
示例 (examples):
  selfeval verify samples/zengcheng-2022-table.chromium.pdf
  selfeval verify samples/zengcheng-2022-table.chromium.pdf --with samples/zengcheng-2022-report.chromium.pdf
  selfeval verify --with report.docx table.pdf         # 文件放在 --with 之后时，最后一个路径是要复核的文件
  selfeval verify out/zengcheng-2022-table.pdf.json    # 复核 selfeval extract 写出的文档 JSON
  cat table.txt | selfeval verify -                    # - 表示标准输入（格式按内容识别）
  selfeval verify table.pdf --json > table.json        # 只输出 JSON（复核后的完整文档）
  selfeval verify table.pdf --fail-on error            # 有 error 级别的问题时退出码为 4

退出码 (exit codes): 0 完成；1 文件或伴随文件无法读取；2 用法错误；4 达到 --fail-on 的级别
`;

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .summary('复核一份文件的自评得分，并说明复核了什么')
    .description('复核一份文件的自评得分：逐项列出检查结果、复核情况（复核了多少项、多少分）、文件提示和发现的问题。')
    .argument('[file]', '要复核的文件（PDF、HTML、DOCX、XLSX、文本，或 selfeval extract 写出的文档 JSON）；- 表示标准输入')
    .option('-w, --with <files...>', '同一部门、同一年度的伴随文件（如自评表的自评报告）；无法读取时命令失败')
    .option('-r, --rubric <id>', '按指定的评分标准复核（如 gz-2023），而不是按地区和年度选择', (value: string) => {
      if (!/^[a-z0-9-]+$/u.test(value)) throw new InvalidArgumentError('评分标准 id 只含小写字母、数字和 -');
      return value;
    })
    .option('--json', '只输出 JSON：复核后的完整文档（第 2 版 schema），不输出其他文字')
    .addOption(new Option('--fail-on <severity>', '有该级别或更严重的问题时退出码为 4（warning 也计文件提示）').choices(['error', 'warning']))
    .addOption(ocrOption())
    .addHelpText('after', EXAMPLES)
    .action(async (file: string | undefined, opts: VerifyOptions) => {
      process.exitCode = await runVerify(file, opts);
    });
}
