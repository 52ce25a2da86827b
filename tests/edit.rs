//! Every kind of workspace edit (src/core/edit.rs): what it changes when it
//! succeeds, what it writes for the audit log, and that a refusal leaves the
//! workspace exactly as it was.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::edits::{ok, refused};

use mutasi_planner::core::date::Date;
use mutasi_planner::core::demo::{generate, DemoConfig};
use mutasi_planner::core::edit::{Edit, EditError, MAX_SLOTS};
use mutasi_planner::core::io::preference_card::{import_cards, write_card, PreferenceCard};
use mutasi_planner::core::io::sheet;
use mutasi_planner::core::io::table_import::{analyse, guess_mapping, ImportKind};
use mutasi_planner::core::model::*;
use mutasi_planner::core::participation::CommentError;

fn workspace() -> Workspace {
    generate(&DemoConfig {
        asn: 150,
        seed: 7,
        ..DemoConfig::default()
    })
}

fn round(ws: &Workspace) -> &Round {
    ws.open_round().expect("the demo has an open round")
}

fn nip(ws: &Workspace, i: usize) -> Nip {
    ws.asn[i].nip.clone()
}

fn position(ws: &Workspace, i: usize) -> PositionId {
    ws.positions[i].id.clone()
}

fn scenario(ws: &Workspace) -> String {
    round(ws).scenarios[0].id.clone()
}

/// The workspace with its rounds closed: no open round.
fn without_rounds(ws: &Workspace) -> Workspace {
    let mut out = ws.clone();
    out.rounds.clear();
    out
}

#[test]
fn a_decision_replaces_the_earlier_one_on_the_same_person() {
    let mut ws = workspace();
    let (a, to) = (nip(&ws, 3), position(&ws, 5));
    let decide = |action: DecisionAction, reason: &str| Edit::Decide {
        asn: a.clone(),
        action,
        reason: reason.into(),
        at: "2026-12-02T08:00:00Z".into(),
    };
    let before = round(&ws).decisions.len();
    let done = ok(&mut ws, decide(DecisionAction::Stay, "  masih dibutuhkan "));
    assert_eq!(done.action, "decision");
    assert_eq!(done.detail, format!("{a}: {{\"kind\":\"stay\"}}"));
    assert_eq!(done.reason.as_deref(), Some("masih dibutuhkan"));
    ok(
        &mut ws,
        decide(DecisionAction::Assign(to.clone()), "diminta OPD"),
    );
    let mine: Vec<&Decision> = round(&ws).decisions.iter().filter(|d| d.asn == a).collect();
    assert_eq!(mine.len(), 1, "one decision per person");
    assert_eq!(mine[0].action, DecisionAction::Assign(to));
    assert_eq!(round(&ws).decisions.len(), before + 1);

    refused(
        &ws,
        decide(DecisionAction::Stay, " "),
        EditError::ReasonRequired,
    );
    refused(
        &without_rounds(&ws),
        decide(DecisionAction::Stay, "x"),
        EditError::NoOpenRound,
    );
}

#[test]
fn a_swap_writes_two_decisions_and_an_undecide_removes_one() {
    let mut ws = workspace();
    let (a, b) = (nip(&ws, 1), nip(&ws, 2));
    let (p, q) = (position(&ws, 10), position(&ws, 11));
    let swap = |second: Nip| Edit::Swap {
        first: (a.clone(), p.clone()),
        second: (second, q.clone()),
        reason: "tukar".into(),
        at: "t".into(),
    };
    let done = ok(&mut ws, swap(b.clone()));
    assert_eq!(done.detail, format!("swap {a} ⇄ {b}"));
    let action = |ws: &Workspace, who: &Nip| {
        round(ws)
            .decisions
            .iter()
            .find(|d| &d.asn == who)
            .map(|d| d.action.clone())
    };
    assert_eq!(action(&ws, &a), Some(DecisionAction::Assign(p.clone())));
    assert_eq!(action(&ws, &b), Some(DecisionAction::Assign(q.clone())));
    refused(&ws, swap(a.clone()), EditError::SamePerson(a.clone()));

    let done = ok(&mut ws, Edit::Undecide { asn: a.clone() });
    assert_eq!(
        (done.action, done.detail.as_str()),
        ("decision.remove", a.as_str())
    );
    assert_eq!(action(&ws, &a), None);
    assert!(action(&ws, &b).is_some(), "the other decision stays");
    refused(
        &ws,
        Edit::Undecide { asn: a.clone() },
        EditError::UnknownDecision(a),
    );
}

