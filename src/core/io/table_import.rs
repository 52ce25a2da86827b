//! Importing a roster, positions or performance records from a spreadsheet:
//! find the header row, guess which column holds which field, read every row
//! into a pending change or a list of problems (row, column, reason), and
//! apply the valid changes to a copy of the workspace only when the user
//! confirms. Nothing is written while the user looks at the preview.
//!
//! A row is matched to what the workspace already has: an ASN by NIP, a
//! position by its id or by agency + unit + name, a performance record by NIP
//! and period. A match is updated (only the mapped, non-empty cells change);
//! anything else is added.

use super::sheet::{Cell, Sheet};
use super::values::{self, compact, normalize, Expected, ValueError};
use crate::core::model::{
    standard_requirements, Asn, CompetencyProfile, CurrentPosition, Education,
    EducationRequirement, EmploymentStatus, Flags, NipEntry, PerformanceRecord, Period, Position,
    PositionId, Unit, UnitId, Workspace,
};
use crate::i18n::Lang;
use std::collections::{BTreeMap, HashMap};

/// What a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ImportKind {
    /// Daftar pegawai: one row per ASN.
    Roster,
    /// Daftar jabatan: one row per position.
    Positions,
    /// Kinerja: one row per ASN and period.
    Performance,
}

impl ImportKind {
    pub const ALL: [ImportKind; 3] = [
        ImportKind::Roster,
        ImportKind::Positions,
        ImportKind::Performance,
    ];

    /// The fields a file of this kind can have, in template order.
    pub fn fields(self) -> &'static [Field] {
        use Field::*;
        match self {
            ImportKind::Roster => &[
                Nip,
                Name,
                Gender,
                BirthDate,
                Status,
                Golongan,
                Education,
                Major,
                Agency,
                Unit,
                PositionName,
                PositionId,
                Since,
                Domicile,
            ],
            ImportKind::Positions => &[
                PositionId,
                PositionName,
                PositionType,
                Agency,
                Unit,
                MinGolongan,
                MinEducation,
                AcceptedMajors,
                Need,
            ],
            ImportKind::Performance => &[
                Nip,
                Year,
                Quarter,
                HasilKerja,
                PerilakuKerja,
                Predikat,
                Score,
            ],
        }
    }

    /// Fields without which no row can be read.
    pub fn required(self) -> &'static [Field] {
        use Field::*;
        match self {
            ImportKind::Roster => &[Nip],
            ImportKind::Positions => &[PositionName, PositionType, Agency, Unit],
            ImportKind::Performance => &[Nip, Year],
        }
    }

    /// A short machine name (file names, test ids).
    pub fn code(self) -> &'static str {
        match self {
            ImportKind::Roster => "pegawai",
            ImportKind::Positions => "jabatan",
            ImportKind::Performance => "kinerja",
        }
    }
}

/// A field the importer can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Nip,
    Name,
    Gender,
    BirthDate,
    Status,
    Golongan,
    Education,
    Major,
    Agency,
    Unit,
    PositionName,
    PositionId,
    Since,
    Domicile,
    PositionType,
    MinGolongan,
    MinEducation,
    AcceptedMajors,
    Need,
    Year,
    Quarter,
    HasilKerja,
    PerilakuKerja,
    Predikat,
    Score,
}

