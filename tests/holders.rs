//! One holder per structural post, and no position above its need (issue
//! 39; ../shared/DOMAIN.md, "Holders, needs and floors"): over random
//! rounds that open occupied structural posts and full positions, in both
//! modes, with manual decisions, scenario pins and unit caps, no plan ends
//! with two holders in a JPT, administrator or pengawas post, nor more
//! holders than a position's need (or than it had).
#![cfg(not(target_arch = "wasm32"))]

use mutasi_planner::core::engine::model::{one_holder, RoundInput, WithheldWhy};
use mutasi_planner::core::engine::{self, report, view, Mode};
use mutasi_planner::core::model::*;
use mutasi_planner::core::rng::Rng;
use proptest::prelude::*;

mod common;
use common::rounds::{demo, open_round, plan_first};

/// A number below `n`.
fn pick(rng: &mut Rng, n: usize) -> usize {
    rng.below(n as u64) as usize
}

fn decision(asn: &Nip, to: &PositionId) -> Decision {
    Decision {
        asn: asn.clone(),
        action: DecisionAction::Assign(to.clone()),
        reason: "uji".into(),
        at: "2026-12-01T00:00:00Z".into(),
        comment: None,
    }
}

/// The round of the demo with more openings: occupied structural posts
/// and full positions of any kind, `n` of them, with 1–3 slots.
fn crowded_round(ws: &Workspace, seed: u64, n: usize) -> Round {
    let mut rng = Rng::new(seed);
    let mut round = open_round(ws).clone();
    let occupancy = ws.occupancy();
    let full: Vec<&Position> = ws
        .positions
        .iter()
        .filter(|p| occupancy.get(&p.id).copied().unwrap_or(0) >= p.need.max(1))
        .collect();
    for _ in 0..n {
        let p = full[pick(&mut rng, full.len())];
        round.openings.push(Opening {
            position: p.id.clone(),
            slots: 1 + pick(&mut rng, 3) as u32,
            priority: Priority::ALL[pick(&mut rng, 4)],
            reason: String::new(),
        });
    }
    round
}

#[test]
fn opening_an_occupied_structural_post_means_its_holder_leaves() {
    let ws = demo(1_500, 2026);
    let index = ws.index();
    let occupancy = ws.occupancy();
    // An occupied pengawas post whose holder is movable.
    let mut round = open_round(&ws).clone();
    let plan0 = engine::plan(&RoundInput {
        ws: &ws,
        round: &round,
        scenario: &round.scenarios[0],
    })
    .unwrap();
    let (row, post) = plan0
        .model
        .rows
        .iter()
        .enumerate()
        .filter_map(|(row, r)| Some((row, r.current?)))
        .find(|&(_, p)| {
            ws.positions[p].kind == PositionType::Pengawas
                && occupancy.get(&ws.positions[p].id) == Some(&1)
        })
        .expect("a movable pengawas");
    let holder = plan0.model.rows[row].asn;
    round.openings.push(Opening {
        position: ws.positions[post].id.clone(),
        slots: 1,
        priority: Priority::Mendesak,
        reason: "uji".into(),
    });
    for mode in [Mode::Optimal, Mode::Stable] {
        round.scenarios[0].mode = mode;
        let input = RoundInput {
            ws: &ws,
            round: &round,
            scenario: &round.scenarios[0],
        };
        let plan = engine::plan(&input).unwrap();
        let w = plan
            .model
            .withheld
            .iter()
            .find(|w| w.position == post)
            .expect("withheld");
        let WithheldWhy::HolderLeaves { row } = w.why else {
            panic!("{w:?}")
        };
        assert_eq!(plan.model.rows[row].asn, holder);
        let (_, after) = report::holders_before_after(&ws, &plan);
        assert!(after[post] <= 1, "{mode:?}: {} holders", after[post]);
        // Either the holder moved lawfully and someone else holds it, or
        // it is listed as a vacancy with the reason.
        let moved = plan.moved(row);
        let vacant = view::vacancies(&plan)
            .iter()
            .any(|v| v.position == post && v.withheld == Some(w.why));
        if moved {
            let class = report::class_of_row(&ws, &plan, row);
            assert_eq!(
                class,
                Some(mutasi_planner::core::move_class::MoveClass::Lateral)
            );
        }
        assert!(
            vacant || (moved && after[post] == 1),
            "{mode:?}: moved {moved}, holders {}",
            after[post]
        );
        assert!(index.position_of(&ws.asn[holder]).is_some());
    }
}

