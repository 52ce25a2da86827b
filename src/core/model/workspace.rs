//! The workspace: everything a planner works on, saved in the browser and
//! exchanged as a plan file. It holds the organisation (agencies, positions),
//! the people (ASN), the settings, the transfer rounds with their scenarios
//! and manual decisions, the audit log and the history of moves that
//! monitoring follows.

use super::{Agency, AgencyId, Asn, CompetencyDef, Nip, Position, PositionId, Shared, UnitId};
use crate::core::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The eligibility rules of ../shared/DOMAIN.md, each a setting with its
/// regulatory or policy default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RuleSettings {
    /// Minimum months in the current position before a move (PP 11/2017
    /// Pasal 190(3): 2 years).
    pub min_months_in_position: u16,
    /// Months after which a person is due for refreshment rotation (5 years).
    pub max_months_in_position: u16,
    /// CPNS (probationary) are not moved.
    pub exclude_cpns: bool,
    /// Anyone under a disciplinary or court process is not moved.
    pub exclude_open_process: bool,
    /// A moderate or heavy sanction within this many months bars a move.
    pub sanction_lookback_months: u16,
    /// Anyone on study leave (tugas belajar) is not moved.
    pub exclude_study_leave: bool,
    /// *Policy*: not moved within this many months of retirement (BUP).
    pub retirement_buffer_months: u16,
    /// The position's minimum golongan applies.
    pub require_min_golongan: bool,
    /// The position's education requirement applies.
    pub require_education: bool,
    /// A move on own request needs a predikat of at least Baik in the last
    /// this-many months (0 = not checked).
    pub request_min_baik_months: u16,
    /// PPPK are not moved: their contract binds them to a post and an
    /// instansi, and no mutasi mechanism exists for them yet.
    pub exclude_pppk: bool,
    /// Alih jabatan (structural ↔ functional, or one JF to another, at an
    /// equivalent level) may be proposed. *Policy*: off; it needs a
    /// competency test.
    pub allow_alih_jabatan: bool,
    /// Promotion by one jenjang may be proposed for talent-pool members.
    /// Off: a promotion is not a mutasi (PP 11/2017 Pasal 198–200).
    pub allow_promotion: bool,
    /// A JPT may rotate to another JPT post of the same level. Off by
    /// default: a rotation needs a job-fit assessment (uji kompetensi)
    /// first, so it is the scenario's explicit choice.
    pub allow_jpt_rotation: bool,
    /// Over-formasi: a plan may place more holders in a non-structural
    /// position than its need (or than it had). Off: the need is the
    /// ceiling (../shared/DOMAIN.md, "Holders, needs and floors"). A
    /// structural post has one holder whatever this says.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub allow_over_formasi: bool,
    /// The ten-year statement (PermenPANRB 27/2021 Pasal 52, 6/2024):
    /// a PNS whose TMT CPNS is in this year or later asked no move to
    /// another government for personal reasons within 10 years of the PNS
    /// appointment (taken as a year after the TMT CPNS). 0: not applied.
    /// Default 2022, the appointments of the 2021 formation.
    #[serde(
        default = "default_ten_year_from",
        skip_serializing_if = "is_default_ten_year_from"
    )]
    pub ten_year_statement_from: u16,
    /// Staffing floors for every position: each keeps at least its need
    /// (or what it holds, if fewer), so a departure nobody replaces from a
    /// position at or below its need is not made. Off by default: on the
    /// demo it leaves every urgent vacancy unfilled (a vacancy is filled
    /// from another post, which is then short), so it is the scenario's
    /// choice; a unit's minimum ([`Constraint::UnitFloor`], a puskesmas'
    /// health workers) is the usual floor.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub floor_at_need: bool,
    /// The lowest 9-box box of the talent pool (PermenPANRB 3/2020: 7–9).
    pub talent_pool_min_box: u8,
    /// BUP by jabatan fungsional (lower-case JF name → age), overriding the
    /// position type's (PP 11/2017 Pasal 240: guru 60 at every jenjang).
    pub bup_by_jf: BTreeMap<String, u8>,
    /// *Policy*: the performance row of the 9-box.
    pub nine_box: NineBoxThresholds,
}

