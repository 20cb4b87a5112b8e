// The content script on replica filing forms, with the real built extension in Chromium:
// field discovery, live hints for real mistakes (and their disappearance when fixed), the summary,
// the pre-submit check, IME composition, late sections, and the page-safety guarantees.
// Run: cargo xtask build && node --test tests/e2e/content.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import {
  launch, serveFixture, openFixture, recordRequests, SITE, field, hintsOf, retype, waitForHint,
} from './harness.mjs';
import { CONTENT_ROUTES, ENTERPRISE_FIELDS } from '../shared/content-scenarios.mjs';

/** A solid grey PNG of the given size (for the upload checks: read locally, never uploaded). */
function png(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4); ihdr[8] = 8; ihdr[9] = 0;
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

// Routes and expected fields are shared with the Firefox suite (tests/firefox/content.test.mjs).
export const ROUTES = CONTENT_ROUTES;

let browser;
let requests;

before(async () => {
  browser = await launch();
  requests = recordRequests(browser.context);
  await serveFixture(browser.context, ROUTES);
});

after(async () => {
  await browser?.close();
});

async function chooseDropdown(page, path, option) {
  await field(page, path).click();
  await field(page, path).locator('li', { hasText: option }).click();
}

test('the enterprise form is recognised: every kind of row maps to its contract path', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/enterprise');
  assert.equal(state, 'ready');
  const paths = await page.evaluate(() => [...new Set([...document.querySelectorAll('[data-beian-field]')].map((e) => e.getAttribute('data-beian-field')))]);
  for (const p of ENTERPRISE_FIELDS) {
    assert.ok(paths.includes(p), `${p} not recognised (got ${paths.join(', ')})`);
  }
  // 验证码 is recognised as such and never bound; the app principal's fields are not on the page yet.
  assert.ok(!paths.some((p) => p.startsWith('app_principal.') && p !== 'app_principal.reuse_subject_principal'));
  // A fresh form has no hints (nothing typed, no complete check yet).
  assert.equal(await page.locator('[data-beian-rule]').count(), 0);
  await page.close();
});

test('typing real mistakes shows the right hints; fixing them removes them', async () => {
  const { page } = await openFixture(browser.context, '/wxamp/beian/enterprise');
  // A 15-digit registration number where the credit code is asked for.
  await retype(page, 'subject.certificate_number', '110108123456789');
  await waitForHint(page, 'subject.certificate_number', 'subject_registration_number');
  const num = field(page, 'subject.certificate_number');
  assert.equal(await num.getAttribute('aria-invalid'), 'true');
  const hintId = (await num.getAttribute('aria-describedby')).split(' ').find((id) => id.startsWith('beian-hint-'));
  const hint = page.locator(`#${hintId}`);
  assert.equal(await hint.getAttribute('data-beian-severity'), 'error');
  assert.match(await hint.textContent(), /统一社会信用代码|注册号|18/);
  assert.ok(await hint.isVisible(), 'page CSS hiding [data-beian-rule] must not hide the hint');
  await retype(page, 'subject.certificate_number', '91110000600037341L');
  await waitForHint(page, 'subject.certificate_number', 'subject_registration_number', false);
  assert.equal(await num.getAttribute('aria-invalid'), null);

  // A wrong check digit in the principal's ID.
  await retype(page, 'subject_principal.certificate_number', '110105194912310021');
  await waitForHint(page, 'subject_principal.certificate_number', 'person_id_checksum');
  await retype(page, 'subject_principal.certificate_number', '11010519491231002X');
  await waitForHint(page, 'subject_principal.certificate_number', 'person_id_checksum', false);

  // The same number as emergency phone.
  await retype(page, 'subject_principal.mobile', '13800138000');
  await retype(page, 'subject_principal.emergency_mobile', '13800138000');
  await waitForHint(page, 'subject_principal.emergency_mobile', 'person_emergency_same');
  await retype(page, 'subject_principal.emergency_mobile', '13900139000');
  await waitForHint(page, 'subject_principal.emergency_mobile', 'person_emergency_same', false);

  // An address without a house number (placeholder-only field).
  await retype(page, 'subject.address', '粤海街道科技园路');
  await waitForHint(page, 'subject.address', 'subject_address_house_number');
  assert.equal(await page.locator('[data-beian-rule="subject_address_house_number"]').getAttribute('data-beian-severity'), 'warning');
  await retype(page, 'subject.address', '粤海街道科技园路1号A栋201室');
  await waitForHint(page, 'subject.address', 'subject_address_house_number', false);

  // Six service tags.
  const tags = field(page, 'app.service_types').locator('input[type=checkbox]');
  for (let i = 0; i < 6; i++) await tags.nth(i).check();
  await waitForHint(page, 'app.service_types', 'app_service_types_max');
  await tags.nth(5).uncheck();
  await waitForHint(page, 'app.service_types', 'app_service_types_max', false);

  // A pre-approval item chosen without its approval number or document.
  const items = field(page, 'app.pre_approvals');
  await items.locator('input[value="新闻"]').check();
  await waitForHint(page, 'app.pre_approvals', 'app_pre_approval_document');
  await items.locator('input[value="新闻"]').uncheck();
  await items.locator('input[value="以上都不涉及"]').check();
  await waitForHint(page, 'app.pre_approvals', 'app_pre_approval_document', false);
  assert.deepEqual(await hintsOf(page, 'app.pre_approvals'), []);
  await page.close();
});

