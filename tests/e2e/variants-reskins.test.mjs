// Field discovery on three re-skins of the filing form, written without looking at the discovery
// code or its synonym table (the way a changed admin page would arrive):
//   1. a CSS grid of custom elements (<wx-input> …): label and control in neighbouring grid cells,
//      decorated labels (（必填）, ? icons, separate *, ： / :, full-width spaces, 请与证件保持一致),
//      <fieldset>/<legend> groups, a placeholder-only address, a principal section rendered 2 s late;
//   2. an iView label-top form: labels above their controls, inputs 5+ <div>s deep, a field named
//      only by title=, labels to the right of their inputs, a placeholder-only e-mail, and a
//      placeholder-only 小程序负责人 section inserted by the 手动填写 radio;
//   3. an Ant Design Vue wizard whose step pane is re-rendered (innerHTML) on every step click,
//      ant-form-item-row rows with and without for=, antd comboboxes, placeholder-only phone and
//      e-mail rows, <fieldset>/<legend> groups and a textarea named only by title=.
// For each: every control carries its contracts.md §1 path, and typed mistakes give the right
// hint next to the right field, which goes away when the mistake is fixed.
// Run: cargo xtask build && node --test tests/e2e/variants-reskins.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openFixture, retype } from './harness.mjs';
import {
  emergencySame, expectFields, expectHint, expectNoOtherPaths, mistakeAndFix, noAppPrincipalFields, sixServiceTags, variantBrowser,
} from './variant-checks.mjs';
import {
  ANTDV_STEP1, ANTDV_STEP2, ANTDV_STEP3, GRID_FIELDS, GRID_LATE_FIELDS, IVIEW_FIELDS, IVIEW_MANUAL_FIELDS,
  IVIEW_RIGHT_FIELDS,
} from '../shared/variant-scenarios.mjs';

const browser = variantBrowser();

// --- 1. CSS grid of custom elements, a late section ---------------------------------------------

test('grid: CSS grid cells, custom elements, decorated labels, legends, a section rendered 2 s late', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-grid');
  assert.equal(state, 'ready');
  await expectFields(page, GRID_FIELDS);
  await expectFields(page, GRID_LATE_FIELDS, 8000);
  await expectNoOtherPaths(page, [...GRID_FIELDS, ...GRID_LATE_FIELDS]);
  assert.equal(await page.locator('input[name=sp-code]').getAttribute('data-beian-field'), null, '验证码 is never a field');

  const row = '.form-control';
  await mistakeAndFix(page, 'subject.certificate_number', 'subject_registration_number', '110108123456789', '91440300MA5G1K2P8N', { row });
  await mistakeAndFix(page, 'subject.address', 'subject_address_house_number', '粤海街道科技园路', '粤海街道科技园路1号A栋201室', { row });
  await mistakeAndFix(page, 'subject_principal.certificate_number', 'person_id_checksum', '110105194912310021', '11010519491231002X', { row });
  await emergencySame(page, 'subject_principal', row);
  await mistakeAndFix(page, 'subject_principal.email', 'person_email_typo', 'zhangsan@qq.con', 'zhangsan@qq.com', { row });
  await sixServiceTags(page, '.form-fieldset');
  await page.close();
});

// --- 2. iView label-top form, title= and right-hand labels, 手动填写 ---------------------------