#[test]
fn a_constraint_replaces_the_one_on_the_same_person_or_unit() {
    let mut ws = workspace();
    let id = scenario(&ws);
    let a = nip(&ws, 4);
    let unit = ws.agencies[0].units[0].id.clone();
    let add = |constraint: Constraint| Edit::Constrain {
        scenario: id.clone(),
        constraint,
        reason: Some("rapat".into()),
    };
    let count = |ws: &Workspace| round(ws).scenarios[0].constraints.len();
    let before = count(&ws);
    let pin = Constraint::Pin {
        asn: a.clone(),
        position: position(&ws, 1),
    };
    ok(&mut ws, add(pin));
    let forbid = Constraint::Forbid {
        asn: a.clone(),
        position: position(&ws, 2),
    };
    let done = ok(&mut ws, add(forbid.clone()));
    assert_eq!(done.action, "constraint.add");
    assert!(done
        .detail
        .starts_with(&format!("scenario {id}: {{\"kind\":\"forbid\"")));
    ok(
        &mut ws,
        add(Constraint::UnitCap {
            unit: unit.clone(),
            max_percent: 20,
        }),
    );
    ok(
        &mut ws,
        add(Constraint::UnitCap {
            unit: unit.clone(),
            max_percent: 30,
        }),
    );
    assert_eq!(count(&ws), before + 2, "one per person, one per unit");
    let list = &round(&ws).scenarios[0].constraints;
    assert!(list.contains(&forbid));
    assert!(list.contains(&Constraint::UnitCap {
        unit: unit.clone(),
        max_percent: 30
    }));

    refused(
        &ws,
        add(Constraint::UnitCap {
            unit,
            max_percent: 101,
        }),
        EditError::PercentOutOfRange(101),
    );
    // A floor per JF: trimmed; the same units and JFs (however written)
    // replace the earlier one; empty ones and a minimum of 0 are refused.
    let kind = |units: &str, families: &[&str], min| {
        add(Constraint::KindFloor {
            units: units.into(),
            families: families.iter().map(|f| f.to_string()).collect(),
            min,
        })
    };
    let with_kind = count(&ws);
    ok(&mut ws, kind(" Puskesmas ", &["Bidan", " "], 2));
    ok(&mut ws, kind("PUSKESMAS", &["bidan"], 3));
    ok(&mut ws, kind("Puskesmas", &["Perawat"], 1));
    assert_eq!(count(&ws), with_kind + 2);
    assert!(round(&ws).scenarios[0]
        .constraints
        .contains(&Constraint::KindFloor {
            units: "PUSKESMAS".into(),
            families: vec!["bidan".into()],
            min: 3
        }));
    refused(&ws, kind(" ", &["Bidan"], 1), EditError::EmptyKindFloor);
    refused(&ws, kind("Puskesmas", &[" "], 1), EditError::EmptyKindFloor);
    refused(
        &ws,
        kind("Puskesmas", &["Bidan"], 0),
        EditError::NeedOutOfRange(0),
    );
    for _ in 0..2 {
        let last = count(&ws) - 1;
        ok(
            &mut ws,
            Edit::Unconstrain {
                scenario: id.clone(),
                index: last,
            },
        );
    }
    refused(
        &ws,
        Edit::Constrain {
            scenario: "nope".into(),
            constraint: forbid,
            reason: None,
        },
        EditError::UnknownScenario("nope".into()),
    );
    let last = count(&ws) - 1;
    let done = ok(
        &mut ws,
        Edit::Unconstrain {
            scenario: id.clone(),
            index: last,
        },
    );
    assert_eq!(done.action, "constraint.remove");
    assert_eq!(count(&ws), before + 1);
    refused(
        &ws,
        Edit::Unconstrain {
            scenario: id,
            index: 99,
        },
        EditError::UnknownConstraint(99),
    );
}

