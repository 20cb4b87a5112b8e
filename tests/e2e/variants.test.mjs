// Field discovery on variants of the filing form with other markup than the weui-desktop replicas:
// a table layout, Element-UI-like rows (split labels, helper text, label after the control,
// aria-labelledby / aria-label), <dl> lists with placeholder-only fields and a late antd section,
// and a pushState wizard with a steps bar. For each: every expected control carries its
// data-beian-field path, and typed mistakes give the right data-beian-rule hint next to the right
// field, which goes away when the mistake is fixed.
// Run: cargo xtask build && node --test tests/e2e/variants.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openFixture, field, hintsOf, retype } from './harness.mjs';
import { emergencySame, expectFields, expectHint, mistakeAndFix, sixServiceTags, variantBrowser } from './variant-checks.mjs';
import { ARIA_FIELDS, DL_FIELDS, DL_LATE_FIELDS, ELEMENT_FIELDS, TABLE_FIELDS } from '../shared/variant-scenarios.mjs';

const browser = variantBrowser();

// --- table layout ------------------------------------------------------------------------------

test('table layout: <th> labels, numbered <caption> and <th colspan> sections, two fields per row', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-table');
  assert.equal(state, 'ready');
  await expectFields(page, TABLE_FIELDS);
  assert.equal(await page.locator('input[name=sp-code]').getAttribute('data-beian-field'), null, '验证码 is never a field');
  const row = 'tr';
  await mistakeAndFix(page, 'subject.certificate_number', 'subject_registration_number', '110108123456789', '91110000600037341L', { row });
  await mistakeAndFix(page, 'subject_principal.certificate_number', 'person_id_checksum', '110105194912310021', '11010519491231002X', { row });

  await emergencySame(page, 'subject_principal', 'td');

  await mistakeAndFix(page, 'subject_principal.email', 'person_email_typo', 'zhangsan@qq.con', 'zhangsan@qq.com', { row });
  await mistakeAndFix(page, 'subject.address', 'subject_address_house_number', '粤海街道科技园路', '粤海街道科技园路1号A栋201室', { row });

  await sixServiceTags(page, row);
  await page.close();
});

// --- Element-UI-like rows ----------------------------------------------------------------------

test('Element-UI-like rows: split and annotated labels, label after the control, aria-labelledby, aria-label, rich-text editor', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-element');
  assert.equal(state, 'ready');
  await expectFields(page, ELEMENT_FIELDS);
  const row = '.el-form-item';
  await mistakeAndFix(page, 'subject.certificate_number', 'subject_uscc_invalid', '91110000600037341X', '91110000600037341L', { row });
  await mistakeAndFix(page, 'subject.address', 'subject_address_house_number', '粤海街道科技园路', '粤海街道科技园路1号', { row: '.input-col' });
  await mistakeAndFix(page, 'subject_principal.certificate_number', 'person_id_checksum', '110105194912310021', '11010519491231002X', { row });
  await mistakeAndFix(page, 'subject_principal.mobile', 'person_mobile_format', '1380013', '13800138000', { row });
  await mistakeAndFix(page, 'subject_principal.emergency_mobile', 'person_emergency_same', '13800138000', '13900139000', { row });
  await mistakeAndFix(page, 'subject_principal.email', 'person_email_format', 'zhang＠example.com', 'zhang@example.com', { row });

  // The rich-text editor: a template placeholder left in the app's 备注.
  await mistakeAndFix(page, 'app.remark', 'app_remark_placeholder', '本小程序为XXX公司员工提供记账、报销单据整理和月度收支统计服务', '本小程序为某某公司员工提供记账、报销单据整理和月度收支统计服务', { row });

  // 手动填写 shows the app principal: another person with the same mobile.
  await page.locator('.el-radio-button', { hasText: '手动填写' }).click();
  await field(page, 'app_principal.mobile').waitFor({ state: 'visible', timeout: 5000 });
  await retype(page, 'app_principal.certificate_number', '110101199003070011');
  await mistakeAndFix(page, 'app_principal.mobile', 'cross_mobile_shared', '13800138000', '13700137000', { row });
  await retype(page, 'app_principal.emergency_mobile', '13700137000');
  await expectHint(page, 'app_principal.emergency_mobile', 'person_emergency_same', { row });
  await page.close();
});