impl Field {
    /// The column header in the template (the same in both languages: it is
    /// what SIASN/SIMPEG exports call the column).
    pub fn header(self) -> &'static str {
        self.aliases()[0]
    }

    /// Headers seen in real exports, normalised (upper case, single spaces,
    /// punctuation dropped); the first is the template's.
    fn aliases(self) -> &'static [&'static str] {
        use Field::*;
        match self {
            Nip => &[
                "NIP",
                "NIP BARU",
                "NIP 18",
                "NOMOR INDUK PEGAWAI",
                "NO INDUK PEGAWAI",
            ],
            Name => &[
                "NAMA",
                "NAMA PEGAWAI",
                "NAMA LENGKAP",
                "NAMA ASN",
                "NAMA GELAR",
            ],
            Gender => &["JENIS KELAMIN", "JK", "L P", "KELAMIN", "GENDER"],
            BirthDate => &["TGL LAHIR", "TANGGAL LAHIR", "TGL LHR", "TANGGAL LHR"],
            Status => &[
                "STATUS",
                "STATUS PEGAWAI",
                "STATUS KEPEGAWAIAN",
                "JENIS PEGAWAI",
            ],
            Golongan => &[
                "GOL RUANG",
                "GOL",
                "GOLONGAN",
                "GOLONGAN RUANG",
                "PANGKAT GOL",
                "PANGKAT GOLONGAN",
                "PANGKAT GOL RUANG",
                "PANGKAT",
            ],
            Education => &[
                "PENDIDIKAN",
                "PENDIDIKAN TERAKHIR",
                "JENJANG PENDIDIKAN",
                "TINGKAT PENDIDIKAN",
                "JENJANG",
            ],
            Major => &["JURUSAN", "PROGRAM STUDI", "PRODI", "BIDANG STUDI"],
            Agency => &[
                "OPD",
                "PERANGKAT DAERAH",
                "INSTANSI",
                "SKPD",
                "UNIT KERJA INDUK",
            ],
            Unit => &[
                "UNIT KERJA",
                "UNIT",
                "UNOR",
                "SATUAN KERJA",
                "SUB UNIT KERJA",
            ],
            PositionName => &["JABATAN", "NAMA JABATAN", "JABATAN SAAT INI"],
            PositionId => &["ID JABATAN", "KODE JABATAN"],
            Since => &["TMT JABATAN", "TMT JAB", "TMT"],
            Domicile => &[
                "DOMISILI",
                "KABUPATEN DOMISILI",
                "KAB KOTA DOMISILI",
                "TEMPAT TINGGAL",
            ],
            PositionType => &["JENIS JABATAN", "TIPE JABATAN", "JENJANG JABATAN"],
            MinGolongan => &[
                "GOL MIN",
                "GOLONGAN MINIMAL",
                "PANGKAT MINIMAL",
                "GOL MINIMAL",
            ],
            MinEducation => &[
                "PENDIDIKAN MIN",
                "PENDIDIKAN MINIMAL",
                "KUALIFIKASI PENDIDIKAN",
            ],
            AcceptedMajors => &["JURUSAN DITERIMA", "BIDANG PENDIDIKAN", "JURUSAN SYARAT"],
            Need => &["KEBUTUHAN", "KEBUTUHAN ABK", "JUMLAH KEBUTUHAN", "ABK"],
            Year => &["TAHUN", "TAHUN PENILAIAN", "PERIODE TAHUN"],
            Quarter => &["TRIWULAN", "PERIODE", "TW"],
            HasilKerja => &["HASIL KERJA", "RATING HASIL KERJA"],
            PerilakuKerja => &["PERILAKU KERJA", "RATING PERILAKU KERJA", "PERILAKU"],
            Predikat => &["PREDIKAT", "PREDIKAT KINERJA"],
            Score => &["NILAI", "NILAI SKP", "SKOR"],
        }
    }
}

/// Which column (index into the sheet's rows) holds which field, and where
/// the header row is.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Mapping {
    /// Index into `sheet.rows` of the header row; data starts below it.
    pub header_row: usize,
    pub columns: BTreeMap<Field, usize>,
}

/// The header row: among the first 15 rows, the one whose cells match the
/// most known headers of this kind (title rows above it are skipped); the
/// first row when nothing matches.
pub fn find_header_row(kind: ImportKind, sheet: &Sheet) -> usize {
    let mut best = (0, 0);
    for (index, row) in sheet.rows.iter().take(15).enumerate() {
        let hits = row
            .iter()
            .filter(|cell| {
                let header = normalize(&cell.display());
                kind.fields()
                    .iter()
                    .any(|f| f.aliases().contains(&header.as_str()))
            })
            .count();
        if hits > best.1 {
            best = (index, hits);
        }
    }
    best.0
}

/// The header texts of a mapping's header row, one per column.
pub fn headers(sheet: &Sheet, header_row: usize) -> Vec<String> {
    (0..sheet.width())
        .map(|c| sheet.cell(header_row, c).display())
        .collect()
}

/// Guesses the mapping: the header row, then for each field the first column
/// whose header is one of its known names, in alias order (so `GOL/RUANG`
/// wins over `PANGKAT` for golongan); a column is used once.
pub fn guess_mapping(kind: ImportKind, sheet: &Sheet) -> Mapping {
    let header_row = find_header_row(kind, sheet);
    let names: Vec<String> = headers(sheet, header_row)
        .iter()
        .map(|h| normalize(h))
        .collect();
    let mut columns = BTreeMap::new();
    let mut used = vec![false; names.len()];
    // Two passes: exact alias matches first for every field, then the rest.
    for &field in kind.fields() {
        for alias in field.aliases() {
            if let Some(c) = names.iter().position(|n| n == alias) {
                if !used[c] {
                    used[c] = true;
                    columns.insert(field, c);
                    break;
                }
            }
        }
    }
    Mapping {
        header_row,
        columns,
    }
}

/// A problem that stops the whole import until the mapping is fixed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Blocking {
    /// A required field has no column.
    NotMapped(Field),
    /// One column is mapped to two fields.
    ColumnTwice { column: String },
    /// The NIP column holds numbers: digits are lost (examples as shown).
    NipStoredAsNumber {
        column: String,
        examples: Vec<String>,
    },
}

