//! Plans a BKD can sign: the class of every pair of position types, JPT
//! posts never filled by a round (listed with the talent pool instead),
//! promotions only from the pool and by one jenjang, PPPK not moved, the
//! BUP of teachers, and — over random workspaces and every mode — no
//! demotion, JPT fill or PPPK move under the default rules.
#![cfg(not(target_arch = "wasm32"))]

use mutasi_planner::core::date::Date;
use mutasi_planner::core::engine::model::{RoundInput, SlotKind};
use mutasi_planner::core::engine::{self, report, selection, Mode};
use mutasi_planner::core::evaluate::box_of;
use mutasi_planner::core::model::PositionType::*;
use mutasi_planner::core::model::*;
use mutasi_planner::core::move_class::{classify, classify_kinds, one_step_up, MoveClass};
use mutasi_planner::core::rules::{pair_rejections, person_rejections, Rejection, Rule};
use proptest::prelude::*;

mod common;
use common::rounds::{demo, open_round, plan_first, stay};

fn position(name: &str, kind: PositionType) -> Position {
    Position {
        id: PositionId(format!("x.{name}")),
        name: name.into(),
        kind,
        jf: None,
        agency: AgencyId("x".into()),
        unit: UnitId("x.u".into()),
        min_golongan: None,
        education: EducationRequirement::default(),
        competencies: Vec::new(),
        need: 1,
        review: false,
        eselon: None,
    }
}

#[test]
fn the_class_of_each_pair_of_position_types() {
    use MoveClass::*;
    // (from, to, class), worked by hand from DOMAIN.md.
    let table = [
        (Pelaksana, Pelaksana, Lateral),
        (Pengawas, Pengawas, Lateral),
        (Administrator, Administrator, Lateral),
        (Pengawas, Administrator, Promotion),
        (Pelaksana, Pengawas, Promotion),
        (Administrator, Pengawas, Demotion),
        (Pengawas, Pelaksana, Demotion),
        (AhliMuda, AhliPertama, Demotion),
        (AhliPertama, AhliMuda, Promotion),
        (Administrator, AhliMadya, AlihJabatan),
        (AhliMadya, Administrator, AlihJabatan),
        (Pengawas, AhliMuda, AlihJabatan),
        (Pengawas, AhliPertama, Demotion),
        (Terampil, Pelaksana, AlihJabatan),
        (Mahir, Terampil, Demotion),
        (JptPratama, JptPratama, JptRotation),
        (JptMadya, JptMadya, JptRotation),
        (JptPratama, JptMadya, Jpt),
        (Administrator, JptPratama, Jpt),
        (AhliUtama, JptMadya, Jpt),
        (JptPratama, Administrator, Demotion),
        (JptMadya, JptPratama, Demotion),
    ];
    for (a, b, class) in table {
        assert_eq!(classify_kinds(a, b, true), class, "{a:?} → {b:?}");
    }
    // Over every pair: up one way is down the other (JPT posts aside),
    // and the same type is lateral exactly when the JF is the same.
    for a in PositionType::ALL {
        for b in PositionType::ALL {
            let (ab, ba) = (classify_kinds(a, b, true), classify_kinds(b, a, true));
            if a.family() != PositionFamily::Jpt && b.family() != PositionFamily::Jpt {
                assert_eq!(ab == Promotion, ba == Demotion, "{a:?} ↔ {b:?}");
                assert_eq!(ab == AlihJabatan, ba == AlihJabatan, "{a:?} ↔ {b:?}");
            }
            if a == b && a.family() != PositionFamily::Jpt {
                assert_eq!(ab, Lateral);
                let functional = matches!(
                    a.family(),
                    PositionFamily::FungsionalKeahlian | PositionFamily::FungsionalKeterampilan
                );
                let other_jf = classify_kinds(a, b, false);
                assert_eq!(other_jf, if functional { AlihJabatan } else { Lateral });
            }
        }
    }
}

