//! A round's procedure (../shared/DOMAIN.md, "Who decides"): *Draf* →
//! *Sosialisasi* (the draft published; comments open) → *Dibahas* (the Tim
//! Penilai Kinerja reviews it; the meeting's decisions are entered) →
//! *Ditetapkan* (the PPK's decision: the chosen scenario and its plan
//! frozen) → *SK terbit* (the decree: the moves become move records with
//! their TMT). Going back is possible only from Sosialisasi (to Draf) and
//! from Dibahas (to Sosialisasi), always with a reason.
//!
//! What each status lets change ([`allows`]): the scenarios and openings
//! only in Draf; manual decisions in Draf and Dibahas (the meeting decides);
//! comments, the deadline and the contact until the round is decided.
//! A change to a published round therefore needs a new version: back to
//! Draf with a reason, then publish again (v2 …). Every version stays in
//! the round, readable, with its fingerprint ([`fingerprint`]): SHA-256 of
//! the inputs (competencies, agencies, positions, ASN), the round's TMT and
//! openings, the scenario, the decisions and the result, so anyone can tell
//! that a printed draft and a file are the same version.
//!
//! A move whose origin and destination agencies belong to different
//! governments (the province and a kabupaten/kota, or two of those) is a
//! transfer between governments ([`crossing`]): it needs the releasing
//! PPK's letter, the receiving PPK's letter and BKN's pertimbangan teknis
//! (Pasal 192), recorded per person ([`Clearance`]) before the round can be
//! decided ([`unclear`]).

use crate::core::date::Date;
use crate::core::engine::{self, model::RoundInput, verify};
use crate::core::model::*;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// What a change needs of the round's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Scenarios, weights, rules, openings, election dates.
    Settings,
    /// Manual decisions (and accepting an objection, which makes one).
    Decisions,
    /// Comments, the comment deadline and contact.
    Participation,
}

/// Whether a round in `status` allows a change.
pub fn allows(status: RoundStatus, change: Change) -> bool {
    use RoundStatus::*;
    match change {
        Change::Settings => status == Draf,
        Change::Decisions => matches!(status, Draf | Dibahas),
        Change::Participation => matches!(status, Draf | Sosialisasi | Dibahas),
    }
}

/// The status a step back leads to, if one is allowed.
pub fn back_from(status: RoundStatus) -> Option<RoundStatus> {
    match status {
        RoundStatus::Sosialisasi => Some(RoundStatus::Draf),
        RoundStatus::Dibahas => Some(RoundStatus::Sosialisasi),
        _ => None,
    }
}

/// The audit actions of the procedure's steps (publish, review, decide,
/// decree, step back): the UI does not undo them.
pub const STEPS: [&str; 5] = [
    "round.publish",
    "round.review",
    "round.establish",
    "round.decree",
    "round.back",
];

/// Whether an edit's action is a step of the procedure.
pub fn is_step(action: &str) -> bool {
    STEPS.contains(&action)
}

/// What is hashed: the inputs of the plan and its result.
#[derive(Serialize)]
struct Hashed<'a> {
    competencies: &'a [CompetencyDef],
    agencies: &'a [Agency],
    positions: &'a [Position],
    asn: &'a [Asn],
    effective_date: Date,
    openings: &'a [Opening],
    scenario: &'a Scenario,
    decisions: &'a [Decision],
    moves: &'a [RecordedMove],
    objective: i64,
}

