//! The engine worker's messages ([`wire`]): the plan read back from its
//! bytes is the plan; a worker fed the page's world deltas and requests
//! plans what the page would plan itself, after every kind of change to
//! the people, positions, agencies and competencies; a delta that does not
//! fit is refused and changes nothing; unreadable bytes are an error, never
//! a panic.
#![cfg(not(target_arch = "wasm32"))]

use mutasi_planner::core::engine::model::RoundInput;
use mutasi_planner::core::engine::wire::{
    decode_plan, encode_plan, encode_plan_in, BaseKey, EngineHost, Part, PlanReader, PlanRequest,
    WorldDelta, WorldSent,
};
use mutasi_planner::core::engine::{self, Plan, PlanError};
use mutasi_planner::core::model::*;
use proptest::prelude::*;

mod common;

fn fresh(ws: &Workspace, scenario: &str) -> Result<Plan, PlanError> {
    let round = ws.open_round().expect("an open round");
    let sc = round
        .scenarios
        .iter()
        .find(|s| s.id == scenario)
        .unwrap_or(&round.scenarios[0]);
    engine::plan(&RoundInput {
        ws,
        round,
        scenario: sc,
    })
}

fn request(ws: &Workspace, seq: u64, scenario: &str, fresh: bool) -> Vec<u8> {
    serde_json::to_vec(&PlanRequest {
        seq,
        round: ws.open_round().unwrap().clone(),
        scenario: scenario.into(),
        fresh,
    })
    .unwrap()
}

/// Sends `ws`'s world as the page would, then plans; returns the plan's
/// parts after checking its number.
fn round_trip(
    host: &mut EngineHost,
    sent: &mut WorldSent,
    ws: &Workspace,
    seq: u64,
    scenario: &str,
) -> Vec<Vec<u8>> {
    if let Some(delta) = sent.delta(ws) {
        host.world(&serde_json::to_vec(&delta).unwrap())
            .expect("the delta fits");
    }
    let (back, bytes) = host.plan(&request(ws, seq, scenario, false), None).unwrap();
    assert_eq!(back, seq);
    bytes
}

/// The key of the round a plan's bytes name.
fn key_of(parts: &[Vec<u8>]) -> u64 {
    PlanReader::new(&parts[0], None).unwrap().key().unwrap()
}

/// What the page's own plan of `ws` would be as bytes, on the round of
/// the worker's `parts`.
fn expected(ws: &Workspace, scenario: &str, parts: &[Vec<u8>]) -> Vec<Vec<u8>> {
    encode_plan(&fresh(ws, scenario), BaseKey::send(key_of(parts)))
}

