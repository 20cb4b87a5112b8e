// Field discovery on three more layouts of the filing form, written without looking at the
// discovery code, its synonym table or the other variant fixtures:
//   1. matrix: an in-house admin of tables. Step 1 is a key | value table whose key cells are
//      numbered (1. …), broken with <br> and starred with <sup>*</sup>; 下一步 builds a brand-new
//      <form> that replaces the old one, holding a person matrix (a first row of <th> column names
//      姓名 | 证件号码 | 手机号码 | 应急联系方式 | 电子邮箱, then one row per person whose first cell names
//      the person), a second matrix under a <thead> for 证件类型 / 有效期, and key | value tables
//      numbered (1) … and ① …; 上一步 builds step 1 again with the typed values restored;
//   2. columns: <fieldset>/<legend> sections with <span> row labels, and the 主体负责人信息 and
//      小程序负责人信息 as two flex columns side by side, each headed by its <h3>, with the same row
//      labels in both, cloned from a <template> 1.5 s after load;
//   3. implicit: weui-desktop-like rows where the <label> wraps its text and its control (text
//      before or after the control, pure-CSS floating labels), (选填)/(必填)/（非必填）, E-mail /
//      Email, "label:<em>*</em>" row labels, div dropdowns showing the chosen text, and a Vue-like
//      v-if that re-creates the 小程序负责人 fields on 手动填写, restoring what was typed.
// For each: every control carries its contracts.md §1 path, and typed mistakes give the right
// hint in the field's row, which goes away when the mistake is fixed.
// Run: cargo xtask build --content-only && node --test tests/e2e/variants-layouts.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openFixture, retype, field } from './harness.mjs';
import {
  emergencySame, expectFields, expectHint, expectNoOtherPaths, expectNoPath, mistakeAndFix, noAppPrincipalFields, only, sixServiceTags, validityReversed, variantBrowser,
} from './variant-checks.mjs';
import {
  COLUMNS_FIELDS, COLUMNS_LATE_FIELDS, IMPLICIT_FIELDS, IMPLICIT_MANUAL_FIELDS, MATRIX_STEP1_FIELDS,
  MATRIX_STEP2_FIELDS,
} from '../shared/variant-scenarios.mjs';

const browser = variantBrowser();

/** Another person (another ID number) typed with the subject principal's mobile: cross_mobile_shared, gone once it differs. */
async function sharedMobile(page, row) {
  await retype(page, 'subject_principal.certificate_number', '11010519491231002X');
  await retype(page, 'subject_principal.mobile', '13800138000');
  await retype(page, 'app_principal.certificate_number', '110101199003070011');
  await mistakeAndFix(page, 'app_principal.mobile', 'cross_mobile_shared', '13800138000', '13700137000', { row });
}

// --- 1. Tables: numbered key | value rows, person matrices, steps that replace the <form> -------

const MATRIX_ROW = 'tr';
/** Clicks the step button `label` and waits until the new <form> of step `n` replaced the old one. */
const toStep = async (page, label, n) => {
  await page.locator('#beian-form button', { hasText: label }).click();
  await page.waitForSelector(`form#beian-form[data-step="${n}"]`);
};

test('matrix: every control of the numbered key | value table of step 1 carries its path', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-matrix');
  assert.equal(state, 'ready');
  await expectFields(page, MATRIX_STEP1_FIELDS);
  await expectNoOtherPaths(page, MATRIX_STEP1_FIELDS);
  await page.close();
});

test('matrix: typed mistakes in the key | value table show in their <tr>', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-matrix');
  assert.equal(state, 'ready');
  await expectFields(page, only(MATRIX_STEP1_FIELDS, 'subject.certificate_number', 'subject.address'));
  await mistakeAndFix(page, 'subject.certificate_number', 'subject_registration_number', '110108123456789', '91440300MA5G1K2P8N', { row: MATRIX_ROW });
  await mistakeAndFix(page, 'subject.address', 'subject_address_house_number', '粤海街道科技园路', '粤海街道科技园路1号A栋201室', { row: MATRIX_ROW });
  await page.close();
});

