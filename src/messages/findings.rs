//! The words of a validation finding: where (the JSON path, as it is) and
//! why.

use super::Message;
use crate::core::model::{Finding, Issue, Thing};
use crate::i18n::Lang;

impl Message for Finding {
    fn message(&self, lang: Lang) -> String {
        format!("{}: {}", self.path, self.issue.message(lang))
    }
}

fn thing_id(t: Thing) -> &'static str {
    match t {
        Thing::Competency => "id kompetensi",
        Thing::Agency => "id OPD",
        Thing::Unit => "id unit",
        Thing::Position => "id jabatan",
        Thing::Nip => "NIP",
        Thing::Round => "id putaran",
        Thing::Scenario => "id skenario",
        Thing::Opening => "formasi untuk jabatan",
        Thing::Comment => "nomor tanggapan",
    }
}

fn thing(t: Thing) -> &'static str {
    match t {
        Thing::Competency => "kompetensi",
        Thing::Agency => "OPD",
        Thing::Unit => "unit",
        Thing::Position => "jabatan",
        Thing::Nip => "NIP",
        Thing::Round => "putaran",
        Thing::Scenario => "skenario",
        Thing::Opening => "formasi",
        Thing::Comment => "tanggapan",
    }
}

impl Message for Issue {
    fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            Issue::Duplicate { thing, key, first } => {
                format!("{} \"{key}\" ganda (pertama di {first})", thing_id(*thing))
            }
            Issue::Unknown {
                thing: Thing::Nip,
                key,
            } => format!("NIP {key} tidak dikenal"),
            Issue::Unknown { thing: t, key } => format!("{} \"{key}\" tidak dikenal", thing(*t)),
            Issue::UnitNotInAgency { unit, agency } => {
                format!("unit \"{unit}\" bukan unit OPD \"{agency}\"")
            }
            Issue::UnitCycle => "pohon unit berputar (siklus)".into(),
            Issue::NameEmpty => "nama kosong".into(),
            Issue::LevelOutOfRange(l) => format!("level {l} di luar 1–5"),
            Issue::BirthDateDiffers { stored, nip } => {
                format!("{stored} berbeda dengan tanggal lahir di NIP ({nip})")
            }
            Issue::GenderDiffers => "berbeda dengan digit jenis kelamin NIP".into(),
            Issue::PppkDiffers => {
                "NIP menyatakan PPPK (digit 13–14 = 21) tetapi status tidak, atau sebaliknya".into()
            }
            Issue::NoGolongan => "PNS atau CPNS tanpa golongan".into(),
            Issue::SinceBeforeBirth => "TMT jabatan sebelum tanggal lahir".into(),
            Issue::SecondRecord(p) => format!("catatan kedua untuk periode {p}"),
            Issue::QuarterOutOfRange => "triwulan harus 1–4".into(),
            Issue::ReasonRequired => "keputusan manual memerlukan alasan".into(),
            Issue::OutOfRange { value, low, high } => format!("{value} di luar {low}…{high}"),
            Issue::BandsDecrease => "batas masa kerja tidak boleh menurun".into(),
            Issue::TooMany { count, max } => {
                format!("{count} melebihi {max} yang diperbolehkan")
            }
            Issue::NoWeight => {
                "semua bobot tujuan 0, sehingga tidak ada yang dioptimalkan: beri satu bobot".into()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::{generate, DemoConfig};

    #[test]
    fn findings_keep_their_path_and_data_in_both_languages() {
        let mut ws = generate(&DemoConfig {
            asn: 60,
            ..DemoConfig::default()
        });
        let twin = ws.asn[3].nip.clone();
        ws.asn[5].nip = twin.clone();
        ws.asn[6].name = " ".into();
        let findings = ws.validate();
        let duplicate = findings
            .iter()
            .find(|f| f.path == "asn[5].nip")
            .expect("the duplicate NIP is found");
        assert_eq!(
            duplicate.message(Lang::Id),
            format!("asn[5].nip: NIP \"{twin}\" ganda (pertama di asn[3].nip)")
        );
        assert_eq!(
            duplicate.message(Lang::En),
            format!("asn[5].nip: duplicate NIP \"{twin}\" (first at asn[3].nip)")
        );
        let empty = findings.iter().find(|f| f.path == "asn[6].name").unwrap();
        assert_eq!(empty.issue, Issue::NameEmpty);
        assert_eq!(empty.message(Lang::Id), "asn[6].name: nama kosong");
    }
}
