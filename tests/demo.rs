//! The seeded Jambi demo: deterministic, valid and realistic.
#![cfg(not(target_arch = "wasm32"))]

use mutasi_planner::core::demo::{generate, jambi_demo, DemoConfig};
use mutasi_planner::core::io::plan_file;
use mutasi_planner::core::model::*;
use std::collections::{BTreeMap, BTreeSet};

#[test]
fn same_seed_same_workspace_other_seed_other_workspace() {
    let a = jambi_demo();
    let b = jambi_demo();
    assert_eq!(a, b);
    assert_eq!(plan_file::write(&a, "t"), plan_file::write(&b, "t"));
    let c = generate(&DemoConfig {
        seed: 7,
        ..DemoConfig::default()
    });
    assert_ne!(a.asn, c.asn);
}

#[test]
fn demo_has_the_promised_shape_and_validates() {
    let ws = jambi_demo();
    assert_eq!(ws.asn.len(), 1_500);
    assert!(
        (38..=45).contains(&ws.agencies.len()),
        "{} agencies",
        ws.agencies.len()
    );
    let findings = ws.validate();
    assert!(
        findings.is_empty(),
        "{:?}",
        &findings[..findings.len().min(5)]
    );
    let open = ws
        .rounds
        .iter()
        .find(|r| !r.openings.is_empty())
        .expect("an open round");
    let slots: u32 = open.openings.iter().map(|o| o.slots).sum();
    assert!((120..=180).contains(&slots), "{slots} opening slots");
    // Openings at every level: JPT, administrator, pengawas, pelaksana,
    // each JF keahlian jenjang below utama and the keterampilan ones.
    let index = ws.index();
    let kinds: BTreeSet<PositionType> = open
        .openings
        .iter()
        .filter_map(|o| index.positions.get(&o.position).copied())
        .map(|p| p.kind)
        .collect();
    use PositionType::*;
    for kind in [
        JptPratama,
        Administrator,
        Pengawas,
        Pelaksana,
        AhliMadya,
        AhliMuda,
        AhliPertama,
    ] {
        assert!(kinds.contains(&kind), "no {kind:?} opening: {kinds:?}");
    }
    assert!(
        [Penyelia, Mahir, Terampil]
            .iter()
            .any(|k| kinds.contains(k)),
        "no keterampilan opening: {kinds:?}"
    );
    assert!(!ws.moves.is_empty(), "a past round with moves");
    for name in [
        "Dinas Kesehatan",
        "Badan Pengelolaan Keuangan dan Aset Daerah",
        "RSUD Raden Mattaher",
        "Inspektorat Daerah",
    ] {
        assert!(ws.agencies.iter().any(|a| a.name == name), "{name}");
    }
}

#[test]
fn demo_people_are_plausible() {
    let ws = generate(&DemoConfig::default());
    let as_of = DemoConfig::default().as_of;
    let mut golongan: BTreeMap<Golongan, usize> = BTreeMap::new();
    let mut status: BTreeMap<String, usize> = BTreeMap::new();
    let mut female = 0;
    for a in &ws.asn {
        assert_eq!(a.nip.birth_date(), a.birth_date);
        assert_eq!(a.nip.gender(), a.gender);
        let age = a.age_on(as_of);
        assert!((18..=60).contains(&age), "{} is {age}", a.name);
        if let Some(g) = a.golongan {
            *golongan.entry(g).or_default() += 1;
        }
        // PPPK have their own golongan I–XVII, PNS and CPNS the PNS one.
        assert_eq!(
            a.status == EmploymentStatus::Pppk,
            a.pppk_golongan.is_some() && a.golongan.is_none(),
            "{}",
            a.name
        );
        *status.entry(format!("{:?}", a.status)).or_default() += 1;
        female += usize::from(a.gender == Gender::Female);
        assert!(a.performance.len() <= 3);
    }
    // Golongan III dominates a provincial government.
    let iii: usize = golongan
        .iter()
        .filter(|(g, _)| (Golongan::IIIa..=Golongan::IIId).contains(*g))
        .map(|(_, n)| n)
        .sum();
    assert!(iii * 2 > ws.asn.len() / 2, "III share {iii}");
    assert!(
        status["Pns"] > 1_100
            && status.get("Pppk").copied().unwrap_or(0) > 30
            && status.get("Cpns").copied().unwrap_or(0) > 5,
        "{status:?}"
    );
    assert!((500..=900).contains(&female), "{female} women");
    let names: BTreeSet<&str> = ws.asn.iter().map(|a| a.name.as_str()).collect();
    assert!(
        names.len() > 1_300,
        "names repeat too much: {}",
        names.len()
    );
    let with_prefs = ws.asn.iter().filter(|a| !a.preferences.is_empty()).count();
    assert!(
        (250..=600).contains(&with_prefs),
        "{with_prefs} with preferences"
    );
    let flagged = ws
        .asn
        .iter()
        .filter(|a| {
            !a.flags.processes.is_empty()
                || !a.flags.sanctions.is_empty()
                || a.flags.study_leave.is_some()
        })
        .count();
    assert!((20..=120).contains(&flagged), "{flagged} flagged");
}

