//! The event log kept in `chrome.storage.local`: its stored shape and the pure rules for taking in
//! new events (idempotent by `event_id`, a repeated observation of the current stage is no new
//! event, personal data masked before anything is kept). No browser API here, so native tests reach it.

use beian_tracker::{fold, is_new_observation, mask_pii, Event, Record, Timestamp};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

use beian_rules::data::province_from_input;
use beian_rules::ids::find_appid;
use beian_rules::Date;
use beian_tracker::RecordContext;

/// Storage keys. They are read by the popup and by the end-to-end tests.
pub const KEY_EVENTS: &str = "events";
pub const KEY_ERRORS: &str = "store_errors";
pub const KEY_SYNC: &str = "sync";
pub const KEY_NOTIFIED: &str = "notified";
pub const KEY_CONTEXTS: &str = "contexts";
pub const ALL_KEYS: [&str; 5] = [KEY_EVENTS, KEY_ERRORS, KEY_SYNC, KEY_NOTIFIED, KEY_CONTEXTS];

/// How many storage errors are kept (newest last); older ones are summarised by `total`.
const ERRORS_KEPT: usize = 20;

/// Everything the extension keeps. Events are stored as raw JSON so that an event a newer version
/// wrote (an unknown stage or kind) survives a round trip through this version untouched.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Stored {
    pub events: Vec<Value>,
    pub store_errors: StoreErrors,
    pub sync: SyncState,
    /// Names of reminders already shown, so a restarted worker does not repeat them.
    pub notified: Vec<String>,
    /// Per appid, the few facts of the submitted form that reminders need.
    pub contexts: BTreeMap<String, FormFacts>,
    /// Storage could not be read: this is not the stored state, so it must not be written back
    /// (that would replace the real log with an empty one).
    #[serde(skip)]
    pub unreadable: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StoreErrors {
    pub total: u32,
    pub recent: Vec<StoreError>,
}

/// A failed storage operation (typically the quota), kept so the popup can say that data was not saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoreError {
    pub at: String,
    pub operation: String,
    pub message: String,
}

impl StoreErrors {
    pub fn push(&mut self, error: StoreError) {
        self.total = self.total.saturating_add(1);
        self.recent.push(error);
        if self.recent.len() > ERRORS_KEPT {
            let excess = self.recent.len() - ERRORS_KEPT;
            self.recent.drain(..excess);
        }
    }
}

/// What the worker knows about the local helper.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HelperStatus {
    #[default]
    Unknown,
    Connected,
    NotInstalled,
    Error,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SyncState {
    pub status: HelperStatus,
    pub message: Option<String>,
    pub checked_at: Option<String>,
    pub helper_version: Option<String>,
    /// How many events at the start of the log the helper is known to have.
    pub pushed: usize,
    /// The helper's `events_since` cursor after the last pull.
    pub cursor: Option<String>,
    /// The helper's database (from `hello`): `pushed` and `cursor` are about this one.
    pub db_path: Option<String>,
}

impl Stored {
    /// Parses what `chrome.storage.local.get(ALL_KEYS)` returned. A damaged key is reset rather than
    /// failing the whole read; the damage is recorded as an error.
    pub fn from_storage_json(json: &str, now: Timestamp) -> Stored {
        let Ok(Value::Object(mut map)) = serde_json::from_str::<Value>(json) else {
            return Stored::default();
        };
        let mut stored = Stored::default();
        let mut damaged = Vec::new();
        if let Some(v) = map.remove(KEY_EVENTS) {
            match v {
                Value::Array(events) => stored.events = events,
                _ => damaged.push(KEY_EVENTS),
            }
        }
        macro_rules! take {
            ($key:expr, $field:ident) => {
                if let Some(v) = map.remove($key) {
                    match serde_json::from_value(v) {
                        Ok(x) => stored.$field = x,
                        Err(_) => damaged.push($key),
                    }
                }
            };
        }
        take!(KEY_ERRORS, store_errors);
        take!(KEY_SYNC, sync);
        take!(KEY_NOTIFIED, notified);
        take!(KEY_CONTEXTS, contexts);
        for key in damaged {
            stored.store_errors.push(StoreError {
                at: now.to_rfc3339(),
                operation: "read".into(),
                message: format!("stored value `{key}` was unreadable and has been reset"),
            });
        }
        stored
    }

    /// The events this version understands, in log order.
    pub fn parsed_events(&self) -> Vec<Event> {
        self.events.iter().filter_map(|v| serde_json::from_value(v.clone()).ok()).collect()
    }

