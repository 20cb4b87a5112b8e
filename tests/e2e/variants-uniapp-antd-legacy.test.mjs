// Field discovery on three more re-skins of the filing form, written without looking at the
// discovery code or its synonym table:
//   1. a uni-app H5 build (what a mini-program developer's page compiles to for the browser):
//      uni-view.form-item rows with a uni-text label before the control, uni-input whose inner input
//      has no name and no placeholder attribute (the placeholder is a div hidden once there is a
//      value), uni-picker selects showing the choice in a uni-view (options in a popup created on
//      click), uni-checkbox / uni-radio / uni-switch drawn as divs toggling classes with NO native
//      input and NO aria, upload tiles without a file input;
//   2. Ant Design 5 (React): ant-form-item rows (label for= + title=), ant-select with a readonly
//      empty role=combobox input and the choice in span.ant-select-selection-item[title] (options in
//      a portal), ant-picker-range, Checkbox.Group, Radio.Group button style, ant-switch, ant-upload,
//      ant-form-item-extra helpers; an ant-steps wizard whose step 2 mounts on 下一步, and a
//      Form.List whose 小程序负责人 entries are added by + 添加 once the 复用 switch is off;
//   3. a legacy server-rendered page: fieldset/legend sections, <p><span class=lbl>…：</span><br>
//      <input name=…></p> rows, <b> labels in <td> followed by <br>, <font color=red>*</font>,
//      --请选择-- selects, radios with bare text after them, a 长期 checkbox with a text node, and the
//      validity dates named only by their title attribute.
// For each: every control carries its contracts.md §1 path, typed mistakes give the right hint in
// the field's row and go away when fixed, the 手动填写 switch reveals the app principal fields, and a
// value chosen in a custom select / picker is read.
// Found by this round and fixed: <br>-separated option lists, a 长期 box after a title-only date,
// 所在省份 over three selects, drawn placeholders beside the control, and the summary panel lying
// over the page's own bottom-sheet picker (the uni-picker tests fail with the panel on top).
// Run: cargo xtask build --content-only && node --test tests/e2e/variants-uniapp-antd-legacy.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openFixture, hintsOf, retype } from './harness.mjs';
import {
  emergencySame, expectFields, expectHint, expectHintPrefix, expectNoOtherPaths, expectNoPath, mistakeAndFix, noAppPrincipalFields, only, PERSON_TEXT, personMistakes, sixServiceTagsClicked, subjectMistakes, textPairs, validityReversed, variantBrowser,
} from './variant-checks.mjs';
import {
  ANTD5_FIELDS, ANTD5_MANUAL_FIELDS, ANTD5_STEP2_FIELDS, LEGACY_FIELDS, LEGACY_MANUAL_FIELDS, UNIAPP_FIELDS, UNIAPP_MANUAL_FIELDS,
} from '../shared/variant-scenarios.mjs';

const browser = variantBrowser();

/** Upload slots that have no control of their own on a page may still be marked; not a mistake. */
const MATERIALS = [['-', 'materials.uploads'], ['-', 'materials.commitment_letter']];

// --- 1. uni-app H5 build ------------------------------------------------------------------------

const UNI_ROW = '.form-item';
const UNIAPP = '/wxamp/beian/variant-uniapp';
/** Opens the uni-picker `#id`, taps `text` in the popup and 确定; waits for the slot view to show it. */
async function uniChoose(page, id, text) {
  await page.locator(`#${id}`).click();
  await page.locator('.uni-picker-container .uni-picker-item').getByText(text, { exact: true }).click();
  await page.locator('.uni-picker-container .uni-picker-action-confirm').click();
  await page.waitForFunction(([id, text]) => document.querySelector(`#${id} .picker-text`).textContent === text
    && !document.querySelector('.uni-picker-toggle'), [id, text]);
}
const uniSwitch = (page) => page.locator('#apReuse .uni-switch-input').click();

test('uniapp: every uni-input, uni-picker, uni-checkbox / uni-radio (no input, no aria) and the uni-switch carries its path', async () => {
  const { page, state } = await openFixture(browser.context, UNIAPP);
  assert.equal(state, 'ready');
  await expectFields(page, UNIAPP_FIELDS);
  await expectNoOtherPaths(page, [...UNIAPP_FIELDS, ...MATERIALS]);
  await expectNoPath(page, '#spCode input', '验证码 is never a field');
  await page.close();
});

