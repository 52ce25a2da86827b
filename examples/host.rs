//! What a weight drag costs in the engine worker's own code
//! ([`EngineHost`]): the page's JSON request read, the round re-selected
//! and solved, the plan written as bytes; and then the page reading those
//! bytes back ([`PlanReader`]), on the round it holds from the first plan
//! as the page does. Median of several drags. It runs natively
//! and, to see what WebAssembly costs without a browser, under WASI:
//!
//! `cargo run --release --example host -- [ASN] [DRAGS] [fresh]`
//!
//! With `fresh`, every request builds the round anew (what "Hitung" does)
//! instead of re-selecting from the cache.
//!
//! `cargo build --release --example host --target wasm32-wasip1` and run
//! the `.wasm` with any WASI runtime (Node's `node:wasi` will do).

mod common;
use common::{arg, demo, median};
use mutasi_planner::core::engine::model::RoundModel;
use mutasi_planner::core::engine::wire::{
    decode_plan, EngineHost, PlanReader, PlanRequest, WorldSent,
};
use std::time::Instant;

fn main() {
    let asn: usize = arg(1, 20_000);
    let drags: usize = arg(2, 7);
    let fresh = std::env::args().nth(3).is_some_and(|a| a == "fresh");
    let mut ws = demo(asn);
    let Some(round_ix) = ws.rounds.iter().rposition(|r| !r.openings.is_empty()) else {
        eprintln!("no open round");
        return;
    };
    let ms = |start: Instant| start.elapsed().as_secs_f64() * 1e3;
    let mut host = EngineHost::default();
    let Some(world) = WorldSent::default().delta(&ws) else {
        eprintln!("an empty world");
        return;
    };
    let json = serde_json::to_vec(&world).unwrap_or_default();
    let start = Instant::now();
    if let Err(e) = host.world(&json) {
        eprintln!("{e}");
        return;
    }
    println!("{asn} ASN: world taken in {:.0} ms", ms(start));

    let (mut plan_ms, mut read_ms, mut head_ms, mut bytes) =
        (Vec::new(), Vec::new(), Vec::new(), 0);
    // The round the page holds.
    let mut held: Option<(u64, RoundModel)> = None;
    for i in 0..=drags {
        ws.rounds[round_ix].scenarios[0].weights.fit = 1 + (i % 5) as u16;
        let request = PlanRequest {
            seq: i as u64,
            round: ws.rounds[round_ix].clone(),
            scenario: String::new(),
            fresh,
        };
        let json = serde_json::to_vec(&request).unwrap_or_default();
        let start = Instant::now();
        let parts = match host.plan(&json, held.as_ref().map(|h| h.0)) {
            Ok((_, parts)) => parts,
            Err(e) => {
                eprintln!("{e}");
                return;
            }
        };
        host.tidy();
        let took = ms(start);
        let on = held.as_ref().map(|(k, m)| (*k, m));
        let start = Instant::now();
        let plan = decode_plan(&parts, on);
        let read = ms(start);
        let start = Instant::now();
        drop(PlanReader::new(&parts[0], on));
        let head = ms(start);
        if held.is_none() {
            let mut reader = PlanReader::new(&parts[0], None).ok();
            if let (Some(r), Some(part)) = (reader.as_mut(), parts.get(1)) {
                let _ = r.read(part);
            }
            held = reader
                .as_ref()
                .and_then(PlanReader::base_received)
                .map(|(k, m)| (k, m.clone()));
        }
        if !matches!(plan, Ok(Ok(_))) {
            eprintln!("no plan");
            return;
        }
        bytes = parts.iter().map(Vec::len).sum();
        if i == 0 {
            println!("first plan {took:.0} ms");
        } else {
            plan_ms.push(took);
            read_ms.push(read);
            head_ms.push(head);
        }
    }
    println!(
        "{}: the host plans in {:.1} ms, the plan ({:.1} MB) is read in {:.1} ms, {:.1} ms of it its head (medians of {drags})",
        if fresh { "a full recompute" } else { "a weight drag" },
        median(plan_ms),
        bytes as f64 / 1e6,
        median(read_ms),
        median(head_ms)
    );
}
