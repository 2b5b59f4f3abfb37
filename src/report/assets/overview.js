'use strict';
// The overview: one row per document, sortable by every column, filtered by region, year, kind and
// finding code; the declared/recomputed chart; totals per finding code; unread and skipped files.
// Rows are built once and re-ordered on sort or filter, so thousands of rows stay fast.

var COLUMNS = [
  { key: 'file', label: '文件', type: 'str', wrap: true, value: function (r) { return baseName(r.file); } },
  { key: 'province', label: '省', type: 'str' },
  { key: 'city', label: '市', type: 'str' },
  { key: 'county', label: '区县', type: 'str' },
  { key: 'department', label: '部门', type: 'str', wrap: true },
  { key: 'year', label: '年度', type: 'num' },
  { key: 'kind', label: '类型', type: 'str', text: function (r) { return label(KIND_LABELS, r.kind); } },
  { key: 'format', label: '格式', type: 'str', text: function (r) { return label(FORMAT_LABELS, r.format); } },
  { key: 'declared', label: '自评总分', type: 'num', text: function (r) { return fmt(r.declared); } },
  { key: 'recomputed', label: '复核总分', type: 'num', text: function (r) { return fmt(r.recomputed); } },
  { key: 'diff', label: '差值', title: '复核总分 − 自评总分', type: 'num', text: function (r) { return fmtDiff(r.diff); } },
  { key: 'gradeDeclared', label: '自评等级', type: 'num', value: function (r) { return gradeRank(r.gradeDeclared); }, text: function (r) { return r.gradeDeclared || '—'; } },
  { key: 'gradeRecomputed', label: '复核等级', type: 'num', value: function (r) { return gradeRank(r.gradeRecomputed); }, text: function (r) { return r.gradeRecomputed || '—'; } },
  { key: 'checksOk', label: '已复核', type: 'num' },
  { key: 'checksUnverifiable', label: '无法复核', type: 'num' },
  { key: 'checksMismatch', label: '不符', type: 'num' },
  { key: 'errors', label: '错误', type: 'num' },
  { key: 'warnings', label: '警告', type: 'num' },
  { key: 'scope', label: '复核依据', type: 'str', text: function (r) { return r.scope === 'structural' ? '无评分标准' : r.scope === 'rubric' ? '评分标准' : '—'; } },
];

/** Grades sort by merit (差 < 中 < 良 < 优), not by their characters. */
function gradeRank(grade) {
  var rank = { 差: 1, 中: 2, 良: 3, 优: 4 }[grade];
  return rank === undefined ? null : rank;
}

var FILTERS = [
  { key: 'province', label: '省', value: function (r) { return r.province; } },
  { key: 'city', label: '市', value: function (r) { return r.city; } },
  { key: 'county', label: '区县', value: function (r) { return r.county; } },
  { key: 'year', label: '年度', value: function (r) { return r.year === null ? null : String(r.year); } },
  { key: 'kind', label: '类型', value: function (r) { return r.kind; }, text: function (v) { return label(KIND_LABELS, v); } },
  { key: 'code', label: '问题代码', multi: true, value: function (r) { return r.codes; }, text: function (v) { return v + ' ' + label(CODE_LABELS, v); } },
];

var overview = { rows: [], trs: [], sortKey: null, sortDir: 1, filters: {}, tbody: null, count: null, chart: null, collator: null };

function columnValue(col, r) {
  return col.value ? col.value(r) : r[col.key];
}

function rowMatches(r) {
  for (var i = 0; i < FILTERS.length; i += 1) {
    var f = FILTERS[i];
    var want = overview.filters[f.key];
    if (!want) continue;
    var v = f.value(r);
    if (f.multi ? v.indexOf(want) < 0 : v !== want) return false;
  }
  return true;
}

function compareRows(a, b) {
  var col = COLUMNS.find(function (c) { return c.key === overview.sortKey; });
  if (!col) return a.id - b.id;
  var va = columnValue(col, a);
  var vb = columnValue(col, b);
  // Blanks always last, whichever direction.
  var na = va === null || va === undefined || va === '';
  var nb = vb === null || vb === undefined || vb === '';
  if (na || nb) return na === nb ? a.id - b.id : na ? 1 : -1;
  var c = col.type === 'num' ? va - vb : overview.collator.compare(String(va), String(vb));
  return c !== 0 ? c * overview.sortDir : a.id - b.id;
}

/** Apply the filters and the sort to the table, the counts and the chart. */
function refreshOverview() {
  var shown = overview.rows.filter(rowMatches);
  shown.sort(compareRows);
  var fragment = document.createDocumentFragment();
  for (var i = 0; i < shown.length; i += 1) fragment.appendChild(overview.trs[shown[i].id]);
  overview.tbody.replaceChildren(fragment);
  overview.count.textContent = '显示 ' + shown.length + ' / ' + overview.rows.length + ' 份文件';
  drawChart(overview.chart, shown);
}