#[test]
fn openings_open_change_and_close_within_bounds() {
    let mut ws = workspace();
    let target = ws
        .positions
        .iter()
        .find(|p| !round(&ws).openings.iter().any(|o| o.position == p.id))
        .unwrap()
        .id
        .clone();
    let open = |slots: u32| Edit::Open {
        opening: Opening {
            position: target.clone(),
            slots,
            priority: Priority::Tinggi,
            reason: " analisis beban kerja ".into(),
        },
    };
    let n = round(&ws).openings.len();
    let done = ok(&mut ws, open(2));
    assert_eq!(
        done.detail,
        format!("{} slots 2 priority \"tinggi\"", target.0)
    );
    assert_eq!(done.reason.as_deref(), Some("analisis beban kerja"));
    ok(&mut ws, open(3));
    assert_eq!(round(&ws).openings.len(), n + 1, "reopening replaces");
    let find = |ws: &Workspace| {
        round(ws)
            .openings
            .iter()
            .find(|o| o.position == target)
            .cloned()
    };
    assert_eq!(find(&ws).map(|o| o.slots), Some(3));

    ok(
        &mut ws,
        Edit::SetSlots {
            position: target.clone(),
            slots: MAX_SLOTS,
        },
    );
    ok(
        &mut ws,
        Edit::SetPriority {
            position: target.clone(),
            priority: Priority::Mendesak,
        },
    );
    let o = find(&ws).unwrap();
    assert_eq!((o.slots, o.priority), (MAX_SLOTS, Priority::Mendesak));
    for bad in [0, MAX_SLOTS + 1, u32::MAX] {
        refused(&ws, open(bad), EditError::SlotsOutOfRange(bad));
        refused(
            &ws,
            Edit::SetSlots {
                position: target.clone(),
                slots: bad,
            },
            EditError::SlotsOutOfRange(bad),
        );
    }
    let ghost = PositionId("tidak.ada".into());
    refused(
        &ws,
        Edit::Open {
            opening: Opening {
                position: ghost.clone(),
                slots: 1,
                priority: Priority::Sedang,
                reason: String::new(),
            },
        },
        EditError::UnknownPosition(ghost.clone()),
    );
    let done = ok(
        &mut ws,
        Edit::Close {
            position: target.clone(),
        },
    );
    assert_eq!(done.detail, format!("{} closed", target.0));
    assert_eq!(find(&ws), None);
    refused(
        &ws,
        Edit::Close {
            position: target.clone(),
        },
        EditError::UnknownOpening(target.clone()),
    );
    refused(
        &ws,
        Edit::SetPriority {
            position: ghost.clone(),
            priority: Priority::Rendah,
        },
        EditError::UnknownOpening(ghost),
    );
}