test('uniapp: typed mistakes in the 主办单位 uni-inputs (placeholder divs) show in their form-item and go away', async () => {
  const { page, state } = await openFixture(browser.context, UNIAPP);
  assert.equal(state, 'ready');
  await expectFields(page, only(UNIAPP_FIELDS, 'subject.certificate_number', 'subject.address'));
  await mistakeAndFix(page, 'subject.address', 'subject_address_house_number', '粤海街道科技园路', '粤海街道科技园路1号A栋201室', { row: UNI_ROW });
  // The credit-code checks need the 证件类型 (营业执照, shown in its uni-picker).
  await mistakeAndFix(page, 'subject.certificate_number', 'subject_uscc_invalid', '91440300MA5G1K2P8M', '91440300MA5G1K2P8N', { row: UNI_ROW });
  await mistakeAndFix(page, 'subject.certificate_number', 'subject_registration_number', '110108123456789', '91440300MA5G1K2P8N', { row: UNI_ROW });
  await page.close();
});

test('uniapp: typed mistakes in the 主体负责人 uni-inputs show in their form-item and go away', async () => {
  const { page, state } = await openFixture(browser.context, UNIAPP);
  assert.equal(state, 'ready');
  await expectFields(page, textPairs(UNIAPP_FIELDS, ...PERSON_TEXT('subject_principal')));
  await mistakeAndFix(page, 'subject_principal.certificate_number', 'person_id_checksum', '110105194912310021', '11010519491231002X', { row: UNI_ROW });
  await emergencySame(page, 'subject_principal', UNI_ROW); // type=number inputs
  await mistakeAndFix(page, 'subject_principal.email', 'person_email_format', 'zhangsan@example', 'zhangsan@example.com', { row: UNI_ROW });
  await validityReversed(page, 'subject_principal', UNI_ROW);
  await page.close();
});

test('uniapp: six service types tapped as uni-checkboxes (class toggles only, no input, no aria)', async () => {
  const { page, state } = await openFixture(browser.context, UNIAPP);
  assert.equal(state, 'ready');
  await expectFields(page, only(UNIAPP_FIELDS, 'app.service_types'));
  await sixServiceTagsClicked(page, page.locator('#svc > uni-label'), UNI_ROW,
    () => page.locator('#svc .uni-checkbox-input-checked').count());
  await page.close();
});

test('uniapp: a 前置审批 uni-checkbox tapped without 审批号 shows app_pre_approval_document; the 审批号 typed clears it', async () => {
  const { page, state } = await openFixture(browser.context, UNIAPP);
  assert.equal(state, 'ready');
  await expectFields(page, only(UNIAPP_FIELDS, 'app.pre_approvals'));
  await page.locator('#pre .pre-item:nth-child(1) uni-label').click();
  assert.equal(await page.locator('#pre .uni-checkbox-input-checked').count(), 1, 'the page ticked 新闻');
  await expectHint(page, 'app.pre_approvals', 'app_pre_approval_document', { row: UNI_ROW });
  await page.locator('#preNo0 input').pressSequentially('京网新闻许字〔2026〕001号', { delay: 5 });
  await expectHint(page, 'app.pre_approvals', 'app_pre_approval_document', { present: false });
  await page.close();
});

test('uniapp: the uni-picker choice is read from its slot view (证件类型 for 企业, a Shenzhen code under 北京市)', async () => {
  const { page, state } = await openFixture(browser.context, UNIAPP);
  assert.equal(state, 'ready');
  await expectFields(page, only(UNIAPP_FIELDS, 'subject.certificate_type', 'subject.province', 'subject.certificate_number'));
  await uniChoose(page, 'pkCertType', '事业单位法人证书');
  await expectHint(page, 'subject.certificate_type', 'subject_certificate_type_allowed', { row: UNI_ROW });
  await uniChoose(page, 'pkCertType', '营业执照（个人或企业）');
  await expectHint(page, 'subject.certificate_type', 'subject_certificate_type_allowed', { present: false });
  await retype(page, 'subject.certificate_number', '91440300MA5G1K2P8N');
  await uniChoose(page, 'pkProvince', '北京市');
  await expectHint(page, 'subject.certificate_number', 'subject_uscc_region_mismatch', { row: UNI_ROW });
  await uniChoose(page, 'pkProvince', '广东省');
  await expectHint(page, 'subject.certificate_number', 'subject_uscc_region_mismatch', { present: false });
  await page.close();
});

