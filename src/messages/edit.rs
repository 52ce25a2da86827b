//! The words of a refused edit.

use super::Message;
use crate::core::edit::EditError;
use crate::core::model::RoundStatus;
use crate::core::participation::CommentError;
use crate::i18n::{Lang, T};

/// A refused edit, as the notice shows it ("Perubahan ditolak, …: why").
impl Message for EditError {
    fn message(&self, lang: Lang) -> String {
        let e = self;
        let why = |key: T| key.text(lang).to_string();
        let with = |key: T, data: &dyn std::fmt::Display| format!("{} {data}", key.text(lang));
        let reason = match e {
            EditError::NoOpenRound => why(T::NoOpenRound2),
            EditError::ReasonRequired => why(T::ReasonRequired),
            EditError::UnknownAsn(nip) => with(T::EditUnknownAsn, nip),
            EditError::UnknownPosition(p) => with(T::EditUnknownPosition, &p.0),
            EditError::UnknownUnit(u) => with(T::EditUnknownUnit, &u.0),
            EditError::NeedOutOfRange(n) => with(T::EditNeedRange, n),
            EditError::EmptyKindFloor => why(T::EditKindFloorEmpty),
            EditError::UnknownOpening(p) => {
                format!("{} ({})", T::EditUnknownOpening.text(lang), p.0)
            }
            EditError::UnknownScenario(id) => {
                format!("{} ({id})", T::EditUnknownScenario.text(lang))
            }
            EditError::UnknownConstraint(i) => {
                format!("{} (#{})", T::EditUnknownConstraint.text(lang), i + 1)
            }
            EditError::UnknownDecision(nip) => with(T::EditUnknownDecision, nip),
            EditError::UnknownFollowUp(nip) => with(T::EditUnknownFollowUp, nip),
            EditError::LastScenario => why(T::EditLastScenario),
            EditError::NameRequired => why(T::EditNameRequired),
            EditError::RoundInProgress(status) => format!(
                "{} {}. {}",
                T::EditRoundInProgress.text(lang),
                status_key(*status).text(lang),
                T::EditRoundInProgressHow.text(lang)
            ),
            EditError::SlotsOutOfRange(n) => with(T::EditSlotsRange, n),
            EditError::PercentOutOfRange(n) => with(T::EditPercentRange, n),
            EditError::CardsUndecided(n) => with(T::EditCardsUndecided, n),
            EditError::SamePerson(nip) => format!("{} ({nip})", T::EditSamePerson.text(lang)),
            EditError::NoElection => why(T::EditNoElection),
            EditError::Nothing => why(T::EditNothing),
            EditError::ImportBlocked => why(T::EditImportBlocked),
            EditError::Comment(c) => why(comment_error(c)),
            EditError::Frozen(status) => format!(
                "{} {}. {}",
                T::EditFrozen.text(lang),
                status_key(*status).text(lang),
                T::EditFrozenHow.text(lang)
            ),
            EditError::WrongStatus(status) => {
                format!(
                    "{} {}",
                    T::EditWrongStatus.text(lang),
                    status_key(*status).text(lang)
                )
            }
            EditError::MembersRequired => why(T::EditMembersRequired),
            EditError::UnknownMember(name) => {
                format!("{} ({name})", T::EditUnknownMember.text(lang))
            }
            EditError::DecreeNumberRequired => why(T::EditDecreeNumberRequired),
            EditError::LetterNumberRequired => why(T::EditLetterNumberRequired),
            EditError::Unclear(nips) => {
                let shown: Vec<String> = nips.iter().take(5).map(|n| n.to_string()).collect();
                let more = nips.len().saturating_sub(shown.len());
                let more = if more > 0 {
                    format!(" (+{more})")
                } else {
                    String::new()
                };
                format!(
                    "{} {}{more}. {}",
                    T::EditUnclear.text(lang),
                    shown.join(", "),
                    T::EditUnclearHow.text(lang)
                )
            }
            EditError::Plan(p) => p.message(lang),
        };
        format!("{}: {reason}", T::EditRefused.text(lang))
    }
}

impl Message for CommentError {
    fn message(&self, lang: Lang) -> String {
        comment_error(self).text(lang).to_string()
    }
}

/// The string-table key naming a round's status.
pub fn status_key(s: RoundStatus) -> T {
    match s {
        RoundStatus::Draf => T::StatusDraf,
        RoundStatus::Sosialisasi => T::StatusSosialisasi,
        RoundStatus::Dibahas => T::StatusDibahas,
        RoundStatus::Ditetapkan => T::StatusDitetapkan,
        RoundStatus::SkTerbit => T::StatusSkTerbit,
    }
}

/// The string-table key of a refused comment operation.
fn comment_error(e: &CommentError) -> T {
    match e {
        CommentError::EmptyText => T::CommentEmpty,
        CommentError::EmptyReason => T::ReasonRequired,
        CommentError::Full => T::CommentsFull,
        CommentError::UnknownComment(_) | CommentError::AlreadyResolved(_) => T::CommentGone,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Nip, PositionId};

    #[test]
    fn every_refusal_says_why_in_both_languages_with_its_data() {
        let nip = Nip::parse("198503142010012003").unwrap();
        let cases = [
            (EditError::NoOpenRound, ""),
            (EditError::ReasonRequired, ""),
            (EditError::UnknownAsn(nip.clone()), "198503142010012003"),
            (
                EditError::UnknownPosition(PositionId("dinkes.p1".into())),
                "dinkes.p1",
            ),
            (
                EditError::UnknownOpening(PositionId("dinkes.p2".into())),
                "dinkes.p2",
            ),
            (EditError::UnknownScenario("s9".into()), "s9"),
            (EditError::UnknownConstraint(2), "#3"),
            (
                EditError::UnknownDecision(nip.clone()),
                "198503142010012003",
            ),
            (
                EditError::UnknownFollowUp(nip.clone()),
                "198503142010012003",
            ),
            (EditError::LastScenario, ""),
            (EditError::NameRequired, ""),
            (EditError::RoundInProgress(RoundStatus::Dibahas), ""),
            (EditError::SlotsOutOfRange(4_294_967_295), "4294967295"),
            (EditError::PercentOutOfRange(101), "101"),
            (EditError::SamePerson(nip), "198503142010012003"),
            (EditError::NoElection, ""),
            (EditError::Nothing, ""),
            (EditError::ImportBlocked, ""),
            (EditError::Comment(CommentError::EmptyText), ""),
            (EditError::Frozen(RoundStatus::Dibahas), ""),
            (EditError::WrongStatus(RoundStatus::SkTerbit), ""),
            (EditError::MembersRequired, ""),
            (EditError::DecreeNumberRequired, ""),
        ];
        for (e, data) in cases {
            let (id, en) = (e.message(Lang::Id), e.message(Lang::En));
            assert!(id.starts_with("Perubahan ditolak"), "{id}");
            assert!(en.starts_with("Change refused"), "{en}");
            assert_ne!(id, en, "{e:?}");
            assert!(id.contains(data) && en.contains(data), "{e:?}: {id} / {en}");
        }
        // A frozen round names its status and how to start a new version.
        let frozen = EditError::Frozen(RoundStatus::Sosialisasi);
        assert!(frozen.message(Lang::Id).contains("Sosialisasi"));
        assert!(frozen.message(Lang::Id).contains("versi baru"));
        assert!(frozen.message(Lang::En).contains("new version"));
        let wrong = EditError::WrongStatus(RoundStatus::SkTerbit).message(Lang::Id);
        assert!(wrong.contains("SK terbit"), "{wrong}");
    }
}
