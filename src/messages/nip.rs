//! Why a text is not a NIP, in words.

use super::Message;
use crate::core::model::NipError;
use crate::i18n::Lang;

impl Message for NipError {
    fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            NipError::ScientificNotation => "tampak seperti angka dalam notasi ilmiah: lembar kerja menyimpan NIP sebagai angka dan digitnya hilang; format kolom sebagai Teks dan ketik ulang NIP".into(),
            NipError::NotDigits => "memuat karakter selain angka".into(),
            NipError::Length(n) => format!("terdiri dari {n} digit; NIP terdiri dari 18 digit"),
            NipError::BirthDate => "tanggal lahir pada digit 1–8 tidak valid".into(),
            NipError::EntryMonth(m) => format!(
                "digit 13–14 harus bulan pengangkatan CPNS (01–12) atau 21 untuk PPPK, bukan {m:02}"
            ),
            NipError::EntryAge { year, age } => {
                format!("tahun pengangkatan {year} berarti usia {age} tahun saat diangkat")
            }
            NipError::GenderDigit(g) => {
                format!("digit 15 harus 1 (laki-laki) atau 2 (perempuan), bukan {g}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Nip;

    #[test]
    fn each_nip_error_is_found_and_said_in_both_languages() {
        let cases = [
            ("1,98503E+17", NipError::ScientificNotation),
            ("19850314201001200X", NipError::NotDigits),
            ("19850314201001200", NipError::Length(17)),
            ("198513142010012003", NipError::BirthDate),
            ("198503142010132003", NipError::EntryMonth(13)),
            (
                "198503141990012003",
                NipError::EntryAge { year: 1990, age: 5 },
            ),
            ("198503142010013003", NipError::GenderDigit(3)),
        ];
        for (text, expected) in cases {
            let e = Nip::parse(text).unwrap_err();
            assert_eq!(e, expected, "{text}");
            let (id, en) = (e.message(Lang::Id), e.message(Lang::En));
            assert_ne!(id, en, "{text}");
            assert!(!id.is_empty() && !en.is_empty());
        }
        assert!(NipError::Length(17).message(Lang::Id).contains("17 digit"));
    }
}
