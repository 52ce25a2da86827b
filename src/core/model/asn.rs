//! ASN (aparatur sipil negara, civil servants): who they are, where they
//! serve, what they can do and how they performed.

use super::{
    AgencyId, CompetencyId, Golongan, Nip, PerformanceRecord, PositionId, PppkGolongan, Predikat,
    Regency, UnitId,
};
use crate::core::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Gender (jenis kelamin), as encoded in digit 15 of the NIP.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Male,
    Female,
}

/// Employment status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmploymentStatus {
    /// Pegawai Negeri Sipil (tenured civil servant).
    Pns,
    /// Calon PNS, on probation: not eligible for transfer.
    Cpns,
    /// Pegawai Pemerintah dengan Perjanjian Kerja (contract civil servant).
    Pppk,
}

/// Education level (jenjang pendidikan), lowest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EducationLevel {
    #[serde(rename = "SD")]
    Sd,
    #[serde(rename = "SMP")]
    Smp,
    #[serde(rename = "SMA")]
    Sma,
    #[serde(rename = "D1")]
    D1,
    #[serde(rename = "D2")]
    D2,
    #[serde(rename = "D3")]
    D3,
    #[serde(rename = "D4")]
    D4,
    #[serde(rename = "S1")]
    S1,
    #[serde(rename = "S2")]
    S2,
    #[serde(rename = "S3")]
    S3,
}

impl EducationLevel {
    /// All levels, lowest first.
    pub const ALL: [EducationLevel; 10] = [
        EducationLevel::Sd,
        EducationLevel::Smp,
        EducationLevel::Sma,
        EducationLevel::D1,
        EducationLevel::D2,
        EducationLevel::D3,
        EducationLevel::D4,
        EducationLevel::S1,
        EducationLevel::S2,
        EducationLevel::S3,
    ];

    /// The usual abbreviation (SMA, D3, S1 ...).
    pub fn code(self) -> &'static str {
        const CODES: [&str; 10] = ["SD", "SMP", "SMA", "D1", "D2", "D3", "D4", "S1", "S2", "S3"];
        CODES[self as usize]
    }
}

/// Highest education: level and field of study (jurusan).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Education {
    pub level: EducationLevel,
    /// Field of study, e.g. `Akuntansi`, `Kesehatan Masyarakat`; empty for
    /// general schooling.
    #[serde(default)]
    pub field: String,
}

/// A disciplinary or court process.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProcessKind {
    /// Pemeriksaan disiplin (disciplinary examination).
    Disciplinary,
    /// Proses hukum (criminal or court proceedings).
    Court,
}

/// A process, open while `until` is absent or in the future.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Process {
    pub kind: ProcessKind,
    pub since: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
}

impl Process {
    /// Whether the process is still running on `on`.
    pub fn is_open_on(&self, on: Date) -> bool {
        self.since <= on && self.until.is_none_or(|end| end >= on)
    }
}

/// Severity of a disciplinary sanction (hukuman disiplin, PP 94/2021).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SanctionLevel {
    Ringan,
    Sedang,
    Berat,
}

/// The kinds of disciplinary sanction (PP 94/2021 Pasal 8), each with the
/// length the regulation gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SanctionKind {
    /// Teguran lisan (ringan).
    TeguranLisan,
    /// Teguran tertulis (ringan).
    TeguranTertulis,
    /// Pernyataan tidak puas secara tertulis (ringan).
    PernyataanTidakPuas,
    /// Pemotongan tunjangan kinerja 25 % selama 6 bulan (sedang).
    PotonganTukin6,
    /// … selama 9 bulan (sedang).
    PotonganTukin9,
    /// … selama 12 bulan (sedang).
    PotonganTukin12,
    /// Penurunan jabatan setingkat lebih rendah selama 12 bulan (berat).
    PenurunanJabatan,
    /// Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12
    /// bulan (berat).
    PembebasanJabatan,
    /// Pemberhentian dengan hormat tidak atas permintaan sendiri (berat).
    PemberhentianDenganHormat,
    /// Pemberhentian tidak dengan hormat (berat).
    PemberhentianTidakDenganHormat,
}

impl SanctionKind {
    pub const ALL: [SanctionKind; 10] = [
        SanctionKind::TeguranLisan,
        SanctionKind::TeguranTertulis,
        SanctionKind::PernyataanTidakPuas,
        SanctionKind::PotonganTukin6,
        SanctionKind::PotonganTukin9,
        SanctionKind::PotonganTukin12,
        SanctionKind::PenurunanJabatan,
        SanctionKind::PembebasanJabatan,
        SanctionKind::PemberhentianDenganHormat,
        SanctionKind::PemberhentianTidakDenganHormat,
    ];

    pub fn level(self) -> SanctionLevel {
        use SanctionKind::*;
        match self {
            TeguranLisan | TeguranTertulis | PernyataanTidakPuas => SanctionLevel::Ringan,
            PotonganTukin6 | PotonganTukin9 | PotonganTukin12 => SanctionLevel::Sedang,
            _ => SanctionLevel::Berat,
        }
    }

