import { describe, expect, it } from 'vitest';
import { mergeFindings, renderReport } from '../../src/scoring/findings.js';
import { interpolate } from '../../src/scoring/interpolate.js';
import type { RuleReport } from '../../src/scoring/types.js';
import { prov } from '../helpers/make-document.js';

const report = (name: string): RuleReport => ({
  code: 'SCORE_NOT_ALLOWED',
  severity: 'error',
  messageId: 'notAllowed',
  data: { name, declared: 1 },
  expected: null,
  actual: 1,
  provenance: [prov(name)],
});

describe('interpolate', () => {
  it('fills placeholders and leaves unknown ones as written', () => {
    expect(interpolate('{{a}} 与 {{ b }} 与 {{c}}', { a: 1, b: '二' })).toBe('1 与 二 与 {{c}}');
  });
});

describe('renderReport', () => {
  const messages = { notAllowed: '“{{name}}”得分 {{declared}}' };
  it('renders the message and does not quote a name that has its own quotes', () => {
    expect(renderReport(report('数据质量'), 'x', messages, '数据质量').message).toBe('“数据质量”得分 1');
    expect(renderReport(report('“三公”经费控制情况'), 'x', messages, null).message).toBe('“三公”经费控制情况得分 1');
  });
  it('throws on a message id the module lacks (a defect in the rule)', () => {
    expect(() => renderReport({ ...report('a'), messageId: 'nope' }, 'x', messages, null)).toThrow(/nope/u);
  });
});

describe('mergeFindings', () => {
  it('reports the same finding once with every provenance', () => {
    const a = renderReport(report('a'), 'x', { notAllowed: '{{name}}' }, 'A');
    const b = { ...a, provenance: [prov('other page', 2), prov('a')] };
    expect(mergeFindings([a, b])).toEqual([{ ...a, provenance: [prov('a'), prov('other page', 2)] }]);
  });
});
