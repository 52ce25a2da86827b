//! Real export shapes (issue 15): a SIASN "Export Data ASN" CSV and a
//! SIMPEG/DUK sheet, written here in the shape ../shared/DOMAIN.md
//! describes ("What BKD staff export"), import with the guessed mapping
//! alone: titles joined to the name, golongan from GOL AKHIR NAMA, level
//! and programme from TINGKAT PENDIDIKAN NAMA and PENDIDIKAN NAMA, M/F,
//! C/P beside JENIS PEGAWAI NAMA, and a domicile taken from the work
//! location — said as a note, not an error, since no export carries one.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use mutasi_planner::core::demo::jambi_demo;
use mutasi_planner::core::io::sheet;
use mutasi_planner::core::io::table_import::{
    analyse, apply, guess_mapping, Analysis, DomicileSource, Field, ImportKind, Reason, RowStatus,
};
use mutasi_planner::core::model::*;
use mutasi_planner::core::rules::{person_rejections, Rule};

/// Three demo positions, each the only one of its name in its unit: (name,
/// unit name, agency name).
fn positions(ws: &Workspace) -> Vec<(String, String, String, Regency)> {
    let mut out: Vec<(String, String, String, Regency)> = Vec::new();
    for (p, agency, unit) in common::positions::named(ws) {
        if out.iter().all(|(_, _, a, _)| a != &agency.name) {
            out.push((
                p.name.clone(),
                unit.name.clone(),
                agency.name.clone(),
                ws.position_seat(p),
            ));
        }
        if out.len() == 3 {
            break;
        }
    }
    out
}

/// An analysis's problems as (row, reason).
fn report(analysis: &Analysis) -> Vec<(usize, Reason)> {
    analysis
        .problems
        .iter()
        .map(|p| (p.row, p.reason.clone()))
        .collect()
}

const SIASN_HEADER: &str = "PNS ID,NIP BARU,NIP LAMA,NAMA,GELAR DEPAN,GELAR BELAKANG,TEMPAT LAHIR NAMA,TANGGAL LAHIR,JENIS KELAMIN,AGAMA NAMA,JENIS KAWIN NAMA,JENIS PEGAWAI NAMA,KEDUDUKAN HUKUM NAMA,STATUS CPNS PNS,TMT CPNS,TMT PNS,GOL AWAL NAMA,GOL AKHIR NAMA,TMT GOLONGAN,MK TAHUN,MK BULAN,JENIS JABATAN NAMA,JABATAN NAMA,TMT JABATAN,TINGKAT PENDIDIKAN NAMA,PENDIDIKAN NAMA,TAHUN LULUS,LOKASI KERJA NAMA,UNOR NAMA,INSTANSI INDUK NAMA,INSTANSI KERJA NAMA,SATUAN KERJA INDUK NAMA,SATUAN KERJA KERJA NAMA";

