//! A roster row: one ASN, matched by NIP.

use super::super::*;
use super::*;
use crate::core::io::values;
use crate::core::model::{
    standard_requirements, Asn, CompetencyProfile, CurrentPosition, Education,
    EducationRequirement, EmploymentStatus, Flags, NipEntry, Position, PositionId, Regency,
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

        // SIASN keeps the titles apart: "dr." + "Budi Santoso" + "M.Kes".
        let name = self
            .text(r, Field::Name)
            .map(|n| {
                let front = self.text(r, Field::TitleFront).unwrap_or_default();
                let back = self.text(r, Field::TitleBack).unwrap_or_default();
                let mut full = if front.is_empty() {
                    n
                } else {
                    format!("{front} {n}")
                };
                if !back.is_empty() {
                    full = format!("{full}, {back}");
                }
                full
            })
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
        // JENIS PEGAWAI NAMA says PNS or PPPK; STATUS CPNS PNS says
        // whether a PNS is still a candidate.
        let given = self.read(r, Field::Status, values::status, problems);
        let candidate = self.read(r, Field::CandidateStatus, values::status, problems);
        let status = match (given, candidate) {
            (Some(EmploymentStatus::Pppk), _) => Some(EmploymentStatus::Pppk),
            (_, Some(c)) if c != EmploymentStatus::Pppk => Some(c),
            (g, _) => g,
        };
        let status = status.or(old.map(|a| a.status)).unwrap_or(if nip_pppk {
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
        // The level column may also name the programme ("S1 AKUNTANSI");
        // the major column may start with the level.
        let education = self.read(r, Field::Education, values::education_and_field, problems);
        let level = education
            .as_ref()
            .map(|(level, _)| *level)
            .or(old.map(|a| a.education.level));
        if level.is_none() && self.cell(r, Field::Education).is_empty() {
            self.missing(r, Field::Education, problems);
        }
        let major = self
            .text(r, Field::Major)
            .map(|m| values::programme(&m))
            .filter(|m| !m.is_empty())
            .or_else(|| education.and_then(|(_, field)| field))
            .or_else(|| old.map(|a| a.education.field.clone()))
            .unwrap_or_default();

        let (position, new_position) = self.roster_position(r, golongan, problems);
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
        // The domicile: the file's, else what is stored, else where the
        // person works (said in the row report: exports carry no domicile).
        let domicile = self
            .read(r, Field::Domicile, values::regency, problems)
            .or(old.map(|a| a.domicile));
        let domicile = match domicile {
            Some(d) => Some(d),
            None if !self.cell(r, Field::Domicile).is_empty() => None, // reported
            None => {
                let (from, regency) =
                    self.assumed_domicile(r, position.as_ref(), new_position.as_deref());
                problems.push(self.problem(
                    r,
                    Some(Field::Domicile),
                    Reason::DomicileAssumed { from, regency },
                ));
                Some(regency)
            }
        };
        let service_from_year = self.service_from_year(r, problems);
        let sanction = self.sanction(r, problems);
        // The kedudukan hukum, when the file gives one (Aktif clears it).
        let legal = match self.cell(r, Field::LegalStatus) {
            cell if cell.is_empty() => None,
            cell => values::legal_status(cell).ok(),
        };
        if let Some(Some(status)) = &legal {
            problems.push(self.problem(
                r,
                Some(Field::LegalStatus),
                Reason::NotActive(status.clone()),
            ));
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
                service_from_year: None,
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
        if let Some(status) = legal {
            asn.flags.legal_status = status;
        }
        if service_from_year.is_some() {
            asn.service_from_year = service_from_year;
        }
        // A sanction the file gives replaces the one imposed on that day.
        if let Some(s) = sanction {
            asn.flags.sanctions.retain(|old| old.imposed != s.imposed);
            asn.flags.sanctions.push(s);
        }
        // A kepala sekolah or puskesmas: the title names the tugas tambahan.
        if let Some(title) = self.text(r, Field::PositionName) {
            asn.flags.task = crate::core::titles::task_of(&title);
        }
        let siasn = SiasnRow {
            pns: self.text(r, Field::SiasnPnsId),
            jabatan: self.text(r, Field::SiasnJabatanId),
            unor: self.text(r, Field::SiasnUnorId),
        };
        Some(Change::Asn {
            asn: Box::new(asn),
            existing,
            new_position,
            siasn,
        })
    }
}

impl RowReader<'_, '_> {
    /// Where a person without a domicile in the file is taken to live: the
    /// work location column, else the seat of their position's unit or
    /// agency, else the seat of the workspace's government.
    fn assumed_domicile(
        &mut self,
        r: usize,
        position: Option<&CurrentPosition>,
        created: Option<&NewPosition>,
    ) -> (DomicileSource, Regency) {
        let ws = self.lookup.ws;
        // A work location that names no kabupaten/kota (an office's
        // address) is passed over, not an error.
        if let Ok(place) = values::regency(self.cell(r, Field::WorkLocation)) {
            return (DomicileSource::WorkLocation, place);
        }
        let seat = position
            .and_then(|p| {
                let pos = self.lookup.position_by_id.get(p.position.0.as_str())?;
                Some(ws.position_seat(&ws.positions[*pos]))
            })
            // A position this import creates sits at its agency's seat.
            .or_else(|| created.map(|c| ws.position_seat(&c.position)));
        match seat {
            Some(seat) => (DomicileSource::PositionSeat, seat),
            None => (DomicileSource::GovernmentSeat, ws.government.seat()),
        }
    }
}

impl RowReader<'_, '_> {
    /// The position a roster row names: found in the workspace, created by
    /// an earlier row, or — when the agency is known and the unit and name
    /// are given but no such position exists (a SIASN export names every
    /// position) — created here, in its unit (made if needed), with the
    /// type the sheet or the name gives, and noted.
    fn roster_position(
        &mut self,
        r: usize,
        golongan: Option<crate::core::model::Golongan>,
        problems: &mut Vec<Problem>,
    ) -> (Lookup2, Option<Box<NewPosition>>) {
        let ws = self.lookup.ws;
        // SIASN's JABATAN ID of a position an earlier export named.
        if let Some(id) = self
            .text(r, Field::SiasnJabatanId)
            .and_then(|j| self.lookup.position_by_jabatan.get(j.as_str()).copied())
        {
            return (Lookup2::Found(id.clone()), None);
        }
        let named = match (
            self.text(r, Field::PositionId),
            self.text(r, Field::PositionName),
            self.text(r, Field::Unit),
            self.text(r, Field::Agency)
                .and_then(|a| self.lookup.agency(&a)),
        ) {
            // Without a unit (a file that gives the OPD only): in the
            // agency itself, noted.
            (None, Some(name), unit, Some(agency)) => Some((name, unit, agency)),
            _ => None,
        };
        // The key of a position this import creates.
        let key = named.as_ref().map(|(name, unit, agency)| {
            format!(
                "{agency}|{}|{}",
                values::compact(unit.as_deref().unwrap_or("")),
                values::compact(name)
            )
        });
        if let Some(id) = key.as_ref().and_then(|k| self.new_positions.get(k)) {
            return (Lookup2::Found(id.clone()), None);
        }
        let mut found = Vec::new();
        let lookup = self.find_position(r, &mut found);
        let unknown = matches!(
            found.as_slice(),
            [Problem {
                reason: Reason::UnknownPosition(_),
                ..
            }]
        );
        let (Some((name, unit_text, agency)), Some(key), true) = (named, key, unknown) else {
            problems.extend(found);
            return (lookup, None);
        };
        // A bad type cell does not stop a roster row: the title decides.
        let mut scratch = Vec::new();
        let (kind, review, eselon) =
            self.position_kind(r, &name, golongan, None, &mut scratch, false);
        problems.extend(
            scratch
                .into_iter()
                .filter(|p| matches!(p.reason, Reason::LevelGuessed { .. })),
        );
        // The unit: by SIASN's UNOR ID when an earlier export named it.
        let known_unit = self
            .text(r, Field::SiasnUnorId)
            .and_then(|u| self.lookup.unit_by_unor.get(u.as_str()).copied())
            .filter(|u| ws.agencies[agency].unit(u).is_some());
        // No unit in the file: the agency's own level, a unit named as
        // the agency (made once).
        let in_unit = unit_text
            .clone()
            .unwrap_or_else(|| ws.agencies[agency].name.clone());
        let (unit_id, new_unit) = match known_unit {
            Some(u) => (u.clone(), None),
            None => self.unit_for(agency, &in_unit),
        };
        let id = PositionId(self.new_position_id(&unit_id, &name));
        self.new_positions.insert(key, id.clone());
        problems.push(self.problem(
            r,
            Some(Field::PositionName),
            Reason::PositionCreated {
                name: name.clone(),
                unit: unit_text.unwrap_or_default(),
                kind,
            },
        ));
        let position = Position {
            id: id.clone(),
            name,
            kind,
            jf: None,
            agency: ws.agencies[agency].id.clone(),
            unit: unit_id,
            min_golongan: None,
            education: EducationRequirement::default(),
            competencies: standard_requirements(kind),
            need: 1,
            review,
            eselon,
        };
        (
            Lookup2::Found(id),
            Some(Box::new(NewPosition { position, new_unit })),
        )
    }

    /// The year service counts from, when the file says it: the TMT
    /// golongan less the service credit (MK TAHUN, MK BULAN, which SIASN
    /// counts to the TMT golongan), else the TMT CPNS.
    fn service_from_year(&self, r: usize, problems: &mut Vec<Problem>) -> Option<i32> {
        let years = self.read(r, Field::ServiceYears, values::whole_number, problems);
        let months = self
            .read(r, Field::ServiceMonths, values::whole_number, problems)
            .unwrap_or(0);
        let tmt_gol = self.read(r, Field::TmtGolongan, values::date, problems);
        let tmt_cpns = self.read(r, Field::TmtCpns, values::date, problems);
        match (years, tmt_gol) {
            (Some(y), Some(at)) if y <= 60 && months < 12 => {
                let credit = i32::try_from(y * 12 + months).ok()?;
                Some(at.add_months(-credit).year())
            }
            _ => tmt_cpns.map(|d| d.year()),
        }
    }

    /// A disciplinary sanction the row gives: its kind (or level), its
    /// start and, when given, its last day. A kind without a start is a
    /// problem on the start's column.
    fn sanction(
        &self,
        r: usize,
        problems: &mut Vec<Problem>,
    ) -> Option<crate::core::model::Sanction> {
        let (kind, level) = self.read(r, Field::SanctionKind, values::sanction, problems)?;
        let Some(imposed) = self.read(r, Field::SanctionStart, values::date, problems) else {
            if self.cell(r, Field::SanctionStart).is_empty() {
                self.missing(r, Field::SanctionStart, problems);
            }
            return None;
        };
        let until = self.read(r, Field::SanctionEnd, values::date, problems);
        Some(crate::core::model::Sanction {
            level,
            imposed,
            kind,
            until,
        })
    }
}