#[test]
fn a_plan_read_back_from_its_bytes_is_the_plan_in_either_mode() {
    let mut ws = common::rounds::demo(400, 7);
    for mode in [MatchMode::Optimal, MatchMode::Stable] {
        ws.open_round_mut().unwrap().scenarios[0].mode = mode;
        let plan = fresh(&ws, "").unwrap();
        assert!(
            plan.model.rows.iter().any(|r| !r.overridden.is_empty())
                || !plan.model.excluded.is_empty(),
            "the demo carries rejections, which travel as JSON text"
        );
        let parts = encode_plan(&Ok(plan.clone()), BaseKey::send(7));
        let back = decode_plan(&parts, None).unwrap().unwrap();
        assert_eq!(format!("{back:?}"), format!("{plan:?}"));
        // The binary form is much smaller than the JSON one.
        let json = serde_json::to_vec(&plan).unwrap().len()
            + serde_json::to_vec(&plan.model.candidates).unwrap().len();
        let bytes: usize = parts.iter().map(Vec::len).sum();
        assert!(bytes * 3 < json, "{bytes} vs {json}");
        // In small parts: the same plan, read a part at a time.
        let small = encode_plan_in(&Ok(plan.clone()), BaseKey::send(7), 100);
        let candidates: usize = plan.model.candidates.values().map(Vec::len).sum();
        assert!(small.len() > candidates / 200, "{} parts", small.len());
        let mut reader = PlanReader::new(&small[0], None).unwrap();
        for part in &small[1..] {
            reader.read(part).unwrap();
        }
        let back = reader.finish().unwrap().unwrap();
        assert_eq!(format!("{back:?}"), format!("{plan:?}"));
        // A part read twice is refused, the round as well as candidates;
        // candidates before their round too.
        let mut reader = PlanReader::new(&small[0], None).unwrap();
        assert!(reader.read(&small[2]).is_err());
        reader.read(&small[1]).unwrap();
        assert!(reader.read(&small[1]).is_err());
        reader.read(&small[2]).unwrap();
        assert!(reader.read(&small[2]).is_err());
        // Candidates travel as their weight-free fields, the page
        // rebuilding their terms; a list with a candidate whose terms do
        // not follow from them (here a fit term one off, and a wish rank
        // too large to pack) travels whole and reads back as it was.
        let mut odd = plan.clone();
        let mut lists = odd.model.candidates.values_mut();
        lists.next().unwrap()[0].terms.fit += 1;
        lists.next().unwrap()[0].preference_rank = Some(300);
        let parts = encode_plan(&Ok(odd.clone()), BaseKey::send(7));
        assert_eq!(
            parts.len(),
            encode_plan(&Ok(plan.clone()), BaseKey::send(7)).len() + 1
        );
        let back = decode_plan(&parts, None).unwrap().unwrap();
        assert_eq!(format!("{back:?}"), format!("{odd:?}"));
    }
    let error = PlanError::Overpinned {
        asn: ws.asn[0].nip.clone(),
    };
    assert_eq!(
        decode_plan(&encode_plan(&Err(error.clone()), BaseKey::send(7)), None)
            .unwrap()
            .unwrap_err(),
        error
    );
}

#[test]
fn the_worker_plans_what_the_page_plans_after_every_change_to_the_world() {
    let mut ws = common::rounds::demo(300, 11);
    let mut host = EngineHost::default();
    let mut sent = WorldSent::default();
    let check = |host: &mut EngineHost, sent: &mut WorldSent, ws: &Workspace, what: &str| {
        let bytes = round_trip(host, sent, ws, 1, "");
        assert!(bytes == expected(ws, "", &bytes), "after {what}");
    };
    check(&mut host, &mut sent, &ws, "the first world");
    assert_eq!(host.builds(), 1);

    // Nothing changed: no delta, and the round is not built again.
    assert_eq!(sent.delta(&ws), None);
    check(&mut host, &mut sent, &ws, "nothing");
    assert_eq!(host.builds(), 1);

    type Change = Box<dyn Fn(&mut Workspace)>;
    let changes: Vec<(&str, Change)> = vec![
        (
            "a person's competency",
            Box::new(|ws| {
                let asn = &mut ws.asn[5];
                let first = asn.competencies.levels.keys().next().cloned().unwrap();
                asn.competencies.levels.insert(first, 5);
            }),
        ),
        (
            "a person's domicile",
            Box::new(|ws| ws.asn[9].domicile = Regency::Kerinci),
        ),
        (
            "a person added",
            Box::new(|ws| {
                let mut new = ws.asn[0].clone();
                new.nip = Nip::parse("199001012015031999").unwrap();
                ws.asn.push(new);
            }),
        ),
        ("a person removed", Box::new(|ws| drop(ws.asn.remove(3)))),
        (
            "a position's need",
            Box::new(|ws| ws.positions[2].need += 3),
        ),
        (
            "a position removed from the end",
            Box::new(|ws| {
                let last = ws.positions.len() - 1;
                let id = ws.positions[last].id.clone();
                let held = ws
                    .asn
                    .iter()
                    .any(|a| a.position.as_ref().is_some_and(|p| p.position == id));
                let opened = ws
                    .open_round()
                    .is_some_and(|r| r.openings.iter().any(|o| o.position == id));
                if !held && !opened {
                    ws.positions.pop();
                }
            }),
        ),
        (
            "an agency renamed",
            Box::new(|ws| ws.agencies[0].name.push_str(" (baru)")),
        ),
        (
            "a competency renamed",
            Box::new(|ws| ws.competencies[0].name.push_str(" (baru)")),
        ),
        (
            "every person changed",
            Box::new(|ws| {
                for asn in ws.asn.iter_mut() {
                    asn.own_request = !asn.own_request;
                }
            }),
        ),
    ];
    for (what, change) in changes {
        change(&mut ws);
        check(&mut host, &mut sent, &ws, what);
    }
}

