//! What a slider drag costs natively with the cached round ([`Planner`]):
//! the first plan (the round built), then plans under changed weights (the
//! round re-selected from the cache and solved), with the fingerprints the
//! page takes to know whether the round changed, the eligible pairs the
//! cache holds and their memory. Median of several drags.
//!
//! `cargo run --release --example drag -- [ASN] [DRAGS]`

mod common;
use common::{arg, demo, median};
use mutasi_planner::core::engine::model::{Prepared, RoundInput};
use mutasi_planner::core::engine::Planner;
use std::time::Instant;

fn main() {
    let asn: usize = arg(1, 1_500);
    let drags: usize = arg(2, 7);
    let mut ws = demo(asn);
    let Some(round_ix) = ws.rounds.iter().rposition(|r| !r.openings.is_empty()) else {
        eprintln!("no open round");
        return;
    };
    let ms = |start: Instant| start.elapsed().as_secs_f64() * 1e3;

    let start = Instant::now();
    let round = &ws.rounds[round_ix];
    let prepared = Prepared::build(&RoundInput {
        ws: &ws,
        round,
        scenario: &round.scenarios[0],
    });
    let build_ms = ms(start);
    println!(
        "{asn} ASN: round built in {build_ms:.0} ms; {} eligible pairs cached ({:.1} MB)",
        prepared.pair_count(),
        prepared.pair_bytes() as f64 / 1e6
    );

    let select: Vec<f64> = (0..3)
        .map(|i| {
            let mut w = ws.rounds[round_ix].scenarios[0].weights.clone();
            w.fit = 2 + i;
            let start = Instant::now();
            let model = prepared.model(&w);
            let took = ms(start);
            assert!(!model.candidates.is_empty());
            took
        })
        .collect();
    println!(
        "re-selecting the candidates: {:.1} ms (median of 3)",
        median(select)
    );

    let mut planner = Planner::default();
    let mut fingerprint = Vec::new();
    let mut first = 0.0;
    let mut drag = Vec::new();
    for i in 0..=drags {
        ws.rounds[round_ix].scenarios[0].weights.fit = 1 + (i % 5) as u16;
        let round = &ws.rounds[round_ix];
        let input = RoundInput {
            ws: &ws,
            round,
            scenario: &round.scenarios[0],
        };
        let start = Instant::now();
        let key = planner.fingerprints(&input).model;
        fingerprint.push(ms(start));
        let start = Instant::now();
        let plan = planner.plan_keyed(&input, key);
        let took = ms(start);
        if plan.is_err() {
            eprintln!("no plan: {plan:?}");
            return;
        }
        if i == 0 {
            first = took;
        } else {
            drag.push(took);
        }
    }
    println!(
        "first plan {first:.0} ms; a weight drag re-plans in {:.1} ms (median of {drags}); fingerprints {:.1} ms; rounds built: {}",
        median(drag),
        median(fingerprint),
        planner.builds()
    );
}
