//! Positions (jabatan): what a post requires and how many people it needs.

use super::EducationLevel;
use super::{AgencyId, Golongan, PositionType, RequiredCompetency, UnitId};
use serde::{Deserialize, Serialize};

/// The stable identifier of a position, e.g. `dinkes.yankes.adm-01`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PositionId(pub String);

/// The education a position requires: a minimum level and, optionally, the
/// fields of study it accepts (empty = any field).
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct EducationRequirement {
    pub min_level: Option<EducationLevel>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
}

/// A position: one kind of post in one unit, held by up to `need` people
/// (a pelaksana or JF position usually has several holders).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Position {
    pub id: PositionId,
    pub name: String,
    pub kind: PositionType,
    /// The jabatan fungsional of a JF position ("Guru", "Perawat", "Analis
    /// Kebijakan"), when its name does not say it; see
    /// [`crate::core::move_class::jf_of`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jf: Option<String>,
    pub agency: AgencyId,
    pub unit: UnitId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_golongan: Option<Golongan>,
    #[serde(default)]
    pub education: EducationRequirement,
    /// Required competencies with level and core/secondary flag.
    pub competencies: Vec<RequiredCompetency>,
    /// Kebutuhan: how many people the workload analysis (ABK) says the
    /// position needs. The current occupancy (bezetting) is not stored: it is
    /// the number of ASN whose current position this is, see
    /// [`crate::core::model::Workspace::occupancy`].
    pub need: u32,
    /// "Perlu diperiksa": its type was guessed by an import (the title,
    /// the ESELON and JENIS JABATAN columns did not settle it; see
    /// [`crate::core::titles`]). Cleared when someone corrects or confirms
    /// the position.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub review: bool,
    /// The structural post's eselon, when a file gave it or the title
    /// settles it (camat III.a, sekretaris camat III.b): within one
    /// position type, a move to a higher eselon is a promotion and to a
    /// lower one a demotion ([`crate::core::move_class::classify`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eselon: Option<crate::core::titles::Eselon>,
}
