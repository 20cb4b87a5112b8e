// Firefox end-to-end harness: headless Firefox ESR driven by npm selenium-webdriver + geckodriver,
// with the packaged add-on (dist/beian-firefox-<version>.zip, what AMO gets) installed as a
// temporary add-on, and https://mp.weixin.qq.com/ answered by a local HTTPS server.
//
//   import { launchFirefox } from './harness.mjs';
//   const ff = await launchFirefox({ routes: { '/filing': 'form-enterprise.html' } });
//   await ff.openFixture('/filing');           // waits for data-beian on <html>
//   await ff.openExtensionPage('extension/popup.html');
//   await ff.close();
//
// Why this shape (design.md, "Firefox"): Playwright cannot drive stock Firefox, so WebDriver; the
// site is mapped by prefs (`network.dns.localDomains` + `network.socket.forcePort`) to a local
// server with a certificate made here by openssl, accepted through `acceptInsecureCerts`;
// geckodriver needs `--allow-system-access` before moz-extension:// pages can be opened; the
// add-on's internal UUID (the moz-extension:// host) is random per install unless set in
// `extensions.webextensions.uuids` before start, so it is set. geckodriver and Firefox run with
// HOME set to a temp dir: native-messaging host manifests are read from
// $HOME/.mozilla/native-messaging-hosts/, so tests register the freshly built helper there without
// touching the user's real configuration.
import { Builder } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
export const SITE = 'https://mp.weixin.qq.com';
export const SITE_HOST = 'mp.weixin.qq.com';
/** Must equal xtask/src/package.rs GECKO_ID and the helper's allowed_extensions. */
export const GECKO_ID = 'beian@mp-filing-assistant';
export const HOST_NAME = 'com.beian.helper';
export const FIREFOX = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
export const GECKODRIVER = process.env.GECKODRIVER_BIN ?? findOnPath('geckodriver')
  ?? path.join(os.homedir(), '.cargo', 'bin', 'geckodriver');
export const WEB_EXT = path.join(ROOT, 'node_modules', '.bin', 'web-ext');

function findOnPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** The version in the repository manifest (names the zips). */
export function version() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')).version;
}

/** dist/beian-<flavour>-<version>.zip */
export function zipPath(flavour) {
  return path.join(DIST, `beian-${flavour}-${version()}.zip`);
}

/** Throws a clear error when `cargo xtask package` has not been run. */
export function assertPackaged() {
  const needed = [zipPath('firefox'), path.join(DIST, 'firefox', 'manifest.json')];
  const missing = needed.filter((f) => !fs.existsSync(f));
  if (missing.length) {
    throw new Error(`add-on not packaged (missing ${missing.map((f) => path.relative(ROOT, f)).join(', ')}): `
      + 'run `cargo xtask package` first');
  }
  // A build newer than the package means the tests would check yesterday's add-on.
  const packagedAt = fs.statSync(zipPath('firefox')).mtimeMs;
  const newer = ['extension/pkg', 'extension/pkg-fallback']
    .map((d) => path.join(ROOT, d))
    .filter((d) => fs.existsSync(d))
    .flatMap((d) => fs.readdirSync(d).map((f) => path.join(d, f)))
    .filter((f) => fs.statSync(f).mtimeMs > packagedAt);
  if (newer.length) {
    throw new Error(`dist/ is older than the build (${newer.map((f) => path.relative(ROOT, f)).join(', ')}): `
      + 'run `cargo xtask package --no-build` (or `cargo xtask package`) first');
  }
}

let certificate = null;
/** A self-signed certificate for mp.weixin.qq.com, made once per process with the openssl CLI. */
function siteCertificate() {
  if (certificate) return certificate;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-ff-cert-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2',
    '-subj', `/CN=${SITE_HOST}`, '-addext', `subjectAltName=DNS:${SITE_HOST}`,
    '-keyout', key, '-out', cert], { stdio: 'ignore' });
  certificate = { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  fs.rmSync(dir, { recursive: true, force: true });
  return certificate;
}

