// Stage capture in Firefox: a status page read by the content script becomes a stored stage event
// (the event page background keeps it in browser.storage.local), the same cases as the Chromium
// suite (tests/shared/stage-scenarios.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, launchFirefox, SITE } from './harness.mjs';
import { PII_PATTERNS, STAGE_CASES, STAGE_ROUTES, UNRELATED_STATUS, assertPageEvent } from '../shared/stage-scenarios.mjs';

let ff;

before(async () => {
  ff = await launchFirefox({ routes: STAGE_ROUTES });
});

after(async () => {
  await ff?.close();
});

async function storedEvents() {
  const stored = await ff.storage('events');
  assert.equal(stored.__error, undefined, stored.__error);
  return stored.events ?? [];
}

async function eventsFor(appid) {
  return eventually(async () => {
    const found = (await storedEvents()).filter((e) => e.appid === appid);
    return found.length ? found : null;
  }, { timeout: 15_000, message: `a stored event for ${appid}` });
}

for (const c of STAGE_CASES) {
  test(`status page "${c.text}" is stored as a ${c.stage} event`, async () => {
    await ff.driver.get(SITE + c.path);
    const found = await eventsFor(c.appid);
    assert.equal(found.length, 1, `one event for ${c.appid}, got ${JSON.stringify(found)}`);
    assertPageEvent(assert, found[0], c);
  });
}

test('looking at the same status page again records nothing new', async () => {
  const before = (await storedEvents()).length;
  assert.ok(before >= STAGE_CASES.length);
  await ff.driver.get(SITE + STAGE_CASES[4].path);
  await ff.driver.sleep(1500);
  await ff.driver.navigate().refresh();
  await ff.driver.sleep(1500);
  assert.equal((await storedEvents()).length, before);
});

test('an admin page without a filing status records nothing', async () => {
  const before = (await storedEvents()).length;
  await ff.driver.get(SITE + UNRELATED_STATUS.path);
  await ff.driver.sleep(1500);
  const after = await storedEvents();
  assert.equal(after.length, before);
  assert.ok(!after.some((e) => e.appid === UNRELATED_STATUS.appid));
});

test('the stored log holds no raw phone number, ID number or e-mail address', async () => {
  const everything = JSON.stringify(await ff.storage(null));
  for (const pattern of PII_PATTERNS) assert.doesNotMatch(everything, pattern);
});