function buildRow(r) {
  var cells = COLUMNS.map(function (col) {
    var v = col.text ? col.text(r) : columnValue(col, r);
    var text = v === null || v === undefined ? '—' : String(v);
    var attrs = { class: col.type === 'num' ? 'num' : col.wrap ? null : 'nw' };
    if (col.key === 'file') return el('td', { title: r.file }, el('a', { href: '#doc=' + r.id }, text));
    if (col.key === 'department') return el('td', null, r.outputMissing ? text : el('a', { href: '#doc=' + r.id }, text));
    if (col.key === 'diff' && r.diff !== null && r.diff < 0) attrs.class = 'num neg';
    if ((col.key === 'errors' || col.key === 'checksMismatch') && v > 0) attrs.class = 'num bad';
    return el('td', attrs, text);
  });
  return el('tr', { 'data-id': r.id }, cells);
}

function buildHeader() {
  return el('tr', null, COLUMNS.map(function (col) {
    var button = el('button', { type: 'button', class: 'sort', 'data-key': col.key, title: col.title || '按' + col.label + '排序' }, col.label);
    button.addEventListener('click', function () {
      if (overview.sortKey === col.key) overview.sortDir = -overview.sortDir;
      else { overview.sortKey = col.key; overview.sortDir = 1; }
      var ths = button.closest('tr').children;
      for (var i = 0; i < ths.length; i += 1) ths[i].removeAttribute('aria-sort');
      button.parentNode.setAttribute('aria-sort', overview.sortDir > 0 ? 'ascending' : 'descending');
      refreshOverview();
    });
    return el('th', { scope: 'col' }, button);
  }));
}

function buildFilters(rows) {
  var bar = el('div', { class: 'filters no-print' });
  FILTERS.forEach(function (f) {
    var values = {};
    rows.forEach(function (r) {
      var v = f.value(r);
      (f.multi ? v : [v]).forEach(function (x) { if (x !== null && x !== undefined) values[x] = true; });
    });
    var options = Object.keys(values).sort(function (a, b) { return overview.collator.compare(a, b); });
    var select = el('select', { id: 'f-' + f.key, 'data-filter': f.key }, el('option', { value: '' }, '全部'),
      options.map(function (v) { return el('option', { value: v }, f.text ? f.text(v) : v); }));
    select.addEventListener('change', function () {
      overview.filters[f.key] = select.value;
      refreshOverview();
    });
    bar.appendChild(el('label', null, f.label + ' ', select));
  });
  var clear = el('button', { type: 'button', id: 'f-clear' }, '清除筛选');
  clear.addEventListener('click', function () { setFilter(null, null); });
  bar.appendChild(clear);
  return bar;
}

/** Set one filter (or clear all with key null) and refresh. */
function setFilter(key, value) {
  FILTERS.forEach(function (f) {
    if (key === null || f.key === key) {
      overview.filters[f.key] = key === null ? '' : value;
      document.getElementById('f-' + f.key).value = overview.filters[f.key];
    }
  });
  refreshOverview();
}

