//! Spreadsheet import end to end on the core: bytes → sheet → mapping →
//! analysis (row-level report) → apply, on the Jambi demo workspace.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use mutasi_planner::core::demo::jambi_demo;
use mutasi_planner::core::io::sheet::{self, Cell, Sheet};
use mutasi_planner::core::io::table_import::{
    analyse, apply, guess_mapping, Analysis, Blocking, DomicileSource, Field, ImportKind, Reason,
    RowStatus,
};
use mutasi_planner::core::model::*;
use mutasi_planner::i18n::Lang;
use mutasi_planner::messages::Message;

/// Encodes text as Windows-1252 (the characters used here are all Latin-1).
fn cp1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).expect("Latin-1 only"))
        .collect()
}

/// The analysis of `sheet` with the mapping the importer guesses.
fn analyse_guessed(kind: ImportKind, sheet: &Sheet, ws: &Workspace) -> Analysis {
    analyse(kind, sheet, &guess_mapping(kind, sheet), ws)
}

/// Fails with the findings when `ws` does not pass validation.
fn assert_no_errors(ws: &Workspace) {
    let errors: Vec<_> = ws
        .validate()
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

/// Each data row's status, in row order.
fn statuses(analysis: &Analysis) -> Vec<RowStatus> {
    analysis.rows.iter().map(|r| r.1.clone()).collect()
}

fn nip_of(ws: &Workspace, i: usize) -> String {
    ws.asn[i].nip.as_str().to_string()
}

/// A position of the demo that is the only one with its name in its unit,
/// with agency short name and unit name.
fn unique_position(ws: &Workspace) -> (Position, String, String) {
    let (p, agency, unit) = common::positions::named(ws)
        .next()
        .expect("no unique position");
    (p.clone(), agency.short_name.clone(), unit.name.clone())
}

#[test]
fn roster_csv_from_an_indonesian_excel_is_read_updated_and_reported_row_by_row() {
    let ws = jambi_demo();
    let (pos, agency, unit) = unique_position(&ws);
    let existing = nip_of(&ws, 0);
    let old_name = ws.asn[0].name.clone();
    // Title row, `;`, Windows-1252 (é), header spellings of a SIMPEG export,
    // stray spaces, d/m/yyyy, an existing NIP with a new name, a new ASN, a
    // duplicate, a bad golongan, a position the workspace lacks in a known
    // OPD without a unit (created in the OPD itself, noted), empty
    // trailing rows.
    let text = format!(
        "DAFTAR PEGAWAI PEMERINTAH PROVINSI JAMBI;;;;;;;;;\r\n\
         No;NIP Baru;Nama Pegawai;Gol/Ruang;Pendidikan Terakhir;Jurusan;OPD;Unit Kerja;Jabatan;TMT Jabatan;Domisili\r\n\
         1;{existing};  Renée   Siregar, S.E. ;;;;;;;;\r\n\
         2;'198503142010012003;Dewi Lestari;III/b;S-1;Akuntansi;{agency};{unit};{name};1/2/2021;\r\n\
         3;198503142010012003;Dewi Lagi;III/b;S1;;;;;;Kota Jambi\r\n\
         4;198001012005011004;Budi;III/z;S1;;;;;;Tebo\r\n\
         5;197901012006041005;Andi;II/c;SMA;;{agency};;Jabatan Yang Tidak Ada;01/01/2020;Bungo\r\n\
         ;;;;;;;;;;\r\n;;;;;;;;;;\r\n",
        name = pos.name
    );
    let sheet = sheet::read("pegawai.csv", &cp1252(&text)).unwrap();
    let mapping = guess_mapping(ImportKind::Roster, &sheet);
    assert_eq!(mapping.header_row, 1, "the title row is skipped");
    for (field, column) in [
        (Field::Nip, 1),
        (Field::Name, 2),
        (Field::Golongan, 3),
        (Field::Education, 4),
        (Field::Major, 5),
        (Field::Agency, 6),
        (Field::Unit, 7),
        (Field::PositionName, 8),
        (Field::Since, 9),
    ] {
        assert_eq!(mapping.columns.get(&field), Some(&column), "{field:?}");
    }
    let analysis = analyse(ImportKind::Roster, &sheet, &mapping, &ws);
    assert!(analysis.blocking.is_empty(), "{:?}", analysis.blocking);
    let statuses: Vec<(usize, RowStatus)> = analysis.rows.clone();
    assert_eq!(
        statuses,
        vec![
            (3, RowStatus::Update),
            (4, RowStatus::New),
            (5, RowStatus::Invalid),
            (6, RowStatus::Invalid),
            (7, RowStatus::New),
        ]
    );
    let report: Vec<(usize, Option<String>, Reason)> = analysis
        .problems
        .iter()
        .map(|p| (p.row, p.column.clone(), p.reason.clone()))
        .collect();
    // The new ASN has no domicile: a note that it is the unit's seat.
    let seat = ws.position_seat(&pos);
    assert_eq!(
        report[0],
        (
            4,
            Some("K".into()),
            Reason::DomicileAssumed {
                from: DomicileSource::PositionSeat,
                regency: seat
            }
        )
    );
    assert!(analysis.problems[0].reason.is_warning());
    assert_eq!(
        analysis.problems[0].message(Lang::Id),
        format!(
            "catatan: domisili tidak ada di file; diisi dari kedudukan unit kerja ({}) untuk jarak ke tempat tugas",
            seat.name()
        )
    );
    let report = &report[1..];
    assert_eq!(
        report[0],
        (5, Some("B".into()), Reason::Duplicate { first_row: 4 })
    );
    assert_eq!(report[1].0, 6);
    assert_eq!(report[1].1.as_deref(), Some("D"));
    assert_eq!(
        analysis.problems[2].message(Lang::Id),
        "GOL RUANG \"III/z\" bukan golongan seperti III/a"
    );
    assert_eq!(
        report[2],
        (
            7,
            Some("I".into()),
            Reason::PositionCreated {
                name: "Jabatan Yang Tidak Ada".into(),
                unit: String::new(),
                kind: PositionType::Pelaksana,
            }
        )
    );
    assert!(analysis.problems[3].reason.is_warning());
    assert!(analysis.problems[3]
        .message(Lang::Id)
        .contains("file tidak menyebut unit, jadi dibuat langsung di bawah OPD"));
    assert_eq!(report.len(), 3);

    // Nothing changes until apply; apply touches only the valid rows.
    let after = apply(&ws, &analysis);
    assert_eq!(ws.asn[0].name, old_name);
    assert_eq!(after.asn[0].name, "Renée Siregar, S.E.");
    assert_eq!(
        after.asn[0].position, ws.asn[0].position,
        "unmapped cells keep their values"
    );
    assert_eq!(after.asn.len(), ws.asn.len() + 2);
    // Andi's position is created under the OPD, in a unit named as it.
    let andi = after.asn.last().unwrap();
    let created = after
        .positions
        .iter()
        .find(|p| Some(&p.id) == andi.position.as_ref().map(|c| &c.position))
        .unwrap();
    assert_eq!(created.name, "Jabatan Yang Tidak Ada");
    let opd = after
        .agencies
        .iter()
        .find(|a| a.id == created.agency)
        .unwrap();
    assert_eq!(opd.short_name, agency);
    assert_eq!(opd.unit(&created.unit).unwrap().name, opd.name);
    let dewi = &after.asn[after.asn.len() - 2];
    assert_eq!(dewi.name, "Dewi Lestari");
    assert_eq!(dewi.gender, Gender::Female);
    assert_eq!(
        dewi.birth_date,
        mutasi_planner::core::date::Date::new(1985, 3, 14).unwrap()
    );
    assert_eq!(dewi.golongan.map(|g| g.code()), Some("III/b"));
    assert_eq!(dewi.education.level, EducationLevel::S1);
    assert_eq!(dewi.education.field, "Akuntansi");
    let current = dewi.position.as_ref().unwrap();
    assert_eq!(current.position, pos.id);
    assert_eq!(current.since.to_dmy(), "01/02/2021");
    assert_no_errors(&after);
}

#[test]
fn an_xlsx_nip_column_stored_as_numbers_blocks_the_import_with_excel_advice() {
    use rust_xlsxwriter::Workbook;
    let ws = jambi_demo();
    let mut book = Workbook::new();
    let s = book.add_worksheet();
    s.write_string(0, 0, "NIP").unwrap();
    s.write_string(0, 1, "NAMA").unwrap();
    s.write_number(1, 0, 198503142010012003.0).unwrap();
    s.write_string(1, 1, "Dewi").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let sheet = sheet::read("roster.xlsx", &bytes).unwrap();
    let mapping = guess_mapping(ImportKind::Roster, &sheet);
    let analysis = analyse(ImportKind::Roster, &sheet, &mapping, &ws);
    assert_eq!(
        analysis.blocking,
        vec![Blocking::NipStoredAsNumber {
            column: "A".into(),
            examples: vec!["1.99E+17".into()]
        }]
    );
    assert!(!analysis.can_apply());
    let message = analysis.blocking[0].message(Lang::Id);
    assert!(message.contains("Format Cells → Text"), "{message}");
    // The same in a CSV saved from that sheet.
    let sheet = sheet::read("roster.csv", b"NIP;NAMA\n1,98503E+17;Dewi\n").unwrap();
    let analysis = analyse_guessed(ImportKind::Roster, &sheet, &ws);
    assert!(matches!(
        analysis.blocking[..],
        [Blocking::NipStoredAsNumber { .. }]
    ));
}

#[test]
fn a_missing_required_mapping_blocks_and_nothing_is_read() {
    let ws = jambi_demo();
    let sheet = sheet::read("x.csv", b"NAMA;GOL\nBudi;III/a\n").unwrap();
    let mapping = guess_mapping(ImportKind::Roster, &sheet);
    let analysis = analyse(ImportKind::Roster, &sheet, &mapping, &ws);
    assert_eq!(analysis.blocking, vec![Blocking::NotMapped(Field::Nip)]);
    assert!(analysis.rows.is_empty());
    // Mapping one column twice is refused too.
    let mut twice = mapping.clone();
    twice.columns.insert(Field::Nip, 0);
    let analysis = analyse(ImportKind::Roster, &sheet, &twice, &ws);
    assert_eq!(
        analysis.blocking,
        vec![Blocking::ColumnTwice { column: "A".into() }]
    );
}

#[test]
fn xlsx_roster_with_date_cells_and_a_title_block() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let ws = jambi_demo();
    let (pos, agency, unit) = unique_position(&ws);
    let mut book = Workbook::new();
    let s = book.add_worksheet();
    let text = Format::new().set_num_format("@");
    let date = Format::new().set_num_format("dd/mm/yyyy");
    s.write_string(0, 0, "Daftar Nominatif").unwrap();
    for (c, h) in [
        "NIP",
        "NAMA",
        "GOL/RUANG",
        "PENDIDIKAN",
        "OPD",
        "UNIT KERJA",
        "JABATAN",
        "TMT JABATAN",
        "TGL LAHIR",
    ]
    .iter()
    .enumerate()
    {
        s.write_string(2, c as u16, *h).unwrap();
    }
    s.write_string_with_format(3, 0, "198503142010012003", &text)
        .unwrap();
    s.write_string(3, 1, "Dewi").unwrap();
    s.write_string(3, 2, "Penata Muda Tk. I").unwrap();
    s.write_string(3, 3, "D-IV").unwrap();
    s.write_string(3, 4, &agency).unwrap();
    s.write_string(3, 5, &unit).unwrap();
    s.write_string(3, 6, &pos.name).unwrap();
    s.write_datetime_with_format(3, 7, ExcelDateTime::from_ymd(2022, 7, 1).unwrap(), &date)
        .unwrap();
    s.write_datetime_with_format(3, 8, ExcelDateTime::from_ymd(1985, 3, 15).unwrap(), &date)
        .unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let sheet = sheet::read("nominatif.xlsx", &bytes).unwrap();
    assert_eq!(sheet.cell(3, 7), &Cell::Date(44743.0));
    let mapping = guess_mapping(ImportKind::Roster, &sheet);
    assert_eq!(mapping.header_row, 2);
    let analysis = analyse(ImportKind::Roster, &sheet, &mapping, &ws);
    // The birth date cell disagrees with the NIP by one day: reported on
    // spreadsheet row 4, column I; the domicile (no column) is noted.
    assert_eq!(analysis.problems.len(), 2, "{:?}", analysis.problems);
    assert!(matches!(
        analysis.problems[1].reason,
        Reason::DomicileAssumed {
            from: DomicileSource::PositionSeat,
            ..
        }
    ));
    let p = &analysis.problems[0];
    assert_eq!((p.row, p.column.as_deref()), (4, Some("I")));
    assert_eq!(
        p.message(Lang::En),
        "differs from the birth date in the NIP (14/03/1985)"
    );
}

