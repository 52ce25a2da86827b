//! The held-out files of issue 39 (tests/fixtures/held_out, written by
//! make.py there, not by the demo): each imported into a blank workspace
//! of its government as an analyst would, once, and measured.

use mutasi_planner::core::io::sheet;
use mutasi_planner::core::io::table_import::{
    analyse, apply, guess_mapping, AgencyChoice, Analysis, ImportKind, RowStatus,
};
use mutasi_planner::core::model::{Government, Regency, Workspace};

/// Rows in, imported and reported for one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    pub file: &'static str,
    pub rows_in: usize,
    pub imported: usize,
    pub refused: usize,
    pub warnings: usize,
    /// Distinct OPD names the import listed for the analyst.
    pub listed: usize,
}

pub fn path(file: &str) -> String {
    format!(
        "{}/tests/fixtures/held_out/{file}",
        env!("CARGO_MANIFEST_DIR")
    )
}

pub fn blank(regency: Regency) -> Workspace {
    let mut ws = Workspace::empty(regency.name());
    ws.government = Government::Regency(regency);
    ws
}

/// Reads a file, guesses its columns, and, as the analyst does once, takes
/// each OPD name the import lists: the first suggestion when the
/// workspace already has OPDs (`pick`), otherwise a new OPD.
pub fn analyse_file(
    file: &'static str,
    kind: ImportKind,
    ws: &Workspace,
    pick: bool,
) -> (Analysis, usize) {
    let bytes = std::fs::read(path(file)).expect("a held-out file");
    let sheet = sheet::read(file, &bytes).expect("a readable sheet");
    let mut mapping = guess_mapping(kind, &sheet);
    let first = analyse(kind, &sheet, &mapping, ws);
    let listed = first.unmatched_agencies.len();
    for u in &first.unmatched_agencies {
        let choice = match u.suggestions.first() {
            Some(id) if pick => AgencyChoice::Existing(id.clone()),
            _ => AgencyChoice::Create,
        };
        mapping.agencies.insert(u.key.clone(), choice);
    }
    (analyse(kind, &sheet, &mapping, ws), listed)
}

pub fn import(
    file: &'static str,
    kind: ImportKind,
    ws: &Workspace,
    pick: bool,
) -> (Workspace, Measure, Analysis) {
    let (a, listed) = analyse_file(file, kind, ws, pick);
    let measure = Measure {
        file,
        rows_in: a.rows.len(),
        imported: a.count(RowStatus::New) + a.count(RowStatus::Update),
        refused: a.count(RowStatus::Invalid),
        warnings: a.problems.iter().filter(|p| p.reason.is_warning()).count(),
        listed,
    };
    let next = if a.blocking.is_empty() {
        apply(ws, &a)
    } else {
        ws.clone()
    };
    (next, measure, a)
}

/// The six files, in the order an analyst would take them.
pub fn all() -> Vec<(Measure, Workspace, Analysis)> {
    let mut out = Vec::new();
    let ws = blank(Regency::Sarolangun);
    let (ws, m, a) = import("anjab_sarolangun.xlsx", ImportKind::Positions, &ws, false);
    out.push((m, ws.clone(), a));
    let (ws, m, a) = import("siasn_sarolangun.csv", ImportKind::Roster, &ws, true);
    out.push((m, ws, a));
    for (file, regency) in [
        ("duk_tebo.xlsx", Regency::Tebo),
        ("duk_kerinci_1252.csv", Regency::Kerinci),
        ("siasn_kota_jambi_bom.csv", Regency::KotaJambi),
        ("duk_bungo_formulas.xlsx", Regency::Bungo),
    ] {
        let (ws, m, a) = import(file, ImportKind::Roster, &blank(regency), false);
        out.push((m, ws, a));
    }
    out
}
