// The popup and the service worker's reminders, end to end in Chromium: stage rows, deadline,
// timeline with the rejection reason mapped to a field, filing-number check, manual events, exports,
// an alarm that shows a notification, and a service-worker restart that loses nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';

const WORKER_FILES = ['extension/pkg/beian_worker.js', 'extension/pkg/beian_worker_bg.wasm'];
const HOUR = 3600_000;

/** RFC 3339 in Beijing time, whole seconds (what the extension itself writes). */
function beijing(ms) {
  const d = new Date(Math.floor(ms / 1000) * 1000 + 8 * HOUR);
  return d.toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

const T0 = Date.now();
const SMS = { appid: 'wx00000000000000a1', name: '短信待核验', stage: 'sms_verification', at: T0 - 2 * HOUR };
const REJECTED = { appid: 'wx00000000000000a2', name: '被驳回的小程序', stage: 'platform_rejected', at: T0 - 26 * HOUR,
  detail: { status_text: '平台审核驳回', reason: '应急联系人手机号与主体负责人手机号相同' } };
const FILED = { appid: 'wx00000000000000a3', name: '已备案小程序', stage: 'filed', at: T0 - 72 * HOUR,
  detail: { status_text: '已备案', filing_number: '粤ICP备2026041617号-1X' } };

function event({ appid, name, stage, at, detail = {} }, id) {
  return { event_id: id, appid, app_name: name, kind: 'stage', stage, observed_at: beijing(at), source: 'page', detail };
}

let env;
let popupUrl;

async function worker() {
  const prefix = `chrome-extension://${env.extensionId}/`;
  const live = env.context.serviceWorkers().find((w) => w.url().startsWith(prefix));
  if (live) return live;
  const waiting = env.context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix) });
  const page = await env.context.newPage();
  await page.goto(popupUrl);
  const w = await waiting;
  await page.close();
  return w;
}

async function openPopup(context = env.context, url = popupUrl) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto(url);
  // Rendered again after the helper check (here: not installed).
  await page.waitForSelector('body[data-synced]', { timeout: 15_000 });
  assert.equal(await page.evaluate(() => document.body.dataset.error), undefined);
  return page;
}

before(async () => {
  env = await launch({ requireBuilt: WORKER_FILES });
  popupUrl = `chrome-extension://${env.extensionId}/extension/popup.html`;
  const w = await worker();
  await w.evaluate(() => self.beian.started);
  const reply = await w.evaluate((events) => self.beian.onMessage({ type: 'beian_observed', events }), [
    event({ ...REJECTED, stage: 'platform_review', at: REJECTED.at - 24 * HOUR, detail: {} }, 'seed-0001'),
    event(REJECTED, 'seed-0002'),
    event(SMS, 'seed-0003'),
    event(FILED, 'seed-0004'),
  ]);
  assert.deepEqual(reply.accepted, { stored: 4, duplicates: 0, refused: [] });
});

after(async () => { await env?.close(); });

test('the popup shows one row per filing with stage, progress and the SMS deadline', async () => {
  const page = await openPopup();
  assert.equal(await page.locator('li.filing').count(), 3);
  const sms = page.locator(`li.filing[data-appid="${SMS.appid}"]`);
  assert.equal(await sms.getAttribute('data-stage'), 'sms_verification');
  assert.equal(await sms.getAttribute('data-deadline'), beijing(SMS.at + 24 * HOUR));
  assert.equal(await sms.getAttribute('data-overdue'), 'false');
  assert.match(await sms.locator('.stage').textContent(), /短信核验/);
  assert.match(await sms.locator('.next').textContent(), /beian\.miit\.gov\.cn/);
  assert.match(await sms.locator('.deadline').textContent(), /剩余 21 小时 5\d 分/);
  assert.equal(await sms.locator('.progress li[data-state="current"]').count(), 1);
  assert.equal(await sms.locator('.progress li[data-state="done"]').count(), 2);
  assert.match(await page.locator('#status').textContent(), /beian install/);
  assert.equal(await page.locator('#status').getAttribute('data-helper'), 'not_installed');
  // Usable at 360 px: nothing wider than the viewport.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));
  await page.close();
});

test('the timeline shows each event and maps the rejection reason to a field', async () => {
  const page = await openPopup();
  const row = page.locator(`li.filing[data-appid="${REJECTED.appid}"]`);
  assert.equal(await row.getAttribute('data-stage'), 'platform_rejected');
  assert.equal(await row.locator('.progress li[data-state="failed"]').count(), 1);
  await row.locator('details.timeline summary').click();
  const items = row.locator('li.event');
  assert.deepEqual(await items.evaluateAll((els) => els.map((e) => e.dataset.stage)), ['platform_review', 'platform_rejected']);
  assert.equal(await items.nth(1).getAttribute('data-source'), 'page');
  assert.match(await items.nth(1).locator('.reason').textContent(), /应急联系人手机号/);
  const fix = items.nth(1).locator('.fix');
  assert.match(await fix.getAttribute('data-field'), /principal\.emergency_mobile$/);
  assert.ok(await fix.getAttribute('data-rule'));
  assert.ok(await items.nth(1).locator('.reason').isVisible());
  await page.close();
});