test('uniapp: a uni-radio 主办者性质 tap is read (事业单位 allows 事业单位法人证书)', async () => {
  const { page, state } = await openFixture(browser.context, UNIAPP);
  assert.equal(state, 'ready');
  await expectFields(page, only(UNIAPP_FIELDS, 'subject.certificate_type', 'subject.nature'));
  await uniChoose(page, 'pkCertType', '事业单位法人证书');
  await expectHint(page, 'subject.certificate_type', 'subject_certificate_type_allowed', { row: UNI_ROW });
  await page.locator('#nature uni-label').getByText('事业单位', { exact: true }).click();
  assert.equal(await page.locator('#nature .uni-radio-input-checked').count(), 1);
  await expectHint(page, 'subject.certificate_type', 'subject_certificate_type_allowed', { present: false });
  await page.close();
});

test('uniapp: turning the uni-switch off renders the app principal rows whose uni-inputs carry paths and hints; on again removes them', async () => {
  const { page, state } = await openFixture(browser.context, UNIAPP);
  assert.equal(state, 'ready');
  await uniSwitch(page); // the switch's own path is checked in the first uniapp test
  await page.waitForSelector('#apManual #apName');
  await expectFields(page, UNIAPP_MANUAL_FIELDS.filter(([sel]) => !/picker|checkbox/.test(sel)));
  await expectNoOtherPaths(page, [...UNIAPP_FIELDS, ...UNIAPP_MANUAL_FIELDS, ...MATERIALS]);
  await expectNoPath(page, '#apCode input', '验证码 is never a field');
  await mistakeAndFix(page, 'app_principal.certificate_number', 'person_id_checksum', '110105194912310021', '110101199003070011', { row: UNI_ROW });
  await emergencySame(page, 'app_principal', UNI_ROW, '13700137000', '13600136000');
  await mistakeAndFix(page, 'app_principal.email', 'person_email_format', 'li@163', 'li@163.com', { row: UNI_ROW });
  await validityReversed(page, 'app_principal', UNI_ROW);
  await uniSwitch(page);
  await noAppPrincipalFields(page);
  await page.close();
});

test('uniapp: the app principal uni-picker and 长期 uni-checkbox carry their paths; 护照 picked is read', async () => {
  const { page, state } = await openFixture(browser.context, UNIAPP);
  assert.equal(state, 'ready');
  await uniSwitch(page);
  await page.waitForSelector('#apManual #apName');
  await expectFields(page, UNIAPP_MANUAL_FIELDS.filter(([sel]) => /picker|checkbox/.test(sel)));
  await uniChoose(page, 'pkApCertType', '护照');
  await expectHint(page, 'app_principal.certificate_type', 'person_app_principal_mainland_id', { row: UNI_ROW });
  await uniChoose(page, 'pkApCertType', '居民身份证');
  await expectHint(page, 'app_principal.certificate_type', 'person_app_principal_mainland_id', { present: false });
  await page.close();
});

// --- 2. Ant Design 5 (React) -------------------------------------------------------------------

const ANT_ROW = '.ant-form-item';
const ANTD5 = '/wxamp/beian/variant-antd5';
/** Opens the ant-select holding input `#id` and clicks the option `text` in its portal. */
async function antChoose(page, id, text) {
  await page.locator(`.ant-select:has(#${id})`).click();
  await page.locator(`.ant-select-dropdown .ant-select-item-option[title="${text}"]`).click();
  await page.waitForFunction(([id, text]) => document.getElementById(id).closest('.ant-select')
    .querySelector('.ant-select-selection-item')?.title === text && !document.querySelector('.ant-select-dropdown'), [id, text]);
}
/** Goes to step 2 (小程序信息…), which React mounts on 下一步. */
async function antNext(page) {
  await page.locator('#next').click();
  await page.waitForSelector('#beian_appRemark');
}
const antSwitch = (page) => page.locator('#beian_reuse').click();

test('antd5: every control of step 1 (ant-select combobox inputs, RangePicker, radio buttons, uploads) carries its path', async () => {
  const { page, state } = await openFixture(browser.context, ANTD5);
  assert.equal(state, 'ready');
  await expectFields(page, ANTD5_FIELDS);
  await expectNoOtherPaths(page, ANTD5_FIELDS);
  await expectNoPath(page, '#beian_spCode', '短信验证码 is never a field');
  await page.close();
});