#[test]
fn a_siasn_export_imports_every_row_with_the_guessed_mapping() {
    let ws = jambi_demo();
    let p = positions(&ws);
    assert_eq!(p.len(), 3);
    let up = |s: &str| s.to_uppercase();
    let rows = [
        format!(
            "8ae4828,198503142010012003,,DEWI LESTARI,,S.E.,JAMBI,14-03-1985,F,Islam,Menikah,PNS Daerah Provinsi,Aktif,P,01-01-2010,01-01-2011,III/a,III/b,01-04-2019,12,0,Jabatan Fungsional Tertentu,{},01-02-2021,S-1/Sarjana,S1 AKUNTANSI,2008,KOTA JAMBI,{},Pemerintah Provinsi Jambi,Pemerintah Provinsi Jambi,{},{}",
            p[0].0, p[0].1, up(&p[0].2), p[0].2
        ),
        format!(
            "8ae4829,198001012005011004,,BUDI SANTOSO,dr.,M.Kes,BUNGO,01-01-1980,M,Islam,Menikah,PNS Daerah Provinsi,Tugas Belajar,P,01-01-2005,01-01-2006,III/a,IV/a,01-04-2018,19,0,Jabatan Struktural,\"{}\",01-03-2020,S-2,S2 KESEHATAN MASYARAKAT,2012,,{},Pemerintah Provinsi Jambi,Pemerintah Provinsi Jambi,{},{}",
            p[1].0, p[1].1, up(&p[1].2), p[1].2
        ),
        format!(
            "8ae4830,199501012020122001,,SITI AMINAH,,A.Md.Kep.,MUARA TEBO,01-01-1995,F,Islam,Belum Kawin,PNS Daerah Provinsi,CLTN,C,01-12-2020,,II/c,II/c,01-12-2020,0,11,Jabatan Fungsional Tertentu,{},01-12-2020,Diploma III,D-III KEPERAWATAN,2016,KABUPATEN TEBO,{},Pemerintah Provinsi Jambi,Pemerintah Provinsi Jambi,{},{}",
            p[2].0, p[2].1, up(&p[2].2), p[2].2
        ),
    ];
    let text = format!("{SIASN_HEADER}\r\n{}\r\n", rows.join("\r\n"));
    let sheet = sheet::read("Export Data ASN.csv", text.as_bytes()).unwrap();
    let mapping = guess_mapping(ImportKind::Roster, &sheet);
    // What each field is read from: no hand mapping.
    let headers: Vec<&str> = SIASN_HEADER.split(',').collect();
    let column = |f: Field| mapping.columns.get(&f).map(|&c| headers[c]);
    for (field, header) in [
        (Field::Nip, "NIP BARU"),
        (Field::Name, "NAMA"),
        (Field::TitleFront, "GELAR DEPAN"),
        (Field::TitleBack, "GELAR BELAKANG"),
        (Field::BirthDate, "TANGGAL LAHIR"),
        (Field::Gender, "JENIS KELAMIN"),
        (Field::Status, "JENIS PEGAWAI NAMA"),
        (Field::CandidateStatus, "STATUS CPNS PNS"),
        (Field::Golongan, "GOL AKHIR NAMA"),
        (Field::Education, "TINGKAT PENDIDIKAN NAMA"),
        (Field::Major, "PENDIDIKAN NAMA"),
        (Field::Agency, "SATUAN KERJA INDUK NAMA"),
        (Field::Unit, "UNOR NAMA"),
        (Field::PositionName, "JABATAN NAMA"),
        (Field::Since, "TMT JABATAN"),
        (Field::WorkLocation, "LOKASI KERJA NAMA"),
        (Field::LegalStatus, "KEDUDUKAN HUKUM NAMA"),
    ] {
        assert_eq!(column(field), Some(header), "{field:?}");
    }
    assert_eq!(column(Field::Domicile), None);
    let analysis = analyse(ImportKind::Roster, &sheet, &mapping, &ws);
    assert!(analysis.blocking.is_empty(), "{:?}", analysis.blocking);
    assert_eq!(
        analysis.rows,
        vec![
            (2, RowStatus::New),
            (3, RowStatus::New),
            (4, RowStatus::New)
        ]
    );
    // The only report lines are notes: the domicile, and a kedudukan
    // hukum that is not Aktif.
    let report = report(&analysis);
    assert_eq!(
        report,
        vec![
            (
                2,
                Reason::DomicileAssumed {
                    from: DomicileSource::WorkLocation,
                    regency: Regency::KotaJambi
                }
            ),
            (
                3,
                Reason::DomicileAssumed {
                    from: DomicileSource::PositionSeat,
                    regency: p[1].3
                }
            ),
            (3, Reason::NotActive(LegalStatus::TugasBelajar)),
            (
                4,
                Reason::DomicileAssumed {
                    from: DomicileSource::WorkLocation,
                    regency: Regency::Tebo
                }
            ),
            (4, Reason::NotActive(LegalStatus::Cltn)),
        ]
    );
    assert!(analysis.problems.iter().all(|p| p.reason.is_warning()));
    let after = apply(&ws, &analysis);
    assert_eq!(after.asn.len(), ws.asn.len() + 3);
    let person = |nip: &str| after.asn.iter().find(|a| a.nip.as_str() == nip).unwrap();
    let dewi = person("198503142010012003");
    assert_eq!(dewi.name, "DEWI LESTARI, S.E.");
    assert_eq!(dewi.status, EmploymentStatus::Pns);
    assert_eq!(dewi.golongan.map(|g| g.code()), Some("III/b"));
    assert_eq!(
        (dewi.education.level, dewi.education.field.as_str()),
        (EducationLevel::S1, "Akuntansi")
    );
    assert_eq!(dewi.domicile, Regency::KotaJambi);
    let pos = &dewi.position.as_ref().unwrap();
    assert_eq!(
        pos.since,
        mutasi_planner::core::date::Date::new(2021, 2, 1).unwrap()
    );
    let budi = person("198001012005011004");
    assert_eq!(budi.name, "dr. BUDI SANTOSO, M.Kes");
    assert_eq!(budi.gender, Gender::Male);
    assert_eq!(
        (budi.education.level, budi.education.field.as_str()),
        (EducationLevel::S2, "Kesehatan Masyarakat")
    );
    assert_eq!(budi.domicile, p[1].3);
    let siti = person("199501012020122001");
    assert_eq!(siti.status, EmploymentStatus::Cpns, "STATUS CPNS PNS = C");
    assert_eq!(siti.name, "SITI AMINAH, A.Md.Kep.");
    assert_eq!(
        (siti.education.level, siti.education.field.as_str()),
        (EducationLevel::D3, "Keperawatan")
    );
    assert_eq!(siti.domicile, Regency::Tebo);
    // The kedudukan hukum keeps them in place: CLTN always, tugas belajar
    // where the scenario excludes study leave.
    assert_eq!(dewi.flags.legal_status, None);
    assert_eq!(siti.flags.legal_status, Some(LegalStatus::Cltn));
    let on = mutasi_planner::core::date::Date::new(2027, 1, 1).unwrap();
    let mut rules = RuleSettings {
        exclude_cpns: false,
        ..RuleSettings::default()
    };
    let legal = |a: &Asn, rules: &RuleSettings| {
        person_rejections(a, rules, on)
            .into_iter()
            .any(|r| r.rule() == Rule::LegalStatus)
    };
    assert!(legal(siti, &rules));
    assert!(!legal(dewi, &rules));
    rules.exclude_study_leave = true;
    assert!(legal(budi, &rules));
    rules.exclude_study_leave = false;
    assert!(!legal(budi, &rules));
    assert!(
        legal(siti, &RuleSettings::default()),
        "whatever the settings"
    );
}

