//! Stable mode: a transfer market in two phases, and the justified-envy
//! count of any plan.
//!
//! **Phase 1 — the ASN's own wishes.** Deferred acceptance (Gale–Shapley),
//! ASN proposing, among the participants: everyone with stated wishes (a
//! preference card or wishes the analyst recorded), and — when the scenario
//! says so ([`WithoutWishes::NearDomicile`]) — everyone without wishes, who
//! then accepts any opening of the round in their domicile regency.
//! - A participant ranks exactly their wishes, in their order, above
//!   staying. A wish naming a unit, an agency or a regency covers all its
//!   positions the person may lawfully take; among them the person prefers
//!   the higher Profile Matching fit, then the nearer seat, then the
//!   position's order in the workspace. A wish that already covers the
//!   person's current position is met by staying: it and the wishes after
//!   it are not proposed. Nothing here reads the analyst's objective
//!   weights.
//! - A position ranks the people who propose to it: a manual decision
//!   first, then its incumbents (who can always keep their seat), then by
//!   the published points ([`PointsFormula`], [`points`]), highest first.
//!   Ties: the higher fit, then the longer time in the current position,
//!   then the round's canonical order of the people
//!   ([`super::canonical`]), which no name, NIP or place in the file
//!   decides.
//! - A position holds as many people as it has columns in the round (its
//!   openings and the seats of its incumbents in the round).
//!
//! The result is stable among the participants (zero justified envy) and
//! strategy-proof for them: ranking one's true wishes can never hurt. Who
//! gets none of their wishes is, from then on, exactly like someone who sent
//! none (removing a proposer who ends at home changes nobody's outcome).
//!
//! **Phase 2 — the organisation's needs.** The optimal assignment of the
//! engine ([`super::solve_with_caps`]) on the whole round, with every
//! phase-1 move fixed: it fills what is still vacant (the remaining
//! openings and the seats phase 1 left) with the remaining movable people,
//! lawful moves only, and never displaces a phase-1 outcome.
//!
//! Justified envy is counted with the same wishes and points for any plan,
//! so an optimal plan's count is comparable.

use super::model::{Candidate, RoundModel, Row, Slot, SlotKind};
use crate::core::date::Date;
use crate::core::model::*;
use std::collections::{BTreeMap, BinaryHeap};

/// Where a move of a stable plan comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Phase {
    /// A manual decision or a scenario pin.
    Decision,
    /// Phase 1: the person's own wish.
    Wishes,
    /// Phase 2: the organisation's needs.
    Needs,
}

impl Phase {
    /// The plan-file style code (`data-phase` in the pages).
    pub fn code(self) -> &'static str {
        match self {
            Phase::Decision => "decision",
            Phase::Wishes => "wishes",
            Phase::Needs => "needs",
        }
    }
}

/// A person's points at a position, by component of the formula.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Points {
    pub fit: i64,
    pub years: i64,
    pub own_request: i64,
    pub family: i64,
    pub near: i64,
}

impl Points {
    pub fn total(&self) -> i64 {
        self.fit + self.years + self.own_request + self.family + self.near
    }
}

/// The published points of a pair: fit × `fit` / 1000 (rounded), whole
/// years in the current position (at most [`PointsFormula::MAX_YEARS`]) ×
/// `per_year_in_position`, `own_request` once, `family` when the first wish
/// naming the position gives family reasons, and `near_domicile` × (420 −
/// km) / 420 (nothing from 420 km).
pub fn points(formula: &PointsFormula, asn: &Asn, c: &Candidate, on: Date) -> Points {
    points_after(formula, asn, c, asn.months_in_position(on).unwrap_or(0))
}

/// [`points`] with the whole months in the current position known (0
/// without one).
fn points_after(formula: &PointsFormula, asn: &Asn, c: &Candidate, months: i32) -> Points {
    let years = (months / 12).clamp(0, PointsFormula::MAX_YEARS);
    let family = c
        .preference_rank
        .and_then(|k| asn.preferences.get(k))
        .is_some_and(|p| p.reason == PreferenceReason::Family);
    let far = super::terms::FAR_KM;
    Points {
        fit: (i64::from(c.fit_milli) * i64::from(formula.fit) + 500) / 1000,
        years: i64::from(years) * i64::from(formula.per_year_in_position),
        own_request: if asn.own_request {
            i64::from(formula.own_request)
        } else {
            0
        },
        family: if family { i64::from(formula.family) } else { 0 },
        near: i64::from(formula.near_domicile) * (far - i64::from(c.distance_km).min(far)) / far,
    }
}

/// A position's priority key for a person: smaller is better. (not pinned
/// here, not an incumbent, −points, −fit, −months in position, NIP rank).
type Key = (u8, u8, i64, i64, i64, u32);

