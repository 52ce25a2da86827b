//! Reading one spreadsheet cell as a date, NIP, golongan, education level,
//! kabupaten, rating ... in the forms Indonesian personnel files use.
//!
//! Dates: Excel date cells and serial numbers (the 1900 system, with Excel's
//! fictitious 29 February 1900; numbers before 1930 are refused, so a year
//! typed alone is not read as a day of 1905), `dd/mm/yyyy`, `d-m-yy`, `d.m.yyyy`,
//! `yyyy-mm-dd`, `yyyymmdd` and `1 Januari 1980` / `01-Jan-80`. Day first
//! always (Indonesian order); a month above 12 is refused rather than
//! guessed. Two-digit years follow Excel's rule: 00–29 are 2000–2029, 30–99
//! are 1930–1999.

use super::sheet::Cell;
use crate::core::date::Date;
use crate::core::model::{
    EducationLevel, EmploymentStatus, Gender, Golongan, LegalStatus, Nip, PositionType,
    PppkGolongan, Predikat, Rating, Regency,
};

/// Why a cell could not be read as the value a column holds.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ValueError {
    /// The expected kind of value (a key of the message table).
    Expected(Expected),
    /// A NIP stored as a number: its last digits are gone.
    NipAsNumber,
    /// A NIP that is text but not valid (the reason; `None`: not text).
    Nip(Option<crate::core::model::NipError>),
    /// A date like 12/25/1980: month first is not Indonesian order.
    MonthFirst,
}

/// What kind of value a column expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Expected {
    Date,
    Golongan,
    PppkGolongan,
    Education,
    Regency,
    Gender,
    Status,
    Rating,
    Predikat,
    PositionType,
    Eselon,
    Sanction,
    WholeNumber,
    Number,
    Quarter,
}

fn expected(e: Expected) -> ValueError {
    ValueError::Expected(e)
}

/// Upper case, letters and digits only, single spaces: `Tgl. Lahir` →
/// `TGL LAHIR`, `GOL/RUANG` → `GOL RUANG`.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_uppercase());
        } else {
            space = true;
        }
    }
    out
}

/// Letters and digits only: `D-III` → `DIII`, `Tanjab Timur` → `TANJABTIMUR`.
pub fn compact(text: &str) -> String {
    normalize(text).replace(' ', "")
}

/// The text of a cell, numbers as Excel's General format shows them.
pub fn text(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Empty => None,
        other => Some(other.display()),
    }
}

/// Excel serial day (1900 system) to a date.
pub fn from_excel_serial(serial: f64) -> Result<Date, ValueError> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return Err(expected(Expected::Date));
    }
    let day = serial.floor() as i64;
    // Serial 60 is Excel's 29/02/1900, which never existed; serials after it
    // are one day ahead of the real calendar.
    let epoch = Date::new(1899, 12, 31).map_err(|_| expected(Expected::Date))?;
    let offset = if day > 60 { day - 1 } else { day };
    Date::from_days_since_epoch(epoch.days_since_epoch() + offset)
        .map_err(|_| expected(Expected::Date))
}

/// The Excel serial of a date (inverse of [`from_excel_serial`]).
pub fn to_excel_serial(date: Date) -> f64 {
    let epoch = Date::new(1899, 12, 31)
        .map(Date::days_since_epoch)
        .unwrap_or(0);
    let day = date.days_since_epoch() - epoch;
    (if day >= 60 { day + 1 } else { day }) as f64
}

const MONTHS: [(&str, u8); 27] = [
    ("JANUARI", 1),
    ("JANUARY", 1),
    ("JAN", 1),
    ("FEBRUARI", 2),
    ("FEBRUARY", 2),
    ("FEB", 2),
    ("PEB", 2),
    ("MARET", 3),
    ("MARCH", 3),
    ("MAR", 3),
    ("APRIL", 4),
    ("APR", 4),
    ("MEI", 5),
    ("MAY", 5),
    ("JUNI", 6),
    ("JUNE", 6),
    ("JUN", 6),
    ("JULI", 7),
    ("JULY", 7),
    ("JUL", 7),
    ("AGUSTUS", 8),
    ("AUGUST", 8),
    ("AGU", 8),
    ("AGT", 8),
    ("AUG", 8),
    ("SEPTEMBER", 9),
    ("SEP", 9),
];

const MONTHS_LATE: [(&str, u8); 10] = [
    ("SEPT", 9),
    ("OKTOBER", 10),
    ("OCTOBER", 10),
    ("OKT", 10),
    ("OCT", 10),
    ("NOVEMBER", 11),
    ("NOV", 11),
    ("DESEMBER", 12),
    ("DECEMBER", 12),
    ("DES", 12),
];

fn month_by_name(word: &str) -> Option<u8> {
    MONTHS
        .iter()
        .chain(MONTHS_LATE.iter())
        .find(|(name, _)| *name == word)
        .map(|(_, m)| *m)
        .or(if word == "DEC" { Some(12) } else { None })
}

