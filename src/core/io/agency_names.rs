//! Agency (OPD) names as BKD files write them, reconciled with the
//! workspace's: "Dinas Kominfo", "Diskominfo", "DINAS KOMUNIKASI DAN
//! INFORMATIKA PROVINSI JAMBI" and "Dinas Komunikasi & Informatika Prov.
//! Jambi" are one agency.
//!
//! [`key`] is the one normalised comparison: upper case, letters and
//! digits; the government's name at the end dropped ("Provinsi Jambi",
//! "Prov.", "Kabupaten Merangin", "Kab. Tebo", "Kota Jambi"); an
//! abbreviated name or word spelled out from [`ABBREVIATIONS`] ("Diskominfo"
//! → "Dinas Komunikasi dan Informatika", "BKPSDM" → "Badan Kepegawaian dan
//! Pengembangan Sumber Daya Manusia"); "dan", "&" and "daerah" dropped.
//! What still does not match is listed with the closest agencies
//! ([`suggestions`]) for the analyst to choose.

use crate::core::io::values::normalize;
use crate::core::model::{Regency, Workspace};

/// Abbreviations of whole names and of words in agency names, with their
/// long form (normalised). Whole-name entries are tried first, then each
/// word.
pub const ABBREVIATIONS: &[(&str, &str)] = &[
    // Whole names.
    ("DISKOMINFO", "DINAS KOMUNIKASI DAN INFORMATIKA"),
    (
        "DISKOMINFOTIK",
        "DINAS KOMUNIKASI INFORMATIKA DAN STATISTIK",
    ),
    ("DINKOMINFO", "DINAS KOMUNIKASI DAN INFORMATIKA"),
    ("DINKES", "DINAS KESEHATAN"),
    ("DISDIK", "DINAS PENDIDIKAN"),
    ("DINDIK", "DINAS PENDIDIKAN"),
    ("DIKBUD", "DINAS PENDIDIKAN DAN KEBUDAYAAN"),
    ("DISDIKBUD", "DINAS PENDIDIKAN DAN KEBUDAYAAN"),
    ("BKD", "BADAN KEPEGAWAIAN DAERAH"),
    (
        "BKPSDM",
        "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
    ),
    (
        "BKPSDMD",
        "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA DAERAH",
    ),
    ("BKPP", "BADAN KEPEGAWAIAN PENDIDIKAN DAN PELATIHAN"),
    ("BAPENDA", "BADAN PENDAPATAN DAERAH"),
    ("BAPEDA", "BADAN PERENCANAAN PEMBANGUNAN DAERAH"),
    ("BAPPEDA", "BADAN PERENCANAAN PEMBANGUNAN DAERAH"),
    (
        "BAPPEDALITBANG",
        "BADAN PERENCANAAN PEMBANGUNAN PENELITIAN DAN PENGEMBANGAN DAERAH",
    ),
    ("BPKAD", "BADAN PENGELOLAAN KEUANGAN DAN ASET DAERAH"),
    ("BPKPD", "BADAN PENGELOLAAN KEUANGAN DAN PENDAPATAN DAERAH"),
    ("BPBD", "BADAN PENANGGULANGAN BENCANA DAERAH"),
    ("BALITBANGDA", "BADAN PENELITIAN DAN PENGEMBANGAN DAERAH"),
    ("KESBANGPOL", "BADAN KESATUAN BANGSA DAN POLITIK"),
    ("BAKESBANGPOL", "BADAN KESATUAN BANGSA DAN POLITIK"),
    ("SATPOL PP", "SATUAN POLISI PAMONG PRAJA"),
    ("SATPOLPP", "SATUAN POLISI PAMONG PRAJA"),
    ("SETDA", "SEKRETARIAT DAERAH"),
    ("SEKDA", "SEKRETARIAT DAERAH"),
    ("SETWAN", "SEKRETARIAT DPRD"),
    ("SEKWAN", "SEKRETARIAT DPRD"),
    ("SEKRETARIAT DEWAN", "SEKRETARIAT DPRD"),
    (
        "SEKRETARIAT DEWAN PERWAKILAN RAKYAT DAERAH",
        "SEKRETARIAT DPRD",
    ),
    ("DPUPR", "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG"),
    ("DISPUPR", "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG"),
    ("DINSOS", "DINAS SOSIAL"),
    ("DISHUB", "DINAS PERHUBUNGAN"),
    ("DISHUT", "DINAS KEHUTANAN"),
    ("DLH", "DINAS LINGKUNGAN HIDUP"),
    ("DISNAKERTRANS", "DINAS TENAGA KERJA DAN TRANSMIGRASI"),
    ("DISNAKER", "DINAS TENAGA KERJA"),
    ("DISPERINDAG", "DINAS PERINDUSTRIAN DAN PERDAGANGAN"),
    ("DISDUKCAPIL", "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"),
    ("DUKCAPIL", "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"),
    (
        "DPMPTSP",
        "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU",
    ),
    ("DISPORA", "DINAS PEMUDA DAN OLAHRAGA"),
    ("DISBUDPAR", "DINAS KEBUDAYAAN DAN PARIWISATA"),
    ("DISPAR", "DINAS PARIWISATA"),
    ("DISPUSIP", "DINAS PERPUSTAKAAN DAN ARSIP"),
    ("DISKOPUKM", "DINAS KOPERASI USAHA KECIL DAN MENENGAH"),
    (
        "DISKOPERINDAG",
        "DINAS KOPERASI PERINDUSTRIAN DAN PERDAGANGAN",
    ),
    (
        "DISTPHP",
        "DINAS TANAMAN PANGAN HORTIKULTURA DAN PETERNAKAN",
    ),
    ("DP3A", "DINAS PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK"),
    ("DPMD", "DINAS PEMBERDAYAAN MASYARAKAT DAN DESA"),
    ("DINAS PMD", "DINAS PEMBERDAYAAN MASYARAKAT DAN DESA"),
    ("DKP", "DINAS KELAUTAN DAN PERIKANAN"),
    ("DISPERKIM", "DINAS PERUMAHAN DAN KAWASAN PERMUKIMAN"),
    ("DISPERTA", "DINAS PERTANIAN"),
    ("DISBUN", "DINAS PERKEBUNAN"),
    ("RSJD", "RUMAH SAKIT JIWA DAERAH"),
    ("RSJ", "RUMAH SAKIT JIWA"),
    ("INSPEKTORAT DAERAH", "INSPEKTORAT"),
    // Words.
    ("DIS", "DINAS"),
    ("DIN", "DINAS"),
    ("KOMINFO", "KOMUNIKASI DAN INFORMATIKA"),
    ("PUPR", "PEKERJAAN UMUM DAN PENATAAN RUANG"),
    ("PU", "PEKERJAAN UMUM"),
    ("ESDM", "ENERGI DAN SUMBER DAYA MINERAL"),
    ("UKM", "USAHA KECIL DAN MENENGAH"),
    ("UMKM", "USAHA MIKRO KECIL DAN MENENGAH"),
    ("SDM", "SUMBER DAYA MANUSIA"),
    ("PP", "POLISI PAMONG PRAJA"),
    ("KOMUNIKASI INFORMATIKA", "KOMUNIKASI DAN INFORMATIKA"),
    ("RSUD", "RUMAH SAKIT UMUM DAERAH"),
    ("RS", "RUMAH SAKIT"),
    ("BAG", "BAGIAN"),
    ("KEC", "KECAMATAN"),
    ("KEL", "KELURAHAN"),
];

