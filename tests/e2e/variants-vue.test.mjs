// Field discovery on three re-skins of the filing form after real Vue component libraries, written
// without looking at the discovery code or its synonym table:
//   1. Element Plus 2.x: el-form label-position top / left / right; el-form-item labels that are a
//      <label for> only when one control registered its id (else a <div> and a role=group item);
//      el-select whose role=combobox input is readonly and EMPTY (the choice is the <span> of
//      .el-select__placeholder, the options in a teleported popper); el-radio-button and
//      el-checkbox-group with hidden native inputs and label for= the group div; a daterange
//      el-date-picker; el-autocomplete; el-switch; el-upload inputs name=file display:none; the
//      主体负责人信息 el-collapse item mounted on first expand;
//   2. Naive UI 2.x: label.n-form-item-label without for=; n-input with a .n-input__placeholder
//      div; n-select as div.n-base-selection with no input and no role; n-checkbox as
//      div[role=checkbox] with no input (service types, 前置审批, 长期, 已加盖公章); n-radio; n-switch
//      div[role=switch]; daterange n-date-picker; n-upload; n-grid cells; a row with no label;
//   3. Vant 4 mobile H5: van-field rows, readonly picker fields whose value Vue writes through the
//      value property (no event), van-checkbox / van-radio divs without inputs, van-switch, van-
//      uploader, van-cell-group titles as section headings.
// For each: every control carries its contracts.md §1 path, typed mistakes give the right hint in
// the field's row and go away when fixed, the 手动填写 switch reveals the app principal fields, and a
// value chosen in a div select / picker is read.
// Run: cargo xtask build --content-only && node --test tests/e2e/variants-vue.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openFixture, retype } from './harness.mjs';
import {
  emergencySame, expectFields, expectHint, expectNoOtherPaths, expectNoPath, mistakeAndFix, noAppPrincipalFields, only, PERSON_TEXT, sixServiceTagsClicked, textPairs, validityReversed, variantBrowser,
} from './variant-checks.mjs';
import {
  ELEMENTPLUS_COLLAPSE_FIELDS, ELEMENTPLUS_FIELDS, ELEMENTPLUS_MANUAL_FIELDS, NAIVE_FIELDS, NAIVE_MANUAL_FIELDS,
  VANT_FIELDS, VANT_MANUAL_FIELDS,
} from '../shared/variant-scenarios.mjs';

const browser = variantBrowser();

// --- 1. Element Plus ---------------------------------------------------------------------------

const EP_ROW = '.el-form-item';
const epExpand = (page) => page.locator('.el-collapse-item__header', { hasText: '主体负责人信息' }).click();
/** Opens the el-select owning input `#id` and clicks the option `text` in its teleported popper. */
async function epChoose(page, id, text) {
  await page.locator(`.el-select:has(#${id}) .el-select__wrapper`).click();
  await page.locator('.el-select__popper:visible').getByRole('option', { name: text, exact: true }).click();
  await page.waitForFunction(([id, text]) => document.getElementById(id).closest('.el-select')
    .querySelector('.el-select__placeholder').textContent === text, [id, text]);
}

test('elementplus: every control of the top- and right-labelled forms carries its path', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-elementplus');
  assert.equal(state, 'ready');
  assert.equal(await page.locator('#el-id-4807-45').count(), 0, 'the collapse item is not mounted yet');
  await expectFields(page, ELEMENTPLUS_FIELDS);
  await expectNoOtherPaths(page, ELEMENTPLUS_FIELDS);
  await page.close();
});

test('elementplus: the 主体负责人信息 collapse item mounts its label-left rows on first expand, each with its path', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-elementplus');
  assert.equal(state, 'ready');
  await epExpand(page);
  await expectFields(page, ELEMENTPLUS_COLLAPSE_FIELDS);
  await expectNoOtherPaths(page, [...ELEMENTPLUS_FIELDS, ...ELEMENTPLUS_COLLAPSE_FIELDS]);
  await expectNoPath(page, '#el-id-4807-55', '短信验证码 is never a field');
  await page.close();
});

test('elementplus: typed mistakes in 主办单位信息 show in their el-form-item and go away; six service types', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-elementplus');
  assert.equal(state, 'ready');
  await expectFields(page, only(ELEMENTPLUS_FIELDS, 'subject.certificate_number', 'subject.address', 'app.service_types'));
  await mistakeAndFix(page, 'subject.certificate_number', 'subject_registration_number', '110108123456789', '91440300MA5G1K2P8N', { row: EP_ROW });
  await mistakeAndFix(page, 'subject.address', 'subject_address_house_number', '粤海街道科技园路', '粤海街道科技园路1号A栋201室', { row: EP_ROW });
  await sixServiceTagsClicked(page, page.locator('#el-id-4807-75 .el-checkbox'), EP_ROW,
    () => page.locator('#el-id-4807-75 .el-checkbox.is-checked').count());
  await page.close();
});

