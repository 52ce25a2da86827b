//! The law's procedure (issue 40): sanctions read with their kind, start
//! and end; service counted from the data's service credit.
#![cfg(not(target_arch = "wasm32"))]

use mutasi_planner::core::date::Date;
use mutasi_planner::core::io::sheet;
use mutasi_planner::core::io::table_import::{
    analyse, apply, guess_mapping, ImportKind, RowStatus,
};
use mutasi_planner::core::model::*;

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

fn import(
    ws: &Workspace,
    text: &str,
) -> (Workspace, mutasi_planner::core::io::table_import::Analysis) {
    let sheet = sheet::read("pegawai.csv", text.as_bytes()).unwrap();
    let mapping = guess_mapping(ImportKind::Roster, &sheet);
    let a = analyse(ImportKind::Roster, &sheet, &mapping, ws);
    assert!(a.blocking.is_empty(), "{:?}", a.blocking);
    (apply(ws, &a), a)
}

fn workspace() -> Workspace {
    let mut ws = Workspace::empty("Kabupaten Tebo");
    ws.government = Government::Regency(Regency::Tebo);
    ws
}

#[test]
fn a_roster_gives_sanctions_their_kind_start_and_end() {
    let text = "NIP;NAMA;GOL;PENDIDIKAN;JABATAN;TMT JABATAN;OPD;JENIS HUKUMAN;TMT HUKUMAN;AKHIR HUKUMAN\n\
        198001012005011001;Ahmad;III/a;S1;Pengadministrasi Umum;01/01/2020;BKPSDM;Pemotongan Tunjangan Kinerja 25% selama 9 bulan;01/02/2026;\n\
        198102022006012002;Budi Santi;III/a;S1;Pengadministrasi Umum;01/01/2020;BKPSDM;Hukuman Disiplin Berat;01/03/2026;31/12/2026\n\
        198203032007011003;Candra;III/a;S1;Pengadministrasi Umum;01/01/2020;BKPSDM;Teguran Tertulis;05/05/2026;\n\
        198304042008012004;Dewi;III/a;S1;Pengadministrasi Umum;01/01/2020;BKPSDM;;;\n\
        198405052009011005;Eko;III/a;S1;Pengadministrasi Umum;01/01/2020;BKPSDM;Pemotongan TPP;;\n\
        198506062010012006;Fitri;III/a;S1;Pengadministrasi Umum;01/01/2020;BKPSDM;Dimarahi;01/01/2026;\n";
    let (ws, a) = import(&workspace(), text);
    let status: Vec<RowStatus> = a.rows.iter().map(|(_, s)| s.clone()).collect();
    assert_eq!(
        status,
        [
            RowStatus::New,
            RowStatus::New,
            RowStatus::New,
            RowStatus::New,
            RowStatus::Invalid,
            RowStatus::Invalid
        ]
    );
    // The refusals name the column: a kind without its start, a text that
    // is no sanction.
    assert!(a
        .problems
        .iter()
        .any(|p| p.row == 6 && p.column.as_deref() == Some("I")));
    assert!(a
        .problems
        .iter()
        .any(|p| p.row == 7 && p.column.as_deref() == Some("H")));
    let sanctions = |nip: &str| {
        ws.asn
            .iter()
            .find(|a| a.nip.as_str() == nip)
            .unwrap()
            .flags
            .sanctions
            .clone()
    };
    let s = &sanctions("198001012005011001")[0];
    assert_eq!(
        (s.kind, s.level, s.imposed, s.ends()),
        (
            Some(SanctionKind::PotonganTukin9),
            SanctionLevel::Sedang,
            d(2026, 2, 1),
            d(2026, 11, 1)
        )
    );
    let s = &sanctions("198102022006012002")[0];
    assert_eq!(
        (s.kind, s.level, s.ends()),
        (None, SanctionLevel::Berat, d(2027, 1, 1))
    );
    assert_eq!(
        sanctions("198203032007011003")[0].kind,
        Some(SanctionKind::TeguranTertulis)
    );
    assert!(sanctions("198304042008012004").is_empty());
    // Imported again with the same start, the sanction is replaced, not
    // added.
    let again = "NIP;NAMA;GOL;PENDIDIKAN;JABATAN;TMT JABATAN;OPD;JENIS HUKUMAN;TMT HUKUMAN\n\
        198001012005011001;Ahmad;III/a;S1;Pengadministrasi Umum;01/01/2020;BKPSDM;Pemotongan Tunjangan Kinerja 25% selama 12 bulan;01/02/2026\n";
    let (ws, _) = import(&ws, again);
    let s = &ws
        .asn
        .iter()
        .find(|a| a.nip.as_str() == "198001012005011001")
        .unwrap()
        .flags
        .sanctions;
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].kind, Some(SanctionKind::PotonganTukin12));
}

#[test]
fn service_counts_from_the_service_credit_or_tmt_cpns() {
    // Entered 2005 by the NIP; a service credit of 24 years at a TMT
    // golongan of 1 April 2025 (prior service credited) starts it in 2001;
    // a TMT CPNS alone gives its year; neither leaves the NIP's.
    let text = "NIP BARU,NAMA,GOL AKHIR NAMA,TINGKAT PENDIDIKAN NAMA,JABATAN NAMA,TMT JABATAN,SATUAN KERJA INDUK NAMA,MK TAHUN,MK BULAN,TMT GOLONGAN,TMT CPNS\n\
        198001012005011001,Ahmad,III/a,S-1/Sarjana,Pengadministrasi Umum,01-01-2020,BKPSDM,24,0,01-04-2025,01-01-2005\n\
        198102022006012002,Budi,III/a,S-1/Sarjana,Pengadministrasi Umum,01-01-2020,BKPSDM,,,,01-03-2003\n\
        198203032007011003,Candra,III/a,S-1/Sarjana,Pengadministrasi Umum,01-01-2020,BKPSDM,,,,\n";
    let (ws, a) = import(&workspace(), text);
    assert_eq!(a.count(RowStatus::Invalid), 0, "{:?}", a.problems);
    let from = |nip: &str| {
        let p = ws.asn.iter().find(|a| a.nip.as_str() == nip).unwrap();
        (p.service_from_year, p.service_from())
    };
    assert_eq!(from("198001012005011001"), (Some(2001), 2001));
    assert_eq!(from("198102022006012002"), (Some(2003), 2003));
    assert_eq!(from("198203032007011003"), (None, 2007));
}
