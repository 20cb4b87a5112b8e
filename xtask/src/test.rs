//! `cargo xtask test`: every test of the project, in the order that fails fastest.
//!
//! 1. `cargo test --workspace` — rule, tracker, form-map and helper tests, including the
//!    differential tests against python-stdnum/phonenumbers/chinesecalendar and the helper's
//!    crash-safety test (they need the Python packages of `tests/oracles/requirements.txt`).
//! 2. `cargo xtask build` — the extension as a user loads it (wasm, no-wasm fallback, worker).
//! 3. `node --test tests/e2e/` — the built extension in Debian's Chromium (playwright-core),
//!    with the freshly built `beian` helper for native messaging.
//!
//! `--no-browser` stops after step 1 (for a machine without Chromium).

use crate::util::{cargo, root, run as sh};
use std::process::Command;

pub fn run(args: &[String]) -> Result<(), String> {
    let no_browser = args.iter().any(|a| a == "--no-browser");
    sh(cargo().args(["test", "--workspace", "--locked"]))?;
    if no_browser {
        return Ok(());
    }
    crate::build::run(&[])?;
    // The end-to-end suites spawn target/debug/beian as the native-messaging host.
    sh(cargo().args(["build", "--locked", "-p", "beian-helper"]))?;
    let e2e = root().join("tests").join("e2e");
    let mut files: Vec<_> = std::fs::read_dir(&e2e)
        .map_err(|err| format!("cannot read {}: {err}", e2e.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no end-to-end tests found in {}", e2e.display()));
    }
    // One node process per file keeps browser profiles apart; --test-concurrency=1 because each
    // suite starts its own Chromium and the machine has two cores.
    let mut node = Command::new("node");
    node.args(["--test", "--test-concurrency=1"]).args(&files);
    sh(&mut node)
}
