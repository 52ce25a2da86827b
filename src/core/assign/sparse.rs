//! Shortest augmenting paths on a sparse problem: each row lists the columns
//! it may take (a large round: 20,000 people, each eligible for a few dozen
//! slots).
//!
//! Why this method rather than auction or min-cost flow: it is the dense
//! solver's algorithm (sparse Jonker–Volgenant, as in LAPMOD), so both share
//! one set of invariants, the same duals and the same certificate; it is
//! exact on integer costs with no ε to tune (auction needs ε-scaling and its
//! result depends on ε for ties); and after augmenting row reduction places
//! most rows, each remaining row costs one Dijkstra search that stops at the
//! first free column and touches only the columns within that distance — a
//! few hundred edges in practice, where a general min-cost-flow code would
//! carry a source, a sink and residual arcs for every pair. Dijkstra uses a
//! binary heap ordered by (distance, column), so ties go to the lowest
//! column and results are deterministic.

use super::{AssignError, Cost, Solution, BIDS_PER_FREE_ROW};
use std::cmp::Ordering;
use std::collections::BinaryHeap;

const NONE: usize = usize::MAX;

/// A sparse problem in compressed rows: row `i`'s allowed columns are
/// `cols[start[i]..start[i + 1]]`, ascending, with their costs.
#[derive(Clone, Debug, PartialEq)]
pub struct SparseProblem<C> {
    n_cols: usize,
    start: Vec<usize>,
    col: Vec<u32>,
    cost: Vec<C>,
}

impl<C: Cost> SparseProblem<C> {
    /// Builds a problem from each row's `(column, cost)` pairs. Pairs are
    /// sorted by column; a column listed twice in a row keeps the lower cost.
    pub fn from_rows(n_cols: usize, rows: Vec<Vec<(usize, C)>>) -> Result<Self, AssignError> {
        let mut start = Vec::with_capacity(rows.len() + 1);
        let mut col = Vec::new();
        let mut cost = Vec::new();
        start.push(0);
        for (i, mut edges) in rows.into_iter().enumerate() {
            crate::core::sort::sort_by(&mut edges, |a, b| {
                a.0.cmp(&b.0)
                    .then(a.1.partial_cmp(&b.1).unwrap_or(Ordering::Equal))
            });
            edges.dedup_by_key(|e| e.0);
            for (j, c) in edges {
                if j >= n_cols || j > u32::MAX as usize {
                    return Err(AssignError::Shape {
                        expected: n_cols,
                        found: j + 1,
                    });
                }
                if !c.is_allowed() {
                    return Err(AssignError::BadCost { row: i, col: j });
                }
                col.push(j as u32);
                cost.push(c);
            }
            start.push(col.len());
        }
        Ok(SparseProblem {
            n_cols,
            start,
            col,
            cost,
        })
    }

