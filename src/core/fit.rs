//! Fit of a person to a position: Profile Matching as Indonesian placement
//! tools use it (../shared/DOMAIN.md), and the job-person match (JPM) of
//! assessment centres.
//!
//! Profile Matching: per required competency, GAP = actual − required; the
//! GAP maps to a weight (0 → 5, +1 → 4.5, −1 → 4, +2 → 3.5, −2 → 3, +3 → 2.5,
//! −3 → 2, +4 → 1.5, −4 → 1: surplus costs less than shortfall). Within an
//! aspect the core factors' mean (NCF) and the secondary factors' mean (NSF)
//! combine as `core% · NCF + (100 − core%) · NSF`; the total is the aspects'
//! mean weighted by the scenario's aspect weights. Aspects:
//!
//! - manajerial, sosial kultural, teknis: the position's required
//!   competencies of that group (an unassessed competency counts as level 1);
//! - education: GAP 0 when the level and field meet the requirement, −1 for
//!   a level below it, −2 for a field outside the accepted ones (both: −3);
//! - performance: the mean over the last two periods of 5 (Sangat Baik), 4
//!   (Baik), 2.5 (Butuh Perbaikan), 2 (Kurang), 1 (Sangat Kurang); 3 when
//!   there is no record;
//! - experience: years of service (from the NIP) as a level — 0–2 years 1,
//!   3–5 2, 6–10 3, 11–15 4, 16+ 5 — against the level the position type asks
//!   (JPT 5; administrator, ahli madya 4; pengawas, ahli muda, penyelia 3;
//!   ahli pertama, mahir 2; others 1).
//!
//! The education GAPs, the predikat scale and the experience bands are
//! *policy*: the values above are the defaults of [`FitSettings`], which a
//! scenario may change.
//!
//! All arithmetic is on integers (weights in tenths, scores in thousandths,
//! rounding half up), so results are identical on every platform.

use crate::core::date::Date;
use crate::core::model::*;
use serde::{Deserialize, Serialize};

/// The Profile Matching weight of a GAP, in tenths (5.0 → 50).
pub fn gap_weight_tenths(gap: i32) -> u32 {
    match gap.clamp(-4, 4) {
        0 => 50,
        1 => 45,
        -1 => 40,
        2 => 35,
        -2 => 30,
        3 => 25,
        -3 => 20,
        4 => 15,
        _ => 10,
    }
}

/// `numerator / denominator` rounded half up; 0 when dividing by zero.
pub(crate) fn div_round(numerator: u64, denominator: u64) -> u64 {
    (numerator + denominator / 2)
        .checked_div(denominator)
        .unwrap_or(0)
}

/// The aspects of Profile Matching.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aspect {
    Manajerial,
    SosialKultural,
    Teknis,
    Education,
    Performance,
    Experience,
}

impl Aspect {
    /// All aspects in display order.
    pub const ALL: [Aspect; 6] = [
        Aspect::Manajerial,
        Aspect::SosialKultural,
        Aspect::Teknis,
        Aspect::Education,
        Aspect::Performance,
        Aspect::Experience,
    ];

    /// The aspect's weight in the settings.
    pub fn weight(self, s: &FitSettings) -> u16 {
        match self {
            Aspect::Manajerial => s.manajerial,
            Aspect::SosialKultural => s.sosial_kultural,
            Aspect::Teknis => s.teknis,
            Aspect::Education => s.education,
            Aspect::Performance => s.performance,
            Aspect::Experience => s.experience,
        }
    }
}

/// One required competency against the person's level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetencyGap {
    pub competency: CompetencyId,
    pub aspect: Aspect,
    pub required: u8,
    /// `None` when not assessed (counted as 1).
    pub actual: Option<u8>,
    pub gap: i8,
    /// The GAP's weight in tenths.
    pub weight_tenths: u8,
    pub core: bool,
}

/// One aspect's score, in thousandths of a point (1.000–5.000).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AspectScore {
    pub aspect: Aspect,
    /// NCF, when the aspect has core factors.
    pub core_milli: Option<u32>,
    /// NSF, when the aspect has secondary factors.
    pub secondary_milli: Option<u32>,
    pub score_milli: u32,
    pub weight: u16,
}

/// The job-person match category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum JpmCategory {
    /// Kurang memenuhi syarat: below 68 %.
    #[serde(rename = "KMS")]
    Kms,
    /// Masih memenuhi syarat: 68–80 %.
    #[serde(rename = "MMS")]
    Mms,
    /// Memenuhi syarat: 80 % and above.
    #[serde(rename = "MS")]
    Ms,
}

