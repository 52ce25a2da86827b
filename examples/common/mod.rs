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
