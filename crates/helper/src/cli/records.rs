//! `beian status`, `beian history APPID`, `beian remind`: reading the tracked filings.

use super::args::{Args, Format};
use super::style::{table, Style};
use super::{open_store, print_json, usage_error, wants_help};
use crate::host::requests::{history_data, remind_data, status_data};
use crate::{clock, ExitCode};
use beian_tracker::{Stage, Timestamp};
use serde_json::Value;

const STATUS_HELP: &str = "\
Usage: beian status [--format text|json]

Lists tracked filings: appid, name, stage, since, next deadline.
JSON: an array of records without `history` (see `beian history`), each with `next_deadline`
(RFC 3339 or null).";

const HISTORY_HELP: &str = "\
Usage: beian history APPID [--format text|json]

The stage timeline of one filing. JSON: { appid, record, events: [Event] } (events in time order).
Exit status 2 when the appid is unknown.";

const REMIND_HELP: &str = "\
Usage: beian remind [--format text|json] [--now RFC3339]

What needs action now: SMS verification deadlines, overdue reviews, rejections, and certificates
ending within 30 days (dates the browser extension sent with `record_context`).
JSON: { now, due: [{ appid, app_name, rule, severity, stage, deadline, message, message_en, due }] }.
Exit status: 0 nothing due, 1 something due.";

/// Chinese name of a stage for tables.
pub fn stage_zh(stage: Stage) -> &'static str {
    match stage {
        Stage::Draft => "草稿",
        Stage::PlatformReview => "平台初审",
        Stage::PlatformRejected => "平台驳回",
        Stage::SmsVerification => "短信核验",
        Stage::BureauReview => "管局审核",
        Stage::BureauRejected => "管局驳回",
        Stage::Filed => "已备案",
        Stage::ChangeReview => "变更审核",
        Stage::Cancelling => "注销中",
        Stage::Cancelled => "已注销",
        Stage::Withdrawn => "已撤回",
    }
}

fn text_of(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_string()
}

fn time_cell(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).and_then(Timestamp::parse).map(clock::short).unwrap_or_default()
}

pub fn status(mut args: Args) -> ExitCode {
    if wants_help(&mut args, STATUS_HELP) {
        return ExitCode::Ok;
    }
    let format = match args.format(&[Format::Text, Format::Json]).and_then(|f| args.finish().map(|_| f)) {
        Ok(f) => f,
        Err(m) => return usage_error("status", &m),
    };
    let store = match open_store("status") {
        Ok(s) => s,
        Err(code) => return code,
    };
    let records = match store.record_summaries() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("beian status: {e}");
            return ExitCode::Unreadable;
        }
    };
    let data = status_data(records, clock::now());
    if format == Format::Json {
        print_json(&data);
        return ExitCode::Ok;
    }
    let rows: Vec<Vec<String>> = data
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|r| {
            let stage = r.get("stage").and_then(Value::as_str).and_then(Stage::from_id);
            vec![
                text_of(r, "appid"),
                text_of(r, "app_name"),
                stage.map(|s| format!("{} {}", stage_zh(s), s.id())).unwrap_or_default(),
                time_cell(r, "since"),
                time_cell(r, "next_deadline"),
                r.get("events").and_then(Value::as_u64).unwrap_or(0).to_string(),
            ]
        })
        .collect();
    if rows.is_empty() {
        println!("没有跟踪中的备案 (no filings tracked yet)");
    } else {
        print!("{}", table(&["APPID", "名称", "阶段 STAGE", "自 SINCE", "下一期限 NEXT DEADLINE", "EVENTS"], &rows));
    }
    ExitCode::Ok
}

