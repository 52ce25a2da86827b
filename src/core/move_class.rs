//! What kind of career step a (person, position) pair would be, by the
//! levels of ../shared/DOMAIN.md ("What a transfer is, and what it is not").
//!
//! A mutasi is lateral: the same position type, or the same jabatan
//! fungsional (JF) at the same jenjang. Everything else is something a
//! transfer round must not do quietly: a promotion (its own procedure:
//! talent pool, and for JPT an open selection), a demotion (a disciplinary
//! sanction, PP 94/2021, never a planning outcome), an alih jabatan
//! (structural ↔ functional or one JF to another, at an equivalent level, with
//! a competency test) or a JPT post (seleksi terbuka).
//!
//! Levels across families follow the usual penyetaraan (PermenPANRB 17/2021):
//! administrator ≈ JF ahli madya, pengawas ≈ JF ahli muda, (former eselon V)
//! ≈ ahli pertama. [`level`] puts every position type on one scale with those
//! equivalences; within a family the rungs are the jenjang.

use crate::core::model::{Position, PositionFamily, PositionType};
use serde::{Deserialize, Serialize};

/// The class of a move from one position to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoveClass {
    /// Same level: the same position type, or the same JF at the same jenjang.
    Lateral,
    /// JPT to a JPT post of the same level (rotation after 2 years in post).
    JptRotation,
    /// Structural ↔ functional, or one JF to another, at an equivalent level.
    AlihJabatan,
    /// To a higher level.
    Promotion,
    /// To a lower level: a sanction, never a plan.
    Demotion,
    /// Into a JPT post from outside its level: only through open selection.
    Jpt,
    /// The person holds no position now, or one the workspace does not
    /// know (a first placement): only by a manual decision, never into a
    /// JPT post.
    Placement,
}

impl MoveClass {
    /// Every class, in report order.
    pub const ALL: [MoveClass; 7] = [
        MoveClass::Lateral,
        MoveClass::JptRotation,
        MoveClass::AlihJabatan,
        MoveClass::Promotion,
        MoveClass::Demotion,
        MoveClass::Jpt,
        MoveClass::Placement,
    ];

    /// The class's name in plan files (its serde name), for markup and
    /// exports that must not depend on the UI language.
    pub fn code(self) -> &'static str {
        match self {
            MoveClass::Lateral => "lateral",
            MoveClass::JptRotation => "jpt_rotation",
            MoveClass::AlihJabatan => "alih_jabatan",
            MoveClass::Promotion => "promotion",
            MoveClass::Demotion => "demotion",
            MoveClass::Jpt => "jpt",
            MoveClass::Placement => "placement",
        }
    }

    /// The word in the KETERANGAN column of a decree attachment (always
    /// Indonesian, like the attachment itself).
    pub fn decree_label(self) -> &'static str {
        match self {
            MoveClass::Lateral => "Mutasi",
            MoveClass::JptRotation => "Rotasi JPT",
            MoveClass::AlihJabatan => "Alih jabatan",
            MoveClass::Promotion => "Promosi",
            MoveClass::Demotion => "Penurunan jabatan",
            MoveClass::Jpt => "Pengisian JPT",
            MoveClass::Placement => "Penempatan",
        }
    }
}

/// A position type's level on one scale across families (higher = more
/// senior); equal levels in different families are equivalent by the
/// penyetaraan. Keterampilan jenjang sit between pelaksana and ahli pertama;
/// pelaksana is taken as the level of JF terampil (the usual inpassing).
pub fn level(kind: PositionType) -> u8 {
    use PositionType::*;
    match kind {
        Pemula => 1,
        Terampil | Pelaksana => 2,
        Mahir => 3,
        Penyelia | AhliPertama => 4,
        AhliMuda | Pengawas => 5,
        AhliMadya | Administrator => 6,
        JptPratama => 7,
        AhliUtama | JptMadya => 8,
        JptUtama => 9,
    }
}

/// The jenjang within a family (0 = lowest): pelaksana, pengawas,
/// administrator; ahli pertama … utama; pemula … penyelia; JPT pratama …
/// utama.
pub fn rung(kind: PositionType) -> u8 {
    use PositionType::*;
    match kind {
        Pelaksana | AhliPertama | Pemula | JptPratama => 0,
        Pengawas | AhliMuda | Terampil | JptMadya => 1,
        Administrator | AhliMadya | Mahir | JptUtama => 2,
        AhliUtama | Penyelia => 3,
    }
}

/// Whether a position type is a JF jenjang (keahlian or keterampilan).
pub fn is_functional(kind: PositionType) -> bool {
    matches!(
        kind.family(),
        PositionFamily::FungsionalKeahlian | PositionFamily::FungsionalKeterampilan
    )
}

/// The jenjang words that end a JF position's name.
const JENJANG_SUFFIXES: [&str; 8] = [
    "ahli pertama",
    "ahli muda",
    "ahli madya",
    "ahli utama",
    "pemula",
    "terampil",
    "mahir",
    "penyelia",
];

/// Jenjang words of JF names before the "ahli" names (PermenPANRB
/// 2019-2021): "Guru Madya", "Dokter Gigi Muda", "Perawat Pelaksana
/// Lanjutan".
const OLD_JENJANG_SUFFIXES: [&str; 7] = [
    "pelaksana lanjutan",
    "pelaksana pemula",
    "pelaksana",
    "utama",
    "madya",
    "muda",
    "pertama",
];

