import { Command, CommanderError } from 'commander';
import { registerExtract } from './commands/extract.js';
import { registerReport } from './commands/report.js';
import { registerSchema } from './commands/schema.js';
import { registerTables } from './commands/tables.js';
import { registerVerify } from './commands/verify.js';
import { tuneOwnThread } from '../pipeline/own-thread.js';
import { configureChineseHelp } from './help.js';
import { packageVersion } from './version.js';

const EXAMPLES = `
示例 (examples):
  selfeval extract samples --out out              # 读取文件夹中的每个文件 → out/<文件名>.json 和 out/results.jsonl
  selfeval verify table.pdf --with report.pdf     # 复核一份自评表的得分（用同部门同年度的自评报告）
  selfeval verify out/table.pdf.json              # 复核 extract 写出的文档 JSON
  cat table.pdf | selfeval verify -               # - 表示标准输入
  selfeval tables report.pdf --format csv         # 列出 PDF 中的所有表格
  selfeval report out                             # 根据 extract 的输出写出审计报告 out/report.html
  selfeval schema > document.schema.json          # 输出文档的 JSON Schema
  selfeval help verify                            # 某个命令的帮助和示例
`;

/** The `selfeval` command line: a thin adapter over the pipeline. Exit codes: 0 ok, 1 some file failed, 2 usage. */
export async function main(argv: readonly string[]): Promise<number> {
  tuneOwnThread();
  const program = new Command();
  program
    .name('selfeval')
    .description('把部门整体支出绩效自评表、自评报告、自评表说明和项目支出绩效自评表（PDF、HTML、DOCX、XLSX、文本）读成统一的 JSON，并复核每一项自评得分。')
    .version(packageVersion(), '-V, --version', '显示版本号')
    .exitOverride()
    .showHelpAfterError('（用 --help 查看用法和示例）');
  configureChineseHelp(program);
  program.addHelpText('after', EXAMPLES);
  registerExtract(program);
  registerVerify(program);
  registerTables(program);
  registerReport(program);
  registerSchema(program);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return 0;
      return 2;
    }
    process.stderr.write(`selfeval: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
