//! Stage reminders (rules.md §F): the findings a record gives at `now`, and the moments the service
//! worker should wake up for (chrome.alarms).

use crate::deadline::{
    next_action, review_window, NextActionKind, BUREAU_REVIEW_WORKING_DAYS, PLATFORM_REVIEW_WORKING_DAYS, SMS_HOURS,
    SMS_REMINDER_HOURS,
};
use crate::event::Stage;
use crate::filing_number::check_filing_number;
use crate::record::Record;
use crate::timestamp::Timestamp;
use beian_rules::data::{province_from_input, Province};
use beian_rules::{Date, Draft, Finding, Rule, Severity};

/// A filed record's certificates are flagged this many days before they end.
pub const CERTIFICATE_EXPIRY_DAYS: i64 = 30;

/// Facts about a filing that are not in its events: dates and the province only, no PII. Every
/// field is optional; a missing one silences the checks that need it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecordContext {
    /// The subject's province (checks the filing number's abbreviation).
    pub subject_province: Option<&'static Province>,
    /// End of the subject's licence validity (`长期` → `None`).
    pub licence_valid_until: Option<Date>,
    /// End of the subject principal's certificate validity.
    pub subject_principal_validity_end: Option<Date>,
    /// End of the mini program principal's certificate validity.
    pub app_principal_validity_end: Option<Date>,
}

impl RecordContext {
    /// Takes the province and validity end dates from a draft (unparseable dates and `长期` → `None`).
    pub fn from_draft(draft: &Draft) -> RecordContext {
        let subject = draft.subject.as_ref();
        let date = |s: Option<&String>| s.and_then(|s| Date::parse(s));
        RecordContext {
            subject_province: subject.and_then(|s| s.province.as_deref()).and_then(province_from_input),
            licence_valid_until: date(subject.and_then(|s| s.license_valid_until.as_ref())),
            subject_principal_validity_end: date(
                draft.subject_principal.as_ref().and_then(|p| p.validity_end.as_ref()),
            ),
            app_principal_validity_end: date(draft.app_principal.as_ref().and_then(|p| p.validity_end.as_ref())),
        }
    }
}

/// The `stage_*`, `filing_number_format` and `certificate_expiry_after_filing` findings of `record`
/// at `now`. Fields: `stage` for stage findings, `filing_number` for the number, the draft path of
/// the certificate (`subject.license_valid_until`, `subject_principal.validity_end`,
/// `app_principal.validity_end`) for expiries. Ordered by severity.
pub fn stage_findings(record: &Record, now: Timestamp, ctx: &RecordContext) -> Vec<Finding> {
    let mut findings = Vec::new();
    match record.stage {
        // The stage findings say what the next action says (one text for popup, CLI and notification).
        Stage::SmsVerification
        | Stage::PlatformReview
        | Stage::BureauReview
        | Stage::PlatformRejected
        | Stage::BureauRejected => {
            let action = next_action(record, now);
            let rule = action.as_ref().and_then(|a| match a.kind {
                NextActionKind::AnswerSms => Some((Rule::StageSmsPending, Severity::Warning)),
                NextActionKind::SmsExpired => Some((Rule::StageSmsExpired, Severity::Error)),
                NextActionKind::PlatformReviewOverdue => Some((Rule::StagePlatformOverdue, Severity::Info)),
                NextActionKind::BureauReviewOverdue => Some((Rule::StageBureauOverdue, Severity::Info)),
                NextActionKind::FixAndResubmit => Some((Rule::StageRejected, Severity::Error)),
                _ => None,
            });
            if let (Some(action), Some((rule, severity))) = (action, rule) {
                findings.push(Finding::new(rule, severity, "stage", action.message_zh, action.message_en));
            }
        }
        Stage::Filed => {
            let (zh, en) = match &record.filing_number {
                Some(n) => (format!("已备案，备案号 {n}。"), format!("Filed, filing number {n}.")),
                None => (
                    "已备案：备案号可在小程序后台“设置 → 基本设置”查看。".to_owned(),
                    "Filed: the filing number is shown in the admin under Settings.".to_owned(),
                ),
            };
            findings.push(Finding::new(Rule::StageFiled, Severity::Info, "stage", zh, en));
            if let Some(today) = now.to_beijing_date() {
                certificate_expiries(ctx, today, &mut findings);
            }
        }
        _ => {}
    }
    if let Some(number) = &record.filing_number {
        if let Some(problem) = check_filing_number(number, ctx.subject_province) {
            findings.push(Finding::new(
                Rule::FilingNumberFormat,
                Severity::Warning,
                "filing_number",
                problem.message_zh(number),
                problem.message_en(number),
            ));
        }
    }
    findings.sort_by_key(|f| f.severity);
    findings
}

