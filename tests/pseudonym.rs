//! Pseudonymised sharing: no name or NIP survives, birth dates are
//! coarsened, the file imports, and every scenario plans exactly the same.
#![cfg(not(target_arch = "wasm32"))]

use mutasi_planner::core::demo::jambi_demo;
use mutasi_planner::core::engine::model::RoundInput;
use mutasi_planner::core::engine::plan;
use mutasi_planner::core::io::plan_file;
use mutasi_planner::core::io::pseudonym::pseudonymise;
use mutasi_planner::core::model::*;
use mutasi_planner::core::participation::add_comment;
use std::collections::{BTreeSet, HashMap};

fn moves(ws: &Workspace, round: &Round, s: &Scenario) -> (BTreeSet<(String, String)>, i64) {
    let p = plan(&RoundInput {
        ws,
        round,
        scenario: s,
    })
    .unwrap();
    let set = (0..p.model.rows.len())
        .filter(|&r| p.moved(r))
        .map(|r| {
            let to = p.model.slots[p.slot_of_row[r]].position.unwrap();
            (
                ws.asn[p.model.rows[r].asn].nip.as_str().to_string(),
                ws.positions[to].id.0.clone(),
            )
        })
        .collect();
    (set, p.metrics.objective)
}

#[test]
fn pseudonyms_hide_people_and_keep_every_plan() {
    let mut ws = jambi_demo();
    // Personal data in free text and references, to be scrubbed.
    let victim = ws.asn[7].clone();
    let round = ws.open_round_mut().unwrap();
    add_comment(
        round,
        victim.nip.clone(),
        CommentAuthor::Asn,
        &victim.name,
        &format!(
            "Saya {} (NIP {}) mohon tetap",
            victim.name,
            victim.nip.spaced()
        ),
        DecisionAction::Stay,
        "2026-11-28T09:00:00Z",
    )
    .unwrap();
    round.decisions.push(Decision {
        asn: victim.nip.clone(),
        action: DecisionAction::Stay,
        reason: format!("Permintaan {}", victim.name),
        at: "t".into(),
        comment: None,
    });
    ws.audit.push(AuditEntry {
        at: "t".into(),
        action: "decision".into(),
        detail: format!("{} {}", victim.nip, victim.name),
        reason: None,
    });

    let (pseudo, report) = pseudonymise(&ws, 42);
    assert_eq!(report.people, ws.asn.len());
    assert_eq!(pseudonymise(&ws, 42).0, pseudo, "same seed, same file");
    assert_ne!(pseudonymise(&ws, 43).0.asn[0].name, pseudo.asn[0].name);

    let text = plan_file::write(&pseudo, "2026-11-28T00:00:00Z");
    for a in &ws.asn {
        assert!(!text.contains(a.nip.as_str()), "NIP {} leaked", a.nip);
        if a.name.len() > 6 {
            assert!(!text.contains(&a.name), "name {} leaked", a.name);
        }
    }
    // Birth dates coarsened: 1 January, or day 1 where the month must stay.
    assert!(pseudo.asn.iter().all(|a| a.birth_date.day() == 1));
    let january = pseudo
        .asn
        .iter()
        .filter(|a| a.birth_date.month() == 1)
        .count();
    assert!(january >= pseudo.asn.len() - report.kept_birth_month);
    assert!(
        report.kept_birth_month < pseudo.asn.len() / 10,
        "{report:?}"
    );
    // Same person, same pseudonym: references point at existing people.
    let nips: std::collections::HashSet<&Nip> = pseudo.asn.iter().map(|a| &a.nip).collect();
    assert_eq!(nips.len(), pseudo.asn.len(), "pseudonymous NIPs are unique");
    assert!(pseudo.moves.iter().all(|m| nips.contains(&m.asn)));
    let pr = pseudo.open_round().unwrap();
    assert!(pr.participation.comments[0]
        .text
        .contains(&pseudo.asn[7].name));
    assert!(pr.participation.comments[0]
        .text
        .contains(&pseudo.asn[7].nip.spaced()));

    // The file imports, validated, like any plan file.
    let back = plan_file::read(&text).unwrap();
    assert_eq!(back.workspace, pseudo);

    // Every scenario of every round plans the same moves and objective.
    let map: HashMap<String, String> = ws
        .asn
        .iter()
        .zip(&pseudo.asn)
        .map(|(a, b)| (a.nip.as_str().to_string(), b.nip.as_str().to_string()))
        .collect();
    for (r, pr) in ws.rounds.iter().zip(&pseudo.rounds) {
        for (s, ps) in r.scenarios.iter().zip(&pr.scenarios) {
            let (original, objective) = moves(&ws, r, s);
            let (renamed, pseudo_objective) = moves(&pseudo, pr, ps);
            let mapped: BTreeSet<(String, String)> = original
                .into_iter()
                .map(|(n, p)| (map[&n].clone(), p))
                .collect();
            assert_eq!(mapped, renamed, "round {} scenario {}", r.id, s.id);
            assert_eq!(objective, pseudo_objective);
        }
    }
}