test('matrix: 下一步 replaces the whole <form>; the (1)/① key | value tables of step 2 carry their paths', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-matrix');
  assert.equal(state, 'ready');
  await expectFields(page, MATRIX_STEP1_FIELDS);
  await toStep(page, '下一步', 2);
  assert.equal(await page.locator('input[name=certNo]').count(), 0, 'step 1 left the DOM');
  await expectFields(page, only(MATRIX_STEP2_FIELDS, 'app.', 'materials.'));
  await page.close();
});

test('matrix: every control of the person matrices (<th> column names, one row per person) carries its path', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-matrix');
  assert.equal(state, 'ready');
  await toStep(page, '下一步', 2);
  // Stray paths first (once the key | value tables are marked), so a gap in the list below hides nothing.
  await expectFields(page, only(MATRIX_STEP2_FIELDS, 'app.', 'materials.'));
  await expectNoOtherPaths(page, MATRIX_STEP2_FIELDS);
  await expectFields(page, MATRIX_STEP2_FIELDS);
  await page.close();
});

test('matrix: typed mistakes in the 主体负责人 row of the person matrix show in that <tr>', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-matrix');
  assert.equal(state, 'ready');
  await toStep(page, '下一步', 2);
  await expectFields(page, only(MATRIX_STEP2_FIELDS, 'subject_principal.certificate_number', 'subject_principal.mobile',
    'subject_principal.emergency_mobile', 'subject_principal.email'));
  await mistakeAndFix(page, 'subject_principal.certificate_number', 'person_id_checksum', '110105194912310021', '11010519491231002X', { row: MATRIX_ROW });
  await emergencySame(page, 'subject_principal', MATRIX_ROW);
  await mistakeAndFix(page, 'subject_principal.email', 'person_email_typo', 'zhangsan@qq.con', 'zhangsan@qq.com', { row: MATRIX_ROW });
  await page.close();
});

test('matrix: typed mistakes in the 小程序负责人 row show in that <tr>; the same mobile as the 主体负责人 row', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-matrix');
  assert.equal(state, 'ready');
  await toStep(page, '下一步', 2);
  await expectFields(page, only(MATRIX_STEP2_FIELDS, 'app_principal.certificate_number', 'app_principal.mobile',
    'app_principal.emergency_mobile', 'app_principal.email', 'subject_principal.certificate_number', 'subject_principal.mobile'));
  await mistakeAndFix(page, 'app_principal.certificate_number', 'person_id_checksum', '110105194912310021', '110101199003070011', { row: MATRIX_ROW });
  await emergencySame(page, 'app_principal', MATRIX_ROW, '13700137000', '13600136000');
  await mistakeAndFix(page, 'app_principal.email', 'person_email_typo', 'li@163.con', 'li@163.com', { row: MATRIX_ROW });
  await sharedMobile(page, MATRIX_ROW);
  await page.close();
});

test('matrix: a validity end before its start in the <thead> matrix, for either person', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-matrix');
  assert.equal(state, 'ready');
  await toStep(page, '下一步', 2);
  await expectFields(page, only(MATRIX_STEP2_FIELDS, 'subject_principal.validity', 'app_principal.validity'));
  await validityReversed(page, 'subject_principal', MATRIX_ROW);
  await validityReversed(page, 'app_principal', MATRIX_ROW);
  await page.close();
});

test('matrix: six service types ticked in the (3) row', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-matrix');
  assert.equal(state, 'ready');
  await toStep(page, '下一步', 2);
  await expectFields(page, only(MATRIX_STEP2_FIELDS, 'app.service_types'));
  await sixServiceTags(page, MATRIX_ROW);
  await page.close();
});

test('matrix: 上一步 builds step 1 again in a new <form>; the restored mistake shows without typing', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-matrix');
  assert.equal(state, 'ready');
  await expectFields(page, MATRIX_STEP1_FIELDS);
  await retype(page, 'subject.certificate_number', '110108123456789');
  await expectHint(page, 'subject.certificate_number', 'subject_registration_number', { row: MATRIX_ROW });
  await toStep(page, '下一步', 2);
  await toStep(page, '上一步', 1);
  await expectFields(page, MATRIX_STEP1_FIELDS);
  assert.equal(await page.locator('input[name=certNo]').inputValue(), '110108123456789');
  await expectNoOtherPaths(page, MATRIX_STEP1_FIELDS);
  await expectHint(page, 'subject.certificate_number', 'subject_registration_number', { row: MATRIX_ROW });
  await retype(page, 'subject.certificate_number', '91440300MA5G1K2P8N');
  await expectHint(page, 'subject.certificate_number', 'subject_registration_number', { present: false });
  await page.close();
});

