//! One handler per request type (PROTOCOL.md). Each takes the request's fields and returns the
//! reply's `data` or an error; none writes anywhere.

use super::{ErrorCode, HostError, Session, VERSION};
use crate::{clock, draft_input, tracking};
use beian_rules::{check, Date, Options};
use beian_tracker::{Event, Timestamp};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// Request types this host answers, as announced by `hello`.
pub const CAPABILITIES: &[&str] = &["hello", "check", "record_events", "list_records", "events_since", "status", "history", "remind", "record_context"];

/// `events_since` pages stop before this many bytes of events, leaving room for the envelope.
const PAGE_BYTES: usize = 900 * 1024;
const PAGE_EVENTS: usize = 5000;

type Fields = Map<String, Value>;

pub fn dispatch(mut fields: Fields, session: &mut Session) -> Result<Value, HostError> {
    let kind = match fields.remove("type") {
        Some(Value::String(s)) => s,
        Some(other) => return Err(HostError::new(ErrorCode::UnknownType, format!("`type` must be a string, got {}", draft_input::value_kind(&other)))),
        None => return Err(HostError::new(ErrorCode::UnknownType, "request has no `type`")),
    };
    match kind.as_str() {
        "hello" => hello(session),
        "check" => check_draft(fields),
        "record_events" => record_events(fields, session),
        "list_records" => Ok(Value::Array(session.store()?.records()?)),
        "events_since" => events_since(fields, session),
        "status" => status(session),
        "history" => history(fields, session),
        "remind" => remind(fields, session),
        "record_context" => record_context(fields, session),
        other => Err(HostError::new(ErrorCode::UnknownType, format!("unknown request type {other:?}; known: {}", CAPABILITIES.join(", ")))),
    }
}

fn invalid(message: impl Into<String>) -> HostError {
    HostError::new(ErrorCode::InvalidArgument, message)
}

fn hello(session: &Session) -> Result<Value, HostError> {
    Ok(json!({
        "version": VERSION,
        "db_path": session.db_path().map(|p| p.display().to_string()),
        "capabilities": CAPABILITIES,
    }))
}

fn check_draft(mut fields: Fields) -> Result<Value, HostError> {
    let draft = fields.remove("draft").ok_or_else(|| invalid("`draft` is required"))?;
    let draft = draft_input::draft_from_value(draft).map_err(|e| invalid(format!("`draft`: {e}")))?;
    let today = match fields.get("today") {
        None | Some(Value::Null) => clock::local_today(),
        Some(Value::String(s)) => Date::parse(s).ok_or_else(|| invalid(format!("`today` {s:?} is not a date (YYYY-MM-DD)")))?,
        Some(other) => return Err(invalid(format!("`today` must be a string, got {}", draft_input::value_kind(other)))),
    };
    let complete = match fields.get("complete") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(other) => return Err(invalid(format!("`complete` must be a boolean, got {}", draft_input::value_kind(other)))),
    };
    let report = check(&draft, &Options { today, complete });
    serde_json::to_value(report).map_err(|e| HostError::new(ErrorCode::Internal, e.to_string()))
}

fn record_events(mut fields: Fields, session: &mut Session) -> Result<Value, HostError> {
    let Some(Value::Array(items)) = fields.remove("events") else {
        return Err(invalid("`events` must be an array of events"));
    };
    let mut events = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let event: Event = serde_json::from_value(item).map_err(|e| invalid(format!("events[{i}]: {e}")))?;
        tracking::validate(&event).map_err(|e| invalid(format!("events[{i}]: {e}")))?;
        events.push(tracking::masked(event));
    }
    let counts = session.store()?.record_events(&events)?;
    Ok(json!({ "stored": counts.stored, "duplicates": counts.duplicates }))
}

