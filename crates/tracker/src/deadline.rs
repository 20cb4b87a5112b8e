//! Deadlines of the stages that have one (form.md "Durations"): platform review 1–2 working days,
//! SMS verification 24 clock hours, bureau review 1–20 working days; and the one next thing the
//! applicant should do. Working days are counted on Beijing (UTC+8) dates.

use crate::calendar::{add_working_days, working_days_between, Precision};
use crate::event::Stage;
use crate::record::Record;
use crate::status_text::{mask_pii, reason_field};
use crate::timestamp::Timestamp;
use beian_rules::Date;
use serde::{Serialize, Serializer};

/// Platform (first) review: expected within 1–2 working days (some sources say 3; 2 is the
/// official guide's figure, and the overdue notice is only `info`).
pub const PLATFORM_REVIEW_WORKING_DAYS: (u16, u16) = (1, 2);
/// Bureau (provincial communications administration) review: 1–20 working days.
pub const BUREAU_REVIEW_WORKING_DAYS: (u16, u16) = (1, 20);
/// The SMS from 12381 must be answered within this many clock hours.
pub const SMS_HOURS: i64 = 24;
/// When to remind about the SMS, in hours after entering `sms_verification`.
pub const SMS_REMINDER_HOURS: [i64; 3] = [0, 18, 22];

fn date_text<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

/// The expected window of a review stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ReviewWindow {
    pub entered: Timestamp,
    pub min_working_days: u16,
    pub max_working_days: u16,
    /// The Beijing date by whose end a result comes at the earliest (`min_working_days` after entry).
    #[serde(serialize_with = "date_text")]
    pub earliest: Date,
    /// The Beijing date by whose end a result is expected at the latest (`max_working_days` after entry).
    #[serde(serialize_with = "date_text")]
    pub latest: Date,
    /// Beijing midnight after `latest`: from this instant the review is overdue.
    pub overdue_at: Timestamp,
    /// Working days used so far: after the entry date, up to and including today (Beijing).
    pub working_days_elapsed: i64,
    pub overdue: bool,
    /// `Approximate` when a day beyond the holiday tables' years was involved.
    pub precision: Precision,
}

/// The 24-hour SMS verification clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SmsDeadline {
    pub entered: Timestamp,
    /// `entered` + 24 h, exactly.
    pub deadline: Timestamp,
    /// Entry, +18 h, +22 h.
    pub reminders: Vec<Timestamp>,
    /// Seconds from `now` to `deadline`; negative once expired.
    pub seconds_left: i64,
    pub expired: bool,
}

/// The deadline of a record's current stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "stage", rename_all = "snake_case")]
pub enum Deadline {
    PlatformReview(ReviewWindow),
    SmsVerification(SmsDeadline),
    BureauReview(ReviewWindow),
}

/// The window of a review that was entered at `entered`, seen at `now`. `None` only for instants
/// outside years 1..=9999.
pub fn review_window(entered: Timestamp, (min, max): (u16, u16), now: Timestamp) -> Option<ReviewWindow> {
    let entry_date = entered.to_beijing_date()?;
    let (earliest, p1) = add_working_days(entry_date, min)?;
    let (latest, p2) = add_working_days(entry_date, max)?;
    let overdue_at = Timestamp::beijing_midnight(latest.add_days(1)?);
    let today = now.to_beijing_date()?;
    let (elapsed, p3) = working_days_between(entry_date, today);
    Some(ReviewWindow {
        entered,
        min_working_days: min,
        max_working_days: max,
        earliest,
        latest,
        overdue_at,
        working_days_elapsed: elapsed.max(0),
        overdue: now >= overdue_at,
        precision: p1.and(p2).and(p3),
    })
}

/// The SMS clock for a record that entered `sms_verification` at `entered`, seen at `now`.
pub fn sms_deadline(entered: Timestamp, now: Timestamp) -> SmsDeadline {
    let deadline = entered.add_hours(SMS_HOURS);
    SmsDeadline {
        entered,
        deadline,
        reminders: SMS_REMINDER_HOURS.iter().map(|h| entered.add_hours(*h)).collect(),
        seconds_left: now.seconds_until(deadline),
        expired: now >= deadline,
    }
}

