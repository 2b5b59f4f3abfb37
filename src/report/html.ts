/**
 * The page shell: inlined styles and script (no network), a Content-Security-Policy that lets only
 * that script run, and the data as JSON in <script type="application/json"> blocks, which the browser
 * never executes and the script reads with textContent.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ASSETS = join(dirname(fileURLToPath(import.meta.url)), 'assets');
/** Browser script files, concatenated in this order into the page's one inline script. */
const SCRIPT_FILES = ['common.js', 'overview.js', 'document.js', 'main.js'];

/** Text for HTML element content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON that is safe inside a <script> element: `<`, `>` and `&` as \u escapes (so neither `</script>`
 * nor `<!--` can end or change the element; a superset of escaping `</` as `<\/`), and U+2028/U+2029,
 * which older script parsers take as line ends. JSON.parse gives back the same value.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A data block the page script reads on demand; `id` is made of [a-z0-9-] only. */
export function dataBlock(id: string, json: string): string {
  if (!/^[a-z0-9-]+$/u.test(id)) throw new Error(`bad data block id ${id}`);
  return `<script type="application/json" id="${id}">${json}</script>\n`;
}

let cached: { style: string; script: string } | null = null;

function assets(): { style: string; script: string } {
  cached ??= {
    style: readFileSync(join(ASSETS, 'app.css'), 'utf8'),
    script: SCRIPT_FILES.map((f) => readFileSync(join(ASSETS, f), 'utf8')).join('\n'),
  };
  return cached;
}

/** The page before the data blocks. */
export function pageHead(title: string): string {
  const { style, script } = assets();
  const hash = createHash('sha256').update(script).digest('base64');
  // Images are data: URIs or files beside the page; nothing is fetched, nothing else runs. A constant: no quotes to escape.
  const csp = `default-src 'none'; img-src data: 'self' file:; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<header class="top"><h1>${escapeHtml(title)}</h1><nav id="nav"></nav></header>
<main>
<section id="overview" aria-label="总览"><p class="loading">正在加载……</p></section>
<section id="document" aria-label="单个文件" hidden></section>
</main>
<noscript><p>本页需要启用 JavaScript 才能显示。</p></noscript>
`;
}

/** The page after the data blocks. */
export function pageTail(): string {
  return `<script>${assets().script}</script>\n</body>\n</html>\n`;
}