/// Words that do not tell agencies apart.
const FILLER: &[&str] = &[
    "DAN",
    "DAERAH",
    "PEMERINTAH",
    "PEMDA",
    "PEMPROV",
    "PEMKAB",
    "PEMKOT",
];

/// The government words that may end an agency's name, longest first
/// (made once).
fn government_suffixes() -> &'static [String] {
    static SUFFIXES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    SUFFIXES.get_or_init(make_government_suffixes)
}

fn make_government_suffixes() -> Vec<String> {
    let mut out = vec![
        "PROVINSI JAMBI".to_string(),
        "PROV JAMBI".to_string(),
        "PROP JAMBI".to_string(),
        "PROPINSI JAMBI".to_string(),
        "PROVINSI".to_string(),
        "PROV".to_string(),
        "JAMBI".to_string(),
        // What is left of a name like "Dinkes Kab. Kota Jambi".
        "KABUPATEN".to_string(),
        "KAB".to_string(),
        "KOTA".to_string(),
    ];
    for r in Regency::ALL {
        let name = normalize(r.name());
        let bare = name
            .trim_start_matches("KABUPATEN ")
            .trim_start_matches("KOTA ")
            .to_string();
        out.push(name.clone());
        out.push(format!("KAB {bare}"));
        out.push(format!("KABUPATEN {bare}"));
        out.push(format!("KOTA {bare}"));
        out.push(bare);
    }
    // Longest first, so "PROVINSI JAMBI" goes before "JAMBI".
    crate::core::sort::sort_by_key(&mut out, |s| std::cmp::Reverse(s.len()));
    out
}

