//! Golongan/pangkat (civil-service rank) and position types (jenis jabatan),
//! with the retirement age (BUP) each type carries.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A PNS golongan/ruang, from I/a (lowest) to IV/e (highest). The derived
/// ordering is rank order, so `Golongan::IIIa < Golongan::IVa`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Golongan {
    Ia,
    Ib,
    Ic,
    Id,
    IIa,
    IIb,
    IIc,
    IId,
    IIIa,
    IIIb,
    IIIc,
    IIId,
    IVa,
    IVb,
    IVc,
    IVd,
    IVe,
}

impl Golongan {
    /// All seventeen, lowest first.
    pub const ALL: [Golongan; 17] = [
        Golongan::Ia,
        Golongan::Ib,
        Golongan::Ic,
        Golongan::Id,
        Golongan::IIa,
        Golongan::IIb,
        Golongan::IIc,
        Golongan::IId,
        Golongan::IIIa,
        Golongan::IIIb,
        Golongan::IIIc,
        Golongan::IIId,
        Golongan::IVa,
        Golongan::IVb,
        Golongan::IVc,
        Golongan::IVd,
        Golongan::IVe,
    ];

    /// The usual written form, e.g. `III/a`.
    pub fn code(self) -> &'static str {
        const CODES: [&str; 17] = [
            "I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c",
            "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
        ];
        CODES[self as usize]
    }

    /// The pangkat (rank title) that goes with the golongan.
    pub fn pangkat(self) -> &'static str {
        const PANGKAT: [&str; 17] = [
            "Juru Muda",
            "Juru Muda Tingkat I",
            "Juru",
            "Juru Tingkat I",
            "Pengatur Muda",
            "Pengatur Muda Tingkat I",
            "Pengatur",
            "Pengatur Tingkat I",
            "Penata Muda",
            "Penata Muda Tingkat I",
            "Penata",
            "Penata Tingkat I",
            "Pembina",
            "Pembina Tingkat I",
            "Pembina Utama Muda",
            "Pembina Utama Madya",
            "Pembina Utama",
        ];
        PANGKAT[self as usize]
    }

    /// Parses `III/a`, `IIIa`, `III-a` or `3a` (case and spaces ignored).
    pub fn parse(text: &str) -> Option<Golongan> {
        let cleaned: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '/' && *c != '-' && *c != '.')
            .collect::<String>()
            .to_ascii_uppercase();
        // Split off the last character (not byte: the text may hold any
        // character, e.g. `IVé` from a damaged file).
        let last = cleaned.char_indices().last()?.0;
        let (roman, letter) = cleaned.split_at(last);
        let group = match roman {
            "I" | "1" => 0,
            "II" | "2" => 4,
            "III" | "3" => 8,
            "IV" | "4" => 12,
            _ => return None,
        };
        let max_letter = if group == 12 { b'E' } else { b'D' };
        let letter = *letter.as_bytes().first()?;
        if !(b'A'..=max_letter).contains(&letter) {
            return None;
        }
        Golongan::ALL
            .get(group + usize::from(letter - b'A'))
            .copied()
    }
}

impl fmt::Display for Golongan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Golongan {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Golongan {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Golongan, D::Error> {
        let text = String::deserialize(deserializer)?;
        Golongan::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("\"{text}\" is not a golongan (I/a … IV/e)"))
        })
    }
}

/// A PPPK's golongan, I to XVII (Perpres 98/2020): PPPK have their own
/// scale, not the PNS golongan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PppkGolongan(u8);

const ROMAN: [&str; 17] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
    "XVI", "XVII",
];

impl PppkGolongan {
    /// Golongan `n`, 1 to 17.
    pub fn new(n: u8) -> Option<PppkGolongan> {
        (1..=17).contains(&n).then_some(PppkGolongan(n))
    }

    /// 1 to 17.
    pub fn number(self) -> u8 {
        self.0
    }

