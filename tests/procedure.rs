//! A round's procedure (issue 14, src/core/procedure.rs): the transitions
//! from Draf to SK terbit and their refusals, what a frozen round still
//! lets change, new versions with a reason, fingerprints that survive an
//! export and an import and change with any input, and the move records a
//! decree creates.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::edits::{ok, refused};

use mutasi_planner::core::date::Date;
use mutasi_planner::core::demo::{generate, DemoConfig};
use mutasi_planner::core::edit::{Edit, EditError};
use mutasi_planner::core::engine::verify::verify;
use mutasi_planner::core::io::plan_file;
use mutasi_planner::core::model::*;
use mutasi_planner::core::procedure::{self, short};

const AT: &str = "2026-12-02T09:00:00Z";

fn workspace() -> Workspace {
    generate(&DemoConfig {
        asn: 300,
        seed: 9,
        ..DemoConfig::default()
    })
}

fn round(ws: &Workspace) -> &Round {
    ws.open_round().unwrap()
}

fn status(ws: &Workspace) -> RoundStatus {
    round(ws).procedure.status
}

fn scenario(ws: &Workspace) -> String {
    round(ws).scenarios[0].id.clone()
}

fn publish(ws: &Workspace, reason: Option<&str>) -> Edit {
    Edit::Publish {
        scenario: scenario(ws),
        reason: reason.map(str::to_string),
        at: AT.into(),
    }
}

fn review() -> Edit {
    Edit::StartReview {
        members: vec!["Sekda (ketua)".into(), "Kepala BKD (sekretaris)".into()],
        meeting: Date::new(2026, 12, 10).unwrap(),
        at: AT.into(),
    }
}

/// An edit of the settings (an opening's slots) and a manual decision.
fn settings_edit(ws: &Workspace) -> Edit {
    let o = &round(ws).openings[0];
    Edit::SetSlots {
        position: o.position.clone(),
        slots: o.slots % 9 + 1,
    }
}

fn decision(ws: &Workspace) -> Edit {
    Edit::Decide {
        asn: ws.asn[5].nip.clone(),
        action: DecisionAction::Stay,
        reason: "Keputusan rapat".into(),
        at: AT.into(),
    }
}

