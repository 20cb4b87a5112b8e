//! An instant with the UTC offset it was written in, parsed from and formatted as RFC 3339.
//! Hand-written on top of [`beian_rules::Date`] because a date library costs the wasm kilobytes.

use beian_rules::Date;
use core::cmp::Ordering;
use core::fmt;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Beijing time, UTC+8, in minutes: every working-day computation is made in it.
pub const BEIJING_OFFSET_MINUTES: i16 = 8 * 60;

const SECONDS_PER_DAY: i64 = 86_400;

/// An instant (`unix_seconds`, fractions of a second dropped) plus the offset it was observed in,
/// kept so that formatting gives back what was read.
///
/// Equality, ordering and hashing are by instant only: `2026-11-20T09:30:00+08:00` equals
/// `2026-11-20T01:30:00Z` (compare [`Timestamp::offset_minutes`] too if the written form matters),
/// and `2026-11-20T09:30:00+08:00 < 2026-11-20T02:00:00Z`.
/// Serialises as an RFC 3339 string, e.g. `"2026-11-20T09:30:00+08:00"`.
#[derive(Debug, Clone, Copy)]
pub struct Timestamp {
    pub unix_seconds: i64,
    /// Offset from UTC in minutes (`+08:00` → 480), within ±23:59.
    pub offset_minutes: i16,
}

impl Timestamp {
    /// The instant `unix_seconds` written in UTC.
    pub const fn from_unix(unix_seconds: i64) -> Timestamp {
        Timestamp { unix_seconds, offset_minutes: 0 }
    }

    /// The instant `unix_seconds` written in Beijing time.
    pub const fn from_unix_beijing(unix_seconds: i64) -> Timestamp {
        Timestamp { unix_seconds, offset_minutes: BEIJING_OFFSET_MINUTES }
    }

    /// Midnight at the start of `date` in Beijing time.
    pub const fn beijing_midnight(date: Date) -> Timestamp {
        Timestamp::from_unix_beijing(date.to_days() * SECONDS_PER_DAY - BEIJING_OFFSET_MINUTES as i64 * 60)
    }

    /// Parses RFC 3339: `2026-11-20T09:30:00+08:00`, `2026-11-20T01:30:00Z`, `…00.123Z` (fractions
    /// dropped); also accepts `t`/`z` and a space instead of `T`. `None` for anything else.
    pub fn parse(s: &str) -> Option<Timestamp> {
        let b = s.trim().as_bytes();
        if b.len() < 20
            || b[4] != b'-'
            || b[7] != b'-'
            || !matches!(b[10], b'T' | b't' | b' ')
            || b[13] != b':'
            || b[16] != b':'
        {
            return None;
        }
        let date = Date::new(digits(&b[0..4])? as i32, digits(&b[5..7])? as u8, digits(&b[8..10])? as u8)?;
        let (hour, minute, second) = (digits(&b[11..13])?, digits(&b[14..16])?, digits(&b[17..19])?);
        // 60 is a leap second: RFC 3339 allows it; it is read as the next second's start.
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        let mut rest = &b[19..];
        if let [b'.', tail @ ..] = rest {
            let n = tail.iter().take_while(|c| c.is_ascii_digit()).count();
            if n == 0 {
                return None;
            }
            rest = &tail[n..];
        }
        let offset_minutes: i16 = match rest {
            [b'Z' | b'z'] => 0,
            [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
                let (h, m) = (digits(&[*h1, *h2])?, digits(&[*m1, *m2])?);
                if h > 23 || m > 59 {
                    return None;
                }
                let minutes = (h * 60 + m) as i16;
                if *sign == b'-' {
                    -minutes
                } else {
                    minutes
                }
            }
            _ => return None,
        };
        let local = date.to_days() * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
        Some(Timestamp { unix_seconds: local - offset_minutes as i64 * 60, offset_minutes })
    }

    /// The same instant written in another offset.
    pub const fn with_offset(self, offset_minutes: i16) -> Timestamp {
        Timestamp { unix_seconds: self.unix_seconds, offset_minutes }
    }

    /// The same instant written in Beijing time.
    pub const fn to_beijing(self) -> Timestamp {
        self.with_offset(BEIJING_OFFSET_MINUTES)
    }

    /// `seconds` later (earlier if negative), same offset. Saturates instead of overflowing.
    pub const fn add_seconds(self, seconds: i64) -> Timestamp {
        Timestamp { unix_seconds: self.unix_seconds.saturating_add(seconds), offset_minutes: self.offset_minutes }
    }

    /// `hours` clock hours later, same offset.
    pub const fn add_hours(self, hours: i64) -> Timestamp {
        self.add_seconds(hours.saturating_mul(3600))
    }

    /// Seconds from `self` to `later` (negative if `later` is earlier).
    pub const fn seconds_until(self, later: Timestamp) -> i64 {
        later.unix_seconds.saturating_sub(self.unix_seconds)
    }

    /// The calendar date in Beijing (UTC+8) at this instant. `None` outside years 1..=9999.
    pub const fn to_beijing_date(self) -> Option<Date> {
        self.to_beijing().local_date()
    }

    /// The calendar date in this timestamp's own offset.
    pub const fn local_date(self) -> Option<Date> {
        let local = self.unix_seconds.saturating_add(self.offset_minutes as i64 * 60);
        Date::from_days(local.div_euclid(SECONDS_PER_DAY))
    }

    /// Seconds since local midnight in this timestamp's own offset.
    const fn local_second_of_day(self) -> i64 {
        self.unix_seconds.saturating_add(self.offset_minutes as i64 * 60).rem_euclid(SECONDS_PER_DAY)
    }

