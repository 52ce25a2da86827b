//! A real government's own files (issue 39): a blank Kabupaten Merangin
//! workspace takes its OPDs from a first sheet, then a SIASN-shaped roster
//! whose OPD names are spelled otherwise ("Dinas Kominfo" for
//! "Diskominfo", "BKPSDM Kab. Merangin") and whose titles are regional
//! ones (camat, lurah, sekretaris daerah, kepala puskesmas, guru). Every
//! variant is reconciled, every title gets its level, the one OPD name
//! that matches nothing is listed once with suggestions, and the analyst's
//! choice imports its rows.
#![cfg(not(target_arch = "wasm32"))]

use mutasi_planner::core::io::sheet;
use mutasi_planner::core::io::table_import::{
    analyse, apply, guess_mapping, AgencyChoice, Analysis, ImportKind, Reason, RowStatus,
};
use mutasi_planner::core::io::values::compact;
use mutasi_planner::core::model::*;

fn merangin_with_opds() -> Workspace {
    let mut ws = Workspace::empty("Kabupaten Merangin");
    ws.government = Government::Regency(Regency::Merangin);
    // The first file: a positions sheet naming three OPDs by their usual
    // short names, one of them twice in two spellings.
    let text = "JABATAN;OPD;UNIT KERJA;KEBUTUHAN\n\
         Pranata Komputer Ahli Pertama;Diskominfo;Bidang Aplikasi;2\n\
         Pengelola Data;Dinas Komunikasi dan Informatika;Bidang Statistik;2\n\
         Analis Kepegawaian Ahli Muda;BKPSDM;Bidang Mutasi;3\n\
         Pengadministrasi Umum;Kecamatan Bangko;Sekretariat;4\n";
    let sheet = sheet::read("jabatan.csv", text.as_bytes()).unwrap();
    let mapping = guess_mapping(ImportKind::Positions, &sheet);
    let a = analyse(ImportKind::Positions, &sheet, &mapping, &ws);
    assert!(a.blocking.is_empty());
    let names: Vec<&str> = a.new_agencies.iter().map(|g| g.name.as_str()).collect();
    // "Dinas Komunikasi dan Informatika" is Diskominfo: one OPD.
    assert_eq!(names, ["Diskominfo", "BKPSDM", "Kecamatan Bangko"]);
    assert_eq!(a.count(RowStatus::New), 4);
    apply(&ws, &a)
}