#[test]
fn a_jf_is_read_from_the_position_name_or_its_field() {
    let perencana = position("Perencana Ahli Muda", AhliMuda);
    let perencana2 = position("Perencana  Ahli  Muda", AhliMuda);
    let analis = position("Analis Kebijakan Ahli Muda", AhliMuda);
    assert_eq!(classify(Some(&perencana), &perencana2), MoveClass::Lateral);
    assert_eq!(classify(Some(&perencana), &analis), MoveClass::AlihJabatan);
    assert_eq!(
        mutasi_planner::core::move_class::jf_key("  Penyuluh   Pertanian "),
        "penyuluh pertanian"
    );
    let mut guru = position("Guru Kimia", AhliMuda);
    guru.jf = Some("Guru".into());
    let mut guru2 = position("Guru Fisika", AhliMuda);
    guru2.jf = Some("guru".into());
    assert_eq!(classify(Some(&guru), &guru2), MoveClass::Lateral);
    assert_eq!(classify(None, &guru), MoveClass::Placement);
    let madya = position("Perencana Ahli Madya", AhliMadya);
    assert!(one_step_up(&perencana, &madya));
    assert!(!one_step_up(&analis, &madya), "another JF");
    assert!(!one_step_up(
        &position("Penata", Pelaksana),
        &position("Kepala Bagian", Administrator)
    ));
}

#[test]
fn jpt_openings_are_never_filled_and_list_the_talent_pool() {
    let ws = demo(1_500, 2026);
    let round = open_round(&ws);
    let jpt_openings: Vec<&Opening> = round
        .openings
        .iter()
        .filter(|o| {
            ws.positions
                .iter()
                .any(|p| p.id == o.position && p.kind.family() == PositionFamily::Jpt)
        })
        .collect();
    assert!(!jpt_openings.is_empty(), "the demo opens a JPT post");
    for scenario in &round.scenarios {
        let input = RoundInput {
            ws: &ws,
            round,
            scenario,
        };
        let plan = engine::plan(&input).unwrap();
        for s in &plan.model.slots {
            if let (SlotKind::Opening(_), Some(p)) = (s.kind, s.position) {
                assert_ne!(ws.positions[p].kind.family(), PositionFamily::Jpt);
            }
        }
        let listed = selection::open_selection(&input, &plan.model);
        assert_eq!(listed.len(), jpt_openings.len());
        for s in &listed {
            assert!(
                !s.candidates.is_empty(),
                "{}",
                ws.positions[s.position].name
            );
            for &(a, _) in &s.candidates {
                assert!(box_of(&ws.asn[a]).is_some_and(|b| b >= 7));
            }
            let fits: Vec<u32> = s.candidates.iter().map(|c| c.1).collect();
            assert!(fits.windows(2).all(|w| w[0] >= w[1]), "best fit first");
        }
    }
}

#[test]
fn a_promotion_scenario_promotes_only_the_pool_by_one_jenjang() {
    let ws = demo(1_500, 2026);
    let round = open_round(&ws);
    let mut scenario = round.scenarios[0].clone();
    scenario.rules.allow_promotion = true;
    let plan = engine::plan(&RoundInput {
        ws: &ws,
        round,
        scenario: &scenario,
    })
    .unwrap();
    let classes = report::move_classes(&ws, &plan);
    let promoted: Vec<usize> = classes
        .iter()
        .filter(|(_, c)| *c == MoveClass::Promotion)
        .map(|&(row, _)| row)
        .collect();
    assert!(!promoted.is_empty(), "the pool has someone to promote");
    // The fairness report counts them apart, in every grouping.
    for g in report::Grouping::ALL {
        let counted: usize = report::outcomes_by(&ws, &plan, g)
            .iter()
            .map(|o| o.promoted)
            .sum();
        assert_eq!(counted, promoted.len(), "{g:?}");
    }
    for row in promoted {
        let r = &plan.model.rows[row];
        let asn = &ws.asn[r.asn];
        assert!(box_of(asn).is_some_and(|b| b >= 7), "{}", asn.name);
        let to = plan.model.slots[plan.slot_of_row[row]].position.unwrap();
        let from = &ws.positions[r.current.unwrap()];
        assert!(one_step_up(from, &ws.positions[to]));
        let required = ws.positions[to].min_golongan;
        assert!(required.is_none_or(|g| asn.golongan.is_some_and(|have| have >= g)));
    }
    // Without the setting, the same people are refused by their class.
    let defaults = &round.scenarios[0];
    let plan = engine::plan(&RoundInput {
        ws: &ws,
        round,
        scenario: defaults,
    })
    .unwrap();
    assert!(report::move_classes(&ws, &plan)
        .iter()
        .all(|(_, c)| matches!(c, MoveClass::Lateral | MoveClass::JptRotation)));
}