    /// How long it is served, in months (0: a reprimand or a dismissal,
    /// nothing to serve in post).
    pub fn months(self) -> u8 {
        use SanctionKind::*;
        match self {
            PotonganTukin6 => 6,
            PotonganTukin9 => 9,
            PotonganTukin12 | PenurunanJabatan | PembebasanJabatan => 12,
            _ => 0,
        }
    }

    /// As decrees name it.
    pub fn label(self) -> &'static str {
        use SanctionKind::*;
        match self {
            TeguranLisan => "teguran lisan",
            TeguranTertulis => "teguran tertulis",
            PernyataanTidakPuas => "pernyataan tidak puas",
            PotonganTukin6 => "pemotongan tunjangan kinerja 25% 6 bulan",
            PotonganTukin9 => "pemotongan tunjangan kinerja 25% 9 bulan",
            PotonganTukin12 => "pemotongan tunjangan kinerja 25% 12 bulan",
            PenurunanJabatan => "penurunan jabatan 12 bulan",
            PembebasanJabatan => "pembebasan dari jabatan menjadi pelaksana 12 bulan",
            PemberhentianDenganHormat => {
                "pemberhentian dengan hormat tidak atas permintaan sendiri"
            }
            PemberhentianTidakDenganHormat => "pemberhentian tidak dengan hormat",
        }
    }
}

/// A sanction imposed on a date, with its kind and last day when known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sanction {
    pub level: SanctionLevel,
    pub imposed: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SanctionKind>,
    /// The last day it is served, when the decision says it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
}

impl Sanction {
    /// A sanction of a level only, imposed on a date.
    pub fn of_level(level: SanctionLevel, imposed: Date) -> Sanction {
        Sanction {
            level,
            imposed,
            kind: None,
            until: None,
        }
    }

    /// A sanction of a kind, imposed on a date.
    pub fn of_kind(kind: SanctionKind, imposed: Date) -> Sanction {
        Sanction {
            level: kind.level(),
            imposed,
            kind: Some(kind),
            until: None,
        }
    }

    /// Months served: the kind's (PP 94/2021), else 12 for a moderate or
    /// heavy sanction of unknown kind (the longest of its level that is
    /// served in post), 0 for a light one.
    pub fn months(&self) -> u8 {
        match (self.kind, self.level) {
            (Some(k), _) => k.months(),
            (None, SanctionLevel::Ringan) => 0,
            (None, _) => 12,
        }
    }

    /// The day it ends: the day after its last day (`until`), else the
    /// imposition date plus its months.
    pub fn ends(&self) -> Date {
        match self.until {
            Some(last) => Date::from_days_since_epoch(last.days_since_epoch() + 1).unwrap_or(last),
            None => self.imposed.add_months(i32::from(self.months())),
        }
    }

    /// Whether it is being served on a date: imposed, not yet ended.
    pub fn served_on(&self, on: Date) -> bool {
        self.imposed <= on && on < self.ends()
    }
}

/// Tugas belajar (study leave) or ikatan dinas, from one date to another.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudyLeave {
    pub from: Date,
    pub until: Date,
}

/// A kedudukan hukum other than Aktif, as SIASN's KEDUDUKAN HUKUM NAMA
/// gives it: the person is not moved while it lasts (tugas belajar only
/// where the scenario excludes study leave).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "text")]
pub enum LegalStatus {
    TugasBelajar,
    /// Cuti di luar tanggungan negara.
    Cltn,
    PemberhentianSementara,
    MasaPersiapanPensiun,
    /// Any other status that is not Aktif, as written.
    Other(String),
}

impl LegalStatus {
    /// As SIASN writes it.
    pub fn label(&self) -> &str {
        match self {
            LegalStatus::TugasBelajar => "Tugas Belajar",
            LegalStatus::Cltn => "CLTN",
            LegalStatus::PemberhentianSementara => "Pemberhentian Sementara",
            LegalStatus::MasaPersiapanPensiun => "Masa Persiapan Pensiun",
            LegalStatus::Other(text) => text,
        }
    }
}

/// Facts that bar or restrict a transfer.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Flags {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub processes: Vec<Process>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sanctions: Vec<Sanction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study_leave: Option<StudyLeave>,
    /// The kedudukan hukum when it is not Aktif.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_status: Option<LegalStatus>,
    /// A tugas tambahan held beside the person's JF (kepala sekolah,
    /// kepala puskesmas): not a structural post, but the Pilkada rule and
    /// staffing floors read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<AdditionalTask>,
}

/// A tugas tambahan: a post a JF holder fills beside their JF and jenjang
/// (../shared/DOMAIN.md, "Titles and levels in regional government").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdditionalTask {
    /// Kepala sekolah: a guru heading a school.
    KepalaSekolah,
    /// Kepala puskesmas: a health JF heading a puskesmas.
    KepalaPuskesmas,
}