/// A SIASN export's columns for 12 people, as BKPSDM Merangin would have
/// it: the OPD in SATUAN KERJA INDUK NAMA, the unit in UNOR NAMA,
/// JENIS JABATAN NAMA, ESELON for some.
fn siasn_roster() -> String {
    let header = "PNS ID,NIP BARU,NAMA,GELAR DEPAN,GELAR BELAKANG,JENIS KELAMIN,JENIS PEGAWAI NAMA,STATUS CPNS PNS,GOL AKHIR NAMA,TINGKAT PENDIDIKAN NAMA,PENDIDIKAN NAMA,JENIS JABATAN NAMA,ESELON,JABATAN NAMA,TMT JABATAN,SATUAN KERJA INDUK NAMA,UNOR NAMA,LOKASI KERJA NAMA";
    let rows = [
        "a1,197005151995031001,Ahmad Yani,,S.Sos,M,PNS Daerah Kabupaten,P,IV/a,S-1/Sarjana,S1 ADMINISTRASI NEGARA,Jabatan Struktural,III.a,Camat Bangko,01-03-2021,Kecamatan Bangko,Kecamatan Bangko,Kabupaten Merangin",
        "a2,197807122000121002,Budi Santoso,,S.IP,M,PNS Daerah Kabupaten,P,III/d,S-1/Sarjana,S1 ILMU PEMERINTAHAN,Jabatan Struktural,,Lurah Pasar Bangko,01-06-2020,Kecamatan Bangko,Kelurahan Pasar Bangko,Kabupaten Merangin",
        "a3,197502102001122003,Citra Dewi,,S.E,F,PNS Daerah Kabupaten,P,III/d,S-1/Sarjana,S1 MANAJEMEN,Jabatan Struktural,,Sekretaris Camat Bangko,01-01-2022,Kecamatan Bangko,Kecamatan Bangko,Kabupaten Merangin",
        "a4,196804051994031004,Darmawan,dr.,M.Kes,M,PNS Daerah Kabupaten,P,IV/a,S-2,S2 KESEHATAN MASYARAKAT,Jabatan Fungsional Tertentu,,Kepala Puskesmas Pasar Bangko,01-02-2019,Dinas Kesehatan Kab. Merangin,Puskesmas Pasar Bangko,Kabupaten Merangin",
        "a5,196901011995032005,Endang Sri,,S.Pd,F,PNS Daerah Kabupaten,P,IV/b,S-1/Sarjana,S1 PENDIDIKAN MATEMATIKA,Jabatan Fungsional Tertentu,,Guru Kelas Ahli Muda,01-01-2018,Dinas Pendidikan dan Kebudayaan,SDN 12/VI Bangko,Kabupaten Merangin",
        "a6,198203032006041006,Fajar Hidayat,,S.Kom,M,PNS Daerah Kabupaten,P,III/c,S-1/Sarjana,S1 TEKNIK INFORMATIKA,Jabatan Fungsional Tertentu,,Pranata Komputer Ahli Pertama,01-07-2020,Dinas Kominfo,Bidang Aplikasi,Kabupaten Merangin",
        "a7,198505052010012007,Gita Lestari,,S.Si,F,PNS Daerah Kabupaten,P,III/b,S-1/Sarjana,S1 STATISTIKA,Jabatan Fungsional Umum,,Pengelola Data,01-01-2021,Dinas Komunikasi dan Informatika Kabupaten Merangin,Bidang Statistik,Kabupaten Merangin",
        "a8,197901012005011008,Hendra,,S.H,M,PNS Daerah Kabupaten,P,III/d,S-1/Sarjana,S1 HUKUM,Jabatan Fungsional Tertentu,,Analis Kepegawaian Ahli Muda,01-04-2019,BKPSDM Kab. Merangin,Bidang Mutasi,Kabupaten Merangin",
        "a9,196607071990031009,Irwan Syah,Drs.,M.Si,M,PNS Daerah Kabupaten,P,IV/c,S-2,S2 ADMINISTRASI PUBLIK,Jabatan Struktural,II.a,Sekretaris Daerah,01-01-2021,Sekretariat Daerah,Sekretariat Daerah,Kabupaten Merangin",
        "a10,198808082015032010,Juwita,,A.Md,F,PNS Daerah Kabupaten,P,II/d,Diploma III,D3 KEPERAWATAN,Jabatan Fungsional Tertentu,,Perawat Terampil,01-01-2020,Dinas Kesehatan Kab. Merangin,Puskesmas Pasar Bangko,Kabupaten Merangin",
        "a11,197304042000031011,Kurniawan,,S.T,M,PNS Daerah Kabupaten,P,III/d,S-1/Sarjana,S1 TEKNIK SIPIL,Jabatan Struktural,,Kepala UPTD Pengelolaan Air Limbah,01-05-2019,Dinas Kebersihan dan Pertamanan,UPTD Air Limbah,Kabupaten Merangin",
        "a12,197512122003121012,Lukman,,S.E,M,PNS Daerah Kabupaten,P,III/c,S-1/Sarjana,S1 AKUNTANSI,Jabatan Fungsional Umum,,Pengadministrasi Umum,01-01-2018,Dinas Kebersihan dan Pertamanan,Sekretariat,Kabupaten Merangin",
    ];
    let mut out = header.to_string();
    for r in rows {
        out.push('\n');
        out.push_str(r);
    }
    out.push('\n');
    out
}

fn analyse_roster(ws: &Workspace, choose: &[(&str, AgencyChoice)]) -> Analysis {
    let text = siasn_roster();
    let sheet = sheet::read("merangin_siasn.csv", text.as_bytes()).unwrap();
    let mut mapping = guess_mapping(ImportKind::Roster, &sheet);
    for (name, choice) in choose {
        mapping.agencies.insert(compact(name), choice.clone());
    }
    analyse(ImportKind::Roster, &sheet, &mapping, ws)
}

fn kind_of(ws: &Workspace, nip: &str) -> (PositionType, bool, Option<AdditionalTask>) {
    let a = ws.asn.iter().find(|a| a.nip.as_str() == nip).unwrap();
    let p = ws.index().position_of(a).unwrap().clone();
    (p.kind, p.review, a.flags.task)
}

