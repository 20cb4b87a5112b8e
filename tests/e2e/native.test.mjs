// Helper sync end to end: the freshly built `beian` helper registered as the native-messaging host
// com.beian.helper in the test profiles (wrapped in a script that sets BEIAN_DB to a temp file).
// Events recorded in the browser reach `beian status`; events `beian import`ed reach the popup; two
// browser profiles sharing the helper converge; certificate dates from a submitted form reach `beian remind`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, ROOT } from './harness.mjs';

const WORKER_FILES = ['extension/pkg/beian_worker.js', 'extension/pkg/beian_worker_bg.wasm'];
const HOST = 'com.beian.helper';

/** target/release/beian or target/debug/beian, whichever is newer; built with cargo if neither exists. */
function helperBinary() {
  const candidates = ['release', 'debug'].map((p) => path.join(ROOT, 'target', p, 'beian')).filter((f) => fs.existsSync(f));
  if (!candidates.length) {
    execFileSync('cargo', ['build', '--release', '-p', 'beian-helper'], { cwd: ROOT, stdio: 'inherit' });
    return path.join(ROOT, 'target', 'release', 'beian');
  }
  return candidates.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
}

let tmp, db, bin, wrapper, a, b;

function beian(...args) {
  return execFileSync(bin, args, { env: { ...process.env, BEIAN_DB: db }, encoding: 'utf8' });
}

function beianHost() {
  return { [HOST]: { path: wrapper, description: 'beian helper (test)' } };
}

async function popup(env) {
  const page = await env.context.newPage();
  await page.goto(`chrome-extension://${env.extensionId}/extension/popup.html`);
  // The popup renders, asks the worker to sync, and renders again with the helper's state.
  await page.waitForSelector('body[data-synced]', { timeout: 20_000 });
  return page;
}

async function send(env, message) {
  return env.serviceWorker.evaluate((m) => self.beian.onMessage(m), message);
}

async function storedEvents(env) {
  return (await env.serviceWorker.evaluate(() => chrome.storage.local.get('events'))).events ?? [];
}

function nowBeijing(offsetMs = 0) {
  return new Date(Math.floor((Date.now() + offsetMs) / 1000) * 1000 + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

before(async () => {
  bin = helperBinary();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-native-'));
  db = path.join(tmp, 'beian.db');
  wrapper = path.join(tmp, 'beian-host.sh');
  fs.writeFileSync(wrapper, `#!/bin/sh\nBEIAN_DB='${db}'\nexport BEIAN_DB\nexec '${bin}' "$@"\n`, { mode: 0o755 });
  a = await launch({ requireBuilt: WORKER_FILES, nativeHosts: beianHost() });
  await a.serviceWorker.evaluate(() => self.beian.started);
});

after(async () => {
  await a?.close();
  await b?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('the worker connects to the helper and the popup says so', async () => {
  const page = await popup(a);
  assert.equal(await page.locator('#status').getAttribute('data-helper'), 'connected');
  await page.close();
  const { sync } = await a.serviceWorker.evaluate(() => chrome.storage.local.get('sync'));
  assert.equal(sync.status, 'connected');
  assert.equal(sync.db_path, db);
});

test('an event recorded in the browser shows in `beian status`', async () => {
  const reply = await send(a, { type: 'beian_observed', events: [{
    event_id: 'native-0001', appid: 'wx00000000000000c1', app_name: '同步测试', kind: 'stage',
    stage: 'bureau_review', observed_at: nowBeijing(-3600_000), source: 'page', detail: { status_text: '管局审核中' } }] });
  assert.equal(reply.accepted.stored, 1);
  const status = JSON.parse(beian('status', '--format', 'json'));
  const record = status.find((r) => r.appid === 'wx00000000000000c1');
  assert.ok(record, JSON.stringify(status));
  assert.equal(record.stage, 'bureau_review');
});

test('events imported with `beian import` reach the popup', async () => {
  const file = path.join(tmp, 'import.json');
  fs.writeFileSync(file, JSON.stringify({ events: [{
    event_id: 'import-0001', appid: 'wx00000000000000c2', app_name: '导入的小程序', kind: 'stage',
    stage: 'filed', observed_at: nowBeijing(-86400_000), source: 'import',
    detail: { status_text: '已备案', filing_number: '京ICP备2026000001号-2X' } }] }));
  beian('import', file);
  const page = await popup(a);
  const row = page.locator('li.filing[data-appid="wx00000000000000c2"]');
  await row.waitFor({ timeout: 10_000 });
  assert.equal(await row.getAttribute('data-stage'), 'filed');
  await row.locator('details.timeline summary').click();
  assert.equal(await row.locator('li.event[data-source="import"]').count(), 1);
  await page.close();
});

test('a second profile sharing the helper converges with the first', async () => {
  b = await launch({ requireBuilt: WORKER_FILES, nativeHosts: beianHost() });
  await b.serviceWorker.evaluate(() => self.beian.started);
  const idsOf = async (env) => (await storedEvents(env)).map((e) => e.event_id).sort();
  assert.deepEqual(await idsOf(b), await idsOf(a), 'B pulled everything A and the CLI recorded');

  // B sees the next stage; A picks it up on its next sync (here: opening its popup).
  const reply = await send(b, { type: 'beian_observed', events: [{
    event_id: 'native-0002', appid: 'wx00000000000000c1', app_name: '同步测试', kind: 'stage',
    stage: 'filed', observed_at: nowBeijing(), source: 'page',
    detail: { status_text: '已备案', filing_number: '粤ICP备2026041617号-1X' } }] });
  assert.equal(reply.accepted.stored, 1);
  const page = await popup(a);
  const row = page.locator('li.filing[data-appid="wx00000000000000c1"]');
  await row.waitFor();
  assert.equal(await row.getAttribute('data-stage'), 'filed');
  await page.close();
  assert.deepEqual(await idsOf(a), await idsOf(b));
  const cli = JSON.parse(beian('status', '--format', 'json'));
  assert.equal(cli.find((r) => r.appid === 'wx00000000000000c1').stage, 'filed');
});

test('certificate dates sent by the content script reach `beian remind`', async () => {
  // A licence that ends in 10 days (Beijing date) on the filing imported above.
  const ends = nowBeijing(10 * 86400_000).slice(0, 10);
  const reply = await send(a, { type: 'beian_context', appid: 'wx00000000000000c2',
    facts: { province: '北京', license_valid_until: ends, subject_principal_validity_end: '长期' } });
  assert.equal(reply.ok, true, JSON.stringify(reply));
  const synced = await send(a, { type: 'beian_sync' });
  assert.ok(synced, 'sync answered');
  let out;
  try {
    out = beian('remind', '--format', 'json');
    assert.fail(`remind should exit 1 with an expiring certificate: ${out}`);
  } catch (e) {
    if (e.code === 'ERR_ASSERTION') throw e;
    assert.equal(e.status, 1, String(e.stderr));
    out = e.stdout;
  }
  const due = JSON.parse(out).due.filter((d) => d.rule === 'certificate_expiry_after_filing');
  assert.equal(due.length, 1, out);
  assert.equal(due[0].appid, 'wx00000000000000c2');
  assert.ok(due[0].message.includes(ends), due[0].message);
});