test('a filed row shows its filing number as checked', async () => {
  const page = await openPopup();
  const row = page.locator(`li.filing[data-appid="${FILED.appid}"]`);
  assert.equal(await row.getAttribute('data-stage'), 'filed');
  assert.equal(await row.getAttribute('data-deadline'), null);
  assert.equal(await row.locator('.filing-number').getAttribute('data-valid'), 'true');
  assert.match(await row.locator('.filing-number').textContent(), /粤ICP备2026041617号-1X/);
  await page.close();
});

test('a filed record warns about a certificate ending soon, once, without storing personal data', async () => {
  const end = new Date(Date.now() + 10 * 24 * HOUR + 8 * HOUR).toISOString().slice(0, 10);
  const w = await worker();
  // The content script sends only these fields; extra ones must not be stored.
  const reply = await w.evaluate((m) => self.beian.onMessage(m), { type: 'beian_context', appid: FILED.appid,
    facts: { province: '广东省', license_valid_until: '长期', subject_principal_validity_end: end, mobile: '13800138000' } });
  assert.deepEqual(reply, { ok: true, notified: 1 });
  const name = `beian|${FILED.appid}|certificate|subject_principal.validity_end|${end}`;
  const shown = await w.evaluate(() => chrome.notifications.getAll());
  assert.ok(shown[name], JSON.stringify(shown));
  const again = await w.evaluate((m) => self.beian.onMessage(m), { type: 'beian_context', appid: FILED.appid,
    facts: { province: '广东省', subject_principal_validity_end: end } });
  assert.equal(again.notified, 0, 'shown once');
  const { contexts } = await w.evaluate(() => chrome.storage.local.get('contexts'));
  assert.doesNotMatch(JSON.stringify(contexts), /13800138000/);
  const page = await openPopup();
  const warning = page.locator(`li.filing[data-appid="${FILED.appid}"] .warnings li[data-rule="certificate_expiry_after_filing"]`);
  assert.equal(await warning.getAttribute('data-field'), 'subject_principal.validity_end');
  assert.match(await warning.textContent(), new RegExp(end));
  await page.close();
});

test('a stage added by hand is stored as a user event and shown', async () => {
  const page = await openPopup();
  await page.locator('#add summary').click();
  await page.fill('#add-appid', 'wx00000000000000b1');
  await page.fill('#add-name', '手动添加');
  await page.selectOption('#add-stage', 'bureau_review');
  await page.locator('#add button[type="submit"]').click();
  const row = page.locator('li.filing[data-appid="wx00000000000000b1"]');
  await row.waitFor({ timeout: 10_000 });
  assert.equal(await row.getAttribute('data-stage'), 'bureau_review');
  // Just added: 0 of the window's 20 working days, as a meter; the sentence is the next action's.
  assert.equal(await row.locator('.elapsed').textContent(), '0 / 20 个工作日');
  assert.equal(await row.locator('.elapsed progress').getAttribute('max'), '20');
  assert.equal(await row.locator('.elapsed progress').getAttribute('value'), '0');
  assert.match(await row.locator('.next .action').textContent(), /管局审核中（已用 0 个工作日）/);
  assert.equal(await row.locator('li.event[data-source="user"]').count(), 1);
  const events = (await (await worker()).evaluate(() => chrome.storage.local.get('events'))).events;
  const mine = events.filter((e) => e.appid === 'wx00000000000000b1');
  assert.equal(mine.length, 1);
  assert.equal(mine[0].source, 'user');
  await page.close();
});

test('exports are blob downloads of JSON and CSV', async () => {
  const page = await openPopup();
  for (const id of ['export-json', 'export-csv']) {
    assert.match(await page.locator(`#${id}`).getAttribute('href'), /^blob:chrome-extension:/);
    assert.ok(await page.locator(`#${id}`).getAttribute('download'));
  }
  const json = await page.evaluate(async () => (await fetch(document.getElementById('export-json').href)).json());
  assert.ok(json.records.some((r) => r.appid === FILED.appid && r.filing_number === '粤ICP备2026041617号-1X'));
  assert.ok(json.events.length >= 4);
  const csv = await page.evaluate(async () => (await fetch(document.getElementById('export-csv').href)).text());
  assert.match(csv, /^\uFEFF?appid,name,stage,/);
  assert.match(csv, new RegExp(`${SMS.appid},${SMS.name},sms_verification,`));
  await page.close();
});

