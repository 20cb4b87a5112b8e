//! `beian export [--format json|csv]` and `beian import FILE`: moving the event log between stores.
//!
//! Export JSON: `{ "format": "beian-export", "version": 1, "records": [Record], "events": [Event] }`.
//! Export CSV: one row per event (records are their fold, so events are the whole truth).
//! Import accepts an export JSON, a bare JSON array of events, or an export CSV; it merges by
//! `event_id` in one transaction: all or nothing, duplicates counted, never stored twice.

use super::args::{Args, Format};
use super::{open_store, print_json, usage_error, wants_help};
use crate::{tracking, ExitCode};
use beian_tracker::{Event, EventDetail, EventSource, Stage};
use serde_json::{json, Value};
use std::io::Write;

const EXPORT_HELP: &str = "\
Usage: beian export [--format json|csv]

Prints all records and events. json (default): { format, version, records, events };
csv: one row per event: event_id,appid,app_name,kind,stage,observed_at,source,status_text,reason,filing_number.";

const IMPORT_HELP: &str = "\
Usage: beian import FILE

Merges the events of FILE (a `beian export` JSON or CSV, or a JSON array of events; `-` = stdin)
into the database by event id: nothing is stored twice. All or nothing: exit 2 on a bad file.";

const CSV_COLUMNS: [&str; 10] = ["event_id", "appid", "app_name", "kind", "stage", "observed_at", "source", "status_text", "reason", "filing_number"];

pub fn export(mut args: Args) -> ExitCode {
    if wants_help(&mut args, EXPORT_HELP) {
        return ExitCode::Ok;
    }
    let format = match args.format(&[Format::Json, Format::Csv]).and_then(|f| args.finish().map(|_| f)) {
        Ok(f) => f,
        Err(m) => return usage_error("export", &m),
    };
    let store = match open_store("export") {
        Ok(s) => s,
        Err(code) => return code,
    };
    let (records, events) = match store.records().and_then(|r| store.all_events().map(|e| (r, e))) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("beian export: {e}");
            return ExitCode::Unreadable;
        }
    };
    if format == Format::Json {
        print_json(&json!({ "format": "beian-export", "version": 1, "records": records, "events": events }));
        return ExitCode::Ok;
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut lines = vec![CSV_COLUMNS.join(",")];
    for e in &events {
        let source = serde_json::to_value(e.source).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        let cells = [
            e.event_id.as_str(), e.appid.as_str(), e.app_name.as_deref().unwrap_or(""), e.kind.as_str(), e.stage.id(),
            e.observed_at.as_str(), source.as_str(), e.detail.status_text.as_deref().unwrap_or(""),
            e.detail.reason.as_deref().unwrap_or(""), e.detail.filing_number.as_deref().unwrap_or(""),
        ];
        lines.push(cells.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(","));
    }
    for line in lines {
        if writeln!(out, "{line}").is_err() {
            break;
        }
    }
    let _ = out.flush();
    ExitCode::Ok
}

/// RFC 4180 quoting; a leading `=`, `+`, `-`, `@` is prefixed with `'` so spreadsheets do not run it.
fn csv_cell(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_string() };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// Splits RFC 4180 CSV into rows of cells.
fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, String> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    if quoted {
        return Err("unterminated quoted CSV cell".into());
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    Ok(rows)
}

fn unguard(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => s,
    }
}

