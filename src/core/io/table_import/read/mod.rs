//! Reading the rows under the header: lookups into the workspace, the
//! per-row helpers, and the safety net that re-validates the result. One
//! reader per kind: `roster`, `position`, `performance`.

mod agency;
mod performance;
mod position;
mod roster;

use super::*;
use crate::core::io::agency_names;
use crate::core::io::sheet::{Cell, Sheet};
use crate::core::io::values::{self, compact, ValueError};
use crate::core::model::{AgencyId, PositionId, Unit, Workspace};
use crate::core::titles;
use std::collections::{BTreeMap, HashMap};

struct Lookup<'a> {
    ws: &'a Workspace,
    asn_by_nip: HashMap<&'a str, usize>,
    agency_by_key: HashMap<String, usize>,
    /// Agencies by [`agency_names::key`]; `None` when two share it.
    agency_by_norm: HashMap<String, Option<usize>>,
    /// The analyst's choices for names the workspace does not know.
    chosen: HashMap<String, usize>,
    position_by_id: HashMap<&'a str, usize>,
    positions_by_name: HashMap<String, Vec<usize>>,
    /// SIASN's JABATAN ID and UNOR ID → the workspace's position and unit.
    position_by_jabatan: HashMap<&'a str, &'a PositionId>,
    unit_by_unor: HashMap<&'a str, &'a crate::core::model::UnitId>,
    /// People in post per position id (its bezetting in the workspace).
    holders: HashMap<&'a str, u32>,
    /// Units by agency and [`agency_names::unit_key`]; `None` when two of
    /// an agency share it.
    unit_by_key: HashMap<(usize, String), Option<usize>>,
}

impl<'a> Lookup<'a> {
    fn new(ws: &'a Workspace, mapping: &Mapping) -> Lookup<'a> {
        let mut agency_by_key = HashMap::new();
        let mut agency_by_norm: HashMap<String, Option<usize>> = HashMap::new();
        for (i, a) in ws.agencies.iter().enumerate() {
            for key in [&a.id.0, &a.short_name, &a.name] {
                agency_by_key.entry(compact(key)).or_insert(i);
            }
            for name in [&a.short_name, &a.name] {
                let entry = agency_by_norm
                    .entry(agency_names::key(name))
                    .or_insert(Some(i));
                if *entry != Some(i) {
                    *entry = None;
                }
            }
        }
        let chosen = mapping
            .agencies
            .iter()
            .filter_map(|(key, choice)| match choice {
                AgencyChoice::Existing(id) => ws
                    .agencies
                    .iter()
                    .position(|a| &a.id == id)
                    .map(|i| (key.clone(), i)),
                AgencyChoice::Create => None,
            })
            .collect();
        let mut positions_by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in ws.positions.iter().enumerate() {
            positions_by_name
                .entry(compact(&p.name))
                .or_default()
                .push(i);
        }
        let mut holders: HashMap<&str, u32> = HashMap::new();
        for a in &ws.asn {
            if let Some(c) = &a.position {
                *holders.entry(c.position.0.as_str()).or_default() += 1;
            }
        }
        let mut unit_by_key: HashMap<(usize, String), Option<usize>> = HashMap::new();
        for (a, agency) in ws.agencies.iter().enumerate() {
            for (u, unit) in agency.units.iter().enumerate() {
                let key = agency_names::unit_key(&unit.name);
                if key.is_empty() {
                    continue;
                }
                let entry = unit_by_key.entry((a, key)).or_insert(Some(u));
                if *entry != Some(u) {
                    *entry = None;
                }
            }
        }
        Lookup {
            ws,
            holders,
            unit_by_key,
            asn_by_nip: ws
                .asn
                .iter()
                .enumerate()
                .map(|(i, a)| (a.nip.as_str(), i))
                .collect(),
            agency_by_key,
            agency_by_norm,
            chosen,
            position_by_id: ws
                .positions
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.0.as_str(), i))
                .collect(),
            positions_by_name,
            position_by_jabatan: ws
                .siasn
                .jabatan
                .iter()
                .map(|(p, id)| (id.as_str(), p))
                .collect(),
            unit_by_unor: ws
                .siasn
                .unor
                .iter()
                .map(|(u, id)| (id.as_str(), u))
                .collect(),
        }
    }

    /// The agency a file's OPD name stands for: by id, short name or name
    /// as written, by the analyst's choice, or by the one normalised
    /// comparison ([`agency_names::key`]) when it names one agency.
    fn agency(&self, text: &str) -> Option<usize> {
        let c = compact(text);
        self.agency_by_key
            .get(&c)
            .or_else(|| self.chosen.get(&c))
            .copied()
            .or_else(|| {
                self.agency_by_norm
                    .get(&agency_names::key(text))
                    .copied()
                    .flatten()
            })
    }

    /// The unit of an agency a file's unit name stands for: by id or name
    /// as written, else by the one normalised comparison
    /// ([`agency_names::unit_key`]: "Subbag Umum" = "Sub Bagian Umum",
    /// "PKM Pasar Bangko" = "Puskesmas Pasar Bangko") when it names one
    /// unit of the agency.
    fn unit(&self, agency: usize, text: &str) -> Option<&'a Unit> {
        let key = compact(text);
        let units = &self.ws.agencies[agency].units;
        units
            .iter()
            .find(|u| compact(&u.id.0) == key || compact(&u.name) == key)
            .or_else(|| {
                let u = self
                    .unit_by_key
                    .get(&(agency, agency_names::unit_key(text)))
                    .copied()
                    .flatten()?;
                units.get(u)
            })
    }
}

