// Shared end-to-end harness: launches Debian's Chromium with the unpacked extension (the repository
// root) through playwright-core, and serves fixture pages in place of https://mp.weixin.qq.com/.
//
//   import { launch, serveFixture, openFixture, ROOT } from './harness.mjs';
//   const { context, extensionId, serviceWorker, close } = await launch();
//   await serveFixture(context, { '/filing': 'form-enterprise.html' });
//
// Why a persistent context: extensions only load in one (launchPersistentContext), and Chromium reads
// native-messaging host manifests from <user-data-dir>/NativeMessagingHosts/ when given its own
// user-data-dir, so tests can register a freshly built helper without touching the user's config.
import { chromium } from 'playwright-core';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The repository root: once built it is the unpacked extension. */
export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
export const SITE = 'https://mp.weixin.qq.com';

/** Files `cargo xtask build` produces; without them the extension would load but do nothing. */
const BUILT_FILES = [
  'extension/pkg/beian_content.js',
  'extension/pkg/beian_content_bg.wasm',
];

/** Throws a clear error when the extension has not been built. */
export function assertBuilt(extra = []) {
  const missing = [...BUILT_FILES, ...extra].filter((f) => !fs.existsSync(path.join(ROOT, f)));
  if (missing.length) {
    throw new Error(`extension not built (missing ${missing.join(', ')}): run cargo xtask build first`);
  }
}

/** The manifest at the repository root. */
export function manifest() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
}

/** Extension id from the manifest key: sha256(DER public key), first 32 hex digits mapped 0-f → a-p. */
export function expectedExtensionId() {
  return crypto.createHash('sha256').update(Buffer.from(manifest().key, 'base64')).digest('hex')
    .slice(0, 32).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 16)));
}

/**
 * Launches Chromium with the extension.
 * @param {object} [options]
 * @param {string} [options.userDataDir] profile directory (default: a fresh temp dir, removed on close)
 * @param {Record<string, object>} [options.nativeHosts] name → host manifest (without allowed_origins,
 *   which is filled in with this extension's origin), written to <userDataDir>/NativeMessagingHosts/
 * @param {string[]} [options.requireBuilt] further repo-relative files that must exist
 * @param {string} [options.locale] browser UI language, e.g. 'en-US' (default zh-CN)
 * @param {string} [options.extensionDir] the unpacked extension to load (default: the repository root)
 * @returns {Promise<{context, extensionId, serviceWorker, userDataDir, close}>}
 */
export async function launch({ userDataDir, nativeHosts = {}, requireBuilt = [], locale = 'zh-CN', extensionDir = ROOT } = {}) {
  assertBuilt(requireBuilt);
  const ownDir = !userDataDir;
  const dir = userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'beian-e2e-'));
  const extensionId = expectedExtensionId();
  const hostNames = Object.keys(nativeHosts);
  if (hostNames.length) {
    const hostDir = path.join(dir, 'NativeMessagingHosts');
    fs.mkdirSync(hostDir, { recursive: true });
    for (const name of hostNames) {
      fs.writeFileSync(path.join(hostDir, `${name}.json`), JSON.stringify({
        name, type: 'stdio', description: 'test host', ...nativeHosts[name],
        allowed_origins: [`chrome-extension://${extensionId}/`],
      }));
    }
  }
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    locale,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
      `--lang=${locale}`],
  });
  let serviceWorker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  if (!serviceWorker) {
    try {
      serviceWorker = await context.waitForEvent('serviceworker', {
        timeout: 10_000, predicate: (w) => w.url().startsWith(`chrome-extension://${extensionId}/`),
      });
    } catch {
      // No service worker (e.g. background.js not written yet): content-script tests still run.
      serviceWorker = null;
    }
  }
  const close = async () => {
    await context.close().catch(() => {});
    if (ownDir) fs.rmSync(dir, { recursive: true, force: true });
  };
  return { context, extensionId, serviceWorker, userDataDir: dir, close };
}

