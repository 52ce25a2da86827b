//! Which column holds which field: the header row, then the first column
//! whose header is one of a field's names.

use super::*;
use crate::core::io::sheet::{Cell, Sheet};
use crate::core::io::values::normalize;
use std::collections::BTreeMap;

/// Which column (index into the sheet's rows) holds which field, and where
/// the header row is.
#[derive(Clone, Debug, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Mapping {
    /// Index into `sheet.rows` of the header row; data starts below it.
    pub header_row: usize,
    pub columns: BTreeMap<Field, usize>,
    /// A value for every row of a field without a column: the OPD of a
    /// worksheet made per agency (named in its title, or chosen).
    pub fixed: BTreeMap<Field, Cell>,
    /// The analyst's choice for each OPD name the workspace does not know
    /// (by its [`crate::core::io::values::compact`] form): one of the
    /// workspace's agencies, or a new one. Remembered with the columns.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub agencies: BTreeMap<String, AgencyChoice>,
}

/// What an OPD name the workspace does not know stands for.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AgencyChoice {
    /// This agency of the workspace (by id).
    Existing(crate::core::model::AgencyId),
    /// A new agency, created from the first row naming it.
    Create,
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
    units_are_agencies(kind, sheet, header_row, &mut columns);
    Mapping {
        header_row,
        columns,
        fixed: BTreeMap::new(),
        agencies: BTreeMap::new(),
    }
}

/// A DUK's only organisation column ("UNIT KERJA", "UNIT ORGANISASI")
/// often holds the OPD, not a unit inside it: when a roster or position
/// sheet has no OPD column and most of the unit column's first 200 values
/// read as OPD names ([`agency_names::looks_like_agency`]), the column is
/// the OPD's. The analyst sees it in the mapping and may change it.
fn units_are_agencies(
    kind: ImportKind,
    sheet: &Sheet,
    header_row: usize,
    columns: &mut BTreeMap<Field, usize>,
) {
    if !matches!(kind, ImportKind::Roster | ImportKind::Positions)
        || columns.contains_key(&Field::Agency)
    {
        return;
    }
    let Some(&c) = columns.get(&Field::Unit) else {
        return;
    };
    let values: Vec<String> = (header_row + 1..sheet.rows.len())
        .filter_map(|r| crate::core::io::values::text(sheet.cell(r, c)))
        .take(200)
        .collect();
    let agencies = values
        .iter()
        .filter(|v| crate::core::io::agency_names::looks_like_agency(v))
        .count();
    if !values.is_empty() && agencies * 5 >= values.len() * 3 {
        columns.remove(&Field::Unit);
        columns.insert(Field::Agency, c);
    }
}

/// The agency a per-agency worksheet names in its title rows (above the
/// header): the first title cell that is, or ends with, an agency's name
/// or short name ("ANJAB DAN ABK DINAS KESEHATAN" → Dinkes). Longer names
/// are tried first, so "Dinas Kesehatan" wins over a short name inside it.
pub fn agency_in_title(
    sheet: &Sheet,
    header_row: usize,
    ws: &crate::core::model::Workspace,
) -> Option<usize> {
    let mut names: Vec<(String, usize)> = ws
        .agencies
        .iter()
        .enumerate()
        .flat_map(|(i, a)| [(normalize(&a.name), i), (normalize(&a.short_name), i)])
        .filter(|(n, _)| n.len() >= 3)
        .collect();
    crate::core::sort::sort_by(&mut names, |a, b| {
        b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1))
    });
    sheet
        .rows
        .iter()
        .take(header_row)
        .flatten()
        .find_map(|cell| {
            let title = format!(" {} ", normalize(&cell.display()));
            names
                .iter()
                .find(|(n, _)| {
                    title.ends_with(&format!(" {n} ")) || title.contains(&format!(" {n} "))
                })
                .map(|(_, i)| *i)
        })
}

/// Where a file comes from, recognised by its header row: the preset its
/// mapping follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// BKN SIASN's "Export Data ASN" (PNS ID, NIP BARU, GOL AKHIR NAMA …).
    Siasn,
    /// A SIMPEG or DUK sheet printed by a BKD (GOL/RUANG, PANGKAT, UNIT
    /// KERJA …, often under title rows).
    SimpegDuk,
    /// The planner's own template (its headers only).
    Template,
    /// An Anjab/ABK worksheet of positions (BEZETTING, KEBUTUHAN, KELAS
    /// JABATAN …, often per OPD under title rows).
    AnjabAbk,
    /// SIASN's rincian formasi: openings per position (JUMLAH FORMASI,
    /// LOKASI FORMASI …); the need is who is in post plus the openings.
    RincianFormasi,
    /// Anything else: the mapping is guessed header by header.
    Other,
}

