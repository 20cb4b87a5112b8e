// Field discovery on the official form's own design system (weui-desktop) re-wrapped as a later
// redesign of the WeChat admin might render it, written without looking at the discovery code:
//   A. div.weui-desktop-form__item rows, label-left in 主办单位 / 小程序 / 材料 and label-top in the
//      person sections; labels in <label>, <h4> or <strong>; 3–4 wrapper divs around inputs; help
//      icons (<i class="weui-desktop-icon-help" title>) and long help paragraphs between label and
//      control; 证件有效期 as two date inputs + a 长期 check-label; 服务内容标识 as a tag picker
//      (span.weui-desktop-tag chips toggling weui-desktop-tag_selected, no input, no aria);
//      前置审批 weui-desktop checkboxes with 审批号 inputs; 手动填写 renders the 小程序负责人 rows.
//   B. the original control-group rows, but the 主体负责人 rows have NO label, only a placeholder;
//      the 小程序信息 + 小程序负责人信息 step rendered 1.5 s after load by an SPA route change
//      (history.pushState + innerHTML); 手动填写 (weui-desktop radio) renders the manual rows.
// For each: every control carries its contracts.md §1 path, typed mistakes give the right hint in
// the field's row and go away when fixed, and 手动填写 reveals the app principal fields.
// Run: cargo xtask build --content-only && node --test tests/e2e/variants-weuidesk.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openFixture } from './harness.mjs';
import {
  emergencySame, expectFields, expectHint, expectNoOtherPaths, expectNoPath, mistakeAndFix, noAppPrincipalFields, only, PERSON_TEXT, personMistakes, sixServiceTagsClicked, subjectMistakes, textPairs, validityReversed, variantBrowser,
} from './variant-checks.mjs';
import {
  WEUIDESK_A_FIELDS, WEUIDESK_A_MANUAL_FIELDS, WEUIDESK_B_FIELDS, WEUIDESK_B_LATE_FIELDS, WEUIDESK_B_MANUAL_FIELDS,
} from '../shared/variant-scenarios.mjs';

const browser = variantBrowser();

/** Clicks the weui-desktop check-label whose text is `text` (radio or checkbox). */
const clickCheck = (page, text) => page.locator('label.weui-desktop-form__check-label', { hasText: text }).first().click();

// --- A. weui-desktop-form__item rows, label-top / label-left, tag picker -------------------------

const A_ROW = '.weui-desktop-form__item';
const openA = () => openFixture(browser.context, '/wxamp/beian/variant-weuidesk-a');

test('weuidesk-a: every control (h4/strong labels, deep wrappers, help paragraphs, tag chips) carries its path', async () => {
  const { page, state } = await openA();
  assert.equal(state, 'ready');
  await expectFields(page, WEUIDESK_A_FIELDS);
  await expectNoOtherPaths(page, WEUIDESK_A_FIELDS);
  await expectNoPath(page, 'input[name=spCode]', '验证码 is never a field');
  await page.close();
});

test('weuidesk-a: typed mistakes in the label-left 主办单位 rows (help paragraph between label and input) show in their row and go away', async () => {
  const { page, state } = await openA();
  assert.equal(state, 'ready');
  await expectFields(page, only(WEUIDESK_A_FIELDS, 'subject.certificate_number', 'subject.address'));
  await subjectMistakes(page, A_ROW);
  await page.close();
});

test('weuidesk-a: typed mistakes in the label-top 主体负责人 rows show in their row and go away', async () => {
  const { page, state } = await openA();
  assert.equal(state, 'ready');
  await expectFields(page, textPairs(WEUIDESK_A_FIELDS, ...PERSON_TEXT('subject_principal')).filter(([sel]) => !/Long/.test(sel)));
  await mistakeAndFix(page, 'subject_principal.certificate_number', 'person_id_checksum', '110105194912310021', '11010519491231002X', { row: A_ROW });
  await emergencySame(page, 'subject_principal', A_ROW);
  await validityReversed(page, 'subject_principal', A_ROW);
  await page.close();
});

test('weuidesk-a: six service types picked as span.weui-desktop-tag chips (class toggle, no input, no aria)', async () => {
  const { page, state } = await openA();
  assert.equal(state, 'ready');
  await expectFields(page, only(WEUIDESK_A_FIELDS, 'app.service_types'));
  await sixServiceTagsClicked(page, page.locator('#svcTags .weui-desktop-tag'), A_ROW,
    () => page.locator('#svcTags .weui-desktop-tag_selected').count());
  await page.close();
});

/** A one-pixel PNG, the approval document uploaded next to the 审批号. */
const PNG = { name: 'approval.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex') };