/// *Policy*: the 9-box performance row from the mean of the last two
/// predikat on the standard scale (Sangat Baik 5, Baik 4, Butuh Perbaikan
/// 2.5, Kurang 2, Sangat Kurang 1), in tenths: at least `above_tenths` is
/// above expectation, at least `expected_tenths` as expected, else below.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NineBoxThresholds {
    pub above_tenths: u8,
    pub expected_tenths: u8,
}

impl Default for NineBoxThresholds {
    fn default() -> Self {
        NineBoxThresholds {
            above_tenths: 45,
            expected_tenths: 35,
        }
    }
}

/// *Policy*: what a predikat counts for in the performance aspect of
/// Profile Matching, in tenths of a 1–5 level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PredikatPoints {
    pub sangat_baik: u8,
    pub baik: u8,
    pub butuh_perbaikan: u8,
    pub kurang: u8,
    pub sangat_kurang: u8,
    /// A person with no record yet.
    pub no_record: u8,
}

impl Default for PredikatPoints {
    fn default() -> Self {
        PredikatPoints {
            sangat_baik: 50,
            baik: 40,
            butuh_perbaikan: 25,
            kurang: 20,
            sangat_kurang: 10,
            no_record: 30,
        }
    }
}

impl PredikatPoints {
    /// The points of `p`, in tenths.
    pub fn of(&self, p: super::Predikat) -> u8 {
        use super::Predikat::*;
        match p {
            SangatBaik => self.sangat_baik,
            Baik => self.baik,
            ButuhPerbaikan => self.butuh_perbaikan,
            Kurang => self.kurang,
            SangatKurang => self.sangat_kurang,
        }
    }
}

impl RuleSettings {
    /// The retirement age (BUP) of a position: its JF family's, else its
    /// type's. A family covers every JF whose name starts with its words:
    /// "guru" covers "Guru Kelas Ahli Muda" and "Guru Mata Pelajaran
    /// Matematika Ahli Pertama"; the longest family named wins.
    pub fn bup(&self, position: &Position) -> u8 {
        crate::core::move_class::jf_of(position)
            .and_then(|jf| self.bup_of_jf(&jf))
            .unwrap_or_else(|| position.kind.retirement_age())
    }

    /// The BUP the table gives a JF (lower case, single spaces), by its
    /// longest family.
    pub fn bup_of_jf(&self, jf: &str) -> Option<u8> {
        self.bup_by_jf
            .iter()
            .filter(|(family, _)| crate::core::move_class::in_family(jf, family))
            .max_by_key(|(family, _)| family.len())
            .map(|(_, &age)| age)
    }
}

/// The first TMT CPNS year the ten-year statement binds by default.
pub const DEFAULT_TEN_YEAR_FROM: u16 = 2022;

fn default_ten_year_from() -> u16 {
    DEFAULT_TEN_YEAR_FROM
}

fn is_default_ten_year_from(year: &u16) -> bool {
    *year == DEFAULT_TEN_YEAR_FROM
}

impl Default for RuleSettings {
    fn default() -> Self {
        RuleSettings {
            min_months_in_position: 24,
            max_months_in_position: 60,
            exclude_cpns: true,
            exclude_open_process: true,
            sanction_lookback_months: 24,
            exclude_study_leave: true,
            retirement_buffer_months: 12,
            require_min_golongan: true,
            require_education: true,
            request_min_baik_months: 24,
            exclude_pppk: true,
            allow_alih_jabatan: false,
            allow_promotion: false,
            allow_jpt_rotation: false,
            allow_over_formasi: false,
            ten_year_statement_from: DEFAULT_TEN_YEAR_FROM,
            floor_at_need: false,
            talent_pool_min_box: 7,
            bup_by_jf: {
                // Inserted, not collected: collect() would compile a sort.
                let mut bup = BTreeMap::new();
                bup.insert("guru".to_string(), 60);
                bup
            },
            nine_box: NineBoxThresholds::default(),
        }
    }
}