#[test]
fn election_dates_and_the_participation_settings() {
    let mut ws = workspace();
    ws.open_round_mut().unwrap().election = None;
    let day = |s: &str| Date::parse_iso(s).unwrap();
    refused(
        &ws,
        Edit::SetInauguration(Some(day("2027-02-20"))),
        EditError::NoElection,
    );
    let done = ok(&mut ws, Edit::SetCandidatesSet(Some(day("2026-09-22"))));
    assert_eq!(
        (done.action, done.detail.as_str()),
        ("round.election", "2026-09-22")
    );
    ok(&mut ws, Edit::SetInauguration(Some(day("2027-02-20"))));
    ok(&mut ws, Edit::SetCandidatesSet(Some(day("2026-09-23"))));
    assert_eq!(
        round(&ws).election,
        Some(Election {
            candidates_set: day("2026-09-23"),
            inauguration: Some(day("2027-02-20")),
        }),
        "a new candidates' date keeps the inauguration"
    );
    ok(&mut ws, Edit::SetCandidatesSet(None));
    assert_eq!(round(&ws).election, None);

    ok(&mut ws, Edit::SetDeadline(Some(day("2026-12-15"))));
    let done = ok(&mut ws, Edit::SetContact("  bkd@jambiprov.go.id ".into()));
    assert_eq!(done.detail, "bkd@jambiprov.go.id");
    let p = &round(&ws).participation;
    assert_eq!(p.deadline, Some(day("2026-12-15")));
    assert_eq!(p.contact, "bkd@jambiprov.go.id");
    refused(
        &without_rounds(&ws),
        Edit::SetContact("x".into()),
        EditError::NoOpenRound,
    );
}

#[test]
fn performance_records_replace_the_same_period() {
    let mut ws = workspace();
    let (a, b) = (nip(&ws, 5), nip(&ws, 6));
    let record = |hasil_kerja| PerformanceRecord {
        period: Period::annual(2030),
        hasil_kerja,
        perilaku_kerja: Rating::Sesuai,
        score: None,
    };
    let records = |ws: &Workspace, who: &Nip| {
        ws.asn
            .iter()
            .find(|p| &p.nip == who)
            .unwrap()
            .performance
            .iter()
            .filter(|r| r.period == Period::annual(2030))
            .cloned()
            .collect::<Vec<_>>()
    };
    let done = ok(
        &mut ws,
        Edit::RecordPerformance {
            asn: a.clone(),
            record: record(Rating::Sesuai),
        },
    );
    assert_eq!(done.detail, format!("{a} 2030: \"baik\""));
    ok(
        &mut ws,
        Edit::RecordPerformances {
            period: Period::annual(2030),
            ratings: vec![
                (a.clone(), Rating::DiAtas, Rating::DiAtas),
                (b.clone(), Rating::DiBawah, Rating::Sesuai),
            ],
        },
    );
    let mine = records(&ws, &a);
    assert_eq!(mine.len(), 1, "the period's record is replaced");
    assert_eq!(mine[0].predikat(), Predikat::SangatBaik);
    assert_eq!(records(&ws, &b).len(), 1);
    let periods: Vec<Period> = ws.asn[5].performance.iter().map(|r| r.period).collect();
    let mut sorted = periods.clone();
    mutasi_planner::core::sort::sort(&mut sorted);
    assert_eq!(periods, sorted, "records stay in period order");

    let ghost = Nip::parse("198001012005011001").unwrap();
    refused(
        &ws,
        Edit::RecordPerformance {
            asn: ghost.clone(),
            record: record(Rating::Sesuai),
        },
        EditError::UnknownAsn(ghost.clone()),
    );
    refused(
        &ws,
        Edit::RecordPerformances {
            period: Period::annual(2031),
            ratings: vec![
                (a.clone(), Rating::Sesuai, Rating::Sesuai),
                (ghost.clone(), Rating::Sesuai, Rating::Sesuai),
            ],
        },
        EditError::UnknownAsn(ghost),
    );
    refused(
        &ws,
        Edit::RecordPerformances {
            period: Period::annual(2031),
            ratings: vec![],
        },
        EditError::Nothing,
    );
}

