//! The words of an objection import's problems.

use super::Message;
use crate::core::io::objection::{ObjectionProblem, ObjectionReason};
use crate::i18n::Lang;

impl Message for ObjectionProblem {
    fn message(&self, lang: Lang) -> String {
        let id = lang == Lang::Id;
        let text = match &self.reason {
            ObjectionReason::Unreadable(why) => {
                if id {
                    format!("berkas tidak terbaca: {}", why.message(lang))
                } else {
                    format!("unreadable: {}", why.message(lang))
                }
            }
            ObjectionReason::InvalidNip(why) => format!("NIP: {}", why.message(lang)),
            ObjectionReason::UnknownNip => {
                if id {
                    "NIP tidak ada di daftar pegawai".into()
                } else {
                    "NIP not in the roster".into()
                }
            }
            ObjectionReason::NameDiffers { roster } => {
                if id {
                    format!("nama tidak cocok dengan daftar pegawai ({roster})")
                } else {
                    format!("the name does not match the roster ({roster})")
                }
            }
            ObjectionReason::EmptyText => {
                if id {
                    "isi keberatan kosong".into()
                } else {
                    "the objection has no text".into()
                }
            }
            ObjectionReason::NoOpenRound => {
                if id {
                    "tidak ada putaran mutasi yang terbuka".into()
                } else {
                    "no transfer round is open".into()
                }
            }
            ObjectionReason::WrongRound { file, open } => {
                if id {
                    format!("untuk putaran \"{file}\", bukan putaran terbuka \"{open}\"")
                } else {
                    format!("for the round \"{file}\", not the open round \"{open}\"")
                }
            }
            ObjectionReason::UnknownPosition(p) => {
                if id {
                    format!("meminta jabatan \"{p}\" yang tidak ada di data")
                } else {
                    format!("asks for the position \"{p}\", which is not in the data")
                }
            }
            ObjectionReason::CodeDiffers => {
                if id {
                    "kode usulan tidak cocok dengan NIP dan putaran ini".into()
                } else {
                    "the proposal code does not match this NIP and round".into()
                }
            }
            ObjectionReason::Duplicate { of } => {
                return if id {
                    format!("keberatan yang sama sudah ada ({of}); tidak dicatat dua kali")
                } else {
                    format!("the same objection is already there ({of}); not recorded twice")
                };
            }
        };
        if id {
            format!("{text}; keberatan tidak dicatat")
        } else {
            format!("{text}; objection not recorded")
        }
    }
}
