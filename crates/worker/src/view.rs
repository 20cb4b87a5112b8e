//! What the popup shows about one filing, computed without the DOM so native tests reach it: the
//! progress steps, the deadline and next action (from `beian_tracker::deadline`), days in the stage
//! against the expected window, a countdown, and readable names for the form fields a rejection
//! reason points at.

use beian_tracker::deadline::{self, Deadline};
use beian_tracker::{next_action, NextAction, Record, Stage, Timestamp};

use crate::i18n::Lang;

/// The main path of a filing, as progress steps.
const STEPS: [Stage; 5] =
    [Stage::Draft, Stage::PlatformReview, Stage::SmsVerification, Stage::BureauReview, Stage::Filed];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepState {
    Done,
    Current,
    /// The step where the filing was rejected.
    Failed,
    Todo,
}

/// Each main-path step with its state for a filing in `stage`. A rejection marks the review step it
/// came from as failed; stages after filing (change review, cancellation) show the path as done.
pub fn progress(stage: Stage) -> Vec<(Stage, StepState)> {
    let (position, failed) = match stage {
        Stage::PlatformRejected => (1, true),
        Stage::BureauRejected => (3, true),
        Stage::ChangeReview | Stage::Cancelling | Stage::Cancelled => (STEPS.len(), false),
        Stage::Withdrawn => (0, false),
        s => (STEPS.iter().position(|&x| x == s).unwrap_or(0), false),
    };
    STEPS
        .iter()
        .enumerate()
        .map(|(i, &step)| {
            let state = if i < position || (i == position && step == Stage::Filed) {
                StepState::Done
            } else if i == position {
                if failed {
                    StepState::Failed
                } else {
                    StepState::Current
                }
            } else {
                StepState::Todo
            };
            (step, state)
        })
        .collect()
}

/// The facts of one popup row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub action: Option<NextAction>,
    /// The moment the next action is due (SMS deadline, review overdue moment).
    pub deadline: Option<Timestamp>,
    pub overdue: bool,
    /// Working days used in a review and its expected window `(min, max)`.
    pub review_days: Option<(i64, u16, u16)>,
}

pub fn summarize(record: &Record, now: Timestamp) -> Summary {
    let action = next_action(record, now);
    let (review_days, overdue) = match deadline::deadline(record, now) {
        Some(Deadline::PlatformReview(w) | Deadline::BureauReview(w)) => {
            (Some((w.working_days_elapsed, w.min_working_days, w.max_working_days)), w.overdue)
        }
        Some(Deadline::SmsVerification(sms)) => (None, sms.expired),
        None => (None, false),
    };
    let deadline = action.as_ref().and_then(|a| a.due);
    Summary { action, deadline, overdue, review_days }
}

impl Summary {
    pub fn action(&self, lang: Lang) -> String {
        match &self.action {
            Some(a) => lang.pick(&a.message_zh, &a.message_en).to_owned(),
            None => lang.pick("无需操作。", "Nothing to do.").to_owned(),
        }
    }

    /// The label of the review's working-day meter, "3 / 20 个工作日". Short on purpose: the next
    /// action right below already says it in a sentence, with the usual window and the dates.
    pub fn elapsed(&self, lang: Lang) -> Option<String> {
        let (used, _, max) = self.review_days?;
        Some(match lang {
            Lang::Zh => format!("{used} / {max} 个工作日"),
            Lang::En => format!("{used} / {max} working days"),
        })
    }
}

/// Time left until `deadline` in hours and minutes ("剩余 5 小时 12 分"), or how long ago it passed.
pub fn countdown(now: Timestamp, deadline: Timestamp, lang: Lang) -> String {
    let seconds = now.seconds_until(deadline);
    let minutes = seconds.unsigned_abs() / 60;
    let (days, hours, mins) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    let span = match (lang, days) {
        (Lang::Zh, 0) => format!("{hours} 小时 {mins} 分"),
        (Lang::Zh, d) => format!("{d} 天 {hours} 小时"),
        (Lang::En, 0) => format!("{hours} h {mins} min"),
        (Lang::En, d) => format!("{d} d {hours} h"),
    };
    match (lang, seconds >= 0) {
        (Lang::Zh, true) => format!("剩余 {span}"),
        (Lang::Zh, false) => format!("已超过 {span}"),
        (Lang::En, true) => format!("{span} left"),
        (Lang::En, false) => format!("{span} overdue"),
    }
}