#[test]
fn follow_ups_are_planned_once_per_kind_and_move_on() {
    let mut ws = workspace();
    ws.follow_ups.clear();
    let a = nip(&ws, 8);
    let kind = FollowUpKind::Mentoring {
        mentor: nip(&ws, 9),
    };
    let plan = |on: &str| Edit::PlanFollowUp {
        asn: a.clone(),
        kind: kind.clone(),
        planned_on: Date::parse_iso(on).unwrap(),
    };
    ok(&mut ws, plan("2026-12-01"));
    let done = ok(
        &mut ws,
        Edit::SetFollowUpStatus {
            asn: a.clone(),
            kind: kind.clone(),
            status: FollowUpStatus::InProgress,
        },
    );
    assert_eq!(done.action, "follow_up.status");
    assert_eq!(ws.follow_ups[0].status, FollowUpStatus::InProgress);
    ok(&mut ws, plan("2026-12-02"));
    assert_eq!(ws.follow_ups.len(), 1, "planning again replaces");
    assert_eq!(ws.follow_ups[0].status, FollowUpStatus::Planned);
    refused(
        &ws,
        Edit::SetFollowUpStatus {
            asn: nip(&ws, 10),
            kind,
            status: FollowUpStatus::Done,
        },
        EditError::UnknownFollowUp(nip(&ws, 10)),
    );
}

#[test]
fn scenarios_are_duplicated_and_deleted_but_never_the_last() {
    let mut ws = workspace();
    let id = scenario(&ws);
    let n = round(&ws).scenarios.len();
    let done = ok(
        &mut ws,
        Edit::DuplicateScenario {
            id: id.clone(),
            name: "Salinan".into(),
        },
    );
    let new_id = done.new_scenario.expect("the copy's id");
    let copy = round(&ws)
        .scenarios
        .iter()
        .find(|s| s.id == new_id)
        .unwrap();
    let source = &round(&ws).scenarios[0];
    assert_eq!(copy.name, "Salinan");
    assert_eq!(
        (&copy.weights, &copy.rules, copy.mode),
        (&source.weights, &source.rules, source.mode)
    );
    assert_eq!(round(&ws).scenarios.len(), n + 1);
    ok(
        &mut ws,
        Edit::DuplicateScenario {
            id: id.clone(),
            name: "Dua".into(),
        },
    );
    let ids: Vec<&str> = round(&ws).scenarios.iter().map(|s| s.id.as_str()).collect();
    let mut unique = ids.clone();
    mutasi_planner::core::sort::sort(&mut unique);
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "ids stay unique: {ids:?}");

    ok(&mut ws, Edit::DeleteScenario { id: new_id.clone() });
    refused(
        &ws,
        Edit::DeleteScenario { id: new_id.clone() },
        EditError::UnknownScenario(new_id),
    );
    while round(&ws).scenarios.len() > 1 {
        let id = round(&ws).scenarios[0].id.clone();
        ok(&mut ws, Edit::DeleteScenario { id });
    }
    let last = scenario(&ws);
    refused(
        &ws,
        Edit::DeleteScenario { id: last },
        EditError::LastScenario,
    );
}