    /// Builds a problem from every row's pairs laid end to end: row `i`'s
    /// are `edges[start[i]..start[i + 1]]`, in any order. The same problem
    /// as [`SparseProblem::from_rows`] on the same pairs (sorted by column,
    /// a column listed twice keeps the lower cost), without a vector per
    /// row: a province's round has a million pairs.
    pub fn from_segments(
        n_cols: usize,
        start: Vec<usize>,
        mut edges: Vec<(u32, C)>,
    ) -> Result<Self, AssignError> {
        let rows = start.len().saturating_sub(1);
        let mut out_start = Vec::with_capacity(start.len());
        let mut col = Vec::with_capacity(edges.len());
        let mut cost = Vec::with_capacity(edges.len());
        out_start.push(0);
        let total = edges.len();
        for i in 0..rows {
            let segment = edges
                .get_mut(start[i]..start[i + 1])
                .ok_or(AssignError::Shape {
                    expected: start[i + 1],
                    found: total,
                })?;
            // By column, then cost: the first of a column is its cheapest.
            segment.sort_unstable_by(|a, b| {
                a.0.cmp(&b.0)
                    .then(a.1.partial_cmp(&b.1).unwrap_or(Ordering::Equal))
            });
            let mut last = None;
            for &(j, c) in segment.iter() {
                if last == Some(j) {
                    continue;
                }
                last = Some(j);
                if j as usize >= n_cols {
                    return Err(AssignError::Shape {
                        expected: n_cols,
                        found: j as usize + 1,
                    });
                }
                if !c.is_allowed() {
                    return Err(AssignError::BadCost {
                        row: i,
                        col: j as usize,
                    });
                }
                col.push(j);
                cost.push(c);
            }
            out_start.push(col.len());
        }
        Ok(SparseProblem {
            n_cols,
            start: out_start,
            col,
            cost,
        })
    }

    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.start.len() - 1
    }

    /// Number of columns.
    pub fn cols(&self) -> usize {
        self.n_cols
    }

    /// Number of allowed pairs.
    pub fn edges(&self) -> usize {
        self.col.len()
    }

    /// Row `i`'s allowed `(column, cost)` pairs, by column.
    pub fn row(&self, i: usize) -> impl Iterator<Item = (usize, C)> + '_ {
        let range = self.start[i]..self.start[i + 1];
        self.col[range.clone()]
            .iter()
            .map(|&j| j as usize)
            .zip(self.cost[range].iter().copied())
    }

    /// Every allowed pair's cost, row after row.
    pub fn costs(&self) -> &[C] {
        &self.cost
    }

    /// The cost of a pair, if allowed.
    pub fn cost(&self, i: usize, j: usize) -> Option<C> {
        let range = self.start[i]..self.start[i + 1];
        let cols = &self.col[range.clone()];
        cols.binary_search(&(j as u32))
            .ok()
            .map(|k| self.cost[range.start + k])
    }
}

/// Heap entry ordered by (distance, column), smallest first.
struct Entry<C>(C, usize);

impl<C: Cost> PartialEq for Entry<C> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl<C: Cost> Eq for Entry<C> {}
impl<C: Cost> PartialOrd for Entry<C> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<C: Cost> Ord for Entry<C> {
    fn cmp(&self, other: &Self) -> Ordering {
        // Reversed: BinaryHeap is a max-heap.
        other
            .0
            .partial_cmp(&self.0)
            .unwrap_or(Ordering::Equal)
            .then(other.1.cmp(&self.1))
    }
}

/// Solves the sparse problem (rows ≤ columns). Every row needs at least one allowed column and
/// all rows must fit at once, or the error names a row that cannot be placed.
pub fn solve<C: Cost>(p: &SparseProblem<C>) -> Result<Solution<C>, AssignError> {
    let (rows, cols) = (p.rows(), p.cols());
    if rows > cols {
        return Err(AssignError::TooManyRows { rows, cols });
    }
    if let Some(i) = (0..rows).find(|&i| p.start[i] == p.start[i + 1]) {
        return Err(AssignError::Infeasible { row: i });
    }
    let mut x = vec![NONE; rows];
    let mut y = vec![NONE; cols];
    let mut v = vec![C::ZERO; cols];
    let mut free: Vec<usize> = (0..rows).collect();
    for _ in 0..2 {
        if free.is_empty() {
            break;
        }
        free = augmenting_row_reduction(p, &free, &mut x, &mut y, &mut v);
    }
    let mut search = Dijkstra::new(cols);
    for &i in &free {
        let end = search
            .find(p, i, &x, &y, &mut v)
            .ok_or(AssignError::Infeasible { row: i })?;
        let mut j = end;
        loop {
            let row = search.pred[j];
            y[j] = row;
            let previous = x[row];
            x[row] = j;
            if row == i {
                break;
            }
            j = previous;
        }
    }
    let mut u = Vec::with_capacity(rows);
    let mut total = C::ZERO;
    for (i, &j) in x.iter().enumerate() {
        let c = p.cost(i, j).ok_or(AssignError::Infeasible { row: i })?;
        u.push(c - v[j]);
        total = total + c;
    }
    Ok(Solution {
        row_to_col: x,
        col_to_row: y.into_iter().map(|r| (r != NONE).then_some(r)).collect(),
        u,
        v,
        total,
    })
}

