//! The objective of a (person, slot) pair: six terms on a 0–1000 scale,
//! weighted by the scenario's [`ObjectiveWeights`]. Higher is better; the
//! solvers minimise its negation. Integers throughout.
//!
//! | term | 0 … 1000 |
//! |---|---|
//! | fit | Profile Matching total 1.000 → 0, 5.000 → 1000 |
//! | preference | the rank obtained: 1st 1000, 2nd 750, 3rd 500, later 250, none 0; × 1.5 on own request |
//! | priority | filling an opening: Rendah 400, Sedang 600, Tinggi 800, Mendesak 1000; keeping a seat filled 300 (0 when the position is over its ABK need) |
//! | distance | subtracted: km from domicile to the position's seat, 420 km (Kota Jambi–Kerinci) → 1000 |
//! | stability | 1000 for staying put |
//! | refreshment | 1000 for moving someone over the maximum time in position |

use crate::core::model::ObjectiveWeights;
use serde::{Deserialize, Serialize};

/// Value of filling an opening, by [`crate::core::model::Priority`] order.
pub const PRIORITY_VALUE: [i64; 4] = [400, 600, 800, 1000];
/// Value of keeping an existing seat filled.
pub const SEAT_VALUE: i64 = 300;
/// The distance that counts as 1000 (Kota Jambi to Kerinci).
pub const FAR_KM: i64 = 420;

/// The six terms, before weighting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Terms {
    pub fit: i64,
    pub preference: i64,
    pub priority: i64,
    pub distance: i64,
    pub stability: i64,
    pub refreshment: i64,
}

/// A term's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Term {
    Fit,
    Preference,
    Priority,
    Distance,
    Stability,
    Refreshment,
}

impl Terms {
    /// The terms of a pair; `priority` is set by the caller (it depends on
    /// the slot).
    pub fn new(
        fit_milli: u32,
        preference_rank: Option<usize>,
        own_request: bool,
        distance_km: u32,
        staying: bool,
        over_tenure: bool,
    ) -> Terms {
        Terms {
            fit: Terms::fit_term(fit_milli),
            preference: Terms::preference_term(preference_rank, own_request),
            priority: 0,
            distance: Terms::distance_term(distance_km),
            stability: if staying { 1000 } else { 0 },
            refreshment: if over_tenure && !staying { 1000 } else { 0 },
        }
    }

    /// The fit term of a Profile Matching total (in thousandths).
    pub fn fit_term(fit_milli: u32) -> i64 {
        ((i64::from(fit_milli) - 1000).clamp(0, 4000) + 2) / 4
    }

    /// The preference term of the rank obtained.
    pub fn preference_term(preference_rank: Option<usize>, own_request: bool) -> i64 {
        let base = match preference_rank {
            Some(0) => 1000,
            Some(1) => 750,
            Some(2) => 500,
            Some(_) => 250,
            None => 0,
        };
        if own_request {
            base * 3 / 2
        } else {
            base
        }
    }

    /// The distance term of the km to the seat.
    pub fn distance_term(distance_km: u32) -> i64 {
        (i64::from(distance_km) * 1000 / FAR_KM).min(1000)
    }

    /// Each term with its weight and weighted contribution (distance counts
    /// negatively).
    pub fn contributions(&self, w: &ObjectiveWeights) -> [(Term, i64, i64, i64); 6] {
        let c = |t, raw: i64, weight: u16, sign: i64| {
            (t, raw, i64::from(weight), sign * raw * i64::from(weight))
        };
        [
            c(Term::Fit, self.fit, w.fit, 1),
            c(Term::Preference, self.preference, w.preference, 1),
            c(Term::Priority, self.priority, w.priority, 1),
            c(Term::Distance, self.distance, w.distance, -1),
            c(Term::Stability, self.stability, w.stability, 1),
            c(Term::Refreshment, self.refreshment, w.refreshment, 1),
        ]
    }

    /// The weighted objective (higher is better).
    pub fn score(&self, w: &ObjectiveWeights) -> i64 {
        // The sum of [`Terms::contributions`], written out (it runs for
        // every pair of a province's round).
        self.fit * i64::from(w.fit)
            + self.preference * i64::from(w.preference)
            + self.priority * i64::from(w.priority)
            - self.distance * i64::from(w.distance)
            + self.stability * i64::from(w.stability)
            + self.refreshment * i64::from(w.refreshment)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_follow_the_table() {
        let t = Terms::new(5000, Some(0), false, 420, false, true);
        assert_eq!(
            (t.fit, t.preference, t.distance, t.stability, t.refreshment),
            (1000, 1000, 1000, 0, 1000)
        );
        let t = Terms::new(1000, Some(1), true, 0, true, true);
        assert_eq!(
            (t.fit, t.preference, t.distance, t.stability, t.refreshment),
            (0, 1125, 0, 1000, 0)
        );
        assert_eq!(
            Terms::new(3000, Some(7), false, 65, false, false).preference,
            250
        );
        assert_eq!(Terms::new(3000, None, false, 65, false, false).fit, 500);
        let w = ObjectiveWeights {
            fit: 2,
            preference: 0,
            priority: 1,
            distance: 3,
            stability: 0,
            refreshment: 0,
        };
        let mut t = Terms::new(3000, None, false, 210, false, false);
        t.priority = 600;
        // 2·500 + 1·600 − 3·500
        assert_eq!(t.score(&w), 100);
    }
}
