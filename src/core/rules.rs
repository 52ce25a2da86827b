//! Eligibility: who may move, and to which position. Every rule of
//! ../shared/DOMAIN.md is a setting in [`RuleSettings`] with its regulatory
//! or policy default, and every rejection names its rule and the facts
//! behind it, so a decision can be explained.
//!
//! Person rules (may this ASN move at all?): CPNS, an open disciplinary or
//! court process, a moderate or heavy sanction in the look-back window, study
//! leave, minimum time in position, and — for moves on own request — a
//! predikat below Baik in the look-back window. Pair rules (may this ASN take
//! this position?): the position's minimum golongan and education, and the
//! retirement buffer computed with the *target* position's BUP (by type and
//! JF), and the class of the move ([`crate::core::move_class`]): a round
//! proposes lateral moves; alih jabatan and one-step promotions of the
//! talent pool only where the scenario allows them; never a demotion, and
//! never a JPT post (open selection). PPPK are not moved by default.

use crate::core::date::Date;
use crate::core::model::*;
use crate::core::move_class::{classify, one_step_up, MoveClass};
use serde::{Deserialize, Serialize};

/// The identity of a rule, for counting and for the string table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    Cpns,
    Pppk,
    OpenProcess,
    ServingSanction,
    RecentSanction,
    StudyLeave,
    LegalStatus,
    MinTenure,
    RequestPerformance,
    NearRetirement,
    MoveClass,
    TenYearStatement,
    TalentPool,
    MinGolongan,
    EducationLevel,
    EducationField,
    Forbidden,
}

impl Rule {
    /// Every rule, in the order they are checked.
    pub const ALL: [Rule; 17] = [
        Rule::Cpns,
        Rule::Pppk,
        Rule::OpenProcess,
        Rule::ServingSanction,
        Rule::RecentSanction,
        Rule::StudyLeave,
        Rule::LegalStatus,
        Rule::MinTenure,
        Rule::RequestPerformance,
        Rule::NearRetirement,
        Rule::MoveClass,
        Rule::TenYearStatement,
        Rule::TalentPool,
        Rule::MinGolongan,
        Rule::EducationLevel,
        Rule::EducationField,
        Rule::Forbidden,
    ];
}

/// Why a person or a pair is rejected, with the facts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "rule")]
pub enum Rejection {
    /// CPNS are on probation.
    Cpns,
    /// PPPK are bound to their post by contract.
    Pppk,
    /// A disciplinary or court process is open on the effective date.
    OpenProcess { kind: ProcessKind, since: Date },
    /// A sanction being served on the effective date (PP 94/2021: a cut
    /// of the performance allowance or a demotion lasts its months).
    ServingSanction {
        level: SanctionLevel,
        imposed: Date,
        ends: Date,
    },
    /// A moderate or heavy sanction that ended within the look-back window.
    RecentSanction { level: SanctionLevel, imposed: Date },
    /// On study leave on the effective date.
    StudyLeave { until: Date },
    /// A kedudukan hukum other than Aktif (CLTN, pemberhentian sementara,
    /// masa persiapan pensiun; tugas belajar where study leave excludes).
    LegalStatus {
        status: crate::core::model::LegalStatus,
    },
    /// Fewer months in the current position than required.
    MinTenure { months: i32, required: u16 },
    /// A move on own request with a predikat below Baik in the window.
    RequestPerformance { predikat: Predikat, period: Period },
    /// Retires within the buffer after the effective date (target's BUP).
    NearRetirement { retires: Date, months_left: i32 },
    /// Not a transfer: a promotion, demotion, alih jabatan or JPT post the
    /// scenario does not allow (a demotion and a JPT post never are).
    MoveClass {
        class: MoveClass,
        from: PositionType,
        to: PositionType,
    },
    /// A promotion for someone outside the talent pool (9-box below the
    /// scenario's minimum box, or not mapped).
    TalentPool { nine_box: Option<u8>, required: u8 },
    /// Golongan below the position's minimum (or none, for a PNS position).
    MinGolongan {
        have: Option<Golongan>,
        required: Golongan,
    },
    /// Education level below the position's minimum.
    EducationLevel {
        have: EducationLevel,
        required: EducationLevel,
    },
    /// Field of study not among the position's accepted fields.
    EducationField { have: String },
    /// A scenario constraint forbids the pair.
    Forbidden,
    /// An own request to another government within ten years of the PNS
    /// appointment, which the person's statement excludes.
    TenYearStatement { cpns_year: i32, until: Date },
}

