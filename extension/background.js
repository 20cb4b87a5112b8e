// Service worker loader: starts the Rust/WASM worker (crates/worker) and forwards events to it.
// Listeners are registered synchronously here, because MV3 only delivers the event that woke the
// worker to listeners added in the first turn; they wait for the wasm before handing over.
import init, { background_start, on_message, on_alarm } from './pkg/beian_worker.js';

const ready = init({ module_or_path: new URL('./pkg/beian_worker_bg.wasm', import.meta.url) });
const started = ready.then(() => background_start()).catch((e) => console.error("beian: start", e));

chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (!message || typeof message.type !== 'string' || !message.type.startsWith('beian_')) return false;
  ready.then(() => on_message(message))
    .then(sendResponse, (e) => sendResponse({ ok: false, error: String(e?.message ?? e) }));
  return true; // the reply is sent asynchronously
});

chrome.alarms.onAlarm.addListener((alarm) => {
  ready.then(() => on_alarm(alarm.name)).catch((e) => console.error('beian: alarm', e));
});

// For tests and debugging through the real worker (serviceWorker.evaluate): the wasm entry points.
self.beian = { ready, started, onMessage: (m) => ready.then(() => on_message(m)),
  onAlarm: (name) => ready.then(() => on_alarm(name)), restart: () => ready.then(() => background_start()) };
