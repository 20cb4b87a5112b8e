//! `beian`, the local helper: a CLI (contracts.md §3) and, when a browser starts it, the
//! native-messaging host (contracts.md §4) — one binary, told apart by its arguments.

mod cli;
mod clock;
mod draft_input;
mod host;
mod manifest;
mod store;
mod tracking;

use std::io::IsTerminal;

/// Process exit status (contracts.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// Success; nothing found / nothing due.
    Ok = 0,
    /// `check`: errors found; `remind`: something is due.
    Findings = 1,
    /// Unreadable input, bad usage, unknown appid, storage failure.
    Unreadable = 2,
}

/// How the browser starts a host: Chromium passes the caller origin `chrome-extension://ID/` first
/// (on Windows a `--parent-window=` follows); Firefox passes the host manifest's path and the add-on id.
fn started_by_browser(args: &[String]) -> bool {
    match args {
        [first, ..] if first.starts_with("chrome-extension://") => true,
        [manifest, addon_id, ..] => {
            // Add-on ids are e-mail-like or a `{GUID}`; this keeps `beian a.json b.json` a CLI mistake.
            let addon_like = addon_id.contains('@') || addon_id.starts_with('{');
            manifest.ends_with(".json") && addon_like && std::path::Path::new(manifest).is_file()
        }
        _ => false,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // No arguments with frames piped in is also served as a host (scripts driving the protocol);
    // with a terminal on stdin it is a person asking for help.
    let piped_without_args = args.is_empty() && !std::io::stdin().is_terminal();
    let code = if started_by_browser(&args) || piped_without_args || args.first().is_some_and(|a| a == "host") {
        run_host()
    } else {
        cli::run(args)
    };
    std::process::exit(code as i32);
}

/// Serves the browser until it closes stdin. stdout carries frames only.
fn run_host() -> ExitCode {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut session = host::Session::new();
    match host::serve(&mut stdin.lock(), &mut stdout.lock(), &mut session) {
        Ok(()) => ExitCode::Ok,
        Err(e) => {
            eprintln!("beian host: connection ended: {e}");
            ExitCode::Unreadable
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn detects_browser_launches() {
        assert!(started_by_browser(&args(&["chrome-extension://abcdefghijklmnopabcdefghijklmnop/"])));
        assert!(started_by_browser(&args(&["chrome-extension://abc/", "--parent-window=0"])));
        let dir = tempfile::tempdir().unwrap();
        let manifest = dir.path().join("com.beian.helper.json");
        std::fs::write(&manifest, "{}").unwrap();
        let m = manifest.to_str().unwrap();
        assert!(started_by_browser(&args(&[m, "beian@mp-filing-assistant"])));
        assert!(!started_by_browser(&args(&[m])));
        assert!(!started_by_browser(&args(&["check", "a.json"])));
        assert!(!started_by_browser(&args(&["missing.json", "x@y"])));
        assert!(!started_by_browser(&args(&[m, "other.json"])));
        assert!(!started_by_browser(&args(&[])));
    }
}
