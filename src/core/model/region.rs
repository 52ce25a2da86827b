//! The 11 kabupaten/kota (regencies and cities) of Jambi Province and the road
//! distances between their seats.
//!
//! Distances come from a small road graph whose edges are approximate road
//! lengths in km; the distances from Kota Jambi match ../shared/DOMAIN.md
//! (Muara Bulian 65, Sengeti 27, Muara Sabak 110, Kuala Tungkal 125,
//! Sarolangun 180, Muara Tebo 205, Bangko 255, Muara Bungo 260, Siulak 420,
//! Sungai Penuh 420). Every other pair is the shortest path over the graph.

use super::Government;
use serde::{Deserialize, Serialize};

impl Government {
    /// Every government of the province: the province first.
    pub fn all() -> Vec<Government> {
        std::iter::once(Government::Province)
            .chain(Regency::ALL.into_iter().map(Government::Regency))
            .collect()
    }

    pub fn is_province(&self) -> bool {
        *self == Government::Province
    }

    /// "Pemerintah Provinsi Jambi", "Pemerintah Kabupaten Tebo", "Pemerintah
    /// Kota Jambi".
    pub fn name(self) -> String {
        match self {
            Government::Province => "Pemerintah Provinsi Jambi".into(),
            Government::Regency(r) => format!("Pemerintah {}", r.name()),
        }
    }

    /// The PPK's title: "Gubernur Jambi", "Bupati Tebo", "Wali Kota Jambi".
    pub fn ppk(self) -> String {
        match self {
            Government::Province => "Gubernur Jambi".into(),
            Government::Regency(r) => match r.name().strip_prefix("Kabupaten ") {
                Some(name) => format!("Bupati {name}"),
                None => format!("Wali {}", r.name()),
            },
        }
    }

    /// The kabupaten/kota where the government sits (the province: Kota
    /// Jambi).
    pub fn seat(self) -> Regency {
        match self {
            Government::Province => Regency::KotaJambi,
            Government::Regency(r) => r,
        }
    }

    /// The decree attachment's heading: "LAMPIRAN KEPUTUSAN BUPATI TEBO".
    pub fn decree_heading(self) -> String {
        format!("LAMPIRAN KEPUTUSAN {}", self.ppk().to_uppercase())
    }
}

/// A kabupaten (regency) or kota (city) of Jambi Province.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Regency {
    KotaJambi,
    Batanghari,
    MuaroJambi,
    TanjungJabungTimur,
    TanjungJabungBarat,
    Sarolangun,
    Tebo,
    Merangin,
    Bungo,
    Kerinci,
    KotaSungaiPenuh,
}

impl Regency {
    /// All eleven, in the order of distance from the provincial capital.
    pub const ALL: [Regency; 11] = [
        Regency::KotaJambi,
        Regency::MuaroJambi,
        Regency::Batanghari,
        Regency::TanjungJabungTimur,
        Regency::TanjungJabungBarat,
        Regency::Sarolangun,
        Regency::Tebo,
        Regency::Merangin,
        Regency::Bungo,
        Regency::Kerinci,
        Regency::KotaSungaiPenuh,
    ];

    /// The official name.
    pub fn name(self) -> &'static str {
        match self {
            Regency::KotaJambi => "Kota Jambi",
            Regency::Batanghari => "Kabupaten Batanghari",
            Regency::MuaroJambi => "Kabupaten Muaro Jambi",
            Regency::TanjungJabungTimur => "Kabupaten Tanjung Jabung Timur",
            Regency::TanjungJabungBarat => "Kabupaten Tanjung Jabung Barat",
            Regency::Sarolangun => "Kabupaten Sarolangun",
            Regency::Tebo => "Kabupaten Tebo",
            Regency::Merangin => "Kabupaten Merangin",
            Regency::Bungo => "Kabupaten Bungo",
            Regency::Kerinci => "Kabupaten Kerinci",
            Regency::KotaSungaiPenuh => "Kota Sungai Penuh",
        }
    }

    /// The seat of government (ibu kota).
    pub fn seat(self) -> &'static str {
        match self {
            Regency::KotaJambi => "Jambi",
            Regency::Batanghari => "Muara Bulian",
            Regency::MuaroJambi => "Sengeti",
            Regency::TanjungJabungTimur => "Muara Sabak",
            Regency::TanjungJabungBarat => "Kuala Tungkal",
            Regency::Sarolangun => "Sarolangun",
            Regency::Tebo => "Muara Tebo",
            Regency::Merangin => "Bangko",
            Regency::Bungo => "Muara Bungo",
            Regency::Kerinci => "Siulak",
            Regency::KotaSungaiPenuh => "Sungai Penuh",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// Road distance in km between the two seats (0 for the same regency).
    pub fn distance_km(self, other: Regency) -> u32 {
        DISTANCES[self.index()][other.index()]
    }
}

