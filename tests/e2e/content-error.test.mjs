// When neither the wasm build nor the no-WebAssembly fallback can start, the page must work exactly
// as before and say why: data-beian="error" with a short reason (contracts.md §6). Extension
// resources cannot be intercepted, so this loads a copy of the built extension whose content-script
// wasm and fallback are broken on purpose.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertBuilt, launch, serveFixture, ROOT, SITE } from './harness.mjs';
import { CONTENT_ROUTES } from '../shared/content-scenarios.mjs';

let env;
let brokenDir;

before(async () => {
  assertBuilt();
  brokenDir = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-broken-ext-'));
  for (const entry of ['manifest.json', '_locales', 'extension']) {
    fs.cpSync(path.join(ROOT, entry), path.join(brokenDir, entry), { recursive: true });
  }
  // A wasm that does not compile and a fallback module that throws while loading.
  fs.writeFileSync(path.join(brokenDir, 'extension/pkg/beian_content_bg.wasm'), Buffer.from('not wasm'));
  for (const file of fs.readdirSync(path.join(brokenDir, 'extension/pkg-fallback'))) {
    fs.writeFileSync(path.join(brokenDir, 'extension/pkg-fallback', file), "throw new Error('broken on purpose');\n");
  }
  env = await launch({ extensionDir: brokenDir });
  await serveFixture(env.context, CONTENT_ROUTES);
});

after(async () => {
  await env?.close();
  if (brokenDir) fs.rmSync(brokenDir, { recursive: true, force: true });
});

test('if nothing can run, the page works as before and data-beian="error" says why', async () => {
  const page = await env.context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${SITE}/wxamp/beian/enterprise`);
  await page.waitForFunction(() => document.documentElement.dataset.beian, null, { timeout: 15_000 });
  const state = await page.evaluate(() => ({
    beian: document.documentElement.dataset.beian,
    reason: document.documentElement.getAttribute('data-beian-error'),
    fields: document.querySelectorAll('[data-beian-field]').length,
    hints: document.querySelectorAll('[data-beian-rule]').length,
  }));
  assert.equal(state.beian, 'error');
  assert.ok(state.reason && state.reason.length > 0 && state.reason.length <= 200, `a short reason: ${state.reason}`);
  assert.equal(state.fields, 0);
  assert.equal(state.hints, 0);
  // The page's own widgets and submit still work, and nothing was thrown into the page.
  const input = page.locator('#subject-number');
  await input.fill('440301123456789');
  assert.equal(await input.inputValue(), '440301123456789');
  await page.locator('.js-submit').click();
  assert.equal(await page.evaluate(() => document.body.dataset.submitted), '1');
  assert.deepEqual(pageErrors, []);
  await page.close();
});
