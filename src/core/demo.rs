//! A seeded generator of a realistic Jambi provincial government: about 40
//! agencies with unit trees, positions with requirements and ABK needs, ASN
//! with valid NIPs, plausible Indonesian names, golongan and education mixes,
//! competencies, three years of performance, flags and preferences, a past
//! round with its moves, and an open round whose needs analysis opens about
//! 150 slots at every level. Disdik runs SMA/SMK schools with their teachers
//! (JF Guru, BUP 60). Staff are unevenly spread — about a tenth of the
//! people sit over their position's need while a position of the same type
//! and JF elsewhere has a gap — so that the default scenario can fill most
//! openings with lateral transfers, as a real pemerataan round does.
//!
//! Same seed and size, same workspace: only [`crate::core::rng::Rng`] is used
//! and nothing depends on hash order. Education fields mostly fit the agency,
//! with deliberate misfits (a health graduate outside health, a finance
//! expert outside the finance agency), the cases a transfer program exists to
//! correct.

use crate::core::date::Date;
use crate::core::model::*;
use crate::core::rng::Rng;
use std::collections::{BTreeMap, HashMap};

/// What to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoConfig {
    pub seed: u64,
    /// Number of ASN (1,500 for the demo, 20,000 for benchmarks).
    pub asn: usize,
    /// The reference date: tenures, ages and history are set relative to it.
    pub as_of: Date,
}

impl Default for DemoConfig {
    fn default() -> Self {
        DemoConfig {
            seed: 2026,
            asn: 1_500,
            as_of: date(2026, 11, 1),
        }
    }
}

fn date(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap_or_else(|_| unreachable!("a literal date in the generator"))
}

/// The embedded demo: 1,500 ASN, seed 2026.
pub fn jambi_demo() -> Workspace {
    generate(&DemoConfig::default())
}

/// A field of work shared by agencies: its education fields, teknis
/// competencies, bidang names and functional positions.
struct Family {
    key: &'static str,
    fields: &'static [&'static str],
    teknis: &'static [(&'static str, &'static str)],
    bidang: &'static [&'static str],
    /// Functional positions of the family: (name without level, keahlian?).
    jf: &'static [(&'static str, bool)],
    uptd: &'static str,
}

const FAMILIES: &[Family] = &[
    Family {
        key: "kesehatan",
        fields: &[
            "Kedokteran",
            "Kesehatan Masyarakat",
            "Keperawatan",
            "Kebidanan",
            "Farmasi",
            "Gizi",
        ],
        teknis: &[
            ("teknis.pelayanan_kesehatan", "Pelayanan Kesehatan"),
            ("teknis.kesehatan_masyarakat", "Kesehatan Masyarakat"),
        ],
        bidang: &[
            "Pelayanan Kesehatan",
            "Kesehatan Masyarakat",
            "Pencegahan dan Pengendalian Penyakit",
            "Sumber Daya Kesehatan",
        ],
        jf: &[
            ("Dokter", true),
            ("Perawat", true),
            ("Epidemiolog Kesehatan", true),
            ("Nutrisionis", false),
            ("Bidan", false),
            ("Apoteker", true),
        ],
        uptd: "UPTD Laboratorium Kesehatan",
    },
    Family {
        key: "keuangan",
        fields: &[
            "Akuntansi",
            "Manajemen Keuangan",
            "Ekonomi Pembangunan",
            "Perpajakan",
        ],
        teknis: &[
            ("teknis.keuangan_daerah", "Pengelolaan Keuangan Daerah"),
            ("teknis.pengelolaan_aset", "Pengelolaan Barang Milik Daerah"),
        ],
        bidang: &[
            "Anggaran",
            "Perbendaharaan",
            "Akuntansi dan Pelaporan",
            "Aset Daerah",
            "Pendapatan",
        ],
        jf: &[
            ("Analis Keuangan Pusat dan Daerah", true),
            ("Analis Pengelolaan Keuangan APBD", true),
            ("Pranata Keuangan APBN", false),
        ],
        uptd: "UPTD Pengelolaan Pendapatan Daerah",
    },
    Family {
        key: "pendidikan",
        fields: &[
            "Pendidikan",
            "Manajemen Pendidikan",
            "Psikologi",
            "Pendidikan Matematika",
        ],
        teknis: &[
            ("teknis.manajemen_pendidikan", "Manajemen Pendidikan"),
            ("teknis.pengembangan_sdm", "Pengembangan SDM"),
        ],
        bidang: &[
            "Pembinaan SMA",
            "Pembinaan SMK",
            "Pendidikan Khusus",
            "Guru dan Tenaga Kependidikan",
        ],
        jf: &[
            ("Pengawas Sekolah", true),
            ("Pengembang Teknologi Pembelajaran", true),
            ("Widyaiswara", true),
        ],
        uptd: "UPTD Cabang Dinas Pendidikan",
    },
    Family {
        key: "teknik",
        fields: &[
            "Teknik Sipil",
            "Arsitektur",
            "Teknik Lingkungan",
            "Teknik Pertambangan",
            "Teknik Elektro",
            "Perencanaan Wilayah dan Kota",
        ],
        teknis: &[
            ("teknis.infrastruktur", "Penyelenggaraan Infrastruktur"),
            ("teknis.pengadaan", "Pengadaan Barang/Jasa"),
        ],
        bidang: &[
            "Bina Marga",
            "Sumber Daya Air",
            "Cipta Karya",
            "Tata Ruang",
            "Bina Konstruksi",
        ],
        jf: &[
            ("Teknik Jalan dan Jembatan", true),
            ("Teknik Tata Bangunan dan Perumahan", true),
            ("Pengelola Pengadaan Barang/Jasa", true),
            ("Teknisi Pengairan", false),
        ],
        uptd: "UPTD Pengelolaan Jalan dan Jembatan",
    },
    Family {
        key: "tik",
        fields: &[
            "Teknik Informatika",
            "Sistem Informasi",
            "Ilmu Komunikasi",
            "Statistika",
        ],
        teknis: &[
            ("teknis.tik", "Teknologi Informasi dan Komunikasi"),
            ("teknis.kehumasan", "Kehumasan dan Informasi Publik"),
        ],
        bidang: &[
            "Aplikasi Informatika",
            "Informasi dan Komunikasi Publik",
            "Statistik dan Persandian",
            "Infrastruktur TIK",
        ],
        jf: &[
            ("Pranata Komputer", true),
            ("Pranata Hubungan Masyarakat", true),
            ("Statistisi", true),
            ("Sandiman", false),
        ],
        uptd: "UPTD Layanan Pengadaan Secara Elektronik",
    },
    Family {
        key: "pertanian",
        fields: &[
            "Agronomi",
            "Peternakan",
            "Kehutanan",
            "Perikanan",
            "Ilmu Lingkungan",
            "Agribisnis",
        ],
        teknis: &[
            ("teknis.pertanian", "Pembangunan Pertanian dan Perkebunan"),
            ("teknis.lingkungan", "Pengelolaan Lingkungan dan Kehutanan"),
        ],
        bidang: &[
            "Tanaman Pangan",
            "Hortikultura",
            "Peternakan dan Kesehatan Hewan",
            "Penyuluhan",
            "Perlindungan Hutan",
        ],
        jf: &[
            ("Penyuluh Pertanian", true),
            ("Pengawas Benih Tanaman", true),
            ("Penyuluh Kehutanan", true),
            ("Medik Veteriner", true),
            ("Paramedik Veteriner", false),
        ],
        uptd: "UPTD Balai Benih",
    },
    Family {
        key: "pemerintahan",
        fields: &[
            "Ilmu Pemerintahan",
            "Ilmu Hukum",
            "Administrasi Negara",
            "Ilmu Politik",
            "Manajemen SDM",
        ],
        teknis: &[
            ("teknis.pemerintahan", "Penyelenggaraan Pemerintahan"),
            ("teknis.hukum", "Penyusunan Produk Hukum"),
            ("teknis.kepegawaian", "Manajemen Kepegawaian"),
        ],
        bidang: &[
            "Pemerintahan Umum",
            "Otonomi Daerah",
            "Perundang-undangan",
            "Mutasi dan Promosi",
            "Pengembangan Kompetensi",
        ],
        jf: &[
            ("Analis Kebijakan", true),
            ("Perancang Peraturan Perundang-undangan", true),
            ("Analis Sumber Daya Manusia Aparatur", true),
            ("Auditor", true),
            (
                "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah",
                true,
            ),
        ],
        uptd: "UPTD Pelayanan Administrasi",
    },
    Family {
        key: "ekonomi",
        fields: &[
            "Ekonomi Pembangunan",
            "Manajemen",
            "Kesejahteraan Sosial",
            "Sosiologi",
            "Ilmu Ekonomi",
        ],
        teknis: &[
            ("teknis.perencanaan", "Perencanaan Pembangunan"),
            ("teknis.pemberdayaan", "Pemberdayaan Ekonomi dan Masyarakat"),
        ],
        bidang: &[
            "Perencanaan Ekonomi",
            "Pemberdayaan Usaha",
            "Perlindungan Sosial",
            "Penempatan Tenaga Kerja",
            "Perdagangan",
        ],
        jf: &[
            ("Perencana", true),
            ("Pekerja Sosial", true),
            ("Pengantar Kerja", true),
            ("Penyuluh Sosial", false),
            ("Pengawas Perdagangan", true),
        ],
        uptd: "UPTD Balai Latihan Kerja",
    },
    Family {
        key: "arsip",
        fields: &["Ilmu Perpustakaan", "Kearsipan", "Sejarah"],
        teknis: &[("teknis.kearsipan", "Kearsipan dan Perpustakaan")],
        bidang: &[
            "Pengelolaan Arsip",
            "Layanan Perpustakaan",
            "Pengembangan Koleksi",
        ],
        jf: &[("Arsiparis", true), ("Pustakawan", true)],
        uptd: "UPTD Perpustakaan Daerah",
    },
    // The SMA/SMK teachers of Disdik's schools: not an agency's family.
    Family {
        key: "guru",
        fields: &[
            "Pendidikan Matematika",
            "Pendidikan Bahasa Indonesia",
            "Pendidikan Bahasa Inggris",
            "Pendidikan Biologi",
            "Pendidikan Fisika",
            "Pendidikan Ekonomi",
            "Pendidikan Teknik Mesin",
        ],
        teknis: &[
            ("teknis.pembelajaran", "Pengelolaan Pembelajaran"),
            ("teknis.penilaian_belajar", "Penilaian Hasil Belajar"),
        ],
        bidang: &[],
        jf: &[("Guru", true)],
        uptd: "",
    },
];

