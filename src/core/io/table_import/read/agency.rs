//! The OPDs of a new workspace's first roster or position sheet: a
//! kabupaten starting from a blank page has none, and its first file must
//! bring them. Each is created once, from the first row that names it, in
//! the workspace's government at its seat, and said as a note on that row.
//! A workspace that has OPDs creates only those the analyst chose to create
//! ([`AgencyChoice::Create`]): there an unknown name is far more often a
//! variant or a typo than a new OPD, and is listed for a choice.
//! Variants of one name ([`agency_names::key`]) make one agency.

use super::super::*;
use crate::core::io::agency_names;
use crate::core::io::sheet::Sheet;
use crate::core::io::values::{self, compact};
use crate::core::model::{Agency, AgencyId, AgencyKind, Workspace};
use std::collections::HashSet;

/// The agencies to create for the rows `data` of the sheet, with a note
/// per agency on the first row naming it. Nothing when the workspace has
/// OPDs, for a performance sheet or a sheet without an OPD column (or
/// fixed OPD).
pub(super) fn agencies_to_create(
    kind: ImportKind,
    sheet: &Sheet,
    mapping: &Mapping,
    ws: &Workspace,
    data: std::ops::Range<usize>,
) -> (Vec<Agency>, Vec<Problem>) {
    let mut created: Vec<Agency> = Vec::new();
    let mut notes = Vec::new();
    if kind == ImportKind::Performance {
        return (created, notes);
    }
    let creating_all = ws.agencies.is_empty();
    let column = mapping.columns.get(&Field::Agency).copied();
    let fixed = mapping.fixed.get(&Field::Agency);
    if column.is_none() && fixed.is_none() {
        return (created, notes);
    }
    let mut known: HashSet<String> = ws
        .agencies
        .iter()
        .flat_map(|a| [&a.short_name, &a.name])
        .map(|k| agency_names::key(k))
        .collect();
    let mut ids: HashSet<String> = ws.agencies.iter().map(|a| a.id.0.clone()).collect();
    for r in data {
        let cell = match column {
            Some(c) => sheet.cell(r, c),
            None => fixed.unwrap_or(&crate::core::io::sheet::Cell::Empty),
        };
        let Some(text) = values::text(cell) else {
            continue;
        };
        if !creating_all && mapping.agencies.get(&compact(&text)) != Some(&AgencyChoice::Create) {
            continue;
        }
        let key = agency_names::key(&text);
        if key.is_empty() || !known.insert(key) {
            continue;
        }
        let id = unique_id(&slug(&text), &mut ids);
        notes.push(Problem {
            row: sheet.row_number(r),
            column: column.map(|c| sheet.column_letter(c)),
            field: Some(Field::Agency),
            reason: Reason::AgencyCreated { name: text.clone() },
        });
        created.push(Agency {
            id: AgencyId(id),
            short_name: text.clone(),
            kind: kind_of(&text),
            name: text,
            government: ws.government,
            seat: ws.government.seat(),
            units: Vec::new(),
        });
    }
    (created, notes)
}

/// "Dinas Pendidikan" → "dinas-pendidikan"; "BKPSDM" → "bkpsdm".
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "opd".to_string()
    } else {
        out
    }
}

/// `base`, or `base-2`, `base-3` … the first id not taken; then taken.
fn unique_id(base: &str, taken: &mut HashSet<String>) -> String {
    let mut id = base.to_string();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// The kind an agency's name tells: "Dinas …", "Badan …" (and the
/// abbreviations BKD, BKPSDM, Bappeda …), "Biro …", "Sekretariat …",
/// "Inspektorat", "RSUD …"; a Dinas otherwise.
fn kind_of(name: &str) -> AgencyKind {
    let lower = name.trim().to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    match first {
        "badan" => AgencyKind::Badan,
        "biro" => AgencyKind::Biro,
        "sekretariat" | "setda" | "setwan" | "sekwan" => AgencyKind::Sekretariat,
        "inspektorat" => AgencyKind::Inspektorat,
        "rsud" | "rsj" => AgencyKind::RumahSakit,
        "rumah" if lower.starts_with("rumah sakit") => AgencyKind::RumahSakit,
        w if w.starts_with("ba") || w.starts_with("bk") || w.starts_with("bp") => AgencyKind::Badan,
        _ => AgencyKind::Dinas,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_kinds_come_from_the_name() {
        assert_eq!(slug("Dinas Pendidikan"), "dinas-pendidikan");
        assert_eq!(slug("  BKPSDM "), "bkpsdm");
        assert_eq!(slug("Dinas P & K (Bungo)"), "dinas-p-k-bungo");
        assert_eq!(slug("—"), "opd");
        let mut taken: HashSet<String> = ["bkd".to_string()].into();
        assert_eq!(unique_id("bkd", &mut taken), "bkd-2");
        assert_eq!(unique_id("bkd", &mut taken), "bkd-3");
        assert_eq!(unique_id("dinkes", &mut taken), "dinkes");
        assert_eq!(kind_of("Dinas Kesehatan"), AgencyKind::Dinas);
        assert_eq!(kind_of("BKPSDM"), AgencyKind::Badan);
        assert_eq!(kind_of("Bappeda"), AgencyKind::Badan);
        assert_eq!(
            kind_of("Badan Kesatuan Bangsa dan Politik"),
            AgencyKind::Badan
        );
        assert_eq!(kind_of("RSUD H. Hanafie"), AgencyKind::RumahSakit);
        assert_eq!(kind_of("Rumah Sakit Jiwa"), AgencyKind::RumahSakit);
        assert_eq!(kind_of("Sekretariat Daerah"), AgencyKind::Sekretariat);
        assert_eq!(kind_of("Inspektorat"), AgencyKind::Inspektorat);
        assert_eq!(kind_of("Satpol PP"), AgencyKind::Dinas);
    }
}
