//! The helper's only contact with the wall clock: today's local date and the current instant in the
//! user's offset. No date library (startup matters: the host is spawned per connection).

use beian_rules::Date;
use beian_tracker::Timestamp;
use std::time::{SystemTime, UNIX_EPOCH};

/// Now, written in the user's UTC offset.
pub fn now() -> Timestamp {
    let unix = match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(e) => -(e.duration().as_secs() as i64),
    };
    Timestamp::from_unix(unix).with_offset((local_offset_seconds_at(unix) / 60) as i16)
}

/// Short form for tables: `2026-11-20 09:30` in the timestamp's own offset.
pub fn short(t: Timestamp) -> String {
    let full = t.to_rfc3339();
    match (full.get(..10), full.get(11..16)) {
        (Some(date), Some(time)) => format!("{date} {time}"),
        _ => full,
    }
}

/// Today's date where the user is.
pub fn local_today() -> Date {
    now().local_date().unwrap_or_else(|| Date::new(1970, 1, 1).expect("a valid constant date"))
}

#[cfg(unix)]
fn local_offset_seconds_at(unix: i64) -> i32 {
    let t = unix as libc::time_t;
    // SAFETY: `localtime_r` only writes into the zeroed `tm` we own; both pointers are valid for the call.
    unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&t, &mut tm).is_null() {
            return 0;
        }
        tm.tm_gmtoff as i32
    }
}

#[cfg(not(unix))]
fn local_offset_seconds_at(_unix: i64) -> i32 {
    // Without a timezone database binding, Windows users get UTC; `--today`/`--now` override it.
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn now_and_today_agree() {
        let n = now();
        assert!(n.unix_seconds > 1_700_000_000);
        let today = local_today();
        // Could straddle midnight between the two calls, hence "within a day".
        assert!(n.local_date().is_some_and(|d| d.days_until(today).abs() <= 1));
        assert_eq!(short(Timestamp::parse("2026-11-20T09:30:59+08:00").unwrap()), "2026-11-20 09:30");
    }
}
