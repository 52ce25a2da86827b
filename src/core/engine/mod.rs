//! The matching engine: a round and a scenario in, a plan out.
//!
//! 1. [`model::RoundModel::build`]: who is in the round (people who pass the
//!    person rules, and anyone a manual decision pins), which slots can be
//!    filled (the openings of the needs analysis, and the seat of every person
//!    in the round — a vacancy chain starts when someone leaves one), and the
//!    candidates of each position with their objective terms.
//! 2. [`Mode::Optimal`]: the assignment solver maximises the total
//!    objective, a position's interchangeable seats one column with a
//!    capacity; among equally good plans it takes the one with the fewest
//!    moves ([`Engine`]). Everyone has a "stay" column, so a plan always
//!    exists. Unit caps are then enforced by keeping, one at a time, the
//!    mover whose move gains least, and solving again.
//!    [`Mode::Stable`]: two phases ([`stable`]) — deferred acceptance on
//!    the ASN's own wishes and the published points, then the optimal
//!    assignment above for the organisation's needs, phase-1 moves fixed.
//! 3. [`Plan`]: the outcome per person, vacancy chains, and the metrics —
//!    including the number of justified-envy pairs, so the trade-off between
//!    the two modes is visible.
//! 4. Reading a plan: [`view`] (the rows the result pages list), [`explain`]
//!    (each outcome's numbers, why not another), [`report`] (fairness,
//!    comparison of scenarios), [`selection`] (JPT posts for open
//!    selection), [`verify`] (a received plan recomputed).
//!
//! Determinism: rows follow the canonical order of the people
//! ([`canonical`]: by a fingerprint of what the engine reads about each,
//! then NIP), never their order in the file; columns follow the
//! workspace's position order and the round's openings; every sort breaks
//! ties by those indices; all arithmetic is on integers; no hash map is
//! iterated to produce a result.

pub mod agenda;
pub mod canonical;
pub mod explain;
pub mod model;
pub mod report;
pub mod selection;
pub mod stable;
pub mod terms;
pub mod verify;
pub mod view;
pub mod wire;

use crate::core::assign::capacity;
use crate::core::assign::sparse::{self, SparseProblem};
use crate::core::assign::AssignError;
use crate::core::fit::JpmCategory;
use crate::core::io::values::compact;
use crate::core::model::*;
use model::{Candidate, Prepared, RoundInput, RoundModel, SlotKind};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

pub use crate::core::model::MatchMode as Mode;

/// How the solver sees a round's slots. A plan file records the engine of
/// each plan, so "Verifikasi" recomputes it with the engine that made it:
/// both find a plan with the best total, but where several plans share it
/// (two equally good people for one opening), each picks by its own order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Engine {
    /// Engine 1: every slot is a column of its own, so a candidate of a
    /// position with 270 seats has 270 pairs ([`sparse`]).
    Seats,
    /// Engine 2: the slots of a position with the same priority are one
    /// column with a capacity ([`capacity`]); the incoming people of a
    /// column take its openings, then its added slots, then the seats left
    /// by its holders, each in column order, in the round's order of the
    /// people. The same optimum as engine 1 with a sixth of the pairs.
    Positions,
}

impl Engine {
    /// The engine new plans are made with.
    pub const CURRENT: Engine = Engine::Positions;

    /// The number a plan file records.
    pub fn number(self) -> u32 {
        match self {
            Engine::Seats => 1,
            Engine::Positions => 2,
        }
    }

    /// The engine a plan file's number names, if this version knows it.
    pub fn from_number(n: u32) -> Option<Engine> {
        match n {
            1 => Some(Engine::Seats),
            2 => Some(Engine::Positions),
            _ => None,
        }
    }
}

/// Why no plan could be made.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PlanError {
    /// No round with this id.
    UnknownRound(String),
    /// No scenario with this id in the round.
    UnknownScenario(String),
    /// The solver failed for another reason (a bug: its words, in English).
    Solver(String),
    /// Manual decisions place more people in a position than it has slots.
    Overpinned { asn: Nip },
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::UnknownRound(id) => write!(f, "There is no round \"{id}\"."),
            PlanError::UnknownScenario(id) => write!(f, "There is no scenario \"{id}\"."),
            PlanError::Overpinned { asn } => write!(
                f,
                "Manual decisions place more people in a position than it has slots (at NIP {asn}); remove one of the decisions."
            ),
            PlanError::Solver(why) => write!(f, "The plan could not be computed ({why})."),
        }
    }
}

impl std::error::Error for PlanError {}

