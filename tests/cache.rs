//! The cached round ([`Planner`], [`Prepared`]): a plan made from the cache
//! is the plan made from scratch, after every kind of edit, and the cache
//! is rebuilt exactly when what the round reads has changed (a weight, the
//! mode or a contact text keeps it; a person, a position, an opening, a
//! decision, a constraint or a rule does not).
#![cfg(not(target_arch = "wasm32"))]

use mutasi_planner::core::edit::Edit;
use mutasi_planner::core::engine::model::{Prepared, RoundInput, RoundModel};
use mutasi_planner::core::engine::{self, Mode, Plan, Planner};
use mutasi_planner::core::model::*;

mod common;

fn input<'a>(ws: &'a Workspace, scenario: usize) -> RoundInput<'a> {
    let round = ws.open_round().expect("an open round");
    RoundInput {
        ws,
        round,
        scenario: &round.scenarios[scenario],
    }
}

/// Everything a plan says, as text (the model included).
fn plan_text(plan: &Plan) -> String {
    format!(
        "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
        plan.mode,
        plan.slot_of_row,
        plan.chosen,
        plan.capped,
        plan.phases,
        plan.chains,
        plan.metrics,
        plan.model,
        plan.market
    )
}

/// Plans scenario `scenario` with the planner and from scratch, checks
/// they agree, and returns whether the planner had to build the round.
fn check(planner: &mut Planner, ws: &Workspace, scenario: usize, what: &str) -> bool {
    let before = planner.builds();
    let input = input(ws, scenario);
    let cached = planner.plan(&input);
    let fresh = engine::plan(&input);
    match (&cached, &fresh) {
        (Ok(c), Ok(f)) => assert_eq!(plan_text(c), plan_text(f), "after {what}"),
        (Err(c), Err(f)) => assert_eq!(c, f, "after {what}"),
        _ => panic!("after {what}: {cached:?} vs {fresh:?}"),
    }
    planner.builds() > before
}

/// A change made directly to a workspace, named.
type Change = Box<dyn Fn(&mut Workspace)>;

fn with_scenario(ws: &mut Workspace, change: impl FnOnce(&mut Scenario)) {
    change(&mut ws.open_round_mut().unwrap().scenarios[0]);
}

fn weights(fit: u16, preference: u16, priority: u16, distance: u16) -> ObjectiveWeights {
    ObjectiveWeights {
        fit,
        preference,
        priority,
        distance,
        stability: 3,
        refreshment: 1,
    }
}

#[test]
fn the_prepared_round_does_not_depend_on_the_weights() {
    let ws = common::rounds::demo(400, 99);
    let round = ws.open_round().unwrap();
    let all = [
        ObjectiveWeights::default(),
        weights(0, 0, 0, 0),
        weights(10, 0, 0, 0),
        weights(0, 10, 0, 0),
        weights(0, 0, 10, 10),
        weights(1, 9, 3, 7),
    ];
    for a in &all {
        let mut under_a = round.scenarios[0].clone();
        under_a.weights = a.clone();
        let prepared = Prepared::build(&RoundInput {
            ws: &ws,
            round,
            scenario: &under_a,
        });
        assert!(prepared.pair_count() > 0);
        for b in &all {
            let mut under_b = round.scenarios[0].clone();
            under_b.weights = b.clone();
            let fresh = RoundModel::build(&RoundInput {
                ws: &ws,
                round,
                scenario: &under_b,
            });
            assert_eq!(
                format!("{:?}", prepared.model(b)),
                format!("{fresh:?}"),
                "prepared under {a:?}, selected under {b:?}"
            );
        }
    }
}

