// Field discovery on three re-skins of the filing form after real UI libraries, written without
// looking at the discovery code or its synonym table:
//   1. Tencent TDesign: t-form__item rows whose <label for=…> sometimes names an element id,
//      sometimes only the form item (no such id) and sometimes is missing; readonly t-select
//      inputs; hidden native radios; a t-date-range-picker with two inputs; hidden t-upload
//      inputs; service types as check tags next to a search box; the 主体负责人信息 card fetched
//      2.5 s after load; a div role=switch for 复用主体负责人信息 whose "off" renders the manual rows;
//   2. Bootstrap 5 + layui: form-floating rows (input first, label after, with and without for=),
//      input-group-text prefix spans as labels, layui-form-label with <br> inside
//      (主办单位<br>证件号码), a table whose <th rowspan=2> covers the two validity rows, btn-check
//      toggles, a Bootstrap collapse holding the 手动填写 fields;
//   3. an MUI React admin: InputLabel (for= a React useId id like ":r3:") absolutely positioned
//      over the input, the label repeated in the notched outline's <legend> after it, helper texts
//      that name other fields, MUI Select / NativeSelect / Autocomplete, TextareaAutosize's hidden
//      shadow textarea, accordion sections mounted on first expand, values restored through the
//      native setter + an input event.
// For each: every control carries its contracts.md §1 path, and typed mistakes give the right
// hint in the field's row, which goes away when the mistake is fixed.
// Run: cargo xtask build && node --test tests/e2e/variants-libraries.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openFixture, hintsOf, retype } from './harness.mjs';
import {
  emergencySame, expectFields, expectHint, expectNoOtherPaths, expectNoPath, mistakeAndFix, noAppPrincipalFields, sixServiceTags, validityReversed, variantBrowser,
} from './variant-checks.mjs';
import {
  BOOTSTRAP_FIELDS, BOOTSTRAP_MANUAL_FIELDS, MUI_APP_FIELDS, MUI_APP_PRINCIPAL_FIELDS, MUI_MANUAL_FIELDS,
  MUI_PRINCIPAL_FIELDS, MUI_SUBJECT_FIELDS, TDESIGN_FIELDS, TDESIGN_LATE_FIELDS, TDESIGN_MANUAL_FIELDS,
} from '../shared/variant-scenarios.mjs';

const browser = variantBrowser();

// --- 1. Tencent TDesign ------------------------------------------------------------------------

test('tdesign: every control of the t-form rows and of the card fetched 2.5 s late carries its path', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-tdesign');
  assert.equal(state, 'ready');
  await expectFields(page, TDESIGN_LATE_FIELDS, 8000);
  await expectFields(page, TDESIGN_FIELDS);
  await expectNoOtherPaths(page, [...TDESIGN_FIELDS, ...TDESIGN_LATE_FIELDS]);
  await expectNoPath(page, 'input[name=spCode]', '短信验证码 is never a field');
  await expectNoPath(page, 'input[name=svcSearch]', 'the tag search box is not a service type');
  await page.close();
});

test('tdesign: typed mistakes show in their t-form__item and go away when fixed', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-tdesign');
  assert.equal(state, 'ready');
  await expectFields(page, TDESIGN_LATE_FIELDS, 8000);
  const row = '.t-form__item';
  await mistakeAndFix(page, 'subject.certificate_number', 'subject_registration_number', '110108123456789', '91440300MA5G1K2P8N', { row });
  await mistakeAndFix(page, 'subject.address', 'subject_address_house_number', '粤海街道科技园路', '粤海街道科技园路1号A栋201室', { row });
  await mistakeAndFix(page, 'subject_principal.certificate_number', 'person_id_checksum', '110105194912310021', '11010519491231002X', { row });
  await emergencySame(page, 'subject_principal', row);
  await mistakeAndFix(page, 'subject_principal.email', 'person_email_typo', 'zhangsan@qq.con', 'zhangsan@qq.com', { row });
  await validityReversed(page, 'subject_principal', row);
  await sixServiceTags(page, row);
  await page.close();
});

