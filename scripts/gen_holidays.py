#!/usr/bin/env python3
"""Generates crates/tracker/src/holidays_generated.rs: China's official public holidays and make-up
working days (调休), from the PyPI package `chinesecalendar` (maintained from the State Council's
yearly notices).

Regenerate (after `pip install -U chinesecalendar`, once the State Council publishes next year's
arrangement, usually in November):

    python3 scripts/gen_holidays.py > crates/tracker/src/holidays_generated.rs

The tracker's test `calendar::tests::agrees_with_chinesecalendar_on_every_covered_day` cross-checks
the table against the installed package.
"""
import datetime
import importlib.metadata

from chinese_calendar import constants


def main() -> None:
    version = importlib.metadata.version("chinesecalendar")
    holidays = sorted(constants.holidays)
    workdays = sorted(constants.workdays)
    # The package itself supports exactly the years between its first and last holiday.
    first_year, last_year = holidays[0].year, holidays[-1].year

    def ymd(d: datetime.date) -> str:
        return f"{d.year:04}_{d.month:02}_{d.day:02}"

    def table(days):
        lines = []
        for i in range(0, len(days), 8):
            lines.append("    " + ", ".join(ymd(d) for d in days[i : i + 8]) + ",")
        return "\n".join(lines)

    print(f"""//! Chinese official holidays and make-up working days (调休), {first_year}–{last_year}. GENERATED — do not edit.
//!
//! Source: PyPI `chinesecalendar` {version} (`chinese_calendar.constants.holidays` / `.workdays`),
//! which follows the State Council's yearly holiday notices.
//! Generated on {datetime.date.today().isoformat()} by `scripts/gen_holidays.py`.
//! Regenerate: `pip install -U chinesecalendar && python3 scripts/gen_holidays.py > crates/tracker/src/holidays_generated.rs`

// `YYYY_MM_DD` grouping is deliberate: it reads as a date.
#![allow(clippy::inconsistent_digit_grouping)]

/// Package and version the tables were generated from.
pub const SOURCE: &str = "chinesecalendar {version}";
/// First year the tables cover completely.
pub const FIRST_YEAR: i32 = {first_year};
/// Last year the tables cover completely.
pub const LAST_YEAR: i32 = {last_year};

/// Official holidays as `YYYYMMDD`, sorted. Includes the weekend days that fall inside a holiday period.
#[rustfmt::skip]
pub const HOLIDAYS: [u32; {len(holidays)}] = [
{table(holidays)}
];

/// Make-up working days (weekend days worked in exchange for a holiday) as `YYYYMMDD`, sorted.
#[rustfmt::skip]
pub const MAKEUP_WORKDAYS: [u32; {len(workdays)}] = [
{table(workdays)}
];""")


if __name__ == "__main__":
    main()
