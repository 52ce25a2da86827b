//! The words of a plan that could not be computed and of a plan file that
//! could not be read. The details a parser gives (serde's description of a
//! bad value, a validation finding) are quoted as they are.

use super::Message;
use crate::core::engine::PlanError;
use crate::core::io::plan_file::ImportError;
use crate::i18n::Lang;

impl Message for PlanError {
    fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            PlanError::UnknownRound(r) => format!("Putaran \"{r}\" tidak ada."),
            PlanError::UnknownScenario(s) => format!("Skenario \"{s}\" tidak ada."),
            PlanError::Overpinned { asn } => format!(
                "Keputusan manual menempatkan lebih banyak orang daripada formasi jabatan (pada NIP {asn}); hapus salah satu keputusan."
            ),
            PlanError::Solver(why) => format!("Rencana tidak dapat dihitung ({why})."),
        }
    }
}

impl Message for ImportError {
    fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            ImportError::Syntax {
                line,
                column,
                message,
            } => format!("bukan JSON yang sah pada baris {line}, kolom {column}: {message}"),
            ImportError::NotAPlanFile(why) => {
                format!("bukan berkas rencana Perencana Mutasi: {why}")
            }
            ImportError::TooNew { found, supported } => format!(
                "berkas ini versi skema {found}, aplikasi ini membaca sampai versi {supported}: buka dengan versi yang lebih baru"
            ),
            ImportError::TooOld { found, oldest } => format!(
                "berkas ini versi skema {found}; versi tertua yang dapat dibaca {oldest}"
            ),
            ImportError::Shape { path, message } if path.is_empty() => message.clone(),
            ImportError::Shape { path, message } => format!("{path}: {message}"),
            ImportError::Invalid(findings) => {
                let first = findings.first().map(|f| f.message(lang)).unwrap_or_default();
                format!("{} kesalahan; yang pertama: {first}", findings.len())
            }
        }
    }
}

impl Message for crate::core::io::storage_codec::StorageError {
    fn message(&self, lang: Lang) -> String {
        use crate::core::io::storage_codec::StorageError;
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            StorageError::Envelope(why) => format!("entri tersimpan tidak dapat dibaca: {why}"),
            StorageError::Data(why) => format!("data tersimpan rusak: {why}"),
            StorageError::Plan(e) => format!("ruang kerja tersimpan tidak sah: {}", e.message(lang)),
            StorageError::TooNew { found, supported } => format!(
                "entri tersimpan versi skema {found}, aplikasi ini membaca sampai versi {supported}: buka dengan versi yang lebih baru"
            ),
            StorageError::Locked => "ruang kerja tersimpan dikunci dengan frasa sandi".into(),
        }
    }
}

impl Message for crate::core::io::sealed::SealError {
    fn message(&self, lang: Lang) -> String {
        use crate::core::io::sealed::SealError;
        let id = lang == Lang::Id;
        match self {
            SealError::NotSealed => if id {
                "bukan berkas rencana terenkripsi"
            } else {
                "not an encrypted plan file"
            }
            .into(),
            SealError::TooNew { found, supported } => if id {
                format!("berkas terenkripsi versi {found}, aplikasi ini membaca sampai versi {supported}: buka dengan versi yang lebih baru")
            } else {
                format!("encrypted file version {found}, this planner reads up to version {supported}: open it with a newer version")
            },
            SealError::Unsupported { field, value } => if id {
                format!("{field}: algoritme \"{value}\" tidak dikenal")
            } else {
                format!("{field}: unknown algorithm \"{value}\"")
            },
            SealError::Damaged { field, detail } => match (id, field.is_empty()) {
                (true, true) => format!("amplop berkas rusak: {detail}"),
                (true, false) => format!("amplop berkas rusak di {field}: {detail}"),
                (false, true) => format!("damaged envelope: {detail}"),
                (false, false) => format!("damaged envelope at {field}: {detail}"),
            },
            SealError::OutOfRange { field, value, min, max } => if id {
                format!("{field}: {value} di luar {min}…{max}")
            } else {
                format!("{field}: {value} outside {min}…{max}")
            },
            SealError::TooLarge { chars, max } => if id {
                format!("berkas berisi {chars} karakter; paling banyak {max} dibaca")
            } else {
                format!("the file has {chars} characters; at most {max} are read")
            },
            SealError::WrongPassphrase => if id {
                "Frasa sandi salah (atau kepala berkas diubah). Berkas tidak dibuka; tidak ada yang berubah."
            } else {
                "Wrong passphrase (or the file's header was changed). The file was not opened; nothing changed."
            }
            .into(),
            SealError::Tampered => if id {
                "Berkas ini telah diubah setelah dienkripsi: ditolak seluruhnya, tidak ada yang dibaca."
            } else {
                "This file was changed after it was encrypted: refused whole, nothing was read."
            }
            .into(),
            SealError::PassphraseTooShort { chars, min } => if id {
                format!("frasa sandi {chars} karakter; paling sedikit {min}")
            } else {
                format!("a passphrase of {chars} characters; at least {min}")
            },
        }
    }
}

