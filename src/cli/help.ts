import type { Command } from 'commander';

/** Section titles of commander's help in Chinese, with the English word kept for searching. */
const TITLES: Record<string, string> = {
  'Usage:': '用法 (Usage):',
  'Options:': '选项 (Options):',
  'Arguments:': '参数 (Arguments):',
  'Commands:': '命令 (Commands):',
  'Global Options:': '全局选项 (Global Options):',
};

/** Chinese help for a program and (by inheritance) every command registered on it afterwards. */
export function configureChineseHelp(program: Command): void {
  program
    .configureHelp({ styleTitle: (title: string) => TITLES[title] ?? title })
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助');
}