#[test]
fn a_simpeg_duk_sheet_with_title_rows_imports_with_its_header_variants() {
    let ws = jambi_demo();
    let p = positions(&ws);
    // Two title rows, GOL RUANG AKHIR and PANGKAT, TINGKAT PENDIDIKAN and
    // PENDIDIKAN TERAKHIR (the programme), UNIT ORGANISASI, no domicile.
    let text = format!(
        "DAFTAR URUT KEPANGKATAN PEGAWAI NEGERI SIPIL;;;;;;;;;;\r\n\
         PEMERINTAH PROVINSI JAMBI TAHUN 2026;;;;;;;;;;\r\n\
         NO;NIP BARU;NAMA;GOL RUANG AKHIR;PANGKAT;JABATAN NAMA;UNIT ORGANISASI;OPD;TMT JABATAN;TINGKAT PENDIDIKAN;PENDIDIKAN TERAKHIR;TGL LAHIR\r\n\
         1;198503142010012003;Dewi Lestari, S.E.;III/b;Penata Muda Tingkat I;{};{};{};01/02/2021;S-1;S1 Akuntansi;14/03/1985\r\n\
         2;198001012005011004;Budi Santoso;IV/a;Pembina;{};{};{};01/03/2020;Strata 2;Kesehatan Masyarakat;01/01/1980\r\n",
        p[0].0, p[0].1, p[0].2, p[1].0, p[1].1, p[1].2
    );
    let sheet = sheet::read("duk.csv", text.as_bytes()).unwrap();
    let mapping = guess_mapping(ImportKind::Roster, &sheet);
    assert_eq!(mapping.header_row, 2);
    let header = |f: Field| mapping.columns.get(&f).copied();
    assert_eq!(
        header(Field::Golongan),
        Some(3),
        "GOL RUANG AKHIR, not PANGKAT"
    );
    assert_eq!(header(Field::Education), Some(9), "TINGKAT PENDIDIKAN");
    assert_eq!(header(Field::Major), Some(10), "PENDIDIKAN TERAKHIR");
    assert_eq!(header(Field::Unit), Some(6));
    let analysis = analyse(ImportKind::Roster, &sheet, &mapping, &ws);
    assert_eq!(
        analysis.rows,
        vec![(4, RowStatus::New), (5, RowStatus::New)],
        "{:?}",
        analysis.problems
    );
    let after = apply(&ws, &analysis);
    let dewi = after
        .asn
        .iter()
        .find(|a| a.nip.as_str() == "198503142010012003")
        .unwrap();
    assert_eq!(dewi.education.field, "Akuntansi");
    let budi = after
        .asn
        .iter()
        .find(|a| a.nip.as_str() == "198001012005011004")
        .unwrap();
    assert_eq!(
        (budi.education.level, budi.education.field.as_str()),
        (EducationLevel::S2, "Kesehatan Masyarakat")
    );
    assert_eq!(budi.domicile, p[1].3, "the unit's seat, noted");

    // Only PENDIDIKAN TERAKHIR: it gives the level and the programme.
    let text = format!(
        "NIP;NAMA;GOL/RUANG;PENDIDIKAN TERAKHIR;UNIT KERJA;OPD;JABATAN;TMT JABATAN\r\n\
         198503142010012003;Dewi;III/b;S1 Akuntansi;{};{};{};01/02/2021\r\n",
        p[0].1, p[0].2, p[0].0
    );
    let sheet = sheet::read("duk2.csv", text.as_bytes()).unwrap();
    let mapping = guess_mapping(ImportKind::Roster, &sheet);
    assert_eq!(mapping.columns.get(&Field::Education), Some(&3));
    assert_eq!(mapping.columns.get(&Field::Major), None);
    let analysis = analyse(ImportKind::Roster, &sheet, &mapping, &ws);
    assert_eq!(
        analysis.rows,
        vec![(2, RowStatus::New)],
        "{:?}",
        analysis.problems
    );
    let after = apply(&ws, &analysis);
    let dewi = after.asn.last().unwrap();
    assert_eq!(
        (dewi.education.level, dewi.education.field.as_str()),
        (EducationLevel::S1, "Akuntansi")
    );
}

