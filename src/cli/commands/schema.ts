import { Argument, type Command } from 'commander';
import { documentJsonSchema, resultLineJsonSchema } from '../../schema/json-schema.js';

const EXAMPLES = `
示例 (examples):
  selfeval schema > document.schema.json                 # 文档的 JSON Schema（draft 2020-12，与 schema/document.schema.json 相同）
  selfeval schema result-line > result-line.schema.json  # results.jsonl 每一行的 JSON Schema
  字段、单位和问题代码的说明见 docs/output-contract.md
`;

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .summary('输出文档或 results.jsonl 一行的 JSON Schema')
    .description('输出 JSON Schema（由 zod schema 生成）：文档（document，默认）或 results.jsonl 的一行（result-line）。')
    .addArgument(new Argument('[which]', '哪一个 schema').choices(['document', 'result-line']).default('document'))
    .addHelpText('after', EXAMPLES)
    .action((which: 'document' | 'result-line') => {
      const schema = which === 'result-line' ? resultLineJsonSchema() : documentJsonSchema();
      process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
    });
}