/// Profile Matching settings: the core/secondary split and the aspect weights
/// (in points; they are normalised by their sum).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FitSettings {
    /// Share of the core factor (NCF) in an aspect score, in percent (60).
    pub core_percent: u8,
    pub manajerial: u16,
    pub sosial_kultural: u16,
    pub teknis: u16,
    pub education: u16,
    pub performance: u16,
    pub experience: u16,
    /// *Policy*: the education GAP of a level below the requirement (−1)
    /// and of a field outside the accepted ones (−2); both add up.
    pub education_level_gap: i8,
    pub education_field_gap: i8,
    /// *Policy*: the predikat scale of the performance aspect.
    pub predikat_points: PredikatPoints,
    /// *Policy*: years of service that are experience levels 1–4 at most
    /// (0–2 → 1, 3–5 → 2, 6–10 → 3, 11–15 → 4, more → 5).
    pub experience_bands: [u8; 4],
}

impl Default for FitSettings {
    fn default() -> Self {
        FitSettings {
            core_percent: 60,
            manajerial: 30,
            sosial_kultural: 10,
            teknis: 30,
            education: 10,
            performance: 10,
            experience: 10,
            education_level_gap: -1,
            education_field_gap: -2,
            predikat_points: PredikatPoints::default(),
            experience_bands: [2, 5, 10, 15],
        }
    }
}

/// Weights of the terms of the assignment objective, in points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ObjectiveWeights {
    pub fit: u16,
    pub preference: u16,
    pub priority: u16,
    pub distance: u16,
    pub stability: u16,
    pub refreshment: u16,
}

impl ObjectiveWeights {
    /// Whether every weight is 0: then nothing would be optimised, and a
    /// scenario is refused ([`super::Issue::NoWeight`]).
    pub fn is_zero(&self) -> bool {
        [
            self.fit,
            self.preference,
            self.priority,
            self.distance,
            self.stability,
            self.refreshment,
        ]
        .iter()
        .all(|&w| w == 0)
    }
}

impl Default for ObjectiveWeights {
    fn default() -> Self {
        ObjectiveWeights {
            fit: 40,
            preference: 15,
            priority: 20,
            distance: 10,
            stability: 10,
            refreshment: 5,
        }
    }
}

/// How a scenario assigns people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchMode {
    /// The best total objective (linear assignment).
    #[default]
    Optimal,
    /// Deferred acceptance: no justified envy.
    Stable,
}

/// Stable mode (two phases): how an ASN without wishes is treated in phase 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WithoutWishes {
    /// Not a participant of phase 1: they keep their seat there and may be
    /// moved in phase 2, for the organisation's needs.
    #[default]
    NotParticipant,
    /// A participant who accepts, equally, any opening of the round seated
    /// in their domicile regency that they may lawfully fill.
    NearDomicile,
}

/// Stable mode's published points (barème): how a position ranks the
/// people who wish it, after a manual decision and its incumbents. Each
/// component is in points; 0 switches it off.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PointsFormula {
    /// Per 1.000 of the Profile Matching total (100: fit 4.470 = 447).
    pub fit: u16,
    /// Per whole year in the current position, up to
    /// [`PointsFormula::MAX_YEARS`] years.
    pub per_year_in_position: u16,
    /// Once, for a move on own request (permohonan sendiri).
    pub own_request: u16,
    /// For a position named by a wish whose reason is family.
    pub family: u16,
    /// For nearness: the full value in the domicile regency, nothing at
    /// 420 km or more (Kota Jambi–Kerinci), linear in between.
    pub near_domicile: u16,
}

impl PointsFormula {
    /// Years in position counted at most.
    pub const MAX_YEARS: i32 = 10;
    /// The largest value a component may have.
    pub const MAX_POINTS: u16 = 1000;
}

impl Default for PointsFormula {
    fn default() -> Self {
        PointsFormula {
            fit: 100,
            per_year_in_position: 0,
            own_request: 0,
            family: 0,
            near_domicile: 0,
        }
    }
}

/// Stable mode's settings: who takes part in phase 1 and the points.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StableSettings {
    pub without_wishes: WithoutWishes,
    pub points: PointsFormula,
}

impl StableSettings {
    /// Whether every value is the default (then the file leaves it out).
    pub fn is_default(&self) -> bool {
        *self == StableSettings::default()
    }
}

