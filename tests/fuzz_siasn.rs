//! Bounded fuzzing of real export shapes (issue 15): SIASN-shaped sheets
//! with their columns in any order and values in any of the spellings the
//! sources use import every row with the guessed mapping; damaged cells
//! never panic and never drop a row silently (every data row has a status,
//! every rejected row a reason, every imported row only notes).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use mutasi_planner::core::demo::jambi_demo;
use mutasi_planner::core::io::sheet::{Cell, Sheet, SourceFormat, TextEncoding};
use mutasi_planner::core::io::table_import::{
    analyse, guess_mapping, has_errors, ImportKind, RowStatus,
};
use mutasi_planner::core::model::Workspace;
use proptest::prelude::*;
use std::sync::OnceLock;

/// The demo and three positions that name and unit identify: (name, unit,
/// agency).
fn base() -> &'static (Workspace, Vec<[String; 3]>) {
    static BASE: OnceLock<(Workspace, Vec<[String; 3]>)> = OnceLock::new();
    BASE.get_or_init(|| {
        let ws = jambi_demo();
        let picked = common::positions::named(&ws)
            .take(3)
            .map(|(p, a, u)| [p.name.clone(), u.name.clone(), a.name.clone()])
            .collect();
        (ws, picked)
    })
}

const HEADERS: [&str; 14] = [
    "NIP BARU",
    "NAMA",
    "GELAR BELAKANG",
    "TANGGAL LAHIR",
    "JENIS KELAMIN",
    "JENIS PEGAWAI NAMA",
    "KEDUDUKAN HUKUM NAMA",
    "STATUS CPNS PNS",
    "GOL AKHIR NAMA",
    "JABATAN NAMA",
    "TMT JABATAN",
    "TINGKAT PENDIDIKAN NAMA",
    "PENDIDIKAN NAMA",
    "UNOR NAMA",
];
const AGENCY: &str = "SATUAN KERJA INDUK NAMA";

/// One person's row in header order, every value in the spelling `pick`
/// chooses; `k` makes the NIP (born 1985-03-k+1, female when odd).
fn row(k: usize, pick: &[usize; 8], position: &[String; 3]) -> Vec<String> {
    let day = k + 1;
    let female = k % 2 == 1;
    let nip = format!(
        "198503{day:02}20100{}{}{:03}",
        1,
        if female { 2 } else { 1 },
        k
    );
    let choose = |options: &[&str], i: usize| options[i % options.len()].to_string();
    let gender = if female {
        choose(&["F", "P", "Wanita", "Perempuan"], pick[0])
    } else {
        choose(&["M", "L", "Pria", "Laki-laki"], pick[0])
    };
    let birth = [
        format!("{day:02}-03-1985"),
        format!("{day:02}/03/1985"),
        format!("1985-03-{day:02}"),
    ][pick[1] % 3]
        .clone();
    vec![
        nip,
        format!("PEGAWAI {k}"),
        choose(&["S.E.", "", "M.Si."], pick[2]),
        birth,
        gender,
        choose(
            &["PNS Daerah Provinsi", "PNS", "Pegawai Negeri Sipil"],
            pick[3],
        ),
        choose(&["Aktif", "AKTIF", "Tugas Belajar", "CLTN"], pick[4]),
        "P".into(),
        choose(&["III/b", "Penata Muda Tk. I", "III/B"], pick[5]),
        position[0].clone(),
        "01-02-2021".into(),
        choose(&["S-1/Sarjana", "S1", "Strata 1", "Sarjana"], pick[6]),
        choose(&["S1 AKUNTANSI", "AKUNTANSI", "", "S-1 Manajemen"], pick[7]),
        position[1].clone(),
        position[2].to_uppercase(),
    ]
}

/// A sheet of `rows` with its columns in `order` (a permutation of the 15).
fn sheet(rows: &[Vec<String>], order: &[usize]) -> Sheet {
    let header: Vec<&str> = HEADERS.iter().copied().chain([AGENCY]).collect();
    let mut out = vec![order
        .iter()
        .map(|&c| Cell::Text(header[c].into()))
        .collect::<Vec<_>>()];
    for r in rows {
        out.push(
            order
                .iter()
                .map(|&c| {
                    if r[c].is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(r[c].clone())
                    }
                })
                .collect(),
        );
    }
    Sheet {
        file_name: "Export Data ASN.csv".into(),
        format: SourceFormat::Csv {
            delimiter: b',',
            encoding: TextEncoding::Utf8,
        },
        rows: out,
        first_row: 1,
        first_column: 0,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_column_order_and_spelling_imports_every_row(
        order in Just((0..15).collect::<Vec<usize>>()).prop_shuffle(),
        picks in proptest::collection::vec(proptest::array::uniform8(0usize..12), 1..8),
    ) {
        let (ws, positions) = base();
        let rows: Vec<Vec<String>> = picks
            .iter()
            .enumerate()
            .map(|(k, pick)| row(k, pick, &positions[k % positions.len()]))
            .collect();
        let s = sheet(&rows, &order);
        let mapping = guess_mapping(ImportKind::Roster, &s);
        let analysis = analyse(ImportKind::Roster, &s, &mapping, ws);
        prop_assert!(analysis.blocking.is_empty(), "{:?}", analysis.blocking);
        prop_assert_eq!(analysis.count(RowStatus::New), rows.len(), "{:?}", analysis.problems);
        prop_assert!(analysis.problems.iter().all(|p| p.reason.is_warning()));
    }

    #[test]
    fn damaged_cells_never_panic_and_never_drop_a_row(
        order in Just((0..15).collect::<Vec<usize>>()).prop_shuffle(),
        picks in proptest::collection::vec(proptest::array::uniform8(0usize..12), 1..6),
        damage in proptest::collection::vec((0usize..6, 0usize..15, "[ -~]{0,14}"), 0..8),
    ) {
        let (ws, positions) = base();
        let mut rows: Vec<Vec<String>> = picks
            .iter()
            .enumerate()
            .map(|(k, pick)| row(k, pick, &positions[k % positions.len()]))
            .collect();
        for (r, c, text) in damage {
            if let Some(row) = rows.get_mut(r) {
                row[c] = text;
            }
        }
        // A row left with nothing in it is an empty row, not data.
        let data = rows.iter().filter(|r| r.iter().any(|c| !c.trim().is_empty())).count();
        let s = sheet(&rows, &order);
        let mapping = guess_mapping(ImportKind::Roster, &s);
        let analysis = analyse(ImportKind::Roster, &s, &mapping, ws);
        if analysis.blocking.is_empty() {
            prop_assert_eq!(analysis.rows.len(), data);
            for (row, status) in &analysis.rows {
                let own: Vec<_> = analysis
                    .problems
                    .iter()
                    .filter(|p| p.row == *row)
                    .cloned()
                    .collect();
                match status {
                    RowStatus::Invalid => prop_assert!(has_errors(&own), "row {} rejected without a reason", row),
                    _ => prop_assert!(!has_errors(&own), "row {} imported with an error", row),
                }
            }
        }
    }
}
