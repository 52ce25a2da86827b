//! The plan views the result pages render (src/core/engine/view.rs), checked
//! against the plan itself on the demo.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::rounds::{demo, open_round};
use mutasi_planner::core::engine::model::RoundInput;
use mutasi_planner::core::engine::view::{self, MoveFilter};
use mutasi_planner::core::engine::{self, Plan};
use mutasi_planner::core::model::*;
use mutasi_planner::core::move_class::MoveClass;

fn planned(ws: &Workspace) -> Plan {
    let round = open_round(ws);
    engine::plan(&RoundInput {
        ws,
        round,
        scenario: &round.scenarios[0],
    })
    .unwrap()
}

#[test]
fn moves_and_stays_split_the_round_and_filters_keep_what_they_name() {
    let ws = demo(600, 3);
    let plan = planned(&ws);
    let moves = view::moves(&ws, &plan);
    let stays = view::stays(&plan);
    assert!(!moves.is_empty());
    assert_eq!(moves.len() + stays.len(), plan.row_count());
    assert_eq!(moves.len(), plan.metrics.moves);
    for m in &moves {
        assert!(plan.moved(m.row) && !stays.contains(&m.row));
        assert_eq!(Some(m.to), plan.destination(m.row));
        assert_eq!(m.asn, plan.person(m.row));
        assert_eq!(ws.positions[m.to].agency, m.to_agency);
        assert!(
            matches!(m.class, MoveClass::Lateral | MoveClass::JptRotation),
            "{m:?}"
        );
    }
    // Listed in the file's order of the people (rows follow the canonical
    // order, which the file does not decide).
    let people: Vec<usize> = moves.iter().map(|m| m.asn).collect();
    let mut sorted = people.clone();
    mutasi_planner::core::sort::sort(&mut sorted);
    assert_eq!(people, sorted, "the file's order");

    let first = &moves[0];
    let by_agency = MoveFilter {
        agency: Some(first.to_agency.clone()),
        ..MoveFilter::default()
    };
    let kept: Vec<&view::MoveRow> = moves.iter().filter(|m| by_agency.keeps(m)).collect();
    assert!(kept.contains(&first));
    assert!(kept.iter().all(|m| m.to_agency == first.to_agency));
    assert!(
        kept.len() < moves.len(),
        "the demo moves into several agencies"
    );
    let all_three = MoveFilter {
        agency: Some(first.to_agency.clone()),
        seat: Some(first.to_seat),
        kind: Some(first.kind),
    };
    assert!(all_three.keeps(first));
    let other_seat = Regency::ALL
        .into_iter()
        .find(|r| *r != first.to_seat)
        .unwrap();
    assert!(!MoveFilter {
        seat: Some(other_seat),
        ..all_three.clone()
    }
    .keeps(first));
    assert!(moves.iter().all(|m| MoveFilter::default().keeps(m)));
}

#[test]
fn vacancies_are_the_empty_slots_of_the_openings() {
    let ws = demo(600, 3);
    let plan = planned(&ws);
    let round = open_round(&ws);
    let slots: usize = round
        .openings
        .iter()
        .filter(|o| {
            ws.positions
                .iter()
                .find(|p| p.id == o.position)
                .is_some_and(|p| p.kind.family() != PositionFamily::Jpt)
        })
        .map(|o| o.slots as usize)
        .sum();
    let vacant = view::vacancies(&plan);
    assert_eq!(vacant.len() + plan.metrics.openings_filled, slots);
    for v in &vacant {
        let opening = round
            .openings
            .iter()
            .find(|o| o.position == ws.positions[v.position].id)
            .expect("a vacancy is an opening");
        assert_eq!(opening.priority, v.priority);
    }
}

#[test]
fn outcome_swap_and_the_explanation_lists_name_the_right_people() {
    let ws = demo(600, 3);
    let plan = planned(&ws);
    let moves = view::moves(&ws, &plan);
    let (a, b) = (&moves[0], &moves[1]);
    let (nip, to) = view::outcome(&ws, &plan, a.row);
    assert_eq!(nip, ws.asn[a.asn].nip);
    assert_eq!(to, Some(ws.positions[a.to].id.clone()));
    assert_eq!(plan.row_of(&ws, nip.as_str()), Some(a.row));

    let other = ws.asn[b.asn].nip.to_string();
    let [first, second] = view::swap(&ws, &plan, a.row, &other).unwrap();
    assert_eq!(
        first,
        (ws.asn[a.asn].nip.clone(), ws.positions[b.to].id.clone())
    );
    assert_eq!(
        second,
        (ws.asn[b.asn].nip.clone(), ws.positions[a.to].id.clone())
    );
    assert_eq!(
        view::swap(&ws, &plan, a.row, nip.as_str()),
        None,
        "not with oneself"
    );
    assert_eq!(view::swap(&ws, &plan, a.row, "198001012005011001"), None);

    let options = view::options(&plan, a.row);
    assert!(
        options.contains(&a.to),
        "the destination is one of the options"
    );
    let round = open_round(&ws);
    let input = RoundInput {
        ws: &ws,
        round,
        scenario: &round.scenarios[0],
    };
    for (who, _) in view::competitors(&input, &plan, a.row, 6) {
        assert_ne!(who, a.asn);
    }
    let refused = view::refused_openings(&input, &plan, a.row, 6);
    assert!(refused.len() <= 6);
    for (p, why) in &refused {
        assert!(!why.is_empty());
        assert!(!options.contains(p), "a refused opening is not an option");
    }
}