// --- 2. <fieldset> sections, side-by-side 负责人 columns cloned 1.5 s late -----------------------

const COL_ROW = '.fm-row';

test('columns: every control of the <fieldset> sections and of the two late columns carries its path', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-columns');
  assert.equal(state, 'ready');
  await expectFields(page, COLUMNS_FIELDS);
  await expectFields(page, COLUMNS_LATE_FIELDS, 8000);
  await expectNoOtherPaths(page, [...COLUMNS_FIELDS, ...COLUMNS_LATE_FIELDS]);
  await expectNoPath(page, 'input[name=spCode]', '短信验证码 is never a field');
  await expectNoPath(page, 'input[name=apCode]', '短信验证码 is never a field');
  await page.close();
});

test('columns: typed mistakes in the 主办单位信息 fieldset show in their row', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-columns');
  assert.equal(state, 'ready');
  await expectFields(page, COLUMNS_FIELDS);
  await mistakeAndFix(page, 'subject.certificate_number', 'subject_registration_number', '110108123456789', '91440300MA5G1K2P8N', { row: COL_ROW });
  await mistakeAndFix(page, 'subject.address', 'subject_address_house_number', '粤海街道科技园路', '粤海街道科技园路1号A栋201室', { row: COL_ROW });
  await sixServiceTags(page, COL_ROW);
  await page.close();
});

test('columns: typed mistakes in the left column (主体负责人信息) show in their row', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-columns');
  assert.equal(state, 'ready');
  await expectFields(page, COLUMNS_LATE_FIELDS, 8000);
  await mistakeAndFix(page, 'subject_principal.certificate_number', 'person_id_checksum', '110105194912310021', '11010519491231002X', { row: COL_ROW });
  await emergencySame(page, 'subject_principal', COL_ROW);
  await mistakeAndFix(page, 'subject_principal.email', 'person_email_typo', 'zhangsan@qq.con', 'zhangsan@qq.com', { row: COL_ROW });
  await validityReversed(page, 'subject_principal', COL_ROW);
  await page.close();
});

test('columns: typed mistakes in the right column (小程序负责人信息) show in their row; a mobile shared across columns', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-columns');
  assert.equal(state, 'ready');
  await expectFields(page, COLUMNS_LATE_FIELDS, 8000);
  await mistakeAndFix(page, 'app_principal.certificate_number', 'person_id_checksum', '110105194912310021', '110101199003070011', { row: COL_ROW });
  await emergencySame(page, 'app_principal', COL_ROW, '13700137000', '13600136000');
  await mistakeAndFix(page, 'app_principal.email', 'person_email_typo', 'li@163.con', 'li@163.com', { row: COL_ROW });
  await validityReversed(page, 'app_principal', COL_ROW);
  await sharedMobile(page, COL_ROW);
  await page.close();
});

// --- 3. Implicit labels, weui-desktop dropdowns, a Vue-like v-if --------------------------------

const IMP_ROW = '.f-row';

test('implicit: every control of the implicit-label rows and div dropdowns carries its path', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-implicit');
  assert.equal(state, 'ready');
  await expectFields(page, only(IMPLICIT_FIELDS, 'materials.', 'app_principal.'));
  await expectNoOtherPaths(page, IMPLICIT_FIELDS);
  await expectNoPath(page, 'input[name=spCode]', '验证码 is never a field');
  await expectFields(page, IMPLICIT_FIELDS);
  await page.close();
});

