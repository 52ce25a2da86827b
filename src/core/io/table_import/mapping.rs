//! Which column holds which field: the header row, then the first column
//! whose header is one of a field's names.

use super::*;
use crate::core::io::sheet::Sheet;
use crate::core::io::values::normalize;
use std::collections::BTreeMap;

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
