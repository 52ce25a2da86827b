//! When a round may take effect: UU 10/2016 Pasal 71(2) and 162(3). From six
//! months before the candidates of a Pilkada are set until the end of the
//! term (the new head's inauguration), and for six months after the
//! inauguration, a PPK may transfer only with the Mendagri's written
//! approval. A round whose TMT falls in that window is flagged; the decree
//! attachment carries a note.

use crate::core::date::Date;
use crate::core::model::{Election, Round};

/// The months before the candidates are set and after the inauguration.
pub const WINDOW_MONTHS: i32 = 6;

/// The window of an election: from six months before the candidates are
/// set to six months after the inauguration (open-ended while the
/// inauguration is not known).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ApprovalWindow {
    pub from: Date,
    pub until: Option<Date>,
}

impl ApprovalWindow {
    /// The window of `election`.
    pub fn of(election: &Election) -> ApprovalWindow {
        ApprovalWindow {
            from: election.candidates_set.add_months(-WINDOW_MONTHS),
            until: election.inauguration.map(|d| d.add_months(WINDOW_MONTHS)),
        }
    }

    /// Whether `on` is inside the window (both ends included).
    pub fn contains(&self, on: Date) -> bool {
        on >= self.from && self.until.is_none_or(|u| on <= u)
    }
}

/// The window the round's TMT falls in, when it needs the Mendagri's
/// written approval.
pub fn needs_mendagri_approval(round: &Round) -> Option<ApprovalWindow> {
    let window = ApprovalWindow::of(round.election.as_ref()?);
    window.contains(round.effective_date).then_some(window)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn the_window_runs_from_six_months_before_the_candidates_to_six_after_the_inauguration() {
        let e = Election {
            candidates_set: d(2029, 9, 22),
            inauguration: Some(d(2030, 2, 20)),
        };
        let w = ApprovalWindow::of(&e);
        assert_eq!(w.from, d(2029, 3, 22));
        assert_eq!(w.until, Some(d(2030, 8, 20)));
        assert!(!w.contains(d(2029, 3, 21)));
        assert!(w.contains(d(2029, 3, 22)));
        assert!(w.contains(d(2029, 12, 1)));
        assert!(w.contains(d(2030, 8, 20)));
        assert!(!w.contains(d(2030, 8, 21)));
        // Inauguration not yet known: open-ended.
        let open = ApprovalWindow::of(&Election {
            inauguration: None,
            ..e
        });
        assert!(open.contains(d(2031, 1, 1)));
    }
}
