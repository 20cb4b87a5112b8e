// Assertions shared by the form-variant suites (tests/e2e/variants*.test.mjs):
// which control carries which path, where a hint shows, and the mistake → hint → fix → gone runs
// every variant repeats.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { field, hintsOf, launch, retype, serveFixture, waitForHint } from './harness.mjs';
import { CONTENT_ROUTES } from '../shared/content-scenarios.mjs';
import { fieldProblems } from '../shared/variant-scenarios.mjs';

/**
 * The suite's browser: Chromium with the built extension and the fixtures served at
 * https://mp.weixin.qq.com/…, launched before the suite's tests and closed after them. Call at
 * the top level of a test file; `.context` is the browser context once the tests run.
 */
export function variantBrowser() {
  let browser;
  before(async () => {
    browser = await launch();
    await serveFixture(browser.context, CONTENT_ROUTES);
  });
  after(async () => {
    await browser?.close();
  });
  return { get context() { return browser.context; } };
}

/**
 * Waits until every `[selector, path]` pair holds: the control matching `selector` carries
 * data-beian-field=path itself (text fields) or sits inside the element that does (groups), and
 * no other text control carries the same path. Fails with the full list of mismatches.
 */
export async function expectFields(page, pairs, timeout = 5000) {
  try {
    await page.waitForFunction(`(${fieldProblems})(${JSON.stringify(pairs)}).length === 0`, null, { timeout });
  } catch {
    // Report what is wrong rather than a timeout.
  }
  const problems = await page.evaluate(`(${fieldProblems})(${JSON.stringify(pairs)})`);
  assert.deepEqual(problems, [], `field discovery:\n  ${problems.join('\n  ')}`);
}

/** No control on the page carries a path that none of `pairs` expects (a control taken for a field it is not). */
export async function expectNoOtherPaths(page, pairs) {
  const expected = [...new Set(pairs.map(([, p]) => p))];
  const stray = await page.evaluate((expected) => [...document.querySelectorAll('[data-beian-field]')]
    .map((e) => ({ path: e.getAttribute('data-beian-field'), el: e.outerHTML.slice(0, 140) }))
    .filter(({ path }) => !expected.includes(path)), expected);
  assert.deepEqual(stray, [], `unexpected field paths:\n  ${stray.map((s) => `${s.path} on ${s.el}`).join('\n  ')}`);
}

/**
 * Waits until `path` shows (or no longer shows) a hint of `rule`. When shown, the hint must be
 * visible and sit in the same row as the field: the nearest `row` ancestor of the field contains it.
 */
export async function expectHint(page, path, rule, { present = true, row } = {}) {
  try {
    await waitForHint(page, path, rule, present);
  } catch {
    assert.fail(`${path}: expected ${present ? '' : 'no '}${rule} hint, hints are ${JSON.stringify(await hintsOf(page, path))}`);
  }
  if (!present) {
    return;
  }
  const placement = await page.evaluate(({ path, rule, row }) => {
    const target = document.querySelector(`[data-beian-field="${path}"]`);
    const ids = (target.getAttribute('aria-describedby') || '').split(/\s+/);
    const hint = ids.map((id) => document.getElementById(id)).find((h) => h?.getAttribute('data-beian-rule') === rule);
    const box = hint.getBoundingClientRect();
    const container = row ? target.closest(row) : target.parentElement;
    return { visible: box.width > 0 && box.height > 0, near: !!container && container.contains(hint) };
  }, { path, rule, row });
  assert.ok(placement.visible, `${rule} hint of ${path} is not visible`);
  assert.ok(placement.near, `${rule} hint of ${path} is not in the field's row (${row})`);
}

/** Waits until `path` shows (or no longer shows) any hint whose rule starts with `prefix`. */
export async function expectHintPrefix(page, path, prefix, present = true) {
  try {
    await page.waitForFunction(({ path, prefix, present }) => {
      const target = document.querySelector(`[data-beian-field="${path}"]`);
      if (!target) return false;
      const ids = (target.getAttribute('aria-describedby') || '').split(/\s+/);
      const has = ids.some((id) => (document.getElementById(id)?.getAttribute('data-beian-rule') || '').startsWith(prefix));
      return has === present;
    }, { path, prefix, present }, { timeout: 5000 });
  } catch {
    assert.fail(`${path}: expected ${present ? 'a' : 'no'} ${prefix}* hint, hints are ${JSON.stringify(await hintsOf(page, path))}`);
  }
}

/**
 * Types `bad` into `path` and expects its `rule` hint (placed per `options`, as in expectHint),
 * then types `good` and expects the hint gone.
 */
export async function mistakeAndFix(page, path, rule, bad, good, options = {}) {
  await retype(page, path, bad);
  await expectHint(page, path, rule, options);
  await retype(page, path, good);
  await expectHint(page, path, rule, { present: false });
}

/** Ticks six service tags, expects app_service_types_max in `row`, unticks the sixth, expects it gone. */
export async function sixServiceTags(page, row) {
  const tags = field(page, 'app.service_types').locator('input[type=checkbox]');
  for (let i = 0; i < 6; i++) await tags.nth(i).check();
  await expectHint(page, 'app.service_types', 'app_service_types_max', { row });
  await tags.nth(5).uncheck();
  await expectHint(page, 'app.service_types', 'app_service_types_max', { present: false });
}