#[test]
fn rounds_and_scenarios_are_created_renamed_and_named() {
    let mut ws = workspace();
    let tmt = Date::new(2027, 4, 1).unwrap();
    let rounds = ws.rounds.len();
    refused(
        &ws,
        Edit::NewRound {
            name: "  ".into(),
            effective_date: tmt,
        },
        EditError::NameRequired,
    );
    let done = ok(
        &mut ws,
        Edit::NewRound {
            name: " Mutasi April 2027 ".into(),
            effective_date: tmt,
        },
    );
    assert_eq!(done.action, "round.new");
    assert_eq!(ws.rounds.len(), rounds + 1);
    // The new round is the open one, empty, with one standard scenario.
    let r = round(&ws);
    assert_eq!(
        (r.name.as_str(), r.effective_date),
        ("Mutasi April 2027", tmt)
    );
    assert!(r.openings.is_empty() && r.decisions.is_empty());
    assert_eq!(r.scenarios, vec![Scenario::standard("s1", "Seimbang")]);
    assert_eq!(done.new_scenario.as_deref(), Some("s1"));
    assert_eq!(r.procedure.status, RoundStatus::Draf);
    assert_ne!(r.id, ws.rounds[rounds - 1].id);

    let done = ok(
        &mut ws,
        Edit::NewScenario {
            name: "Jarak dekat".into(),
        },
    );
    let id = done.new_scenario.unwrap();
    assert_eq!(round(&ws).scenarios.len(), 2);
    assert_eq!(
        round(&ws).scenarios[1],
        Scenario::standard(id.clone(), "Jarak dekat")
    );
    ok(
        &mut ws,
        Edit::RenameScenario {
            id: id.clone(),
            name: "Dekat rumah".into(),
        },
    );
    assert_eq!(round(&ws).scenarios[1].name, "Dekat rumah");
    refused(
        &ws,
        Edit::RenameScenario {
            id: "s9".into(),
            name: "X".into(),
        },
        EditError::UnknownScenario("s9".into()),
    );
    refused(
        &ws,
        Edit::NewScenario { name: "".into() },
        EditError::NameRequired,
    );
    let later = Date::new(2027, 5, 1).unwrap();
    ok(
        &mut ws,
        Edit::SetRound {
            name: "Mutasi Mei 2027".into(),
            effective_date: later,
        },
    );
    assert_eq!(
        (round(&ws).name.as_str(), round(&ws).effective_date),
        ("Mutasi Mei 2027", later)
    );
    // Nothing to plan without rounds: a first round starts one.
    let mut empty = without_rounds(&ws);
    ok(
        &mut empty,
        Edit::NewRound {
            name: "Putaran pertama".into(),
            effective_date: tmt,
        },
    );
    assert_eq!(empty.rounds.len(), 1);
    assert_eq!(empty.rounds[0].id, "putaran-1");
}

#[test]
fn a_new_round_waits_for_the_open_one_to_leave_review() {
    let mut ws = workspace();
    let id = scenario(&ws);
    ok(
        &mut ws,
        Edit::Publish {
            scenario: id,
            reason: None,
            at: "2026-12-01T10:00:00Z".into(),
        },
    );
    let new = Edit::NewRound {
        name: "Berikutnya".into(),
        effective_date: Date::new(2027, 4, 1).unwrap(),
    };
    refused(
        &ws,
        new.clone(),
        EditError::RoundInProgress(RoundStatus::Sosialisasi),
    );
    // A published round's name and TMT are frozen too.
    refused(
        &ws,
        Edit::SetRound {
            name: "Lain".into(),
            effective_date: Date::new(2027, 4, 1).unwrap(),
        },
        EditError::Frozen(RoundStatus::Sosialisasi),
    );
    ok(
        &mut ws,
        Edit::StepBack {
            reason: "Perlu diubah".into(),
            at: "2026-12-02T10:00:00Z".into(),
        },
    );
    ok(&mut ws, new);
}

#[test]
fn comments_are_added_accepted_and_rejected_once() {
    let mut ws = workspace();
    let a = nip(&ws, 12);
    let add = |text: &str| Edit::AddComment {
        asn: a.clone(),
        author: CommentAuthor::Asn,
        from: "Yang bersangkutan".into(),
        text: text.into(),
        request: DecisionAction::Stay,
        at: "t".into(),
    };
    refused(&ws, add("  "), EditError::Comment(CommentError::EmptyText));
    let first = ok(&mut ws, add("Orang tua sakit"));
    assert_eq!(first.action, "comment.add");
    assert!(first.detail.starts_with("#"), "{}", first.detail);
    let id = |ws: &Workspace, k: usize| round(ws).participation.comments[k].id;
    ok(&mut ws, add("Mohon dipertimbangkan"));
    let (one, two) = (id(&ws, 0), id(&ws, 1));
    refused(
        &ws,
        Edit::RejectComment {
            id: two,
            reason: " ".into(),
            at: "t".into(),
        },
        EditError::Comment(CommentError::EmptyReason),
    );
    let done = ok(
        &mut ws,
        Edit::AcceptComment {
            id: one,
            note: "disetujui".into(),
            at: "t2".into(),
        },
    );
    assert_eq!(
        (done.action, done.reason.as_deref()),
        ("comment.accept", Some("disetujui"))
    );
    let decision = round(&ws).decisions.iter().find(|d| d.asn == a).unwrap();
    assert_eq!(
        decision.action,
        DecisionAction::Stay,
        "the request became the decision"
    );
    refused(
        &ws,
        Edit::AcceptComment {
            id: one,
            note: String::new(),
            at: "t3".into(),
        },
        EditError::Comment(CommentError::AlreadyResolved(one)),
    );
    ok(
        &mut ws,
        Edit::RejectComment {
            id: two,
            reason: "formasi terisi".into(),
            at: "t4".into(),
        },
    );
    assert_eq!(
        round(&ws).participation.comments[1].status,
        CommentStatus::Rejected
    );
    refused(
        &ws,
        Edit::RejectComment {
            id: 99,
            reason: "x".into(),
            at: "t".into(),
        },
        EditError::Comment(CommentError::UnknownComment(99)),
    );
}