/// Assessed competency levels (1–5) and when they were assessed.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CompetencyProfile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessed_on: Option<Date>,
    pub levels: BTreeMap<CompetencyId, u8>,
}

/// Potential (potensial) on the 9-box axis, PermenPANRB 3/2020.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Potential {
    Rendah,
    Menengah,
    Tinggi,
}

/// What a preference points at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum PreferenceTarget {
    Position(PositionId),
    Unit(UnitId),
    Agency(AgencyId),
    Regency(Regency),
}

/// Why a person states a preference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PreferenceReason {
    Family,
    Health,
    Career,
    Other,
}

/// One ranked wish; the list order is the rank (first = most wanted).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preference {
    pub target: PreferenceTarget,
    pub reason: PreferenceReason,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Where an ASN serves now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentPosition {
    pub position: PositionId,
    /// TMT jabatan: the date the person started in the position.
    pub since: Date,
}

/// A civil servant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Asn {
    pub nip: Nip,
    pub name: String,
    pub gender: Gender,
    pub birth_date: Date,
    pub status: EmploymentStatus,
    /// Golongan for PNS and CPNS; PPPK have none of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub golongan: Option<Golongan>,
    /// Golongan I–XVII of a PPPK (their own scale); none for PNS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pppk_golongan: Option<PppkGolongan>,
    pub education: Education,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<CurrentPosition>,
    #[serde(default)]
    pub flags: Flags,
    #[serde(default)]
    pub competencies: CompetencyProfile,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub potential: Option<Potential>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub performance: Vec<PerformanceRecord>,
    /// Where the person lives.
    pub domicile: Regency,
    /// Ranked wishes, most wanted first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preferences: Vec<Preference>,
    /// The person asked to be transferred (permohonan sendiri).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub own_request: bool,
    /// The year service counts from when the data says it otherwise than
    /// the NIP: the TMT CPNS, or the TMT golongan less the service credit
    /// (MK TAHUN, MK BULAN) that SIASN exports carry. See
    /// [`Asn::service_from`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_from_year: Option<i32>,
}

impl Asn {
    /// The year service counts from (experience): the data's
    /// [`Asn::service_from_year`], else the NIP's entry year.
    pub fn service_from(&self) -> i32 {
        self.service_from_year.unwrap_or(match self.nip.entry() {
            super::NipEntry::Cpns { year, .. } | super::NipEntry::Pppk { year } => year,
        })
    }

    /// Records a period's performance: replaces the record of the same
    /// period, else adds it; records stay in period order.
    pub fn record_performance(&mut self, record: PerformanceRecord) {
        match self
            .performance
            .iter_mut()
            .find(|r| r.period == record.period)
        {
            Some(r) => *r = record,
            None => {
                self.performance.push(record);
                crate::core::sort::sort_by_key(&mut self.performance, |r| r.period);
            }
        }
    }

    /// Whole months in the current position on `on` (masa jabatan); `None`
    /// without a position.
    pub fn months_in_position(&self, on: Date) -> Option<i32> {
        self.position
            .as_ref()
            .map(|p| p.since.whole_months_until(on))
    }

    /// Completed years of age on `on`.
    pub fn age_on(&self, on: Date) -> i32 {
        self.birth_date.age_on(on)
    }

    /// The most recent performance record, if any.
    pub fn latest_performance(&self) -> Option<&PerformanceRecord> {
        self.performance.iter().max_by_key(|r| r.period)
    }

    /// The predikat of the most recent record.
    pub fn latest_predikat(&self) -> Option<Predikat> {
        self.latest_performance().map(PerformanceRecord::predikat)
    }

    /// The level of a competency, if assessed.
    pub fn competency_level(&self, id: &CompetencyId) -> Option<u8> {
        self.competencies.levels.get(id).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Period, Rating};

    #[test]
    fn a_period_is_recorded_once_and_records_stay_in_order() {
        let ws = crate::core::demo::generate(&crate::core::demo::DemoConfig {
            asn: 40,
            ..Default::default()
        });
        let mut a = ws.asn[0].clone();
        a.performance.clear();
        let record = |year: i32, quarter: Option<u8>, r: Rating| PerformanceRecord {
            period: Period { year, quarter },
            hasil_kerja: r,
            perilaku_kerja: r,
            score: None,
        };
        a.record_performance(record(2025, None, Rating::Sesuai));
        a.record_performance(record(2024, None, Rating::Sesuai));
        a.record_performance(record(2025, Some(2), Rating::DiBawah));
        a.record_performance(record(2025, None, Rating::DiAtas));
        let periods: Vec<(i32, Option<u8>)> = a
            .performance
            .iter()
            .map(|r| (r.period.year, r.period.quarter))
            .collect();
        assert_eq!(periods, vec![(2024, None), (2025, Some(2)), (2025, None)]);
        assert_eq!(a.performance[2].hasil_kerja, Rating::DiAtas, "replaced");
    }
}
