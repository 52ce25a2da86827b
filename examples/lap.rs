//! Solves a dense assignment problem from a file and prints the optimum.
//!
//! `cargo run --release --example lap -- FILE`
//!
//! FILE: first line `rows cols` (rows ≤ cols), then `rows` lines of `cols`
//! numbers separated by spaces. Minimises. Prints the optimal total on the
//! first line, then the chosen column of each row, one per line; prints
//! `solve_ms=<milliseconds>` (the solve alone) on stderr.

use mutasi_planner::core::assign::dense;
use std::process::ExitCode;
use std::time::Instant;

fn read(path: &str) -> Result<(usize, usize, Vec<f64>), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let (_, header) = lines.next().ok_or(format!("{path}: empty file"))?;
    let dims: Vec<usize> = header
        .split_whitespace()
        .map(|t| {
            t.parse()
                .map_err(|_| format!("{path}, line 1: \"{t}\" is not a whole number"))
        })
        .collect::<Result<_, _>>()?;
    let [rows, cols] = dims[..] else {
        return Err(format!("{path}, line 1: expected `rows cols`"));
    };
    let mut cost = Vec::with_capacity(rows * cols);
    for (n, line) in lines.by_ref().take(rows) {
        let before = cost.len();
        for (k, t) in line.split_whitespace().enumerate() {
            let value: f64 = t.parse().map_err(|_| {
                format!(
                    "{path}, line {}, column {}: \"{t}\" is not a number",
                    n + 1,
                    k + 1
                )
            })?;
            cost.push(value);
        }
        if cost.len() - before != cols {
            return Err(format!(
                "{path}, line {}: {} numbers, expected {cols}",
                n + 1,
                cost.len() - before
            ));
        }
    }
    if cost.len() != rows * cols {
        return Err(format!(
            "{path}: {} rows of numbers, expected {rows}",
            cost.len() / cols.max(1)
        ));
    }
    Ok((rows, cols, cost))
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: lap FILE");
        return ExitCode::from(2);
    };
    let (rows, cols, cost) = match read(&path) {
        Ok(problem) => problem,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    let solved = dense::solve(&cost, rows, cols);
    let ms = start.elapsed().as_secs_f64() * 1e3;
    match solved {
        Ok(s) => {
            let mut out = String::with_capacity(rows * 6 + 32);
            out.push_str(&format!("{}\n", s.total));
            for j in &s.row_to_col {
                out.push_str(&format!("{j}\n"));
            }
            print!("{out}");
            eprintln!("solve_ms={ms:.3}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::from(1)
        }
    }
}
