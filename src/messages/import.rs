//! The words of a spreadsheet import's problems.

use super::Message;
use crate::core::io::table_import::{Blocking, DomicileSource, Field, Problem, Reason};
use crate::core::io::values::{Expected, ValueError};
use crate::i18n::Lang;

impl Message for Blocking {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Blocking::NotMapped(f), Lang::Id) => {
                format!("Kolom wajib {} belum dipetakan ke kolom file.", f.header())
            }
            (Blocking::NotMapped(f), Lang::En) => {
                format!("The required field {} is not mapped to a column of the file.", f.header())
            }
            (Blocking::ColumnTwice { column }, Lang::Id) => {
                format!("Kolom {column} dipetakan ke dua isian; pilih satu.")
            }
            (Blocking::ColumnTwice { column }, Lang::En) => {
                format!("Column {column} is mapped to two fields; choose one.")
            }
            (Blocking::NipStoredAsNumber { column, examples }, Lang::Id) => format!(
                "Kolom {column} (NIP) tersimpan sebagai angka ({}): Excel hanya menyimpan 15 digit, jadi digit terakhir NIP sudah hilang dan tidak bisa dipulihkan. Perbaiki di Excel: blok kolom NIP → klik kanan → Format Cells → Text, lalu tempel ulang NIP dari SIASN (atau ketik dengan tanda petik di depan, mis. '197501012000031002), simpan, dan impor lagi.",
                examples.join(", ")
            ),
            (Blocking::NipStoredAsNumber { column, examples }, Lang::En) => format!(
                "Column {column} (NIP) is stored as numbers ({}): Excel keeps only 15 digits, so the last digits of each NIP are already lost and cannot be recovered. Fix it in Excel: select the NIP column → right-click → Format Cells → Text, paste the NIPs again from SIASN (or type them with a leading apostrophe, e.g. '197501012000031002), save and import again.",
                examples.join(", ")
            ),
        }
    }
}