/** Declared (x) against recomputed (y) totals, one point per document; below the diagonal: over-declared. */
function drawChart(holder, rows) {
  var points = rows.filter(function (r) { return r.declared !== null && r.recomputed !== null; });
  var W = 640, H = 360, L = 48, B = 36, T = 12, R = 12;
  var lo = 100, hi = 0;
  points.forEach(function (r) { lo = Math.min(lo, r.declared, r.recomputed); hi = Math.max(hi, r.declared, r.recomputed); });
  if (points.length === 0) { lo = 0; hi = 100; }
  lo = Math.max(0, Math.floor((lo - 2) / 5) * 5);
  hi = Math.ceil((hi + 1) / 5) * 5;
  var sx = function (v) { return L + ((v - lo) / (hi - lo)) * (W - L - R); };
  var sy = function (v) { return H - B - ((v - lo) / (hi - lo)) * (H - B - T); };
  var root = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, class: 'chart', role: 'img', 'aria-label': '自评总分与复核总分散点图' });
  var step = hi - lo > 40 ? 10 : 5;
  for (var v = lo; v <= hi; v += step) {
    root.appendChild(svg('line', { x1: L, x2: W - R, y1: sy(v), y2: sy(v), class: 'grid' }));
    root.appendChild(svg('text', { x: L - 6, y: sy(v) + 4, 'text-anchor': 'end' }, String(v)));
    root.appendChild(svg('text', { x: sx(v), y: H - B + 16, 'text-anchor': 'middle' }, String(v)));
  }
  root.appendChild(svg('line', { x1: sx(lo), y1: sy(lo), x2: sx(hi), y2: sy(hi), class: 'diag' }));
  root.appendChild(svg('text', { x: (L + W - R) / 2, y: H - 4, 'text-anchor': 'middle' }, '自评总分'));
  root.appendChild(svg('text', { x: 12, y: (T + H - B) / 2, 'text-anchor': 'middle', transform: 'rotate(-90 12 ' + (T + H - B) / 2 + ')' }, '复核总分'));
  points.forEach(function (r) {
    var c = svg('circle', { cx: sx(r.declared), cy: sy(r.recomputed), r: 4, class: r.diff < 0 ? 'pt neg' : 'pt', 'data-id': r.id },
      svg('title', {}, (r.department || baseName(r.file)) + ' ' + (r.year || '') + ' ' + label(KIND_LABELS, r.kind) + '：自评 ' + fmt(r.declared) + '，复核 ' + fmt(r.recomputed)));
    c.addEventListener('click', function () { location.hash = 'doc=' + r.id; });
    root.appendChild(c);
  });
  fill(holder, root, el('p', { class: 'hint' }, points.length + ' 份文件有自评与复核总分；对角线下方（红色）为自评高于复核。点击圆点打开文件。'));
}

function totalsTable(totals) {
  if (totals.length === 0) return el('p', null, '没有发现问题。');
  return el('table', { class: 'data', id: 'totals' },
    el('thead', null, el('tr', null, ['问题代码', '说明', '错误', '警告', '提示', '涉及文件'].map(function (h) { return el('th', { scope: 'col' }, h); }))),
    el('tbody', null, totals.map(function (t) {
      var link = el('a', { href: '#', 'data-code': t.code }, t.code);
      link.addEventListener('click', function (e) { e.preventDefault(); setFilter('code', t.code); document.getElementById('rows').scrollIntoView(); });
      return el('tr', null, el('td', null, link), el('td', null, label(CODE_LABELS, t.code)),
        el('td', { class: 'num' }, t.error), el('td', { class: 'num' }, t.warning), el('td', { class: 'num' }, t.info), el('td', { class: 'num' }, t.documents));
    })));
}

function listTable(id, headers, rows, cells) {
  return el('table', { class: 'data', id: id },
    el('thead', null, el('tr', null, headers.map(function (h) { return el('th', { scope: 'col' }, h); }))),
    el('tbody', null, rows.map(function (r) { return el('tr', null, cells(r).map(function (c) { return el('td', null, c === null ? '—' : c); })); })));
}

function renderOverview(index) {
  overview.rows = index.rows;
  overview.collator = new Intl.Collator('zh-CN', { numeric: true });
  overview.trs = index.rows.map(buildRow);
  overview.tbody = el('tbody', { id: 'rows-body' });
  overview.count = el('p', { class: 'count', id: 'count' });
  overview.chart = el('div', { id: 'chart' });
  var section = document.getElementById('overview');
  var structural = index.rows.filter(function (r) { return r.scope === 'structural'; }).length;
  fill(section,
    el('p', { class: 'summary' }, '输出文件夹 ' + index.outDir + '：' + index.rows.length + ' 份文件已读取，' + index.failed.length + ' 个文件无法读取，' + index.skipped.length + ' 个文件跳过' +
      (structural ? '；' + structural + ' 份没有适用的评分标准，只做了结构性检查' : '') + '。'),
    index.notes.length ? el('ul', { class: 'notes' }, index.notes.map(function (n) { return el('li', null, n); })) : null,
    el('h2', null, '文件总览'),
    buildFilters(index.rows),
    overview.count,
    el('div', { class: 'scroll' }, el('table', { class: 'data', id: 'rows' }, el('thead', null, buildHeader()), overview.tbody)),
    el('h2', null, '自评总分与复核总分'),
    overview.chart,
    el('h2', null, '按问题代码统计'),
    totalsTable(index.findingTotals),
    el('h2', null, '无法读取的文件（' + index.failed.length + '）'),
    index.failed.length ? listTable('failed', ['文件', '阶段', '代码', '原因'], index.failed, function (f) { return [f.file, f.stage, f.code, f.message]; }) : el('p', null, '无。'),
    el('h2', null, '跳过的文件（' + index.skipped.length + '）'),
    index.skipped.length ? listTable('skipped', ['文件', '原因', '说明'], index.skipped, function (s) { return [s.file, s.reason, s.detail]; }) : el('p', null, '无。'),
  );
  refreshOverview();
}
