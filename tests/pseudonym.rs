//! Pseudonymised sharing (issue 19): no name or NIP survives anywhere in
//! the file, in any spelling; rows are shuffled; the NIP digits kept are
//! shared by at least K people (measured on the demo and on 20,000 ASN) and
//! do not link back to the real NIPs; the file imports, and every scenario
//! plans the same.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::rounds::demo;
use mutasi_planner::core::demo::jambi_demo;
use mutasi_planner::core::engine::canonical;
use mutasi_planner::core::engine::model::RoundInput;
use mutasi_planner::core::engine::plan;
use mutasi_planner::core::io::plan_file;
use mutasi_planner::core::io::pseudonym::{pseudonymise, PseudonymReport, K};
use mutasi_planner::core::model::*;
use mutasi_planner::core::participation::add_comment;
use serde_json::Value;
use std::collections::HashMap;

/// Every person's outcome, by what the engine knows of them (their
/// canonical fingerprint): where they end, sorted. Two plans that agree
/// here agree for everyone, up to people the engine cannot tell apart.
fn outcomes(ws: &Workspace, round: &Round, s: &Scenario) -> (Vec<(u64, String)>, i64) {
    let p = plan(&RoundInput {
        ws,
        round,
        scenario: s,
    })
    .unwrap();
    let m = &p.model;
    let mut out: Vec<(u64, String)> = (0..m.rows.len())
        .map(|r| {
            let row = &m.rows[r];
            let key = canonical::fingerprint(
                &ws.asn[row.asn],
                s,
                round.effective_date,
                row.pinned.as_ref().map(|(q, _)| *q),
                &m.forbidden[r],
            );
            let to = p
                .destination(r)
                .map_or("-".to_string(), |q| ws.positions[q].id.0.clone());
            (key, to)
        })
        .collect();
    mutasi_planner::core::sort::sort(&mut out);
    (out, p.metrics.objective)
}

fn same_plans(ws: &Workspace, pseudo: &Workspace) {
    for (r, pr) in ws.rounds.iter().zip(&pseudo.rounds) {
        for (s, ps) in r.scenarios.iter().zip(&pr.scenarios) {
            if r.openings.is_empty() {
                continue;
            }
            let (a, objective) = outcomes(ws, r, s);
            let (b, pseudo_objective) = outcomes(pseudo, pr, ps);
            assert_eq!(a, b, "round {} scenario {}", r.id, s.id);
            assert_eq!(objective, pseudo_objective);
        }
    }
}

/// A person's name in the spellings free text uses.
fn spellings(a: &Asn) -> Vec<String> {
    let core = a.name.split(',').next().unwrap().trim().to_string();
    vec![
        a.name.clone(),
        core.to_uppercase(),
        core.to_lowercase(),
        format!("Dr. {core}, S.H., M.Si."),
        format!("Hj. {}", core.to_uppercase()),
    ]
}

fn nip_spellings(nip: &Nip) -> Vec<String> {
    let d = nip.as_str();
    vec![
        d.to_string(),
        nip.spaced(),
        format!("{}-{}-{}-{}", &d[..8], &d[8..14], &d[14..15], &d[15..]),
        format!("{}.{}.{}.{}", &d[..8], &d[8..14], &d[14..15], &d[15..]),
    ]
}

/// No word sequence of a name of two words or more, in any case, and no
/// NIP in any spelling (its 18 digits with anything but digits between
/// them) survives in `text`.
fn assert_no_trace(original: &Workspace, text: &str) {
    // Every run of 1–4 consecutive words, lower case.
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut runs = std::collections::HashSet::new();
    for n in 1..=4 {
        for w in words.windows(n) {
            runs.insert(w.join(" "));
        }
    }
    // Every 18-digit window of the text's digits, separators dropped
    // (a NIP written with spaces, dashes or dots is found too).
    let digits: Vec<u8> = text.bytes().filter(u8::is_ascii_digit).collect();
    let windows: std::collections::HashSet<&[u8]> = digits.windows(18).collect();
    for a in &original.asn {
        let core: Vec<String> = a
            .name
            .split(',')
            .next()
            .unwrap()
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        if core.len() > 1 {
            assert!(!runs.contains(&core.join(" ")), "name {} leaked", a.name);
        }
        assert!(
            !windows.contains(a.nip.as_str().as_bytes()),
            "NIP {} leaked",
            a.nip
        );
    }
}

