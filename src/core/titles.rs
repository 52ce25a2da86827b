//! Titles of regional government and the level each one tells: the one
//! table every import and the roster's position creation read a position's
//! type from (../shared/DOMAIN.md, "Titles and levels in regional
//! government").
//!
//! What a row of a BKD file says about a position, strongest first:
//! 1. an ESELON column (I.a … V.a): eselon ↔ position type by UU 5/2014
//!    Pasal 131 ([`Eselon::kind`]);
//! 2. a position-type column naming a type exactly ("Administrator",
//!    "JF Ahli Muda");
//! 3. SIASN's JENIS JABATAN NAMA ([`Jenis`]): a *Fungsional Tertentu* row
//!    is a JF, a *Fungsional Umum* / *Pelaksana* row a pelaksana, a
//!    *Struktural* row never a pelaksana;
//! 4. the title itself ([`TITLES`]), by the government's level: the
//!    Sekretaris Daerah is JPT madya in the province and JPT pratama in a
//!    kabupaten/kota, a lurah a pengawas;
//! 5. for a JF whose title gives no jenjang (a kepala sekolah, "Guru"),
//!    the golongan's usual jenjang.
//!
//! What none of these settles is a guess ([`Reading::sure`] false): the
//! row imports, the report names the guess, and the position is marked
//! "perlu diperiksa" until someone corrects or confirms it.
//!
//! Kepala sekolah and kepala puskesmas are not structural posts: a guru or
//! a health JF holds them as a tugas tambahan ([`AdditionalTask`]). The
//! title reads as a JF (jenjang from the title, else the golongan), and the
//! task is kept on the person.

use crate::core::io::values::{compact, normalize};
use crate::core::model::{AdditionalTask, Golongan, Government, PositionType, Regency};
use serde::{Deserialize, Serialize};

/// An eselon, the pre-2014 grade of a structural post that exports still
/// carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Eselon {
    Ia,
    Ib,
    IIa,
    IIb,
    IIIa,
    IIIb,
    IVa,
    IVb,
    Va,
}

impl Eselon {
    /// Every eselon, highest first.
    pub const ALL: [Eselon; 9] = [
        Eselon::Ia,
        Eselon::Ib,
        Eselon::IIa,
        Eselon::IIb,
        Eselon::IIIa,
        Eselon::IIIb,
        Eselon::IVa,
        Eselon::IVb,
        Eselon::Va,
    ];

    /// As decrees write it: "III.a".
    pub fn code(self) -> &'static str {
        use Eselon::*;
        match self {
            Ia => "I.a",
            Ib => "I.b",
            IIa => "II.a",
            IIb => "II.b",
            IIIa => "III.a",
            IIIb => "III.b",
            IVa => "IV.a",
            IVb => "IV.b",
            Va => "V.a",
        }
    }

    /// The position type of the eselon (UU 5/2014 Pasal 131): I → JPT
    /// madya (in a regional government; I.a heads an LPNK only in the
    /// centre), II → JPT pratama, III → administrator, IV → pengawas,
    /// V → pelaksana.
    pub fn kind(self) -> PositionType {
        use Eselon::*;
        match self {
            Ia | Ib => PositionType::JptMadya,
            IIa | IIb => PositionType::JptPratama,
            IIIa | IIIb => PositionType::Administrator,
            IVa | IVb => PositionType::Pengawas,
            Va => PositionType::Pelaksana,
        }
    }

    /// Reads an eselon as files write it: "III.a", "III/a", "IIIA", "3a",
    /// "Eselon IV.b", "IV-B", "II" (the first grade of the roman number).
    /// `None` for an empty or non-structural cell ("-", "Non Eselon").
    pub fn parse(text: &str) -> Option<Eselon> {
        let mut key: String = text
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_uppercase();
        if let Some(rest) = key.strip_prefix("ESELON") {
            key = rest.to_string();
        }
        if key.is_empty() || key.starts_with("NON") {
            return None;
        }
        let (grade, sub) = match key.char_indices().find(|(_, c)| !"IV12345".contains(*c)) {
            Some((i, _)) => (&key[..i], &key[i..]),
            None => (key.as_str(), ""),
        };
        let grade = match grade {
            "I" | "1" => 1,
            "II" | "2" => 2,
            "III" | "3" => 3,
            "IV" | "4" => 4,
            "V" | "5" => 5,
            _ => return None,
        };
        let b = match sub {
            "" | "A" => false,
            "B" => true,
            _ => return None,
        };
        use Eselon::*;
        Some(match (grade, b) {
            (1, false) => Ia,
            (1, true) => Ib,
            (2, false) => IIa,
            (2, true) => IIb,
            (3, false) => IIIa,
            (3, true) => IIIb,
            (4, false) => IVa,
            (4, true) => IVb,
            (5, false) => Va,
            _ => return None,
        })
    }
}