impl JpmCategory {
    /// The category of a JPM in permille.
    pub fn of(permille: u32) -> JpmCategory {
        if permille >= 800 {
            JpmCategory::Ms
        } else if permille >= 680 {
            JpmCategory::Mms
        } else {
            JpmCategory::Kms
        }
    }

    /// The abbreviation (MS, MMS, KMS).
    pub fn code(self) -> &'static str {
        match self {
            JpmCategory::Ms => "MS",
            JpmCategory::Mms => "MMS",
            JpmCategory::Kms => "KMS",
        }
    }
}

/// The fit of a person to a position, with every number behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fit {
    pub competencies: Vec<CompetencyGap>,
    pub aspects: Vec<AspectScore>,
    /// The Profile Matching total, 1.000–5.000 in thousandths.
    pub total_milli: u32,
    /// Job-person match: Σ min(actual, required) / Σ required, in permille.
    pub jpm_permille: u32,
    pub category: JpmCategory,
}

fn aspect_of(group: CompetencyGroup) -> Aspect {
    match group {
        CompetencyGroup::Manajerial => Aspect::Manajerial,
        CompetencyGroup::SosialKultural => Aspect::SosialKultural,
        CompetencyGroup::Teknis => Aspect::Teknis,
    }
}

/// The group of a competency id: the catalogue's word, else by its name
/// (`teknis.` prefix, `perekat_bangsa`, the eight manajerial ids).
pub fn group_of(id: &CompetencyId, catalogue: &[CompetencyDef]) -> CompetencyGroup {
    if let Some(def) = catalogue.iter().find(|c| &c.id == id) {
        return def.group;
    }
    if id.as_str() == SOCIO_CULTURAL.0 {
        CompetencyGroup::SosialKultural
    } else if MANAGERIAL.iter().any(|(m, _)| *m == id.as_str()) {
        CompetencyGroup::Manajerial
    } else {
        CompetencyGroup::Teknis
    }
}

/// Combines core and secondary weights (in tenths) into an aspect score.
fn combine(
    aspect: Aspect,
    core: &[u32],
    secondary: &[u32],
    s: &FitSettings,
) -> Option<AspectScore> {
    let mean = |xs: &[u32]| {
        (!xs.is_empty()).then(|| {
            div_round(
                xs.iter().map(|&x| u64::from(x)).sum::<u64>() * 100,
                xs.len() as u64,
            ) as u32
        })
    };
    let (ncf, nsf) = (mean(core), mean(secondary));
    let core_share = u64::from(s.core_percent.min(100));
    let score = match (ncf, nsf) {
        (Some(c), Some(n)) => div_round(
            core_share * u64::from(c) + (100 - core_share) * u64::from(n),
            100,
        ) as u32,
        (Some(c), None) => c,
        (None, Some(n)) => n,
        (None, None) => return None,
    };
    Some(AspectScore {
        aspect,
        core_milli: ncf,
        secondary_milli: nsf,
        score_milli: score,
        weight: aspect.weight(s),
    })
}

/// The experience level (1–5) of years in service, by the scenario's
/// bands (each the most years of its level).
pub(crate) fn service_level(years: i32, bands: &[u8; 4]) -> i32 {
    bands
        .iter()
        .position(|&max| years <= i32::from(max))
        .map_or(5, |i| i as i32 + 1)
}

/// The education GAP: the scenario's GAP for a level below the requirement
/// plus its GAP for a field outside the accepted ones.
pub(crate) fn education_gap(level_short: bool, field_off: bool, s: &FitSettings) -> i32 {
    i32::from(level_short) * i32::from(s.education_level_gap)
        + i32::from(field_off) * i32::from(s.education_field_gap)
}

/// The experience level (1–5) a position type expects.
pub(crate) fn experience_required(kind: PositionType) -> i32 {
    use PositionType::*;
    match kind {
        JptUtama | JptMadya | JptPratama | AhliUtama => 5,
        Administrator | AhliMadya => 4,
        Pengawas | AhliMuda | Penyelia => 3,
        AhliPertama | Mahir => 2,
        Terampil | Pemula | Pelaksana => 1,
    }
}