#[test]
fn each_source_is_recognised_and_a_corrected_mapping_is_remembered() {
    use mutasi_planner::core::io::sheet_export::template_csv;
    use mutasi_planner::core::io::table_import::{detect_source, signature, MappingMemory, Source};
    let siasn = sheet::read("a.csv", format!("{SIASN_HEADER}\r\n").as_bytes()).unwrap();
    let duk = sheet::read(
        "duk.csv",
        "DAFTAR URUT KEPANGKATAN;;\r\nNO;NIP;NAMA;GOL/RUANG;PANGKAT;UNIT KERJA\r\n1;198503142010012003;Dewi;III/b;Penata Muda Tingkat I;Umum\r\n"
            .as_bytes(),
    )
    .unwrap();
    let template = sheet::read("t.csv", template_csv(ImportKind::Roster).as_bytes()).unwrap();
    let other = sheet::read("o.csv", b"NIP;NAMA\r\n198503142010012003;Dewi\r\n").unwrap();
    let source = |s: &sheet::Sheet| {
        let m = guess_mapping(ImportKind::Roster, s);
        detect_source(ImportKind::Roster, s, m.header_row)
    };
    assert_eq!(source(&siasn), Source::Siasn);
    assert_eq!(source(&duk), Source::SimpegDuk);
    assert_eq!(source(&template), Source::Template);
    assert_eq!(
        source(&other),
        Source::Template,
        "a subset of the template's headers"
    );
    let unknown = sheet::read("u.csv", b"ID;KETERANGAN\r\n1;x\r\n").unwrap();
    assert_eq!(source(&unknown), Source::Other);
    // Positions: an Anjab/ABK worksheet and a rincian formasi.
    let positions = |text: &str| {
        let s = sheet::read("p.csv", text.as_bytes()).unwrap();
        let m = guess_mapping(ImportKind::Positions, &s);
        detect_source(ImportKind::Positions, &s, m.header_row)
    };
    assert_eq!(
        positions(
            "ANJAB DAN ABK;;\r\nNO;NAMA JABATAN;UNIT KERJA;KELAS JABATAN;BEZETTING;KEBUTUHAN\r\n"
        ),
        Source::AnjabAbk
    );
    assert_eq!(
        positions("NO;INSTANSI;UNOR INDUK;JABATAN;LOKASI FORMASI;JUMLAH FORMASI\r\n"),
        Source::RincianFormasi
    );
    assert_eq!(positions("NO;JABATAN;KETERANGAN\r\n"), Source::Other);

    // The analyst maps NAMA to another column: remembered by the header,
    // recalled for the next file with the same header, not for another.
    let mut mapping = guess_mapping(ImportKind::Roster, &duk);
    mapping.columns.insert(Field::Name, 4);
    mapping.columns.remove(&Field::Unit);
    let key = signature(ImportKind::Roster, &duk, mapping.header_row);
    let mut memory = MappingMemory::default();
    memory.remember(&key, &mapping);
    let json = serde_json::to_string(&memory).unwrap();
    let memory: MappingMemory = serde_json::from_str(&json).unwrap();
    assert_eq!(
        memory.recall(ImportKind::Roster, &key, duk.width()),
        Some(mapping.clone())
    );
    let other_key = signature(ImportKind::Roster, &siasn, 0);
    assert_eq!(
        memory.recall(ImportKind::Roster, &other_key, siasn.width()),
        None
    );
    let positions_key = signature(ImportKind::Positions, &duk, mapping.header_row);
    assert_ne!(positions_key, key, "the kind is part of the key");
    // Only the newest shapes are kept.
    let mut memory = MappingMemory::default();
    for i in 0..=MappingMemory::CAPACITY {
        memory.remember(&format!("k{i}"), &mapping);
    }
    assert_eq!(memory.recall(ImportKind::Roster, "k0", duk.width()), None);
    assert!(memory
        .recall(
            ImportKind::Roster,
            &format!("k{}", MappingMemory::CAPACITY),
            duk.width()
        )
        .is_some());
}

