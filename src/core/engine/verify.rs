//! Verifiable plans: a plan file records each scenario's outcome
//! ([`RecordedPlan`]); whoever receives it recomputes every scenario from the
//! file's own inputs, settings and decisions and sees either "identical" or
//! each difference — so anyone can check that the published rules, not a
//! hand, produced the plan. Manual decisions are part of the inputs and are
//! listed with their reasons.

use super::model::{RoundInput, SlotKind};
use super::{plan, plan_by, Engine, Plan};
use crate::core::model::*;
use std::collections::BTreeMap;

/// The moves of a computed plan, as recorded in a file.
pub fn record(ws: &Workspace, scenario: &Scenario, plan: &Plan, computed_at: &str) -> RecordedPlan {
    let mut moves: Vec<RecordedMove> = (0..plan.model.rows.len())
        .filter(|&row| plan.moved(row))
        .filter_map(|row| {
            let slot = &plan.model.slots[plan.slot_of_row[row]];
            match (slot.kind, slot.position) {
                (SlotKind::Unplaced { .. }, _) | (_, None) => None,
                (_, Some(p)) => Some(RecordedMove {
                    asn: ws.asn[plan.model.rows[row].asn].nip.clone(),
                    to: ws.positions[p].id.clone(),
                }),
            }
        })
        .collect();
    crate::core::sort::sort_by(&mut moves, |a, b| a.asn.cmp(&b.asn));
    RecordedPlan {
        scenario: scenario.id.clone(),
        computed_at: computed_at.to_string(),
        moves,
        objective: plan.metrics.objective,
        engine: plan.engine.number(),
    }
}

/// Computes every scenario of every round with openings and stores the
/// results in the workspace (before writing a file).
pub fn record_all(ws: &mut Workspace, computed_at: &str) {
    let mut all: Vec<(usize, Vec<RecordedPlan>)> = Vec::new();
    for (i, round) in ws.rounds.iter().enumerate() {
        if round.openings.is_empty() {
            continue;
        }
        let recorded = round
            .scenarios
            .iter()
            .filter_map(|s| {
                plan(&RoundInput {
                    ws,
                    round,
                    scenario: s,
                })
                .ok()
                .map(|p| record(ws, s, &p, computed_at))
            })
            .collect();
        all.push((i, recorded));
    }
    for (i, recorded) in all {
        ws.rounds[i].results = recorded;
    }
}

/// One person whose recorded and recomputed outcomes differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub asn: Nip,
    /// What the file says (None = stays).
    pub recorded: Option<PositionId>,
    /// What the recomputation gives (None = stays).
    pub recomputed: Option<PositionId>,
}

/// The verdict for one recorded scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Identical,
    Differs {
        differences: Vec<Difference>,
        recorded_objective: i64,
        recomputed_objective: i64,
    },
    /// The recorded scenario no longer exists in the file.
    UnknownScenario,
    /// The plan was computed by an engine this version does not know (a
    /// newer app's).
    UnknownEngine(u32),
    /// The scenario cannot be planned from the file.
    Failed(String),
}

/// The verification of one round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundCheck {
    pub round: String,
    pub scenarios: Vec<(String, Verdict)>,
    /// The manual decisions the plans include: (NIP, what, reason).
    pub overrides: Vec<Decision>,
    /// Each frozen version (published or decided): its number, fingerprint
    /// and whether the file's data still gives that fingerprint.
    pub versions: Vec<(u32, String, bool)>,
}

/// Recomputes every recorded plan of the workspace and compares.
pub fn verify(ws: &Workspace) -> Vec<RoundCheck> {
    ws.rounds
        .iter()
        .filter(|r| !r.results.is_empty() || !r.procedure.versions.is_empty())
        .map(|round| {
            let scenarios = round
                .results
                .iter()
                .map(|recorded| {
                    let scenario = round.scenarios.iter().find(|s| s.id == recorded.scenario);
                    let verdict = match (scenario, Engine::from_number(recorded.engine)) {
                        (None, _) => Verdict::UnknownScenario,
                        (Some(_), None) => Verdict::UnknownEngine(recorded.engine),
                        (Some(s), Some(engine)) => match plan_by(
                            &RoundInput {
                                ws,
                                round,
                                scenario: s,
                            },
                            engine,
                        ) {
                            Err(e) => Verdict::Failed(e.to_string()),
                            Ok(p) => compare(recorded, &record(ws, s, &p, "")),
                        },
                    };
                    (recorded.scenario.clone(), verdict)
                })
                .collect();
            RoundCheck {
                round: round.id.clone(),
                scenarios,
                overrides: round.decisions.clone(),
                versions: round
                    .procedure
                    .versions
                    .iter()
                    .map(|v| {
                        let matches = crate::core::procedure::version_matches(ws, round, v);
                        (v.number, v.fingerprint.clone(), matches)
                    })
                    .collect(),
            }
        })
        .collect()
}