/// A constraint a scenario places on the assignment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Constraint {
    /// This person must take this position.
    Pin { asn: Nip, position: PositionId },
    /// This person must not take this position.
    Forbid { asn: Nip, position: PositionId },
    /// At most this share of a unit's staff may leave it.
    UnitCap { unit: UnitId, max_percent: u8 },
    /// The unit keeps at least this many staff (a puskesmas' minimum): a
    /// departure that would take it below (or further below) is not made
    /// unless someone replaces it.
    UnitFloor { unit: UnitId, min: u32 },
    /// Every unit whose name contains `units` (compared as
    /// [`crate::core::io::values::compact`] does: case, spaces and
    /// punctuation aside) keeps at least `min` holders of a JF of one of
    /// `families` (a puskesmas' doctor or midwife, Permenkes 43/2019).
    /// A JF counts for the floor whose family is its longest match among
    /// the scenario's floors ("dokter gigi" before "dokter").
    KindFloor {
        units: String,
        families: Vec<String>,
        min: u32,
    },
}

/// The minimum health workers of a puskesmas (Permenkes 43/2019 Pasal 17):
/// one of each, by JF family. The analyst adds them at once in Skenario
/// and removes the ones a government sets otherwise.
pub const PUSKESMAS_FLOORS: &[&[&str]] = &[
    &["dokter"],
    &["dokter gigi"],
    &["perawat"],
    &["bidan"],
    &["penyuluh kesehatan masyarakat", "promosi kesehatan"],
    &["sanitarian", "tenaga sanitasi lingkungan"],
    &["nutrisionis"],
    &["apoteker", "asisten apoteker", "tenaga teknis kefarmasian"],
    &["pranata laboratorium kesehatan"],
];

impl Scenario {
    /// A scenario with the standard settings (optimal mode, the default
    /// rules, fit settings and weights, no constraints).
    pub fn standard(id: impl Into<String>, name: impl Into<String>) -> Scenario {
        Scenario {
            id: id.into(),
            name: name.into(),
            mode: MatchMode::default(),
            rules: RuleSettings::default(),
            fit: FitSettings::default(),
            weights: ObjectiveWeights::default(),
            constraints: Vec::new(),
            stable: StableSettings::default(),
        }
    }
}

/// A named set of rules, weights, mode and constraints.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scenario {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub mode: MatchMode,
    #[serde(default)]
    pub rules: RuleSettings,
    #[serde(default)]
    pub fit: FitSettings,
    #[serde(default)]
    pub weights: ObjectiveWeights,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub constraints: Vec<Constraint>,
    /// Stable mode: phase 1's participants and the published points.
    #[serde(default, skip_serializing_if = "StableSettings::is_default")]
    pub stable: StableSettings,
}

/// How urgent a position is, from the needs analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Rendah,
    Sedang,
    Tinggi,
    Mendesak,
}

impl Priority {
    /// All four, lowest first.
    pub const ALL: [Priority; 4] = [
        Priority::Rendah,
        Priority::Sedang,
        Priority::Tinggi,
        Priority::Mendesak,
    ];

    /// The Indonesian label.
    pub fn label(self) -> &'static str {
        match self {
            Priority::Rendah => "Rendah",
            Priority::Sedang => "Sedang",
            Priority::Tinggi => "Tinggi",
            Priority::Mendesak => "Mendesak",
        }
    }
}

/// A position the needs analysis opens in a round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opening {
    pub position: PositionId,
    /// How many people the round should place there.
    pub slots: u32,
    pub priority: Priority,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

/// What a manual decision does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "position")]
pub enum DecisionAction {
    /// Move the person to this position.
    Assign(PositionId),
    /// Keep the person where they are.
    Stay,
}

/// A manual override, always with a reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub asn: Nip,
    pub action: DecisionAction,
    pub reason: String,
    /// When it was taken (ISO 8601 timestamp).
    pub at: String,
    /// The objection whose acceptance made this decision; the reason then
    /// holds the objection's text and the response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<u32>,
}

/// Where one person ends in a recorded plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedMove {
    pub asn: Nip,
    /// The destination position.
    pub to: PositionId,
}

/// A plan as computed when the file was written, so a receiver can check
/// that the published rules, not a hand, produced it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedPlan {
    pub scenario: String,
    /// ISO 8601 timestamp of the computation.
    pub computed_at: String,
    /// Everyone who moves, by NIP.
    pub moves: Vec<RecordedMove>,
    /// The plan's total objective.
    pub objective: i64,
    /// The engine that computed it (`engine::Engine::number`); files
    /// written before engines were numbered are engine 1.
    #[serde(default = "first_engine")]
    pub engine: u32,
}