impl Message for crate::core::io::sheet::SheetError {
    fn message(&self, lang: Lang) -> String {
        use crate::core::io::sheet::{
            SheetError, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, MAX_XLSX_BYTES,
        };
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            SheetError::Empty { file } => format!("{file}: berkas tidak berisi data"),
            SheetError::LegacyXls { file } => format!(
                "{file}: berkas Excel lama 97-2003 (.xls); buka di Excel lalu simpan sebagai .xlsx atau CSV"
            ),
            SheetError::BadXlsx { file, message } => {
                format!("{file}: bukan buku kerja XLSX yang dapat dibaca ({message})")
            }
            SheetError::BadCsv { file, row, message } => format!("{file}, baris {row}: {message}"),
            SheetError::TooManyRows { file } => format!("{file}: lebih dari {MAX_ROWS} baris"),
            SheetError::TooManyColumns { file } => {
                format!("{file}: lebih dari {MAX_COLUMNS} kolom")
            }
            SheetError::CellTooLong { file, row, column } => format!(
                "{file}, baris {row}, kolom {column}: sel berisi lebih dari {MAX_CELL_CHARS} karakter (batas Excel sendiri)"
            ),
            SheetError::TooLarge { file, part } => format!(
                "{file}: buku kerja terlalu besar untuk dibaca dengan aman ({part}); batasnya {} MB setelah dibuka, {MAX_CELL_CHARS} karakter per sel",
                MAX_XLSX_BYTES >> 20
            ),
            SheetError::InvalidByte {
                file,
                row,
                column,
                byte,
            } => format!(
                "{file}, baris {row}, kolom {column}: bita 0x{byte:02X} bukan UTF-8 di berkas UTF-8 (karakter dari pengodean lain); simpan ulang berkas sebagai UTF-8"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Nip;

    #[test]
    fn plan_and_file_errors_speak_both_languages_and_keep_their_data() {
        let nip = Nip::parse("198503142010012003").unwrap();
        let plan = [
            (PlanError::UnknownRound("r9".into()), "r9"),
            (PlanError::UnknownScenario("s9".into()), "s9"),
            (PlanError::Overpinned { asn: nip }, "198503142010012003"),
            (PlanError::Solver("x".into()), "x"),
        ];
        for (e, data) in plan {
            let (id, en) = (e.message(Lang::Id), e.message(Lang::En));
            assert_ne!(id, en);
            assert!(id.contains(data) && en.contains(data), "{id} / {en}");
        }
        let file = [
            (
                ImportError::Syntax {
                    line: 3,
                    column: 7,
                    message: "EOF".into(),
                },
                "baris 3, kolom 7",
            ),
            (
                ImportError::TooNew {
                    found: 9,
                    supported: 4,
                },
                "versi skema 9",
            ),
        ];
        for (e, id_text) in file {
            assert!(
                e.message(Lang::Id).contains(id_text),
                "{}",
                e.message(Lang::Id)
            );
            assert_eq!(e.message(Lang::En), e.to_string());
        }
    }

    #[test]
    fn sheet_errors_name_the_file_in_both_languages() {
        use crate::core::io::sheet::SheetError;
        let e = SheetError::BadCsv {
            file: "kinerja.csv".into(),
            row: 4,
            message: "x".into(),
        };
        assert_eq!(e.message(Lang::Id), "kinerja.csv, baris 4: x");
        assert_eq!(e.message(Lang::En), e.to_string());
        let big = SheetError::TooManyRows {
            file: "besar.csv".into(),
        };
        assert!(big.message(Lang::Id).starts_with("besar.csv: lebih dari"));
    }
}
