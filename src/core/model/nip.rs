//! NIP (Nomor Induk Pegawai), the 18-digit civil-servant number.
//!
//! Layout (Peraturan BKN): `YYYYMMDD` birth date, `YYYYMM` the month the
//! person became CPNS (TMT CPNS), one gender digit (1 male, 2 female) and a
//! three-digit sequence number. PPPK numbers (NI PPPK) keep the layout but put
//! `21` where the month would be: `YYYYMMDD YYYY 21 G NNN`, the year being
//! the year of appointment.

use super::Gender;
use crate::core::date::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A validated NIP. The digits are kept; the parts are derived on demand.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Nip(String);

/// How a person entered service, as encoded in the NIP.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NipEntry {
    /// PNS/CPNS: the year and month of TMT CPNS.
    Cpns { year: i32, month: u8 },
    /// PPPK: the year of appointment.
    Pppk { year: i32 },
}

/// Why a text is not a valid NIP: typed, so the UI can say it in the
/// user's language (`crate::messages`); the Display form is English.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum NipError {
    /// Looks like `1,98503E+17`: a spreadsheet stored it as a number.
    ScientificNotation,
    /// Characters other than digits and spaces.
    NotDigits,
    /// The number of digits, when it is not 18.
    Length(usize),
    /// Digits 1–8 are not a date.
    BirthDate,
    /// Digits 13–14: neither a month nor 21 (PPPK).
    EntryMonth(u32),
    /// The entry year gives an age at entry outside 15–60.
    EntryAge { year: i32, age: i32 },
    /// Digit 15 is neither 1 nor 2.
    GenderDigit(u32),
}

impl fmt::Display for NipError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NipError::ScientificNotation => f.write_str(
                "it looks like a number in scientific notation: the spreadsheet stored the NIP as a number and lost digits; format the column as Text and type the NIP again",
            ),
            NipError::NotDigits => f.write_str("it has characters other than digits"),
            NipError::Length(n) => write!(f, "it has {n} digits; a NIP has 18"),
            NipError::BirthDate => f.write_str("the birth date in digits 1–8 is invalid"),
            NipError::EntryMonth(m) => write!(
                f,
                "digits 13–14 must be the CPNS month (01–12) or 21 for PPPK, not {m:02}"
            ),
            NipError::EntryAge { year, age } => {
                write!(f, "entry year {year} gives an age of {age} at entry")
            }
            NipError::GenderDigit(g) => {
                write!(f, "digit 15 must be 1 (male) or 2 (female), not {g}")
            }
        }
    }
}

impl std::error::Error for NipError {}

impl Nip {
    /// Parses and validates a NIP. Spaces are ignored (NIPs are often printed
    /// as `19850714 201001 1 003`); anything else that is not a digit fails.
    pub fn parse(text: &str) -> Result<Nip, NipError> {
        Nip::parse_with(text, false)
    }

    /// Parses a NI PPPK: as [`Nip::parse`], but digits 13–14 may be any two
    /// digits (they are not always `21` in practice; see
    /// [`Nip::has_pppk_marker`]).
    pub fn parse_ni_pppk(text: &str) -> Result<Nip, NipError> {
        Nip::parse_with(text, true)
    }

    /// Whether digits 13–14 are `21`, the PPPK marker.
    pub fn has_pppk_marker(&self) -> bool {
        &self.0[12..14] == "21"
    }

    /// Digits 13–14 as written.
    pub fn entry_digits(&self) -> &str {
        &self.0[12..14]
    }