#[test]
fn positions_import_updates_by_identity_creates_units_and_refuses_unknown_agencies() {
    let ws = jambi_demo();
    let (pos, agency, unit) = unique_position(&ws);
    let text = format!(
        "NAMA JABATAN,JENIS JABATAN,OPD,UNIT KERJA,PENDIDIKAN MINIMAL,JURUSAN DITERIMA,KEBUTUHAN\n\
         {name},{kind},{agency},{unit},S1,\"Hukum; Ilmu Pemerintahan\",7\n\
         Analis Data Kepegawaian,JF Ahli Pertama,{agency},Seksi Data Baru,S1,,2\n\
         Pengolah Data,Pelaksana,{agency},Seksi Data Baru,SMA,,3\n\
         Analis,JF Ahli Muda,Dinas Yang Tidak Ada,Umum,S1,,1\n\
         Penata,Kepala Suku,{agency},{unit},S1,,1\n",
        name = pos.name,
        kind = pos.kind.label()
    );
    let sheet = sheet::read("jabatan.csv", text.as_bytes()).unwrap();
    let mapping = guess_mapping(ImportKind::Positions, &sheet);
    let analysis = analyse(ImportKind::Positions, &sheet, &mapping, &ws);
    assert_eq!(
        statuses(&analysis),
        vec![
            RowStatus::Update,
            RowStatus::New,
            RowStatus::New,
            RowStatus::Invalid,
            RowStatus::Invalid
        ]
    );
    assert_eq!(
        analysis.new_units,
        vec![format!("{agency} / Seksi Data Baru")]
    );
    assert!(matches!(
        analysis.problems[0].reason,
        Reason::UnknownAgency(_)
    ));
    assert_eq!(analysis.problems[0].column.as_deref(), Some("C"));
    assert_eq!(analysis.problems[1].column.as_deref(), Some("B"));
    let after = apply(&ws, &analysis);
    let updated = after.positions.iter().find(|p| p.id == pos.id).unwrap();
    assert_eq!(updated.need, 7);
    assert_eq!(updated.education.fields, vec!["Hukum", "Ilmu Pemerintahan"]);
    assert_eq!(
        updated.competencies, pos.competencies,
        "the standard is kept"
    );
    assert_eq!(after.positions.len(), ws.positions.len() + 2);
    let new = after.positions.last().unwrap();
    assert_eq!(new.kind, PositionType::Pelaksana);
    assert_eq!(
        new.competencies,
        standard_requirements(PositionType::Pelaksana)
    );
    assert_no_errors(&after);
    // Both new positions share the one new unit.
    let n = after.positions.len();
    assert_eq!(after.positions[n - 1].unit, after.positions[n - 2].unit);
}

