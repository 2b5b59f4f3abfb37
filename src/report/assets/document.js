'use strict';
// One document's view, built when it is opened: identity, totals, companions, findings with their
// evidence (page image with the value's box, or the locator and text), the indicator tree, the
// checks no row carries, and the target/actual pairs.

function imageSrc(index, key) {
  if (index.images === 'files') return index.imageBase + key + '.png';
  return readBlock('img-' + key);
}

function info(rows) {
  return el('dl', { class: 'info' }, rows.filter(function (r) { return r; }).map(function (r) {
    return [el('dt', null, r[0]), el('dd', null, r[1] === null || r[1] === undefined || r[1] === '' ? '—' : r[1])];
  }));
}

function snippetLine(s) {
  var loc = locatorText(s);
  return el('li', null, s.page !== null ? el('span', { class: 'loc' }, loc) : null, s.page !== null ? ' ' : null, el('span', { class: 'src' }, s.text));
}

function evidenceFigure(index, ev) {
  var w = ev.crop[2] - ev.crop[0];
  var h = ev.crop[3] - ev.crop[1];
  var box = el('div', {
    class: 'hl',
    style: 'left:' + ((ev.box[0] - ev.crop[0]) / w) * 100 + '%;top:' + ((ev.box[1] - ev.crop[1]) / h) * 100 + '%;width:' +
      ((ev.box[2] - ev.box[0]) / w) * 100 + '%;height:' + ((ev.box[3] - ev.box[1]) / h) * 100 + '%',
  });
  var src = imageSrc(index, ev.image);
  return el('figure', { class: 'evidence' },
    el('div', { class: 'frame' }, src ? el('img', { src: src, alt: '第 ' + ev.page + ' 页的原文区域', width: Math.round(w * 1.5) }) : null, box),
    el('figcaption', null, '第 ' + ev.page + ' 页，红框为该数值在原文中的位置'));
}

function findingCard(index, detail, f) {
  var many = f.snippets.length > 4;
  var list = el('ul', { class: 'snippets' }, (many ? f.snippets.slice(0, 3) : f.snippets).map(snippetLine));
  var more = many ? el('details', null, el('summary', null, '其余 ' + (f.snippets.length - 3) + ' 处原文'), el('ul', { class: 'snippets' }, f.snippets.slice(3).map(snippetLine))) : null;
  var rule = [f.rubricId ? '评分标准条目 ' + f.rubricId : null, f.rule ? '规则 ' + f.rule : null].filter(function (x) { return x; }).join('，');
  var evidence = f.evidence.length
    ? f.evidence.map(function (ev) { return evidenceFigure(index, ev); })
    : detail.source.format === 'pdf' && detail.evidenceNote ? el('p', { class: 'note' }, detail.evidenceNote) : null;
  return el('article', { class: 'finding sev-' + f.severity, 'data-code': f.code },
    el('h4', null, badge(label(SEVERITY_LABELS, f.severity), 'sev-' + f.severity), ' ', el('code', null, f.code), ' ', label(CODE_LABELS, f.code)),
    el('p', { class: 'message' }, f.message),
    info([
      f.indicator ? ['指标', f.indicator] : null,
      ['依据', rule || '结构性检查'],
      f.expected !== null || f.actual !== null ? ['应为 / 实际', fmt(f.expected) + ' / ' + fmt(f.actual)] : null,
    ]),
    f.snippets.length ? el('div', null, el('h5', null, '原文'), list, more) : null,
    evidence);
}

function valueOrRange(r) {
  if (r.recomputed !== null) return fmt(r.recomputed);
  if (r.range) return fmt(r.range[0]) + '–' + fmt(r.range[1]);
  return '—';
}

function statusCell(status) {
  return el('td', { class: 'st st-' + (status || 'none') }, status ? label(STATUS_LABELS, status) : '—');
}