test('hints have unique ids, keep the page own aria-describedby, and the summary links to fields', async () => {
  const { page } = await openFixture(browser.context, '/wxamp/beian/enterprise');
  await page.evaluate(() => document.querySelector('[placeholder="请输入11位手机号"]').setAttribute('aria-describedby', 'page-tip'));
  await retype(page, 'subject_principal.mobile', '1380013');
  await waitForHint(page, 'subject_principal.mobile', 'person_mobile_format');
  await retype(page, 'subject_principal.email', 'zhangsan@qq.con');
  await waitForHint(page, 'subject_principal.email', 'person_email_typo');
  const ids = await page.evaluate(() => [...document.querySelectorAll('[data-beian-rule]')].map((h) => h.id));
  assert.equal(new Set(ids).size, ids.length);
  assert.match(await field(page, 'subject_principal.mobile').getAttribute('aria-describedby'), /^page-tip beian-hint-\d+$/);
  const summary = page.locator('[data-beian-summary]');
  assert.equal(await summary.getAttribute('role'), 'status');
  assert.equal(await summary.getAttribute('data-beian-errors'), '1');
  assert.equal(await summary.getAttribute('data-beian-warnings'), '1');
  // The summary link jumps to (focuses) the field.
  await summary.locator('a', { hasText: '手机号' }).first().click();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-beian-field')), 'subject_principal.mobile');
  // Fixing the mobile restores the page's own description.
  await retype(page, 'subject_principal.mobile', '13800138000');
  await waitForHint(page, 'subject_principal.mobile', 'person_mobile_format', false);
  assert.equal(await field(page, 'subject_principal.mobile').getAttribute('aria-describedby'), 'page-tip');
  await page.close();
});

test('submit shows everything outstanding without blocking the page or changing values', async () => {
  const { page } = await openFixture(browser.context, '/wxamp/beian/enterprise');
  await retype(page, 'subject.name', '深圳市某某科技有限公司');
  await page.locator('.js-submit').click();
  await waitForHint(page, 'app.pre_approvals', 'app_pre_approval_required');
  await waitForHint(page, 'subject_principal.mobile', 'person_mobile_required');
  assert.equal(await page.evaluate(() => document.body.dataset.submitted), '1', 'the page own submit handler ran');
  assert.equal(await field(page, 'subject.name').inputValue(), '深圳市某某科技有限公司');
  assert.equal(await page.locator('[data-beian-summary]').getAttribute('data-beian-complete'), 'true');
  assert.ok(Number(await page.locator('[data-beian-summary]').getAttribute('data-beian-errors')) > 3);
  // Filling a required field clears its hint.
  await retype(page, 'subject_principal.mobile', '13800138000');
  await waitForHint(page, 'subject_principal.mobile', 'person_mobile_required', false);
  await page.close();
});