impl Rejection {
    /// The rule behind the rejection.
    pub fn rule(&self) -> Rule {
        match self {
            Rejection::Cpns => Rule::Cpns,
            Rejection::Pppk => Rule::Pppk,
            Rejection::OpenProcess { .. } => Rule::OpenProcess,
            Rejection::ServingSanction { .. } => Rule::ServingSanction,
            Rejection::RecentSanction { .. } => Rule::RecentSanction,
            Rejection::StudyLeave { .. } => Rule::StudyLeave,
            Rejection::LegalStatus { .. } => Rule::LegalStatus,
            Rejection::MinTenure { .. } => Rule::MinTenure,
            Rejection::RequestPerformance { .. } => Rule::RequestPerformance,
            Rejection::NearRetirement { .. } => Rule::NearRetirement,
            Rejection::MoveClass { .. } => Rule::MoveClass,
            Rejection::TenYearStatement { .. } => Rule::TenYearStatement,
            Rejection::TalentPool { .. } => Rule::TalentPool,
            Rejection::MinGolongan { .. } => Rule::MinGolongan,
            Rejection::EducationLevel { .. } => Rule::EducationLevel,
            Rejection::EducationField { .. } => Rule::EducationField,
            Rejection::Forbidden => Rule::Forbidden,
        }
    }
}

/// Whether an education field is accepted (case and surrounding spaces
/// ignored; an empty list accepts every field).
pub fn field_accepted(field: &str, accepted: &[String]) -> bool {
    accepted.is_empty()
        || accepted
            .iter()
            .any(|a| a.trim().eq_ignore_ascii_case(field.trim()))
}

/// The person rules: may `asn` move at all, on `on` (the round's effective
/// date)? Empty = movable.
pub fn person_rejections(asn: &Asn, rules: &RuleSettings, on: Date) -> Vec<Rejection> {
    let mut out = Vec::new();
    if rules.exclude_cpns && asn.status == EmploymentStatus::Cpns {
        out.push(Rejection::Cpns);
    }
    if rules.exclude_pppk && asn.status == EmploymentStatus::Pppk {
        out.push(Rejection::Pppk);
    }
    if rules.exclude_open_process {
        if let Some(p) = asn.flags.processes.iter().find(|p| p.is_open_on(on)) {
            out.push(Rejection::OpenProcess {
                kind: p.kind,
                since: p.since,
            });
        }
    }
    // Being served is the law's: always checked.
    if let Some(s) = asn
        .flags
        .sanctions
        .iter()
        .filter(|s| s.level >= SanctionLevel::Sedang && s.served_on(on))
        .max_by_key(|s| s.ends())
    {
        out.push(Rejection::ServingSanction {
            level: s.level,
            imposed: s.imposed,
            ends: s.ends(),
        });
    } else if rules.sanction_lookback_months > 0 {
        // The look-back policy counts from the end of the sanction.
        let window_start = on.add_months(-i32::from(rules.sanction_lookback_months));
        if let Some(s) = asn
            .flags
            .sanctions
            .iter()
            .filter(|s| {
                s.level >= SanctionLevel::Sedang && s.ends() > window_start && s.imposed <= on
            })
            .max_by_key(|s| s.ends())
        {
            out.push(Rejection::RecentSanction {
                level: s.level,
                imposed: s.imposed,
            });
        }
    }
    if rules.exclude_study_leave {
        if let Some(leave) = &asn.flags.study_leave {
            if leave.from <= on && leave.until >= on {
                out.push(Rejection::StudyLeave { until: leave.until });
            }
        }
    }
    if let Some(status) = &asn.flags.legal_status {
        let study = *status == crate::core::model::LegalStatus::TugasBelajar;
        if !study || rules.exclude_study_leave {
            out.push(Rejection::LegalStatus {
                status: status.clone(),
            });
        }
    }
    if let Some(months) = asn.months_in_position(on) {
        if months < i32::from(rules.min_months_in_position) {
            out.push(Rejection::MinTenure {
                months,
                required: rules.min_months_in_position,
            });
        }
    }
    if asn.own_request && rules.request_min_baik_months > 0 {
        let window_start = on.add_months(-i32::from(rules.request_min_baik_months));
        if let Some(r) = asn
            .performance
            .iter()
            // The annual predikat decides (PP 30/2019): a weak quarter
            // inside a Baik year does not bar a request.
            .filter(|r| r.period.quarter.is_none())
            .filter(|r| r.period.end_date() > window_start && r.period.end_date() <= on)
            .filter(|r| !r.predikat().is_at_least_baik())
            .max_by_key(|r| r.period)
        {
            out.push(Rejection::RequestPerformance {
                predikat: r.predikat(),
                period: r.period,
            });
        }
    }
    out
}