#[test]
fn a_round_goes_from_draf_to_sk_terbit_and_refuses_what_its_status_forbids() {
    let mut ws = workspace();
    assert_eq!(status(&ws), RoundStatus::Draf);
    // Nothing but publishing starts from Draf.
    for (edit, from) in [
        (review(), RoundStatus::Draf),
        (
            Edit::Establish {
                scenario: scenario(&ws),
                at: AT.into(),
            },
            RoundStatus::Draf,
        ),
        (
            Edit::StepBack {
                reason: "x".into(),
                at: AT.into(),
            },
            RoundStatus::Draf,
        ),
    ] {
        refused(&ws, edit, EditError::WrongStatus(from));
    }
    let edit = publish(&ws, None);
    let done = ok(&mut ws, edit);
    assert_eq!(done.action, "round.publish");
    assert_eq!(status(&ws), RoundStatus::Sosialisasi);
    let v1 = round(&ws).procedure.current().unwrap().clone();
    assert_eq!((v1.number, v1.status), (1, RoundStatus::Sosialisasi));
    assert!(done.detail.contains(&v1.fingerprint));
    // Published: settings and decisions are frozen, comments are open.
    refused(
        &ws,
        settings_edit(&ws),
        EditError::Frozen(RoundStatus::Sosialisasi),
    );
    refused(
        &ws,
        decision(&ws),
        EditError::Frozen(RoundStatus::Sosialisasi),
    );
    ok(&mut ws, Edit::SetContact("bkd@jambiprov.go.id".into()));
    let asn = ws.asn[7].nip.clone();
    ok(
        &mut ws,
        Edit::AddComment {
            asn,
            author: CommentAuthor::Asn,
            from: "ASN".into(),
            text: "Mohon dipertimbangkan".into(),
            request: DecisionAction::Stay,
            at: AT.into(),
        },
    );
    refused(
        &ws,
        publish(&ws, None),
        EditError::WrongStatus(RoundStatus::Sosialisasi),
    );
    // The review needs its members.
    refused(
        &ws,
        Edit::StartReview {
            members: vec!["  ".into()],
            meeting: Date::new(2026, 12, 10).unwrap(),
            at: AT.into(),
        },
        EditError::MembersRequired,
    );
    ok(&mut ws, review());
    assert_eq!(status(&ws), RoundStatus::Dibahas);
    // In review: the meeting decides people, not the settings.
    let edit = decision(&ws);
    ok(&mut ws, edit);
    ok(
        &mut ws,
        Edit::SetMinutes {
            attended: vec!["Sekda (ketua)".into()],
            text: "Rapat menyetujui dengan satu perubahan.".into(),
        },
    );
    assert_eq!(
        round(&ws).procedure.review.as_ref().unwrap().attended,
        ["Sekda (ketua)"]
    );
    refused(
        &ws,
        Edit::SetMinutes {
            attended: vec!["Bukan anggota".into()],
            text: String::new(),
        },
        EditError::UnknownMember("Bukan anggota".into()),
    );
    refused(
        &ws,
        settings_edit(&ws),
        EditError::Frozen(RoundStatus::Dibahas),
    );
    let edit = Edit::Establish {
        scenario: scenario(&ws),
        at: AT.into(),
    };
    ok(&mut ws, edit);
    assert_eq!(status(&ws), RoundStatus::Ditetapkan);
    let decided = round(&ws).procedure.current().unwrap().clone();
    assert_eq!(
        (decided.number, decided.status),
        (2, RoundStatus::Ditetapkan)
    );
    assert_eq!(decided.decisions.len(), round(&ws).decisions.len());
    assert_ne!(
        decided.fingerprint, v1.fingerprint,
        "the meeting's decision is in it"
    );
    // Decided: nothing of the plan changes, and there is no way back.
    refused(
        &ws,
        decision(&ws),
        EditError::Frozen(RoundStatus::Ditetapkan),
    );
    refused(
        &ws,
        Edit::SetDeadline(None),
        EditError::Frozen(RoundStatus::Ditetapkan),
    );
    refused(
        &ws,
        Edit::StepBack {
            reason: "x".into(),
            at: AT.into(),
        },
        EditError::WrongStatus(RoundStatus::Ditetapkan),
    );
    refused(
        &ws,
        Edit::IssueDecree {
            number: " ".into(),
            date: Date::new(2026, 12, 20).unwrap(),
            at: AT.into(),
        },
        EditError::DecreeNumberRequired,
    );
    // The decree: the decided moves become move records with the TMT.
    let before = ws.moves.len();
    let tmt = round(&ws).effective_date;
    ok(
        &mut ws,
        Edit::IssueDecree {
            number: "821.2/123/BKD".into(),
            date: Date::new(2026, 12, 20).unwrap(),
            at: AT.into(),
        },
    );
    assert_eq!(status(&ws), RoundStatus::SkTerbit);
    let records = &ws.moves[before..];
    assert_eq!(records.len(), decided.result.moves.len());
    assert!(!records.is_empty());
    for (r, m) in records.iter().zip(&decided.result.moves) {
        assert_eq!((&r.asn, &r.to, r.effective), (&m.asn, &m.to, tmt));
        assert_eq!(r.round.as_deref(), Some(round(&ws).id.as_str()));
        // From where the person sits; their position itself changes with
        // the next roster import (SIASN), after the TMT.
        let person = ws.asn.iter().find(|a| a.nip == m.asn).unwrap();
        assert_eq!(
            r.from.as_ref(),
            person.position.as_ref().map(|c| &c.position)
        );
        assert_ne!(r.from.as_ref(), Some(&m.to));
    }
    assert_eq!(
        round(&ws).procedure.decree.as_ref().unwrap().number,
        "821.2/123/BKD"
    );
    // The decided version still matches the data it was computed from.
    assert!(procedure::version_matches(&ws, round(&ws), &decided));
    // Comments close with the decision; earlier versions stay readable.
    refused(
        &ws,
        Edit::SetContact("x".into()),
        EditError::Frozen(RoundStatus::SkTerbit),
    );
    assert_eq!(round(&ws).procedure.versions[0], v1);
}