#[test]
fn a_kabupatens_siasn_roster_is_reconciled_and_its_titles_get_their_levels() {
    let ws = merangin_with_opds();
    // Dinas Kesehatan, Dinas Pendidikan dan Kebudayaan and Sekretariat
    // Daerah are new in this file; without a choice they are listed once
    // each, with their rows.
    let first = analyse_roster(&ws, &[]);
    assert!(first.blocking.is_empty(), "{:?}", first.blocking);
    let listed: Vec<(&str, usize)> = first
        .unmatched_agencies
        .iter()
        .map(|u| (u.name.as_str(), u.count))
        .collect();
    assert_eq!(
        listed,
        [
            ("Dinas Kesehatan Kab. Merangin", 2),
            ("Dinas Pendidikan dan Kebudayaan", 1),
            ("Sekretariat Daerah", 1),
            ("Dinas Kebersihan dan Pertamanan", 2),
        ]
    );
    // The spellings of known OPDs all matched: Dinas Kominfo, Dinas
    // Komunikasi dan Informatika Kabupaten Merangin, BKPSDM Kab. Merangin,
    // Kecamatan Bangko.
    assert_eq!(first.count(RowStatus::New), 6);
    assert!(first
        .problems
        .iter()
        .all(|p| !matches!(&p.reason, Reason::UnknownAgency(n) if n.contains("omin") || n.contains("BKPSDM"))));

    // The analyst creates the four once; the choice goes with the mapping.
    let chosen = analyse_roster(
        &ws,
        &[
            ("Dinas Kesehatan Kab. Merangin", AgencyChoice::Create),
            ("Dinas Pendidikan dan Kebudayaan", AgencyChoice::Create),
            ("Sekretariat Daerah", AgencyChoice::Create),
            ("Dinas Kebersihan dan Pertamanan", AgencyChoice::Create),
        ],
    );
    assert!(
        chosen.unmatched_agencies.is_empty(),
        "{:?}",
        chosen.unmatched_agencies
    );
    assert_eq!(chosen.count(RowStatus::New), 12, "{:?}", chosen.problems);
    assert_eq!(chosen.new_agencies.len(), 4);
    let after = apply(&ws, &chosen);
    assert!(after
        .validate()
        .iter()
        .all(|f| f.severity != Severity::Error));
    use PositionType::*;
    // Camat: III.a; lurah and sekcam by title in a kabupaten; the Sekda
    // by its eselon (II.a); a kepala puskesmas is a JF (IV/a: ahli madya,
    // to check) with the task; a teacher keeps her jenjang; a JF of
    // Fungsional Umum is a pelaksana; a kepala UPTD is to check.
    for (nip, want) in [
        ("197005151995031001", (Administrator, false, None)),
        ("197807122000121002", (Pengawas, false, None)),
        ("197502102001122003", (Administrator, false, None)),
        (
            "196804051994031004",
            (AhliMadya, true, Some(AdditionalTask::KepalaPuskesmas)),
        ),
        ("196901011995032005", (AhliMuda, false, None)),
        ("198505052010012007", (Pelaksana, false, None)),
        ("196607071990031009", (JptPratama, false, None)),
        ("198808082015032010", (Terampil, false, None)),
        ("197304042000031011", (Pengawas, true, None)),
    ] {
        assert_eq!(kind_of(&after, nip), want, "{nip}");
    }
    // The guesses are said on their rows.
    let guessed: Vec<usize> = chosen
        .problems
        .iter()
        .filter(|p| matches!(p.reason, Reason::LevelGuessed { .. }))
        .map(|p| p.row)
        .collect();
    assert_eq!(guessed, [5, 12]);
    // Nobody who was known is counted twice: 12 people, 4 + 12 positions
    // at most (existing ones reused).
    assert_eq!(after.asn.len(), 12);
    let kominfo = after
        .agencies
        .iter()
        .filter(|a| compact(&a.name).contains("KOMINFO") || compact(&a.name).contains("KOMUNIKASI"))
        .count();
    assert_eq!(kominfo, 1);

    // An existing OPD may be chosen instead: the rows join it.
    let kec = ws
        .agencies
        .iter()
        .find(|a| a.name == "Kecamatan Bangko")
        .unwrap()
        .id
        .clone();
    let joined = analyse_roster(
        &ws,
        &[(
            "Dinas Kebersihan dan Pertamanan",
            AgencyChoice::Existing(kec.clone()),
        )],
    );
    assert!(joined
        .unmatched_agencies
        .iter()
        .all(|u| u.name != "Dinas Kebersihan dan Pertamanan"));
    assert_eq!(joined.count(RowStatus::New), 8);
}

