//! Reports on plans: outcomes by group (fairness), preference satisfaction,
//! far moves, and the comparison of scenarios.

use super::model::SlotKind;
use super::Plan;
use crate::core::date::Date;
use crate::core::model::*;
use crate::core::move_class::{classify, MoveClass};
use std::collections::BTreeMap;

/// A way of grouping people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    Gender,
    /// Golongan I, II, III, IV (PPPK apart).
    GolonganGroup,
    /// Under 30, 30–39, 40–49, 50 and over.
    AgeBand,
    /// Current agency.
    Agency,
    /// Domicile kabupaten/kota.
    Regency,
}

impl Grouping {
    /// All groupings, in report order.
    pub const ALL: [Grouping; 5] = [
        Grouping::Gender,
        Grouping::GolonganGroup,
        Grouping::AgeBand,
        Grouping::Agency,
        Grouping::Regency,
    ];
}

/// Outcomes of one group.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupOutcome {
    pub group: String,
    /// People of the group in the round.
    pub people: usize,
    pub moved: usize,
    /// Mean fit of the group's movers, in thousandths.
    pub mean_fit_milli: u32,
    pub with_preferences: usize,
    /// People with preferences who got one of them.
    pub preference_met: usize,
    /// Movers sent more than [`FAR_KM`] from home.
    pub far: usize,
    /// Movers whose move is a promotion (a promotion scenario only): shown
    /// apart, a promotion is not a transfer.
    pub promoted: usize,
}

/// A move counts as far beyond this distance from domicile.
pub const FAR_KM: u32 = 200;

fn group_label(ws: &Workspace, asn: &Asn, current: Option<usize>, g: Grouping, on: Date) -> String {
    match g {
        Grouping::Gender => match asn.gender {
            Gender::Male => "L".into(),
            Gender::Female => "P".into(),
        },
        Grouping::GolonganGroup => match asn.golongan {
            Some(gol) => gol.code().split('/').next().unwrap_or("").to_string(),
            None => "PPPK".into(),
        },
        Grouping::AgeBand => match asn.age_on(on) {
            i32::MIN..=29 => "<30".into(),
            30..=39 => "30–39".into(),
            40..=49 => "40–49".into(),
            _ => "50+".into(),
        },
        Grouping::Agency => current
            .and_then(|p| ws.agencies.iter().find(|a| a.id == ws.positions[p].agency))
            .map_or_else(String::new, |a| a.short_name.clone()),
        Grouping::Regency => asn.domicile.name().to_string(),
    }
}

/// Outcomes by group, groups sorted by label.
pub fn outcomes_by(ws: &Workspace, plan: &Plan, g: Grouping) -> Vec<GroupOutcome> {
    let on = plan.model.effective;
    let mut groups: BTreeMap<String, (GroupOutcome, u64)> = BTreeMap::new();
    for (row, r) in plan.model.rows.iter().enumerate() {
        let asn = &ws.asn[r.asn];
        let label = group_label(ws, asn, r.current, g, on);
        let (o, fit_sum) = groups.entry(label.clone()).or_insert_with(|| {
            (
                GroupOutcome {
                    group: label,
                    ..Default::default()
                },
                0,
            )
        });
        o.people += 1;
        let c = &plan.chosen[row];
        if !asn.preferences.is_empty() {
            o.with_preferences += 1;
            if plan.moved(row) && c.preference_rank.is_some() {
                o.preference_met += 1;
            }
        }
        if plan.moved(row) {
            o.moved += 1;
            if class_of_row(ws, plan, row) == Some(MoveClass::Promotion) {
                o.promoted += 1;
            }
            *fit_sum += u64::from(c.fit_milli);
            if c.distance_km > FAR_KM {
                o.far += 1;
            }
        }
    }
    groups
        .into_values()
        .map(|(mut o, fit_sum)| {
            o.mean_fit_milli = crate::core::fit::div_round(fit_sum, o.moved as u64) as u32;
            o
        })
        .collect()
}

