// Field discovery on three more re-skins of the filing form after real UI libraries, written
// without looking at the discovery code or its synonym table:
//   1. Arco Design React + a Tailwind / Headless UI block: arco-form-item rows whose <label> has
//      for="<field>_input" only on items with a field (and then sometimes naming a div); arco-select
//      whose choice is only the text of span.arco-select-view-value (region selects keep an EMPTY
//      input, hidden once chosen; the certificate-type select has no input at all; options in a
//      popup in <body>); arco-checkbox / arco-radio with opacity-0 native inputs without a name; an arco-switch
//      button role=switch; an arco RangePicker. The 主体负责人信息 block: <p>/<span> labels reached
//      through aria-labelledby, a Headless UI Listbox (button aria-haspopup=listbox showing the
//      choice in a span, the ul role=listbox only while open), a Headless UI Switch (长期有效) and
//      RadioGroup (div role=radio);
//   2. WeUI 2.x mobile H5: weui-cells__title headings used for sections and for the checkbox /
//      textarea groups inside them, weui-cell rows (label.weui-label for="", or a <label
//      class="weui-cell" for> around the row), native selects, weui-check__label lists, a
//      weui-switch, and a 主体负责人 block in Material-style floating labels (<label> AFTER the
//      <input> in the same wrapper); the 小程序负责人 cells created by the switch use native date
//      inputs and type=number mobiles;
//   3. Semi Design: semi-form-field rows, rows with NO label (placeholder only), div.semi-select
//      role=combobox without input (.semi-select-selection-text), dateRange pickers, span
//      role=checkbox without input, and the 小程序负责人信息 section inserted 1.5 s after load.
// For each: every control carries its contracts.md §1 path, typed mistakes give the right hint in
// the field's row and go away when fixed, the 手动填写 switch reveals the app principal fields, and a
// value chosen in a custom select is read.
// Run: cargo xtask build --content-only && node --test tests/e2e/variants-react-weui.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openFixture, field, retype } from './harness.mjs';
import {
  emergencySame, expectFields, expectHint, expectHintPrefix, expectNoOtherPaths, expectNoPath, mistakeAndFix, noAppPrincipalFields, only, PERSON_TEXT, personMistakes, sixServiceTagsClicked, subjectMistakes, textPairs, validityReversed, variantBrowser,
} from './variant-checks.mjs';
import {
  ARCO_FIELDS, ARCO_MANUAL_FIELDS, SEMI_FIELDS, SEMI_LATE_FIELDS, SEMI_MANUAL_FIELDS, WEUI_FIELDS, WEUI_MANUAL_FIELDS,
} from '../shared/variant-scenarios.mjs';

const browser = variantBrowser();

// --- 1. Arco Design + Tailwind / Headless UI --------------------------------------------------------

const ARCO_ROW = '.arco-form-item';
const TW_ROW = '[class*="col-span"]';
/** Opens the arco-select matching `selector` and clicks `text` in its popup (appended to <body>). */
async function arcoChoose(page, selector, text) {
  await page.locator(selector).click();
  await page.locator('.arco-trigger .arco-select-option').getByText(text, { exact: true }).click();
  await page.waitForFunction(([selector, text]) => document.querySelector(selector)
    .querySelector('.arco-select-view-value').textContent === text, [selector, text]);
}
/** Opens the Headless UI listbox button `id` and clicks the option `text` (the ul exists only while open). */
async function headlessChoose(page, id, text) {
  const button = page.locator(`[id="${id}"]`);
  await button.click();
  await page.locator('ul[role=listbox] li[role=option]').getByText(text, { exact: true }).click();
  await page.waitForFunction(([id, text]) => document.getElementById(id).querySelector('span.block').textContent === text
    && !document.querySelector('ul[role=listbox]'), [id, text]);
}
const ARCO_LISTBOX = 'headlessui-listbox-button-:r2:';
const arcoSwitch = (page) => page.locator('#reuse_input').click();
/** Opens the Arco page and waits for the appid the (simulated) API fills in 300 ms after mount. */
async function openArco() {
  const opened = await openFixture(browser.context, '/wxamp/beian/variant-arco');
  await opened.page.waitForFunction(() => document.getElementById('appid_input')?.value === 'wx0123456789abcdef');
  return opened;
}