/// SIASN's JENIS JABATAN NAMA: which kind of post, without its level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Jenis {
    /// Jabatan Struktural: JPT, administrator or pengawas.
    Struktural,
    /// Jabatan Fungsional Tertentu: a JF.
    FungsionalTertentu,
    /// Jabatan Fungsional Umum (since 2014: jabatan pelaksana).
    FungsionalUmum,
}

/// What a position-type cell says: a type, or only the kind of post.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeCell {
    Exact(PositionType),
    Jenis(Jenis),
}

/// Reads a position-type cell: "Administrator", "JF Ahli Muda",
/// "Pelaksana", "JFU" exactly; "Jabatan Struktural", "Jabatan Fungsional
/// Tertentu", "Fungsional", "Jabatan Pelaksana" as a [`Jenis`]. `None`
/// when it is neither.
pub fn type_cell(text: &str) -> Option<TypeCell> {
    let mut key = compact(text);
    if let Some(rest) = key.strip_prefix("JABATAN") {
        if !rest.is_empty() {
            key = rest.to_string();
        }
    }
    match key.as_str() {
        "STRUKTURAL" | "S" | "STR" => return Some(TypeCell::Jenis(Jenis::Struktural)),
        "FUNGSIONALTERTENTU" | "JFT" | "FT" | "FUNGSIONAL" | "JF" | "F" => {
            return Some(TypeCell::Jenis(Jenis::FungsionalTertentu))
        }
        "FUNGSIONALUMUM" | "JFU" | "FU" | "U" | "UMUM" | "PELAKSANA" | "ADMINISTRASIPELAKSANA" => {
            return Some(TypeCell::Jenis(Jenis::FungsionalUmum))
        }
        _ => {}
    }
    for prefix in ["FUNGSIONAL", "JF"] {
        if let Some(rest) = key.strip_prefix(prefix) {
            if !rest.is_empty() {
                key = rest.to_string();
                break;
            }
        }
    }
    PositionType::ALL
        .into_iter()
        .find(|t| {
            let label = compact(t.label());
            label == key || label.strip_prefix("JF") == Some(key.as_str())
        })
        .map(TypeCell::Exact)
}

/// The level of government whose titles are read: the Sekretaris Daerah
/// and the lurah differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tier {
    Province,
    Kabupaten,
    Kota,
}

impl Tier {
    /// The tier of a workspace's government.
    pub fn of(government: Government) -> Tier {
        match government {
            Government::Province => Tier::Province,
            Government::Regency(Regency::KotaJambi | Regency::KotaSungaiPenuh) => Tier::Kota,
            Government::Regency(_) => Tier::Kabupaten,
        }
    }
}

/// What a row says about one position.
#[derive(Clone, Copy, Debug, Default)]
pub struct Evidence<'a> {
    /// The title (JABATAN NAMA).
    pub name: &'a str,
    pub eselon: Option<Eselon>,
    pub cell: Option<TypeCell>,
    /// The holder's golongan (a roster row): a JF's usual jenjang.
    pub golongan: Option<Golongan>,
}

/// Where a reading's type comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Basis {
    Eselon,
    /// A type column naming the type.
    Column,
    /// The title, by the table.
    Title,
    /// A JF's jenjang from the holder's golongan.
    Golongan,
    /// Nothing told it: the most common type for what is known.
    Default,
}