/**
 * The same through a component library's own checkboxes: clicks six of `boxes` (what the user
 * clicks: a label, or a `role=checkbox` element drawn without a native input), with `isChecked()`
 * counting what the page itself shows ticked.
 */
export async function sixServiceTagsClicked(page, boxes, row, isChecked) {
  for (let i = 0; i < 6; i++) await boxes.nth(i).click();
  assert.equal(await isChecked(), 6, 'the page ticked six service types');
  await expectHint(page, 'app.service_types', 'app_service_types_max', { row });
  await boxes.nth(5).click();
  assert.equal(await isChecked(), 5);
  await expectHint(page, 'app.service_types', 'app_service_types_max', { present: false });
}

/**
 * The typed mistakes every variant checks in the subject rows: a wrong credit-code check digit, the
 * old 15-digit registration number, an address without a house number; each in `row`, gone once
 * fixed.
 */
export async function subjectMistakes(page, row) {
  await mistakeAndFix(page, 'subject.certificate_number', 'subject_uscc_invalid', '91440300MA5G1K2P8M', '91440300MA5G1K2P8N', { row });
  await mistakeAndFix(page, 'subject.certificate_number', 'subject_registration_number', '110108123456789', '91440300MA5G1K2P8N', { row });
  await mistakeAndFix(page, 'subject.address', 'subject_address_house_number', '粤海街道科技园路', '粤海街道科技园路1号A栋201室', { row });
}

/**
 * The typed mistakes every variant checks in a person's rows (`subject_principal`,
 * `app_principal`): an ID checksum, a short mobile, the emergency number equal to the mobile, a bad
 * e-mail and a validity end before its start; each in `row`, gone once fixed.
 */
export async function personMistakes(page, person, row) {
  await mistakeAndFix(page, `${person}.certificate_number`, 'person_id_checksum', '110105194912310021', '11010519491231002X', { row });
  await mistakeAndFix(page, `${person}.mobile`, 'person_mobile_format', '1380013800', '13800138000', { row });
  await emergencySame(page, person, row);
  await mistakeAndFix(page, `${person}.email`, 'person_email_format', 'zhangsan@example', 'zhangsan@example.com', { row });
  await validityReversed(page, person, row);
}

/**
 * `person`'s emergency number typed equal to the mobile: person_emergency_same on the emergency
 * field (in `row`) and no hint at all on the mobile; gone once the emergency number differs.
 */
export async function emergencySame(page, person, row, mobile = '13800138000', other = '13900139000') {
  await retype(page, `${person}.mobile`, mobile);
  await retype(page, `${person}.emergency_mobile`, mobile);
  await expectHint(page, `${person}.emergency_mobile`, 'person_emergency_same', { row });
  assert.deepEqual(await hintsOf(page, `${person}.mobile`), [], 'the mobile itself is fine');
  await retype(page, `${person}.emergency_mobile`, other);
  await expectHint(page, `${person}.emergency_mobile`, 'person_emergency_same', { present: false });
}

/** A validity end before its start: person_validity_invalid on the end date (in `row`), gone once it is later. */
export async function validityReversed(page, person, row) {
  await retype(page, `${person}.validity_start`, '2020-03-01');
  await retype(page, `${person}.validity_end`, '2019-03-01');
  await expectHint(page, `${person}.validity_end`, 'person_validity_invalid', { row });
  await retype(page, `${person}.validity_end`, '2030-03-01');
  await expectHint(page, `${person}.validity_end`, 'person_validity_invalid', { present: false });
}

/** The element matching `selector` carries no path itself (a control that is not a form field). */
export async function expectNoPath(page, selector, why) {
  assert.equal(await page.locator(selector).getAttribute('data-beian-field'), null, why);
}

/** The `[selector, path]` pairs whose path starts with one of `prefixes` (what a test is about to use). */
export const only = (pairs, ...prefixes) => pairs.filter(([, p]) => prefixes.some((x) => p.startsWith(x)));

/**
 * The text controls among the pairs of exactly these `paths`: not the 长期 / seal checkboxes or
 * switches that share a path with a date or an upload.
 */
export const textPairs = (pairs, ...paths) => pairs.filter(([sel, p]) => paths.includes(p) && !/checkbox|switch|spLong/.test(sel));

/** The paths of a person's text fields (`subject_principal`, `app_principal`). */
export const PERSON_TEXT = (person) => ['certificate_number', 'mobile', 'emergency_mobile', 'email', 'validity_start', 'validity_end']
  .map((f) => `${person}.${f}`);

/** Waits until no app principal field but the 复用 switch is marked (复用 chosen again). */
export const noAppPrincipalFields = (page) => page.waitForFunction(
  () => !document.querySelector('[data-beian-field^="app_principal."]:not([data-beian-field="app_principal.reuse_subject_principal"])'),
  null, { timeout: 5000 },
).catch(() => assert.fail('app principal fields still marked after 复用'));
