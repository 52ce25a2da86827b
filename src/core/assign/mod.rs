//! Linear assignment: every row (a person) gets exactly one column (a slot),
//! each column at most one row, at the least total cost. Rows ≤ columns; the
//! problem is never padded to square.
//!
//! - [`dense`]: Jonker–Volgenant on a full matrix (augmenting row reduction,
//!   then shortest augmenting paths).
//! - [`sparse`]: the same shortest-augmenting-path method on a sparse list of
//!   allowed pairs, for large rounds where each person fits few slots.
//! - [`certificate`]: an independent check of optimality from the duals
//!   (dual feasibility and complementary slackness), used by the tests and
//!   available to callers.
//!
//! Both solvers return the duals `u` (rows) and `v` (columns) of the linear
//! program
//!
//! ```text
//! min Σ c_ij x_ij   s.t.  Σ_j x_ij = 1 (every row),  Σ_i x_ij ≤ 1 (every column),  x ≥ 0
//! max Σ u_i + Σ v_j s.t.  u_i + v_j ≤ c_ij,  v_j ≤ 0
//! ```
//!
//! An assignment is optimal exactly when duals exist with `u_i + v_j = c_ij`
//! on every chosen pair and `v_j = 0` on every column left free. The solvers
//! keep these invariants from the start (all `v_j = 0`, prices only go down),
//! which is what makes rectangular problems work without padding.

pub mod capacity;
pub mod certificate;

/// The bidding budget of one augmenting-row-reduction pass, per free row.
/// On random dense matrices bidding turns into long price wars of tiny
/// decrements (900,000 bids for 1,487 free rows at n = 4,000); stopping at
/// 16 bids per row and leaving the rest to shortest augmenting paths is 4×
/// faster there and changes nothing on easy instances.
pub(crate) const BIDS_PER_FREE_ROW: usize = 16;
pub mod dense;
pub mod instances;
pub mod sparse;

use std::fmt;
use std::ops::{Add, Sub};

/// A cost type: exact integers for the planner, floats for the `lap` example.
pub trait Cost: Copy + PartialOrd + Add<Output = Self> + Sub<Output = Self> + fmt::Debug {
    /// Zero.
    const ZERO: Self;
    /// A cost that marks a forbidden pair; sums of a few of them still fit.
    const FORBIDDEN: Self;
    /// The largest value, above any reachable distance.
    const MAX: Self;
    /// Whether two values are equal within the type's precision.
    fn approx_eq(self, other: Self) -> bool;
    /// Whether `self ≤ other` within the type's precision.
    fn approx_le(self, other: Self) -> bool;
    /// Whether a pair with this cost may be chosen (below [`Cost::FORBIDDEN`]).
    fn is_allowed(self) -> bool {
        matches!(
            self.partial_cmp(&Self::FORBIDDEN),
            Some(std::cmp::Ordering::Less)
        )
    }
    /// Whether this is a usable number (not NaN, below [`Cost::MAX`]).
    fn is_usable(self) -> bool {
        matches!(self.partial_cmp(&Self::MAX), Some(std::cmp::Ordering::Less))
    }
}

/// Exact integers: `i64` for the planner, and `i128` for a cost scaled to
/// carry a tie-break below it (the engine's "fewest moves among equally
/// good plans") where `i64` could overflow.
macro_rules! integer_cost {
    ($($t:ty),*) => {$(
        impl Cost for $t {
            const ZERO: $t = 0;
            const FORBIDDEN: $t = <$t>::MAX / 8;
            const MAX: $t = <$t>::MAX / 2;
            fn approx_eq(self, other: $t) -> bool {
                self == other
            }
            fn approx_le(self, other: $t) -> bool {
                self <= other
            }
        }
    )*};
}

integer_cost!(i64, i128);

impl Cost for f64 {
    const ZERO: f64 = 0.0;
    const FORBIDDEN: f64 = 1e15;
    const MAX: f64 = f64::INFINITY;
    fn approx_eq(self, other: f64) -> bool {
        (self - other).abs() <= 1e-9 * (1.0 + self.abs().max(other.abs()))
    }
    fn approx_le(self, other: f64) -> bool {
        self <= other + 1e-9 * (1.0 + self.abs().max(other.abs()))
    }
}

/// A solved assignment with its duals.
#[derive(Clone, Debug, PartialEq)]
pub struct Solution<C> {
    /// The column of each row.
    pub row_to_col: Vec<usize>,
    /// The row of each column, if any.
    pub col_to_row: Vec<Option<usize>>,
    /// Row duals.
    pub u: Vec<C>,
    /// Column duals (≤ 0; 0 on free columns).
    pub v: Vec<C>,
    /// The total cost of the chosen pairs.
    pub total: C,
}

/// Why a problem has no solution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AssignError {
    /// More rows than columns.
    TooManyRows { rows: usize, cols: usize },
    /// The matrix has the wrong number of entries.
    Shape { expected: usize, found: usize },
    /// A row has no allowed column, or the rows cannot all be placed.
    Infeasible { row: usize },
    /// A cost is not a finite number (NaN or infinite).
    BadCost { row: usize, col: usize },
}

impl fmt::Display for AssignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AssignError::TooManyRows { rows, cols } => {
                write!(
                    f,
                    "{rows} rows but only {cols} columns: every row needs its own column"
                )
            }
            AssignError::Shape { expected, found } => {
                write!(f, "expected {expected} costs, found {found}")
            }
            AssignError::Infeasible { row } => {
                write!(f, "row {row} cannot be assigned to any allowed column")
            }
            AssignError::BadCost { row, col } => write!(
                f,
                "the cost at row {row}, column {col} is not a finite number"
            ),
        }
    }
}

impl std::error::Error for AssignError {}
