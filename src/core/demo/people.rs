//! People placed in positions (with the surplus a pemerataan round
//! moves) and each person's record.

use super::*;

impl Builder<'_> {
    /// Which position each of the `asn` people holds: structural posts are
    /// filled first (most of them), then multi-holder slots in a seeded
    /// shuffle, leaving vacancies; a few positions end up over their need.
    pub(super) fn place_people(&mut self) -> Vec<usize> {
        let mut single = Vec::new();
        let mut slots = Vec::new();
        for (p, pos) in self.ws.positions.iter().enumerate() {
            if pos.need == 1
                && matches!(
                    pos.kind,
                    PositionType::JptPratama | PositionType::Administrator | PositionType::Pengawas
                )
            {
                single.push(p);
            } else {
                slots.extend(std::iter::repeat_n(p, pos.need as usize));
            }
        }
        let mut placed = Vec::with_capacity(self.cfg.asn);
        for p in single {
            if self.rng.chance(92) {
                placed.push(p);
            }
        }
        for i in (1..slots.len()).rev() {
            let j = self.rng.below(i as u64 + 1) as usize;
            slots.swap(i, j);
        }
        // Staff are unevenly spread, the case a transfer program corrects:
        // a tenth of the people sit in a position over its need while a
        // position of the same type and JF elsewhere has a gap.
        let surplus = self.cfg.asn / 10;
        let wanted = self
            .cfg
            .asn
            .saturating_sub(placed.len())
            .saturating_sub(surplus);
        placed.extend(slots.iter().take(wanted));
        self.place_surplus(&mut placed);
        while placed.len() < self.cfg.asn && !slots.is_empty() {
            placed.push(*self.rng.pick(&slots));
        }
        placed.truncate(self.cfg.asn);
        placed
    }

    /// Adds people to `placed` (position indices) until it holds the
    /// demo's size: for the largest gaps first (kebutuhan − bezetting, ties
    /// by position order, as the open round ranks them), one person per
    /// missing holder, in a position of the same type and JF that is full.
    /// The gaps are taken by turns over the position types ([`by_turns`]).
    pub(super) fn place_surplus(&mut self, placed: &mut Vec<usize>) {
        let positions = &self.ws.positions;
        let mut held = vec![0u32; positions.len()];
        for &p in placed.iter() {
            held[p] += 1;
        }
        let gaps: Vec<(u32, usize)> = gaps(positions, &held)
            .into_iter()
            .filter(|&(_, i)| positions[i].need > 1)
            .collect();
        let mut budget = self.cfg.asn.saturating_sub(placed.len());
        for (gap, i) in by_turns(gaps, positions) {
            let wanted = lateral_key(&positions[i]);
            let full: Vec<usize> = positions
                .iter()
                .enumerate()
                .filter(|(j, p)| *j != i && held[*j] >= p.need && lateral_key(p) == wanted)
                .map(|(j, _)| j)
                .collect();
            if full.is_empty() {
                continue;
            }
            for _ in 0..gap {
                if budget == 0 {
                    return;
                }
                let j = *self.rng.pick(&full);
                held[j] += 1;
                placed.push(j);
                budget -= 1;
            }
        }
    }

    pub(super) fn person(&mut self, position: usize, nip_seq: &mut HashMap<String, u32>) -> Asn {
        let as_of = self.cfg.as_of;
        let pos = self.ws.positions[position].clone();
        let own_family = family(self.position_family[position]);
        let rng = &mut self.rng;
        let gender = if rng.chance(47) {
            Gender::Female
        } else {
            Gender::Male
        };

        let pppk = matches!(
            pos.kind,
            PositionType::Pelaksana | PositionType::AhliPertama | PositionType::Terampil
        ) && rng.chance(12);
        let (low, high) = golongan_range(pos.kind);
        let mut g = low as i64 + rng.range(0, high as i64 - low as i64);
        if rng.chance(6) {
            g -= 1; // below the position's minimum: a rule the engine must catch
        }
        let golongan = Golongan::ALL[g.clamp(0, 16) as usize];

        // Years of service roughly follow rank: about 4 years per step above
        // the entry rank of the education level.
        let level = if pos.kind == PositionType::Pelaksana {
            *rng.pick(&[
                EducationLevel::Sma,
                EducationLevel::Sma,
                EducationLevel::D3,
                EducationLevel::S1,
                EducationLevel::S1,
            ])
        } else if matches!(
            pos.kind,
            PositionType::Terampil | PositionType::Mahir | PositionType::Penyelia
        ) {
            if rng.chance(80) {
                EducationLevel::D3
            } else {
                EducationLevel::S1
            }
        } else if rng.chance(
            if matches!(
                pos.kind,
                PositionType::JptPratama | PositionType::Administrator
            ) {
                60
            } else {
                25
            },
        ) {
            EducationLevel::S2
        } else if rng.chance(4) {
            EducationLevel::D3 // below the position's requirement
        } else {
            EducationLevel::S1
        };
        let entry_rank = match level {
            EducationLevel::S2 | EducationLevel::S3 => Golongan::IIIb,
            EducationLevel::S1 | EducationLevel::D4 => Golongan::IIIa,
            EducationLevel::D3 => Golongan::IIc,
            _ => Golongan::IIa,
        };
        let steps = (golongan as i64 - entry_rank as i64).max(0);
        let entry_age = rng.range(22, 30);
        // Nobody is past the retirement age of their position.
        let max_service = i64::from(RuleSettings::default().bup(&pos)) - 1 - entry_age;
        let service_years = (steps * 4 + rng.range(1, 5)).min(max_service);
        let (cpns_year, status) = if pppk {
            (
                as_of.year() - rng.range(1, 4) as i32,
                EmploymentStatus::Pppk,
            )
        } else if pos.kind == PositionType::Pelaksana && rng.chance(4) {
            (
                as_of.year() - rng.range(0, 1) as i32,
                EmploymentStatus::Cpns,
            )
        } else {
            (as_of.year() - service_years as i32, EmploymentStatus::Pns)
        };
        let birth_year = cpns_year - entry_age as i32;
        let birth_month = rng.range(1, 12) as u8;
        let birth_day = rng.range(
            1,
            i64::from(crate::core::date::days_in_month(birth_year, birth_month)),
        ) as u8;
        let birth_date = date(birth_year, birth_month, birth_day);
        let cpns_month = if status == EmploymentStatus::Pppk {
            21
        } else {
            rng.range(1, 12) as u8
        };
        let prefix = format!(
            "{:04}{:02}{:02}{:04}{:02}{}",
            birth_year,
            birth_month,
            birth_day,
            cpns_year,
            cpns_month,
            if gender == Gender::Male { 1 } else { 2 }
        );
        let seq = nip_seq.entry(prefix.clone()).or_insert(0);
        *seq += 1;
        let nip = Nip::parse(&format!("{prefix}{:03}", *seq))
            .unwrap_or_else(|e| unreachable!("the generator builds valid NIPs: {e}"));

        // Education field: mostly the position's family, sometimes another.
        let fields_family = if rng.chance(82) {
            own_family
        } else {
            &FAMILIES[rng.below(FAMILIES.len() as u64) as usize]
        };
        let field = if level <= EducationLevel::Sma {
            String::new()
        } else {
            rng.pick(fields_family.fields).to_string()
        };

        let (firsts, seconds) = match gender {
            Gender::Male => (MALE_NAMES, MALE_SECOND_NAMES),
            Gender::Female => (FEMALE_NAMES, FEMALE_SECOND_NAMES),
        };
        let first = rng.pick(firsts);
        let second = rng.pick(seconds);
        let (pre, post) = title(level, &field);
        let name = if rng.chance(30) {
            let third = rng.pick(seconds);
            if third == second {
                format!("{pre}{first} {second}{post}")
            } else {
                format!("{pre}{first} {second} {third}{post}")
            }
        } else {
            format!("{pre}{first} {second}{post}")
        };

        let cpns_date = date(cpns_year, if cpns_month == 21 { 1 } else { cpns_month }, 1);
        let months_back = rng.range(6, 108) as i32;
        let since = as_of.add_months(-months_back).max(cpns_date.add_months(
            if status == EmploymentStatus::Pns {
                12
            } else {
                0
            },
        ));
        let since = date(since.year(), since.month(), 1).min(as_of);

        // Competencies: around the position's requirement, better in the
        // person's own field.
        let fit_bonus: i64 = if fields_family.key == own_family.key {
            0
        } else {
            -1
        };
        let talent = rng.range(-1, 1);
        let mut levels = BTreeMap::new();
        for req in &pos.competencies {
            let teknis = req.competency.as_str().starts_with("teknis.");
            let noise = rng.range(-1, 1) + talent + if teknis { fit_bonus } else { 0 };
            levels.insert(
                req.competency.clone(),
                (i64::from(req.level) + noise).clamp(1, 5) as u8,
            );
        }
        for (tid, _) in fields_family.teknis {
            let id = CompetencyId::new(*tid);
            levels
                .entry(id)
                .or_insert_with(|| (3 + talent + rng.range(-1, 1)).clamp(1, 5) as u8);
        }
        // One in ten has not been assessed yet: no levels at all.
        let assessed_on = if rng.chance(90) {
            Some(as_of.add_months(-(rng.range(1, 36) as i32)))
        } else {
            levels.clear();
            None
        };
        let potential = match talent + rng.range(-1, 1) {
            i64::MIN..=-1 => Potential::Rendah,
            0 => Potential::Menengah,
            _ => Potential::Tinggi,
        };

        // Three years of annual performance with a personal tendency.
        let tendency = rng.range(0, 99);
        let mut performance = Vec::new();
        for year in (as_of.year() - 3)..as_of.year() {
            if date(year, 12, 31) < cpns_date {
                continue;
            }
            let rating = |rng: &mut Rng| {
                let roll = (tendency + rng.range(-30, 30)).clamp(0, 99);
                match roll {
                    0..=9 => Rating::DiBawah,
                    10..=79 => Rating::Sesuai,
                    _ => Rating::DiAtas,
                }
            };
            let hasil_kerja = rating(rng);
            let perilaku_kerja = rating(rng);
            performance.push(PerformanceRecord {
                period: Period::annual(year),
                hasil_kerja,
                perilaku_kerja,
                score: None,
            });
        }

        let mut flags = Flags::default();
        if rng.chance(1) {
            flags.processes.push(Process {
                kind: ProcessKind::Disciplinary,
                since: as_of.add_months(-(rng.range(1, 8) as i32)),
                until: None,
            });
        }
        if self.rng.chance(1) && self.rng.chance(50) {
            flags.processes.push(Process {
                kind: ProcessKind::Court,
                since: as_of.add_months(-(self.rng.range(2, 14) as i32)),
                until: None,
            });
        }
        let rng = &mut self.rng;
        if rng.chance(2) {
            let level = *rng.pick(&[
                SanctionLevel::Ringan,
                SanctionLevel::Sedang,
                SanctionLevel::Berat,
            ]);
            let imposed = as_of.add_months(-(rng.range(3, 40) as i32));
            // The kind from the month, so the demo's random draws stay
            // those of the level alone.
            let kind = match (level, imposed.month() % 3) {
                (SanctionLevel::Ringan, _) => SanctionKind::TeguranTertulis,
                (SanctionLevel::Sedang, 0) => SanctionKind::PotonganTukin6,
                (SanctionLevel::Sedang, 1) => SanctionKind::PotonganTukin9,
                (SanctionLevel::Sedang, _) => SanctionKind::PotonganTukin12,
                (SanctionLevel::Berat, 0) => SanctionKind::PembebasanJabatan,
                (SanctionLevel::Berat, _) => SanctionKind::PenurunanJabatan,
            };
            flags.sanctions.push(Sanction::of_kind(kind, imposed));
        }
        if status == EmploymentStatus::Pns && rng.chance(1) {
            let from = as_of.add_months(-(rng.range(1, 20) as i32));
            flags.study_leave = Some(StudyLeave {
                from,
                until: from.add_years(2),
            });
        }

        let seat = self.ws.position_seat(&pos);
        let domicile = if rng.chance(80) {
            seat
        } else {
            *rng.pick(&Regency::ALL)
        };

        Asn {
            nip,
            name,
            gender,
            birth_date,
            status,
            golongan: (status != EmploymentStatus::Pppk).then_some(golongan),
            // PPPK are appointed at the golongan of their education
            // (Perpres 98/2020): SMA V, D3 VII, S1 IX, S2 X, S3 XI.
            pppk_golongan: if status == EmploymentStatus::Pppk {
                PppkGolongan::new(match level {
                    EducationLevel::D3 => 7,
                    EducationLevel::S1 | EducationLevel::D4 => 9,
                    EducationLevel::S2 => 10,
                    EducationLevel::S3 => 11,
                    _ => 5,
                })
            } else {
                None
            },
            education: Education { level, field },
            position: Some(CurrentPosition {
                position: pos.id.clone(),
                since,
            }),
            flags,
            competencies: CompetencyProfile {
                assessed_on,
                levels,
            },
            potential: Some(potential),
            performance,
            domicile,
            preferences: Vec::new(),
            own_request: false,
            service_from_year: None,
        }
    }
}