function indicatorTable(rows) {
  var body = el('tbody');
  var l1 = undefined, l2 = undefined;
  rows.forEach(function (r) {
    if (r.level1 !== l1) {
      l1 = r.level1; l2 = undefined;
      if (r.level1 !== null) body.appendChild(el('tr', { class: 'lvl1' }, el('td', { colspan: 8 }, '一级指标：' + r.level1 + (r.level1Weight !== null ? '（' + fmt(r.level1Weight) + ' 分）' : ''))));
    }
    if (r.level2 !== l2) {
      l2 = r.level2;
      if (r.level2 !== null) body.appendChild(el('tr', { class: 'lvl2' }, el('td', { colspan: 8 }, '二级指标：' + r.level2 + (r.level2Weight !== null ? '（' + fmt(r.level2Weight) + ' 分）' : ''))));
    }
    body.appendChild(el('tr', { class: 'ind' },
      el('td', { class: 'name' }, (r.name || '（未填写名称）') + (r.part !== null ? '（' + r.part + '）' : '')),
      el('td', { class: 'num' }, fmt(r.weight)),
      el('td', { class: 'num' }, r.notApplicable ? '不适用' : fmt(r.declared) + (r.inferred ? '（推算）' : '')),
      el('td', { class: 'num' }, valueOrRange(r)),
      statusCell(r.status),
      el('td', null, r.rule || '—'),
      el('td', { class: 'detail' }, r.detail || ''),
      el('td', { class: 'src' }, snippetText(r.snippet))));
  });
  return el('div', { class: 'scroll' }, el('table', { class: 'data tree', id: 'indicators' },
    el('thead', null, el('tr', null, ['三级指标', '分值', '自评得分', '复核得分 / 区间', '状态', '规则', '说明', '原文'].map(function (h) { return el('th', { scope: 'col' }, h); }))),
    body));
}

function checksTable(checks) {
  return el('div', { class: 'scroll' }, el('table', { class: 'data', id: 'checks' },
    el('thead', null, el('tr', null, ['复核项', '分值', '自评得分', '复核得分 / 区间', '状态', '规则', '说明'].map(function (h) { return el('th', { scope: 'col' }, h); }))),
    el('tbody', null, checks.map(function (c) {
      return el('tr', null, el('td', null, c.name), el('td', { class: 'num' }, fmt(c.weight)), el('td', { class: 'num' }, fmt(c.declared)),
        el('td', { class: 'num' }, valueOrRange(c)), statusCell(c.status), el('td', null, c.rule), el('td', { class: 'detail' }, c.detail));
    }))));
}

function targetsTable(targets) {
  return el('div', { class: 'scroll' }, el('table', { class: 'data', id: 'targets' },
    el('thead', null, el('tr', null, ['类别', '指标', '目标值', '实际值', '完成率', '未完成原因', '原文'].map(function (h) { return el('th', { scope: 'col' }, h); }))),
    el('tbody', null, targets.map(function (t) {
      var over = t.rate !== null && t.rate > 1.5, under = t.rate !== null && t.rate < 0.6;
      return el('tr', null, el('td', null, label(CATEGORY_LABELS, t.category)), el('td', null, t.name || '—'), el('td', null, t.target || '—'), el('td', null, t.actual),
        el('td', { class: 'num' + (over || under ? ' bad' : '') }, fmtRate(t.rate)), el('td', null, t.unmetReason || ''),
        el('td', { class: 'src' }, snippetText(t.snippet)));
    }))));
}

function companionLinks(index, row) {
  if (!row.companions.length) return el('p', null, '没有同部门、同年度的其他类型文件。');
  return el('ul', { class: 'companions' }, row.companions.map(function (id) {
    var c = index.rows[id];
    return el('li', null, el('a', { href: '#doc=' + id, title: c.file }, label(KIND_LABELS, c.kind) + '：' + baseName(c.file)), '（' + label(FORMAT_LABELS, c.format) + '，自评 ' + fmt(c.declared) + '，复核 ' + fmt(c.recomputed) + '）');
  }));
}

