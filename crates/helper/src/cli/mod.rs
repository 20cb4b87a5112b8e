//! The command-line interface (contracts.md §3): one module per command family.

pub mod args;
mod bench;
mod check;
mod install;
mod labels;
mod records;
pub mod style;
mod transfer;

use crate::store::{self, Store};
use crate::ExitCode;
use args::Args;

const HELP: &str = "\
beian — 小程序备案助手 local helper

Usage: beian <command> [options]   (beian <command> --help for details)

Commands:
  check FILE...     check filing drafts (JSON) with the extension's rules
  status            list tracked filings: appid, name, stage, since, next deadline
  history APPID     the stage timeline of one filing
  remind            what needs action now (exit 1 when something is due)
  export            all records and events (--format json|csv)
  import FILE       merge events from an export (no duplicates)
  install           register the native-messaging host with browsers
  uninstall         remove the host registration
  doctor            where the database and host manifests are, and whether they work

Environment: BEIAN_DB=path overrides the database location; NO_COLOR disables colour;
LANG=en* adds English messages.";

pub fn run(argv: Vec<String>) -> ExitCode {
    let mut argv = argv.into_iter();
    let Some(command) = argv.next() else {
        eprintln!("{HELP}");
        return ExitCode::Unreadable;
    };
    let args = Args::new(argv.collect());
    match command.as_str() {
        "check" => check::run(args),
        "status" => records::status(args),
        "history" => records::history(args),
        "remind" => records::remind(args),
        "export" => transfer::export(args),
        "import" => transfer::import(args),
        "install" => install::install(args),
        "uninstall" => install::uninstall(args),
        "doctor" => install::doctor(args),
        "bench" => bench::run(args),
        "help" | "--help" | "-h" => {
            println!("{HELP}");
            ExitCode::Ok
        }
        "--version" | "-V" | "version" => {
            println!("beian {}", crate::host::VERSION);
            ExitCode::Ok
        }
        other => {
            eprintln!("beian: unknown command {other:?}\n\n{HELP}");
            ExitCode::Unreadable
        }
    }
}

/// Prints a usage problem and returns exit status 2.
pub fn usage_error(command: &str, message: &str) -> ExitCode {
    eprintln!("beian {command}: {message} (see `beian {command} --help`)");
    ExitCode::Unreadable
}

/// Opens the store for a command, or prints why not (exit 2).
pub fn open_store(command: &str) -> Result<Store, ExitCode> {
    let path = store::default_path().map_err(|m| {
        eprintln!("beian {command}: {m}");
        ExitCode::Unreadable
    })?;
    Store::open(&path).map_err(|e| {
        eprintln!("beian {command}: {e}");
        ExitCode::Unreadable
    })
}

/// `--help` handling shared by every command: prints `help` and says so.
pub fn wants_help(args: &mut Args, help: &str) -> bool {
    let asked = args.flag("--help") | args.flag("-h");
    if asked {
        println!("{help}");
    }
    asked
}

/// Prints `value` as one line of JSON.
pub fn print_json(value: &impl serde::Serialize) {
    match serde_json::to_string(value) {
        Ok(s) => println!("{s}"),
        Err(e) => eprintln!("beian: cannot serialise output: {e}"),
    }
}