fn compare(recorded: &RecordedPlan, fresh: &RecordedPlan) -> Verdict {
    fn pairs(plan: &RecordedPlan) -> BTreeMap<&Nip, &PositionId> {
        crate::core::sort::map_from(plan.moves.iter().map(|m| (&m.asn, &m.to)))
    }
    let (before, after) = (pairs(recorded), pairs(fresh));
    let mut nips: Vec<&Nip> = before.keys().chain(after.keys()).copied().collect();
    crate::core::sort::sort(&mut nips);
    nips.dedup();
    let differences: Vec<Difference> = nips
        .into_iter()
        .filter(|n| before.get(n) != after.get(n))
        .map(|n| Difference {
            asn: n.clone(),
            recorded: before.get(n).map(|p| (*p).clone()),
            recomputed: after.get(n).map(|p| (*p).clone()),
        })
        .collect();
    if differences.is_empty() && recorded.objective == fresh.objective {
        Verdict::Identical
    } else {
        Verdict::Differs {
            differences,
            recorded_objective: recorded.objective,
            recomputed_objective: fresh.objective,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::{generate, DemoConfig};
    use crate::core::io::plan_file;

    fn demo() -> Workspace {
        generate(&DemoConfig {
            asn: 400,
            seed: 8,
            ..DemoConfig::default()
        })
    }

    /// Whether every recorded scenario of the first round is identical.
    fn all_identical(checks: &[RoundCheck]) -> bool {
        checks[0]
            .scenarios
            .iter()
            .all(|(_, v)| *v == Verdict::Identical)
    }

    #[test]
    fn a_recorded_plan_verifies_identical_after_a_round_trip() {
        let mut ws = demo();
        record_all(&mut ws, "2026-11-28T10:00:00Z");
        let round = ws.open_round().unwrap();
        assert_eq!(round.results.len(), round.scenarios.len());
        assert!(round.results.iter().all(|r| !r.moves.is_empty()));
        let text = plan_file::write(&ws, "2026-11-28T10:00:00Z");
        let back = plan_file::read(&text).unwrap().workspace;
        let checks = verify(&back);
        assert_eq!(checks.len(), 1);
        assert!(all_identical(&checks), "{checks:?}");
    }

    #[test]
    fn a_plan_recorded_by_engine_1_is_verified_with_engine_1() {
        let mut ws = demo();
        // Recorded as a file written before engines were numbered: engine
        // 1's plans, and no "engine" field.
        let round = ws
            .rounds
            .iter()
            .position(|r| !r.openings.is_empty())
            .unwrap();
        let recorded: Vec<RecordedPlan> = ws.rounds[round]
            .scenarios
            .iter()
            .map(|s| {
                let input = RoundInput {
                    ws: &ws,
                    round: &ws.rounds[round],
                    scenario: s,
                };
                record(&ws, s, &plan_by(&input, Engine::Seats).unwrap(), "t")
            })
            .collect();
        // The current engine picks other equally good plans here, so a
        // verification with it would report differences.
        let first = &ws.rounds[round].scenarios[0];
        let input = RoundInput {
            ws: &ws,
            round: &ws.rounds[round],
            scenario: first,
        };
        let now = record(&ws, first, &plan(&input).unwrap(), "t");
        assert_ne!(now.moves, recorded[0].moves);
        ws.rounds[round].results = recorded;
        let mut file: serde_json::Value =
            serde_json::from_str(&plan_file::write(&ws, "t")).unwrap();
        let results = file["workspace"]["rounds"][round]["results"]
            .as_array_mut()
            .unwrap();
        for r in results.iter_mut() {
            assert_eq!(r["engine"], 1);
            r.as_object_mut().unwrap().remove("engine");
        }
        let back = plan_file::read(&file.to_string()).unwrap().workspace;
        let checks = verify(&back);
        assert!(all_identical(&checks), "{checks:?}");
        // A number this version does not know is reported as such.
        let mut newer = back.clone();
        newer.rounds[round].results[0].engine = 99;
        assert_eq!(verify(&newer)[0].scenarios[0].1, Verdict::UnknownEngine(99));
    }

    #[test]
    fn a_hand_edited_plan_shows_each_difference() {
        let mut ws = demo();
        record_all(&mut ws, "t");
        let round = ws.open_round_mut().unwrap();
        // Someone edits the published outcome: one move redirected, one added.
        let first = round.results[0].moves[0].clone();
        let other = round.results[0].moves[1].to.clone();
        round.results[0].moves[0].to = other.clone();
        let checks = verify(&ws);
        match &checks[0].scenarios[0].1 {
            Verdict::Differs { differences, .. } => {
                assert_eq!(differences.len(), 1);
                assert_eq!(differences[0].asn, first.asn);
                assert_eq!(differences[0].recorded.as_ref(), Some(&other));
                assert_eq!(differences[0].recomputed.as_ref(), Some(&first.to));
            }
            v => panic!("{v:?}"),
        }
        // A changed weight also shows up: the file's plan no longer follows.
        let round = ws.open_round_mut().unwrap();
        round.results[0].moves[0].to = first.to.clone();
        round.scenarios[0].weights.stability = 100;
        assert!(matches!(
            verify(&ws)[0].scenarios[0].1,
            Verdict::Differs { .. }
        ));
    }
}