    /// The roman numeral, as SIASN writes it: `IX`.
    pub fn code(self) -> &'static str {
        ROMAN[usize::from(self.0 - 1)]
    }

    /// Parses `IX`, `ix`, `9`, `Gol. IX` or `Golongan IX`.
    pub fn parse(text: &str) -> Option<PppkGolongan> {
        let mut t = text.trim().to_ascii_uppercase();
        for prefix in ["GOLONGAN", "GOL.", "GOL"] {
            if let Some(rest) = t.strip_prefix(prefix) {
                t = rest.trim().to_string();
                break;
            }
        }
        if let Ok(n) = t.parse::<u8>() {
            return PppkGolongan::new(n);
        }
        ROMAN
            .iter()
            .position(|r| *r == t)
            .and_then(|i| PppkGolongan::new(i as u8 + 1))
    }
}

impl fmt::Display for PppkGolongan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for PppkGolongan {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for PppkGolongan {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<PppkGolongan, D::Error> {
        let text = String::deserialize(deserializer)?;
        PppkGolongan::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("\"{text}\" is not a PPPK golongan (I … XVII)"))
        })
    }
}

/// The family a position type belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PositionFamily {
    /// Jabatan Pimpinan Tinggi (senior executive).
    Jpt,
    /// Jabatan administrasi: administrator, pengawas, pelaksana.
    Administrasi,
    /// Jabatan fungsional keahlian (expert functional).
    FungsionalKeahlian,
    /// Jabatan fungsional keterampilan (skilled functional).
    FungsionalKeterampilan,
}

/// A position type (jenis jabatan) with its level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PositionType {
    JptUtama,
    JptMadya,
    JptPratama,
    Administrator,
    Pengawas,
    Pelaksana,
    AhliUtama,
    AhliMadya,
    AhliMuda,
    AhliPertama,
    Penyelia,
    Mahir,
    Terampil,
    Pemula,
}

impl PositionType {
    /// Every type, senior first within each family.
    pub const ALL: [PositionType; 14] = [
        PositionType::JptUtama,
        PositionType::JptMadya,
        PositionType::JptPratama,
        PositionType::Administrator,
        PositionType::Pengawas,
        PositionType::Pelaksana,
        PositionType::AhliUtama,
        PositionType::AhliMadya,
        PositionType::AhliMuda,
        PositionType::AhliPertama,
        PositionType::Penyelia,
        PositionType::Mahir,
        PositionType::Terampil,
        PositionType::Pemula,
    ];

    /// The family of the type.
    pub fn family(self) -> PositionFamily {
        use PositionType::*;
        match self {
            JptUtama | JptMadya | JptPratama => PositionFamily::Jpt,
            Administrator | Pengawas | Pelaksana => PositionFamily::Administrasi,
            AhliUtama | AhliMadya | AhliMuda | AhliPertama => PositionFamily::FungsionalKeahlian,
            Penyelia | Mahir | Terampil | Pemula => PositionFamily::FungsionalKeterampilan,
        }
    }

    /// The Indonesian label, e.g. `JPT Pratama`, `JF Ahli Muda`.
    pub fn label(self) -> &'static str {
        use PositionType::*;
        match self {
            JptUtama => "JPT Utama",
            JptMadya => "JPT Madya",
            JptPratama => "JPT Pratama",
            Administrator => "Administrator",
            Pengawas => "Pengawas",
            Pelaksana => "Pelaksana",
            AhliUtama => "JF Ahli Utama",
            AhliMadya => "JF Ahli Madya",
            AhliMuda => "JF Ahli Muda",
            AhliPertama => "JF Ahli Pertama",
            Penyelia => "JF Penyelia",
            Mahir => "JF Mahir",
            Terampil => "JF Terampil",
            Pemula => "JF Pemula",
        }
    }

    /// Batas usia pensiun (retirement age) in years, PP 11/2017 Pasal 239:
    /// 58 for administrator, pengawas, pelaksana, JF keterampilan, ahli
    /// pertama and ahli muda; 60 for JPT and JF ahli madya; 65 for JF ahli
    /// utama.
    pub fn retirement_age(self) -> u8 {
        use PositionType::*;
        match self {
            AhliUtama => 65,
            JptUtama | JptMadya | JptPratama | AhliMadya => 60,
            _ => 58,
        }
    }

    /// The *policy* default for the manajerial competency level the position
    /// requires (../shared/DOMAIN.md): JPT madya 5, JPT pratama 4,
    /// administrator 3, pengawas 2, pelaksana 1; JF ahli utama 4, madya 3,
    /// muda 2, pertama 1. JPT utama is taken as 5 and JF keterampilan as 1.
    pub fn default_managerial_level(self) -> u8 {
        use PositionType::*;
        match self {
            JptUtama | JptMadya => 5,
            JptPratama | AhliUtama => 4,
            Administrator | AhliMadya => 3,
            Pengawas | AhliMuda => 2,
            _ => 1,
        }
    }
}