#[test]
fn an_anjab_abk_worksheet_imports_positions_and_needs_without_a_type_column() {
    let ws = jambi_demo();
    // An existing position with its unit, agency and occupancy.
    let (pos, unit, agency) = common::positions::named(&ws)
        .next()
        .map(|(p, a, u)| (p.clone(), u.name.clone(), a.name.clone()))
        .unwrap();
    let occupancy = ws.occupancy().get(&pos.id).copied().unwrap_or(0);
    let text = format!(
        "REKAPITULASI ANALISIS JABATAN DAN BEBAN KERJA;;;;;;\r\n\
         TAHUN 2026;;;;;;\r\n\
         NO;NAMA JABATAN;UNIT KERJA;OPD;KELAS JABATAN;BEZETTING;KEBUTUHAN\r\n\
         1;Analis Kebijakan Ahli Muda;Bidang Baru Sekali;{agency};9;1;3\r\n\
         2;Kepala Seksi Pelayanan Rujukan;Bidang Baru Sekali;{agency};8;0;1\r\n\
         3;Pengadministrasi Umum;Bidang Baru Sekali;{agency};5;2;2\r\n\
         4;Kepala Bidang Baru Sekali;Bidang Baru Sekali;{agency};11;0;1\r\n\
         5;{name};{unit};{agency};7;{occupancy};{need}\r\n",
        name = pos.name,
        need = pos.need + 2,
    );
    let sheet = sheet::read("abk.csv", text.as_bytes()).unwrap();
    let mapping = guess_mapping(ImportKind::Positions, &sheet);
    assert_eq!(mapping.header_row, 2);
    assert_eq!(mapping.columns.get(&Field::PositionType), None);
    assert_eq!(mapping.columns.get(&Field::Need), Some(&6));
    assert_eq!(mapping.columns.get(&Field::Bezetting), Some(&5));
    let analysis = analyse(ImportKind::Positions, &sheet, &mapping, &ws);
    assert!(analysis.blocking.is_empty(), "{:?}", analysis.blocking);
    assert_eq!(
        analysis.rows,
        vec![
            (4, RowStatus::New),
            (5, RowStatus::New),
            (6, RowStatus::New),
            (7, RowStatus::New),
            (8, RowStatus::Update)
        ]
    );
    let report = report(&analysis);
    assert_eq!(
        report,
        vec![
            (4, Reason::TypeFromName(PositionType::AhliMuda)),
            (4, Reason::BezettingDiffers { file: 1, data: 0 }),
            (5, Reason::TypeFromName(PositionType::Pengawas)),
            (6, Reason::TypeFromName(PositionType::Pelaksana)),
            (6, Reason::BezettingDiffers { file: 2, data: 0 }),
            (7, Reason::TypeFromName(PositionType::Administrator)),
        ],
        "the existing position keeps its type and its bezetting agrees"
    );
    let after = apply(&ws, &analysis);
    assert_eq!(after.positions.len(), ws.positions.len() + 4);
    let updated = after.positions.iter().find(|p| p.id == pos.id).unwrap();
    assert_eq!((updated.need, updated.kind), (pos.need + 2, pos.kind));
    let new: Vec<(&str, PositionType, u32)> = after.positions[ws.positions.len()..]
        .iter()
        .map(|p| (p.name.as_str(), p.kind, p.need))
        .collect();
    assert_eq!(
        new,
        vec![
            ("Analis Kebijakan Ahli Muda", PositionType::AhliMuda, 3),
            ("Kepala Seksi Pelayanan Rujukan", PositionType::Pengawas, 1),
            ("Pengadministrasi Umum", PositionType::Pelaksana, 2),
            ("Kepala Bidang Baru Sekali", PositionType::Administrator, 1),
        ]
    );
}