test('elementplus: typed mistakes in the collapse item (主体负责人信息) show in their el-form-item and go away', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-elementplus');
  assert.equal(state, 'ready');
  await epExpand(page);
  await expectFields(page, textPairs(ELEMENTPLUS_COLLAPSE_FIELDS, ...PERSON_TEXT('subject_principal')));
  await mistakeAndFix(page, 'subject_principal.certificate_number', 'person_id_checksum', '110105194912310021', '11010519491231002X', { row: EP_ROW });
  await emergencySame(page, 'subject_principal', EP_ROW);
  await mistakeAndFix(page, 'subject_principal.email', 'person_email_typo', 'zhangsan@qq.con', 'zhangsan@qq.com', { row: EP_ROW });
  await validityReversed(page, 'subject_principal', EP_ROW);
  await page.close();
});

test('elementplus: the el-select choice is read from its label <span>, not from its empty combobox input', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-elementplus');
  assert.equal(state, 'ready');
  await expectFields(page, only(ELEMENTPLUS_FIELDS, 'subject.nature', 'subject.certificate_type'));
  // A 企业 cannot file with a 事业单位法人证书 …
  await epChoose(page, 'el-id-4807-21', '事业单位法人证书');
  await expectHint(page, 'subject.certificate_type', 'subject_certificate_type_allowed', { row: EP_ROW });
  await epChoose(page, 'el-id-4807-21', '营业执照（个人或企业）');
  await expectHint(page, 'subject.certificate_type', 'subject_certificate_type_allowed', { present: false });
  // … nor a 事业单位 with the business licence the select shows.
  await page.locator('label.el-radio-button', { hasText: '事业单位' }).click();
  await expectHint(page, 'subject.certificate_type', 'subject_certificate_type_allowed', { row: EP_ROW });
  await expectFields(page, [['#el-id-4807-21', 'subject.certificate_type']]);
  await page.close();
});

test('elementplus: turning the 复用 el-switch off renders the app principal rows with hints; on again removes them', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-elementplus');
  assert.equal(state, 'ready');
  await expectFields(page, only(ELEMENTPLUS_FIELDS, 'app_principal.'));
  await page.locator('.el-switch .el-switch__core').click();
  await expectFields(page, ELEMENTPLUS_MANUAL_FIELDS);
  await expectNoOtherPaths(page, [...ELEMENTPLUS_FIELDS, ...ELEMENTPLUS_MANUAL_FIELDS]);
  await mistakeAndFix(page, 'app_principal.certificate_number', 'person_id_checksum', '110105194912310021', '110101199003070011', { row: EP_ROW });
  await emergencySame(page, 'app_principal', EP_ROW, '13700137000', '13600136000');
  await mistakeAndFix(page, 'app_principal.email', 'person_email_typo', 'li@163.con', 'li@163.com', { row: EP_ROW });
  await validityReversed(page, 'app_principal', EP_ROW);
  await page.locator('.el-switch .el-switch__core').click();
  await noAppPrincipalFields(page);
  await page.close();
});

test('elementplus: a passport chosen in the app principal el-select is read (face verification needs an ID card)', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-elementplus');
  assert.equal(state, 'ready');
  await page.locator('.el-switch .el-switch__core').click();
  await expectFields(page, only(ELEMENTPLUS_MANUAL_FIELDS, 'app_principal.certificate_type'));
  await epChoose(page, 'el-id-4807-83', '护照');
  await expectHint(page, 'app_principal.certificate_type', 'person_app_principal_mainland_id', { row: EP_ROW });
  await epChoose(page, 'el-id-4807-83', '居民身份证');
  await expectHint(page, 'app_principal.certificate_type', 'person_app_principal_mainland_id', { present: false });
  await page.close();
});

// --- 2. Naive UI ---------------------------------------------------------------------------------

const NV_ROW = '.n-form-item';
/** Opens the n-select (a div, no input) matching `selector` and clicks the option `text` in its menu. */
async function naiveChoose(page, selector, text) {
  await page.locator(selector).click();
  await page.locator('.n-base-select-menu .n-base-select-option__content').getByText(text, { exact: true }).click();
  await page.waitForFunction(([selector, text]) => document.querySelector(selector)
    ?.querySelector('.n-base-selection-input__content')?.textContent === text, [selector, text]);
}
const naiveSwitch = (page) => page.locator('#app-principal-card .n-switch').click();

