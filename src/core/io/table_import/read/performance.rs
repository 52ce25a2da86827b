//! A performance row: a period's record of one ASN, matched by NIP and
//! period.

use super::super::*;
use super::*;
use crate::core::io::values;
use crate::core::model::{PerformanceRecord, Period};

impl RowReader<'_, '_> {
    pub(super) fn performance(&mut self, r: usize, problems: &mut Vec<Problem>) -> Option<Change> {
        let ws = self.lookup.ws;
        let nip = self.read(r, Field::Nip, values::nip, problems);
        if nip.is_none() && self.cell(r, Field::Nip).is_empty() {
            self.missing(r, Field::Nip, problems);
        }
        let year = self.read(r, Field::Year, values::whole_number, problems);
        if year.is_none() && self.cell(r, Field::Year).is_empty() {
            self.missing(r, Field::Year, problems);
        }
        if year.is_some_and(|y| !(1990..=2100).contains(&y)) {
            problems.push(self.problem(r, Some(Field::Year), Reason::YearOutOfRange));
        }
        let quarter = self
            .read(r, Field::Quarter, values::quarter, problems)
            .flatten();
        let hasil = self.read(r, Field::HasilKerja, values::rating, problems);
        let perilaku = self.read(r, Field::PerilakuKerja, values::rating, problems);
        let predikat = self.read(r, Field::Predikat, values::predikat, problems);
        let ratings = match (hasil, perilaku, predikat) {
            (Some(h), Some(p), _) => Some((h, p)),
            (_, _, Some(p)) => Some(values::ratings_for(p)),
            _ => None,
        };
        if ratings.is_none() && problems.is_empty() {
            problems.push(self.problem(r, Some(Field::Predikat), Reason::NeedRatingsOrPredikat));
        }
        let score = self
            .read(r, Field::Score, values::number, problems)
            .map(|s| s as f32);
        let (Some(nip), Some(year), Some((hasil_kerja, perilaku_kerja))) = (nip, year, ratings)
        else {
            return None;
        };
        if !problems.is_empty() {
            return None;
        }
        let Some(&index) = self.lookup.asn_by_nip.get(nip.as_str()) else {
            problems.push(self.problem(
                r,
                Some(Field::Nip),
                Reason::UnknownNip(nip.as_str().to_string()),
            ));
            return None;
        };
        let period = Period {
            year: year as i32,
            quarter,
        };
        if let Some(first_row) = self.first_seen(format!("{}|{period}", nip.as_str()), r) {
            problems.push(self.problem(r, Some(Field::Nip), Reason::Duplicate { first_row }));
            return None;
        }
        let replaces = ws.asn[index].performance.iter().any(|p| p.period == period);
        Some(Change::Performance {
            asn: index,
            record: PerformanceRecord {
                period,
                hasil_kerja,
                perilaku_kerja,
                score,
            },
            replaces,
        })
    }
}
