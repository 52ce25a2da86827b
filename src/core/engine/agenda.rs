//! The agenda of the review meeting (issue 14): what the Tim Penilai
//! Kinerja PNS goes through, agency by agency — the moves proposed into
//! the agency, its people's open objections, the manual decisions on its
//! people with their reasons, and the agency's fairness line — with the
//! round's fairness summary on top.
//!
//! A person belongs to the agency of their current position (or, for
//! someone without one, of their destination); a proposed move is listed
//! under its destination agency, so a move between agencies shows where the
//! person arrives and, in the leaving count, where they come from.

use super::report::{outcomes_by, GroupOutcome, Grouping};
use super::view::{self, MoveRow};
use super::Plan;
use crate::core::model::{CommentStatus, Nip, Round, Workspace};

/// One agency's part of the agenda.
#[derive(Clone, Debug, PartialEq)]
pub struct AgencyAgenda {
    /// Index into `Workspace::agencies`.
    pub agency: usize,
    /// The moves into the agency's positions, in the plan's row order.
    pub moves: Vec<MoveRow>,
    /// How many of its people the plan moves to another agency.
    pub leaving: usize,
    /// Open objections of its people: ids of the round's comments.
    pub objections: Vec<u32>,
    /// Manual decisions on its people: indices into `Round::decisions`.
    pub decisions: Vec<usize>,
    /// The agency's line of the fairness report (its people in the round).
    pub fairness: Option<GroupOutcome>,
}

impl AgencyAgenda {
    fn is_empty(&self) -> bool {
        self.moves.is_empty()
            && self.leaving == 0
            && self.objections.is_empty()
            && self.decisions.is_empty()
    }
}

/// The meeting's agenda.
#[derive(Clone, Debug, PartialEq)]
pub struct Agenda {
    /// The agencies with something to discuss, in workspace order.
    pub agencies: Vec<AgencyAgenda>,
    /// The round's fairness summary: outcomes by gender and by golongan
    /// group.
    pub by_gender: Vec<GroupOutcome>,
    pub by_golongan: Vec<GroupOutcome>,
}

/// The agency a person belongs to for the agenda: their current
/// position's, else their destination's.
fn agency_of(ws: &Workspace, plan: &Plan, nip: &Nip) -> Option<usize> {
    let a = ws.asn.iter().position(|a| &a.nip == nip)?;
    let position = ws.asn[a]
        .position
        .as_ref()
        .and_then(|c| ws.positions.iter().position(|p| p.id == c.position))
        .or_else(|| {
            let row = plan.model.rows.iter().position(|r| r.asn == a)?;
            plan.destination(row)
        })?;
    ws.agencies
        .iter()
        .position(|ag| ag.id == ws.positions[position].agency)
}

/// The agenda of `round` with its plan `plan`.
pub fn agenda(ws: &Workspace, round: &Round, plan: &Plan) -> Agenda {
    let mut agencies: Vec<AgencyAgenda> = (0..ws.agencies.len())
        .map(|agency| AgencyAgenda {
            agency,
            moves: Vec::new(),
            leaving: 0,
            objections: Vec::new(),
            decisions: Vec::new(),
            fairness: None,
        })
        .collect();
    let index = |id: &crate::core::model::AgencyId| ws.agencies.iter().position(|a| &a.id == id);
    for m in view::moves(ws, plan) {
        let from = m.from.and_then(|p| index(&ws.positions[p].agency));
        let to = index(&m.to_agency);
        if let Some(from) = from.filter(|&f| Some(f) != to) {
            agencies[from].leaving += 1;
        }
        if let Some(to) = to {
            agencies[to].moves.push(m);
        }
    }
    for c in &round.participation.comments {
        if c.status == CommentStatus::Open {
            if let Some(a) = agency_of(ws, plan, &c.asn) {
                agencies[a].objections.push(c.id);
            }
        }
    }
    for (i, d) in round.decisions.iter().enumerate() {
        if let Some(a) = agency_of(ws, plan, &d.asn) {
            agencies[a].decisions.push(i);
        }
    }
    let by_agency = outcomes_by(ws, plan, Grouping::Agency);
    for a in &mut agencies {
        let name = &ws.agencies[a.agency].short_name;
        a.fairness = by_agency.iter().find(|o| &o.group == name).cloned();
    }
    Agenda {
        agencies: agencies.into_iter().filter(|a| !a.is_empty()).collect(),
        by_gender: outcomes_by(ws, plan, Grouping::Gender),
        by_golongan: outcomes_by(ws, plan, Grouping::GolonganGroup),
    }
}