/// Phase 1's ranked options of each participant (`RoundModel::participant`)
/// and what a position needs to rank people.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Market {
    /// Each participant's options, best first, as (position, index into
    /// `model.candidates[position]`); staying follows the last. Positions a
    /// participant could never get are left out: every column is the seat
    /// of someone who does not take part and is not pinned elsewhere.
    pub lists: Vec<Vec<(usize, u32)>>,
    /// Each row's whole months in the current position (0 without one).
    months: Vec<i32>,
    formula: PointsFormula,
}

impl Market {
    /// The market of a round model under a scenario's settings.
    pub fn build(ws: &Workspace, settings: &StableSettings, model: &RoundModel) -> Market {
        let rows = &model.rows;
        let (participant, attainable) = (&model.participant, &model.attainable);
        // (wish, −fit, km, position, index) per participant.
        type Entry = (usize, i64, u32, usize, u32);
        let mut entries: Vec<Vec<Entry>> = vec![Vec::new(); rows.len()];
        for (&p, list) in &model.candidates {
            if !attainable.get(&p).copied().unwrap_or(false) {
                continue;
            }
            let opening = has_opening(model, p);
            for (i, c) in list.iter().enumerate() {
                if !participant[c.row] {
                    continue;
                }
                let asn = &ws.asn[rows[c.row].asn];
                if let Some(wish) = wish_of(asn, c, opening) {
                    entries[c.row].push((
                        wish,
                        -i64::from(c.fit_milli),
                        c.distance_km,
                        p,
                        i as u32,
                    ));
                }
            }
        }
        let lists = entries
            .into_iter()
            .enumerate()
            .map(|(row, mut e)| {
                if e.is_empty() {
                    return Vec::new();
                }
                // A wish covering the current position is met by staying.
                let cut = rows[row].current.and_then(|cp| {
                    let pos = &ws.positions[cp];
                    let seat = ws.position_seat(pos);
                    super::model::preference_rank(&ws.asn[rows[row].asn], pos, seat)
                });
                if let Some(cut) = cut {
                    e.retain(|x| x.0 < cut);
                }
                crate::core::sort::sort(&mut e);
                e.into_iter().map(|x| (x.3, x.4)).collect()
            })
            .collect();
        let months = rows
            .iter()
            .map(|r| {
                ws.asn[r.asn]
                    .months_in_position(model.effective)
                    .unwrap_or(0)
            })
            .collect();
        Market {
            lists,
            months,
            formula: settings.points.clone(),
        }
    }

    /// The points formula the positions publish.
    pub fn formula(&self) -> &PointsFormula {
        &self.formula
    }

    /// A participant's options with their pairs, best first.
    pub fn options<'m>(
        &'m self,
        model: &'m RoundModel,
        row: usize,
    ) -> impl Iterator<Item = &'m Candidate> + 'm {
        self.lists
            .get(row)
            .into_iter()
            .flatten()
            .filter_map(move |&(p, i)| model.candidates.get(&p)?.get(i as usize))
    }

    /// The points of a pair under this market's formula.
    pub fn points(&self, ws: &Workspace, model: &RoundModel, c: &Candidate) -> Points {
        let asn = &ws.asn[model.rows[c.row].asn];
        match self.months.get(c.row) {
            Some(&months) => points_after(&self.formula, asn, c, months),
            None => points(&self.formula, asn, c, model.effective),
        }
    }

    /// Position `p`'s priority key for the pair `c` (smaller is better).
    fn key(&self, ws: &Workspace, model: &RoundModel, p: usize, c: &Candidate) -> Key {
        let row = c.row;
        let r = &model.rows[row];
        let pinned = r.pinned.as_ref().is_some_and(|(q, _)| *q == p);
        let incumbent = r.current == Some(p);
        let points = if pinned || incumbent {
            0
        } else {
            self.points(ws, model, c).total()
        };
        (
            u8::from(!pinned),
            u8::from(!incumbent),
            -points,
            -i64::from(c.fit_milli),
            -i64::from(self.months[row]),
            // Rows are in the canonical order.
            row as u32,
        )
    }
}

/// Phase 1's participants: rows with wishes (or, by the scenario's choice,
/// every row without), never a pinned row.
pub(crate) fn participants(ws: &Workspace, settings: &StableSettings, rows: &[Row]) -> Vec<bool> {
    rows.iter()
        .map(|r| {
            r.pinned.is_none()
                && (!ws.asn[r.asn].preferences.is_empty()
                    || settings.without_wishes == WithoutWishes::NearDomicile)
        })
        .collect()
}

/// Positions phase 1 can give anyone: an opening, a manual column, or the
/// seat of someone who may leave (a participant, or pinned elsewhere).
pub(crate) fn attainable(
    slots: &[Slot],
    slots_of: &BTreeMap<usize, Vec<usize>>,
    rows: &[Row],
    participant: &[bool],
) -> BTreeMap<usize, bool> {
    crate::core::sort::map_from(slots_of.iter().map(|(&p, cols)| {
        let open = cols.iter().any(|&k| match slots[k].kind {
            SlotKind::Seat { holder } => {
                participant[holder] || rows[holder].pinned.as_ref().is_some_and(|(q, _)| *q != p)
            }
            _ => true,
        });
        (p, open)
    }))
}