#[test]
fn a_change_after_publication_is_a_new_version_with_a_reason() {
    let mut ws = workspace();
    let edit = publish(&ws, None);
    ok(&mut ws, edit);
    let v1 = round(&ws).procedure.current().unwrap().clone();
    refused(
        &ws,
        Edit::StepBack {
            reason: " ".into(),
            at: AT.into(),
        },
        EditError::ReasonRequired,
    );
    let back = ok(
        &mut ws,
        Edit::StepBack {
            reason: "Formasi Dinkes dikoreksi".into(),
            at: AT.into(),
        },
    );
    assert_eq!(
        (back.action, back.detail.as_str()),
        ("round.back", "sosialisasi → draf")
    );
    assert_eq!(status(&ws), RoundStatus::Draf);
    let edit = settings_edit(&ws);
    ok(&mut ws, edit);
    // A second version must say why.
    refused(&ws, publish(&ws, None), EditError::ReasonRequired);
    let edit = publish(&ws, Some("Formasi Dinkes dikoreksi"));
    ok(&mut ws, edit);
    let versions = &round(&ws).procedure.versions;
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0], v1, "the first version stays as it was");
    assert_eq!(versions[1].number, 2);
    assert_eq!(versions[1].reason, "Formasi Dinkes dikoreksi");
    assert_ne!(versions[1].openings, v1.openings);
    assert_ne!(versions[1].fingerprint, v1.fingerprint);
    // Dibahas goes back to Sosialisasi, not further, and forgets the review.
    ok(&mut ws, review());
    ok(
        &mut ws,
        Edit::StepBack {
            reason: "Rapat ditunda".into(),
            at: AT.into(),
        },
    );
    assert_eq!(status(&ws), RoundStatus::Sosialisasi);
    assert!(round(&ws).procedure.review.is_none());
}

#[test]
fn fingerprints_survive_export_and_import_and_change_with_any_input() {
    let mut ws = workspace();
    let edit = publish(&ws, None);
    ok(&mut ws, edit);
    let version = round(&ws).procedure.current().unwrap().clone();
    assert_eq!(version.fingerprint.len(), 64);
    assert!(procedure::version_matches(&ws, round(&ws), &version));
    assert_eq!(short(&version.fingerprint).len(), 19);
    // Through a plan file: the same fingerprint, and it still matches.
    let back = plan_file::read(&plan_file::write(&ws, AT))
        .unwrap()
        .workspace;
    let again = round(&back).procedure.current().unwrap();
    assert_eq!(again.fingerprint, version.fingerprint);
    assert!(procedure::version_matches(&back, round(&back), again));
    // Verifikasi checks it: the file's data gives the frozen fingerprint.
    let checks = verify(&back);
    assert_eq!(
        checks[0].versions,
        vec![(1, version.fingerprint.clone(), true)]
    );
    let recomputed = |ws: &Workspace| {
        let r = round(ws);
        procedure::fingerprint(ws, r, &version.scenario, &version.result)
    };
    assert_eq!(recomputed(&back), version.fingerprint);
    // Any input changes it: a person, a position, a weight, the result.
    let mut changed = back.clone();
    changed.asn[3].name.push('x');
    assert_ne!(recomputed(&changed), version.fingerprint);
    assert!(!procedure::version_matches(
        &changed,
        round(&changed),
        again
    ));
    assert_eq!(
        verify(&changed)[0].versions,
        vec![(1, version.fingerprint.clone(), false)]
    );
    let mut changed = back.clone();
    changed.positions[0].need += 1;
    assert_ne!(recomputed(&changed), version.fingerprint);
    let mut scenario = version.scenario.clone();
    scenario.weights.fit += 1;
    assert_ne!(
        procedure::fingerprint(&back, round(&back), &scenario, &version.result),
        version.fingerprint
    );
    let mut result = version.result.clone();
    result.moves.pop();
    assert_ne!(
        procedure::fingerprint(&back, round(&back), &version.scenario, &result),
        version.fingerprint
    );
    // The time of the computation is not part of it.
    let mut result = version.result.clone();
    result.computed_at = "2027-01-01T00:00:00Z".into();
    assert_eq!(
        procedure::fingerprint(&back, round(&back), &version.scenario, &result),
        version.fingerprint
    );
}