fn family(key: &str) -> &'static Family {
    FAMILIES
        .iter()
        .find(|f| f.key == key)
        .unwrap_or(&FAMILIES[6])
}

/// (id, short name, full name, kind, family, relative size)
const AGENCIES: &[(&str, &str, &str, AgencyKind, &str, u32)] = &[
    (
        "disdik",
        "Disdik",
        "Dinas Pendidikan",
        AgencyKind::Dinas,
        "pendidikan",
        9,
    ),
    (
        "dinkes",
        "Dinkes",
        "Dinas Kesehatan",
        AgencyKind::Dinas,
        "kesehatan",
        7,
    ),
    (
        "dpupr",
        "Dinas PUPR",
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        AgencyKind::Dinas,
        "teknik",
        6,
    ),
    (
        "diskominfo",
        "Diskominfo",
        "Dinas Komunikasi dan Informatika",
        AgencyKind::Dinas,
        "tik",
        3,
    ),
    (
        "dtphp",
        "DTPHP",
        "Dinas Tanaman Pangan, Hortikultura dan Peternakan",
        AgencyKind::Dinas,
        "pertanian",
        5,
    ),
    (
        "diskopukm",
        "Diskop UKM",
        "Dinas Koperasi dan Usaha Kecil Menengah",
        AgencyKind::Dinas,
        "ekonomi",
        2,
    ),
    (
        "dispusip",
        "Dispusip",
        "Dinas Perpustakaan dan Arsip Daerah",
        AgencyKind::Dinas,
        "arsip",
        2,
    ),
    (
        "desdm",
        "Dinas ESDM",
        "Dinas Energi dan Sumber Daya Mineral",
        AgencyKind::Dinas,
        "teknik",
        2,
    ),
    (
        "disperindag",
        "Disperindag",
        "Dinas Perindustrian dan Perdagangan",
        AgencyKind::Dinas,
        "ekonomi",
        2,
    ),
    (
        "disnakertrans",
        "Disnakertrans",
        "Dinas Tenaga Kerja dan Transmigrasi",
        AgencyKind::Dinas,
        "ekonomi",
        3,
    ),
    (
        "dishut",
        "Dishut",
        "Dinas Kehutanan",
        AgencyKind::Dinas,
        "pertanian",
        4,
    ),
    (
        "dinsos",
        "Dinsos",
        "Dinas Sosial",
        AgencyKind::Dinas,
        "ekonomi",
        2,
    ),
    (
        "dishub",
        "Dishub",
        "Dinas Perhubungan",
        AgencyKind::Dinas,
        "teknik",
        3,
    ),
    (
        "dlh",
        "DLH",
        "Dinas Lingkungan Hidup",
        AgencyKind::Dinas,
        "pertanian",
        2,
    ),
    (
        "disbudpar",
        "Disbudpar",
        "Dinas Kebudayaan dan Pariwisata",
        AgencyKind::Dinas,
        "ekonomi",
        2,
    ),
    (
        "dispora",
        "Dispora",
        "Dinas Kepemudaan dan Olahraga",
        AgencyKind::Dinas,
        "ekonomi",
        1,
    ),
    (
        "dp3ap2",
        "DP3AP2",
        "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk",
        AgencyKind::Dinas,
        "ekonomi",
        1,
    ),
    (
        "dpmd",
        "DPMD",
        "Dinas Pemberdayaan Masyarakat dan Desa",
        AgencyKind::Dinas,
        "pemerintahan",
        1,
    ),
    (
        "disdukcapil",
        "Disdukcapil",
        "Dinas Kependudukan dan Pencatatan Sipil",
        AgencyKind::Dinas,
        "pemerintahan",
        1,
    ),
    (
        "disbun",
        "Disbun",
        "Dinas Perkebunan",
        AgencyKind::Dinas,
        "pertanian",
        3,
    ),
    (
        "dkp",
        "DKP",
        "Dinas Kelautan dan Perikanan",
        AgencyKind::Dinas,
        "pertanian",
        2,
    ),
    (
        "dpmptsp",
        "DPMPTSP",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        AgencyKind::Dinas,
        "ekonomi",
        2,
    ),
    (
        "satpolpp",
        "Satpol PP",
        "Satuan Polisi Pamong Praja",
        AgencyKind::Dinas,
        "pemerintahan",
        3,
    ),
    (
        "bappeda",
        "Bappeda",
        "Badan Perencanaan Pembangunan Daerah",
        AgencyKind::Badan,
        "ekonomi",
        3,
    ),
    (
        "bkd",
        "BKD",
        "Badan Kepegawaian Daerah",
        AgencyKind::Badan,
        "pemerintahan",
        3,
    ),
    (
        "bpkad",
        "BPKAD",
        "Badan Pengelolaan Keuangan dan Aset Daerah",
        AgencyKind::Badan,
        "keuangan",
        4,
    ),
    (
        "bapenda",
        "Bapenda",
        "Badan Pendapatan Daerah",
        AgencyKind::Badan,
        "keuangan",
        5,
    ),
    (
        "balitbangda",
        "Balitbangda",
        "Badan Penelitian dan Pengembangan Daerah",
        AgencyKind::Badan,
        "ekonomi",
        1,
    ),
    (
        "bpbd",
        "BPBD",
        "Badan Penanggulangan Bencana Daerah",
        AgencyKind::Badan,
        "teknik",
        2,
    ),
    (
        "kesbangpol",
        "Kesbangpol",
        "Badan Kesatuan Bangsa dan Politik",
        AgencyKind::Badan,
        "pemerintahan",
        1,
    ),
    (
        "bpsdm",
        "BPSDM",
        "Badan Pengembangan Sumber Daya Manusia",
        AgencyKind::Badan,
        "pendidikan",
        2,
    ),
    (
        "inspektorat",
        "Inspektorat",
        "Inspektorat Daerah",
        AgencyKind::Inspektorat,
        "pemerintahan",
        3,
    ),
    (
        "setwan",
        "Setwan",
        "Sekretariat DPRD",
        AgencyKind::Sekretariat,
        "pemerintahan",
        3,
    ),
    (
        "biropem",
        "Biro Pemerintahan",
        "Biro Pemerintahan dan Otonomi Daerah",
        AgencyKind::Biro,
        "pemerintahan",
        1,
    ),
    (
        "biroumum",
        "Biro Umum",
        "Biro Umum",
        AgencyKind::Biro,
        "pemerintahan",
        2,
    ),
    (
        "birokesra",
        "Biro Kesra",
        "Biro Kesejahteraan Rakyat",
        AgencyKind::Biro,
        "ekonomi",
        1,
    ),
    (
        "biroorg",
        "Biro Organisasi",
        "Biro Organisasi",
        AgencyKind::Biro,
        "pemerintahan",
        1,
    ),
    (
        "birohukum",
        "Biro Hukum",
        "Biro Hukum",
        AgencyKind::Biro,
        "pemerintahan",
        1,
    ),
    (
        "biroadpem",
        "Biro Adm. Pembangunan",
        "Biro Administrasi Pembangunan",
        AgencyKind::Biro,
        "ekonomi",
        1,
    ),
    (
        "rsudrm",
        "RSUD Raden Mattaher",
        "RSUD Raden Mattaher",
        AgencyKind::RumahSakit,
        "kesehatan",
        8,
    ),
    (
        "rsjd",
        "RSJD",
        "Rumah Sakit Jiwa Daerah",
        AgencyKind::RumahSakit,
        "kesehatan",
        3,
    ),
];

