//! The words of the core's typed errors and findings, in both languages.
//!
//! The core reports what went wrong as data (an import problem with its
//! row, column and value; a refused edit with the NIP or id); it never
//! chooses words. Static texts come from the string table ([`crate::i18n`]);
//! a message that carries data is composed here, Indonesian beside English.
//! Pure, so it is tested natively with the core's tests.

mod cards;
pub mod edit;
mod files;
mod findings;
mod import;
mod nip;

use crate::i18n::Lang;

/// Something the user is told about, in their language.
pub trait Message {
    fn message(&self, lang: Lang) -> String;
}