impl Blocking {
    pub fn message(&self, lang: Lang) -> String {
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

/// Why one row (or one cell of it) cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// A required cell is empty.
    Missing,
    /// The cell's value is not what the column holds.
    Value {
        value: String,
        error: ValueError,
    },
    UnknownAgency(String),
    UnknownUnit(String),
    UnknownPosition(String),
    /// More than one position fits the name: add the unit/OPD or an id column.
    AmbiguousPosition {
        name: String,
        count: usize,
    },
    /// The same NIP (or NIP and period) appeared on an earlier row.
    Duplicate {
        first_row: usize,
    },
    /// A performance row for a NIP that is not in the workspace.
    UnknownNip(String),
    BirthDateDiffersFromNip {
        nip_says: String,
    },
    GenderDiffersFromNip,
    StatusDiffersFromNip,
    /// A warning: a NI PPPK whose digits 13–14 are not `21` (common in
    /// practice; the row imports).
    NiPppkMarker {
        digits: String,
    },
    /// A PNS or CPNS without golongan.
    NoGolongan,
    /// Neither both ratings nor a predikat.
    NeedRatingsOrPredikat,
    /// A year outside 1990–2100.
    YearOutOfRange,
    /// The TMT jabatan is before the birth date.
    SinceBeforeBirth,
    /// The row would leave the workspace inconsistent (the validator's
    /// finding, in English).
    Inconsistent(String),
}

/// One problem: the spreadsheet row (as Excel numbers it), the column letter
/// and its field, and the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub row: usize,
    pub column: Option<String>,
    pub field: Option<Field>,
    pub reason: Reason,
}

impl Reason {
    /// A warning: shown, but the row still imports.
    pub fn is_warning(&self) -> bool {
        matches!(self, Reason::NiPppkMarker { .. })
    }
}

/// Whether any of `problems` stops its row (is not a warning).
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|p| !p.reason.is_warning())
}

impl Problem {
    /// The reason in words, without the row and column (shown beside it).
    pub fn message(&self, lang: Lang) -> String {
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
            if id {
                format!("NIP \"{value}\" tidak valid ({why})")
            } else {
                format!("NIP \"{value}\" is not valid ({why})")
            }
        }
    }
}

/// A change the import would make.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// An ASN, replacing `asn[index]` or added.
    Asn {
        asn: Box<Asn>,
        existing: Option<usize>,
    },
    /// A position, replacing `positions[index]` or added; `new_unit` is a
    /// unit to create in `agencies[agency]` first.
    Position {
        position: Box<Position>,
        existing: Option<usize>,
        new_unit: Option<(usize, Unit)>,
    },
    /// A performance record for `asn[index]`, replacing the same period.
    Performance {
        asn: usize,
        record: PerformanceRecord,
        replaces: bool,
    },
}

/// One data row's outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowStatus {
    New,
    Update,
    Invalid,
}

/// The outcome of reading a sheet with a mapping: nothing is applied yet.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    pub kind: ImportKind,
    pub file_name: String,
    /// Problems with the mapping itself; while any exists nothing can be imported.
    pub blocking: Vec<Blocking>,
    /// Per data row: its spreadsheet row number and status.
    pub rows: Vec<(usize, RowStatus)>,
    pub problems: Vec<Problem>,
    pub changes: Vec<Change>,
    /// The spreadsheet row of each change.
    pub change_rows: Vec<usize>,
    /// Empty rows between data rows, skipped.
    pub empty_rows: usize,
    /// Units that will be created (positions import), as "OPD / unit".
    pub new_units: Vec<String>,
}

impl Analysis {
    pub fn count(&self, status: RowStatus) -> usize {
        self.rows.iter().filter(|(_, s)| *s == status).count()
    }

    /// True when something valid can be imported.
    pub fn can_apply(&self) -> bool {
        self.blocking.is_empty() && !self.changes.is_empty()
    }
}

struct Lookup<'a> {
    ws: &'a Workspace,
    asn_by_nip: HashMap<&'a str, usize>,
    agency_by_key: HashMap<String, usize>,
    position_by_id: HashMap<&'a str, usize>,
    positions_by_name: HashMap<String, Vec<usize>>,
}

impl<'a> Lookup<'a> {
    fn new(ws: &'a Workspace) -> Lookup<'a> {
        let mut agency_by_key = HashMap::new();
        for (i, a) in ws.agencies.iter().enumerate() {
            for key in [&a.id.0, &a.short_name, &a.name] {
                agency_by_key.entry(compact(key)).or_insert(i);
            }
        }
        let mut positions_by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in ws.positions.iter().enumerate() {
            positions_by_name
                .entry(compact(&p.name))
                .or_default()
                .push(i);
        }
        Lookup {
            ws,
            asn_by_nip: ws
                .asn
                .iter()
                .enumerate()
                .map(|(i, a)| (a.nip.as_str(), i))
                .collect(),
            agency_by_key,
            position_by_id: ws
                .positions
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.0.as_str(), i))
                .collect(),
            positions_by_name,
        }
    }

    fn agency(&self, text: &str) -> Option<usize> {
        self.agency_by_key.get(&compact(text)).copied()
    }

    fn unit(&self, agency: usize, text: &str) -> Option<&'a Unit> {
        let key = compact(text);
        self.ws.agencies[agency]
            .units
            .iter()
            .find(|u| compact(&u.id.0) == key || compact(&u.name) == key)
    }
}