/**
 * Starts the stand-in for https://mp.weixin.qq.com/ on 127.0.0.1 (a free port).
 * @param {Record<string, string | {file?: string, body?: string, csp?: string, status?: number}>} routes
 *   URL path → fixture file name under tests/fixtures/, or an object with a file or inline body and
 *   an optional Content-Security-Policy header (same shape as tests/e2e/harness.mjs serveFixture).
 *   A `?csp=…` query also sets the header. Unknown paths get 404.
 * @returns {Promise<{port: number, requests: string[], close: () => Promise<void>}>}
 */
export async function startSite(routes) {
  const requests = [];
  const server = https.createServer(siteCertificate(), (req, res) => {
    const url = new URL(req.url, SITE);
    requests.push(url.pathname + url.search);
    const spec = routes[url.pathname];
    if (spec === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no fixture for ${url.pathname}`);
      return;
    }
    const s = typeof spec === 'string' ? { file: spec } : spec;
    let body;
    try {
      body = s.body ?? fs.readFileSync(path.join(FIXTURES, s.file));
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
      return;
    }
    const csp = url.searchParams.get('csp') ?? s.csp;
    res.writeHead(s.status ?? 200, {
      'content-type': s.contentType ?? 'text/html; charset=utf-8',
      ...(csp ? { 'content-security-policy': csp } : {}),
    }).end(body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: server.address().port,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

/**
 * The `beian` helper binary for native-messaging tests: $BEIAN_HELPER_BIN, else target/debug/beian
 * (built with cargo when missing).
 */
export function helperBinary() {
  if (process.env.BEIAN_HELPER_BIN) return process.env.BEIAN_HELPER_BIN;
  const binary = path.join(ROOT, 'target', 'debug', 'beian');
  if (!fs.existsSync(binary)) {
    execFileSync('cargo', ['build', '--locked', '-p', 'beian-helper'], { cwd: ROOT, stdio: 'inherit' });
  }
  return binary;
}

/** Writes a wrapper script + Firefox host manifest for the real `beian` helper under `home`. */
function registerHelper(home, helperBinary, dbPath) {
  const hostDir = path.join(home, '.mozilla', 'native-messaging-hosts');
  fs.mkdirSync(hostDir, { recursive: true });
  const argsLog = path.join(home, 'host-args.log');
  const wrapper = path.join(home, 'beian-host.sh');
  // The wrapper pins the database to the test's temp dir and records how Firefox started the host.
  const quote = (s) => `'${String(s).replaceAll("'", `'\\''`)}'`;
  fs.writeFileSync(wrapper, ['#!/bin/sh',
    `printf '%s\\n' "$#" "$@" > ${quote(argsLog)}`,
    `BEIAN_DB=${quote(dbPath)} exec ${quote(helperBinary)} "$@"`, ''].join('\n'), { mode: 0o755 });
  const manifestPath = path.join(hostDir, `${HOST_NAME}.json`);
  fs.writeFileSync(manifestPath, JSON.stringify({
    name: HOST_NAME, description: 'beian helper (Firefox test)', path: wrapper, type: 'stdio',
    allowed_extensions: [GECKO_ID],
  }, null, 2));
  return { manifestPath, argsLog, dbPath };
}

/**
 * Launches headless Firefox ESR with the packaged add-on installed as a temporary add-on.
 * @param {object} [options]
 * @param {object} [options.routes] fixture routes for the site (see startSite)
 * @param {string} [options.helper] path of a `beian` binary to register as the native host
 * @param {string} [options.helperDb] its database (BEIAN_DB; default <temp home>/beian.db)
 * @param {string} [options.addon] add-on to install (default dist/beian-firefox-<version>.zip)
 * @param {string} [options.locale] requested UI/content language (default zh-CN)
 */
export async function launchFirefox({ routes = {}, helper, helperDb, addon, locale = 'zh-CN' } = {}) {
  assertPackaged();
  for (const [what, file, fix] of [
    ['geckodriver', GECKODRIVER, 'cargo install geckodriver --version 0.37.1 --locked (or set GECKODRIVER_BIN)'],
    ['Firefox', FIREFOX, 'apt-get install firefox-esr (or set FIREFOX_BIN)'],
  ]) {
    if (!fs.existsSync(file)) throw new Error(`${what} not found at ${file}: ${fix}`);
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'beian-ff-home-'));
  const site = await startSite(routes);
  const uuid = crypto.randomUUID();
  const native = helper ? registerHelper(home, helper, helperDb ?? path.join(home, 'beian.db')) : null;

  const options = new firefox.Options()
    .setBinary(FIREFOX)
    .addArguments('-headless')
    .setAcceptInsecureCerts(true)
    .setPreference('network.dns.localDomains', SITE_HOST)
    .setPreference('network.socket.forcePort', `443=${site.port}`)
    .setPreference('extensions.webextensions.uuids', JSON.stringify({ [GECKO_ID]: uuid }))
    .setPreference('intl.locale.requested', locale)
    .setPreference('intl.accept_languages', locale)
    // Quiet: nothing of the browser's own may try the (absent) network during a test.
    .setPreference('app.update.enabled', false)
    .setPreference('browser.safebrowsing.downloads.remote.enabled', false)
    .setPreference('extensions.getAddons.cache.enabled', false)
    .setPreference('network.captive-portal-service.enabled', false)
    .setPreference('network.connectivity-service.enabled', false);
  const service = new firefox.ServiceBuilder(GECKODRIVER)
    .addArguments('--allow-system-access')
    .setEnvironment({ ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), MOZ_HEADLESS: '1' });

  let driver;
  try {
    driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
    const addonId = await driver.installAddon(addon ?? zipPath('firefox'), true);
    if (addonId !== GECKO_ID) throw new Error(`installed add-on id ${addonId}, expected ${GECKO_ID}`);
    const base = `moz-extension://${uuid}/`;
    const close = async () => {
      await driver.quit().catch(() => {});
      await site.close();
      fs.rmSync(home, { recursive: true, force: true });
    };
    let extensionTab = null;
    /** Reads browser.storage.local (keys: null = all) from an extension page in a tab of its own. */
    const storage = async (keys = null) => {
      const current = await driver.getWindowHandle();
      if (!extensionTab) {
        await driver.switchTo().newWindow('tab');
        extensionTab = await driver.getWindowHandle();
        await driver.get(`${base}extension/popup.html`);
      } else {
        await driver.switchTo().window(extensionTab);
      }
      try {
        return await driver.executeAsyncScript(
          'const done = arguments[arguments.length - 1];'
          + 'browser.storage.local.get(arguments[0]).then(done, (e) => done({ __error: String(e) }));', keys);
      } finally {
        await driver.switchTo().window(current);
      }
    };
    return {
      driver, addonId, uuid, base, home, site, native, close, storage,
      openFixture: (urlPath, opts) => openFixture(driver, urlPath, opts),
      openExtensionPage: (page) => driver.get(base + page),
      /** Runs `fn(...args)` (an async function's source) in the current page; resolves its result. */
      run: (fn, ...args) => driver.executeAsyncScript(
        `const done = arguments[arguments.length - 1];
         (${fn}).apply(null, Array.from(arguments).slice(0, -1))
           .then((v) => done({ ok: true, v }), (e) => done({ ok: false, e: String(e && e.stack || e) }));`,
        ...args,
      ).then((r) => { if (!r.ok) throw new Error(r.e); return r.v; }),
    };
  } catch (e) {
    await driver?.quit().catch(() => {});
    await site.close();
    fs.rmSync(home, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Opens `urlPath` on the fixture site and waits for the content script's verdict on <html>
 * (data-beian = ready | fallback | error). With `expectNothing`, waits `settleMs` and returns
 * state null if no attribute appeared.
 */
export async function openFixture(driver, urlPath, { timeout = 20_000, expectNothing = false, settleMs = 1500 } = {}) {
  await driver.get(SITE + urlPath);
  const read = () => driver.executeScript(() => {
    const r = document.documentElement;
    const s = r.getAttribute('data-beian');
    return s ? { state: s, error: r.getAttribute('data-beian-error') } : null;
  });
  if (expectNothing) {
    await driver.sleep(settleMs);
    return { state: (await read())?.state ?? null, error: null };
  }
  const verdict = await driver.wait(read, timeout, `no data-beian on ${urlPath} within ${timeout} ms`);
  return verdict;
}

/** Polls `probe` (async, returns a value or null/false) until truthy; returns the value. */
export async function eventually(probe, { timeout = 10_000, interval = 200, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${message}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}