/// The type a row gives a position, and how sure it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reading {
    pub kind: PositionType,
    pub basis: Basis,
    /// False when the type is a guess: the import says so and the position
    /// is marked for review.
    pub sure: bool,
    /// A kepala sekolah or kepala puskesmas: a tugas tambahan of the
    /// holder, not a structural post.
    pub task: Option<AdditionalTask>,
}

/// What the title table says of a title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Says {
    Kind(PositionType),
    /// A kind that depends on the tier (province, kabupaten, kota).
    ByTier([PositionType; 3]),
    /// A structural title whose level the government's own SOTK decides
    /// (a kepala UPTD by its class): the usual one, to be checked.
    Doubtful(PositionType),
    /// A JF title without jenjang ("Guru", "Dokter Gigi"), or a
    /// tugas tambahan held by a JF.
    Functional(Option<AdditionalTask>),
}

/// The title table: a title starting with the words on the left is the
/// kind on the right. Longer entries are tried first (see [`lookup`]), so
/// "SEKRETARIS DAERAH" wins over "SEKRETARIS". Words are as [`normalize`]
/// writes them (upper case, punctuation as spaces).
pub const TITLES: &[(&str, TitleKind)] = &[
    // JPT: the Sekretaris Daerah by tier, then the heads of agencies.
    ("SEKRETARIS DAERAH", TitleKind::Sekda),
    ("SEKDA", TitleKind::Sekda),
    ("PENJABAT SEKRETARIS DAERAH", TitleKind::Sekda),
    ("ASISTEN", TitleKind::JptPratama),
    ("STAF AHLI", TitleKind::JptPratama),
    ("STAFF AHLI", TitleKind::JptPratama),
    ("KEPALA DINAS", TitleKind::JptPratama),
    ("KADIS", TitleKind::JptPratama),
    ("KEPALA BADAN", TitleKind::JptPratama),
    ("KABAN", TitleKind::JptPratama),
    ("INSPEKTUR", TitleKind::JptPratama),
    ("INSPEKTUR DAERAH", TitleKind::JptPratama),
    ("INSPEKTUR PROVINSI", TitleKind::JptPratama),
    ("INSPEKTUR KABUPATEN", TitleKind::JptPratama),
    ("INSPEKTUR KOTA", TitleKind::JptPratama),
    ("SEKRETARIS DPRD", TitleKind::JptPratama),
    ("SEKRETARIS DEWAN", TitleKind::JptPratama),
    ("SEKWAN", TitleKind::JptPratama),
    ("KEPALA BIRO", TitleKind::JptPratama),
    ("KARO", TitleKind::JptPratama),
    ("KEPALA SATUAN POLISI PAMONG PRAJA", TitleKind::JptPratama),
    ("KEPALA SATPOL PP", TitleKind::JptPratama),
    ("KASATPOL PP", TitleKind::JptPratama),
    ("KEPALA PELAKSANA BPBD", TitleKind::JptPratama),
    (
        "KEPALA PELAKSANA BADAN PENANGGULANGAN BENCANA",
        TitleKind::JptPratama,
    ),
    ("KALAK BPBD", TitleKind::JptPratama),
    ("DIREKTUR", TitleKind::JptPratama),
    ("DIREKTUR RSUD", TitleKind::JptPratama),
    ("DIREKTUR RUMAH SAKIT", TitleKind::JptPratama),
    // Administrator.
    (
        "SEKRETARIS",
        TitleKind::Doubtful(PositionType::Administrator),
    ),
    ("SEKRETARIS DINAS", TitleKind::Administrator),
    ("SEKRETARIS BADAN", TitleKind::Administrator),
    ("SEKRETARIS INSPEKTORAT", TitleKind::Administrator),
    (
        "SEKRETARIS SATUAN POLISI PAMONG PRAJA",
        TitleKind::Administrator,
    ),
    ("SEKRETARIS SATPOL PP", TitleKind::Administrator),
    ("SEKRETARIS BPBD", TitleKind::Administrator),
    ("SEKRETARIS PELAKSANA BPBD", TitleKind::Administrator),
    ("SEKRETARIS CAMAT", TitleKind::Administrator),
    ("SEKRETARIS KECAMATAN", TitleKind::Administrator),
    ("SEKCAM", TitleKind::Administrator),
    ("KEPALA BIDANG", TitleKind::Administrator),
    ("KABID", TitleKind::Administrator),
    ("KEPALA BAGIAN", TitleKind::Administrator),
    ("KABAG", TitleKind::Administrator),
    ("INSPEKTUR PEMBANTU", TitleKind::Administrator),
    ("IRBAN", TitleKind::Administrator),
    ("WAKIL DIREKTUR", TitleKind::Administrator),
    ("WADIR", TitleKind::Administrator),
    ("KEPALA CABANG DINAS", TitleKind::Administrator),
    ("KACABDIS", TitleKind::Administrator),
    ("KEPALA KANTOR", TitleKind::Administrator),
    ("KEPALA BALAI", TitleKind::Administrator),
    ("CAMAT", TitleKind::Administrator),
    // Pengawas.
    ("KEPALA SEKSI", TitleKind::Pengawas),
    ("KASI", TitleKind::Pengawas),
    ("KASIE", TitleKind::Pengawas),
    ("KEPALA SUB BAGIAN", TitleKind::Pengawas),
    ("KEPALA SUBBAGIAN", TitleKind::Pengawas),
    ("KASUBBAG", TitleKind::Pengawas),
    ("KASUBAG", TitleKind::Pengawas),
    ("KEPALA SUB BIDANG", TitleKind::Pengawas),
    ("KEPALA SUBBIDANG", TitleKind::Pengawas),
    ("KASUBBID", TitleKind::Pengawas),
    ("KASUBID", TitleKind::Pengawas),
    ("LURAH", TitleKind::Lurah),
    ("SEKRETARIS LURAH", TitleKind::Pengawas),
    ("SEKRETARIS KELURAHAN", TitleKind::Pengawas),
    ("SEKLUR", TitleKind::Pengawas),
    ("KEPALA UPTD", TitleKind::Doubtful(PositionType::Pengawas)),
    ("KEPALA UPT", TitleKind::Doubtful(PositionType::Pengawas)),
    (
        "KEPALA UNIT PELAKSANA TEKNIS",
        TitleKind::Doubtful(PositionType::Pengawas),
    ),
    (
        "KEPALA UNIT PELAKSANA TEKNIS DAERAH",
        TitleKind::Doubtful(PositionType::Pengawas),
    ),
    (
        "KEPALA TATA USAHA",
        TitleKind::Doubtful(PositionType::Pengawas),
    ),
    ("KAUR", TitleKind::Doubtful(PositionType::Pengawas)),
    // Former eselon V.
    ("KEPALA SUB SEKSI", TitleKind::Pelaksana),
    ("KEPALA SUBSEKSI", TitleKind::Pelaksana),
    // Tugas tambahan of a JF.
    (
        "KEPALA SEKOLAH",
        TitleKind::Task(AdditionalTask::KepalaSekolah),
    ),
    ("KEPSEK", TitleKind::Task(AdditionalTask::KepalaSekolah)),
    ("KEPALA SMA", TitleKind::Task(AdditionalTask::KepalaSekolah)),
    (
        "KEPALA SMAN",
        TitleKind::Task(AdditionalTask::KepalaSekolah),
    ),
    ("KEPALA SMK", TitleKind::Task(AdditionalTask::KepalaSekolah)),
    (
        "KEPALA SMKN",
        TitleKind::Task(AdditionalTask::KepalaSekolah),
    ),
    ("KEPALA SLB", TitleKind::Task(AdditionalTask::KepalaSekolah)),
    (
        "KEPALA SLBN",
        TitleKind::Task(AdditionalTask::KepalaSekolah),
    ),
    ("KEPALA SMP", TitleKind::Task(AdditionalTask::KepalaSekolah)),
    (
        "KEPALA SMPN",
        TitleKind::Task(AdditionalTask::KepalaSekolah),
    ),
    ("KEPALA SD", TitleKind::Task(AdditionalTask::KepalaSekolah)),
    ("KEPALA SDN", TitleKind::Task(AdditionalTask::KepalaSekolah)),
    (
        "KEPALA PUSKESMAS",
        TitleKind::Task(AdditionalTask::KepalaPuskesmas),
    ),
    ("KAPUS", TitleKind::Task(AdditionalTask::KepalaPuskesmas)),
    // A puskesmas run as a UPTD is still one (Permenkes 43/2019).
    (
        "KEPALA UPTD PUSKESMAS",
        TitleKind::Task(AdditionalTask::KepalaPuskesmas),
    ),
    (
        "KEPALA UPT PUSKESMAS",
        TitleKind::Task(AdditionalTask::KepalaPuskesmas),
    ),
    (
        "KEPALA PUSAT KESEHATAN MASYARAKAT",
        TitleKind::Task(AdditionalTask::KepalaPuskesmas),
    ),
    // JF families whose title may come without a jenjang.
    ("GURU", TitleKind::Functional),
    ("DOKTER", TitleKind::Functional),
    ("PERAWAT", TitleKind::Functional),
    ("BIDAN", TitleKind::Functional),
    ("APOTEKER", TitleKind::Functional),
    ("ASISTEN APOTEKER", TitleKind::Functional),
    ("PENYULUH", TitleKind::Functional),
    ("PENGAWAS SEKOLAH", TitleKind::Functional),
    ("PENILIK", TitleKind::Functional),
    ("PAMONG BELAJAR", TitleKind::Functional),
    ("WIDYAISWARA", TitleKind::Functional),
    ("AUDITOR", TitleKind::Functional),
    ("PERENCANA", TitleKind::Functional),
    ("PRANATA KOMPUTER", TitleKind::Functional),
    ("PUSTAKAWAN", TitleKind::Functional),
    ("ARSIPARIS", TitleKind::Functional),
    ("ANALIS KEBIJAKAN", TitleKind::Functional),
    ("NUTRISIONIS", TitleKind::Functional),
    ("SANITARIAN", TitleKind::Functional),
    ("PRANATA LABORATORIUM KESEHATAN", TitleKind::Functional),
    ("TENAGA SANITASI LINGKUNGAN", TitleKind::Functional),
    ("PENGELOLA PENGADAAN BARANG JASA", TitleKind::Functional),
    ("POLISI PAMONG PRAJA", TitleKind::Functional),
];