/// Reads every data row under the header with the mapping, against the
/// current workspace.
pub fn analyse(kind: ImportKind, sheet: &Sheet, mapping: &Mapping, ws: &Workspace) -> Analysis {
    let mut analysis = Analysis {
        kind,
        file_name: sheet.file_name.clone(),
        blocking: Vec::new(),
        rows: Vec::new(),
        problems: Vec::new(),
        changes: Vec::new(),
        change_rows: Vec::new(),
        empty_rows: 0,
        new_units: Vec::new(),
    };
    for &field in kind.required() {
        if !mapping.columns.contains_key(&field) {
            analysis.blocking.push(Blocking::NotMapped(field));
        }
    }
    let mut seen_columns: BTreeMap<usize, Field> = BTreeMap::new();
    for (&field, &column) in &mapping.columns {
        if seen_columns.insert(column, field).is_some() {
            analysis.blocking.push(Blocking::ColumnTwice {
                column: sheet.column_letter(column),
            });
        }
    }
    let data = (mapping.header_row + 1)..sheet.rows.len();
    if let Some(&column) = mapping.columns.get(&Field::Nip) {
        let examples: Vec<String> = data
            .clone()
            .map(|r| sheet.cell(r, column))
            .filter(|c| match c {
                Cell::Number(_) => true,
                Cell::Text(t) => values::looks_scientific(t),
                _ => false,
            })
            .take(3)
            .map(Cell::display)
            .collect();
        if !examples.is_empty() {
            analysis.blocking.push(Blocking::NipStoredAsNumber {
                column: sheet.column_letter(column),
                examples,
            });
        }
    }
    if !analysis.blocking.is_empty() {
        return analysis;
    }
    let lookup = Lookup::new(ws);
    let mut reader = RowReader {
        sheet,
        mapping,
        lookup: &lookup,
        seen: HashMap::new(),
        new_units: HashMap::new(),
        new_ids: Default::default(),
    };
    for r in data {
        if sheet.rows[r].iter().all(Cell::is_empty) {
            analysis.empty_rows += 1;
            continue;
        }
        let row_number = sheet.row_number(r);
        let mut problems = Vec::new();
        let change = match kind {
            ImportKind::Roster => reader.roster(r, &mut problems),
            ImportKind::Positions => reader.position(r, &mut problems),
            ImportKind::Performance => reader.performance(r, &mut problems),
        };
        let status = match (&change, !has_errors(&problems)) {
            (Some(c), true) => {
                let updates = match c {
                    Change::Asn { existing, .. } | Change::Position { existing, .. } => {
                        existing.is_some()
                    }
                    Change::Performance { replaces, .. } => *replaces,
                };
                if updates {
                    RowStatus::Update
                } else {
                    RowStatus::New
                }
            }
            _ => RowStatus::Invalid,
        };
        if status != RowStatus::Invalid {
            if let Some(Change::Position {
                new_unit: Some((a, unit)),
                ..
            }) = &change
            {
                analysis
                    .new_units
                    .push(format!("{} / {}", ws.agencies[*a].short_name, unit.name));
            }
            if let Some(change) = change {
                analysis.changes.push(change);
                analysis.change_rows.push(row_number);
            }
        }
        analysis.rows.push((row_number, status));
        analysis.problems.extend(problems);
    }
    drop_inconsistent(ws, &mut analysis);
    analysis
}

/// The safety net behind the row checks: the workspace after the import
/// must validate. A change whose target has a new validation error is
/// dropped and its row reported with the finding.
fn drop_inconsistent(ws: &Workspace, analysis: &mut Analysis) {
    use crate::core::model::Severity;
    if analysis.changes.is_empty() {
        return;
    }
    let before: std::collections::HashSet<String> = ws
        .validate()
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.path)
        .collect();
    for _ in 0..4 {
        let errors: Vec<_> = apply(ws, analysis)
            .validate()
            .into_iter()
            .filter(|f| f.severity == Severity::Error && !before.contains(&f.path))
            .collect();
        if errors.is_empty() {
            return;
        }
        let (mut next_asn, mut next_position) = (ws.asn.len(), ws.positions.len());
        let prefixes: Vec<String> = analysis
            .changes
            .iter()
            .map(|c| match c {
                Change::Asn { existing, .. } => format!(
                    "asn[{}]",
                    existing.unwrap_or_else(|| {
                        next_asn += 1;
                        next_asn - 1
                    })
                ),
                Change::Position { existing, .. } => format!(
                    "positions[{}]",
                    existing.unwrap_or_else(|| {
                        next_position += 1;
                        next_position - 1
                    })
                ),
                Change::Performance { asn, .. } => format!("asn[{asn}]"),
            })
            .collect();
        let mut dropped = false;
        for k in (0..analysis.changes.len()).rev() {
            let prefix = &prefixes[k];
            let hit = errors.iter().find(|f| {
                f.path
                    .strip_prefix(prefix.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
            });
            if let Some(finding) = hit {
                let row = analysis.change_rows[k];
                analysis.changes.remove(k);
                analysis.change_rows.remove(k);
                for (r, status) in &mut analysis.rows {
                    if *r == row {
                        *status = RowStatus::Invalid;
                    }
                }
                analysis.problems.push(Problem {
                    row,
                    column: None,
                    field: None,
                    reason: Reason::Inconsistent(format!("{}: {}", finding.path, finding.message)),
                });
                dropped = true;
            }
        }
        if !dropped {
            return;
        }
    }
}