/// The metrics of a plan.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Metrics {
    /// People in the round.
    pub people: usize,
    /// People left out by the person rules.
    pub excluded: usize,
    pub moves: usize,
    /// The total objective (higher is better).
    pub objective: i64,
    /// Mean Profile Matching total of the people who move, in thousandths.
    pub mean_fit_milli: u32,
    /// JPM categories of the people who move: MS, MMS, KMS.
    pub ms: usize,
    pub mms: usize,
    pub kms: usize,
    /// People in the round who stated preferences.
    pub with_preferences: usize,
    pub first_choice: usize,
    pub top_three: usize,
    pub openings: usize,
    pub openings_filled: usize,
    pub urgent: usize,
    pub urgent_filled: usize,
    /// Seats left empty by people who moved.
    pub seats_vacated: usize,
    /// Km from domicile to the new seat, summed over the people who move.
    pub total_distance_km: u64,
    /// People who state wishes (phase 1's participants under the
    /// scenario's stable settings, in either mode).
    pub participants: usize,
    /// Pairs (participant, position) where the participant wishes the
    /// position more than their outcome and it has room or holds someone
    /// its published points rank lower ([`stable::justified_envy`]).
    pub justified_envy: usize,
    /// Stable mode: what each phase did (none in optimal mode).
    pub phases: Option<PhaseMetrics>,
}

/// A stable plan's phases.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PhaseMetrics {
    /// Moves by manual decisions and scenario pins.
    pub decision_moves: usize,
    /// Phase 1: moves to a wish, and the openings they fill.
    pub wish_moves: usize,
    pub wish_openings_filled: usize,
    /// Phase 2: moves for the organisation's needs, and their openings.
    pub need_moves: usize,
    pub need_openings_filled: usize,
    pub decision_openings_filled: usize,
    /// Justified envy of phase 1's outcome among its participants (0: it is
    /// stable).
    pub wish_envy: usize,
}

/// A plan for one scenario of a round.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Plan {
    pub mode: Mode,
    /// The engine that made it (recorded in plan files).
    pub engine: Engine,
    pub model: RoundModel,
    /// The column of each row.
    pub slot_of_row: Vec<usize>,
    /// The pair behind each row's outcome (its own seat when staying).
    pub chosen: Vec<Candidate>,
    /// Rows kept in place to respect a unit cap.
    pub capped: Vec<usize>,
    /// Rows kept in place to respect a staffing floor (a position's need,
    /// a unit's minimum).
    #[serde(default)]
    pub floored: Vec<usize>,
    /// Stable mode: the phase of each row's outcome (empty in optimal mode;
    /// see [`Plan::phase`]).
    pub phases: Vec<stable::Phase>,
    /// The wishes and published points of the round, in either mode.
    pub market: stable::Market,
    /// Vacancy chains: rows in order, the first filling an opening (or, for
    /// a cycle of swaps, any member), each next one filling the seat the
    /// previous one left.
    pub chains: Vec<Vec<usize>>,
    pub metrics: Metrics,
}

impl Plan {
    /// Whether a row moves.
    pub fn moved(&self, row: usize) -> bool {
        self.slot_of_row[row] != self.model.rows[row].seat
    }

    /// The phase a row's move comes from: only for a move of a stable plan.
    pub fn phase(&self, row: usize) -> Option<stable::Phase> {
        if self.moved(row) {
            self.phases.get(row).copied()
        } else {
            None
        }
    }

    /// How many people the round holds (rows).
    pub fn row_count(&self) -> usize {
        self.model.rows.len()
    }

    /// The person of a row: an index into `Workspace::asn`.
    pub fn person(&self, row: usize) -> usize {
        self.model.rows[row].asn
    }

    /// The row of a person (an index into `Workspace::asn`), if they are in
    /// the round. Rows follow the canonical order, which a decision on the
    /// person changes: a view that follows someone keeps the person.
    pub fn row_of_person(&self, asn: usize) -> Option<usize> {
        self.model.rows.iter().position(|r| r.asn == asn)
    }

    /// A row's current position (index into `Workspace::positions`).
    pub fn current(&self, row: usize) -> Option<usize> {
        self.model.rows[row].current
    }

    /// Where a row ends: its new position, or its current one when it
    /// stays (`None` for someone without a position who is not placed).
    pub fn destination(&self, row: usize) -> Option<usize> {
        self.model.slots[self.slot_of_row[row]].position
    }

    /// The row of the person with this NIP, if they are in the round.
    pub fn row_of(&self, ws: &Workspace, nip: &str) -> Option<usize> {
        self.model
            .rows
            .iter()
            .position(|r| ws.asn[r.asn].nip.as_str() == nip)
    }

    /// The row filling a column, if any.
    pub fn row_in_slot(&self) -> Vec<Option<usize>> {
        let mut out = vec![None; self.model.slots.len()];
        for (row, &k) in self.slot_of_row.iter().enumerate() {
            out[k] = Some(row);
        }
        out
    }
}

/// Finds a round and a scenario by id.
pub fn lookup<'a>(
    ws: &'a Workspace,
    round_id: &str,
    scenario_id: &str,
) -> Result<RoundInput<'a>, PlanError> {
    let round = ws
        .rounds
        .iter()
        .find(|r| r.id == round_id)
        .ok_or_else(|| PlanError::UnknownRound(round_id.to_string()))?;
    let scenario = round
        .scenarios
        .iter()
        .find(|s| s.id == scenario_id)
        .ok_or_else(|| PlanError::UnknownScenario(scenario_id.to_string()))?;
    Ok(RoundInput {
        ws,
        round,
        scenario,
    })
}

/// Computes the plan of a scenario.
pub fn plan(input: &RoundInput<'_>) -> Result<Plan, PlanError> {
    plan_by(input, Engine::CURRENT)
}