test('arco: every control (select spans, hidden checkbox inputs, Headless UI listbox / switch / radios) carries its path', async () => {
  const { page, state } = await openArco();
  assert.equal(state, 'ready');
  await expectFields(page, ARCO_FIELDS);
  await expectNoOtherPaths(page, ARCO_FIELDS);
  await expectNoPath(page, 'input[name=spCode]', '短信验证码 is never a field');
  await page.close();
});

test('arco: typed mistakes in the Arco 主办单位信息 rows show in their arco-form-item and go away', async () => {
  const { page, state } = await openArco();
  assert.equal(state, 'ready');
  await expectFields(page, only(ARCO_FIELDS, 'subject.certificate_number', 'subject.address'));
  await subjectMistakes(page, ARCO_ROW);
  await page.close();
});

test('arco: typed mistakes in the Tailwind 主体负责人 block (aria-labelledby labels) show in their grid cell and go away', async () => {
  const { page, state } = await openArco();
  assert.equal(state, 'ready');
  await expectFields(page, textPairs(ARCO_FIELDS, ...PERSON_TEXT('subject_principal')));
  await personMistakes(page, 'subject_principal', TW_ROW);
  await page.close();
});

test('arco: six service types ticked through their arco-checkbox labels (opacity-0 inputs)', async () => {
  const { page, state } = await openArco();
  assert.equal(state, 'ready');
  await expectFields(page, only(ARCO_FIELDS, 'app.service_types'));
  await sixServiceTagsClicked(page, page.locator('#serviceTypes_input label.arco-checkbox'), ARCO_ROW,
    () => page.locator('#serviceTypes_input .arco-checkbox-checked').count());
  await page.close();
});

test('arco: a 前置审批 item ticked without approval shows app_pre_approval_document; 以上都不涉及 alone clears it', async () => {
  const { page, state } = await openArco();
  assert.equal(state, 'ready');
  await expectFields(page, only(ARCO_FIELDS, 'app.pre_approvals'));
  const item = (value) => page.locator('#item-pre label.arco-checkbox', { has: page.locator(`input[value="${value}"]`) });
  await item('新闻').click();
  await expectHint(page, 'app.pre_approvals', 'app_pre_approval_document', { row: ARCO_ROW });
  await item('新闻').click();
  await item('以上都不涉及').click();
  await expectHint(page, 'app.pre_approvals', 'app_pre_approval_document', { present: false });
  await page.close();
});

test('arco: the 审批号 typed into the input the ticked 前置审批 item renders is read (hint goes away)', async () => {
  const { page, state } = await openArco();
  assert.equal(state, 'ready');
  await expectFields(page, only(ARCO_FIELDS, 'app.pre_approvals'));
  await page.locator('#item-pre label.arco-checkbox', { has: page.locator('input[value="新闻"]') }).click();
  await expectHint(page, 'app.pre_approvals', 'app_pre_approval_document', { row: ARCO_ROW });
  const number = page.locator('#item-pre .approval-item:nth-child(1) input.arco-input');
  await number.pressSequentially('京网新闻许字〔2026〕001号', { delay: 5 });
  await expectHint(page, 'app.pre_approvals', 'app_pre_approval_document', { present: false });
  await page.close();
});

test('arco: the arco-select choice is read from span.arco-select-view-value (no input / an empty hidden input)', async () => {
  const { page, state } = await openArco();
  assert.equal(state, 'ready');
  await expectFields(page, only(ARCO_FIELDS, 'subject.certificate_type', 'subject.province', 'subject.certificate_number'));
  // 证件类型 (no input at all): a 企业 cannot file with a 事业单位法人证书.
  await arcoChoose(page, '#certType_input', '事业单位法人证书');
  await expectHint(page, 'subject.certificate_type', 'subject_certificate_type_allowed', { row: ARCO_ROW });
  await arcoChoose(page, '#certType_input', '营业执照（个人或企业）');
  await expectHint(page, 'subject.certificate_type', 'subject_certificate_type_allowed', { present: false });
  // 省份 (an input that stays empty): a Shenzhen credit code under 北京市.
  await retype(page, 'subject.certificate_number', '91440300MA5G1K2P8N');
  const province = '#card-subject .arco-space-item:nth-child(1) .arco-select';
  await arcoChoose(page, province, '北京市');
  await expectHint(page, 'subject.certificate_number', 'subject_uscc_region_mismatch', { row: ARCO_ROW });
  await arcoChoose(page, province, '广东省');
  await expectHint(page, 'subject.certificate_number', 'subject_uscc_region_mismatch', { present: false });
  await page.close();
});

