// Stage capture end to end: the content script reads the admin's filing status card (fixtures
// tests/fixtures/status-*.html served as https://mp.weixin.qq.com/...), the service worker stores
// the stage event in chrome.storage.local. Storage is read back through the real service worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveFixture, SITE } from './harness.mjs';
import { PII_PATTERNS, STAGE_CASES, STAGE_ROUTES, UNRELATED_STATUS, assertPageEvent } from '../shared/stage-scenarios.mjs';

const WORKER_FILES = ['extension/pkg/beian_worker.js', 'extension/pkg/beian_worker_bg.wasm'];


let env;

before(async () => {
  env = await launch({ requireBuilt: WORKER_FILES });
  await serveFixture(env.context, STAGE_ROUTES);
});

after(async () => { await env?.close(); });

/** The live service worker of the extension (it may have been stopped and restarted since launch). */
async function worker() {
  const prefix = `chrome-extension://${env.extensionId}/`;
  const live = env.context.serviceWorkers().find((w) => w.url().startsWith(prefix));
  if (live) return live;
  const waiting = env.context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix) });
  const page = await env.context.newPage(); // opening the popup wakes the worker (it sends beian_sync)
  await page.goto(`${prefix}extension/popup.html`);
  const w = await waiting;
  await page.close();
  return w;
}

async function storedEvents() {
  const w = await worker();
  return (await w.evaluate(() => chrome.storage.local.get('events'))).events ?? [];
}

// Generous: returns as soon as the event is there; under a full parallel build one took over 10 s.
async function waitForEvents(predicate, timeout = 20_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const events = await storedEvents();
    const found = events.filter(predicate);
    if (found.length || Date.now() > end) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
}

for (const c of STAGE_CASES) {
  test(`status page "${c.text}" is stored as a ${c.stage} event`, async () => {
    const page = await env.context.newPage();
    await page.goto(`${SITE}${c.path}`);
    const found = await waitForEvents((e) => e.appid === c.appid);
    await page.close();
    assert.equal(found.length, 1, `one event for ${c.appid}, got ${JSON.stringify(found)}`);
    assertPageEvent(assert, found[0], c);
  });
}

test('the rejection reason is stored with the phone number masked', async () => {
  const [e] = await waitForEvents((x) => x.stage === 'platform_rejected');
  assert.ok(e, 'the platform_rejected event is stored');
  assert.doesNotMatch(JSON.stringify(e), /13800138000/);
  assert.match(e.detail.reason, /138\*+00/);
});

test('looking at the same status page again records nothing new', async () => {
  const before = (await storedEvents()).length;
  const page = await env.context.newPage();
  await page.goto(`${SITE}${STAGE_CASES.find((c) => c.stage === 'bureau_review').path}`);
  await page.waitForTimeout(1500);
  await page.reload();
  await page.waitForTimeout(1500);
  await page.close();
  assert.equal((await storedEvents()).length, before);
});

test('an admin page without a filing status records nothing', async () => {
  const before = await storedEvents();
  const page = await env.context.newPage();
  await page.goto(`${SITE}${UNRELATED_STATUS.path}`);
  await page.waitForTimeout(1500);
  await page.close();
  const after = await storedEvents();
  assert.equal(after.length, before.length);
  assert.ok(!after.some((e) => e.appid === UNRELATED_STATUS.appid));
});

test('the stored log holds no raw phone number, ID number or e-mail address', async () => {
  const w = await worker();
  const everything = JSON.stringify(await w.evaluate(() => chrome.storage.local.get(null)));
  for (const pattern of PII_PATTERNS) assert.doesNotMatch(everything, pattern);
});