fn certificate_expiries(ctx: &RecordContext, today: Date, findings: &mut Vec<Finding>) {
    let certificates = [
        ("subject.license_valid_until", "主办单位证件", "the subject's licence", ctx.licence_valid_until),
        (
            "subject_principal.validity_end",
            "主体负责人证件",
            "the subject principal's ID",
            ctx.subject_principal_validity_end,
        ),
        (
            "app_principal.validity_end",
            "小程序负责人证件",
            "the mini program principal's ID",
            ctx.app_principal_validity_end,
        ),
    ];
    for (field, zh_name, en_name, end) in certificates {
        let Some(end) = end else { continue };
        let days = today.days_until(end);
        if days > CERTIFICATE_EXPIRY_DAYS {
            continue;
        }
        let (zh, en) = if days < 0 {
            (
                format!("{zh_name}有效期已于 {end} 到期：请尽快更新证件并在小程序后台办理变更备案，以免备案被注销。"),
                format!("{en_name} expired on {end}: renew it and file a change in the admin, or the filing may be cancelled."),
            )
        } else {
            (
                format!("{zh_name}有效期将于 {end} 到期（还剩 {days} 天）：到期前更新证件并在小程序后台办理变更备案。"),
                format!("{en_name} expires on {end} ({days} days left): renew it and file a change in the admin before then."),
            )
        };
        findings.push(Finding::new(Rule::CertificateExpiryAfterFiling, Severity::Warning, field, zh, en));
    }
}

