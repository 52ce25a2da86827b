//! Figures for issue 20 (sealed plan files), natively in release:
//! `cargo run --release --example sealed_figures -- 1500`.
//! Prints the key derivation's time at the default Argon2id cost, and the
//! sizes and times of sealing and opening a plan file of n ASN. The same
//! work in the browser's file worker is measured by the end-to-end test
//! (tests/e2e/sealed.test.mjs), which prints its figures.
mod common;
use common::{arg, demo, time_ms};
use mutasi_planner::core::io::plan_file;
use mutasi_planner::core::io::sealed::{self, KdfParams};

fn main() {
    let n: usize = arg(1, 1_500);
    let ws = demo(n);
    let plain = plan_file::write_compact(&ws, "2026-12-03T08:00:00Z");
    let pass = "kopi jambi pagi hari";
    let params = KdfParams::DEFAULT;
    let derive_only = time_ms(&|| {
        // Opening a tiny file with the default cost is the derivation.
        let tiny = sealed::seal(b"{}", pass, &[1; 16], &[2; 24], params).unwrap_or_default();
        let _ = sealed::open(&tiny, pass);
    }) / 2.0;
    let text = sealed::seal(plain.as_bytes(), pass, &[1; 16], &[2; 24], params).unwrap_or_default();
    let seal_ms = time_ms(&|| {
        let _ = sealed::seal(plain.as_bytes(), pass, &[1; 16], &[2; 24], params);
    });
    let open_ms = time_ms(&|| {
        let _ = sealed::open(&text, pass);
    });
    println!(
        "Argon2id {} KiB × {} passes × {} lane: {derive_only:.0} ms per derivation",
        params.memory_kib, params.iterations, params.parallelism
    );
    println!(
        "{n} ASN: plan file {} KB, sealed {} KB; seal {seal_ms:.0} ms, open {open_ms:.0} ms (one derivation each)",
        plain.len() / 1024,
        text.len() / 1024
    );
}
