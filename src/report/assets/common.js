'use strict';
// Shared helpers of the report page. Every piece of document text reaches the page through
// textContent or an attribute set with setAttribute: never as markup.

/** Read a JSON data block embedded in the page (null when absent). */
function readBlock(id) {
  var node = document.getElementById(id);
  if (!node) return null;
  return JSON.parse(node.textContent);
}

/** Create an element: el('td', {class: 'num', title: '…'}, 'text', child, …). */
function el(tag, attrs) {
  var node = document.createElement(tag);
  if (attrs) {
    for (var name in attrs) {
      if (!Object.prototype.hasOwnProperty.call(attrs, name)) continue;
      var value = attrs[name];
      if (value === null || value === undefined || value === false) continue;
      if (name === 'hidden') node.hidden = true;
      else node.setAttribute(name, String(value));
    }
  }
  for (var i = 2; i < arguments.length; i += 1) append(node, arguments[i]);
  return node;
}

/** Replace a node's children; null, false and undefined children are left out (replaceChildren would print them). */
function fill(node) {
  node.replaceChildren();
  for (var i = 1; i < arguments.length; i += 1) append(node, arguments[i]);
}

function append(node, child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (var i = 0; i < child.length; i += 1) append(node, child[i]);
  } else if (typeof child === 'string' || typeof child === 'number') {
    node.appendChild(document.createTextNode(String(child)));
  } else {
    node.appendChild(child);
  }
}

var SVG_NS = 'http://www.w3.org/2000/svg';
function svg(tag, attrs) {
  var node = document.createElementNS(SVG_NS, tag);
  for (var name in attrs) if (Object.prototype.hasOwnProperty.call(attrs, name)) node.setAttribute(name, String(attrs[name]));
  for (var i = 2; i < arguments.length; i += 1) {
    var c = arguments[i];
    if (typeof c === 'string') node.appendChild(document.createTextNode(c));
    else if (c) node.appendChild(c);
  }
  return node;
}

function fmt(n) {
  if (n === null || n === undefined) return '—';
  return String(Math.round(n * 100) / 100);
}

function fmtDiff(n) {
  if (n === null || n === undefined) return '—';
  var r = Math.round(n * 100) / 100;
  return r > 0 ? '+' + r : String(r);
}

function fmtRate(r) {
  if (r === null || r === undefined) return '—';
  return (Math.round(r * 1000) / 10) + '%';
}

var KIND_LABELS = {
  'self-evaluation-table': '部门整体自评表',
  'self-evaluation-report': '部门整体自评报告',
  'table-explanation': '自评表说明',
  'project-table': '项目自评表',
  'project-report': '项目自评报告',
  unknown: '未知类型',
};
var FORMAT_LABELS = { pdf: 'PDF', html: 'HTML', docx: 'DOCX', xlsx: 'XLSX', text: '文本', image: '图像' };
var STATUS_LABELS = { ok: '已复核', mismatch: '不符', unverifiable: '无法复核', missing: '未填写', 'not-applicable': '不适用' };
var SEVERITY_LABELS = { error: '错误', warning: '警告', info: '提示' };
var CATEGORY_LABELS = { output: '产出', benefit: '效益', satisfaction: '满意度' };
var CODE_LABELS = {
  TOTAL_MISMATCH: '总分与各项得分之和不符',
  SUBTOTAL_MISMATCH: '小计与得分之和不符',
  WEIGHT_MISMATCH: '分值与评分标准不符',
  SCORE_OUT_OF_RANGE: '得分超出分值范围',
  SCORE_NOT_ALLOWED: '得分不是规则能给出的分值',
  RECOMPUTED_MISMATCH: '得分与复核得分不符',
  COMPLETION_OVER_150: '完成率超过 150%',
  COMPLETION_UNDER_60: '完成率低于 60%',
  COUNT_MISMATCH: '指标个数不符',
  GRADE_MISMATCH: '评价等级与总分不符',
  SCORE_MISSING: '得分未填写',
  CROSS_DOCUMENT_MISMATCH: '自评表与自评报告不一致',
  UNKNOWN_INDICATOR: '评分标准中没有的指标',
  EXECUTION_RATE_MISMATCH: '执行率计算不符',
  BUDGET_SUM_MISMATCH: '预算各部分之和不符',
  SCORES_NOT_FILLED: '得分全部未填写',
};

function label(map, key) {
  if (key === null || key === undefined) return '—';
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : String(key);
}

function baseName(path) {
  var parts = String(path).split(/[\\/]/);
  return parts[parts.length - 1];
}

function regionText(r) {
  var parts = [r.province, r.city, r.county].filter(function (x) { return x; });
  return parts.length ? parts.join(' ') : '地区未知';
}

/** Where a snippet is: 第 N 页 for paged formats; other formats carry their locator in the text. */
function locatorText(s) {
  if (!s) return '';
  if (s.page !== null && s.page !== undefined) return '第 ' + s.page + ' 页';
  var m = /^\[(?:[^\[\]]|\[[^\]]*\])*\]/.exec(s.text);
  return m ? m[0] : '';
}

function badge(text, cls) {
  return el('span', { class: 'badge ' + (cls || '') }, text);
}

/** A snippet with its place: 第 N 页 before the text of paged formats (others start with their locator). */
function snippetText(s) {
  return s.page !== null && s.page !== undefined ? '第 ' + s.page + ' 页 ' + s.text : s.text;
}