test('input during an IME composition is ignored until compositionend', async () => {
  const { page } = await openFixture(browser.context, '/wxamp/beian/enterprise');
  const target = '[data-beian-field="subject_principal.email"]';
  await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    el.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    el.value = 'zhang＠';
    el.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true }));
  }, target);
  await page.waitForTimeout(200);
  assert.deepEqual(await hintsOf(page, 'subject_principal.email'), []);
  await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    el.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '＠' }));
  }, target);
  await waitForHint(page, 'subject_principal.email', 'person_email_format');
  await page.close();
});

test('the 手动填写 switch renders the app principal: shared labels resolve by section', async () => {
  const { page } = await openFixture(browser.context, '/wxamp/beian/enterprise');
  await retype(page, 'subject_principal.certificate_number', '11010519491231002X');
  await retype(page, 'subject_principal.mobile', '13800138000');
  await page.locator('input[name="app-principal-source"][value="manual"]').check();
  await field(page, 'app_principal.mobile').waitFor({ timeout: 5000 });
  assert.equal(await field(page, 'app_principal.certificate_number').count(), 1);
  // Another person (other ID) with the same mobile.
  await retype(page, 'app_principal.certificate_number', '110101199003070012');
  await retype(page, 'app_principal.mobile', '13800138000');
  await waitForHint(page, 'app_principal.mobile', 'cross_mobile_shared');
  await retype(page, 'app_principal.mobile', '13700137000');
  await waitForHint(page, 'app_principal.mobile', 'cross_mobile_shared', false);
  // Back to 复用: the manual fields leave with their hints.
  await page.locator('input[name="app-principal-source"][value="reuse"]').check();
  await page.waitForFunction(() => !document.querySelector('[data-beian-field="app_principal.mobile"]'));
  await page.close();
});

test('a section rendered late is picked up by the observer', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/delayed');
  assert.equal(state, 'ready');
  await field(page, 'subject_principal.emergency_mobile').waitFor({ timeout: 5000 });
  await retype(page, 'subject_principal.mobile', '13800138000');
  await retype(page, 'subject_principal.emergency_mobile', '13800138000');
  await waitForHint(page, 'subject_principal.emergency_mobile', 'person_emergency_same');
  await page.close();
});

test('the personal variant: 姓名 and the subject ID number are the subject fields', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/beian/personal');
  assert.equal(state, 'ready');
  assert.equal(await field(page, 'subject.name').count(), 1);
  await retype(page, 'subject.certificate_number', '110105194912310021');
  await waitForHint(page, 'subject.certificate_number', 'subject_personal_id_invalid');
  await retype(page, 'subject.certificate_number', '11010519491231002X');
  await waitForHint(page, 'subject.certificate_number', 'subject_personal_id_invalid', false);
  await page.close();
});

for (const [name, csp, expected] of [
  ['strict page CSP without wasm: the wasm2js fallback runs the same checks', "script-src 'self'; object-src 'none'", 'fallback'],
  ['the CSP mp.weixin.qq.com is reported to send: wasm', "script-src 'self' 'unsafe-inline' 'unsafe-eval' *.qq.com", 'ready'],
]) {
  test(name, async () => {
    const { page, state, error } = await openFixture(browser.context, `/wxamp/beian/enterprise?csp=${encodeURIComponent(csp)}`);
    assert.equal(state, expected, `data-beian-error: ${error}`);
    await retype(page, 'subject_principal.certificate_number', '110105194912310021');
    await waitForHint(page, 'subject_principal.certificate_number', 'person_id_checksum');
    await retype(page, 'subject.certificate_number', '110108123456789');
    await waitForHint(page, 'subject.certificate_number', 'subject_registration_number');
    await retype(page, 'subject.certificate_number', '91110000600037341L');
    await waitForHint(page, 'subject.certificate_number', 'subject_registration_number', false);
    await page.close();
  });
}