const MALE_NAMES: &[&str] = &[
    "Muhammad",
    "Ahmad",
    "Rizky",
    "Dedi",
    "Hendra",
    "Syafrizal",
    "Zulkifli",
    "Fauzan",
    "Andi",
    "Budi",
    "Agus",
    "Herman",
    "Irwan",
    "Joko",
    "Yusuf",
    "Rahmat",
    "Hasan",
    "Firdaus",
    "Iskandar",
    "Darmawan",
    "Taufik",
    "Arief",
    "Bambang",
    "Eko",
    "Hamdani",
    "Ilham",
    "Jamaluddin",
    "Khairul",
    "Lukman",
    "Mulyadi",
    "Nasrul",
    "Rudi",
    "Sofyan",
    "Teguh",
    "Wahyu",
    "Yudi",
    "Zainal",
    "Erwin",
    "Fikri",
    "Gusti",
];
const FEMALE_NAMES: &[&str] = &[
    "Siti",
    "Nurhayati",
    "Rahmawati",
    "Yuliana",
    "Dewi",
    "Fitri",
    "Sri",
    "Nurul",
    "Rina",
    "Wulandari",
    "Aisyah",
    "Desi",
    "Eka",
    "Fatimah",
    "Hartati",
    "Indah",
    "Juliana",
    "Kartini",
    "Lestari",
    "Maya",
    "Novita",
    "Putri",
    "Ratna",
    "Susanti",
    "Tri",
    "Utami",
    "Vivi",
    "Yanti",
    "Zahra",
    "Mardiana",
    "Efrida",
    "Halimah",
    "Ernawati",
    "Suryani",
    "Nova",
    "Rosmiati",
    "Asmawati",
    "Yusnidar",
    "Melati",
    "Anisa",
];
/// Second names for men; Batak clan names and a few others are shared.
const MALE_SECOND_NAMES: &[&str] = &[
    "Pratama",
    "Saputra",
    "Hidayat",
    "Nugroho",
    "Syahputra",
    "Kurniawan",
    "Setiawan",
    "Wijaya",
    "Fadli",
    "Ramadhan",
    "Harahap",
    "Nasution",
    "Siregar",
    "Lubis",
    "Hasibuan",
    "Kusuma",
    "Santoso",
    "Gunawan",
    "Rahman",
    "Azhari",
    "Maulana",
    "Effendi",
    "Zulfikar",
    "Anwar",
    "Rasyid",
    "Marzuki",
    "Suherman",
    "Hakim",
    "Junaidi",
    "Purnama",
];
/// Second names for women.
const FEMALE_SECOND_NAMES: &[&str] = &[
    "Sari",
    "Yani",
    "Handayani",
    "Permata",
    "Anggraini",
    "Oktaviani",
    "Safitri",
    "Agustina",
    "Wahyuni",
    "Septiani",
    "Rosalina",
    "Novianti",
    "Damayanti",
    "Apriliani",
    "Harahap",
    "Nasution",
    "Siregar",
    "Lubis",
    "Hasibuan",
    "Kusuma",
    "Purnama",
    "Lestari",
    "Maharani",
    "Puspita",
];

/// The academic title that goes with a level and field (simplified).
fn title(level: EducationLevel, field: &str) -> (&'static str, &'static str) {
    use EducationLevel::*;
    match level {
        D3 => ("", ", A.Md."),
        S1 | D4 | S2 | S3 => {
            let s1 = match field {
                "Kedokteran" => return ("dr. ", if level >= S2 { ", M.Kes." } else { "" }),
                "Akuntansi"
                | "Manajemen Keuangan"
                | "Ekonomi Pembangunan"
                | "Manajemen"
                | "Ilmu Ekonomi"
                | "Perpajakan"
                | "Agribisnis" => ", S.E.",
                "Ilmu Hukum" => ", S.H.",
                "Kesehatan Masyarakat" | "Gizi" => ", S.K.M.",
                "Keperawatan" => ", S.Kep.",
                "Kebidanan" => ", S.Keb.",
                "Farmasi" => ", S.Farm.",
                "Teknik Informatika" | "Sistem Informasi" => ", S.Kom.",
                "Teknik Sipil"
                | "Arsitektur"
                | "Teknik Lingkungan"
                | "Teknik Pertambangan"
                | "Teknik Elektro"
                | "Perencanaan Wilayah dan Kota" => ", S.T.",
                "Agronomi" | "Kehutanan" => ", S.P.",
                "Peternakan" => ", S.Pt.",
                "Perikanan" => ", S.Pi.",
                "Ilmu Pemerintahan" | "Ilmu Politik" => ", S.IP.",
                f if f.starts_with("Pendidikan") || f == "Manajemen Pendidikan" => ", S.Pd.",
                "Psikologi" => ", S.Psi.",
                "Statistika" | "Ilmu Lingkungan" => ", S.Si.",
                "Ilmu Perpustakaan" | "Kearsipan" | "Sejarah" => ", S.Hum.",
                _ => ", S.Sos.",
            };
            if level >= S2 {
                let s2 = match field {
                    "Teknik Sipil"
                    | "Arsitektur"
                    | "Teknik Lingkungan"
                    | "Teknik Pertambangan"
                    | "Teknik Elektro"
                    | "Perencanaan Wilayah dan Kota" => ", M.T.",
                    "Ilmu Hukum" => ", M.H.",
                    "Akuntansi" | "Manajemen Keuangan" | "Manajemen" | "Perpajakan" => ", M.M.",
                    "Kesehatan Masyarakat" | "Keperawatan" | "Kebidanan" | "Gizi" | "Farmasi" => {
                        ", M.Kes."
                    }
                    f if f.starts_with("Pendidikan") || f == "Manajemen Pendidikan" => ", M.Pd.",
                    _ => ", M.Si.",
                };
                // Only the S2 title is shown, as is common on SK lists.
                return ("", s2);
            }
            ("", s1)
        }
        _ => ("", ""),
    }
}

