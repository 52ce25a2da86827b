//! The string table: every UI text, Bahasa Indonesia first, English second.
//! A key is an enum variant, so a missing translation is a compile error,
//! not a blank on screen. Pure (no browser), so it is tested natively.

/// The interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    /// The code stored in local storage and set on `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Parses a stored code; anything unknown is Indonesian.
    pub fn from_code(code: &str) -> Lang {
        if code == "en" {
            Lang::En
        } else {
            Lang::Id
        }
    }
}

macro_rules! strings {
    ($(#[$doc:meta])* $name:ident; $($key:ident => $id:literal, $en:literal;)*) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name { $($key,)* }

        impl $name {
            /// Every key, for tests.
            pub const ALL: &'static [$name] = &[$($name::$key,)*];

            /// The text in a language.
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$key, Lang::Id) => $id, ($name::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

strings! {
    /// A text of the planner.
    T;
    AppTitle => "Perencana Mutasi ASN", "ASN Transfer Planner";
    AppSubtitle => "Provinsi Jambi · semua data tetap di perangkat ini", "Jambi Province · all data stays on this device";
    NavKebutuhan => "Kebutuhan", "Needs";
    NavPegawai => "Pegawai", "Civil servants";
    NavJabatan => "Jabatan", "Positions";
    NavSkenario => "Skenario", "Scenarios";
    NavHasil => "Hasil", "Results";
    NavEvaluasi => "Evaluasi", "Evaluation";
    NavData => "Data", "Data";
    LangSwitch => "English", "Bahasa Indonesia";
    AsnCountLabel => "ASN", "ASN";
    Search => "Cari", "Search";
    SearchAsnHint => "Nama atau NIP", "Name or NIP";
    SearchPositionHint => "Nama jabatan", "Position name";
    AllAgencies => "Semua OPD", "All agencies";
    AllGolongan => "Semua golongan", "All ranks";
    AllStatus => "Semua status", "All statuses";
    AllTypes => "Semua jenis jabatan", "All position types";
    OnlyVacant => "Hanya yang kurang pegawai", "Only understaffed";
    ColNip => "NIP", "NIP";
    ColName => "Nama", "Name";
    ColGolongan => "Gol.", "Rank";
    GolonganLabel => "golongan", "golongan";
    ColPosition => "Jabatan", "Position";
    ColAgency => "OPD", "Agency";
    ColUnit => "Unit kerja", "Unit";
    ColTenure => "Masa jabatan", "Time in position";
    ColPredikat => "Predikat terakhir", "Latest rating";
    ColStatus => "Status", "Status";
    ColType => "Jenis", "Type";
    ColNeed => "Kebutuhan", "Need";
    ColOccupied => "Terisi", "Filled";
    ColGap => "Selisih", "Gap";
    ColMinGolongan => "Gol. minimal", "Min. rank";
    ColPriority => "Prioritas", "Priority";
    ColSlots => "Formasi (jabatan)", "Slots (positions)";
    SlotsHelp => "Kursi yang dibuka, dan dalam kurung jumlah jabatan yang dibuka (satu jabatan bisa membuka beberapa kursi).", "Seats opened, and in brackets the positions opened (one position can open several seats).";
    JpmNotAssessed => "JPM: kompetensi belum diasesmen", "JPM: competencies not assessed";
    ScoreHelp => "Nilai relatif untuk membandingkan calon pada rencana ini (tanpa satuan; makin tinggi makin baik): setiap komponen = nilai × bobot skenario.", "A relative score to compare candidates in this plan (no unit; higher is better): each term = value × the scenario's weight.";
    JpmHelp => "Job-person match (JPM): MS memenuhi syarat (≥ 80 %), MMS masih memenuhi syarat (68–79 %), KMS kurang memenuhi syarat (< 68 %) — jumlah ASN yang pindah per kategori.", "Job-person match (JPM): MS meets (≥ 80 %), MMS still meets (68–79 %), KMS falls short (< 68 %) — movers per category.";
    ColReason => "Alasan", "Reason";
    ColLocation => "Lokasi", "Location";
    Rows => "baris", "rows";
    PagePrev => "Sebelumnya", "Previous";
    PageNext => "Berikutnya", "Next";
    PageOf => "dari", "of";
    NoRows => "Tidak ada data yang cocok dengan saringan.", "No rows match the filters.";
    Close => "Tutup", "Close";
    DetailAsn => "Rincian pegawai", "Civil servant details";
    DetailPosition => "Rincian jabatan", "Position details";
    BirthDate => "Tanggal lahir", "Birth date";
    Age => "Usia", "Age";
    Years => "tahun", "years";
    Months => "bulan", "months";
    Gender => "Jenis kelamin", "Gender";
    Male => "Laki-laki", "Male";
    Female => "Perempuan", "Female";
    Education => "Pendidikan", "Education";
    Since => "TMT jabatan", "In position since";
    Retirement => "Pensiun (BUP)", "Retirement (BUP)";
    Domicile => "Domisili", "Domicile";
    Potential => "Potensi", "Potential";
    Flags => "Catatan", "Flags";
    NoFlags => "Tidak ada proses disiplin, hukum, atau tugas belajar.", "No disciplinary or court process, no study leave.";
    OpenProcess => "Sedang menjalani proses", "Process under way";
    SanctionFlag => "Hukuman disiplin", "Disciplinary sanction";
    StudyLeaveFlag => "Tugas belajar", "Study leave";
    Competencies => "Kompetensi", "Competencies";
    AssessedOn => "Dinilai", "Assessed";
    NotAssessed => "Belum dinilai", "Not assessed";
    Required => "Dibutuhkan", "Required";
    Actual => "Dimiliki", "Actual";
    Core => "inti", "core";
    Secondary => "pendukung", "secondary";
    Performance => "Kinerja", "Performance";
    Period => "Periode", "Period";
    HasilKerja => "Hasil kerja", "Results";
    PerilakuKerja => "Perilaku kerja", "Behaviour";
    Predikat => "Predikat", "Rating";
    Preferences => "Preferensi", "Preferences";
    NoPreferences => "Belum ada preferensi.", "No preferences stated.";
    OwnRequest => "Mengajukan mutasi atas permintaan sendiri", "Asked to be transferred";
    Holders => "Pemangku jabatan", "Holders";
    NoHolders => "Belum ada pemangku.", "No holders.";
    Requirements => "Persyaratan", "Requirements";
    AnyField => "semua jurusan", "any field";
    MinEducation => "Pendidikan minimal", "Minimum education";
    Vacant => "lowong", "vacant";
    KebutuhanIntro => "Analisis kebutuhan putaran aktif: jabatan yang dibuka, formasi dan prioritasnya, per OPD.", "Needs analysis of the active round: positions opened, slots and priority, per agency.";
    KebutuhanEmpty => "Belum ada putaran dengan jabatan yang dibuka.", "No round has opened positions yet.";
    Round => "Putaran", "Round";
    EffectiveDate => "TMT rencana", "Planned effective date";
    OpenedPositions => "Jabatan dibuka", "Positions opened";
    PerAgency => "Ringkasan per OPD", "Summary per agency";
    TotalSlots => "Jumlah formasi", "Total slots";
    SkenarioIntro => "Skenario putaran aktif dengan bobot dan aturannya. Penyusunan rencana (pencocokan) tersedia setelah mesin pencocokan selesai dibangun.", "Scenarios of the active round with their weights and rules. Computing a plan arrives with the matching engine.";
    Mode => "Mode", "Mode";
    ModeOptimal => "Optimal", "Optimal";
    ModeStable => "Stabil (dua fase)", "Stable (two phases)";
    Weights => "Bobot", "Weights";
    Rules => "Aturan", "Rules";
    WeightFit => "Kecocokan kompetensi", "Competency fit";
    WeightPreference => "Preferensi ASN", "ASN preference";
    WeightPriority => "Prioritas jabatan", "Position priority";
    WeightDistance => "Jarak dari domisili", "Distance from home";
    WeightStability => "Stabilitas (biaya pindah)", "Stability (cost of a move)";
    WeightRefreshment => "Penyegaran (masa jabatan lama)", "Refreshment (long tenure)";
    RuleMinTenure => "Masa jabatan minimal (bulan)", "Minimum months in position";
    RuleMaxTenure => "Masa jabatan maksimal (bulan)", "Maximum months in position";
    RuleRetirement => "Tidak dimutasi menjelang pensiun (bulan)", "Not moved this close to retirement (months)";
    RuleSanction => "Masa berlaku hukuman disiplin (bulan)", "Sanction look-back (months)";
    HasilIntro => "Belum ada rencana yang dihitung. Hasil, penjelasan, dan keputusan manual muncul di sini setelah mesin pencocokan tersedia.", "No plan has been computed. Results, explanations and manual decisions appear here once the matching engine is available.";
    EvaluasiIntro => "Riwayat mutasi yang sudah berlaku. Evaluasi kinerja sebelum dan sesudah mutasi dibangun di tahap berikutnya.", "Moves that took effect. Before/after performance evaluation comes in a later stage.";
    PastMoves => "Mutasi yang sudah berlaku", "Moves that took effect";
    From => "Dari", "From";
    To => "Ke", "To";
    DataIntro => "Ruang kerja disimpan otomatis di peramban ini. Ekspor ke berkas rencana (JSON) untuk dikirim atau dicadangkan.", "The workspace is saved automatically in this browser. Export a plan file (JSON) to send or back it up.";
    Workspace => "Ruang kerja", "Workspace";
    ExportPlan => "Ekspor berkas rencana", "Export plan file";
    ImportPlan => "Impor berkas rencana", "Import plan file";
    ImportChoose => "Pilih berkas .json", "Choose a .json file";
    ImportPreview => "Pratinjau impor", "Import preview";
    ImportFileHolds => "Berkas berisi", "The file holds";
    ImportWouldChange => "Yang akan berubah", "What would change";
    ImportConfirm => "Ganti ruang kerja dengan berkas ini", "Replace the workspace with this file";
    ImportCancel => "Batal", "Cancel";
    ImportDone => "Berkas diimpor.", "File imported.";
    ImportFailed => "Berkas tidak dapat diimpor; ruang kerja tidak diubah.", "The file cannot be imported; the workspace is unchanged.";
    ImportWarnings => "Peringatan", "Warnings";
    Added => "ditambah", "added";
    Removed => "dihapus", "removed";
    Changed => "diubah", "changed";
    Unchanged => "tetap", "unchanged";
    Agencies => "OPD", "Agencies";
    Positions => "Jabatan", "Positions";
    AsnPlural => "Pegawai", "Civil servants";
    Rounds => "Putaran", "Rounds";
    WillBeRemoved => "Pegawai yang akan hilang", "Civil servants that would be removed";
    ResetDemo => "Kembalikan ke data demo Jambi", "Reset to the Jambi demo";
    ResetDemoConfirm => "Ruang kerja saat ini akan diganti data demo. Ekspor dulu bila perlu. Lanjutkan?", "The current workspace will be replaced by the demo. Export first if needed. Continue?";
    ResetDone => "Data demo dimuat.", "Demo data loaded.";
    Storage => "Penyimpanan", "Storage";
    StorageSaved => "Tersimpan di peramban", "Saved in this browser";
    StorageChars => "karakter", "characters";
    StorageQuota => "Peramban menolak menyimpan (ruang penyimpanan penuh). Perubahan terakhir belum tersimpan; versi tersimpan sebelumnya tetap utuh. Ekspor berkas rencana agar tidak hilang.", "The browser refused to save (storage full). The latest changes are not saved; the previously stored version is intact. Export a plan file so nothing is lost.";
    StorageCorrupt => "Data tersimpan tidak dapat dibaca, jadi aplikasi dibuka dengan data demo dan penyimpanan otomatis dihentikan agar data lama tidak tertimpa.", "The stored data cannot be read, so the app opened with the demo and autosave is paused so the old data is not overwritten.";
    DownloadRaw => "Unduh teks tersimpan", "Download the stored text";
    DiscardStored => "Buang data lama dan simpan ruang kerja ini", "Discard the old data and save this workspace";
    StorageUnavailable => "Penyimpanan peramban tidak tersedia; ekspor berkas rencana untuk menyimpan pekerjaan.", "Browser storage is unavailable; export a plan file to keep your work.";
    Dismiss => "Tutup pesan", "Dismiss";
    DemoNote => "Data contoh buatan (bukan data pegawai sebenarnya).", "Synthetic example data (not real civil servants).";
    Yes => "Ya", "Yes";
    RunPlan => "Hitung rencana", "Compute the plan";
    JpmCategories => "MS/MMS/KMS", "MS/MMS/KMS";
    PlanComputedIn => "dihitung dalam", "computed in";
    Recomputing => "Menghitung ulang rencana…", "Recomputing the plan…";
    Computing => "Menghitung rencana…", "Computing the plan…";
    NoOpenRound => "Belum ada putaran mutasi dengan skenario.", "No transfer round with scenarios yet.";
    Moves => "Mutasi", "Moves";
    OpeningsFilled => "Formasi terisi", "Openings filled";
    UrgentFilled => "mendesak", "urgent";
    MeanFit => "Rata-rata kecocokan", "Mean fit";
    FirstChoice => "Pilihan pertama", "First choice";
    TopThree => "Tiga teratas", "Top three";
    TotalDistance => "Total jarak", "Total distance";
    JustifiedEnvy => "Pasangan iri beralasan", "Justified-envy pairs";
    Objective => "Nilai tujuan", "Objective";
    InRound => "Ikut putaran", "In the round";
    ExcludedByRules => "Tidak memenuhi syarat", "Excluded by the rules";
    ScenarioList => "Skenario putaran", "Scenarios of the round";
    DuplicateScenario => "Salin skenario", "Duplicate scenario";
    DeleteScenario => "Hapus skenario", "Delete scenario";
    DeleteScenarioConfirm => "Hapus skenario ini?", "Delete this scenario?";
    CopySuffix => "salinan", "copy";
    FitSettingsTitle => "Profile Matching", "Profile Matching";
    CorePercent => "Bobot faktor inti (%)", "Core factor share (%)";
    AspectManajerial => "Manajerial", "Managerial";
    AspectSosialKultural => "Sosial kultural", "Socio-cultural";
    AspectTeknis => "Teknis", "Technical";
    AspectEducation => "Pendidikan", "Education";
    AspectPerformance => "Kinerja", "Performance";
    AspectExperience => "Pengalaman", "Experience";
    RuleExcludeCpns => "CPNS tidak dimutasi", "CPNS are not moved";
    RuleExcludeProcess => "Sedang proses disiplin/hukum tidak dimutasi", "No move during a disciplinary or court process";
    RuleExcludeStudy => "Tugas belajar tidak dimutasi", "No move during study leave";
    RuleGolongan => "Golongan minimal jabatan berlaku", "The position's minimum rank applies";
    RuleEducation => "Syarat pendidikan jabatan berlaku", "The position's education requirement applies";
    RuleExcludePppk => "PPPK tidak dimutasi (terikat perjanjian kerja pada jabatan dan instansinya)", "PPPK are not moved (their contract binds them to post and instansi)";
    RuleAlihJabatan => "Izinkan alih jabatan setara (struktural ↔ fungsional, antar-JF; perlu uji kompetensi)", "Allow alih jabatan at an equivalent level (structural ↔ functional, between JFs; needs a competency test)";
    RulePromotion => "Izinkan promosi satu jenjang bagi kelompok rencana suksesi (9-box 7–9); promosi bukan mutasi", "Allow one-step promotion for the talent pool (9-box 7–9); a promotion is not a transfer";
    RuleSanctionHelp => "Kebijakan, bukan aturan: hukuman disiplin sedang atau berat dalam sekian bulan terakhir menghalangi mutasi (bawaan 24; 0 = tidak diperiksa). Peraturan BKN 5/2019 hanya melarang hukuman yang sedang dijalani.", "Policy, not law: a moderate or heavy disciplinary sanction within this many months bars a move (default 24; 0 = not checked). Peraturan BKN 5/2019 only bars a sanction being served.";
    PolicyTitle => "Kebijakan penilaian", "Assessment policy";
    PolicyIntro => "Nilai bawaan adalah yang biasa dipakai; ubah bila kebijakan instansi berbeda. Berlaku untuk skenario ini.", "The defaults are the usual values; change them where the agency's policy differs. They apply to this scenario.";
    PolicyEducationLevel => "GAP pendidikan: jenjang di bawah syarat", "Education GAP: level below the requirement";
    PolicyEducationField => "GAP pendidikan: jurusan di luar yang diterima", "Education GAP: field outside the accepted ones";
    PolicyEducationHelp => "Selisih yang dihitung Profile Matching pada aspek pendidikan (bawaan −1 untuk jenjang, −2 untuk jurusan; keduanya dijumlahkan).", "The gap Profile Matching counts in the education aspect (defaults −1 for the level, −2 for the field; both add up).";
    PolicyPredikat => "Nilai predikat pada aspek kinerja (1–5)", "Points of each rating in the performance aspect (1–5)";
    PolicyPredikatHelp => "Rata-rata dua predikat terakhir menjadi nilai aspek kinerja (bawaan Sangat Baik 5, Baik 4, Butuh Perbaikan 2,5, Kurang 2, Sangat Kurang 1; belum ada predikat 3).", "The mean of the last two ratings is the performance aspect (defaults Sangat Baik 5, Baik 4, Butuh Perbaikan 2.5, Kurang 2, Sangat Kurang 1; no rating yet 3).";
    PredikatNone => "Belum ada predikat", "No rating yet";
    PolicyExperience => "Batas masa kerja tingkat pengalaman 1–4 (tahun)", "Years of service that are experience levels 1–4 at most";
    PolicyExperienceHelp => "Masa kerja dari NIP menjadi tingkat pengalaman: sampai batas pertama tingkat 1, sampai batas kedua tingkat 2, dan seterusnya; di atas batas keempat tingkat 5 (bawaan 2, 5, 10, 15).", "Years of service (from the NIP) become an experience level: up to the first bound level 1, up to the second level 2, and so on; above the fourth level 5 (defaults 2, 5, 10, 15).";
    PolicyNineBox => "Ambang kinerja 9-box", "9-box performance thresholds";
    PolicyNineBoxAbove => "Di atas ekspektasi mulai", "Above expectation from";
    PolicyNineBoxExpected => "Sesuai ekspektasi mulai", "As expected from";
    PolicyNineBoxHelp => "Baris kinerja 9-box dari rata-rata dua predikat terakhir (Sangat Baik 5 … Sangat Kurang 1; bawaan 4,5 dan 3,5). Dipakai kelompok rencana suksesi skenario ini dan halaman Evaluasi.", "The 9-box performance row from the mean of the last two ratings (Sangat Baik 5 … Sangat Kurang 1; defaults 4.5 and 3.5). Used by this scenario's talent pool and the Evaluation page.";
    PolicyPoolBox => "Kotak 9-box terendah kelompok rencana suksesi", "Lowest 9-box box of the talent pool";
    PolicyPoolBoxHelp => "Bawaan 7: kotak 7–9 (PermenPANRB 3/2020). Hanya mereka yang dicalonkan untuk seleksi terbuka atau promosi.", "Default 7: boxes 7–9 (PermenPANRB 3/2020). Only they are listed for open selection or promotion.";
    ElectionTitle => "Pilkada", "Regional election (Pilkada)";
    ElectionCandidates => "Penetapan pasangan calon", "Candidates set";
    ElectionInauguration => "Pelantikan kepala daerah terpilih", "Inauguration of the elected head";
    ElectionHelp => "Sejak 6 bulan sebelum penetapan pasangan calon sampai 6 bulan setelah pelantikan, mutasi hanya dengan persetujuan tertulis Menteri Dalam Negeri (UU 10/2016 Pasal 71 ayat (2), Pasal 162 ayat (3)). Kosongkan bila tidak ada Pilkada.", "From 6 months before the candidates are set until 6 months after the inauguration, transfers need the written approval of the Minister of Home Affairs (UU 10/2016 Pasal 71(2), 162(3)). Leave empty when there is no Pilkada.";
    ElectionBanner => "TMT putaran ini jatuh dalam masa Pilkada: mutasi memerlukan persetujuan tertulis Menteri Dalam Negeri (UU 10/2016 Pasal 71 ayat (2)). Lampiran SK memuat catatannya.", "This round's TMT falls in a Pilkada window: transfers need the written approval of the Minister of Home Affairs (UU 10/2016 Pasal 71(2)). The decree attachment carries the note.";
    BupTitle => "BUP menurut JF", "Retirement age by JF";
    BupHelp => "Batas usia pensiun JF yang diatur undang-undang lain (PP 11/2017 Pasal 240), mis. guru 60 di semua jenjang (UU 14/2005). JF lain memakai BUP jenis jabatannya: 58, JPT dan ahli madya 60, ahli utama 65.", "Retirement age of a JF that another law sets (PP 11/2017 Pasal 240), e.g. guru 60 at every jenjang (UU 14/2005). Other JF use their position type's: 58, JPT and ahli madya 60, ahli utama 65.";
    BupJf => "Nama JF", "JF name";
    BupAge => "BUP (tahun)", "Age (years)";
    BupAdd => "Tambah BUP", "Add retirement age";
    BupRemove => "Hapus", "Remove";
    BupInvalid => "Isi nama JF dan usia 50–70.", "Enter a JF name and an age of 50–70.";
    RuleJptRotation => "Izinkan rotasi JPT antarjabatan JPT setingkat (perlu uji kesesuaian jabatan lebih dulu)", "Allow JPT rotation between JPT posts of the same level (needs a job-fit assessment first)";
    PlacementNeedsDecision => "jabatan saat ini tidak diketahui: hanya dengan keputusan manual", "current position unknown: only by a manual decision";
    ClassLateral => "mutasi setingkat", "lateral transfer";
    ClassJptRotation => "rotasi JPT", "JPT rotation";
    ClassAlihJabatan => "alih jabatan", "alih jabatan (change of track)";
    ClassPromotion => "promosi", "promotion";
    ColPromoted => "Promosi", "Promotions";
    RefusedDecisions => "Keputusan yang tidak diterapkan: jenis perpindahannya tidak diizinkan skenario ini (penurunan jabatan dan pengisian JPT dari luar tidak pernah: PP 94/2021, seleksi terbuka).", "Decisions not applied: their kind of move is not allowed by this scenario (a demotion or filling a JPT post from outside never is: PP 94/2021, open selection).";
    ClassDemotion => "penurunan jabatan", "demotion";
    ClassJpt => "jabatan JPT (seleksi terbuka)", "JPT post (open selection)";
    ClassPlacement => "penempatan pertama", "first placement";
    NotATransfer => "bukan mutasi", "not a transfer";
    NotInTalentPool => "bukan kelompok rencana suksesi (9-box)", "not in the talent pool (9-box)";
    MoveClassLabel => "Jenis perpindahan", "Kind of move";
    RefusedOpenings => "Formasi yang tidak dapat diisi orang ini", "Openings this person may not fill";
    OpenSelectionTitle => "Jabatan JPT: perlu seleksi terbuka", "JPT posts: open selection needed";
    OpenSelectionIntro => "Jabatan pimpinan tinggi tidak diisi lewat mutasi. Calon dari kelompok rencana suksesi yang memenuhi syarat (bukan usulan mutasi):", "JPT posts are not filled by transfer. Talent-pool members who meet the requirements (candidates, not moves):";
    NoPoolCandidates => "tidak ada calon dari kelompok rencana suksesi", "no talent-pool candidate";
    RuleRequestMonths => "Permintaan sendiri: predikat minimal Baik selama (bulan)", "Own request: at least Baik over (months)";
    Constraints => "Batasan", "Constraints";
    NoConstraints => "Belum ada batasan.", "No constraints.";
    ConstraintPin => "Tetapkan", "Pin";
    ConstraintForbid => "Larang", "Forbid";
    ConstraintUnitCap => "Batas keluar unit", "Unit cap";
    ConstraintUnitFloor => "Pegawai minimum unit", "Unit minimum staff";
    AddUnitFloor => "Tambah pegawai minimum unit", "Add a unit's minimum staff";
    ConstraintKindFloor => "Pegawai minimum per jabatan fungsional", "Minimum staff per JF";
    AddKindFloor => "Tambah minimum per jabatan fungsional", "Add a minimum per JF";
    AddPuskesmasFloors => "Tambah minimum tenaga puskesmas (Permenkes 43/2019)", "Add a puskesmas' minimum health workers (Permenkes 43/2019)";
    KindFloorUnits => "Unit yang namanya memuat", "Units whose name contains";
    KindFloorFamilies => "Jabatan fungsional (pisahkan dengan koma)", "JF (separate with commas)";
    MinStaff => "Pegawai minimum", "Minimum staff";
    RuleFloorAtNeed => "Jabatan tidak dikosongkan di bawah kebutuhannya (kepergian tanpa pengganti tidak dilakukan)", "Positions are not left below their need (a departure nobody replaces is not made)";
    RuleOverFormasi => "Izinkan kelebihan formasi (lebih banyak pemangku daripada kebutuhan)", "Allow over-formasi (more holders than the need)";
    Remove => "Hapus", "Remove";
    AddUnitCap => "Tambah batas unit", "Add unit cap";
    MaxPercent => "Maksimal keluar (%)", "At most leaving (%)";
    TabPlan => "Rencana", "Plan";
    TabCompare => "Bandingkan", "Compare";
    TabFairness => "Keadilan", "Fairness";
    TabDecisions => "Keputusan & log", "Decisions & log";
    FilterKabupaten => "Kabupaten/kota tujuan", "Destination regency";
    AllRegencies => "Semua kabupaten/kota", "All regencies";
    ColFrom => "Dari", "From";
    ColTo => "Ke", "To";
    ColFit => "Kecocokan", "Fit";
    ColJpm => "JPM", "JPM";
    ColPrefRank => "Pilihan ke-", "Choice";
    ColDistance => "Jarak", "Distance";
    Chains => "Rantai kekosongan", "Vacancy chains";
    ChainFills => "mengisi", "fills";
    SeatOf => "kursi", "seat of";
    VacantOpenings => "Formasi yang tetap kosong", "Openings left vacant";
    NoCandidate => "tidak ada kandidat yang memenuhi syarat", "no eligible candidate";
    CandidatesElsewhere => "kandidat lebih bernilai di tempat lain", "its candidates serve better elsewhere";
    HolderDidNotLeave => "satu pemangku per jabatan struktural: pemangkunya tidak dapat dipindah secara sah ke jabatan setara, jadi tidak diisi orang lain", "one holder per structural post: its holder could not lawfully move to an equal post, so nobody else takes it";
    HolderLeftSeatEmpty => "pemangkunya pindah, tetapi tidak ada pengganti yang memenuhi syarat", "its holder moves, but no eligible successor takes it";
    HolderNotInRound => "satu pemangku per jabatan struktural: pemangkunya tidak ikut putaran ini (aturan menahannya), jadi jabatan tidak dapat dibuka", "one holder per structural post: its holder is not in this round (a rule keeps them), so the post cannot be opened";
    AtNeedCeiling => "kebutuhan (ABK) jabatan sudah terpenuhi; tambahan pemangku = kelebihan formasi, yang tidak diizinkan skenario ini", "the position's need (ABK) is met; more holders would be over-formasi, which this scenario does not allow";
    FullPins => "Keputusan yang tidak diterapkan karena jabatannya tidak punya tempat (satu pemangku per jabatan struktural, atau kebutuhan sudah terpenuhi); orangnya tetap di tempat:", "Decisions not applied because their position has no room (one holder per structural post, or its need is met); the person stays:";
    Stays => "Tetap di tempat", "Stay";
    Explanation => "Penjelasan", "Explanation";
    ScoreTerms => "Komponen nilai", "Objective terms";
    TermValue => "Nilai", "Value";
    TermWeight => "Bobot", "Weight";
    TermContribution => "Kontribusi", "Contribution";
    RulesPassed => "Aturan yang dipenuhi", "Rules passed";
    RulesOverridden => "Aturan yang dikesampingkan keputusan manual", "Rules overridden by a manual decision";
    WhyNotTitle => "Mengapa bukan kandidat lain?", "Why not the other candidates?";
    PageWord => "Halaman", "Page";
    ReportTitle => "Laporan Pemantauan Kinerja Pasca-Mutasi", "Post-Transfer Performance Monitoring Report";
    PrintedOn => "dicetak", "printed";
    GapChartLabel => "Grafik GAP kompetensi: batang abu-abu tingkat yang dibutuhkan jabatan, batang biru tingkat yang dimiliki, angka di kanan selisihnya", "Competency GAP chart: grey bars the level the position requires, blue bars the level held, the number on the right their difference";
    GapRequired => "Dibutuhkan jabatan", "Required by the position";
    GapActual => "Dimiliki", "Held";
    GapDiffLegend => "+/−: selisih (GAP)", "+/−: difference (GAP)";
    WhyNotAnyone => "Mengapa bukan orang lain? Cari NIP atau nama", "Why not someone else? Search NIP or name";
    WhyNotAnyoneHint => "mis. 19800101 atau Siti", "e.g. 19800101 or Siti";
    WhyNotNoMatch => "Tidak ada ASN dengan NIP atau nama itu.", "No ASN has that NIP or name.";
    WhyChosen => "terpilih", "chosen";
    WhyExcluded => "tidak memenuhi syarat", "not eligible";
    WhyTaken => "diisi oleh", "taken by";
    WhyCost => "memaksakannya menurunkan nilai rencana sebesar", "forcing it lowers the plan's objective by";
    WhyNotBest => "bukan termasuk kandidat terbaik", "not among the best candidates";
    WhyNotOpen => "jabatan tidak dibuka di putaran ini", "not open in this round";
    WhyOwn => "jabatannya sendiri", "their own position";
    WhyForbidden => "dilarang oleh batasan skenario", "forbidden by a scenario constraint";
    Decide => "Keputusan manual", "Manual decision";
    DecideKeep => "Tetapkan hasil ini", "Keep this outcome";
    DecideStay => "Batalkan mutasi (tetap di tempat)", "Cancel the move (stay)";
    DecideAssign => "Tempatkan ke", "Place in";
    DecisionReason => "Alasan (wajib)", "Reason (required)";
    ReasonRequired => "Isi alasan keputusan.", "Enter the reason for the decision.";
    Apply => "Terapkan", "Apply";
    Undo => "Urungkan", "Undo";
    OpeningClosed => "Formasi ditutup. Urungkan (di atas) membukanya lagi.", "Opening closed. Undo (above) opens it again.";
    Redo => "Ulangi", "Redo";
    Decisions => "Keputusan manual", "Manual decisions";
    NoDecisions => "Belum ada keputusan manual.", "No manual decisions.";
    AuditLog => "Log audit", "Audit log";
    When => "Waktu", "When";
    Action => "Tindakan", "Action";
    PinnedBecause => "Ditetapkan manual", "Set by hand";
    CappedNote => "Ditahan oleh batas keluar unit", "Kept by a unit cap";
    Pasal107Unmet => "belum memenuhi syarat PP 11/2017 Pasal 107", "does not meet PP 11/2017 Pasal 107";
    Pasal107Education => "pendidikan S1/D-IV", "S1/D-IV education";
    Pasal107Age => "usia paling tinggi 56 tahun", "at most 56 years old";
    Pasal107Rank => "2 tahun sebagai administrator atau JF ahli madya", "2 years as administrator or JF ahli madya";
    Pasal107Performance => "predikat paling rendah Baik 2 tahun terakhir", "at least Baik in the last 2 years";
    FlooredNote => "Ditahan oleh batas minimum pegawai: tanpa pengganti, jabatan atau unitnya akan kurang dari kebutuhannya", "Kept by a staffing floor: with nobody replacing them, the position or unit would fall below its need";
    CompareIntro => "Semua skenario putaran dihitung dan dibandingkan.", "Every scenario of the round, computed and compared.";
    Metric => "Ukuran", "Metric";
    DifferentOutcomes => "Pegawai dengan hasil berbeda", "People whose outcome differs";
    Group => "Kelompok", "Group";
    MovedShare => "Dimutasi", "Moved";
    PrefMet => "Preferensi terpenuhi", "Preference met";
    FarMoves => "Dimutasi jauh (> 200 km)", "Moved far (> 200 km)";
    ByGender => "Menurut jenis kelamin", "By gender";
    ByGolongan => "Menurut golongan", "By rank";
    ByAge => "Menurut usia", "By age";
    ByAgency => "Menurut OPD asal", "By agency";
    ByRegency => "Menurut domisili", "By domicile";
    PrefDistribution => "Sebaran pilihan yang didapat", "Preference rank obtained";
    NoPreferenceStated => "tanpa preferensi", "no stated preference";
    Later => "berikutnya", "later";
    ChangedElsewhere => "Ruang kerja diubah di tab lain. Penyimpanan otomatis di tab ini dihentikan agar tidak saling menimpa.", "The workspace was changed in another tab. Autosave in this tab is paused so neither overwrites the other.";
    LoadOtherTab => "Muat versi tab lain", "Load the other tab's version";
    KeepThisTab => "Simpan versi tab ini", "Keep this tab's version";
    CopyKept => "Perubahan yang dibuat di tab ini selama penyimpanan otomatis berhenti disimpan sebagai salinan, bukan dibuang. Disimpan:", "Changes made in this tab while autosave was paused were kept as a copy, not dropped. Kept:";
    LoadCopy => "Muat salinan", "Load the copy";
    DownloadCopy => "Unduh salinan", "Download the copy";
    DiscardCopy => "Buang salinan", "Discard the copy";
    PredikatBeforeAfter => "Predikat sebelum dan sesudah mutasi", "Predikat before and after the move";
    CheckCpns => "Bukan CPNS", "Not a CPNS";
    CheckPppk => "Bukan PPPK", "Not a PPPK";
    CheckMoveClass => "Perpindahan setingkat (bukan promosi, penurunan, atau JPT)", "A lateral move (no promotion, demotion or JPT post)";
    CheckTalentPool => "Kelompok rencana suksesi (promosi)", "Talent pool (promotion)";
    CheckOpenProcess => "Tidak sedang proses disiplin/hukum", "No open disciplinary or court process";
    ServingSanction => "Sedang menjalani hukuman disiplin", "Serving a disciplinary sanction";
    SanctionEnds => "berakhir", "ends";
    CheckServingSanction => "Tidak sedang menjalani hukuman disiplin", "Not serving a disciplinary sanction";
    CheckRecentSanction => "Tanpa hukuman disiplin sedang/berat yang baru berakhir", "No moderate or heavy sanction ended recently";
    CheckStudyLeave => "Tidak sedang tugas belajar", "Not on study leave";
    CheckMinTenure => "Masa jabatan minimal", "Minimum time in position";
    CheckRequestPerformance => "Predikat minimal Baik (permintaan sendiri)", "At least Baik (own request)";
    CheckNearRetirement => "Tidak menjelang pensiun", "Not close to retirement";
    CheckMinGolongan => "Golongan minimal", "Minimum rank";
    CheckEducationLevel => "Jenjang pendidikan", "Education level";
    CheckEducationField => "Jurusan pendidikan", "Field of study";
    CheckForbidden => "Tidak dilarang batasan", "Not forbidden";
    BoxAction9 => "Promosi, dipertahankan, masuk kelompok rencana suksesi", "Promote, keep, succession pool";
    BoxAction8 => "Dipertahankan, suksesi, rotasi/perluasan jabatan, bimbingan kinerja", "Keep, succession, rotation/job enlargement, performance coaching";
    BoxAction7 => "Dipertahankan, suksesi, rotasi/pengayaan jabatan, pengembangan kompetensi", "Keep, succession, rotation/job enrichment, competency development";
    BoxAction6 => "Penempatan yang sesuai, bimbingan kinerja, konseling kinerja", "Suitable placement, performance coaching and counselling";
    BoxAction5 => "Penempatan yang sesuai, bimbingan kinerja, pengembangan kompetensi", "Suitable placement, coaching, competency development";
    BoxAction4 => "Rotasi, pengembangan kompetensi", "Rotation, competency development";
    BoxAction3 => "Bimbingan kinerja, konseling, pengembangan kompetensi, penempatan sesuai", "Coaching, counselling, development, suitable placement";
    BoxAction2 => "Bimbingan kinerja, pengembangan kompetensi, penempatan sesuai", "Coaching, development, suitable placement";
    BoxAction1 => "Diproses sesuai ketentuan peraturan perundang-undangan", "Handled under the regulations";
    TabEntry => "Isi penilaian", "Enter ratings";
    SaveGrid => "Simpan semua penilaian periode ini", "Save all ratings of this period";
    KpiByType => "Menurut jenis jabatan", "By position type";
    PrintReport => "Cetak laporan pemantauan", "Print the monitoring report";
    AddRecord => "Simpan penilaian periode", "Save the period's rating";
    TabBeforeAfter => "Sebelum & sesudah", "Before & after";
    TabNineBox => "Peta talenta (9-box)", "Talent map (9-box)";
    TabFollowUp => "Tindak lanjut", "Follow-up";
    TabHistory => "Riwayat mutasi", "Move history";
    Improved => "Membaik", "Improved";
    TrendUnchanged => "Tetap", "Unchanged";
    Declined => "Menurun", "Declined";
    NoData => "Belum ada data", "No data";
    Before => "Sebelum", "Before";
    After => "Sesudah", "After";
    FlagNoImprovement => "Belum membaik setelah", "Not improved after";
    FlagDecline => "Menurun", "Declined";
    FlagBelowBaik => "Di bawah Baik", "Below Baik";
    Periods => "periode", "periods";
    Flagged => "Perlu perhatian", "Needs attention";
    AllFlags => "Semua tanda", "All flags";
    KpiByPeriod => "Hasil per periode", "Outcome per period";
    KpiByAgency => "Menurut OPD", "By agency";
    KpiByCohort => "Menurut angkatan (putaran)", "By cohort (round)";
    PlanTraining => "Rencanakan pelatihan", "Plan training";
    PlanMentor => "Rencanakan mentor", "Plan a mentor";
    Box => "Kotak", "Box";
    People => "orang", "people";
    Person => "orang", "person";
    LevelShort => "level kurang", "level short";
    ChartScopeLargest => "OPD dengan kekurangan pegawai terbesar", "agencies with the largest staffing gap";
    Of => "dari", "of";
    PriorityRendah => "Rendah", "Low";
    PrioritySedang => "Sedang", "Medium";
    PriorityTinggi => "Tinggi", "High";
    PriorityMendesak => "Mendesak", "Urgent";
    Potensi => "Potensial", "Potential";
    Kinerja => "Kinerja", "Performance";
    Rendah => "rendah", "low";
    Menengah => "menengah", "medium";
    Tinggi => "tinggi", "high";
    DiBawahShort => "di bawah", "below";
    SesuaiShort => "sesuai", "as expected";
    DiAtasShort => "di atas", "above";
    TrainingPlan => "Kebutuhan pelatihan (per OPD dan kompetensi)", "Training needs (per agency and competency)";
    LevelsShort => "level kurang", "levels short";
    MentorProposals => "Usulan mentor", "Proposed mentors";
    Coverage => "menutup", "covers";
    FollowUps => "Tindak lanjut tercatat", "Follow-ups on record";
    NoFollowUps => "Belum ada tindak lanjut.", "No follow-ups yet.";
    StatusPlanned => "Direncanakan", "Planned";
    StatusInProgress => "Berjalan", "In progress";
    StatusDone => "Selesai", "Done";
    Outcome => "Hasil", "Outcome";
    Training => "Pelatihan", "Training";
    Mentoring => "Pendampingan", "Mentoring";
    SwapWith => "Tukar hasil dengan", "Swap outcomes with";
    PinInScenario => "Tetapkan pasangan ini di skenario", "Pin this pair in the scenario";
    ForbidInScenario => "Larang pasangan ini di skenario", "Forbid this pair in the scenario";
    StaysTitle => "Tetap di tempat", "Staying";
    VerifyPlan => "Verifikasi rencana dalam berkas", "Verify the plans in the file";
    NoRecordedPlans => "Berkas ini tidak memuat hasil rencana untuk diverifikasi.", "This file records no plans to verify.";
    Identical => "identik dengan hitungan ulang", "identical to the recomputation";
    Differs => "berbeda dari hitungan ulang", "differs from the recomputation";
    UnknownEngine => "dihitung oleh mesin versi lebih baru; perbarui aplikasi untuk memverifikasinya", "computed by a newer engine version; update the app to verify it";
    FileSays => "berkas:", "file:";
    RecomputeGives => "hitung ulang:", "recomputed:";
    LowPredikat => "Predikat di bawah Baik", "Below Baik";
    KmsIncumbents => "Pemangku KMS", "KMS incumbents";
    OverTenure => "Melewati masa jabatan maks.", "Over maximum tenure";
    OpenThisPosition => "Buka jabatan ini di putaran", "Open this position in the round";
    OnlyToCheck => "Hanya yang perlu diperiksa", "Only those to check";
    ToCheck => "perlu diperiksa", "to check";
    EditPosition => "Perbaiki jabatan ini (jenis dan tingkat, JF, unit, syarat, kebutuhan)", "Correct this position (type and level, JF, unit, requirements, need)";
    SavePosition => "Simpan perbaikan", "Save the correction";
    AcceptedFields => "Jurusan yang diterima (pisahkan dengan koma; kosong = semua)", "Accepted fields (comma separated; empty = any)";
    UnmatchedAgencies => "Nama OPD ini tidak cocok dengan OPD mana pun di data. Pilih OPD yang dimaksud, atau buat OPD baru; baris-barisnya dibaca ulang, dan pilihan diingat untuk file berikutnya dengan kolom yang sama.", "These OPD names match no OPD in the data. Choose the OPD each one means, or create it; its rows are read again, and the choice is remembered for the next file with the same columns.";
    RowsWord => "baris", "rows";
    ChooseAgency => "— pilih OPD —", "— choose an OPD —";
    SuggestedAgencies => "Paling mirip", "Closest";
    OtherAgencies => "OPD lain", "Other OPDs";
    CreateAgency => "Buat OPD baru", "Create a new OPD";
    OpenStructuralNote => "Jabatan struktural hanya punya satu pemangku: membukanya berarti {} pindah di putaran ini. Bila tidak ada jabatan setara yang sah untuknya, formasi ini tetap kosong.", "A structural post has one holder: opening it means {} moves in this round. If no equal post is lawfully open to them, this opening stays unfilled.";
    OpenAtNeedNote => "Kebutuhan (ABK) jabatan ini sudah terpenuhi: formasi tambahan hanya dapat diisi bila skenario mengizinkan kelebihan formasi.", "This position's need (ABK) is met: an extra opening can be filled only if the scenario allows over-formasi.";
    ReviewPositionNote => "Perlu diperiksa: jenis dan tingkat jabatan ini diduga saat impor (file tidak menyebut eselon atau jenis jabatan yang pasti).", "To check: this position's type and level were guessed on import (the file gave no eselon or position type that settles it).";
    CloseOpening => "Tutup formasi", "Close the opening";
    No => "Tidak", "No";
    SheetImportTitle => "Impor dari spreadsheet (CSV/XLSX)", "Import from a spreadsheet (CSV/XLSX)";
    SheetImportIntro => "Data pegawai, jabatan atau kinerja dari ekspor SIASN/SIMPEG. Periksa pemetaan kolom dan laporan per baris; tidak ada yang disimpan sebelum Anda mengonfirmasi.", "Roster, positions or performance from a SIASN/SIMPEG export. Check the column mapping and the row report; nothing is stored until you confirm.";
    SheetKind => "Isi berkas", "The file holds";
    KindRoster => "Daftar pegawai", "Roster";
    KindPositions => "Daftar jabatan", "Positions";
    KindPerformance => "Kinerja (SKP)", "Performance (SKP)";
    TemplateCsv => "Unduh templat CSV", "Download CSV template";
    TemplateXlsx => "Unduh templat XLSX", "Download XLSX template";
    SheetChoose => "Pilih berkas .csv atau .xlsx", "Choose a .csv or .xlsx file";
    SheetName => "Lembar", "Sheet";
    HeaderRow => "Baris judul kolom", "Header row";
    ColumnMapping => "Pemetaan kolom", "Column mapping";
    FieldCol => "Isian", "Field";
    FileColumn => "Kolom berkas", "File column";
    NotUsed => "— tidak dipakai —", "— not used —";
    RequiredField => "wajib", "required";
    RowsNew => "baru", "new";
    RowsUpdate => "diperbarui", "updated";
    RowsInvalid => "tidak valid", "invalid";
    RowsEmpty => "baris kosong dilewati", "empty rows skipped";
    HigherEselon => "ke eselon lebih tinggi", "to a higher eselon";
    LowerEselon => "ke eselon lebih rendah", "to a lower eselon";
    RowsFooter => "baris catatan kaki (tempat, tanggal, tanda tangan) dilewati", "footer rows (place, date, signature) skipped";
    NewUnits => "Unit kerja baru yang akan dibuat", "New units to be created";
    ProposalCode => "Kode usulan", "Proposal code";
    ProposalCodeHelp => "Untuk menanggapi tanpa berkas usulan: buka halaman kartu ASN (kartu.html), isi NIP, nama dan kode ini.", "To answer without the proposal file: open the ASN card page (kartu.html) and fill in your NIP, name and this code.";
    ProposalDownload => "Unduh berkas usulan (untuk dijawab ASN di halaman kartu)", "Download the proposal file (for the ASN to answer on the card page)";
    CardLinkHelp => "Letakkan berkas formasi yang diunduh di samping aplikasi ini di server, lalu kirim tautan ini kepada ASN:", "Place the downloaded offer file beside this app on the server, then send ASN this link:";
    ObjectionsTitle => "Keberatan ASN (berkas)", "ASN objections (files)";
    ObjectionsIntro => "Berkas keberatan-<NIP>.json yang dikirim ASN atas usulan mutasinya: pilih banyak sekaligus. Yang terbaca dicatat sebagai komentar ASN pada putaran terbuka dan ditanggapi seperti komentar lain; setiap berkas yang tidak dipakai disebut beserta alasannya.", "keberatan-<NIP>.json files ASN send about their proposed transfer: choose many at once. Those that read are recorded as the ASN's comments on the open round and answered like any comment; every file not used is listed with why.";
    ObjectionsChoose => "Pilih berkas keberatan", "Choose objection files";
    ObjectionsAccepted => "keberatan akan dicatat", "objections to record";
    ObjectionsApply => "Catat keberatan", "Record the objections";
    ObjectionsRecorded => "Keberatan dicatat", "Objections recorded";
    NewAgencies => "OPD yang akan dibuat (berkas pertama ruang kerja baru)", "OPDs to be created (a new workspace's first file)";
    RowReport => "Laporan per baris", "Row report";
    RowCol => "Baris", "Row";
    ColumnCol => "Kolom", "Column";
    ReasonCol => "Masalah", "Problem";
    MoreProblems => "masalah lain; unduh laporan lengkap", "more problems; download the full report";
    DownloadReport => "Unduh laporan (CSV)", "Download the report (CSV)";
    ImportValidRows => "Impor baris yang valid", "Import the valid rows";
    SheetImported => "Diimpor dari", "Imported from";
    FirstRows => "Baris pertama", "First rows";
    NoProblems => "Semua baris valid.", "Every row is valid.";
    DecreeTitle => "Lampiran SK", "Decree attachment";
    DecreeXlsx => "Unduh Lampiran SK (XLSX)", "Download the decree attachment (XLSX)";
    DecreeCsv => "Unduh Lampiran SK (CSV)", "Download the decree attachment (CSV)";
    Print => "Cetak", "Print";
    CardsTitle => "Kartu preferensi ASN", "ASN preference cards";
    CardsIntro => "Terbitkan berkas formasi (tanpa data pribadi), minta ASN mengisi kartu di mode kartu, lalu impor banyak kartu sekaligus (atau satu CSV/XLSX dari formulir: NIP, NAMA, PILIHAN 1, ALASAN 1, ...). Setiap masalah dilaporkan.", "Publish the openings file (no personal data), ask ASN to fill a card in card mode, then import many cards at once (or one CSV/XLSX from a form: NIP, NAMA, PILIHAN 1, ALASAN 1, ...). Every problem is reported.";
    DownloadOffer => "Unduh berkas formasi", "Download the openings file";
    OpenCardMode => "Buka mode kartu ASN", "Open ASN card mode";
    CardsChoose => "Pilih kartu (.json) atau formulir (.csv/.xlsx)", "Choose cards (.json) or a form (.csv/.xlsx)";
    CardsRead => "kartu dibaca", "cards read";
    CardsAccepted => "kartu diterima", "cards accepted";
    CardsApply => "Terapkan preferensi", "Apply the preferences";
    CardsImported => "Kartu preferensi diimpor", "Preference cards imported";
    FileCol => "Berkas", "File";
    CommentsTitle => "Komentar dan keberatan", "Comments and objections";
    CommentAdd => "Catat komentar baru", "Record a new comment";
    CommentAuthor => "Dari", "From";
    AuthorAsn => "ASN yang bersangkutan", "The ASN concerned";
    AuthorAgency => "OPD", "Agency";
    CommentFrom => "Nama pengirim", "Sender's name";
    CommentText => "Isi komentar", "Comment";
    CommentRequest => "Permintaan", "Request";
    RequestStay => "Tetap di jabatan sekarang", "Stay in the current position";
    RequestAssign => "Dipindah ke", "Move to";
    CommentSave => "Catat komentar", "Record the comment";
    CommentEmpty => "Isi komentar kosong", "The comment is empty";
    NoWeight => "Setidaknya satu bobot tujuan harus lebih dari 0: tanpa bobot, pemindahan tidak punya alasan. Tidak ada yang diubah.", "At least one objective weight must be above 0: without one, moves have no reason. Nothing changed.";
    CommentsFull => "Putaran ini sudah mencapai nomor tanggapan terbesar (999.999); tidak ada yang diubah.", "This round has reached the largest comment number (999,999); nothing changed.";
    CommentGone => "Komentar ini sudah ditanggapi atau tidak ada lagi; tidak ada yang diubah.", "This comment was already answered or is gone; nothing changed.";
    NoOpenRound2 => "Tidak ada putaran terbuka; tidak ada yang diubah.", "No open round; nothing changed.";
    CommentResponse => "Tanggapan", "Response";
    CommentAccept => "Terima (jadi keputusan manual)", "Accept (becomes a manual decision)";
    CommentReject => "Tolak dengan alasan", "Reject with a reason";
    StatusOpen => "terbuka", "open";
    StatusAccepted => "diterima", "accepted";
    StatusRejected => "ditolak", "rejected";
    ExportSealed => "Ekspor terenkripsi", "Export encrypted";
    SealTitle => "Ekspor berkas rencana terenkripsi", "Export an encrypted plan file";
    SealIntro => "Seluruh berkas dienkripsi dengan frasa sandi (Argon2id dan XChaCha20-Poly1305) sehingga aman dikirim lewat email: tanpa frasa sandi, tidak ada NIP, nama, nilai, atau nama ruang kerja yang terbaca. Sampaikan frasa sandinya lewat jalur lain (telepon, tatap muka), bukan di email yang sama. Frasa sandi yang lupa tidak dapat dipulihkan.", "The whole file is encrypted with a passphrase (Argon2id and XChaCha20-Poly1305), so it is safe to send by email: without the passphrase no NIP, name, rating or workspace name can be read. Give the passphrase another way (phone, in person), not in the same email. A forgotten passphrase cannot be recovered.";
    Passphrase => "Frasa sandi", "Passphrase";
    PassphraseAgain => "Ulangi frasa sandi", "Repeat the passphrase";
    PassphraseHint => "Paling sedikit 12 karakter. Beberapa kata acak yang mudah diingat lebih kuat daripada satu kata yang rumit.", "At least 12 characters. A few random words you can remember are stronger than one complicated word.";
    Strength => "Kekuatan", "Strength";
    StrengthTooShort => "terlalu pendek", "too short";
    StrengthWeak => "lemah: mudah ditebak, pakai yang lebih panjang", "weak: easy to guess, use a longer one";
    StrengthFair => "cukup", "fair";
    StrengthStrong => "kuat", "strong";
    PassphraseMismatch => "Kedua frasa sandi tidak sama.", "The two passphrases differ.";
    SealGo => "Enkripsi dan unduh", "Encrypt and download";
    Sealing => "Mengenkripsi… (menurunkan kunci dari frasa sandi)", "Encrypting… (deriving the key from the passphrase)";
    SealDone => "Berkas terenkripsi diunduh:", "Encrypted file downloaded:";
    SealDoneWhere => "Kirim frasa sandinya lewat jalur lain, bukan di email yang sama.", "Send the passphrase another way, not in the same email.";
    UnlockTitle => "Berkas terenkripsi", "Encrypted file";
    UnlockIntro => "Berkas ini dienkripsi dengan frasa sandi. Masukkan frasa sandinya untuk membukanya; isinya lalu diperiksa dan dipratinjau seperti berkas biasa, dan tidak ada yang berubah sebelum Anda mengonfirmasi.", "This file is encrypted with a passphrase. Enter it to open the file; its contents are then checked and previewed like any plan file, and nothing changes until you confirm.";
    UnlockGo => "Buka", "Open";
    Unlocking => "Membuka… (menurunkan kunci dari frasa sandi)", "Opening… (deriving the key from the passphrase)";
    StorageLocked => "Ruang kerja tersimpan dikunci dengan frasa sandi; penyimpanan otomatis berhenti sampai dibuka.", "The stored workspace is locked with a passphrase; autosave waits until it is opened.";
    StorageSealed => "terkunci dengan frasa sandi", "locked with a passphrase";
    LockTitle => "Kunci penyimpanan", "Lock the storage";
    LockIntro => "Ruang kerja yang tersimpan di peramban ini dapat dienkripsi dengan frasa sandi (Argon2id dan XChaCha20-Poly1305): planner memintanya setiap kali dibuka, dan setiap simpanan otomatis dienkripsi.", "The workspace stored in this browser can be encrypted with a passphrase (Argon2id and XChaCha20-Poly1305): the planner asks for it every time it opens, and every autosave is encrypted.";
    LockWarning => "Frasa sandi yang lupa tidak dapat dipulihkan: tanpa itu, ruang kerja tersimpan hanya dapat dihapus. Ekspor berkas rencana dahulu sebagai cadangan.", "A forgotten passphrase cannot be recovered: without it, the stored workspace can only be deleted. Export a plan file first as a backup.";
    LockStorage => "Kunci penyimpanan dengan frasa sandi", "Lock the storage with a passphrase";
    LockGo => "Kunci", "Lock";
    Locking => "Mengunci… (menurunkan kunci dari frasa sandi)", "Locking… (deriving the key from the passphrase)";
    LockDone => "Penyimpanan dikunci: ruang kerja tersimpan terenkripsi, dan frasa sandi diminta setiap kali planner dibuka.", "Storage locked: the stored workspace is encrypted, and the passphrase is asked for every time the planner opens.";
    LockedNow => "Ruang kerja tersimpan di peramban ini terenkripsi dengan frasa sandi; setiap simpanan otomatis dienkripsi.", "The workspace stored in this browser is encrypted with a passphrase; every autosave is encrypted.";
    RemoveLock => "Lepas kunci", "Remove the lock";
    RemoveLockConfirm => "Lepas kunci? Ruang kerja akan disimpan di peramban ini tanpa enkripsi.", "Remove the lock? The workspace will be stored in this browser unencrypted.";
    LockRemoved => "Kunci dilepas: ruang kerja tersimpan tanpa enkripsi.", "Lock removed: the workspace is stored unencrypted.";
    UnlockStoredTitle => "Ruang kerja tersimpan terkunci", "The stored workspace is locked";
    UnlockStoredIntro => "Masukkan frasa sandi penyimpanan untuk membuka ruang kerja. Lupa frasa sandi? Data tidak dapat dipulihkan; hapus semua data di bawah untuk mulai baru.", "Enter the storage passphrase to open the workspace. Forgot it? The data cannot be recovered; delete all data below to start again.";
    SharedComputer => "Komputer bersama", "Shared computer";
    WipeIntro => "Planner menyimpan ruang kerja (dengan NIP, nama, dan nilai) di peramban ini. Sebelum meninggalkan komputer bersama, ekspor yang masih diperlukan lalu hapus semuanya.", "The planner keeps the workspace (with NIPs, names and ratings) in this browser. Before leaving a shared computer, export what you still need, then delete everything.";
    WipeAll => "Hapus semua data dari peramban ini", "Delete all data from this browser";
    WipeConfirm => "Hapus ruang kerja tersimpan, salinan, riwayat urungkan, pengaturan, dan semua yang disimpan planner di peramban ini? Ekspor dahulu yang masih diperlukan: tindakan ini tidak dapat dibatalkan.", "Delete the stored workspace, the kept copy, the undo history, the settings and everything else the planner stored in this browser? Export what you still need first: this cannot be undone.";
    WipeDone => "Semua data planner telah dihapus dari peramban ini. Yang dihapus:", "All of the planner's data was deleted from this browser. Removed:";
    WipeNothing => "(tidak ada entri tersimpan)", "(no stored entries)";
    WipeUndo => "riwayat urungkan/ulangi dibuang bersama memori halaman, langkah:", "undo/redo history dropped with the page's memory, steps:";
    WipeWorker => "pekerja berkas dihentikan (lembar kerja yang terakhir dibaca ikut terbuang)", "file worker stopped (the spreadsheet it read last went with it)";
    WipeKept => "Cache luring hanya berisi berkas program (tanpa data) dan dibiarkan agar planner tetap bisa dibuka tanpa internet. Halaman ini sekarang memuat data demo.", "The offline cache holds only the program's files (no data) and stays, so the planner still opens without internet. This page now shows the demo data.";
    WipedBanner => "Semua data planner telah dihapus dari peramban ini (di tab ini atau tab lain). Tab ini menampilkan data demo dan tidak menyimpan apa pun sampai dimuat ulang.", "All of the planner's data was deleted from this browser (in this tab or another). This tab shows the demo data and stores nothing until it is reloaded.";
    WipedStatus => "Data telah dihapus; tab ini tidak menyimpan apa pun sampai dimuat ulang.", "The data was deleted; this tab stores nothing until it is reloaded.";
    Reload => "Muat ulang", "Reload";
    StoredWorkspace => "ruang kerja tersimpan", "stored workspace";
    StoredCopy => "salinan perubahan tab", "kept copy of a tab's edits";
    StoredLang => "pilihan bahasa", "language choice";
    StoredMappings => "pemetaan kolom yang diingat", "remembered column mappings";
    StoredWelcomed => "tanda sambutan sudah dijawab", "welcome answered";
    StoredOffer => "salinan formasi di halaman kartu", "offer kept by the card page";
    StoredOther => "entri lain", "other entry";
    ExportPseudonymous => "Ekspor dengan pseudonim", "Export with pseudonyms";
    PseudonymDone => "Berkas pseudonim diunduh: nama dan NIP diganti untuk", "Pseudonymous file downloaded: names and NIPs replaced for";
    PseudonymKeptMonth => "orang tetap dengan tahun atau bulan lahir (agar aturan pensiun sama)", "people keep their birth year or month (so the retirement rule is unchanged)";
    TabSocial => "Sosialisasi", "Socialisation";
    SocialIntro => "Ringkasan rancangan untuk dicetak: per OPD (siapa keluar, siapa masuk, mengapa, kriteria dan bobot, cara menanggapi) dan per ASN (usulan, rincian nilai, peringkat pilihan yang diperoleh).", "Printable summaries of the draft: per agency (who leaves, who arrives, why, criteria and weights, how to comment) and per ASN (the proposal, the score breakdown, the preference rank obtained).";
    CommentDeadline => "Batas tanggapan", "Comment deadline";
    CommentContact => "Tanggapan dikirim ke", "Send comments to";
    SocialPerson => "ASN", "ASN";
    DeadlineUnset => "(tanggal belum ditetapkan)", "(date not set)";
    PlanExported => "Berkas rencana diunduh:", "Plan file downloaded:";
    PlanExportedWhere => "Ada di folder unduhan peramban; berisi data pribadi (NIP, nama, nilai) — kirim hanya kepada yang berhak.", "It is in the browser's downloads folder; it holds personal data (NIP, names, ratings) — send it only to those entitled.";
    SocialPrintWhat => "Pilih OPD atau ASN untuk mencetak lembarnya.", "Choose an agency or an ASN to print their sheet.";
    PrintWithoutDeadline => "Batas waktu tanggapan belum diisi: lembar akan tertulis \"(tanggal belum ditetapkan)\". Tetap cetak?", "No deadline for comments is set: the sheet will read \"(date not set)\". Print anyway?";
    ContactUnset => "BKD Provinsi Jambi", "BKD Provinsi Jambi";
    HowToCommentBefore => "Tanggapan atau keberatan dapat disampaikan oleh ASN yang bersangkutan atau OPD paling lambat", "Comments or objections may be sent by the ASN concerned or the agency no later than";
    HowToCommentVia => "melalui", "to";
    SocialAgencyTitle => "Sosialisasi rancangan mutasi", "Draft transfer plan";
    SocialPersonTitle => "Usulan mutasi untuk", "Proposed transfer for";
    Leaving => "Keluar dari OPD", "Leaving the agency";
    Arriving => "Masuk ke OPD", "Arriving in the agency";
    Why => "Alasan", "Why";
    CriteriaWeights => "Kriteria dan bobot", "Criteria and weights";
    RulesApplied => "Aturan yang diterapkan", "Rules applied";
    HowToComment => "Cara menanggapi", "How to comment";
    NoWishesStated => "tidak menyampaikan preferensi", "stated no preferences";
    StableTitle => "Mode stabil: keinginan ASN, poin jabatan, dua fase", "Stable mode: the ASN's wishes, published points, two phases";
    StableIntro => "Fase 1 memproses keinginan ASN dengan deferred acceptance: setiap peserta mendapat keinginan terbaik yang dapat ia peroleh menurut urutannya sendiri, dan tidak ada peserta dengan poin lebih tinggi yang dilewati. Fase 2 mengisi formasi yang masih kosong untuk kebutuhan organisasi dengan penugasan optimal (bobot di atas), tanpa mengubah hasil fase 1. Poin dan keinginan yang sama juga dipakai untuk menghitung pasangan iri beralasan pada mode optimal.", "Phase 1 processes the ASN's wishes by deferred acceptance: each participant gets the best wish they can get in their own order, and no participant with more points is passed over. Phase 2 fills the openings still vacant for the organisation's needs by the optimal assignment (the weights above), without changing a phase-1 outcome. The same wishes and points also count justified envy in optimal mode.";
    WithoutWishesLabel => "ASN tanpa keinginan", "ASN without wishes";
    WithoutWishesNot => "tidak ikut fase 1 (dapat dimutasi di fase 2 untuk kebutuhan organisasi)", "not in phase 1 (may be moved in phase 2 for the organisation's needs)";
    WithoutWishesNear => "ikut fase 1, menerima formasi mana pun di kabupaten/kota domisilinya", "in phase 1, accepting any opening in their domicile kabupaten/kota";
    PointsTitle => "Poin yang diumumkan (per jabatan yang diinginkan)", "Published points (per wished position)";
    PointsFit => "Poin per satuan kecocokan kompetensi (skala 1–5: kecocokan 4,47 × 100 = 447 poin)", "Points per unit of competency fit (scale 1–5: fit 4.47 × 100 = 447 points)";
    PointsYears => "Poin per tahun dalam jabatan (maks. 10 tahun)", "Points per year in position (at most 10 years)";
    PointsOwnRequest => "Poin permohonan sendiri", "Points for an own request";
    PointsFamily => "Poin keinginan dengan alasan keluarga", "Points for a wish for family reasons";
    PointsNear => "Poin kedekatan dengan domisili (penuh di kabupaten/kota domisili, nol pada 420 km)", "Points for nearness to the domicile (full in the domicile kabupaten/kota, none at 420 km)";
    PointsFormulaIs => "Rumus poin", "Points formula";
    PointsTermFit => "× kecocokan", "× fit";
    PointsTermYears => "× tahun dalam jabatan", "× years in position";
    PointsTermOwn => "bila permohonan sendiri", "on own request";
    PointsTermFamily => "bila alasan keluarga", "for family reasons";
    PointsTermNear => "× kedekatan domisili (0–1)", "× nearness to the domicile (0–1)";
    PointsTieBreak => "Urutan calon di satu jabatan: keputusan manual lebih dulu, lalu pemegang jabatan itu sendiri (selalu dapat tetap), lalu poin tertinggi. Bila poin sama: kecocokan lebih tinggi, lalu lebih lama dalam jabatan, lalu urutan tetap para calon menurut data yang dibaca perencana (bukan nama, NIP, atau letak baris di berkas).", "A position's order of candidates: a manual decision first, then its own holders (who can always stay), then the most points. On equal points: the higher fit, then the longer time in position, then a fixed order of the candidates by the facts the planner reads (not their name, NIP or row in the file).";
    StableSafe => "Menyusun keinginan sesuai yang sebenarnya tidak pernah merugikan: urutan Anda hanya menentukan keinginan mana yang Anda terima lebih dulu bila poin Anda cukup, dan bila tidak ada yang dapat dipenuhi, hasilnya sama seperti tidak menyampaikan keinginan.", "Ranking your true wishes can never hurt you: your order only decides which wish you get first when your points allow it, and if none can be met, the outcome is as if you had stated no wishes.";
    PhaseLabel => "Fase", "Phase";
    PhaseDecision => "Keputusan", "Decision";
    PhaseWishes => "1 · keinginan", "1 · wishes";
    PhaseNeeds => "2 · kebutuhan", "2 · needs";
    PhaseWishesSummary => "Fase 1 · keinginan ASN", "Phase 1 · the ASN's wishes";
    PhaseNeedsSummary => "Fase 2 · kebutuhan organisasi", "Phase 2 · the organisation's needs";
    PhaseMovesOpenings => "mutasi, formasi terisi", "moves, openings filled";
    WishEnvy => "iri beralasan", "justified envy";
    Participants => "Peserta dengan keinginan", "Participants with wishes";
    EnvyHelp => "Pasangan (ASN, jabatan) di mana ASN lebih menginginkan jabatan itu daripada hasilnya, dan jabatan itu masih punya tempat atau diisi orang dengan poin lebih rendah.", "Pairs (ASN, position) where the ASN wishes the position more than their outcome, and it has room or holds someone with fewer points.";
    ModesTitle => "Optimal atau stabil dua fase: skenario aktif dengan kedua mode", "Optimal or two-phase stable: the active scenario in both modes";
    WishPointsTitle => "Poin Anda per keinginan", "Your points per wish";
    WishNumber => "Keinginan", "Wish";
    Granted => "diterima", "granted";
    PointsTotal => "Poin", "Points";
    PointsPartFit => "kecocokan", "fit";
    PointsPartYears => "masa jabatan", "years in position";
    PointsPartOwn => "permohonan sendiri", "own request";
    PointsPartFamily => "keluarga", "family";
    PointsPartNear => "kedekatan", "nearness";
    MovesWord => "mutasi", "moves";
    OpeningsWord => "formasi", "openings";
    EditFrozen => "putaran berstatus", "the round is";
    EditFrozenHow => "Perubahan pada rancangan yang sudah diumumkan memerlukan versi baru: kembalikan putaran ke Draf dengan alasan, ubah, lalu umumkan lagi.", "A change to a published draft needs a new version: take the round back to Draf with a reason, change it, then publish again.";
    EditWrongStatus => "langkah ini tidak dapat diambil dari status", "this step cannot be taken from the status";
    EditMembersRequired => "anggota Tim Penilai Kinerja wajib diisi", "the members of the Tim Penilai Kinerja are required";
    EditDecreeNumberRequired => "nomor SK wajib diisi", "the decree number is required";
    AgendaShow => "Agenda & notulen rapat Tim Penilai Kinerja", "Agenda & minutes of the review meeting";
    AgendaTitle => "Agenda Rapat Tim Penilai Kinerja PNS", "Agenda of the Tim Penilai Kinerja PNS meeting";
    AgendaMembers => "Anggota", "Members";
    FairnessSummary => "Ringkasan keadilan", "Fairness summary";
    AgendaMovesIn => "usulan mutasi masuk", "proposed moves in";
    AgendaLeaving => "pindah ke OPD lain", "leaving for another agency";
    AgendaObjections => "Keberatan yang belum dijawab", "Open objections";
    AgendaDecisions => "Keputusan manual dan alasannya", "Manual decisions and their reasons";
    AgendaNoReview => "Notulen diisi setelah pembahasan dimulai (status Dibahas).", "The minutes are filled in once the review has started (status Dibahas).";
    AgendaChair => "Ketua Tim Penilai Kinerja PNS", "Chair of the Tim Penilai Kinerja PNS";
    Attended => "hadir", "attended";
    Absent => "tidak hadir", "absent";
    CheckLegalStatus => "Kedudukan hukum Aktif (bukan CLTN, pemberhentian sementara, masa persiapan pensiun; tugas belajar bila dikecualikan)", "Legal status Aktif (not CLTN, suspension, pre-retirement; study leave where excluded)";
    KedudukanHukum => "kedudukan hukum", "legal status";
    EveryRow => "semua baris:", "every row:";
    SheetReading => "Membaca dan memeriksa", "Reading and checking";
    SheetAnalysing => "Menganalisis baris", "Analysing rows";
    SheetWaitAnalysis => "Menunggu analisis…", "Waiting for the analysis…";
    SourceRecognised => "Berkas dikenali sebagai", "File recognised as";
    SourceSiasn => "SIASN: Export Data ASN", "SIASN: Export Data ASN";
    SourceSimpeg => "SIMPEG / DUK", "SIMPEG / DUK";
    SourceTemplate => "templat Perencana Mutasi", "the planner's template";
    SourceAnjabAbk => "Anjab/ABK (kebutuhan dan bezetting per jabatan)", "Anjab/ABK (need and bezetting per position)";
    SourceFormasi => "SIASN: rincian formasi (kebutuhan = yang menjabat + formasi)", "SIASN: rincian formasi (need = in post + openings)";
    SourceOther => "lembar lain (pemetaan ditebak dari judul kolom)", "another sheet (mapping guessed from the column headers)";
    MappingRemembered => "pemetaan yang Anda koreksi untuk judul kolom ini dipakai lagi", "the mapping you corrected for these headers is used again";
    CrossingBadge => "antar-instansi", "between governments";
    ClearanceTitle => "Mutasi antar-instansi: daftar periksa", "Transfers between governments: checklist";
    ClearanceHelp => "Mutasi antara Pemerintah Provinsi dan kabupaten/kota (atau antar-kabupaten/kota) ditetapkan setelah pertimbangan teknis Kepala BKN, dengan surat persetujuan PPK yang melepas dan PPK yang menerima (PP 11/2017 Pasal 192). Putaran tidak dapat ditetapkan sebelum ketiganya tercatat untuk setiap orang.", "A transfer between the province and a kabupaten/kota (or between two of them) is decided after the BKN head's pertimbangan teknis, with the letters of the releasing and the receiving PPK (PP 11/2017 Pasal 192). The round cannot be decided before all three are recorded for every person.";
    DocReleasing => "Surat PPK yang melepas", "Releasing PPK's letter";
    DocReceiving => "Surat PPK yang menerima", "Receiving PPK's letter";
    DocBkn => "Pertimbangan teknis BKN", "BKN's pertimbangan teknis";
    LetterNumber => "Nomor", "Number";
    LetterDate => "Tanggal", "Date";
    LetterDateRequired => "Isi tanggal surat.", "Enter the letter's date.";
    Record => "Catat", "Record";
    EditUnknownMember => "yang hadir harus anggota Tim Penilai Kinerja", "an attendee must be a member of the Tim Penilai Kinerja";
    EditLetterNumberRequired => "nomor surat wajib diisi", "the letter number is required";
    EditUnclear => "mutasi antar-instansi belum lengkap suratnya (surat PPK yang melepas, surat PPK yang menerima, pertimbangan teknis BKN) untuk NIP", "transfers between governments still lack a document (releasing PPK's letter, receiving PPK's letter, BKN's pertimbangan teknis) for NIP";
    EditUnclearHow => "Lengkapi daftar periksa di tab Prosedur, lalu tetapkan lagi.", "Complete the checklist in the Procedure tab, then decide again.";
    StatusDraf => "Draf", "Draft";
    StatusSosialisasi => "Sosialisasi", "Published";
    StatusDibahas => "Dibahas", "In review";
    StatusDitetapkan => "Ditetapkan", "Decided";
    StatusSkTerbit => "SK terbit", "Decree issued";
    RoundStatusLabel => "Status putaran", "Round status";
    Fingerprint => "sidik", "fingerprint";
    Versions => "Versi yang dibekukan", "Frozen versions";
    Version => "Versi", "Version";
    Scenario => "Skenario", "Scenario";
    Save => "Simpan", "Save";
    VersionCheck => "Cocok dengan data", "Matches the data";
    VersionMatches => "cocok", "matches";
    VersionDiffers => "data sudah berubah", "the data has changed";
    ProcedureIntro => "Rancangan menjadi keputusan melalui prosedur: diumumkan (sosialisasi), dibahas Tim Penilai Kinerja PNS, ditetapkan PPK, lalu SK diterbitkan (PP 11/2017 Pasal 191). Setiap langkah dicatat di log; kembali hanya dapat dilakukan dari Sosialisasi dan Dibahas, dengan alasan.", "A draft becomes a decision through a procedure: published, reviewed by the Tim Penilai Kinerja PNS, decided by the PPK, then the decree is issued (PP 11/2017 Pasal 191). Every step is logged; going back is possible only from Sosialisasi and Dibahas, with a reason.";
    PublishHelp => "Mengumumkan membekukan skenario aktif sebagai versi baru dengan sidiknya; setelah itu pengaturan dan formasi tidak dapat diubah tanpa versi baru. Versi kedua dan seterusnya memerlukan alasan.", "Publishing freezes the active scenario as a new version with its fingerprint; after that the settings and openings cannot change without a new version. A second version and later ones need a reason.";
    Publish => "Umumkan rancangan (Sosialisasi)", "Publish the draft";
    ReviewHelp => "Rancangan diumumkan; tanggapan dan keberatan dibuka. Catat anggota Tim Penilai Kinerja (satu per baris) dan tanggal rapat untuk memulai pembahasan.", "The draft is published; comments and objections are open. Record the members of the Tim Penilai Kinerja (one per line) and the meeting date to start the review.";
    ReviewMembers => "Anggota Tim Penilai Kinerja (satu per baris)", "Members of the Tim Penilai Kinerja (one per line)";
    ReviewMeeting => "Tanggal rapat", "Meeting date";
    StartReview => "Mulai pembahasan (Dibahas)", "Start the review";
    EstablishHelp => "Dalam pembahasan: keputusan rapat atas ASN dicatat di Hasil dengan alasannya. Menetapkan membekukan skenario aktif dan rencananya sebagai keputusan PPK.", "In review: the meeting's decisions on people are entered in Hasil with their reasons. Deciding freezes the active scenario and its plan as the PPK's decision.";
    ReviewMinutes => "Notulen rapat (yang hadir, yang diputuskan)", "Minutes of the meeting (who attended, what was decided)";
    Establish => "Tetapkan (keputusan PPK)", "Decide (the PPK's decision)";
    DecreeHelp => "Rencana sudah ditetapkan. Menerbitkan SK mencatat setiap mutasi sebagai riwayat mutasi dengan TMT putaran, untuk evaluasi sesudahnya.", "The plan is decided. Issuing the decree records every move with the round's TMT, for the evaluation that follows.";
    DecreeNumber => "Nomor SK", "Decree number";
    DecreeDate => "Tanggal SK", "Decree date";
    IssueDecree => "Terbitkan SK", "Issue the decree";
    DecreeIssued => "SK terbit:", "Decree issued:";
    StepReason => "Alasan", "Reason";
    StepBack => "Kembali satu langkah", "Go back one step";
    ConfirmPublish => "Umumkan rancangan ini? Skenario aktif dibekukan sebagai versi baru.", "Publish this draft? The active scenario is frozen as a new version.";
    ConfirmReview => "Mulai pembahasan oleh Tim Penilai Kinerja?", "Start the review by the Tim Penilai Kinerja?";
    ConfirmEstablish => "Tetapkan skenario aktif dan rencananya sebagai keputusan PPK? Setelah ini tidak dapat kembali.", "Decide the active scenario and its plan as the PPK's decision? There is no way back after this.";
    ConfirmDecree => "Terbitkan SK? Setiap mutasi dicatat dengan TMT putaran.", "Issue the decree? Every move is recorded with the round's TMT.";
    ConfirmStepBack => "Kembali satu langkah? Langkah ini dicatat di log.", "Go back one step? This is logged.";
    MeetingDateRequired => "Isi tanggal rapat.", "Enter the meeting date.";
    DecreeDateRequired => "Isi tanggal SK.", "Enter the decree date.";
    TabProcedure => "Prosedur", "Procedure";
    Government => "Pemerintah (menentukan PPK penanda tangan)", "Government (names the PPK who signs)";
    Ppk => "Pejabat Pembina Kepegawaian", "Staffing authority (PPK)";
    NoWishOptions => "Tidak ada jabatan dalam keinginan Anda yang memiliki formasi di putaran ini.", "No position among your wishes has an opening in this round.";
    NotAmongWishes => "tidak termasuk pilihan", "not among the wishes";
    DecreePrint => "Cetak Lampiran SK", "Print the decree attachment";
    Objection => "Keberatan", "Objection";
    EditRefused => "Perubahan ditolak, tidak ada yang diubah", "Change refused, nothing changed";
    EditUnknownAsn => "tidak ada ASN dengan NIP", "no ASN with NIP";
    EditUnknownPosition => "tidak ada jabatan", "no position";
    EditUnknownUnit => "unit itu bukan unit OPD jabatan ini:", "that unit is not one of the position's OPD:";
    EditNeedRange => "kebutuhan harus 1 sampai 9.999, bukan", "the need must be 1 to 9,999, not";
    EditKindFloorEmpty => "minimum per jabatan fungsional perlu nama unit dan jabatan fungsional", "a minimum per JF needs a unit name and a JF";
    EditUnknownOpening => "jabatan ini tidak dibuka di putaran", "this position is not open in the round";
    EditUnknownScenario => "skenario tidak ada lagi", "the scenario is gone";
    EditUnknownConstraint => "batasan tidak ada lagi", "the constraint is gone";
    EditUnknownDecision => "tidak ada keputusan manual untuk", "no manual decision on";
    EditUnknownFollowUp => "tindak lanjut tidak ada lagi untuk", "the follow-up is gone for";
    EditLastScenario => "putaran harus punya paling sedikit satu skenario", "a round keeps at least one scenario";
    EditNameRequired => "nama wajib diisi", "a name is required";
    WelcomeTitle => "Selamat datang di Perencana Mutasi", "Welcome to the Transfer Planner";
    WelcomeText => "Perencana ini menyusun program mutasi ASN: kebutuhan tiap OPD, kompetensi dan kinerja pegawai, pencocokan orang ke jabatan menurut aturan, dan evaluasi sesudah pindah. Semua berjalan di peramban ini; data tidak dikirim ke mana pun kecuali Anda mengekspornya.", "This planner prepares an ASN transfer programme: each agency's needs, people's competencies and performance, matching people to positions within the rules, and evaluation after the move. Everything runs in this browser; no data leaves it unless you export it.";
    WelcomeDemo => "Data yang tampil sekarang adalah data demo (fiktif).", "The data shown now is a (fictitious) demo.";
    ExploreDemo => "Jelajahi demo", "Explore the demo";
    StartOwn => "Mulai ruang kerja sendiri", "Start my own workspace";
    CreateWorkspace => "Buat ruang kerja kosong", "Create an empty workspace";
    CreateWorkspaceHelp => "Ruang kerja kosong untuk pemerintah yang dipilih (penanda tangan SK mengikutinya); lalu impor daftar jabatan dan pegawai di halaman Data. Demo bisa dipulihkan kapan saja dari halaman Data.", "An empty workspace for the chosen government (the decree's signatory follows it); then import positions and people on the Data page. The demo can be restored at any time from the Data page.";
    NewWorkspaceConfirm => "Data demo diganti dengan ruang kerja kosong. Lanjutkan?", "The demo data is replaced by an empty workspace. Continue?";
    WorkspaceCreated => "Ruang kerja kosong dibuat. Impor daftar jabatan, lalu daftar pegawai.", "Empty workspace created. Import the positions, then the people.";
    NextStep => "Langkah berikut:", "Next step:";
    NextPositions => "impor daftar jabatan (Anjab/ABK atau rincian formasi) atau daftar pegawai SIASN.", "import the positions (Anjab/ABK or rincian formasi) or a SIASN roster.";
    NextRoster => "impor daftar pegawai (ekspor SIASN atau SIMPEG).", "import the people (a SIASN or SIMPEG export).";
    NextRound => "buat putaran mutasi.", "create a transfer round.";
    NextOpenings => "buka formasi yang akan diisi.", "open the positions to fill.";
    RoundTitle => "Putaran", "Round";
    RoundName => "Nama putaran", "Round name";
    RoundTmt => "TMT rencana", "Planned TMT";
    RoundTmtInvalid => "Isi TMT rencana sebagai tanggal.", "Give the planned TMT as a date.";
    NewRound => "Putaran baru", "New round";
    EditRound => "Ubah nama/TMT", "Edit name/TMT";
    CreateRound => "Buat putaran", "Create round";
    NewRoundHelp => "Putaran baru menjadi putaran yang dikerjakan; putaran sebelumnya tetap tersimpan di berkas.", "The new round becomes the one worked on; earlier rounds stay in the file.";
    FirstRoundTitle => "Mulai putaran mutasi", "Start a transfer round";
    FirstRoundHelp => "Belum ada putaran. Beri nama dan TMT rencana; putaran dibuat dengan satu skenario standar, lalu buka formasi di halaman Kebutuhan.", "No round yet. Give it a name and a planned TMT; it starts with one standard scenario, then open positions on the Needs page.";
    NewScenario => "Skenario baru", "New scenario";
    ScenarioName => "Nama skenario", "Scenario name";
    ScenarioWord => "Skenario", "Scenario";
    Rename => "Ganti nama", "Rename";
    EditRoundInProgress => "putaran yang terbuka sedang", "the open round is at";
    EditRoundInProgressHow => "Tetapkan putaran itu, atau kembalikan ke Draf, sebelum membuat putaran baru.", "Decide it, or take it back to Draf, before starting a new round.";
    EditSlotsRange => "formasi harus 1 sampai 99, bukan", "slots must be 1 to 99, not";
    EditCardsUndecided => "pilih dahulu kartu mana yang dipakai untuk setiap NIP yang kartunya bertentangan; belum dipilih:", "first choose which card to use for each NIP whose cards disagree; still open:";
    CardsConflictTitle => "Kartu yang bertentangan: pilih satu", "Cards that disagree: choose one";
    CardsConflictHelp => "Satu NIP mengirim lebih dari satu kartu dengan pilihan berbeda. Tidak ada yang dipilih otomatis: pilih kartu yang berlaku, atau tidak satu pun.", "One NIP sent more than one card with different wishes. Nothing is picked automatically: choose the card that counts, or none.";
    CardsConflictNeither => "Tidak satu pun (preferensi tetap)", "None of them (wishes stay as they are)";
    EditPercentRange => "batas persen harus 0 sampai 100, bukan", "the percentage must be 0 to 100, not";
    EditSamePerson => "seseorang tidak dapat ditukar dengan dirinya sendiri", "a person cannot be swapped with themself";
    EditNoElection => "isi dulu tanggal penetapan pasangan calon", "set the candidates' date first";
    EditNothing => "tidak ada yang dicatat", "nothing to record";
    EditImportBlocked => "pemetaan kolom masih bermasalah", "the column mapping still has problems";
}

strings! {
    /// A text of the ASN's card page (kartu.html): its own small table, so
    /// the light page carries only its own words, not the planner's.
    K;
    AppSubtitle => "Provinsi Jambi · semua data tetap di perangkat ini", "Jambi Province · all data stays on this device";
    LangSwitch => "English", "Bahasa Indonesia";
    Positions => "Jabatan", "Positions";
    Stays => "Tetap di tempat", "Stay";
    CardReasonRequired => "Pilih alasan untuk pilihan", "Choose a reason for wish";
    ChooseReason => "— pilih alasan —", "— choose a reason —";
    ObjectionFormTitle => "Keberatan atas usulan mutasi", "Objection to the proposed transfer";
    ObjectionFormIntro => "Buka berkas usulan yang dikirim BKD, tulis tanggapan Anda, lalu unduh berkas keberatan dan kirimkan ke BKD.", "Open the proposal file BKD sent, write your answer, then download the objection file and send it to BKD.";
    ObjectionOpenProposal => "Buka berkas usulan dari BKD", "Open the proposal file from BKD";
    ObjectionProposal => "Usulan", "Proposal";
    ObjectionRequest => "Permintaan", "Request";
    ObjectionStay => "Tetap di jabatan sekarang", "Stay in my current position";
    ObjectionText => "Alasan (wajib)", "Reason (required)";
    ObjectionTextRequired => "Tulis alasan keberatan Anda", "Write the reason for your objection";
    ObjectionCode => "Atau ketik kode usulan dari lembar Anda", "Or type the proposal code from your sheet";
    ObjectionCodeHelp => "Tanpa berkas usulan: isi NIP dan nama di atas, lalu kode pada lembar usulan (mis. 7K2M-Q9XD).", "Without the proposal file: fill in your NIP and name above, then the code on your proposal sheet (e.g. 7K2M-Q9XD).";
    ObjectionCodeNeedsOffer => "Buka dulu formasi dari BKD (berkas atau tautan): kode itu berlaku untuk putarannya.", "Open BKD's offer first (file or link): the code belongs to its round.";
    ObjectionCodeNeedsNip => "Isi NIP dan nama Anda di atas dulu.", "Fill in your NIP and name above first.";
    ObjectionCodeDiffers => "Kode tidak cocok dengan NIP ini untuk putaran ini. Periksa NIP dan kode pada lembar usulan.", "The code does not match this NIP for this round. Check the NIP and the code on the proposal sheet.";
    ObjectionCodeMatches => "kode usulan cocok; usulannya tertulis di lembar Anda", "the proposal code matches; the proposal is on your sheet";
    ObjectionDownload => "Unduh berkas keberatan", "Download the objection file";
    ObjectionDownloaded => "Berkas keberatan diunduh:", "Objection file downloaded:";
    CardNoOffer => "Belum ada formasi dari BKD. Buka berkas formasi yang dikirim BKD, atau buka tautan kartu dari BKD; tanpa formasi tidak ada yang dapat dipilih.", "No offer from BKD yet. Open the offer file BKD sent, or the card link from BKD; without an offer there is nothing to choose.";
    CardOfferOffline => "Tanpa jaringan: ditampilkan salinan formasi dari kunjungan terakhir,", "Offline: showing the offer as kept on the last visit,";
    CardOfferUnavailable => "Formasi pada tautan tidak dapat dimuat:", "The link's offer could not be loaded:";
    WishDrag => "Seret untuk mengubah urutan", "Drag to reorder";
    WishNumber => "Pilihan", "Wish";
    WishUp => "Naik: pilihan", "Up: wish";
    WishDown => "Turun: pilihan", "Down: wish";
    WishUpShort => "Naik", "Up";
    WishDownShort => "Turun", "Down";
    CardTitle => "Kartu Preferensi Mutasi", "Transfer Preference Card";
    CardIntro => "Isi NIP dan nama Anda, urutkan sampai lima pilihan (jabatan, unit kerja, OPD atau kabupaten/kota) beserta alasannya, lalu unduh kartunya dan kirimkan berkas itu lewat email ke BKD. Tidak ada yang disimpan atau dikirim dari halaman ini.", "Enter your NIP and name, rank up to five wishes (position, unit, agency or kabupaten/kota) with a reason, then download the card and send the file to BKD by email. Nothing is stored or sent from this page.";
    CardOffer => "Formasi", "Openings";
    Deadline => "batas", "deadline";
    CardLoadOffer => "Muat berkas formasi dari BKD", "Load the openings file from BKD";
    CardName => "Nama lengkap", "Full name";
    CardNipRequired => "NIP wajib diisi", "The NIP is required";
    CardNameRequired => "Nama wajib diisi", "The name is required";
    CardWishRequired => "Pilih paling sedikit satu tujuan", "Choose at least one wish";
    CardWishes => "Pilihan (paling diinginkan lebih dulu)", "Wishes (most wanted first)";
    CardAddWish => "Tambah pilihan", "Add a wish";
    CardCheck => "Periksa kartu", "Check the card";
    CardSummary => "Ringkasan kartu sebelum diunduh", "The card before it is downloaded";
    CardFileName => "Berkas yang diunduh (lampirkan ke email atau WhatsApp untuk BKD):", "The file downloaded (attach it to an email or WhatsApp for BKD):";
    CardEdit => "Ubah lagi", "Change it";
    CardDownload => "Unduh kartu preferensi", "Download the preference card";
    CardDownloaded => "Kartu diunduh:", "Card downloaded:";
    WishKind => "Jenis", "Kind";
    WishTarget => "Tujuan", "Wish";
    WishReason => "Alasan", "Reason";
    WishNote => "Keterangan", "Note";
    WishRemove => "Hapus", "Remove";
    WishPosition => "Jabatan", "Position";
    WishUnit => "Unit kerja", "Unit";
    WishAgency => "OPD", "Agency";
    WishRegency => "Kabupaten/kota", "Kabupaten/kota";
    ReasonFamily => "Keluarga", "Family";
    ReasonHealth => "Kesehatan", "Health";
    ReasonCareer => "Karier", "Career";
    ReasonOther => "Lainnya", "Other";
    StableSafe => "Menyusun keinginan sesuai yang sebenarnya tidak pernah merugikan: urutan Anda hanya menentukan keinginan mana yang Anda terima lebih dulu bila poin Anda cukup, dan bila tidak ada yang dapat dipenuhi, hasilnya sama seperti tidak menyampaikan keinginan.", "Ranking your true wishes can never hurt you: your order only decides which wish you get first when your points allow it, and if none can be met, the outcome is as if you had stated no wishes.";
}

/// Formats a whole number with the language's thousands separator
/// (1.234 in Indonesian, 1,234 in English).
pub fn format_count(n: usize, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = if lang == Lang::Id { '.' } else { ',' };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Formats `value / 10^digits` with `places` decimals (rounded half away
/// from zero) in the language's style: 4,46 and 1.234,5 in Indonesian, 4.46
/// and 1,234.5 in English.
pub fn format_decimal(value: i64, digits: u32, places: u32, lang: Lang) -> String {
    let places = places.min(digits);
    let scale = 10i64.pow(digits - places);
    let rounded = (value.abs() + scale / 2) / scale;
    let unit = 10i64.pow(places);
    let (int, frac) = (rounded / unit, rounded % unit);
    let sign = if value < 0 && rounded != 0 { "-" } else { "" };
    let int = format_count(int as usize, lang);
    if places == 0 {
        return format!("{sign}{int}");
    }
    let sep = if lang == Lang::Id { ',' } else { '.' };
    format!("{sign}{int}{sep}{frac:0width$}", width = places as usize)
}

/// Formats a date: 28/11/2026 in Indonesian, 2026-11-28 in English.
pub fn format_date(d: crate::core::date::Date, lang: Lang) -> String {
    match lang {
        Lang::Id => d.to_dmy(),
        Lang::En => d.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages() {
        for key in T::ALL {
            assert!(!key.text(Lang::Id).trim().is_empty(), "{key:?} id");
            assert!(!key.text(Lang::En).trim().is_empty(), "{key:?} en");
        }
        for key in K::ALL {
            assert!(!key.text(Lang::Id).trim().is_empty(), "{key:?} id");
            assert!(!key.text(Lang::En).trim().is_empty(), "{key:?} en");
        }
    }

    #[test]
    fn numbers_and_dates_follow_the_language() {
        assert_eq!(format_count(1234567, Lang::Id), "1.234.567");
        assert_eq!(format_count(1234, Lang::En), "1,234");
        assert_eq!(format_count(999, Lang::Id), "999");
        assert_eq!(format_decimal(4461, 3, 2, Lang::Id), "4,46");
        assert_eq!(format_decimal(4465, 3, 2, Lang::En), "4.47");
        assert_eq!(format_decimal(1_234_500, 3, 1, Lang::Id), "1.234,5");
        assert_eq!(format_decimal(923, 1, 1, Lang::En), "92.3");
        assert_eq!(format_decimal(-1500, 3, 0, Lang::Id), "-2");
        assert_eq!(format_decimal(5000, 3, 3, Lang::Id), "5,000");
        let d = crate::core::date::Date::new(2026, 11, 28).unwrap();
        assert_eq!(format_date(d, Lang::Id), "28/11/2026");
        assert_eq!(format_date(d, Lang::En), "2026-11-28");
        assert_eq!(Lang::from_code("en"), Lang::En);
        assert_eq!(Lang::from_code("xx"), Lang::Id);
    }
}