#[test]
fn imports_apply_only_what_can_be_applied() {
    let mut ws = workspace();
    let a = nip(&ws, 20);
    let text = format!("NIP;TAHUN;PREDIKAT\n{a};2031;Sangat Baik\n");
    let sheet = sheet::read("kinerja.csv", text.as_bytes()).unwrap();
    let kind = ImportKind::Performance;
    let analysis = analyse(kind, &sheet, &guess_mapping(kind, &sheet), &ws);
    let done = ok(&mut ws, Edit::ImportSheet(Box::new(analysis)));
    assert_eq!(done.action, "import_sheet");
    assert!(
        done.detail
            .contains("kinerja.csv: new 1, update 0, invalid 0"),
        "{}",
        done.detail
    );
    assert_eq!(ws.asn[20].latest_predikat(), Some(Predikat::SangatBaik));

    let empty = sheet::read(
        "kosong.csv",
        b"NIP;TAHUN;PREDIKAT\n198001012005011001;2031;Baik\n",
    )
    .unwrap();
    let nothing = analyse(kind, &empty, &guess_mapping(kind, &empty), &ws);
    refused(
        &ws,
        Edit::ImportSheet(Box::new(nothing)),
        EditError::Nothing,
    );
    let unmapped = sheet::read("lain.csv", b"A;B\n1;2\n").unwrap();
    let blocked = analyse(kind, &unmapped, &guess_mapping(kind, &unmapped), &ws);
    assert!(!blocked.blocking.is_empty());
    refused(
        &ws,
        Edit::ImportSheet(Box::new(blocked)),
        EditError::ImportBlocked,
    );

    let b = &ws.asn[21];
    let wish = Preference {
        target: PreferenceTarget::Regency(Regency::Tebo),
        reason: PreferenceReason::Family,
        note: String::new(),
    };
    let card = PreferenceCard::new(
        &round(&ws).id,
        b.nip.as_str(),
        &b.name,
        "2026-12-01T08:00:00Z",
        vec![wish.clone()],
    );
    let import = import_cards(
        &ws,
        &[("k.json".into(), write_card(&card))],
        "2026-12-02T00:00:00Z",
    );
    let done = ok(&mut ws, Edit::ImportCards(Box::new(import)));
    assert_eq!(done.detail, format!("1 cards: {}", ws.asn[21].nip));
    assert_eq!(ws.asn[21].preferences, vec![wish]);
    let none = import_cards(
        &ws,
        &[("rusak.json".into(), "{".into())],
        "2026-12-02T00:00:00Z",
    );
    refused(&ws, Edit::ImportCards(Box::new(none)), EditError::Nothing);
}