/// Golongan range (lowest, highest) typical of a position type.
fn golongan_range(kind: PositionType) -> (Golongan, Golongan) {
    use Golongan::*;
    use PositionType::*;
    match kind {
        JptUtama | JptMadya => (IVc, IVe),
        JptPratama => (IVb, IVd),
        Administrator => (IIId, IVb),
        Pengawas => (IIIc, IVa),
        Pelaksana => (IIa, IIIc),
        AhliUtama => (IVd, IVe),
        AhliMadya => (IVa, IVc),
        AhliMuda => (IIIc, IIId),
        AhliPertama => (IIIa, IIIb),
        Penyelia => (IIIb, IIId),
        Mahir => (IIc, IIIa),
        Terampil => (IIb, IId),
        Pemula => (IIa, IIa),
    }
}

fn min_education(kind: PositionType) -> EducationLevel {
    use PositionType::*;
    match kind {
        JptUtama | JptMadya | JptPratama | Administrator | Pengawas | AhliUtama | AhliMadya
        | AhliMuda | AhliPertama => EducationLevel::S1,
        Penyelia | Mahir | Terampil => EducationLevel::D3,
        Pemula | Pelaksana => EducationLevel::Sma,
    }
}

fn jf_level_name(kind: PositionType) -> &'static str {
    use PositionType::*;
    match kind {
        AhliUtama => "Ahli Utama",
        AhliMadya => "Ahli Madya",
        AhliMuda => "Ahli Muda",
        AhliPertama => "Ahli Pertama",
        Penyelia => "Penyelia",
        Mahir => "Mahir",
        Terampil => "Terampil",
        _ => "Pemula",
    }
}

struct Builder<'a> {
    rng: Rng,
    cfg: &'a DemoConfig,
    ws: Workspace,
    /// Family key of each agency.
    agency_family: HashMap<String, &'static str>,
    /// Positions added so far per unit, for their ids.
    positions_per_unit: HashMap<String, u32>,
    /// Family key of each position (by index in `ws.positions`): whose
    /// education fields and teknis competencies it asks for.
    position_family: Vec<&'static str>,
}