#[test]
fn one_person_edited_sends_that_person_only() {
    let mut ws = common::rounds::demo(300, 11);
    let mut sent = WorldSent::default();
    let first = sent.delta(&ws).unwrap();
    assert!(first.is_whole());
    ws.asn[17].domicile = Regency::Kerinci;
    let delta = sent.delta(&ws).unwrap();
    assert_eq!(delta.competencies, Part::Same);
    assert_eq!(delta.agencies, Part::Same);
    assert_eq!(delta.positions, Part::Same);
    match &delta.asn {
        Part::Patch { len, changed } => {
            assert_eq!(*len, ws.asn.len());
            assert_eq!(changed.len(), 1);
            assert_eq!(changed[0].0, 17);
        }
        other => panic!("{other:?}"),
    }
    sent.forget();
    assert!(sent.delta(&ws).unwrap().is_whole());
}

#[test]
fn a_delta_that_does_not_fit_changes_nothing() {
    let ws = common::rounds::demo(200, 3);
    let mut host = EngineHost::default();
    let mut sent = WorldSent::default();
    let before = round_trip(&mut host, &mut sent, &ws, 1, "");
    let person = ws.asn[0].clone();
    let bad = [
        Part::Patch {
            len: ws.asn.len() + 2,
            changed: vec![(ws.asn.len() + 1, person.clone())],
        },
        Part::Patch {
            len: 3,
            changed: vec![(5, person.clone())],
        },
        Part::Patch {
            len: ws.asn.len() + 1,
            changed: vec![],
        },
    ];
    for (i, asn) in bad.into_iter().enumerate() {
        let delta = WorldDelta {
            // A valid part first: it must not be kept either.
            competencies: Part::Full(vec![]),
            agencies: Part::Same,
            positions: Part::Same,
            asn,
        };
        let refused = host.world(&serde_json::to_vec(&delta).unwrap());
        assert!(refused.is_err(), "bad delta {i} accepted");
        let (_, after) = host.plan(&request(&ws, 2, "", false), None).unwrap();
        assert!(after == before, "bad delta {i} changed the copy");
    }
    // Unreadable messages, and a plan or a change before any world.
    assert!(host.world(b"{").is_err());
    assert!(host.plan(b"[1,2]", None).is_err());
    let mut empty = EngineHost::default();
    assert!(empty.plan(&request(&ws, 1, "", false), None).is_err());
    let mut sent = WorldSent::default();
    let _ = sent.delta(&ws);
    let mut changed = ws.clone();
    changed.asn[0].domicile = Regency::Kerinci;
    let delta = sent.delta(&changed).unwrap();
    assert!(empty.world(&serde_json::to_vec(&delta).unwrap()).is_err());
}

#[test]
fn fresh_builds_anew_and_the_scenario_is_chosen_by_id() {
    let mut ws = common::rounds::demo(200, 5);
    let round = ws.open_round_mut().unwrap();
    let mut second = round.scenarios[0].clone();
    second.id = "kedua".into();
    second.weights.fit = 9;
    second.weights.distance = 0;
    round.scenarios.push(second);
    let mut host = EngineHost::default();
    let mut sent = WorldSent::default();
    let first = round_trip(&mut host, &mut sent, &ws, 1, "");
    assert!(first == expected(&ws, "", &first));
    let other = round_trip(&mut host, &mut sent, &ws, 2, "kedua");
    assert!(other == expected(&ws, "kedua", &other));
    assert_eq!(key_of(&first), key_of(&other), "the same round");
    assert_eq!(
        host.builds(),
        1,
        "scenarios differing in weights share the round"
    );
    let (_, again) = host.plan(&request(&ws, 3, "kedua", true), None).unwrap();
    assert!(again == other);
    assert_eq!(host.builds(), 2, "fresh builds the round anew");
    // An unknown scenario plans the first, as the page does.
    let (_, unknown) = host
        .plan(&request(&ws, 4, "tidak-ada", false), None)
        .unwrap();
    assert!(unknown == first);
}