#[test]
fn a_stable_plan_shows_each_moves_phase_and_each_participants_points_per_wish() {
    let ws = demo(600, 3);
    let round = open_round(&ws);
    let mut scenario = round.scenarios[0].clone();
    scenario.mode = engine::Mode::Stable;
    scenario.stable.points.per_year_in_position = 10;
    let plan = engine::plan(&RoundInput {
        ws: &ws,
        round,
        scenario: &scenario,
    })
    .unwrap();
    let moves = view::moves(&ws, &plan);
    assert!(moves
        .iter()
        .all(|m| m.phase == plan.phase(m.row) && m.phase.is_some()));
    let wishes = moves
        .iter()
        .filter(|m| m.phase == Some(engine::stable::Phase::Wishes))
        .count();
    assert_eq!(wishes, plan.metrics.phases.as_ref().unwrap().wish_moves);
    assert!(wishes > 0);
    let mut granted = 0;
    for row in 0..plan.row_count() {
        let list = view::wish_points(&ws, &plan, row);
        if !plan.model.participant[row] {
            assert!(list.is_empty());
            continue;
        }
        // In the person's order: their wishes ascending.
        assert!(list.windows(2).all(|w| w[0].wish <= w[1].wish));
        for w in &list {
            let asn = &ws.asn[plan.person(row)];
            let years = asn
                .months_in_position(round.effective_date)
                .map_or(0, |m| (m / 12).min(10)) as i64;
            assert_eq!(w.points.years, years * 10);
            assert_eq!(w.points.total(), w.points.fit + w.points.years);
        }
        let shown = list.iter().filter(|w| w.granted).count();
        assert!(shown <= 1);
        if plan.phase(row) == Some(engine::stable::Phase::Wishes) {
            assert_eq!(shown, 1, "a phase-1 mover's wish is marked granted");
        }
        granted += shown;
    }
    assert!(granted >= wishes);
}

#[test]
fn the_meeting_agenda_lists_each_move_objection_and_decision_under_one_agency() {
    use mutasi_planner::core::engine::agenda::agenda;
    use mutasi_planner::core::engine::report::{outcomes_by, Grouping};
    use mutasi_planner::core::participation::{add_comment, reject_comment};
    let mut ws = demo(600, 3);
    let agency_of = |ws: &Workspace, a: usize| -> usize {
        let p = &ws.asn[a].position.as_ref().unwrap().position;
        let p = ws.positions.iter().find(|x| &x.id == p).unwrap();
        ws.agencies.iter().position(|g| g.id == p.agency).unwrap()
    };
    // An open objection, a rejected one, and a manual decision.
    let (objecting, rejected, decided) = (11, 12, 13);
    let at = "2026-12-02T09:00:00Z";
    let mut ids = Vec::new();
    for a in [objecting, rejected] {
        let nip = ws.asn[a].nip.clone();
        let round = ws.open_round_mut().unwrap();
        ids.push(
            add_comment(
                round,
                nip,
                CommentAuthor::Asn,
                "ASN",
                "Mohon tetap",
                DecisionAction::Stay,
                at,
            )
            .unwrap(),
        );
    }
    let round = ws.open_round_mut().unwrap();
    reject_comment(round, ids[1], "Kebutuhan organisasi", at).unwrap();
    let nip = ws.asn[decided].nip.clone();
    ws.open_round_mut().unwrap().decide(Decision {
        asn: nip,
        action: DecisionAction::Stay,
        reason: "Keputusan rapat".into(),
        at: at.into(),
        comment: None,
    });
    let plan = planned(&ws);
    let round = open_round(&ws);
    let a = agenda(&ws, round, &plan);
    // Every move once, under its destination agency.
    let moves = view::moves(&ws, &plan);
    let listed: usize = a.agencies.iter().map(|g| g.moves.len()).sum();
    assert_eq!(listed, moves.len());
    for g in &a.agencies {
        for m in &g.moves {
            assert_eq!(ws.agencies[g.agency].id, m.to_agency);
        }
    }
    // Leaving: the moves out of an agency into another.
    let between = moves
        .iter()
        .filter(|m| m.from.map(|p| &ws.positions[p].agency) != Some(&m.to_agency))
        .count();
    assert_eq!(a.agencies.iter().map(|g| g.leaving).sum::<usize>(), between);
    // Only the open objection, under the person's agency; the decision too.
    let objections: Vec<(usize, u32)> = a
        .agencies
        .iter()
        .flat_map(|g| g.objections.iter().map(move |id| (g.agency, *id)))
        .collect();
    assert_eq!(objections, vec![(agency_of(&ws, objecting), ids[0])]);
    let decisions: Vec<(usize, usize)> = a
        .agencies
        .iter()
        .flat_map(|g| g.decisions.iter().map(move |i| (g.agency, *i)))
        .collect();
    assert_eq!(decisions, vec![(agency_of(&ws, decided), 0)]);
    // The fairness lines are the report's, and the summary covers everyone.
    let by_agency = outcomes_by(&ws, &plan, Grouping::Agency);
    for g in &a.agencies {
        let line = g.fairness.as_ref().unwrap();
        assert_eq!(line.group, ws.agencies[g.agency].short_name);
        assert!(by_agency.contains(line));
    }
    let people: usize = a.by_gender.iter().map(|o| o.people).sum();
    assert_eq!(people, plan.model.rows.len());
    assert_eq!(
        a.by_golongan.iter().map(|o| o.people).sum::<usize>(),
        people
    );
    // Agencies with nothing to discuss are left out; the rest keep
    // workspace order.
    assert!(a.agencies.windows(2).all(|w| w[0].agency < w[1].agency));
    assert!(a.agencies.iter().all(|g| !g.moves.is_empty()
        || g.leaving > 0
        || !g.objections.is_empty()
        || !g.decisions.is_empty()));
}