/// Computes the plan of a scenario with a given engine (a recorded plan's).
pub fn plan_by(input: &RoundInput<'_>, engine: Engine) -> Result<Plan, PlanError> {
    plan_model(input, RoundModel::build(input), engine)
}

/// Plans rounds keeping the last [`Prepared`] round: while the people,
/// positions, round and scenario rules stay the same (its
/// [`canonical::Fingerprints::model`]), a new plan only re-selects the
/// candidates under the scenario's weights and solves again. The plan is
/// the one [`plan`] makes (a test holds them equal after every kind of
/// edit).
#[derive(Clone, Debug, Default)]
pub struct Planner {
    cached: Option<(u64, Arc<Prepared>)>,
    builds: u64,
    world: canonical::WorldMemo,
}

impl Planner {
    /// The plan of a scenario, with the round built only when what it
    /// reads has changed.
    pub fn plan(&mut self, input: &RoundInput<'_>) -> Result<Plan, PlanError> {
        let key = self.fingerprints(input).model;
        self.plan_keyed(input, key)
    }

    /// The fingerprints of the round ([`canonical::fingerprints`]), reading
    /// the people and positions again only when they have changed.
    pub fn fingerprints(&mut self, input: &RoundInput<'_>) -> canonical::Fingerprints {
        canonical::fingerprints_with(input, &mut self.world)
    }

    /// Drops the cached round: the next plan builds it anew ("compute").
    pub fn forget(&mut self) {
        self.cached = None;
    }

    /// [`Planner::plan`] with the model fingerprint already computed.
    pub fn plan_keyed(&mut self, input: &RoundInput<'_>, key: u64) -> Result<Plan, PlanError> {
        let prepared = match &mut self.cached {
            Some((k, prepared)) if *k == key => {
                // Planned again: worth arranging its pairs (see
                // [`Prepared::arrange`]); no plan holds the round.
                if let Some(p) = Arc::get_mut(prepared) {
                    p.arrange();
                }
                Arc::clone(prepared)
            }
            _ => {
                let prepared = Arc::new(Prepared::build(input));
                self.builds += 1;
                self.cached = Some((key, Arc::clone(&prepared)));
                prepared
            }
        };
        plan_model(
            input,
            prepared.model(&input.scenario.weights),
            Engine::CURRENT,
        )
    }

    /// Arranges the cached round's pairs now (see [`Prepared::arrange`]),
    /// so that the next plan of it need not: for a worker with nothing
    /// else to do.
    pub fn arrange(&mut self) {
        if let Some(p) = self.cached.as_mut().and_then(|(_, p)| Arc::get_mut(p)) {
            p.arrange();
        }
    }

    /// How many times a round was built (not served from the cache).
    pub fn builds(&self) -> u64 {
        self.builds
    }
}

/// The plan of a scenario on its built round.
fn plan_model(
    input: &RoundInput<'_>,
    model: RoundModel,
    engine: Engine,
) -> Result<Plan, PlanError> {
    let market = stable::Market::build(input.ws, &input.scenario.stable, &model);
    let solved = match input.scenario.mode {
        Mode::Optimal => {
            let (slots, capped, floored) = solve_with_caps(input, &model, &[], engine)?;
            Solved {
                slot_of_row: slots,
                capped,
                floored,
                phase_one: None,
            }
        }
        Mode::Stable => {
            let at = stable::phase_one(input.ws, &model, &market);
            // Phase 2 keeps every phase-1 move.
            let fixed: Vec<(usize, usize)> = at
                .iter()
                .enumerate()
                .filter_map(|(row, &p)| {
                    let r = &model.rows[row];
                    let p = p?;
                    (r.pinned.is_none() && r.current != Some(p)).then_some((row, p))
                })
                .collect();
            let (slots, capped, floored) = solve_with_caps(input, &model, &fixed, engine)?;
            Solved {
                slot_of_row: slots,
                capped,
                floored,
                phase_one: Some(at),
            }
        }
    };
    Ok(finish(input, model, market, solved, engine))
}

/// What a mode's solver gives [`finish`].
struct Solved {
    slot_of_row: Vec<usize>,
    capped: Vec<usize>,
    floored: Vec<usize>,
    /// Stable mode: each row's position after phase 1.
    phase_one: Option<Vec<Option<usize>>>,
}

/// The pair behind a row's column.
pub fn pair_for(model: &RoundModel, row: usize, slot: usize) -> Candidate {
    if slot == model.rows[row].seat {
        return model.stay[row];
    }
    let position = model.slots[slot].position.unwrap_or(usize::MAX);
    let mut c = model.pair_at(row, position);
    c.terms.priority = model.slot_value[slot];
    c
}

/// The columns the solver sees (see [`Engine`]): each slot's column, each
/// position's columns, and how many slots each column stands for.
struct Columns {
    engine: Engine,
    of_slot: Vec<u32>,
    of_position: BTreeMap<usize, Vec<u32>>,
    /// The slots of each column, in the order incoming people take them.
    slots: Vec<Vec<usize>>,
}