/// The page holds the round of the plans it read; a plan on it arrives
/// without it (a weight drag, a fresh plan of the same round), a plan on
/// another round with it (after a change to the world), and a plan named
/// on a round the page does not hold is refused, never made on another.
#[test]
fn a_plan_on_the_round_the_page_holds_arrives_without_it() {
    let mut ws = common::rounds::demo(300, 9);
    let mut host = EngineHost::default();
    let mut sent = WorldSent::default();
    let first = round_trip(&mut host, &mut sent, &ws, 1, "");
    let mut reader = PlanReader::new(&first[0], None).unwrap();
    reader.read(&first[1]).unwrap();
    let (key, base) = reader
        .base_received()
        .expect("the first plan sends its round");
    let (key, base) = (key, base.clone());
    assert!(base.candidates.is_empty());
    let same = |parts: &[Vec<u8>], ws: &Workspace| {
        let plan = decode_plan(parts, Some((key, &base))).unwrap().unwrap();
        assert_eq!(format!("{plan:?}"), format!("{:?}", fresh(ws, "").unwrap()));
    };

    // A weight drag: the same round, so none of it travels; the plan
    // made on the page's copy is the page's own plan.
    ws.open_round_mut().unwrap().scenarios[0].weights.fit += 3;
    let (_, drag) = host.plan(&request(&ws, 2, "", false), Some(key)).unwrap();
    assert_eq!(drag.len() + 1, first.len(), "no part for the round");
    let without: usize = drag.iter().map(Vec::len).sum();
    let with: usize = first.iter().map(Vec::len).sum();
    assert!(without < with, "{without} of {with} bytes");
    same(&drag, &ws);
    let mut reader = PlanReader::new(&drag[0], Some((key, &base))).unwrap();
    reader.read(&drag[1]).unwrap();
    assert!(reader.base_received().is_none(), "nothing new to hold");
    // Without the round, or with another one, the page cannot read it.
    assert!(decode_plan(&drag, None).is_err());
    assert!(decode_plan(&drag, Some((key ^ 1, &base))).is_err());
    // The page not holding it (a new worker): the round travels again.
    let (_, again) = host.plan(&request(&ws, 3, "", false), None).unwrap();
    assert!(again == expected(&ws, "", &again));
    // "Hitung" builds the round anew, and it is the same round.
    let (_, fresh_parts) = host.plan(&request(&ws, 4, "", true), Some(key)).unwrap();
    assert_eq!(fresh_parts.len(), drag.len());
    same(&fresh_parts, &ws);

    // A person changed: another round, which travels with the plan even
    // though the page names the old one.
    ws.asn[3].domicile = Regency::Kerinci;
    let changed = {
        let delta = sent.delta(&ws).unwrap();
        host.world(&serde_json::to_vec(&delta).unwrap()).unwrap();
        host.plan(&request(&ws, 5, "", false), Some(key)).unwrap().1
    };
    assert_ne!(key_of(&changed), key);
    assert!(changed == expected(&ws, "", &changed));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Damaged plan parts are an error or a plan, never a panic.
    #[test]
    fn damaged_plan_parts_never_panic(which in 0usize..8, cut in 0usize..4000, flips in proptest::collection::vec((0usize..4000, any::<u8>()), 0..8)) {
        let ws = common::rounds::demo(60, 1);
        let mut parts = encode_plan_in(&fresh(&ws, ""), BaseKey::send(7), 50);
        let n = parts.len();
        let bytes = &mut parts[which % n];
        for (at, value) in flips {
            let len = bytes.len();
            bytes[at % len] ^= value;
        }
        bytes.truncate(cut.max(1).min(bytes.len()));
        let _ = decode_plan(&parts, None);
    }
}
