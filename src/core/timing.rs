//! When a round may take effect: UU 10/2016 Pasal 71(2) and 162(3). From six
//! months before the candidates of a Pilkada are set until the end of the
//! term (the new head's inauguration), and for six months after the
//! inauguration, a PPK may transfer only with the Mendagri's written
//! approval. The Mendagri's circular (SE 100.2.1.3/1575/SJ, 2024) reads it
//! as the replacement of JPT, administrator and pengawas officials and of
//! the JF holding a kepala sekolah or kepala puskesmas task: those moves
//! are marked ([`needs_approval`]) when the window covers the decision
//! date ([`decision_date`]); the decree attachment notes them.

use crate::core::date::Date;
use crate::core::model::{Asn, Election, Position, PositionFamily, Round};

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

/// The date the round is decided: its decree's date once entered, the TMT
/// until then (the decision comes before it).
pub fn decision_date(round: &Round) -> Date {
    round
        .procedure
        .decree
        .as_ref()
        .map_or(round.effective_date, |d| d.date)
}

/// The window the round's decision date falls in, when its officials'
/// moves need the Mendagri's written approval.
pub fn needs_mendagri_approval(round: &Round) -> Option<ApprovalWindow> {
    let window = ApprovalWindow::of(round.election.as_ref()?);
    window.contains(decision_date(round)).then_some(window)
}

/// Whether a move replaces an official the Pilkada rule covers: it leaves
/// or takes a JPT, administrator or pengawas post, or the person holds (or
/// the post carries) a kepala sekolah or kepala puskesmas task.
pub fn replaces_official(asn: &Asn, from: Option<&Position>, to: &Position) -> bool {
    use crate::core::model::PositionType;
    let structural = |p: &Position| {
        p.kind.family() == PositionFamily::Jpt
            || matches!(p.kind, PositionType::Administrator | PositionType::Pengawas)
    };
    from.is_some_and(structural)
        || structural(to)
        || asn.flags.task.is_some()
        || crate::core::titles::task_of(&to.name).is_some()
}

/// Whether a move of the round needs the Mendagri's written approval: the
/// window covers the decision date and the move replaces an official.
pub fn needs_approval(round: &Round, asn: &Asn, from: Option<&Position>, to: &Position) -> bool {
    needs_mendagri_approval(round).is_some() && replaces_official(asn, from, to)
}

/// A round whose government has a Pilkada year set but no dates: the
/// window cannot be told, so the analyst is warned.
pub fn election_dates_missing(round: &Round) -> bool {
    round.election_year.is_some() && round.election.is_none()
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