struct RowReader<'s, 'w> {
    sheet: &'s Sheet,
    mapping: &'s Mapping,
    lookup: &'s Lookup<'w>,
    /// Key (NIP, NIP+period, position key) → first row number.
    seen: HashMap<String, usize>,
    /// Units created by earlier rows: (agency, unit key) → unit.
    new_units: HashMap<(usize, String), Unit>,
    new_ids: std::collections::HashSet<String>,
}

impl RowReader<'_, '_> {
    fn cell(&self, row: usize, field: Field) -> &Cell {
        match self.mapping.columns.get(&field) {
            Some(&c) => self.sheet.cell(row, c),
            None => &Cell::Empty,
        }
    }

    fn problem(&self, row: usize, field: Option<Field>, reason: Reason) -> Problem {
        Problem {
            row: self.sheet.row_number(row),
            column: field
                .and_then(|f| self.mapping.columns.get(&f))
                .map(|&c| self.sheet.column_letter(c)),
            field,
            reason,
        }
    }

    /// The cell's text, None when empty.
    fn text(&self, row: usize, field: Field) -> Option<String> {
        values::text(self.cell(row, field))
    }

    /// Reads an optional cell with a parser; a bad value is a problem.
    fn read<T>(
        &self,
        row: usize,
        field: Field,
        parse: impl Fn(&Cell) -> Result<T, ValueError>,
        problems: &mut Vec<Problem>,
    ) -> Option<T> {
        let cell = self.cell(row, field);
        if cell.is_empty() {
            return None;
        }
        match parse(cell) {
            Ok(v) => Some(v),
            Err(error) => {
                problems.push(self.problem(
                    row,
                    Some(field),
                    Reason::Value {
                        value: cell.display(),
                        error,
                    },
                ));
                None
            }
        }
    }

    fn missing(&self, row: usize, field: Field, problems: &mut Vec<Problem>) {
        problems.push(self.problem(row, Some(field), Reason::Missing));
    }

    fn first_seen(&mut self, key: String, row: usize) -> Option<usize> {
        let number = self.sheet.row_number(row);
        match self.seen.get(&key) {
            Some(&first) => Some(first),
            None => {
                self.seen.insert(key, number);
                None
            }
        }
    }

