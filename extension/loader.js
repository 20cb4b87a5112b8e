// 小程序备案助手 content-script loader (a classic script: content scripts cannot be ES modules).
//
// Cheap first: on every mp.weixin.qq.com page this only checks whether the page is a filing form
// (a form control plus one of the section headings in its text, or several controls and two
// labels only the form has) or a filing status page. Nothing is fetched, no attribute is
// set and no listener stays behind on other pages beyond a debounced, backing-off MutationObserver that
// re-probes when the single-page admin renders something new. On a filing form it imports the
// wasm-bindgen glue and starts the Rust checker; where the page's CSP forbids compiling WebAssembly
// in content scripts (no 'wasm-unsafe-eval'/'unsafe-eval'), it loads the wasm2js build of the same
// Rust code instead. If neither runs: data-beian="error" + data-beian-error, the page untouched.
(() => {
  'use strict';
  const ROOT = document.documentElement;
  // Section headings of at least 6 characters from crates/formmap/src/synonyms.rs (SECTIONS);
  // a formmap test fails when this copy misses one.
  const PROBE_HEADINGS = [
    '主办单位信息', '验证备案类型', '备案主体信息', '主办单位基本信息', '主体证件信息',
    '主体负责人信息', '主办单位负责人信息',
    '小程序基本信息',
    '小程序负责人信息', '小程序管理员信息', '小程序负责人',
    '上传其他信息材料', '其他信息材料', '上传其他材料',
  ];
  // Field labels only the filing form has (crates/formmap/src/page.rs PROBE_FIELD_LABELS, same
  // test): a form whose section names are not in its text still starts when it shows two of these
  // and four controls (an article about filing names labels too, but has one search box).
  const PROBE_LABELS = [
    '主办者性质', '主办单位性质', '主体性质', '应急手机号', '应急联系方式', '应急联系电话', '服务内容标识', '服务内容类型',
    '前置审批', '证件住所', '主体负责人', '小程序负责人',
  ];
  const PROBE_MIN_LABELS = 2;
  const PROBE_MIN_CONTROLS = 4;
  // The admin's filing status card (read by crates/content/src/stage_capture.rs): the same wasm
  // records the filing's stage there, so those pages load it too.
  const STATUS_PROBES = ['备案状态', '备案进度', '平台审核中', '管局审核中', '待短信核验', '审核驳回', 'ICP备'];
  const CONTROLS = 'input, textarea, select, [role="combobox"], [contenteditable="true"]';
  // Re-probe after the page has been quiet this long; a page that keeps mutating (a ticking clock,
  // polled notifications) is probed less and less often, down to every MAX_DELAY_MS, but never
  // given up on: the user may open the filing form after an hour in the admin.
  const DEBOUNCE_MS = 250;
  const MAX_DELAY_MS = 2000;
  const BACKOFF_AFTER = 40;
  let probes = 0;
  let timer = 0;
  let observer = null;
  let started = false;

  function looksLikeFilingPage() {
    const body = document.body;
    if (!body) return false;
    const text = body.textContent || '';
    if (STATUS_PROBES.some((s) => text.includes(s))) return true;
    if (PROBE_HEADINGS.some((h) => text.includes(h))) return body.querySelector(CONTROLS) !== null;
    // The label probe only where there are form controls to speak of, counted through the
    // browser's cached tag collections: a selector query or the label search, run cold, doubled
    // the probe on an article page (0.25 → 0.5 ms, measured).
    const controls = (tag) => body.getElementsByTagName(tag).length;
    if (controls('input') + controls('textarea') + controls('select') < PROBE_MIN_CONTROLS) return false;
    return PROBE_LABELS.filter((l) => text.includes(l)).length >= PROBE_MIN_LABELS;
  }

  // Benchmarks only (tests/bench/content-bench.mjs sets data-beian-bench before we run): time each
  // probe as a user-timing measure. Other pages get no performance entries from us.
  const BENCH = ROOT.hasAttribute('data-beian-bench');

  function timedProbe() {
    if (!BENCH) return looksLikeFilingPage();
    const t0 = performance.now();
    const result = looksLikeFilingPage();
    performance.measure('beian:probe', { start: t0, end: performance.now() });
    return result;
  }

  function probe() {
    timer = 0;
    probes += 1;
    if (started) return;
    if (timedProbe()) {
      stopWatching();
      start();
    }
  }

  function delay() {
    return probes < BACKOFF_AFTER ? DEBOUNCE_MS : Math.min(MAX_DELAY_MS, DEBOUNCE_MS * (probes - BACKOFF_AFTER + 2));
  }

  function schedule() {
    if (!timer && !started) timer = setTimeout(probe, delay());
  }

  function navigated() {
    // An SPA route change: look soon, whatever the backoff says.
    probes = 0;
    if (timer) clearTimeout(timer);
    timer = 0;
    schedule();
  }

  function stopWatching() {
    if (observer) observer.disconnect();
    observer = null;
    if (timer) clearTimeout(timer);
    timer = 0;
    window.removeEventListener('hashchange', navigated);
    window.removeEventListener('popstate', navigated);
  }

  function fail(reason) {
    ROOT.setAttribute('data-beian', 'error');
    ROOT.setAttribute('data-beian-error', String(reason).slice(0, 200));
  }

  async function start() {
    started = true;
    if (BENCH) performance.mark('beian:load-start');
    let firstError;
    try {
      const glue = await import(chrome.runtime.getURL('extension/pkg/beian_content.js'));
      await glue.default({ module_or_path: chrome.runtime.getURL('extension/pkg/beian_content_bg.wasm') });
      glue.start('ready');
      return;
    } catch (e) {
      // Typically "CompileError: WebAssembly.instantiate(): Refused to compile or instantiate
      // WebAssembly module because 'unsafe-eval' is not an allowed source of script" (page CSP).
      firstError = e;
    }
    try {
      const glue = await import(chrome.runtime.getURL('extension/pkg-fallback/beian_content.js'));
      glue.start('fallback');
    } catch (e) {
      const name = (x) => (x && x.name) || 'Error';
      fail(`wasm: ${name(firstError)}: ${firstError && firstError.message}; fallback: ${name(e)}: ${e && e.message}`);
    }
  }

  if (timedProbe()) {
    start();
  } else {
    observer = new MutationObserver(schedule);
    observer.observe(ROOT, { childList: true, subtree: true });
    window.addEventListener('hashchange', navigated);
    window.addEventListener('popstate', navigated);
  }
})();
