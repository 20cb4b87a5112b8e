//! What the helper needs from stage tracking, on top of `beian_tracker`: event validation and
//! masking before storage, the record JSON kept in the store, and "what is due now" for `status`
//! and `remind` (rules.md §F).

use beian_tracker::{deadline, fold, mask_pii, stage_findings, Deadline, Event, Record, RecordContext, Stage, Timestamp};
use beian_rules::data::province_from_input;
use beian_rules::{Date, Rule, Severity};
use serde::Serialize;
use serde_json::{Map, Value};

/// What `record_context` accepts: `RecordContext`'s fields, each a string or `null`.
pub const CONTEXT_FIELDS: &[&str] =
    &["subject_province", "licence_valid_until", "subject_principal_validity_end", "app_principal_validity_end"];

/// A validity end that never ends (`长期`): stored as is, read back as `None` (nothing expires).
pub const LONG_TERM: &str = "长期";

/// Validates a `record_context` `context` object and returns what may be stored: only
/// [`CONTEXT_FIELDS`], the province as its official name, dates as `YYYY-MM-DD` or `长期`. Anything
/// else (an unknown key, a non-string, text that is not a date) is refused, so no PII can be stored.
pub fn normalized_context(value: &Value) -> Result<Map<String, Value>, String> {
    let Value::Object(fields) = value else {
        return Err("`context` must be an object".into());
    };
    let mut out = Map::new();
    for (key, v) in fields {
        if !CONTEXT_FIELDS.contains(&key.as_str()) {
            return Err(format!("`context.{key}` is not a context field (known: {})", CONTEXT_FIELDS.join(", ")));
        }
        let text = match v {
            Value::Null => continue,
            Value::String(s) if s.trim().is_empty() => continue,
            Value::String(s) => s.trim(),
            _ => return Err(format!("`context.{key}` must be a string or null")),
        };
        let stored = if key == "subject_province" {
            province_from_input(text).map(|p| p.name.to_owned()).ok_or_else(|| format!("`context.{key}` is not a province"))?
        } else if text == LONG_TERM {
            LONG_TERM.to_owned()
        } else {
            Date::parse(text).map(|d| d.to_string()).ok_or_else(|| format!("`context.{key}` is not a date (YYYY-MM-DD) or 长期"))?
        };
        out.insert(key.clone(), Value::String(stored));
    }
    Ok(out)
}

/// A stored (normalized) context read back as the tracker's `RecordContext`.
pub fn record_context(stored: &Value) -> RecordContext {
    let text = |key: &str| stored.get(key).and_then(Value::as_str);
    let date = |key: &str| text(key).and_then(Date::parse);
    RecordContext {
        subject_province: text("subject_province").and_then(province_from_input),
        licence_valid_until: date("licence_valid_until"),
        subject_principal_validity_end: date("subject_principal_validity_end"),
        app_principal_validity_end: date("app_principal_validity_end"),
    }
}

/// Checks what the store relies on. Returns a message naming the problem.
pub fn validate(event: &Event) -> Result<(), String> {
    if event.event_id.trim().is_empty() {
        return Err("event_id is empty".into());
    }
    if event.appid.trim().is_empty() {
        return Err(format!("event {}: appid is empty", event.event_id));
    }
    if Timestamp::parse(&event.observed_at).is_none() {
        return Err(format!("event {}: observed_at {:?} is not RFC 3339 with an offset", event.event_id, event.observed_at));
    }
    Ok(())
}

/// The event as it may be stored: free text (reason, status text) with ID numbers, phone numbers
/// and e-mail addresses masked. The id is kept, so a masked re-send still deduplicates.
pub fn masked(mut event: Event) -> Event {
    for text in [&mut event.detail.reason, &mut event.detail.status_text] {
        if let Some(t) = text.as_mut() {
            *t = mask_pii(t);
        }
    }
    event
}

/// The record of one appid's events, as stored and as replied (`beian_tracker::Record` JSON). Events
/// that cannot be folded (another kind, bad time) give a record with no history.
pub fn record_json(events: &[Event]) -> serde_json::Value {
    match fold(events).into_iter().next() {
        Some(record) => serde_json::to_value(record).unwrap_or(serde_json::Value::Null),
        None => serde_json::json!({
            "appid": events.first().map(|e| e.appid.as_str()).unwrap_or(""),
            "events": 0,
            "history": [],
        }),
    }
}

/// A stored record JSON read back; `None` for the no-history placeholder.
pub fn parse_record(value: &serde_json::Value) -> Option<Record> {
    serde_json::from_value(value.clone()).ok()
}

/// A record summary (a record without `history`) read back, enough for its deadline.
pub fn parse_summary(value: &serde_json::Value) -> Option<Record> {
    let mut with_history = value.clone();
    with_history.as_object_mut()?.insert("history".into(), serde_json::Value::Array(Vec::new()));
    serde_json::from_value(with_history).ok()
}

