//! The fields an import can fill, per kind, and the header names each is
//! known by in SIASN, SIMPEG and hand-made sheets.

/// A field the importer can fill.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Field {
    Nip,
    Name,
    /// SIASN's GELAR DEPAN / GELAR BELAKANG, joined to the name.
    TitleFront,
    TitleBack,
    Gender,
    BirthDate,
    Status,
    Golongan,
    Education,
    Major,
    Agency,
    Unit,
    PositionName,
    PositionId,
    Since,
    Domicile,
    /// SIASN's LOKASI KERJA NAMA: where the person works; the domicile when
    /// the file has none.
    WorkLocation,
    /// SIASN's STATUS CPNS PNS (`C`/`P`), beside JENIS PEGAWAI NAMA.
    CandidateStatus,
    /// SIASN's KEDUDUKAN HUKUM NAMA (Aktif, Tugas Belajar, CLTN, ...).
    LegalStatus,
    /// SIASN's own ids: PNS ID, JABATAN ID, UNOR ID (kept, and matched
    /// first on the next export).
    SiasnPnsId,
    SiasnJabatanId,
    SiasnUnorId,
    PositionType,
    /// An ESELON column (I.a … V.a): the level of a structural post.
    Eselon,
    /// An Anjab/ABK worksheet's bezetting (people in post): checked
    /// against the workspace, not stored (occupancy is who sits there).
    Bezetting,
    MinGolongan,
    MinEducation,
    AcceptedMajors,
    Need,
    /// A SIASN rincian formasi's openings (JUMLAH FORMASI): the need is
    /// the people in post plus these, when the file has no need column.
    Openings,
    /// SIASN's MK TAHUN / MK BULAN: the service credit (masa kerja)
    /// for the experience level.
    ServiceYears,
    ServiceMonths,
    /// SIASN's TMT CPNS: the start of service, when MK is not given.
    TmtCpns,
    /// SIASN's TMT GOLONGAN: the date the MK columns count to.
    TmtGolongan,
    /// A disciplinary sanction: its kind (or level), its start (TMT) and
    /// its end.
    SanctionKind,
    SanctionStart,
    SanctionEnd,
    Year,
    Quarter,
    HasilKerja,
    PerilakuKerja,
    Predikat,
    Score,
}

