// Status-page fixtures and the stage event each must produce, shared by the Chromium suite
// (tests/e2e/stages*.test.mjs) and the Firefox suite (tests/firefox/stages.test.mjs).
// One fixture per stage (tests/fixtures/status-<stage with dashes>.html); appids follow the
// fixtures (wx + 16 hex digits, 0x1000 + index), names 测试小程序01…11.

export const STAGE_CASES = [
  { stage: 'draft', text: '待提交' },
  { stage: 'platform_review', text: '平台审核中' },
  { stage: 'platform_rejected', text: '平台审核驳回', reason: /应急联系电话/ },
  { stage: 'sms_verification', text: '待短信核验' },
  { stage: 'bureau_review', text: '管局审核中' },
  { stage: 'bureau_rejected', text: '管局审核驳回', reason: /门牌号/ },
  { stage: 'filed', text: '已备案', number: '粤ICP备2026041617号-1X' },
  { stage: 'change_review', text: '变更备案审核中', number: '粤ICP备2026041617号-1X' },
  { stage: 'cancelling', text: '注销中' },
  { stage: 'cancelled', text: '已注销' },
  { stage: 'withdrawn', text: '已撤回' },
].map((c, i) => ({
  ...c,
  appid: `wx${(0x1000 + i).toString(16).padStart(16, '0')}`,
  name: `测试小程序${String(i + 1).padStart(2, '0')}`,
  fixture: `status-${c.stage.replaceAll('_', '-')}.html`,
  path: `/wxamp/beian/status-${c.stage}`,
}));

/** An admin page without a filing status: nothing may be recorded for its appid. */
export const UNRELATED_STATUS = { fixture: 'status-unrelated.html', path: '/wxamp/versions', appid: 'wx00000000000fffff' };

/** Routes serving every status fixture (for either harness). */
export const STAGE_ROUTES = Object.fromEntries([
  ...STAGE_CASES.map((c) => [c.path, c.fixture]),
  [UNRELATED_STATUS.path, UNRELATED_STATUS.fixture],
]);

/** Asserts the shape every stored page event must have (`assert` is node:assert/strict). */
export function assertPageEvent(assert, event, c) {
  assert.equal(event.stage, c.stage);
  assert.equal(event.source, 'page');
  assert.equal(event.kind, 'stage');
  assert.equal(event.app_name, c.name);
  assert.match(event.observed_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
  assert.match(event.event_id, /^[0-9a-f]{16}$/);
  assert.equal(event.detail.status_text, c.text);
  if (c.reason) {
    assert.match(event.detail.reason, c.reason);
  } else {
    assert.equal(event.detail.reason, undefined);
  }
  assert.equal(event.detail.filing_number, c.number);
}

/** No raw phone number, ID number or e-mail address in a JSON dump of the store (contracts.md §5). */
// Numbers stand alone: a hex event id such as "8bb6e14872308669" holds eleven digits in a row
// that are no phone number (this flaked once, event ids depend on the observation time).
export const PII_PATTERNS = [
  /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/,
  /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/,
  /[\w.+-]+@[\w-]+\.[\w.]+/,
];