/// Whether position `p` has an opening of the round.
pub(crate) fn has_opening(model_slots: &RoundModel, p: usize) -> bool {
    opening_among(&model_slots.slots, &model_slots.slots_of, p)
}

pub(crate) fn opening_among(
    slots: &[Slot],
    slots_of: &BTreeMap<usize, Vec<usize>>,
    p: usize,
) -> bool {
    slots_of.get(&p).is_some_and(|cols| {
        cols.iter()
            .any(|&k| matches!(slots[k].kind, SlotKind::Opening(_)))
    })
}

/// The wish (0 = first) a participant's pair answers, before the cut at
/// the current position: the first wish naming the position; for someone
/// without wishes (taken near their domicile) an opening seated in the
/// domicile regency (0 km) answers their one implicit wish.
pub(crate) fn wish_of(asn: &Asn, c: &Candidate, opening: bool) -> Option<usize> {
    if asn.preferences.is_empty() {
        (opening && c.distance_km == 0).then_some(0)
    } else {
        c.preference_rank
    }
}

fn capacity(model: &RoundModel, p: usize) -> usize {
    model.slots_of.get(&p).map_or(0, Vec::len)
}

/// Phase 1: deferred acceptance. Returns each row's position after it
/// (`None`: without one — someone unplaced, or an incumbent a manual
/// decision took the seat of).
pub fn phase_one(ws: &Workspace, model: &RoundModel, market: &Market) -> Vec<Option<usize>> {
    let n = model.rows.len();
    // Each row's proposals, best first.
    let proposals: Vec<Vec<(usize, Candidate)>> = (0..n)
        .map(|row| {
            let r = &model.rows[row];
            if let Some((p, _)) = r.pinned {
                return vec![(p, model.pair_at(row, p))];
            }
            let mut list: Vec<(usize, Candidate)> = if model.participant[row] {
                market
                    .options(model, row)
                    .map(|c| (c.position, *c))
                    .collect()
            } else {
                Vec::new()
            };
            if let Some(p) = r.current {
                list.push((p, model.stay[row]));
            }
            list
        })
        .collect();
    let mut next = vec![0usize; n];
    let mut held: BTreeMap<usize, BinaryHeap<(Key, usize)>> = BTreeMap::new();
    let mut at: Vec<Option<usize>> = vec![None; n];
    let mut queue: Vec<usize> = (0..n).rev().collect();
    while let Some(row) = queue.pop() {
        let Some(&(p, c)) = proposals[row].get(next[row]) else {
            continue;
        };
        next[row] += 1;
        let heap = held.entry(p).or_default();
        heap.push((market.key(ws, model, p, &c), row));
        at[row] = Some(p);
        if heap.len() > capacity(model, p) {
            if let Some((_, rejected)) = heap.pop() {
                at[rejected] = None;
                queue.push(rejected);
            }
        }
    }
    at
}

/// The number of (participant, position) pairs with justified envy when
/// each row ends at `dest[row]` with the pair `pair(row)`: the participant
/// ranks the position above their outcome (staying ranks after every
/// option, a move they did not wish after staying), and the position has
/// room or holds someone it ranks lower.
pub fn justified_envy(
    ws: &Workspace,
    model: &RoundModel,
    market: &Market,
    dest: &[Option<usize>],
    pair: &dyn Fn(usize) -> Candidate,
) -> usize {
    // Per position: who it took, the worst of them by its key, its slots.
    let positions = ws.positions.len();
    let mut count = vec![0usize; positions];
    let mut worst: Vec<Option<Key>> = vec![None; positions];
    for (row, d) in dest.iter().enumerate() {
        if let Some(p) = *d {
            count[p] += 1;
            let key = market.key(ws, model, p, &pair(row));
            worst[p] = worst[p].max(Some(key));
        }
    }
    let mut slots = vec![0usize; positions];
    for (&p, ks) in &model.slots_of {
        slots[p] = ks.len();
    }
    let mut envy = 0;
    let mut options: Vec<&Candidate> = Vec::new();
    for (row, &outcome) in dest.iter().enumerate() {
        if !model.participant.get(row).copied().unwrap_or(false) {
            continue;
        }
        options.clear();
        options.extend(market.options(model, row));
        let rank = if outcome == model.rows[row].current {
            options.len()
        } else {
            options
                .iter()
                .position(|c| Some(c.position) == outcome)
                .unwrap_or(options.len() + 1)
        };
        for c in options.iter().take(rank) {
            let p = c.position;
            let room = count[p] < slots[p];
            let lower = || worst[p].is_some_and(|w| w > market.key(ws, model, p, c));
            if room || lower() {
                envy += 1;
            }
        }
    }
    envy
}
