//! The words of a preference-card import's problems.

use super::Message;
use crate::core::io::preference_card::{CardProblem, CardReason, OfferLinkError, MAX_WISHES};
use crate::i18n::Lang;

impl Message for CardProblem {
    fn message(&self, lang: Lang) -> String {
        let id = lang == Lang::Id;
        match &self.reason {
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
