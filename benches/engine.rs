//! `cargo bench`: the assignment solvers on the reference sizes.
//! Dense: uniform random n × n (n = 1000, 2000, 4000), the matrices the `lap`
//! Python package is timed on. Sparse: 20,000 people × 5,000 positions with at
//! most 50 candidates each (plus a stay slot per person).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use mutasi_planner::core::assign::{dense, instances, sparse};
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

criterion_group!(benches, dense_bench, sparse_bench);
criterion_main!(benches);