    fn roster(&mut self, r: usize, problems: &mut Vec<Problem>) -> Option<Change> {
        let ws = self.lookup.ws;
        // A row whose status says PPPK carries a NI PPPK: its digits 13–14
        // need not be a month.
        let says_pppk = values::status(self.cell(r, Field::Status)) == Ok(EmploymentStatus::Pppk);
        let parse_nip = if says_pppk {
            values::ni_pppk
        } else {
            values::nip
        };
        let Some(nip) = self.read(r, Field::Nip, parse_nip, problems) else {
            if self.cell(r, Field::Nip).is_empty() {
                self.missing(r, Field::Nip, problems);
            }
            return None;
        };
        if let Some(first_row) = self.first_seen(nip.as_str().to_string(), r) {
            problems.push(self.problem(r, Some(Field::Nip), Reason::Duplicate { first_row }));
            return None;
        }
        let existing = self.lookup.asn_by_nip.get(nip.as_str()).copied();
        let old = existing.map(|i| &ws.asn[i]);

        let name = self
            .text(r, Field::Name)
            .or_else(|| old.map(|a| a.name.clone()));
        if name.is_none() {
            self.missing(r, Field::Name, problems);
        }
        let birth_date = nip.birth_date();
        if let Some(given) = self.read(r, Field::BirthDate, values::date, problems) {
            if given != birth_date {
                problems.push(self.problem(
                    r,
                    Some(Field::BirthDate),
                    Reason::BirthDateDiffersFromNip {
                        nip_says: birth_date.to_dmy(),
                    },
                ));
            }
        }
        let gender = nip.gender();
        if let Some(given) = self.read(r, Field::Gender, values::gender, problems) {
            if given != gender {
                problems.push(self.problem(r, Some(Field::Gender), Reason::GenderDiffersFromNip));
            }
        }
        let nip_pppk = matches!(nip.entry(), NipEntry::Pppk { .. });
        let status = self
            .read(r, Field::Status, values::status, problems)
            .or(old.map(|a| a.status))
            .unwrap_or(if nip_pppk {
                EmploymentStatus::Pppk
            } else {
                EmploymentStatus::Pns
            });
        if status == EmploymentStatus::Pppk && !nip.has_pppk_marker() {
            problems.push(self.problem(
                r,
                Some(Field::Nip),
                Reason::NiPppkMarker {
                    digits: nip.entry_digits().to_string(),
                },
            ));
        } else if nip_pppk != (status == EmploymentStatus::Pppk) {
            problems.push(self.problem(r, Some(Field::Status), Reason::StatusDiffersFromNip));
        }
        let mut pppk_golongan = None;
        let golongan = if status == EmploymentStatus::Pppk {
            pppk_golongan = self
                .read(r, Field::Golongan, values::pppk_golongan, problems)
                .or(old.and_then(|a| a.pppk_golongan));
            None
        } else {
            let g = self
                .read(r, Field::Golongan, values::golongan, problems)
                .or(old.and_then(|a| a.golongan));
            if g.is_none() && !self.cell(r, Field::Golongan).is_empty() {
                // Already reported as a bad value.
            } else if g.is_none() {
                problems.push(self.problem(r, Some(Field::Golongan), Reason::NoGolongan));
            }
            g
        };
        let level = self
            .read(r, Field::Education, values::education, problems)
            .or(old.map(|a| a.education.level));
        if level.is_none() && self.cell(r, Field::Education).is_empty() {
            self.missing(r, Field::Education, problems);
        }
        let major = self
            .text(r, Field::Major)
            .or_else(|| old.map(|a| a.education.field.clone()))
            .unwrap_or_default();

        let position = self.find_position(r, problems);
        let position = match position {
            Lookup2::Found(id) => {
                let same = old
                    .and_then(|a| a.position.as_ref())
                    .filter(|p| p.position == id);
                let since = self.read(r, Field::Since, values::date, problems);
                if since.is_some_and(|d| d < birth_date) {
                    problems.push(self.problem(r, Some(Field::Since), Reason::SinceBeforeBirth));
                }
                match (since, same) {
                    (Some(since), _) => Some(CurrentPosition {
                        position: id,
                        since,
                    }),
                    (None, Some(current)) => Some(current.clone()),
                    (None, None) => {
                        if self.cell(r, Field::Since).is_empty() {
                            self.missing(r, Field::Since, problems);
                        }
                        None
                    }
                }
            }
            Lookup2::NotGiven => old.and_then(|a| a.position.clone()),
            Lookup2::Failed => None,
        };
        let domicile = self
            .read(r, Field::Domicile, values::regency, problems)
            .or(old.map(|a| a.domicile))
            .or_else(|| {
                let p = position.as_ref()?;
                let pos = self.lookup.position_by_id.get(p.position.0.as_str())?;
                let pos = &ws.positions[*pos];
                let agency = ws.agencies.iter().find(|a| a.id == pos.agency)?;
                Some(agency.unit_seat(&pos.unit))
            });
        if domicile.is_none() && self.cell(r, Field::Domicile).is_empty() {
            self.missing(r, Field::Domicile, problems);
        }
        if has_errors(problems) {
            return None;
        }
        let (Some(name), Some(level), Some(domicile)) = (name, level, domicile) else {
            return None;
        };
        let mut asn = match old {
            Some(a) => a.clone(),
            None => Asn {
                nip: nip.clone(),
                name: String::new(),
                gender,
                birth_date,
                status,
                golongan: None,
                pppk_golongan: None,
                education: Education {
                    level,
                    field: String::new(),
                },
                position: None,
                flags: Flags::default(),
                competencies: CompetencyProfile::default(),
                potential: None,
                performance: Vec::new(),
                domicile,
                preferences: Vec::new(),
                own_request: false,
            },
        };
        asn.name = name;
        asn.gender = gender;
        asn.birth_date = birth_date;
        asn.status = status;
        asn.golongan = golongan;
        asn.pppk_golongan = pppk_golongan;
        asn.education = Education {
            level,
            field: major,
        };
        asn.position = position;
        asn.domicile = domicile;
        Some(Change::Asn {
            asn: Box::new(asn),
            existing,
        })
    }

    fn find_position(&self, r: usize, problems: &mut Vec<Problem>) -> Lookup2 {
        let ws = self.lookup.ws;
        if let Some(id) = self.text(r, Field::PositionId) {
            return match self.lookup.position_by_id.get(id.as_str()) {
                Some(&i) => Lookup2::Found(ws.positions[i].id.clone()),
                None => {
                    problems.push(self.problem(
                        r,
                        Some(Field::PositionId),
                        Reason::UnknownPosition(id),
                    ));
                    Lookup2::Failed
                }
            };
        }
        let Some(name) = self.text(r, Field::PositionName) else {
            return Lookup2::NotGiven;
        };
        let mut candidates: Vec<usize> = self
            .lookup
            .positions_by_name
            .get(&compact(&name))
            .cloned()
            .unwrap_or_default();
        if let Some(agency_text) = self.text(r, Field::Agency) {
            match self.lookup.agency(&agency_text) {
                Some(a) => {
                    let id = &ws.agencies[a].id;
                    candidates.retain(|&p| &ws.positions[p].agency == id);
                }
                None => {
                    problems.push(self.problem(
                        r,
                        Some(Field::Agency),
                        Reason::UnknownAgency(agency_text),
                    ));
                    return Lookup2::Failed;
                }
            }
        }
        if let Some(unit_text) = self.text(r, Field::Unit) {
            let key = compact(&unit_text);
            candidates.retain(|&p| {
                let pos = &ws.positions[p];
                compact(&pos.unit.0) == key
                    || ws
                        .agencies
                        .iter()
                        .find(|a| a.id == pos.agency)
                        .and_then(|a| a.unit(&pos.unit))
                        .is_some_and(|u| compact(&u.name) == key)
            });
        }
        match candidates.len() {
            1 => Lookup2::Found(ws.positions[candidates[0]].id.clone()),
            0 => {
                problems.push(self.problem(
                    r,
                    Some(Field::PositionName),
                    Reason::UnknownPosition(name),
                ));
                Lookup2::Failed
            }
            count => {
                problems.push(self.problem(
                    r,
                    Some(Field::PositionName),
                    Reason::AmbiguousPosition { name, count },
                ));
                Lookup2::Failed
            }
        }
    }