/// The reason in words, without the row and column (shown beside it).
impl Message for Problem {
    fn message(&self, lang: Lang) -> String {
        let field = self.field.map(Field::header).unwrap_or("");
        let id = lang == Lang::Id;
        match &self.reason {
            Reason::Missing => {
                if id {
                    format!("{field} kosong")
                } else {
                    format!("{field} is empty")
                }
            }
            Reason::Value { value, error } => value_message(field, value, error, lang),
            Reason::UnknownAgency(v) => {
                if id {
                    format!(
                        "OPD \"{v}\" tidak ada di data (pakai singkatan, nama lengkap atau ID OPD)"
                    )
                } else {
                    format!("no agency \"{v}\" in the data (use its short name, full name or id)")
                }
            }
            Reason::UnknownUnit(v) => {
                if id {
                    format!("unit kerja \"{v}\" tidak ada di OPD itu")
                } else {
                    format!("no unit \"{v}\" in that agency")
                }
            }
            Reason::UnknownPosition(v) => {
                if id {
                    format!("jabatan \"{v}\" tidak ditemukan (impor daftar jabatan dulu, atau periksa OPD/unit kerja)")
                } else {
                    format!("position \"{v}\" not found (import the positions first, or check the agency/unit)")
                }
            }
            Reason::AmbiguousPosition { name, count } => {
                if id {
                    format!("\"{name}\" cocok dengan {count} jabatan; petakan kolom OPD dan UNIT KERJA, atau ID JABATAN")
                } else {
                    format!("\"{name}\" matches {count} positions; map the OPD and UNIT KERJA columns, or ID JABATAN")
                }
            }
            Reason::Duplicate { first_row } => {
                if id {
                    format!("sama dengan baris {first_row}; baris ini dilewati")
                } else {
                    format!("same as row {first_row}; this row is skipped")
                }
            }
            Reason::UnknownNip(v) => {
                if id {
                    format!("NIP {v} tidak ada di daftar pegawai")
                } else {
                    format!("NIP {v} is not in the roster")
                }
            }
            Reason::BirthDateDiffersFromNip { nip_says } => {
                if id {
                    format!("berbeda dengan tanggal lahir di NIP ({nip_says})")
                } else {
                    format!("differs from the birth date in the NIP ({nip_says})")
                }
            }
            Reason::GenderDiffersFromNip => {
                if id {
                    "berbeda dengan digit jenis kelamin di NIP".to_string()
                } else {
                    "differs from the gender digit of the NIP".to_string()
                }
            }
            Reason::StatusDiffersFromNip => {
                if id {
                    "NIP PPPK (digit 13–14 = 21) harus berstatus PPPK, dan sebaliknya".to_string()
                } else {
                    "a PPPK NIP (digits 13–14 = 21) must have status PPPK, and the other way round"
                        .to_string()
                }
            }
            Reason::NiPppkMarker { digits } => {
                if id {
                    format!("peringatan: digit 13–14 NI PPPK \"{digits}\", biasanya 21; baris tetap diimpor")
                } else {
                    format!("warning: digits 13–14 of the NI PPPK are \"{digits}\", usually 21; the row is imported")
                }
            }
            Reason::DomicileAssumed { from, regency } => {
                let place = regency.name();
                match (from, id) {
                    (DomicileSource::WorkLocation, true) => format!("catatan: domisili tidak ada di file; diisi dari lokasi kerja ({place}) untuk jarak ke tempat tugas"),
                    (DomicileSource::WorkLocation, false) => format!("note: the file has no domicile; the work location ({place}) is used for the distance to the post"),
                    (DomicileSource::PositionSeat, true) => format!("catatan: domisili tidak ada di file; diisi dari kedudukan unit kerja ({place}) untuk jarak ke tempat tugas"),
                    (DomicileSource::PositionSeat, false) => format!("note: the file has no domicile; the seat of the unit ({place}) is used for the distance to the post"),
                    (DomicileSource::GovernmentSeat, true) => format!("catatan: domisili dan tempat kerja tidak diketahui; diisi {place} (kedudukan pemerintah) untuk jarak ke tempat tugas"),
                    (DomicileSource::GovernmentSeat, false) => format!("note: neither domicile nor workplace is known; {place} (the government's seat) is used for the distance to the post"),
                }
            }
            Reason::NotActive(status) => {
                let status = status.label();
                if id {
                    format!("catatan: kedudukan hukum {status}; diimpor, tetapi tidak dipindah selama status ini")
                } else {
                    format!("note: legal status {status}; imported, but not moved while it lasts")
                }
            }
            Reason::TypeFromName(kind) => {
                let kind = kind.label();
                if id {
                    format!("catatan: jenis jabatan tidak ada di file; dibaca dari nama jabatan: {kind}")
                } else {
                    format!("note: the file has no position type; read from the name: {kind}")
                }
            }
            Reason::LevelGuessed { name, kind, basis } => {
                use crate::core::titles::Basis;
                let kind = kind.label();
                let why = match (basis, id) {
                    (Basis::Golongan, true) => "jenjang menurut golongan pemangku",
                    (Basis::Golongan, false) => "the jenjang the holder's golongan usually has",
                    (Basis::Title, true) => {
                        "tingkat yang lazim untuk nama ini; SOTK daerah yang menentukan"
                    }
                    (Basis::Title, false) => {
                        "the usual level of this title; the government's SOTK decides"
                    }
                    (_, true) => "file tidak menyebut eselon atau jenis jabatan yang cukup",
                    (_, false) => "the file gives no eselon or position type that settles it",
                };
                if id {
                    format!("periksa: tingkat jabatan \"{name}\" tidak pasti; diduga {kind} ({why}); ditandai \"perlu diperiksa\" di halaman Jabatan")
                } else {
                    format!("check: the level of \"{name}\" is not certain; taken as {kind} ({why}); marked \"to check\" on the Jabatan page")
                }
            }
            Reason::AgencyCreated { name } => {
                if id {
                    format!("catatan: OPD \"{name}\" belum ada di data; dibuat dari baris ini (pemerintah dan kedudukan ruang kerja ini)")
                } else {
                    format!("note: the OPD \"{name}\" is not in the data; created from this row (this workspace's government and seat)")
                }
            }
            Reason::PositionCreated { name, unit, kind } if unit.is_empty() => {
                let kind = kind.label();
                if id {
                    format!("catatan: jabatan \"{name}\" ({kind}) belum ada di data; file tidak menyebut unit, jadi dibuat langsung di bawah OPD")
                } else {
                    format!("note: the position \"{name}\" ({kind}) is not in the data; the file names no unit, so it is created directly under the OPD")
                }
            }
            Reason::PositionCreated { name, unit, kind } => {
                let kind = kind.label();
                if id {
                    format!("catatan: jabatan \"{name}\" ({kind}) di unit \"{unit}\" belum ada di data; dibuat dari baris ini")
                } else {
                    format!("note: the position \"{name}\" ({kind}) in the unit \"{unit}\" is not in the data; created from this row")
                }
            }
            Reason::BezettingDiffers { file, data } => {
                if id {
                    format!("catatan: bezetting di file {file}, di data {data} orang (data pegawai yang menentukan)")
                } else {
                    format!("note: bezetting {file} in the file, {data} in the data (the roster decides)")
                }
            }
            Reason::NeedFromOpenings {
                openings,
                held,
                need,
            } => {
                if id {
                    format!(
                        "catatan: kebutuhan {need} = {held} orang menjabat + {openings} formasi"
                    )
                } else {
                    format!("note: need {need} = {held} in post + {openings} openings (formasi)")
                }
            }
            Reason::NoGolongan => {
                if id {
                    "PNS/CPNS tanpa golongan".to_string()
                } else {
                    "a PNS/CPNS without golongan".to_string()
                }
            }
            Reason::NeedRatingsOrPredikat => {
                if id {
                    "isi HASIL KERJA dan PERILAKU KERJA, atau PREDIKAT".to_string()
                } else {
                    "fill HASIL KERJA and PERILAKU KERJA, or PREDIKAT".to_string()
                }
            }
            Reason::YearOutOfRange => {
                if id {
                    "tahun di luar 1990–2100".to_string()
                } else {
                    "year outside 1990–2100".to_string()
                }
            }
            Reason::SinceBeforeBirth => {
                if id {
                    format!("{field} sebelum tanggal lahir")
                } else {
                    format!("{field} is before the birth date")
                }
            }
            Reason::Inconsistent(finding) => {
                let finding = finding.message(lang);
                if id {
                    format!("data tidak konsisten: {finding}")
                } else {
                    format!("inconsistent data: {finding}")
                }
            }
        }
    }
}

