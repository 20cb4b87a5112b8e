// Stage capture end to end: the content script reads the admin's filing status card (fixtures
// tests/fixtures/status-*.html served as https://mp.weixin.qq.com/...), the service worker stores
// the stage event in chrome.storage.local. Storage is read back through the real service worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveFixture, SITE } from './harness.mjs';

const WORKER_FILES = ['extension/pkg/beian_worker.js', 'extension/pkg/beian_worker_bg.wasm'];

// One fixture per stage; appids follow the fixtures (wx + 16 hex digits, 0x1000 + index).
const CASES = [
  { stage: 'draft', text: '待提交' },
  { stage: 'platform_review', text: '平台审核中' },
  { stage: 'platform_rejected', text: '平台审核驳回', reason: /应急联系电话/ },
  { stage: 'sms_verification', text: '待短信核验' },
  { stage: 'bureau_review', text: '管局审核中' },
  { stage: 'bureau_rejected', text: '管局审核驳回', reason: /门牌号/ },
  { stage: 'filed', text: '已备案', number: '粤ICP备2026041617号-1X' },
  { stage: 'change_review', text: '变更备案审核中', number: '粤ICP备2026041617号-1X' },
  { stage: 'cancelling', text: '注销中' },
  { stage: 'cancelled', text: '已注销' },
  { stage: 'withdrawn', text: '已撤回' },
].map((c, i) => ({ ...c, appid: `wx${(0x1000 + i).toString(16).padStart(16, '0')}`, name: `测试小程序${String(i + 1).padStart(2, '0')}` }));

const pathOf = (stage) => `/wxamp/beian/status-${stage}`;
let env;

before(async () => {
  env = await launch({ requireBuilt: WORKER_FILES });
  const routes = Object.fromEntries(CASES.map((c) => [pathOf(c.stage), `status-${c.stage.replaceAll('_', '-')}.html`]));
  routes['/wxamp/versions'] = 'status-unrelated.html';
  await serveFixture(env.context, routes);
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

async function waitForEvents(predicate, timeout = 10_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const events = await storedEvents();
    const found = events.filter(predicate);
    if (found.length || Date.now() > end) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
}

for (const c of CASES) {
  test(`status page "${c.text}" is stored as a ${c.stage} event`, async () => {
    const page = await env.context.newPage();
    await page.goto(`${SITE}${pathOf(c.stage)}`);
    const found = await waitForEvents((e) => e.appid === c.appid);
    await page.close();
    assert.equal(found.length, 1, `one event for ${c.appid}, got ${JSON.stringify(found)}`);
    const [e] = found;
    assert.equal(e.stage, c.stage);
    assert.equal(e.source, 'page');
    assert.equal(e.kind, 'stage');
    assert.equal(e.app_name, c.name);
    assert.match(e.observed_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    assert.match(e.event_id, /^[0-9a-f]{16}$/);
    assert.equal(e.detail.status_text, c.text);
    if (c.reason) {
      assert.match(e.detail.reason, c.reason);
    } else {
      assert.equal(e.detail.reason, undefined);
    }
    assert.equal(e.detail.filing_number, c.number);
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
  await page.goto(`${SITE}${pathOf('bureau_review')}`);
  await page.waitForTimeout(1500);
  await page.reload();
  await page.waitForTimeout(1500);
  await page.close();
  assert.equal((await storedEvents()).length, before);
});

test('an admin page without a filing status records nothing', async () => {
  const before = await storedEvents();
  const page = await env.context.newPage();
  await page.goto(`${SITE}/wxamp/versions`);
  await page.waitForTimeout(1500);
  await page.close();
  const after = await storedEvents();
  assert.equal(after.length, before.length);
  assert.ok(!after.some((e) => e.appid === 'wx00000000000fffff'));
});

test('the stored log holds no raw phone number, ID number or e-mail address', async () => {
  const w = await worker();
  const everything = JSON.stringify(await w.evaluate(() => chrome.storage.local.get(null)));
  assert.doesNotMatch(everything, /1[3-9]\d{9}/);
  assert.doesNotMatch(everything, /\d{17}[\dXx]/);
  assert.doesNotMatch(everything, /[\w.+-]+@[\w-]+\.[\w.]+/);
});