/// The last two predikat of a person (periods ending by `on`, when given),
/// newest first, in tenths on `points` (by default 5 Sangat Baik, 4 Baik,
/// 2.5 Butuh Perbaikan, 2 Kurang, 1 Sangat Kurang).
pub(crate) fn recent_performance_tenths(
    asn: &Asn,
    on: Option<Date>,
    points: &PredikatPoints,
) -> Vec<u32> {
    let mut records: Vec<&PerformanceRecord> = asn
        .performance
        .iter()
        .filter(|r| on.is_none_or(|d| r.period.end_date() <= d))
        .collect();
    crate::core::sort::sort_by_key(&mut records, |r| std::cmp::Reverse(r.period));
    records
        .iter()
        .take(2)
        .map(|r| u32::from(points.of(r.predikat())))
        .collect()
}

/// The fit of `asn` to `position` on date `on`.
pub fn fit(
    asn: &Asn,
    position: &Position,
    catalogue: &[CompetencyDef],
    s: &FitSettings,
    on: Date,
) -> Fit {
    let mut competencies = Vec::with_capacity(position.competencies.len());
    let (mut jpm_have, mut jpm_need) = (0u64, 0u64);
    for req in &position.competencies {
        let actual = asn.competency_level(&req.competency);
        let level = actual.unwrap_or(1).clamp(1, 5);
        let gap = i32::from(level) - i32::from(req.level);
        jpm_have += u64::from(actual.unwrap_or(0).min(req.level));
        jpm_need += u64::from(req.level);
        competencies.push(CompetencyGap {
            competency: req.competency.clone(),
            aspect: aspect_of(group_of(&req.competency, catalogue)),
            required: req.level,
            actual,
            gap: gap as i8,
            weight_tenths: gap_weight_tenths(gap) as u8,
            core: req.core,
        });
    }
    let mut aspects = Vec::new();
    for aspect in [Aspect::Manajerial, Aspect::SosialKultural, Aspect::Teknis] {
        let pick = |core: bool| -> Vec<u32> {
            competencies
                .iter()
                .filter(|c| c.aspect == aspect && c.core == core)
                .map(|c| u32::from(c.weight_tenths))
                .collect()
        };
        aspects.extend(combine(aspect, &pick(true), &pick(false), s));
    }
    let level_short = position
        .education
        .min_level
        .is_some_and(|min| asn.education.level < min);
    let field_off =
        !crate::core::rules::field_accepted(&asn.education.field, &position.education.fields);
    aspects.extend(combine(
        Aspect::Education,
        &[gap_weight_tenths(education_gap(level_short, field_off, s))],
        &[],
        s,
    ));
    let recent = recent_performance_tenths(asn, Some(on), &s.predikat_points);
    let performance = if recent.is_empty() {
        vec![u32::from(s.predikat_points.no_record)]
    } else {
        recent
    };
    aspects.extend(combine(Aspect::Performance, &performance, &[], s));
    let entry_year = asn.service_from();
    let experience_gap = service_level(on.year() - entry_year, &s.experience_bands)
        - experience_required(position.kind);
    aspects.extend(combine(
        Aspect::Experience,
        &[gap_weight_tenths(experience_gap)],
        &[],
        s,
    ));

    let weight_sum: u64 = aspects.iter().map(|a| u64::from(a.weight)).sum();
    let total_milli = if weight_sum == 0 {
        // All weights zero: the plain mean of the aspects.
        div_round(
            aspects.iter().map(|a| u64::from(a.score_milli)).sum(),
            aspects.len() as u64,
        ) as u32
    } else {
        div_round(
            aspects
                .iter()
                .map(|a| u64::from(a.weight) * u64::from(a.score_milli))
                .sum(),
            weight_sum,
        ) as u32
    };
    let jpm_permille = if jpm_need == 0 {
        1000
    } else {
        div_round(jpm_have * 1000, jpm_need) as u32
    };
    Fit {
        competencies,
        aspects,
        total_milli,
        jpm_permille,
        category: JpmCategory::of(jpm_permille),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn req(id: &str, level: u8, core: bool) -> RequiredCompetency {
        RequiredCompetency {
            competency: CompetencyId::new(id),
            level,
            core,
        }
    }

    fn person(levels: &[(&str, u8)]) -> Asn {
        Asn {
            nip: Nip::parse("198507142010011003").unwrap(),
            name: "Siti".into(),
            gender: Gender::Male,
            birth_date: d(1985, 7, 14),
            status: EmploymentStatus::Pns,
            golongan: Some(Golongan::IIIc),
            pppk_golongan: None,
            education: Education {
                level: EducationLevel::S1,
                field: "Akuntansi".into(),
            },
            position: None,
            flags: Flags::default(),
            competencies: CompetencyProfile {
                assessed_on: Some(d(2025, 1, 1)),
                levels: levels
                    .iter()
                    .map(|(id, l)| (CompetencyId::new(*id), *l))
                    .collect::<BTreeMap<_, _>>(),
            },
            potential: None,
            performance: vec![
                PerformanceRecord {
                    period: Period::annual(2024),
                    hasil_kerja: Rating::Sesuai,
                    perilaku_kerja: Rating::Sesuai,
                    score: None,
                },
                PerformanceRecord {
                    period: Period::annual(2025),
                    hasil_kerja: Rating::DiAtas,
                    perilaku_kerja: Rating::DiAtas,
                    score: None,
                },
                PerformanceRecord {
                    period: Period::annual(2023),
                    hasil_kerja: Rating::DiBawah,
                    perilaku_kerja: Rating::DiBawah,
                    score: None,
                },
            ],
            domicile: Regency::KotaJambi,
            preferences: Vec::new(),
            own_request: false,
            service_from_year: None,
        }
    }

    fn position(reqs: Vec<RequiredCompetency>) -> Position {
        Position {
            id: PositionId("p".into()),
            name: "Analis Keuangan".into(),
            kind: PositionType::AhliMuda,
            jf: None,
            agency: AgencyId("a".into()),
            unit: UnitId("a.u".into()),
            min_golongan: None,
            education: EducationRequirement {
                min_level: Some(EducationLevel::S1),
                fields: vec!["Akuntansi".into()],
            },
            competencies: reqs,
            need: 1,
            review: false,
            eselon: None,
        }
    }

    #[test]
    fn gap_table_is_the_domain_table() {
        let table = [
            (0, 50),
            (1, 45),
            (-1, 40),
            (2, 35),
            (-2, 30),
            (3, 25),
            (-3, 20),
            (4, 15),
            (-4, 10),
            (7, 15),
            (-9, 10),
        ];
        for (gap, w) in table {
            assert_eq!(gap_weight_tenths(gap), w, "gap {gap}");
        }
    }

    #[test]
    fn worked_example_by_hand() {
        // Manajerial: core integritas (req 3, has 3 → 5.0) and komunikasi
        // (req 3, has 2 → 4.0): NCF 4.5; secondary kerja_sama (req 3, has 5
        // → +2 → 3.5): NSF 3.5. Aspect = 0.6·4.5 + 0.4·3.5 = 4.1.
        // Teknis: core keuangan (req 4, has 4 → 5.0) only: 5.0.
        // Education: S1 Akuntansi meets S1 Akuntansi: 5.0.
        // Performance: 2025 Sangat Baik 5, 2024 Baik 4 → 4.5 (2023 ignored).
        // Experience: CPNS 2010, on 2027 → 17 years → level 5 vs ahli muda 3
        // → +2 → 3.5.
        let reqs = vec![
            req("integritas", 3, true),
            req("komunikasi", 3, true),
            req("kerja_sama", 3, false),
            req("teknis.keuangan_daerah", 4, true),
        ];
        let a = person(&[
            ("integritas", 3),
            ("komunikasi", 2),
            ("kerja_sama", 5),
            ("teknis.keuangan_daerah", 4),
        ]);
        let f = fit(
            &a,
            &position(reqs),
            &standard_catalogue(),
            &FitSettings::default(),
            d(2027, 1, 2),
        );
        let score = |asp: Aspect| {
            f.aspects
                .iter()
                .find(|x| x.aspect == asp)
                .map(|x| x.score_milli)
        };
        assert_eq!(score(Aspect::Manajerial), Some(4100));
        assert_eq!(f.aspects[0].core_milli, Some(4500));
        assert_eq!(f.aspects[0].secondary_milli, Some(3500));
        assert_eq!(
            score(Aspect::SosialKultural),
            None,
            "no sosial kultural requirement"
        );
        assert_eq!(score(Aspect::Teknis), Some(5000));
        assert_eq!(score(Aspect::Education), Some(5000));
        assert_eq!(score(Aspect::Performance), Some(4500));
        assert_eq!(score(Aspect::Experience), Some(3500));
        // Weighted: (30·4.1 + 30·5.0 + 10·5.0 + 10·4.5 + 10·3.5) / 90 = 4.478
        assert_eq!(f.total_milli, 4478);
        // JPM: min(3,3)+min(2,3)+min(5,3)+min(4,4) = 12 of 13 → 923 ‰ → MS.
        assert_eq!(f.jpm_permille, 923);
        assert_eq!(f.category, JpmCategory::Ms);
    }

    #[test]
    fn split_and_weights_are_settings() {
        let reqs = vec![req("integritas", 3, true), req("kerja_sama", 3, false)];
        let a = person(&[("integritas", 3), ("kerja_sama", 1)]);
        let p = position(reqs);
        let on = d(2027, 1, 2);
        let s = FitSettings {
            core_percent: 70,
            manajerial: 1,
            sosial_kultural: 0,
            teknis: 0,
            education: 0,
            performance: 0,
            experience: 0,
            ..FitSettings::default()
        };
        // 0.7·5.0 + 0.3·3.0 = 4.4
        assert_eq!(fit(&a, &p, &[], &s, on).total_milli, 4400);
        let s = FitSettings {
            core_percent: 55,
            ..s
        };
        // 0.55·5 + 0.45·3 = 4.1
        assert_eq!(fit(&a, &p, &[], &s, on).total_milli, 4100);
    }

    #[test]
    fn policy_tables_are_settings() {
        assert_eq!(
            [0, 2, 3, 5, 6, 10, 11, 15, 16, 40].map(|y| service_level(y, &[2, 5, 10, 15])),
            [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
        );
        assert_eq!(service_level(3, &[3, 6, 9, 12]), 1);
        let s = FitSettings::default();
        assert_eq!(education_gap(true, true, &s), -3);
        let lenient = FitSettings {
            education_field_gap: -1,
            ..FitSettings::default()
        };
        assert_eq!(education_gap(false, true, &lenient), -1);
        // Only the performance aspect counts: the predikat scale decides.
        let only_performance = FitSettings {
            manajerial: 0,
            sosial_kultural: 0,
            teknis: 0,
            education: 0,
            performance: 1,
            experience: 0,
            ..FitSettings::default()
        };
        let mut a = person(&[]);
        a.performance.clear();
        let p = position(Vec::new());
        let on = d(2027, 1, 2);
        assert_eq!(fit(&a, &p, &[], &only_performance, on).total_milli, 3000);
        a.performance = vec![PerformanceRecord {
            period: Period::annual(2025),
            hasil_kerja: Rating::Sesuai,
            perilaku_kerja: Rating::Sesuai,
            score: None,
        }];
        assert_eq!(fit(&a, &p, &[], &only_performance, on).total_milli, 4000);
        let generous = FitSettings {
            predikat_points: PredikatPoints {
                baik: 45,
                no_record: 20,
                ..PredikatPoints::default()
            },
            ..only_performance.clone()
        };
        assert_eq!(fit(&a, &p, &[], &generous, on).total_milli, 4500);
        a.performance.clear();
        assert_eq!(fit(&a, &p, &[], &generous, on).total_milli, 2000);
    }

    #[test]
    fn unassessed_and_misfit_people_score_lower() {
        let reqs = vec![
            req("integritas", 3, true),
            req("teknis.keuangan_daerah", 4, true),
        ];
        let p = position(reqs);
        let on = d(2027, 1, 2);
        let s = FitSettings::default();
        let good = person(&[("integritas", 3), ("teknis.keuangan_daerah", 4)]);
        let mut nurse = good.clone();
        nurse.education.field = "Keperawatan".into();
        let unassessed = person(&[]);
        let f_good = fit(&good, &p, &[], &s, on);
        let f_nurse = fit(&nurse, &p, &[], &s, on);
        let f_none = fit(&unassessed, &p, &[], &s, on);
        assert!(f_good.total_milli > f_nurse.total_milli);
        assert_eq!(
            f_nurse
                .aspects
                .iter()
                .find(|a| a.aspect == Aspect::Education)
                .unwrap()
                .score_milli,
            3000
        );
        assert!(f_good.total_milli > f_none.total_milli);
        assert_eq!(f_none.jpm_permille, 0);
        assert_eq!(f_none.category, JpmCategory::Kms);
        assert_eq!(f_none.competencies[0].actual, None);
        assert_eq!(f_none.competencies[0].gap, -2);
    }

    #[test]
    fn jpm_categories() {
        assert_eq!(JpmCategory::of(800), JpmCategory::Ms);
        assert_eq!(JpmCategory::of(799), JpmCategory::Mms);
        assert_eq!(JpmCategory::of(680), JpmCategory::Mms);
        assert_eq!(JpmCategory::of(679), JpmCategory::Kms);
    }
}
