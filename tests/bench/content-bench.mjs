// Content-script measurements with the built extension in headless Chromium: sizes of the wasm and
// the wasm2js fallback (raw and gzip), page load → data-beian="ready", keystroke → hint latency
// (the `beian:check` measure around read + check + render, p50/p95 over 200 edits), and what a
// non-filing mp.weixin.qq.com page costs (the loader's probe, bytes fetched).
// Run: cargo xtask build && node tests/bench/content-bench.mjs [--json]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, serveFixture, recordRequests, ROOT, SITE } from '../e2e/harness.mjs';
import { CONTENT_ROUTES } from '../shared/content-scenarios.mjs';

const EDITS = 200;
const LOADS = 10;
const STRICT = "script-src 'self'; object-src 'none'";

function sizes(files) {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = fs.readFileSync(path.join(ROOT, f));
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

async function openBench(context, url) {
  const page = await context.newPage();
  // The loader times its probe only when <html data-beian-bench> is there before it runs.
  // (At init time there is no <html> yet; DOMContentLoaded comes before document_idle.)
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => document.documentElement.setAttribute('data-beian-bench', '')));
  await page.goto(url);
  return page;
}

async function loadToReady(context, url) {
  const times = [];
  let mode;
  for (let i = 0; i < LOADS; i++) {
    const page = await openBench(context, url);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-beian'), null, { timeout: 20_000 });
    const r = await page.evaluate(() => ({
      mode: document.documentElement.getAttribute('data-beian'),
      ready: performance.getEntriesByName('beian:ready')[0]?.startTime,
      start: performance.getEntriesByName('beian:load-start')[0]?.startTime,
      dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd,
    }));
    mode = r.mode;
    times.push({ ready: r.ready, startup: r.ready - r.start, dcl: r.dcl });
    await page.close();
  }
  return {
    mode,
    ready_ms_p50: quantile(times.map((t) => t.ready), 0.5),
    startup_ms_p50: quantile(times.map((t) => t.startup), 0.5),
    dom_content_loaded_ms_p50: quantile(times.map((t) => t.dcl), 0.5),
  };
}

async function keystrokes(context, url) {
  const page = await openBench(context, url);
  await page.waitForFunction(() => document.documentElement.getAttribute('data-beian'), null, { timeout: 20_000 });
  await page.evaluate(() => performance.clearMeasures('beian:check'));
  const mobile = page.locator('[data-beian-field="subject_principal.mobile"]').first();
  const emergency = page.locator('[data-beian-field="subject_principal.emergency_mobile"]').first();
  await mobile.waitFor({ timeout: 10_000 }).catch(async (e) => {
    const state = await page.evaluate(() => [document.documentElement.getAttribute('data-beian'), document.documentElement.getAttribute('data-beian-error'), document.querySelectorAll('[data-beian-field]').length, location.href]);
    throw new Error(`no mobile field (state ${state}): ${e.message}`);
  });
  await mobile.fill('');
  // Alternate valid and invalid numbers so hints appear and disappear (render work included).
  let edits = 0;
  while (edits < EDITS) {
    await mobile.fill('');
    await mobile.pressSequentially('1380013800', { delay: 0 });
    edits += 10;
    await emergency.fill('13800138000');
    await emergency.fill('13900139000');
    edits += 2;
  }
  const durations = await page.evaluate(() => performance.getEntriesByName('beian:check').map((e) => e.duration));
  await page.close();
  return { edits: durations.length, p50_ms: quantile(durations, 0.5), p95_ms: quantile(durations, 0.95), max_ms: Math.max(...durations) };
}

async function nonFiling(context, requests) {
  const before = requests.length;
  const page = await openBench(context, `${SITE}/s/article`);
  await page.waitForTimeout(1000);
  // Some page activity: the loader's observer re-probes (debounced) on DOM changes.
  await page.evaluate(() => { for (let i = 0; i < 5; i++) document.body.appendChild(document.createElement('p')).textContent = '更多内容'; });
  await page.waitForTimeout(800);
  const probes = await page.evaluate(() => performance.getEntriesByName('beian:probe').map((e) => e.duration));
  const attrs = await page.evaluate(() => document.documentElement.getAttributeNames().filter((a) => a.startsWith('data-beian') && a !== 'data-beian-bench'));
  await page.close();
  const fetched = requests.slice(before).filter((r) => r.url.startsWith('chrome-extension://'));
  return { probes: probes.length, probe_ms_max: Math.max(...probes), probe_ms_total: probes.reduce((a, b) => a + b, 0), attributes: attrs, extension_requests: fetched.length };
}

const b = await launch();
const requests = recordRequests(b.context);
try {
  await serveFixture(b.context, CONTENT_ROUTES);
  const formUrl = `${SITE}/wxamp/beian/enterprise`;
  const result = {
    sizes: {
      wasm: sizes(['extension/pkg/beian_content_bg.wasm']),
      glue: sizes(['extension/pkg/beian_content.js']),
      fallback: sizes(['extension/pkg-fallback/beian_content.js']),
    },
    load_wasm: await loadToReady(b.context, formUrl),
    load_fallback: await loadToReady(b.context, `${formUrl}?csp=${encodeURIComponent(STRICT)}`),
    keystroke_wasm: await keystrokes(b.context, formUrl),
    keystroke_fallback: await keystrokes(b.context, `${formUrl}?csp=${encodeURIComponent(STRICT)}`),
    non_filing: await nonFiling(b.context, requests),
    form_page_extension_requests: requests.filter((r) => r.url.includes('/extension/pkg')).length,
  };
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    const ms = (n) => `${n.toFixed(3)} ms`;
    const s = result.sizes;
    console.log(`content wasm          ${kb(s.wasm.raw)} raw, ${kb(s.wasm.gzip)} gzip (target ≤ 60 KB gzip)`);
    console.log(`content glue          ${kb(s.glue.raw)} raw, ${kb(s.glue.gzip)} gzip`);
    console.log(`wasm2js fallback      ${kb(s.fallback.raw)} raw, ${kb(s.fallback.gzip)} gzip`);
    for (const k of ['load_wasm', 'load_fallback']) {
      const l = result[k];
      console.log(`${k.padEnd(21)} ${l.mode}: ready at ${ms(l.ready_ms_p50)} after navigation start (DOMContentLoaded ${ms(l.dom_content_loaded_ms_p50)}), loader→ready ${ms(l.startup_ms_p50)} (p50 of ${LOADS})`);
    }
    for (const k of ['keystroke_wasm', 'keystroke_fallback']) {
      const r = result[k];
      console.log(`${k.padEnd(21)} p50 ${ms(r.p50_ms)}, p95 ${ms(r.p95_ms)}, max ${ms(r.max_ms)} over ${r.edits} edits (target p95 < 1 ms)`);
    }
    const n = result.non_filing;
    console.log(`non-filing page       ${n.probes} probes, max ${ms(n.probe_ms_max)}, total ${ms(n.probe_ms_total)}; ${n.extension_requests} extension requests; attributes: ${n.attributes.length ? n.attributes.join(',') : 'none'}`);
    console.log(`(extension requests seen on the form pages: ${result.form_page_extension_requests} — the request log does see them)`);
  }
} finally {
  await b.close();
}
