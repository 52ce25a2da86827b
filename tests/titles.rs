//! The title table (issue 39): every regional title DOMAIN.md lists, at
//! province and kabupaten/kota level, with and without ESELON and JENIS
//! JABATAN columns; worked by hand from ../shared/DOMAIN.md ("Titles and
//! levels in regional government").

use mutasi_planner::core::model::{AdditionalTask, Golongan, PositionType};
use mutasi_planner::core::titles::{
    read, task_of, type_cell, Basis, Eselon, Evidence, Jenis, Tier, TypeCell,
};

fn by_name(name: &str, tier: Tier) -> (PositionType, bool) {
    let r = read(
        &Evidence {
            name,
            ..Evidence::default()
        },
        tier,
    );
    (r.kind, r.sure)
}

#[test]
fn titles_by_name_alone_at_each_tier() {
    use PositionType::*;
    use Tier::*;
    // (title, province, kabupaten, kota); all sure.
    let table = [
        ("Sekretaris Daerah", JptMadya, JptPratama, JptPratama),
        ("SEKDA", JptMadya, JptPratama, JptPratama),
        (
            "Asisten Pemerintahan dan Kesejahteraan Rakyat",
            JptPratama,
            JptPratama,
            JptPratama,
        ),
        (
            "Staf Ahli Gubernur Bidang Hukum",
            JptPratama,
            JptPratama,
            JptPratama,
        ),
        (
            "Kepala Dinas Komunikasi dan Informatika",
            JptPratama,
            JptPratama,
            JptPratama,
        ),
        (
            "Kepala Badan Kepegawaian Daerah",
            JptPratama,
            JptPratama,
            JptPratama,
        ),
        ("Inspektur", JptPratama, JptPratama, JptPratama),
        ("Sekretaris DPRD", JptPratama, JptPratama, JptPratama),
        ("Kepala Biro Umum", JptPratama, JptPratama, JptPratama),
        (
            "Kepala Satuan Polisi Pamong Praja",
            JptPratama,
            JptPratama,
            JptPratama,
        ),
        ("Kepala Pelaksana BPBD", JptPratama, JptPratama, JptPratama),
        (
            "Direktur RSUD Raden Mattaher",
            JptPratama,
            JptPratama,
            JptPratama,
        ),
        (
            "Sekretaris Dinas Kesehatan",
            Administrator,
            Administrator,
            Administrator,
        ),
        (
            "Kepala Bidang Mutasi",
            Administrator,
            Administrator,
            Administrator,
        ),
        ("Kabag Umum", Administrator, Administrator, Administrator),
        (
            "Inspektur Pembantu Wilayah II",
            Administrator,
            Administrator,
            Administrator,
        ),
        (
            "Wakil Direktur Pelayanan",
            Administrator,
            Administrator,
            Administrator,
        ),
        (
            "Kepala Cabang Dinas Pendidikan Wilayah III",
            Administrator,
            Administrator,
            Administrator,
        ),
        ("Camat Bangko", Administrator, Administrator, Administrator),
        (
            "Sekretaris Camat Bangko",
            Administrator,
            Administrator,
            Administrator,
        ),
        ("Kepala Seksi Pemerintahan", Pengawas, Pengawas, Pengawas),
        ("Kasubbag Keuangan", Pengawas, Pengawas, Pengawas),
        ("Kepala Sub Bidang Data", Pengawas, Pengawas, Pengawas),
        (
            "Sekretaris Kelurahan Pasar Bangko",
            Pengawas,
            Pengawas,
            Pengawas,
        ),
        ("Lurah Pasar Bangko", Pengawas, Pengawas, Pengawas),
        ("Kepala Sub Seksi Umum", Pelaksana, Pelaksana, Pelaksana),
        ("Guru Kelas Ahli Muda", AhliMuda, AhliMuda, AhliMuda),
        (
            "Guru Mata Pelajaran Matematika Ahli Pertama",
            AhliPertama,
            AhliPertama,
            AhliPertama,
        ),
        ("Guru Madya", AhliMadya, AhliMadya, AhliMadya),
        ("Dokter Gigi Muda", AhliMuda, AhliMuda, AhliMuda),
        ("Dokter Utama", AhliUtama, AhliUtama, AhliUtama),
        ("Perawat Terampil", Terampil, Terampil, Terampil),
        ("Perawat Pelaksana Lanjutan", Mahir, Mahir, Mahir),
        ("Pranata Komputer Penyelia", Penyelia, Penyelia, Penyelia),
        (
            "Pengadministrasi Perkantoran",
            Pelaksana,
            Pelaksana,
            Pelaksana,
        ),
        ("Pengelola Kepegawaian", Pelaksana, Pelaksana, Pelaksana),
    ];
    for (name, province, kabupaten, kota) in table {
        for (tier, want) in [(Province, province), (Kabupaten, kabupaten), (Kota, kota)] {
            let (kind, sure) = by_name(name, tier);
            assert_eq!(kind, want, "{name} at {tier:?}");
            let lurah_in_kota = name.starts_with("Lurah") && tier == Kota;
            assert_eq!(sure, !lurah_in_kota, "{name} at {tier:?}: sure");
        }
    }
}

