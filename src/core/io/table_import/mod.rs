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
//!
//! One job per module: `fields` (what can be imported and the header names
//! each field is known by), `mapping` (the header row and the guessed
//! column of each field), `read` (one row at a time into a change or
//! problems, with a reader per kind), `apply` (the confirmed changes onto a
//! copy of the workspace). The problems are typed; their words are in
//! `crate::messages`.

mod apply;
mod fields;
mod mapping;
mod read;

pub use apply::apply;
pub use fields::Field;
pub use mapping::{
    agency_in_title, detect_source, find_header_row, guess_mapping, headers, signature,
    AgencyChoice, Mapping, MappingMemory, Source,
};
pub use read::{analyse, analyse_with_progress, PROGRESS_EVERY};

use super::values::ValueError;
use crate::core::model::{Asn, PerformanceRecord, Position, Unit};

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
                WorkLocation,
                PositionType,
                Eselon,
                TitleFront,
                TitleBack,
                CandidateStatus,
                LegalStatus,
                SiasnPnsId,
                SiasnJabatanId,
                SiasnUnorId,
                ServiceYears,
                ServiceMonths,
                TmtCpns,
                TmtGolongan,
                SanctionKind,
                SanctionStart,
                SanctionEnd,
            ],
            ImportKind::Positions => &[
                PositionId,
                PositionName,
                PositionType,
                Eselon,
                Agency,
                Unit,
                MinGolongan,
                MinEducation,
                AcceptedMajors,
                Need,
                Bezetting,
                Openings,
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
            ImportKind::Positions => &[PositionName, Agency, Unit],
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

/// A problem that stops the whole import until the mapping is fixed.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

/// Why one row (or one cell of it) cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
    /// A note: the sheet has no position type; it is read from the name.
    TypeFromName(crate::core::model::PositionType),
    /// A warning: the position's level could not be told from the file
    /// (no ESELON, a JENIS JABATAN and a title that leave it open): the
    /// type is a guess, said here, and the position is marked "perlu
    /// diperiksa" (see [`crate::core::titles`]).
    LevelGuessed {
        name: String,
        kind: crate::core::model::PositionType,
        basis: crate::core::titles::Basis,
    },
    /// A note: the roster names a position the workspace lacks; it is
    /// created in the agency (type from the sheet or the name).
    PositionCreated {
        name: String,
        unit: String,
        kind: crate::core::model::PositionType,
    },
    /// A note: a new workspace's first file names an OPD; it is created
    /// (in the workspace's government, at its seat) from this row.
    AgencyCreated {
        name: String,
    },
    /// A note: the sheet's bezetting differs from the people the workspace
    /// has in the position.
    BezettingDiffers {
        file: u32,
        data: u32,
    },
    /// A note: the file gives openings (a rincian formasi) and no need:
    /// the need is the people in post plus the openings.
    NeedFromOpenings {
        openings: u32,
        held: u32,
        need: u32,
    },
    /// A note: the kedudukan hukum is not Aktif; the person is imported and
    /// the rules keep them in place while it lasts.
    NotActive(crate::core::model::LegalStatus),
    /// A note: the file has no domicile for the person; it is taken from
    /// where they work (the distance term uses it). The row imports.
    DomicileAssumed {
        from: DomicileSource,
        regency: crate::core::model::Regency,
    },
    /// Neither both ratings nor a predikat.
    NeedRatingsOrPredikat,
    /// A year outside 1990–2100.
    YearOutOfRange,
    /// The TMT jabatan is before the birth date.
    SinceBeforeBirth,
    /// The row would leave the workspace inconsistent (the validator's
    /// finding).
    Inconsistent(crate::core::model::Finding),
}

/// Where an assumed domicile comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DomicileSource {
    /// The file's work location (SIASN's LOKASI KERJA NAMA).
    WorkLocation,
    /// The seat of the person's unit or agency.
    PositionSeat,
    /// The seat of the workspace's government (nothing else was known).
    GovernmentSeat,
}

/// One problem: the spreadsheet row (as Excel numbers it), the column letter
/// and its field, and the reason.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    pub row: usize,
    pub column: Option<String>,
    pub field: Option<Field>,
    pub reason: Reason,
}

impl Reason {
    /// A warning: shown, but the row still imports.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            Reason::NiPppkMarker { .. }
                | Reason::DomicileAssumed { .. }
                | Reason::NotActive(_)
                | Reason::TypeFromName(_)
                | Reason::LevelGuessed { .. }
                | Reason::PositionCreated { .. }
                | Reason::AgencyCreated { .. }
                | Reason::BezettingDiffers { .. }
                | Reason::NeedFromOpenings { .. }
        )
    }
}

/// Whether any of `problems` stops its row (is not a warning).
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|p| !p.reason.is_warning())
}

/// A change the import would make.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Change {
    /// An ASN, replacing `asn[index]` or added; `new_position` is the
    /// position (and unit) the roster names that the workspace lacks,
    /// created first.
    Asn {
        asn: Box<Asn>,
        existing: Option<usize>,
        new_position: Option<Box<NewPosition>>,
        /// SIASN's ids on the row, kept for the next export.
        siasn: SiasnRow,
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

/// A position a roster row creates (SIASN names positions the workspace
/// may not have yet), with the unit to create first, if any.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct NewPosition {
    pub position: Position,
    pub new_unit: Option<(usize, Unit)>,
}

/// SIASN's ids on a roster row (PNS ID, JABATAN ID, UNOR ID).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SiasnRow {
    pub pns: Option<String>,
    pub jabatan: Option<String>,
    pub unor: Option<String>,
}

/// One data row's outcome.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RowStatus {
    New,
    Update,
    Invalid,
}

/// The outcome of reading a sheet with a mapping: nothing is applied yet.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
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
    /// Rows below the data that are a sheet's footer (the place, date and
    /// signature under a DUK: no key, one or two cells), skipped.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub footer_rows: usize,
    /// Units that will be created (positions import), as "OPD / unit".
    pub new_units: Vec<String>,
    /// OPDs the sheet names that the workspace lacks, created first (in
    /// this order, after the workspace's: the changes' agency indices
    /// count them).
    #[serde(default)]
    pub new_agencies: Vec<crate::core::model::Agency>,
    /// OPD names that match no agency, once each, with the rows naming
    /// them and the closest agencies: the analyst chooses one or creates
    /// it ([`Mapping::agencies`]).
    #[serde(default)]
    pub unmatched_agencies: Vec<UnmatchedAgency>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// An OPD name of the file that matches no agency of the workspace.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UnmatchedAgency {
    /// As the file first writes it.
    pub name: String,
    /// Its [`crate::core::io::values::compact`] form, the key of
    /// [`Mapping::agencies`].
    pub key: String,
    /// Rows naming it (spreadsheet numbers), at most the first 20, and how
    /// many in all.
    pub rows: Vec<usize>,
    pub count: usize,
    /// The closest agencies, best first.
    pub suggestions: Vec<crate::core::model::AgencyId>,
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
