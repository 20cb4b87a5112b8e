//! A civil (calendar) date, enough for validity periods, birth dates and deadlines.
//! Small on purpose: the rule crate runs in wasm, where a date library costs kilobytes.

use core::fmt;

/// A valid proleptic-Gregorian date. Construct with [`Date::new`] or [`Date::parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

pub const fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub const fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// `None` unless the date exists (year 1..=9999).
    pub const fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    pub const fn year(self) -> i32 {
        self.year
    }
    pub const fn month(self) -> u8 {
        self.month
    }
    pub const fn day(self) -> u8 {
        self.day
    }

    /// Parses `YYYY-MM-DD`, `YYYYMMDD`, `YYYY.MM.DD`, `YYYY/MM/DD` and `YYYY年M月D日` (surrounding
    /// white space ignored; one-digit month/day accepted with separators). `None` if not a real date.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() == 8 && b.iter().all(u8::is_ascii_digit) {
            return Date::new(num(&s[0..4])? as i32, num(&s[4..6])? as u8, num(&s[6..8])? as u8);
        }
        // `YYYY-MM-DD` (or `.` `/`), what the date pickers give: read in place. The general split
        // below yields the same three parts for it.
        if b.len() == 10 && matches!(b[4], b'-' | b'.' | b'/') && matches!(b[7], b'-' | b'.' | b'/') {
            let (y, m, d) = (&s[0..4], &s[5..7], &s[8..10]);
            if let (Some(y), Some(m), Some(d)) = (num(y), num(m), num(d)) {
                return Date::new(y as i32, m as u8, d as u8);
            }
        }
        let mut parts = s.split(['-', '.', '/', '年', '月', '日']).filter(|p| !p.is_empty());
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() > 2 || d.len() > 2 {
            return None;
        }
        Date::new(num(y)? as i32, num(m)? as u8, num(d)? as u8)
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    pub const fn to_days(self) -> i64 {
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// Inverse of [`Date::to_days`]; `None` outside years 1..=9999.
    pub const fn from_days(z: i64) -> Option<Date> {
        let z = z + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
        if y < 1 || y > 9999 {
            return None;
        }
        Date::new(y as i32, m, d)
    }

    /// 0 = Monday … 6 = Sunday.
    pub const fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        ((self.to_days() % 7 + 7 + 3) % 7) as u8
    }

    pub const fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.to_days() + n)
    }

    /// Adds calendar months, clamping the day to the month's end (Jan 31 + 1 month = Feb 28/29).
    pub const fn add_months(self, n: i32) -> Option<Date> {
        let total = self.year as i64 * 12 + (self.month as i64 - 1) + n as i64;
        let year = total.div_euclid(12) as i32;
        let month = (total.rem_euclid(12) + 1) as u8;
        let dim = days_in_month(year, month);
        let day = if self.day > dim { dim } else { self.day };
        Date::new(year, month, day)
    }

    pub const fn add_years(self, n: i32) -> Option<Date> {
        self.add_months(n * 12)
    }

    /// `other - self` in days.
    pub const fn days_until(self, other: Date) -> i64 {
        other.to_days() - self.to_days()
    }

    /// Whole years of age on `on` for someone born on `self` (birthday on 29 Feb counts on 1 Mar in
    /// common years, as Chinese law counts age).
    pub const fn years_until(self, on: Date) -> i32 {
        let mut years = on.year - self.year;
        if on.month < self.month || (on.month == self.month && on.day < self.day) {
            years -= 1;
        }
        years
    }
}

fn num(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    // At most four checked digits: no overflow, no need for the general `str::parse`.
    Some(s.bytes().fold(0, |n, c| n * 10 + u32::from(c - b'0')))
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    /// `Date::parse` as written before its `YYYY-MM-DD` fast path and digit folding.
    fn parse_reference(s: &str) -> Option<Date> {
        fn num(s: &str) -> Option<u32> {
            if s.is_empty() || s.len() > 4 || !s.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            s.parse().ok()
        }
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() == 8 && b.iter().all(u8::is_ascii_digit) {
            return Date::new(num(&s[0..4])? as i32, num(&s[4..6])? as u8, num(&s[6..8])? as u8);
        }
        let mut parts = s.split(['-', '.', '/', '年', '月', '日']).filter(|p| !p.is_empty());
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() > 2 || d.len() > 2 {
            return None;
        }
        Date::new(num(y)? as i32, num(m)? as u8, num(d)? as u8)
    }

    proptest::proptest! {
        #[test]
        fn parse_agrees_with_the_plain_definition(
            s in "[0-9 ./年月日-]{0,12}|[0-9]{4}[-./][0-9+ a]{2}[-./][0-9+ a]{2}|2015-03-01|\\PC{0,12}"
        ) {
            proptest::prop_assert_eq!(Date::parse(&s), parse_reference(&s));
        }
    }

    #[test]
    fn parses_the_accepted_forms() {
        for s in ["2015-03-01", "20150301", "2015.03.01", "2015/3/1", "2015年3月1日", " 2015-03-01 "] {
            assert_eq!(Date::parse(s), Date::new(2015, 3, 1), "{s}");
        }
        for s in ["", "2015-02-30", "2015-13-01", "15-03-01", "2015-03", "2015-03-01-02", "abcd-ef-gh", "２０１５-03-01"] {
            assert_eq!(Date::parse(s), None, "{s}");
        }
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2100-02-29").is_none());
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(d("1970-01-01").to_days(), 0);
        assert_eq!(d("2026-11-23").to_days(), 20_780);
        for n in (-700_000..2_900_000).step_by(997) {
            assert_eq!(Date::from_days(n).unwrap().to_days(), n);
        }
        assert_eq!(d("2026-11-23").weekday(), 0, "2026-11-23 is a Monday");
    }

    #[test]
    fn months_clamp_to_month_end() {
        assert_eq!(d("2026-01-31").add_months(1), Some(d("2026-02-28")));
        assert_eq!(d("2024-01-31").add_months(1), Some(d("2024-02-29")));
        assert_eq!(d("2026-11-23").add_months(1), Some(d("2026-12-23")));
        assert_eq!(d("2026-11-23").add_months(-12), Some(d("2025-11-23")));
        assert_eq!(d("9999-12-01").add_months(1), None);
    }

    #[test]
    fn age_counts_birthdays() {
        assert_eq!(d("2008-11-23").years_until(d("2026-11-23")), 18);
        assert_eq!(d("2008-11-24").years_until(d("2026-11-23")), 17);
        assert_eq!(d("1949-12-31").years_until(d("2026-11-23")), 76);
    }
}
