//! Records: the fold of a filing's stage events (contracts.md §5). Folding is order-independent and
//! ignores duplicate ids, so the union of two stores folds to the same records as either store's
//! events merged in any order.

use crate::event::{Event, EventDetail, EventSource, Stage, STAGE_KIND};
use crate::timestamp::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// One stretch of time a filing spent in one stage: consecutive observations of the same stage
/// collapse into one span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageSpan {
    pub stage: Stage,
    /// When the stage was first observed (taken as its entry).
    pub since: Timestamp,
    /// When the next stage was first observed; `None` for the current stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Timestamp>,
    /// The latest observation of this stage.
    pub last_observed: Timestamp,
    /// The latest status text / reason / filing number seen in this span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filing_number: Option<String>,
    /// Observations folded into this span.
    pub events: usize,
}

/// Where one filing stands, folded from its events. What `beian status --format json` prints and
/// the `list_records` reply carries. Holds no raw PII (events are masked before they are stored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub appid: String,
    /// The latest non-empty name seen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_name: Option<String>,
    /// The current stage (the last span's).
    pub stage: Stage,
    /// When the current stage was entered (its first observation).
    pub since: Timestamp,
    /// The latest observation of any stage.
    pub last_observed: Timestamp,
    /// The current stage's latest status text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_text: Option<String>,
    /// The latest filing number seen in any stage (a filing keeps it through change review).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filing_number: Option<String>,
    /// The latest rejection reason seen in any stage (masked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_reason: Option<String>,
    /// Distinct stage events folded into this record.
    pub events: usize,
    /// Stage spans, oldest first; the last one is the current stage.
    pub history: Vec<StageSpan>,
}

impl Record {
    /// The current stage's span.
    pub fn current(&self) -> Option<&StageSpan> {
        self.history.last()
    }
}

/// Folds events into one record per appid, sorted by appid.
///
/// Per appid, events are ordered by instant, then `event_id` (then content, so even two different
/// events carrying one id fold the same way whatever the input order); an `event_id` seen twice
/// counts once; events whose `kind` is not `"stage"`, whose `observed_at` is not RFC 3339 or whose
/// appid is empty are ignored; consecutive observations of one stage collapse into one [`StageSpan`].
pub fn fold(events: &[Event]) -> Vec<Record> {
    let mut by_app: BTreeMap<&str, Vec<(Timestamp, &Event)>> = BTreeMap::new();
    for e in events {
        if e.kind != STAGE_KIND || e.appid.is_empty() {
            continue;
        }
        if let Some(at) = e.observed_instant() {
            by_app.entry(e.appid.as_str()).or_default().push((at, e));
        }
    }
    by_app
        .into_values()
        .filter_map(|mut app_events| {
            app_events.sort_by(|(ta, a), (tb, b)| {
                (ta.unix_seconds, &a.event_id, a.stage, source_rank(a.source), &a.app_name, &a.observed_at)
                    .cmp(&(tb.unix_seconds, &b.event_id, b.stage, source_rank(b.source), &b.app_name, &b.observed_at))
                    .then_with(|| detail_key(&a.detail).cmp(&detail_key(&b.detail)))
            });
            let mut seen = BTreeSet::new();
            app_events.retain(|(_, e)| seen.insert(e.event_id.as_str()));
            fold_one(&app_events)
        })
        .collect()
}

fn source_rank(s: EventSource) -> u8 {
    match s {
        EventSource::Page => 0,
        EventSource::User => 1,
        EventSource::Import => 2,
    }
}

fn detail_key(d: &EventDetail) -> (&Option<String>, &Option<String>, &Option<String>) {
    (&d.status_text, &d.reason, &d.filing_number)
}