test('a non-filing page gets nothing: no attribute, no hint, no wasm fetched', async () => {
  const before = requests.length;
  const { page, state } = await openFixture(browser.context, '/s/article', { expectNothing: true });
  assert.equal(state, null);
  assert.equal(await page.evaluate(() => document.documentElement.getAttributeNames().filter((a) => a.startsWith('data-beian')).length), 0);
  assert.equal(await page.locator('[data-beian-rule], [data-beian-summary], [data-beian-field]').count(), 0);
  const fetched = requests.slice(before).filter((r) => r.url.includes('/extension/pkg'));
  assert.deepEqual(fetched, []);
  const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.ok(!resources.some((u) => u.includes('beian_content')), resources.join(', '));
  await page.close();
});

test('a form in a same-origin iframe of the admin shell is checked in that frame; the shell gets nothing', async () => {
  const { page, state } = await openFixture(browser.context, '/wxamp/home/shell', { expectNothing: true });
  assert.equal(state, null, 'the shell is not a form');
  const frame = page.frames().find((f) => f.url().endsWith('/wxamp/beian/enterprise'));
  assert.ok(frame, 'the form frame loaded');
  await frame.waitForFunction(() => document.documentElement.getAttribute('data-beian') === 'ready', null, { timeout: 15_000 });
  const number = frame.locator('[data-beian-field="subject.certificate_number"]');
  await number.fill('110108123456789');
  await frame.locator('[data-beian-rule="subject_registration_number"]').waitFor({ timeout: 5000 });
  await number.fill('91110000600037341L');
  await frame.locator('[data-beian-rule="subject_registration_number"]').waitFor({ state: 'detached', timeout: 5000 });
  assert.equal(await page.locator('[data-beian-rule], [data-beian-summary], [data-beian-field]').count(), 0, 'nothing in the shell');
  await page.close();
});

test('the loader keeps looking on a page that never stops changing, and a route change looks at once', async () => {
  const { page, state } = await openFixture(browser.context, '/s/article', { expectNothing: true, settleMs: 200 });
  assert.equal(state, null);
  // The admin keeps re-rendering something (a clock, polled notifications) for 12 s: the loader
  // backs off (probes every 250 ms, then up to every 2 s) but does not give up...
  const form = await page.evaluate(async () => {
    const html = await (await fetch('/wxamp/beian/enterprise')).text();
    return new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
  });
  await page.evaluate(() => { window.tick = setInterval(() => { document.body.appendChild(document.createElement('i')).textContent = String(Date.now()); }, 40); });
  await page.waitForTimeout(12_000);
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-beian')), null);
  // ...so the form, rendered by an SPA route change while the page still churns, is found.
  await page.evaluate((form) => {
    history.pushState({}, '', '/wxamp/beian/enterprise');
    dispatchEvent(new PopStateEvent('popstate'));
    document.body.insertAdjacentHTML('afterbegin', form);
  }, form);
  await page.waitForFunction(() => document.documentElement.getAttribute('data-beian') === 'ready', null, { timeout: 10_000 });
  await retype(page, 'subject_principal.mobile', '1380013');
  await waitForHint(page, 'subject_principal.mobile', 'person_mobile_format');
  await page.evaluate(() => clearInterval(window.tick));
  await page.close();
});