    fn parse_with(text: &str, any_entry_digits: bool) -> Result<Nip, NipError> {
        let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.contains(['E', 'e', '.', ',', '+']) && digits.chars().any(|c| c.is_ascii_digit())
        {
            return Err(NipError::ScientificNotation);
        }
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(NipError::NotDigits);
        }
        if digits.len() != 18 {
            return Err(NipError::Length(digits.len()));
        }
        let num = |range: std::ops::Range<usize>| -> u32 { digits[range].parse().unwrap_or(0) };
        let birth_year = num(0..4) as i32;
        Date::new(birth_year, num(4..6) as u8, num(6..8) as u8).map_err(|_| NipError::BirthDate)?;
        let entry_year = num(8..12) as i32;
        let entry_month = num(12..14);
        if !(any_entry_digits || (1..=12).contains(&entry_month) || entry_month == 21) {
            return Err(NipError::EntryMonth(entry_month));
        }
        let age_at_entry = entry_year - birth_year;
        if !(15..=60).contains(&age_at_entry) {
            return Err(NipError::EntryAge {
                year: entry_year,
                age: age_at_entry,
            });
        }
        let gender = num(14..15);
        if gender != 1 && gender != 2 {
            return Err(NipError::GenderDigit(gender));
        }
        Ok(Nip(digits))
    }

    /// The 18 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn num(&self, range: std::ops::Range<usize>) -> u32 {
        self.0[range].parse().unwrap_or(0)
    }

    /// The birth date in digits 1–8.
    pub fn birth_date(&self) -> Date {
        Date::new(
            self.num(0..4) as i32,
            self.num(4..6) as u8,
            self.num(6..8) as u8,
        )
        .unwrap_or_else(|_| unreachable_date())
    }

    /// TMT CPNS or PPPK appointment year.
    pub fn entry(&self) -> NipEntry {
        let year = self.num(8..12) as i32;
        match self.num(12..14) {
            month @ 1..=12 => NipEntry::Cpns {
                year,
                month: month as u8,
            },
            // 21, or digits only a NI PPPK may carry.
            _ => NipEntry::Pppk { year },
        }
    }

    /// The gender in digit 15.
    pub fn gender(&self) -> Gender {
        if self.num(14..15) == 2 {
            Gender::Female
        } else {
            Gender::Male
        }
    }

    /// The printed form with spaces: `19850714 201001 1 003`.
    pub fn spaced(&self) -> String {
        format!(
            "{} {} {} {}",
            &self.0[0..8],
            &self.0[8..14],
            &self.0[14..15],
            &self.0[15..18]
        )
    }
}

/// `Nip::parse` has checked the date; this is never reached.
fn unreachable_date() -> Date {
    Date::from_days_since_epoch(0).unwrap_or_else(|_| unreachable!("1970-01-01 is a date"))
}

impl fmt::Display for Nip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Nip {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Nip {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Nip, D::Error> {
        let text = String::deserialize(deserializer)?;
        // Stored data may hold a NI PPPK whose digits 13–14 are not 21 (the
        // import warns about it, it does not refuse it).
        Nip::parse_ni_pppk(&text)
            .map_err(|e| serde::de::Error::custom(format!("NIP \"{text}\": {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_pns_nip() {
        let nip = Nip::parse("198507142010011003").unwrap();
        assert_eq!(nip.birth_date(), Date::new(1985, 7, 14).unwrap());
        assert_eq!(
            nip.entry(),
            NipEntry::Cpns {
                year: 2010,
                month: 1
            }
        );
        assert_eq!(nip.gender(), Gender::Male);
        assert_eq!(nip.spaced(), "19850714 201001 1 003");
    }

    #[test]
    fn parses_spaced_and_pppk_nips() {
        let nip = Nip::parse("19900203 202321 2 015").unwrap();
        assert_eq!(nip.as_str(), "199002032023212015");
        assert_eq!(nip.entry(), NipEntry::Pppk { year: 2023 });
        assert_eq!(nip.gender(), Gender::Female);
    }

    #[test]
    fn rejects_bad_nips_with_reasons() {
        let cases = [
            ("19850714201001100", "17 digits"),
            ("1985071420100110031", "19 digits"),
            ("19850714201001100X", "other than digits"),
            ("198502302010011003", "birth date"),
            ("198507142010131003", "digits 13–14"),
            ("198507142010013003", "digit 15"),
            ("198507141990011003", "age of 5"),
            ("1.98507E+17", "scientific notation"),
        ];
        for (text, reason) in cases {
            let err = Nip::parse(text).unwrap_err();
            assert!(err.to_string().contains(reason), "{text}: {err}");
        }
    }

    #[test]
    fn serde_validates() {
        let nip: Nip = serde_json::from_str("\"198507142010011003\"").unwrap();
        assert_eq!(
            serde_json::to_string(&nip).unwrap(),
            "\"198507142010011003\""
        );
        assert!(serde_json::from_str::<Nip>("\"123\"").is_err());
    }
}