    /// The filing records: one per appid, the fold of its events (tracker).
    pub fn records(&self) -> Vec<Record> {
        fold(&self.parsed_events())
    }
}

/// What a filing's record keeps of its submitted form: the subject's province and the end dates of
/// the licence and of both principals' certificates (as typed: `2030-01-01`, `长期`). By
/// construction nothing else (names, numbers, phones, addresses) can be stored. A flat struct rather
/// than a partial `Draft`: deserialising the whole draft model would cost the wasm ~100 KB.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FormFacts {
    pub province: Option<String>,
    pub license_valid_until: Option<String>,
    pub subject_principal_validity_end: Option<String>,
    pub app_principal_validity_end: Option<String>,
}

impl FormFacts {
    /// The tracker's context for reminders (what `RecordContext::from_draft` reads from a draft).
    pub fn record_context(&self) -> RecordContext {
        let date = |s: &Option<String>| s.as_deref().and_then(Date::parse);
        RecordContext {
            subject_province: self.province.as_deref().and_then(province_from_input),
            licence_valid_until: date(&self.license_valid_until),
            subject_principal_validity_end: date(&self.subject_principal_validity_end),
            app_principal_validity_end: date(&self.app_principal_validity_end),
        }
    }

    /// The helper's `record_context` context (PROTOCOL.md): `RecordContext`'s field names, only the
    /// values the helper accepts (a known province; a date or `长期`), so one mistyped date does not
    /// get the whole context refused. `None` when nothing is left.
    pub fn helper_context(&self) -> Option<Value> {
        let usable = |s: &Option<String>, ok: fn(&str) -> bool| {
            s.as_deref().map(str::trim).filter(|t| ok(t)).map(|t| Value::String(t.to_owned()))
        };
        let date = |t: &str| t == "长期" || Date::parse(t).is_some();
        let fields = [
            ("subject_province", usable(&self.province, |t| province_from_input(t).is_some())),
            ("licence_valid_until", usable(&self.license_valid_until, date)),
            ("subject_principal_validity_end", usable(&self.subject_principal_validity_end, date)),
            ("app_principal_validity_end", usable(&self.app_principal_validity_end, date)),
        ];
        let map: serde_json::Map<String, Value> =
            fields.into_iter().filter_map(|(k, v)| v.map(|v| (k.to_owned(), v))).collect();
        (!map.is_empty()).then_some(Value::Object(map))
    }

    /// The end date a `certificate_expiry_after_filing` finding's field refers to.
    pub fn end_date(&self, field: &str) -> Option<&str> {
        match field {
            "subject.license_valid_until" => self.license_valid_until.as_deref(),
            "subject_principal.validity_end" => self.subject_principal_validity_end.as_deref(),
            "app_principal.validity_end" => self.app_principal_validity_end.as_deref(),
            _ => None,
        }
    }
}

/// What the content script read off a page, sent raw (`{type: "beian_page_observed", ...}`): the
/// worker turns it into the identified, masked stage event with the tracker's status table, so the
/// content wasm carries neither the tracker nor a JSON serialiser. Never stored as such: only the
/// event built by [`PageObservation::to_event`] is, masked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct PageObservation {
    /// `status` (a status card) or `submitted` (the filing form's pre-submit hook).
    pub kind: String,
    pub appid: Option<String>,
    pub app_name: Option<String>,
    pub status_text: Option<String>,
    pub filing_number: Option<String>,
    pub reason: Option<String>,
    /// Text of the status card, used only to settle ambiguous status texts.
    pub context: String,
    /// Unix seconds of the observation (the page's clock).
    pub observed_at: i64,
}

impl PageObservation {
    /// The stage event this observation stands for; `None` when it has no appid or (for a status
    /// card) no status text the tracker knows. Reason and status text are masked here.
    pub fn to_event(&self) -> Option<Event> {
        use beian_tracker::{stage_from_status_text, EventDetail, EventSource, Stage};
        let appid = self.appid.as_deref().and_then(find_appid)?;
        let now = Timestamp::from_unix_beijing(self.observed_at);
        if self.kind == "submitted" {
            let detail = EventDetail { status_text: Some("提交备案".into()), ..EventDetail::default() };
            return Some(Event::new(appid, self.app_name.as_deref(), Stage::PlatformReview, now, EventSource::Page, detail));
        }
        let status_text = self.status_text.as_deref()?;
        let context = format!(
            "{} {} {}",
            self.filing_number.as_deref().unwrap_or(""),
            self.reason.as_deref().unwrap_or(""),
            self.context
        );
        let stage = stage_from_status_text(status_text, &context)?;
        let detail = EventDetail {
            status_text: Some(mask_pii(status_text)),
            reason: self.reason.as_deref().filter(|_| stage.is_rejected()).map(mask_pii),
            filing_number: self
                .filing_number
                .as_deref()
                .filter(|_| stage == Stage::Filed || stage == Stage::ChangeReview)
                .map(str::to_owned),
        };
        Some(Event::new(appid, self.app_name.as_deref(), stage, now, EventSource::Page, detail))
    }
}


