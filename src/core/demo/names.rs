//! Indonesian given names and academic titles.

use super::*;

pub(super) const MALE_NAMES: &[&str] = &[
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
pub(super) const FEMALE_NAMES: &[&str] = &[
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
pub(super) const MALE_SECOND_NAMES: &[&str] = &[
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
pub(super) const FEMALE_SECOND_NAMES: &[&str] = &[
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
pub(super) fn title(level: EducationLevel, field: &str) -> (&'static str, &'static str) {
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
