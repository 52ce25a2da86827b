//! A round's procedure (PP 11/2017 Pasal 191–192): the draft is published
//! to the ASN and agencies, reviewed by the Tim Penilai Kinerja PNS, decided
//! by the PPK and issued as a decree (SK). The types only; the transitions
//! and the fingerprint are in [`crate::core::procedure`].

use super::{Decision, Nip, Opening, RecordedPlan, Scenario};
use crate::core::date::Date;
use serde::{Deserialize, Serialize};

/// Where a round is in its procedure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundStatus {
    /// Being prepared: everything can change.
    #[default]
    Draf,
    /// The draft is published to the ASN and agencies; comments are open.
    Sosialisasi,
    /// In review by the Tim Penilai Kinerja: the meeting's decisions are
    /// entered with reasons.
    Dibahas,
    /// Decided by the PPK: the chosen scenario and its plan are frozen.
    Ditetapkan,
    /// The decree is issued: the moves are the workspace's move records.
    SkTerbit,
}

impl RoundStatus {
    /// In procedure order.
    pub const ALL: [RoundStatus; 5] = [
        RoundStatus::Draf,
        RoundStatus::Sosialisasi,
        RoundStatus::Dibahas,
        RoundStatus::Ditetapkan,
        RoundStatus::SkTerbit,
    ];

    pub fn is_draf(&self) -> bool {
        *self == RoundStatus::Draf
    }

    /// The plan-file name (`sosialisasi`, `sk_terbit`, …).
    pub fn code(self) -> &'static str {
        match self {
            RoundStatus::Draf => "draf",
            RoundStatus::Sosialisasi => "sosialisasi",
            RoundStatus::Dibahas => "dibahas",
            RoundStatus::Ditetapkan => "ditetapkan",
            RoundStatus::SkTerbit => "sk_terbit",
        }
    }
}

/// A frozen version of a round: what was published (or decided), kept
/// readable whatever changes later.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundVersion {
    /// 1, 2, … in the order the versions were frozen.
    pub number: u32,
    /// The status it was frozen for (Sosialisasi or Ditetapkan).
    pub status: RoundStatus,
    /// When (ISO 8601 timestamp).
    pub at: String,
    /// Why this version replaces the one before (empty for the first).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// SHA-256 (hex) of the inputs, settings, decisions and result
    /// ([`crate::core::procedure::fingerprint`]).
    pub fingerprint: String,
    /// The scenario, openings and decisions as they were, and the result.
    pub scenario: Scenario,
    pub openings: Vec<Opening>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    pub result: RecordedPlan,
}

/// The review by the Tim Penilai Kinerja PNS.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// Who sits on the team (names and roles, as typed).
    pub members: Vec<String>,
    pub meeting: Date,
    /// The members who attended the meeting (a subset of `members`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attended: Vec<String>,
    /// What was decided (the meeting's minutes, as typed).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub minutes: String,
}

/// The decree (SK) that puts the round into effect.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decree {
    pub number: String,
    pub date: Date,
}

/// A letter or decision on paper: its number and date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letter {
    pub number: String,
    pub date: Date,
}

/// The documents a transfer between governments needs (PP 11/2017 Pasal
/// 192; SE BKN 3/SE/VIII/2019).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClearanceDoc {
    /// The releasing PPK's letter (surat persetujuan melepas).
    Releasing,
    /// The receiving PPK's letter (surat persetujuan menerima).
    Receiving,
    /// BKN's pertimbangan teknis.
    Bkn,
}

impl ClearanceDoc {
    pub const ALL: [ClearanceDoc; 3] = [
        ClearanceDoc::Releasing,
        ClearanceDoc::Receiving,
        ClearanceDoc::Bkn,
    ];

    /// The plan-file and audit name.
    pub fn code(self) -> &'static str {
        match self {
            ClearanceDoc::Releasing => "releasing",
            ClearanceDoc::Receiving => "receiving",
            ClearanceDoc::Bkn => "bkn",
        }
    }
}

/// The checklist of one person's transfer between governments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clearance {
    pub asn: Nip,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub releasing: Option<Letter>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receiving: Option<Letter>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bkn: Option<Letter>,
}

impl Clearance {
    pub fn new(asn: Nip) -> Clearance {
        Clearance {
            asn,
            releasing: None,
            receiving: None,
            bkn: None,
        }
    }

    pub fn letter(&self, doc: ClearanceDoc) -> Option<&Letter> {
        match doc {
            ClearanceDoc::Releasing => self.releasing.as_ref(),
            ClearanceDoc::Receiving => self.receiving.as_ref(),
            ClearanceDoc::Bkn => self.bkn.as_ref(),
        }
    }

    pub fn letter_mut(&mut self, doc: ClearanceDoc) -> &mut Option<Letter> {
        match doc {
            ClearanceDoc::Releasing => &mut self.releasing,
            ClearanceDoc::Receiving => &mut self.receiving,
            ClearanceDoc::Bkn => &mut self.bkn,
        }
    }

    /// Whether all three documents are recorded.
    pub fn is_complete(&self) -> bool {
        ClearanceDoc::ALL.iter().all(|d| self.letter(*d).is_some())
    }
}

/// A round's procedure: its status, its frozen versions, the review and
/// the decree.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Procedure {
    #[serde(default, skip_serializing_if = "RoundStatus::is_draf")]
    pub status: RoundStatus,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<RoundVersion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decree: Option<Decree>,
    /// The checklists of transfers between governments, by person.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clearances: Vec<Clearance>,
    /// The Mendagri's written approval of the round's replacement of
    /// officials during a Pilkada window (UU 10/2016 Pasal 71(2)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pilkada_approval: Option<Letter>,
}

impl Procedure {
    /// Whether nothing has happened yet (then the file leaves it out).
    pub fn is_empty(&self) -> bool {
        *self == Procedure::default()
    }

    /// The version in force: the last frozen one.
    pub fn current(&self) -> Option<&RoundVersion> {
        self.versions.last()
    }

    /// A person's checklist, if anything is recorded.
    pub fn clearance(&self, asn: &Nip) -> Option<&Clearance> {
        self.clearances.iter().find(|c| &c.asn == asn)
    }
}
