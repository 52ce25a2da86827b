//! Figures for issue 19 (hostile inputs), in release:
//! `cargo run --release --example hostile_figures -- 20000`.
//! Prints the cost of the plan-inputs fingerprint (what the page computes on
//! every edit to decide whether to recompute), of a plan, and of the
//! pseudonymised copy, with the copy's anonymity figures.
mod common;
use common::{arg, demo, time_ms};
use mutasi_planner::core::engine::{canonical, model::RoundInput, plan};
use mutasi_planner::core::io::pseudonym::pseudonymise;
use std::time::Instant;

fn main() {
    let n: usize = arg(1, 20_000);
    let ws = demo(n);
    let round = ws.open_round().expect("the demo has an open round");
    let input = RoundInput {
        ws: &ws,
        round,
        scenario: &round.scenarios[0],
    };
    println!("{n} ASN");
    println!(
        "inputs fingerprint: {:.1} ms (median of 5)",
        time_ms(&|| {
            canonical::inputs(&input);
        })
    );
    println!(
        "plan:               {:.1} ms",
        time_ms(&|| {
            plan(&input).unwrap();
        })
    );
    let t = Instant::now();
    let (_, report) = pseudonymise(&ws, 7).unwrap();
    println!(
        "pseudonymise:       {:.1} ms; {report:?}",
        t.elapsed().as_secs_f64() * 1e3
    );
}