/// A row of [`TITLES`]: what a title starting with its words is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TitleKind {
    /// JPT madya in the province, JPT pratama in a kabupaten/kota.
    Sekda,
    JptPratama,
    Administrator,
    Pengawas,
    /// Pengawas (IV.a); III.b in some kota: to be checked there.
    Lurah,
    Pelaksana,
    /// The usual level of a title the government's SOTK decides.
    Doubtful(PositionType),
    /// A JF holding a tugas tambahan.
    Task(AdditionalTask),
    /// A JF family without jenjang.
    Functional,
}

impl TitleKind {
    fn says(self) -> Says {
        use PositionType::*;
        match self {
            TitleKind::Sekda => Says::ByTier([JptMadya, JptPratama, JptPratama]),
            TitleKind::JptPratama => Says::Kind(JptPratama),
            TitleKind::Administrator => Says::Kind(Administrator),
            TitleKind::Pengawas => Says::Kind(Pengawas),
            TitleKind::Lurah => Says::ByTier([Pengawas, Pengawas, Pengawas]),
            TitleKind::Pelaksana => Says::Kind(Pelaksana),
            TitleKind::Doubtful(kind) => Says::Doubtful(kind),
            TitleKind::Task(task) => Says::Functional(Some(task)),
            TitleKind::Functional => Says::Functional(None),
        }
    }
}

