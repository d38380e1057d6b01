// Web benchmarks (issue 4): built JS/CSS per route, gzip; time to interactive of the
// ticket list with 50 rows and of the dashboard, measured in Debian's Chromium.
//
//   bash scripts/web.sh && node bench/web.mjs        (needs build/kefu and web/dist)
//
// Sizes come from web/dist/.vite/manifest.json: for an entry (a page) and for each lazily
// loaded route, the chunks it loads (its file plus static imports, transitively) and CSS,
// gzip level 9; a route's own figure excludes what its page entry already loaded.
// Time to interactive: from navigation start until the view's content is on screen
// (50 ticket rows; the chart drawn), median of 5 loads with a warm HTTP cache of the
// hashed assets (as a staff member's browser is), against `kefu serve` with demo data.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launch, openPage, loginAs } from '../web/tests/browser/lib/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'web/dist');
const manifest = JSON.parse(await readFile(path.join(dist, '.vite/manifest.json'), 'utf8'));

const gz = async (file) => gzipSync(await readFile(path.join(dist, file)), { level: 9 }).length;
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports || []) closure(dep, seen);
  return seen;
}
async function sizeOf(keys) {
  let js = 0, css = 0;
  for (const k of keys) {
    js += await gz(manifest[k].file);
    for (const c of manifest[k].css || []) css += await gz(c);
  }
  return { js, css };
}
const kb = (n) => (n / 1024).toFixed(1);

const rows = [];
for (const [key, m] of Object.entries(manifest)) {
  if (!m.isEntry) continue;
  const entryKeys = closure(key);
  const base = await sizeOf(entryKeys);
  rows.push({ what: `page ${key}`, ...base });
  // Every lazily loaded chunk reachable from the page, routes and the chunks routes load
  // lazily themselves (the dashboard's chart).
  const lazy = new Set();
  const walk = (k) => {
    for (const d of manifest[k].dynamicImports || [])
      if (!lazy.has(d)) {
        lazy.add(d);
        for (const c of closure(d)) walk(c);
      }
  };
  for (const k of entryKeys) walk(k);
  for (const d of [...lazy].sort()) {
    const own = [...closure(d)].filter((k) => !entryKeys.has(k));
    rows.push({ what: `  route ${d.replace(/^src\//, '')}`, ...(await sizeOf(own)) });
  }
}
console.log('| page / route (own chunks) | JS gzip KiB | CSS gzip KiB |');
console.log('|---|---:|---:|');
for (const r of rows) console.log(`| ${r.what} | ${kb(r.js)} | ${kb(r.css)} |`);

// Time to interactive in the browser.
const server = await startServer({ tickets: 3000, members: 500 });
const browser = await launch();
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
async function tti(page, url, ready) {
  const times = [];
  for (let i = 0; i < 6; i++) {
    await page.goto('about:blank');
    const t0 = Date.now();
    await page.goto(url);
    await page.waitForFunction(ready, null, { timeout: 20000 });
    const ms = await page.evaluate(() => performance.now());
    if (i > 0) times.push(ms); // the first load fills the cache
    void t0;
  }
  return median(times);
}
try {
  const page = await openPage(browser);
  await loginAs(page, server.base, 'chenjing');
  const list = await tti(page, `${server.base}/tickets?view=all`, () => document.querySelectorAll('[data-test="ticket-row"]').length >= 50);
  const dash = await tti(page, `${server.base}/dashboard`, () => {
    const c = document.querySelector('[data-test="dashboard-trend"] canvas');
    return !!c && c.width > 0;
  });
  console.log(`\ntime to interactive, median of 5 warm loads: ticket list (50 rows) ${list.toFixed(0)} ms; dashboard (chart drawn) ${dash.toFixed(0)} ms`);
  if (page.errors.length) console.log('console errors:', page.errors);
} finally {
  await browser.close();
  await server.dispose();
}
