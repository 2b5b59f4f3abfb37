/**
 * Lists every skipped test at the end of a run with its reason, so a skip is never silent: the note
 * given to `ctx.skip(note)`, else the test's name (which says when it is skipped, by convention).
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SkipReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const lines: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state !== 'skipped') continue;
        const file = module.moduleId.replace(`${process.cwd()}/`, '');
        lines.push(`  ↓ ${file} > ${test.fullName}${result.note ? ` — ${result.note}` : ''}`);
      }
    }
    if (lines.length > 0) process.stdout.write(`\nskipped tests (${lines.length}), and why:\n${lines.join('\n')}\n`);
  }
}