test('antd5: step 2 mounted by 下一步 (Checkbox.Group, ant-switch, uploads) carries its paths', async () => {
  const { page, state } = await openFixture(browser.context, ANTD5);
  assert.equal(state, 'ready');
  await antNext(page);
  await expectFields(page, ANTD5_STEP2_FIELDS);
  await expectNoOtherPaths(page, [...ANTD5_FIELDS, ...ANTD5_STEP2_FIELDS]);
  await page.close();
});

test('antd5: typed mistakes in the 主办单位 rows show in their ant-form-item and go away', async () => {
  const { page, state } = await openFixture(browser.context, ANTD5);
  assert.equal(state, 'ready');
  await expectFields(page, only(ANTD5_FIELDS, 'subject.certificate_number', 'subject.address'));
  await subjectMistakes(page, ANT_ROW);
  await page.close();
});

test('antd5: typed mistakes in the 主体负责人 rows (RangePicker inputs) show in their ant-form-item and go away', async () => {
  const { page, state } = await openFixture(browser.context, ANTD5);
  assert.equal(state, 'ready');
  await expectFields(page, textPairs(ANTD5_FIELDS, ...PERSON_TEXT('subject_principal')));
  await personMistakes(page, 'subject_principal', ANT_ROW);
  await page.close();
});

test('antd5: six service types ticked through their ant-checkbox-wrapper labels on step 2', async () => {
  const { page, state } = await openFixture(browser.context, ANTD5);
  assert.equal(state, 'ready');
  await antNext(page);
  await expectFields(page, only(ANTD5_STEP2_FIELDS, 'app.service_types'));
  await sixServiceTagsClicked(page, page.locator('#beian_serviceTypes label.ant-checkbox-wrapper'), ANT_ROW,
    () => page.locator('#beian_serviceTypes input:checked').count());
  await page.close();
});

test('antd5: 下一步 checks the step it leaves; the empty fields of the step it mounts are not flagged until 提交', async () => {
  const { page, state } = await openFixture(browser.context, ANTD5);
  assert.equal(state, 'ready');
  await antNext(page);
  await expectFields(page, only(ANTD5_STEP2_FIELDS, 'app.service_types', 'app.remark'));
  // A hint typed on step 2 proves the step has been checked since it mounted.
  await retype(page, 'app.remark', '无');
  await page.waitForFunction(() => document.querySelector('[data-beian-field="app.remark"]')?.getAttribute('aria-describedby'));
  assert.deepEqual(await hintsOf(page, 'app.service_types'), [], 'no service type chosen yet, and none flagged');
  await page.locator('button[type=submit]').click();
  await expectHint(page, 'app.service_types', 'app_service_types_required', { row: ANT_ROW });
  await page.close();
});

test('antd5: the ant-select choice is read from span.ant-select-selection-item (empty readonly combobox input)', async () => {
  const { page, state } = await openFixture(browser.context, ANTD5);
  assert.equal(state, 'ready');
  await expectFields(page, only(ANTD5_FIELDS, 'subject.certificate_type', 'subject.province', 'subject.certificate_number'));
  await antChoose(page, 'beian_certType', '事业单位法人证书');
  await expectHint(page, 'subject.certificate_type', 'subject_certificate_type_allowed', { row: ANT_ROW });
  await antChoose(page, 'beian_certType', '营业执照（个人或企业）');
  await expectHint(page, 'subject.certificate_type', 'subject_certificate_type_allowed', { present: false });
  await retype(page, 'subject.certificate_number', '91440300MA5G1K2P8N');
  await antChoose(page, 'beian_province', '北京市');
  await expectHint(page, 'subject.certificate_number', 'subject_uscc_region_mismatch', { row: ANT_ROW });
  await antChoose(page, 'beian_province', '广东省');
  await expectHint(page, 'subject.certificate_number', 'subject_uscc_region_mismatch', { present: false });
  await page.close();
});

test('antd5: 护照 chosen in the 负责人证件类型 ant-select lifts the ID-card checks', async () => {
  const { page, state } = await openFixture(browser.context, ANTD5);
  assert.equal(state, 'ready');
  await expectFields(page, only(ANTD5_FIELDS, 'subject_principal.certificate_type', 'subject_principal.certificate_number'));
  await retype(page, 'subject_principal.certificate_number', 'E12345678');
  await expectHintPrefix(page, 'subject_principal.certificate_number', 'person_id_');
  await antChoose(page, 'beian_spCertType', '护照');
  await expectHintPrefix(page, 'subject_principal.certificate_number', 'person_id_', false);
  await antChoose(page, 'beian_spCertType', '居民身份证');
  await expectHintPrefix(page, 'subject_principal.certificate_number', 'person_id_');
  await page.close();
});

