// Submitting a filing form that passes the complete check records a platform_review stage event
// (issue 4: "on submit of the filing form: a platform_review event"), and a form with errors
// records nothing: the extension only notes a submission the platform can accept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveFixture, SITE, field } from './harness.mjs';
import { CONTENT_ROUTES } from '../shared/content-scenarios.mjs';

const APPID = 'wx0123456789abcdef'; // the fixture's read-only AppID
let env;

before(async () => {
  env = await launch({ requireBuilt: ['extension/pkg/beian_worker.js', 'extension/pkg/beian_worker_bg.wasm'] });
  await serveFixture(env.context, CONTENT_ROUTES);
});

after(async () => { await env?.close(); });

async function storedEvents() {
  return (await env.serviceWorker.evaluate(() => chrome.storage.local.get('events'))).events ?? [];
}

async function openForm() {
  const page = await env.context.newPage();
  await page.goto(`${SITE}/wxamp/beian/enterprise`);
  await page.waitForFunction(() => document.documentElement.dataset.beian === 'ready', null, { timeout: 15_000 });
  return page;
}

/** Picks `option` in the `index`-th custom dropdown of the row labelled `label` (the page's own widget). */
async function choose(page, label, index, option) {
  const row = page.locator('.weui-desktop-form__control-group', { hasText: label }).first();
  const dropdown = row.locator('.weui-desktop-form__dropdown').nth(index);
  await dropdown.click();
  await dropdown.locator('li', { hasText: option }).first().click();
}

/** A complete, correct enterprise filing in Beijing (no Guangdong template, no seal rules). */
async function fillCleanForm(page) {
  await choose(page, '选择地区', 0, '北京市');
  await choose(page, '选择地区', 1, '北京市');
  await choose(page, '选择地区', 2, '海淀区');
  await field(page, 'subject.name').fill('北京某某科技有限公司');
  await field(page, 'subject.certificate_address').fill('北京市海淀区中关村大街27号');
  await field(page, 'subject.certificate_number').fill('91110000600037341L');
  await field(page, 'subject.address').fill('中关村大街27号8层801室');
  // The second 证件类型 row is the subject principal's.
  const principal = page.locator('.weui-desktop-form__control-group', { hasText: '证件类型' }).nth(1);
  await principal.locator('.weui-desktop-form__dropdown').click();
  await principal.locator('li', { hasText: '居民身份证' }).click();
  await field(page, 'subject_principal.name').fill('张三');
  await field(page, 'subject_principal.certificate_number').fill('11010519491231002X');
  await field(page, 'subject_principal.validity_start').fill('2015-03-01');
  await field(page, 'subject_principal.validity_end').fill('长期');
  await field(page, 'subject_principal.mobile').fill('13800138000');
  await field(page, 'subject_principal.emergency_mobile').fill('13900139000');
  await field(page, 'subject_principal.email').fill('zhangsan@example.com');
  await page.locator('input[name="service"][value="工具-记账"]').check();
  await page.locator('input[name="approval"][value="以上都不涉及"]').check();
  await field(page, 'app.remark').fill('为个人用户提供日常收支记账、分类统计和预算提醒服务，不涉及交易和用户发布内容。');
}

async function outstandingErrors(page) {
  return page.evaluate(() => [...document.querySelectorAll('[data-beian-severity="error"]')]
    .map((h) => h.getAttribute('data-beian-rule')));
}

test('a form with errors records no submission', async () => {
  const page = await openForm();
  await page.locator('.js-submit').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-beian-severity="error"]').length > 0);
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate(() => document.body.dataset.submitted), '1', 'the page’s own submit ran');
  assert.ok(!(await storedEvents()).some((e) => e.appid === APPID), 'nothing recorded for a form with errors');
  await page.close();
});

test('submitting a clean form records a platform_review event for its AppID', async () => {
  const page = await openForm();
  await fillCleanForm(page);
  await page.locator('.js-submit').click();
  const deadline = Date.now() + 10_000;
  let found = [];
  while (!found.length && Date.now() < deadline) {
    found = (await storedEvents()).filter((e) => e.appid === APPID);
    if (!found.length) await page.waitForTimeout(200);
  }
  assert.deepEqual(await outstandingErrors(page), [], 'the clean form passes the complete check');
  assert.equal(found.length, 1, `one event, got ${JSON.stringify(found)}`);
  const [e] = found;
  assert.equal(e.stage, 'platform_review');
  assert.equal(e.source, 'page');
  assert.equal(e.app_name, '某某记账');
  assert.match(e.observed_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
  const stored = JSON.stringify(await env.serviceWorker.evaluate(() => chrome.storage.local.get(null)));
  for (const secret of ['11010519491231002X', '13800138000', '13900139000', 'zhangsan@example.com']) {
    assert.ok(!stored.includes(secret), `${secret} is not stored`);
  }
  await page.close();
});