test('naive: every control (n-select divs, role=checkbox divs, the unlabelled row) carries its path', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-naive');
  assert.equal(state, 'ready');
  await expectFields(page, NAIVE_FIELDS);
  await expectNoOtherPaths(page, NAIVE_FIELDS);
  await expectNoPath(page, '#principal-card .n-grid > :nth-child(7) .n-input__input-el', '验证码 is never a field');
  await page.close();
});

test('naive: typed mistakes show in their n-form-item and go away when fixed', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-naive');
  assert.equal(state, 'ready');
  await expectFields(page, textPairs(NAIVE_FIELDS, 'subject.certificate_number', 'subject.address', ...PERSON_TEXT('subject_principal')));
  await mistakeAndFix(page, 'subject.certificate_number', 'subject_registration_number', '110108123456789', '91440300MA5G1K2P8N', { row: NV_ROW });
  await mistakeAndFix(page, 'subject.address', 'subject_address_house_number', '粤海街道科技园路', '粤海街道科技园路1号A栋201室', { row: NV_ROW });
  await mistakeAndFix(page, 'subject_principal.certificate_number', 'person_id_checksum', '110105194912310021', '11010519491231002X', { row: NV_ROW });
  await emergencySame(page, 'subject_principal', NV_ROW);
  await mistakeAndFix(page, 'subject_principal.email', 'person_email_typo', 'zhangsan@qq.con', 'zhangsan@qq.com', { row: NV_ROW });
  await validityReversed(page, 'subject_principal', NV_ROW);
  await page.close();
});

test('naive: a row named only by a placeholder drawn as an element keeps its path once typing removes it', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-naive');
  assert.equal(state, 'ready');
  const address = page.locator('[data-beian-field="subject.address"]');
  // A build of the component that draws the placeholder only as the .n-input__placeholder element
  // (no placeholder attribute): the label-less 通讯地址 row is named by that element alone.
  await address.evaluate((el) => {
    el.removeAttribute('placeholder');
    el.closest('.n-form-item').classList.add('n-form-item--drawn'); // a DOM change: rescan
  });
  await page.waitForTimeout(500);
  assert.equal(await address.getAttribute('data-beian-field'), 'subject.address', 'named by the drawn placeholder');
  // Typing removes the drawn placeholder (the page's own handler): the field is still 通讯地址.
  await retype(page, 'subject.address', '粤海街道科技园路');
  assert.equal(await page.locator('#subject-card .n-form-item--drawn .n-input__placeholder').count(), 0);
  await page.waitForTimeout(500); // past the rescan the removal caused
  await expectHint(page, 'subject.address', 'subject_address_house_number', { row: NV_ROW });
  await retype(page, 'subject.address', '粤海街道科技园路1号A栋201室');
  await expectHint(page, 'subject.address', 'subject_address_house_number', { present: false });
  await page.close();
});

test('naive: six service types ticked as n-checkbox divs (role=checkbox, no input)', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-naive');
  assert.equal(state, 'ready');
  await expectFields(page, only(NAIVE_FIELDS, 'app.service_types'));
  const boxes = page.locator('#app-card .n-form-item:nth-child(3) .n-checkbox');
  await sixServiceTagsClicked(page, boxes, NV_ROW, () => page.locator('#app-card .n-form-item:nth-child(3) .n-checkbox[aria-checked=true]').count());
  await page.close();
});

test('naive: a value chosen in an n-select (no input, no role) is read', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-naive');
  assert.equal(state, 'ready');
  const certType = '#subject-card .n-form-item:nth-child(3) .n-base-selection-label';
  await expectFields(page, only(NAIVE_FIELDS, 'subject.nature', 'subject.certificate_type'));
  await naiveChoose(page, certType, '事业单位法人证书');
  await expectHint(page, 'subject.certificate_type', 'subject_certificate_type_allowed', { row: NV_ROW });
  await naiveChoose(page, certType, '营业执照（个人或企业）');
  await expectHint(page, 'subject.certificate_type', 'subject_certificate_type_allowed', { present: false });
  await page.locator('#subject-card label.n-radio', { hasText: '事业单位' }).click();
  await expectHint(page, 'subject.certificate_type', 'subject_certificate_type_allowed', { row: NV_ROW });
  await expectFields(page, [[certType, 'subject.certificate_type']]);
  await page.close();
});