/// Augmenting row reduction over each row's allowed columns (see the dense
/// solver for the idea).
fn augmenting_row_reduction<C: Cost>(
    p: &SparseProblem<C>,
    free_rows: &[usize],
    x: &mut [usize],
    y: &mut [usize],
    v: &mut [C],
) -> Vec<usize> {
    let mut free = free_rows.to_vec();
    let mut new_free = Vec::new();
    let mut current = 0;
    let mut bids = 0usize;
    let limit_per_row = free.len();
    let budget = BIDS_PER_FREE_ROW.saturating_mul(free.len());
    while current < free.len() {
        bids += 1;
        let i = free[current];
        current += 1;
        let (mut u1, mut j1) = (C::MAX, NONE);
        let (mut u2, mut j2) = (C::MAX, NONE);
        for (j, c) in p.row(i) {
            let h = c - v[j];
            if h < u2 {
                if j1 != NONE && h >= u1 {
                    u2 = h;
                    j2 = j;
                } else {
                    u2 = u1;
                    j2 = j1;
                    u1 = h;
                    j1 = j;
                }
            }
        }
        let mut i0 = y[j1];
        let lowered = j2 != NONE && u1 < u2;
        if bids < current * limit_per_row && bids <= budget {
            if lowered {
                v[j1] = v[j1] - (u2 - u1);
            } else if i0 != NONE && j2 != NONE {
                j1 = j2;
                i0 = y[j2];
            }
            if i0 != NONE {
                if lowered {
                    current -= 1;
                    free[current] = i0;
                } else {
                    new_free.push(i0);
                }
            }
        } else if i0 != NONE {
            new_free.push(i0);
        }
        if i0 != NONE {
            x[i0] = NONE;
        }
        x[i] = j1;
        y[j1] = i;
    }
    new_free
}

/// Dijkstra state over columns, reused across searches (this solver's and
/// [`super::capacity`]'s); only touched columns are reset.
pub(crate) struct Dijkstra<C> {
    d: Vec<C>,
    /// The row each column's distance came through, and that pair's cost.
    pub(crate) pred: Vec<usize>,
    pub(crate) pred_cost: Vec<C>,
    settled: Vec<bool>,
    touched: Vec<usize>,
    done: Vec<usize>,
    heap: BinaryHeap<Entry<C>>,
}

impl<C: Cost> Dijkstra<C> {
    pub(crate) fn new(cols: usize) -> Self {
        Dijkstra {
            d: vec![C::MAX; cols],
            pred: vec![NONE; cols],
            pred_cost: vec![C::ZERO; cols],
            settled: vec![false; cols],
            touched: Vec::new(),
            done: Vec::new(),
            heap: BinaryHeap::new(),
        }
    }

    /// Offers column `j` at `dist` through the pair (`row`, `j`) of `cost`;
    /// only a strictly shorter distance replaces the one it has.
    pub(crate) fn relax(&mut self, j: usize, dist: C, row: usize, cost: C) {
        if !self.settled[j] && dist < self.d[j] {
            if !self.d[j].is_usable() {
                self.touched.push(j);
            }
            self.d[j] = dist;
            self.pred[j] = row;
            self.pred_cost[j] = cost;
            self.heap.push(Entry(dist, j));
        }
    }

    /// Settles the nearest unsettled column (lowest column on ties) and
    /// returns it with its distance.
    pub(crate) fn settle_next(&mut self) -> Option<(C, usize)> {
        while let Some(Entry(dist, j)) = self.heap.pop() {
            if self.settled[j] || dist > self.d[j] {
                continue;
            }
            self.settled[j] = true;
            self.done.push(j);
            return Some((dist, j));
        }
        None
    }

    /// Ends a search: with a path to `end`, every column settled before it
    /// lowers its price by how much nearer it was; then the state is reset
    /// for the next search (`pred` and `pred_cost` stay for augmenting).
    pub(crate) fn finish(&mut self, end: Option<usize>, v: &mut [C]) {
        if let Some(last) = end {
            let mind = self.d[last];
            for &j in &self.done {
                if j != last {
                    v[j] = v[j] + (self.d[j] - mind);
                }
            }
        }
        for &j in &self.touched {
            self.d[j] = C::MAX;
            self.settled[j] = false;
        }
        for &j in &self.done {
            self.settled[j] = false;
        }
        self.touched.clear();
        self.done.clear();
        self.heap.clear();
    }

