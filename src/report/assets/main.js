'use strict';
// Start-up and hash routing: #doc=N opens document N, anything else shows the overview (whose
// filters and sort stay as they were).

(function () {
  var index = readBlock('index');
  var nav = document.getElementById('nav');
  renderOverview(index);
  window.__reportReady = performance.now();
  document.body.setAttribute('data-ready', '1');

  function route() {
    var m = /^#doc=(\d+)$/.exec(location.hash);
    var overviewSection = document.getElementById('overview');
    var documentSection = document.getElementById('document');
    if (m) {
      renderDocument(index, Number(m[1]));
      overviewSection.hidden = true;
      documentSection.hidden = false;
      fill(nav, el('a', { href: '#' }, '总览'), ' › ', document.getElementById('doc-title') ? document.getElementById('doc-title').textContent : '');
      window.scrollTo(0, 0);
    } else {
      documentSection.hidden = true;
      fill(documentSection);
      overviewSection.hidden = false;
      fill(nav);
    }
  }
  window.addEventListener('hashchange', route);
  route();
})();