impl Columns {
    fn new(model: &RoundModel, engine: Engine) -> Columns {
        let mut of_slot = Vec::with_capacity(model.slots.len());
        let mut slots: Vec<Vec<usize>> = Vec::new();
        // Engine 2: a column per (position, slot value), numbered as they
        // first appear in slot order; an unplaced slot stays its own.
        let mut merged: BTreeMap<(usize, i64), u32> = BTreeMap::new();
        for (k, slot) in model.slots.iter().enumerate() {
            let column = match (engine, slot.position) {
                (Engine::Positions, Some(p)) => *merged
                    .entry((p, model.slot_value[k]))
                    .or_insert(slots.len() as u32),
                _ => slots.len() as u32,
            };
            if column as usize == slots.len() {
                slots.push(Vec::new());
            }
            slots[column as usize].push(k);
            of_slot.push(column);
        }
        // Openings first, then added slots, then seats; each in slot order.
        let rank = |k: &usize| match model.slots[*k].kind {
            SlotKind::Opening(_) => 0,
            SlotKind::Manual => 1,
            SlotKind::Seat { .. } | SlotKind::Unplaced { .. } => 2,
        };
        for list in &mut slots {
            crate::core::sort::sort_by_key(list, |k| (rank(k), *k));
        }
        let of_position = model
            .slots_of
            .iter()
            .map(|(&p, ks)| {
                let mut cols: Vec<u32> = ks.iter().map(|&k| of_slot[k]).collect();
                crate::core::sort::sort(&mut cols);
                cols.dedup();
                (p, cols)
            })
            .collect();
        Columns {
            engine,
            of_slot,
            of_position,
            slots,
        }
    }

    fn capacity(&self) -> Vec<u32> {
        self.slots.iter().map(|s| s.len() as u32).collect()
    }

    /// Each row's slot from its column: a row on its own seat's column
    /// keeps its seat; the others take the column's remaining slots in
    /// order, in row order. A column's capacity is its number of slots, so
    /// each finds one; were one short, the row is named, not left without.
    fn slots_of_rows(
        &self,
        model: &RoundModel,
        column_of_row: &[usize],
    ) -> Result<Vec<usize>, AssignError> {
        let mut slot_of_row = vec![usize::MAX; column_of_row.len()];
        let mut taken = vec![false; model.slots.len()];
        for (row, &col) in column_of_row.iter().enumerate() {
            let seat = model.rows[row].seat;
            if self.of_slot[seat] as usize == col {
                slot_of_row[row] = seat;
                taken[seat] = true;
            }
        }
        let mut next = vec![0usize; self.slots.len()];
        for (row, &col) in column_of_row.iter().enumerate() {
            if slot_of_row[row] != usize::MAX {
                continue;
            }
            let list = &self.slots[col];
            while next[col] < list.len() && taken[list[next[col]]] {
                next[col] += 1;
            }
            let &k = list.get(next[col]).ok_or(AssignError::Infeasible { row })?;
            slot_of_row[row] = k;
            taken[k] = true;
        }
        Ok(slot_of_row)
    }
}

/// The sparse problem of the round over `columns`: each row's allowed
/// columns and costs (`cost` of the negated objective and whether the pair
/// is a move). `keep` forces rows to stay; `force` pins more (row,
/// position) pairs. A row's only pair in its own seat's column is staying.
fn problem<C: crate::core::assign::Cost>(
    model: &RoundModel,
    columns: &Columns,
    weights: &ObjectiveWeights,
    keep: &[bool],
    force: &[(usize, usize)],
    cost: impl Fn(i64, bool) -> C,
) -> Result<SparseProblem<C>, AssignError> {
    let n = model.rows.len();
    let mut forced: Vec<Option<usize>> = vec![None; n];
    for &(row, p) in force {
        forced[row] = Some(p);
    }
    let pin: Vec<Option<usize>> = model
        .rows
        .iter()
        .zip(forced)
        .map(|(r, forced)| r.pinned.as_ref().map(|(q, _)| *q).or(forced))
        .collect();
    // Whether a row may stay put, and whether staying is its only column.
    let may_stay: Vec<bool> = (0..n)
        .map(|row| keep[row] || pin[row].is_none_or(|q| Some(q) == model.rows[row].current))
        .collect();
    let stay_only: Vec<bool> = (0..n)
        .map(|row| may_stay[row] && (keep[row] || pin[row].is_some()))
        .collect();
    let own: Vec<u32> = model.rows.iter().map(|r| columns.of_slot[r.seat]).collect();
    let priority = i64::from(weights.priority);
    let column_value: Vec<i64> = columns
        .slots
        .iter()
        .map(|ks| ks.first().map_or(0, |&k| priority * model.slot_value[k]))
        .collect();
    // The candidates that may move to their position: a kept row stays
    // and has only its seat, a pinned one only its pin.
    let (pin, stay_only) = (&pin, &stay_only);
    let movers = || {
        model.candidates.iter().flat_map(|(&p, list)| {
            let cols = &columns.of_position[&p];
            list.iter()
                .filter(move |c| !stay_only[c.row] && pin[c.row].is_none_or(|q| q == p))
                .map(move |c| (c, cols))
        })
    };
    let mut count = vec![0usize; n + 1];
    for (c, cols) in movers() {
        count[c.row + 1] += cols.len() - usize::from(cols.contains(&own[c.row]));
    }
    for row in 0..n {
        count[row + 1] += usize::from(may_stay[row]);
    }
    for i in 0..n {
        count[i + 1] += count[i];
    }
    let start = count.clone();
    let mut next = count;
    let mut edges = vec![(0u32, C::ZERO); start[n]];
    for (c, cols) in movers() {
        let row = c.row;
        let base = c.terms.score(weights) - priority * c.terms.priority;
        for &column in cols {
            if column != own[row] {
                let value = base + column_value[column as usize];
                edges[next[row]] = (column, cost(-value, true));
                next[row] += 1;
            }
        }
    }
    for row in 0..n {
        if may_stay[row] {
            let value = model.stay[row].terms.score(weights);
            edges[next[row]] = (own[row], cost(-value, false));
            next[row] += 1;
        }
    }
    SparseProblem::from_segments(columns.slots.len(), start, edges)
}

