// The popup in Firefox (opened as moz-extension://<uuid>/extension/popup.html in a tab): the Rust/WASM
// popup starts, renders the empty state, then a row for a filing seen on a status page, with no
// helper installed (records stay in the browser).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { By } from 'selenium-webdriver';
import { eventually, launchFirefox, SITE } from './harness.mjs';
import { STAGE_CASES, STAGE_ROUTES } from '../shared/stage-scenarios.mjs';

const FILED = STAGE_CASES.find((c) => c.stage === 'filed');
let ff;

before(async () => {
  ff = await launchFirefox({ routes: STAGE_ROUTES });
});

after(async () => {
  await ff?.close();
});

/** Opens the popup and waits until it has rendered after its sync attempt (data-ready twice). */
async function openPopup() {
  await ff.openExtensionPage('extension/popup.html');
  const state = await ff.driver.wait(() => ff.driver.executeScript(() => {
    const b = document.body;
    if (b.dataset.error) return { error: b.dataset.error };
    const helper = document.querySelector('[data-helper]')?.getAttribute('data-helper');
    return b.dataset.ready && helper && helper !== 'unknown' ? { ready: b.dataset.ready, helper } : null;
  }), 15_000, 'popup rendered (body[data-ready], helper state known)');
  assert.equal(state.error, undefined, `popup failed: ${state.error}`);
  return state;
}

test('the popup starts and shows the empty state', async () => {
  const { helper } = await openPopup();
  assert.equal(helper, 'not_installed', 'no helper is registered in this profile: the popup says how to install it');
  const view = await ff.driver.executeScript(() => ({
    lang: document.documentElement.lang,
    title: document.querySelector('h1')?.textContent ?? '',
    empty: document.getElementById('empty')?.textContent ?? '',
    rows: document.querySelectorAll('[data-appid]').length,
  }));
  assert.match(view.lang, /^(zh-CN|en)$/);
  assert.ok(view.title.length > 0, 'a heading');
  assert.ok(view.empty.length > 20, 'the empty state explains how tracking starts');
  assert.equal(view.rows, 0);
});

test('after a status page, the popup lists the filing with its name and stage', async () => {
  await ff.driver.get(SITE + FILED.path);
  // Wait (from another tab) until the content script has reported, then open the popup here.
  await eventually(async () => ((await ff.storage('events')).events ?? []).some((e) => e.appid === FILED.appid),
    { timeout: 15_000, message: `a stored event for ${FILED.appid}` });
  await openPopup();
  const rows = await ff.driver.findElements(By.css(`[data-appid="${FILED.appid}"]`));
  assert.equal(rows.length, 1, `one row for ${FILED.appid}`);
  assert.equal(await rows[0].getAttribute('data-stage'), 'filed');
  const text = await rows[0].getText();
  assert.ok(text.includes(FILED.name), text);
  assert.ok(text.includes(FILED.appid), text);
  assert.equal(await ff.driver.executeScript(() => document.getElementById('empty')), null);
});

test('the popup fits 360 px: nothing wider than the viewport', async () => {
  await ff.driver.manage().window().setRect({ width: 360, height: 640 });
  await openPopup();
  const overflow = await ff.driver.executeScript(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow} px at 360 px`);
});
