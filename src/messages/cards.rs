//! The words of a preference-card import's problems.

use super::Message;
use crate::core::io::preference_card::{
    CardProblem, CardReason, FileError, FileKind, OfferLinkError, MAX_NOTE_CHARS, MAX_WISHES,
};
use crate::i18n::Lang;

impl Message for CardProblem {
    fn message(&self, lang: Lang) -> String {
        let id = lang == Lang::Id;
        match &self.reason {
            CardReason::File(why) => {
                if id {
                    format!("berkas tidak terbaca: {}", why.message(lang))
                } else {
                    format!("unreadable: {}", why.message(lang))
                }
            }
            CardReason::Unreadable(why) => {
                if id {
                    format!("berkas tidak terbaca: {why}")
                } else {
                    format!("unreadable: {why}")
                }
            }
            CardReason::InvalidNip(why) => format!("NIP: {}", why.message(lang)),
            CardReason::UnknownNip => {
                if id {
                    "NIP tidak ada di daftar pegawai; kartu tidak dipakai".into()
                } else {
                    "NIP not in the roster; card not used".into()
                }
            }
            CardReason::NameDiffers { roster } => {
                if id {
                    format!(
                        "nama tidak cocok dengan daftar pegawai ({roster}); kartu tidak dipakai"
                    )
                } else {
                    format!("the name does not match the roster ({roster}); card not used")
                }
            }
            CardReason::UnknownTarget { rank, text } => {
                if id {
                    format!("pilihan {rank} \"{text}\" tidak dikenal; pilihan ini tidak dipakai")
                } else {
                    format!("wish {rank} \"{text}\" is unknown; this wish is left out")
                }
            }
            CardReason::TooManyWishes(n) => {
                if id {
                    format!("{n} pilihan; hanya {MAX_WISHES} pertama yang dipakai")
                } else {
                    format!("{n} wishes; only the first {MAX_WISHES} are used")
                }
            }
            CardReason::OtherRound(round) => {
                if id {
                    format!("kartu untuk putaran lain (\"{round}\"); kartu tidak dipakai")
                } else {
                    format!("a card for another round (\"{round}\"); card not used")
                }
            }
            CardReason::BadTimestamp(at) => {
                if id {
                    format!("waktu kartu \"{at}\" bukan waktu yang sah; kartu tidak dipakai")
                } else {
                    format!("the card's time \"{at}\" is not a valid time; card not used")
                }
            }
            CardReason::FutureTimestamp(at) => {
                if id {
                    format!("waktu kartu {at} masih di masa depan; kartu tidak dipakai")
                } else {
                    format!("the card's time {at} lies in the future; card not used")
                }
            }
            CardReason::DuplicateWish { rank, first } => {
                if id {
                    format!(
                        "pilihan {rank} sama dengan pilihan {first}; pilihan {rank} tidak dipakai"
                    )
                } else {
                    format!("wish {rank} repeats wish {first}; wish {rank} is left out")
                }
            }
            CardReason::NoteTooLong { rank } => {
                if id {
                    format!(
                        "keterangan pilihan {rank} lebih dari {MAX_NOTE_CHARS} karakter; kartu tidak dipakai"
                    )
                } else {
                    format!(
                        "the note of wish {rank} is longer than {MAX_NOTE_CHARS} characters; card not used"
                    )
                }
            }
            CardReason::Superseded { by } => {
                if id {
                    format!("digantikan kartu yang lebih baru untuk NIP yang sama ({by})")
                } else {
                    format!("superseded by a later card for the same NIP ({by})")
                }
            }
        }
    }
}

impl Message for OfferLinkError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (OfferLinkError::NotAFileName(name), Lang::Id) => format!(
                "tautan menyebut formasi \"{name}\", bukan nama berkas .json di samping halaman ini; minta tautan yang benar kepada BKD"
            ),
            (OfferLinkError::NotAFileName(name), Lang::En) => format!(
                "the link names the offer \"{name}\", not a .json file beside this page; ask BKD for the right link"
            ),
        }
    }
}

fn kind_words(kind: FileKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (FileKind::Card, Lang::Id) => "kartu preferensi",
        (FileKind::Card, Lang::En) => "preference card",
        (FileKind::Offer, Lang::Id) => "berkas formasi",
        (FileKind::Offer, Lang::En) => "offer file",
        (FileKind::Proposal, Lang::Id) => "berkas usulan",
        (FileKind::Proposal, Lang::En) => "proposal file",
        (FileKind::Objection, Lang::Id) => "berkas keberatan",
        (FileKind::Objection, Lang::En) => "objection file",
    }
}

/// "a" or "an" before an English noun.
fn article(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

impl Message for FileError {
    fn message(&self, lang: Lang) -> String {
        let id = lang == Lang::Id;
        match self {
            FileError::Syntax { line, column } => {
                if id {
                    format!("bukan JSON yang sah (baris {line}, kolom {column})")
                } else {
                    format!("not valid JSON (line {line}, column {column})")
                }
            }
            FileError::OtherFormat { kind, found } => {
                let what = kind_words(*kind, lang);
                match (found, id) {
                    (Some(f), true) => format!("bukan {what} (formatnya \"{f}\")"),
                    (Some(f), false) => {
                        format!("not {} {what} (its format is \"{f}\")", article(what))
                    }
                    (None, true) => format!("bukan {what} (tidak ada \"format\")"),
                    (None, false) => format!("not {} {what} (no \"format\")", article(what)),
                }
            }
            FileError::Invalid(detail) => {
                if id {
                    format!("isinya tidak sah: {detail}")
                } else {
                    format!("its content is not valid: {detail}")
                }
            }
            FileError::Version { kind, version } => {
                let what = kind_words(*kind, lang);
                if id {
                    format!("{what} versi {version} belum dapat dibaca (hanya versi 1)")
                } else {
                    format!("{what} version {version} cannot be read (only version 1)")
                }
            }
        }
    }
}