/// The outcome of offering events to the log.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Accepted {
    pub stored: usize,
    pub duplicates: usize,
    /// Events refused as malformed (no appid, unreadable time), with the reason.
    pub refused: Vec<String>,
}

/// How offered events are compared with the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merge {
    /// Fresh observations (status page, popup): an `event_id` already present is a duplicate, and so
    /// is a repeated observation of the stage a filing is already in, with nothing new in it.
    Observation,
    /// Events another store already holds (the helper): union by `event_id`, so stores converge.
    Union,
}

/// Appends the new events of `incoming` to `log` (see [`Merge`]). Text that could hold personal
/// data is masked before it is kept; malformed events are refused with a reason.
pub fn accept(log: &mut Vec<Value>, incoming: Vec<Event>, merge: Merge) -> Accepted {
    let mut known: Vec<Event> = log.iter().filter_map(|v| serde_json::from_value(v.clone()).ok()).collect();
    let mut ids: std::collections::HashSet<String> =
        log.iter().filter_map(|v| v.get("event_id").and_then(Value::as_str).map(str::to_owned)).collect();
    let mut outcome = Accepted::default();
    for event in incoming {
        let event = sanitize(event);
        if let Err(reason) = validate(&event) {
            outcome.refused.push(reason);
            continue;
        }
        let repeated = merge == Merge::Observation && {
            let records = fold(&known);
            let record = records.iter().find(|r| r.appid == event.appid);
            !is_new_observation(record, event.stage, &event.detail)
        };
        if ids.contains(&event.event_id) || repeated {
            outcome.duplicates += 1;
            continue;
        }
        match serde_json::to_value(&event) {
            Ok(v) => log.push(v),
            Err(e) => {
                outcome.refused.push(format!("{}: {e}", event.event_id));
                continue;
            }
        }
        ids.insert(event.event_id.clone());
        known.push(event);
        outcome.stored += 1;
    }
    outcome
}

fn validate(event: &Event) -> Result<(), String> {
    let id = &event.event_id;
    if id.is_empty() || id.len() > 128 {
        return Err("event without a usable event_id".into());
    }
    if event.appid.is_empty() || event.appid.len() > 64 {
        return Err(format!("{id}: no appid"));
    }
    if Timestamp::parse(&event.observed_at).is_none() {
        return Err(format!("{id}: observed_at is not RFC 3339"));
    }
    Ok(())
}

/// Masks ID numbers, phone numbers and e-mail addresses in every free-text field of an event.
pub fn sanitize(mut event: Event) -> Event {
    let mask = |s: &mut Option<String>| {
        if let Some(text) = s.as_mut() {
            *text = mask_pii(text);
        }
    };
    mask(&mut event.app_name);
    mask(&mut event.detail.status_text);
    mask(&mut event.detail.reason);
    event
}

#[cfg(test)]
mod tests {
    use super::*;
    use beian_tracker::{EventDetail, EventSource, Stage};