#[test]
fn pppk_are_not_moved_unless_the_scenario_says_so() {
    let ws = demo(1_500, 2026);
    let round = open_round(&ws);
    let on = round.effective_date;
    let pppk = ws
        .asn
        .iter()
        .find(|a| a.status == EmploymentStatus::Pppk)
        .expect("the demo has PPPK");
    let rules = RuleSettings::default();
    assert!(person_rejections(pppk, &rules, on).contains(&Rejection::Pppk));
    let allowed = RuleSettings {
        exclude_pppk: false,
        ..RuleSettings::default()
    };
    assert!(!person_rejections(pppk, &allowed, on)
        .iter()
        .any(|r| r.rule() == Rule::Pppk));
}

#[test]
fn a_teacher_of_58_is_not_near_retirement() {
    let on = Date::new(2027, 1, 2).unwrap();
    let ws = demo(60, 1);
    let mut asn = ws.asn[0].clone();
    asn.birth_date = Date::new(1968, 10, 1).unwrap(); // 58 on 2026-10-01
    asn.position = None;
    let mut guru = position("Guru Matematika Ahli Muda", AhliMuda);
    guru.jf = Some("Guru".into());
    let analis = position("Analis Kebijakan Ahli Muda", AhliMuda);
    let rules = RuleSettings::default();
    let near = |p: &Position| {
        pair_rejections(&asn, None, p, false, &rules, on)
            .iter()
            .any(|r| r.rule() == Rule::NearRetirement)
    };
    assert!(!near(&guru), "guru: BUP 60");
    assert!(near(&analis), "ahli muda: BUP 58");
    assert_eq!(rules.bup(&guru), 60);
    assert_eq!(rules.bup(&analis), 58);
}

#[test]
fn the_demo_fills_four_fifths_of_its_openings_with_lateral_moves() {
    let ws = demo(1_500, 2026);
    let round = open_round(&ws);
    let plan = engine::plan(&RoundInput {
        ws: &ws,
        round,
        scenario: &round.scenarios[0],
    })
    .unwrap();
    let by_type = report::openings_by_type(&ws, round, &plan);
    let (filled, total) = by_type
        .values()
        .fold((0, 0), |(f, t), (filled, slots)| (f + filled, t + slots));
    assert!(
        filled * 5 >= total * 4,
        "{filled} of {total} opening slots filled: {by_type:?}"
    );
    // Every level has openings, and the moves that fill them are transfers.
    for kind in [
        Administrator,
        Pengawas,
        Pelaksana,
        AhliMadya,
        AhliMuda,
        AhliPertama,
    ] {
        assert!(
            by_type.get(&kind).is_some_and(|&(f, _)| f > 0),
            "{kind:?}: {by_type:?}"
        );
    }
    assert!(report::move_classes(&ws, &plan)
        .iter()
        .all(|(_, c)| matches!(c, MoveClass::Lateral | MoveClass::JptRotation)));
}

#[test]
fn the_demo_disdik_has_teachers_and_keeps_those_of_58_movable() {
    let ws = demo(1_500, 2026);
    let round = open_round(&ws);
    let on = round.effective_date;
    let index = ws.index();
    let rules = RuleSettings::default();
    let teachers: Vec<(&Asn, &Position)> = ws
        .asn
        .iter()
        .filter_map(|a| index.position_of(a).map(|p| (a, p)))
        .filter(|(_, p)| p.jf.as_deref() == Some("Guru"))
        .collect();
    assert!(teachers.len() > 100, "{} teachers", teachers.len());
    assert!(teachers.iter().all(|(_, p)| p.agency.0 == "disdik"));
    let schools: std::collections::BTreeSet<&str> =
        teachers.iter().map(|(_, p)| p.unit.0.as_str()).collect();
    assert!(schools.len() >= 10, "{} schools", schools.len());
    // A teacher of 58 or more is under the guru BUP of 60 and stays
    // movable; the same age in another JF ahli muda would be refused.
    let senior: Vec<&(&Asn, &Position)> = teachers
        .iter()
        .filter(|(a, _)| a.age_on(on) >= 58)
        .collect();
    assert!(!senior.is_empty(), "a teacher of 58 or more");
    for (a, p) in senior {
        assert!(a.age_on(on) < 60, "{} is past the guru BUP", a.name);
        let refused = pair_rejections(a, Some(p), p, false, &rules, on);
        assert!(
            !refused.iter().any(|r| r.rule() == Rule::NearRetirement),
            "{}: {refused:?}",
            a.name
        );
    }
}