/// The deadline of `record`'s current stage at `now`; `None` for stages without one.
pub fn deadline(record: &Record, now: Timestamp) -> Option<Deadline> {
    match record.stage {
        Stage::PlatformReview => {
            review_window(record.since, PLATFORM_REVIEW_WORKING_DAYS, now).map(Deadline::PlatformReview)
        }
        Stage::SmsVerification => Some(Deadline::SmsVerification(sms_deadline(record.since, now))),
        Stage::BureauReview => review_window(record.since, BUREAU_REVIEW_WORKING_DAYS, now).map(Deadline::BureauReview),
        _ => None,
    }
}

/// What the applicant should do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NextActionKind {
    /// `draft`: finish and submit the form.
    SubmitDraft,
    /// `platform_review` within 2 working days: wait.
    WaitPlatformReview,
    /// `platform_review` past 2 working days: ask.
    PlatformReviewOverdue,
    /// `sms_verification` within 24 h: answer the 12381 SMS on beian.miit.gov.cn.
    AnswerSms,
    /// `sms_verification` past 24 h: the filing will be returned; resubmit.
    SmsExpired,
    /// `*_rejected`: fix the field the reason names and resubmit.
    FixAndResubmit,
    /// `bureau_review` within 20 working days: wait, keep the phone reachable.
    WaitBureauReview,
    /// `bureau_review` past 20 working days: ask the bureau.
    BureauReviewOverdue,
    /// `change_review` / `cancelling`: wait for the result.
    WaitResult,
}

/// The next thing to do about a filing, with its due moment and texts for the popup / CLI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NextAction {
    pub kind: NextActionKind,
    /// When it is due (SMS deadline, overdue moment of a review); `None` if there is no deadline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<Timestamp>,
    pub precision: Precision,
    pub message_zh: String,
    pub message_en: String,
}

/// `2026-11-21 09:30` in Beijing time.
pub fn beijing_minute(t: Timestamp) -> String {
    let text = t.to_beijing().to_string();
    text.get(..16).map_or(text.clone(), |s| s.replacen('T', " ", 1))
}

fn hours_minutes(seconds: i64) -> (i64, i64) {
    let minutes = seconds.max(0) / 60;
    (minutes / 60, minutes % 60)
}