/// How many movers got their 1st, 2nd, 3rd, a later, or no stated preference.
pub fn preference_distribution(plan: &Plan) -> [usize; 5] {
    let mut out = [0; 5];
    for (row, c) in plan.chosen.iter().enumerate() {
        if plan.moved(row) {
            out[c.preference_rank.map_or(4, |r| r.min(3))] += 1;
        }
    }
    out
}

/// Movers sent more than [`FAR_KM`] from their domicile: (row, km), farthest
/// first.
pub fn far_moves(plan: &Plan) -> Vec<(usize, u32)> {
    let mut list: Vec<(usize, u32)> = (0..plan.model.rows.len())
        .filter(|&row| plan.moved(row) && plan.chosen[row].distance_km > FAR_KM)
        .map(|row| (row, plan.chosen[row].distance_km))
        .collect();
    crate::core::sort::sort_by(&mut list, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    list
}

/// Where each person (by index into `Workspace::asn`) ends in a plan: the
/// position index, or `None` when they stay unplaced. People outside the
/// round keep their current position.
pub fn outcome_of_people(ws: &Workspace, plan: &Plan) -> Vec<Option<usize>> {
    let position_ix: std::collections::HashMap<&PositionId, usize> = ws
        .positions
        .iter()
        .enumerate()
        .map(|(i, p)| (&p.id, i))
        .collect();
    let mut out: Vec<Option<usize>> = ws
        .asn
        .iter()
        .map(|a| {
            a.position
                .as_ref()
                .and_then(|c| position_ix.get(&c.position).copied())
        })
        .collect();
    for (row, r) in plan.model.rows.iter().enumerate() {
        let slot = &plan.model.slots[plan.slot_of_row[row]];
        out[r.asn] = match slot.kind {
            SlotKind::Unplaced { .. } => None,
            _ => slot.position,
        };
    }
    out
}

/// People whose outcome differs between plans: (asn index, outcome per plan).
pub fn differences(ws: &Workspace, plans: &[&Plan]) -> Vec<(usize, Vec<Option<usize>>)> {
    let outcomes: Vec<Vec<Option<usize>>> =
        plans.iter().map(|p| outcome_of_people(ws, p)).collect();
    (0..ws.asn.len())
        .filter(|&a| outcomes.iter().any(|o| o[a] != outcomes[0][a]))
        .map(|a| (a, outcomes.iter().map(|o| o[a]).collect()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::{generate, DemoConfig};
    use crate::core::engine::{self, model::RoundInput, Mode};

    #[test]
    fn groups_partition_the_round_and_differences_are_real() {
        let ws = generate(&DemoConfig {
            asn: 500,
            seed: 4,
            ..DemoConfig::default()
        });
        let round = ws
            .rounds
            .iter()
            .rev()
            .find(|r| !r.openings.is_empty())
            .unwrap();
        let optimal = engine::plan(&RoundInput {
            ws: &ws,
            round,
            scenario: &round.scenarios[0],
        })
        .unwrap();
        let mut stable_scenario = round.scenarios[0].clone();
        stable_scenario.mode = Mode::Stable;
        let stable = engine::plan(&RoundInput {
            ws: &ws,
            round,
            scenario: &stable_scenario,
        })
        .unwrap();
        for g in Grouping::ALL {
            let groups = outcomes_by(&ws, &optimal, g);
            assert_eq!(
                groups.iter().map(|o| o.people).sum::<usize>(),
                optimal.model.rows.len(),
                "{g:?}"
            );
            assert_eq!(
                groups.iter().map(|o| o.moved).sum::<usize>(),
                optimal.metrics.moves,
                "{g:?}"
            );
            assert!(groups
                .iter()
                .all(|o| o.preference_met <= o.with_preferences && o.far <= o.moved));
        }
        let dist = preference_distribution(&optimal);
        assert_eq!(dist.iter().sum::<usize>(), optimal.metrics.moves);
        assert_eq!(dist[0], optimal.metrics.first_choice);
        let far = far_moves(&optimal);
        assert!(far.windows(2).all(|w| w[0].1 >= w[1].1));
        let diff = differences(&ws, &[&optimal, &stable]);
        let a = outcome_of_people(&ws, &optimal);
        let b = outcome_of_people(&ws, &stable);
        let expected = (0..ws.asn.len()).filter(|&i| a[i] != b[i]).count();
        assert_eq!(diff.len(), expected);
        assert!(!diff.is_empty(), "the two modes differ on the demo");
        assert!(differences(&ws, &[&optimal, &optimal]).is_empty());
    }
}

/// The class of a row's move; `None` when the row does not move.
pub fn class_of_row(ws: &Workspace, plan: &Plan, row: usize) -> Option<MoveClass> {
    if !plan.moved(row) {
        return None;
    }
    let to = plan.destination(row)?;
    let from = plan.current(row).map(|c| &ws.positions[c]);
    Some(classify(from, &ws.positions[to]))
}

/// The class of each move of a plan: (row, class), in row order.
pub fn move_classes(ws: &Workspace, plan: &Plan) -> Vec<(usize, MoveClass)> {
    (0..plan.model.rows.len())
        .filter_map(|row| Some((row, class_of_row(ws, plan, row)?)))
        .collect()
}

/// What a plan's moves are, counted: per class, and the PPPK moved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClassCounts {
    pub by_class: BTreeMap<MoveClass, usize>,
    pub pppk_moved: usize,
}

/// Counts the classes of a plan's moves.
pub fn class_counts(ws: &Workspace, plan: &Plan) -> ClassCounts {
    let mut counts = ClassCounts::default();
    for (row, class) in move_classes(ws, plan) {
        *counts.by_class.entry(class).or_default() += 1;
        if ws.asn[plan.model.rows[row].asn].status == EmploymentStatus::Pppk {
            counts.pppk_moved += 1;
        }
    }
    counts
}

/// Openings and how many a plan fills, per position type of the opening
/// (opened JPT posts count as openings, never filled: open selection).
pub fn openings_by_type(
    ws: &Workspace,
    round: &Round,
    plan: &Plan,
) -> BTreeMap<PositionType, (u32, u32)> {
    let mut out: BTreeMap<PositionType, (u32, u32)> = BTreeMap::new();
    for o in &round.openings {
        if let Some(p) = ws.positions.iter().find(|p| p.id == o.position) {
            let seats = &mut out.entry(p.kind).or_default().0;
            *seats = seats.saturating_add(o.slots);
        }
    }
    let occupant = plan.row_in_slot();
    for (k, s) in plan.model.slots.iter().enumerate() {
        if let (SlotKind::Opening(_), Some(p), Some(_)) = (s.kind, s.position, occupant[k]) {
            out.entry(ws.positions[p].kind).or_default().1 += 1;
        }
    }
    out
}

/// How many people hold each position (by index) now.
pub fn holders_before(ws: &Workspace) -> Vec<u32> {
    let occupancy = ws.occupancy();
    ws.positions
        .iter()
        .map(|p| occupancy.get(&p.id).copied().unwrap_or(0))
        .collect()
}

/// How many people hold each position (by index) before and after a plan.
pub fn holders_before_after(ws: &Workspace, plan: &Plan) -> (Vec<u32>, Vec<u32>) {
    let mut after = vec![0u32; ws.positions.len()];
    for p in outcome_of_people(ws, plan).into_iter().flatten() {
        after[p] += 1;
    }
    (holders_before(ws), after)
}

/// Positions a plan leaves over their lawful holders: a structural post
/// (JPT, administrator, pengawas) with more than one, any other above its
/// need and above what it held before. Empty for a lawful plan (unless the
/// scenario allows over-formasi): (position index, holders before, after).
pub fn over_holders(ws: &Workspace, plan: &Plan, over_formasi: bool) -> Vec<(usize, u32, u32)> {
    let (before, after) = holders_before_after(ws, plan);
    (0..ws.positions.len())
        .filter(|&p| {
            let pos = &ws.positions[p];
            if super::model::one_holder(pos.kind) {
                after[p] > 1 && after[p] > before[p]
            } else {
                !over_formasi && after[p] > pos.need.max(before[p])
            }
        })
        .map(|p| (p, before[p], after[p]))
        .collect()
}
