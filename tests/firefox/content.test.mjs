// The content script in Firefox: the same fixture forms and the same typed mistakes as the Chromium
// suite (scenario data in tests/shared/content-scenarios.mjs) must give the same hints.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { By } from 'selenium-webdriver';
import { launchFirefox } from './harness.mjs';
import {
  CONTENT_ROUTES, CSP_SCENARIOS, ENTERPRISE_FIELDS, NOTHING_ROUTES, TYPING_SCENARIOS,
} from '../shared/content-scenarios.mjs';

let ff;

before(async () => {
  ff = await launchFirefox({ routes: CONTENT_ROUTES });
});

after(async () => {
  await ff?.close();
});

/** Rule ids of the hints linked from the field's aria-describedby (null: no such field). */
function hintsOf(path) {
  return ff.driver.executeScript((path) => {
    const target = document.querySelector(`[data-beian-field="${path}"]`);
    if (!target) return null;
    const ids = (target.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    return ids.map((id) => document.getElementById(id)).filter(Boolean).map((h) => ({
      rule: h.getAttribute('data-beian-rule'), severity: h.getAttribute('data-beian-severity'), text: h.textContent,
    }));
  }, path);
}

async function field(path) {
  return ff.driver.findElement(By.css(`[data-beian-field="${path}"]`));
}

/** Performs one shared step and checks what it expects. */
async function runStep(step) {
  const el = await field(step.field);
  if (step.type !== undefined) {
    await el.clear();
    await el.sendKeys(step.type);
  }
  for (const [selector, want] of [[step.check, true], [step.uncheck, false]]) {
    if (!selector) continue;
    const boxes = await el.findElements(By.css(selector));
    const box = boxes[step.nth ?? 0];
    assert.ok(box, `${step.field}: no ${selector} #${step.nth ?? 0}`);
    if ((await box.isSelected()) !== want) await box.click();
  }
  const present = step.present ?? [];
  const absent = step.absent ?? [];
  let hints = [];
  try {
    await ff.driver.wait(async () => {
      hints = (await hintsOf(step.field)) ?? [];
      const rules = hints.map((h) => h.rule);
      return present.every((r) => rules.includes(r)) && absent.every((r) => !rules.includes(r));
    }, 5000);
  } catch {
    assert.fail(`${step.field} after ${JSON.stringify(step.type ?? step.check ?? step.uncheck)}: `
      + `want ${JSON.stringify({ present, absent })}, hints ${JSON.stringify(hints)}`);
  }
  for (const [rule, severity] of Object.entries(step.severity ?? {})) {
    const hint = hints.find((h) => h.rule === rule);
    assert.equal(hint?.severity, severity, `${rule} severity`);
    assert.ok(hint.text.trim().length > 0, `${rule} has a message`);
  }
  if (step.invalid !== undefined) {
    assert.equal(await el.getAttribute('aria-invalid'), step.invalid ? 'true' : null, `${step.field} aria-invalid`);
  }
}

test('the enterprise form is recognised: every kind of row maps to its contract path', async () => {
  const { state, error } = await ff.openFixture('/wxamp/beian/enterprise');
  assert.equal(state, 'ready', `data-beian-error: ${error}`);
  const paths = await ff.driver.executeScript(
    () => [...new Set([...document.querySelectorAll('[data-beian-field]')].map((e) => e.getAttribute('data-beian-field')))],
  );
  const missing = ENTERPRISE_FIELDS.filter((p) => !paths.includes(p));
  assert.deepEqual(missing, [], `not recognised (got ${paths.join(', ')})`);
  assert.equal(await ff.driver.executeScript(() => document.querySelectorAll('[data-beian-rule]').length), 0,
    'a fresh form has no hints');
});

for (const scenario of TYPING_SCENARIOS) {
  test(`typing: ${scenario.name}`, async () => {
    const { state, error } = await ff.openFixture(scenario.route);
    assert.equal(state, 'ready', `data-beian-error: ${error}`);
    for (const step of scenario.steps) await runStep(step);
  });
}

for (const scenario of CSP_SCENARIOS) {
  test(`page CSP: ${scenario.name} → ${scenario.state.firefox}`, async () => {
    const { state, error } = await ff.openFixture(scenario.route);
    assert.equal(state, scenario.state.firefox, `data-beian-error: ${error}`);
    for (const step of scenario.steps) await runStep(step);
  });
}

for (const route of NOTHING_ROUTES) {
  test(`a non-filing page gets nothing: ${route}`, async () => {
    const { state } = await ff.openFixture(route, { expectNothing: true });
    assert.equal(state, null);
    const marks = await ff.driver.executeScript(() => ({
      attributes: document.documentElement.getAttributeNames().filter((a) => a.startsWith('data-beian')),
      elements: document.querySelectorAll('[data-beian-rule], [data-beian-summary], [data-beian-field]').length,
      wasm: performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.includes('beian_content')),
    }));
    assert.deepEqual(marks, { attributes: [], elements: 0, wasm: [] });
  });
}

test('the extension makes no request to the site beyond the pages themselves', () => {
  // /favicon.ico is Firefox's own request for the tab icon, not the extension's.
  const unexpected = ff.site.requests.map((r) => new URL(r, 'https://x').pathname)
    .filter((p) => !(p in CONTENT_ROUTES) && p !== '/favicon.ico');
  assert.deepEqual(unexpected, []);
});
