import { loadRubric } from '../rubrics/index.js';
import type { Rubric } from '../rubrics/index.js';
import { near, sum } from './numbers.js';
import { isRuleId, rules } from './rules/index.js';

const checked = new Set<string>();

/**
 * Check a rubric against the rule registry and itself: every rule type exists, every entry's params parse
 * with its rule's params schema, parts add up to the weight, and the weights add up per 二级, per 一级 (a
 * row rule's weight counting for its 一级) and to the total. Throws an Error naming the rubric and the entry.
 */
export function checkRubric(rubric: Rubric): Rubric {
  const fail = (what: string): never => {
    throw new Error(`评分标准 ${rubric.id} 有误：${what}`);
  };
  const checkRule = (what: string, rule: Rubric['entries'][number]['rule']) => {
    const type = rule.type;
    if (!isRuleId(type)) fail(`${what} 的规则类型 ${type} 不存在`);
    else {
      const parsed = rules[type].meta.params.safeParse(rule.params);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        fail(`${what} 的规则参数不符合 ${type}：${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`);
      }
    }
  };
  const rowRule = rubric.rowRule;
  if (rowRule) {
    checkRule(`逐行指标 ${rowRule.id}`, rowRule.rule);
    if (!rubric.level1.some((n) => n.name === rowRule.level1)) fail(`逐行指标 ${rowRule.id} 的一级指标 ${rowRule.level1} 未定义`);
  }
  for (const entry of rubric.entries) {
    checkRule(`指标 ${entry.id}`, entry.rule);
    if (entry.parts && !near(sum(entry.parts), entry.weight, 1e-6)) fail(`指标 ${entry.id} 的子项分值之和不等于 ${entry.weight}`);
    if (!rubric.level2.some((n) => n.name === entry.level2 && n.parent === entry.level1)) {
      fail(`指标 ${entry.id} 的二级指标 ${entry.level2}（属于 ${entry.level1}）未定义`);
    }
  }
  for (const node of rubric.level2) {
    const total = sum(rubric.entries.filter((e) => e.level2 === node.name).map((e) => e.weight));
    if (!near(total, node.weight, 1e-6)) fail(`二级指标 ${node.name} 的三级指标分值之和 ${total} 不等于 ${node.weight}`);
  }
  for (const node of rubric.level1) {
    // A rubric scoring the form's own rows gives their level the rows' weight instead of 二级 nodes.
    const rows = rowRule?.level1 === node.name ? rowRule.weight : 0;
    const total = sum(rubric.level2.filter((n) => n.parent === node.name).map((n) => n.weight)) + rows;
    if (!near(total, node.weight, 1e-6)) fail(`一级指标 ${node.name} 的二级指标分值之和 ${total} 不等于 ${node.weight}`);
  }
  const total = sum(rubric.level1.map((n) => n.weight));
  if (!near(total, rubric.total, 1e-6)) fail(`一级指标分值之和 ${total} 不等于总分 ${rubric.total}`);
  const ids = rubric.entries.map((e) => e.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) fail(`指标 ${duplicate} 重复`);
  return rubric;
}

/** loadRubric plus checkRubric, checked once per process. */
export function loadCheckedRubric(id: string): Rubric {
  const rubric = loadRubric(id);
  if (!checked.has(id)) {
    checkRubric(rubric);
    checked.add(id);
  }
  return rubric;
}
