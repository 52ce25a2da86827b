//! Generates the demo workspace (or a larger one) and prints what it holds,
//! how long generation took, and how large it is as a plan file and in local
//! storage.
//!
//! `cargo run --release --example demo_stats -- [ASN] [SEED] [--write FILE]`
//!
//! With `--write FILE` the workspace is also written as a plan file (the
//! browser measurement in tests/e2e/measure.mjs imports it).

use mutasi_planner::core::demo::{generate, DemoConfig};
use mutasi_planner::core::io::{plan_file, storage_codec};
use mutasi_planner::core::model::Severity;
use std::time::Instant;

/// The bytes of plan file an autosave step writes (`src/ui/mod.rs`).
const PIECE: usize = mutasi_planner::core::io::storage_codec::PIECE_BYTES;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let write_to = args.iter().position(|a| a == "--write").map(|i| {
        let path = args
            .get(i + 1)
            .cloned()
            .unwrap_or_else(|| "plan.json".into());
        args.drain(i..(i + 2).min(args.len()));
        path
    });
    let mut args = args.into_iter();
    let asn: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1_500);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(2026);
    let cfg = DemoConfig {
        seed,
        asn,
        ..DemoConfig::default()
    };

    let start = Instant::now();
    let ws = generate(&cfg);
    let generate_ms = start.elapsed().as_secs_f64() * 1e3;

    let findings = ws.validate();
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let start = Instant::now();
    let json = plan_file::write(&ws, "2026-11-28T00:00:00Z");
    let stored = storage_codec::encode(&ws, "2026-11-28T00:00:00Z").text;
    let encode_ms = start.elapsed().as_secs_f64() * 1e3;
    // Autosave's way: on a copy of the workspace (its lists shared), a
    // piece at a time (the page gives each piece a task).
    let start = Instant::now();
    let copy = ws.clone();
    let copy_ms = start.elapsed().as_secs_f64() * 1e3;
    let mut encoder = storage_codec::Encoder::new(copy, "2026-11-28T00:00:00Z", None);
    let (mut steps, mut longest) = (0, 0.0f64);
    loop {
        let step = Instant::now();
        let whole = encoder.step(PIECE);
        longest = longest.max(step.elapsed().as_secs_f64() * 1e3);
        steps += 1;
        if whole {
            break;
        }
    }
    let finish = Instant::now();
    let pieces = encoder.finish().map(|e| e.text == stored);
    let finish_ms = finish.elapsed().as_secs_f64() * 1e3;
    let pieces_ms = start.elapsed().as_secs_f64() * 1e3;
    let start = Instant::now();
    let back = storage_codec::decode(&stored).map(|p| p.workspace == ws);
    let decode_ms = start.elapsed().as_secs_f64() * 1e3;

    let openings: usize = ws.rounds.iter().map(|r| r.openings.len()).sum();
    println!(
        "asn={} agencies={} units={} positions={} openings={} moves={}",
        ws.asn.len(),
        ws.agencies.len(),
        ws.agencies.iter().map(|a| a.units.len()).sum::<usize>(),
        ws.positions.len(),
        openings,
        ws.moves.len()
    );
    println!(
        "validation: {errors} errors, {} warnings",
        findings.len() - errors
    );
    for f in findings.iter().take(5) {
        println!("  {f}");
    }
    println!("generate_ms={generate_ms:.1}");
    println!("plan_file_bytes={} stored_chars={} (encode+json {encode_ms:.1} ms, decode+validate {decode_ms:.1} ms, round trip equal: {back:?})",
        json.len(), stored.len());
    println!(
        "storage in pieces of {} KiB: copy {copy_ms:.1} ms, {steps} steps, longest {longest:.1} ms, finish {finish_ms:.1} ms, total {pieces_ms:.1} ms (same text: {pieces:?})",
        PIECE >> 10
    );
    if let Some(path) = write_to {
        match std::fs::write(&path, &json) {
            Ok(()) => println!("wrote {path}"),
            Err(e) => eprintln!("cannot write {path}: {e}"),
        }
    }
}