/// Folds one appid's sorted, de-duplicated events.
fn fold_one(events: &[(Timestamp, &Event)]) -> Option<Record> {
    let (_, first) = events.first()?;
    let mut history: Vec<StageSpan> = Vec::new();
    let mut app_name = None;
    let mut filing_number = None;
    let mut last_reason = None;
    for &(at, e) in events {
        if let Some(name) = e.app_name.as_deref().filter(|n| !n.trim().is_empty()) {
            app_name = Some(name.to_owned());
        }
        let d = &e.detail;
        update(&mut filing_number, &d.filing_number);
        update(&mut last_reason, &d.reason);
        match history.last_mut() {
            Some(span) if span.stage == e.stage => {
                span.last_observed = at;
                span.events += 1;
                update(&mut span.status_text, &d.status_text);
                update(&mut span.reason, &d.reason);
                update(&mut span.filing_number, &d.filing_number);
            }
            previous => {
                if let Some(span) = previous {
                    span.until = Some(at);
                }
                history.push(StageSpan {
                    stage: e.stage,
                    since: at,
                    until: None,
                    last_observed: at,
                    status_text: non_empty(&d.status_text),
                    reason: non_empty(&d.reason),
                    filing_number: non_empty(&d.filing_number),
                    events: 1,
                });
            }
        }
    }
    let current = history.last()?;
    Some(Record {
        appid: first.appid.clone(),
        app_name,
        stage: current.stage,
        since: current.since,
        last_observed: events.last().map_or(current.last_observed, |(at, _)| *at),
        status_text: current.status_text.clone(),
        filing_number,
        last_reason,
        events: events.len(),
        history,
    })
}

fn non_empty(value: &Option<String>) -> Option<String> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)
}

/// Later non-empty values replace earlier ones; an absent value keeps what was known.
fn update(slot: &mut Option<String>, value: &Option<String>) {
    if let Some(v) = non_empty(value) {
        *slot = Some(v);
    }
}