#[test]
fn the_bup_table_matches_a_jf_family_not_an_exact_name() {
    let rules = RuleSettings::default();
    // No `jf` field: the name as SIASN writes it.
    for name in [
        "Guru Kelas Ahli Muda",
        "Guru Mata Pelajaran Matematika Ahli Pertama",
        "Guru Bimbingan Konseling Ahli Madya",
        "Guru Ahli Pertama",
    ] {
        let kind = mutasi_planner::core::titles::read(
            &mutasi_planner::core::titles::Evidence {
                name,
                ..Default::default()
            },
            mutasi_planner::core::titles::Tier::Province,
        )
        .kind;
        assert_eq!(rules.bup(&position(name, kind)), 60, "{name}");
    }
    // Old-style names: the jenjang word is not part of the JF.
    let old = position("Guru Madya", AhliMadya);
    assert_eq!(
        mutasi_planner::core::move_class::jf_of(&old).as_deref(),
        Some("guru")
    );
    assert_eq!(rules.bup(&old), 60);
    // A family is whole words: "guruh" is not a guru.
    assert_eq!(rules.bup(&position("Guruh Ahli Muda", AhliMuda)), 58);
    assert_eq!(rules.bup(&position("Dokter Ahli Muda", AhliMuda)), 58);
    // The longest family wins.
    let mut rules = rules;
    rules.bup_by_jf.insert("guru kelas".into(), 62);
    assert_eq!(rules.bup(&position("Guru Kelas Ahli Muda", AhliMuda)), 62);
    assert_eq!(
        rules.bup(&position("Guru Mata Pelajaran Ahli Muda", AhliMuda)),
        60
    );

    // A 58-year-old SMA teacher is not refused as near retirement.
    let on = Date::new(2027, 1, 2).unwrap();
    let ws = demo(60, 1);
    let mut asn = ws.asn[0].clone();
    asn.birth_date = Date::new(1968, 10, 1).unwrap();
    let from = position("Guru Mata Pelajaran Fisika Ahli Muda", AhliMuda);
    let to = position("Guru Mata Pelajaran Fisika Ahli Muda SMAN 2", AhliMuda);
    assert!(
        !pair_rejections(&asn, Some(&from), &to, false, &RuleSettings::default(), on)
            .iter()
            .any(|r| r.rule() == Rule::NearRetirement)
    );
}

#[test]
fn someone_whose_position_is_unknown_is_placed_only_by_a_decision_and_never_in_a_jpt_post() {
    let rules = RuleSettings::default();
    let ws = demo(60, 1);
    let asn = &ws.asn[0];
    let on = Date::new(2027, 1, 2).unwrap();
    let pengawas = position("Kepala Seksi Data", Pengawas);
    let kadis = position("Kepala Dinas", JptPratama);
    assert_eq!(classify(None, &pengawas), MoveClass::Placement);
    assert_eq!(classify(None, &kadis), MoveClass::Jpt);
    // The plan may not place them.
    assert!(pair_rejections(asn, None, &pengawas, false, &rules, on)
        .iter()
        .any(|r| r.rule() == Rule::MoveClass));
    // A manual decision may, except into a JPT post.
    use mutasi_planner::core::rules::pin_class_rejection;
    assert_eq!(pin_class_rejection(asn, None, &pengawas, &rules), None);
    assert!(pin_class_rejection(asn, None, &kadis, &rules).is_some());
    // JPT rotation is off unless the scenario says so.
    let other = position("Kepala Badan", JptPratama);
    assert!(!rules.allow_jpt_rotation);
    assert!(pin_class_rejection(asn, Some(&kadis), &other, &rules).is_some());
    let mut rotating = rules.clone();
    rotating.allow_jpt_rotation = true;
    assert_eq!(
        pin_class_rejection(asn, Some(&kadis), &other, &rotating),
        None
    );
}

