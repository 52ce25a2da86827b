//! An independent certificate of optimality: given a problem, an assignment
//! and duals, checks the linear program's conditions directly (see
//! [`super`]), without trusting how they were found.
//!
//! 1. every row has one column, no column two rows, no forbidden pair;
//! 2. the stated total is the sum of the chosen costs;
//! 3. dual feasibility: `u_i + v_j ≤ c_ij` for every allowed pair, `v_j ≤ 0`;
//! 4. complementary slackness: `u_i + v_j = c_ij` on chosen pairs, `v_j = 0`
//!    on free columns.
//!
//! Together they prove the assignment optimal (weak duality), so a large
//! solve can be trusted without a second solver.

use super::{capacity::Transport, sparse::SparseProblem, Cost, Solution};

/// Checks a dense solution; `Err` says which condition fails and where.
pub fn check_dense<C: Cost>(
    cost: &[C],
    rows: usize,
    cols: usize,
    s: &Solution<C>,
) -> Result<(), String> {
    check_shape(rows, cols, s)?;
    let mut total = C::ZERO;
    for (i, &j) in s.row_to_col.iter().enumerate() {
        let c = cost[i * cols + j];
        if !c.is_allowed() {
            return Err(format!("row {i} is on forbidden column {j}"));
        }
        total = total + c;
        if !(s.u[i] + s.v[j]).approx_eq(c) {
            return Err(format!(
                "slackness: u[{i}] + v[{j}] = {:?} but c = {c:?}",
                s.u[i] + s.v[j]
            ));
        }
    }
    if !total.approx_eq(s.total) {
        return Err(format!(
            "total {:?} but the chosen costs sum to {total:?}",
            s.total
        ));
    }
    for i in 0..rows {
        for j in 0..cols {
            let c = cost[i * cols + j];
            if c.is_allowed() && !(s.u[i] + s.v[j]).approx_le(c) {
                return Err(format!(
                    "dual infeasible at ({i}, {j}): u + v = {:?} > c = {c:?}",
                    s.u[i] + s.v[j]
                ));
            }
        }
    }
    Ok(())
}

/// Checks a sparse solution over its allowed pairs.
pub fn check_sparse<C: Cost>(p: &SparseProblem<C>, s: &Solution<C>) -> Result<(), String> {
    check_shape(p.rows(), p.cols(), s)?;
    check_sparse_duals(p, &s.row_to_col, &s.u, &s.v, s.total)
}

/// Checks a solution with column capacities ([`super::capacity`]): the
/// same conditions, with `load_j ≤ capacity_j` in place of one row per
/// column, and `v_j = 0` on every column with room left.
pub fn check_capacity<C: Cost>(
    p: &SparseProblem<C>,
    capacity: &[u32],
    s: &Transport<C>,
) -> Result<(), String> {
    let (rows, cols) = (p.rows(), p.cols());
    if s.row_to_col.len() != rows
        || s.u.len() != rows
        || s.load.len() != cols
        || s.v.len() != cols
        || capacity.len() != cols
    {
        return Err("the solution's sizes do not match the problem".into());
    }
    let mut load = vec![0u32; cols];
    for (i, &j) in s.row_to_col.iter().enumerate() {
        if j >= cols {
            return Err(format!("row {i} has no column"));
        }
        load[j] += 1;
    }
    for j in 0..cols {
        if load[j] != s.load[j] {
            return Err(format!(
                "column {j}: load says {}, the rows say {}",
                s.load[j], load[j]
            ));
        }
        if load[j] > capacity[j] {
            return Err(format!(
                "column {j} takes {} rows, over its capacity {}",
                load[j], capacity[j]
            ));
        }
        if !s.v[j].approx_le(C::ZERO) {
            return Err(format!("v[{j}] = {:?} is positive", s.v[j]));
        }
        if load[j] < capacity[j] && !s.v[j].approx_eq(C::ZERO) {
            return Err(format!("column {j} has room but v = {:?}, not 0", s.v[j]));
        }
    }
    check_sparse_duals(p, &s.row_to_col, &s.u, &s.v, s.total)
}

/// The conditions a sparse solution and a solution with capacities share:
/// every row on an allowed pair that is tight, the stated total the sum of
/// the chosen costs, and `u_i + v_j ≤ c_ij` on every allowed pair.
fn check_sparse_duals<C: Cost>(
    p: &SparseProblem<C>,
    row_to_col: &[usize],
    u: &[C],
    v: &[C],
    stated_total: C,
) -> Result<(), String> {
    let mut total = C::ZERO;
    for (i, &j) in row_to_col.iter().enumerate() {
        let Some(c) = p.cost(i, j) else {
            return Err(format!("row {i} is on column {j}, which it may not take"));
        };
        total = total + c;
        if !(u[i] + v[j]).approx_eq(c) {
            return Err(format!(
                "slackness: u[{i}] + v[{j}] = {:?} but c = {c:?}",
                u[i] + v[j]
            ));
        }
    }
    if !total.approx_eq(stated_total) {
        return Err(format!(
            "total {stated_total:?} but the chosen costs sum to {total:?}"
        ));
    }
    // The callers checked that there is one u per row.
    for (i, &u_i) in u.iter().enumerate() {
        for (j, c) in p.row(i) {
            if !(u_i + v[j]).approx_le(c) {
                return Err(format!(
                    "dual infeasible at ({i}, {j}): u + v = {:?} > c = {c:?}",
                    u_i + v[j]
                ));
            }
        }
    }
    Ok(())
}

fn check_shape<C: Cost>(rows: usize, cols: usize, s: &Solution<C>) -> Result<(), String> {
    if s.row_to_col.len() != rows
        || s.u.len() != rows
        || s.col_to_row.len() != cols
        || s.v.len() != cols
    {
        return Err("the solution's sizes do not match the problem".into());
    }
    let mut owner = vec![None; cols];
    for (i, &j) in s.row_to_col.iter().enumerate() {
        if j >= cols {
            return Err(format!("row {i} has no column"));
        }
        if let Some(other) = owner[j] {
            return Err(format!("column {j} is taken by rows {other} and {i}"));
        }
        owner[j] = Some(i);
    }
    for (j, row) in s.col_to_row.iter().enumerate() {
        if *row != owner[j] {
            return Err(format!(
                "column {j}: col_to_row says {row:?}, row_to_col says {:?}",
                owner[j]
            ));
        }
        if !s.v[j].approx_le(C::ZERO) {
            return Err(format!("v[{j}] = {:?} is positive", s.v[j]));
        }
        if row.is_none() && !s.v[j].approx_eq(C::ZERO) {
            return Err(format!("free column {j} has v = {:?}, not 0", s.v[j]));
        }
    }
    Ok(())
}
