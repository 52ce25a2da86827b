//! The demo's plan by level (issue 39's report): per scenario of the open
//! round, the moves, the openings and how many are filled, and the moves
//! by the level of their destination. `cargo run --release --example
//! levels [ASN]` (default 1,500, the demo's seed).

use mutasi_planner::core::engine::{self, model::RoundInput};
use mutasi_planner::core::model::PositionType;
use std::collections::BTreeMap;

mod common;

fn main() {
    let ws = common::demo(common::arg(1, 1_500));
    let round = ws.open_round().expect("the demo has an open round");
    for scenario in &round.scenarios {
        let plan = engine::plan(&RoundInput {
            ws: &ws,
            round,
            scenario,
        })
        .expect("a plan");
        let m = &plan.metrics;
        let mut by_level: BTreeMap<PositionType, usize> = BTreeMap::new();
        for row in 0..plan.row_count() {
            if plan.moved(row) {
                if let Some(p) = plan.destination(row) {
                    *by_level.entry(ws.positions[p].kind).or_default() += 1;
                }
            }
        }
        let levels: Vec<String> = by_level
            .iter()
            .map(|(k, n)| format!("{} {n}", k.label()))
            .collect();
        println!(
            "{} ({:?}): moves {}, openings {} filled {} (urgent {}/{}); by level: {}",
            scenario.name,
            scenario.mode,
            m.moves,
            m.openings,
            m.openings_filled,
            m.urgent_filled,
            m.urgent,
            levels.join(", ")
        );
    }
}
