//! Issue 39's held-out files, measured: rows in, imported, refused, warnings
//! and OPD names listed for the analyst, per file, with the first problems
//! of each. `cargo run --example held_out`.

#[path = "../tests/common/held_out.rs"]
mod held_out;

use mutasi_planner::core::io::table_import::RowStatus;

fn main() {
    println!(
        "title table: {} titles\n",
        mutasi_planner::core::titles::TITLES.len()
    );
    println!("| file | rows in | imported | refused | warnings | OPD names listed |");
    println!("|---|---|---|---|---|---|");
    let all = held_out::all();
    for (m, _, _) in &all {
        println!(
            "| {} | {} | {} | {} | {} | {} |",
            m.file, m.rows_in, m.imported, m.refused, m.warnings, m.listed
        );
    }
    let verbose = std::env::args().any(|a| a == "-v");
    if std::env::args().any(|a| a == "-t") {
        for (m, ws, _) in &all {
            println!("\n{}", m.file);
            for a in &ws.agencies {
                println!(
                    "  OPD {} | {}",
                    a.short_name,
                    a.units
                        .iter()
                        .map(|u| u.name.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                );
            }
            for p in &ws.positions {
                println!(
                    "  {:?} {:<55} {:?} review={}",
                    p.kind, p.name, p.jf, p.review
                );
            }
            for a in ws.asn.iter().take(3) {
                println!("  ASN {} {:?}", a.name, a.flags.task);
            }
        }
    }
    for (m, ws, a) in &all {
        println!(
            "\n{}: {} agencies, {} positions, {} ASN; blocking {:?}",
            m.file,
            ws.agencies.len(),
            ws.positions.len(),
            ws.asn.len(),
            a.blocking
        );
        let mut kinds: std::collections::BTreeMap<String, usize> = Default::default();
        for p in a.problems.iter().filter(|p| p.reason.is_warning()) {
            let k = format!("{:?}", p.reason);
            let k = k.split([' ', '(']).next().unwrap_or_default().to_string();
            *kinds.entry(k).or_default() += 1;
        }
        println!("  warnings: {kinds:?}");
        let invalid: Vec<usize> = a
            .rows
            .iter()
            .filter(|(_, s)| *s == RowStatus::Invalid)
            .map(|(r, _)| *r)
            .collect();
        for p in a
            .problems
            .iter()
            .filter(|p| verbose || invalid.contains(&p.row))
            .take(if verbose { 400 } else { 12 })
        {
            println!("  row {} {:?}: {:?}", p.row, p.column, p.reason);
        }
    }
}
