//! What the engine worker's messages cost natively (issue 22): the plan's
//! bytes (postcard) against its JSON, the whole world the page sends once,
//! and the delta of one edited person. Median of 5 each.
//!
//! `cargo run --release --example wire -- [ASN]`

mod common;
use common::{arg, demo, time_ms};
use mutasi_planner::core::engine::model::RoundInput;
use mutasi_planner::core::engine::wire::{decode_plan, encode_plan, BaseKey, WorldSent};
use mutasi_planner::core::engine::Planner;
use mutasi_planner::core::model::Regency;

fn main() {
    let asn: usize = arg(1, 20_000);
    let ws = demo(asn);
    let Some(round) = ws.open_round() else {
        eprintln!("no open round");
        return;
    };
    let input = RoundInput {
        ws: &ws,
        round,
        scenario: &round.scenarios[0],
    };
    let plan = Planner::default().plan(&input);
    let parts = encode_plan(&plan, BaseKey::send(0));
    // (The candidates are not part of a plan's own serialisation.)
    let json = serde_json::to_vec(&plan.as_ref().ok())
        .unwrap_or_default()
        .len()
        + plan.as_ref().map_or(0, |p| {
            serde_json::to_vec(&p.model.candidates).map_or(0, |j| j.len())
        });
    println!(
        "{asn} ASN: plan {:.1} MB as postcard in {} parts ({:.1} MB as JSON)",
        parts.iter().map(Vec::len).sum::<usize>() as f64 / 1e6,
        parts.len(),
        json as f64 / 1e6
    );
    println!(
        "  encode {:.1} ms, decode {:.1} ms",
        time_ms(&|| drop(encode_plan(&plan, BaseKey::send(0)))),
        time_ms(&|| drop(decode_plan(&parts, None)))
    );
    // The round (the plan's model without candidates) travels only while
    // the page does not hold it.
    let base = plan.as_ref().ok().map(|p| {
        let mut m = p.model.clone();
        m.candidates.clear();
        m
    });
    if let (Some(base), Some(part)) = (&base, parts.get(1)) {
        let held = encode_plan(&plan, BaseKey { key: 0, held: true });
        println!(
            "  of which the round ({:.1} MB) {:.1} ms; on the round the page holds, {:.1} MB in {:.1} ms",
            part.len() as f64 / 1e6,
            time_ms(&|| drop(decode_plan(&parts[..2], None))),
            held.iter().map(Vec::len).sum::<usize>() as f64 / 1e6,
            time_ms(&|| drop(decode_plan(&held, Some((0, base)))))
        );
    }
    let whole = |ws: &mutasi_planner::core::model::Workspace| {
        let mut sent = WorldSent::default();
        serde_json::to_vec(&sent.delta(ws)).unwrap_or_default()
    };
    println!(
        "  whole world {:.1} MB, {:.1} ms to write",
        whole(&ws).len() as f64 / 1e6,
        time_ms(&|| drop(whole(&ws)))
    );
    let mut sent = WorldSent::default();
    let _ = sent.delta(&ws);
    let mut edited_ws = ws.clone();
    edited_ws.asn[asn / 2].domicile = Regency::Kerinci;
    let ms = time_ms(&|| {
        let mut sent = sent.clone();
        drop(serde_json::to_vec(&sent.delta(&edited_ws)));
    });
    let edited = sent
        .delta(&edited_ws)
        .and_then(|d| serde_json::to_vec(&d).ok())
        .unwrap_or_default();
    println!(
        "  one person edited: delta {} bytes, {ms:.1} ms to find and write",
        edited.len()
    );
}