/// The normalised comparison key of an agency's name (see the module).
pub fn key(text: &str) -> String {
    let mut n = normalize(text);
    // The government at the end, repeatedly ("Dinas Kesehatan Kab.
    // Merangin Provinsi Jambi"); never the whole name.
    let suffixes = government_suffixes();
    loop {
        let before = n.len();
        for s in suffixes {
            if let Some(rest) = n.strip_suffix(s.as_str()) {
                if rest.ends_with(' ') && !rest.trim().is_empty() {
                    n = rest.trim_end().to_string();
                    break;
                }
            }
        }
        if n.len() == before {
            break;
        }
    }
    // A whole-name abbreviation, then word by word (longest entries
    // first, on word boundaries).
    if let Some((_, long)) = ABBREVIATIONS.iter().find(|(short, _)| *short == n) {
        n = long.to_string();
    } else if let Some((short, long)) = ABBREVIATIONS
        .iter()
        .filter(|(short, _)| short.contains(' ') && n.starts_with(&format!("{short} ")))
        .max_by_key(|(short, _)| short.len())
    {
        n = format!("{long}{}", &n[short.len()..]);
    }
    let mut words: Vec<String> = Vec::new();
    for w in n.split(' ') {
        match ABBREVIATIONS.iter().find(|(short, _)| *short == w) {
            Some((_, long)) if !w.is_empty() => words.extend(long.split(' ').map(String::from)),
            _ => words.push(w.to_string()),
        }
    }
    words
        .into_iter()
        .filter(|w| !w.is_empty() && !FILLER.contains(&w.as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Abbreviated words of unit names, with their long form: a unit is
/// written "Bid. Aplikasi", "Subbag Umum", "PKM Pasar Bangko", "SDN 12/VI".
const UNIT_WORDS: &[(&str, &str)] = &[
    ("BID", "BIDANG"),
    ("SUBBID", "SUBBIDANG"),
    ("SUBID", "SUBBIDANG"),
    ("SUBBAG", "SUBBAGIAN"),
    ("SUBAG", "SUBBAGIAN"),
    ("BAG", "BAGIAN"),
    ("SEKR", "SEKRETARIAT"),
    ("SEKRET", "SEKRETARIAT"),
    ("PKM", "PUSKESMAS"),
    ("PUSK", "PUSKESMAS"),
    ("SDN", "SD NEGERI"),
    ("SMPN", "SMP NEGERI"),
    ("SMAN", "SMA NEGERI"),
    ("SMKN", "SMK NEGERI"),
    ("SLBN", "SLB NEGERI"),
    ("KEL", "KELURAHAN"),
    ("KEC", "KECAMATAN"),
    ("UPT", "UPTD"),
];

/// The normalised comparison key of a unit's name: as [`key`] for the
/// government at the end and the filler words, with the words of
/// [`UNIT_WORDS`] spelled out and "sub bagian" / "sub bidang" joined, so
/// "Sub Bagian Umum", "Subbag. Umum" and "SUBBAGIAN UMUM" are one unit, as
/// are "PKM Pasar Bangko" and "Puskesmas Pasar Bangko", and "SDN 12/VI"
/// and "SD Negeri 12/VI".
pub fn unit_key(text: &str) -> String {
    let mut n = normalize(text);
    for (two, one) in [
        ("SUB BAGIAN", "SUBBAGIAN"),
        ("SUB BIDANG", "SUBBIDANG"),
        ("SUB BAG", "SUBBAGIAN"),
        ("SUB BID", "SUBBIDANG"),
    ] {
        n = format!(" {n} ")
            .replace(&format!(" {two} "), &format!(" {one} "))
            .trim()
            .to_string();
    }
    let mut words: Vec<String> = Vec::new();
    for w in n.split(' ') {
        match UNIT_WORDS.iter().find(|(short, _)| *short == w) {
            Some((_, long)) => words.extend(long.split(' ').map(String::from)),
            None => words.push(w.to_string()),
        }
    }
    let n = words.join(" ");
    // The government at the end and the filler words, as for an OPD.
    let suffixes = government_suffixes();
    let mut n = n;
    for s in suffixes {
        if let Some(rest) = n.strip_suffix(s.as_str()) {
            if rest.ends_with(' ') && !rest.trim().is_empty() {
                n = rest.trim_end().to_string();
                break;
            }
        }
    }
    n.split(' ')
        .filter(|w| !w.is_empty() && !FILLER.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first words of an OPD's name ([`key`]'s form): what tells a column
/// of OPDs from a column of units.
const AGENCY_WORDS: &[&str] = &[
    "DINAS",
    "BADAN",
    "SEKRETARIAT",
    "KECAMATAN",
    "INSPEKTORAT",
    "RSUD",
    "RSJ",
    "RUMAH",
    "SATUAN",
    "KANTOR",
    "BIRO",
];

/// Whether a name reads as an OPD's: it starts with an agency word
/// ("Dinas …", "Badan …", "Kecamatan …", "Satuan Polisi Pamong Praja") or
/// is a known abbreviation of one ("BKPSDM", "Bappeda", "Satpol PP").
pub fn looks_like_agency(text: &str) -> bool {
    let k = key(text);
    let first = k.split(' ').next().unwrap_or("");
    AGENCY_WORDS.contains(&first)
}

/// The agencies (indices) closest to `text`, at most `n`, best first:
/// by the words their keys share (over all the words of both), then
/// whether one key starts the other, then index.
pub fn suggestions(ws: &Workspace, text: &str, n: usize) -> Vec<usize> {
    let target = key(text);
    let target_words: std::collections::BTreeSet<&str> = target.split(' ').collect();
    let mut scored: Vec<(i64, usize)> = ws
        .agencies
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let best = [&a.short_name, &a.name]
                .iter()
                .map(|name| {
                    let k = key(name);
                    let words: std::collections::BTreeSet<&str> = k.split(' ').collect();
                    let shared = words.intersection(&target_words).count() as i64;
                    let all = words.union(&target_words).count().max(1) as i64;
                    let prefix = i64::from(k.starts_with(&target) || target.starts_with(&k));
                    shared * 1000 / all + prefix * 100
                })
                .max()
                .unwrap_or(0);
            (best > 0).then_some((-best, i))
        })
        .collect();
    scored.sort_unstable();
    scored.into_iter().take(n).map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_variants_share_a_key() {
        for group in [
            &[
                "Sub Bagian Umum",
                "Subbag. Umum",
                "SUBBAGIAN UMUM",
                "Sub Bag Umum dan",
            ][..],
            &["Bidang Aplikasi Informatika", "Bid. Aplikasi Informatika"],
            &[
                "Puskesmas Pasar Bangko",
                "PKM Pasar Bangko",
                "Pusk. Pasar Bangko",
            ],
            &["SD Negeri 12/VI", "SDN 12/VI"],
            &["Kelurahan Pasar Bangko", "Kel. Pasar Bangko"],
            &["UPTD Alat Berat", "UPT Alat Berat"],
            &["Sekretariat", "Sekret.", "Sekretariat Kab. Tebo"],
        ] {
            let keys: Vec<String> = group.iter().map(|n| unit_key(n)).collect();
            assert!(keys.iter().all(|k| k == &keys[0]), "{group:?}: {keys:?}");
        }
        // Different units stay apart.
        assert_ne!(unit_key("Bidang Aplikasi"), unit_key("Bidang Statistik"));
        assert_ne!(unit_key("SDN 12/VI"), unit_key("SDN 13/VI"));
        assert_ne!(unit_key("Subbagian Umum"), unit_key("Bagian Umum"));
        // Left over from "Dinkes Kab. Kota Jambi".
        assert_eq!(key("Dinkes Kab. Kota Jambi"), key("Dinas Kesehatan"));
    }

    #[test]
    fn variants_share_a_key() {
        for group in [
            &[
                "Dinas Kominfo",
                "Diskominfo",
                "Dinas Komunikasi dan Informatika",
                "DINAS KOMUNIKASI DAN INFORMATIKA PROVINSI JAMBI",
                "Dinas Komunikasi & Informatika Prov. Jambi",
                "dinas kominfo kab. merangin",
            ][..],
            &[
                "BKPSDM",
                "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
                "BKPSDM Kabupaten Merangin",
                "Badan Kepegawaian dan Pengembangan SDM",
            ][..],
            &[
                "Bapenda",
                "Badan Pendapatan Daerah",
                "BAPENDA PROVINSI JAMBI",
            ][..],
            &[
                "Satpol PP",
                "Satuan Polisi Pamong Praja",
                "SATPOL-PP Kota Jambi",
            ][..],
            &[
                "Dinas PUPR",
                "DPUPR",
                "Dinas Pekerjaan Umum dan Penataan Ruang",
            ][..],
            &[
                "RSUD Raden Mattaher",
                "RSUD RADEN MATTAHER JAMBI",
                "Rumah Sakit Umum Daerah Raden Mattaher",
            ][..],
            &[
                "Sekretariat DPRD",
                "Setwan",
                "Sekretariat Dewan Perwakilan Rakyat Daerah",
            ][..],
        ] {
            let first = key(group[0]);
            for name in group {
                assert_eq!(key(name), first, "{name}");
            }
        }
        assert_ne!(key("Dinas Kesehatan"), key("Dinas Pendidikan"));
        assert_ne!(key("BKD"), key("BKPSDM"));
        assert_eq!(key("Inspektorat"), "INSPEKTORAT");
        assert_eq!(key("Jambi"), "JAMBI", "never the whole name");
    }
}