/// Solves the optimal plan, with forced (row, position) pairs; returns each
/// row's column and the objective.
pub(crate) fn solve_optimal(
    model: &RoundModel,
    weights: &ObjectiveWeights,
    keep: &[bool],
    force: &[(usize, usize)],
    engine: Engine,
) -> Result<(Vec<usize>, i64), AssignError> {
    solve_on(model, &Columns::new(model, engine), weights, keep, force)
}

/// [`solve_optimal`] over columns already made (they depend on the round
/// only: the unit-cap loop solves the same round again and again).
fn solve_on(
    model: &RoundModel,
    columns: &Columns,
    weights: &ObjectiveWeights,
    keep: &[bool],
    force: &[(usize, usize)],
) -> Result<(Vec<usize>, i64), AssignError> {
    match columns.engine {
        Engine::Seats => {
            let p = problem(model, columns, weights, keep, force, |c, _| c)?;
            let s = sparse::solve(&p)?;
            Ok((s.row_to_col, -s.total))
        }
        Engine::Positions => solve_positions(model, columns, weights, keep, force, false),
    }
}

/// Engine 2's solve. Among plans with the same total, the fewest moves:
/// each cost is scaled above any count of moves, plus one per move. The
/// solver runs on `i64` while every distance it can reach fits with room
/// to spare (costs times the nodes, 16 times over), else on `i128`
/// (`wide`, or weights far beyond the sliders on a huge round): the same
/// integers and comparisons, so the same plan.
fn solve_positions(
    model: &RoundModel,
    columns: &Columns,
    weights: &ObjectiveWeights,
    keep: &[bool],
    force: &[(usize, usize)],
    wide: bool,
) -> Result<(Vec<usize>, i64), AssignError> {
    let capacity = columns.capacity();
    let scale = model.rows.len() as i64 + 1;
    let nodes = (model.rows.len() + columns.slots.len() + 1) as i64;
    let narrow = if wide {
        None
    } else {
        let p = problem(model, columns, weights, keep, force, |c, moves| {
            c.saturating_mul(scale).saturating_add(i64::from(moves))
        })?;
        let largest = p
            .costs()
            .iter()
            .map(|c| c.unsigned_abs())
            .max()
            .unwrap_or(0);
        let limit = (i64::MAX / 4) as u64 / (16 * nodes as u64);
        (largest <= limit).then_some(p)
    };
    let (row_to_col, total) = match narrow {
        Some(p) => {
            let s = capacity::solve(&p, &capacity)?;
            (s.row_to_col, i128::from(s.total))
        }
        None => {
            let p = problem(model, columns, weights, keep, force, |c, moves| {
                i128::from(c) * i128::from(scale) + i128::from(moves)
            })?;
            let s = capacity::solve(&p, &capacity)?;
            (s.row_to_col, s.total)
        }
    };
    let total = i64::try_from(total.div_euclid(i128::from(scale)))
        .map_err(|_| AssignError::BadCost { row: 0, col: 0 })?;
    Ok((columns.slots_of_rows(model, &row_to_col)?, -total))
}

/// Staffing floors (../shared/DOMAIN.md, "Holders, needs and floors"): a
/// position keeps at least its need (or what it holds, if fewer) when the
/// scenario's `floor_at_need` is on, a unit at least its
/// [`Constraint::UnitFloor`], and each matching unit its holders of a JF
/// family at least its [`Constraint::KindFloor`] (each floor or what was
/// held, if fewer).
struct Floors {
    /// Per position: its floor, and its holders who are not in the round.
    position: Vec<Option<(u32, u32)>>,
    /// Per unit floor and per unit a kind floor covers: the positions
    /// counted, the floor, the holders outside the round.
    units: Vec<(Vec<usize>, u32, u32)>,
}