#[test]
fn a_weight_drag_reuses_the_round_and_gives_the_fresh_plan() {
    let mut ws = common::rounds::demo(300, 99);
    let mut planner = Planner::default();
    assert!(check(&mut planner, &ws, 0, "the first plan"));
    for (i, w) in [
        weights(5, 0, 2, 1),
        weights(0, 8, 1, 0),
        weights(2, 2, 9, 4),
        weights(0, 0, 0, 0),
    ]
    .into_iter()
    .enumerate()
    {
        with_scenario(&mut ws, |s| s.weights = w.clone());
        assert!(
            !check(&mut planner, &ws, 0, &format!("weights {i}")),
            "a weight change does not rebuild the round"
        );
    }
    with_scenario(&mut ws, |s| s.mode = Mode::Stable);
    assert!(!check(&mut planner, &ws, 0, "stable mode"));
    with_scenario(&mut ws, |s| s.mode = Mode::Optimal);
    assert!(!check(&mut planner, &ws, 0, "optimal mode"));
    // A text that the plan does not read.
    common::edits::ok(&mut ws, Edit::SetContact("bkd@jambiprov.go.id".into()));
    assert!(!check(&mut planner, &ws, 0, "a contact text"));
}

#[test]
fn every_kind_of_edit_that_the_round_reads_rebuilds_it() {
    let mut ws = common::rounds::demo(300, 99);
    let mut planner = Planner::default();
    check(&mut planner, &ws, 0, "the first plan");
    let round = ws.open_round().unwrap();
    let opened: Vec<PositionId> = round.openings.iter().map(|o| o.position.clone()).collect();
    let holders: Vec<(Nip, PositionId)> = ws
        .asn
        .iter()
        .filter_map(|a| Some((a.nip.clone(), a.position.as_ref()?.position.clone())))
        .take(12)
        .collect();
    let unopened = ws
        .positions
        .iter()
        .find(|p| !opened.contains(&p.id) && p.kind.family() != PositionFamily::Jpt && p.need > 0)
        .map(|p| p.id.clone())
        .unwrap();
    let unit = ws.positions[0].unit.clone();
    let at = "2026-12-01T00:00:00Z".to_string();
    let edits: Vec<(&str, Edit)> = vec![
        (
            "a decision to stay",
            Edit::Decide {
                asn: holders[0].0.clone(),
                action: DecisionAction::Stay,
                reason: "uji".into(),
                at: at.clone(),
            },
        ),
        (
            "a decision to move",
            Edit::Decide {
                asn: holders[1].0.clone(),
                action: DecisionAction::Assign(opened[0].clone()),
                reason: "uji".into(),
                at: at.clone(),
            },
        ),
        (
            "a swap",
            Edit::Swap {
                first: (holders[2].0.clone(), holders[3].1.clone()),
                second: (holders[3].0.clone(), holders[2].1.clone()),
                reason: "uji".into(),
                at: at.clone(),
            },
        ),
        (
            "a decision removed",
            Edit::Undecide {
                asn: holders[0].0.clone(),
            },
        ),
        (
            "a pin",
            Edit::Constrain {
                scenario: "s1".into(),
                constraint: Constraint::Pin {
                    asn: holders[4].0.clone(),
                    position: opened[1 % opened.len()].clone(),
                },
                reason: Some("uji".into()),
            },
        ),
        (
            "a ban",
            Edit::Constrain {
                scenario: "s1".into(),
                constraint: Constraint::Forbid {
                    asn: holders[5].0.clone(),
                    position: opened[0].clone(),
                },
                reason: Some("uji".into()),
            },
        ),
        (
            "a unit cap",
            Edit::Constrain {
                scenario: "s1".into(),
                constraint: Constraint::UnitCap {
                    unit,
                    max_percent: 10,
                },
                reason: Some("uji".into()),
            },
        ),
        (
            "a constraint removed",
            Edit::Unconstrain {
                scenario: "s1".into(),
                index: 0,
            },
        ),
        (
            "an opening",
            Edit::Open {
                opening: Opening {
                    position: unopened.clone(),
                    slots: 1,
                    priority: Priority::Tinggi,
                    reason: "uji".into(),
                },
            },
        ),
        (
            "its slots",
            Edit::SetSlots {
                position: unopened.clone(),
                slots: 2,
            },
        ),
        (
            "its priority",
            Edit::SetPriority {
                position: unopened.clone(),
                priority: Priority::Mendesak,
            },
        ),
        ("its closing", Edit::Close { position: unopened }),
        (
            "a performance record",
            Edit::RecordPerformance {
                asn: holders[6].0.clone(),
                record: PerformanceRecord {
                    period: Period {
                        year: 2026,
                        quarter: None,
                    },
                    hasil_kerja: Rating::DiAtas,
                    perilaku_kerja: Rating::DiAtas,
                    score: None,
                },
            },
        ),
    ];
    let scenario_id = ws.open_round().unwrap().scenarios[0].id.clone();
    for (what, edit) in edits {
        let edit = match edit {
            Edit::Constrain {
                constraint, reason, ..
            } => Edit::Constrain {
                scenario: scenario_id.clone(),
                constraint,
                reason,
            },
            Edit::Unconstrain { index, .. } => Edit::Unconstrain {
                scenario: scenario_id.clone(),
                index,
            },
            other => other,
        };
        common::edits::ok(&mut ws, edit);
        assert!(check(&mut planner, &ws, 0, what), "{what} rebuilds");
        // And the next weight drag reuses what it built.
        with_scenario(&mut ws, |s| s.weights.distance += 1);
        assert!(!check(&mut planner, &ws, 0, what), "a drag after {what}");
    }

    // Edits made outside the edit model (an import replaces these).
    let changes: Vec<(&str, Change)> = vec![
        (
            "a competency level",
            Box::new(|ws| {
                let person = &mut ws.asn[7];
                let level = person.competencies.levels.values_mut().next().unwrap();
                *level = if *level == 5 { 1 } else { 5 };
            }),
        ),
        (
            "a domicile",
            Box::new(|ws| {
                let person = &mut ws.asn[8];
                person.domicile = if person.domicile == Regency::Kerinci {
                    Regency::KotaJambi
                } else {
                    Regency::Kerinci
                };
            }),
        ),
        (
            "a wish",
            Box::new(|ws| {
                let target = PreferenceTarget::Regency(Regency::Bungo);
                ws.asn[9].preferences = vec![Preference {
                    target,
                    reason: PreferenceReason::Family,
                    note: String::new(),
                }];
            }),
        ),
        (
            "a position's need",
            Box::new(|ws| ws.positions[3].need += 2),
        ),
        (
            "the education rule",
            Box::new(|ws| {
                let s = &mut ws.open_round_mut().unwrap().scenarios[0];
                s.rules.require_education = !s.rules.require_education;
            }),
        ),
        (
            "a Profile Matching setting",
            Box::new(|ws| {
                ws.open_round_mut().unwrap().scenarios[0].fit.core_percent = 75;
            }),
        ),
        (
            "who takes part in phase 1",
            Box::new(|ws| {
                let s = &mut ws.open_round_mut().unwrap().scenarios[0];
                s.stable.without_wishes = match s.stable.without_wishes {
                    WithoutWishes::NotParticipant => WithoutWishes::NearDomicile,
                    WithoutWishes::NearDomicile => WithoutWishes::NotParticipant,
                };
            }),
        ),
    ];
    for (what, change) in changes {
        change(&mut ws);
        assert!(check(&mut planner, &ws, 0, what), "{what} rebuilds");
        with_scenario(&mut ws, |s| s.weights.fit += 1);
        assert!(!check(&mut planner, &ws, 0, what), "a drag after {what}");
    }
}