fn events_since(fields: Fields, session: &mut Session) -> Result<Value, HostError> {
    let after = match fields.get("cursor") {
        None | Some(Value::Null) => 0,
        Some(Value::String(s)) if s.is_empty() => 0,
        Some(Value::String(s)) => s.parse::<i64>().ok().filter(|n| *n >= 0).ok_or_else(|| invalid(format!("`cursor` {s:?} is not a cursor from this host")))?,
        Some(other) => return Err(invalid(format!("`cursor` must be a string, got {}", draft_input::value_kind(other)))),
    };
    let page = session.store()?.events_since(after, PAGE_EVENTS, PAGE_BYTES)?;
    Ok(json!({ "events": page.events, "cursor": page.last_seq.to_string(), "more": page.more }))
}

/// Record summaries (records without `history`) with their next deadline at `now` (what
/// `beian status --format json` prints).
pub fn status_data(summaries: Vec<Value>, now: Timestamp) -> Value {
    let rows: Vec<Value> = summaries
        .into_iter()
        .map(|mut value| {
            let deadline = tracking::parse_summary(&value).and_then(|r| tracking::next_deadline(&r, now));
            if let Value::Object(map) = &mut value {
                map.insert("next_deadline".into(), deadline.map_or(Value::Null, |d| Value::String(d.to_beijing().to_rfc3339())));
            }
            value
        })
        .collect();
    Value::Array(rows)
}

fn status(session: &mut Session) -> Result<Value, HostError> {
    Ok(status_data(session.store()?.record_summaries()?, clock::now()))
}

fn history(fields: Fields, session: &mut Session) -> Result<Value, HostError> {
    let Some(Value::String(appid)) = fields.get("appid") else {
        return Err(invalid("`appid` must be a string"));
    };
    let store = session.store()?;
    let events = store.events_for(appid)?.ok_or_else(|| invalid(format!("unknown appid {appid:?}")))?;
    Ok(history_data(appid, &events))
}

/// `{ appid, record, events }` with events in time order (what `beian history --format json` prints).
pub fn history_data(appid: &str, events: &[Event]) -> Value {
    let mut sorted: Vec<&Event> = events.iter().collect();
    sorted.sort_by_key(|e| (Timestamp::parse(&e.observed_at).map(|t| t.unix_seconds), e.event_id.clone()));
    json!({ "appid": appid, "record": tracking::record_json(events), "events": sorted })
}

fn remind(fields: Fields, session: &mut Session) -> Result<Value, HostError> {
    let now = match fields.get("now") {
        None | Some(Value::Null) => clock::now(),
        Some(Value::String(s)) => Timestamp::parse(s).ok_or_else(|| invalid(format!("`now` {s:?} is not RFC 3339")))?,
        Some(other) => return Err(invalid(format!("`now` must be a string, got {}", draft_input::value_kind(other)))),
    };
    let store = session.store()?;
    let records = store.records()?;
    let contexts = store.contexts()?;
    Ok(json!({ "now": now.to_rfc3339(), "due": remind_data(&records, &contexts, now) }))
}

/// Everything due at `now` across records, each with its stored context (certificate expiry).
pub fn remind_data(records: &[Value], contexts: &BTreeMap<String, Value>, now: Timestamp) -> Vec<tracking::Due> {
    records
        .iter()
        .filter_map(tracking::parse_record)
        .flat_map(|r| {
            let ctx = contexts.get(&r.appid).map(tracking::record_context).unwrap_or_default();
            tracking::reminders(&r, now, &ctx)
        })
        .collect()
}

/// Stores the province and certificate end dates of one filing (replacing what was stored).
fn record_context(fields: Fields, session: &mut Session) -> Result<Value, HostError> {
    let appid = match fields.get("appid") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim(),
        _ => return Err(invalid("`appid` must be a non-empty string")),
    };
    let context = fields.get("context").ok_or_else(|| invalid("`context` is required"))?;
    let context = Value::Object(tracking::normalized_context(context).map_err(invalid)?);
    session.store()?.set_context(appid, &context)?;
    Ok(json!({ "appid": appid, "context": context }))
}