/// Whether recording an observation of `stage` with `detail` would tell `record` something new: a
/// different stage, or a status text / reason / filing number the current stage does not have yet.
/// Callers (service worker, helper) use it so that looking at the status page again does not grow
/// the log; the fold would collapse such repeats anyway.
pub fn is_new_observation(record: Option<&Record>, stage: Stage, detail: &EventDetail) -> bool {
    let Some(span) = record.and_then(Record::current) else { return true };
    if span.stage != stage {
        return true;
    }
    let differs = |known: &Option<String>, seen: &Option<String>| match non_empty(seen) {
        Some(v) => known.as_deref() != Some(v.as_str()),
        None => false,
    };
    differs(&span.status_text, &detail.status_text)
        || differs(&span.reason, &detail.reason)
        || differs(&span.filing_number, &detail.filing_number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    fn ev(appid: &str, stage: Stage, at: &str, detail: EventDetail) -> Event {
        Event::new(appid, Some("某某记账"), stage, ts(at), EventSource::Page, detail)
    }

    fn text(t: &str) -> EventDetail {
        EventDetail { status_text: Some(t.into()), ..Default::default() }
    }

    fn journey() -> Vec<Event> {
        vec![
            ev("wxa", Stage::PlatformReview, "2026-11-02T10:00:00+08:00", text("平台审核中")),
            ev("wxa", Stage::PlatformReview, "2026-11-03T09:00:00+08:00", text("平台审核中")),
            ev(
                "wxa",
                Stage::PlatformRejected,
                "2026-11-03T15:00:00+08:00",
                EventDetail { reason: Some("应急联系方式与手机号相同".into()), ..text("审核不通过") },
            ),
            ev("wxa", Stage::PlatformReview, "2026-11-04T08:00:00+08:00", text("平台审核中")),
            ev("wxa", Stage::SmsVerification, "2026-11-05T11:00:00+08:00", text("待短信核验")),
            ev("wxa", Stage::BureauReview, "2026-11-05T20:00:00+08:00", text("管局审核中")),
            ev(
                "wxa",
                Stage::Filed,
                "2026-11-20T09:30:00+08:00",
                EventDetail { filing_number: Some("京ICP备2026059598号-1X".into()), ..text("已备案") },
            ),
            ev("wxb", Stage::SmsVerification, "2026-11-22T09:30:00Z", text("待短信核验")),
        ]
    }

    #[test]
    fn folds_a_journey_into_spans() {
        let records = fold(&journey());
        assert_eq!(records.len(), 2);
        let a = &records[0];
        assert_eq!(a.appid, "wxa");
        assert_eq!(a.stage, Stage::Filed);
        assert_eq!(a.since, ts("2026-11-20T09:30:00+08:00"));
        assert_eq!(a.filing_number.as_deref(), Some("京ICP备2026059598号-1X"));
        assert_eq!(a.last_reason.as_deref(), Some("应急联系方式与手机号相同"));
        assert_eq!(a.events, 7);
        let stages: Vec<_> = a.history.iter().map(|s| s.stage).collect();
        assert_eq!(
            stages,
            [
                Stage::PlatformReview,
                Stage::PlatformRejected,
                Stage::PlatformReview,
                Stage::SmsVerification,
                Stage::BureauReview,
                Stage::Filed
            ]
        );
        // The two consecutive platform_review observations are one span that began at the first.
        assert_eq!(a.history[0].since, ts("2026-11-02T10:00:00+08:00"));
        assert_eq!(a.history[0].last_observed, ts("2026-11-03T09:00:00+08:00"));
        assert_eq!(a.history[0].until, Some(ts("2026-11-03T15:00:00+08:00")));
        assert_eq!(a.history[0].events, 2);
        assert_eq!(a.history.last().unwrap().until, None);
        assert_eq!(records[1].appid, "wxb");
        assert_eq!(records[1].stage, Stage::SmsVerification);
    }

    #[test]
    fn shuffled_duplicated_events_fold_like_the_originals() {
        let original = journey();
        let expected = fold(&original);
        // A deterministic shuffle (no rand dependency): several rotations and reversals, with every
        // event duplicated and a copy re-serialised (as an import would bring it).
        for k in 0..original.len() {
            let mut shuffled: Vec<Event> = original.iter().cloned().rev().collect();
            shuffled.rotate_left(k);
            let dup: Vec<Event> =
                original.iter().map(|e| serde_json::from_str(&serde_json::to_string(e).unwrap()).unwrap()).collect();
            shuffled.extend(dup);
            shuffled.swap(0, k);
            assert_eq!(fold(&shuffled), expected, "rotation {k}");
            assert_eq!(serde_json::to_string(&fold(&shuffled)).unwrap(), serde_json::to_string(&expected).unwrap());
        }
        // Union of two partial stores.
        let (left, right) = original.split_at(3);
        let mut union: Vec<Event> = right.to_vec();
        union.extend_from_slice(left);
        union.extend_from_slice(&original[2..5]);
        assert_eq!(fold(&union), expected);
    }

    #[test]
    fn ignores_unknown_kinds_bad_times_and_empty_appids() {
        let mut events = journey();
        let mut note = events[0].clone();
        note.kind = "note".into();
        note.stage = Stage::Withdrawn;
        note.event_id = "n1".into();
        note.observed_at = "2026-12-01T00:00:00Z".into();
        let mut bad_time = events[0].clone();
        bad_time.event_id = "b1".into();
        bad_time.stage = Stage::Cancelled;
        bad_time.observed_at = "yesterday".into();
        let mut no_app = events[0].clone();
        no_app.appid = String::new();
        events.extend([note, bad_time, no_app]);
        assert_eq!(fold(&events), fold(&journey()));
        assert!(fold(&[]).is_empty());
    }

    #[test]
    fn same_instant_in_two_offsets_is_one_event() {
        let a = ev("wxa", Stage::BureauReview, "2026-11-20T09:30:00+08:00", text("管局审核中"));
        let b = ev("wxa", Stage::BureauReview, "2026-11-20T01:30:00Z", text("管局审核中"));
        assert_eq!(a.event_id, b.event_id);
        assert_eq!(fold(&[a, b])[0].events, 1);
    }

    #[test]
    fn new_observation_only_when_something_changed() {
        let records = fold(&journey());
        let b = &records[1];
        assert!(is_new_observation(None, Stage::Draft, &EventDetail::default()));
        assert!(!is_new_observation(Some(b), Stage::SmsVerification, &text("待短信核验")));
        assert!(!is_new_observation(Some(b), Stage::SmsVerification, &EventDetail::default()));
        assert!(is_new_observation(Some(b), Stage::SmsVerification, &text("短信核验中")));
        assert!(is_new_observation(Some(b), Stage::BureauReview, &text("管局审核中")));
    }

    #[test]
    fn record_serialises_with_rfc3339_times() {
        let records = fold(&journey());
        let v = serde_json::to_value(&records[0]).unwrap();
        assert_eq!(v["stage"], "filed");
        assert_eq!(v["since"], "2026-11-20T09:30:00+08:00");
        assert_eq!(v["history"][0]["stage"], "platform_review");
        assert!(v["history"][5].get("until").is_none());
        let back: Record = serde_json::from_value(v).unwrap();
        assert_eq!(back, records[0]);
    }
}