test('a control that stops being a field loses its marker and its hints', async () => {
  const { page } = await openFixture(browser.context, '/wxamp/beian/enterprise');
  await retype(page, 'subject_principal.mobile', '13800138000');
  await retype(page, 'subject_principal.emergency_mobile', '13800138000');
  await waitForHint(page, 'subject_principal.emergency_mobile', 'person_emergency_same');
  // The page re-labels that row (an SPA re-render): it is no field of ours any more.
  await page.evaluate(() => {
    const input = document.querySelector('[data-beian-field="subject_principal.emergency_mobile"]');
    input.id = 'was-emergency';
    input.closest('.weui-desktop-form__control-group').querySelector('label').textContent = '兴趣爱好';
  });
  await page.waitForFunction(() => !document.getElementById('was-emergency').hasAttribute('data-beian-field'), null, { timeout: 5000 });
  assert.equal(await page.locator('[data-beian-field="subject_principal.emergency_mobile"]').count(), 0);
  await page.waitForFunction(() => !document.querySelector('[data-beian-rule="person_emergency_same"]'), null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => document.getElementById('was-emergency').getAttribute('aria-describedby')), null);
  await page.close();
});

test('a hostile label stays text: no markup from the page is ever parsed', async () => {
  const { page } = await openFixture(browser.context, '/wxamp/beian/enterprise');
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  await page.locator('.js-submit').click();
  await waitForHint(page, 'app.remark', 'app_remark_required');
  const summary = page.locator('[data-beian-summary]');
  assert.match(await summary.textContent(), /<img src=x onerror=alert\(1\)>/);
  assert.equal(await page.locator('[data-beian-summary] img, beian-hint img').count(), 0);
  await page.waitForTimeout(200);
  assert.equal(dialogs, 0);
  await page.close();
});

test('a chosen file is measured locally: type, size and pixel size give upload hints', async () => {
  const { page } = await openFixture(browser.context, '/wxamp/beian/enterprise');
  const licence = page.locator('input[type=file][name="licence"]');
  assert.equal(await licence.getAttribute('data-beian-field'), 'materials.uploads');
  await licence.setInputFiles({ name: 'licence.png', mimeType: 'image/png', buffer: png(300, 200) });
  await waitForHint(page, 'materials.uploads', 'upload_resolution');
  await licence.setInputFiles({ name: 'licence.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') });
  await waitForHint(page, 'materials.uploads', 'upload_format');
  await licence.setInputFiles({ name: 'licence.png', mimeType: 'image/png', buffer: png(1600, 1200) });
  await waitForHint(page, 'materials.uploads', 'upload_format', false);
  await waitForHint(page, 'materials.uploads', 'upload_resolution', false);
  await page.close();
});

test('the extension makes no network request of its own', async () => {
  const foreign = requests.filter((r) => !r.url.startsWith(`${SITE}/`) && !r.url.startsWith('chrome-extension://'));
  assert.deepEqual(foreign, []);
  // Only the fixture routes were requested on the site itself.
  const paths = new Set(requests.filter((r) => r.url.startsWith(`${SITE}/`)).map((r) => new URL(r.url).pathname));
  for (const p of paths) assert.ok(p in ROUTES, `unexpected request ${p}`);
});

test('messages follow the browser language (English)', async () => {
  const en = await launch({ locale: 'en-US' });
  try {
    await serveFixture(en.context, ROUTES);
    const { page } = await openFixture(en.context, '/wxamp/beian/enterprise');
    await retype(page, 'subject_principal.certificate_number', '110105194912310021');
    await waitForHint(page, 'subject_principal.certificate_number', 'person_id_checksum');
    const text = await page.locator('[data-beian-rule="person_id_checksum"]').textContent();
    assert.match(text, /^[\x20-\x7e\u2018-\u201d\u2013\u2014]+$/, `not English: ${text}`);
  } finally {
    await en.close();
  }
});