fn expected_text(e: Expected, lang: Lang) -> &'static str {
    let id = lang == Lang::Id;
    match e {
        Expected::Date => {
            if id {
                "tanggal hh/bb/tttt"
            } else {
                "a date dd/mm/yyyy"
            }
        }
        Expected::Golongan => {
            if id {
                "golongan seperti III/a"
            } else {
                "a golongan like III/a"
            }
        }
        Expected::PppkGolongan => {
            if id {
                "golongan PPPK I–XVII"
            } else {
                "a PPPK golongan I–XVII"
            }
        }
        Expected::Education => {
            if id {
                "jenjang SD, SMP, SMA, D1–D4, S1–S3"
            } else {
                "a level SD, SMP, SMA, D1–D4, S1–S3"
            }
        }
        Expected::Regency => {
            if id {
                "kabupaten/kota di Provinsi Jambi"
            } else {
                "a kabupaten/kota of Jambi Province"
            }
        }
        Expected::Gender => "L/P",
        Expected::Status => "PNS, CPNS, PPPK",
        Expected::Rating => {
            if id {
                "di atas / sesuai / di bawah ekspektasi"
            } else {
                "above / meets / below expectation"
            }
        }
        Expected::Predikat => "Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang",
        Expected::PositionType => {
            if id {
                "jenis jabatan seperti Pelaksana, Pengawas, JF Ahli Muda"
            } else {
                "a position type like Pelaksana, Pengawas, JF Ahli Muda"
            }
        }
        Expected::Sanction => {
            if id {
                "hukuman disiplin seperti Teguran Tertulis, Pemotongan Tunjangan Kinerja 25% 6 bulan, Penurunan Jabatan, atau tingkatnya (Ringan, Sedang, Berat)"
            } else {
                "a sanction like Teguran Tertulis, Pemotongan Tunjangan Kinerja 25% 6 bulan, Penurunan Jabatan, or its level (Ringan, Sedang, Berat)"
            }
        }
        Expected::Eselon => {
            if id {
                "eselon seperti II.b, III.a, IV.b (atau - bila non eselon)"
            } else {
                "an eselon like II.b, III.a, IV.b (or - when none)"
            }
        }
        Expected::WholeNumber => {
            if id {
                "bilangan bulat"
            } else {
                "a whole number"
            }
        }
        Expected::Number => {
            if id {
                "angka"
            } else {
                "a number"
            }
        }
        Expected::Quarter => {
            if id {
                "triwulan 1–4 atau kosong (tahunan)"
            } else {
                "a quarter 1–4 or empty (annual)"
            }
        }
    }
}

fn value_message(field: &str, value: &str, error: &ValueError, lang: Lang) -> String {
    let id = lang == Lang::Id;
    match error {
        ValueError::Expected(e) => {
            if id {
                format!("{field} \"{value}\" bukan {}", expected_text(*e, lang))
            } else {
                format!("{field} \"{value}\" is not {}", expected_text(*e, lang))
            }
        }
        ValueError::MonthFirst => {
            if id {
                format!("{field} \"{value}\": bulan lebih dari 12; tulis hari dulu (hh/bb/tttt)")
            } else {
                format!("{field} \"{value}\": month above 12; write the day first (dd/mm/yyyy)")
            }
        }
        ValueError::NipAsNumber => {
            if id {
                format!("NIP \"{value}\" tersimpan sebagai angka dan kehilangan digit")
            } else {
                format!("NIP \"{value}\" was stored as a number and lost digits")
            }
        }
        ValueError::Nip(why) => {
            let why = why
                .as_ref()
                .map(|w| format!(" ({})", w.message(lang)))
                .unwrap_or_default();
            if id {
                format!("NIP \"{value}\" tidak valid{why}")
            } else {
                format!("NIP \"{value}\" is not valid{why}")
            }
        }
    }
}