#[test]
fn why_not_answers_for_anyone_a_search_names_by_nip_or_name() {
    let ws = demo(600, 3);
    let plan = planned(&ws);
    let round = open_round(&ws);
    let input = RoundInput {
        ws: &ws,
        round,
        scenario: &round.scenarios[0],
    };
    let m = view::moves(&ws, &plan)
        .into_iter()
        .find(|m| view::competitors(&input, &plan, m.row, 6).len() >= 2)
        .expect("a move with competitors");
    let me = &ws.asn[m.asn];

    // A competitor found by NIP gets the same answer as in the fixed list.
    let (rival, why) = view::competitors(&input, &plan, m.row, 6).remove(1);
    let found = view::why_not_search(&input, &plan, m.row, ws.asn[rival].nip.as_str(), 10);
    assert_eq!(found, vec![(rival, why)]);

    // Someone far down or outside the candidate list is answered too.
    let listed: Vec<usize> = view::competitors(&input, &plan, m.row, 6)
        .into_iter()
        .map(|(a, _)| a)
        .collect();
    let outsider = (0..ws.asn.len())
        .find(|&a| {
            a != m.asn && !listed.contains(&a) && ws.asn[a].name.split_whitespace().count() >= 2
        })
        .unwrap();
    let name = ws.asn[outsider].name.to_uppercase();
    let found = view::why_not_search(&input, &plan, m.row, &name, 10);
    let (a, why) = found
        .iter()
        .find(|(a, _)| *a == outsider)
        .expect("every word of the name matches, in any case");
    assert_eq!(
        *why,
        mutasi_planner::core::engine::explain::why_not(&input, &plan, *a, m.to)
    );
    assert!(found.iter().all(|(a, _)| {
        let n = ws.asn[*a].name.to_lowercase();
        name.to_lowercase()
            .split_whitespace()
            .all(|w| n.contains(w))
    }));

    // A NIP prefix finds many, by name, at most n; the person is never
    // compared with themself; a blank query finds no one.
    let prefix = &me.nip.as_str()[..2];
    let many = view::why_not_search(&input, &plan, m.row, prefix, 5);
    assert_eq!(many.len(), 5);
    assert!(many
        .iter()
        .all(|(a, _)| *a != m.asn && ws.asn[*a].nip.as_str().contains(prefix)));
    let names: Vec<String> = many
        .iter()
        .map(|(a, _)| ws.asn[*a].name.to_lowercase())
        .collect();
    let mut sorted = names.clone();
    mutasi_planner::core::sort::sort(&mut sorted);
    assert_eq!(names, sorted);
    assert!(view::why_not_search(&input, &plan, m.row, me.nip.as_str(), 5).is_empty());
    assert!(view::why_not_search(&input, &plan, m.row, "  ", 5).is_empty());

    // Someone who stays has no competition to explain.
    let stay = view::stays(&plan)[0];
    assert!(view::why_not_search(&input, &plan, stay, prefix, 5).is_empty());
}
