//! `cargo bench`: the assignment solvers on the reference sizes.
//! Dense: uniform random n × n (n = 1000, 2000, 4000), the matrices the `lap`
//! Python package is timed on. Sparse: 20,000 people × 5,000 positions with at
//! most 50 candidates each (plus a stay slot per person). The demo round: the
//! 1,500-ASN demo's open round end to end (eligibility, scoring, solve,
//! metrics) for each scenario in both modes.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use mutasi_planner::core::assign::{dense, instances, sparse};
use mutasi_planner::core::demo::jambi_demo;
use mutasi_planner::core::engine::{self, model::RoundInput, Mode};
use std::hint::black_box;
use std::time::Duration;

fn dense_bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("dense_uniform");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for n in [1000usize, 2000, 4000] {
        let cost = instances::dense_uniform(n as u64, n, n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &cost, |b, cost| {
            b.iter(|| dense::solve(black_box(cost), n, n).map(|s| s.total))
        });
    }
    group.finish();
}

fn sparse_bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("sparse_round");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    let p = instances::sparse_round(2026, 20_000, 5_000, 50).expect("a valid instance");
    group.bench_function("20000x5000_c50", |b| {
        b.iter(|| sparse::solve(black_box(&p)).map(|s| s.total))
    });
    group.finish();
}

fn demo_round_bench(c: &mut Criterion) {
    let ws = jambi_demo();
    let round = ws
        .rounds
        .iter()
        .rev()
        .find(|r| !r.openings.is_empty())
        .expect("an open round");
    let mut group = c.benchmark_group("demo_round");
    group.sample_size(20);
    for scenario in &round.scenarios {
        for mode in [Mode::Optimal, Mode::Stable] {
            let mut scenario = scenario.clone();
            scenario.mode = mode;
            let input = RoundInput {
                ws: &ws,
                round,
                scenario: &scenario,
            };
            group.bench_function(format!("{}_{mode:?}", scenario.id), |b| {
                b.iter(|| engine::plan(black_box(&input)).map(|p| p.metrics.objective))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, dense_bench, sparse_bench, demo_round_bench);
criterion_main!(benches);