#[test]
fn names_and_nips_leave_no_trace_in_any_free_text() {
    let mut ws = demo(40, 8);
    let victim = ws.asn[7].clone();
    let other = ws.asn[9].clone();
    let mention = |k: usize| {
        let names = spellings(&victim);
        let nips = nip_spellings(&victim.nip);
        format!(
            "Permintaan {} (NIP {}) dan {}",
            names[k % names.len()],
            nips[k % nips.len()],
            other.name.to_uppercase()
        )
    };
    let round = ws.open_round_mut().unwrap();
    add_comment(
        round,
        victim.nip.clone(),
        CommentAuthor::Asn,
        &victim.name,
        &mention(1),
        DecisionAction::Stay,
        "2026-11-28T09:00:00Z",
    )
    .unwrap();
    // Every string of the file that can hold any text gets a mention: the
    // file must still read (ids, codes and dates refuse it, and are left).
    let file: Value = serde_json::from_str(&plan_file::write_compact(&ws, "t")).unwrap();
    let mut strings = Vec::new();
    fn collect(v: &Value, at: String, out: &mut Vec<String>) {
        match v {
            Value::String(_) => out.push(at),
            Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, x)| collect(x, format!("{at}/{i}"), out)),
            Value::Object(m) => m.iter().for_each(|(k, x)| {
                collect(
                    x,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                )
            }),
            _ => {}
        }
    }
    collect(&file["workspace"], String::new(), &mut strings);
    let mut planted = file["workspace"].clone();
    let mut count = 0;
    // The first string of each kind of field (indices dropped).
    let mut seen = std::collections::HashSet::new();
    for (k, at) in strings.iter().enumerate() {
        let general: String = at
            .split('/')
            .map(|part| {
                if part.bytes().all(|b| b.is_ascii_digit()) {
                    "#"
                } else {
                    part
                }
            })
            .collect::<Vec<_>>()
            .join("/");
        if !seen.insert(general)
            || (at.starts_with("/asn/") && (at.ends_with("/nip") || at.ends_with("/name")))
        {
            continue;
        }
        let before = planted.pointer(at).cloned().unwrap();
        *planted.pointer_mut(at).unwrap() = Value::String(mention(k));
        let readable = serde_json::from_value::<Workspace>(planted.clone())
            .is_ok_and(|w| w.validate().iter().all(|f| f.severity == Severity::Warning));
        if readable {
            count += 1;
        } else {
            *planted.pointer_mut(at).unwrap() = before;
        }
    }
    assert!(count > 15, "{count} kinds of free-text fields");
    let ws: Workspace = serde_json::from_value(planted).unwrap();
    let (pseudo, _) = pseudonymise(&ws, 42).unwrap();
    let text = plan_file::write_compact(&pseudo, "t");
    assert_no_trace(&ws, &text);
    // The mentions now name the pseudonyms.
    let p = pseudo
        .asn
        .iter()
        .find(|a| {
            pseudo
                .open_round()
                .unwrap()
                .participation
                .comments
                .iter()
                .any(|c| c.asn == a.nip)
        })
        .unwrap();
    let comment = &pseudo.open_round().unwrap().participation.comments[0];
    assert!(comment.text.contains(&p.name), "{}", comment.text);
    assert!(comment.text.contains(p.nip.as_str()), "{}", comment.text);
    assert!(pseudo.siasn.pns.is_empty());
}

/// People of `pseudo` per combination of kept NIP digits (birth date,
/// entry year, PPPK marker, gender).
fn groups(pseudo: &Workspace) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for a in &pseudo.asn {
        let d = a.nip.as_str();
        let key = format!("{}{}{}", &d[..12], d[12..14] == *"21", &d[14..15]);
        *out.entry(key).or_default() += 1;
    }
    out
}

/// What identifies a person apart from name, NIP and birth date: their
/// place and record, which the copy keeps.
fn record(a: &Asn) -> String {
    serde_json::to_string(&(&a.position, &a.competencies, &a.performance, &a.education)).unwrap()
}

