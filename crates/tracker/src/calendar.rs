//! The Chinese working-day calendar: Monday–Friday, minus official holidays, plus the make-up
//! working days (调休) worked on weekends. Tables in `holidays_generated.rs` (from PyPI
//! `chinesecalendar`, see its header); beyond the covered years only weekends are known, and every
//! answer that relied on such a day says so with [`Precision::Approximate`].

use crate::holidays_generated::{FIRST_YEAR, HOLIDAYS, LAST_YEAR, MAKEUP_WORKDAYS, SOURCE};
use beian_rules::Date;
use serde::{Deserialize, Serialize};

/// Whether an answer rests on the official holiday tables, or on weekends alone for some day outside
/// the years they cover (the State Council publishes next year's holidays around November).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Exact,
    Approximate,
}

impl Precision {
    /// `Approximate` if either is.
    pub fn and(self, other: Precision) -> Precision {
        self.max(other)
    }
}

/// Where the holiday tables come from and the years they cover, e.g. `("chinesecalendar 1.11.0", 2004, 2026)`.
pub const fn coverage() -> (&'static str, i32, i32) {
    (SOURCE, FIRST_YEAR, LAST_YEAR)
}

/// Whether the holiday tables cover `date`'s year.
pub const fn is_covered(date: Date) -> bool {
    date.year() >= FIRST_YEAR && date.year() <= LAST_YEAR
}

fn key(date: Date) -> u32 {
    date.year() as u32 * 10_000 + date.month() as u32 * 100 + date.day() as u32
}

/// Whether people work on `date` in mainland China. Outside the covered years: Monday–Friday.
pub fn is_working_day(date: Date) -> bool {
    let k = key(date);
    if MAKEUP_WORKDAYS.binary_search(&k).is_ok() {
        return true;
    }
    date.weekday() < 5 && HOLIDAYS.binary_search(&k).is_err()
}

/// [`is_working_day`] with the precision of the answer.
pub fn working_day_status(date: Date) -> (bool, Precision) {
    (is_working_day(date), if is_covered(date) { Precision::Exact } else { Precision::Approximate })
}

/// The `n`-th working day after `start` (`start` itself is not counted; `n = 0` gives `start`).
/// `None` only past year 9999.
pub fn add_working_days(start: Date, n: u16) -> Option<(Date, Precision)> {
    let mut precision = Precision::Exact;
    let mut date = start;
    let mut left = n;
    while left > 0 {
        date = date.add_days(1)?;
        let (working, p) = working_day_status(date);
        precision = precision.and(p);
        if working {
            left -= 1;
        }
    }
    Some((date, precision))
}

/// Working days in `(a, b]`: after `a`, up to and including `b` — so a review that entered on `a`
/// has used this many working days by the end of `b`. Negative (the same count, negated) if `b < a`.
pub fn working_days_between(a: Date, b: Date) -> (i64, Precision) {
    let (from, to, sign) = if a <= b { (a, b, 1) } else { (b, a, -1) };
    let (first, last) = (from.to_days() + 1, to.to_days());
    let mut count = 0;
    let mut precision = Precision::Exact;
    // Covered days one by one (binary searches); the rest by whole weeks, which is exact for
    // weekends-only counting and keeps a far-future date from costing millions of iterations.
    let covered_first = Date::new(FIRST_YEAR, 1, 1).map_or(i64::MAX, Date::to_days);
    let covered_last = Date::new(LAST_YEAR, 12, 31).map_or(i64::MIN, Date::to_days);
    let mut day = first;
    while day <= last {
        if day >= covered_first && day <= covered_last {
            let stop = last.min(covered_last);
            for d in day..=stop {
                if Date::from_days(d).is_some_and(is_working_day) {
                    count += 1;
                }
            }
            day = stop + 1;
        } else {
            precision = Precision::Approximate;
            let stop = if day < covered_first { last.min(covered_first - 1) } else { last };
            count += weekdays_in(day, stop);
            day = stop + 1;
        }
    }
    (sign * count, precision)
}

