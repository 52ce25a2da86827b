//! Agencies, units, schools and positions with their needs.

use super::*;

impl Builder<'_> {
    /// Adds a position to `unit` (whose id starts with the agency id).
    pub(super) fn add_position(
        &mut self,
        unit: &str,
        name: String,
        kind: PositionType,
        fam: &Family,
        need: u32,
        specific: bool,
    ) {
        let agency = unit.split('.').next().unwrap_or(unit);
        let count = self.positions_per_unit.entry(unit.to_string()).or_insert(0);
        *count += 1;
        let id = PositionId(format!("{unit}.p{count:02}"));
        let managerial_level = kind.default_managerial_level();
        let mut competencies = standard_requirements(kind);
        let teknis_level = (managerial_level + 1).min(5);
        for (k, (tid, _)) in fam
            .teknis
            .iter()
            .take(if specific { 2 } else { 1 })
            .enumerate()
        {
            competencies.push(RequiredCompetency {
                competency: CompetencyId::new(*tid),
                level: if k == 0 {
                    teknis_level
                } else {
                    teknis_level.saturating_sub(1).max(1)
                },
                core: k == 0,
            });
        }
        let (low, _) = golongan_range(kind);
        // A functional position's JF is its name without the jenjang.
        let jf = crate::core::move_class::is_functional(kind).then(|| {
            name.strip_suffix(jf_level_name(kind))
                .unwrap_or(&name)
                .trim_end()
                .to_string()
        });
        self.position_family.push(fam.key);
        self.ws.positions.push(Position {
            id,
            name,
            kind,
            jf,
            agency: AgencyId(agency.to_string()),
            unit: UnitId(unit.to_string()),
            min_golongan: Some(low),
            education: EducationRequirement {
                min_level: Some(min_education(kind)),
                fields: if specific {
                    fam.fields.iter().map(|s| s.to_string()).collect()
                } else {
                    Vec::new()
                },
            },
            competencies,
            need,
            review: false,
            eselon: None,
        });
    }

    pub(super) fn build_organisation(&mut self) {
        let scale = (self.cfg.asn as f64 / 1_500.0).max(0.05);
        for (i, (id, short, name, kind, fam_key, size)) in AGENCIES.iter().enumerate() {
            let fam = family(fam_key);
            self.agency_family.insert(id.to_string(), fam.key);
            let mut units = vec![Unit {
                id: UnitId(format!("{id}.pimpinan")),
                name: "Pimpinan".into(),
                parent: None,
                seat: None,
            }];
            let sekretariat = if *kind == AgencyKind::Biro {
                "Bagian Tata Usaha"
            } else {
                "Sekretariat"
            };
            let sek_id = UnitId(format!("{id}.sekretariat"));
            units.push(Unit {
                id: sek_id.clone(),
                name: sekretariat.into(),
                parent: None,
                seat: None,
            });
            for (suffix, sub) in [
                ("umum", "Subbagian Umum dan Kepegawaian"),
                ("keuangan", "Subbagian Keuangan"),
            ] {
                units.push(Unit {
                    id: UnitId(format!("{id}.sekretariat.{suffix}")),
                    name: sub.into(),
                    parent: Some(sek_id.clone()),
                    seat: None,
                });
            }
            let n_bidang = (2 + (*size as usize) / 3).min(fam.bidang.len());
            for (b, bidang) in fam.bidang.iter().take(n_bidang).enumerate() {
                let label = if *kind == AgencyKind::Biro {
                    format!("Bagian {bidang}")
                } else {
                    format!("Bidang {bidang}")
                };
                units.push(Unit {
                    id: UnitId(format!("{id}.b{}", b + 1)),
                    name: label,
                    parent: None,
                    seat: None,
                });
            }
            // UPTDs in the kabupaten, more of them for larger workspaces.
            let n_uptd = ((f64::from(*size) * scale / 3.0).round() as usize).min(60);
            for u in 0..n_uptd {
                let seat = Regency::ALL[1 + (i + u) % 10];
                let name = format!(
                    "{} {}",
                    fam.uptd,
                    seat.name().trim_start_matches("Kabupaten ")
                );
                let name = if u >= 10 {
                    format!("{name} {}", u / 10 + 1)
                } else {
                    name
                };
                units.push(Unit {
                    id: UnitId(format!("{id}.uptd{}", u + 1)),
                    name,
                    parent: None,
                    seat: Some(seat),
                });
            }
            // Disdik runs the province's SMA and SMK, one unit per school.
            let schools = if *id == "disdik" {
                self.schools(id, scale)
            } else {
                Vec::new()
            };
            units.extend(schools.iter().cloned());
            self.ws.agencies.push(Agency {
                id: AgencyId(id.to_string()),
                short_name: short.to_string(),
                name: name.to_string(),
                kind: *kind,
                government: Government::Province,
                seat: Regency::KotaJambi,
                units: units.clone(),
            });

            let head = match kind {
                AgencyKind::Biro => "Kepala Biro".to_string(),
                AgencyKind::Sekretariat => "Sekretaris DPRD".to_string(),
                AgencyKind::Inspektorat => "Inspektur".to_string(),
                AgencyKind::RumahSakit => "Direktur".to_string(),
                _ => format!(
                    "Kepala {}",
                    name.split_whitespace().next().unwrap_or("Dinas")
                ),
            };
            self.add_position(
                &format!("{id}.pimpinan"),
                format!("{head} {short}"),
                PositionType::JptPratama,
                fam,
                1,
                false,
            );
            let many = |base: u32, rng: &mut Rng| -> u32 {
                ((f64::from(base) * scale * (0.6 + rng.below(80) as f64 / 100.0)).round() as u32)
                    .max(1)
            };
            let sek = format!("{id}.sekretariat");
            let umum = format!("{id}.sekretariat.umum");
            let keu = format!("{id}.sekretariat.keuangan");
            if *kind != AgencyKind::Biro {
                self.add_position(
                    &sek,
                    format!("Sekretaris {short}"),
                    PositionType::Administrator,
                    fam,
                    1,
                    false,
                );
            }
            self.add_position(
                &umum,
                "Kepala Subbagian Umum dan Kepegawaian".into(),
                PositionType::Pengawas,
                fam,
                1,
                false,
            );
            self.add_position(
                &keu,
                "Kepala Subbagian Keuangan".into(),
                PositionType::Pengawas,
                family("keuangan"),
                1,
                true,
            );
            let n = many(2, &mut self.rng);
            self.add_position(
                &umum,
                "Pengadministrasi Umum".into(),
                PositionType::Pelaksana,
                fam,
                n,
                false,
            );
            let n = many(2, &mut self.rng);
            self.add_position(
                &keu,
                "Pengelola Keuangan".into(),
                PositionType::Pelaksana,
                family("keuangan"),
                n,
                true,
            );
            let n = many(1, &mut self.rng);
            self.add_position(
                &keu,
                "Analis Keuangan Pusat dan Daerah Ahli Pertama".into(),
                PositionType::AhliPertama,
                family("keuangan"),
                n,
                true,
            );
            let n = many(1, &mut self.rng);
            self.add_position(
                &umum,
                "Analis Sumber Daya Manusia Aparatur Ahli Pertama".into(),
                PositionType::AhliPertama,
                family("pemerintahan"),
                n,
                true,
            );
            if self.rng.chance(50) {
                let n = many(1, &mut self.rng);
                self.add_position(
                    &umum,
                    "Pranata Komputer Terampil".into(),
                    PositionType::Terampil,
                    family("tik"),
                    n,
                    true,
                );
            }
            for b in 0..n_bidang {
                let unit = format!("{id}.b{}", b + 1);
                let label = if *kind == AgencyKind::Biro {
                    "Kepala Bagian"
                } else {
                    "Kepala Bidang"
                };
                self.add_position(
                    &unit,
                    format!("{label} {}", fam.bidang[b]),
                    PositionType::Administrator,
                    fam,
                    1,
                    true,
                );
                let jf = fam.jf[(b + i) % fam.jf.len()];
                let levels: &[PositionType] = if jf.1 {
                    &[
                        PositionType::AhliMadya,
                        PositionType::AhliMuda,
                        PositionType::AhliPertama,
                    ]
                } else {
                    &[
                        PositionType::Penyelia,
                        PositionType::Mahir,
                        PositionType::Terampil,
                    ]
                };
                let size_boost = 1 + *size / 4;
                for (l, level) in levels.iter().enumerate() {
                    let base = [1, 2, 2][l] * size_boost;
                    let n = many(base, &mut self.rng);
                    self.add_position(
                        &unit,
                        format!("{} {}", jf.0, jf_level_name(*level)),
                        *level,
                        fam,
                        n,
                        true,
                    );
                }
                let n = many(2 + *size / 3, &mut self.rng);
                self.add_position(
                    &unit,
                    format!("Analis {}", fam.bidang[b]),
                    PositionType::Pelaksana,
                    fam,
                    n,
                    true,
                );
                let n = many(1, &mut self.rng);
                self.add_position(
                    &unit,
                    "Pengadministrasi Perkantoran".into(),
                    PositionType::Pelaksana,
                    fam,
                    n,
                    false,
                );
            }
            for school in &schools {
                let guru = family("guru");
                for (level, base) in [
                    (PositionType::AhliPertama, 4),
                    (PositionType::AhliMuda, 4),
                    (PositionType::AhliMadya, 2),
                ] {
                    let n = many(base, &mut self.rng);
                    self.add_position(
                        &school.id.0,
                        format!("Guru {}", jf_level_name(level)),
                        level,
                        guru,
                        n,
                        true,
                    );
                }
            }
            for u in 0..n_uptd {
                let unit = format!("{id}.uptd{}", u + 1);
                self.add_position(
                    &unit,
                    "Kepala UPTD".into(),
                    PositionType::Pengawas,
                    fam,
                    1,
                    true,
                );
                let jf = fam.jf[u % fam.jf.len()];
                let level = if jf.1 {
                    PositionType::AhliPertama
                } else {
                    PositionType::Terampil
                };
                let n = many(2, &mut self.rng);
                self.add_position(
                    &unit,
                    format!("{} {}", jf.0, jf_level_name(level)),
                    level,
                    fam,
                    n,
                    true,
                );
                let n = many(2, &mut self.rng);
                self.add_position(
                    &unit,
                    "Pengadministrasi Umum".into(),
                    PositionType::Pelaksana,
                    fam,
                    n,
                    false,
                );
            }
        }
        for fam in FAMILIES {
            for (tid, tname) in fam.teknis {
                if !self.ws.competencies.iter().any(|c| c.id.as_str() == *tid) {
                    self.ws.competencies.push(CompetencyDef {
                        id: CompetencyId::new(*tid),
                        name: tname.to_string(),
                        group: CompetencyGroup::Teknis,
                    });
                }
            }
        }
    }

    /// Scales the needs of multi-holder positions down when the
    /// organisation asks for more than 1.5 people per ASN (large
    /// workspaces: unit trees grow slower than the staff), to about 1.3, so
    /// that positions fill and some overfill at every size.
    pub(super) fn fit_needs(&mut self) {
        let total: u64 = self.ws.positions.iter().map(|p| u64::from(p.need)).sum();
        let asn = self.cfg.asn as u64;
        if total * 2 <= asn * 3 {
            return;
        }
        let target = asn * 13 / 10;
        for p in self.ws.positions.iter_mut().filter(|p| p.need > 1) {
            p.need = ((u64::from(p.need) * target).div_ceil(total)).max(1) as u32;
        }
    }

    /// The schools of `agency`: SMA and SMK across the regencies, about 16
    /// for the demo's size.
    pub(super) fn schools(&self, agency: &str, scale: f64) -> Vec<Unit> {
        let n = ((16.0 * scale).round() as usize).clamp(3, 600);
        (0..n)
            .map(|s| {
                let seat = Regency::ALL[s % Regency::ALL.len()];
                let kind = if s % 3 == 2 { "SMK" } else { "SMA" };
                let number = s / Regency::ALL.len() + 1;
                let place = seat
                    .name()
                    .trim_start_matches("Kabupaten ")
                    .trim_start_matches("Kota ");
                Unit {
                    id: UnitId(format!("{agency}.sekolah{}", s + 1)),
                    name: format!("{kind} Negeri {number} {place}"),
                    parent: None,
                    seat: Some(seat),
                }
            })
            .collect()
    }
}