/// A readable name for a dotted field path of contracts.md §1: the form section's name plus the
/// path's last part (`subject_principal.emergency_mobile` → `主体负责人信息 · emergency_mobile`).
pub fn field_label(field: &str, lang: Lang) -> String {
    let (section, rest) = field.split_once('.').unwrap_or((field, ""));
    let name = match section {
        "subject" => lang.pick("主办单位信息", "Host organisation"),
        "subject_principal" => lang.pick("主体负责人信息", "Organisation principal"),
        "legal_person" => lang.pick("法定代表人", "Legal representative"),
        "app" => lang.pick("小程序信息", "Mini Program"),
        "app_principal" => lang.pick("小程序负责人信息", "Mini Program principal"),
        "admin" => lang.pick("管理员", "Administrator"),
        "materials" => lang.pick("上传其他信息材料", "Other materials"),
        other => other,
    };
    if rest.is_empty() {
        name.to_owned()
    } else {
        format!("{name} · {rest}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use beian_tracker::{fold, Event, EventDetail, EventSource};

    fn t(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    fn record(stage: Stage, at: &str) -> Record {
        let e = Event::new("wx0123456789abcdef", None, stage, t(at), EventSource::Page, EventDetail::default());
        fold(&[e]).remove(0)
    }

    fn states(stage: Stage) -> Vec<StepState> {
        progress(stage).into_iter().map(|(_, s)| s).collect()
    }

    #[test]
    fn progress_marks_done_current_failed_and_todo() {
        use StepState::*;
        assert_eq!(states(Stage::Draft), [Current, Todo, Todo, Todo, Todo]);
        assert_eq!(states(Stage::SmsVerification), [Done, Done, Current, Todo, Todo]);
        assert_eq!(states(Stage::PlatformRejected), [Done, Failed, Todo, Todo, Todo]);
        assert_eq!(states(Stage::BureauRejected), [Done, Done, Done, Failed, Todo]);
        assert_eq!(states(Stage::Filed), [Done, Done, Done, Done, Done]);
        assert_eq!(states(Stage::ChangeReview), [Done; 5]);
    }

    #[test]
    fn sms_row_is_due_24_hours_after_entry() {
        let r = record(Stage::SmsVerification, "2026-11-20T09:30:00+08:00");
        let s = summarize(&r, t("2026-11-20T15:30:00+08:00"));
        assert_eq!(s.deadline, Some(t("2026-11-21T09:30:00+08:00")));
        assert!(!s.overdue);
        assert!(s.action(Lang::Zh).contains("beian.miit.gov.cn"), "{}", s.action(Lang::Zh));
        let late = summarize(&r, t("2026-11-21T10:00:00+08:00"));
        assert!(late.overdue);
    }

    #[test]
    fn bureau_review_reports_working_days_against_the_window() {
        let r = record(Stage::BureauReview, "2026-11-16T10:00:00+08:00");
        let s = summarize(&r, t("2026-11-19T10:00:00+08:00"));
        assert_eq!(s.review_days, Some((3, 1, 20)));
        assert_eq!(s.elapsed(Lang::Zh).unwrap(), "3 / 20 个工作日");
        assert_eq!(s.elapsed(Lang::En).unwrap(), "3 / 20 working days");
        assert!(!s.overdue);
    }

    #[test]
    fn countdown_reads_both_ways() {
        let now = t("2026-11-20T09:30:00+08:00");
        assert_eq!(countdown(now, t("2026-11-20T14:42:00+08:00"), Lang::Zh), "剩余 5 小时 12 分");
        assert_eq!(countdown(now, t("2026-11-20T08:30:00+08:00"), Lang::En), "1 h 0 min overdue");
        assert_eq!(countdown(now, t("2026-11-22T10:30:00+08:00"), Lang::En), "2 d 1 h left");
    }

    #[test]
    fn field_labels_name_the_section() {
        assert_eq!(field_label("subject_principal.emergency_mobile", Lang::Zh), "主体负责人信息 · emergency_mobile");
        assert_eq!(field_label("app", Lang::En), "Mini Program");
        assert_eq!(field_label("unknown.x", Lang::En), "unknown · x");
    }
}