#[test]
fn performance_import_by_predikat_or_ratings_per_period() {
    let ws = jambi_demo();
    let a = nip_of(&ws, 3);
    let b = nip_of(&ws, 4);
    let last = ws.asn[3].performance.last().unwrap().period;
    let text = format!(
        "NIP\tTAHUN\tTRIWULAN\tHASIL KERJA\tPERILAKU KERJA\tPREDIKAT\tNILAI\n\
         {a}\t2027\t\t\t\tSangat Baik\t92,5\n\
         {b}\t2027\tTW II\tdi atas ekspektasi\tsesuai\t\t\n\
         {a}\t{y}\t{q}\t\t\tButuh Perbaikan\t\n\
         198503142010012003\t2027\t\t\t\tBaik\t\n\
         {b}\t2027\t\t\t\t\t\n\
         {a}\t2027\t\t\t\tBaik\t\n",
        y = last.year,
        q = last.quarter.map(|q| q.to_string()).unwrap_or_default()
    );
    let sheet = sheet::read("kinerja.tsv", text.as_bytes()).unwrap();
    let analysis = analyse_guessed(ImportKind::Performance, &sheet, &ws);
    assert_eq!(
        statuses(&analysis),
        vec![
            RowStatus::New,
            RowStatus::New,
            RowStatus::Update,
            RowStatus::Invalid,
            RowStatus::Invalid,
            RowStatus::Invalid
        ]
    );
    let reasons: Vec<_> = analysis
        .problems
        .iter()
        .map(|p| (p.row, p.reason.clone()))
        .collect();
    assert_eq!(
        reasons,
        vec![
            (5, Reason::UnknownNip("198503142010012003".into())),
            (6, Reason::NeedRatingsOrPredikat),
            (7, Reason::Duplicate { first_row: 2 }),
        ]
    );
    let after = apply(&ws, &analysis);
    let rec = after.asn[3]
        .performance
        .iter()
        .find(|r| r.period == Period::annual(2027))
        .unwrap();
    assert_eq!(rec.predikat(), Predikat::SangatBaik);
    assert_eq!(rec.score, Some(92.5));
    let replaced = after.asn[3]
        .performance
        .iter()
        .find(|r| r.period == last)
        .unwrap();
    assert_eq!(replaced.predikat(), Predikat::ButuhPerbaikan);
    assert_eq!(
        after.asn[3].performance.len(),
        ws.asn[3].performance.len() + 1
    );
    let q2 = after.asn[4].performance.last().unwrap();
    assert_eq!((q2.period.year, q2.period.quarter), (2027, Some(2)));
    assert_eq!(q2.predikat(), Predikat::Baik);
}

