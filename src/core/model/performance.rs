//! Performance (kinerja) per PermenPANRB 6/2022: each period an ASN's hasil
//! kerja (results) and perilaku kerja (behaviour) are rated, and the predikat
//! follows from the two ratings by a fixed matrix.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A rating against expectation (ekspektasi).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// Di bawah ekspektasi.
    DiBawah,
    /// Sesuai ekspektasi.
    Sesuai,
    /// Di atas ekspektasi.
    DiAtas,
}

impl Rating {
    /// All three, lowest first.
    pub const ALL: [Rating; 3] = [Rating::DiBawah, Rating::Sesuai, Rating::DiAtas];

    /// The Indonesian label.
    pub fn label(self) -> &'static str {
        match self {
            Rating::DiBawah => "Di bawah ekspektasi",
            Rating::Sesuai => "Sesuai ekspektasi",
            Rating::DiAtas => "Di atas ekspektasi",
        }
    }
}

/// Predikat kinerja, best first in the derived ordering's reverse: the
/// ordering is worst → best, so `Predikat::SangatBaik` is the maximum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Predikat {
    SangatKurang,
    /// "Kurang/Misconduct": results at or above expectation but behaviour below.
    Kurang,
    ButuhPerbaikan,
    Baik,
    SangatBaik,
}

impl Predikat {
    /// All five, worst first.
    pub const ALL: [Predikat; 5] = [
        Predikat::SangatKurang,
        Predikat::Kurang,
        Predikat::ButuhPerbaikan,
        Predikat::Baik,
        Predikat::SangatBaik,
    ];

    /// The PermenPANRB 6/2022 matrix:
    ///
    /// | hasil \ perilaku | di bawah          | sesuai          | di atas         |
    /// |------------------|-------------------|-----------------|-----------------|
    /// | di atas          | Kurang/Misconduct | Baik            | Sangat Baik     |
    /// | sesuai           | Kurang/Misconduct | Baik            | Baik            |
    /// | di bawah         | Sangat Kurang     | Butuh Perbaikan | Butuh Perbaikan |
    pub fn from_ratings(hasil_kerja: Rating, perilaku_kerja: Rating) -> Predikat {
        use Rating::*;
        match (hasil_kerja, perilaku_kerja) {
            (DiAtas, DiAtas) => Predikat::SangatBaik,
            (DiAtas | Sesuai, Sesuai) | (Sesuai, DiAtas) => Predikat::Baik,
            (DiAtas | Sesuai, DiBawah) => Predikat::Kurang,
            (DiBawah, DiBawah) => Predikat::SangatKurang,
            (DiBawah, Sesuai | DiAtas) => Predikat::ButuhPerbaikan,
        }
    }

    /// The Indonesian label.
    pub fn label(self) -> &'static str {
        match self {
            Predikat::SangatBaik => "Sangat Baik",
            Predikat::Baik => "Baik",
            Predikat::ButuhPerbaikan => "Butuh Perbaikan",
            Predikat::Kurang => "Kurang/Misconduct",
            Predikat::SangatKurang => "Sangat Kurang",
        }
    }

    /// Whether the predikat is at least Baik (the bar for transfer on request).
    pub fn is_at_least_baik(self) -> bool {
        self >= Predikat::Baik
    }
}

impl fmt::Display for Predikat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// An assessment period: a year, optionally one quarter of it (SKP is planned
/// yearly and assessed periodically). Ordered chronologically, with the
/// annual record after the quarters of its year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    pub year: i32,
    /// 1–4 for a quarter; absent for the whole year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quarter: Option<u8>,
}

impl Period {
    /// The whole of `year`.
    pub fn annual(year: i32) -> Period {
        Period {
            year,
            quarter: None,
        }
    }

    /// The last day of the period, as a date (used to split records before
    /// and after a move's TMT).
    pub fn end_date(self) -> crate::core::date::Date {
        let month = self.quarter.map_or(12, |q| q.clamp(1, 4) * 3);
        let year = self.year.clamp(1000, 9999);
        let last = crate::core::date::days_in_month(year, month);
        crate::core::date::Date::new(year, month, last)
            .unwrap_or_else(|_| unreachable!("clamped year and quarter give a valid date"))
    }
}

impl Period {
    fn sort_key(self) -> (i32, u8) {
        (self.year, self.quarter.unwrap_or(u8::MAX))
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.quarter {
            Some(q) => write!(f, "{} TW{}", self.year, q),
            None => write!(f, "{}", self.year),
        }
    }
}

/// One period's assessment of one ASN.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PerformanceRecord {
    pub period: Period,
    pub hasil_kerja: Rating,
    pub perilaku_kerja: Rating,
    /// An optional numeric score (0–120 in many regional SKP tools).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f32>,
}

impl PerformanceRecord {
    /// The predikat derived from the two ratings.
    pub fn predikat(&self) -> Predikat {
        Predikat::from_ratings(self.hasil_kerja, self.perilaku_kerja)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Rating::*;

    #[test]
    fn predikat_matrix_is_permenpanrb_6_2022() {
        let expected = [
            (DiAtas, DiBawah, Predikat::Kurang),
            (DiAtas, Sesuai, Predikat::Baik),
            (DiAtas, DiAtas, Predikat::SangatBaik),
            (Sesuai, DiBawah, Predikat::Kurang),
            (Sesuai, Sesuai, Predikat::Baik),
            (Sesuai, DiAtas, Predikat::Baik),
            (DiBawah, DiBawah, Predikat::SangatKurang),
            (DiBawah, Sesuai, Predikat::ButuhPerbaikan),
            (DiBawah, DiAtas, Predikat::ButuhPerbaikan),
        ];
        for (hasil, perilaku, predikat) in expected {
            assert_eq!(
                Predikat::from_ratings(hasil, perilaku),
                predikat,
                "{hasil:?}/{perilaku:?}"
            );
        }
    }

    #[test]
    fn predikat_order_and_threshold() {
        assert!(Predikat::SangatBaik > Predikat::Baik);
        assert!(Predikat::Baik.is_at_least_baik());
        assert!(!Predikat::ButuhPerbaikan.is_at_least_baik());
        assert!(!Predikat::Kurang.is_at_least_baik());
    }

    #[test]
    fn periods_order_and_end() {
        let q2 = Period {
            year: 2025,
            quarter: Some(2),
        };
        assert!(q2 < Period::annual(2025));
        assert!(Period::annual(2024) < q2);
        assert_eq!(q2.end_date().to_string(), "2025-06-30");
        assert_eq!(Period::annual(2024).end_date().to_string(), "2024-12-31");
        assert_eq!(q2.to_string(), "2025 TW2");
    }
}