/// Something the user should act on (or wait for) for one filing.
#[derive(Debug, Clone, Serialize)]
pub struct Due {
    pub appid: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_name: Option<String>,
    /// A rules.md §F id.
    pub rule: &'static str,
    pub severity: &'static str,
    pub stage: Stage,
    /// RFC 3339; when it applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    pub message: String,
    pub message_en: String,
    /// `true`: needs action now (makes `beian remind` exit 1).
    pub due: bool,
}

/// The next deadline of the record's current stage as seen at `now`: SMS confirmation 24 clock
/// hours after entry; platform review 2 and bureau review 20 working days (Chinese calendar,
/// Beijing dates) after entry, i.e. the moment the review becomes overdue.
pub fn next_deadline(record: &Record, now: Timestamp) -> Option<Timestamp> {
    match deadline(record, now)? {
        Deadline::SmsVerification(sms) => Some(sms.deadline),
        Deadline::PlatformReview(w) | Deadline::BureauReview(w) => Some(w.overdue_at),
    }
}

/// What `beian remind` reports for one record at `now`: the rules.md §F findings of
/// `beian_tracker::stage_findings`. Everything but the plain "filed" notice needs action.
/// Certificate expiry and the filing number's province need `ctx` (from `record_context`); with
/// the default context they are silent.
pub fn reminders(record: &Record, now: Timestamp, ctx: &RecordContext) -> Vec<Due> {
    let when = next_deadline(record, now).map(|d| d.to_beijing().to_rfc3339());
    stage_findings(record, now, ctx)
        .into_iter()
        .map(|f| Due {
            appid: record.appid.clone(),
            app_name: record.app_name.clone(),
            rule: f.rule.id(),
            severity: f.severity.as_str(),
            stage: record.stage,
            deadline: if f.field == "stage" { when.clone() } else { None },
            message: f.message,
            message_en: f.message_en,
            due: !(f.rule == Rule::StageFiled && f.severity == Severity::Info),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use beian_tracker::EventSource;

    fn event(id: &str, stage: Stage, at: &str) -> Event {
        Event {
            event_id: id.into(),
            appid: "wx0123456789abcdef".into(),
            app_name: None,
            kind: "stage".into(),
            stage,
            observed_at: at.into(),
            source: EventSource::Page,
            detail: Default::default(),
        }
    }

    #[test]
    fn masking_covers_reason_and_status_text_and_keeps_the_id() {
        let mut e = event("keep-me", Stage::BureauRejected, "2026-11-20T09:30:00+08:00");
        e.detail.reason = Some("请联系 13800138000 或 zhang.san@example.com，身份证 11010519491231002X 有误".into());
        e.detail.status_text = Some("管局审核驳回 13900139000".into());
        let m = masked(e);
        let all = format!("{:?}", m.detail);
        for raw in ["13800138000", "zhang.san@example.com", "11010519491231002X", "13900139000"] {
            assert!(!all.contains(raw), "{raw} in {all}");
        }
        assert_eq!(m.event_id, "keep-me");
    }

    #[test]
    fn rejects_events_the_store_cannot_place() {
        assert!(validate(&event("a", Stage::Draft, "2026-11-20T09:30:00+08:00")).is_ok());
        assert!(validate(&event("", Stage::Draft, "2026-11-20T09:30:00+08:00")).is_err());
        assert!(validate(&event("a", Stage::Draft, "2026-11-20")).is_err());
    }

    #[test]
    fn sms_deadline_is_24_clock_hours() {
        let record = parse_record(&record_json(&[event("a", Stage::SmsVerification, "2026-11-20T09:30:00+08:00")])).unwrap();
        let before = Timestamp::parse("2026-11-21T09:00:00+08:00").unwrap();
        let after = Timestamp::parse("2026-11-21T09:30:00+08:00").unwrap();
        assert_eq!(reminders(&record, before, &RecordContext::default())[0].rule, "stage_sms_pending");
        assert_eq!(reminders(&record, after, &RecordContext::default())[0].rule, "stage_sms_expired");
    }

    #[test]
    fn bureau_review_is_overdue_after_20_working_days() {
        let record = parse_record(&record_json(&[event("a", Stage::BureauReview, "2026-11-02T10:00:00+08:00")])).unwrap();
        assert!(reminders(&record, Timestamp::parse("2026-11-23T10:00:00+08:00").unwrap(), &RecordContext::default()).is_empty());
        let late = reminders(&record, Timestamp::parse("2026-12-15T10:00:00+08:00").unwrap(), &RecordContext::default());
        assert_eq!(late[0].rule, "stage_bureau_overdue");
    }
}