test('naive: turning the 复用 n-switch off renders every app principal control; on again removes them', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-naive');
  assert.equal(state, 'ready');
  await expectFields(page, only(NAIVE_FIELDS, 'app_principal.'));
  await naiveSwitch(page);
  await expectFields(page, textPairs(NAIVE_MANUAL_FIELDS, ...PERSON_TEXT('app_principal'), 'app_principal.name'));
  await expectNoOtherPaths(page, [...NAIVE_FIELDS, ...NAIVE_MANUAL_FIELDS]);
  await expectFields(page, NAIVE_MANUAL_FIELDS);
  await naiveSwitch(page);
  await noAppPrincipalFields(page);
  await page.close();
});

test('naive: typed mistakes in the 手动填写 rows show in their n-form-item', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-naive');
  assert.equal(state, 'ready');
  await naiveSwitch(page);
  await expectFields(page, textPairs(NAIVE_MANUAL_FIELDS, ...PERSON_TEXT('app_principal')));
  await mistakeAndFix(page, 'app_principal.certificate_number', 'person_id_checksum', '110105194912310021', '110101199003070011', { row: NV_ROW });
  await emergencySame(page, 'app_principal', NV_ROW, '13700137000', '13600136000');
  await mistakeAndFix(page, 'app_principal.email', 'person_email_typo', 'li@163.con', 'li@163.com', { row: NV_ROW });
  await validityReversed(page, 'app_principal', NV_ROW);
  await page.close();
});

test('naive: a passport chosen in the app principal n-select is read (face verification needs an ID card)', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-naive');
  assert.equal(state, 'ready');
  await naiveSwitch(page);
  const certType = NAIVE_MANUAL_FIELDS[0][0];
  await expectFields(page, [[certType, 'app_principal.certificate_type']]);
  await naiveChoose(page, certType, '护照');
  await expectHint(page, 'app_principal.certificate_type', 'person_app_principal_mainland_id', { row: NV_ROW });
  await naiveChoose(page, certType, '居民身份证');
  await expectHint(page, 'app_principal.certificate_type', 'person_app_principal_mainland_id', { present: false });
  await page.close();
});

// --- 3. Vant 4 mobile H5 -----------------------------------------------------------------------

const VT_ROW = '.van-cell';
/** Opens the readonly picker field `name`, clicks `values` (one per column) and 确认. */
async function vantPick(page, name, values) {
  await page.locator(`.van-field:has(input[name=${name}])`).click();
  const popup = page.locator('.van-popup--bottom:visible');
  const columns = popup.locator('.van-picker-column');
  for (let i = 0; i < values.length; i++) await columns.nth(i).getByText(values[i], { exact: true }).click();
  await popup.locator('.van-picker__confirm').click();
  await page.waitForFunction(([name, v]) => document.querySelector(`[name=${name}]`).value === v, [name, values.join('-')]);
}
/** A validity end before its start, both chosen in the van-date-picker; gone once the end is later. */
async function vantValidityReversed(page, prefix, person) {
  await vantPick(page, `${prefix}From`, ['2020', '03', '01']);
  await vantPick(page, `${prefix}To`, ['2019', '03', '01']);
  await expectHint(page, `${person}.validity_end`, 'person_validity_invalid', { row: VT_ROW });
  await vantPick(page, `${prefix}To`, ['2030', '03', '01']);
  await expectHint(page, `${person}.validity_end`, 'person_validity_invalid', { present: false });
}
/** Opens the page and waits for the draft the (simulated) API fills in 400 ms after mount. */
async function openVant() {
  const opened = await openFixture(browser.context, '/wxamp/beian/variant-vant');
  await opened.page.waitForFunction(() => document.querySelector('input[name=appid]')?.value === 'wx0123456789abcdef');
  return opened;
}

test('vant: every van-field, picker field, role=checkbox/radio and uploader carries its path', async () => {
  const { page, state } = await openVant();
  assert.equal(state, 'ready');
  await expectFields(page, VANT_FIELDS);
  await expectNoOtherPaths(page, VANT_FIELDS);
  await expectNoPath(page, 'input[name=spCode]', '验证码 is never a field');
  await page.close();
});