pub fn history(mut args: Args) -> ExitCode {
    if wants_help(&mut args, HISTORY_HELP) {
        return ExitCode::Ok;
    }
    let parsed = args.format(&[Format::Text, Format::Json]).and_then(|f| {
        let rest = args.positionals()?;
        match rest.as_slice() {
            [appid] => Ok((f, appid.clone())),
            [] => Err("APPID is required".to_string()),
            _ => Err("only one APPID".to_string()),
        }
    });
    let (format, appid) = match parsed {
        Ok(p) => p,
        Err(m) => return usage_error("history", &m),
    };
    let store = match open_store("history") {
        Ok(s) => s,
        Err(code) => return code,
    };
    let events = match store.events_for(&appid) {
        Ok(Some(events)) => events,
        Ok(None) => {
            eprintln!("beian history: unknown appid {appid:?} (see `beian status`)");
            return ExitCode::Unreadable;
        }
        Err(e) => {
            eprintln!("beian history: {e}");
            return ExitCode::Unreadable;
        }
    };
    let data = history_data(&appid, &events);
    if format == Format::Json {
        print_json(&data);
        return ExitCode::Ok;
    }
    let name = data["record"].get("app_name").and_then(Value::as_str).unwrap_or("");
    println!("{appid} {name}");
    let rows: Vec<Vec<String>> = data["events"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|e| {
            let stage = e.get("stage").and_then(Value::as_str).and_then(Stage::from_id);
            let detail = &e["detail"];
            let note = ["status_text", "reason", "filing_number"]
                .iter()
                .filter_map(|k| detail.get(*k).and_then(Value::as_str))
                .collect::<Vec<_>>()
                .join(" · ");
            vec![
                time_cell(e, "observed_at"),
                stage.map(|s| format!("{} {}", stage_zh(s), s.id())).unwrap_or_default(),
                text_of(e, "source"),
                note,
                text_of(e, "event_id"),
            ]
        })
        .collect();
    print!("{}", table(&["时间 TIME", "阶段 STAGE", "来源 SOURCE", "详情 DETAIL", "EVENT"], &rows));
    ExitCode::Ok
}

pub fn remind(mut args: Args) -> ExitCode {
    if wants_help(&mut args, REMIND_HELP) {
        return ExitCode::Ok;
    }
    let parsed = (|| {
        let format = args.format(&[Format::Text, Format::Json])?;
        let now = match args.value("--now")? {
            Some(s) => Timestamp::parse(&s).ok_or_else(|| format!("--now {s:?} is not RFC 3339 (e.g. 2026-11-23T09:00:00+08:00)"))?,
            None => clock::now(),
        };
        args.clone().finish()?;
        Ok::<_, String>((format, now))
    })();
    let (format, now) = match parsed {
        Ok(p) => p,
        Err(m) => return usage_error("remind", &m),
    };
    let store = match open_store("remind") {
        Ok(s) => s,
        Err(code) => return code,
    };
    let records = match store.records() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("beian remind: {e}");
            return ExitCode::Unreadable;
        }
    };
    let contexts = match store.contexts() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("beian remind: {e}");
            return ExitCode::Unreadable;
        }
    };
    let due = remind_data(&records, &contexts, now);
    let exit = if due.iter().any(|d| d.due) { ExitCode::Findings } else { ExitCode::Ok };
    if format == Format::Json {
        print_json(&serde_json::json!({ "now": now.to_rfc3339(), "due": due }));
        return exit;
    }
    if due.is_empty() {
        println!("现在没有需要处理的事项 (nothing due)");
        return exit;
    }
    let style = Style::for_stdout();
    let english = super::labels::wants_english();
    for d in &due {
        let sev = match d.severity {
            "error" => style.error("错误"),
            "warning" => style.warning("警告"),
            _ => style.info("提示"),
        };
        let name = d.app_name.as_deref().unwrap_or("");
        let deadline = d.deadline.as_deref().and_then(Timestamp::parse).map(|t| format!(" 期限 {}", clock::short(t))).unwrap_or_default();
        println!("{sev} {} {name} [{}]{deadline}", d.appid, d.rule);
        println!("    {}", d.message);
        if english {
            println!("    {}", d.message_en);
        }
    }
    exit
}