#[test]
fn unmatched_names_come_with_the_closest_agencies() {
    let ws = merangin_with_opds();
    let text = "NIP,NAMA,GOL RUANG,PENDIDIKAN,OPD,UNIT KERJA,JABATAN,TMT JABATAN\n\
        198203032006041006,Fajar,III/c,S1,Dinas Komunikasi Informatika dan Persandian,Bidang Aplikasi,Pranata Komputer Ahli Pertama,01/07/2020\n\
        198203032006041014,Rina,III/c,S1,Dinas Komunikasi Informatika dan Persandian,Bidang Aplikasi,Pranata Komputer Ahli Pertama,01/07/2020\n";
    let sheet = sheet::read("x.csv", text.as_bytes()).unwrap();
    let mapping = guess_mapping(ImportKind::Roster, &sheet);
    let a = analyse(ImportKind::Roster, &sheet, &mapping, &ws);
    assert_eq!(a.unmatched_agencies.len(), 1);
    let u = &a.unmatched_agencies[0];
    assert_eq!((u.count, u.rows.clone()), (2, vec![2, 3]));
    let first = ws
        .agencies
        .iter()
        .find(|g| g.id == u.suggestions[0])
        .unwrap();
    assert_eq!(first.name, "Diskominfo");
}

#[test]
fn a_position_is_shown_with_its_seat_when_its_name_does_not_say_it() {
    let ws = mutasi_planner::core::demo::jambi_demo();
    // Teachers of one JF and jenjang in several schools: each names its
    // school, so no two are shown alike.
    let teachers: Vec<&Position> = ws
        .positions
        .iter()
        .filter(|p| p.name == "Guru Ahli Madya")
        .collect();
    assert!(
        teachers.len() > 1,
        "the demo has teachers in several schools"
    );
    let names: std::collections::BTreeSet<String> =
        teachers.iter().map(|p| ws.seat_name(p)).collect();
    assert_eq!(names.len(), teachers.len(), "{names:?}");
    for (p, shown) in teachers
        .iter()
        .zip(teachers.iter().map(|p| ws.seat_name(p)))
    {
        let agency = ws.agencies.iter().find(|a| a.id == p.agency).unwrap();
        let unit = agency.unit(&p.unit).unwrap();
        assert_eq!(shown, format!("Guru Ahli Madya · {}", unit.name));
    }
    // A head of a bidang is named by its bidang already.
    let head = ws
        .positions
        .iter()
        .find(|p| {
            let unit = ws
                .agencies
                .iter()
                .find(|a| a.id == p.agency)
                .and_then(|a| a.unit(&p.unit))
                .unwrap();
            p.name.to_lowercase().contains(&unit.name.to_lowercase())
        })
        .expect("a position named after its unit");
    assert_eq!(ws.seat_name(head), head.name);
}

#[test]
fn an_agency_choice_is_remembered_with_the_files_columns() {
    use mutasi_planner::core::io::table_import::{signature, MappingMemory};
    let ws = merangin_with_opds();
    let text = siasn_roster();
    let sheet = sheet::read("merangin_siasn.csv", text.as_bytes()).unwrap();
    let mut mapping = guess_mapping(ImportKind::Roster, &sheet);
    mapping.agencies.insert(
        compact("Dinas Kebersihan dan Pertamanan"),
        AgencyChoice::Create,
    );
    let sig = signature(ImportKind::Roster, &sheet, mapping.header_row);
    let mut memory = MappingMemory::default();
    memory.remember(&sig, &mapping);
    // Written and read back as the browser keeps it.
    let memory: MappingMemory =
        serde_json::from_str(&serde_json::to_string(&memory).unwrap()).unwrap();
    let recalled = memory
        .recall(ImportKind::Roster, &sig, sheet.width())
        .unwrap();
    assert_eq!(recalled.agencies, mapping.agencies);
    // The next file of the same shape needs no choice for that name.
    let a = analyse(ImportKind::Roster, &sheet, &recalled, &ws);
    assert!(a
        .unmatched_agencies
        .iter()
        .all(|u| u.name != "Dinas Kebersihan dan Pertamanan"));
    assert!(a
        .new_agencies
        .iter()
        .any(|g| g.name == "Dinas Kebersihan dan Pertamanan"));
}
