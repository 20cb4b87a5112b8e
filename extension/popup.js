// Popup loader: runs the Rust/WASM popup (crates/worker, entry popup_start) into #app.
import init, { popup_start } from './pkg/beian_worker.js';

try {
  await init({ module_or_path: new URL('./pkg/beian_worker_bg.wasm', import.meta.url) });
  await popup_start();
} catch (e) {
  document.body.dataset.error = String(e?.message ?? e);
  document.getElementById('app').textContent = `备案助手无法启动 / The assistant could not start: ${e?.message ?? e}`;
}
