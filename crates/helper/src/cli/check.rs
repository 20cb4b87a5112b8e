//! `beian check FILE… [--format text|json] [--today YYYY-MM-DD] [--complete]` (contracts.md §3).
//!
//! Exit 0: no errors; 1: some draft has errors; 2: some input could not be read (that wins). With one
//! file, `--format json` prints exactly the findings JSON of contracts.md §2. With several, it prints
//! one JSON array of `{ "file", "findings", "summary" }` (or `{ "file", "error" }` for an unreadable
//! one), in the order given.

use super::args::{Args, Format};
use super::{labels, style::Style};
use crate::draft_input::{parse_draft, DraftError};
use crate::{clock, ExitCode};
use beian_rules::{check, Date, Options, Report, Severity};
use std::io::{Read, Write};

pub const HELP: &str = "\
Usage: beian check FILE... [--format text|json] [--today YYYY-MM-DD] [--complete]

Checks filing drafts (JSON, see contracts.md §1) with the same rules as the extension.
  FILE            a draft file; `-` reads standard input
  --format F      text (default, for people) or json (findings JSON; an array for several files)
  --today DATE    the day to check against (default: today's local date)
  --complete      also report missing required fields (as on submit)

Exit status: 0 no errors, 1 errors found, 2 an input could not be read.";

/// Why a named input could not be checked.
pub enum InputError {
    Read(String),
    Draft(DraftError),
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::Read(m) => f.write_str(m),
            InputError::Draft(e) => e.fmt(f),
        }
    }
}

pub fn read_input(name: &str) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    if name == "-" {
        std::io::stdin().lock().read_to_end(&mut bytes).map_err(|e| InputError::Read(format!("cannot read standard input: {e}")))?;
        return Ok(bytes);
    }
    let path = std::path::Path::new(name);
    if path.is_dir() {
        return Err(InputError::Read("is a directory, expected a draft JSON file".into()));
    }
    std::fs::File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| InputError::Read(match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".into(),
            std::io::ErrorKind::PermissionDenied => "permission denied".into(),
            _ => format!("cannot read: {e}"),
        }))?;
    Ok(bytes)
}

/// Checks one named input.
pub fn check_input(name: &str, options: &Options) -> Result<Report, InputError> {
    let bytes = read_input(name)?;
    let draft = parse_draft(&bytes).map_err(InputError::Draft)?;
    Ok(check(&draft, options))
}

pub fn run(mut args: Args) -> ExitCode {
    if args.flag("--help") || args.flag("-h") {
        println!("{HELP}");
        return ExitCode::Ok;
    }
    let parsed = (|| {
        let format = args.format(&[Format::Text, Format::Json])?;
        let today = match args.value("--today")? {
            Some(t) => Date::parse(&t).ok_or_else(|| format!("--today {t:?} is not a date (YYYY-MM-DD)"))?,
            None => clock::local_today(),
        };
        let complete = args.flag("--complete");
        let files = args.positionals()?;
        if files.is_empty() {
            return Err("no FILE given (use `-` for standard input)".to_string());
        }
        Ok((format, Options { today, complete }, files))
    })();
    let (format, options, files) = match parsed {
        Ok(p) => p,
        Err(message) => return super::usage_error("check", &message),
    };

    let results: Vec<(String, Result<Report, InputError>)> =
        files.into_iter().map(|f| { let r = check_input(&f, &options); (f, r) }).collect();

    let mut exit = ExitCode::Ok;
    for (name, result) in &results {
        match result {
            Err(e) => {
                eprintln!("beian: {}: {e}", display_name(name));
                exit = ExitCode::Unreadable;
            }
            Ok(r) if r.has_errors() && exit == ExitCode::Ok => exit = ExitCode::Findings,
            Ok(_) => {}
        }
    }

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = match format {
        Format::Json if results.len() == 1 => match &results[0].1 {
            Ok(report) => serde_json::to_writer(&mut out, report).map_err(std::io::Error::from).and_then(|_| writeln!(out)),
            Err(_) => Ok(()),
        },
        Format::Json => {
            let items: Vec<serde_json::Value> = results
                .iter()
                .map(|(name, r)| match r {
                    Ok(report) => serde_json::json!({ "file": name, "findings": report.findings, "summary": report.summary }),
                    Err(e) => serde_json::json!({ "file": name, "error": e.to_string() }),
                })
                .collect();
            serde_json::to_writer(&mut out, &items).map_err(std::io::Error::from).and_then(|_| writeln!(out))
        }
        _ => {
            let style = Style::for_stdout();
            let english = labels::wants_english();
            let many = results.len() > 1;
            results.iter().try_for_each(|(name, r)| match r {
                Ok(report) => write_text(&mut out, &display_name(name), report, &style, english, many),
                Err(_) => Ok(()),
            })
        }
    };
    if written.and_then(|_| out.flush()).is_err() {
        // stdout closed (e.g. `| head`): nothing more to say, keep the verdict.
    }
    exit
}

fn display_name(name: &str) -> String {
    if name == "-" { "<stdin>".into() } else { name.into() }
}

/// People-facing report: a summary line, then findings grouped by form section with the field's
/// Chinese label, severity and message (plus the English message when `LANG` is English).
pub fn write_text(out: &mut impl Write, name: &str, report: &Report, style: &Style, english: bool, with_name: bool) -> std::io::Result<()> {
    let s = report.summary;
    let head = if with_name { format!("{name}: ") } else { String::new() };
    if report.findings.is_empty() {
        writeln!(out, "{head}{}", style.good("没有发现问题 (no findings)"))?;
        return Ok(());
    }
    writeln!(out, "{head}{} 个错误，{} 个警告，{} 条提示 ({} errors, {} warnings, {} info)", s.error, s.warning, s.info, s.error, s.warning, s.info)?;
    let mut current_section = None;
    for f in &report.findings {
        let section = labels::section_of(&f.field);
        if current_section != Some(section) {
            current_section = Some(section);
            writeln!(out, "\n{}", style.bold(&format!("{} ({})", section.0, section.1)))?;
        }
        let (mark, word) = match f.severity {
            Severity::Error => ("✗", style.error("错误")),
            Severity::Warning => ("!", style.warning("警告")),
            Severity::Info => ("i", style.info("提示")),
        };
        let label = labels::field_label(&f.field);
        writeln!(out, "  {mark} {word} {label} [{}] {}", f.field, f.message)?;
        if english && !f.message_en.is_empty() {
            writeln!(out, "      {}", f.message_en)?;
        }
        writeln!(out, "      {}", style.dim(&format!("rule: {}", f.rule.id())))?;
    }
    Ok(())
}