#[test]
fn a_decision_into_a_jpt_post_is_refused_and_no_plan_places_the_unknown() {
    let mut ws = demo(1_500, 2026);
    let index = ws.index();
    let kadis = ws
        .positions
        .iter()
        .position(|p| p.kind == JptPratama)
        .unwrap();
    let kadis_id = ws.positions[kadis].id.clone();
    let clerk = ws
        .asn
        .iter()
        .position(|a| index.position_of(a).is_some_and(|p| p.kind == Pelaksana))
        .unwrap();
    // Three people whose positions the workspace does not know.
    let mut unknown = Vec::new();
    for a in ws
        .asn
        .iter_mut()
        .enumerate()
        .filter(|(_, a)| a.position.is_some() && a.status == EmploymentStatus::Pns)
        .skip(5)
        .step_by(97)
        .take(3)
    {
        a.1.position = None;
        unknown.push(a.0);
    }
    let mut round = open_round(&ws).clone();
    round.decisions.push(Decision {
        asn: ws.asn[clerk].nip.clone(),
        action: DecisionAction::Assign(kadis_id.clone()),
        reason: "titipan".into(),
        at: "2026-12-01T00:00:00Z".into(),
        comment: None,
    });
    // One of them by a decision into the JPT post: a placement there is
    // an open selection's, not the round's.
    round.decisions.push(Decision {
        asn: ws.asn[unknown[0]].nip.clone(),
        action: DecisionAction::Assign(ws.positions[kadis].id.clone()),
        reason: "penempatan".into(),
        at: "2026-12-01T00:00:00Z".into(),
        comment: None,
    });
    for mode in [Mode::Optimal, Mode::Stable] {
        round.scenarios[0].mode = mode;
        let plan = engine::plan(&RoundInput {
            ws: &ws,
            round: &round,
            scenario: &round.scenarios[0],
        })
        .unwrap();
        assert!(
            plan.model
                .refused_pins
                .contains(&(clerk, kadis, MoveClass::Jpt)),
            "{:?}",
            plan.model.refused_pins
        );
        assert!(plan
            .model
            .refused_pins
            .contains(&(unknown[0], kadis, MoveClass::Jpt)));
        for &a in &unknown {
            if let Some(row) = plan.row_of_person(a) {
                assert_eq!(
                    plan.destination(row),
                    None,
                    "{mode:?}: placed without a decision"
                );
            }
        }
        assert!(report::move_classes(&ws, &plan)
            .iter()
            .all(|(_, c)| !matches!(c, MoveClass::Jpt | MoveClass::Placement)));
    }
}