    fn position(&mut self, r: usize, problems: &mut Vec<Problem>) -> Option<Change> {
        let ws = self.lookup.ws;
        let name = self.text(r, Field::PositionName);
        if name.is_none() {
            self.missing(r, Field::PositionName, problems);
        }
        let kind = self.read(r, Field::PositionType, values::position_type, problems);
        if kind.is_none() && self.cell(r, Field::PositionType).is_empty() {
            self.missing(r, Field::PositionType, problems);
        }
        let agency = match self.text(r, Field::Agency) {
            None => {
                self.missing(r, Field::Agency, problems);
                None
            }
            Some(text) => {
                let found = self.lookup.agency(&text);
                if found.is_none() {
                    problems.push(self.problem(
                        r,
                        Some(Field::Agency),
                        Reason::UnknownAgency(text),
                    ));
                }
                found
            }
        };
        let unit_text = self.text(r, Field::Unit);
        if unit_text.is_none() {
            self.missing(r, Field::Unit, problems);
        }
        let min_golongan = self.read(r, Field::MinGolongan, values::golongan, problems);
        let min_level = self.read(r, Field::MinEducation, values::education, problems);
        let fields: Option<Vec<String>> = self.text(r, Field::AcceptedMajors).map(|t| {
            t.split([',', ';', '/'])
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        });
        let need = self.read(r, Field::Need, values::whole_number, problems);
        let (Some(name), Some(kind), Some(agency), Some(unit_text)) =
            (name, kind, agency, unit_text)
        else {
            return None;
        };
        if !problems.is_empty() {
            return None;
        }
        let agency_id = ws.agencies[agency].id.clone();
        // The unit: existing, created by an earlier row, or new.
        let unit_key = compact(&unit_text);
        let (unit_id, new_unit) = match self.lookup.unit(agency, &unit_text) {
            Some(u) => (u.id.clone(), None),
            None => match self.new_units.get(&(agency, unit_key.clone())) {
                Some(u) => (u.id.clone(), None),
                None => {
                    let base = format!("{}.{}", agency_id.0, slug(&unit_text));
                    let id = unique(&base, |c| {
                        ws.agencies[agency].units.iter().any(|u| u.id.0 == c)
                            || self.new_ids.contains(c)
                    });
                    self.new_ids.insert(id.clone());
                    let unit = Unit {
                        id: UnitId(id),
                        name: unit_text.clone(),
                        parent: None,
                        seat: None,
                    };
                    self.new_units.insert((agency, unit_key), unit.clone());
                    (unit.id.clone(), Some((agency, unit)))
                }
            },
        };
        let given_id = self.text(r, Field::PositionId);
        let key = format!("{}|{}|{}", agency_id.0, unit_id.0, compact(&name));
        let existing = match &given_id {
            Some(id) => self.lookup.position_by_id.get(id.as_str()).copied(),
            None => ws.positions.iter().position(|p| {
                p.agency == agency_id && p.unit == unit_id && compact(&p.name) == compact(&name)
            }),
        };
        let dup_key = given_id.clone().unwrap_or_else(|| key.clone());
        if let Some(first_row) = self.first_seen(dup_key, r) {
            problems.push(self.problem(
                r,
                Some(if given_id.is_some() {
                    Field::PositionId
                } else {
                    Field::PositionName
                }),
                Reason::Duplicate { first_row },
            ));
            return None;
        }
        let id = match (&given_id, existing) {
            (Some(id), _) => id.clone(),
            (None, Some(i)) => ws.positions[i].id.0.clone(),
            (None, None) => {
                let base = format!("{}.{}", unit_id.0, slug(&name));
                let id = unique(&base, |c| {
                    self.lookup.position_by_id.contains_key(c) || self.new_ids.contains(c)
                });
                self.new_ids.insert(id.clone());
                id
            }
        };
        let old = existing.map(|i| &ws.positions[i]);
        let position = Position {
            id: PositionId(id),
            name,
            kind,
            jf: old.and_then(|p| p.jf.clone()),
            agency: agency_id,
            unit: unit_id,
            min_golongan: min_golongan.or(old.and_then(|p| p.min_golongan)),
            education: EducationRequirement {
                min_level: min_level.or(old.and_then(|p| p.education.min_level)),
                fields: fields
                    .or_else(|| old.map(|p| p.education.fields.clone()))
                    .unwrap_or_default(),
            },
            competencies: match old {
                Some(p) if p.kind == kind => p.competencies.clone(),
                _ => standard_requirements(kind),
            },
            need: need.or(old.map(|p| p.need)).unwrap_or(1),
        };
        Some(Change::Position {
            position: Box::new(position),
            existing,
            new_unit,
        })
    }

