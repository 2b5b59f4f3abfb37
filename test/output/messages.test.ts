/**
 * The messages auditors read in Excel: errors.csv `message` is the Chinese reason alone (file and
 * code have their own columns), skipped.csv `detail` is one sentence, and NOT_SELF_EVALUATION says
 * what the file is instead without nested parentheses. The console keeps the path and the code.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyInto, pythonCsvRows, runCli } from '../helpers/cli.js';
import { SAMPLES } from '../helpers/samples.js';

const dir = mkdtempSync(join(tmpdir(), 'selfeval-messages-'));
const input = join(dir, 'in');
copyInto(input, [
  join(SAMPLES, 'beyond/html/zhangnan-zrzyj-2022-final-accounts.html'),
  join(SAMPLES, 'beyond/html/songqiao-wjj-2024-target-form.html'),
  join(SAMPLES, 'liwan-2023-table.txt'),
  join(SAMPLES, 'README.md'),
]);
mkdirSync(join(input, 'sub'));
writeFileSync(join(input, 'sub', 'blob.dat'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x80, 0x00, 0x10]));

/** Deepest nesting of （…） outside quoted text “…”: a clear sentence has at most one level. */
function parenDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '“') quoted = true;
    else if (c === '”') quoted = false;
    else if (!quoted && c === '（') max = Math.max(max, ++depth);
    else if (!quoted && c === '）') depth--;
  }
  return max;
}

describe('errors.csv and skipped.csv messages', () => {
  it('say the reason once, in one sentence, without the path or the code; stderr keeps both', async () => {
    const out = join(dir, 'out');
    const { code, err } = await runCli(['extract', input, '--out', out, '--jobs', '1', '--quiet']);
    expect(code).toBe(1);

    const errors = pythonCsvRows(join(out, 'errors.csv'));
    expect(errors[0]).toEqual(['file', 'stage', 'code', 'message', 'detail']);
    const message = (name: string): string | undefined => errors.find((r) => r[0]?.endsWith(name))?.[3];
    expect(message('zhangnan-zrzyj-2022-final-accounts.html')).toBe('这是部门决算（标题“漳南县自然资源和规划局2022年度部门决算”），不是绩效自评表或自评报告');
    expect(message('songqiao-wjj-2024-target-form.html')).toBe(
      '这是绩效目标申报表（标题“项目支出绩效目标申报表”），不是绩效自评表或自评报告；申报表只有指标值，没有实际完成值和得分',
    );
    for (const row of errors.slice(1)) {
      expect(row[3]).not.toContain(input);
      expect(row[3]).not.toContain(`[${row[2]}]`);
      expect(parenDepth(row[3] as string), row[3]).toBeLessThanOrEqual(1);
    }
    // The console still names the file and the code.
    expect(err).toContain(`${join(input, 'zhangnan-zrzyj-2022-final-accounts.html')}: 这是部门决算（标题“漳南县自然资源和规划局2022年度部门决算”），不是绩效自评表或自评报告 [NOT_SELF_EVALUATION]`);

    const skipped = pythonCsvRows(join(out, 'skipped.csv'));
    const detail = (name: string): string | undefined => skipped.find((r) => r[0]?.endsWith(name))?.slice(1).join(' | ');
    expect(detail('README.md')).toBe('other-text | 扩展名为 .md 的文本文件，不是文档（文件夹中的纯文本只读取 .txt 和 .text）');
    expect(detail('blob.dat')).toBe('unknown-content | 内容无法识别为 PDF、HTML、DOCX、XLSX、旧版 Office 或文本：二进制数据，没有已知格式的文件头');
    for (const row of skipped.slice(1)) expect(parenDepth(row[2] as string), row[2]).toBeLessThanOrEqual(1);
  }, 120_000);
});