    /// RFC 3339 text (`2026-11-20T09:30:00+08:00`; `Z` for UTC). Same as `to_string()`.
    pub fn to_rfc3339(self) -> String {
        self.to_string()
    }
}

impl PartialEq for Timestamp {
    fn eq(&self, other: &Self) -> bool {
        self.unix_seconds == other.unix_seconds
    }
}

impl Eq for Timestamp {}

impl core::hash::Hash for Timestamp {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.unix_seconds.hash(state);
    }
}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> Ordering {
        self.unix_seconds.cmp(&other.unix_seconds)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(date) = self.local_date() else {
            // Outside years 1..=9999 there is no RFC 3339 form; say what it is instead of panicking.
            return write!(f, "@{}", self.unix_seconds);
        };
        let s = self.local_second_of_day();
        write!(f, "{date}T{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)?;
        match self.offset_minutes {
            0 => f.write_str("Z"),
            m => {
                let sign = if m < 0 { '-' } else { '+' };
                let m = m.unsigned_abs();
                write!(f, "{sign}{:02}:{:02}", m / 60, m % 60)
            }
        }
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Timestamp::parse(&text).ok_or_else(|| serde::de::Error::custom("not an RFC 3339 timestamp"))
    }
}

fn digits(b: &[u8]) -> Option<i64> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, c| n * 10 + (c - b'0') as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap_or_else(|| panic!("{s} should parse"))
    }

    #[test]
    fn parses_offsets_zulu_and_fractions() {
        let t = ts("2026-11-20T09:30:00+08:00");
        assert_eq!(t.offset_minutes, 480);
        assert_eq!(t.unix_seconds, ts("2026-11-20T01:30:00Z").unix_seconds);
        assert_eq!(ts("2026-11-20T01:30:00.123456Z").unix_seconds, t.unix_seconds);
        assert_eq!(ts("2026-11-19T20:30:00-05:00").unix_seconds, t.unix_seconds);
        assert_eq!(ts("1970-01-01T00:00:00Z").unix_seconds, 0);
        assert_eq!(ts("2026-11-20 01:30:00z").unix_seconds, t.unix_seconds);
        assert_eq!(ts("2026-11-20T01:30:00Z").unix_seconds, 1_795_138_200);
    }

    #[test]
    fn rejects_malformed_text() {
        for s in [
            "",
            "2026-11-20",
            "2026-11-20T09:30:00",
            "2026-11-20T24:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-11-20T09:30:00+8:00",
            "2026-11-20T09:30:00+08:60",
            "2026-11-20T09:30:00.Z",
            "2026-11-20T09:30:00Zjunk",
            "２０２６-11-20T09:30:00Z",
            "2026-11-20T09:3a:00Z",
            "2026-11-20T09:30:00+0800",
        ] {
            assert_eq!(Timestamp::parse(s), None, "{s}");
        }
    }

    #[test]
    fn formats_back_what_it_read() {
        for s in [
            "2026-11-20T09:30:00+08:00",
            "2026-11-20T01:30:00Z",
            "1999-12-31T23:59:59-09:30",
            "2024-02-29T00:00:00+05:45",
        ] {
            assert_eq!(ts(s).to_string(), s);
        }
        assert_eq!(ts("2026-11-20T01:30:00.9Z").to_rfc3339(), "2026-11-20T01:30:00Z");
        assert_eq!(ts("2026-11-20T01:30:00Z").to_beijing().to_string(), "2026-11-20T09:30:00+08:00");
        assert_eq!(Timestamp::from_unix(i64::MAX).to_string(), format!("@{}", i64::MAX));
    }

    #[test]
    fn orders_by_instant() {
        assert_eq!(ts("2026-11-20T09:30:00+08:00"), ts("2026-11-20T01:30:00Z"));
        assert_ne!(ts("2026-11-20T09:30:00+08:00").offset_minutes, ts("2026-11-20T01:30:00Z").offset_minutes);
        assert!(ts("2026-11-20T09:30:00+08:00") < ts("2026-11-20T02:00:00Z"));
        assert!(ts("2026-11-20T09:30:00+08:00") > ts("2026-11-20T01:29:59Z"));
        assert_eq!(ts("2026-11-20T09:30:00+08:00").seconds_until(ts("2026-11-21T09:30:00+08:00")), 86_400);
    }

    #[test]
    fn beijing_date_crosses_midnight() {
        // 16:30 UTC is 00:30 the next day in Beijing.
        assert_eq!(ts("2026-11-20T16:30:00Z").to_beijing_date(), Date::new(2026, 11, 21));
        assert_eq!(ts("2026-11-20T15:59:59Z").to_beijing_date(), Date::new(2026, 11, 20));
        assert_eq!(ts("2026-11-20T23:00:00-05:00").to_beijing_date(), Date::new(2026, 11, 21));
        let midnight = Timestamp::beijing_midnight(Date::new(2026, 11, 21).unwrap());
        assert_eq!(midnight.to_string(), "2026-11-21T00:00:00+08:00");
    }

    #[test]
    fn serde_is_the_rfc3339_string() {
        let t = ts("2026-11-20T09:30:00+08:00");
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"2026-11-20T09:30:00+08:00\"");
        assert_eq!(serde_json::from_str::<Timestamp>("\"2026-11-20T09:30:00+08:00\"").unwrap(), t);
        assert!(serde_json::from_str::<Timestamp>("\"yesterday\"").is_err());
        assert!(serde_json::from_str::<Timestamp>("12").is_err());
    }
}