/// A SIASN "rincian formasi": the government in INSTANSI, the OPD in UNOR
/// INDUK, the unit in LOKASI FORMASI, qualifications as "S-1 Akuntansi /
/// S-1 Manajemen", and openings (JUMLAH FORMASI) instead of a need: the
/// need is who is in post plus the openings, said as a note.
#[test]
fn a_rincian_formasi_imports_openings_on_top_of_the_people_in_post() {
    let ws = jambi_demo();
    let (pos, unit, agency) = common::positions::named(&ws)
        .next()
        .map(|(p, a, u)| (p.clone(), u.name.clone(), a.name.clone()))
        .unwrap();
    let occupancy = ws.occupancy().get(&pos.id).copied().unwrap_or(0);
    let text = format!(
        "RINCIAN FORMASI;;;;;;\r\n\
         PEMERINTAH PROVINSI JAMBI TAHUN ANGGARAN 2026;;;;;;\r\n\
         NO;INSTANSI;UNOR INDUK;JABATAN;LOKASI FORMASI;KUALIFIKASI PENDIDIKAN;JUMLAH FORMASI\r\n\
         1;Pemerintah Provinsi Jambi;{agency};{name};{unit};S-1 Akuntansi / S-1 Manajemen;2\r\n\
         2;Pemerintah Provinsi Jambi;{agency};Pranata Komputer Ahli Pertama;{unit};D-III Teknik Informatika atau S-1 Informatika;1\r\n\
         3;Pemerintah Provinsi Jambi;{agency};Arsiparis Ahli Pertama;{unit};S-1/Sarjana;dua\r\n",
        agency = agency.to_uppercase(),
        name = pos.name,
    );
    let sheet = sheet::read("rincian-formasi.csv", text.as_bytes()).unwrap();
    let mapping = guess_mapping(ImportKind::Positions, &sheet);
    assert_eq!(mapping.header_row, 2);
    let mapped: Vec<(Field, usize)> = mapping.columns.iter().map(|(f, c)| (*f, *c)).collect();
    assert_eq!(
        mapped,
        vec![
            (Field::Agency, 2),
            (Field::Unit, 4),
            (Field::PositionName, 3),
            (Field::MinEducation, 5),
            (Field::Openings, 6),
        ],
        "the OPD from UNOR INDUK, not the government in INSTANSI"
    );
    let analysis = analyse(ImportKind::Positions, &sheet, &mapping, &ws);
    assert!(analysis.blocking.is_empty(), "{:?}", analysis.blocking);
    assert_eq!(
        analysis.rows,
        vec![
            (4, RowStatus::Update),
            (5, RowStatus::New),
            (6, RowStatus::Invalid)
        ]
    );
    let report = report(&analysis);
    assert_eq!(report.len(), 4, "{report:?}");
    assert_eq!(
        report[..3],
        [
            (
                4,
                Reason::NeedFromOpenings {
                    openings: 2,
                    held: occupancy,
                    need: occupancy + 2
                }
            ),
            (5, Reason::TypeFromName(PositionType::AhliPertama)),
            (
                5,
                Reason::NeedFromOpenings {
                    openings: 1,
                    held: 0,
                    need: 1
                }
            ),
        ]
    );
    assert_eq!(report[3].0, 6);
    assert!(
        matches!(&report[3].1, Reason::Value { value, .. } if value == "dua"),
        "{:?}",
        report[3]
    );
    let after = apply(&ws, &analysis);
    let updated = after.positions.iter().find(|p| p.id == pos.id).unwrap();
    assert_eq!(updated.need, occupancy + 2);
    assert_eq!(updated.education.min_level, Some(EducationLevel::S1));
    assert_eq!(updated.education.fields, vec!["Akuntansi", "Manajemen"]);
    let created = after.positions.last().unwrap();
    assert_eq!(created.name, "Pranata Komputer Ahli Pertama");
    assert_eq!(created.need, 1);
    assert_eq!(created.education.min_level, Some(EducationLevel::D3));
    assert_eq!(
        created.education.fields,
        vec!["Teknik Informatika", "Informatika"]
    );
    assert_eq!(after.positions.len(), ws.positions.len() + 1);
}