test('a due SMS reminder alarm fires a notification once, and not again', async () => {
  const w = await worker();
  const names = (await w.evaluate(() => chrome.alarms.getAll())).map((a) => a.name);
  const prefix = `beian|${SMS.appid}|sms_verification|`;
  for (const what of ['stage_sms_pending_18h', 'stage_sms_pending_22h', 'stage_sms_expired']) {
    assert.ok(names.includes(`${prefix}${Math.floor(SMS.at / 1000)}|${what}`), `${what} alarm in ${names}`);
  }
  // The entry reminder is already due: its alarm fires within a second or two.
  const due = `${prefix}${Math.floor(SMS.at / 1000)}|stage_sms_pending_0h`;
  let shown = {};
  for (let i = 0; i < 50 && !shown[due]; i++) {
    shown = await (await worker()).evaluate(() => chrome.notifications.getAll());
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.ok(shown[due], `notification ${due} in ${JSON.stringify(shown)}`);
  const stored = await (await worker()).evaluate(() => chrome.storage.local.get('notified'));
  assert.ok(stored.notified.includes(due));
  // The handler, called directly through the real worker, does not show it a second time.
  const again = await (await worker()).evaluate((name) => self.beian.onAlarm(name), due);
  assert.equal(again.notified, false);
});

test('an alarm of a stage the filing has left shows nothing', async () => {
  const w = await worker();
  const stale = `beian|${REJECTED.appid}|platform_review|${Math.floor((REJECTED.at - 24 * HOUR) / 1000)}|stage_platform_overdue`;
  const r = await w.evaluate((name) => self.beian.onAlarm(name), stale);
  assert.equal(r.notified, false);
});

test('stopping the service worker loses neither events nor alarms', async () => {
  const w = await worker();
  const before = await w.evaluate(async () => ({
    events: (await chrome.storage.local.get('events')).events.length,
    alarms: (await chrome.alarms.getAll()).map((a) => a.name).sort(),
  }));
  await w.evaluate(() => { self.beforeRestart = true; });
  // A blank page for the CDP session: an extension page could wake the worker again at once.
  const page = await env.context.newPage();
  const cdp = await env.context.newCDPSession(page);
  let stopped = false;
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    if (e.versions.some((v) => v.scriptURL.includes(env.extensionId) && v.runningStatus === 'stopped')) stopped = true;
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  for (let i = 0; i < 100 && !stopped; i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(stopped, 'the service worker was stopped');
  await page.close();
  // Opening the popup wakes a new worker instance (its message needs one); Playwright re-attaches.
  const popupWake = await openPopup();
  const revived = await worker();
  assert.equal(await revived.evaluate(() => self.beforeRestart), undefined, 'a new worker instance');
  await revived.evaluate(() => self.beian.started);
  const after = await revived.evaluate(async () => ({
    events: (await chrome.storage.local.get('events')).events.length,
    alarms: (await chrome.alarms.getAll()).map((a) => a.name).sort(),
  }));
  assert.equal(after.events, before.events);
  assert.deepEqual(after.alarms, before.alarms);
  assert.equal(await popupWake.locator('li.filing').count(), 4);
  await popupWake.close();
});

test('a full storage is reported to the sender and shown in the popup, not dropped silently', async () => {
  const w = await worker();
  // chrome.storage.local holds 10 MiB without the unlimitedStorage permission: fill it up.
  const filled = await w.evaluate(async () => {
    const quota = chrome.storage.local.QUOTA_BYTES;
    const used = await chrome.storage.local.getBytesInUse(null);
    await chrome.storage.local.set({ test_filler: 'x'.repeat(quota - used - 64) });
    return { quota, used: await chrome.storage.local.getBytesInUse(null) };
  });
  assert.ok(filled.used > filled.quota - 200, JSON.stringify(filled));
  const reply = await w.evaluate((m) => self.beian.onMessage(m), { type: 'beian_observed', events: [
    event({ appid: 'wx00000000000000d1', name: '存储已满', stage: 'platform_review', at: Date.now() }, 'quota-0001')] });
  assert.equal(reply.ok, false);
  assert.match(reply.error, /quota/i);
  const page = await openPopup();
  const alert = page.locator('#store-errors');
  assert.ok(Number(await alert.getAttribute('data-count')) >= 1);
  assert.match(await alert.textContent(), /保存失败/);
  assert.equal(await page.locator('#status').getAttribute('data-store-errors') !== '0', true);
  await page.close();
  await w.evaluate(() => chrome.storage.local.remove('test_filler'));
});

test('a fresh profile in English shows the empty state in English', async () => {
  const en = await launch({ requireBuilt: WORKER_FILES, locale: 'en-US' });
  try {
    const page = await openPopup(en.context, `chrome-extension://${en.extensionId}/extension/popup.html`);
    assert.match(await page.locator('#empty').textContent(), /No filing tracked yet/);
    assert.equal(await page.locator('li.filing').count(), 0);
    assert.match(await page.locator('#status').textContent(), /beian install/);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  } finally {
    await en.close();
  }
});