impl Floors {
    fn new(input: &RoundInput<'_>, model: &RoundModel) -> Floors {
        let ws = input.ws;
        let any_unit = input.scenario.constraints.iter().any(|c| {
            matches!(
                c,
                Constraint::UnitFloor { .. } | Constraint::KindFloor { .. }
            )
        });
        // No floors (the usual scenario): nothing to count on every plan.
        if !input.scenario.rules.floor_at_need && !any_unit {
            return Floors {
                position: Vec::new(),
                units: Vec::new(),
            };
        }
        let before = report::holders_before(ws);
        let mut in_round = vec![0u32; ws.positions.len()];
        for r in &model.rows {
            if let Some(p) = r.current {
                in_round[p] += 1;
            }
        }
        let position = (0..ws.positions.len())
            .map(|p| {
                input
                    .scenario
                    .rules
                    .floor_at_need
                    .then(|| (ws.positions[p].need.min(before[p]), before[p] - in_round[p]))
            })
            .collect();
        let group = |positions: Vec<usize>, min: u32| {
            let staff: u32 = positions.iter().map(|&p| before[p]).sum();
            let outside: u32 = positions.iter().map(|&p| before[p] - in_round[p]).sum();
            (positions, min.min(staff), outside)
        };
        // Each functional position's family among the kind floors' (the
        // longest match), computed once.
        let families: Vec<&str> = input
            .scenario
            .constraints
            .iter()
            .flat_map(|c| match c {
                Constraint::KindFloor { families, .. } => families.as_slice(),
                _ => &[],
            })
            .map(String::as_str)
            .collect();
        let family_of: Vec<Option<String>> = if families.is_empty() {
            Vec::new()
        } else {
            ws.positions
                .iter()
                .map(|p| {
                    let jf = crate::core::move_class::jf_of(p)?;
                    families
                        .iter()
                        .filter(|f| crate::core::move_class::in_family(&jf, f))
                        .max_by_key(|f| f.len())
                        .map(|f| crate::core::move_class::jf_key(f))
                })
                .collect()
        };
        let mut units = Vec::new();
        for c in &input.scenario.constraints {
            match c {
                Constraint::UnitFloor { unit, min } => {
                    let positions: Vec<usize> = (0..ws.positions.len())
                        .filter(|&p| &ws.positions[p].unit == unit)
                        .collect();
                    units.push(group(positions, *min));
                }
                Constraint::KindFloor {
                    units: pattern,
                    families,
                    min,
                } => {
                    let pattern = compact(pattern);
                    let keys: Vec<String> = families
                        .iter()
                        .map(|f| crate::core::move_class::jf_key(f))
                        .collect();
                    let counts = |p: usize| {
                        family_of
                            .get(p)
                            .and_then(Option::as_ref)
                            .is_some_and(|f| keys.contains(f))
                    };
                    for unit in ws.agencies.iter().flat_map(|a| a.units.iter()) {
                        if pattern.is_empty() || !compact(&unit.name).contains(&pattern) {
                            continue;
                        }
                        let positions: Vec<usize> = (0..ws.positions.len())
                            .filter(|&p| ws.positions[p].unit == unit.id && counts(p))
                            .collect();
                        if !positions.is_empty() {
                            units.push(group(positions, *min));
                        }
                    }
                }
                _ => {}
            }
        }
        Floors { position, units }
    }

    /// A row to keep in place because its departure takes a position or
    /// unit below its floor: of the free movers leaving the first such
    /// position or unit, the one whose move gains least.
    fn leaver_to_keep(
        &self,
        model: &RoundModel,
        slots: &[usize],
        free_mover: &dyn Fn(usize) -> bool,
        gain: &dyn Fn(usize) -> i64,
    ) -> Option<usize> {
        if self.units.is_empty() && self.position.iter().all(Option::is_none) {
            return None;
        }
        let mut after = vec![0u32; self.position.len()];
        for &k in slots {
            if let Some(p) = model.slots[k].position {
                after[p] += 1;
            }
        }
        let leaving = |inside: &dyn Fn(usize) -> bool| {
            (0..model.rows.len())
                .filter(|&row| {
                    free_mover(row)
                        && model.rows[row].current.is_some_and(inside)
                        && model.slots[slots[row]].position.is_none_or(|q| !inside(q))
                })
                .min_by_key(|&r| (gain(r), r))
        };
        for (p, floor) in self.position.iter().enumerate() {
            if let Some((floor, outside)) = floor {
                if outside + after[p] < *floor {
                    if let Some(row) = leaving(&|q| q == p) {
                        return Some(row);
                    }
                }
            }
        }
        for (positions, floor, outside) in &self.units {
            let staff: u32 = outside + positions.iter().map(|&p| after[p]).sum::<u32>();
            if staff < *floor {
                if let Some(row) = leaving(&|q| positions.contains(&q)) {
                    return Some(row);
                }
            }
        }
        None
    }
}

/// Each row's slot, and the rows kept in place by a unit cap and by a
/// staffing floor.
type CappedSolve = (Vec<usize>, Vec<usize>, Vec<usize>);

