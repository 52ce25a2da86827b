//! Assignment with column capacities (a transportation problem with unit
//! supplies): every row gets one column, column `j` takes at most
//! `capacity[j]` rows, at the least total cost.
//!
//! Why: a round's seats of one position are interchangeable. Every
//! candidate of a position may take any of its seats at the same cost, so
//! as one column per seat, a position with 270 seats gives each of its
//! 320 candidates 270 pairs: a province's round had a million pairs, most
//! of them copies. As one column with a capacity it has 155,000 (see
//! `engine::Engine::Positions`).
//!
//! The method is the sparse solver's ([`super::sparse`]): shortest
//! augmenting paths with Dijkstra over reduced costs and column prices `v`
//! that only go down, so the same duals and the same certificate apply,
//! with `Σ_i x_ij ≤ capacity_j` in place of `≤ 1`:
//!
//! 1. Each row, in order, takes its cheapest column (the lowest on ties)
//!    while that column has room; the others are left free. With all
//!    prices 0 and `u_i` the row's cheapest cost, this is dual feasible and
//!    tight on every chosen pair.
//! 2. Each free row, in order, is placed by one Dijkstra search from it
//!    over the columns. Reaching a column with room ends the search;
//!    settling a full column continues from every row on it (each sits on
//!    a tight pair, so it is reached at the column's distance). The heap is
//!    ordered by (distance, column), a column's distance improves only
//!    strictly, and the rows of a full column are expanded in the order
//!    they came to it, so results are deterministic.
//! 3. The path is augmented (each row on it moves one column along) and
//!    the columns settled before its end lower their prices by how much
//!    nearer they were: every pair stays dual feasible, every chosen pair
//!    tight, and a column with room keeps price 0 (it is never settled
//!    while it has room without ending the search).

use super::sparse::{Dijkstra, SparseProblem};
use super::{AssignError, Cost};

const NONE: usize = usize::MAX;

/// A solved problem with capacities, with its duals.
#[derive(Clone, Debug, PartialEq)]
pub struct Transport<C> {
    /// The column of each row.
    pub row_to_col: Vec<usize>,
    /// How many rows each column took.
    pub load: Vec<u32>,
    /// Row duals.
    pub u: Vec<C>,
    /// Column duals (≤ 0; 0 on columns with room left).
    pub v: Vec<C>,
    /// The total cost of the chosen pairs.
    pub total: C,
}

/// Solves the problem with `capacity[j]` rows allowed on column `j`. Every
/// row needs an allowed column and all rows must fit at once, or the error
/// names a row that cannot be placed.
pub fn solve<C: Cost>(p: &SparseProblem<C>, capacity: &[u32]) -> Result<Transport<C>, AssignError> {
    let (rows, cols) = (p.rows(), p.cols());
    if capacity.len() != cols {
        return Err(AssignError::Shape {
            expected: cols,
            found: capacity.len(),
        });
    }
    let room: usize = capacity.iter().map(|&c| c as usize).sum();
    if rows > room {
        return Err(AssignError::TooManyRows { rows, cols: room });
    }
    let mut state = State {
        x: vec![NONE; rows],
        chosen_cost: vec![C::ZERO; rows],
        on: vec![Vec::new(); cols],
        v: vec![C::ZERO; cols],
    };
    let mut free = Vec::new();
    for i in 0..rows {
        let best = p
            .row(i)
            .fold(None, |best: Option<(usize, C)>, (j, c)| match best {
                Some((_, b)) if c >= b => best,
                _ => Some((j, c)),
            });
        let Some((j, c)) = best else {
            return Err(AssignError::Infeasible { row: i });
        };
        if (state.on[j].len() as u64) < u64::from(capacity[j]) {
            state.take(i, j, c);
        } else {
            free.push(i);
        }
    }
    let mut search = Dijkstra::new(cols);
    for &i in &free {
        let end = find(&mut search, p, capacity, i, &mut state)
            .ok_or(AssignError::Infeasible { row: i })?;
        let mut j = end;
        loop {
            let row = search.pred[j];
            let previous = state.x[row];
            state.leave(row);
            state.take(row, j, search.pred_cost[j]);
            if row == i {
                break;
            }
            j = previous;
        }
    }
    let mut u = Vec::with_capacity(rows);
    let mut total = C::ZERO;
    for i in 0..rows {
        u.push(state.chosen_cost[i] - state.v[state.x[i]]);
        total = total + state.chosen_cost[i];
    }
    Ok(Transport {
        load: state.on.iter().map(|r| r.len() as u32).collect(),
        row_to_col: state.x,
        u,
        v: state.v,
        total,
    })
}

/// Who sits where, and the prices.
struct State<C> {
    x: Vec<usize>,
    /// The cost of each row's chosen pair.
    chosen_cost: Vec<C>,
    /// The rows on each column, in the order they came.
    on: Vec<Vec<usize>>,
    v: Vec<C>,
}

impl<C: Cost> State<C> {
    fn take(&mut self, row: usize, j: usize, cost: C) {
        self.x[row] = j;
        self.chosen_cost[row] = cost;
        self.on[j].push(row);
    }

    fn leave(&mut self, row: usize) {
        let j = self.x[row];
        if j == NONE {
            return;
        }
        if let Some(k) = self.on[j].iter().position(|&r| r == row) {
            self.on[j].remove(k);
        }
        self.x[row] = NONE;
    }
}

/// Shortest path from free row `start` to a column with room, over reduced
/// costs; lowers the prices of the columns settled before it.
fn find<C: Cost>(
    search: &mut Dijkstra<C>,
    p: &SparseProblem<C>,
    capacity: &[u32],
    start: usize,
    state: &mut State<C>,
) -> Option<usize> {
    for (j, c) in p.row(start) {
        search.relax(j, c - state.v[j], start, c);
    }
    let mut end = None;
    while let Some((dist, j)) = search.settle_next() {
        if (state.on[j].len() as u64) < u64::from(capacity[j]) {
            end = Some(j);
            break;
        }
        for &i in &state.on[j] {
            // Row i sits on column j: its dual u_i = c_ij − v_j.
            let u_i = state.chosen_cost[i] - state.v[j];
            for (jj, c) in p.row(i) {
                search.relax(jj, dist + (c - state.v[jj] - u_i), i, c);
            }
        }
    }
    search.finish(end, &mut state.v);
    end
}