test('arco: the Headless UI listbox choice (button aria-haspopup=listbox) is read: 护照 lifts the ID-card checks', async () => {
  const { page, state } = await openArco();
  assert.equal(state, 'ready');
  await expectFields(page, only(ARCO_FIELDS, 'subject_principal.certificate_type', 'subject_principal.certificate_number'));
  await retype(page, 'subject_principal.certificate_number', 'E12345678'); // a passport number under 居民身份证
  await expectHintPrefix(page, 'subject_principal.certificate_number', 'person_id_');
  await headlessChoose(page, ARCO_LISTBOX, '护照');
  await expectHintPrefix(page, 'subject_principal.certificate_number', 'person_id_', false);
  await headlessChoose(page, ARCO_LISTBOX, '居民身份证');
  await expectHintPrefix(page, 'subject_principal.certificate_number', 'person_id_');
  await page.close();
});

test('arco: turning the 复用 arco-switch off renders the app principal rows with hints; a passport is read; on again removes them', async () => {
  const { page, state } = await openArco();
  assert.equal(state, 'ready');
  await expectFields(page, only(ARCO_FIELDS, 'app_principal.'));
  await arcoSwitch(page);
  await expectFields(page, ARCO_MANUAL_FIELDS);
  await expectNoOtherPaths(page, [...ARCO_FIELDS, ...ARCO_MANUAL_FIELDS]);
  await mistakeAndFix(page, 'app_principal.certificate_number', 'person_id_checksum', '110105194912310021', '110101199003070011', { row: ARCO_ROW });
  await emergencySame(page, 'app_principal', ARCO_ROW, '13700137000', '13600136000');
  await mistakeAndFix(page, 'app_principal.email', 'person_email_format', 'li@163', 'li@163.com', { row: ARCO_ROW });
  await validityReversed(page, 'app_principal', ARCO_ROW); // typed into the arco RangePicker inputs
  await arcoChoose(page, '#apCertType_input', '护照');
  await expectHint(page, 'app_principal.certificate_type', 'person_app_principal_mainland_id', { row: ARCO_ROW });
  await arcoChoose(page, '#apCertType_input', '居民身份证');
  await expectHint(page, 'app_principal.certificate_type', 'person_app_principal_mainland_id', { present: false });
  await arcoSwitch(page);
  await noAppPrincipalFields(page);
  await page.close();
});

// --- 2. WeUI mobile H5 + floating labels -------------------------------------------------------

const WEUI_ROW = '.weui-cell';
const FLOAT_ROW = '.float-form__item';
const WEUI_GROUP = '.weui-cells__group';
const weuiSwitch = (page) => page.locator('input[name=apReuse]').click();
/** A validity end before its start, both picked in native date inputs (fill, as the picker does); gone once later. */
async function dateValidityReversed(page, person, row) {
  await field(page, `${person}.validity_start`).fill('2020-03-01');
  await field(page, `${person}.validity_end`).fill('2019-03-01');
  await expectHint(page, `${person}.validity_end`, 'person_validity_invalid', { row });
  await field(page, `${person}.validity_end`).fill('2030-03-01');
  await expectHint(page, `${person}.validity_end`, 'person_validity_invalid', { present: false });
}

test('weui: every weui-cell, native select, weui-check, weui-switch, uploader and floating-label input carries its path', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-weui');
  assert.equal(state, 'ready');
  await expectFields(page, WEUI_FIELDS);
  await expectNoOtherPaths(page, WEUI_FIELDS);
  await expectNoPath(page, 'input[name=spCode]', '短信验证码 is never a field');
  await page.close();
});

test('weui: typed mistakes in the 主办单位 weui-cells show in their cell and go away', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-weui');
  assert.equal(state, 'ready');
  await expectFields(page, only(WEUI_FIELDS, 'subject.certificate_number', 'subject.address'));
  await mistakeAndFix(page, 'subject.certificate_number', 'subject_uscc_invalid', '91440300MA5G1K2P8M', '91440300MA5G1K2P8N', { row: WEUI_ROW });
  await mistakeAndFix(page, 'subject.address', 'subject_address_house_number', '粤海街道科技园路', '粤海街道科技园路1号A栋201室', { row: WEUI_ROW });
  await page.close();
});

test('weui: typed mistakes in the floating-label block (label after the input) show in their item and go away', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-weui');
  assert.equal(state, 'ready');
  await expectFields(page, textPairs(WEUI_FIELDS, ...PERSON_TEXT('subject_principal')));
  await personMistakes(page, 'subject_principal', FLOAT_ROW);
  await page.close();
});