/// How often [`analyse_with_progress`] reports: every this many rows.
pub const PROGRESS_EVERY: usize = 1000;

/// Reads every data row under the header with the mapping, against the
/// current workspace.
pub fn analyse(kind: ImportKind, sheet: &Sheet, mapping: &Mapping, ws: &Workspace) -> Analysis {
    analyse_with_progress(kind, sheet, mapping, ws, &mut |_, _| {})
}

/// [`analyse`], telling `progress(rows read, rows in all)` every
/// [`PROGRESS_EVERY`] rows (the file worker passes it on to the page).
pub fn analyse_with_progress(
    kind: ImportKind,
    sheet: &Sheet,
    mapping: &Mapping,
    ws: &Workspace,
    progress: &mut dyn FnMut(usize, usize),
) -> Analysis {
    let mut analysis = Analysis {
        kind,
        file_name: sheet.file_name.clone(),
        blocking: Vec::new(),
        rows: Vec::new(),
        problems: Vec::new(),
        changes: Vec::new(),
        change_rows: Vec::new(),
        empty_rows: 0,
        footer_rows: 0,
        new_units: Vec::new(),
        new_agencies: Vec::new(),
        unmatched_agencies: Vec::new(),
    };
    for &field in kind.required() {
        if !mapping.columns.contains_key(&field) && !mapping.fixed.contains_key(&field) {
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
    let (data, footer_rows) = data_rows(kind, sheet, mapping);
    analysis.footer_rows = footer_rows;
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
    // A new workspace's first file brings its OPDs (see `agency`): the
    // rows are read against the workspace with them. One whose rows all
    // fail is not created: the rows are read again without it (they then
    // say the OPD is unknown, beside what else is wrong).
    let (mut created, mut notes) =
        agency::agencies_to_create(kind, sheet, mapping, ws, data.clone());
    loop {
        let mut extended;
        let target = if created.is_empty() {
            ws
        } else {
            extended = ws.clone();
            extended.agencies.extend(created.iter().cloned());
            &extended
        };
        let mut attempt = read_rows(
            kind,
            sheet,
            mapping,
            target,
            data.clone(),
            progress,
            analysis.clone(),
        );
        let used: std::collections::HashSet<&AgencyId> = attempt
            .changes
            .iter()
            .filter_map(|c| match c {
                Change::Position { position, .. } => Some(&position.agency),
                Change::Asn {
                    new_position: Some(new),
                    ..
                } => Some(&new.position.agency),
                _ => None,
            })
            .collect();
        let unused: Vec<usize> = (0..created.len())
            .filter(|&k| !used.contains(&created[k].id))
            .collect();
        if unused.is_empty() {
            // The notes go first on their rows, before the rows' own.
            notes.append(&mut attempt.problems);
            attempt.problems = notes;
            crate::core::sort::sort_by(&mut attempt.problems, |a, b| a.row.cmp(&b.row));
            attempt.new_agencies = created;
            return attempt;
        }
        let names: Vec<String> = unused.iter().map(|&k| created[k].name.clone()).collect();
        notes.retain(
            |p| !matches!(&p.reason, Reason::AgencyCreated { name } if names.contains(name)),
        );
        // Strictly fewer each time: the loop ends, at the latest with none.
        created = created
            .into_iter()
            .enumerate()
            .filter(|(k, _)| !unused.contains(k))
            .map(|(_, a)| a)
            .collect();
    }
}

/// "-", "--", "—", "." (and spaces): a cell that says "none".
fn is_placeholder(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.chars().all(|c| matches!(c, '-' | '–' | '—' | '.' | ' '))
}

/// The rows to read below the header, and how many rows after them are a
/// footer: the rows after the last one with its key (the NIP, or a
/// position's name) that have no key and at most two cells ("Muara Tebo,
/// 31 Desember 2025", "KEPALA BKPSDM", a signature).
fn data_rows(
    kind: ImportKind,
    sheet: &Sheet,
    mapping: &Mapping,
) -> (std::ops::Range<usize>, usize) {
    let all = (mapping.header_row + 1)..sheet.rows.len();
    let key = match kind {
        ImportKind::Roster | ImportKind::Performance => Field::Nip,
        ImportKind::Positions => Field::PositionName,
    };
    let Some(&column) = mapping.columns.get(&key) else {
        return (all, 0);
    };
    let Some(last) = all
        .clone()
        .rev()
        .find(|&r| !sheet.cell(r, column).is_empty())
    else {
        return (all, 0);
    };
    let footer = (last + 1..sheet.rows.len()).all(|r| {
        sheet.cell(r, column).is_empty()
            && sheet.rows[r].iter().filter(|c| !c.is_empty()).count() <= 2
    });
    if !footer {
        return (all, 0);
    }
    let count = (last + 1..sheet.rows.len())
        .filter(|&r| !sheet.rows[r].iter().all(Cell::is_empty))
        .count();
    (all.start..last + 1, count)
}

/// Reads the rows `data` into `analysis` against `ws` (the workspace with
/// the OPDs this import creates).
fn read_rows(
    kind: ImportKind,
    sheet: &Sheet,
    mapping: &Mapping,
    ws: &Workspace,
    data: std::ops::Range<usize>,
    progress: &mut dyn FnMut(usize, usize),
    mut analysis: Analysis,
) -> Analysis {
    let lookup = Lookup::new(ws, mapping);
    let mut reader = RowReader {
        sheet,
        mapping,
        lookup: &lookup,
        seen: HashMap::new(),
        new_units: HashMap::new(),
        new_ids: Default::default(),
        new_positions: HashMap::new(),
    };
    let total = data.len();
    for (done, r) in data.enumerate() {
        if done % PROGRESS_EVERY == 0 && done > 0 {
            progress(done, total);
        }
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
            let created = match &change {
                Some(Change::Position {
                    new_unit: Some(u), ..
                }) => Some(u),
                Some(Change::Asn {
                    new_position: Some(new),
                    ..
                }) => new.new_unit.as_ref(),
                _ => None,
            };
            if let Some((a, unit)) = created {
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
    need_of_created_positions(&mut analysis);
    drop_inconsistent(ws, &mut analysis);
    analysis.unmatched_agencies = unmatched_agencies(ws, &analysis.problems);
    analysis
}

/// The OPD names the rows could not match, once each, with their rows and
/// the closest agencies.
fn unmatched_agencies(ws: &Workspace, problems: &[Problem]) -> Vec<UnmatchedAgency> {
    let mut out: Vec<UnmatchedAgency> = Vec::new();
    for p in problems {
        let Reason::UnknownAgency(name) = &p.reason else {
            continue;
        };
        let key = compact(name);
        match out.iter_mut().find(|u| u.key == key) {
            Some(u) => {
                u.count += 1;
                if u.rows.len() < 20 {
                    u.rows.push(p.row);
                }
            }
            None => out.push(UnmatchedAgency {
                name: name.clone(),
                key,
                rows: vec![p.row],
                count: 1,
                suggestions: agency_names::suggestions(ws, name, 3)
                    .into_iter()
                    .map(|i| ws.agencies[i].id.clone())
                    .collect(),
            }),
        }
    }
    out
}

/// A position a roster creates needs as many people as the roster puts in
/// it (its bezetting), at least one.
fn need_of_created_positions(analysis: &mut Analysis) {
    let mut holders: HashMap<PositionId, u32> = HashMap::new();
    for c in &analysis.changes {
        if let Change::Asn { asn, .. } = c {
            if let Some(p) = &asn.position {
                *holders.entry(p.position.clone()).or_default() += 1;
            }
        }
    }
    for c in &mut analysis.changes {
        if let Change::Asn {
            new_position: Some(new),
            ..
        } = c
        {
            new.position.need = holders.get(&new.position.id).copied().unwrap_or(1).max(1);
        }
    }
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
                    reason: Reason::Inconsistent(finding.clone()),
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
    /// Positions created by earlier roster rows: agency|unit|name → id.
    new_positions: HashMap<String, PositionId>,
}

impl RowReader<'_, '_> {
    /// The row's cell for a field; a placeholder for "none" that DUK
    /// sheets put in empty cells ("-", "--", "—", ".") reads as empty, so a
    /// missing title is not a name's part and a missing date not an error.
    fn cell(&self, row: usize, field: Field) -> &Cell {
        let cell = match self.mapping.columns.get(&field) {
            Some(&c) => self.sheet.cell(row, c),
            None => self.mapping.fixed.get(&field).unwrap_or(&Cell::Empty),
        };
        match cell {
            Cell::Text(t) if is_placeholder(t) => &Cell::Empty,
            other => other,
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
    /// What the row's ESELON and position-type columns say.
    fn type_columns(
        &self,
        r: usize,
        problems: &mut Vec<Problem>,
    ) -> (Option<titles::Eselon>, Option<titles::TypeCell>) {
        let eselon = self
            .read(r, Field::Eselon, values::eselon, problems)
            .flatten();
        let cell = self.read(r, Field::PositionType, values::type_cell, problems);
        (eselon, cell)
    }

    /// The type of a position named `name` on row `r`, by the title table,
    /// when `old` (the stored position) does not settle it: the stored type
    /// stays unless a column says otherwise. Notes the reading on the row
    /// (a guess as a warning); the flag says "perlu diperiksa".
    fn position_kind(
        &self,
        r: usize,
        name: &str,
        golongan: Option<crate::core::model::Golongan>,
        old: Option<&crate::core::model::Position>,
        problems: &mut Vec<Problem>,
        note_title: bool,
    ) -> (
        crate::core::model::PositionType,
        bool,
        Option<titles::Eselon>,
    ) {
        let (eselon, cell) = self.type_columns(r, problems);
        let evidence = titles::Evidence {
            name,
            eselon,
            cell,
            golongan,
        };
        let (kind, review) = self.level_of(r, &evidence, old, problems, note_title);
        // The eselon: the file's, else the title's (camat III.a), else
        // what the position had, when it is one of the type's.
        let eselon = eselon
            .or_else(|| titles::eselon_of(name))
            .or(old.and_then(|p| p.eselon))
            .filter(|e| e.kind() == kind);
        (kind, review, eselon)
    }

    /// [`Self::position_kind`]'s type and whether it is to check.
    fn level_of(
        &self,
        r: usize,
        evidence: &titles::Evidence<'_>,
        old: Option<&crate::core::model::Position>,
        problems: &mut Vec<Problem>,
        note_title: bool,
    ) -> (crate::core::model::PositionType, bool) {
        let (name, cell) = (evidence.name, evidence.cell);
        let reading = titles::read(evidence, titles::Tier::of(self.lookup.ws.government));
        if matches!(reading.basis, titles::Basis::Eselon | titles::Basis::Column) && reading.sure {
            return (reading.kind, false);
        }
        if let Some(p) = old {
            let consistent = match cell {
                Some(titles::TypeCell::Jenis(jenis)) => titles::fits(p.kind, jenis),
                _ => true,
            };
            if consistent {
                return (p.kind, p.review);
            }
        }
        if !reading.sure {
            problems.push(self.problem(
                r,
                Some(Field::PositionType),
                Reason::LevelGuessed {
                    name: name.to_string(),
                    kind: reading.kind,
                    basis: reading.basis,
                },
            ));
        } else if note_title && cell.is_none() {
            problems.push(self.problem(
                r,
                Some(Field::PositionType),
                Reason::TypeFromName(reading.kind),
            ));
        }
        (reading.kind, !reading.sure)
    }

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
}

/// A row's position, looked up by id or by agency, unit and name.
enum Lookup2 {
    Found(PositionId),
    NotGiven,
    Failed,
}
