//! Issue 40's report: which of the demo's people the law's rules now keep
//! in place, and why. For the open round's effective date: people serving
//! a sanction (PP 94/2021 lengths), people whose moderate or heavy sanction
//! ended within the look-back (counted from the end), against the old
//! count from the imposition; and the moves of the Seimbang plan that
//! need the Mendagri's approval when a Pilkada window covers the decision.
//! `cargo run --release --example law_rules [ASN]`.

use mutasi_planner::core::engine::{self, model::RoundInput};
use mutasi_planner::core::model::{Election, SanctionLevel};
use mutasi_planner::core::rules::{person_rejections, Rule};

mod common;

fn main() {
    let ws = common::demo(common::arg(1, 1_500));
    let round = ws.open_round().expect("the demo has an open round");
    let rules = &round.scenarios[0].rules;
    let on = round.effective_date;
    let window_start = on.add_months(-i32::from(rules.sanction_lookback_months));
    let (mut serving, mut recent, mut old_rule) = (0, 0, 0);
    for a in &ws.asn {
        let r = person_rejections(a, rules, on);
        serving += usize::from(r.iter().any(|x| x.rule() == Rule::ServingSanction));
        recent += usize::from(r.iter().any(|x| x.rule() == Rule::RecentSanction));
        old_rule += usize::from(a.flags.sanctions.iter().any(|s| {
            s.level >= SanctionLevel::Sedang && s.imposed > window_start && s.imposed <= on
        }));
    }
    println!("effective date {on}: {} ASN", ws.asn.len());
    println!("serving a sanction (law): {serving}");
    println!(
        "sanction ended within {} months (policy): {recent}",
        rules.sanction_lookback_months
    );
    println!(
        "kept in place by sanctions now: {} (before, counted from the imposition: {old_rule})",
        serving + recent
    );
    let mut r2 = round.clone();
    r2.election = Some(Election {
        candidates_set: on.add_months(3),
        inauguration: None,
    });
    let plan = engine::plan(&RoundInput {
        ws: &ws,
        round: &r2,
        scenario: &r2.scenarios[0],
    })
    .expect("a plan");
    let lines = mutasi_planner::core::io::sheet_export::decree_lines(&ws, &r2, &plan);
    println!(
        "in a Pilkada window: {} of {} moves need the Mendagri's approval",
        lines.iter().filter(|l| l.pilkada).count(),
        lines.len()
    );
}
