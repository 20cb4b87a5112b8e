//! Filing stage tracking (contracts.md §5, rules.md §F): stage events and their fold into records,
//! the admin status-text table, the Chinese working-day calendar, deadlines and reminders, and the
//! filing-number format.
//!
//! Pure like `beian-rules`: no I/O, no clock (`now` is always a parameter), no panics on any input.
//! Built natively (the `beian` helper) and for wasm32 (service worker, popup).
//!
//! ```
//! use beian_tracker::{fold, next_action, stage_from_status_text, Event, EventDetail, EventSource, NextActionKind, Timestamp};
//!
//! // The content script reads a status text off the page…
//! let stage = stage_from_status_text("当前状态：待短信核验", "").unwrap();
//! let seen = Timestamp::parse("2026-11-20T21:15:00+08:00").unwrap();
//! let detail = EventDetail { status_text: Some("待短信核验".into()), ..Default::default() };
//! let event = Event::new("wx0123456789abcdef", Some("某某记账"), stage, seen, EventSource::Page, detail);
//! // …stores keep events (idempotent by `event_id`), and records are their fold.
//! let records = fold(&[event.clone(), event]);
//! assert_eq!(records[0].events, 1);
//! let now = Timestamp::parse("2026-11-21T10:00:00+08:00").unwrap();
//! let action = next_action(&records[0], now).unwrap();
//! assert_eq!(action.kind, NextActionKind::AnswerSms);
//! assert_eq!(action.due.unwrap().to_string(), "2026-11-21T21:15:00+08:00");
//! ```

pub mod calendar;
pub mod deadline;
pub mod event;
pub mod filing_number;
mod holidays_generated;
pub mod record;
pub mod remind;
pub mod status_text;
pub mod timestamp;

pub use calendar::{add_working_days, is_working_day, working_days_between, Precision};
pub use deadline::{deadline, next_action, Deadline, NextAction, NextActionKind, ReviewWindow, SmsDeadline};
pub use event::{Event, EventDetail, EventSource, Stage};
pub use filing_number::{check_filing_number, parse_filing_number, FilingKind, FilingNumber, FilingNumberProblem};
pub use record::{fold, is_new_observation, Record, StageSpan};
pub use remind::{alarm_times, stage_findings, RecordContext};
pub use status_text::{mask_pii, reason_field, stage_from_status_text};
pub use timestamp::Timestamp;

/// Every text-taking entry point on arbitrary input: answers, never panics (design.md invariant).
#[cfg(test)]
mod totality {
    use super::*;

    #[test]
    fn arbitrary_text_never_panics() {
        let pieces = [
            "",
            "2026-11-20T09:30:00+08:00",
            "Z",
            "+",
            "-",
            ":",
            ".",
            "T",
            "9",
            "X",
            "x",
            "@",
            "＠",
            "号",
            "ICP备",
            "B2-",
            "京",
            "港",
            "管局",
            "审核",
            "不通过",
            "通过",
            "中",
            "１",
            "\u{0}",
            "\u{10FFFF}",
            "é",
            " ",
            "\u{3000}",
            "13800138000",
            "11010519491231002",
            "a.b",
            "备注",
            "应急",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..20_000 {
            let text: String = (0..next(8)).map(|_| pieces[next(pieces.len())]).collect();
            let _ = Timestamp::parse(&text);
            let _ = stage_from_status_text(&text, &text);
            let _ = reason_field(&text);
            let _ = parse_filing_number(&text);
            let masked = mask_pii(&text);
            assert!(masked.chars().count() <= text.chars().count() + 3 * text.matches(['@', '＠']).count() + 3);
            let _ = check_filing_number(&text, beian_rules::data::province_from_input("广东"));
        }
    }

    #[test]
    fn extreme_instants_never_panic() {
        let base =
            Event::new("wx1", None, Stage::Draft, Timestamp::from_unix(0), EventSource::User, EventDetail::default());
        let template = fold(&[base]).remove(0);
        let unixes = [
            i64::MIN,
            i64::MIN / 2,
            -62_135_596_800 - 1,
            -1,
            0,
            1,
            253_402_300_799,
            253_402_300_800,
            i64::MAX / 2,
            i64::MAX,
        ];
        for unix in unixes {
            for offset in [i16::MIN, -1439, 0, 480, 1439, i16::MAX] {
                let t = Timestamp { unix_seconds: unix, offset_minutes: offset };
                let _ = t.to_string();
                let _ = t.to_beijing_date();
                for stage in Stage::ALL {
                    let mut r = template.clone();
                    r.stage = stage;
                    r.since = t;
                    r.filing_number = Some("京ICP备2026059598号-1X".into());
                    for now in [t, Timestamp::from_unix(0), Timestamp::from_unix(i64::MAX)] {
                        let ctx = RecordContext {
                            licence_valid_until: beian_rules::Date::new(1, 1, 1),
                            ..Default::default()
                        };
                        let _ = next_action(&r, now);
                        let _ = stage_findings(&r, now, &ctx);
                        let _ = deadline(&r, now);
                    }
                    let _ = alarm_times(&r);
                }
            }
        }
    }
}
