//! `cargo xtask bench-content` and `cargo xtask screenshot`: the content script measured and shown
//! in headless Chromium (node scripts under `tests/bench/`, run on the freshly built extension).

use crate::util::{root, run as sh};
use std::process::Command;

/// Builds the extension, then runs `tests/bench/content-bench.mjs` (extra args are passed on, e.g. `--json`).
pub fn bench(args: &[String]) -> Result<(), String> {
    crate::build::run(&[])?;
    sh(Command::new("node").arg(root().join("tests/bench/content-bench.mjs")).args(args))
}

/// Builds the extension, then writes `docs/screenshot-form.png`.
pub fn screenshot(args: &[String]) -> Result<(), String> {
    if let Some(a) = args.first() {
        return Err(format!("screenshot: unexpected argument `{a}`"));
    }
    crate::build::run(&[])?;
    sh(Command::new("node").arg(root().join("tests/bench/screenshot.mjs")))
}
