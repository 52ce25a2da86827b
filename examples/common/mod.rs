//! Timing helpers shared by the examples that print figures.

use std::time::Instant;

/// The median of some measurements (the upper one of an even count).
pub fn median(mut v: Vec<f64>) -> f64 {
    mutasi_planner::core::sort::sort_by(&mut v, f64::total_cmp);
    v[v.len() / 2]
}

/// Milliseconds `f` takes, median of 5 runs. (Each example compiles this
/// module on its own; not every one times a closure.)
#[allow(dead_code)]
pub fn time_ms(f: &dyn Fn()) -> f64 {
    median(
        (0..5)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed().as_secs_f64() * 1e3
            })
            .collect(),
    )
}

/// Command-line argument `i` (from 1), or `default` when it is missing or
/// unreadable.
#[allow(dead_code)]
pub fn arg<T: std::str::FromStr>(i: usize, default: T) -> T {
    std::env::args()
        .nth(i)
        .and_then(|a| a.parse().ok())
        .unwrap_or(default)
}

/// The generated demo with `asn` people (the demo's own seed).
#[allow(dead_code)]
pub fn demo(asn: usize) -> mutasi_planner::core::model::Workspace {
    use mutasi_planner::core::demo::{generate, DemoConfig};
    generate(&DemoConfig {
        asn,
        ..DemoConfig::default()
    })
}