/// How many people a known real NIP finds again in the copy by its digits
/// 1–4 and 9–18 (birth year, entry, gender, sequence) alone: a single
/// match that is the same person.
fn linked(ws: &Workspace, pseudo: &Workspace) -> usize {
    let mut by_digits: HashMap<String, Vec<&Asn>> = HashMap::new();
    for a in &pseudo.asn {
        let d = a.nip.as_str();
        by_digits
            .entry(format!("{}{}", &d[..4], &d[8..]))
            .or_default()
            .push(a);
    }
    ws.asn
        .iter()
        .filter(|a| {
            let d = a.nip.as_str();
            match by_digits
                .get(&format!("{}{}", &d[..4], &d[8..]))
                .map(Vec::as_slice)
            {
                Some([found]) => record(found) == record(a),
                _ => false,
            }
        })
        .count()
}

fn check_anonymity(ws: &Workspace, pseudo: &Workspace, report: &PseudonymReport) -> (usize, usize) {
    let sizes = groups(pseudo);
    let small: usize = sizes.values().filter(|&&n| n < K).sum();
    assert!(
        small <= report.randomised,
        "{small} people in groups under {K}, {} randomised",
        report.randomised
    );
    let links = linked(ws, pseudo);
    (small, links)
}

#[test]
fn the_demo_copy_is_k_anonymous_shuffled_imports_and_plans_the_same() {
    let ws = jambi_demo();
    let (pseudo, report) = pseudonymise(&ws, 42).unwrap();
    assert_eq!(report.people, ws.asn.len());
    assert_eq!(
        pseudonymise(&ws, 42).unwrap().0,
        pseudo,
        "same seed, same file"
    );
    assert_ne!(
        pseudonymise(&ws, 43).unwrap().0.asn[0].nip,
        pseudo.asn[0].nip
    );
    // Shuffled: the pseudonym numbers follow the copy's rows, and the
    // people at each row are others.
    assert_eq!(pseudo.asn[0].name, "ASN-0001");
    let same_place = ws
        .asn
        .iter()
        .zip(&pseudo.asn)
        .filter(|(a, b)| a.position == b.position && a.performance == b.performance)
        .count();
    assert!(same_place < 20, "{same_place} rows kept their person");
    // k-anonymous kept digits, and no link back by the digits kept before.
    let (small, links) = check_anonymity(&ws, &pseudo, &report);
    assert!(report.randomised < ws.asn.len() / 10, "{report:?}");
    assert_eq!(links, 0, "people found again by NIP digits 1–4 and 9–18");
    eprintln!("demo: {report:?}, {small} in groups under {K}, {links} linked");
    // Birth dates coarsened to the first of a month at least.
    assert!(pseudo.asn.iter().all(|a| a.birth_date.day() == 1));
    let text = plan_file::write(&pseudo, "2026-11-28T00:00:00Z");
    assert_no_trace(&ws, &text);
    let back = plan_file::read(&text).unwrap();
    assert_eq!(back.workspace, pseudo);
    assert!(
        back.warnings.is_empty(),
        "{:?}",
        &back.warnings[..3.min(back.warnings.len())]
    );
    same_plans(&ws, &pseudo);
}

#[test]
fn a_province_copy_of_20000_is_k_anonymous_and_plans_the_same() {
    let ws = demo(20_000, 2026);
    let (pseudo, report) = pseudonymise(&ws, 7).unwrap();
    let (small, links) = check_anonymity(&ws, &pseudo, &report);
    eprintln!("20,000: {report:?}, {small} in groups under {K}, {links} linked");
    assert!(report.randomised < ws.asn.len() / 20, "{report:?}");
    assert_eq!(links, 0);
    same_plans(&ws, &pseudo);
}

#[test]
fn the_plan_does_not_depend_on_the_order_of_the_rows() {
    let ws = demo(400, 11);
    let mut reversed = ws.clone();
    reversed.asn.reverse();
    same_plans(&ws, &reversed);
}

#[test]
fn a_service_start_from_the_data_is_folded_into_the_copys_nip() {
    // A tenth of the demo counts service from another year than its NIP's
    // (a credit of prior service): the copy carries no such year, its
    // NIP's digits say it, and it plans the same.
    let mut ws = jambi_demo();
    for (i, a) in ws.asn.iter_mut().enumerate() {
        if i % 10 == 0 {
            a.service_from_year = Some(a.service_from() - 4);
        }
    }
    let (pseudo, _) = pseudonymise(&ws, 7).unwrap();
    assert!(pseudo.asn.iter().all(|a| a.service_from_year.is_none()));
    same_plans(&ws, &pseudo);
}
