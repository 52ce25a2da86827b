//! Core errors rendered through the string table: the core's errors are
//! typed and carry data; the words are chosen here, in the UI's language.

use crate::core::edit::EditError;
use crate::core::participation::CommentError;
use crate::i18n::{Lang, T};

/// A refused edit, as the notice shows it ("Perubahan ditolak, …: why").
pub fn edit_error(e: &EditError, lang: Lang) -> String {
    let why = |key: T| key.text(lang).to_string();
    let with = |key: T, data: &dyn std::fmt::Display| format!("{} {data}", key.text(lang));
    let reason = match e {
        EditError::NoOpenRound => why(T::NoOpenRound2),
        EditError::ReasonRequired => why(T::ReasonRequired),
        EditError::UnknownAsn(nip) => with(T::EditUnknownAsn, nip),
        EditError::UnknownPosition(p) => with(T::EditUnknownPosition, &p.0),
        EditError::UnknownOpening(p) => format!("{} ({})", T::EditUnknownOpening.text(lang), p.0),
        EditError::UnknownScenario(id) => format!("{} ({id})", T::EditUnknownScenario.text(lang)),
        EditError::UnknownConstraint(i) => {
            format!("{} (#{})", T::EditUnknownConstraint.text(lang), i + 1)
        }
        EditError::UnknownDecision(nip) => with(T::EditUnknownDecision, nip),
        EditError::UnknownFollowUp(nip) => with(T::EditUnknownFollowUp, nip),
        EditError::LastScenario => why(T::EditLastScenario),
        EditError::SlotsOutOfRange(n) => with(T::EditSlotsRange, n),
        EditError::PercentOutOfRange(n) => with(T::EditPercentRange, n),
        EditError::SamePerson(nip) => format!("{} ({nip})", T::EditSamePerson.text(lang)),
        EditError::NoElection => why(T::EditNoElection),
        EditError::Nothing => why(T::EditNothing),
        EditError::ImportBlocked => why(T::EditImportBlocked),
        EditError::Comment(c) => why(comment_error(c)),
    };
    format!("{}: {reason}", T::EditRefused.text(lang))
}

/// The string-table key of a refused comment operation.
pub fn comment_error(e: &CommentError) -> T {
    match e {
        CommentError::EmptyText => T::CommentEmpty,
        CommentError::EmptyReason => T::ReasonRequired,
        CommentError::UnknownComment(_) | CommentError::AlreadyResolved(_) => T::CommentGone,
    }
}