test('tdesign: turning the 复用 t-switch off renders the app principal rows; on again removes them', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-tdesign');
  assert.equal(state, 'ready');
  await expectFields(page, TDESIGN_LATE_FIELDS, 8000);
  await page.locator('#reuse-switch').click();
  await expectFields(page, TDESIGN_MANUAL_FIELDS);
  await expectNoOtherPaths(page, [...TDESIGN_FIELDS, ...TDESIGN_LATE_FIELDS, ...TDESIGN_MANUAL_FIELDS]);

  const row = '.t-form__item';
  await mistakeAndFix(page, 'app_principal.certificate_number', 'person_id_checksum', '110105194912310021', '110101199003070011', { row });
  await emergencySame(page, 'app_principal', row, '13700137000', '13600136000');
  await mistakeAndFix(page, 'app_principal.email', 'person_email_typo', 'li@163.con', 'li@163.com', { row });
  await validityReversed(page, 'app_principal', row);

  await page.locator('#reuse-switch').click();
  await noAppPrincipalFields(page);
  await page.close();
});

// --- 2. Bootstrap 5 + layui --------------------------------------------------------------------

const BS_ROW = '.mb-3, .layui-form-item, tr';

test('bootstrap: every form-floating, input-group, layui and table control carries its path', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-bootstrap');
  assert.equal(state, 'ready');
  await expectFields(page, BOOTSTRAP_FIELDS);
  await expectNoPath(page, 'input[name=spCode]', '验证码 is never a field');
  await page.close();
});

test('bootstrap: the 手动填写 fields hidden in a closed collapse count as absent while 复用 is chosen', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-bootstrap');
  assert.equal(state, 'ready');
  // A value the page keeps in the hidden block (a draft restored while 复用 is chosen) is not
  // checked: the platform ignores it too.
  await page.locator('input[name=apNumber]').evaluate((el) => {
    el.value = '110105194912310021';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForTimeout(1000);
  assert.deepEqual(await hintsOf(page, 'app_principal.certificate_number'), [], 'no hint while hidden');
  await page.locator('label[for=apSource2]').click();
  await expectHint(page, 'app_principal.certificate_number', 'person_id_checksum', { row: BS_ROW });
  await page.close();
});

test('bootstrap: typed mistakes show in their row (layui item, .mb-3 or <tr>) and go away when fixed', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-bootstrap');
  assert.equal(state, 'ready');
  await mistakeAndFix(page, 'subject.certificate_number', 'subject_registration_number', '110108123456789', '91440300MA5G1K2P8N', { row: BS_ROW });
  await mistakeAndFix(page, 'subject.address', 'subject_address_house_number', '粤海街道科技园路', '粤海街道科技园路1号A栋201室', { row: BS_ROW });
  await mistakeAndFix(page, 'subject_principal.certificate_number', 'person_id_checksum', '110105194912310021', '11010519491231002X', { row: BS_ROW });
  await emergencySame(page, 'subject_principal', BS_ROW);
  await mistakeAndFix(page, 'subject_principal.email', 'person_email_typo', 'zhangsan@qq.con', 'zhangsan@qq.com', { row: BS_ROW });
  await sixServiceTags(page, BS_ROW);
  await page.close();
});

test('bootstrap: a validity end before its start, the end date in the second row of a rowspan label cell', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-bootstrap');
  assert.equal(state, 'ready');
  await expectFields(page, BOOTSTRAP_FIELDS.filter(([, p]) => p.startsWith('subject_principal.validity')));
  await validityReversed(page, 'subject_principal', BS_ROW);
  await page.close();
});

test('bootstrap: 手动填写 opens the collapse of input-group-text rows for the app principal', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-bootstrap');
  assert.equal(state, 'ready');
  await page.locator('label[for=apSource2]').click();
  await expectFields(page, BOOTSTRAP_MANUAL_FIELDS);
  await mistakeAndFix(page, 'app_principal.certificate_number', 'person_id_checksum', '110105194912310021', '110101199003070011', { row: BS_ROW });
  await emergencySame(page, 'app_principal', BS_ROW, '13700137000', '13600136000');
  await mistakeAndFix(page, 'app_principal.email', 'person_email_typo', 'li@163.con', 'li@163.com', { row: BS_ROW });
  await page.close();
});

