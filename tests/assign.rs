//! The assignment solvers against brute force on every small shape, and
//! against the independent optimality certificate on large random problems.
#![cfg(not(target_arch = "wasm32"))]

use mutasi_planner::core::assign::sparse::SparseProblem;
use mutasi_planner::core::assign::{capacity, certificate, dense, sparse, AssignError, Cost};
use mutasi_planner::core::rng::Rng;
use proptest::prelude::*;

/// The least total over all injective row → column maps, if any is allowed.
fn brute_force(cost: &[i64], rows: usize, cols: usize) -> Option<i64> {
    fn go(cost: &[i64], rows: usize, cols: usize, i: usize, used: &mut Vec<bool>) -> Option<i64> {
        if i == rows {
            return Some(0);
        }
        let mut best: Option<i64> = None;
        for j in 0..cols {
            let c = cost[i * cols + j];
            if used[j] || c >= i64::FORBIDDEN {
                continue;
            }
            used[j] = true;
            if let Some(rest) = go(cost, rows, cols, i + 1, used) {
                best = Some(best.map_or(c + rest, |b| b.min(c + rest)));
            }
            used[j] = false;
        }
        best
    }
    go(cost, rows, cols, 0, &mut vec![false; cols])
}

fn problem() -> impl Strategy<Value = (usize, usize, Vec<i64>)> {
    (0usize..=6, 0usize..=3).prop_flat_map(|(rows, extra)| {
        let cols = rows + extra;
        // Small ranges make ties common; about one pair in six is forbidden.
        proptest::collection::vec(
            prop_oneof![5 => -5i64..20, 1 => Just(i64::FORBIDDEN)],
            rows * cols,
        )
        .prop_map(move |cost| (rows, cols, cost))
    })
}

fn to_sparse(cost: &[i64], rows: usize, cols: usize) -> SparseProblem<i64> {
    let lists = (0..rows)
        .map(|i| {
            (0..cols)
                .filter(|&j| cost[i * cols + j] < i64::FORBIDDEN)
                .map(|j| (j, cost[i * cols + j]))
                .collect()
        })
        .collect();
    SparseProblem::from_rows(cols, lists).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn dense_equals_brute_force((rows, cols, cost) in problem()) {
        match (dense::solve(&cost, rows, cols), brute_force(&cost, rows, cols)) {
            (Ok(s), Some(best)) => {
                prop_assert_eq!(s.total, best);
                prop_assert_eq!(certificate::check_dense(&cost, rows, cols, &s), Ok(()));
            }
            (Err(AssignError::Infeasible { .. }), None) => {}
            (got, want) => prop_assert!(false, "solver {:?}, brute force {:?}", got, want),
        }
    }

    #[test]
    fn sparse_equals_brute_force((rows, cols, cost) in problem()) {
        let p = to_sparse(&cost, rows, cols);
        match (sparse::solve(&p), brute_force(&cost, rows, cols)) {
            (Ok(s), Some(best)) => {
                prop_assert_eq!(s.total, best);
                prop_assert_eq!(certificate::check_sparse(&p, &s), Ok(()));
            }
            (Err(AssignError::Infeasible { .. }), None) => {}
            (got, want) => prop_assert!(false, "solver {:?}, brute force {:?}", got, want),
        }
    }

    #[test]
    fn capacity_equals_brute_force_on_the_expanded_columns(
        (rows, cols, cost) in problem(),
        capacity in proptest::collection::vec(0u32..=3, 0..=3),
    ) {
        // Column j may take capacity[j] rows (1 where not given): brute
        // force sees each unit as a column of its own.
        let capacity: Vec<u32> = (0..cols).map(|j| capacity.get(j).copied().unwrap_or(1)).collect();
        let units: Vec<usize> = (0..cols).flat_map(|j| std::iter::repeat_n(j, capacity[j] as usize)).collect();
        let expanded: Vec<i64> = (0..rows)
            .flat_map(|i| units.iter().map(move |&j| (i, j)))
            .map(|(i, j)| cost[i * cols + j])
            .collect();
        let p = to_sparse(&cost, rows, cols);
        let best = if rows > units.len() { None } else { brute_force(&expanded, rows, units.len()) };
        match (capacity::solve(&p, &capacity), best) {
            (Ok(s), Some(best)) => {
                prop_assert_eq!(s.total, best);
                prop_assert_eq!(certificate::check_capacity(&p, &capacity, &s), Ok(()));
            }
            (Err(AssignError::Infeasible { .. } | AssignError::TooManyRows { .. }), None) => {}
            (got, want) => prop_assert!(false, "solver {:?}, brute force {:?}", got, want),
        }
    }

    #[test]
    fn float_dense_equals_integer_dense((rows, cols, cost) in problem()) {
        let floats: Vec<f64> = cost.iter().map(|&c| if c >= i64::FORBIDDEN { f64::FORBIDDEN } else { c as f64 }).collect();
        if let (Ok(a), Ok(b)) = (dense::solve(&cost, rows, cols), dense::solve(&floats, rows, cols)) {
            prop_assert_eq!(a.total as f64, b.total);
        }
    }
}

#[test]
fn certificate_rejects_a_suboptimal_assignment() {
    let cost = vec![1i64, 9, 9, 1];
    let mut s = dense::solve(&cost, 2, 2).unwrap();
    certificate::check_dense(&cost, 2, 2, &s).unwrap();
    s.row_to_col = vec![1, 0];
    s.col_to_row = vec![Some(1), Some(0)];
    s.total = 18;
    assert!(certificate::check_dense(&cost, 2, 2, &s).is_err());
}