    /// Shortest path from free row `start` to a free column over reduced
    /// costs; lowers the prices of the columns settled before it.
    fn find(
        &mut self,
        p: &SparseProblem<C>,
        start: usize,
        x: &[usize],
        y: &[usize],
        v: &mut [C],
    ) -> Option<usize> {
        for (j, c) in p.row(start) {
            self.relax(j, c - v[j], start, c);
        }
        let mut end = None;
        while let Some((dist, j)) = self.settle_next() {
            let i = y[j];
            if i == NONE {
                end = Some(j);
                break;
            }
            // Row i sits on column j = x[i]: its dual u_i = c_ij − v_j.
            let u_i = p.cost(i, x[i]).map_or(C::ZERO, |c| c - v[x[i]]);
            for (jj, c) in p.row(i) {
                self.relax(jj, dist + (c - v[jj] - u_i), i, c);
            }
        }
        self.finish(end, v);
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assign::{certificate, dense};

    #[test]
    fn matches_dense_on_a_small_case() {
        let f = i64::FORBIDDEN;
        let dense_cost = vec![4, 1, f, 9, 2, 0, 5, f, f, 2, 2, 1];
        let rows: Vec<Vec<(usize, i64)>> = (0..3)
            .map(|i| {
                (0..4)
                    .filter(|&j| dense_cost[i * 4 + j] < f)
                    .map(|j| (j, dense_cost[i * 4 + j]))
                    .collect()
            })
            .collect();
        let p = SparseProblem::from_rows(4, rows).unwrap();
        let s = solve(&p).unwrap();
        let d = dense::solve(&dense_cost, 3, 4).unwrap();
        assert_eq!(s.total, d.total);
        certificate::check_sparse(&p, &s).unwrap();
    }

    #[test]
    fn infeasible_rows_are_named() {
        let p =
            SparseProblem::from_rows(3, vec![vec![(0, 1i64)], vec![(0, 2)], vec![(2, 1)]]).unwrap();
        assert!(matches!(solve(&p), Err(AssignError::Infeasible { .. })));
        let p = SparseProblem::from_rows(3, vec![vec![(0, 1i64)], vec![]]).unwrap();
        assert_eq!(solve(&p), Err(AssignError::Infeasible { row: 1 }));
        // More rows than columns: a problem (capacities may fit them), but
        // not one this solver can place.
        let p = SparseProblem::from_rows(1, vec![vec![(0, 1i64)], vec![(0, 1)]]).unwrap();
        assert_eq!(
            solve(&p),
            Err(AssignError::TooManyRows { rows: 2, cols: 1 })
        );
        assert!(SparseProblem::from_rows(2, vec![vec![(5, 1i64)]]).is_err());
    }

    #[test]
    fn segments_make_the_problem_rows_make() {
        let rows: Vec<Vec<(usize, i64)>> = vec![
            vec![(3, 5), (0, 2), (3, 1), (1, 7)],
            vec![(2, 4)],
            vec![(1, 1), (0, 9), (2, 2), (1, 3)],
        ];
        let mut start = vec![0];
        let mut edges = Vec::new();
        for r in &rows {
            edges.extend(r.iter().map(|&(j, c)| (j as u32, c)));
            start.push(edges.len());
        }
        let a = SparseProblem::from_rows(4, rows).unwrap();
        let b = SparseProblem::from_segments(4, start, edges).unwrap();
        assert_eq!(a, b);
        assert_eq!(b.cost(0, 3), Some(1));
        assert_eq!(
            SparseProblem::from_segments(2, vec![0, 1], vec![(2u32, 1i64)]),
            Err(AssignError::Shape {
                expected: 2,
                found: 3
            })
        );
    }

    #[test]
    fn duplicate_pairs_keep_the_cheaper() {
        let p = SparseProblem::from_rows(2, vec![vec![(1, 5i64), (1, 3), (0, 9)]]).unwrap();
        assert_eq!(p.cost(0, 1), Some(3));
        assert_eq!(p.edges(), 2);
        assert_eq!(solve(&p).unwrap().total, 3);
    }
}