test('antd5: ant-switch off then + 添加 mounts a Form.List entry whose fields carry app principal paths and hints; on again removes them', async () => {
  const { page, state } = await openFixture(browser.context, ANTD5);
  assert.equal(state, 'ready');
  await antNext(page);
  await antSwitch(page); // the switch's own path is checked in the step 2 test
  assert.equal(await page.locator('#beian_reuse').getAttribute('aria-checked'), 'false');
  await page.locator('#apAdd').click();
  await page.waitForSelector('#beian_appPrincipals_0_name');
  await expectFields(page, ANTD5_MANUAL_FIELDS);
  await expectNoOtherPaths(page, [...ANTD5_FIELDS, ...ANTD5_STEP2_FIELDS, ...ANTD5_MANUAL_FIELDS]);
  await mistakeAndFix(page, 'app_principal.certificate_number', 'person_id_checksum', '110105194912310021', '110101199003070011', { row: ANT_ROW });
  await emergencySame(page, 'app_principal', ANT_ROW, '13700137000', '13600136000');
  await mistakeAndFix(page, 'app_principal.email', 'person_email_format', 'li@163', 'li@163.com', { row: ANT_ROW });
  await validityReversed(page, 'app_principal', ANT_ROW);
  await antChoose(page, 'beian_appPrincipals_0_certType', '护照');
  await expectHint(page, 'app_principal.certificate_type', 'person_app_principal_mainland_id', { row: ANT_ROW });
  await antChoose(page, 'beian_appPrincipals_0_certType', '居民身份证');
  await expectHint(page, 'app_principal.certificate_type', 'person_app_principal_mainland_id', { present: false });
  await antSwitch(page);
  await noAppPrincipalFields(page);
  await page.close();
});

// --- 3. Legacy server-rendered page ------------------------------------------------------------

const OLD_ROW = 'p, td';
const LEGACY = '/wxamp/beian/variant-legacy';

test('legacy: every control (span.lbl + <br>, <b> in <td>, bare radio text, title-only dates) carries its path', async () => {
  const { page, state } = await openFixture(browser.context, LEGACY);
  assert.equal(state, 'ready');
  await expectFields(page, LEGACY_FIELDS);
  // The 手动填写 block is display:none at first; marking it early is not a mistake.
  await expectNoOtherPaths(page, [...LEGACY_FIELDS, ...LEGACY_MANUAL_FIELDS]);
  await expectNoPath(page, 'input[name=yzm]', '短信验证码 is never a field');
  await page.close();
});

test('legacy: typed mistakes in the 主办单位 rows (span.lbl and <b> labels) show in their row and go away', async () => {
  const { page, state } = await openFixture(browser.context, LEGACY);
  assert.equal(state, 'ready');
  await expectFields(page, only(LEGACY_FIELDS, 'subject.certificate_number', 'subject.address'));
  await subjectMistakes(page, OLD_ROW);
  await page.close();
});

test('legacy: typed mistakes in the 主体负责人 rows (title-only dates, <td> phones) show in their row and go away', async () => {
  const { page, state } = await openFixture(browser.context, LEGACY);
  assert.equal(state, 'ready');
  await expectFields(page, textPairs(LEGACY_FIELDS, 'subject_principal.certificate_number', 'subject_principal.mobile', 'subject_principal.emergency_mobile', 'subject_principal.email'));
  await mistakeAndFix(page, 'subject_principal.certificate_number', 'person_id_checksum', '110105194912310021', '11010519491231002X', { row: OLD_ROW });
  await mistakeAndFix(page, 'subject_principal.mobile', 'person_mobile_format', '1380013800', '13800138000', { row: OLD_ROW });
  await emergencySame(page, 'subject_principal', OLD_ROW);
  await mistakeAndFix(page, 'subject_principal.email', 'person_email_format', 'zhangsan@example', 'zhangsan@example.com', { row: OLD_ROW });
  // The dates are named only by their title attribute (证件有效期开始日期 / 证件有效期截止日期).
  await expectFields(page, textPairs(LEGACY_FIELDS, 'subject_principal.validity_start', 'subject_principal.validity_end'));
  await validityReversed(page, 'subject_principal', OLD_ROW);
  await page.close();
});