/// The optimal plan under the scenario's unit caps, with forced (row,
/// position) pairs (phase 2 of stable mode: the phase-1 moves).
fn solve_with_caps(
    input: &RoundInput<'_>,
    model: &RoundModel,
    force: &[(usize, usize)],
    engine: Engine,
) -> Result<CappedSolve, PlanError> {
    let weights = &input.scenario.weights;
    let overpinned = |e: AssignError| match e {
        AssignError::Infeasible { row } => PlanError::Overpinned {
            asn: input.ws.asn[model.rows[row].asn].nip.clone(),
        },
        _ => PlanError::Solver(e.to_string()),
    };
    let caps: Vec<(&UnitId, u8)> = input
        .scenario
        .constraints
        .iter()
        .filter_map(|c| match c {
            Constraint::UnitCap { unit, max_percent } => Some((unit, *max_percent)),
            _ => None,
        })
        .collect();
    let mut keep = vec![false; model.rows.len()];
    let mut forced = vec![false; model.rows.len()];
    for &(row, _) in force {
        forced[row] = true;
    }
    let mut capped = Vec::new();
    let mut floored = Vec::new();
    let columns = Columns::new(model, engine);
    let floors = Floors::new(input, model);
    loop {
        let (slots, _) = solve_on(model, &columns, weights, &keep, force).map_err(overpinned)?;
        // Keep the mover whose move gains least over staying.
        let gain = |row: usize| {
            pair_for(model, row, slots[row]).terms.score(weights)
                - model.stay[row].terms.score(weights)
        };
        let free_mover = |row: usize| {
            slots[row] != model.rows[row].seat && model.rows[row].pinned.is_none() && !forced[row]
        };
        // Staff per unit (everyone holding a position there) and movers out.
        let mut violation = None;
        for &(unit, max_percent) in &caps {
            let staff = input
                .ws
                .asn
                .iter()
                .filter(|a| {
                    a.position.as_ref().is_some_and(|c| {
                        input
                            .ws
                            .positions
                            .iter()
                            .any(|p| p.id == c.position && &p.unit == unit)
                    })
                })
                .count();
            let allowed = staff * usize::from(max_percent.min(100)) / 100;
            let movers: Vec<usize> = (0..model.rows.len())
                .filter(|&row| {
                    free_mover(row)
                        && model.rows[row]
                            .current
                            .is_some_and(|p| &input.ws.positions[p].unit == unit)
                })
                .collect();
            if movers.len() > allowed {
                let row = movers.iter().copied().min_by_key(|&r| (gain(r), r));
                violation = row.map(|r| (r, false));
                break;
            }
        }
        if violation.is_none() {
            violation = floors
                .leaver_to_keep(model, &slots, &free_mover, &gain)
                .map(|r| (r, true));
        }
        match violation {
            Some((row, floor)) => {
                keep[row] = true;
                if floor {
                    floored.push(row);
                } else {
                    capped.push(row);
                }
            }
            None => return Ok((slots, capped, floored)),
        }
    }
}

fn finish(
    input: &RoundInput<'_>,
    model: RoundModel,
    market: stable::Market,
    s: Solved,
    engine: Engine,
) -> Plan {
    let chosen: Vec<Candidate> = s
        .slot_of_row
        .iter()
        .enumerate()
        .map(|(row, &k)| pair_for(&model, row, k))
        .collect();
    let phases = match &s.phase_one {
        None => Vec::new(),
        Some(at) => (0..model.rows.len())
            .map(|row| {
                let r = &model.rows[row];
                if r.pinned.is_some() {
                    stable::Phase::Decision
                } else if at[row].is_some() && at[row] != r.current {
                    stable::Phase::Wishes
                } else {
                    stable::Phase::Needs
                }
            })
            .collect(),
    };
    let mut plan = Plan {
        mode: input.scenario.mode,
        engine,
        model,
        slot_of_row: s.slot_of_row,
        chosen,
        capped: s.capped,
        floored: s.floored,
        phases,
        market,
        chains: Vec::new(),
        metrics: Metrics::default(),
    };
    plan.chains = chains(&plan);
    plan.metrics = metrics(input, &plan, s.phase_one.as_deref());
    plan
}

fn chains(plan: &Plan) -> Vec<Vec<usize>> {
    let model = &plan.model;
    let occupant = plan.row_in_slot();
    let filler_of_seat = |row: usize| occupant[model.rows[row].seat].filter(|&q| q != row);
    let mut seen = vec![false; model.rows.len()];
    // From `row`, follow who fills each vacated seat until none or a repeat.
    let walk = |row: usize, seen: &mut [bool]| {
        let mut chain = vec![row];
        seen[row] = true;
        let mut at = row;
        while let Some(next) = filler_of_seat(at) {
            if seen[next] {
                break;
            }
            seen[next] = true;
            chain.push(next);
            at = next;
        }
        chain
    };
    let mut out = Vec::new();
    for (row, &k) in plan.slot_of_row.iter().enumerate() {
        if matches!(model.slots[k].kind, SlotKind::Opening(_) | SlotKind::Manual) && plan.moved(row)
        {
            out.push(walk(row, &mut seen));
        }
    }
    // What remains among movers are cycles of seat swaps.
    for row in 0..model.rows.len() {
        if plan.moved(row) && !seen[row] {
            out.push(walk(row, &mut seen));
        }
    }
    out
}

