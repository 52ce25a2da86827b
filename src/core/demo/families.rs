//! The fields of work agencies share: education fields, teknis
//! competencies, bidang names and functional positions.

/// A field of work shared by agencies: its education fields, teknis
/// competencies, bidang names and functional positions.
pub(super) struct Family {
    pub(super) key: &'static str,
    pub(super) fields: &'static [&'static str],
    pub(super) teknis: &'static [(&'static str, &'static str)],
    pub(super) bidang: &'static [&'static str],
    /// Functional positions of the family: (name without level, keahlian?).
    pub(super) jf: &'static [(&'static str, bool)],
    pub(super) uptd: &'static str,
}

pub(super) const FAMILIES: &[Family] = &[
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

pub(super) fn family(key: &str) -> &'static Family {
    FAMILIES
        .iter()
        .find(|f| f.key == key)
        .unwrap_or(&FAMILIES[6])
}