/// The moments to wake up for `record`'s current stage, each with the rule it will report:
/// `sms_verification` — entry, +18 h, +22 h (`stage_sms_pending`) and +24 h (`stage_sms_expired`);
/// `platform_review` / `bureau_review` — the overdue moment (`stage_platform_overdue` /
/// `stage_bureau_overdue`). Oldest first; past moments included (callers skip those `<= now`).
pub fn alarm_times(record: &Record) -> Vec<(Timestamp, Rule)> {
    match record.stage {
        Stage::SmsVerification => SMS_REMINDER_HOURS
            .iter()
            .map(|h| (record.since.add_hours(*h), Rule::StageSmsPending))
            .chain([(record.since.add_hours(SMS_HOURS), Rule::StageSmsExpired)])
            .collect(),
        Stage::PlatformReview | Stage::BureauReview => {
            let (days, rule) = if record.stage == Stage::PlatformReview {
                (PLATFORM_REVIEW_WORKING_DAYS, Rule::StagePlatformOverdue)
            } else {
                (BUREAU_REVIEW_WORKING_DAYS, Rule::StageBureauOverdue)
            };
            review_window(record.since, days, record.since).map(|w| vec![(w.overdue_at, rule)]).unwrap_or_default()
        }
        _ => Vec::new(),
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

    fn record(stage: Stage, since: &str, detail: EventDetail) -> Record {
        fold(&[Event::new("wx0123456789abcdef", None, stage, ts(since), EventSource::Page, detail)]).remove(0)
    }

    fn rules(findings: &[Finding]) -> Vec<Rule> {
        findings.iter().map(|f| f.rule).collect()
    }

    #[test]
    fn sms_pending_then_expired_at_exactly_24_hours() {
        let r = record(Stage::SmsVerification, "2026-11-20T21:15:00+08:00", EventDetail::default());
        let ctx = RecordContext::default();
        let pending = stage_findings(&r, ts("2026-11-21T21:14:59+08:00"), &ctx);
        assert_eq!(rules(&pending), [Rule::StageSmsPending]);
        assert_eq!(pending[0].severity, Severity::Warning);
        assert!(pending[0].message.contains("0 小时 0 分"), "{}", pending[0].message);
        let expired = stage_findings(&r, ts("2026-11-21T13:15:00Z"), &ctx);
        assert_eq!(rules(&expired), [Rule::StageSmsExpired]);
        assert_eq!(expired[0].severity, Severity::Error);
    }

    #[test]
    fn overdue_reviews_are_info() {
        let ctx = RecordContext::default();
        // Entered Friday 13 Feb 2026: 2 working days end Tuesday 24 Feb (Spring Festival skipped).
        let r = record(Stage::PlatformReview, "2026-02-13T10:00:00+08:00", EventDetail::default());
        assert!(stage_findings(&r, ts("2026-02-24T23:59:59+08:00"), &ctx).is_empty());
        let f = stage_findings(&r, ts("2026-02-25T00:00:00+08:00"), &ctx);
        assert_eq!(rules(&f), [Rule::StagePlatformOverdue]);
        assert_eq!(f[0].severity, Severity::Info);
        let r = record(Stage::BureauReview, "2026-09-28T09:00:00+08:00", EventDetail::default());
        assert!(stage_findings(&r, ts("2026-10-30T12:00:00+08:00"), &ctx).is_empty());
        assert_eq!(rules(&stage_findings(&r, ts("2026-10-31T00:00:00+08:00"), &ctx)), [Rule::StageBureauOverdue]);
    }

    #[test]
    fn rejection_shows_the_masked_reason_and_the_field() {
        let detail = EventDetail {
            reason: Some("应急联系方式13800138000与手机号相同".into()), ..Default::default()
        };
        let r = record(Stage::BureauRejected, "2026-11-20T10:00:00+08:00", detail);
        let f = stage_findings(&r, ts("2026-11-21T10:00:00+08:00"), &RecordContext::default());
        assert_eq!(rules(&f), [Rule::StageRejected]);
        assert!(!f[0].message.contains("13800138000"), "{}", f[0].message);
        assert!(f[0].message.contains("138******00") && f[0].message.contains("emergency_mobile"), "{}", f[0].message);
    }

    #[test]
    fn filed_checks_the_number_and_certificates() {
        let detail = EventDetail { filing_number: Some("京ICP备2026059598号-1X".into()), ..Default::default() };
        let r = record(Stage::Filed, "2026-11-20T10:00:00+08:00", detail);
        let now = ts("2026-11-23T10:00:00+08:00");
        let beijing = RecordContext { subject_province: province_from_input("北京市"), ..Default::default() };
        assert_eq!(rules(&stage_findings(&r, now, &beijing)), [Rule::StageFiled]);
        let guangdong = RecordContext {
            subject_province: province_from_input("广东省"),
            licence_valid_until: Date::parse("2026-12-23"),
            subject_principal_validity_end: Date::parse("2026-12-24"),
            app_principal_validity_end: Date::parse("2026-11-01"),
        };
        let f = stage_findings(&r, now, &guangdong);
        assert_eq!(
            rules(&f),
            [
                Rule::CertificateExpiryAfterFiling,
                Rule::CertificateExpiryAfterFiling,
                Rule::FilingNumberFormat,
                Rule::StageFiled
            ]
        );
        let fields: Vec<_> = f.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["subject.license_valid_until", "app_principal.validity_end", "filing_number", "stage"]);
        assert!(f[0].message.contains("还剩 30 天"), "{}", f[0].message);
        assert!(f[1].message.contains("已于 2026-11-01 到期"), "{}", f[1].message);
        assert!(f[2].message.contains("广东"), "{}", f[2].message);
    }

    #[test]
    fn context_comes_from_a_draft_without_pii() {
        let draft: Draft = serde_json::from_str(
            r#"{"subject":{"province":"广东省","license_valid_until":"长期"},
                "subject_principal":{"validity_end":"2030.01.02","mobile":"13800138000"},
                "app_principal":{"validity_end":"20280101"}}"#,
        )
        .unwrap();
        let ctx = RecordContext::from_draft(&draft);
        assert_eq!(ctx.subject_province.map(|p| p.abbr), Some("粤"));
        assert_eq!(ctx.licence_valid_until, None);
        assert_eq!(ctx.subject_principal_validity_end, Date::parse("2030-01-02"));
        assert_eq!(ctx.app_principal_validity_end, Date::parse("2028-01-01"));
    }

    #[test]
    fn alarms_for_sms_and_reviews() {
        let r = record(Stage::SmsVerification, "2026-11-20T21:15:00+08:00", EventDetail::default());
        let alarms = alarm_times(&r);
        let expected = [
            (ts("2026-11-20T21:15:00+08:00"), Rule::StageSmsPending),
            (ts("2026-11-21T15:15:00+08:00"), Rule::StageSmsPending),
            (ts("2026-11-21T19:15:00+08:00"), Rule::StageSmsPending),
            (ts("2026-11-21T21:15:00+08:00"), Rule::StageSmsExpired),
        ];
        assert_eq!(alarms, expected);
        let r = record(Stage::PlatformReview, "2026-09-30T10:00:00+08:00", EventDetail::default());
        assert_eq!(alarm_times(&r), [(ts("2026-10-10T00:00:00+08:00"), Rule::StagePlatformOverdue)]);
        assert!(alarm_times(&record(Stage::Filed, "2026-09-30T10:00:00+08:00", EventDetail::default())).is_empty());
    }
}