impl Builder<'_> {
    /// Adds a position to `unit` (whose id starts with the agency id).
    fn add_position(
        &mut self,
        unit: &str,
        name: String,
        kind: PositionType,
        fam: &Family,
        need: u32,
        specific: bool,
    ) {
        let agency = unit.split('.').next().unwrap_or(unit);
        let count = self.positions_per_unit.entry(unit.to_string()).or_insert(0);
        *count += 1;
        let id = PositionId(format!("{unit}.p{count:02}"));
        let managerial_level = kind.default_managerial_level();
        let mut competencies = standard_requirements(kind);
        let teknis_level = (managerial_level + 1).min(5);
        for (k, (tid, _)) in fam
            .teknis
            .iter()
            .take(if specific { 2 } else { 1 })
            .enumerate()
        {
            competencies.push(RequiredCompetency {
                competency: CompetencyId::new(*tid),
                level: if k == 0 {
                    teknis_level
                } else {
                    teknis_level.saturating_sub(1).max(1)
                },
                core: k == 0,
            });
        }
        let (low, _) = golongan_range(kind);
        // A functional position's JF is its name without the jenjang.
        let jf = crate::core::move_class::is_functional(kind).then(|| {
            name.strip_suffix(jf_level_name(kind))
                .unwrap_or(&name)
                .trim_end()
                .to_string()
        });
        self.position_family.push(fam.key);
        self.ws.positions.push(Position {
            id,
            name,
            kind,
            jf,
            agency: AgencyId(agency.to_string()),
            unit: UnitId(unit.to_string()),
            min_golongan: Some(low),
            education: EducationRequirement {
                min_level: Some(min_education(kind)),
                fields: if specific {
                    fam.fields.iter().map(|s| s.to_string()).collect()
                } else {
                    Vec::new()
                },
            },
            competencies,
            need,
        });
    }

    fn build_organisation(&mut self) {
        let scale = (self.cfg.asn as f64 / 1_500.0).max(0.05);
        for (i, (id, short, name, kind, fam_key, size)) in AGENCIES.iter().enumerate() {
            let fam = family(fam_key);
            self.agency_family.insert(id.to_string(), fam.key);
            let mut units = vec![Unit {
                id: UnitId(format!("{id}.pimpinan")),
                name: "Pimpinan".into(),
                parent: None,
                seat: None,
            }];
            let sekretariat = if *kind == AgencyKind::Biro {
                "Bagian Tata Usaha"
            } else {
                "Sekretariat"
            };
            let sek_id = UnitId(format!("{id}.sekretariat"));
            units.push(Unit {
                id: sek_id.clone(),
                name: sekretariat.into(),
                parent: None,
                seat: None,
            });
            for (suffix, sub) in [
                ("umum", "Subbagian Umum dan Kepegawaian"),
                ("keuangan", "Subbagian Keuangan"),
            ] {
                units.push(Unit {
                    id: UnitId(format!("{id}.sekretariat.{suffix}")),
                    name: sub.into(),
                    parent: Some(sek_id.clone()),
                    seat: None,
                });
            }
            let n_bidang = (2 + (*size as usize) / 3).min(fam.bidang.len());
            for (b, bidang) in fam.bidang.iter().take(n_bidang).enumerate() {
                let label = if *kind == AgencyKind::Biro {
                    format!("Bagian {bidang}")
                } else {
                    format!("Bidang {bidang}")
                };
                units.push(Unit {
                    id: UnitId(format!("{id}.b{}", b + 1)),
                    name: label,
                    parent: None,
                    seat: None,
                });
            }
            // UPTDs in the kabupaten, more of them for larger workspaces.
            let n_uptd = ((f64::from(*size) * scale / 3.0).round() as usize).min(60);
            for u in 0..n_uptd {
                let seat = Regency::ALL[1 + (i + u) % 10];
                let name = format!(
                    "{} {}",
                    fam.uptd,
                    seat.name().trim_start_matches("Kabupaten ")
                );
                let name = if u >= 10 {
                    format!("{name} {}", u / 10 + 1)
                } else {
                    name
                };
                units.push(Unit {
                    id: UnitId(format!("{id}.uptd{}", u + 1)),
                    name,
                    parent: None,
                    seat: Some(seat),
                });
            }
            // Disdik runs the province's SMA and SMK, one unit per school.
            let schools = if *id == "disdik" {
                self.schools(id, scale)
            } else {
                Vec::new()
            };
            units.extend(schools.iter().cloned());
            self.ws.agencies.push(Agency {
                id: AgencyId(id.to_string()),
                short_name: short.to_string(),
                name: name.to_string(),
                kind: *kind,
                government: Government::Province,
                seat: Regency::KotaJambi,
                units: units.clone(),
            });

            let head = match kind {
                AgencyKind::Biro => "Kepala Biro".to_string(),
                AgencyKind::Sekretariat => "Sekretaris DPRD".to_string(),
                AgencyKind::Inspektorat => "Inspektur".to_string(),
                AgencyKind::RumahSakit => "Direktur".to_string(),
                _ => format!(
                    "Kepala {}",
                    name.split_whitespace().next().unwrap_or("Dinas")
                ),
            };
            self.add_position(
                &format!("{id}.pimpinan"),
                format!("{head} {short}"),
                PositionType::JptPratama,
                fam,
                1,
                false,
            );
            let many = |base: u32, rng: &mut Rng| -> u32 {
                ((f64::from(base) * scale * (0.6 + rng.below(80) as f64 / 100.0)).round() as u32)
                    .max(1)
            };
            let sek = format!("{id}.sekretariat");
            let umum = format!("{id}.sekretariat.umum");
            let keu = format!("{id}.sekretariat.keuangan");
            if *kind != AgencyKind::Biro {
                self.add_position(
                    &sek,
                    format!("Sekretaris {short}"),
                    PositionType::Administrator,
                    fam,
                    1,
                    false,
                );
            }
            self.add_position(
                &umum,
                "Kepala Subbagian Umum dan Kepegawaian".into(),
                PositionType::Pengawas,
                fam,
                1,
                false,
            );
            self.add_position(
                &keu,
                "Kepala Subbagian Keuangan".into(),
                PositionType::Pengawas,
                family("keuangan"),
                1,
                true,
            );
            let n = many(2, &mut self.rng);
            self.add_position(
                &umum,
                "Pengadministrasi Umum".into(),
                PositionType::Pelaksana,
                fam,
                n,
                false,
            );
            let n = many(2, &mut self.rng);
            self.add_position(
                &keu,
                "Pengelola Keuangan".into(),
                PositionType::Pelaksana,
                family("keuangan"),
                n,
                true,
            );
            let n = many(1, &mut self.rng);
            self.add_position(
                &keu,
                "Analis Keuangan Pusat dan Daerah Ahli Pertama".into(),
                PositionType::AhliPertama,
                family("keuangan"),
                n,
                true,
            );
            let n = many(1, &mut self.rng);
            self.add_position(
                &umum,
                "Analis Sumber Daya Manusia Aparatur Ahli Pertama".into(),
                PositionType::AhliPertama,
                family("pemerintahan"),
                n,
                true,
            );
            if self.rng.chance(50) {
                let n = many(1, &mut self.rng);
                self.add_position(
                    &umum,
                    "Pranata Komputer Terampil".into(),
                    PositionType::Terampil,
                    family("tik"),
                    n,
                    true,
                );
            }
            for b in 0..n_bidang {
                let unit = format!("{id}.b{}", b + 1);
                let label = if *kind == AgencyKind::Biro {
                    "Kepala Bagian"
                } else {
                    "Kepala Bidang"
                };
                self.add_position(
                    &unit,
                    format!("{label} {}", fam.bidang[b]),
                    PositionType::Administrator,
                    fam,
                    1,
                    true,
                );
                let jf = fam.jf[(b + i) % fam.jf.len()];
                let levels: &[PositionType] = if jf.1 {
                    &[
                        PositionType::AhliMadya,
                        PositionType::AhliMuda,
                        PositionType::AhliPertama,
                    ]
                } else {
                    &[
                        PositionType::Penyelia,
                        PositionType::Mahir,
                        PositionType::Terampil,
                    ]
                };
                let size_boost = 1 + *size / 4;
                for (l, level) in levels.iter().enumerate() {
                    let base = [1, 2, 2][l] * size_boost;
                    let n = many(base, &mut self.rng);
                    self.add_position(
                        &unit,
                        format!("{} {}", jf.0, jf_level_name(*level)),
                        *level,
                        fam,
                        n,
                        true,
                    );
                }
                let n = many(2 + *size / 3, &mut self.rng);
                self.add_position(
                    &unit,
                    format!("Analis {}", fam.bidang[b]),
                    PositionType::Pelaksana,
                    fam,
                    n,
                    true,
                );
                let n = many(1, &mut self.rng);
                self.add_position(
                    &unit,
                    "Pengadministrasi Perkantoran".into(),
                    PositionType::Pelaksana,
                    fam,
                    n,
                    false,
                );
            }
            for school in &schools {
                let guru = family("guru");
                for (level, base) in [
                    (PositionType::AhliPertama, 4),
                    (PositionType::AhliMuda, 4),
                    (PositionType::AhliMadya, 2),
                ] {
                    let n = many(base, &mut self.rng);
                    self.add_position(
                        &school.id.0,
                        format!("Guru {}", jf_level_name(level)),
                        level,
                        guru,
                        n,
                        true,
                    );
                }
            }
            for u in 0..n_uptd {
                let unit = format!("{id}.uptd{}", u + 1);
                self.add_position(
                    &unit,
                    "Kepala UPTD".into(),
                    PositionType::Pengawas,
                    fam,
                    1,
                    true,
                );
                let jf = fam.jf[u % fam.jf.len()];
                let level = if jf.1 {
                    PositionType::AhliPertama
                } else {
                    PositionType::Terampil
                };
                let n = many(2, &mut self.rng);
                self.add_position(
                    &unit,
                    format!("{} {}", jf.0, jf_level_name(level)),
                    level,
                    fam,
                    n,
                    true,
                );
                let n = many(2, &mut self.rng);
                self.add_position(
                    &unit,
                    "Pengadministrasi Umum".into(),
                    PositionType::Pelaksana,
                    fam,
                    n,
                    false,
                );
            }
        }
        for fam in FAMILIES {
            for (tid, tname) in fam.teknis {
                if !self.ws.competencies.iter().any(|c| c.id.as_str() == *tid) {
                    self.ws.competencies.push(CompetencyDef {
                        id: CompetencyId::new(*tid),
                        name: tname.to_string(),
                        group: CompetencyGroup::Teknis,
                    });
                }
            }
        }
    }

    /// Scales the needs of multi-holder positions down when the
    /// organisation asks for more than 1.5 people per ASN (large
    /// workspaces: unit trees grow slower than the staff), to about 1.3, so
    /// that positions fill and some overfill at every size.
    fn fit_needs(&mut self) {
        let total: u64 = self.ws.positions.iter().map(|p| u64::from(p.need)).sum();
        let asn = self.cfg.asn as u64;
        if total * 2 <= asn * 3 {
            return;
        }
        let target = asn * 13 / 10;
        for p in self.ws.positions.iter_mut().filter(|p| p.need > 1) {
            p.need = ((u64::from(p.need) * target).div_ceil(total)).max(1) as u32;
        }
    }

    /// The schools of `agency`: SMA and SMK across the regencies, about 16
    /// for the demo's size.
    fn schools(&self, agency: &str, scale: f64) -> Vec<Unit> {
        let n = ((16.0 * scale).round() as usize).clamp(3, 600);
        (0..n)
            .map(|s| {
                let seat = Regency::ALL[s % Regency::ALL.len()];
                let kind = if s % 3 == 2 { "SMK" } else { "SMA" };
                let number = s / Regency::ALL.len() + 1;
                let place = seat
                    .name()
                    .trim_start_matches("Kabupaten ")
                    .trim_start_matches("Kota ");
                Unit {
                    id: UnitId(format!("{agency}.sekolah{}", s + 1)),
                    name: format!("{kind} Negeri {number} {place}"),
                    parent: None,
                    seat: Some(seat),
                }
            })
            .collect()
    }

    /// Which position each of the `asn` people holds: structural posts are
    /// filled first (most of them), then multi-holder slots in a seeded
    /// shuffle, leaving vacancies; a few positions end up over their need.
    fn place_people(&mut self) -> Vec<usize> {
        let mut single = Vec::new();
        let mut slots = Vec::new();
        for (p, pos) in self.ws.positions.iter().enumerate() {
            if pos.need == 1
                && matches!(
                    pos.kind,
                    PositionType::JptPratama | PositionType::Administrator | PositionType::Pengawas
                )
            {
                single.push(p);
            } else {
                slots.extend(std::iter::repeat_n(p, pos.need as usize));
            }
        }
        let mut placed = Vec::with_capacity(self.cfg.asn);
        for p in single {
            if self.rng.chance(92) {
                placed.push(p);
            }
        }
        for i in (1..slots.len()).rev() {
            let j = self.rng.below(i as u64 + 1) as usize;
            slots.swap(i, j);
        }
        // Staff are unevenly spread, the case a transfer program corrects:
        // a tenth of the people sit in a position over its need while a
        // position of the same type and JF elsewhere has a gap.
        let surplus = self.cfg.asn / 10;
        let wanted = self
            .cfg
            .asn
            .saturating_sub(placed.len())
            .saturating_sub(surplus);
        placed.extend(slots.iter().take(wanted));
        self.place_surplus(&mut placed);
        while placed.len() < self.cfg.asn && !slots.is_empty() {
            placed.push(*self.rng.pick(&slots));
        }
        placed.truncate(self.cfg.asn);
        placed
    }

    /// Adds people to `placed` (position indices) until it holds the
    /// demo's size: for the largest gaps first (kebutuhan − bezetting, ties
    /// by position order, as the open round ranks them), one person per
    /// missing holder, in a position of the same type and JF that is full.
    /// The gaps are taken by turns over the position types ([`by_turns`]).
    fn place_surplus(&mut self, placed: &mut Vec<usize>) {
        let positions = &self.ws.positions;
        let mut held = vec![0u32; positions.len()];
        for &p in placed.iter() {
            held[p] += 1;
        }
        let gaps: Vec<(u32, usize)> = gaps(positions, &held)
            .into_iter()
            .filter(|&(_, i)| positions[i].need > 1)
            .collect();
        let mut budget = self.cfg.asn.saturating_sub(placed.len());
        for (gap, i) in by_turns(gaps, positions) {
            let wanted = lateral_key(&positions[i]);
            let full: Vec<usize> = positions
                .iter()
                .enumerate()
                .filter(|(j, p)| *j != i && held[*j] >= p.need && lateral_key(p) == wanted)
                .map(|(j, _)| j)
                .collect();
            if full.is_empty() {
                continue;
            }
            for _ in 0..gap {
                if budget == 0 {
                    return;
                }
                let j = *self.rng.pick(&full);
                held[j] += 1;
                placed.push(j);
                budget -= 1;
            }
        }
    }

    fn person(&mut self, position: usize, nip_seq: &mut HashMap<String, u32>) -> Asn {
        let as_of = self.cfg.as_of;
        let pos = self.ws.positions[position].clone();
        let own_family = family(self.position_family[position]);
        let rng = &mut self.rng;
        let gender = if rng.chance(47) {
            Gender::Female
        } else {
            Gender::Male
        };

        let pppk = matches!(
            pos.kind,
            PositionType::Pelaksana | PositionType::AhliPertama | PositionType::Terampil
        ) && rng.chance(12);
        let (low, high) = golongan_range(pos.kind);
        let mut g = low as i64 + rng.range(0, high as i64 - low as i64);
        if rng.chance(6) {
            g -= 1; // below the position's minimum: a rule the engine must catch
        }
        let golongan = Golongan::ALL[g.clamp(0, 16) as usize];

        // Years of service roughly follow rank: about 4 years per step above
        // the entry rank of the education level.
        let level = if pos.kind == PositionType::Pelaksana {
            *rng.pick(&[
                EducationLevel::Sma,
                EducationLevel::Sma,
                EducationLevel::D3,
                EducationLevel::S1,
                EducationLevel::S1,
            ])
        } else if matches!(
            pos.kind,
            PositionType::Terampil | PositionType::Mahir | PositionType::Penyelia
        ) {
            if rng.chance(80) {
                EducationLevel::D3
            } else {
                EducationLevel::S1
            }
        } else if rng.chance(
            if matches!(
                pos.kind,
                PositionType::JptPratama | PositionType::Administrator
            ) {
                60
            } else {
                25
            },
        ) {
            EducationLevel::S2
        } else if rng.chance(4) {
            EducationLevel::D3 // below the position's requirement
        } else {
            EducationLevel::S1
        };
        let entry_rank = match level {
            EducationLevel::S2 | EducationLevel::S3 => Golongan::IIIb,
            EducationLevel::S1 | EducationLevel::D4 => Golongan::IIIa,
            EducationLevel::D3 => Golongan::IIc,
            _ => Golongan::IIa,
        };
        let steps = (golongan as i64 - entry_rank as i64).max(0);
        let entry_age = rng.range(22, 30);
        // Nobody is past the retirement age of their position.
        let max_service = i64::from(RuleSettings::default().bup(&pos)) - 1 - entry_age;
        let service_years = (steps * 4 + rng.range(1, 5)).min(max_service);
        let (cpns_year, status) = if pppk {
            (
                as_of.year() - rng.range(1, 4) as i32,
                EmploymentStatus::Pppk,
            )
        } else if pos.kind == PositionType::Pelaksana && rng.chance(4) {
            (
                as_of.year() - rng.range(0, 1) as i32,
                EmploymentStatus::Cpns,
            )
        } else {
            (as_of.year() - service_years as i32, EmploymentStatus::Pns)
        };
        let birth_year = cpns_year - entry_age as i32;
        let birth_month = rng.range(1, 12) as u8;
        let birth_day = rng.range(
            1,
            i64::from(crate::core::date::days_in_month(birth_year, birth_month)),
        ) as u8;
        let birth_date = date(birth_year, birth_month, birth_day);
        let cpns_month = if status == EmploymentStatus::Pppk {
            21
        } else {
            rng.range(1, 12) as u8
        };
        let prefix = format!(
            "{:04}{:02}{:02}{:04}{:02}{}",
            birth_year,
            birth_month,
            birth_day,
            cpns_year,
            cpns_month,
            if gender == Gender::Male { 1 } else { 2 }
        );
        let seq = nip_seq.entry(prefix.clone()).or_insert(0);
        *seq += 1;
        let nip = Nip::parse(&format!("{prefix}{:03}", *seq))
            .unwrap_or_else(|e| unreachable!("the generator builds valid NIPs: {e}"));

        // Education field: mostly the position's family, sometimes another.
        let fields_family = if rng.chance(82) {
            own_family
        } else {
            &FAMILIES[rng.below(FAMILIES.len() as u64) as usize]
        };
        let field = if level <= EducationLevel::Sma {
            String::new()
        } else {
            rng.pick(fields_family.fields).to_string()
        };

        let (firsts, seconds) = match gender {
            Gender::Male => (MALE_NAMES, MALE_SECOND_NAMES),
            Gender::Female => (FEMALE_NAMES, FEMALE_SECOND_NAMES),
        };
        let first = rng.pick(firsts);
        let second = rng.pick(seconds);
        let (pre, post) = title(level, &field);
        let name = if rng.chance(30) {
            let third = rng.pick(seconds);
            if third == second {
                format!("{pre}{first} {second}{post}")
            } else {
                format!("{pre}{first} {second} {third}{post}")
            }
        } else {
            format!("{pre}{first} {second}{post}")
        };

        let cpns_date = date(cpns_year, if cpns_month == 21 { 1 } else { cpns_month }, 1);
        let months_back = rng.range(6, 108) as i32;
        let since = as_of.add_months(-months_back).max(cpns_date.add_months(
            if status == EmploymentStatus::Pns {
                12
            } else {
                0
            },
        ));
        let since = date(since.year(), since.month(), 1).min(as_of);

        // Competencies: around the position's requirement, better in the
        // person's own field.
        let fit_bonus: i64 = if fields_family.key == own_family.key {
            0
        } else {
            -1
        };
        let talent = rng.range(-1, 1);
        let mut levels = BTreeMap::new();
        for req in &pos.competencies {
            let teknis = req.competency.as_str().starts_with("teknis.");
            let noise = rng.range(-1, 1) + talent + if teknis { fit_bonus } else { 0 };
            levels.insert(
                req.competency.clone(),
                (i64::from(req.level) + noise).clamp(1, 5) as u8,
            );
        }
        for (tid, _) in fields_family.teknis {
            let id = CompetencyId::new(*tid);
            levels
                .entry(id)
                .or_insert_with(|| (3 + talent + rng.range(-1, 1)).clamp(1, 5) as u8);
        }
        // One in ten has not been assessed yet: no levels at all.
        let assessed_on = if rng.chance(90) {
            Some(as_of.add_months(-(rng.range(1, 36) as i32)))
        } else {
            levels.clear();
            None
        };
        let potential = match talent + rng.range(-1, 1) {
            i64::MIN..=-1 => Potential::Rendah,
            0 => Potential::Menengah,
            _ => Potential::Tinggi,
        };

        // Three years of annual performance with a personal tendency.
        let tendency = rng.range(0, 99);
        let mut performance = Vec::new();
        for year in (as_of.year() - 3)..as_of.year() {
            if date(year, 12, 31) < cpns_date {
                continue;
            }
            let rating = |rng: &mut Rng| {
                let roll = (tendency + rng.range(-30, 30)).clamp(0, 99);
                match roll {
                    0..=9 => Rating::DiBawah,
                    10..=79 => Rating::Sesuai,
                    _ => Rating::DiAtas,
                }
            };
            let hasil_kerja = rating(rng);
            let perilaku_kerja = rating(rng);
            performance.push(PerformanceRecord {
                period: Period::annual(year),
                hasil_kerja,
                perilaku_kerja,
                score: None,
            });
        }

        let mut flags = Flags::default();
        if rng.chance(1) {
            flags.processes.push(Process {
                kind: ProcessKind::Disciplinary,
                since: as_of.add_months(-(rng.range(1, 8) as i32)),
                until: None,
            });
        }
        if self.rng.chance(1) && self.rng.chance(50) {
            flags.processes.push(Process {
                kind: ProcessKind::Court,
                since: as_of.add_months(-(self.rng.range(2, 14) as i32)),
                until: None,
            });
        }
        let rng = &mut self.rng;
        if rng.chance(2) {
            let level = *rng.pick(&[
                SanctionLevel::Ringan,
                SanctionLevel::Sedang,
                SanctionLevel::Berat,
            ]);
            flags.sanctions.push(Sanction {
                level,
                imposed: as_of.add_months(-(rng.range(3, 40) as i32)),
            });
        }
        if status == EmploymentStatus::Pns && rng.chance(1) {
            let from = as_of.add_months(-(rng.range(1, 20) as i32));
            flags.study_leave = Some(StudyLeave {
                from,
                until: from.add_years(2),
            });
        }

        let seat = self
            .ws
            .agencies
            .iter()
            .find(|a| a.id == pos.agency)
            .map_or(Regency::KotaJambi, |a| a.unit_seat(&pos.unit));
        let domicile = if rng.chance(80) {
            seat
        } else {
            *rng.pick(&Regency::ALL)
        };

        Asn {
            nip,
            name,
            gender,
            birth_date,
            status,
            golongan: (status != EmploymentStatus::Pppk).then_some(golongan),
            // PPPK are appointed at the golongan of their education
            // (Perpres 98/2020): SMA V, D3 VII, S1 IX, S2 X, S3 XI.
            pppk_golongan: if status == EmploymentStatus::Pppk {
                PppkGolongan::new(match level {
                    EducationLevel::D3 => 7,
                    EducationLevel::S1 | EducationLevel::D4 => 9,
                    EducationLevel::S2 => 10,
                    EducationLevel::S3 => 11,
                    _ => 5,
                })
            } else {
                None
            },
            education: Education { level, field },
            position: Some(CurrentPosition {
                position: pos.id.clone(),
                since,
            }),
            flags,
            competencies: CompetencyProfile {
                assessed_on,
                levels,
            },
            potential: Some(potential),
            performance,
            domicile,
            preferences: Vec::new(),
            own_request: false,
        }
    }

    /// Preferences for about a third of PNS: positions of their own field,
    /// their home regency, an agency of their field.
    fn add_preferences(&mut self) {
        let by_family: BTreeMap<&str, Vec<PositionId>> = {
            let mut map: BTreeMap<&str, Vec<PositionId>> = BTreeMap::new();
            for p in &self.ws.positions {
                if let Some(fam) = self.agency_family.get(&p.agency.0) {
                    map.entry(*fam).or_default().push(p.id.clone());
                }
            }
            map
        };
        let field_family: HashMap<&str, &str> = FAMILIES
            .iter()
            .flat_map(|f| f.fields.iter().map(move |field| (*field, f.key)))
            .collect();
        for i in 0..self.ws.asn.len() {
            let asn = &self.ws.asn[i];
            if asn.status != EmploymentStatus::Pns || !self.rng.chance(33) {
                continue;
            }
            let fam = field_family
                .get(asn.education.field.as_str())
                .copied()
                .unwrap_or("pemerintahan");
            let domicile = asn.domicile;
            let mut prefs = Vec::new();
            let n = self.rng.range(1, 3);
            for _ in 0..n {
                let target = match self.rng.below(3) {
                    0 => PreferenceTarget::Regency(domicile),
                    1 => match by_family.get(fam) {
                        Some(list) if !list.is_empty() => {
                            PreferenceTarget::Position(self.rng.pick(list).clone())
                        }
                        _ => PreferenceTarget::Regency(domicile),
                    },
                    _ => {
                        let agencies: Vec<&str> = crate::core::sort::set_from(
                            self.agency_family
                                .iter()
                                .filter(|(_, f)| **f == fam)
                                .map(|(a, _)| a.as_str()),
                        )
                        .into_iter()
                        .collect();
                        if agencies.is_empty() {
                            PreferenceTarget::Regency(domicile)
                        } else {
                            PreferenceTarget::Agency(AgencyId(self.rng.pick(&agencies).to_string()))
                        }
                    }
                };
                if prefs.iter().any(|p: &Preference| p.target == target) {
                    continue;
                }
                let reason = match target {
                    PreferenceTarget::Regency(_) => *self.rng.pick(&[
                        PreferenceReason::Family,
                        PreferenceReason::Family,
                        PreferenceReason::Health,
                    ]),
                    _ => PreferenceReason::Career,
                };
                prefs.push(Preference {
                    target,
                    reason,
                    note: String::new(),
                });
            }
            let own_request = self.rng.chance(15);
            let asn = &mut self.ws.asn[i];
            asn.preferences = prefs;
            asn.own_request = own_request;
        }
    }

    /// A past round: about 5 % of PNS moved on a date 28 months before
    /// `as_of`, with their TMT set to it.
    fn add_past_round(&mut self) {
        let effective = date(self.cfg.as_of.year() - 2, 7, 1);
        let round_id = format!("mutasi-{}", effective.year());
        let n = self.ws.asn.len() / 20;
        let mut moved = 0;
        let mut i = 0;
        while moved < n && i < self.ws.asn.len() {
            let k = (i * 7919) % self.ws.asn.len();
            i += 1;
            let asn = &self.ws.asn[k];
            let Some(current) = &asn.position else {
                continue;
            };
            if asn.status != EmploymentStatus::Pns || current.since > effective {
                continue;
            }
            let kind = self
                .ws
                .positions
                .iter()
                .find(|p| p.id == current.position)
                .map(|p| p.kind);
            let candidates: Vec<&Position> = self
                .ws
                .positions
                .iter()
                .filter(|p| Some(p.kind) == kind && p.id != current.position)
                .collect();
            if candidates.is_empty() {
                continue;
            }
            let from = self.rng.pick(&candidates).id.clone();
            let to = current.position.clone();
            let nip = asn.nip.clone();
            if let Some(c) = self.ws.asn[k].position.as_mut() {
                c.since = effective;
            }
            // After the move most improve, some stay the same, a few
            // decline: the evaluation has something to find.
            let outcome = self.rng.weighted(&[55, 30, 15]);
            let person = &mut self.ws.asn[k];
            let before = person
                .performance
                .iter()
                .filter(|r| r.period.end_date() < effective)
                .max_by_key(|r| r.period)
                .map(|r| (r.hasil_kerja, r.perilaku_kerja));
            if let Some((hasil, perilaku)) = before {
                for r in person
                    .performance
                    .iter_mut()
                    .filter(|r| r.period.end_date() >= effective)
                {
                    let (h, p) = match outcome {
                        0 if (hasil, perilaku) == (Rating::DiAtas, Rating::DiAtas) => {
                            (hasil, perilaku)
                        }
                        0 if hasil == Rating::DiBawah || perilaku == Rating::DiBawah => {
                            (Rating::Sesuai, Rating::Sesuai)
                        }
                        0 => (Rating::DiAtas, Rating::DiAtas),
                        1 => (hasil, perilaku),
                        _ if hasil == Rating::DiBawah => (Rating::DiBawah, Rating::DiBawah),
                        _ => (Rating::DiBawah, Rating::Sesuai),
                    };
                    r.hasil_kerja = h;
                    r.perilaku_kerja = p;
                }
            }
            self.ws.moves.push(MoveRecord {
                asn: nip,
                from: Some(from),
                to,
                effective,
                round: Some(round_id.clone()),
            });
            moved += 1;
        }
        self.ws.rounds.push(Round {
            id: round_id,
            name: format!("Program Mutasi {}", effective.year()),
            effective_date: effective,
            openings: Vec::new(),
            scenarios: vec![default_scenario()],
            decisions: Vec::new(),
            results: Vec::new(),
            participation: Participation::default(),
            election: None,
        });
    }

    /// The open round: the needs analysis opens every vacant structural
    /// post and the positions with the largest staffing gap (kebutuhan −
    /// bezetting), about a tenth of the workspace's size. A position opens
    /// as many slots as there are movable people over the need in positions
    /// of its type and JF (each counted once); a gap nobody of its type and
    /// JF could fill is left to the formation request for new ASN, not
    /// opened in a transfer round.
    fn add_open_round(&mut self) {
        let positions = &self.ws.positions;
        let index: HashMap<&PositionId, usize> = positions
            .iter()
            .enumerate()
            .map(|(i, p)| (&p.id, i))
            .collect();
        let effective = date(self.cfg.as_of.year() + 1, 1, 2);
        let rules = RuleSettings::default();
        let mut held = vec![0u32; positions.len()];
        let mut movable = vec![0u32; positions.len()];
        for a in &self.ws.asn {
            if let Some(i) = a.position.as_ref().and_then(|c| index.get(&c.position)) {
                held[*i] += 1;
                if crate::core::rules::person_rejections(a, &rules, effective).is_empty() {
                    movable[*i] += 1;
                }
            }
        }
        let mut surplus: HashMap<_, u32> = HashMap::new();
        for (i, p) in positions.iter().enumerate() {
            if held[i] > p.need {
                *surplus.entry(lateral_key(p)).or_insert(0) += (held[i] - p.need).min(movable[i]);
            }
        }
        let gaps = gaps(positions, &held);
        let mut openings = Vec::new();
        let mut chosen = Vec::new();
        // Vacant structural posts all open.
        for &(gap, i) in &gaps {
            let p = &positions[i];
            if p.need == 1
                && matches!(
                    p.kind,
                    PositionType::JptPratama | PositionType::Administrator | PositionType::Pengawas
                )
            {
                chosen.push((gap, i, 1));
            }
        }
        // The rest by turns over the position types, so that every level
        // has openings.
        let wanted = (self.cfg.asn / 10).max(1);
        let mut opened = 0;
        for (gap, i) in by_turns(gaps, positions) {
            if opened == wanted {
                break;
            }
            if positions[i].need == 1 {
                continue;
            }
            let supply = surplus.entry(lateral_key(&positions[i])).or_insert(0);
            let slots = gap.min(*supply);
            *supply -= slots;
            if slots > 0 {
                chosen.push((gap, i, slots));
                opened += 1;
            }
        }
        crate::core::sort::sort_by(&mut chosen, |a, b| a.1.cmp(&b.1));
        for (gap, i, slots) in chosen {
            let p = &positions[i];
            let priority = match (p.kind, gap) {
                (PositionType::JptPratama | PositionType::Administrator, _) => Priority::Mendesak,
                (PositionType::Pengawas, _) => Priority::Tinggi,
                (_, g) if g >= 4 => Priority::Tinggi,
                (_, g) if g >= 2 => Priority::Sedang,
                _ => Priority::Rendah,
            };
            openings.push(Opening {
                position: p.id.clone(),
                slots,
                priority,
                reason: format!("Kebutuhan ABK {} · terisi {}", p.need, held[i]),
            });
        }
        let mut competency_first = default_scenario();
        competency_first.id = "kompetensi".into();
        competency_first.name = "Utamakan kompetensi".into();
        competency_first.weights.fit = 60;
        competency_first.weights.preference = 5;
        self.ws.rounds.push(Round {
            id: format!("mutasi-{}", effective.year()),
            name: format!("Program Mutasi {}", effective.year()),
            effective_date: effective,
            openings,
            scenarios: vec![default_scenario(), competency_first],
            decisions: Vec::new(),
            results: Vec::new(),
            participation: Participation::default(),
            election: None,
        });
    }
}