/// Whether a move of this class may be proposed under `rules` (a promotion
/// also needs [`talent_pool_rejection`] to pass and one jenjang only).
pub fn class_allowed(class: MoveClass, rules: &RuleSettings) -> bool {
    match class {
        MoveClass::Lateral => true,
        // Someone whose position is unknown may be placed only by a manual
        // decision ([`pin_class_rejection`]).
        MoveClass::Placement => false,
        MoveClass::JptRotation => rules.allow_jpt_rotation,
        MoveClass::AlihJabatan => rules.allow_alih_jabatan,
        MoveClass::Promotion => rules.allow_promotion,
        MoveClass::Demotion | MoveClass::Jpt => false,
    }
}

/// The class rule of a pair: `None` when the move is one the scenario may
/// propose.
pub fn class_rejection(
    asn: &Asn,
    current: Option<&Position>,
    position: &Position,
    rules: &RuleSettings,
) -> Option<Rejection> {
    let class = classify(current, position);
    let refused = Rejection::MoveClass {
        class,
        from: current.map_or(position.kind, |c| c.kind),
        to: position.kind,
    };
    if !class_allowed(class, rules) {
        return Some(refused);
    }
    if class == MoveClass::Promotion {
        if current.is_some_and(|c| !one_step_up(c, position)) {
            return Some(refused);
        }
        return talent_pool_rejection(asn, rules);
    }
    None
}

/// The ten-year statement (../shared/DOMAIN.md, "Between governments"):
/// the person's own request to move to another government, refused while
/// the statement binds them: a PNS or CPNS with a TMT CPNS (the NIP's) in
/// the scenario's first bound year or later, until ten years after the PNS
/// appointment (a year after the TMT CPNS). `None` when it does not bind.
pub fn ten_year_rejection(asn: &Asn, rules: &RuleSettings, on: Date) -> Option<Rejection> {
    if !asn.own_request
        || rules.ten_year_statement_from == 0
        || asn.status == EmploymentStatus::Pppk
    {
        return None;
    }
    let crate::core::model::NipEntry::Cpns { year, month } = asn.nip.entry() else {
        return None;
    };
    if year < i32::from(rules.ten_year_statement_from) {
        return None;
    }
    let cpns = Date::new(year, month, 1).ok()?;
    let until = cpns.add_years(11);
    (on < until).then_some(Rejection::TenYearStatement {
        cpns_year: year,
        until,
    })
}

/// The class rule of a manual decision or pin: as [`class_rejection`],
/// except that a person without a known position may be placed (a first
/// placement the analyst decides), never into a JPT post.
pub fn pin_class_rejection(
    asn: &Asn,
    current: Option<&Position>,
    position: &Position,
    rules: &RuleSettings,
) -> Option<Rejection> {
    if classify(current, position) == MoveClass::Placement {
        return None;
    }
    class_rejection(asn, current, position, rules)
}

