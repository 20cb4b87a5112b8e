//! The content script on mp.weixin.qq.com filing forms, compiled to wasm (and, for pages whose CSP
//! forbids WebAssembly, to JS through wasm2js — the same code).
//!
//! The JS loader (`extension/loader.js`) calls [`start`] once a cheap probe says the page looks like
//! a filing form. From then on: [`discover`] finds the fields by their label text (the synonym table
//! lives in `beian-formmap`), [`read`] turns their values into a `beian_rules::Draft`, the rule crate
//! checks it on every edit, and [`hints`] / [`summary`] show the findings next to the fields and in a
//! summary panel. [`watch`] wires the events (typing, IME composition, submit clicks, late sections).
//! On the admin's status pages [`stage_capture`] (written with the service worker) reads the filing's
//! stage and sends it to the service worker. Nothing else leaves the page: no network, no storage
//! of what was typed.

mod discover;
mod dom;
mod hints;
mod read;
mod session;
mod stage_capture;
mod summary;
mod today;
mod uploads;
mod watch;

use wasm_bindgen::prelude::*;

/// Starts the checker. `mode` is what `data-beian` says once a form is recognised: `ready` for the
/// wasm build, `fallback` for the wasm2js build. Never throws into the page: a failure to start
/// becomes `data-beian="error"` with the reason.
#[wasm_bindgen]
pub fn start(mode: &str) {
    if let Err(e) = session::start(mode) {
        dom::mark_error(&dom::describe(&e));
    }
}

/// Talc instead of Rust's default dlmalloc: about 3 KB less gzip in the content wasm (measured with
/// `cargo xtask bench-content`) and faster for the many short-lived strings of a keystroke check.
/// The wasm is single-threaded; `WasmDynamicTalc` grows linear memory as needed.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