// --- 3. MUI React admin --------------------------------------------------------------------------

const MUI_ROW = '.MuiFormControl-root';
const expand = (page, title) => page.locator('.MuiAccordionSummary-root', { hasText: title }).click();

test('mui: every control of every accordion section carries its path, mounted on first expand', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-mui');
  assert.equal(state, 'ready');
  // Only 主体信息 is open at first: the other sections' controls do not exist yet.
  assert.equal(await page.locator('input[name=spName]').count(), 0);
  await expand(page, '主体负责人信息');
  await expand(page, '小程序信息');
  await expand(page, '小程序负责人信息');
  const all = [...MUI_SUBJECT_FIELDS, ...MUI_PRINCIPAL_FIELDS, ...MUI_APP_FIELDS, ...MUI_APP_PRINCIPAL_FIELDS];
  await expectFields(page, all);
  // The page fills the AppID 200 ms after mounting the section.
  await page.waitForFunction(() => document.querySelector('input[name=appid]')?.value === 'wx0123456789abcdef', null, { timeout: 5000 });
  await expectNoOtherPaths(page, all);
  await page.close();
});

test('mui: a value restored through the native setter is checked; typed mistakes show in their MuiFormControl', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-mui');
  assert.equal(state, 'ready');
  // The draft restore set 通讯地址 through the native setter: its mistake shows without typing.
  await page.waitForFunction(() => document.querySelector('input[name=orgAddress]')?.value === '粤海街道科技园路');
  await expectHint(page, 'subject.address', 'subject_address_house_number', { row: MUI_ROW });
  await retype(page, 'subject.address', '粤海街道科技园路1号A栋201室');
  await expectHint(page, 'subject.address', 'subject_address_house_number', { present: false });
  await mistakeAndFix(page, 'subject.certificate_number', 'subject_registration_number', '110108123456789', '91440300MA5G1K2P8N', { row: MUI_ROW });

  await expand(page, '主体负责人信息');
  await mistakeAndFix(page, 'subject_principal.certificate_number', 'person_id_checksum', '110105194912310021', '11010519491231002X', { row: MUI_ROW });
  await emergencySame(page, 'subject_principal', MUI_ROW);
  assert.match(await page.locator('[data-beian-field="subject_principal.emergency_mobile"]').getAttribute('aria-describedby'),
    /-helper-text\b/, "the page's own helper text stays in aria-describedby beside the hints");
  await mistakeAndFix(page, 'subject_principal.email', 'person_email_typo', 'zhangsan@qq.con', 'zhangsan@qq.com', { row: MUI_ROW });
  await validityReversed(page, 'subject_principal', '.MuiStack-root');

  await expand(page, '小程序信息');
  await sixServiceTags(page, MUI_ROW);
  await page.close();
});

test('mui: 手动填写 renders the app principal TextFields', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-mui');
  assert.equal(state, 'ready');
  await expand(page, '小程序负责人信息');
  await page.locator('.MuiFormControlLabel-root', { hasText: '手动填写' }).click();
  await expectFields(page, MUI_MANUAL_FIELDS);
  await expectNoOtherPaths(page, [...MUI_SUBJECT_FIELDS, ...MUI_APP_PRINCIPAL_FIELDS, ...MUI_MANUAL_FIELDS]);
  await mistakeAndFix(page, 'app_principal.certificate_number', 'person_id_checksum', '110105194912310021', '110101199003070011', { row: MUI_ROW });
  await emergencySame(page, 'app_principal', MUI_ROW, '13700137000', '13600136000');
  await mistakeAndFix(page, 'app_principal.email', 'person_email_typo', 'li@163.con', 'li@163.com', { row: MUI_ROW });
  await validityReversed(page, 'app_principal', '.MuiStack-root');
  await page.close();
});