test('iview: iView labels above, deep nesting, title= only, placeholder-only e-mail and 手动填写 section', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-iview');
  assert.equal(state, 'ready');
  await expectFields(page, IVIEW_FIELDS);
  await expectNoOtherPaths(page, [...IVIEW_FIELDS, ...IVIEW_RIGHT_FIELDS]);

  const row = '.ivu-form-item';
  await mistakeAndFix(page, 'subject.certificate_number', 'subject_personal_id_invalid', '110105194912310021', '11010519491231002X', { row });
  await mistakeAndFix(page, 'subject.address', 'subject_address_house_number', '酒仙桥路', '酒仙桥路10号院3号楼', { row });
  await mistakeAndFix(page, 'subject_principal.certificate_number', 'person_id_checksum', '110105194912310021', '11010519491231002X', { row });
  await mistakeAndFix(page, 'subject_principal.email', 'person_email_typo', 'zhangsan@qq.con', 'zhangsan@qq.com', { row });
  await sixServiceTags(page, row);

  // 手动填写 inserts the app principal's placeholder-only fields; 复用 removes them again.
  await page.locator('.ivu-radio-wrapper', { hasText: '手动填写' }).click();
  await expectFields(page, IVIEW_MANUAL_FIELDS);
  await expectNoOtherPaths(page, [...IVIEW_FIELDS, ...IVIEW_RIGHT_FIELDS, ...IVIEW_MANUAL_FIELDS]);
  await mistakeAndFix(page, 'app_principal.certificate_number', 'person_id_checksum', '110105194912310021', '110101199003070011', { row });
  await emergencySame(page, 'app_principal', row, '13700137000', '13600136000');
  await mistakeAndFix(page, 'app_principal.email', 'person_email_typo', 'li@163.con', 'li@163.com', { row });
  await page.locator('.ivu-radio-wrapper', { hasText: '复用主体负责人信息' }).click();
  await noAppPrincipalFields(page);
  await page.close();
});

test('iview: labels to the right of their inputs, ID-card uploads under 上传身份证', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-iview');
  assert.equal(state, 'ready');
  await expectFields(page, IVIEW_RIGHT_FIELDS);
  await emergencySame(page, 'subject_principal', '.ivu-form-item');
  await page.close();
});

// --- 3. Ant Design Vue wizard, step pane re-rendered with innerHTML -----------------------------

test('antdv: Ant Design Vue wizard, every step click replaces the pane, placeholder-only and title-only fields', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-antdv');
  assert.equal(state, 'ready');
  const row = '.ant-form-item';
  await expectFields(page, ANTDV_STEP1);
  await expectNoOtherPaths(page, ANTDV_STEP1);
  await mistakeAndFix(page, 'subject.certificate_number', 'subject_registration_number', '110108123456789', '91440300MA5G1K2P8N', { row });

  await page.locator('.js-next').click();
  await expectFields(page, ANTDV_STEP2);
  await expectNoOtherPaths(page, ANTDV_STEP2);
  await mistakeAndFix(page, 'subject.address', 'subject_address_house_number', '粤海街道科技园路', '粤海街道科技园路1号A栋201室', { row });
  await mistakeAndFix(page, 'subject_principal.certificate_number', 'person_id_checksum', '110105194912310021', '11010519491231002X', { row });
  await emergencySame(page, 'subject_principal', row);
  await mistakeAndFix(page, 'subject_principal.email', 'person_email_typo', 'zhangsan@qq.con', 'zhangsan@qq.com', { row });

  await page.locator('.js-next').click();
  await expectFields(page, ANTDV_STEP3);
  await expectNoOtherPaths(page, ANTDV_STEP3);
  await sixServiceTags(page, '.ant-fieldset');

  // 上一步 renders step 2 again from the app's state: new controls, same paths; a typo typed now
  // shows on the new element.
  await page.locator('.js-prev').click();
  await expectFields(page, ANTDV_STEP2);
  await mistakeAndFix(page, 'subject_principal.email', 'person_email_typo', 'zhangsan@qq.con', 'zhangsan@qq.com', { row });
  await page.close();
});

test('antdv: a mistake the page restores on re-render is flagged on the new control', async () => {
  const { page } = await openFixture(browser.context, '/wxamp/beian/variant-antdv');
  await page.locator('.js-next').click();
  await expectFields(page, ANTDV_STEP2);
  await retype(page, 'subject_principal.email', 'zhangsan@qq.con');
  await expectHint(page, 'subject_principal.email', 'person_email_typo', { row: '.ant-form-item' });
  await page.locator('.js-next').click();
  await expectFields(page, ANTDV_STEP3);
  await page.locator('.js-prev').click();
  await expectFields(page, ANTDV_STEP2);
  assert.equal(await page.locator('input[name=spEmail]').inputValue(), 'zhangsan@qq.con', 'the page restored the value');
  await expectHint(page, 'subject_principal.email', 'person_email_typo', { row: '.ant-form-item' });
  await page.close();
});