test('weui: six service types ticked through their weui-check__label cells', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-weui');
  assert.equal(state, 'ready');
  await expectFields(page, only(WEUI_FIELDS, 'app.service_types'));
  await sixServiceTagsClicked(page, page.locator('#svc label.weui-check__label'), WEUI_GROUP,
    () => page.locator('#svc input:checked').count());
  await page.close();
});

test('weui: the native select choices are read (证件类型 for the 主办者性质, a Shenzhen code under 北京市)', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-weui');
  assert.equal(state, 'ready');
  await expectFields(page, only(WEUI_FIELDS, 'subject.certificate_type', 'subject.nature', 'subject.province', 'subject.certificate_number'));
  await page.locator('select[name=certType]').selectOption('事业单位法人证书');
  await expectHint(page, 'subject.certificate_type', 'subject_certificate_type_allowed', { row: WEUI_ROW });
  await page.locator('select[name=nature]').selectOption('事业单位');
  await expectHint(page, 'subject.certificate_type', 'subject_certificate_type_allowed', { present: false });
  await retype(page, 'subject.certificate_number', '91440300MA5G1K2P8N');
  await page.locator('select[name=province]').selectOption('北京市');
  await expectHint(page, 'subject.certificate_number', 'subject_uscc_region_mismatch', { row: WEUI_ROW });
  await page.locator('select[name=province]').selectOption('广东省');
  await expectHint(page, 'subject.certificate_number', 'subject_uscc_region_mismatch', { present: false });
  await page.close();
});

test('weui: turning the weui-switch off creates the app principal cells with paths and hints; on again removes them', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-weui');
  assert.equal(state, 'ready');
  await expectFields(page, only(WEUI_FIELDS, 'app_principal.'));
  await weuiSwitch(page);
  await expectFields(page, WEUI_MANUAL_FIELDS);
  await expectNoOtherPaths(page, [...WEUI_FIELDS, ...WEUI_MANUAL_FIELDS]);
  await mistakeAndFix(page, 'app_principal.certificate_number', 'person_id_checksum', '110105194912310021', '110101199003070011', { row: WEUI_ROW });
  await emergencySame(page, 'app_principal', WEUI_ROW, '13700137000', '13600136000'); // type=number inputs
  await mistakeAndFix(page, 'app_principal.email', 'person_email_format', 'li@163', 'li@163.com', { row: WEUI_ROW });
  await dateValidityReversed(page, 'app_principal', WEUI_ROW);
  await page.locator('select[name=apCertType]').selectOption('护照');
  await expectHint(page, 'app_principal.certificate_type', 'person_app_principal_mainland_id', { row: WEUI_ROW });
  await page.locator('select[name=apCertType]').selectOption('居民身份证');
  await expectHint(page, 'app_principal.certificate_type', 'person_app_principal_mainland_id', { present: false });
  await weuiSwitch(page);
  await noAppPrincipalFields(page);
  await page.close();
});

// --- 3. Semi Design with placeholder-only fields and a late section ----------------------------

const SEMI_ROW = '.semi-form-field';
/** Opens the semi-select `#id` and clicks the option `text` in its portal. */
async function semiChoose(page, id, text) {
  await page.locator(`#${id}`).click();
  await page.locator('.semi-portal .semi-select-option').getByText(text, { exact: true }).click();
  await page.waitForFunction(([id, text]) => document.querySelector(`#${id} .semi-select-selection-text`).textContent === text
    && !document.querySelector('.semi-portal'), [id, text]);
}
/** Opens the page and waits for the 小程序负责人信息 section inserted 1.5 s after load. */
async function openSemiLate() {
  const opened = await openFixture(browser.context, '/wxamp/beian/variant-semi');
  await opened.page.waitForSelector('#sec-app-principal #apReuse', { timeout: 5000 });
  return opened;
}
const semiSwitch = (page) => page.locator('#apReuse').click();

test('semi: every control (placeholder-only rows, role=combobox selects, role=checkbox spans) carries its path', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-semi');
  assert.equal(state, 'ready');
  await expectFields(page, SEMI_FIELDS);
  await expectNoPath(page, '#spCode', '短信验证码 is never a field');
  await page.waitForSelector('#sec-app-principal #apReuse', { timeout: 5000 });
  await expectFields(page, SEMI_LATE_FIELDS);
  await expectNoOtherPaths(page, [...SEMI_FIELDS, ...SEMI_LATE_FIELDS]);
  await page.close();
});