fn first_engine() -> u32 {
    1
}

/// A transfer round (one program mutasi).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    pub id: String,
    pub name: String,
    /// The planned TMT of the moves.
    pub effective_date: Date,
    #[serde(default)]
    pub openings: Vec<Opening>,
    #[serde(default)]
    pub scenarios: Vec<Scenario>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    /// The plans of the scenarios as computed when the file was written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<RecordedPlan>,
    /// Socialisation of the draft: the deadline, where to comment, and the
    /// comments and objections received.
    #[serde(default, skip_serializing_if = "Participation::is_empty")]
    pub participation: Participation,
    /// A Pilkada of this government that falls near the round (see
    /// [`crate::core::timing`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub election: Option<Election>,
    /// The year of the government's next Pilkada, when known before its
    /// dates: a round with it and no dates is warned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub election_year: Option<u16>,
    /// Where the round is in its procedure (draft → decree) and its frozen
    /// versions.
    #[serde(default, skip_serializing_if = "super::Procedure::is_empty")]
    pub procedure: super::Procedure,
}

impl Round {
    /// Records a manual decision: one per person, a later one replaces an
    /// earlier one for the same NIP.
    pub fn decide(&mut self, decision: Decision) {
        self.decisions.retain(|d| d.asn != decision.asn);
        self.decisions.push(decision);
    }

    /// Removes the decision on `asn`, if any.
    pub fn undecide(&mut self, asn: &Nip) {
        self.decisions.retain(|d| &d.asn != asn);
    }
}

/// A regional head election (Pilkada) of the round's government: the day
/// the candidates are set (penetapan pasangan calon) and, once known, the
/// day the elected head is inaugurated (pelantikan).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Election {
    pub candidates_set: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inauguration: Option<Date>,
}

/// Who wrote a comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommentAuthor {
    /// The ASN the proposed move concerns.
    Asn,
    /// An agency (OPD), e.g. the one the person would leave.
    Agency,
}

/// Where a comment stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommentStatus {
    Open,
    /// Accepted: its request became a manual decision.
    Accepted,
    /// Rejected, with a reason in `response`.
    Rejected,
}

/// A comment or objection on a person's proposed move.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    /// Numbered from 1 within the round.
    pub id: u32,
    pub asn: Nip,
    pub author: CommentAuthor,
    /// The writer's name (the ASN, or the agency and its official).
    pub from: String,
    pub text: String,
    /// What it asks for: to stay, or another position.
    pub request: DecisionAction,
    /// ISO 8601 timestamp of receipt.
    pub at: String,
    pub status: CommentStatus,
    /// The answer: why it was rejected, or a note on acceptance.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub response: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_at: Option<String>,
}

/// The socialisation of a round's draft.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Participation {
    /// The last day for comments and preference cards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Date>,
    /// Where to send them (an email address or an office).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
}

impl Participation {
    pub fn is_empty(&self) -> bool {
        self.deadline.is_none() && self.contact.is_empty() && self.comments.is_empty()
    }
}

/// A value as an audit line writes it: its plan-file form (compact JSON),
/// so a line reads the same whatever the UI language and survives a
/// renamed Rust variant (`{"kind":"assign","position":"disdik.b1.p03"}`).
pub fn audit_value<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// One line of the audit log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// ISO 8601 timestamp.
    pub at: String,
    pub action: String,
    pub detail: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A move that took effect: what monitoring follows period by period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoveRecord {
    pub asn: Nip,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<PositionId>,
    pub to: PositionId,
    /// TMT of the move.
    pub effective: Date,
    /// The round that decided it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<String>,
}

/// What a follow-up is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum FollowUpKind {
    /// Training in a competency the person lacks for their position.
    Training { competency: super::CompetencyId },
    /// Mentoring by a high performer.
    Mentoring { mentor: Nip },
}

/// Where a follow-up stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpStatus {
    #[default]
    Planned,
    InProgress,
    Done,
}

