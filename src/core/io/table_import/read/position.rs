//! A position row: matched by id or by agency, unit and name; new units
//! and ids are made from the names.

use super::super::*;
use super::*;
use crate::core::io::values::{self, compact};
use crate::core::model::{
    standard_requirements, EducationRequirement, Position, PositionId, Unit, UnitId,
};

impl RowReader<'_, '_> {
    pub(super) fn find_position(&self, r: usize, problems: &mut Vec<Problem>) -> Lookup2 {
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
            let loose = crate::core::io::agency_names::unit_key(&unit_text);
            let unit_name = |p: usize| {
                let pos = &ws.positions[p];
                ws.agencies
                    .iter()
                    .find(|a| a.id == pos.agency)
                    .and_then(|a| a.unit(&pos.unit))
                    .map(|u| u.name.as_str())
            };
            let exact: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|&p| {
                    compact(&ws.positions[p].unit.0) == key
                        || unit_name(p).is_some_and(|n| compact(n) == key)
                })
                .collect();
            // As written, else by the unit's normalised name ("PKM
            // Pelawan" is "Puskesmas Pelawan").
            candidates = if exact.is_empty() && !loose.is_empty() {
                candidates
                    .into_iter()
                    .filter(|&p| {
                        unit_name(p)
                            .is_some_and(|n| crate::core::io::agency_names::unit_key(n) == loose)
                    })
                    .collect()
            } else {
                exact
            };
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

    pub(super) fn position(&mut self, r: usize, problems: &mut Vec<Problem>) -> Option<Change> {
        let ws = self.lookup.ws;
        let name = self.text(r, Field::PositionName);
        if name.is_none() {
            self.missing(r, Field::PositionName, problems);
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
        // "S-1 Akuntansi / S-1 Manajemen": the level, and the programmes
        // when the file has no column of accepted majors.
        let qualification = self.read(r, Field::MinEducation, values::qualification, problems);
        let min_level = qualification.as_ref().map(|(level, _)| *level);
        let fields: Option<Vec<String>> = self
            .text(r, Field::AcceptedMajors)
            .map(|t| {
                t.split([',', ';', '/'])
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .or_else(|| qualification.and_then(|(_, f)| (!f.is_empty()).then_some(f)));
        let need = self.read(r, Field::Need, values::whole_number, problems);
        let bezetting = self.read(r, Field::Bezetting, values::whole_number, problems);
        let openings = self.read(r, Field::Openings, values::whole_number, problems);
        let (Some(name), Some(agency), Some(unit_text)) = (name, agency, unit_text) else {
            return None;
        };
        if has_errors(problems) {
            return None;
        }
        let agency_id = ws.agencies[agency].id.clone();
        let (unit_id, new_unit) = self.unit_for(agency, &unit_text);
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
            (None, None) => self.new_position_id(&unit_id, &name),
        };
        let old = existing.map(|i| &ws.positions[i]);
        // No type column (an Anjab/ABK sheet): the stored type, else the
        // one the title table gives, noted (a guess as a warning).
        let (kind, review, eselon) = self.position_kind(r, &name, None, old, problems, true);
        let data = old.map_or(0, |p| {
            self.lookup
                .holders
                .get(p.id.0.as_str())
                .copied()
                .unwrap_or(0)
        });
        if let Some(file) = bezetting {
            if file != data {
                problems.push(self.problem(
                    r,
                    Some(Field::Bezetting),
                    Reason::BezettingDiffers { file, data },
                ));
            }
        }
        // A rincian formasi: the openings come on top of who is in post
        // (the file's bezetting, else the workspace's).
        let need = match (need, openings) {
            (None, Some(openings)) => {
                let held = bezetting.unwrap_or(data);
                let need = held.saturating_add(openings);
                problems.push(self.problem(
                    r,
                    Some(Field::Openings),
                    Reason::NeedFromOpenings {
                        openings,
                        held,
                        need,
                    },
                ));
                Some(need)
            }
            (need, _) => need,
        };
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
            review,
            eselon,
        };
        Some(Change::Position {
            position: Box::new(position),
            existing,
            new_unit,
        })
    }
}

impl RowReader<'_, '_> {
    /// The unit of `agency` named `text`: existing, created by an earlier
    /// row, or new (then returned to be created).
    pub(super) fn unit_for(
        &mut self,
        agency: usize,
        text: &str,
    ) -> (UnitId, Option<(usize, Unit)>) {
        let ws = self.lookup.ws;
        let agency_id = &ws.agencies[agency].id;
        // Variants of one new unit's name in one file make one unit.
        let key = crate::core::io::agency_names::unit_key(text);
        if let Some(u) = self.lookup.unit(agency, text) {
            return (u.id.clone(), None);
        }
        if let Some(u) = self.new_units.get(&(agency, key.clone())) {
            return (u.id.clone(), None);
        }
        let base = format!("{}.{}", agency_id.0, slug(text));
        let id = unique(&base, |c| {
            ws.agencies[agency].units.iter().any(|u| u.id.0 == c) || self.new_ids.contains(c)
        });
        self.new_ids.insert(id.clone());
        let unit = Unit {
            id: UnitId(id),
            name: text.to_string(),
            parent: None,
            seat: None,
        };
        self.new_units.insert((agency, key), unit.clone());
        (unit.id.clone(), Some((agency, unit)))
    }

    /// A new position id in `unit`, from its name, unused so far.
    pub(super) fn new_position_id(&mut self, unit: &UnitId, name: &str) -> String {
        let base = format!("{}.{}", unit.0, slug(name));
        let id = unique(&base, |c| {
            self.lookup.position_by_id.contains_key(c) || self.new_ids.contains(c)
        });
        self.new_ids.insert(id.clone());
        id
    }
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