// --- <dl> lists, placeholder-only fields, a late antd section (personal filing) -----------------

test('<dl> lists, placeholder-only fields, tabs, an antd select; a principal section rendered 1.5 s later', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-dl');
  assert.equal(state, 'ready');
  await expectFields(page, DL_FIELDS);
  await mistakeAndFix(page, 'subject.certificate_number', 'subject_personal_id_invalid', '110105194912310021', '11010519491231002X', { row: 'dd' });
  await mistakeAndFix(page, 'subject.address', 'subject_address_house_number', '朝阳路', '朝阳路8号院3号楼', { row: 'dd' });

  // The late section.
  await expectFields(page, DL_LATE_FIELDS);
  const row = '.ant-form-item';
  await mistakeAndFix(page, 'subject_principal.certificate_number', 'person_id_checksum', '110105194912310021', '11010519491231002X', { row });
  await retype(page, 'subject_principal.mobile', '13800138000');
  await mistakeAndFix(page, 'subject_principal.emergency_mobile', 'person_emergency_same', '13800138000', '13900139000', { row });

  // The antd select's choice is read from the span it shows: a 港澳通行证 number is checked as one.
  assert.equal(await page.locator('#sp_type').evaluate((e) => !e.hasAttribute('data-beian-field') && e.closest('.ant-select [data-beian-field]')?.getAttribute('data-beian-field')),
    'subject_principal.certificate_type', 'the element showing the choice carries the field, not the filter input');
  await page.locator('#sp .ant-select').click();
  await page.locator('.ant-select-item', { hasText: '港澳居民来往内地通行证' }).click();
  await mistakeAndFix(page, 'subject_principal.certificate_number', 'person_permit_format', 'H1234', 'H12345678', { row });
  assert.deepEqual(await hintsOf(page, 'subject_principal.certificate_number'), [], 'not checked as an ID card number');

  // Placeholder-only app principal, in the second tab.
  await page.locator('[role=tab]', { hasText: '小程序负责人信息' }).click();
  await field(page, 'app_principal.mobile').waitFor({ state: 'visible', timeout: 5000 });
  await expectFields(page, DL_FIELDS);
  await mistakeAndFix(page, 'app_principal.mobile', 'person_mobile_format', '2380013800', '13700137000', { row });
  await emergencySame(page, 'app_principal', row, '13700137000', '13600136000');
  await mistakeAndFix(page, 'app_principal.email', 'person_email_typo', 'li@163.con', 'li@163.com', { row });
  await page.close();
});

// --- a pushState wizard with a steps bar -------------------------------------------------------

const WIZARD_STEP1 = [
  ['select[name=province]', 'subject.province'],
  ['select[name=city]', 'subject.city'],
  ['select[name=district]', 'subject.district'],
  ['input[name=nature][value=企业]', 'subject.nature'],
  ['select[name=cert-type]', 'subject.certificate_type'],
  ['input[name=uscc]', 'subject.certificate_number'],
];
const WIZARD_STEP2 = [
  ['input[name=org-name]', 'subject.name'],
  ['input[name=org-reg-address]', 'subject.certificate_address'],
  ['input[name=org-address]', 'subject.address'],
  ['input[name=sp-name]', 'subject_principal.name'],
  ['input[name=sp-number]', 'subject_principal.certificate_number'],
  ['input[name=sp-from]', 'subject_principal.validity_start'],
  ['input[name=sp-to]', 'subject_principal.validity_end'],
  ['input[name=sp-mobile]', 'subject_principal.mobile'],
  ['input[name=sp-emergency]', 'subject_principal.emergency_mobile'],
  ['input[name=sp-email]', 'subject_principal.email'],
];
const WIZARD_STEP3 = [
  ['input[value=wx0123456789abcdef]', 'app.appid'],
  ['input[value=某某记账]', 'app.name'],
  ['input[name=svc][value=工具-记账]', 'app.service_types'],
  ['input[name=pre][value=新闻]', 'app.pre_approvals'],
  ['textarea', 'app.remark'],
];
const WIZARD_MANUAL = [
  ['input[name=ap-name]', 'app_principal.name'],
  ['input[name=ap-number]', 'app_principal.certificate_number'],
  ['input[name=ap-mobile]', 'app_principal.mobile'],
  ['input[name=ap-emergency]', 'app_principal.emergency_mobile'],
  ['input[name=ap-email]', 'app_principal.email'],
];

