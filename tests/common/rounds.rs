//! Demo workspaces and their open round, for the engine tests
//! (tests/engine.rs, tests/move_class.rs, tests/hostile.rs).

use mutasi_planner::core::demo::{generate, DemoConfig};
use mutasi_planner::core::engine::{self, model::RoundInput, Plan};
use mutasi_planner::core::model::{
    Decision, DecisionAction, Nip, ObjectiveWeights, Round, Workspace,
};

/// The seeded demo generator at `asn` people.
pub fn demo(asn: usize, seed: u64) -> Workspace {
    generate(&DemoConfig {
        asn,
        seed,
        ..DemoConfig::default()
    })
}

/// Objective weights that are all 0.
pub fn zero_weights() -> ObjectiveWeights {
    ObjectiveWeights {
        fit: 0,
        preference: 0,
        priority: 0,
        distance: 0,
        stability: 0,
        refreshment: 0,
    }
}

/// The workspace's last round with openings (the demo's open round).
pub fn open_round(ws: &Workspace) -> &Round {
    ws.rounds
        .iter()
        .rev()
        .find(|r| !r.openings.is_empty())
        .unwrap()
}

/// The plan of a round's first scenario.
pub fn plan_first(ws: &Workspace, round: &Round) -> Plan {
    engine::plan(&RoundInput {
        ws,
        round,
        scenario: &round.scenarios[0],
    })
    .unwrap()
}

/// A manual decision that keeps a person where they are.
pub fn stay(asn: &Nip) -> Decision {
    Decision {
        asn: asn.clone(),
        action: DecisionAction::Stay,
        reason: "uji".into(),
        at: "2026-12-01T00:00:00Z".into(),
        comment: None,
    }
}