#[test]
fn an_ambiguous_position_name_asks_for_the_unit() {
    let ws = jambi_demo();
    // A name held by positions in several units.
    let name = ws
        .positions
        .iter()
        .find(|p| ws.positions.iter().filter(|q| q.name == p.name).count() > 1)
        .map(|p| p.name.clone())
        .unwrap();
    let text = format!("NIP;NAMA;GOL;PENDIDIKAN;JABATAN;TMT JABATAN;DOMISILI\n198503142010012003;Dewi;III/a;S1;{name};01-07-22;Tebo\n");
    let sheet = sheet::read("x.csv", text.as_bytes()).unwrap();
    let analysis = analyse_guessed(ImportKind::Roster, &sheet, &ws);
    assert!(matches!(
        &analysis.problems[..],
        [p] if matches!(p.reason, Reason::AmbiguousPosition { count, .. } if count > 1)
    ));
    assert!(analysis.problems[0]
        .message(Lang::Id)
        .contains("UNIT KERJA"));
}

#[test]
fn a_tmt_before_the_birth_date_is_refused_on_its_row() {
    // Regression, found by tests/fuzz_sheets.rs: the row used to pass and
    // leave a workspace that failed validation.
    let ws = jambi_demo();
    let (pos, agency, unit) = unique_position(&ws);
    let text = format!(
        "NIP;NAMA;GOL;PENDIDIKAN;OPD;UNIT KERJA;JABATAN;TMT JABATAN\n\
         198503142010012003;Dewi;III/a;S1;{agency};{unit};{name};01/01/1980\n",
        name = pos.name
    );
    let sheet = sheet::read("x.csv", text.as_bytes()).unwrap();
    let analysis = analyse_guessed(ImportKind::Roster, &sheet, &ws);
    assert_eq!(analysis.rows, vec![(2, RowStatus::Invalid)]);
    assert_eq!(analysis.problems[0].reason, Reason::SinceBeforeBirth);
    assert_eq!(analysis.problems[0].column.as_deref(), Some("H"));
    assert!(!analysis.can_apply());
}