#[test]
fn titles_whose_level_the_sotk_decides_are_guesses() {
    use PositionType::*;
    for (name, want) in [
        ("Kepala UPTD Balai Latihan Kerja", Pengawas),
        ("Kepala Unit Pelaksana Teknis Daerah Laboratorium", Pengawas),
        ("Kepala UPT Pengujian Kendaraan", Pengawas),
        ("Sekretaris", Administrator),
        ("Kepala Tata Usaha SMAN 1", Pengawas),
        // Sounds like a head's post, not in the table.
        ("Kepala Pusat Data", Pelaksana),
        // A JF family without jenjang and no golongan: the lowest keahlian.
        ("Guru", AhliPertama),
        ("Dokter Spesialis Anak", AhliPertama),
    ] {
        let (kind, sure) = by_name(name, Tier::Province);
        assert_eq!((kind, sure), (want, false), "{name}");
    }
}

#[test]
fn kepala_sekolah_and_puskesmas_are_jf_holders_with_a_task() {
    use PositionType::*;
    for (name, task) in [
        (
            "Kepala Puskesmas Pasar Bangko",
            AdditionalTask::KepalaPuskesmas,
        ),
        (
            "Kepala Sekolah SMAN 3 Kota Jambi",
            AdditionalTask::KepalaSekolah,
        ),
        ("Kepala SMKN 2 Merangin", AdditionalTask::KepalaSekolah),
        ("Kepala SLB Negeri Bangko", AdditionalTask::KepalaSekolah),
        (
            "Kepala UPTD Puskesmas Pasar Rimbo Bujang",
            AdditionalTask::KepalaPuskesmas,
        ),
    ] {
        assert_eq!(task_of(name), Some(task), "{name}");
        // With JENIS JABATAN "Fungsional Tertentu" and a golongan IV/a
        // holder: a JF ahli madya by golongan, to check.
        let r = read(
            &Evidence {
                name,
                cell: type_cell("Jabatan Fungsional Tertentu"),
                golongan: Some(Golongan::IVa),
                ..Evidence::default()
            },
            Tier::Kabupaten,
        );
        assert_eq!(
            (r.kind, r.basis, r.sure, r.task),
            (AhliMadya, Basis::Golongan, false, Some(task)),
            "{name}"
        );
        // Without any column: still a JF, never a pelaksana.
        let r = read(
            &Evidence {
                name,
                golongan: Some(Golongan::IIIc),
                ..Evidence::default()
            },
            Tier::Kabupaten,
        );
        assert_eq!((r.kind, r.sure), (AhliMuda, false), "{name}");
    }
    assert_eq!(task_of("Kepala Seksi Kesehatan Keluarga"), None);
    assert_eq!(task_of("Guru Ahli Muda"), None);
}

#[test]
fn the_eselon_column_wins_and_each_eselon_has_its_type() {
    use PositionType::*;
    for (eselon, want) in [
        ("I.b", JptMadya),
        ("II.a", JptPratama),
        ("II.b", JptPratama),
        ("III.a", Administrator),
        ("III.b", Administrator),
        ("IV.a", Pengawas),
        ("IV.b", Pengawas),
        ("V.a", Pelaksana),
    ] {
        // Even against the title: a lurah at III.b in a kota.
        let r = read(
            &Evidence {
                name: "Lurah Talang Banjar",
                eselon: Eselon::parse(eselon),
                ..Evidence::default()
            },
            Tier::Kota,
        );
        assert_eq!(
            (r.kind, r.basis, r.sure),
            (want, Basis::Eselon, true),
            "{eselon}"
        );
    }
}

#[test]
fn the_jenis_jabatan_column_is_always_respected() {
    use PositionType::*;
    let with = |name, jenis: &str, golongan| {
        let r = read(
            &Evidence {
                name,
                cell: type_cell(jenis),
                golongan,
                ..Evidence::default()
            },
            Tier::Province,
        );
        (r.kind, r.sure)
    };
    // Fungsional Tertentu: a JF, jenjang from the title or the golongan.
    assert_eq!(
        with(
            "Analis Kebijakan Ahli Muda",
            "Jabatan Fungsional Tertentu",
            None
        ),
        (AhliMuda, true)
    );
    assert_eq!(
        with(
            "Penyuluh Pertanian",
            "Fungsional Tertentu",
            Some(Golongan::IIb)
        ),
        (Terampil, false)
    );
    // Fungsional Umum / pelaksana: a pelaksana, whatever the title says.
    assert_eq!(
        with("Kepala Seksi Data", "Jabatan Fungsional Umum", None),
        (Pelaksana, true)
    );
    assert_eq!(with("Pengolah Data", "JFU", None), (Pelaksana, true));
    // Struktural: never a pelaksana.
    assert_eq!(
        with("Camat Tabir", "Jabatan Struktural", None),
        (Administrator, true)
    );
    assert_eq!(
        with("Pengelola Program", "Struktural", None),
        (Pengawas, false)
    );
    assert_eq!(
        with("Kepala Sub Seksi Umum", "Struktural", None),
        (Pengawas, false)
    );
    // An exact type in the column is taken as it is.
    assert_eq!(with("Camat Tabir", "Pengawas", None), (Pengawas, true));
    assert_eq!(type_cell("JF Ahli Muda"), Some(TypeCell::Exact(AhliMuda)));
    assert_eq!(
        type_cell("Jabatan Pelaksana"),
        Some(TypeCell::Jenis(Jenis::FungsionalUmum))
    );
    assert_eq!(type_cell("sesuatu"), None);
}

#[test]
fn the_table_has_no_entry_twice() {
    let mut seen = std::collections::BTreeSet::new();
    for (title, _) in mutasi_planner::core::titles::TITLES {
        assert!(seen.insert(*title), "{title} twice");
        assert_eq!(
            *title,
            title.to_uppercase(),
            "entries are written as normalised text"
        );
    }
    assert!(seen.len() >= 100, "{} titles", seen.len());
}
