// Renders the popup with a few filings at 360 px and saves the picture. The repository's screenshot
// is made with:   BEIAN_SCREENSHOT=1 node --test tests/e2e/popup-screenshot.test.mjs
// (writes docs/screenshot-popup.png); without the variable the picture goes to a temp file, so the
// test run does not touch the tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, ROOT } from './harness.mjs';

const HOUR = 3600_000;
const beijing = (ms) => new Date(Math.floor(ms / 1000) * 1000 + 8 * HOUR).toISOString().replace(/\.\d{3}Z$/, '+08:00');

test('popup screenshot with a few filings at 360 px', async () => {
  const env = await launch({ requireBuilt: ['extension/pkg/beian_worker.js', 'extension/pkg/beian_worker_bg.wasm'] });
  try {
    await env.serviceWorker.evaluate(() => self.beian.started);
    const now = Date.now();
    const ev = (id, appid, name, stage, ago, detail = {}) =>
      ({ event_id: id, appid, app_name: name, kind: 'stage', stage, observed_at: beijing(now - ago), source: 'page', detail });
    const events = [
      ev('shot-1', 'wx3f2a9c0d1e8b7a65', '小鹿记账', 'platform_review', 30 * HOUR),
      ev('shot-2', 'wx3f2a9c0d1e8b7a65', '小鹿记账', 'sms_verification', 5 * HOUR, { status_text: '待短信核验' }),
      ev('shot-3', 'wx9b1c2d3e4f5a6b7c', '社区团购助手', 'platform_review', 80 * HOUR),
      ev('shot-4', 'wx9b1c2d3e4f5a6b7c', '社区团购助手', 'platform_rejected', 50 * HOUR,
        { status_text: '平台审核驳回', reason: '通讯地址未精确到门牌号，请补充后重新提交' }),
      ev('shot-5', 'wx0a1b2c3d4e5f6a7b', '预约挂号通', 'bureau_review', 6 * 24 * HOUR, { status_text: '管局审核中' }),
      ev('shot-6', 'wx7c6b5a4f3e2d1c0b', '读书打卡', 'filed', 20 * 24 * HOUR, { status_text: '已备案', filing_number: '粤ICP备2026041617号-1X' }),
    ];
    const reply = await env.serviceWorker.evaluate((e) => self.beian.onMessage({ type: 'beian_observed', events: e }), events);
    assert.equal(reply.accepted.stored, events.length);
    const page = await env.context.newPage();
    await page.setViewportSize({ width: 360, height: 600 });
    await page.goto(`chrome-extension://${env.extensionId}/extension/popup.html`);
    await page.waitForSelector('body[data-synced]');
    assert.equal(await page.locator('li.filing').count(), 4);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'fits 360 px');
    const out = process.env.BEIAN_SCREENSHOT
      ? path.join(ROOT, 'docs', 'screenshot-popup.png')
      : path.join(os.tmpdir(), `beian-popup-${process.pid}.png`);
    await page.screenshot({ path: out, fullPage: true });
    assert.ok(fs.statSync(out).size > 10_000);
    if (!process.env.BEIAN_SCREENSHOT) fs.rmSync(out);
  } finally {
    await env.close();
  }
});