impl Field {
    /// The column header in the template (the same in both languages: it is
    /// what SIASN/SIMPEG exports call the column).
    pub fn header(self) -> &'static str {
        self.aliases()[0]
    }

    /// Headers seen in real exports, normalised (upper case, single spaces,
    /// punctuation dropped); the first is the template's.
    pub(super) fn aliases(self) -> &'static [&'static str] {
        use Field::*;
        match self {
            Nip => &[
                "NIP",
                "NIP BARU",
                "NIP 18",
                "NOMOR INDUK PEGAWAI",
                "NO INDUK PEGAWAI",
            ],
            Name => &[
                "NAMA",
                "NAMA PEGAWAI",
                "NAMA LENGKAP",
                "NAMA ASN",
                "NAMA GELAR",
            ],
            TitleFront => &["GELAR DEPAN"],
            TitleBack => &["GELAR BELAKANG"],
            Gender => &["JENIS KELAMIN", "JK", "L P", "KELAMIN", "GENDER"],
            BirthDate => &["TGL LAHIR", "TANGGAL LAHIR", "TGL LHR", "TANGGAL LHR"],
            Status => &[
                "STATUS",
                "STATUS PEGAWAI",
                "STATUS KEPEGAWAIAN",
                "JENIS PEGAWAI",
                "JENIS PEGAWAI NAMA",
                "JENIS ASN",
            ],
            CandidateStatus => &["STATUS CPNS PNS", "STATUS CPNS"],
            SiasnPnsId => &["PNS ID", "ID PNS"],
            SiasnJabatanId => &["JABATAN ID", "ID JABATAN SIASN"],
            SiasnUnorId => &["UNOR ID", "ID UNOR"],
            LegalStatus => &[
                "KEDUDUKAN HUKUM",
                "KEDUDUKAN HUKUM NAMA",
                "KEDUDUKAN PEGAWAI",
                "STATUS HUKUM",
            ],
            Golongan => &[
                "GOL RUANG",
                "GOL AKHIR NAMA",
                "GOL RUANG AKHIR",
                "GOL AKHIR",
                "GOLONGAN AKHIR",
                "GOL",
                "GOLONGAN",
                "GOLONGAN RUANG",
                "PANGKAT GOL",
                "PANGKAT GOLONGAN",
                "PANGKAT GOL RUANG",
                "PANGKAT",
            ],
            // A level column wins over a programme column ("S1 AKUNTANSI"),
            // which is then the major; alone, it gives both.
            Education => &[
                "PENDIDIKAN",
                "TINGKAT PENDIDIKAN NAMA",
                "TINGKAT PENDIDIKAN",
                "JENJANG PENDIDIKAN",
                "JENJANG",
                "PENDIDIKAN TERAKHIR",
            ],
            Major => &[
                "JURUSAN",
                "PENDIDIKAN NAMA",
                "PROGRAM STUDI",
                "PRODI",
                "BIDANG STUDI",
                "JURUSAN PENDIDIKAN",
                "PENDIDIKAN TERAKHIR",
            ],
            // INSTANSI last: in a SIASN file it is the government
            // ("Pemerintah Provinsi Jambi"), the OPD being in another column.
            Agency => &[
                "OPD",
                "PERANGKAT DAERAH",
                "SKPD",
                "UNIT KERJA INDUK",
                "SATUAN KERJA INDUK NAMA",
                "SATUAN KERJA INDUK",
                "UNOR INDUK NAMA",
                "UNOR INDUK",
                "PERANGKAT DAERAH NAMA",
                "INSTANSI",
            ],
            Unit => &[
                "UNIT KERJA",
                "UNIT",
                "UNOR",
                "SATUAN KERJA",
                "SUB UNIT KERJA",
                "UNOR NAMA",
                "UNIT ORGANISASI",
                "SATUAN KERJA KERJA NAMA",
                "SATUAN KERJA NAMA",
                "LOKASI FORMASI",
                "UNIT PENEMPATAN",
                "UNIT KERJA PENEMPATAN",
                "PENEMPATAN",
            ],
            PositionName => &[
                "JABATAN",
                "NAMA JABATAN",
                "JABATAN SAAT INI",
                "JABATAN NAMA",
                "JABATAN FORMASI",
                "NAMA JABATAN FORMASI",
            ],
            PositionId => &["ID JABATAN", "KODE JABATAN"],
            Since => &["TMT JABATAN", "TMT JAB", "TMT"],
            Domicile => &[
                "DOMISILI",
                "KABUPATEN DOMISILI",
                "KAB KOTA DOMISILI",
                "TEMPAT TINGGAL",
            ],
            WorkLocation => &["LOKASI KERJA", "LOKASI KERJA NAMA", "KAB KOTA LOKASI KERJA"],
            PositionType => &[
                "JENIS JABATAN",
                "TIPE JABATAN",
                "JENJANG JABATAN",
                "JENIS JABATAN NAMA",
            ],
            Eselon => &[
                "ESELON",
                "ESELON JABATAN",
                "ESELON NAMA",
                "ESL",
                "ESELONERING",
            ],
            MinGolongan => &[
                "GOL MIN",
                "GOLONGAN MINIMAL",
                "PANGKAT MINIMAL",
                "GOL MINIMAL",
            ],
            MinEducation => &[
                "PENDIDIKAN MIN",
                "PENDIDIKAN MINIMAL",
                "KUALIFIKASI PENDIDIKAN",
                "KUALIFIKASI PENDIDIKAN FORMASI",
                "SYARAT PENDIDIKAN",
            ],
            AcceptedMajors => &["JURUSAN DITERIMA", "BIDANG PENDIDIKAN", "JURUSAN SYARAT"],
            Need => &[
                "KEBUTUHAN",
                "KEBUTUHAN ABK",
                "JUMLAH KEBUTUHAN",
                "ABK",
                "KEBUTUHAN PEGAWAI",
                "JUMLAH KEBUTUHAN PEGAWAI",
                "KEBUTUHAN FORMASI",
            ],
            Openings => &[
                "FORMASI",
                "JUMLAH FORMASI",
                "ALOKASI FORMASI",
                "ALOKASI",
                "JUMLAH ALOKASI",
                "FORMASI DITETAPKAN",
            ],
            Bezetting => &[
                "BEZETTING",
                "JUMLAH PEGAWAI",
                "PEGAWAI YANG ADA",
                "JUMLAH YANG ADA",
                "KONDISI SAAT INI",
                "EKSISTING",
                "EXISTING",
                "JUMLAH EKSISTING",
                "PEGAWAI EKSISTING",
            ],
            ServiceYears => &["MK TAHUN", "MASA KERJA TAHUN", "MK THN", "MASA KERJA THN"],
            ServiceMonths => &["MK BULAN", "MASA KERJA BULAN", "MK BLN", "MASA KERJA BLN"],
            TmtCpns => &["TMT CPNS"],
            TmtGolongan => &["TMT GOLONGAN", "TMT GOL", "TMT PANGKAT", "TMT GOL RUANG"],
            SanctionKind => &[
                "JENIS HUKUMAN",
                "JENIS HUKUMAN DISIPLIN",
                "HUKUMAN DISIPLIN",
                "HUKDIS",
                "TINGKAT HUKUMAN",
                "TINGKAT HUKUMAN DISIPLIN",
            ],
            SanctionStart => &[
                "TMT HUKUMAN",
                "TANGGAL HUKUMAN",
                "TMT HUKDIS",
                "TGL HUKUMAN",
            ],
            SanctionEnd => &[
                "AKHIR HUKUMAN",
                "TMT AKHIR HUKUMAN",
                "MASA BERAKHIR HUKUMAN",
                "SELESAI HUKUMAN",
                "TGL AKHIR HUKUMAN",
            ],
            Year => &["TAHUN", "TAHUN PENILAIAN", "PERIODE TAHUN"],
            Quarter => &["TRIWULAN", "PERIODE", "TW"],
            HasilKerja => &["HASIL KERJA", "RATING HASIL KERJA"],
            PerilakuKerja => &["PERILAKU KERJA", "RATING PERILAKU KERJA", "PERILAKU"],
            Predikat => &["PREDIKAT", "PREDIKAT KINERJA"],
            Score => &["NILAI", "NILAI SKP", "SKOR"],
        }
    }
}