#[test]
fn pppk_rows_import_their_golongan_and_warn_on_an_unusual_ni_pppk() {
    let ws = jambi_demo();
    // Row 2: a NI PPPK with the usual 21; row 3: digits 13–14 "05" (seen in
    // practice: a warning, the row imports); row 4: a golongan off the
    // PPPK scale; row 5: a PNS whose NIP has "00" there (refused).
    let text = "NIP;NAMA;STATUS;GOLONGAN;PENDIDIKAN;DOMISILI\n\
                199002032023212015;Sari Wulandari;PPPK;IX;S1;Kota Jambi\n\
                199104052023052016;Rina Marlina;PPPK;Gol. VII;D3;Tebo\n\
                199206072023212017;Dedi Kurniawan;PPPK;XVIII;S1;Bungo\n\
                199306082023001018;Joko Susilo;PNS;III/a;S1;Bungo\n";
    let sheet = sheet::read("pppk.csv", text.as_bytes()).unwrap();
    let analysis = analyse_guessed(ImportKind::Roster, &sheet, &ws);
    assert!(analysis.blocking.is_empty(), "{:?}", analysis.blocking);
    assert_eq!(
        statuses(&analysis),
        vec![
            RowStatus::New,
            RowStatus::New,
            RowStatus::Invalid,
            RowStatus::Invalid
        ]
    );
    let by_row = |row: usize| -> Vec<&Reason> {
        analysis
            .problems
            .iter()
            .filter(|p| p.row == row)
            .map(|p| &p.reason)
            .collect()
    };
    assert!(by_row(2).is_empty(), "{:?}", by_row(2));
    assert_eq!(
        by_row(3),
        vec![&Reason::NiPppkMarker {
            digits: "05".into()
        }]
    );
    assert!(by_row(3)[0].is_warning());
    let warning = analysis.problems.iter().find(|p| p.row == 3).unwrap();
    assert_eq!(warning.column.as_deref(), Some("A"));
    assert!(warning.message(Lang::Id).contains("\"05\""));
    assert_eq!(
        analysis
            .problems
            .iter()
            .find(|p| p.row == 4)
            .map(|p| p.message(Lang::Id)),
        Some("GOL RUANG \"XVIII\" bukan golongan PPPK I–XVII".to_string())
    );
    assert!(
        matches!(by_row(5)[..], [Reason::Value { .. }]),
        "{:?}",
        by_row(5)
    );

    let after = apply(&ws, &analysis);
    let find = |nip: &str| after.asn.iter().find(|a| a.nip.as_str() == nip).unwrap();
    let sari = find("199002032023212015");
    assert_eq!(sari.status, EmploymentStatus::Pppk);
    assert_eq!(sari.golongan, None);
    assert_eq!(sari.pppk_golongan.map(|g| g.code()), Some("IX"));
    let rina = find("199104052023052016");
    assert_eq!(rina.status, EmploymentStatus::Pppk);
    assert_eq!(rina.pppk_golongan.map(|g| g.number()), Some(7));
    assert_no_errors(&after);
    // The workspace with the unusual NI PPPK survives its own file format.
    let file = mutasi_planner::core::io::plan_file::write(&after, "t");
    let back = mutasi_planner::core::io::plan_file::read(&file).unwrap();
    assert_eq!(back.workspace.asn, after.asn);
}

