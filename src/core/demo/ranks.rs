//! What each position type asks for: golongan range, minimum education
//! and the jenjang word of a JF name.

use super::*;

/// Golongan range (lowest, highest) typical of a position type.
pub(super) fn golongan_range(kind: PositionType) -> (Golongan, Golongan) {
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

pub(super) fn min_education(kind: PositionType) -> EducationLevel {
    use PositionType::*;
    match kind {
        JptUtama | JptMadya | JptPratama | Administrator | Pengawas | AhliUtama | AhliMadya
        | AhliMuda | AhliPertama => EducationLevel::S1,
        Penyelia | Mahir | Terampil => EducationLevel::D3,
        Pemula | Pelaksana => EducationLevel::Sma,
    }
}

pub(super) fn jf_level_name(kind: PositionType) -> &'static str {
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
