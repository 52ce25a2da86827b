//! What the moves of every scenario of the demo's open round are: lateral,
//! JPT rotation, alih jabatan, promotion, demotion, JPT post, placement, and
//! how many PPPK move; then the openings filled per position type.
//!
//! `cargo run --release --example move_classes -- [ASN] [SEED]`

use mutasi_planner::core::demo::{generate, DemoConfig};
use mutasi_planner::core::engine::{self, model::RoundInput, report};
use mutasi_planner::core::move_class::MoveClass;

fn main() {
    let mut args = std::env::args().skip(1);
    let asn: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1_500);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(2026);
    let ws = generate(&DemoConfig {
        asn,
        seed,
        ..DemoConfig::default()
    });
    let Some(round) = ws.rounds.iter().rev().find(|r| !r.openings.is_empty()) else {
        eprintln!("no open round");
        return;
    };
    for scenario in &round.scenarios {
        for mode in [engine::Mode::Optimal, engine::Mode::Stable] {
            let mut scenario = scenario.clone();
            scenario.mode = mode;
            let input = RoundInput {
                ws: &ws,
                round,
                scenario: &scenario,
            };
            let plan = match engine::plan(&input) {
                Ok(p) => p,
                Err(e) => {
                    println!("{}: {e}", scenario.name);
                    continue;
                }
            };
            let counts = report::class_counts(&ws, &plan);
            let classes: Vec<String> = MoveClass::ALL
                .iter()
                .map(|c| format!("{c:?} {}", counts.by_class.get(c).copied().unwrap_or(0)))
                .collect();
            println!(
                "{} [{mode:?}] moves {}: {}; PPPK moved {}",
                scenario.name,
                plan.metrics.moves,
                classes.join(", "),
                counts.pppk_moved
            );
            let (mut open, mut filled) = (0, 0);
            let per_type: Vec<String> = report::openings_by_type(&ws, round, &plan)
                .into_iter()
                .map(|(kind, (o, f))| {
                    open += o;
                    filled += f;
                    format!("{} {f}/{o}", kind.label())
                })
                .collect();
            println!("  openings filled {filled}/{open}: {}", per_type.join(", "));
            let selection = engine::selection::open_selection(&input);
            if !selection.is_empty() {
                let listed: Vec<String> = selection
                    .iter()
                    .map(|s| {
                        format!(
                            "{} ({} pool candidates)",
                            ws.positions[s.position].name,
                            s.candidates.len()
                        )
                    })
                    .collect();
                println!("  open selection: {}", listed.join("; "));
            }
        }
    }
}