test('weuidesk-a: a 前置审批 item ticked without its 审批号 and document shows app_pre_approval_document; giving both removes it', async () => {
  const { page, state } = await openA();
  assert.equal(state, 'ready');
  await expectFields(page, only(WEUIDESK_A_FIELDS, 'app.pre_approvals'));
  await clickCheck(page, '新闻');
  await expectHint(page, 'app.pre_approvals', 'app_pre_approval_document', { row: A_ROW });
  // The 审批号 input and the upload sit in a div.approval-item__detail beside the checkbox's wrapper.
  await page.locator('#preItems .approval-item:nth-child(1) input[name=preNo]').pressSequentially('京新闻许可2026001', { delay: 5 });
  await page.locator('#preItems .approval-item:nth-child(1) input[name=preDoc]').setInputFiles(PNG);
  await expectHint(page, 'app.pre_approvals', 'app_pre_approval_document', { present: false });
  await page.close();
});

test('weuidesk-a: 手动填写 renders the label-top 小程序负责人 rows with paths and hints; 复用 removes them', async () => {
  const { page, state } = await openA();
  assert.equal(state, 'ready');
  await expectFields(page, only(WEUIDESK_A_FIELDS, 'app_principal.'));
  await clickCheck(page, '手动填写');
  await expectFields(page, WEUIDESK_A_MANUAL_FIELDS);
  await expectNoOtherPaths(page, [...WEUIDESK_A_FIELDS, ...WEUIDESK_A_MANUAL_FIELDS]);
  await expectNoPath(page, 'input[name=apCode]', '验证码 is never a field');
  await mistakeAndFix(page, 'app_principal.certificate_number', 'person_id_checksum', '110105194912310021', '110101199003070011', { row: A_ROW });
  await emergencySame(page, 'app_principal', A_ROW, '13700137000', '13600136000');
  await validityReversed(page, 'app_principal', A_ROW);
  await clickCheck(page, '复用主体负责人信息');
  await noAppPrincipalFields(page);
  await page.close();
});

// --- B. placeholder-only 主体负责人 rows, a late SPA route ------------------------------------------

const B_ROW = '.weui-desktop-form__control-group';
/** Opens page B and waits for the 小程序 route rendered 1.5 s after load. */
async function openBLate() {
  const opened = await openFixture(browser.context, '/wxamp/beian/variant-weuidesk-b');
  await opened.page.waitForSelector('input[name=apSource]', { timeout: 5000 });
  return opened;
}

test('weuidesk-b: every control (placeholder-only principal rows, the late 小程序 route) carries its path', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-weuidesk-b');
  assert.equal(state, 'ready');
  await expectFields(page, WEUIDESK_B_FIELDS);
  await expectNoPath(page, 'input[name=spCode]', '短信验证码 is never a field');
  await page.waitForSelector('input[name=apSource]', { timeout: 5000 });
  await expectFields(page, WEUIDESK_B_LATE_FIELDS);
  await expectNoOtherPaths(page, [...WEUIDESK_B_FIELDS, ...WEUIDESK_B_LATE_FIELDS]);
  await page.close();
});

test('weuidesk-b: typed mistakes in the 主办单位 rows show in their control-group and go away', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-weuidesk-b');
  assert.equal(state, 'ready');
  await expectFields(page, only(WEUIDESK_B_FIELDS, 'subject.certificate_number', 'subject.address'));
  await subjectMistakes(page, B_ROW);
  await page.close();
});

test('weuidesk-b: typed mistakes in the placeholder-only 主体负责人 rows show in their row and go away', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/variant-weuidesk-b');
  assert.equal(state, 'ready');
  await expectFields(page, textPairs(WEUIDESK_B_FIELDS, ...PERSON_TEXT('subject_principal')).filter(([sel]) => !/Long/.test(sel)));
  await personMistakes(page, 'subject_principal', B_ROW);
  await page.close();
});

test('weuidesk-b: six service types ticked in the late 小程序 route', async () => {
  const { page, state } = await openBLate();
  assert.equal(state, 'ready');
  await expectFields(page, only(WEUIDESK_B_LATE_FIELDS, 'app.service_types'));
  await sixServiceTagsClicked(page, page.locator('input[name=svc]'), B_ROW,
    () => page.locator('input[name=svc]:checked').count());
  await page.close();
});

test('weuidesk-b: 手动填写 in the late route renders the 小程序负责人 rows with paths and hints; 复用 removes them', async () => {
  const { page, state } = await openBLate();
  assert.equal(state, 'ready');
  await expectFields(page, only(WEUIDESK_B_LATE_FIELDS, 'app_principal.'));
  await clickCheck(page, '手动填写');
  await expectFields(page, WEUIDESK_B_MANUAL_FIELDS);
  await expectNoOtherPaths(page, [...WEUIDESK_B_FIELDS, ...WEUIDESK_B_LATE_FIELDS, ...WEUIDESK_B_MANUAL_FIELDS]);
  await expectNoPath(page, 'input[name=apCode]', '验证码 is never a field');
  await mistakeAndFix(page, 'app_principal.certificate_number', 'person_id_checksum', '110105194912310021', '110101199003070011', { row: B_ROW });
  await emergencySame(page, 'app_principal', B_ROW, '13700137000', '13600136000');
  await validityReversed(page, 'app_principal', B_ROW);
  await clickCheck(page, '复用主体负责人信息');
  await noAppPrincipalFields(page);
  await page.close();
});