#[test]
fn a_siasn_roster_creates_the_units_and_positions_it_names() {
    let ws = jambi_demo();
    let agency = ws.agencies[3].name.clone();
    let line = |nip: &str, name: &str, kind: &str, jabatan: &str, unit: &str| {
        // JOKO's row has no work location.
        let place = if name == "JOKO" { "" } else { "KOTA JAMBI" };
        format!(
            "x,{nip},,{name},,,JAMBI,,M,Islam,Menikah,PNS Daerah Provinsi,Aktif,P,,,III/a,III/c,,10,0,{kind},{jabatan},01-02-2021,S-1/Sarjana,S1 HUKUM,2010,{place},{unit},Pemerintah Provinsi Jambi,Pemerintah Provinsi Jambi,{},{}",
            agency.to_uppercase(),
            agency.to_uppercase()
        )
    };
    let text = [
        SIASN_HEADER.to_string(),
        line(
            "198001012005011004",
            "BUDI",
            "Jabatan Fungsional Tertentu",
            "Analis Kepegawaian Ahli Muda",
            "Bidang Baru Sekali",
        ),
        line(
            "198102022006021003",
            "ANDI",
            "Jabatan Fungsional Tertentu",
            "Analis Kepegawaian Ahli Muda",
            "Bidang Baru Sekali",
        ),
        line(
            "197903032004031002",
            "RUDI",
            "Jabatan Struktural",
            "Kepala Bidang Baru Sekali",
            "Bidang Baru Sekali",
        ),
        line(
            "198204042007041001",
            "JOKO",
            "Jabatan Fungsional Umum",
            "Pengolah Data Baru",
            "Bidang Baru Sekali",
        ),
    ]
    .join("\r\n");
    let sheet = sheet::read("Export Data ASN.csv", text.as_bytes()).unwrap();
    let mapping = guess_mapping(ImportKind::Roster, &sheet);
    let analysis = analyse(ImportKind::Roster, &sheet, &mapping, &ws);
    assert_eq!(analysis.count(RowStatus::New), 4, "{:?}", analysis.problems);
    let created: Vec<(usize, Reason)> = analysis
        .problems
        .iter()
        .filter(|p| matches!(p.reason, Reason::PositionCreated { .. }))
        .map(|p| (p.row, p.reason.clone()))
        .collect();
    let made = |name: &str, kind| Reason::PositionCreated {
        name: name.into(),
        unit: "Bidang Baru Sekali".into(),
        kind,
    };
    assert_eq!(
        created,
        vec![
            (
                2,
                made("Analis Kepegawaian Ahli Muda", PositionType::AhliMuda)
            ),
            (
                4,
                made("Kepala Bidang Baru Sekali", PositionType::Administrator)
            ),
            (5, made("Pengolah Data Baru", PositionType::Pelaksana)),
        ],
        "once per position; the second analyst joins the first's"
    );
    assert_eq!(analysis.new_units.len(), 1);
    // Without a work location, the new position's seat is the domicile.
    let joko = analysis
        .problems
        .iter()
        .find(|p| p.row == 5 && matches!(p.reason, Reason::DomicileAssumed { .. }))
        .unwrap();
    assert_eq!(
        joko.reason,
        Reason::DomicileAssumed {
            from: DomicileSource::PositionSeat,
            regency: ws.agencies[3].seat
        }
    );
    let after = apply(&ws, &analysis);
    assert_eq!(after.positions.len(), ws.positions.len() + 3);
    assert_eq!(
        after.agencies[3].units.len(),
        ws.agencies[3].units.len() + 1
    );
    let new: Vec<(&str, PositionType, u32)> = after.positions[ws.positions.len()..]
        .iter()
        .map(|p| (p.name.as_str(), p.kind, p.need))
        .collect();
    assert_eq!(
        new,
        vec![
            ("Analis Kepegawaian Ahli Muda", PositionType::AhliMuda, 2),
            ("Kepala Bidang Baru Sekali", PositionType::Administrator, 1),
            ("Pengolah Data Baru", PositionType::Pelaksana, 1),
        ],
        "the need is the people the roster puts there"
    );
    let analyst = after.positions[ws.positions.len()].id.clone();
    let holders = after
        .asn
        .iter()
        .filter(|a| a.position.as_ref().is_some_and(|c| c.position == analyst))
        .count();
    assert_eq!(holders, 2);
    assert!(after
        .validate()
        .iter()
        .all(|f| f.severity != Severity::Error));
}