#[test]
fn scenarios_that_differ_only_in_weights_share_the_round() {
    let mut ws = common::rounds::demo(300, 99);
    let id = ws.open_round().unwrap().scenarios[0].id.clone();
    common::edits::ok(
        &mut ws,
        Edit::DuplicateScenario {
            id,
            name: "Preferensi".into(),
        },
    );
    let last = ws.open_round().unwrap().scenarios.len() - 1;
    ws.open_round_mut().unwrap().scenarios[last].weights = weights(1, 9, 2, 1);
    let mut planner = Planner::default();
    assert!(check(&mut planner, &ws, 0, "the first scenario"));
    assert!(
        !check(&mut planner, &ws, last, "its copy with other weights"),
        "the copy reuses the round"
    );
    ws.open_round_mut().unwrap().scenarios[last]
        .rules
        .max_months_in_position += 12;
    assert!(
        check(&mut planner, &ws, last, "the copy with another rule"),
        "another rule builds anew"
    );
}

#[test]
fn remembered_fingerprints_equal_fresh_ones_and_follow_every_change() {
    use mutasi_planner::core::engine::canonical::{fingerprints, fingerprints_with, WorldMemo};
    let mut ws = common::rounds::demo(120, 99);
    let mut memo = WorldMemo::default();
    let mut seen = Vec::new();
    let changes: Vec<Change> = vec![
        Box::new(|_| {}),
        Box::new(|ws| ws.asn[3].own_request = !ws.asn[3].own_request),
        Box::new(|ws| ws.positions[2].need += 1),
        Box::new(|ws| {
            let agency = &mut ws.agencies[0];
            agency.seat = if agency.seat == Regency::Kerinci {
                Regency::Bungo
            } else {
                Regency::Kerinci
            };
        }),
        Box::new(|ws| ws.competencies[0].name.push('!')),
        Box::new(|ws| ws.open_round_mut().unwrap().scenarios[0].weights.fit += 1),
    ];
    for change in changes {
        change(&mut ws);
        let fresh = fingerprints(&input(&ws, 0));
        assert_eq!(fingerprints_with(&input(&ws, 0), &mut memo), fresh);
        // Twice: the second reads the remembered world.
        assert_eq!(fingerprints_with(&input(&ws, 0), &mut memo), fresh);
        seen.push(fresh.plan);
    }
    let mut distinct = seen[1..].to_vec();
    mutasi_planner::core::sort::sort(&mut distinct);
    distinct.dedup();
    assert_eq!(
        distinct.len(),
        seen.len() - 1,
        "every change changes the fingerprint"
    );
    assert!(!seen[1..].contains(&seen[0]));
}

