import type { Finding, Provenance } from '../schema/index.js';
import { interpolate } from './interpolate.js';
import type { RuleReport } from './types.js';

/**
 * A name that carries its own quotes (“三公”经费控制情况) is not quoted again: “{{name}}” becomes {{name}}
 * so the message does not read ““三公”经费控制情况”.
 */
function unquoteQuotedValues(template: string, data: Readonly<Record<string, string | number>>): string {
  let result = template;
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string' && value.includes('“')) result = result.replaceAll(`“{{${key}}}”`, `{{${key}}}`);
  }
  return result;
}

/** A report rendered with its module's message table; an unknown messageId is a defect in the rule. */
export function renderReport(
  report: RuleReport,
  moduleId: string,
  messages: Readonly<Record<string, string>>,
  indicator: string | null,
  rubricId: string | null = null,
): Finding {
  const template = messages[report.messageId];
  if (template === undefined) throw new Error(`规则 ${moduleId} 没有消息 ${report.messageId}`);
  return {
    code: report.code,
    severity: report.severity,
    message: interpolate(unquoteQuotedValues(template, report.data), report.data),
    indicator: report.indicator === undefined ? indicator : report.indicator,
    rubricId: report.rubricId === undefined ? rubricId : report.rubricId,
    rule: moduleId,
    expected: report.expected,
    actual: report.actual,
    provenance: report.provenance,
  };
}

function provenanceKey(p: Provenance): string {
  return JSON.stringify([p.page, p.bbox, p.text]);
}

/** The same finding (code, indicator, expected, actual) reported once, with every provenance that supports it. */
export function mergeFindings(findings: readonly Finding[]): Finding[] {
  const merged = new Map<string, Finding>();
  for (const finding of findings) {
    const key = JSON.stringify([finding.code, finding.indicator, finding.expected, finding.actual]);
    const existing = merged.get(key);
    const provenance = existing ? [...existing.provenance, ...finding.provenance] : finding.provenance;
    const seen = new Set<string>();
    const unique = provenance.filter((p) => {
      const k = provenanceKey(p);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    merged.set(key, { ...(existing ?? finding), provenance: unique });
  }
  return [...merged.values()];
}
