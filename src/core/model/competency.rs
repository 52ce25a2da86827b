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

/// The standard requirement of a position type: the eight manajerial
/// competencies and Perekat Bangsa at the type's usual level, with the core
/// factors a structural or a functional post usually has. Given to positions
/// that arrive without a competency standard (a spreadsheet import), so that
/// Profile Matching has something to compare; teknis ones are the agency's to
/// add.
pub fn standard_requirements(kind: super::PositionType) -> Vec<RequiredCompetency> {
    use super::PositionType::*;
    let level = kind.default_managerial_level();
    let structural = matches!(
        kind,
        JptUtama | JptMadya | JptPratama | Administrator | Pengawas
    );
    let core_ids: [&str; 4] = if structural {
        [
            "integritas",
            "kerja_sama",
            "mengelola_perubahan",
            "pengambilan_keputusan",
        ]
    } else {
        [
            "integritas",
            "komunikasi",
            "orientasi_hasil",
            "pelayanan_publik",
        ]
    };
    MANAGERIAL
        .iter()
        .map(|(id, _)| RequiredCompetency {
            competency: CompetencyId::new(*id),
            level,
            core: core_ids.contains(id),
        })
        .chain(std::iter::once(RequiredCompetency {
            competency: CompetencyId::new(SOCIO_CULTURAL.0),
            level: level.clamp(1, 3),
            core: false,
        }))
        .collect()
}
