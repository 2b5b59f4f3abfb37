/**
 * `selfeval report DIR [--out FILE]`: the audit report (one HTML page) of an extract output folder.
 * It reads only the folder's outputs; page images of PDF findings are rendered from the source PDFs
 * the Documents name, when they are still there unchanged. Exit codes: 0 written; 2 usage or no
 * results in DIR; 3 the page cannot be written.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { ReportInputError, ReportOutputError, writeReport, type ReportResult } from '../../report/index.js';

interface ReportOptions {
  out?: string;
  images: boolean;
  splitAbove?: number;
  sources?: string;
}

const HELP_AFTER = `
示例：
  selfeval report out                          读取 out/（selfeval extract --out out 的输出），写出 out/report.html
  selfeval report out --out 审计报告.html      写到指定文件
  selfeval report out --no-images              不生成 PDF 原文页面图像（只显示位置和原文）
  selfeval report /data/out --sources /data    源文件路径相对于 /data（extract 在 /data 中运行时）
  selfeval extract 自评材料/ --out out --report  读取后直接写出 out/report.html

页面（中文，无需联网，可直接用浏览器打开）：
  总览：每份文件一行（地区、部门、年度、类型、格式、自评与复核总分、差值、等级、复核项数、问题数），
  每一列都可排序，可按省/市/区县、年度、类型、问题代码筛选；自评与复核总分散点图；按问题代码统计；
  无法读取和跳过的文件。
  单个文件：指标树、目标值与实际值（完成率）、每个问题的说明、评分规则和原文；PDF 文件显示原文页面
  区域图像并框出数值位置；同部门同年度的自评表与自评报告互相链接。
  页面超过 --split-above 的大小时，图像另存为旁边文件夹中的 PNG 文件（report.html → report/）。
退出码：0 已写出；2 用法错误或 DIR 中没有 results.jsonl；3 无法写入报告文件。`;

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`--split-above 必须是正数（MB）：${value}`);
  return n;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('根据 extract 的输出文件夹生成审计报告（一个 HTML 文件）')
    .argument('<dir>', 'selfeval extract --out 的输出文件夹')
    .option('-o, --out <file>', '报告文件（默认 DIR/report.html）')
    .option('--no-images', '不生成 PDF 原文页面图像')
    .option('--split-above <MB>', '页面超过该大小时把图像另存为文件', positiveNumber, 50)
    .option('--sources <dir>', '文档中相对源文件路径的起点（默认为当前文件夹，即运行 extract 的位置）')
    .addHelpText('after', HELP_AFTER)
    .action(async (dir: string, opts: ReportOptions) => {
      process.exitCode = await report(dir, opts);
    });
}

/** Write the report and print one line about it; used by `report` and by `extract --report`. */
export async function writeReportAndSay(
  dir: string,
  options: { out?: string; images?: boolean; splitAboveMb?: number; sources?: string; say?: (text: string) => void },
): Promise<number> {
  let result: ReportResult;
  try {
    result = await writeReport(dir, {
      ...(options.out !== undefined ? { out: options.out } : {}),
      images: options.images !== false,
      splitAboveBytes: (options.splitAboveMb ?? 50) * 1024 * 1024,
      ...(options.sources !== undefined ? { sourceBaseDirs: [options.sources] } : {}),
    });
  } catch (error) {
    if (error instanceof ReportInputError) {
      process.stderr.write(`selfeval: ${error.message} [${error.code}]\n`);
      return 2;
    }
    if (error instanceof ReportOutputError) {
      process.stderr.write(`selfeval: ${error.message} [${error.code}]\n`);
      return 3;
    }
    throw error;
  }
  const mb = (result.bytes / 1024 / 1024).toFixed(1);
  const images = result.imageMode === 'files' ? `，图像 ${result.images} 个另存在 ${result.imageDir}` : result.images > 0 ? `，内嵌图像 ${result.images} 个` : '';
  (options.say ?? ((text: string) => void process.stdout.write(text)))(`审计报告已写出：${result.path}（${result.documents} 份文件，${result.failed} 个无法读取，${result.skipped} 个跳过，${mb} MB${images}）\n`);
  return 0;
}

function report(dir: string, opts: ReportOptions): Promise<number> {
  return writeReportAndSay(dir, {
    ...(opts.out !== undefined ? { out: opts.out } : {}),
    images: opts.images,
    ...(opts.splitAbove !== undefined ? { splitAboveMb: opts.splitAbove } : {}),
    ...(opts.sources !== undefined ? { sources: opts.sources } : {}),
  });
}