#[test]
fn demo_has_deliberate_misfits() {
    let ws = jambi_demo();
    let index = ws.index();
    let health = [
        "Kedokteran",
        "Kesehatan Masyarakat",
        "Keperawatan",
        "Kebidanan",
        "Farmasi",
        "Gizi",
    ];
    let finance = ["Akuntansi", "Manajemen Keuangan", "Perpajakan"];
    let health_agencies = ["dinkes", "rsudrm", "rsjd"];
    let finance_agencies = ["bpkad", "bapenda"];
    let mut health_outside = 0;
    let mut health_inside = 0;
    let mut finance_outside = 0;
    for a in &ws.asn {
        let Some(p) = index.position_of(a) else {
            continue;
        };
        let agency = p.agency.0.as_str();
        if health.contains(&a.education.field.as_str()) {
            if health_agencies.contains(&agency) {
                health_inside += 1
            } else {
                health_outside += 1
            }
        }
        // Finance graduates outside the finance agencies, not in a finance post.
        if finance.contains(&a.education.field.as_str())
            && !finance_agencies.contains(&agency)
            && !p.name.contains("Keuangan")
        {
            finance_outside += 1;
        }
    }
    assert!(
        health_inside > health_outside * 2,
        "health graduates mostly in health: {health_inside} vs {health_outside}"
    );
    assert!(
        health_outside >= 5,
        "some health graduates outside health agencies: {health_outside}"
    );
    assert!(
        finance_outside >= 5,
        "some finance graduates outside finance: {finance_outside}"
    );
}

#[test]
fn positions_have_requirements_and_occupancy() {
    let ws = jambi_demo();
    let occupancy = ws.occupancy();
    let vacant = ws
        .positions
        .iter()
        .filter(|p| occupancy.get(&p.id).copied().unwrap_or(0) < p.need)
        .count();
    let over = ws
        .positions
        .iter()
        .filter(|p| occupancy.get(&p.id).copied().unwrap_or(0) > p.need)
        .count();
    assert!(vacant > 100, "{vacant} positions below need");
    assert!(over > 5, "{over} positions above need");
    for p in &ws.positions {
        assert!(
            p.competencies.len() >= 10,
            "{}: 8 manajerial + perekat bangsa + teknis",
            p.id.0
        );
        assert!(p.competencies.iter().any(|c| c.core) && p.competencies.iter().any(|c| !c.core));
        assert!(p.min_golongan.is_some() && p.education.min_level.is_some());
    }
}

#[test]
fn scales_to_twenty_thousand() {
    let ws = generate(&DemoConfig {
        asn: 20_000,
        ..DemoConfig::default()
    });
    assert_eq!(ws.asn.len(), 20_000);
    let errors: Vec<_> = ws
        .validate()
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{:?}", &errors[..errors.len().min(3)]);
    assert!(ws.positions.len() > 2_000);
}

#[test]
fn units_form_a_tree_and_unassessed_people_have_no_levels() {
    let ws = jambi_demo();
    for agency in &ws.agencies {
        let nested = agency.units.iter().filter(|u| u.parent.is_some()).count();
        assert!(
            nested >= 2,
            "{} has subunits under its sekretariat",
            agency.id.0
        );
        let keuangan = agency
            .units
            .iter()
            .find(|u| u.name == "Subbagian Keuangan")
            .unwrap();
        let path = agency.unit_path(&keuangan.id);
        assert_eq!(path.len(), 2, "{path:?}");
    }
    let unassessed: Vec<&Asn> = ws
        .asn
        .iter()
        .filter(|a| a.competencies.assessed_on.is_none())
        .collect();
    assert!(
        (50..=250).contains(&unassessed.len()),
        "{} unassessed",
        unassessed.len()
    );
    assert!(unassessed.iter().all(|a| a.competencies.levels.is_empty()));
    let ids: BTreeSet<&str> = ws.positions.iter().map(|p| p.id.0.as_str()).collect();
    assert_eq!(ids.len(), ws.positions.len(), "position ids are unique");
}

#[test]
fn the_past_round_has_outcomes_to_evaluate() {
    use mutasi_planner::core::evaluate::{before_after, kpi_by_period, Trend};
    let ws = jambi_demo();
    let ba = before_after(&ws);
    assert_eq!(ba.len(), ws.moves.len());
    let count = |t: Trend| ba.iter().filter(|b| b.trend == t).count();
    assert!(
        count(Trend::Improved) > count(Trend::Declined),
        "most improve"
    );
    assert!(count(Trend::Declined) > 0 && count(Trend::Unchanged) > 0);
    assert!(ba.iter().any(|b| !b.flags.is_empty()), "some are flagged");
    assert!(
        kpi_by_period(&ws).len() >= 2,
        "at least two post-move periods"
    );
}