#[test]
fn the_government_names_the_signatory_and_is_fixed_once_published() {
    let mut ws = workspace();
    assert_eq!(ws.government, Government::Province);
    let tebo = Government::Regency(Regency::Tebo);
    let done = ok(&mut ws, Edit::SetGovernment(tebo));
    assert_eq!(done.detail, r#"{"level":"regency","regency":"tebo"}"#);
    assert_eq!(ws.government.ppk(), "Bupati Tebo");
    // It travels in the plan file.
    let back = plan_file::read(&plan_file::write(&ws, AT))
        .unwrap()
        .workspace;
    assert_eq!(back.government, tebo);
    let edit = publish(&ws, None);
    ok(&mut ws, edit);
    refused(
        &ws,
        Edit::SetGovernment(Government::Province),
        EditError::Frozen(RoundStatus::Sosialisasi),
    );
}

#[test]
fn a_decided_rounds_attachment_is_its_decided_version() {
    use mutasi_planner::core::engine::{self, model::RoundInput};
    use mutasi_planner::core::io::sheet_export::{decree_lines, version_decree_lines};
    let mut ws = workspace();
    let edit = publish(&ws, None);
    ok(&mut ws, edit);
    ok(&mut ws, review());
    let edit = Edit::Establish {
        scenario: scenario(&ws),
        at: AT.into(),
    };
    ok(&mut ws, edit);
    let live = |ws: &Workspace| {
        let r = round(ws);
        let plan = engine::plan(&RoundInput {
            ws,
            round: r,
            scenario: &r.scenarios[0],
        })
        .unwrap();
        decree_lines(ws, r, &plan)
    };
    let decided = round(&ws).procedure.current().unwrap().clone();
    let lines = version_decree_lines(&ws, round(&ws), &decided);
    // At the decision the attachment is the plan's.
    assert_eq!(lines, live(&ws));
    assert_eq!(lines.len(), decided.result.moves.len());
    // Whatever the live plan gives later (here: staying weighs everything),
    // the decided attachment stays.
    let mut later = ws.clone();
    later.open_round_mut().unwrap().scenarios[0]
        .weights
        .stability = 1000;
    assert!(
        live(&later).len() < lines.len() / 2,
        "the live plan changed"
    );
    assert_eq!(version_decree_lines(&later, round(&later), &decided), lines);
}

/// The demo with one agency handed to a kabupaten (as when a workspace
/// holds a kabupaten's agencies): the live plan's moves into it from the
/// province's agencies, and out of it to them, cross governments. Returns
/// the workspace and the NIPs of those moves.
fn with_a_kabupaten_agency() -> (Workspace, Vec<Nip>) {
    use mutasi_planner::core::engine::{self, model::RoundInput, view};
    let mut ws = workspace();
    let r = round(&ws);
    let plan = engine::plan(&RoundInput {
        ws: &ws,
        round: r,
        scenario: &r.scenarios[0],
    })
    .unwrap();
    let moves = view::moves(&ws, &plan);
    assert!(moves.iter().all(|m| m.crossing.is_none()));
    // The destination agency that most people enter from elsewhere.
    let from_agency = |m: &view::MoveRow| m.from.map(|p| ws.positions[p].agency.clone());
    let mut counts: std::collections::BTreeMap<AgencyId, usize> = Default::default();
    for m in &moves {
        if from_agency(m).as_ref() != Some(&m.to_agency) {
            *counts.entry(m.to_agency.clone()).or_default() += 1;
        }
    }
    let (agency, _) = counts.into_iter().max_by_key(|(_, n)| *n).unwrap();
    let crossing: Vec<Nip> = moves
        .iter()
        .filter(|m| (m.to_agency == agency) != (from_agency(m).as_ref() == Some(&agency)))
        .map(|m| ws.asn[m.asn].nip.clone())
        .collect();
    let tebo = Government::Regency(Regency::Tebo);
    ws.agencies
        .iter_mut()
        .find(|a| a.id == agency)
        .unwrap()
        .government = tebo;
    (ws, crossing)
}

fn letter(number: &str) -> Option<Letter> {
    Some(Letter {
        number: number.into(),
        date: Date::new(2026, 12, 15).unwrap(),
    })
}

#[test]
fn a_transfer_between_governments_needs_its_letters_before_the_decision() {
    use mutasi_planner::core::engine::{self, model::RoundInput, view};
    use mutasi_planner::core::io::sheet_export::{decree_csv, version_decree_lines};
    let (mut ws, crossing) = with_a_kabupaten_agency();
    assert!(!crossing.is_empty());
    // Hasil marks them: the same moves, now crossing governments one way
    // or the other.
    let r = round(&ws);
    let plan = engine::plan(&RoundInput {
        ws: &ws,
        round: r,
        scenario: &r.scenarios[0],
    })
    .unwrap();
    let marked: Vec<Nip> = view::moves(&ws, &plan)
        .into_iter()
        .filter(|m| {
            m.crossing.is_some_and(|c| {
                let tebo = Government::Regency(Regency::Tebo);
                (c.from, c.to) == (Government::Province, tebo)
                    || (c.from, c.to) == (tebo, Government::Province)
            })
        })
        .map(|m| ws.asn[m.asn].nip.clone())
        .collect();
    assert_eq!(marked, crossing);
    let edit = publish(&ws, None);
    ok(&mut ws, edit);
    ok(&mut ws, review());
    let establish = Edit::Establish {
        scenario: scenario(&ws),
        at: AT.into(),
    };
    refused(&ws, establish.clone(), EditError::Unclear(crossing.clone()));
    // A letter needs its number; an unknown person is refused.
    let first = crossing[0].clone();
    refused(
        &ws,
        Edit::SetClearance {
            asn: first.clone(),
            doc: ClearanceDoc::Bkn,
            letter: letter("  "),
        },
        EditError::LetterNumberRequired,
    );
    let nobody = Nip::parse("199001012015011001").unwrap();
    if !ws.asn.iter().any(|a| a.nip == nobody) {
        refused(
            &ws,
            Edit::SetClearance {
                asn: nobody.clone(),
                doc: ClearanceDoc::Bkn,
                letter: letter("1"),
            },
            EditError::UnknownAsn(nobody),
        );
    }
    // Two of three documents for everyone are not enough.
    for nip in &crossing {
        for (doc, number) in [
            (ClearanceDoc::Releasing, "800/11/BKD"),
            (ClearanceDoc::Receiving, "800/22/BKPSDM"),
        ] {
            let done = ok(
                &mut ws,
                Edit::SetClearance {
                    asn: nip.clone(),
                    doc,
                    letter: letter(number),
                },
            );
            assert_eq!(done.action, "round.clearance");
        }
    }
    refused(&ws, establish.clone(), EditError::Unclear(crossing.clone()));
    for nip in &crossing {
        ok(
            &mut ws,
            Edit::SetClearance {
                asn: nip.clone(),
                doc: ClearanceDoc::Bkn,
                letter: letter("PT-1234/BKN"),
            },
        );
    }
    // Removing one document opens the checklist again.
    ok(
        &mut ws,
        Edit::SetClearance {
            asn: first.clone(),
            doc: ClearanceDoc::Receiving,
            letter: None,
        },
    );
    refused(
        &ws,
        establish.clone(),
        EditError::Unclear(vec![first.clone()]),
    );
    ok(
        &mut ws,
        Edit::SetClearance {
            asn: first.clone(),
            doc: ClearanceDoc::Receiving,
            letter: letter("800/22/BKPSDM"),
        },
    );
    // The checklist travels in the plan file.
    let back = plan_file::read(&plan_file::write(&ws, AT))
        .unwrap()
        .workspace;
    assert_eq!(
        round(&back).procedure.clearances,
        round(&ws).procedure.clearances
    );
    assert!(round(&ws)
        .procedure
        .clearance(&first)
        .unwrap()
        .is_complete());
    ok(&mut ws, establish);
    assert_eq!(status(&ws), RoundStatus::Ditetapkan);
    // Decided: the letters are frozen with the rest.
    refused(
        &ws,
        Edit::SetClearance {
            asn: first.clone(),
            doc: ClearanceDoc::Bkn,
            letter: None,
        },
        EditError::Frozen(RoundStatus::Ditetapkan),
    );
    // The attachment lists them last, in their own section, with BKN's
    // pertimbangan teknis.
    let decided = round(&ws).procedure.current().unwrap();
    let lines = version_decree_lines(&ws, round(&ws), decided);
    let split = lines.iter().position(|l| l.crossing.is_some()).unwrap();
    assert!(lines[..split].iter().all(|l| l.crossing.is_none()));
    assert!(lines[split..].iter().all(|l| l.crossing.is_some()));
    let mut listed: Vec<&str> = lines[split..].iter().map(|l| l.nip.as_str()).collect();
    let mut expected: Vec<&str> = crossing.iter().map(|n| n.as_str()).collect();
    listed.sort_unstable();
    expected.sort_unstable();
    assert_eq!(listed, expected);
    let into_tebo = lines[split..]
        .iter()
        .find(|l| l.new_unit.contains(&tebo_agency_name(&ws)))
        .unwrap();
    assert_eq!(
        into_tebo.note(),
        format!(
            "{}; antar-instansi: Pemerintah Provinsi Jambi → Pemerintah Kabupaten Tebo; pertimbangan teknis BKN PT-1234/BKN tgl 15/12/2026",
            into_tebo.class
        )
    );
    assert!(decree_csv(&lines).contains("pertimbangan teknis BKN PT-1234/BKN"));
    // In the workbook the section has its own heading row, just before its
    // first line; the numbering runs on.
    use mutasi_planner::core::io::sheet::{self, Cell};
    use mutasi_planner::core::io::sheet_export::{decree_xlsx, CROSSING_SECTION};
    let bytes = decree_xlsx(&lines, "uji", "LAMPIRAN KEPUTUSAN GUBERNUR JAMBI", &[]).unwrap();
    let back = sheet::read("lampiran.xlsx", &bytes).unwrap();
    let section = back
        .rows
        .iter()
        .position(|r| r[0] == Cell::Text(CROSSING_SECTION.into()))
        .unwrap();
    assert_eq!(back.rows[section - 1][1].display(), lines[split - 1].nip);
    assert_eq!(back.rows[section + 1][1].display(), lines[split].nip);
    assert_eq!(back.rows[section + 1][0], Cell::Number((split + 1) as f64));
}

fn tebo_agency_name(ws: &Workspace) -> String {
    ws.agencies
        .iter()
        .find(|a| a.government == Government::Regency(Regency::Tebo))
        .unwrap()
        .name
        .clone()
}