/// The next action for `record` at `now`; `None` when nothing is to be done (`filed`, `cancelled`,
/// `withdrawn`).
pub fn next_action(record: &Record, now: Timestamp) -> Option<NextAction> {
    let exact = |kind, due, zh: String, en: String| NextAction {
        kind,
        due,
        precision: Precision::Exact,
        message_zh: zh,
        message_en: en,
    };
    match record.stage {
        Stage::Draft => Some(exact(
            NextActionKind::SubmitDraft,
            None,
            "备案尚未提交：在小程序后台“设置 → 小程序备案”填写完整并提交，提交前可先用本助手检查。".into(),
            "Not submitted yet: complete and submit the form in the Mini Program admin (Settings → ICP filing); check it with this assistant first.".into(),
        )),
        Stage::PlatformReview | Stage::BureauReview => {
            let platform = record.stage == Stage::PlatformReview;
            let days = if platform { PLATFORM_REVIEW_WORKING_DAYS } else { BUREAU_REVIEW_WORKING_DAYS };
            let w = review_window(record.since, days, now)?;
            let approx = if w.precision == Precision::Approximate { "（节假日未公布，按周末估算）" } else { "" };
            let approx_en = if w.precision == Precision::Approximate { " (holidays not yet published; weekends only)" } else { "" };
            let (kind, zh, en) = match (platform, w.overdue) {
                (true, false) => (
                    NextActionKind::WaitPlatformReview,
                    format!(
                        "平台初审中（已用 {} 个工作日），通常 {}–{} 个工作日，预计 {} 至 {} 出结果{approx}。通过后会收到 12381 短信，需在 24 小时内完成核验。",
                        w.working_days_elapsed, w.min_working_days, w.max_working_days, w.earliest, w.latest
                    ),
                    format!(
                        "Platform review, {} working days used of usually {}–{}: a result is expected between {} and {}{approx_en}. Then an SMS from 12381 arrives that must be answered within 24 hours.",
                        w.working_days_elapsed, w.min_working_days, w.max_working_days, w.earliest, w.latest
                    ),
                ),
                (true, true) => (
                    NextActionKind::PlatformReviewOverdue,
                    format!(
                        "平台初审已超过 {} 个工作日（已 {} 个工作日）{approx}：请在小程序后台查看备案进度，或通过“微信公众平台 → 客服”咨询。",
                        w.max_working_days, w.working_days_elapsed
                    ),
                    format!(
                        "Platform review has taken more than {} working days ({} so far){approx_en}: check the progress in the admin or ask WeChat support.",
                        w.max_working_days, w.working_days_elapsed
                    ),
                ),
                (false, false) => (
                    NextActionKind::WaitBureauReview,
                    format!(
                        "管局审核中（已用 {} 个工作日），通常 {}–{} 个工作日，最晚预计 {}{approx}。请保持负责人手机畅通，管局可能来电核实。",
                        w.working_days_elapsed, w.min_working_days, w.max_working_days, w.latest
                    ),
                    format!(
                        "Communications administration review, {} working days used of usually {}–{}; expected by {}{approx_en}. Keep the principal's phone reachable: the bureau may call.",
                        w.working_days_elapsed, w.min_working_days, w.max_working_days, w.latest
                    ),
                ),
                (false, true) => (
                    NextActionKind::BureauReviewOverdue,
                    format!(
                        "管局审核已超过 {} 个工作日（已 {} 个工作日）{approx}：可致电主办单位所在省的通信管理局备案咨询电话，或联系微信客服查询。",
                        w.max_working_days, w.working_days_elapsed
                    ),
                    format!(
                        "The administration's review has taken more than {} working days ({} so far){approx_en}: call your province's communications administration or ask WeChat support.",
                        w.max_working_days, w.working_days_elapsed
                    ),
                ),
            };
            Some(NextAction { kind, due: Some(w.overdue_at), precision: w.precision, message_zh: zh, message_en: en })
        }
        Stage::SmsVerification => {
            let sms = sms_deadline(record.since, now);
            let deadline = beijing_minute(sms.deadline);
            if sms.expired {
                return Some(exact(
                    NextActionKind::SmsExpired,
                    Some(sms.deadline),
                    format!("短信核验已于 {deadline}（北京时间）超时：备案会被退回，请在小程序后台重新提交备案。"),
                    format!("SMS verification timed out at {deadline} Beijing time: the filing will be returned; submit it again in the admin."),
                ));
            }
            let (h, m) = hours_minutes(sms.seconds_left);
            Some(exact(
                NextActionKind::AnswerSms,
                Some(sms.deadline),
                format!(
                    "请在 {deadline}（北京时间，还剩 {h} 小时 {m} 分）前，用工信部 12381 短信中的验证码登录 beian.miit.gov.cn 完成短信核验。没收到短信可在后台重发一次。"
                ),
                format!(
                    "Before {deadline} Beijing time ({h} h {m} min left), log in to beian.miit.gov.cn with the code from the 12381 SMS and complete the verification. If no SMS came, resend it once from the admin."
                ),
            ))
        }
        Stage::PlatformRejected | Stage::BureauRejected => {
            let (who_zh, who_en) = if record.stage == Stage::PlatformRejected { ("平台", "the platform") } else { ("管局", "the communications administration") };
            // This rejection's reason, else the latest one; masked again in case an event came
            // from an older or foreign store.
            let reason = record.current().and_then(|s| s.reason.as_deref()).or(record.last_reason.as_deref());
            let reason = mask_pii(reason.unwrap_or(""));
            let reason = reason.as_str();
            let (reason_zh, reason_en) = if reason.is_empty() {
                ("未记录驳回原因，请在小程序后台查看".to_owned(), "no reason captured; see the admin".to_owned())
            } else {
                (format!("原因：{reason}"), format!("reason: {reason}"))
            };
            let (field_zh, field_en) = match reason_field(reason) {
                Some((field, rule)) => (format!("（对应 {field}，检查规则 {rule}）"), format!(" ({field}, rule {rule})")),
                None => (String::new(), String::new()),
            };
            Some(exact(
                NextActionKind::FixAndResubmit,
                None,
                format!("被{who_zh}驳回，{reason_zh}。请按原因修改{field_zh}，用本助手检查后重新提交。"),
                format!("Rejected by {who_en}, {reason_en}. Fix it{field_en}, check the form with this assistant, and resubmit."),
            ))
        }
        Stage::ChangeReview | Stage::Cancelling => Some(exact(
            NextActionKind::WaitResult,
            None,
            format!("{}：请留意小程序后台和 12381 短信，需要核验时 24 小时内完成。", record.stage.label_zh()),
            format!("{}: watch the admin and SMS from 12381; answer any verification within 24 hours.", record.stage.label_en()),
        )),
        Stage::Filed | Stage::Cancelled | Stage::Withdrawn => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{Event, EventDetail, EventSource};
    use crate::record::fold;

    fn ts(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn record(stage: Stage, since: &str, reason: Option<&str>) -> Record {
        let detail = EventDetail { reason: reason.map(str::to_owned), ..Default::default() };
        let e = Event::new("wx0123456789abcdef", Some("某某记账"), stage, ts(since), EventSource::Page, detail);
        fold(&[e]).remove(0)
    }

    #[test]
    fn sms_deadline_is_exactly_24_hours() {
        let entered = ts("2026-11-20T21:15:30+08:00");
        let sms = sms_deadline(entered, ts("2026-11-21T13:15:30Z"));
        assert_eq!(sms.deadline, ts("2026-11-21T21:15:30+08:00"));
        assert_eq!(entered.seconds_until(sms.deadline), 86_400);
        assert_eq!(sms.seconds_left, 0);
        assert!(sms.expired, "at the deadline itself it has expired");
        let sms = sms_deadline(entered, ts("2026-11-21T21:15:29+08:00"));
        assert_eq!((sms.seconds_left, sms.expired), (1, false));
        assert_eq!(sms.reminders, [entered, ts("2026-11-21T15:15:30+08:00"), ts("2026-11-21T19:15:30+08:00")]);
    }

    #[test]
    fn platform_review_window_counts_beijing_working_days() {
        // Friday 20 Nov 2026 at 23:30 Beijing (15:30 UTC): 1 working day → Monday, 2 → Tuesday.
        let w =
            review_window(ts("2026-11-20T15:30:00Z"), PLATFORM_REVIEW_WORKING_DAYS, ts("2026-11-23T10:00:00+08:00"))
                .unwrap();
        assert_eq!((w.earliest, w.latest), (d("2026-11-23"), d("2026-11-24")));
        assert_eq!(w.overdue_at, ts("2026-11-25T00:00:00+08:00"));
        assert_eq!((w.working_days_elapsed, w.overdue, w.precision), (1, false, Precision::Exact));
        // 16:30 UTC on Friday is already Saturday in Beijing: Monday and Tuesday again.
        let w =
            review_window(ts("2026-11-20T16:30:00Z"), PLATFORM_REVIEW_WORKING_DAYS, ts("2026-11-25T00:00:00+08:00"))
                .unwrap();
        assert_eq!(w.latest, d("2026-11-24"));
        assert!(w.overdue);
    }

    #[test]
    fn review_windows_skip_the_2026_holidays_and_count_makeup_days() {
        // Entered Thursday 12 Feb 2026: +1 = Fri 13, +2 = Sat 14 (make-up working day).
        let w = review_window(
            ts("2026-02-12T10:00:00+08:00"),
            PLATFORM_REVIEW_WORKING_DAYS,
            ts("2026-02-12T11:00:00+08:00"),
        )
        .unwrap();
        assert_eq!((w.earliest, w.latest), (d("2026-02-13"), d("2026-02-14")));
        // Entered Friday 13 Feb: +2 skips the Spring Festival (15–23 Feb) → Tue 24 Feb.
        let w = review_window(
            ts("2026-02-13T10:00:00+08:00"),
            PLATFORM_REVIEW_WORKING_DAYS,
            ts("2026-02-20T11:00:00+08:00"),
        )
        .unwrap();
        assert_eq!((w.earliest, w.latest), (d("2026-02-14"), d("2026-02-24")));
        assert!(!w.overdue, "the holiday does not count");
        assert_eq!(w.working_days_elapsed, 1);
        // Bureau review entered Monday 28 Sep 2026, across National Day (1–7 Oct off, 10 Oct worked).
        let w =
            review_window(ts("2026-09-28T09:00:00+08:00"), BUREAU_REVIEW_WORKING_DAYS, ts("2026-10-08T09:00:00+08:00"))
                .unwrap();
        assert_eq!(w.latest, d("2026-10-30"), "Oct 8, 9, Sat 10 (make-up), then three full weeks");
        assert_eq!(w.working_days_elapsed, 3, "29, 30 Sep and 8 Oct");
        // Beyond the holiday tables: flagged approximate.
        let w =
            review_window(ts("2099-12-20T09:00:00+08:00"), BUREAU_REVIEW_WORKING_DAYS, ts("2099-12-21T09:00:00+08:00"))
                .unwrap();
        assert_eq!(w.precision, Precision::Approximate);
    }

    #[test]
    fn next_action_says_what_to_do() {
        let now = ts("2026-11-21T10:00:00+08:00");
        let a = next_action(&record(Stage::SmsVerification, "2026-11-20T21:15:00+08:00", None), now).unwrap();
        assert_eq!(a.kind, NextActionKind::AnswerSms);
        assert_eq!(a.due, Some(ts("2026-11-21T21:15:00+08:00")));
        assert!(a.message_zh.contains("beian.miit.gov.cn") && a.message_zh.contains("12381"), "{}", a.message_zh);
        assert!(a.message_zh.contains("2026-11-21 21:15"), "{}", a.message_zh);
        assert!(a.message_zh.contains("11 小时 15 分"), "{}", a.message_zh);
        let a = next_action(&record(Stage::SmsVerification, "2026-11-19T21:15:00+08:00", None), now).unwrap();
        assert_eq!(a.kind, NextActionKind::SmsExpired);

        let a = next_action(
            &record(Stage::PlatformRejected, "2026-11-20T10:00:00+08:00", Some("应急联系方式与手机号相同")),
            now,
        )
        .unwrap();
        assert_eq!(a.kind, NextActionKind::FixAndResubmit);
        assert!(
            a.message_zh.contains("应急联系方式与手机号相同") && a.message_zh.contains("person_emergency_same"),
            "{}",
            a.message_zh
        );

        let a = next_action(&record(Stage::BureauReview, "2026-10-01T10:00:00+08:00", None), now).unwrap();
        assert_eq!(a.kind, NextActionKind::BureauReviewOverdue);
        let a = next_action(&record(Stage::BureauReview, "2026-11-20T10:00:00+08:00", None), now).unwrap();
        assert_eq!(a.kind, NextActionKind::WaitBureauReview);
        assert_eq!(a.due, Some(ts("2026-12-19T00:00:00+08:00")));
        assert!(
            a.message_zh.contains("已用 0 个工作日") && a.message_zh.contains("最晚预计 2026-12-18"),
            "{}",
            a.message_zh
        );
        let a = next_action(
            &record(Stage::PlatformReview, "2026-02-13T10:00:00+08:00", None),
            ts("2026-02-20T10:00:00+08:00"),
        )
        .unwrap();
        assert_eq!(a.kind, NextActionKind::WaitPlatformReview);
        assert!(a.message_zh.contains("预计 2026-02-14 至 2026-02-24"), "{}", a.message_zh);
        assert_eq!(next_action(&record(Stage::Filed, "2026-11-20T10:00:00+08:00", None), now), None);
        assert_eq!(
            next_action(&record(Stage::Draft, "2026-11-20T10:00:00+08:00", None), now).unwrap().kind,
            NextActionKind::SubmitDraft
        );
    }
}