/// Words of a JF name's end that give its jenjang: the current names
/// ("… Ahli Muda", "… Terampil") and the old ones ("Guru Madya", "Dokter
/// Gigi Muda", "Perawat Pelaksana Lanjutan").
const JENJANG_ENDINGS: &[(&str, PositionType)] = &[
    ("AHLI UTAMA", PositionType::AhliUtama),
    ("AHLI MADYA", PositionType::AhliMadya),
    ("AHLI MUDA", PositionType::AhliMuda),
    ("AHLI PERTAMA", PositionType::AhliPertama),
    ("PENYELIA", PositionType::Penyelia),
    ("MAHIR", PositionType::Mahir),
    ("TERAMPIL", PositionType::Terampil),
    ("PEMULA", PositionType::Pemula),
    ("PELAKSANA LANJUTAN", PositionType::Mahir),
    ("PELAKSANA PEMULA", PositionType::Pemula),
];

/// Old-style jenjang words that end a JF title ("Guru Madya"), read only
/// after a JF family or when the row is a JF.
const OLD_JENJANG: &[(&str, PositionType)] = &[
    ("UTAMA", PositionType::AhliUtama),
    ("MADYA", PositionType::AhliMadya),
    ("MUDA", PositionType::AhliMuda),
    ("PERTAMA", PositionType::AhliPertama),
];

