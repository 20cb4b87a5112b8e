// The packaged add-on before any browser runs: `web-ext lint` (Mozilla's AMO linter, offline) gives
// 0 errors and 0 warnings on dist/firefox, both zips hold what the unpacked trees hold, and
// packaging the same tree twice gives the same bytes (reproducible builds for store reviewers).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, GECKO_ID, ROOT, WEB_EXT, assertPackaged, zipPath } from './harness.mjs';

const sha256 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Entries of a zip (name → contents), read through its central directory like unzip does. */
function zipEntries(file) {
  const buf = fs.readFileSync(file);
  const end = buf.length - 22;
  assert.equal(buf.readUInt32LE(end), 0x06054b50, `${file}: end of central directory`);
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50);
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const body = buf.subarray(start, start + compressedSize);
    entries.set(name, method === 8 ? zlib.inflateRawSync(body) : Buffer.from(body));
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

function treeFiles(dir) {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
    .sort();
}

test('web-ext lint: 0 errors and 0 warnings on dist/firefox', () => {
  assertPackaged();
  let output;
  try {
    output = execFileSync(WEB_EXT, ['lint', '--source-dir', path.join(DIST, 'firefox'), '--warnings-as-errors',
      '--output', 'json', '--no-config-discovery'], { encoding: 'utf8', cwd: ROOT });
  } catch (e) {
    // A non-zero exit still prints the report: show what lint found.
    output = e.stdout;
    if (!output) throw e;
  }
  const report = JSON.parse(output);
  const found = [...report.errors, ...report.warnings, ...report.notices]
    .map((m) => `${m.type} ${m.code}: ${m.message} (${m.file ?? ''})`);
  assert.deepEqual(found, [], 'web-ext lint findings');
  assert.equal(report.summary.errors, 0);
  assert.equal(report.summary.warnings, 0);
});

test('the zips hold exactly the unpacked trees, and only extension files', () => {
  assertPackaged();
  for (const flavour of ['chrome', 'firefox']) {
    const entries = zipEntries(zipPath(flavour));
    const names = [...entries.keys()];
    // Same bytes as the unpacked tree, except the Chrome store manifest (no key, see the next test).
    for (const [name, data] of entries) {
      if (flavour === 'chrome' && name === 'manifest.json') continue;
      assert.ok(data.equals(fs.readFileSync(path.join(DIST, flavour, name))), `${flavour}: ${name} differs from dist/`);
    }
    assert.deepEqual(names, [...names].sort(), `${flavour}: entries sorted`);
    assert.deepEqual(names, treeFiles(path.join(DIST, flavour)), `${flavour}: zip = dist/${flavour}`);
    const source = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
    const webAccessible = source.web_accessible_resources.flatMap((r) => r.resources);
    for (const needed of ['manifest.json', '_locales/zh_CN/messages.json', '_locales/en/messages.json',
      'extension/loader.js', 'extension/background.js', 'extension/popup.html', 'extension/popup.js',
      'extension/pkg/beian_worker.js', 'extension/pkg/beian_worker_bg.wasm', ...webAccessible]) {
      assert.ok(names.includes(needed), `${flavour} zip has ${needed}`);
    }
    const stray = names.filter((n) => /\.(rs|map|ts|toml|md)$/.test(n) || n.includes('/.') || n.startsWith('crates/'));
    assert.deepEqual(stray, [], `${flavour}: no sources, maps or hidden files`);
  }
});

test('manifest flavours: Firefox gets background.scripts and gecko settings; the Chrome store zip has no key', () => {
  assertPackaged();
  const firefox = JSON.parse(fs.readFileSync(path.join(DIST, 'firefox', 'manifest.json'), 'utf8'));
  assert.equal(firefox.browser_specific_settings.gecko.id, GECKO_ID);
  assert.deepEqual(firefox.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
  assert.ok(Number.parseFloat(firefox.browser_specific_settings.gecko.strict_min_version) >= 140);
  assert.ok(Array.isArray(firefox.background.scripts) && firefox.background.scripts.length > 0);
  assert.equal(firefox.background.service_worker, undefined);
  assert.equal(firefox.key, undefined);
  const chromeUnpacked = JSON.parse(fs.readFileSync(path.join(DIST, 'chrome', 'manifest.json'), 'utf8'));
  const source = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
  assert.equal(chromeUnpacked.key, source.key, 'dist/chrome keeps the key: same id as the repo root');
  assert.equal(chromeUnpacked.background.service_worker, source.background.service_worker);
  // The store zip's manifest is the one entry that differs from dist/chrome: no key, all else equal.
  const store = JSON.parse(zipEntries(zipPath('chrome')).get('manifest.json').toString('utf8'));
  assert.equal(store.key, undefined, 'the Chrome Web Store refuses a manifest with a key');
  assert.equal(store.browser_specific_settings, undefined);
  const { key: _key, ...rest } = chromeUnpacked;
  assert.deepEqual(store, rest);
});

test('packaging the same tree twice gives the same bytes', () => {
  assertPackaged();
  const outs = [1, 2].map((n) => fs.mkdtempSync(path.join(os.tmpdir(), `beian-package-${n}-`)));
  try {
    for (const out of outs) {
      execFileSync('cargo', ['xtask', 'package', '--no-build', '--out', out], { cwd: ROOT, stdio: 'pipe' });
    }
    for (const flavour of ['chrome', 'firefox']) {
      const name = path.basename(zipPath(flavour));
      const [a, b] = outs.map((out) => sha256(path.join(out, name)));
      assert.equal(a, b, `${name}: two runs differ`);
    }
  } finally {
    for (const out of outs) fs.rmSync(out, { recursive: true, force: true });
  }
});

test('dist/chrome loads unpacked in Chromium with the id the manifest key gives', async () => {
  assertPackaged();
  const { chromium } = await import('playwright-core');
  const { expectedExtensionId } = await import('../e2e/harness.mjs');
  const extensionDir = path.join(DIST, 'chrome');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-chrome-dist-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  try {
    const prefix = `chrome-extension://${expectedExtensionId()}/`;
    const worker = context.serviceWorkers().find((w) => w.url().startsWith(prefix))
      ?? await context.waitForEvent('serviceworker', { timeout: 15_000, predicate: (w) => w.url().startsWith(prefix) });
    assert.equal(worker.url(), `${prefix}extension/background.js`);
    // The manifest is valid for Chromium: the localised name resolves from _locales.
    const name = await worker.evaluate(() => chrome.runtime.getManifest().name);
    assert.ok(name && !name.startsWith('__MSG_'), `name ${name}`);
  } finally {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
