//! `cargo xtask test`: every test of the project, in the order that fails fastest.
//!
//! 1. `cargo test --workspace` — rule, tracker, form-map and helper tests, including the
//!    differential tests against python-stdnum/phonenumbers/chinesecalendar and the helper's
//!    crash-safety test (they need the Python packages of `tests/oracles/requirements.txt`).
//! 2. `cargo xtask build` — the extension as a user loads it (wasm, no-wasm fallback, worker).
//! 3. `cargo xtask package` — the store zips and unpacked `dist/chrome`, `dist/firefox`.
//! 4. `node --test tests/e2e/ tests/firefox/` — the built extension in Debian's Chromium
//!    (playwright-core) and in Firefox ESR (selenium-webdriver + geckodriver), with the freshly built
//!    `beian` helper for native messaging; `web-ext lint` on the Firefox package.
//!
//! `--no-browser` stops after step 1 (for a machine without browsers); `--no-firefox` skips the
//! Firefox suite.

use crate::util::{cargo, root, run as sh};
use std::process::Command;

pub fn run(args: &[String]) -> Result<(), String> {
    let no_browser = args.iter().any(|a| a == "--no-browser");
    let no_firefox = args.iter().any(|a| a == "--no-firefox");
    if let Some(unknown) = args.iter().find(|a| !matches!(a.as_str(), "--no-browser" | "--no-firefox")) {
        return Err(format!("test: unknown option `{unknown}` (known: --no-browser, --no-firefox)"));
    }
    sh(cargo().args(["test", "--workspace", "--locked"]))?;
    if no_browser {
        return Ok(());
    }
    crate::build::run(&[])?;
    // The end-to-end suites spawn target/debug/beian as the native-messaging host.
    sh(cargo().args(["build", "--locked", "-p", "beian-helper"]))?;
    crate::package::run(&["--no-build".to_string()])?;
    let mut suites = vec!["e2e"];
    if !no_firefox {
        suites.push("firefox");
    }
    let mut files = Vec::new();
    for suite in suites {
        let dir = root().join("tests").join(suite);
        let mut found: Vec<_> = std::fs::read_dir(&dir)
            .map_err(|err| format!("cannot read {}: {err}", dir.display()))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
            .collect();
        if found.is_empty() {
            return Err(format!("no end-to-end tests found in {}", dir.display()));
        }
        found.sort();
        files.extend(found);
    }
    // One node process per file keeps browser profiles apart; --test-concurrency=1 because each
    // suite starts its own Chromium and the machine has two cores.
    let mut node = Command::new("node");
    node.args(["--test", "--test-concurrency=1"]).args(&files);
    sh(&mut node)
}