/**
 * Serves fixture pages for https://mp.weixin.qq.com/**.
 * @param {import('playwright-core').BrowserContext} context
 * @param {Record<string, string | {file?: string, body?: string, csp?: string, status?: number,
 *   contentType?: string}>} routes URL path (no query) → fixture file name under tests/fixtures/,
 *   or an object with a file or inline body and an optional Content-Security-Policy header.
 *   A `?csp=…` query on the requested URL also sets the header (handy for one-off pages).
 *   Unknown paths get 404. Returns the list of every request the context made (url, resourceType).
 */
export async function serveFixture(context, routes) {
  await context.route(`${SITE}/**`, async (route) => {
    const url = new URL(route.request().url());
    const spec = routes[url.pathname];
    if (spec === undefined) {
      await route.fulfill({ status: 404, contentType: 'text/plain', body: 'no fixture for ' + url.pathname });
      return;
    }
    const s = typeof spec === 'string' ? { file: spec } : spec;
    const body = s.body ?? fs.readFileSync(path.join(FIXTURES, s.file));
    const csp = url.searchParams.get('csp') ?? s.csp;
    await route.fulfill({
      status: s.status ?? 200,
      headers: {
        'content-type': s.contentType ?? 'text/html; charset=utf-8',
        ...(csp ? { 'content-security-policy': csp } : {}),
      },
      body,
    });
  });
}

/** Records every request made in the context (pages, workers, extension) from now on. */
export function recordRequests(context) {
  const requests = [];
  context.on('request', (r) => requests.push({ url: r.url(), resourceType: r.resourceType() }));
  return requests;
}

/**
 * Opens `path` on the fixture site and waits for the content script's verdict on <html>:
 * data-beian = ready | fallback | error. Resolves { page, state, error }.
 * With `expectNothing`, waits `settleMs` and returns state null if no attribute appeared.
 */
export async function openFixture(context, urlPath, { timeout = 15_000, expectNothing = false, settleMs = 1500 } = {}) {
  const page = await context.newPage();
  await page.goto(`${SITE}${urlPath}`);
  if (expectNothing) {
    await page.waitForTimeout(settleMs);
    const state = await page.evaluate(() => document.documentElement.getAttribute('data-beian'));
    return { page, state, error: null };
  }
  const handle = await page.waitForFunction(() => {
    const r = document.documentElement;
    const s = r.getAttribute('data-beian');
    return s ? { state: s, error: r.getAttribute('data-beian-error') } : null;
  }, null, { timeout });
  const { state, error } = await handle.jsonValue();
  return { page, state, error };
}

/** The first control (or group) carrying data-beian-field=`path`. */
export const field = (page, path) => page.locator(`[data-beian-field="${path}"]`).first();

/** Rule ids of the hints linked from `path`'s aria-describedby (null: no such field). */
export async function hintsOf(page, path) {
  return page.evaluate((path) => {
    const target = document.querySelector(`[data-beian-field="${path}"]`);
    if (!target) return null;
    const ids = (target.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    return ids.map((id) => document.getElementById(id)).filter((h) => h?.hasAttribute('data-beian-rule')).map((h) => h.getAttribute('data-beian-rule'));
  }, path);
}

/** Waits until `path` shows (`present`) or no longer shows a hint of `rule`; throws after 5 s. */
export async function waitForHint(page, path, rule, present = true) {
  await page.waitForFunction(({ path, rule, present }) => {
    const target = document.querySelector(`[data-beian-field="${path}"]`);
    if (!target) return false;
    const ids = (target.getAttribute('aria-describedby') || '').split(/\s+/);
    const has = ids.some((id) => document.getElementById(id)?.getAttribute('data-beian-rule') === rule);
    return has === present;
  }, { path, rule, present }, { timeout: 5000 });
}

/** Clears `path` and types `text` key by key (input events as a user makes them). */
export async function retype(page, path, text) {
  const input = field(page, path);
  await input.fill('');
  await input.pressSequentially(text, { delay: 5 });
}
