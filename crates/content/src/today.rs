//! Today's date in Beijing time (UTC+8, no daylight saving): deadlines and "expiring" verdicts are
//! about Chinese calendar days whatever the browser's time zone.

use beian_rules::Date;

const MS_PER_DAY: f64 = 86_400_000.0;
const BEIJING_OFFSET_MS: f64 = 8.0 * 3_600_000.0;

/// The Beijing calendar date at `unix_ms` milliseconds since the epoch.
pub fn beijing_date(unix_ms: f64) -> Option<Date> {
    if !unix_ms.is_finite() {
        return None;
    }
    let days = ((unix_ms + BEIJING_OFFSET_MS) / MS_PER_DAY).floor();
    Date::from_days(days as i64)
}

/// Today in Beijing, from the JS clock (`None` only if the clock is not a finite number).
pub fn today() -> Option<Date> {
    beijing_date(js_sys::Date::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beijing_midnight_is_utc_16h() {
        // 2026-11-23T15:59:59Z is 23:59:59 in Beijing; one second later it is the 24th there.
        let utc_15_59_59 = 1_795_449_599_000.0;
        assert_eq!(beijing_date(utc_15_59_59), Date::new(2026, 11, 23));
        assert_eq!(beijing_date(utc_15_59_59 + 1000.0), Date::new(2026, 11, 24));
        assert_eq!(beijing_date(f64::NAN), None);
    }
}
