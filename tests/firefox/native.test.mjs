// Native messaging in Firefox with the real `beian` helper: the host manifest in
// $HOME/.mozilla/native-messaging-hosts/ (allowed_extensions = the add-on id; HOME is a temp dir),
// a hello round trip straight from an extension page, how Firefox starts the host (argv[1] = the
// manifest's path, argv[2] = the add-on id), and the worker's two-way sync: events the helper
// already had show up in the popup, events seen in Firefox end up in the helper's database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { By } from 'selenium-webdriver';
import { eventually, GECKO_ID, HOST_NAME, helperBinary, launchFirefox, SITE } from './harness.mjs';
import { STAGE_CASES, STAGE_ROUTES } from '../shared/stage-scenarios.mjs';

/** A filing only the helper knows at start (as if recorded by another browser). */
const IMPORTED = {
  event_id: 'ff-native-test-0001', appid: 'wx00000000000f0f01', app_name: '火狐同步测试', kind: 'stage',
  stage: 'bureau_review', observed_at: '2026-11-20T09:30:00+08:00', source: 'import',
  detail: { status_text: '管局审核中' },
};
const OBSERVED = STAGE_CASES.find((c) => c.stage === 'sms_verification');

let ff;
let dir;
let helper;
let db;

function beian(...args) {
  return execFileSync(helper, args, { env: { ...process.env, BEIAN_DB: db }, encoding: 'utf8' });
}

before(async () => {
  helper = helperBinary();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-ff-native-'));
  db = path.join(dir, 'beian.db');
  const importFile = path.join(dir, 'import.json');
  fs.writeFileSync(importFile, JSON.stringify({ events: [IMPORTED] }));
  beian('import', importFile);
  ff = await launchFirefox({ routes: STAGE_ROUTES, helper, helperDb: db });
});

after(async () => {
  await ff?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('hello round trip from an extension page through connectNative', async () => {
  await ff.openExtensionPage('extension/popup.html');
  const reply = await ff.run(async (host) => {
    const port = browser.runtime.connectNative(host);
    const answer = new Promise((resolve, reject) => {
      port.onMessage.addListener(resolve);
      // Firefox reports a failed connection in port.error, not runtime.lastError.
      port.onDisconnect.addListener((p) => reject(new Error(`disconnected: ${p.error?.message ?? 'no error'}`)));
    });
    port.postMessage({ id: 7, type: 'hello', extension_version: 'firefox-test' });
    try {
      return await answer;
    } finally {
      port.disconnect();
    }
  }, HOST_NAME);
  assert.equal(reply.id, 7);
  assert.equal(reply.ok, true, JSON.stringify(reply));
  assert.match(reply.version, /^\d+\.\d+\.\d+/);
  assert.equal(reply.data.db_path, db);
  assert.ok(Array.isArray(reply.data.capabilities) && reply.data.capabilities.includes('record_events'),
    JSON.stringify(reply.data.capabilities));
});

test('Firefox starts the host with the manifest path and the add-on id', () => {
  const [count, manifestPath, addonId] = fs.readFileSync(ff.native.argsLog, 'utf8').split('\n');
  assert.equal(count, '2');
  assert.equal(manifestPath, ff.native.manifestPath);
  assert.equal(addonId, GECKO_ID);
});

test('the worker syncs with the helper: connected, and the helper\'s filing appears in the popup', async () => {
  await ff.openExtensionPage('extension/popup.html');
  const sync = await eventually(async () => {
    const { sync } = await ff.storage('sync');
    return sync?.status === 'connected' ? sync : null;
  }, { timeout: 15_000, message: 'sync.status = connected' }).catch(async (e) => {
    throw new Error(`${e.message}; sync = ${JSON.stringify((await ff.storage('sync')).sync)}`);
  });
  assert.match(sync.helper_version ?? '', /^\d+\.\d+\.\d+/);
  // The popup re-renders after its sync: the imported filing has a row.
  await ff.driver.navigate().refresh();
  const row = await ff.driver.wait(async () => {
    const rows = await ff.driver.findElements(By.css(`[data-appid="${IMPORTED.appid}"]`));
    return rows[0] ?? null;
  }, 15_000, 'a popup row for the filing the helper had');
  assert.equal(await row.getAttribute('data-stage'), IMPORTED.stage);
  const helperLine = await ff.driver.findElement(By.css('[data-helper]'));
  assert.equal(await helperLine.getAttribute('data-helper'), 'connected');
});

test('a stage seen in Firefox reaches the helper database', async () => {
  await ff.driver.get(SITE + OBSERVED.path);
  const record = await eventually(() => {
    const records = JSON.parse(beian('status', '--format', 'json'));
    return records.find((r) => r.appid === OBSERVED.appid) ?? null;
  }, { timeout: 20_000, message: `${OBSERVED.appid} in beian status` });
  assert.equal(record.stage, OBSERVED.stage);
  assert.equal(record.app_name, OBSERVED.name);
});