/// Approximate road segments between seats, in km.
const ROADS: [(Regency, Regency, u32); 13] = [
    (Regency::KotaJambi, Regency::MuaroJambi, 27),
    (Regency::KotaJambi, Regency::Batanghari, 65),
    (Regency::KotaJambi, Regency::TanjungJabungTimur, 110),
    (Regency::KotaJambi, Regency::TanjungJabungBarat, 125),
    (Regency::MuaroJambi, Regency::Batanghari, 50),
    (Regency::Batanghari, Regency::Sarolangun, 115),
    (Regency::Batanghari, Regency::Tebo, 140),
    (Regency::Tebo, Regency::Bungo, 55),
    (Regency::Sarolangun, Regency::Merangin, 75),
    (Regency::Bungo, Regency::Merangin, 70),
    (Regency::Merangin, Regency::Kerinci, 165),
    (Regency::Merangin, Regency::KotaSungaiPenuh, 165),
    (Regency::Kerinci, Regency::KotaSungaiPenuh, 15),
];

/// All-pairs shortest road distances (Floyd–Warshall over [`ROADS`]),
/// computed at compile time.
const DISTANCES: [[u32; 11]; 11] = {
    const INF: u32 = u32::MAX / 4;
    let mut d = [[INF; 11]; 11];
    let mut i = 0;
    while i < 11 {
        d[i][i] = 0;
        i += 1;
    }
    let mut r = 0;
    while r < ROADS.len() {
        let (a, b, km) = ROADS[r];
        d[a as usize][b as usize] = km;
        d[b as usize][a as usize] = km;
        r += 1;
    }
    let mut k = 0;
    while k < 11 {
        let mut i = 0;
        while i < 11 {
            let mut j = 0;
            while j < 11 {
                if d[i][k] + d[k][j] < d[i][j] {
                    d[i][j] = d[i][k] + d[k][j];
                }
                j += 1;
            }
            i += 1;
        }
        k += 1;
    }
    d
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_government_names_its_ppk() {
        assert_eq!(Government::Province.ppk(), "Gubernur Jambi");
        assert_eq!(Government::Regency(Regency::Tebo).ppk(), "Bupati Tebo");
        assert_eq!(
            Government::Regency(Regency::TanjungJabungTimur).decree_heading(),
            "LAMPIRAN KEPUTUSAN BUPATI TANJUNG JABUNG TIMUR"
        );
        assert_eq!(
            Government::Regency(Regency::KotaJambi).ppk(),
            "Wali Kota Jambi"
        );
        assert_eq!(
            Government::Regency(Regency::KotaSungaiPenuh).name(),
            "Pemerintah Kota Sungai Penuh"
        );
        assert_eq!(
            Government::Province.decree_heading(),
            "LAMPIRAN KEPUTUSAN GUBERNUR JAMBI"
        );
        assert_eq!(Government::all().len(), 12);
    }

    #[test]
    fn distances_from_the_capital_match_the_domain_reference() {
        let expected = [
            (Regency::Batanghari, 65),
            (Regency::MuaroJambi, 27),
            (Regency::TanjungJabungTimur, 110),
            (Regency::TanjungJabungBarat, 125),
            (Regency::Sarolangun, 180),
            (Regency::Tebo, 205),
            (Regency::Merangin, 255),
            (Regency::Bungo, 260),
            (Regency::Kerinci, 420),
            (Regency::KotaSungaiPenuh, 420),
        ];
        for (regency, km) in expected {
            assert_eq!(Regency::KotaJambi.distance_km(regency), km, "{regency:?}");
        }
    }

    #[test]
    fn distances_are_a_metric() {
        for a in Regency::ALL {
            assert_eq!(a.distance_km(a), 0);
            for b in Regency::ALL {
                assert_eq!(a.distance_km(b), b.distance_km(a));
                if a != b {
                    assert!(a.distance_km(b) > 0 && a.distance_km(b) < 1000);
                }
                for c in Regency::ALL {
                    assert!(a.distance_km(c) <= a.distance_km(b) + b.distance_km(c));
                }
            }
        }
        assert_eq!(Regency::Kerinci.distance_km(Regency::KotaSungaiPenuh), 15);
    }
}