test('implicit: typed mistakes in the 主办单位信息 rows (text before the input, floating label after it)', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-implicit');
  assert.equal(state, 'ready');
  await expectFields(page, only(IMPLICIT_FIELDS, 'subject.certificate_number', 'subject.address', 'app.service_types'));
  await mistakeAndFix(page, 'subject.certificate_number', 'subject_registration_number', '110108123456789', '91440300MA5G1K2P8N', { row: IMP_ROW });
  await mistakeAndFix(page, 'subject.address', 'subject_address_house_number', '粤海街道科技园路', '粤海街道科技园路1号A栋201室', { row: IMP_ROW });
  await sixServiceTags(page, IMP_ROW);
  await page.close();
});

test('implicit: typed mistakes in the 主体负责人信息 rows (E-mail, 自/至 dates)', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-implicit');
  assert.equal(state, 'ready');
  await expectFields(page, only(IMPLICIT_FIELDS, 'subject_principal.'));
  await mistakeAndFix(page, 'subject_principal.certificate_number', 'person_id_checksum', '110105194912310021', '11010519491231002X', { row: IMP_ROW });
  await emergencySame(page, 'subject_principal', IMP_ROW);
  await mistakeAndFix(page, 'subject_principal.email', 'person_email_typo', 'zhangsan@qq.con', 'zhangsan@qq.com', { row: IMP_ROW });
  await validityReversed(page, 'subject_principal', IMP_ROW);
  await page.close();
});

test('implicit: the v-if block created by 手动填写 carries its paths, and again after 复用 → 手动填写 with the typed value kept', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-implicit');
  assert.equal(state, 'ready');
  await expectFields(page, only(IMPLICIT_FIELDS, 'app_principal.'));
  await page.locator('input[name=apSource][value=manual]').check();
  await expectFields(page, IMPLICIT_MANUAL_FIELDS);
  await expectNoOtherPaths(page, [...IMPLICIT_FIELDS, ...IMPLICIT_MANUAL_FIELDS]);

  await retype(page, 'app_principal.certificate_number', '110105194912310021');
  await expectHint(page, 'app_principal.certificate_number', 'person_id_checksum', { row: IMP_ROW });

  await page.locator('input[name=apSource][value=reuse]').check();
  await noAppPrincipalFields(page);
  await page.locator('input[name=apSource][value=manual]').check();
  await expectFields(page, IMPLICIT_MANUAL_FIELDS);
  assert.equal(await page.locator('input[name=apNumber]').inputValue(), '110105194912310021', 'the page kept the typed value');
  // The re-created input got its value through the property, with no input event: still checked.
  await expectHint(page, 'app_principal.certificate_number', 'person_id_checksum', { row: IMP_ROW });
  await retype(page, 'app_principal.certificate_number', '110101199003070011');
  await expectHint(page, 'app_principal.certificate_number', 'person_id_checksum', { present: false });
  await page.close();
});

test('implicit: typed mistakes in the v-if block (floating labels, Email) show in their row', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-implicit');
  assert.equal(state, 'ready');
  await expectFields(page, only(IMPLICIT_FIELDS, 'app_principal.', 'subject_principal.'));
  await page.locator('input[name=apSource][value=manual]').check();
  await expectFields(page, IMPLICIT_MANUAL_FIELDS);
  await emergencySame(page, 'app_principal', IMP_ROW, '13700137000', '13600136000');
  await mistakeAndFix(page, 'app_principal.email', 'person_email_typo', 'li@163.con', 'li@163.com', { row: IMP_ROW });
  await validityReversed(page, 'app_principal', IMP_ROW);
  await sharedMobile(page, IMP_ROW);
  // Switching back and forth keeps the fields checked: the shared mobile shows again on re-creation.
  await retype(page, 'app_principal.mobile', '13800138000');
  await expectHint(page, 'app_principal.mobile', 'cross_mobile_shared', { row: IMP_ROW });
  await page.locator('input[name=apSource][value=reuse]').check();
  await noAppPrincipalFields(page);
  await page.locator('input[name=apSource][value=manual]').check();
  await expectFields(page, IMPLICIT_MANUAL_FIELDS);
  await expectHint(page, 'app_principal.mobile', 'cross_mobile_shared', { row: IMP_ROW });
  assert.equal(await field(page, 'app_principal.email').inputValue(), 'li@163.com');
  await page.close();
});
