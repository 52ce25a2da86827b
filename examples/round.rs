//! Plans every scenario of the demo's open round and prints the metrics and
//! the time each step takes, then what the moves are (lateral, JPT rotation,
//! alih jabatan, promotion, demotion, JPT post, placement; PPPK moved), the
//! openings filled per position type and the JPT posts left to open
//! selection; for a stable plan, what each phase did.
//!
//! `cargo run --release --example round -- [ASN] [SEED]`

use mutasi_planner::core::demo::{generate, DemoConfig};
use mutasi_planner::core::engine::{self, model::RoundInput, model::RoundModel, report};
use mutasi_planner::core::move_class::MoveClass;
use std::time::Instant;

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
            let start = Instant::now();
            let model = RoundModel::build(&input);
            let build_ms = start.elapsed().as_secs_f64() * 1e3;
            let edges: usize = model.candidates.values().map(Vec::len).sum();
            let start = Instant::now();
            let plan = engine::plan(&input);
            let plan_ms = start.elapsed().as_secs_f64() * 1e3;
            match plan {
                Ok(p) => {
                    let m = &p.metrics;
                    println!(
                        "{} [{mode:?}] people={} excluded={} slots={} candidate pairs={edges} build={build_ms:.1}ms plan={plan_ms:.1}ms",
                        scenario.name, m.people, m.excluded, p.model.slots.len()
                    );
                    println!(
                        "  moves={} objective={} mean_fit={:.3} MS/MMS/KMS={}/{}/{} first/top3={}/{} of {} with prefs, openings {}/{} (urgent {}/{}), seats vacated={}, distance={} km, chains={}, justified envy={}",
                        m.moves, m.objective, f64::from(m.mean_fit_milli) / 1000.0, m.ms, m.mms, m.kms, m.first_choice, m.top_three,
                        m.with_preferences, m.openings_filled, m.openings, m.urgent_filled, m.urgent, m.seats_vacated,
                        m.total_distance_km, p.chains.len(), m.justified_envy
                    );
                    if let Some(ph) = &m.phases {
                        println!(
                            "  phases: participants={} decisions {} moves ({} openings); phase 1 (wishes) {} moves ({} openings), envy {}; phase 2 (needs) {} moves ({} openings)",
                            m.participants, ph.decision_moves, ph.decision_openings_filled, ph.wish_moves,
                            ph.wish_openings_filled, ph.wish_envy, ph.need_moves, ph.need_openings_filled
                        );
                    }
                    print_classes(&input, &p);
                }
                Err(e) => println!("{}: {e}", scenario.name),
            }
        }
    }
}

/// The classes of a plan's moves, the openings filled per position type and
/// the JPT posts with their talent-pool candidates.
fn print_classes(input: &RoundInput<'_>, plan: &engine::Plan) {
    let ws = input.ws;
    let counts = report::class_counts(ws, plan);
    let classes: Vec<String> = MoveClass::ALL
        .iter()
        .map(|c| format!("{c:?} {}", counts.by_class.get(c).copied().unwrap_or(0)))
        .collect();
    println!(
        "  classes: {}; PPPK moved {}",
        classes.join(", "),
        counts.pppk_moved
    );
    let (mut open, mut filled) = (0, 0);
    let per_type: Vec<String> = report::openings_by_type(ws, input.round, plan)
        .into_iter()
        .map(|(kind, (o, f))| {
            open += o;
            filled += f;
            format!("{} {f}/{o}", kind.label())
        })
        .collect();
    println!("  openings filled {filled}/{open}: {}", per_type.join(", "));
    for s in engine::selection::open_selection(input, &plan.model) {
        println!(
            "  open selection: {} ({} pool candidates)",
            ws.positions[s.position].name,
            s.candidates.len()
        );
    }
}
