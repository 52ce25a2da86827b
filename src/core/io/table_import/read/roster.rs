//! A roster row: one ASN, matched by NIP.

use super::super::*;
use super::*;
use crate::core::io::values;
use crate::core::model::{
    Asn, CompetencyProfile, CurrentPosition, Education, EmploymentStatus, Flags, NipEntry,
};

impl RowReader<'_, '_> {
    pub(super) fn roster(&mut self, r: usize, problems: &mut Vec<Problem>) -> Option<Change> {
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
}