function renderDocument(index, id) {
  var section = document.getElementById('document');
  var row = index.rows[id];
  var detail = row ? readBlock('doc-' + id) : null;
  var back = el('p', { class: 'no-print' }, el('a', { href: '#', id: 'back' }, '← 返回总览'));
  if (!row) { fill(section, back, el('p', null, '没有这份文件。')); return; }
  if (!detail) { fill(section, back, el('h2', null, row.department || baseName(row.file)), el('p', { class: 'note' }, '这份文件的文档 JSON 无法读取，只有总览中的汇总。')); return; }
  var s = detail.summary;
  var structural = detail.scope === 'structural';
  fill(section,
    back,
    el('h2', { id: 'doc-title' }, detail.department.name || '（部门未识别）'),
    el('p', { class: 'sub' }, [detail.region ? regionText(detail.region) : '地区未知', detail.year !== null ? detail.year + ' 年度' : '年度未知', label(KIND_LABELS, detail.kind), label(FORMAT_LABELS, detail.source.format)].join(' · ')),
    structural ? el('p', { class: 'banner' }, '没有适用于该地区、类型和年度的评分标准（RUBRIC_NOT_AVAILABLE）：只做了结构性检查（得分不超过分值、分值与上级一致、合计、执行率、预算各部分之和）。') : null,
    detail.region === null ? el('p', { class: 'banner' }, '文件中没有可识别的地区信息。') : null,
    info([
      ['文件', detail.file],
      ['源文件', detail.source.path + (detail.source.pageCount !== null ? '（' + detail.source.pageCount + ' 页）' : '')],
      detail.source.producer ? ['生成程序', detail.source.producer] : null,
      detail.source.ocrPages.length ? ['OCR 识别页', detail.source.ocrPages.join('、')] : null,
      ['部门', (detail.department.name || '—') + (detail.department.inferred ? '（从正文推断）' : '')],
      detail.project ? ['项目', [detail.project.code, detail.project.name].filter(function (x) { return x; }).join(' ') || '—'] : null,
      ['评分标准', detail.rubric ? detail.rubric.title + '（' + detail.rubric.id + '）' : '无（仅结构性检查）'],
      ['自评总分 / 指标得分合计 / 复核总分', fmt(detail.declaredTotal) + ' / ' + fmt(detail.indicatorSum) + ' / ' + fmt(detail.recomputedTotal)],
      ['差值（复核 − 自评）', fmtDiff(row.diff)],
      ['评价等级', '自评 ' + (detail.grade.declared || '—') + '，按自评总分 ' + (detail.grade.fromDeclaredTotal || '—') + '，按复核总分 ' + (detail.grade.fromRecomputedTotal || '—')],
      ['复核情况', '已复核 ' + s.ok + '，不符 ' + s.mismatch + '，无法复核 ' + s.unverifiable + '，未填写 ' + s.missing + '，不适用 ' + s.notApplicable + '；已复核 ' + fmt(s.pointsVerified) + ' / ' + fmt(s.pointsTotal) + ' 分'],
      detail.budget.total !== null || detail.budget.actualSpending !== null ? ['预算（万元）', '全年预算 ' + fmt(detail.budget.total) + '，执行 ' + fmt(detail.budget.actualSpending) + '，执行率 ' + fmtRate(detail.budget.executionRate)] : null,
    ]),
    el('h3', null, '同部门同年度的其他文件'),
    companionLinks(index, row),
    detail.warnings.length ? [el('h3', null, '文件提示（' + detail.warnings.length + '）'), el('ul', { class: 'warnings' }, detail.warnings.map(function (w) {
      return el('li', null, el('code', null, w.code), ' ', w.message, w.snippet ? el('span', { class: 'src' }, ' ' + snippetText(w.snippet)) : null);
    }))] : null,
    el('h3', null, '发现的问题（' + detail.findings.length + '）'),
    detail.findings.length ? el('div', { id: 'findings' }, detail.findings.map(function (f) { return findingCard(index, detail, f); })) : el('p', null, s.ok + s.mismatch > 0 ? '没有发现问题。' : '没有发现问题，但没有任何一项能够复核。'),
    el('h3', null, '指标（' + detail.indicators.length + '）'),
    detail.indicators.length ? indicatorTable(detail.indicators) : el('p', null, '这份文件没有逐项打分的指标行。'),
    detail.otherChecks.length ? [el('h3', null, '其他复核项（' + detail.otherChecks.length + '）'), checksTable(detail.otherChecks)] : null,
    el('h3', null, '目标值与实际值（' + detail.targets.length + '）'),
    detail.targets.length ? targetsTable(detail.targets) : el('p', null, '这份文件没有列出目标值与实际值。'),
  );
}