test('semi: typed mistakes in labelled and placeholder-only 主办单位 rows show in their semi-form-field and go away', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-semi');
  assert.equal(state, 'ready');
  await expectFields(page, only(SEMI_FIELDS, 'subject.certificate_number', 'subject.address'));
  await mistakeAndFix(page, 'subject.certificate_number', 'subject_uscc_invalid', '91440300MA5G1K2P8M', '91440300MA5G1K2P8N', { row: SEMI_ROW });
  await mistakeAndFix(page, 'subject.address', 'subject_address_house_number', '粤海街道科技园路', '粤海街道科技园路1号A栋201室', { row: SEMI_ROW });
  await mistakeAndFix(page, 'subject.address', 'subject_address_repeats_region', '广东省深圳市南山区粤海街道科技园路1号', '粤海街道科技园路1号A栋201室', { row: SEMI_ROW });
  await page.close();
});

test('semi: typed mistakes in the 主体负责人 rows (placeholder-only phones and email, dateRange) show in their row and go away', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-semi');
  assert.equal(state, 'ready');
  await expectFields(page, textPairs(SEMI_FIELDS, ...PERSON_TEXT('subject_principal')));
  await personMistakes(page, 'subject_principal', SEMI_ROW);
  await page.close();
});

test('semi: six service types ticked as semi-checkbox spans (role=checkbox, no input)', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-semi');
  assert.equal(state, 'ready');
  await expectFields(page, only(SEMI_FIELDS, 'app.service_types'));
  await sixServiceTagsClicked(page, page.locator('#serviceTypes .semi-checkbox'), SEMI_ROW,
    () => page.locator('#serviceTypes .semi-checkbox[aria-checked=true]').count());
  await page.close();
});

test('semi: values chosen in div.semi-select[role=combobox] are read (province vs credit code, 证件类型 vs 主办单位性质)', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-semi');
  assert.equal(state, 'ready');
  await expectFields(page, only(SEMI_FIELDS, 'subject.province', 'subject.certificate_type', 'subject.certificate_number'));
  await retype(page, 'subject.certificate_number', '91440300MA5G1K2P8N');
  await semiChoose(page, 'province', '北京市');
  await expectHint(page, 'subject.certificate_number', 'subject_uscc_region_mismatch', { row: SEMI_ROW });
  await semiChoose(page, 'province', '广东省');
  await expectHint(page, 'subject.certificate_number', 'subject_uscc_region_mismatch', { present: false });
  await semiChoose(page, 'certType', '事业单位法人证书');
  await expectHint(page, 'subject.certificate_type', 'subject_certificate_type_allowed', { row: SEMI_ROW });
  await semiChoose(page, 'certType', '营业执照（个人或企业）');
  await expectHint(page, 'subject.certificate_type', 'subject_certificate_type_allowed', { present: false });
  await page.close();
});

test('semi: the late 小程序负责人信息 section: its switch off renders the manual rows with paths and hints; a passport is read; on again removes them', async () => {
  const { page, state } = await openSemiLate();
  assert.equal(state, 'ready');
  await expectFields(page, SEMI_LATE_FIELDS);
  await semiSwitch(page);
  await expectFields(page, SEMI_MANUAL_FIELDS);
  await expectNoOtherPaths(page, [...SEMI_FIELDS, ...SEMI_LATE_FIELDS, ...SEMI_MANUAL_FIELDS]);
  await mistakeAndFix(page, 'app_principal.certificate_number', 'person_id_checksum', '110105194912310021', '110101199003070011', { row: SEMI_ROW });
  await emergencySame(page, 'app_principal', SEMI_ROW, '13700137000', '13600136000'); // both placeholder-only
  await mistakeAndFix(page, 'app_principal.email', 'person_email_format', 'li@163', 'li@163.com', { row: SEMI_ROW });
  await validityReversed(page, 'app_principal', SEMI_ROW);
  await semiChoose(page, 'apCertType', '护照');
  await expectHint(page, 'app_principal.certificate_type', 'person_app_principal_mainland_id', { row: SEMI_ROW });
  await semiChoose(page, 'apCertType', '居民身份证');
  await expectHint(page, 'app_principal.certificate_type', 'person_app_principal_mainland_id', { present: false });
  await semiSwitch(page);
  await noAppPrincipalFields(page);
  await page.close();
});