/// The JF jenjang a title's words give, wherever they stand ("Guru Kelas
/// Ahli Muda SDN 12"), or an old-style ending.
fn jenjang_in(words: &str, functional: bool) -> Option<PositionType> {
    let padded = format!(" {words} ");
    for (ending, kind) in JENJANG_ENDINGS {
        if padded.contains(&format!(" {ending} ")) {
            return Some(*kind);
        }
    }
    if functional {
        for (ending, kind) in OLD_JENJANG {
            if padded.contains(&format!(" {ending} ")) {
                return Some(*kind);
            }
        }
    }
    None
}

/// The longest table entry that starts the title.
fn lookup(words: &str) -> Option<TitleKind> {
    let padded = format!("{words} ");
    TITLES
        .iter()
        .filter(|(title, _)| padded.starts_with(&format!("{title} ")))
        .max_by_key(|(title, _)| title.len())
        .map(|(_, kind)| *kind)
}

/// The usual jenjang of a JF holder by golongan: keterampilan below
/// III/a (II/a pemula, II/b–II/d terampil), keahlian from III/a (III/a–b
/// pertama, III/c–d muda, IV/a–c madya, IV/d–e utama).
pub fn jenjang_of_golongan(g: Golongan) -> PositionType {
    use Golongan::*;
    match g {
        Ia | Ib | Ic | Id | IIa => PositionType::Pemula,
        IIb | IIc | IId => PositionType::Terampil,
        IIIa | IIIb => PositionType::AhliPertama,
        IIIc | IIId => PositionType::AhliMuda,
        IVa | IVb | IVc => PositionType::AhliMadya,
        IVd | IVe => PositionType::AhliUtama,
    }
}

/// The eselon a title settles whatever the government (DOMAIN.md, "Titles
/// and levels"): a camat is III.a, a sekretaris camat III.b. Others vary
/// by the government's SOTK and come from an ESELON column or Jabatan.
pub fn eselon_of(name: &str) -> Option<Eselon> {
    let words = format!("{} ", normalize(name));
    if ["SEKRETARIS CAMAT ", "SEKRETARIS KECAMATAN ", "SEKCAM "]
        .iter()
        .any(|t| words.starts_with(t))
    {
        Some(Eselon::IIIb)
    } else if words.starts_with("CAMAT ") {
        Some(Eselon::IIIa)
    } else {
        None
    }
}

/// The tugas tambahan a title names ("Kepala Puskesmas Pasar Bangko",
/// "Kepala SMAN 3 Kota Jambi"), if any.
pub fn task_of(name: &str) -> Option<AdditionalTask> {
    match lookup(&normalize(name)) {
        Some(TitleKind::Task(task)) => Some(task),
        _ => None,
    }
}

/// Whether a type fits what a JENIS JABATAN cell says.
pub fn fits(kind: PositionType, jenis: Jenis) -> bool {
    use crate::core::model::PositionFamily::*;
    match (jenis, kind.family()) {
        (Jenis::Struktural, Jpt | Administrasi) => kind != PositionType::Pelaksana,
        (Jenis::FungsionalTertentu, FungsionalKeahlian | FungsionalKeterampilan) => true,
        (Jenis::FungsionalUmum, _) => kind == PositionType::Pelaksana,
        _ => false,
    }
}