/// Monday–Friday days in day numbers `first..=last` (1970-01-01 = 0, a Thursday).
fn weekdays_in(first: i64, last: i64) -> i64 {
    // Weekdays in 0..n, counted from a Monday-based origin.
    fn before(n: i64) -> i64 {
        // Day 0 is a Thursday; shift so that day -3 (a Monday) is the origin.
        let shifted = n + 3;
        let (weeks, rest) = (shifted.div_euclid(7), shifted.rem_euclid(7));
        weeks * 5 + rest.min(5)
    }
    if last < first {
        0
    } else {
        before(last + 1) - before(first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn covers_2026_spring_festival_and_national_day() {
        assert_eq!(coverage().1, 2004);
        assert!(coverage().2 >= 2026);
        // 2026 Spring Festival: 15–23 February off; Saturday 14 and Saturday 28 February worked.
        for day in 15..=23 {
            assert!(!is_working_day(Date::new(2026, 2, day).unwrap()), "2026-02-{day}");
        }
        assert!(is_working_day(d("2026-02-14")), "make-up Saturday");
        assert!(is_working_day(d("2026-02-28")), "make-up Saturday");
        assert!(is_working_day(d("2026-02-13")));
        assert!(is_working_day(d("2026-02-24")));
        // National Day 1–7 October off; Saturday 10 October worked.
        for day in 1..=7 {
            assert!(!is_working_day(Date::new(2026, 10, day).unwrap()), "2026-10-{day}");
        }
        assert!(is_working_day(d("2026-10-10")));
        assert!(is_working_day(d("2026-09-30")));
        assert!(!is_working_day(d("2026-11-22")), "ordinary Sunday");
        assert!(is_working_day(d("2026-11-23")), "ordinary Monday");
    }

    #[test]
    fn adding_working_days_skips_holidays_and_counts_makeup_days() {
        // Friday 13 Feb + 1 = Saturday 14 Feb (make-up day); + 2 = Tuesday 24 Feb.
        assert_eq!(add_working_days(d("2026-02-13"), 1), Some((d("2026-02-14"), Precision::Exact)));
        assert_eq!(add_working_days(d("2026-02-13"), 2), Some((d("2026-02-24"), Precision::Exact)));
        // 20 working days from 2 February 2026 across the Spring Festival.
        assert_eq!(add_working_days(d("2026-02-02"), 20), Some((d("2026-03-06"), Precision::Exact)));
        // Wednesday 30 Sep + 1 = Thursday 8 Oct; + 3 = Saturday 10 Oct (make-up).
        assert_eq!(add_working_days(d("2026-09-30"), 1), Some((d("2026-10-08"), Precision::Exact)));
        assert_eq!(add_working_days(d("2026-09-30"), 3), Some((d("2026-10-10"), Precision::Exact)));
        assert_eq!(add_working_days(d("2026-11-23"), 0), Some((d("2026-11-23"), Precision::Exact)));
        // Beyond the tables (2100's holidays will never be in them): weekends only, flagged.
        // Thursday 31 Dec 2099 + 1 = Friday 1 Jan 2100 (a holiday in fact, unknown here); + 2 = Monday.
        assert_eq!(add_working_days(d("2099-12-31"), 1), Some((d("2100-01-01"), Precision::Approximate)));
        assert_eq!(add_working_days(d("2099-12-31"), 2), Some((d("2100-01-04"), Precision::Approximate)));
        // Crossing from the last covered year into the next one is flagged too.
        let last_covered = Date::new(coverage().2, 12, 31).unwrap();
        assert_eq!(add_working_days(last_covered, 3).unwrap().1, Precision::Approximate);
        assert_eq!(add_working_days(last_covered, 0).unwrap().1, Precision::Exact);
        assert_eq!(add_working_days(d("9999-12-30"), 5), None);
    }

    #[test]
    fn counting_agrees_with_adding() {
        for start in ["2026-01-30", "2026-02-13", "2026-09-25", "2026-12-20", "2025-12-25", "2003-12-20"] {
            for n in [0u16, 1, 2, 5, 20, 40] {
                let (end, p) = add_working_days(d(start), n).unwrap();
                assert_eq!(working_days_between(d(start), end), (n as i64, p), "{start} + {n}");
                assert_eq!(working_days_between(end, d(start)).0, -(n as i64));
            }
        }
        assert_eq!(working_days_between(d("2026-11-23"), d("2026-11-23")), (0, Precision::Exact));
        // Far dates neither hang nor panic; whole weeks count five.
        assert_eq!(working_days_between(d("3000-01-06"), d("3000-01-20")), (10, Precision::Approximate));
        assert!(working_days_between(d("0001-01-01"), d("9999-12-31")).0 > 2_000_000);
    }

    /// Every day of every covered year against the `chinesecalendar` package itself.
    #[test]
    fn agrees_with_chinesecalendar_on_every_covered_day() {
        let (_, first, last) = coverage();
        let script = format!(
            "import datetime, chinese_calendar as c\n\
             d = datetime.date({first}, 1, 1)\n\
             out = []\n\
             while d <= datetime.date({last}, 12, 31):\n\
             \x20   out.append('1' if c.is_workday(d) else '0')\n\
             \x20   d += datetime.timedelta(days=1)\n\
             print(''.join(out))\n"
        );
        let output = Command::new("python3").args(["-c", &script]).output().unwrap_or_else(|e| {
            panic!(
                "cannot run python3 ({e}): install Python 3 and `pip install chinesecalendar` to run this oracle test"
            )
        });
        assert!(
            output.status.success(),
            "the chinesecalendar oracle failed — `pip install chinesecalendar`?\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let expected = String::from_utf8_lossy(&output.stdout);
        let expected = expected.trim();
        let mut date = Date::new(first, 1, 1).unwrap();
        let mut checked = 0;
        for flag in expected.chars() {
            assert_eq!(is_working_day(date), flag == '1', "{date}");
            date = date.add_days(1).unwrap();
            checked += 1;
        }
        assert_eq!(date, Date::new(last + 1, 1, 1).unwrap(), "oracle covered {checked} days");
    }
}