/// The JF of a functional position, lower case: its `jf` field, or else its
/// name without the jenjang ("Analis Kebijakan Ahli Muda" → "analis
/// kebijakan"), as SIASN's JABATAN NAMA writes it. `None` for structural
/// and JPT positions.
pub fn jf_of(p: &Position) -> Option<String> {
    if !is_functional(p.kind) {
        return None;
    }
    let mut key = jf_key(p.jf.as_deref().unwrap_or(&p.name));
    if p.jf.is_none() {
        // The current jenjang names first, then the old ones ("Guru
        // Madya", "Perawat Pelaksana Lanjutan").
        for suffix in JENJANG_SUFFIXES.iter().chain(OLD_JENJANG_SUFFIXES.iter()) {
            if let Some(stem) = key.strip_suffix(suffix) {
                if stem.is_empty() || stem.ends_with(' ') {
                    key = stem.trim_end().to_string();
                    break;
                }
            }
        }
    }
    Some(key)
}

/// Whether a JF (as [`jf_of`] gives it) belongs to a family named by its
/// first words: "guru" covers "guru kelas ahli muda", not "gurun"; "dokter"
/// covers "dokter gigi" too, so a caller with both takes the longest.
pub fn in_family(jf: &str, family: &str) -> bool {
    let family = jf_key(family);
    !family.is_empty()
        && (jf == family
            || jf
                .strip_prefix(family.as_str())
                .is_some_and(|rest| rest.starts_with(' ')))
}

/// A JF name as [`jf_of`] and the BUP table key it: lower case, single
/// spaces ("  Penyuluh   Pertanian " → "penyuluh pertanian").
pub fn jf_key(name: &str) -> String {
    let mut key = name.split_whitespace().collect::<Vec<_>>().join(" ");
    key.make_ascii_lowercase();
    key
}

/// The class of moving someone who holds `from` (none: holds no position)
/// into `to`.
pub fn classify(from: Option<&Position>, to: &Position) -> MoveClass {
    match from {
        // A JPT post is filled by open selection, whoever comes.
        None if to.kind.family() == PositionFamily::Jpt => MoveClass::Jpt,
        None => MoveClass::Placement,
        Some(from) => by_eselon(
            classify_kinds(from.kind, to.kind, same_jf(from, to)),
            from.eselon,
            to.eselon,
        ),
    }
}

/// A move between two posts of one type read by their eselons when both
/// have one: to a higher eselon (sekretaris camat III.b → camat III.a) is
/// a promotion (into a JPT post, an open selection), to a lower one a
/// demotion; otherwise the class by type stands.
pub fn by_eselon(
    class: MoveClass,
    from: Option<crate::core::titles::Eselon>,
    to: Option<crate::core::titles::Eselon>,
) -> MoveClass {
    let (Some(from), Some(to)) = (from, to) else {
        return class;
    };
    // A lower Eselon value is the higher grade (I.a above I.b).
    match (class, to.cmp(&from)) {
        (MoveClass::Lateral, std::cmp::Ordering::Less) => MoveClass::Promotion,
        (MoveClass::Lateral, std::cmp::Ordering::Greater) => MoveClass::Demotion,
        (MoveClass::JptRotation, std::cmp::Ordering::Less) => MoveClass::Jpt,
        (MoveClass::JptRotation, std::cmp::Ordering::Greater) => MoveClass::Demotion,
        (class, _) => class,
    }
}

/// Whether two positions are of the same JF (structural ones always are).
pub fn same_jf(a: &Position, b: &Position) -> bool {
    jf_of(a) == jf_of(b)
}

/// [`classify`] from the two position types and whether both are of the
/// same JF (the engine's allocation-free path).
pub fn classify_kinds(a: PositionType, b: PositionType, same_jf: bool) -> MoveClass {
    if b.family() == PositionFamily::Jpt {
        return if a == b {
            MoveClass::JptRotation
        } else if a.family() == PositionFamily::Jpt && level(b) < level(a) {
            MoveClass::Demotion
        } else {
            MoveClass::Jpt
        };
    }
    match level(b).cmp(&level(a)) {
        std::cmp::Ordering::Greater => MoveClass::Promotion,
        std::cmp::Ordering::Less => MoveClass::Demotion,
        std::cmp::Ordering::Equal => {
            if a == b && (!is_functional(a) || same_jf) {
                MoveClass::Lateral
            } else {
                MoveClass::AlihJabatan
            }
        }
    }
}

/// Whether a promotion goes up exactly one jenjang within the same family
/// (and, for a JF, within the same JF): the only promotion a round may
/// propose, and only for the talent pool.
pub fn one_step_up(from: &Position, to: &Position) -> bool {
    one_step_up_kinds(from.kind, to.kind, same_jf(from, to))
}

/// [`one_step_up`] from the two position types and whether they share a JF.
pub fn one_step_up_kinds(a: PositionType, b: PositionType, same_jf: bool) -> bool {
    a.family() == b.family() && rung(b) == rung(a) + 1 && (!is_functional(a) || same_jf)
}