#[test]
fn a_new_workspaces_first_files_bring_its_opds_and_a_roster_fills_them() {
    let mut ws = Workspace::empty("Kabupaten Bungo");
    ws.government = Government::Regency(Regency::Bungo);
    let text = "JABATAN;JENIS JABATAN;OPD;UNIT KERJA;GOL MIN;PENDIDIKAN MIN;KEBUTUHAN\n\
         Analis Kepegawaian Ahli Pertama;JF Ahli Pertama;BKPSDM;Bidang Mutasi;III/a;S1;4\n\
         Pengadministrasi Perkantoran;Pelaksana;BKPSDM;Sekretariat;II/a;SMA;3\n\
         Pengadministrasi Perkantoran;Pelaksana;Dinas Pendidikan;Sekretariat;II/a;SMA;2\n\
         Penata;Jenis Yang Salah;Dinas Salah Ketik;Umum;II/a;SMA;1\n";
    let sheet = sheet::read("jabatan.csv", text.as_bytes()).unwrap();
    let analysis = analyse_guessed(ImportKind::Positions, &sheet, &ws);
    assert_eq!(
        statuses(&analysis),
        vec![
            RowStatus::New,
            RowStatus::New,
            RowStatus::New,
            RowStatus::Invalid
        ]
    );
    // Two OPDs, each noted once on the first row naming it; the OPD of the
    // row that fails is not created and the row says it is unknown.
    let names: Vec<&str> = analysis
        .new_agencies
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(names, ["BKPSDM", "Dinas Pendidikan"]);
    let created: Vec<(usize, String)> = analysis
        .problems
        .iter()
        .filter_map(|p| match &p.reason {
            Reason::AgencyCreated { name } => Some((p.row, name.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        created,
        [
            (2, "BKPSDM".to_string()),
            (4, "Dinas Pendidikan".to_string())
        ]
    );
    let last: Vec<&Reason> = analysis
        .problems
        .iter()
        .filter(|p| p.row == 5)
        .map(|p| &p.reason)
        .collect();
    assert!(
        last.iter()
            .any(|r| matches!(r, Reason::UnknownAgency(n) if n == "Dinas Salah Ketik")),
        "{last:?}"
    );
    let note = analysis.problems[0].message(Lang::Id);
    assert!(note.contains("OPD \"BKPSDM\" belum ada di data"), "{note}");

    let after = apply(&ws, &analysis);
    assert_no_errors(&after);
    assert_eq!(after.agencies.len(), 2);
    let bkpsdm = &after.agencies[0];
    assert_eq!(bkpsdm.id.0, "bkpsdm");
    assert_eq!(bkpsdm.kind, AgencyKind::Badan);
    assert_eq!(bkpsdm.government, Government::Regency(Regency::Bungo));
    assert_eq!(bkpsdm.seat, Regency::Bungo);
    assert_eq!(bkpsdm.units.len(), 2);
    assert_eq!(after.agencies[1].kind, AgencyKind::Dinas);
    assert_eq!(after.positions.len(), 3);
    assert!(
        after
            .positions
            .iter()
            .filter(|p| p.agency == bkpsdm.id)
            .count()
            == 2
    );

    // The roster that follows finds the OPDs, units and positions.
    let roster = "NIP;NAMA;GOL RUANG;PENDIDIKAN;OPD;UNIT KERJA;JABATAN;TMT JABATAN\n\
         198503142010012003;Dewi Lestari;III/b;S1;BKPSDM;Bidang Mutasi;Analis Kepegawaian Ahli Pertama;01/02/2019\n\
         199001012015031001;Rahmat Hidayat;II/c;SMA;Dinas Pendidikan;Sekretariat;Pengadministrasi Perkantoran;01/03/2018\n";
    let sheet = sheet::read("pegawai.csv", roster.as_bytes()).unwrap();
    let people = analyse_guessed(ImportKind::Roster, &sheet, &after);
    assert_eq!(statuses(&people), vec![RowStatus::New, RowStatus::New]);
    assert!(people.new_agencies.is_empty());
    let full = apply(&after, &people);
    assert_no_errors(&full);
    assert_eq!(full.asn.len(), 2);
    assert_eq!(full.agencies.len(), 2, "nothing created twice");

    // A workspace with OPDs creates none: an unknown name is an error.
    let typo = "JABATAN;JENIS JABATAN;OPD;UNIT KERJA;KEBUTUHAN\nPenata;Pelaksana;BKPSDN;Umum;1\n";
    let sheet = sheet::read("jabatan.csv", typo.as_bytes()).unwrap();
    let refused = analyse_guessed(ImportKind::Positions, &sheet, &full);
    assert_eq!(statuses(&refused), vec![RowStatus::Invalid]);
    assert!(refused.new_agencies.is_empty());
    assert!(matches!(&refused.problems[0].reason, Reason::UnknownAgency(n) if n == "BKPSDN"));
}