test('vant: typed mistakes show in their van-cell and go away when fixed', async () => {
  const { page, state } = await openVant();
  assert.equal(state, 'ready');
  await expectFields(page, textPairs(VANT_FIELDS, 'subject.certificate_number', 'subject.address', ...PERSON_TEXT('subject_principal')));
  await mistakeAndFix(page, 'subject.certificate_number', 'subject_registration_number', '110108123456789', '91440300MA5G1K2P8N', { row: VT_ROW });
  await mistakeAndFix(page, 'subject.address', 'subject_address_house_number', '粤海街道科技园路', '粤海街道科技园路1号A栋201室', { row: VT_ROW });
  await mistakeAndFix(page, 'subject_principal.certificate_number', 'person_id_checksum', '110105194912310021', '11010519491231002X', { row: VT_ROW });
  await emergencySame(page, 'subject_principal', VT_ROW);
  await mistakeAndFix(page, 'subject_principal.email', 'person_email_typo', 'zhangsan@qq.con', 'zhangsan@qq.com', { row: VT_ROW });
  await page.close();
});

test('vant: dates chosen in the van-date-picker (written through the value property) are checked', async () => {
  const { page, state } = await openVant();
  assert.equal(state, 'ready');
  await expectFields(page, textPairs(VANT_FIELDS, 'subject_principal.validity_start', 'subject_principal.validity_end'));
  await vantValidityReversed(page, 'sp', 'subject_principal');
  await page.close();
});

test('vant: six service types ticked as van-checkbox divs (role=checkbox, no input)', async () => {
  const { page, state } = await openVant();
  assert.equal(state, 'ready');
  await expectFields(page, only(VANT_FIELDS, 'app.service_types'));
  const boxes = page.locator('#g-app > .van-cell:nth-child(3) .van-checkbox');
  await sixServiceTagsClicked(page, boxes, VT_ROW, () => page.locator('#g-app > .van-cell:nth-child(3) .van-checkbox[aria-checked=true]').count());
  await page.close();
});

test('vant: the role=radio 主办者性质 is read (credit-code kind, allowed 证件类型 filled by the API)', async () => {
  const { page, state } = await openVant();
  assert.equal(state, 'ready');
  await expectFields(page, textPairs(VANT_FIELDS, 'subject.certificate_number', 'subject.certificate_type'));
  await retype(page, 'subject.certificate_number', '91440300MA5G1K2P8N'); // 91…: an enterprise's credit code
  await page.locator('#g-subject .van-radio', { hasText: '事业单位' }).click();
  await expectHint(page, 'subject.certificate_number', 'subject_uscc_kind_mismatch', { row: VT_ROW });
  // The business licence the API put into the readonly picker field is not allowed for 事业单位 either.
  await expectHint(page, 'subject.certificate_type', 'subject_certificate_type_allowed', { row: VT_ROW });
  await page.locator('#g-subject .van-radio', { hasText: '企业' }).first().click();
  await expectHint(page, 'subject.certificate_number', 'subject_uscc_kind_mismatch', { present: false });
  await expectHint(page, 'subject.certificate_type', 'subject_certificate_type_allowed', { present: false });
  await expectFields(page, [['#g-subject .van-radio:nth-child(1)', 'subject.nature']]);
  await page.close();
});

test('vant: turning the 复用 van-switch off renders the app principal fields; a passport picked is read; on again removes them', async () => {
  const { page, state } = await openVant();
  assert.equal(state, 'ready');
  await expectFields(page, only(VANT_FIELDS, 'app_principal.'));
  await page.locator('#g-app-principal .van-switch').click();
  await expectFields(page, VANT_MANUAL_FIELDS);
  await expectNoOtherPaths(page, [...VANT_FIELDS, ...VANT_MANUAL_FIELDS]);

  await mistakeAndFix(page, 'app_principal.certificate_number', 'person_id_checksum', '110105194912310021', '110101199003070011', { row: VT_ROW });
  await emergencySame(page, 'app_principal', VT_ROW, '13700137000', '13600136000');
  await mistakeAndFix(page, 'app_principal.email', 'person_email_typo', 'li@163.con', 'li@163.com', { row: VT_ROW });
  await vantValidityReversed(page, 'ap', 'app_principal');
  await vantPick(page, 'apCertType', ['护照']);
  await expectHint(page, 'app_principal.certificate_type', 'person_app_principal_mainland_id', { row: VT_ROW });
  await expectFields(page, [['input[name=apCertType]', 'app_principal.certificate_type']]);
  await vantPick(page, 'apCertType', ['居民身份证']);
  await expectHint(page, 'app_principal.certificate_type', 'person_app_principal_mainland_id', { present: false });

  await page.locator('#g-app-principal .van-switch').click();
  await noAppPrincipalFields(page);
  await page.close();
});