/// Whether the person is in the talent pool (9-box at least the scenario's
/// minimum box): `None` when they are.
pub fn talent_pool_rejection(asn: &Asn, rules: &RuleSettings) -> Option<Rejection> {
    let nine_box = crate::core::evaluate::box_with(asn, &rules.nine_box);
    (nine_box.is_none_or(|b| b < rules.talent_pool_min_box)).then_some(Rejection::TalentPool {
        nine_box,
        required: rules.talent_pool_min_box,
    })
}

/// The pair rules: may `asn`, who holds `current` now, take `position` on
/// `on`? Empty = eligible (the person rules are separate).
pub fn pair_rejections(
    asn: &Asn,
    current: Option<&Position>,
    position: &Position,
    crossing: bool,
    rules: &RuleSettings,
    on: Date,
) -> Vec<Rejection> {
    let mut out = Vec::new();
    out.extend(class_rejection(asn, current, position, rules));
    if crossing {
        out.extend(ten_year_rejection(asn, rules, on));
    }
    if rules.retirement_buffer_months > 0 {
        let retires = retirement_date(asn.birth_date, rules.bup(position));
        let months_left = on.whole_months_until(retires);
        if retires <= on || months_left < i32::from(rules.retirement_buffer_months) {
            out.push(Rejection::NearRetirement {
                retires,
                months_left: if retires <= on { 0 } else { months_left },
            });
        }
    }
    if rules.require_min_golongan {
        // PPPK have no golongan ladder; the minimum applies to PNS and CPNS.
        if let (Some(required), true) =
            (position.min_golongan, asn.status != EmploymentStatus::Pppk)
        {
            if asn.golongan.is_none_or(|g| g < required) {
                out.push(Rejection::MinGolongan {
                    have: asn.golongan,
                    required,
                });
            }
        }
    }
    if rules.require_education {
        if let Some(required) = position.education.min_level {
            if asn.education.level < required {
                out.push(Rejection::EducationLevel {
                    have: asn.education.level,
                    required,
                });
            }
        }
        if !field_accepted(&asn.education.field, &position.education.fields) {
            out.push(Rejection::EducationField {
                have: asn.education.field.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn asn() -> Asn {
        Asn {
            nip: Nip::parse("198507142010011003").unwrap(),
            name: "Budi Santoso".into(),
            gender: Gender::Male,
            birth_date: d(1985, 7, 14),
            status: EmploymentStatus::Pns,
            golongan: Some(Golongan::IIIc),
            pppk_golongan: None,
            education: Education {
                level: EducationLevel::S1,
                field: "Akuntansi".into(),
            },
            position: Some(CurrentPosition {
                position: PositionId("a.p01".into()),
                since: d(2022, 1, 1),
            }),
            flags: Flags::default(),
            competencies: CompetencyProfile {
                assessed_on: None,
                levels: BTreeMap::new(),
            },
            potential: None,
            performance: Vec::new(),
            domicile: Regency::KotaJambi,
            preferences: Vec::new(),
            own_request: false,
            service_from_year: None,
        }
    }

    fn position(kind: PositionType) -> Position {
        Position {
            id: PositionId("b.p01".into()),
            name: "Analis".into(),
            kind,
            jf: None,
            agency: AgencyId("b".into()),
            unit: UnitId("b.u".into()),
            min_golongan: Some(Golongan::IIIb),
            education: EducationRequirement {
                min_level: Some(EducationLevel::S1),
                fields: vec!["Akuntansi".into(), "Manajemen Keuangan".into()],
            },
            competencies: Vec::new(),
            need: 1,
            review: false,
            eselon: None,
        }
    }

    /// The pair rules for a move into a position of the person's own type
    /// (a lateral move, so only the other pair rules can refuse it).
    fn lateral(a: &Asn, kind: PositionType, rules: &RuleSettings, on: Date) -> Vec<Rejection> {
        pair_rejections(a, Some(&position(kind)), &position(kind), false, rules, on)
    }

    fn rules_of(v: &[Rejection]) -> Vec<Rule> {
        v.iter().map(Rejection::rule).collect()
    }

    #[test]
    fn a_plain_pns_after_two_years_may_move() {
        let on = d(2027, 1, 2);
        assert!(person_rejections(&asn(), &RuleSettings::default(), on).is_empty());
        assert!(lateral(&asn(), PositionType::AhliMuda, &RuleSettings::default(), on).is_empty());
    }

    #[test]
    fn each_person_rule_rejects_and_can_be_switched_off() {
        let on = d(2027, 1, 2);
        let rules = RuleSettings::default();
        let mut a = asn();
        a.status = EmploymentStatus::Cpns;
        a.flags.processes.push(Process {
            kind: ProcessKind::Court,
            since: d(2026, 5, 1),
            until: None,
        });
        // Heavy, of unknown kind: served 12 months, to 2026-06-01, then
        // recent for the look-back.
        a.flags
            .sanctions
            .push(Sanction::of_level(SanctionLevel::Berat, d(2025, 6, 1)));
        a.flags
            .sanctions
            .push(Sanction::of_level(SanctionLevel::Ringan, d(2026, 6, 1)));
        a.flags.study_leave = Some(StudyLeave {
            from: d(2026, 1, 1),
            until: d(2028, 1, 1),
        });
        a.position.as_mut().unwrap().since = d(2025, 6, 1);
        a.own_request = true;
        a.performance.push(PerformanceRecord {
            period: Period::annual(2025),
            hasil_kerja: Rating::DiBawah,
            perilaku_kerja: Rating::Sesuai,
            score: None,
        });
        let got = person_rejections(&a, &rules, on);
        assert_eq!(
            rules_of(&got),
            vec![
                Rule::Cpns,
                Rule::OpenProcess,
                Rule::RecentSanction,
                Rule::StudyLeave,
                Rule::MinTenure,
                Rule::RequestPerformance
            ]
        );
        assert!(got.contains(&Rejection::MinTenure {
            months: 19,
            required: 24
        }));
        assert!(got.contains(&Rejection::RecentSanction {
            level: SanctionLevel::Berat,
            imposed: d(2025, 6, 1)
        }));
        let off = RuleSettings {
            exclude_cpns: false,
            exclude_open_process: false,
            sanction_lookback_months: 0,
            exclude_study_leave: false,
            min_months_in_position: 0,
            request_min_baik_months: 0,
            ..RuleSettings::default()
        };
        assert!(person_rejections(&a, &off, on).is_empty());
    }

    #[test]
    fn an_own_request_reads_the_annual_predikat_not_a_quarter() {
        let on = d(2027, 1, 2);
        let rules = RuleSettings::default();
        let mut a = asn();
        a.own_request = true;
        a.performance = vec![
            PerformanceRecord {
                period: Period {
                    year: 2026,
                    quarter: Some(2),
                },
                hasil_kerja: Rating::DiBawah,
                perilaku_kerja: Rating::DiBawah,
                score: None,
            },
            PerformanceRecord {
                period: Period::annual(2026),
                hasil_kerja: Rating::Sesuai,
                perilaku_kerja: Rating::Sesuai,
                score: None,
            },
        ];
        let refused = |a: &Asn| {
            person_rejections(a, &rules, on)
                .iter()
                .any(|r| r.rule() == Rule::RequestPerformance)
        };
        assert!(!refused(&a), "a weak quarter in a Baik year");
        a.performance[1].hasil_kerja = Rating::DiBawah;
        assert!(refused(&a), "a year below Baik");
    }

    #[test]
    fn windows_have_edges() {
        let rules = RuleSettings::default();
        let mut a = asn();
        // A 6-month cut from 2025-01-02: served to 2025-07-01, then
        // recent for 24 months from its end.
        a.flags.sanctions.push(Sanction::of_kind(
            SanctionKind::PotonganTukin6,
            d(2025, 1, 2),
        ));
        assert!(person_rejections(&a, &rules, d(2025, 1, 1)).is_empty());
        assert_eq!(
            person_rejections(&a, &rules, d(2025, 7, 1)),
            vec![Rejection::ServingSanction {
                level: SanctionLevel::Sedang,
                imposed: d(2025, 1, 2),
                ends: d(2025, 7, 2)
            }]
        );
        assert_eq!(
            rules_of(&person_rejections(&a, &rules, d(2025, 7, 2))),
            vec![Rule::RecentSanction]
        );
        assert_eq!(
            rules_of(&person_rejections(&a, &rules, d(2027, 7, 1))),
            vec![Rule::RecentSanction]
        );
        // Exactly 24 months after its end: outside the window.
        assert!(person_rejections(&a, &rules, d(2027, 7, 2)).is_empty());
        // Being served is the law's, whatever the look-back policy.
        let no_policy = RuleSettings {
            sanction_lookback_months: 0,
            ..RuleSettings::default()
        };
        assert_eq!(
            rules_of(&person_rejections(&a, &no_policy, d(2025, 3, 1))),
            vec![Rule::ServingSanction]
        );
        assert!(person_rejections(&a, &no_policy, d(2025, 7, 2)).is_empty());
        // A last day given by the decision wins over the kind's months.
        let mut b = asn();
        b.flags.sanctions.push(Sanction {
            until: Some(d(2025, 12, 31)),
            ..Sanction::of_kind(SanctionKind::PotonganTukin6, d(2025, 1, 2))
        });
        assert_eq!(
            rules_of(&person_rejections(&b, &no_policy, d(2025, 12, 31))),
            vec![Rule::ServingSanction]
        );
        assert!(person_rejections(&b, &no_policy, d(2026, 1, 1)).is_empty());
        // A reprimand is not served in post, and a light one never counts.
        let mut c = asn();
        c.flags.sanctions.push(Sanction::of_kind(
            SanctionKind::TeguranTertulis,
            d(2025, 1, 2),
        ));
        assert!(person_rejections(&c, &rules, d(2025, 2, 1)).is_empty());
        let a_2028 = d(2028, 1, 2);
        // A closed process no longer bars a move.
        a.flags.processes.push(Process {
            kind: ProcessKind::Disciplinary,
            since: d(2025, 1, 1),
            until: Some(d(2026, 1, 1)),
        });
        assert!(person_rejections(&a, &rules, a_2028).is_empty());
        // Tenure: exactly 24 months is enough.
        a.position.as_mut().unwrap().since = d(2026, 1, 2);
        assert!(person_rejections(&a, &rules, a_2028).is_empty());
    }

    #[test]
    fn pair_rules_name_what_is_missing() {
        let on = d(2027, 1, 2);
        let rules = RuleSettings::default();
        let mut a = asn();
        a.golongan = Some(Golongan::IIIa);
        a.education = Education {
            level: EducationLevel::D3,
            field: "Keperawatan".into(),
        };
        let got = lateral(&a, PositionType::AhliMuda, &rules, on);
        assert_eq!(
            got,
            vec![
                Rejection::MinGolongan {
                    have: Some(Golongan::IIIa),
                    required: Golongan::IIIb
                },
                Rejection::EducationLevel {
                    have: EducationLevel::D3,
                    required: EducationLevel::S1
                },
                Rejection::EducationField {
                    have: "Keperawatan".into()
                },
            ]
        );
        let mut pppk = asn();
        pppk.status = EmploymentStatus::Pppk;
        pppk.golongan = None;
        assert!(lateral(&pppk, PositionType::AhliMuda, &rules, on).is_empty());
        assert!(field_accepted(" akuntansi ", &["Akuntansi".into()]));
    }

    #[test]
    fn retirement_buffer_uses_the_target_positions_bup() {
        let rules = RuleSettings::default();
        let mut a = asn();
        a.birth_date = d(1969, 6, 10); // 58 on 2027-06-10, pension 2027-07-01
        let on = d(2027, 1, 2);
        let got = lateral(&a, PositionType::AhliMuda, &rules, on);
        assert_eq!(
            got,
            vec![Rejection::NearRetirement {
                retires: d(2027, 7, 1),
                months_left: 5
            }]
        );
        // As an ahli madya (BUP 60) there are 2.5 years left.
        assert!(lateral(&a, PositionType::AhliMadya, &rules, on).is_empty());
    }
}
