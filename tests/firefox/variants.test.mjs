// Field discovery in Firefox on the form variants with other markup whose fields are all on the
// page without clicks (VARIANT_DISCOVERY: table, Element-UI, <dl>/antd with a late section,
// aria-label sections, the grid and iView re-skins, TDesign, Bootstrap + layui, side-by-side
// columns, implicit labels, Naive UI's input-less selects and role=checkbox divs, Vant's role=radio
// cells, Arco's span-valued selects with a Headless UI listbox button, WeUI cells with floating
// labels, uni-app's class-only checkboxes and pickers, a legacy fieldset page): every control carries the same data-beian-field path as in Chromium
// (tests/e2e/variants*.test.mjs, which also exercise the clicks, wizards and accordions), and a
// typed mistake gives its hint, which goes when fixed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { By } from 'selenium-webdriver';
import { launchFirefox, eventually } from './harness.mjs';
import { CONTENT_ROUTES } from '../shared/content-scenarios.mjs';
import { VARIANT_DISCOVERY, fieldProblems } from '../shared/variant-scenarios.mjs';

let ff;

before(async () => {
  ff = await launchFirefox({ routes: CONTENT_ROUTES });
});

after(async () => {
  await ff?.close();
});

const problems = (fields) => ff.driver.executeScript(`return (${fieldProblems})(${JSON.stringify(fields)});`);

function rulesOf(path) {
  return ff.driver.executeScript((path) => {
    const target = document.querySelector(`[data-beian-field="${path}"]`);
    const ids = (target?.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.getAttribute('data-beian-rule')).filter(Boolean);
  }, path);
}

async function retype(path, text) {
  const el = await ff.driver.findElement(By.css(`[data-beian-field="${path}"]`));
  await el.clear();
  await el.sendKeys(text);
}

for (const { route, fields } of VARIANT_DISCOVERY) {
  test(`variant ${route}: every control maps to its path, a typed mistake gives its hint`, async () => {
    const { state, error } = await ff.openFixture(route);
    assert.equal(state, 'ready', `data-beian-error: ${error}`);
    // Late sections (the <dl> variant's principal, after 1.5 s) are waited for.
    await eventually(async () => (await problems(fields)).length === 0, { timeout: 8000, message: 'field discovery' }).catch(() => {});
    const left = await problems(fields);
    assert.deepEqual(left, [], `field discovery:\n  ${left.join('\n  ')}`);

    const path = 'subject_principal.certificate_number';
    await retype(path, '110105194912310021');
    await eventually(async () => (await rulesOf(path)).includes('person_id_checksum'), { timeout: 5000, message: 'person_id_checksum hint' });
    await retype(path, '11010519491231002X');
    await eventually(async () => !(await rulesOf(path)).includes('person_id_checksum'), { timeout: 5000, message: 'the hint to go' });
  });
}