    fn performance(&mut self, r: usize, problems: &mut Vec<Problem>) -> Option<Change> {
        let ws = self.lookup.ws;
        let nip = self.read(r, Field::Nip, values::nip, problems);
        if nip.is_none() && self.cell(r, Field::Nip).is_empty() {
            self.missing(r, Field::Nip, problems);
        }
        let year = self.read(r, Field::Year, values::whole_number, problems);
        if year.is_none() && self.cell(r, Field::Year).is_empty() {
            self.missing(r, Field::Year, problems);
        }
        if year.is_some_and(|y| !(1990..=2100).contains(&y)) {
            problems.push(self.problem(r, Some(Field::Year), Reason::YearOutOfRange));
        }
        let quarter = self
            .read(r, Field::Quarter, values::quarter, problems)
            .flatten();
        let hasil = self.read(r, Field::HasilKerja, values::rating, problems);
        let perilaku = self.read(r, Field::PerilakuKerja, values::rating, problems);
        let predikat = self.read(r, Field::Predikat, values::predikat, problems);
        let ratings = match (hasil, perilaku, predikat) {
            (Some(h), Some(p), _) => Some((h, p)),
            (_, _, Some(p)) => Some(values::ratings_for(p)),
            _ => None,
        };
        if ratings.is_none() && problems.is_empty() {
            problems.push(self.problem(r, Some(Field::Predikat), Reason::NeedRatingsOrPredikat));
        }
        let score = self
            .read(r, Field::Score, values::number, problems)
            .map(|s| s as f32);
        let (Some(nip), Some(year), Some((hasil_kerja, perilaku_kerja))) = (nip, year, ratings)
        else {
            return None;
        };
        if !problems.is_empty() {
            return None;
        }
        let Some(&index) = self.lookup.asn_by_nip.get(nip.as_str()) else {
            problems.push(self.problem(
                r,
                Some(Field::Nip),
                Reason::UnknownNip(nip.as_str().to_string()),
            ));
            return None;
        };
        let period = Period {
            year: year as i32,
            quarter,
        };
        if let Some(first_row) = self.first_seen(format!("{}|{period}", nip.as_str()), r) {
            problems.push(self.problem(r, Some(Field::Nip), Reason::Duplicate { first_row }));
            return None;
        }
        let replaces = ws.asn[index].performance.iter().any(|p| p.period == period);
        Some(Change::Performance {
            asn: index,
            record: PerformanceRecord {
                period,
                hasil_kerja,
                perilaku_kerja,
                score,
            },
            replaces,
        })
    }
}

enum Lookup2 {
    Found(PositionId),
    NotGiven,
    Failed,
}

/// Lower-case letters, digits and dashes: `Bidang Pelayanan Kesehatan` →
/// `bidang-pelayanan-kesehatan`.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    let mut s: String = trimmed.chars().take(40).collect();
    if s.is_empty() {
        s.push('x');
    }
    s
}

fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|c| !taken(c))
        .unwrap_or_else(|| base.to_string())
}

/// Applies an analysis's valid changes to a copy of the workspace. The
/// analysis must have been made on this workspace (the page recomputes it
/// whenever the workspace changes); indices that do not fit are skipped
/// rather than trusted.
pub fn apply(ws: &Workspace, analysis: &Analysis) -> Workspace {
    let mut out = ws.clone();
    for change in &analysis.changes {
        match change {
            Change::Asn { asn, existing } => match existing.and_then(|i| out.asn.get_mut(i)) {
                Some(slot) => *slot = (**asn).clone(),
                None => out.asn.push((**asn).clone()),
            },
            Change::Position {
                position,
                existing,
                new_unit,
            } => {
                if let Some((a, unit)) = new_unit {
                    if let Some(agency) = out.agencies.get_mut(*a) {
                        agency.units.push(unit.clone());
                    }
                }
                match existing.and_then(|i| out.positions.get_mut(i)) {
                    Some(slot) => *slot = (**position).clone(),
                    None => out.positions.push((**position).clone()),
                }
            }
            // `replaces` only labels the row (New or Update).
            Change::Performance { asn, record, .. } => {
                let Some(person) = out.asn.get_mut(*asn) else {
                    continue;
                };
                person.record_performance(record.clone());
            }
        }
    }
    out
}