/// The fingerprint of a version: SHA-256 (lower-case hex) of its inputs,
/// settings, decisions and result, as the plan file writes them (so it is
/// the same after an export and an import).
pub fn fingerprint(
    ws: &Workspace,
    round: &Round,
    scenario: &Scenario,
    result: &RecordedPlan,
) -> String {
    let hashed = Hashed {
        competencies: &ws.competencies,
        agencies: &ws.agencies,
        positions: &ws.positions,
        asn: &ws.asn,
        effective_date: round.effective_date,
        openings: &round.openings,
        scenario,
        decisions: &round.decisions,
        moves: &result.moves,
        objective: result.objective,
    };
    let mut hasher = Sha256::new();
    // Serialising these types cannot fail (no maps with non-string keys).
    if serde_json::to_writer(HashWriter(&mut hasher), &hashed).is_err() {
        hasher.update(b"unserialisable");
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The fingerprint as people read and compare it: its first 16 hex digits
/// in groups of four ("3f2a 91c0 ab12 cd34").
pub fn short(fingerprint: &str) -> String {
    fingerprint
        .chars()
        .take(16)
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Feeds serde_json's output to the hasher without building the text.
struct HashWriter<'a>(&'a mut Sha256);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Freezes a version of the open round's scenario `scenario` for `status`:
/// the plan is computed, recorded and fingerprinted.
pub fn freeze(
    ws: &Workspace,
    round: &Round,
    scenario: &str,
    status: RoundStatus,
    reason: &str,
    at: &str,
) -> Result<RoundVersion, engine::PlanError> {
    let input = engine::lookup(ws, &round.id, scenario)?;
    let plan = engine::plan(&input)?;
    let result = verify::record(ws, input.scenario, &plan, at);
    let RoundInput { scenario, .. } = input;
    Ok(RoundVersion {
        number: round.procedure.versions.len() as u32 + 1,
        status,
        at: at.to_string(),
        reason: reason.to_string(),
        fingerprint: fingerprint(ws, round, scenario, &result),
        scenario: scenario.clone(),
        openings: round.openings.clone(),
        decisions: round.decisions.clone(),
        result,
    })
}

/// Whether a version still matches the workspace: its fingerprint computed
/// again from the workspace's inputs and its recorded settings, decisions
/// and result.
pub fn version_matches(ws: &Workspace, round: &Round, version: &RoundVersion) -> bool {
    let mut frozen = round.clone();
    frozen.openings = version.openings.clone();
    frozen.decisions = version.decisions.clone();
    fingerprint(ws, &frozen, &version.scenario, &version.result) == version.fingerprint
}

/// The move records a decree creates: every move of the decided version,
/// from the person's current position, with the round's TMT. The positions
/// themselves are SIASN's and change with the next roster import.
pub fn decree_moves(ws: &Workspace, round: &Round, version: &RoundVersion) -> Vec<MoveRecord> {
    version
        .result
        .moves
        .iter()
        .map(|m| MoveRecord {
            asn: m.asn.clone(),
            from: ws
                .asn
                .iter()
                .find(|a| a.nip == m.asn)
                .and_then(|a| a.position.as_ref())
                .map(|c| c.position.clone()),
            to: m.to.clone(),
            effective: round.effective_date,
            round: Some(round.id.clone()),
        })
        .collect()
}

/// A move between two governments: who releases and who receives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Crossing {
    pub from: Government,
    pub to: Government,
}

impl Crossing {
    /// "Pemerintah Provinsi Jambi → Pemerintah Kabupaten Tebo".
    pub fn label(&self) -> String {
        format!("{} → {}", self.from.name(), self.to.name())
    }
}

/// The government of a position's agency (the workspace's own when the
/// agency is unknown).
fn government_of(ws: &Workspace, position: &Position) -> Government {
    ws.agencies
        .iter()
        .find(|a| a.id == position.agency)
        .map_or(ws.government, |a| a.government)
}

/// Whether a move from `from` to `to` crosses governments. Someone without
/// a current position (a new entrant) crosses nothing.
pub fn crossing(ws: &Workspace, from: Option<&Position>, to: &Position) -> Option<Crossing> {
    let from = government_of(ws, from?);
    let to = government_of(ws, to);
    (from != to).then_some(Crossing { from, to })
}

/// Whether a move from `from` to `to` crosses governments.
pub fn crosses(ws: &Workspace, from: Option<&Position>, to: &Position) -> bool {
    crossing(ws, from, to).is_some()
}

/// The transfers between governments among a version's moves, in its
/// order: the person and the crossing.
pub fn crossings<'a>(
    ws: &'a Workspace,
    moves: &'a [RecordedMove],
) -> impl Iterator<Item = (&'a RecordedMove, Crossing)> + 'a {
    let position = |id: &PositionId| ws.positions.iter().find(|p| &p.id == id);
    moves.iter().filter_map(move |m| {
        let from = ws
            .asn
            .iter()
            .find(|a| a.nip == m.asn)
            .and_then(|a| a.position.as_ref())
            .and_then(|c| position(&c.position));
        Some((m, crossing(ws, from, position(&m.to)?)?))
    })
}

/// The people of `moves` whose transfer between governments lacks a
/// document of its checklist, in the moves' order.
pub fn unclear(ws: &Workspace, round: &Round, moves: &[RecordedMove]) -> Vec<Nip> {
    crossings(ws, moves)
        .filter(|(m, _)| {
            !round
                .procedure
                .clearance(&m.asn)
                .is_some_and(Clearance::is_complete)
        })
        .map(|(m, _)| m.asn.clone())
        .collect()
}