test('legacy: six service types ticked (checkbox + bare text + <br>)', async () => {
  const { page, state } = await openFixture(browser.context, LEGACY);
  assert.equal(state, 'ready');
  await expectFields(page, only(LEGACY_FIELDS, 'app.service_types'));
  await sixServiceTagsClicked(page, page.locator('input[name=fwnr]'), OLD_ROW,
    () => page.locator('input[name=fwnr]:checked').count());
  await page.close();
});

test('legacy: the --请选择-- selects and bare-text radios are read (证件类型 vs 性质, province vs credit code)', async () => {
  const { page, state } = await openFixture(browser.context, LEGACY);
  assert.equal(state, 'ready');
  await expectFields(page, only(LEGACY_FIELDS, 'subject.certificate_type', 'subject.nature', 'subject.province', 'subject.certificate_number'));
  await page.locator('select[name=zjlx]').selectOption('事业单位法人证书');
  await expectHint(page, 'subject.certificate_type', 'subject_certificate_type_allowed', { row: OLD_ROW });
  await page.locator('input[name=dwxz][value=事业单位]').check();
  await expectHint(page, 'subject.certificate_type', 'subject_certificate_type_allowed', { present: false });
  await page.locator('input[name=dwxz][value=企业]').check();
  await page.locator('select[name=zjlx]').selectOption('营业执照（个人或企业）');
  await retype(page, 'subject.certificate_number', '91440300MA5G1K2P8N');
  await page.locator('select[name=province]').selectOption('北京市');
  await expectHint(page, 'subject.certificate_number', 'subject_uscc_region_mismatch', { row: OLD_ROW });
  await page.locator('select[name=province]').selectOption('广东省');
  await expectHint(page, 'subject.certificate_number', 'subject_uscc_region_mismatch', { present: false });
  await page.close();
});

test('legacy: the 手动填写 radio shows the display:none block whose fields carry app principal paths and hints; 复用 hides them', async () => {
  const { page, state } = await openFixture(browser.context, LEGACY);
  assert.equal(state, 'ready');
  await expectFields(page, only(LEGACY_FIELDS, 'app_principal.'));
  await page.locator('input[name=wzfzrly][value="2"]').check();
  await expectFields(page, LEGACY_MANUAL_FIELDS.filter(([sel]) => !/checkbox/.test(sel)));
  await expectNoOtherPaths(page, [...LEGACY_FIELDS, ...LEGACY_MANUAL_FIELDS]);
  await mistakeAndFix(page, 'app_principal.certificate_number', 'person_id_checksum', '110105194912310021', '110101199003070011', { row: OLD_ROW });
  await emergencySame(page, 'app_principal', OLD_ROW, '13700137000', '13600136000');
  await mistakeAndFix(page, 'app_principal.email', 'person_email_format', 'li@163', 'li@163.com', { row: OLD_ROW });
  await validityReversed(page, 'app_principal', OLD_ROW);
  await page.locator('select[name=wzfzrzjlx]').selectOption('护照');
  await expectHint(page, 'app_principal.certificate_type', 'person_app_principal_mainland_id', { row: OLD_ROW });
  await page.locator('select[name=wzfzrzjlx]').selectOption('居民身份证');
  await expectHint(page, 'app_principal.certificate_type', 'person_app_principal_mainland_id', { present: false });
  // 复用 hides the block again (display:none, still in the DOM, as it was at load): no app principal
  // hint may stay visible.
  await retype(page, 'app_principal.email', 'li@163');
  await expectHint(page, 'app_principal.email', 'person_email_format', { row: OLD_ROW });
  await page.locator('input[name=wzfzrly][value="1"]').check();
  await page.waitForFunction(() => ![...document.querySelectorAll('[data-beian-field^="app_principal."]')]
    .flatMap((f) => (f.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean))
    .map((id) => document.getElementById(id)).some((h) => h?.hasAttribute('data-beian-rule') && h.getClientRects().length > 0),
  null, { timeout: 5000 }).catch(() => assert.fail('an app principal hint is still visible after 复用'));
  await page.close();
});

test('legacy: the 长期 checkboxes (an input followed by the text node 长期) carry validity_end', async () => {
  const { page, state } = await openFixture(browser.context, LEGACY);
  assert.equal(state, 'ready');
  await page.locator('input[name=wzfzrly][value="2"]').check();
  await expectFields(page, [...LEGACY_FIELDS, ...LEGACY_MANUAL_FIELDS].filter(([sel]) => /checkbox/.test(sel)));
  await page.close();
});
