// Screenshot of the replica filing form with live hints and the summary panel → docs/screenshot-form.png.
// Run: cargo xtask build && node tests/bench/screenshot.mjs   (or: cargo xtask screenshot)
import path from 'node:path';
import { launch, serveFixture, openFixture, ROOT } from '../e2e/harness.mjs';
import { CONTENT_ROUTES } from '../shared/content-scenarios.mjs';

const OUT = path.join(ROOT, 'docs', 'screenshot-form.png');
const b = await launch();
try {
  await serveFixture(b.context, CONTENT_ROUTES);
  const { page, state } = await openFixture(b.context, '/wxamp/beian/enterprise');
  if (state !== 'ready') throw new Error(`content script state ${state}`);
  await page.setViewportSize({ width: 1280, height: 1000 });
  const type = async (p, text) => page.locator(`[data-beian-field="${p}"]`).first().pressSequentially(text);
  await type('subject.name', '深圳市某某科技有限公司');
  await type('subject.certificate_number', '440301123456789');
  await type('subject.address', '粤海街道科技园路');
  await type('subject_principal.certificate_number', '110105194912310021');
  await type('subject_principal.mobile', '13800138000');
  await type('subject_principal.emergency_mobile', '13800138000');
  await type('subject_principal.email', 'zhangsan@qq.con');
  await page.locator('[data-beian-field="subject.certificate_number"]').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 180));
  await page.waitForTimeout(300);
  await page.screenshot({ path: OUT });
  console.log(`wrote ${path.relative(ROOT, OUT)}`);
} finally {
  await b.close();
}