/// What a lateral move keeps: the position type and the JF.
fn lateral_key(p: &Position) -> (PositionType, Option<String>) {
    (p.kind, crate::core::move_class::jf_of(p))
}

/// The staffing gaps (kebutuhan − `held`, position index) of the positions
/// short of their need: largest first, ties by position order (document
/// order).
fn gaps(positions: &[Position], held: &[u32]) -> Vec<(u32, usize)> {
    let mut gaps: Vec<(u32, usize)> = positions
        .iter()
        .enumerate()
        .filter(|(i, p)| p.need > held[*i])
        .map(|(i, p)| (p.need - held[i], i))
        .collect();
    crate::core::sort::sort_by(&mut gaps, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    gaps
}

/// `gaps` (gap, position index), largest first, reordered by turns over
/// the position types: each type's largest gap, then each type's second
/// largest, and so on (types in [`PositionType`] order), so that every level
/// gets its share before the largest type takes all.
fn by_turns(gaps: Vec<(u32, usize)>, positions: &[Position]) -> Vec<(u32, usize)> {
    let mut seen: HashMap<PositionType, usize> = HashMap::new();
    let mut turns: Vec<(usize, PositionType, (u32, usize))> = gaps
        .into_iter()
        .map(|g| {
            let kind = positions[g.1].kind;
            let turn = seen.entry(kind).or_insert(0);
            *turn += 1;
            (*turn, kind, g)
        })
        .collect();
    crate::core::sort::sort_by(&mut turns, |a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    turns.into_iter().map(|t| t.2).collect()
}

fn default_scenario() -> Scenario {
    Scenario {
        id: "seimbang".into(),
        name: "Seimbang".into(),
        mode: MatchMode::Optimal,
        rules: RuleSettings::default(),
        fit: FitSettings::default(),
        weights: ObjectiveWeights::default(),
        constraints: Vec::new(),
    }
}

/// Generates a workspace.
pub fn generate(cfg: &DemoConfig) -> Workspace {
    let mut b = Builder {
        rng: Rng::new(cfg.seed),
        cfg,
        ws: Workspace::empty(format!("Demo Pemerintah Provinsi Jambi ({} ASN)", cfg.asn)),
        agency_family: HashMap::new(),
        positions_per_unit: HashMap::new(),
        position_family: Vec::new(),
    };
    b.build_organisation();
    b.fit_needs();
    let placed = b.place_people();
    let mut nip_seq = HashMap::new();
    for p in placed {
        let person = b.person(p, &mut nip_seq);
        b.ws.asn.push(person);
    }
    crate::core::sort::sort_by(&mut b.ws.asn, |x, y| x.nip.cmp(&y.nip));
    b.add_preferences();
    b.add_past_round();
    b.add_open_round();
    b.ws.audit.push(AuditEntry {
        at: format!("{}T00:00:00Z", cfg.as_of),
        action: "demo".into(),
        detail: format!(
            "Demo workspace generated (seed {}, {} ASN)",
            cfg.seed, cfg.asn
        ),
        reason: None,
    });
    b.ws
}
