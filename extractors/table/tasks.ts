/**
 * Goals, completion and unmet reasons of a table's header block are numbered (任务1: … 任务2: … or
 * （一）…（二）…); split them into tasks by number.
 */
const TASK_MARKER = /任务\s*([0-9０-９]+)\s*[:：]|（([一二三四五六七八九十]+)）/gu;
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function cnNumber(s: string): number {
  if (s.length === 1) return CN_DIGITS[s] ?? 0;
  if (s.startsWith('十')) return 10 + (CN_DIGITS[s.slice(1)] ?? 0);
  return (CN_DIGITS[s[0] ?? ''] ?? 0) * 10 + (CN_DIGITS[s.slice(2)] ?? 0);
}

export function splitNumbered(text: string | null): Map<number, string> {
  const out = new Map<number, string>();
  if (!text) return out;
  const marks = [...text.matchAll(TASK_MARKER)];
  if (marks.length < 2) return out;
  marks.forEach((m, k) => {
    const index = m[1] ? Number(m[1].replace(/[０-９]/gu, (d) => String(d.charCodeAt(0) - 0xff10))) : cnNumber(m[2] ?? '');
    const start = (m.index ?? 0) + m[0].length;
    const end = marks[k + 1]?.index ?? text.length;
    const body = text.slice(start, end).trim();
    if (index > 0 && !out.has(index)) out.set(index, body);
  });
  return out;
}

export function splitTasks(
  overall: string | null,
  completion: string | null,
  unmet: string | null,
): Array<{ index: number; goal: string | null; completion: string | null; unmetReason: string | null }> {
  const goals = splitNumbered(overall);
  const done = splitNumbered(completion);
  const reasons = splitNumbered(unmet);
  const indexes = [...new Set([...goals.keys(), ...done.keys(), ...reasons.keys()])].sort((a, b) => a - b);
  return indexes.map((index) => ({
    index,
    goal: goals.get(index) ?? null,
    completion: done.get(index) ?? null,
    unmetReason: reasons.get(index) ?? null,
  }));
}