/// The normalised header texts of the mapping's header row.
fn header_set(sheet: &Sheet, header_row: usize) -> Vec<String> {
    headers(sheet, header_row)
        .iter()
        .map(|h| normalize(h))
        .filter(|h| !h.is_empty())
        .collect()
}

/// Which known source the sheet's header row looks like.
pub fn detect_source(kind: ImportKind, sheet: &Sheet, header_row: usize) -> Source {
    let names = header_set(sheet, header_row);
    let has = |h: &str| names.iter().any(|n| n == h);
    let template: Vec<&str> = kind.fields().iter().map(|f| f.header()).collect();
    if has("NIP BARU")
        && [
            "PNS ID",
            "GOL AKHIR NAMA",
            "KEDUDUKAN HUKUM NAMA",
            "UNOR NAMA",
        ]
        .iter()
        .any(|h| has(h))
    {
        Source::Siasn
    } else if !names.is_empty() && names.iter().all(|n| template.contains(&n.as_str())) {
        Source::Template
    } else if (has("NIP") || has("NIP BARU"))
        && [
            "GOL RUANG",
            "GOL RUANG AKHIR",
            "PANGKAT",
            "PANGKAT GOL RUANG",
        ]
        .iter()
        .any(|h| has(h))
    {
        Source::SimpegDuk
    } else if kind == ImportKind::Positions
        && [
            "JUMLAH FORMASI",
            "FORMASI",
            "ALOKASI FORMASI",
            "LOKASI FORMASI",
        ]
        .iter()
        .any(|h| has(h))
    {
        Source::RincianFormasi
    } else if kind == ImportKind::Positions
        && names.iter().any(|n| {
            n.starts_with("BEZETTING")
                || n.starts_with("KELAS JABATAN")
                || Field::Need.aliases().contains(&n.as_str())
        })
    {
        Source::AnjabAbk
    } else {
        Source::Other
    }
}

/// The key a mapping is remembered under: the kind and the normalised
/// header row.
pub fn signature(kind: ImportKind, sheet: &Sheet, header_row: usize) -> String {
    format!(
        "{}:{}",
        kind.code(),
        header_set(sheet, header_row).join("|")
    )
}

/// Mappings the analyst corrected by hand, by header signature, newest
/// last; kept in the browser beside the workspace.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MappingMemory {
    entries: Vec<Remembered>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Remembered {
    signature: String,
    header_row: usize,
    /// Field (by its template header) → column index.
    columns: BTreeMap<String, usize>,
    /// The analyst's choices for OPD names the workspace did not know.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    agencies: BTreeMap<String, AgencyChoice>,
}

impl MappingMemory {
    /// How many header shapes are kept.
    pub const CAPACITY: usize = 20;

    /// Remembers `mapping` for files with this signature (replacing an
    /// older one; the oldest goes past the capacity).
    pub fn remember(&mut self, signature: &str, mapping: &Mapping) {
        self.entries.retain(|e| e.signature != signature);
        self.entries.push(Remembered {
            signature: signature.to_string(),
            header_row: mapping.header_row,
            columns: mapping
                .columns
                .iter()
                .map(|(f, c)| (f.header().to_string(), *c))
                .collect(),
            agencies: mapping.agencies.clone(),
        });
        if self.entries.len() > Self::CAPACITY {
            self.entries.remove(0);
        }
    }

    /// The mapping remembered for this signature, for a sheet of `kind`
    /// (columns past the sheet's width and unknown fields are dropped).
    pub fn recall(&self, kind: ImportKind, signature: &str, width: usize) -> Option<Mapping> {
        let e = self.entries.iter().find(|e| e.signature == signature)?;
        let columns = kind
            .fields()
            .iter()
            .filter_map(|f| {
                let c = *e.columns.get(f.header())?;
                (c < width).then_some((*f, c))
            })
            .collect();
        Some(Mapping {
            header_row: e.header_row,
            columns,
            fixed: BTreeMap::new(),
            agencies: e.agencies.clone(),
        })
    }
}
