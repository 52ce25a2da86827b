//! Seeded random instances for benchmarks and tests (the same seed gives the
//! same instance everywhere).

use super::sparse::SparseProblem;
use super::AssignError;
use crate::core::rng::Rng;

/// A `rows × cols` matrix of uniform costs in [0, 1), row-major.
pub fn dense_uniform(seed: u64, rows: usize, cols: usize) -> Vec<f64> {
    let mut rng = Rng::new(seed);
    (0..rows * cols)
        .map(|_| (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64)
        .collect()
}

/// A large round in the shape of the planner's: `people` rows; columns are
/// `positions` open slots followed by one "stay" slot per person. Each
/// position draws 20–`max_candidates` distinct candidates with an integer
/// cost in 0..1000; staying costs 500. Every row can stay, so the instance is
/// always feasible.
pub fn sparse_round(
    seed: u64,
    people: usize,
    positions: usize,
    max_candidates: usize,
) -> Result<SparseProblem<i64>, AssignError> {
    let mut rng = Rng::new(seed);
    let mut rows: Vec<Vec<(usize, i64)>> =
        (0..people).map(|i| vec![(positions + i, 500)]).collect();
    if people > 0 {
        for j in 0..positions {
            let lo = 20.min(max_candidates);
            let n = rng.range(lo as i64, max_candidates as i64) as usize;
            let mut chosen = std::collections::BTreeSet::new();
            while chosen.len() < n.min(people) {
                chosen.insert(rng.below(people as u64) as usize);
            }
            for i in chosen {
                rows[i].push((j, rng.range(0, 999)));
            }
        }
    }
    SparseProblem::from_rows(positions + people, rows)
}