test('a pushState wizard: a steps bar naming every section, steps rendered late, 手动填写 inserts fields', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-wizard');
  assert.equal(state, 'ready');
  const row = '.row';
  // Step 1 has no heading of its own: the active step of the bar names it.
  await expectFields(page, WIZARD_STEP1);
  await mistakeAndFix(page, 'subject.certificate_number', 'subject_registration_number', '110108123456789', '91440300MA5G1K2P8N', { row });

  await page.locator('.js-next').click();
  await page.waitForURL(/\/step2$/);
  await expectFields(page, WIZARD_STEP2);
  // A column of labels beside a column of inputs: each input has the label on its line, and its
  // hint right below it.
  await mistakeAndFix(page, 'subject.address', 'subject_address_house_number', '深南大道', '深南大道1001号', { row: '.col-values > div' });
  await mistakeAndFix(page, 'subject_principal.certificate_number', 'person_id_checksum', '110105194912310021', '11010519491231002X', { row });
  await retype(page, 'subject_principal.validity_start', '2020-05-01');
  await mistakeAndFix(page, 'subject_principal.validity_end', 'person_validity_invalid', '2010-05-01', '2040-05-01', { row });
  await retype(page, 'subject_principal.mobile', '13800138000');
  await mistakeAndFix(page, 'subject_principal.emergency_mobile', 'person_emergency_same', '13800138000', '13900139000', { row });

  // The browser's back button renders step 1 again; forward to step 2, then on to step 3.
  await page.goBack();
  await expectFields(page, WIZARD_STEP1);
  await page.goForward();
  await expectFields(page, WIZARD_STEP2);
  await retype(page, 'subject_principal.email', 'wang@gmial.com');
  await expectHint(page, 'subject_principal.email', 'person_email_typo', { row });

  await page.locator('.js-next').click();
  await page.waitForURL(/\/step3$/);
  await expectFields(page, WIZARD_STEP3);
  await sixServiceTags(page, row);

  assert.equal(await page.locator('[data-beian-field^="app_principal."]').count(), 0, 'no app principal before 手动填写');
  await page.locator('.js-manual').click();
  await expectFields(page, WIZARD_MANUAL);
  await mistakeAndFix(page, 'app_principal.certificate_number', 'person_id_checksum', '110105194912310021', '110101199003070011', { row });
  await mistakeAndFix(page, 'app_principal.email', 'person_email_format', 'li＠example.com', 'li@example.com', { row });
  await page.close();
});

test('sections named only by aria-label: no section name in the page text, the form is still found', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-aria');
  assert.equal(state, 'ready');
  await expectFields(page, ARIA_FIELDS);
  await field(page, 'subject.certificate_number').fill('110108123456789');
  await expectHint(page, 'subject.certificate_number', 'subject_registration_number');
  await field(page, 'subject_principal.certificate_number').fill('110105194912310021');
  await expectHint(page, 'subject_principal.certificate_number', 'person_id_checksum');
  await field(page, 'subject_principal.mobile').fill('13800138000');
  await field(page, 'subject_principal.emergency_mobile').fill('13800138000');
  await expectHint(page, 'subject_principal.emergency_mobile', 'person_emergency_same');
  await field(page, 'subject_principal.emergency_mobile').fill('13900139000');
  await expectHint(page, 'subject_principal.emergency_mobile', 'person_emergency_same', { present: false });
  await page.close();
});