#[test]
fn a_position_is_corrected_audited_and_refused_while_published() {
    let mut ws = workspace();
    let i = ws
        .positions
        .iter()
        .position(|p| p.kind == PositionType::Pelaksana)
        .unwrap();
    let mut fixed = ws.positions[i].clone();
    ws.positions[i].review = true;
    fixed.kind = PositionType::Pengawas;
    fixed.need = 1;
    fixed.min_golongan = Some(Golongan::IIIb);
    let done = ok(&mut ws, Edit::SetPosition(Box::new(fixed.clone())));
    assert_eq!(done.action, "position");
    assert!(
        done.detail.starts_with(&format!("{}: ", fixed.id.0)),
        "{}",
        done.detail
    );
    assert!(
        done.detail.contains("kind \"pelaksana\" → \"pengawas\""),
        "{}",
        done.detail
    );
    let now = &ws.positions[i];
    assert_eq!(
        (now.kind, now.need, now.review),
        (PositionType::Pengawas, 1, false)
    );
    assert_eq!(now.min_golongan, Some(Golongan::IIIb));

    // A unit of another agency, a need of 0, no name: refused, unchanged.
    let other_unit = ws
        .agencies
        .iter()
        .find(|a| a.id != fixed.agency)
        .unwrap()
        .units[0]
        .id
        .clone();
    let mut bad = fixed.clone();
    bad.unit = other_unit.clone();
    refused(
        &ws,
        Edit::SetPosition(Box::new(bad)),
        EditError::UnknownUnit(other_unit),
    );
    let mut bad = fixed.clone();
    bad.need = 0;
    refused(
        &ws,
        Edit::SetPosition(Box::new(bad)),
        EditError::NeedOutOfRange(0),
    );
    let mut bad = fixed.clone();
    bad.id = PositionId("tidak.ada".into());
    refused(
        &ws,
        Edit::SetPosition(Box::new(bad)),
        EditError::UnknownPosition(PositionId("tidak.ada".into())),
    );

    // Published: the data a frozen version read stays as it was.
    let id = scenario(&ws);
    ok(
        &mut ws,
        Edit::Publish {
            scenario: id,
            reason: None,
            at: "2026-12-01T10:00:00Z".into(),
        },
    );
    let mut later = ws.positions[i].clone();
    later.need = 2;
    refused(
        &ws,
        Edit::SetPosition(Box::new(later)),
        EditError::Frozen(RoundStatus::Sosialisasi),
    );
}

#[test]
fn correcting_a_positions_type_changes_who_may_move_there() {
    use mutasi_planner::core::engine::{self, model::RoundInput};
    let mut ws = generate(&DemoConfig {
        asn: 600,
        seed: 3,
        ..DemoConfig::default()
    });
    let plan = |ws: &Workspace| {
        let round = ws.open_round().unwrap();
        engine::plan(&RoundInput {
            ws,
            round,
            scenario: &round.scenarios[0],
        })
        .unwrap()
    };
    let before = plan(&ws);
    // A pelaksana post that the plan fills by a lateral move.
    let (row, p) = (0..before.row_count())
        .filter(|&r| before.moved(r))
        .filter_map(|r| Some((r, before.destination(r)?)))
        .find(|&(_, p)| ws.positions[p].kind == PositionType::Pelaksana)
        .expect("a pelaksana move");
    // It was an administrator post all along: a pelaksana may not take it.
    let mut fixed = ws.positions[p].clone();
    fixed.kind = PositionType::Administrator;
    fixed.need = 1;
    ok(&mut ws, Edit::SetPosition(Box::new(fixed)));
    let after = plan(&ws);
    let person = before.person(row);
    let now = after
        .row_of_person(person)
        .and_then(|r| after.destination(r));
    assert_ne!(
        now,
        Some(p),
        "the pelaksana is no longer sent to an administrator post"
    );
    assert!(after
        .model
        .candidates
        .get(&p)
        .is_none_or(|list| list.iter().all(|c| {
            let from = after.current(c.row).map(|q| ws.positions[q].kind);
            from == Some(PositionType::Administrator)
        })));
}