#[test]
fn rows_grouped_by_what_eligibility_reads_are_eligible_as_each_person_is() {
    use mutasi_planner::core::engine::model::Scorer;
    let mut ws = common::rounds::demo(400, 7);
    // Pins, a ban, and rules that make eligibility read more of a person.
    let holders: Vec<Nip> = ws
        .asn
        .iter()
        .filter(|a| a.position.is_some())
        .map(|a| a.nip.clone())
        .take(3)
        .collect();
    let opened = ws.open_round().unwrap().openings[0].position.clone();
    with_scenario(&mut ws, |s| {
        s.rules.require_education = true;
        s.rules.require_min_golongan = true;
        s.rules.allow_promotion = true;
        s.rules.retirement_buffer_months = 36;
        s.constraints.push(Constraint::Pin {
            asn: holders[0].clone(),
            position: opened.clone(),
        });
        s.constraints.push(Constraint::Forbid {
            asn: holders[1].clone(),
            position: opened.clone(),
        });
    });
    let input = input(&ws, 0);
    let prepared = Prepared::build(&input);
    let round = prepared.round();
    let scorer = Scorer::new(
        &ws,
        input.scenario,
        input.round.effective_date,
        round.rows.iter().map(|r| r.asn),
    );
    let mut pairs = 0;
    for &p in round.slots_of.keys() {
        let reference: Vec<usize> = round
            .rows
            .iter()
            .enumerate()
            .filter(|&(row, r)| {
                r.current != Some(p)
                    && !round.forbidden[row].contains(&p)
                    && match &r.pinned {
                        Some((pin, _)) => *pin == p,
                        None => scorer.eligible(row, r.asn, p),
                    }
            })
            .map(|(row, _)| row)
            .collect();
        pairs += reference.len();
        assert_eq!(prepared.eligible_rows(p), reference, "position {p}");
    }
    assert_eq!(pairs, prepared.pair_count());
    assert!(pairs > 1000);
}
