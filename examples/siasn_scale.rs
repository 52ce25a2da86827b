//! A SIASN "Export Data ASN" CSV at province scale, read, mapped, analysed
//! and applied as the import does (issue 15): prints each step's time.
//!
//! `cargo run --release --example siasn_scale -- [ROWS] [--write FILE]`
//!
//! The rows are new people in the demo's positions (every value in SIASN's
//! spelling, no domicile column); `--write FILE` also writes the CSV for the
//! browser measurement (tests/e2e/measure-import.mjs).

use mutasi_planner::core::demo::jambi_demo;
use mutasi_planner::core::io::sheet;
use mutasi_planner::core::io::table_import::{
    analyse, apply, guess_mapping, ImportKind, RowStatus,
};
use std::time::Instant;

const HEADER: &str = "PNS ID,NIP BARU,NIP LAMA,NAMA,GELAR DEPAN,GELAR BELAKANG,TEMPAT LAHIR NAMA,TANGGAL LAHIR,JENIS KELAMIN,AGAMA NAMA,JENIS KAWIN NAMA,JENIS PEGAWAI NAMA,KEDUDUKAN HUKUM NAMA,STATUS CPNS PNS,TMT CPNS,TMT PNS,GOL AWAL NAMA,GOL AKHIR NAMA,TMT GOLONGAN,MK TAHUN,MK BULAN,JENIS JABATAN NAMA,JABATAN NAMA,TMT JABATAN,TINGKAT PENDIDIKAN NAMA,PENDIDIKAN NAMA,TAHUN LULUS,LOKASI KERJA NAMA,UNOR NAMA,INSTANSI INDUK NAMA,INSTANSI KERJA NAMA,SATUAN KERJA INDUK NAMA,SATUAN KERJA KERJA NAMA";

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let write_to = args.iter().position(|a| a == "--write").map(|i| {
        let path = args
            .get(i + 1)
            .cloned()
            .unwrap_or_else(|| "siasn.csv".into());
        args.drain(i..(i + 2).min(args.len()));
        path
    });
    let rows: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let ws = jambi_demo();
    let csv = siasn_csv(&ws, rows);
    if let Some(path) = &write_to {
        if let Err(e) = std::fs::write(path, &csv) {
            eprintln!("{path}: {e}");
        }
    }
    println!("{rows} rows, {} KiB", csv.len() / 1024);
    let t = Instant::now();
    let Ok(sheet) = sheet::read("Export Data ASN.csv", csv.as_bytes()) else {
        eprintln!("the CSV did not read");
        return;
    };
    let read = t.elapsed();
    let t = Instant::now();
    let mapping = guess_mapping(ImportKind::Roster, &sheet);
    let analysis = analyse(ImportKind::Roster, &sheet, &mapping, &ws);
    let analysed = t.elapsed();
    let t = Instant::now();
    let after = apply(&ws, &analysis);
    let applied = t.elapsed();
    println!(
        "read {:.0} ms · map+analyse {:.0} ms · apply {:.0} ms · new {} update {} invalid {} · notes {} · ASN after {}",
        read.as_secs_f64() * 1e3,
        analysed.as_secs_f64() * 1e3,
        applied.as_secs_f64() * 1e3,
        analysis.count(RowStatus::New),
        analysis.count(RowStatus::Update),
        analysis.count(RowStatus::Invalid),
        analysis.problems.len(),
        after.asn.len(),
    );
}

/// `rows` new people spread over the demo's positions that name and unit
/// identify.
fn siasn_csv(ws: &mutasi_planner::core::model::Workspace, rows: usize) -> String {
    let mut positions = Vec::new();
    for p in &ws.positions {
        let same = ws
            .positions
            .iter()
            .filter(|q| q.unit == p.unit && q.name == p.name)
            .count();
        if same == 1 {
            if let Some(a) = ws.agencies.iter().find(|a| a.id == p.agency) {
                if let Some(u) = a.unit(&p.unit) {
                    positions.push((p.name.clone(), u.name.clone(), a.name.to_uppercase()));
                }
            }
        }
    }
    let mut out = String::from(HEADER);
    out.push_str("\r\n");
    for k in 0..rows {
        let (name, unit, agency) = &positions[k % positions.len()];
        let month = k % 12 + 1;
        let day = k % 28 + 1;
        let female = k % 2 == 1;
        // Unique NIPs: birth date, TMT year and month, gender, serial.
        let year = 1970 + (k / 12_000) % 25;
        let serial = k % 1000;
        let tmt_year = 2000 + (k / 1000) % 12;
        let nip = format!(
            "{year}{month:02}{day:02}{tmt_year}{month:02}{}{serial:03}",
            if female { 2 } else { 1 }
        );
        let quote = |s: &str| {
            if s.contains(',') {
                format!("\"{s}\"")
            } else {
                s.to_string()
            }
        };
        out.push_str(&format!(
            "id{k},{nip},,PEGAWAI {k},,S.E.,JAMBI,{day:02}-{month:02}-{year},{},Islam,Menikah,PNS Daerah Provinsi,Aktif,P,,,III/a,III/b,,10,0,Jabatan Fungsional Umum,{},01-02-2021,S-1/Sarjana,S1 AKUNTANSI,2010,KOTA JAMBI,{},Pemerintah Provinsi Jambi,Pemerintah Provinsi Jambi,{},{}\r\n",
            if female { "F" } else { "M" },
            quote(name),
            quote(unit),
            quote(agency),
            quote(agency),
        ));
    }
    out
}