/// The type a row gives a position (see the module's order of evidence).
pub fn read(evidence: &Evidence<'_>, tier: Tier) -> Reading {
    let words = normalize(evidence.name);
    let title = lookup(&words);
    let says = title.map(TitleKind::says);
    let task = match says {
        Some(Says::Functional(task)) => task,
        _ => None,
    };
    let reading = |kind, basis, sure| Reading {
        kind,
        basis,
        sure,
        task,
    };
    if let Some(eselon) = evidence.eselon {
        return reading(eselon.kind(), Basis::Eselon, true);
    }
    let jenis = match evidence.cell {
        Some(TypeCell::Exact(kind)) => return reading(kind, Basis::Column, true),
        Some(TypeCell::Jenis(jenis)) => Some(jenis),
        None => None,
    };
    let tier_ix = match tier {
        Tier::Province => 0,
        Tier::Kabupaten => 1,
        Tier::Kota => 2,
    };
    // A structural reading of the title: its kind and whether it is sure.
    let structural = match says {
        Some(Says::Kind(kind)) => Some((kind, true)),
        Some(Says::ByTier(kinds)) => {
            let lurah_in_kota = title == Some(TitleKind::Lurah) && tier == Tier::Kota;
            Some((kinds[tier_ix], !lurah_in_kota))
        }
        Some(Says::Doubtful(kind)) => Some((kind, false)),
        _ => None,
    };
    let functional_title = matches!(says, Some(Says::Functional(_)));
    // A JF: the jenjang from the title, else the golongan, else the
    // lowest keahlian jenjang.
    let as_jf = || {
        if let Some(kind) = jenjang_in(&words, true) {
            return reading(kind, Basis::Title, true);
        }
        match evidence.golongan {
            Some(g) => reading(jenjang_of_golongan(g), Basis::Golongan, false),
            None => reading(PositionType::AhliPertama, Basis::Default, false),
        }
    };
    match jenis {
        Some(Jenis::FungsionalUmum) => reading(PositionType::Pelaksana, Basis::Column, true),
        Some(Jenis::FungsionalTertentu) => as_jf(),
        Some(Jenis::Struktural) => match structural {
            Some((kind, sure)) if kind != PositionType::Pelaksana => {
                reading(kind, Basis::Title, sure)
            }
            // A structural row whose title the table does not know (or
            // calls pelaksana): the lowest structural level, to check.
            _ => reading(PositionType::Pengawas, Basis::Default, false),
        },
        None => {
            if let Some((kind, sure)) = structural {
                return reading(kind, Basis::Title, sure);
            }
            // A JF jenjang in the title, new style, says it all.
            if let Some(kind) = jenjang_in(&words, functional_title) {
                return reading(kind, Basis::Title, true);
            }
            if functional_title {
                return as_jf();
            }
            // A title that starts like a head's post but is not in the
            // table: pelaksana, to check.
            let sounds_structural = ["KEPALA ", "WAKIL ", "SEKRETARIS ", "KA "]
                .iter()
                .any(|w| format!("{words} ").starts_with(w));
            reading(PositionType::Pelaksana, Basis::Default, !sounds_structural)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eselon_spellings() {
        for (text, e) in [
            ("III.a", Eselon::IIIa),
            ("III/a", Eselon::IIIa),
            ("IIIA", Eselon::IIIa),
            ("3a", Eselon::IIIa),
            ("Eselon IV.b", Eselon::IVb),
            ("IV-B", Eselon::IVb),
            ("II", Eselon::IIa),
            ("V.a", Eselon::Va),
            ("I.b", Eselon::Ib),
        ] {
            assert_eq!(Eselon::parse(text), Some(e), "{text}");
        }
        for text in ["", "-", "Non Eselon", "VI", "III.c"] {
            assert_eq!(Eselon::parse(text), None, "{text}");
        }
    }

    #[test]
    fn longest_entry_wins() {
        assert_eq!(lookup("SEKRETARIS DAERAH"), Some(TitleKind::Sekda));
        assert_eq!(
            lookup("INSPEKTUR PEMBANTU WILAYAH I"),
            Some(TitleKind::Administrator)
        );
        assert_eq!(
            lookup("ASISTEN APOTEKER"),
            Some(TitleKind::Functional),
            "not an asisten sekda"
        );
        assert_eq!(lookup("KASI PEMERINTAHAN"), Some(TitleKind::Pengawas));
        assert_eq!(lookup("KASIR"), None, "whole words only");
    }
}
