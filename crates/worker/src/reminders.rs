//! Reminder alarms: one `chrome.alarms` alarm per reminder moment of each filing's current stage
//! (SMS: at entry, +18 h, +22 h and the 24 h lapse; reviews: the moment they become overdue), from
//! `beian_tracker::alarm_times`. Alarms persist across worker restarts, and names are the identity
//! (`beian|appid|stage|entered|what`), so re-creating them from the records on every start is
//! idempotent; shown reminders are remembered in storage so a restart does not repeat them.

use std::collections::BTreeMap;

use beian_rules::Rule;
use beian_tracker::{alarm_times, next_action, stage_findings, Record, RecordContext, Stage, Timestamp};

use crate::i18n::Lang;
use crate::store::FormFacts;

/// The periodic helper sync (and a chance to catch reminders whose alarm was lost).
pub const SYNC_ALARM: &str = "beian-sync";
const PREFIX: &str = "beian|";

/// One reminder moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub name: String,
    pub appid: String,
    pub at: Timestamp,
}

/// The reminders of one record's current stage, oldest first, at the moments of tracker's
/// `alarm_times`; named after the rule they report and their offset from the stage's entry.
pub fn reminders_of(record: &Record) -> Vec<Reminder> {
    let base = format!("{PREFIX}{}|{}|{}|", record.appid, record.stage.id(), record.since.unix_seconds);
    alarm_times(record)
        .into_iter()
        .map(|(at, rule)| {
            let what = match rule {
                Rule::StageSmsPending => format!("{}_{}h", rule.id(), record.since.seconds_until(at) / 3600),
                _ => rule.id().to_owned(),
            };
            Reminder { name: format!("{base}{what}"), appid: record.appid.clone(), at }
        })
        .collect()
}

/// The alarms that should exist at `now`: every future reminder not yet shown, plus, per filing,
/// the latest reminder already due but not shown (fires at once; earlier due ones are superseded
/// by it, e.g. after the browser was closed through the 18 h reminder into the 22 h one).
pub fn plan(records: &[Record], notified: &[String], now: Timestamp) -> Vec<Reminder> {
    let mut out = Vec::new();
    for record in records {
        let all = reminders_of(record);
        let latest_due = all.iter().rposition(|r| r.at <= now);
        for (i, reminder) in all.into_iter().enumerate() {
            let superseded = latest_due.is_some_and(|last| i < last);
            if !superseded && !notified.contains(&reminder.name) {
                out.push(reminder);
            }
        }
    }
    out
}

/// The notification text for a reminder: the stage finding due now (tracker's rule messages say
/// what to do: beian.miit.gov.cn, the 12381 code, whom to ask), else the next action.
pub fn notification(record: &Record, now: Timestamp, ctx: &RecordContext, lang: Lang) -> (String, String) {
    let name = record.app_name.clone().unwrap_or_else(|| record.appid.clone());
    let stage = lang.pick(record.stage.label_zh(), record.stage.label_en());
    let title = format!("{name} · {stage}");
    let findings = stage_findings(record, now, ctx);
    let message = match (findings.first(), next_action(record, now)) {
        (Some(f), _) => lang.pick(&f.message, &f.message_en).to_owned(),
        (None, Some(action)) => lang.pick(&action.message_zh, &action.message_en).to_owned(),
        (None, None) => stage.to_owned(),
    };
    (title, message)
}

/// A reminder that is not tied to an alarm moment: shown once, when the periodic check finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub name: String,
    pub title: String,
    pub message: String,
}

/// The tracker's `certificate_expiry_after_filing` findings of filed records, from the form facts
/// kept per appid, that have not been shown yet. The name holds the end date, so a renewed
/// certificate (a later date) is a new notice.
pub fn certificate_notices(
    records: &[Record],
    contexts: &BTreeMap<String, FormFacts>,
    notified: &[String],
    now: Timestamp,
    lang: Lang,
) -> Vec<Notice> {
    let mut out = Vec::new();
    for record in records.iter().filter(|r| matches!(r.stage, Stage::Filed | Stage::ChangeReview)) {
        let Some(facts) = contexts.get(&record.appid) else { continue };
        let ctx = facts.record_context();
        for finding in stage_findings(record, now, &ctx) {
            if finding.rule != Rule::CertificateExpiryAfterFiling {
                continue;
            }
            let end = facts.end_date(&finding.field).unwrap_or_default();
            let name = format!("{PREFIX}{}|certificate|{}|{end}", record.appid, finding.field);
            if notified.contains(&name) {
                continue;
            }
            let title = format!(
                "{} · {}",
                record.app_name.as_deref().unwrap_or(&record.appid),
                lang.pick("证件即将到期", "Certificate expiring")
            );
            let message = lang.pick(&finding.message, &finding.message_en).to_owned();
            out.push(Notice { name, title, message });
        }
    }
    out
}

