//! Agencies (OPD, organisasi perangkat daerah) and their unit trees.

use super::Regency;
use serde::{Deserialize, Serialize};

/// The stable identifier of an agency, e.g. `dinkes`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AgencyId(pub String);

/// The stable identifier of a unit, unique within the workspace, e.g.
/// `dinkes.yankes`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UnitId(pub String);

/// The government an agency belongs to: the province or one kabupaten/kota.
/// It decides who signs a transfer (PPK) and whether a move crosses
/// governments (then the Gubernur decides).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case", tag = "level", content = "regency")]
pub enum Government {
    /// Pemerintah Provinsi Jambi: the PPK is the Gubernur.
    #[default]
    Province,
    /// A kabupaten (PPK: the Bupati) or a kota (PPK: the Wali Kota).
    Regency(Regency),
}

/// The kind of an agency, as named in the nomenclature of regional bodies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgencyKind {
    Sekretariat,
    Dinas,
    Badan,
    Biro,
    Inspektorat,
    RumahSakit,
}

/// An organisational unit (bidang, bagian, UPTD, seksi ...).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    pub id: UnitId,
    pub name: String,
    /// The enclosing unit; `None` for a unit directly under the agency head.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<UnitId>,
    /// Where the unit sits when it is not at the agency's seat (a UPTD in a
    /// kabupaten).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seat: Option<Regency>,
}

/// An agency (OPD).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    pub id: AgencyId,
    /// Short name, e.g. `Dinkes`.
    pub short_name: String,
    pub name: String,
    pub kind: AgencyKind,
    pub government: Government,
    /// Where the agency's head office sits.
    pub seat: Regency,
    pub units: Vec<Unit>,
}

impl Agency {
    /// The unit with this id, if it belongs to the agency.
    pub fn unit(&self, id: &UnitId) -> Option<&Unit> {
        self.units.iter().find(|u| &u.id == id)
    }

    /// Where a unit of this agency sits (its own seat or the agency's).
    pub fn unit_seat(&self, id: &UnitId) -> Regency {
        self.unit(id).and_then(|u| u.seat).unwrap_or(self.seat)
    }

    /// The path of unit names from the top of the tree down to `id`.
    pub fn unit_path(&self, id: &UnitId) -> Vec<&str> {
        let mut path = Vec::new();
        let mut current = self.unit(id);
        while let Some(unit) = current {
            if path.len() > self.units.len() {
                break; // a cycle; validation reports it
            }
            path.push(unit.name.as_str());
            current = unit.parent.as_ref().and_then(|p| self.unit(p));
        }
        path.reverse();
        path
    }
}
