import { Command, CommanderError } from 'commander';
import { registerExtract } from './commands/extract.js';
import { registerSchema } from './commands/schema.js';
import { registerTables } from './commands/tables.js';
import { registerVerify } from './commands/verify.js';

/** The `selfeval` command line: a thin adapter over the pipeline. Exit codes: 0 ok, 1 some file failed, 2 usage. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command();
  program
    .name('selfeval')
    .description('Read 部门整体支出绩效自评 tables, reports and explanations into canonical JSON and re-verify their scores.')
    .exitOverride()
    .showHelpAfterError();
  registerExtract(program);
  registerVerify(program);
  registerTables(program);
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