#[test]
fn a_manual_decision_never_demotes() {
    let ws = demo(1_500, 2026);
    let mut round = open_round(&ws).clone();
    let index = ws.index();
    let holder = |kind: PositionType| {
        ws.asn
            .iter()
            .position(|a| index.position_of(a).is_some_and(|p| p.kind == kind))
            .unwrap()
    };
    let chief = holder(Pengawas);
    let clerk = holder(Pelaksana);
    let pelaksana = ws.asn[clerk].position.as_ref().unwrap().position.clone();
    let pengawas = ws.asn[chief].position.as_ref().unwrap().position.clone();
    // A swap of a pengawas and a pelaksana: each side's decision.
    for (a, to) in [(chief, pelaksana.clone()), (clerk, pengawas.clone())] {
        round.decisions.push(Decision {
            asn: ws.asn[a].nip.clone(),
            action: DecisionAction::Assign(to),
            reason: "tukar".into(),
            at: "2026-12-01T00:00:00Z".into(),
            comment: None,
        });
    }
    let plan = engine::plan(&RoundInput {
        ws: &ws,
        round: &round,
        scenario: &round.scenarios[0],
    })
    .unwrap();
    let refused: Vec<(usize, MoveClass)> = plan
        .model
        .refused_pins
        .iter()
        .map(|&(a, _, c)| (a, c))
        .collect();
    assert!(
        refused.contains(&(chief, MoveClass::Demotion)),
        "{refused:?}"
    );
    assert!(
        refused.contains(&(clerk, MoveClass::Promotion)),
        "{refused:?}"
    );
    assert!(report::move_classes(&ws, &plan)
        .iter()
        .all(|(_, c)| !matches!(c, MoveClass::Demotion | MoveClass::Jpt)));
    // The pengawas is not sent to the pelaksana post.
    let row = plan.model.rows.iter().position(|r| r.asn == chief);
    if let Some(row) = row {
        let to = plan.model.slots[plan.slot_of_row[row]].position.unwrap();
        assert_ne!(ws.positions[to].id, pelaksana);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// Random workspaces, both modes, with manual "stay" decisions and a
    /// unit cap: under the default rules no plan demotes, fills a JPT post
    /// from outside its level, or moves a PPPK.
    #[test]
    fn no_plan_demotes_fills_a_jpt_post_or_moves_a_pppk(
        seed in 0u64..10_000,
        asn in 150usize..500,
        stable in any::<bool>(),
        stays in 0usize..4,
        cap in any::<bool>(),
    ) {
        let ws = demo(asn, seed);
        let mut round = open_round(&ws).clone();
        for a in ws.asn.iter().step_by(37).take(stays) {
            round.decisions.push(stay(&a.nip));
        }
        for scenario in &mut round.scenarios {
            scenario.mode = if stable { Mode::Stable } else { Mode::Optimal };
            if cap {
                scenario.constraints.push(Constraint::UnitCap {
                    unit: ws.positions[0].unit.clone(),
                    max_percent: 20,
                });
            }
        }
        for scenario in &round.scenarios {
            let plan = engine::plan(&RoundInput { ws: &ws, round: &round, scenario }).unwrap();
            let counts = report::class_counts(&ws, &plan);
            prop_assert_eq!(counts.pppk_moved, 0);
            for class in [MoveClass::Demotion, MoveClass::Jpt, MoveClass::Promotion, MoveClass::AlihJabatan] {
                prop_assert!(!counts.by_class.contains_key(&class), "{:?}: {:?}", class, counts);
            }
        }
    }
}

#[test]
fn class_codes_are_the_plan_file_names() {
    for c in MoveClass::ALL {
        assert_eq!(serde_json::to_value(c).unwrap(), c.code(), "{c:?}");
    }
}

#[test]
fn jpt_pratama_candidates_are_held_to_pasal_107_each_unmet_one_named() {
    use mutasi_planner::core::engine::selection::{pasal_107_unmet, Pasal107};
    let on = Date::new(2027, 1, 2).unwrap();
    let ws = demo(60, 1);
    let mut asn = ws.asn[0].clone();
    asn.birth_date = Date::new(1975, 6, 1).unwrap(); // 51
    asn.education.level = EducationLevel::S1;
    asn.performance.clear();
    let kabid = position("Kepala Bidang Mutasi", Administrator);
    asn.position = Some(CurrentPosition {
        position: kabid.id.clone(),
        since: Date::new(2023, 1, 2).unwrap(),
    });
    assert_eq!(pasal_107_unmet(&asn, &kabid, on), []);
    // Each requirement on its own.
    let mut old = asn.clone();
    old.birth_date = Date::new(1970, 1, 1).unwrap(); // 57
    assert_eq!(pasal_107_unmet(&old, &kabid, on), [Pasal107::Age]);
    let mut d3 = asn.clone();
    d3.education.level = EducationLevel::D3;
    assert_eq!(pasal_107_unmet(&d3, &kabid, on), [Pasal107::Education]);
    let mut new_in_post = asn.clone();
    new_in_post.position.as_mut().unwrap().since = Date::new(2025, 6, 1).unwrap();
    assert_eq!(pasal_107_unmet(&new_in_post, &kabid, on), [Pasal107::Rank]);
    let kasi = position("Kepala Seksi Data", Pengawas);
    assert_eq!(pasal_107_unmet(&asn, &kasi, on), [Pasal107::Rank]);
    let madya = position("Analis Kebijakan Ahli Madya", AhliMadya);
    assert_eq!(pasal_107_unmet(&asn, &madya, on), []);
    let mut weak = asn.clone();
    weak.performance.push(PerformanceRecord {
        period: Period::annual(2025),
        hasil_kerja: Rating::DiBawah,
        perilaku_kerja: Rating::Sesuai,
        score: None,
    });
    assert_eq!(pasal_107_unmet(&weak, &kabid, on), [Pasal107::Performance]);
    // A weak record older than two years does not count.
    let mut long_ago = asn.clone();
    long_ago.performance = weak.performance.clone();
    long_ago.performance[0].period = Period::annual(2023);
    assert_eq!(pasal_107_unmet(&long_ago, &kabid, on), []);
}

#[test]
fn between_posts_of_one_type_a_higher_eselon_is_a_promotion() {
    use mutasi_planner::core::titles::{eselon_of, Eselon};
    use MoveClass::*;
    let with = |name: &str, kind, eselon| Position {
        eselon,
        ..position(name, kind)
    };
    let sekcam = with(
        "Sekretaris Camat Bangko",
        Administrator,
        eselon_of("Sekretaris Camat Bangko"),
    );
    let camat = with("Camat Bangko", Administrator, eselon_of("Camat Bangko"));
    let camat2 = with("Camat Tabir", Administrator, Some(Eselon::IIIa));
    let kabag = with("Kepala Bagian Umum", Administrator, None);
    assert_eq!(
        (sekcam.eselon, camat.eselon),
        (Some(Eselon::IIIb), Some(Eselon::IIIa))
    );
    assert_eq!(classify(Some(&sekcam), &camat), Promotion);
    assert_eq!(classify(Some(&camat), &sekcam), Demotion);
    assert_eq!(classify(Some(&camat), &camat2), Lateral);
    // Without an eselon on both sides, the type decides.
    assert_eq!(classify(Some(&kabag), &camat), Lateral);
    // JPT pratama II.b → II.a is no rotation: an open selection.
    let kadis = with("Kepala Dinas", JptPratama, Some(Eselon::IIb));
    let sekda = with("Sekretaris Daerah", JptPratama, Some(Eselon::IIa));
    assert_eq!(classify(Some(&kadis), &sekda), Jpt);
    assert_eq!(classify(Some(&sekda), &kadis), Demotion);
    // The rules refuse the promotion with its reason.
    let ws = demo(300, 7);
    let asn = &ws.asn[0];
    let rules = RuleSettings::default();
    let refused = mutasi_planner::core::rules::class_rejection(asn, Some(&sekcam), &camat, &rules);
    assert!(matches!(
        refused,
        Some(Rejection::MoveClass {
            class: Promotion,
            ..
        })
    ));
}

#[test]
fn no_plan_moves_anyone_up_or_down_an_eselon() {
    use mutasi_planner::core::titles::Eselon;
    let mut ws = demo(1_500, 2026);
    // Half the administrator posts III.a, half III.b.
    let mut n = 0;
    for p in ws.positions.iter_mut() {
        if p.kind == Administrator {
            p.eselon = Some(if n % 2 == 0 {
                Eselon::IIIa
            } else {
                Eselon::IIIb
            });
            n += 1;
        }
    }
    let round = open_round(&ws).clone();
    for mode in [Mode::Optimal, Mode::Stable] {
        let mut round = round.clone();
        round.scenarios[0].mode = mode;
        let plan = plan_first(&ws, &round);
        let classes = report::move_classes(&ws, &plan);
        assert!(!classes.is_empty());
        assert!(
            classes
                .iter()
                .all(|(_, c)| matches!(c, MoveClass::Lateral | MoveClass::JptRotation)),
            "{mode:?}: {classes:?}"
        );
        // Administrator moves remain, each within one eselon.
        let mut admin = 0;
        for row in 0..plan.row_count() {
            if !plan.moved(row) {
                continue;
            }
            let asn = &ws.asn[plan.model.rows[row].asn];
            let (Some(from), Some(to)) = (ws.index().position_of(asn), plan.destination(row))
            else {
                continue;
            };
            if from.kind == Administrator {
                admin += 1;
                assert_eq!(from.eselon, ws.positions[to].eselon);
            }
        }
        assert!(admin > 0, "{mode:?}");
    }
}