#[test]
fn a_post_whose_holder_is_not_in_the_round_has_no_room() {
    let ws = demo(1_500, 2026);
    let mut round = open_round(&ws).clone();
    // A pengawas kept in place by a manual decision to stay is a row;
    // one excluded by a rule (here: too new in post) is not.
    let plan0 = engine::plan(&RoundInput {
        ws: &ws,
        round: &round,
        scenario: &round.scenarios[0],
    })
    .unwrap();
    let index = ws.index();
    let excluded = plan0
        .model
        .excluded
        .iter()
        .map(|e| e.asn)
        .find(|&a| {
            index
                .position_of(&ws.asn[a])
                .is_some_and(|p| p.kind == PositionType::Administrator)
        })
        .expect("an administrator the rules keep");
    let post = index.position_of(&ws.asn[excluded]).unwrap().id.clone();
    round.openings.push(Opening {
        position: post.clone(),
        slots: 1,
        priority: Priority::Tinggi,
        reason: String::new(),
    });
    // And a decision that puts someone else there.
    let other = plan0
        .model
        .rows
        .iter()
        .map(|r| r.asn)
        .find(|&a| {
            index
                .position_of(&ws.asn[a])
                .is_some_and(|p| p.kind == PositionType::Administrator && p.id != post)
        })
        .unwrap();
    round.decisions.push(decision(&ws.asn[other].nip, &post));
    let plan = engine::plan(&RoundInput {
        ws: &ws,
        round: &round,
        scenario: &round.scenarios[0],
    })
    .unwrap();
    let p = ws.positions.iter().position(|x| x.id == post).unwrap();
    assert!(plan
        .model
        .withheld
        .iter()
        .any(|w| w.position == p && w.why == WithheldWhy::HolderStays { asn: excluded }));
    assert!(plan.model.full_pins.contains(&(other, p)));
    let (_, after) = report::holders_before_after(&ws, &plan);
    assert_eq!(after[p], 1);
    assert_eq!(report::outcome_of_people(&ws, &plan)[excluded], Some(p));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn no_plan_gives_a_post_two_holders_or_a_position_more_than_its_need(
        seed in 0u64..10_000,
        asn in 200usize..600,
        openings in 1usize..25,
        stable in any::<bool>(),
        pins in 0usize..6,
        cap in any::<bool>(),
    ) {
        let ws = demo(asn, seed);
        let mut round = crowded_round(&ws, seed, openings);
        let mut rng = Rng::new(seed ^ 0x5eed);
        // Decisions and pins, many of them into occupied posts.
        for k in 0..pins {
            let a = &ws.asn[pick(&mut rng, ws.asn.len())];
            let p = &ws.positions[pick(&mut rng, ws.positions.len())];
            if k % 2 == 0 {
                round.decisions.push(decision(&a.nip, &p.id));
            } else {
                round.scenarios[0].constraints.push(Constraint::Pin {
                    asn: a.nip.clone(),
                    position: p.id.clone(),
                });
            }
        }
        for scenario in &mut round.scenarios {
            scenario.mode = if stable { Mode::Stable } else { Mode::Optimal };
            if cap {
                scenario.constraints.push(Constraint::UnitCap {
                    unit: ws.positions[0].unit.clone(),
                    max_percent: 20,
                });
            }
        }
        for scenario in &round.scenarios {
            let input = RoundInput { ws: &ws, round: &round, scenario };
            let plan = match engine::plan(&input) {
                Ok(plan) => plan,
                // Two decisions into one seat are refused as a whole.
                Err(engine::PlanError::Overpinned { .. }) => continue,
                Err(e) => panic!("{e}"),
            };
            let over = report::over_holders(&ws, &plan, false);
            prop_assert!(over.is_empty(), "{:?}", over.iter().map(|&(p, b, a)| (ws.positions[p].name.clone(), ws.positions[p].kind, b, a)).collect::<Vec<_>>());
            // Every structural post the round opened that is held ends
            // with at most one holder.
            let (_, after) = report::holders_before_after(&ws, &plan);
            for o in &round.openings {
                let p = ws.positions.iter().position(|x| x.id == o.position).unwrap();
                if one_holder(ws.positions[p].kind) {
                    prop_assert!(after[p] <= 1);
                }
            }
        }
    }
}

/// Staff of a unit before and after a plan.
fn unit_staff(ws: &Workspace, plan: &engine::Plan, unit: &UnitId) -> (u32, u32) {
    let (before, after) = report::holders_before_after(ws, plan);
    ws.positions
        .iter()
        .enumerate()
        .filter(|(_, p)| &p.unit == unit)
        .fold((0, 0), |(b, a), (i, _)| (b + before[i], a + after[i]))
}

#[test]
fn a_units_minimum_staff_keeps_a_leaver_nobody_replaces() {
    let ws = demo(1_500, 2026);
    let mut round = open_round(&ws).clone();
    let plan = |round: &Round| plan_first(&ws, round);
    let before = plan(&round);
    // A unit the plan leaves with fewer staff.
    let unit = ws
        .positions
        .iter()
        .map(|p| p.unit.clone())
        .find(|u| {
            let (b, a) = unit_staff(&ws, &before, u);
            a < b
        })
        .expect("a unit that loses staff");
    let (staff, _) = unit_staff(&ws, &before, &unit);
    round.scenarios[0].constraints.push(Constraint::UnitFloor {
        unit: unit.clone(),
        min: staff,
    });
    for mode in [Mode::Optimal, Mode::Stable] {
        round.scenarios[0].mode = mode;
        let after = plan(&round);
        let (b, a) = unit_staff(&ws, &after, &unit);
        assert!(a >= b, "{mode:?}: {b} before, {a} after");
        assert!(!after.floored.is_empty(), "{mode:?}");
        let input = RoundInput {
            ws: &ws,
            round: &round,
            scenario: &round.scenarios[0],
        };
        for &row in &after.floored {
            assert!(!after.moved(row));
            assert!(mutasi_planner::core::engine::explain::explain(&input, &after, row).floored);
        }
    }
}

