//! A civil calendar date (proleptic Gregorian), enough for personnel rules:
//! birth dates, TMT (the date a position or status took effect), retirement.
//!
//! Serialised as `"YYYY-MM-DD"`. The core never reads a clock: every rule that
//! needs "today" takes it as a parameter, so results are reproducible.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date. Ordering is chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a date could not be built or parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DateError {}

/// Whether `year` is a leap year.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in `month` (1–12) of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// Builds a date, checking that it exists (no 31 April, no 29 February
    /// outside leap years). Years are limited to 1000–9999.
    pub fn new(year: i32, month: u8, day: u8) -> Result<Date, DateError> {
        if !(1000..=9999).contains(&year) {
            return Err(DateError(format!("year {year} is out of range")));
        }
        if !(1..=12).contains(&month) {
            return Err(DateError(format!("month {month} does not exist")));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError(format!(
                "day {day} does not exist in {year:04}-{month:02}"
            )));
        }
        Ok(Date { year, month, day })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(text: &str) -> Result<Date, DateError> {
        let bad = || DateError(format!("\"{text}\" is not a date of the form YYYY-MM-DD"));
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(bad());
        }
        let num = |range: std::ops::Range<usize>| -> Result<u32, DateError> {
            let part = &text[range];
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse::<u32>().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::new(y as i32, m as u8, d as u8)
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's algorithm.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01 (the inverse of
    /// [`Date::days_since_epoch`]). Fails outside years 1000–9999.
    pub fn from_days_since_epoch(days: i64) -> Result<Date, DateError> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(year as i32, month, day)
    }

    /// The number of days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// Adds whole months; a day that does not exist in the target month is
    /// clamped to its last day (31 January + 1 month = 28/29 February).
    pub fn add_months(self, months: i32) -> Date {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(months);
        let year = total.div_euclid(12) as i32;
        let month = (total.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// Adds whole years (29 February becomes 28 February in non-leap years).
    pub fn add_years(self, years: i32) -> Date {
        self.add_months(years * 12)
    }

    /// The first day of the month after this date's month.
    pub fn first_of_next_month(self) -> Date {
        let next = Date { day: 1, ..self };
        next.add_months(1)
    }

    /// Whole months completed from `self` to `later` (0 if `later` is not
    /// after `self`). A month is complete on the same day-of-month.
    pub fn whole_months_until(self, later: Date) -> i32 {
        if later <= self {
            return 0;
        }
        let mut months =
            (later.year - self.year) * 12 + i32::from(later.month) - i32::from(self.month);
        if self.add_months(months) > later {
            months -= 1;
        }
        months.max(0)
    }

    /// Completed years of age on `on` for someone born on `self`.
    pub fn age_on(self, on: Date) -> i32 {
        self.whole_months_until(on) / 12
    }

    /// Formats as `dd/mm/yyyy`, the usual Indonesian form.
    pub fn to_dmy(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse_iso(&text).map_err(serde::de::Error::custom)
    }
}

/// Seconds since 1970-01-01T00:00:00Z of a timestamp as cards and forms
/// write it: ISO 8601 (`2026-12-01T09:30:00Z`, `2026-12-01 09:30`,
/// fractions, `Z` or an offset `+07:00`/`+0700`), or a form export's
/// `1/12/2026 09:30:05` (day first, as Indonesian Google Forms writes it)
/// or `2026/12/01 9:30`, both taken in WIB (UTC+7). `None` for anything
/// else.
pub fn parse_timestamp(text: &str) -> Option<i64> {
    let text = text.trim();
    let (date, rest) = if text.len() >= 10 && text.as_bytes().get(4) == Some(&b'-') {
        (Date::parse_iso(text.get(..10)?).ok()?, text.get(10..)?)
    } else {
        let (day_part, rest) = text.split_once(' ')?;
        let mut parts = day_part.split('/');
        let (a, m, b) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        // Year first (2026/12/01) or day first (1/12/2026).
        let (y, d) = if a.len() == 4 { (a, b) } else { (b, a) };
        let date = Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()?;
        let seconds = clock(rest.trim())?;
        return Some(date.days_since_epoch() * 86_400 + seconds - 7 * 3_600);
    };
    let rest = rest.strip_prefix(['T', ' '])?;
    // The clock runs to the zone: Z, +hh:mm, -hh:mm, +hhmm, or nothing (UTC).
    let zone_at = rest.find(['Z', '+', '-']).unwrap_or(rest.len());
    let seconds = clock(&rest[..zone_at])?;
    let offset = match &rest[zone_at..] {
        "" | "Z" => 0,
        zone => {
            let sign = if zone.starts_with('-') { -1 } else { 1 };
            let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
            if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let (h, m): (i64, i64) = (digits[..2].parse().ok()?, digits[2..].parse().ok()?);
            if h > 14 || m > 59 {
                return None;
            }
            sign * (h * 3_600 + m * 60)
        }
    };
    Some(date.days_since_epoch() * 86_400 + seconds - offset)
}

/// Seconds of `hh:mm[:ss[.fff]]`.
fn clock(text: &str) -> Option<i64> {
    let mut parts = text.split(':');
    let h: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let s: i64 = match parts.next() {
        None => 0,
        Some(sec) => {
            let whole = sec.split_once('.').map_or(sec, |(w, f)| {
                if f.bytes().all(|b| b.is_ascii_digit()) {
                    w
                } else {
                    "x"
                }
            });
            whole.parse().ok()?
        }
    };
    if parts.next().is_some() || h > 23 || m > 59 || s > 60 {
        return None;
    }
    Some(h * 3_600 + m * 60 + s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::new(2023, 2, 29).is_err());
        assert!(Date::new(2024, 2, 29).is_ok());
        assert!(Date::new(1900, 2, 29).is_err());
        assert!(Date::new(2000, 2, 29).is_ok());
        assert!(Date::new(2024, 4, 31).is_err());
        assert!(Date::new(2024, 13, 1).is_err());
        assert!(Date::new(2024, 1, 0).is_err());
    }

    #[test]
    fn timestamps_of_cards_and_forms() {
        let base = parse_timestamp("2026-12-01T00:00:00Z").unwrap();
        assert_eq!(base, d(2026, 12, 1).days_since_epoch() * 86_400);
        assert_eq!(parse_timestamp("2026-12-01T07:00:00.123+07:00"), Some(base));
        assert_eq!(parse_timestamp("2026-12-01 07:00+0700"), Some(base));
        assert_eq!(parse_timestamp("2026-11-30T23:00:00-01:00"), Some(base));
        assert_eq!(parse_timestamp("1/12/2026 07:00:00"), Some(base));
        assert_eq!(parse_timestamp("2026/12/01 7:00"), Some(base));
        assert_eq!(
            parse_timestamp("2026-12-01T09:30:00Z"),
            Some(base + 9 * 3_600 + 1_800)
        );
        for bad in [
            "zzz",
            "",
            "2026-13-01T00:00:00Z",
            "2026-12-01T25:00:00Z",
            "2026-12-01",
            "9999-12-31T23:59:59Q",
            "2026-12-01T00:00:00+7",
            "1/12/26x 07:00",
        ] {
            assert_eq!(parse_timestamp(bad), None, "{bad}");
        }
    }

    #[test]
    fn parses_and_prints_iso() {
        assert_eq!(Date::parse_iso("1985-07-14").unwrap(), d(1985, 7, 14));
        assert_eq!(d(1985, 7, 4).to_string(), "1985-07-04");
        assert_eq!(d(1985, 7, 4).to_dmy(), "04/07/1985");
        for bad in [
            "1985-7-14",
            "85-07-14",
            "1985/07/14",
            "1985-02-30",
            "abcd-ef-gh",
            "+985-07-14",
        ] {
            assert!(Date::parse_iso(bad).is_err(), "{bad} should fail");
        }
    }

    #[test]
    fn epoch_days_round_trip() {
        assert_eq!(d(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(d(2000, 3, 1).days_since_epoch(), 11_017);
        assert_eq!(d(1969, 12, 31).days_since_epoch(), -1);
        for days in (-200_000..200_000).step_by(997) {
            let date = Date::from_days_since_epoch(days).unwrap();
            assert_eq!(date.days_since_epoch(), days);
        }
    }

    #[test]
    fn month_arithmetic_clamps() {
        assert_eq!(d(2024, 1, 31).add_months(1), d(2024, 2, 29));
        assert_eq!(d(2023, 1, 31).add_months(1), d(2023, 2, 28));
        assert_eq!(d(2024, 2, 29).add_years(1), d(2025, 2, 28));
        assert_eq!(d(2024, 11, 15).add_months(3), d(2025, 2, 15));
        assert_eq!(d(2024, 3, 15).add_months(-3), d(2023, 12, 15));
        assert_eq!(d(2024, 12, 31).first_of_next_month(), d(2025, 1, 1));
    }

    #[test]
    fn whole_months_and_age() {
        assert_eq!(d(2020, 1, 15).whole_months_until(d(2022, 1, 14)), 23);
        assert_eq!(d(2020, 1, 15).whole_months_until(d(2022, 1, 15)), 24);
        // End of month counts as a whole month (31 January + 1 month = 29 February).
        assert_eq!(d(2020, 1, 31).whole_months_until(d(2020, 2, 29)), 1);
        assert_eq!(d(2020, 1, 31).whole_months_until(d(2020, 2, 28)), 0);
        assert_eq!(d(2020, 5, 1).whole_months_until(d(2019, 5, 1)), 0);
        assert_eq!(d(1968, 11, 28).age_on(d(2026, 11, 27)), 57);
        assert_eq!(d(1968, 11, 28).age_on(d(2026, 11, 28)), 58);
    }

    #[test]
    fn serde_uses_iso_text() {
        let json = serde_json::to_string(&d(2026, 11, 28)).unwrap();
        assert_eq!(json, "\"2026-11-28\"");
        let back: Date = serde_json::from_str(&json).unwrap();
        assert_eq!(back, d(2026, 11, 28));
        assert!(serde_json::from_str::<Date>("\"2026-02-30\"").is_err());
    }
}