#[test]
fn large_dense_random_problems_are_certified() {
    let mut rng = Rng::new(42);
    for (rows, cols) in [(300, 300), (200, 450), (1, 500)] {
        let cost: Vec<i64> = (0..rows * cols).map(|_| rng.range(0, 10_000)).collect();
        let s = dense::solve(&cost, rows, cols).unwrap();
        certificate::check_dense(&cost, rows, cols, &s).unwrap();
        let floats: Vec<f64> = (0..rows * cols)
            .map(|_| rng.below(1 << 30) as f64 / (1u64 << 30) as f64)
            .collect();
        let s = dense::solve(&floats, rows, cols).unwrap();
        certificate::check_dense(&floats, rows, cols, &s).unwrap();
    }
}

#[test]
fn large_sparse_random_problems_are_certified_and_match_dense() {
    let mut rng = Rng::new(7);
    let (rows, cols) = (400, 600);
    let mut dense_cost = vec![i64::FORBIDDEN; rows * cols];
    let mut lists = Vec::new();
    for i in 0..rows {
        let mut list = vec![(i, rng.range(500, 1_000))]; // a "stay" column keeps it feasible
        for _ in 0..12 {
            list.push((rng.below(cols as u64) as usize, rng.range(0, 1_000)));
        }
        for &(j, c) in &list {
            let cell = &mut dense_cost[i * cols + j];
            *cell = (*cell).min(c);
        }
        lists.push(list);
    }
    let p = SparseProblem::from_rows(cols, lists).unwrap();
    let s = sparse::solve(&p).unwrap();
    certificate::check_sparse(&p, &s).unwrap();
    let d = dense::solve(&dense_cost, rows, cols).unwrap();
    assert_eq!(s.total, d.total);
}

#[test]
fn capacity_on_a_large_round_matches_one_column_per_seat() {
    // Positions with 1 to 40 seats each; every candidate of a position may
    // take any of its seats at the same cost, and has a "stay" column.
    let mut rng = Rng::new(11);
    let positions = 300;
    let capacity: Vec<u32> = (0..positions).map(|_| rng.range(1, 41) as u32).collect();
    let first_seat: Vec<usize> = capacity
        .iter()
        .scan(0usize, |at, &c| {
            let first = *at;
            *at += c as usize;
            Some(first)
        })
        .collect();
    let seats: usize = capacity.iter().map(|&c| c as usize).sum();
    let rows = 2_000;
    let (mut merged, mut expanded) = (Vec::new(), Vec::new());
    for i in 0..rows {
        let mut by_position = vec![(positions + i, rng.range(500, 1_000))];
        for _ in 0..8 {
            by_position.push((rng.below(positions as u64) as usize, rng.range(0, 1_000)));
        }
        let mut seat_list = Vec::new();
        for &(p, c) in &by_position {
            if p >= positions {
                seat_list.push((seats + i, c));
            } else {
                seat_list.extend((0..capacity[p] as usize).map(|k| (first_seat[p] + k, c)));
            }
        }
        merged.push(by_position);
        expanded.push(seat_list);
    }
    let mut merged_capacity = capacity.clone();
    merged_capacity.extend(std::iter::repeat_n(1, rows));
    let merged = SparseProblem::from_rows(positions + rows, merged).unwrap();
    let expanded = SparseProblem::from_rows(seats + rows, expanded).unwrap();
    let a = capacity::solve(&merged, &merged_capacity).unwrap();
    certificate::check_capacity(&merged, &merged_capacity, &a).unwrap();
    let b = sparse::solve(&expanded).unwrap();
    assert_eq!(a.total, b.total);
    assert!(
        a.row_to_col.iter().any(|&j| j < positions),
        "some rows move"
    );
}

#[test]
fn capacity_certificate_rejects_an_overfull_column_and_a_priced_column_with_room() {
    let p =
        SparseProblem::from_rows(2, vec![vec![(0, 1i64), (1, 5)], vec![(0, 1), (1, 5)]]).unwrap();
    let s = capacity::solve(&p, &[1, 1]).unwrap();
    certificate::check_capacity(&p, &[1, 1], &s).unwrap();
    assert_eq!(s.total, 6);
    // Both on column 0: over its capacity of 1.
    let mut over = s.clone();
    over.row_to_col = vec![0, 0];
    over.load = vec![2, 0];
    over.total = 2;
    assert!(certificate::check_capacity(&p, &[1, 1], &over).is_err());
    // With room for both, a price below 0 on column 0 is not optimal.
    assert!(certificate::check_capacity(&p, &[3, 1], &s).is_err());
    assert_eq!(capacity::solve(&p, &[2, 0]).unwrap().total, 2);
    assert!(matches!(
        capacity::solve(&p, &[1, 0]),
        Err(AssignError::TooManyRows { .. })
    ));
}

#[test]
fn the_reference_sparse_round_is_certified() {
    // The benchmark's shape at a fifth of the size (debug builds are slow).
    let p = mutasi_planner::core::assign::instances::sparse_round(2026, 4_000, 1_000, 50).unwrap();
    let s = sparse::solve(&p).unwrap();
    certificate::check_sparse(&p, &s).unwrap();
    assert!(s.row_to_col.iter().any(|&j| j < 1_000), "some people move");
}