#[test]
fn with_floors_at_need_no_position_ends_below_its_need_by_departures() {
    let ws = demo(1_000, 11);
    let mut round = open_round(&ws).clone();
    round.scenarios[0].rules.floor_at_need = true;
    let plan = engine::plan(&RoundInput {
        ws: &ws,
        round: &round,
        scenario: &round.scenarios[0],
    })
    .unwrap();
    let (before, after) = report::holders_before_after(&ws, &plan);
    for (p, pos) in ws.positions.iter().enumerate() {
        assert!(
            after[p] >= pos.need.min(before[p]),
            "{}: need {}, {} before, {} after",
            pos.name,
            pos.need,
            before[p],
            after[p]
        );
    }
    assert!(plan.metrics.moves > 0);
}

/// Holders of a JF family in each unit whose name contains `pattern`,
/// before and after a plan.
fn family_staff(
    ws: &Workspace,
    plan: &engine::Plan,
    pattern: &str,
    family: &str,
) -> Vec<(UnitId, u32, u32)> {
    use mutasi_planner::core::io::values::compact;
    use mutasi_planner::core::move_class::{in_family, jf_of};
    let (before, after) = report::holders_before_after(ws, plan);
    let mut out: Vec<(UnitId, u32, u32)> = Vec::new();
    for (i, p) in ws.positions.iter().enumerate() {
        let unit_name = ws
            .agencies
            .iter()
            .find_map(|a| a.unit(&p.unit))
            .map(|u| u.name.clone())
            .unwrap_or_default();
        if !compact(&unit_name).contains(&compact(pattern))
            || !jf_of(p).is_some_and(|jf| in_family(&jf, family))
        {
            continue;
        }
        match out.iter_mut().find(|(u, _, _)| u == &p.unit) {
            Some(row) => {
                row.1 += before[i];
                row.2 += after[i];
            }
            None => out.push((p.unit.clone(), before[i], after[i])),
        }
    }
    out
}

#[test]
fn a_floor_per_jf_keeps_each_matching_unit_staffed_with_that_jf() {
    use mutasi_planner::core::move_class::jf_of;
    let ws = demo(1_500, 2026);
    let mut round = open_round(&ws).clone();
    let plan = |round: &Round| plan_first(&ws, round);
    let before = plan(&round);
    // A JF whose holders leave some unit unreplaced in the plain plan: the
    // floor names that unit by part of its name and the JF by its family
    // (its first word, as "Perawat" covers "Perawat Ahli Muda").
    let (unit_name, family) = ws
        .positions
        .iter()
        .filter_map(|p| {
            let family = jf_of(p)?.split(' ').next()?.to_string();
            let unit = ws.agencies.iter().find_map(|a| a.unit(&p.unit))?;
            let staff = family_staff(&ws, &before, &unit.name, &family);
            staff
                .iter()
                .any(|(u, b, a)| u == &p.unit && a < b)
                .then(|| (unit.name.clone(), family))
        })
        .next()
        .expect("a JF that a unit loses");
    let pattern = unit_name.to_uppercase();
    round.scenarios[0].constraints.push(Constraint::KindFloor {
        units: pattern.clone(),
        families: vec![family.clone()],
        min: 999,
    });
    for mode in [Mode::Optimal, Mode::Stable] {
        round.scenarios[0].mode = mode;
        let after = plan(&round);
        let staff = family_staff(&ws, &after, &pattern, &family);
        assert!(!staff.is_empty());
        for (unit, b, a) in &staff {
            assert!(a >= b, "{mode:?} {unit:?} {family}: {b} before, {a} after");
        }
        assert!(!after.floored.is_empty(), "{mode:?}");
        // Only the floor's own JF is kept: every row kept in place held
        // that JF in a matching unit.
        for &row in &after.floored {
            let asn = &ws.asn[after.model.rows[row].asn];
            let p = ws.index().position_of(asn).unwrap();
            assert!(mutasi_planner::core::move_class::in_family(
                &jf_of(p).unwrap(),
                &family
            ));
        }
    }
}

#[test]
fn a_jf_counts_for_its_longest_family_among_the_floors() {
    use mutasi_planner::core::move_class::in_family;
    assert!(in_family("dokter gigi ahli muda", "dokter"));
    assert!(in_family("dokter gigi ahli muda", "Dokter  Gigi"));
    assert!(!in_family("dokteran", "dokter"));
    assert!(!in_family("perawat", ""));
    // The puskesmas preset: nine floors, dokter and dokter gigi apart.
    assert_eq!(PUSKESMAS_FLOORS.len(), 9);
    assert!(PUSKESMAS_FLOORS.contains(&&["dokter gigi"][..]));
}