#[cfg(target_arch = "wasm32")]
pub use browser::{fire, notify_certificates, reschedule};

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use crate::background::save;
    use crate::chrome;
    use crate::store::{Stored, KEY_NOTIFIED};

    const SYNC_PERIOD_MINUTES: f64 = 30.0;
    const NOTIFIED_KEPT: usize = 500;

    /// Makes the extension's alarms match [`plan`]: creates missing ones, clears stale ones, keeps
    /// the periodic sync alarm. Errors are logged, not fatal: the next start tries again.
    pub async fn reschedule(stored: &Stored, now: Timestamp) {
        let wanted = plan(&stored.records(), &stored.notified, now);
        let existing = chrome::alarm_list().await.unwrap_or_default();
        let now_ms = chrome::now_ms();
        for (name, _) in &existing {
            if name.starts_with(PREFIX) && !wanted.iter().any(|r| &r.name == name) {
                log(chrome::alarm_clear(name).await);
            }
        }
        for reminder in &wanted {
            let when = (reminder.at.unix_seconds as f64 * 1000.0).max(now_ms + 1000.0);
            let same = existing.iter().any(|(n, w)| n == &reminder.name && (w - when).abs() < 2000.0);
            if !same {
                log(chrome::alarm_at(&reminder.name, when, None).await);
            }
        }
        if !existing.iter().any(|(n, _)| n == SYNC_ALARM) {
            log(chrome::alarm_at(SYNC_ALARM, now_ms + SYNC_PERIOD_MINUTES * 60_000.0, Some(SYNC_PERIOD_MINUTES)).await);
        }
    }

    /// Shows the notification of alarm `name` if it is still a reminder of a current stage (a
    /// filing that moved on gets none), remembers it as shown, and returns whether it was shown.
    pub async fn fire(stored: &mut Stored, name: &str, now: Timestamp, lang: Lang) -> bool {
        let records = stored.records();
        let wanted = plan(&records, &stored.notified, now);
        let Some(reminder) = wanted.into_iter().find(|r| r.name == name) else { return false };
        let Some(record) = records.iter().find(|r| r.appid == reminder.appid) else { return false };
        let (title, message) = notification(record, now, &RecordContext::default(), lang);
        let icon = chrome::runtime_get_url("extension/icons/icon-128.png").unwrap_or_default();
        if let Err(e) = chrome::notify(name, &title, &message, &icon).await {
            web_sys::console::error_1(&format!("beian: notification failed: {e}").into());
            return false;
        }
        stored.notified.push(name.to_owned());
        if stored.notified.len() > NOTIFIED_KEPT {
            let excess = stored.notified.len() - NOTIFIED_KEPT;
            stored.notified.drain(..excess);
        }
        let _ = save(stored, &[KEY_NOTIFIED]).await;
        true
    }

    /// Shows the certificate notices not shown yet (on each start and periodic check).
    pub async fn notify_certificates(stored: &mut Stored, now: Timestamp, lang: Lang) -> usize {
        let notices = certificate_notices(&stored.records(), &stored.contexts, &stored.notified, now, lang);
        let icon = chrome::runtime_get_url("extension/icons/icon-128.png").unwrap_or_default();
        let mut shown = 0;
        for notice in notices {
            match chrome::notify(&notice.name, &notice.title, &notice.message, &icon).await {
                Ok(()) => {
                    stored.notified.push(notice.name);
                    shown += 1;
                }
                Err(e) => web_sys::console::error_1(&format!("beian: notification failed: {e}").into()),
            }
        }
        if shown > 0 {
            let _ = save(stored, &[KEY_NOTIFIED]).await;
        }
        shown
    }

    fn log(result: Result<(), String>) {
        if let Err(e) = result {
            web_sys::console::warn_1(&format!("beian: alarm: {e}").into());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use beian_tracker::{fold, Event, EventDetail, EventSource, Stage};

    fn t(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    fn sms_record() -> Record {
        let e = Event::new(
            "wx0123456789abcdef",
            None,
            Stage::SmsVerification,
            t("2026-11-20T09:30:00+08:00"),
            EventSource::Page,
            EventDetail::default(),
        );
        fold(&[e]).remove(0)
    }

    fn whats(plan: &[Reminder]) -> Vec<&str> {
        plan.iter().map(|r| r.name.rsplit('|').next().unwrap()).collect()
    }

    #[test]
    fn sms_stage_has_entry_18h_22h_and_lapse_reminders() {
        let all = reminders_of(&sms_record());
        assert_eq!(
            whats(&all),
            ["stage_sms_pending_0h", "stage_sms_pending_18h", "stage_sms_pending_22h", "stage_sms_expired"]
        );
        assert_eq!(all[1].at, t("2026-11-21T03:30:00+08:00"));
        assert_eq!(all[3].at, t("2026-11-21T09:30:00+08:00"));
        assert!(all[0].name.starts_with("beian|wx0123456789abcdef|sms_verification|"));
    }

    #[test]
    fn plan_skips_shown_and_superseded_reminders() {
        let r = sms_record();
        let now = t("2026-11-21T08:00:00+08:00"); // past 22 h, before the lapse
        let p = plan(std::slice::from_ref(&r), &[], now);
        assert_eq!(whats(&p), ["stage_sms_pending_22h", "stage_sms_expired"]);
        let shown = vec![p[0].name.clone()];
        assert_eq!(whats(&plan(&[r], &shown, now)), ["stage_sms_expired"]);
    }

    #[test]
    fn review_has_an_overdue_reminder_and_filed_has_none() {
        let e =
            |stage, at| Event::new("wxaaaaaaaaaaaaaaaa", None, stage, t(at), EventSource::Page, EventDetail::default());
        let review = fold(&[e(Stage::PlatformReview, "2026-11-16T10:00:00+08:00")]).remove(0);
        assert_eq!(whats(&reminders_of(&review)), ["stage_platform_overdue"]);
        let filed = fold(&[e(Stage::Filed, "2026-11-16T10:00:00+08:00")]).remove(0);
        assert!(reminders_of(&filed).is_empty());
    }

    #[test]
    fn a_filed_record_warns_once_about_a_certificate_ending_soon() {
        let e = Event::new(
            "wx0123456789abcdef",
            Some("某某记账"),
            Stage::Filed,
            t("2026-11-01T10:00:00+08:00"),
            EventSource::Page,
            EventDetail::default(),
        );
        let records = fold(&[e]);
        let facts = FormFacts {
            province: Some("广东省".into()),
            license_valid_until: Some("长期".into()),
            subject_principal_validity_end: Some("2026-12-10".into()),
            app_principal_validity_end: None,
        };
        let contexts = BTreeMap::from([("wx0123456789abcdef".to_owned(), facts)]);
        let now = t("2026-11-20T09:00:00+08:00");
        let notices = certificate_notices(&records, &contexts, &[], now, Lang::Zh);
        assert_eq!(notices.len(), 1);
        assert_eq!(notices[0].name, "beian|wx0123456789abcdef|certificate|subject_principal.validity_end|2026-12-10");
        assert!(notices[0].message.contains("2026-12-10"), "{}", notices[0].message);
        let shown = vec![notices[0].name.clone()];
        assert!(certificate_notices(&records, &contexts, &shown, now, Lang::Zh).is_empty());
        // Far from the end date: nothing.
        assert!(certificate_notices(&records, &contexts, &[], t("2026-06-01T09:00:00+08:00"), Lang::Zh).is_empty());
    }

    #[test]
    fn notification_says_what_to_do() {
        let (title, message) =
            notification(&sms_record(), t("2026-11-20T10:00:00+08:00"), &RecordContext::default(), Lang::Zh);
        assert!(title.contains("wx0123456789abcdef"));
        assert!(message.contains("beian.miit.gov.cn"), "{message}");
    }
}