    fn t(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    fn page(stage: Stage, at: &str, detail: EventDetail) -> Event {
        Event::new("wx0123456789abcdef", Some("某某记账"), stage, t(at), EventSource::Page, detail)
    }

    #[test]
    fn same_id_twice_is_one_event() {
        let mut log = Vec::new();
        let e = page(Stage::PlatformReview, "2026-11-20T09:30:00+08:00", EventDetail::default());
        assert_eq!(accept(&mut log, vec![e.clone()], Merge::Union).stored, 1);
        let again = accept(&mut log, vec![e], Merge::Union);
        assert_eq!((again.stored, again.duplicates), (0, 1));
        assert_eq!(log.len(), 1);
    }

    #[test]
    fn looking_at_the_same_status_again_adds_nothing_but_a_new_stage_does() {
        let mut log = Vec::new();
        let d = || EventDetail { status_text: Some("管局审核中".into()), ..Default::default() };
        accept(&mut log, vec![page(Stage::BureauReview, "2026-11-20T09:30:00+08:00", d())], Merge::Observation);
        let repeat =
            accept(&mut log, vec![page(Stage::BureauReview, "2026-11-20T11:00:00+08:00", d())], Merge::Observation);
        assert_eq!((repeat.stored, repeat.duplicates), (0, 1));
        let filed = EventDetail { filing_number: Some("粤ICP备2026041617号-1X".into()), ..Default::default() };
        let next = accept(&mut log, vec![page(Stage::Filed, "2026-11-25T09:00:00+08:00", filed)], Merge::Observation);
        assert_eq!(next.stored, 1);
        assert_eq!(log.len(), 2);
    }

    #[test]
    fn union_keeps_another_stores_repeat_observation() {
        let mut log = Vec::new();
        accept(
            &mut log,
            vec![page(Stage::BureauReview, "2026-11-20T09:30:00+08:00", EventDetail::default())],
            Merge::Union,
        );
        let other = accept(
            &mut log,
            vec![page(Stage::BureauReview, "2026-11-20T10:30:00+08:00", EventDetail::default())],
            Merge::Union,
        );
        assert_eq!(other.stored, 1);
    }

    #[test]
    fn personal_data_is_masked_before_it_is_kept() {
        let mut log = Vec::new();
        let detail = EventDetail {
            reason: Some("联系人 13800138000 / zhangsan@example.com 不一致".into()),
            ..Default::default()
        };
        accept(&mut log, vec![page(Stage::PlatformRejected, "2026-11-20T09:30:00+08:00", detail)], Merge::Observation);
        let text = serde_json::to_string(&log).unwrap();
        assert!(!text.contains("13800138000") && !text.contains("zhangsan@"), "{text}");
    }

    #[test]
    fn malformed_events_are_refused_with_a_reason() {
        let mut log = Vec::new();
        let mut no_time = page(Stage::Draft, "2026-11-20T09:30:00+08:00", EventDetail::default());
        no_time.observed_at = "yesterday".into();
        let mut no_appid = page(Stage::Draft, "2026-11-20T09:30:00+08:00", EventDetail::default());
        no_appid.appid.clear();
        let out = accept(&mut log, vec![no_time, no_appid], Merge::Observation);
        assert_eq!(out.stored, 0);
        assert_eq!(out.refused.len(), 2);
        assert!(log.is_empty());
    }

    #[test]
    fn storage_json_round_trips_and_damage_is_reported_not_fatal() {
        let now = t("2026-11-20T09:30:00+08:00");
        let mut stored = Stored::default();
        accept(
            &mut stored.events,
            vec![page(Stage::SmsVerification, "2026-11-20T09:30:00+08:00", EventDetail::default())],
            Merge::Observation,
        );
        stored.sync.status = HelperStatus::NotInstalled;
        let back = Stored::from_storage_json(&serde_json::to_string(&stored).unwrap(), now);
        assert_eq!(back.records().len(), 1);
        assert_eq!(back.records()[0].stage, Stage::SmsVerification);
        assert_eq!(back.sync.status, HelperStatus::NotInstalled);

        let damaged = Stored::from_storage_json(r#"{"events": 3, "sync": "x", "future_key": 1}"#, now);
        assert!(damaged.events.is_empty());
        assert_eq!(damaged.store_errors.total, 2);
        assert_eq!(Stored::from_storage_json("not json", now).events.len(), 0);
    }

    #[test]
    fn events_of_a_newer_version_survive_untouched() {
        let json = r#"{"events":[{"event_id":"x1","appid":"wx0123456789abcdef","kind":"stage","stage":"some_future_stage","observed_at":"2026-11-20T09:30:00+08:00","source":"page"}]}"#;
        let mut stored = Stored::from_storage_json(json, t("2026-11-20T09:30:00+08:00"));
        accept(
            &mut stored.events,
            vec![page(Stage::Draft, "2026-11-19T09:30:00+08:00", EventDetail::default())],
            Merge::Observation,
        );
        assert_eq!(stored.events.len(), 2);
        assert_eq!(stored.events[0]["stage"], "some_future_stage");
    }

    fn observed(pairs: &[(&str, &str)]) -> PageObservation {
        let mut o = PageObservation { kind: "status".into(), ..PageObservation::default() };
        // 2026-11-20T09:30:00+08:00
        o.observed_at = 1_795_138_200;
        for (slot, value) in pairs {
            let v = Some(value.to_string());
            match *slot {
                "status" => o.status_text = v,
                "appid" => o.appid = v,
                "name" => o.app_name = v,
                "number" => o.filing_number = v,
                "reason" => o.reason = v,
                _ => unreachable!(),
            }
        }
        o
    }

    #[test]
    fn page_observation_of_bureau_review_gives_a_bureau_review_event() {
        let o = observed(&[("status", "管局审核中"), ("appid", "wx0123456789abcdef"), ("name", "某某记账")]);
        let e = o.to_event().unwrap();
        assert_eq!(e.stage, Stage::BureauReview);
        assert_eq!(e.appid, "wx0123456789abcdef");
        assert_eq!(e.app_name.as_deref(), Some("某某记账"));
        assert_eq!(e.source, EventSource::Page);
        assert_eq!(e.observed_at, "2026-11-20T09:30:00+08:00");
        assert_eq!(e.detail.reason, None);
    }

    #[test]
    fn page_observation_masks_the_rejection_reason() {
        let o = observed(&[
            ("status", "平台审核驳回"),
            ("appid", "wx0123456789abcdef"),
            ("reason", "应急联系电话13800138000与负责人手机号相同"),
        ]);
        let e = o.to_event().unwrap();
        assert_eq!(e.stage, Stage::PlatformRejected);
        let reason = e.detail.reason.unwrap();
        assert!(!reason.contains("13800138000") && reason.contains("应急联系电话"), "{reason}");
    }

    #[test]
    fn page_observation_keeps_the_filing_number_when_filed() {
        let o = observed(&[("status", "已备案"), ("appid", "wx0123456789abcdef"), ("number", "粤ICP备2026041617号-1X")]);
        let e = o.to_event().unwrap();
        assert_eq!(e.stage, Stage::Filed);
        assert_eq!(e.detail.filing_number.as_deref(), Some("粤ICP备2026041617号-1X"));
    }

    #[test]
    fn page_observation_without_appid_or_known_status_is_no_event() {
        assert_eq!(observed(&[("status", "管局审核中")]).to_event(), None);
        assert_eq!(observed(&[("status", "一切正常"), ("appid", "wx0123456789abcdef")]).to_event(), None);
    }

    #[test]
    fn page_submission_is_a_platform_review_event() {
        let json = r#"{"kind":"submitted","appid":"wx0123456789abcdef","app_name":"某某记账","observed_at":1795138200}"#;
        let o: PageObservation = serde_json::from_str(json).unwrap();
        let e = o.to_event().unwrap();
        assert_eq!(e.stage, Stage::PlatformReview);
        assert_eq!(e.detail.status_text.as_deref(), Some("提交备案"));
        let bad = PageObservation { kind: "submitted".into(), appid: Some("not an appid".into()), ..Default::default() };
        assert_eq!(bad.to_event(), None);
    }

    #[test]
    fn form_facts_drop_everything_but_province_and_end_dates() {
        let sent = serde_json::json!({
            "province": "广东省", "license_valid_until": "长期", "subject_principal_validity_end": "2026-12-10",
            "certificate_number": "91440300MA5G1K2P8N", "mobile": "13800138000", "name": "张三"
        });
        let facts: FormFacts = serde_json::from_value(sent).unwrap();
        let text = serde_json::to_string(&facts).unwrap();
        for secret in ["91440300", "13800138000", "张三"] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
        let ctx = facts.record_context();
        assert_eq!(ctx.subject_province.map(|p| p.code), Some(44));
        assert_eq!(ctx.licence_valid_until, None);
        assert_eq!(ctx.subject_principal_validity_end, Date::parse("2026-12-10"));
    }

    #[test]
    fn helper_context_keeps_only_what_the_helper_accepts() {
        let facts = FormFacts {
            province: Some("广东".into()),
            license_valid_until: Some(" 长期 ".into()),
            subject_principal_validity_end: Some("2026/12/10".into()),
            app_principal_validity_end: Some("next year".into()),
        };
        assert_eq!(
            facts.helper_context(),
            Some(serde_json::json!({ "subject_province": "广东", "licence_valid_until": "长期",
                "subject_principal_validity_end": "2026/12/10" }))
        );
        let junk = FormFacts { province: Some("Atlantis".into()), app_principal_validity_end: Some("".into()), ..Default::default() };
        assert_eq!(junk.helper_context(), None);
    }

    #[test]
    fn error_list_keeps_the_newest_and_counts_all() {
        let mut errors = StoreErrors::default();
        for i in 0..25 {
            errors.push(StoreError { at: String::new(), operation: "write".into(), message: i.to_string() });
        }
        assert_eq!(errors.total, 25);
        assert_eq!(errors.recent.len(), ERRORS_KEPT);
        assert_eq!(errors.recent.last().unwrap().message, "24");
    }
}
