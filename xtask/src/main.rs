//! `cargo xtask <command>`: the project's build, test and packaging entry points.
//!
//! Commands live one per module: `build` (wasm → wasm-bindgen → wasm-opt → `extension/pkg`),
//! `test` (every test: Rust, browser end-to-end), `install` (build + install the helper and
//! register it with the browsers).

mod build;
mod content_tools;
mod install;
mod package;
mod test;
mod util;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  build      build the extension into extension/pkg (wasm content script, no-wasm fallback, worker)
  package    build, then dist/: reproducible Chrome and Firefox zips and unpacked trees
  install    build, install the `beian` helper (cargo install) and register it with the browsers
  test       run every test: cargo tests, then the browser end-to-end suites
  bench-content  build, then measure the content script (sizes, load → ready, keystroke → hint)
  screenshot     build, then docs/screenshot-form.png (the replica form with live hints)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    let result = match args.first().map(String::as_str) {
        Some("build") => build::run(rest),
        Some("install") => install::run(rest),
        Some("package") => package::run(rest),
        Some("test") => test::run(rest),
        Some("bench-content") => content_tools::bench(rest),
        Some("screenshot") => content_tools::screenshot(rest),
        Some("-h" | "--help" | "help") | None => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
