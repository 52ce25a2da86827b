//! Stable mode: deferred acceptance (Gale–Shapley), ASN proposing, and the
//! justified-envy count of any plan.
//!
//! - A person ranks the positions they are a candidate for, and their own,
//!   by their own utility: `preference · w_preference − distance ·
//!   w_distance + stability · w_stability` (the terms of [`super::terms`]).
//!   Positions ranked below their own are dropped: staying is always possible.
//!   Ties: lower position index first.
//! - A position ranks people: pinned by a decision first, then its incumbents
//!   (who can always return to their seat), then by Profile Matching fit,
//!   highest first. Ties: workspace order (the row index).
//! - A position holds as many people as it has slots in the round (its
//!   openings and the seats of its incumbents in the round).
//!
//! Proposing people get their best stable outcome and cannot gain by lying
//! about their preferences. The same utilities and priorities define
//! justified envy for any plan, so the optimal plan's count is comparable.

use super::model::{Candidate, RoundModel, SlotKind};
use crate::core::model::ObjectiveWeights;
use std::collections::VecDeque;

/// A person's own utility of a pair.
pub fn utility(c: &Candidate, w: &ObjectiveWeights) -> i64 {
    i64::from(w.preference) * c.terms.preference - i64::from(w.distance) * c.terms.distance
        + i64::from(w.stability) * c.terms.stability
}

/// Each row's acceptable positions with their pairs: every position the row
/// is a candidate of, plus its own position (staying).
fn options(model: &RoundModel) -> Vec<Vec<(usize, Candidate)>> {
    let mut by_row: Vec<Vec<(usize, Candidate)>> = vec![Vec::new(); model.rows.len()];
    for (&p, list) in &model.candidates {
        for c in list {
            let pinned = model.rows[c.row].pinned.as_ref().map(|(q, _)| *q);
            if pinned.is_none_or(|q| q == p) {
                by_row[c.row].push((p, *c));
            }
        }
    }
    for (row, r) in model.rows.iter().enumerate() {
        if let Some(p) = r.current {
            let pinned_elsewhere = r.pinned.as_ref().is_some_and(|(q, _)| *q != p);
            if !pinned_elsewhere {
                by_row[row].push((p, model.stay[row]));
            }
        }
    }
    by_row
}

/// A position's priority key for a row: smaller is better.
fn priority(model: &RoundModel, p: usize, row: usize, fit_milli: u32) -> (u8, u8, i64, usize) {
    let r = &model.rows[row];
    let pinned = r.pinned.as_ref().is_some_and(|(q, _)| *q == p);
    let incumbent = r.current == Some(p);
    (
        u8::from(!pinned),
        u8::from(!incumbent),
        -i64::from(fit_milli),
        row,
    )
}

fn capacity(model: &RoundModel, p: usize) -> usize {
    model.slots_of.get(&p).map_or(0, Vec::len)
}

/// Runs deferred acceptance and returns each row's column.
pub fn deferred_acceptance(model: &RoundModel, w: &ObjectiveWeights) -> Vec<usize> {
    let opts = options(model);
    // Preference lists, truncated after the own position.
    let lists: Vec<Vec<(usize, u32)>> = opts
        .iter()
        .enumerate()
        .map(|(row, o)| {
            let mut sorted: Vec<&(usize, Candidate)> = o.iter().collect();
            crate::core::sort::sort_by(&mut sorted, |a, b| {
                utility(&b.1, w).cmp(&utility(&a.1, w)).then(a.0.cmp(&b.0))
            });
            let mut list = Vec::new();
            for (p, c) in sorted {
                list.push((*p, c.fit_milli));
                if Some(*p) == model.rows[row].current {
                    break;
                }
            }
            list
        })
        .collect();
    let mut next = vec![0usize; model.rows.len()];
    let mut held: std::collections::BTreeMap<usize, Vec<(usize, u32)>> =
        std::collections::BTreeMap::new();
    let mut queue: VecDeque<usize> = (0..model.rows.len()).collect();
    while let Some(row) = queue.pop_front() {
        let Some(&(p, fit)) = lists[row].get(next[row]) else {
            continue;
        };
        next[row] += 1;
        let list = held.entry(p).or_default();
        list.push((row, fit));
        crate::core::sort::sort_by_key(list, |&(r, f)| priority(model, p, r, f));
        if list.len() > capacity(model, p) {
            if let Some((rejected, _)) = list.pop() {
                queue.push_back(rejected);
            }
        }
    }
    // Seats: incumbents who stay keep theirs; the others fill the position's
    // free columns, best-valued first.
    let mut slot_of_row: Vec<usize> = model.rows.iter().map(|r| r.seat).collect();
    for (p, list) in &held {
        let staying: Vec<usize> = list
            .iter()
            .map(|&(r, _)| r)
            .filter(|&r| model.rows[r].current == Some(*p))
            .collect();
        let mut free: Vec<usize> = model.slots_of[p]
            .iter()
            .copied()
            .filter(|&k| match model.slots[k].kind {
                SlotKind::Seat { holder } => !staying.contains(&holder),
                _ => true,
            })
            .collect();
        crate::core::sort::sort_by(&mut free, |&a, &b| {
            model.slot_value[b]
                .cmp(&model.slot_value[a])
                .then(a.cmp(&b))
        });
        let mut free = free.into_iter();
        for &(r, _) in list {
            if model.rows[r].current == Some(*p) {
                slot_of_row[r] = model.rows[r].seat;
            } else if let Some(k) = free.next() {
                slot_of_row[r] = k;
            }
        }
    }
    slot_of_row
}

/// The number of (person, position) pairs with justified envy in a plan:
/// the person prefers the position to their outcome, and the position has
/// room or holds someone it ranks lower.
pub fn justified_envy(model: &RoundModel, w: &ObjectiveWeights, slot_of_row: &[usize]) -> usize {
    let opts = options(model);
    let position_of = |row: usize| model.slots[slot_of_row[row]].position;
    let mut held: std::collections::BTreeMap<usize, Vec<(usize, u32)>> =
        std::collections::BTreeMap::new();
    let mut current_utility = vec![0i64; model.rows.len()];
    for row in 0..model.rows.len() {
        if let Some(p) = position_of(row) {
            let pair = opts[row]
                .iter()
                .find(|(q, _)| *q == p)
                .map(|(_, c)| *c)
                .unwrap_or(model.stay[row]);
            held.entry(p).or_default().push((row, pair.fit_milli));
            current_utility[row] = utility(&pair, w);
        }
    }
    let mut count = 0;
    for (row, o) in opts.iter().enumerate() {
        for (p, c) in o {
            if Some(*p) == position_of(row) || utility(c, w) <= current_utility[row] {
                continue;
            }
            let holders = held.get(p).map_or(&[][..], Vec::as_slice);
            let mine = priority(model, *p, row, c.fit_milli);
            if holders.len() < capacity(model, *p)
                || holders
                    .iter()
                    .any(|&(q, f)| priority(model, *p, q, f) > mine)
            {
                count += 1;
            }
        }
    }
    count
}