fn metrics(input: &RoundInput<'_>, plan: &Plan, phase_one: Option<&[Option<usize>]>) -> Metrics {
    let model = &plan.model;
    let weights = &input.scenario.weights;
    let occupant = plan.row_in_slot();
    let mut m = Metrics {
        people: model.rows.len(),
        excluded: model.excluded.len(),
        ..Metrics::default()
    };
    let mut fit_sum = 0u64;
    for (row, c) in plan.chosen.iter().enumerate() {
        m.objective += c.terms.score(weights);
        let asn = &input.ws.asn[model.rows[row].asn];
        if !asn.preferences.is_empty() {
            m.with_preferences += 1;
        }
        if !plan.moved(row) {
            continue;
        }
        m.moves += 1;
        fit_sum += u64::from(c.fit_milli);
        match JpmCategory::of(c.jpm_permille) {
            JpmCategory::Ms => m.ms += 1,
            JpmCategory::Mms => m.mms += 1,
            JpmCategory::Kms => m.kms += 1,
        }
        if c.preference_rank == Some(0) {
            m.first_choice += 1;
        }
        if c.preference_rank.is_some_and(|r| r < 3) {
            m.top_three += 1;
        }
        m.total_distance_km += u64::from(c.distance_km);
        if occupant[model.rows[row].seat].is_none() {
            m.seats_vacated += 1;
        }
    }
    m.mean_fit_milli = if m.moves == 0 {
        0
    } else {
        ((fit_sum + m.moves as u64 / 2) / m.moves as u64) as u32
    };
    let mut count_opening = |pr: Priority, filled: bool| {
        m.openings += 1;
        m.openings_filled += usize::from(filled);
        if pr == Priority::Mendesak {
            m.urgent += 1;
            m.urgent_filled += usize::from(filled);
        }
    };
    for (k, s) in model.slots.iter().enumerate() {
        if let SlotKind::Opening(pr) = s.kind {
            count_opening(pr, occupant[k].is_some());
        }
    }
    // Openings that are not slots of their own: a structural post's seat
    // (filled when someone else takes it), or slots the need refused.
    for w in &model.withheld {
        match w.why {
            model::WithheldWhy::HolderLeaves { row } => {
                let seat = model.rows[row].seat;
                count_opening(w.priority, occupant[seat].is_some_and(|q| q != row));
            }
            _ => {
                for _ in w.given..w.asked {
                    count_opening(w.priority, false);
                }
            }
        }
    }
    let ws = input.ws;
    let market = &plan.market;
    m.participants = model.participant.iter().filter(|&&p| p).count();
    let dest: Vec<Option<usize>> = (0..model.rows.len())
        .map(|row| plan.destination(row))
        .collect();
    m.justified_envy = stable::justified_envy(ws, model, market, &dest, &|row| plan.chosen[row]);
    if let Some(at) = phase_one {
        let mut p = PhaseMetrics {
            wish_envy: stable::justified_envy(ws, model, market, at, &|row| match at[row] {
                Some(q) => model.pair_at(row, q),
                None => model.stay[row],
            }),
            ..PhaseMetrics::default()
        };
        for row in 0..model.rows.len() {
            match plan.phase(row) {
                Some(stable::Phase::Decision) => p.decision_moves += 1,
                Some(stable::Phase::Wishes) => p.wish_moves += 1,
                Some(stable::Phase::Needs) => p.need_moves += 1,
                None => {}
            }
        }
        for (k, s) in model.slots.iter().enumerate() {
            if let (SlotKind::Opening(_), Some(row)) = (s.kind, occupant[k]) {
                match plan.phase(row) {
                    Some(stable::Phase::Decision) => p.decision_openings_filled += 1,
                    Some(stable::Phase::Wishes) => p.wish_openings_filled += 1,
                    Some(stable::Phase::Needs) => p.need_openings_filled += 1,
                    None => {}
                }
            }
        }
        m.phases = Some(p);
    }
    m
}

/// Plans every scenario of a round, in the round's order.
pub fn plan_all(ws: &Workspace, round: &Round) -> BTreeMap<String, Result<Plan, PlanError>> {
    crate::core::sort::map_from(round.scenarios.iter().map(|s| {
        (
            s.id.clone(),
            plan(&RoundInput {
                ws,
                round,
                scenario: s,
            }),
        )
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::{generate, DemoConfig};

    #[test]
    fn engine_2_plans_the_same_on_narrow_and_wide_integers() {
        let ws = generate(&DemoConfig {
            asn: 1_500,
            seed: 2026,
            ..DemoConfig::default()
        });
        let round = ws.open_round().unwrap();
        for scenario in &round.scenarios {
            let model = RoundModel::build(&RoundInput {
                ws: &ws,
                round,
                scenario,
            });
            let columns = Columns::new(&model, Engine::Positions);
            let keep = vec![false; model.rows.len()];
            let w = &scenario.weights;
            let narrow = solve_positions(&model, &columns, w, &keep, &[], false).unwrap();
            let wide = solve_positions(&model, &columns, w, &keep, &[], true).unwrap();
            assert_eq!(narrow, wide);
            // Weights far beyond the sliders still plan (on i128 if need be).
            let huge = ObjectiveWeights {
                fit: u16::MAX,
                preference: u16::MAX,
                priority: u16::MAX,
                distance: u16::MAX,
                stability: u16::MAX,
                refreshment: u16::MAX,
            };
            let a = solve_positions(&model, &columns, &huge, &keep, &[], false).unwrap();
            let b = solve_positions(&model, &columns, &huge, &keep, &[], true).unwrap();
            assert_eq!(a, b);
        }
    }
}