/// A training or mentoring action for an ASN who did not improve.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub asn: Nip,
    #[serde(flatten)]
    pub kind: FollowUpKind,
    #[serde(default)]
    pub status: FollowUpStatus,
    /// When it was planned.
    pub planned_on: Date,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Settings of the evaluation after moves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EvaluationSettings {
    /// Flag a moved ASN whose predikat has not improved after this many
    /// periods.
    pub no_improvement_periods: u8,
    /// At most this many mentees per mentor.
    pub mentor_capacity: u8,
}

impl Default for EvaluationSettings {
    fn default() -> Self {
        EvaluationSettings {
            no_improvement_periods: 2,
            mentor_capacity: 3,
        }
    }
}

/// Everything the planner works on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    pub name: String,
    /// Whose workspace it is: the province or a kabupaten/kota (the PPK
    /// who signs the decree).
    #[serde(default, skip_serializing_if = "super::Government::is_province")]
    pub government: super::Government,
    /// The competency catalogue: the standard nine and the teknis ones.
    pub competencies: Shared<Vec<CompetencyDef>>,
    pub agencies: Shared<Vec<Agency>>,
    pub positions: Shared<Vec<Position>>,
    pub asn: Shared<Vec<Asn>>,
    #[serde(default)]
    pub rounds: Vec<Round>,
    #[serde(default)]
    pub audit: Vec<AuditEntry>,
    /// Moves that took effect (earlier rounds), for monitoring.
    #[serde(default)]
    pub moves: Shared<Vec<MoveRecord>>,
    /// Training and mentoring for those who did not improve.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUp>,
    #[serde(default)]
    pub evaluation: EvaluationSettings,
    /// SIASN's own ids of what its exports named, so the next export of the
    /// same people, positions and units updates them.
    #[serde(default, skip_serializing_if = "SiasnIds::is_empty")]
    pub siasn: SiasnIds,
}

/// SIASN's ids (PNS ID, JABATAN ID, UNOR ID) by the workspace's own.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiasnIds {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub pns: BTreeMap<Nip, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub jabatan: BTreeMap<PositionId, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unor: BTreeMap<UnitId, String>,
}

impl SiasnIds {
    pub fn is_empty(&self) -> bool {
        self.pns.is_empty() && self.jabatan.is_empty() && self.unor.is_empty()
    }
}

impl Workspace {
    /// An empty workspace with the standard competency catalogue.
    pub fn empty(name: impl Into<String>) -> Workspace {
        Workspace {
            name: name.into(),
            government: super::Government::Province,
            competencies: super::standard_catalogue().into(),
            agencies: Shared::default(),
            positions: Shared::default(),
            asn: Shared::default(),
            rounds: Vec::new(),
            audit: Vec::new(),
            moves: Shared::default(),
            follow_ups: Vec::new(),
            evaluation: EvaluationSettings::default(),
            siasn: SiasnIds::default(),
        }
    }

    /// Where a position sits: its unit's kabupaten/kota, else its agency's
    /// seat (Kota Jambi for a position of an unknown agency).
    pub fn position_seat(&self, position: &Position) -> super::Regency {
        self.agencies
            .iter()
            .find(|a| a.id == position.agency)
            .map_or(super::Regency::KotaJambi, |a| a.unit_seat(&position.unit))
    }

    /// Current occupancy (bezetting) of every position that has holders.
    pub fn occupancy(&self) -> BTreeMap<&PositionId, u32> {
        let mut counts = BTreeMap::new();
        for asn in &self.asn {
            if let Some(current) = &asn.position {
                *counts.entry(&current.position).or_insert(0) += 1;
            }
        }
        counts
    }

    /// The round the planner works on: the newest (a round created in the
    /// app is worked on at once, before it has openings).
    pub fn open_round(&self) -> Option<&Round> {
        self.rounds.last()
    }

    /// Mutable access to [`Workspace::open_round`].
    pub fn open_round_mut(&mut self) -> Option<&mut Round> {
        self.rounds.last_mut()
    }