/// The date a person's pension starts: the first day of the month after the
/// month in which they reach `retirement_age` (PP 11/2017: "diberhentikan
/// dengan hormat ... pada akhir bulan" of reaching BUP).
pub fn retirement_date(
    birth: crate::core::date::Date,
    retirement_age: u8,
) -> crate::core::date::Date {
    birth
        .add_years(i32::from(retirement_age))
        .first_of_next_month()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::date::Date;

    #[test]
    fn golongan_order_and_codes() {
        assert!(Golongan::IIId < Golongan::IVa);
        assert!(Golongan::Ia < Golongan::Ib);
        let mut sorted = Golongan::ALL;
        sorted.reverse();
        crate::core::sort::sort(&mut sorted);
        assert_eq!(sorted, Golongan::ALL);
        for g in Golongan::ALL {
            assert_eq!(Golongan::parse(g.code()), Some(g));
        }
        assert_eq!(Golongan::IVe.pangkat(), "Pembina Utama");
        assert_eq!(Golongan::IIIa.pangkat(), "Penata Muda");
    }

    #[test]
    fn golongan_parses_spreadsheet_forms() {
        assert_eq!(Golongan::parse("iii/b"), Some(Golongan::IIIb));
        assert_eq!(Golongan::parse(" IV - a "), Some(Golongan::IVa));
        assert_eq!(Golongan::parse("3c"), Some(Golongan::IIIc));
        assert_eq!(Golongan::parse("IIIe"), None);
        assert_eq!(Golongan::parse("IVe"), Some(Golongan::IVe));
        assert_eq!(Golongan::parse("V/a"), None);
        assert_eq!(Golongan::parse(""), None);
        assert_eq!(Golongan::parse("/"), None);
        // Regression (found by tests/fuzz_sheets.rs): a multi-byte last
        // character used to split inside the character and panic.
        assert_eq!(Golongan::parse("IV\u{e9}"), None);
        assert_eq!(Golongan::parse("\u{fffd}"), None);
    }

    #[test]
    fn pppk_golongan_reads_roman_and_arabic() {
        for n in 1..=17 {
            let g = PppkGolongan::new(n).unwrap();
            assert_eq!(PppkGolongan::parse(g.code()), Some(g));
            assert_eq!(PppkGolongan::parse(&n.to_string()), Some(g));
        }
        assert_eq!(PppkGolongan::parse("Gol. ix").map(|g| g.number()), Some(9));
        assert_eq!(
            PppkGolongan::parse("Golongan XVII").map(|g| g.number()),
            Some(17)
        );
        assert_eq!(PppkGolongan::parse("XVIII"), None);
        assert_eq!(PppkGolongan::parse("0"), None);
        assert_eq!(PppkGolongan::parse("III/a"), None);
        assert_eq!(PppkGolongan::parse(""), None);
    }

    #[test]
    fn retirement_age_by_type() {
        assert_eq!(PositionType::Pelaksana.retirement_age(), 58);
        assert_eq!(PositionType::AhliMuda.retirement_age(), 58);
        assert_eq!(PositionType::Terampil.retirement_age(), 58);
        assert_eq!(PositionType::AhliMadya.retirement_age(), 60);
        assert_eq!(PositionType::JptPratama.retirement_age(), 60);
        assert_eq!(PositionType::AhliUtama.retirement_age(), 65);
    }

    #[test]
    fn retirement_date_is_first_of_next_month() {
        let birth = Date::new(1968, 11, 28).unwrap();
        assert_eq!(retirement_date(birth, 58), Date::new(2026, 12, 1).unwrap());
        let leap = Date::new(1968, 2, 29).unwrap();
        assert_eq!(retirement_date(leap, 58), Date::new(2026, 3, 1).unwrap());
        assert_eq!(retirement_date(birth, 65), Date::new(2033, 12, 1).unwrap());
    }
}