fn full_year(text: &str) -> Option<i32> {
    let year: i32 = text.parse().ok()?;
    match text.len() {
        2 => Some(if year <= 29 { 2000 + year } else { 1900 + year }),
        4 => Some(year),
        _ => None,
    }
}

/// The serial of 1 January 1930: smaller numbers are not taken as dates in a
/// personnel file (a year typed alone, `2021`, would otherwise become 1905).
const FIRST_PLAUSIBLE_SERIAL: f64 = 10_959.0;

fn plausible_serial(serial: f64) -> Result<Date, ValueError> {
    if serial < FIRST_PLAUSIBLE_SERIAL {
        return Err(expected(Expected::Date));
    }
    from_excel_serial(serial)
}

/// Reads a date cell.
pub fn date(cell: &Cell) -> Result<Date, ValueError> {
    match cell {
        Cell::Date(serial) | Cell::Number(serial) => plausible_serial(*serial),
        Cell::Text(t) => date_text(t),
        _ => Err(expected(Expected::Date)),
    }
}

fn date_text(text: &str) -> Result<Date, ValueError> {
    let bad = || expected(Expected::Date);
    // Drop a time part: `1980-01-01 00:00:00`, `1980-01-01T00:00:00`.
    let text = text.trim();
    let head = text.split(['T', ' ']).next().unwrap_or(text);
    if head.len() == 10 && head.as_bytes().get(4) == Some(&b'-') {
        if let Ok(d) = Date::parse_iso(head) {
            return Ok(d);
        }
    }
    if text.bytes().all(|b| b.is_ascii_digit()) {
        return match text.len() {
            8 => {
                let y = text[0..4].parse().map_err(|_| bad())?;
                let m = text[4..6].parse().map_err(|_| bad())?;
                let d = text[6..8].parse().map_err(|_| bad())?;
                Date::new(y, m, d).map_err(|_| bad())
            }
            // A serial number that lost its date format on the way to CSV.
            4 | 5 => plausible_serial(text.parse::<f64>().map_err(|_| bad())?),
            _ => Err(bad()),
        };
    }
    let parts: Vec<&str> = text
        .split(['/', '-', '.', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() != 3 {
        return Err(bad());
    }
    let day: u8 = parts[0].parse().map_err(|_| bad())?;
    let year = full_year(parts[2]).ok_or_else(bad)?;
    let month = match parts[1].parse::<u8>() {
        Ok(m) => m,
        Err(_) => month_by_name(&normalize(parts[1])).ok_or_else(bad)?,
    };
    if month > 12 && day <= 12 {
        return Err(ValueError::MonthFirst);
    }
    Date::new(year, month, day).map_err(|_| bad())
}

/// Reads a NIP. A number cell, or text in scientific notation, is a NIP the
/// spreadsheet already cut to 15 significant digits: refused.
pub fn nip(cell: &Cell) -> Result<Nip, ValueError> {
    nip_with(cell, Nip::parse)
}

/// Reads a NI PPPK: as [`nip`], but any digits 13–14 (the caller warns when
/// they are not `21`).
pub fn ni_pppk(cell: &Cell) -> Result<Nip, ValueError> {
    nip_with(cell, Nip::parse_ni_pppk)
}

fn nip_with(
    cell: &Cell,
    parse: fn(&str) -> Result<Nip, crate::core::model::NipError>,
) -> Result<Nip, ValueError> {
    match cell {
        Cell::Number(_) => Err(ValueError::NipAsNumber),
        Cell::Text(t) => {
            let t = t.trim_start_matches('\'');
            if looks_scientific(t) {
                return Err(ValueError::NipAsNumber);
            }
            parse(t).map_err(|e| ValueError::Nip(Some(e)))
        }
        _ => Err(ValueError::Nip(None)),
    }
}

/// `1.97E+17`, `1,97501E+17`: how Excel shows or exports a long number.
pub fn looks_scientific(text: &str) -> bool {
    let upper = text.trim().to_ascii_uppercase();
    match upper.split_once('E') {
        Some((mantissa, exp)) => {
            !mantissa.is_empty()
                && mantissa
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
                && exp
                    .trim_start_matches(['+', '-'])
                    .bytes()
                    .all(|b| b.is_ascii_digit())
                && !exp.trim_start_matches(['+', '-']).is_empty()
        }
        None => false,
    }
}

/// Reads a PPPK golongan: `IX`, `9`, `Gol. IX`, `Golongan IX`.
pub fn pppk_golongan(cell: &Cell) -> Result<PppkGolongan, ValueError> {
    let text = match cell {
        Cell::Number(n) if n.fract() == 0.0 && (1.0..=17.0).contains(n) => format!("{n}"),
        _ => text(cell).ok_or_else(|| expected(Expected::PppkGolongan))?,
    };
    PppkGolongan::parse(&text).ok_or_else(|| expected(Expected::PppkGolongan))
}

/// Reads a golongan: `III/a`, `3a`, `Penata Muda (III/a)`, `Penata Muda`.
pub fn golongan(cell: &Cell) -> Result<Golongan, ValueError> {
    let text = text(cell).ok_or_else(|| expected(Expected::Golongan))?;
    if let Some(g) = Golongan::parse(&text) {
        return Ok(g);
    }
    // A token inside: `Penata Muda, III/a` or `(III/a)`.
    for token in text
        .split([' ', '(', ')', ',', ';'])
        .filter(|t| !t.is_empty())
    {
        if token.contains('/') || token.contains('-') {
            if let Some(g) = Golongan::parse(token) {
                return Ok(g);
            }
        }
    }
    // The pangkat name alone; `Tk. I` is short for `Tingkat I`.
    let wanted = compact(&text).replace("TKI", "TINGKATI");
    Golongan::ALL
        .into_iter()
        .find(|g| compact(g.pangkat()) == wanted)
        .ok_or_else(|| expected(Expected::Golongan))
}

/// Reads an education level: `S1`, `S-1`, `D-III`, `DIV`, `SMA/SMK`, `SLTA`,
/// `Sarjana`, `Magister`, `Doktor`, and SIASN's TINGKAT PENDIDIKAN NAMA
/// spellings (`S-1/Sarjana`, `Diploma III`, `S-2`, `SLTA`, `Strata 1`).
pub fn education(cell: &Cell) -> Result<EducationLevel, ValueError> {
    let text = text(cell).ok_or_else(|| expected(Expected::Education))?;
    level_of(&compact(&text))
        .or_else(|| text.split('/').find_map(|part| level_of(&compact(part))))
        .ok_or_else(|| expected(Expected::Education))
}

/// A compacted level name (`S1`, `DIPLOMAIII`, `S1SARJANA`).
fn level_of(key: &str) -> Option<EducationLevel> {
    use EducationLevel::*;
    let level = match key {
        "SD" | "SEKOLAHDASAR" => Sd,
        "SMP" | "SLTP" | "MTS" | "SMPSEDERAJAT" | "SLTPSEDERAJAT" => Smp,
        "SMA" | "SLTA" | "SMK" | "SMASMK" | "MA" | "STM" | "SMEA" | "SPK" | "SMASEDERAJAT"
        | "SLTASEDERAJAT" | "SLTAKEJURUAN" => Sma,
        "D1" | "DI" | "DIPLOMA1" | "DIPLOMAI" => D1,
        "D2" | "DII" | "DIPLOMA2" | "DIPLOMAII" => D2,
        "D3" | "DIII" | "DIPLOMA3" | "DIPLOMAIII" | "SARJANAMUDA" => D3,
        "D4" | "DIV" | "DIPLOMA4" | "DIPLOMAIV" | "SARJANATERAPAN" | "D4SARJANATERAPAN" => D4,
        "S1" | "SARJANA" | "S1SARJANA" | "STRATA1" | "STRATAI" | "SI" => S1,
        "S2" | "MAGISTER" | "PASCASARJANA" | "S2MAGISTER" | "STRATA2" | "STRATAII" | "SII" => S2,
        "S3" | "DOKTOR" | "DOKTORAL" | "S3DOKTOR" | "STRATA3" | "STRATAIII" | "SIII" => S3,
        _ => return None,
    };
    Some(level)
}

/// Reads an education cell that may name the programme after the level, as
/// SIASN's PENDIDIKAN NAMA and SIMPEG's PENDIDIKAN TERAKHIR do: `S1
/// AKUNTANSI` → (S1, "Akuntansi"), `D-III Keperawatan` → (D3,
/// "Keperawatan"), `S-1/Sarjana` → (S1, none). The programme comes back in
/// title case when the cell is all capitals.
pub fn education_and_field(cell: &Cell) -> Result<(EducationLevel, Option<String>), ValueError> {
    if let Ok(level) = education(cell) {
        return Ok((level, None));
    }
    let text = text(cell).ok_or_else(|| expected(Expected::Education))?;
    // The longest run of leading words that names a level ("DIPLOMA III",
    // "S-1", "STRATA 1"), then the rest.
    let words: Vec<&str> = text.split_whitespace().collect();
    for n in (1..=words.len().min(3)).rev() {
        if let Some(level) = level_of(&compact(&words[..n].join(" "))) {
            let rest = words[n..].join(" ");
            let rest = rest.trim_matches(|c: char| !c.is_alphanumeric());
            let field = (!rest.is_empty()).then(|| title_case_if_shouting(rest));
            return Ok((level, field));
        }
    }
    Err(expected(Expected::Education))
}

/// A position's education qualification as a rincian formasi writes it:
/// a level alone (`S-1/Sarjana`), or one or more level + programme pairs
/// (`S-1 Akuntansi / S-1 Manajemen`, `D-III Keperawatan atau S-1
/// Keperawatan`): the lowest level accepted and the programmes named.
pub fn qualification(cell: &Cell) -> Result<(EducationLevel, Vec<String>), ValueError> {
    if let Ok(level) = education(cell) {
        return Ok((level, Vec::new()));
    }
    let text = text(cell).ok_or_else(|| expected(Expected::Education))?;
    let mut lowest: Option<EducationLevel> = None;
    let mut fields: Vec<String> = Vec::new();
    let parts = text
        .split([',', ';', '/'])
        .flat_map(|p| p.split(" atau "))
        .flat_map(|p| p.split(" ATAU "))
        .map(str::trim)
        .filter(|p| !p.is_empty());
    for part in parts {
        let (level, field) = education_and_field(&Cell::Text(part.to_string()))?;
        lowest = Some(lowest.map_or(level, |l| l.min(level)));
        if let Some(f) = field {
            if !fields.contains(&f) {
                fields.push(f);
            }
        }
    }
    lowest
        .map(|l| (l, fields))
        .ok_or_else(|| expected(Expected::Education))
}

/// The programme of an education cell: the text after a leading level
/// (`S1 AKUNTANSI` → "Akuntansi"), or the whole text.
pub fn programme(text: &str) -> String {
    match education_and_field(&Cell::Text(text.to_string())) {
        Ok((_, Some(field))) => field,
        Ok((_, None)) => String::new(),
        Err(_) => text.trim().to_string(),
    }
}

/// `AKUNTANSI SEKTOR PUBLIK` → `Akuntansi Sektor Publik`; mixed case stays.
fn title_case_if_shouting(text: &str) -> String {
    if text.chars().any(|c| c.is_lowercase()) {
        return text.to_string();
    }
    text.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_string() + &chars.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads a kabupaten/kota of Jambi: `Kab. Tanjung Jabung Timur`, `Tanjabtim`,
/// `Kota Jambi`, `Jambi`, `Sungai Penuh` ...
pub fn regency(cell: &Cell) -> Result<Regency, ValueError> {
    let text = text(cell).ok_or_else(|| expected(Expected::Regency))?;
    let mut key = compact(&text);
    for prefix in ["KABUPATEN", "KAB", "KOTA"] {
        if let Some(rest) = key.strip_prefix(prefix) {
            if !rest.is_empty() {
                key = rest.to_string();
                break;
            }
        }
    }
    use Regency::*;
    let r = match key.as_str() {
        "JAMBI" => KotaJambi,
        "BATANGHARI" | "BATANGHARII" => Batanghari,
        "MUAROJAMBI" | "MUARAJAMBI" => MuaroJambi,
        "TANJUNGJABUNGTIMUR" | "TANJABTIM" | "TANJABTIMUR" => TanjungJabungTimur,
        "TANJUNGJABUNGBARAT" | "TANJABBAR" | "TANJABBARAT" => TanjungJabungBarat,
        "SAROLANGUN" => Sarolangun,
        "TEBO" => Tebo,
        "MERANGIN" => Merangin,
        "BUNGO" | "MUARABUNGO" => Bungo,
        "KERINCI" => Kerinci,
        "SUNGAIPENUH" => KotaSungaiPenuh,
        _ => {
            return Regency::ALL
                .into_iter()
                .find(|r| compact(r.seat()) == key)
                .ok_or_else(|| expected(Expected::Regency))
        }
    };
    Ok(r)
}

/// Reads a gender: `L`/`P`, `Laki-laki`/`Perempuan`, `Pria`/`Wanita`, `1`/`2`.
pub fn gender(cell: &Cell) -> Result<Gender, ValueError> {
    let text = text(cell).ok_or_else(|| expected(Expected::Gender))?;
    match compact(&text).as_str() {
        "L" | "LK" | "LAKILAKI" | "PRIA" | "M" | "MALE" | "1" => Ok(Gender::Male),
        "P" | "PR" | "PEREMPUAN" | "WANITA" | "F" | "FEMALE" | "2" => Ok(Gender::Female),
        _ => Err(expected(Expected::Gender)),
    }
}

/// Reads an employment status: PNS, CPNS, PPPK, and SIASN's JENIS PEGAWAI
/// NAMA (`PNS Daerah Provinsi`, `PNS Pusat DPK`, `PPPK`, `Pegawai
/// Pemerintah dengan Perjanjian Kerja`) and STATUS CPNS PNS (`C`, `P`).
pub fn status(cell: &Cell) -> Result<EmploymentStatus, ValueError> {
    let text = text(cell).ok_or_else(|| expected(Expected::Status))?;
    let key = compact(&text);
    match key.as_str() {
        "PNS" | "P" | "PEGAWAINEGERISIPIL" => return Ok(EmploymentStatus::Pns),
        "CPNS" | "C" | "CALONPNS" | "CALONPEGAWAINEGERISIPIL" => return Ok(EmploymentStatus::Cpns),
        "PPPK" | "P3K" | "PEGAWAIPEMERINTAHDENGANPERJANJIANKERJA" => {
            return Ok(EmploymentStatus::Pppk)
        }
        _ => {}
    }
    if key.starts_with("PPPK") || key.starts_with("P3K") {
        Ok(EmploymentStatus::Pppk)
    } else if key.starts_with("CPNS") {
        Ok(EmploymentStatus::Cpns)
    } else if key.starts_with("PNS") {
        Ok(EmploymentStatus::Pns)
    } else {
        Err(expected(Expected::Status))
    }
}

/// Reads a kedudukan hukum (SIASN's KEDUDUKAN HUKUM NAMA): `Aktif` gives
/// none; the known others their kind; any other text is kept as written.
/// Never an error: the status is the source's word.
pub fn legal_status(cell: &Cell) -> Result<Option<LegalStatus>, ValueError> {
    let text = text(cell).ok_or_else(|| expected(Expected::Status))?;
    let key = compact(&text);
    Ok(match key.as_str() {
        "AKTIF" | "AKTIFBEKERJA" => None,
        "TUGASBELAJAR" | "TB" => Some(LegalStatus::TugasBelajar),
        "CLTN" | "CUTIDILUARTANGGUNGANNEGARA" => Some(LegalStatus::Cltn),
        "PEMBERHENTIANSEMENTARA" | "DIBERHENTIKANSEMENTARA" | "BERHENTISEMENTARA" => {
            Some(LegalStatus::PemberhentianSementara)
        }
        "MASAPERSIAPANPENSIUN" | "MPP" => Some(LegalStatus::MasaPersiapanPensiun),
        _ => Some(LegalStatus::Other(text.trim().to_string())),
    })
}

/// Reads a rating: `Di atas ekspektasi`, `diatas`, `sesuai`, `di bawah` ...
pub fn rating(cell: &Cell) -> Result<Rating, ValueError> {
    let text = text(cell).ok_or_else(|| expected(Expected::Rating))?;
    let key = compact(&text);
    let key = key.strip_suffix("EKSPEKTASI").unwrap_or(&key);
    match key {
        "DIATAS" | "ATAS" | "3" => Ok(Rating::DiAtas),
        "SESUAI" | "2" => Ok(Rating::Sesuai),
        "DIBAWAH" | "BAWAH" | "1" => Ok(Rating::DiBawah),
        _ => Err(expected(Expected::Rating)),
    }
}

/// Reads a predikat kinerja.
pub fn predikat(cell: &Cell) -> Result<Predikat, ValueError> {
    let text = text(cell).ok_or_else(|| expected(Expected::Predikat))?;
    match compact(&text).as_str() {
        "SANGATBAIK" => Ok(Predikat::SangatBaik),
        "BAIK" => Ok(Predikat::Baik),
        "BUTUHPERBAIKAN" | "CUKUP" => Ok(Predikat::ButuhPerbaikan),
        "KURANG" | "KURANGMISCONDUCT" | "MISCONDUCT" => Ok(Predikat::Kurang),
        "SANGATKURANG" => Ok(Predikat::SangatKurang),
        _ => Err(expected(Expected::Predikat)),
    }
}

/// The ratings that give a predikat, for files that only carry the predikat:
/// the central cell of the PermenPANRB 6/2022 matrix for each.
pub fn ratings_for(predikat: Predikat) -> (Rating, Rating) {
    match predikat {
        Predikat::SangatBaik => (Rating::DiAtas, Rating::DiAtas),
        Predikat::Baik => (Rating::Sesuai, Rating::Sesuai),
        Predikat::ButuhPerbaikan => (Rating::DiBawah, Rating::Sesuai),
        Predikat::Kurang => (Rating::Sesuai, Rating::DiBawah),
        Predikat::SangatKurang => (Rating::DiBawah, Rating::DiBawah),
    }
}

/// Reads a position type: `JPT Pratama`, `Administrator`, `Pengawas`,
/// `Pelaksana` (or `JFU`), `JF Ahli Muda` / `Fungsional Ahli Muda` /
/// `Ahli Muda`, `Terampil` ...
pub fn position_type(cell: &Cell) -> Result<PositionType, ValueError> {
    let text = text(cell).ok_or_else(|| expected(Expected::PositionType))?;
    let mut key = compact(&text);
    for prefix in ["JABATANFUNGSIONAL", "FUNGSIONAL", "JABATAN", "JF"] {
        if let Some(rest) = key.strip_prefix(prefix) {
            if !rest.is_empty() {
                key = rest.to_string();
                break;
            }
        }
    }
    if key == "JFU" || key == "U" || key == "UMUM" {
        return Ok(PositionType::Pelaksana);
    }
    PositionType::ALL
        .into_iter()
        .find(|t| {
            let label = compact(t.label());
            label == key || label.strip_prefix("JF") == Some(key.as_str())
        })
        .ok_or_else(|| expected(Expected::PositionType))
}

/// A position-type cell: a type ("Administrator", "JF Ahli Muda") or
/// only the kind of post (SIASN's JENIS JABATAN NAMA: "Jabatan
/// Fungsional Tertentu", "Struktural", "Fungsional Umum"); see
/// [`crate::core::titles::type_cell`].
pub fn type_cell(cell: &Cell) -> Result<crate::core::titles::TypeCell, ValueError> {
    let text = text(cell).ok_or_else(|| expected(Expected::PositionType))?;
    crate::core::titles::type_cell(&text).ok_or_else(|| expected(Expected::PositionType))
}

/// An ESELON cell: "III.a", "IV/b", "2b"; `None` for a post without one
/// ("-", "Non Eselon").
pub fn eselon(cell: &Cell) -> Result<Option<crate::core::titles::Eselon>, ValueError> {
    let text = text(cell).unwrap_or_default();
    let key = compact(&text);
    if key.is_empty() || key.starts_with("NON") || key == "0" {
        return Ok(None);
    }
    crate::core::titles::Eselon::parse(&text)
        .map(Some)
        .ok_or_else(|| expected(Expected::Eselon))
}

/// Reads a disciplinary sanction as BKD files name it (PP 94/2021 Pasal
/// 8): "Teguran Tertulis", "Pemotongan Tunjangan Kinerja 25% selama 9
/// bulan", "Penurunan Jabatan setingkat lebih rendah", "PTDH", or only its
/// level ("Sedang", "Hukuman Disiplin Berat"). The kind when the text says
/// it, and the level.
pub fn sanction(
    cell: &Cell,
) -> Result<
    (
        Option<crate::core::model::SanctionKind>,
        crate::core::model::SanctionLevel,
    ),
    ValueError,
> {
    use crate::core::model::{SanctionKind as K, SanctionLevel as L};
    let n = format!(" {} ", normalize(&text(cell).unwrap_or_default()));
    let has = |w: &str| n.contains(&format!(" {w} "));
    let kind = if has("TEGURAN LISAN") {
        Some(K::TeguranLisan)
    } else if has("TEGURAN TERTULIS") {
        Some(K::TeguranTertulis)
    } else if has("TIDAK PUAS") {
        Some(K::PernyataanTidakPuas)
    } else if has("TUNJANGAN") || has("TUKIN") || has("TPP") {
        Some(if has("6") || has("ENAM") {
            K::PotonganTukin6
        } else if has("9") || has("SEMBILAN") {
            K::PotonganTukin9
        } else {
            K::PotonganTukin12
        })
    } else if has("PENURUNAN JABATAN") {
        Some(K::PenurunanJabatan)
    } else if has("PEMBEBASAN") {
        Some(K::PembebasanJabatan)
    } else if has("TIDAK DENGAN HORMAT") || has("PTDH") {
        Some(K::PemberhentianTidakDenganHormat)
    } else if has("PEMBERHENTIAN") || has("PDH") {
        Some(K::PemberhentianDenganHormat)
    } else {
        None
    };
    let level = match kind {
        Some(k) => k.level(),
        None if has("RINGAN") => L::Ringan,
        None if has("SEDANG") => L::Sedang,
        None if has("BERAT") => L::Berat,
        None => return Err(expected(Expected::Sanction)),
    };
    Ok((kind, level))
}

/// Reads a whole number ≥ 0: a number cell without fraction or digits.
pub fn whole_number(cell: &Cell) -> Result<u32, ValueError> {
    match cell {
        Cell::Number(n) if n.fract() == 0.0 && (0.0..=1e9).contains(n) => Ok(*n as u32),
        Cell::Text(t) => t
            .trim()
            .parse()
            .map_err(|_| expected(Expected::WholeNumber)),
        _ => Err(expected(Expected::WholeNumber)),
    }
}

/// Reads a decimal number; text may use a decimal comma (`87,5`).
pub fn number(cell: &Cell) -> Result<f64, ValueError> {
    match cell {
        Cell::Number(n) if n.is_finite() => Ok(*n),
        Cell::Text(t) => {
            let t = t.trim();
            // `1.234,5` (Indonesian) or `1,234.5` (English) or plain.
            let cleaned = if t.contains(',') && t.contains('.') {
                if t.rfind(',') > t.rfind('.') {
                    t.replace('.', "").replace(',', ".")
                } else {
                    t.replace(',', "")
                }
            } else {
                t.replace(',', ".")
            };
            cleaned
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .ok_or(expected(Expected::Number))
        }
        _ => Err(expected(Expected::Number)),
    }
}

/// Reads a quarter: `1`–`4`, `TW I`–`TW IV`, `Triwulan 2`, `Q3`; an empty
/// cell or `Tahunan` is an annual period (None).
pub fn quarter(cell: &Cell) -> Result<Option<u8>, ValueError> {
    let Some(text) = text(cell) else {
        return Ok(None);
    };
    let mut key = compact(&text);
    for prefix in ["TRIWULAN", "TW", "Q"] {
        if let Some(rest) = key.strip_prefix(prefix) {
            key = rest.to_string();
            break;
        }
    }
    match key.as_str() {
        "TAHUNAN" | "ANNUAL" | "" => Ok(None),
        "1" | "I" => Ok(Some(1)),
        "2" | "II" => Ok(Some(2)),
        "3" | "III" => Ok(Some(3)),
        "4" | "IV" => Ok(Some(4)),
        _ => Err(expected(Expected::Quarter)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    #[test]
    fn siasn_education_spellings_give_the_level_and_the_programme() {
        use EducationLevel::*;
        for (text, level) in [
            ("S-1/Sarjana", S1),
            ("Diploma III", D3),
            ("D-III", D3),
            ("S-2", S2),
            ("SLTA", Sma),
            ("SLTA Kejuruan", Sma),
            ("Strata 1", S1),
            ("D-IV/Sarjana Terapan", D4),
            ("S-3/Doktor", S3),
            ("SLTP", Smp),
        ] {
            assert_eq!(education(&t(text)), Ok(level), "{text}");
        }
        for (text, level, field) in [
            ("S1 AKUNTANSI", S1, Some("Akuntansi")),
            ("D-III Keperawatan", D3, Some("Keperawatan")),
            ("DIPLOMA III KEBIDANAN", D3, Some("Kebidanan")),
            ("S2 KESEHATAN MASYARAKAT", S2, Some("Kesehatan Masyarakat")),
            ("S-1/Sarjana", S1, None),
            ("SMA IPA", Sma, Some("Ipa")),
        ] {
            assert_eq!(
                education_and_field(&t(text)),
                Ok((level, field.map(str::to_string))),
                "{text}"
            );
        }
        assert!(education_and_field(&t("Akuntansi")).is_err());
        assert_eq!(programme("S1 Hukum"), "Hukum");
        assert_eq!(programme("Hukum Tata Negara"), "Hukum Tata Negara");
        assert_eq!(programme("S-1"), "");
    }

    #[test]
    fn siasn_status_spellings() {
        use EmploymentStatus::*;
        for (text, want) in [
            ("PNS Daerah Provinsi", Pns),
            ("PNS Pusat DPK", Pns),
            ("P", Pns),
            ("C", Cpns),
            ("CPNS Daerah", Cpns),
            ("PPPK", Pppk),
            ("Pegawai Pemerintah dengan Perjanjian Kerja", Pppk),
        ] {
            assert_eq!(status(&t(text)), Ok(want), "{text}");
        }
        assert!(status(&t("Honorer")).is_err());
    }

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_indonesian_forms() {
        assert_eq!(date(&t("05/01/1980")), Ok(d(1980, 1, 5)));
        assert_eq!(date(&t("5-1-80")), Ok(d(1980, 1, 5)));
        assert_eq!(date(&t("5-1-05")), Ok(d(2005, 1, 5)));
        assert_eq!(date(&t("31.12.1979")), Ok(d(1979, 12, 31)));
        assert_eq!(date(&t("1980-01-05")), Ok(d(1980, 1, 5)));
        assert_eq!(date(&t("1980-01-05 00:00:00")), Ok(d(1980, 1, 5)));
        assert_eq!(date(&t("19800105")), Ok(d(1980, 1, 5)));
        assert_eq!(date(&t("5 Januari 1980")), Ok(d(1980, 1, 5)));
        assert_eq!(date(&t("17 Agustus 1945")), Ok(d(1945, 8, 17)));
        assert_eq!(date(&t("01-Des-99")), Ok(d(1999, 12, 1)));
        assert_eq!(date(&t("12/25/1980")), Err(ValueError::MonthFirst));
        assert_eq!(
            date(&t("31/02/1980")),
            Err(ValueError::Expected(Expected::Date))
        );
        assert_eq!(
            date(&t("kemarin")),
            Err(ValueError::Expected(Expected::Date))
        );
    }

    #[test]
    fn excel_serials_including_the_1900_leap_bug() {
        assert_eq!(from_excel_serial(1.0), Ok(d(1900, 1, 1)));
        assert_eq!(from_excel_serial(59.0), Ok(d(1900, 2, 28)));
        assert_eq!(from_excel_serial(61.0), Ok(d(1900, 3, 1)));
        assert_eq!(from_excel_serial(29221.0), Ok(d(1980, 1, 1)));
        assert_eq!(from_excel_serial(46354.0), Ok(d(2026, 11, 28)));
        assert_eq!(date(&Cell::Date(29221.0)), Ok(d(1980, 1, 1)));
        assert_eq!(date(&t("29221")), Ok(d(1980, 1, 1)));
        for serial in [1.0, 59.0, 61.0, 29221.0, 46354.0] {
            assert_eq!(to_excel_serial(from_excel_serial(serial).unwrap()), serial);
        }
        assert!(from_excel_serial(0.0).is_err());
        // A year alone is not a serial.
        assert_eq!(
            date(&Cell::Number(2021.0)),
            Err(ValueError::Expected(Expected::Date))
        );
        assert_eq!(date(&t("2021")), Err(ValueError::Expected(Expected::Date)));
        assert_eq!(date(&Cell::Number(10959.0)), Ok(d(1930, 1, 1)));
        assert!(from_excel_serial(f64::NAN).is_err());
    }

    #[test]
    fn nips_stored_as_numbers_are_refused() {
        assert_eq!(
            nip(&Cell::Number(1.975_010_12e17)),
            Err(ValueError::NipAsNumber)
        );
        assert_eq!(nip(&t("1.97501E+17")), Err(ValueError::NipAsNumber));
        assert_eq!(nip(&t("1,97501E+17")), Err(ValueError::NipAsNumber));
        assert!(nip(&t("'197501012000031002")).is_ok());
        assert!(nip(&t("19750101 200003 1 002")).is_ok());
        assert!(matches!(nip(&t("1975")), Err(ValueError::Nip(_))));
        assert!(!looks_scientific("E"));
        assert!(!looks_scientific("ESELON"));
    }

    #[test]
    fn codes_and_names() {
        assert_eq!(golongan(&t("III/a")).map(|g| g.code()), Ok("III/a"));
        assert_eq!(
            golongan(&t("Penata Muda (III/a)")).map(|g| g.code()),
            Ok("III/a")
        );
        assert_eq!(
            golongan(&t("Penata Muda Tk. I")).map(|g| g.code()),
            Ok("III/b")
        );
        assert!(golongan(&t("Kepala")).is_err());
        assert_eq!(education(&t("D-III")), Ok(EducationLevel::D3));
        assert_eq!(education(&t("S-1")), Ok(EducationLevel::S1));
        assert_eq!(education(&t("SMA/SMK")), Ok(EducationLevel::Sma));
        assert_eq!(education(&t("D IV")), Ok(EducationLevel::D4));
        assert_eq!(
            regency(&t("Kab. Tanjung Jabung Timur")),
            Ok(Regency::TanjungJabungTimur)
        );
        assert_eq!(regency(&t("Tanjabbar")), Ok(Regency::TanjungJabungBarat));
        assert_eq!(regency(&t("Kota Jambi")), Ok(Regency::KotaJambi));
        assert_eq!(regency(&t("Bangko")), Ok(Regency::Merangin));
        assert_eq!(
            regency(&t("Kota Sungai Penuh")),
            Ok(Regency::KotaSungaiPenuh)
        );
        assert_eq!(gender(&t("Laki-laki")), Ok(Gender::Male));
        assert_eq!(gender(&t("P")), Ok(Gender::Female));
        assert_eq!(status(&t("P3K")), Ok(EmploymentStatus::Pppk));
        assert_eq!(rating(&t("Di Atas Ekspektasi")), Ok(Rating::DiAtas));
        assert_eq!(rating(&t("dibawah")), Ok(Rating::DiBawah));
        assert_eq!(predikat(&t("Kurang/Misconduct")), Ok(Predikat::Kurang));
        assert_eq!(
            position_type(&t("JF Ahli Muda")),
            Ok(PositionType::AhliMuda)
        );
        assert_eq!(
            position_type(&t("Fungsional Terampil")),
            Ok(PositionType::Terampil)
        );
        assert_eq!(
            position_type(&t("JPT Pratama")),
            Ok(PositionType::JptPratama)
        );
        assert_eq!(position_type(&t("JFU")), Ok(PositionType::Pelaksana));
        assert_eq!(quarter(&t("TW III")), Ok(Some(3)));
        assert_eq!(quarter(&Cell::Empty), Ok(None));
        assert_eq!(number(&t("87,5")), Ok(87.5));
        assert_eq!(number(&t("1.234,5")), Ok(1234.5));
        assert_eq!(whole_number(&Cell::Number(3.0)), Ok(3));
        assert!(whole_number(&Cell::Number(3.5)).is_err());
        for p in Predikat::ALL {
            let (h, b) = ratings_for(p);
            assert_eq!(Predikat::from_ratings(h, b), p);
        }
    }

    #[test]
    fn header_normalisation() {
        assert_eq!(normalize(" Tgl. Lahir "), "TGL LAHIR");
        assert_eq!(normalize("GOL/RUANG"), "GOL RUANG");
        assert_eq!(compact("D-III"), "DIII");
    }

    #[test]
    fn qualifications_give_the_lowest_level_and_the_programmes() {
        use EducationLevel::*;
        let q = |t: &str| qualification(&Cell::Text(t.into()));
        assert_eq!(q("S-1/Sarjana"), Ok((S1, vec![])));
        assert_eq!(
            q("S-1 Akuntansi / S-1 Manajemen"),
            Ok((S1, vec!["Akuntansi".into(), "Manajemen".into()]))
        );
        assert_eq!(
            q("D-III KEPERAWATAN atau S-1 KEPERAWATAN"),
            Ok((D3, vec!["Keperawatan".into()]))
        );
        assert_eq!(q("S-2 Hukum; S-1 Hukum"), Ok((S1, vec!["Hukum".into()])));
        assert_eq!(q("Akuntansi"), Err(expected(Expected::Education)));
        assert_eq!(q(""), Err(expected(Expected::Education)));
    }
}