    /// A position's name with its unit where the name alone does not say
    /// which seat it is ("Guru Ahli Madya · SMAN 1 Bangko"): the unit is
    /// added unless the name already contains it or the unit is the
    /// agency itself. Used wherever a move or a position is shown.
    pub fn seat_name(&self, p: &Position) -> String {
        let unit = self
            .agencies
            .iter()
            .find(|a| a.id == p.agency)
            .and_then(|a| a.unit(&p.unit).map(|u| (a, u)));
        match unit {
            Some((agency, unit)) => {
                let key = |t: &str| {
                    t.to_lowercase()
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                let (name, unit_name) = (key(&p.name), key(&unit.name));
                if unit_name.is_empty()
                    || name.contains(&unit_name)
                    || unit_name == key(&agency.name)
                    || unit_name == key(&agency.short_name)
                {
                    p.name.clone()
                } else {
                    format!("{} · {}", p.name, unit.name)
                }
            }
            None => p.name.clone(),
        }
    }

    /// Builds lookup tables for the workspace.
    pub fn index(&self) -> WorkspaceIndex<'_> {
        WorkspaceIndex::new(self)
    }
}

/// Lookups by id over a workspace, built once and borrowed.
pub struct WorkspaceIndex<'a> {
    pub agencies: HashMap<&'a AgencyId, &'a Agency>,
    pub positions: HashMap<&'a PositionId, &'a Position>,
    pub asn: HashMap<&'a Nip, &'a Asn>,
    occupancy: BTreeMap<&'a PositionId, u32>,
}

impl<'a> WorkspaceIndex<'a> {
    fn new(ws: &'a Workspace) -> Self {
        WorkspaceIndex {
            agencies: ws.agencies.iter().map(|a| (&a.id, a)).collect(),
            positions: ws.positions.iter().map(|p| (&p.id, p)).collect(),
            asn: ws.asn.iter().map(|a| (&a.nip, a)).collect(),
            occupancy: ws.occupancy(),
        }
    }

    /// The number of people holding a position.
    pub fn occupied(&self, id: &PositionId) -> u32 {
        self.occupancy.get(id).copied().unwrap_or(0)
    }

    /// The current position of an ASN, resolved.
    pub fn position_of(&self, asn: &Asn) -> Option<&'a Position> {
        asn.position
            .as_ref()
            .and_then(|c| self.positions.get(&c.position).copied())
    }

    /// The agency a position belongs to.
    pub fn agency_of(&self, position: &Position) -> Option<&'a Agency> {
        self.agencies.get(&position.agency).copied()
    }

    /// Where a position sits.
    pub fn seat_of(&self, position: &Position) -> Option<super::Regency> {
        self.agency_of(position)
            .map(|a| a.unit_seat(&position.unit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audit_lines_use_the_file_names_not_rust_debug() {
        assert_eq!(audit_value(&DecisionAction::Stay), r#"{"kind":"stay"}"#);
        assert_eq!(
            audit_value(&DecisionAction::Assign(PositionId("disdik.b1.p03".into()))),
            r#"{"kind":"assign","position":"disdik.b1.p03"}"#
        );
    }

    #[test]
    fn a_round_keeps_one_decision_per_person() {
        let mut round = Round {
            procedure: Default::default(),
            id: "r".into(),
            name: "r".into(),
            effective_date: Date::new(2027, 1, 2).unwrap(),
            openings: Vec::new(),
            scenarios: Vec::new(),
            decisions: Vec::new(),
            results: Vec::new(),
            participation: Participation::default(),
            election: None,
            election_year: None,
        };
        let nip = |s: &str| Nip::parse(s).unwrap();
        let decision = |n: &str, action: DecisionAction| Decision {
            asn: nip(n),
            action,
            reason: "uji".into(),
            at: "2026-12-02T00:00:00Z".into(),
            comment: None,
        };
        round.decide(decision("198507142010011003", DecisionAction::Stay));
        round.decide(decision("199002032023212015", DecisionAction::Stay));
        round.decide(decision(
            "198507142010011003",
            DecisionAction::Assign(PositionId("p".into())),
        ));
        assert_eq!(round.decisions.len(), 2);
        assert_eq!(
            round.decisions[1].action,
            DecisionAction::Assign(PositionId("p".into()))
        );
        round.undecide(&nip("199002032023212015"));
        assert_eq!(round.decisions.len(), 1);
        assert_eq!(round.decisions[0].asn, nip("198507142010011003"));
    }
}
