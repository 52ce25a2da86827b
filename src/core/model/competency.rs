//! Competencies per PermenPANRB 38/2017: eight manajerial ones, one sosial
//! kultural one (Perekat Bangsa), and teknis ones named per position family.
//! Levels run 1–5.

use serde::{Deserialize, Serialize};

/// The stable identifier of a competency, e.g. `integritas` or
/// `teknis.keuangan_daerah`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CompetencyId(pub String);

impl CompetencyId {
    /// Builds an id from text.
    pub fn new(id: impl Into<String>) -> CompetencyId {
        CompetencyId(id.into())
    }

    /// The id text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The three competency groups of PermenPANRB 38/2017.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompetencyGroup {
    Manajerial,
    SosialKultural,
    Teknis,
}

/// One competency of the workspace's catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetencyDef {
    pub id: CompetencyId,
    pub name: String,
    pub group: CompetencyGroup,
}

/// The eight manajerial competencies (id, name).
pub const MANAGERIAL: [(&str, &str); 8] = [
    ("integritas", "Integritas"),
    ("kerja_sama", "Kerja Sama"),
    ("komunikasi", "Komunikasi"),
    ("orientasi_hasil", "Orientasi pada Hasil"),
    ("pelayanan_publik", "Pelayanan Publik"),
    ("pengembangan_diri", "Pengembangan Diri dan Orang Lain"),
    ("mengelola_perubahan", "Mengelola Perubahan"),
    ("pengambilan_keputusan", "Pengambilan Keputusan"),
];

/// The sosial kultural competency (id, name).
pub const SOCIO_CULTURAL: (&str, &str) = ("perekat_bangsa", "Perekat Bangsa");

/// The standard (non-teknis) part of every catalogue: the eight manajerial
/// competencies and Perekat Bangsa.
pub fn standard_catalogue() -> Vec<CompetencyDef> {
    MANAGERIAL
        .iter()
        .map(|(id, name)| CompetencyDef {
            id: CompetencyId::new(*id),
            name: (*name).to_string(),
            group: CompetencyGroup::Manajerial,
        })
        .chain(std::iter::once(CompetencyDef {
            id: CompetencyId::new(SOCIO_CULTURAL.0),
            name: SOCIO_CULTURAL.1.to_string(),
            group: CompetencyGroup::SosialKultural,
        }))
        .collect()
}

/// A competency a position requires, at a level, as a core or secondary
/// factor (Profile Matching's NCF / NSF split).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequiredCompetency {
    pub competency: CompetencyId,
    /// Required level, 1–5.
    pub level: u8,
    /// Core factor (true) or secondary factor (false).
    pub core: bool,
}

/// The lowest and highest competency level.
pub const LEVELS: std::ops::RangeInclusive<u8> = 1..=5;