test('a keystroke re-reads its own field; a value the page changed silently is caught once typing pauses', async () => {
  const { page } = await openFixture(browser.context, '/wxamp/beian/enterprise');
  await retype(page, 'subject_principal.mobile', '13800138000');
  // In one task (no timer can run in between): the page's own script copies the mobile into the
  // emergency field without an input or change event, then the user types in the e-mail field.
  // That keystroke re-reads only its own field, so the silent copy is not seen yet...
  const { before, hints } = await page.evaluate(() => {
    const before = performance.getEntriesByName('beian:reconcile').length;
    const emergency = document.querySelector('[data-beian-field="subject_principal.emergency_mobile"]');
    emergency.value = '13800138000';
    const email = document.querySelector('[data-beian-field="subject_principal.email"]');
    email.value = 'z';
    email.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'z' }));
    const ids = (emergency.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    return { before, hints: ids.map((id) => document.getElementById(id)?.getAttribute('data-beian-rule')).filter(Boolean) };
  });
  assert.deepEqual(hints, []);
  // ...and the idle reconcile re-reads everything shortly after.
  await waitForHint(page, 'subject_principal.emergency_mobile', 'person_emergency_same');
  assert.ok(await page.evaluate(() => performance.getEntriesByName('beian:reconcile').length) > before);
  await page.close();
});

test('the summary is updated in place: an unchanged line keeps its element while another changes', async () => {
  const { page } = await openFixture(browser.context, '/wxamp/beian/enterprise');
  await retype(page, 'subject_principal.mobile', '1380013');
  await retype(page, 'subject_principal.email', 'zhangsan@qq.con');
  await waitForHint(page, 'subject_principal.email', 'person_email_typo');
  const summary = page.locator('[data-beian-summary]');
  await page.waitForFunction(() => document.querySelectorAll('[data-beian-summary] [data-beian-goto]').length === 2);
  // Tag the e-mail line's element, then fix the mobile: its line goes, the tagged one must stay.
  await page.evaluate(() => { [...document.querySelectorAll('[data-beian-summary] [data-beian-goto]')].find((a) => a.textContent.includes('qq.c') || a.textContent.includes('邮箱')).dataset.tagged = '1'; });
  await retype(page, 'subject_principal.mobile', '13800138000');
  await waitForHint(page, 'subject_principal.mobile', 'person_mobile_format', false);
  await page.waitForFunction(() => document.querySelectorAll('[data-beian-summary] [data-beian-goto]').length === 1);
  assert.equal(await summary.locator('[data-beian-goto][data-tagged="1"]').count(), 1);
  assert.equal(await summary.getAttribute('data-beian-errors'), '0');
  assert.equal(await summary.getAttribute('data-beian-warnings'), '1');
  assert.equal(await summary.locator('[data-beian-count="warning"]').textContent(), '警告 1');
  // The remaining link still jumps to its field.
  await summary.locator('[data-beian-goto]').click();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-beian-field')), 'subject_principal.email');
  // Fixing the last one shows the "nothing found" line; a new mistake removes it again.
  await retype(page, 'subject_principal.email', 'zhangsan@qq.com');
  await page.waitForFunction(() => document.querySelector('[data-beian-summary]').textContent.includes('暂未发现问题'));
  await retype(page, 'subject_principal.mobile', '1380013');
  await page.waitForFunction(() => !document.querySelector('[data-beian-summary]').textContent.includes('暂未发现问题'));
  assert.equal(await summary.getAttribute('data-beian-errors'), '1');
  await page.close();
});

test('timing entries stay bounded over a long session', async () => {
  const { page } = await openFixture(browser.context, '/wxamp/beian/enterprise');
  await retype(page, 'subject_principal.mobile', '138001380001380013800');
  const counts = await page.evaluate(() => ({
    checks: performance.getEntriesByName('beian:check').length,
    marks: performance.getEntriesByName('beian:check-start').length,
  }));
  assert.ok(counts.checks >= 21, `one measure per keystroke (got ${counts.checks})`);
  assert.equal(counts.marks, 0, 'the start mark is cleared after each measure');
  await page.close();
});