fn events_from_csv(text: &str) -> Result<Vec<Event>, String> {
    let rows = parse_csv(text)?;
    let Some((header, body)) = rows.split_first() else { return Ok(Vec::new()) };
    if header.iter().map(String::as_str).ne(CSV_COLUMNS) {
        return Err(format!("CSV header must be {}", CSV_COLUMNS.join(",")));
    }
    let opt = |s: &str| (!s.is_empty()).then(|| unguard(s).to_string());
    body.iter()
        .enumerate()
        .filter(|(_, r)| !(r.len() == 1 && r[0].is_empty()))
        .map(|(i, r)| {
            let line = i + 2;
            if r.len() != CSV_COLUMNS.len() {
                return Err(format!("line {line}: {} cells, expected {}", r.len(), CSV_COLUMNS.len()));
            }
            let stage = Stage::from_id(&r[4]).ok_or_else(|| format!("line {line}: unknown stage {:?}", r[4]))?;
            let source: EventSource = serde_json::from_value(Value::String(r[6].clone())).map_err(|_| format!("line {line}: unknown source {:?}", r[6]))?;
            Ok(Event {
                event_id: unguard(&r[0]).to_string(),
                appid: unguard(&r[1]).to_string(),
                app_name: opt(&r[2]),
                kind: r[3].clone(),
                stage,
                observed_at: r[5].clone(),
                source,
                detail: EventDetail { status_text: opt(&r[7]), reason: opt(&r[8]), filing_number: opt(&r[9]) },
            })
        })
        .collect()
}

/// The events in an import file, or why it is not one.
pub fn parse_import(bytes: &[u8]) -> Result<Vec<Event>, String> {
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).map_err(|_| "not UTF-8 text".to_string())?;
    let trimmed = text.trim_start();
    let items = if trimmed.starts_with('{') || trimmed.starts_with('[') {
        match serde_json::from_str::<Value>(text).map_err(|e| format!("not valid JSON: {e}"))? {
            Value::Array(items) => items,
            Value::Object(mut map) => match map.remove("events") {
                Some(Value::Array(items)) => items,
                _ => return Err("a JSON object without an `events` array (expected a `beian export`)".into()),
            },
            _ => return Err("the top level must be an export object or an array of events".into()),
        }
    } else if trimmed.starts_with("event_id,") {
        return events_from_csv(text).and_then(|events| {
            events.iter().try_for_each(tracking::validate)?;
            Ok(events)
        });
    } else {
        return Err("neither a `beian export` JSON/CSV nor a JSON array of events".into());
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let event: Event = serde_json::from_value(item).map_err(|e| format!("events[{i}]: {e}"))?;
            tracking::validate(&event).map_err(|e| format!("events[{i}]: {e}"))?;
            Ok(event)
        })
        .collect()
}

pub fn import(mut args: Args) -> ExitCode {
    if wants_help(&mut args, IMPORT_HELP) {
        return ExitCode::Ok;
    }
    let file = match args.positionals() {
        Ok(p) if p.len() == 1 => p[0].clone(),
        Ok(_) => return usage_error("import", "exactly one FILE is required"),
        Err(m) => return usage_error("import", &m),
    };
    let bytes = match super::check::read_input(&file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("beian import: {file}: {e}");
            return ExitCode::Unreadable;
        }
    };
    let events = match parse_import(&bytes) {
        Ok(events) => events.into_iter().map(tracking::masked).collect::<Vec<_>>(),
        Err(e) => {
            eprintln!("beian import: {file}: {e}");
            return ExitCode::Unreadable;
        }
    };
    let mut store = match open_store("import") {
        Ok(s) => s,
        Err(code) => return code,
    };
    match store.record_events(&events) {
        Ok(counts) => {
            println!("imported {} new events, {} already present", counts.stored, counts.duplicates);
            ExitCode::Ok
        }
        Err(e) => {
            eprintln!("beian import: {e}");
            ExitCode::Unreadable
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_round_trips_awkward_text() {
        let cells = ["a,b", "say \"hi\"", "line\nbreak", "=SUM(A1)", "plain"];
        let line: Vec<_> = cells.iter().map(|c| csv_cell(c)).collect();
        let parsed = parse_csv(&format!("{}\n", line.join(","))).unwrap();
        let back: Vec<_> = parsed[0].iter().map(|c| unguard(c).to_string()).collect();
        assert_eq!(back, cells);
    }

    #[test]
    fn import_rejects_files_that_are_not_exports() {
        assert!(parse_import(b"hello").is_err());
        assert!(parse_import(b"{\"records\":[]}").is_err());
        assert!(parse_import(b"[{\"event_id\":\"a\"}]").is_err());
        assert!(parse_import(b"\xff\xfe").is_err());
        assert_eq!(parse_import(b"[]").unwrap().len(), 0);
    }
}