#[test]
fn siasn_ids_are_kept_so_the_next_export_updates_instead_of_duplicating() {
    use mutasi_planner::core::io::plan_file;
    let ws = jambi_demo();
    let agency = ws.agencies[3].name.to_uppercase();
    let header = "PNS ID,NIP BARU,NAMA,GOL AKHIR NAMA,TINGKAT PENDIDIKAN NAMA,JABATAN ID,JABATAN NAMA,TMT JABATAN,UNOR ID,UNOR NAMA,SATUAN KERJA INDUK NAMA";
    let export = |jabatan: &str, unit: &str, name: &str| {
        format!(
            "{header}\r\n\
             A1,198001012005011004,{name},III/c,S-1/Sarjana,J-77,{jabatan},01-02-2021,U-9,{unit},{agency}\r\n\
             A2,198102022006021003,ANDI,III/c,S-1/Sarjana,J-77,{jabatan},01-02-2021,U-9,{unit},{agency}\r\n"
        )
    };
    let run = |ws: &Workspace, text: &str| {
        let sheet = sheet::read("Export Data ASN.csv", text.as_bytes()).unwrap();
        let mapping = guess_mapping(ImportKind::Roster, &sheet);
        for f in [Field::SiasnPnsId, Field::SiasnJabatanId, Field::SiasnUnorId] {
            assert!(mapping.columns.contains_key(&f), "{f:?}");
        }
        let analysis = analyse(ImportKind::Roster, &sheet, &mapping, ws);
        assert_eq!(
            analysis.count(RowStatus::Invalid),
            0,
            "{:?}",
            analysis.problems
        );
        (analysis.count(RowStatus::New), apply(ws, &analysis))
    };
    let (new, first) = run(
        &ws,
        &export("Analis Kepegawaian Ahli Muda", "Bidang Baru Sekali", "BUDI"),
    );
    assert_eq!(new, 2);
    assert_eq!(first.positions.len(), ws.positions.len() + 1);
    let position = first.positions.last().unwrap().id.clone();
    let nip = Nip::parse("198001012005011004").unwrap();
    assert_eq!(first.siasn.pns.get(&nip).map(String::as_str), Some("A1"));
    assert_eq!(
        first.siasn.jabatan.get(&position).map(String::as_str),
        Some("J-77")
    );
    assert_eq!(first.siasn.unor.len(), 1);
    // The ids travel in the plan file.
    let back = plan_file::read(&plan_file::write(&first, "2026-12-02T00:00:00Z"))
        .unwrap()
        .workspace;
    assert_eq!(back.siasn, first.siasn);
    // SIASN renamed the position and the unit; its ids did not change: the
    // people are updated in place, nothing is created twice.
    let (new, second) = run(
        &back,
        &export(
            "Analis SDM Aparatur Ahli Muda",
            "Bidang Pengembangan SDM",
            "BUDI SANTOSO",
        ),
    );
    assert_eq!(new, 0);
    assert_eq!(second.positions.len(), first.positions.len());
    assert_eq!(
        second.agencies[3].units.len(),
        first.agencies[3].units.len()
    );
    assert_eq!(second.asn.len(), first.asn.len());
    let budi = second.asn.iter().find(|a| a.nip == nip).unwrap();
    assert_eq!(budi.name, "BUDI SANTOSO");
    assert_eq!(budi.position.as_ref().unwrap().position, position);
}

#[test]
fn a_worksheet_per_agency_takes_its_opd_from_the_title() {
    use mutasi_planner::core::io::sheet::Cell;
    use mutasi_planner::core::io::table_import::agency_in_title;
    let ws = jambi_demo();
    let agency = &ws.agencies[5];
    let text = format!(
        "ANALISIS JABATAN DAN BEBAN KERJA;;;\r\n{};;;\r\nNO;NAMA JABATAN;UNIT KERJA;KEBUTUHAN\r\n1;Pengolah Data Kepegawaian;Subbagian Baru;2\r\n",
        agency.name.to_uppercase()
    );
    let sheet = sheet::read("abk.csv", text.as_bytes()).unwrap();
    let mut mapping = guess_mapping(ImportKind::Positions, &sheet);
    assert_eq!(mapping.header_row, 2);
    assert_eq!(mapping.columns.get(&Field::Agency), None);
    // Without an OPD the sheet cannot be read …
    let blocked = analyse(ImportKind::Positions, &sheet, &mapping, &ws);
    assert!(!blocked.blocking.is_empty());
    // … its title names it: every row is that agency's.
    assert_eq!(agency_in_title(&sheet, mapping.header_row, &ws), Some(5));
    mapping
        .fixed
        .insert(Field::Agency, Cell::Text(agency.name.clone()));
    let analysis = analyse(ImportKind::Positions, &sheet, &mapping, &ws);
    assert_eq!(
        analysis.rows,
        vec![(4, RowStatus::New)],
        "{:?}",
        analysis.problems
    );
    let after = apply(&ws, &analysis);
    let p = after.positions.last().unwrap();
    assert_eq!((&p.agency, p.need), (&agency.id, 2));
    // A title that names no agency gives none.
    let plain = sheet::read(
        "x.csv",
        b"REKAP;;\r\nNO;NAMA JABATAN;UNIT KERJA\r\n1;A;B\r\n",
    )
    .unwrap();
    let m = guess_mapping(ImportKind::Positions, &plain);
    assert_eq!(agency_in_title(&plain, m.header_row, &ws), None);
}
