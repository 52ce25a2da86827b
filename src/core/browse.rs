//! Table views over a workspace: flat rows for the ASN and position tables,
//! text search, filters and sorting, and the needs-analysis summary per
//! agency. Pure, so the tables' behaviour is tested natively and the UI
//! only renders the rows it is given.
//!
//! Sorting is stable and every sort ends with a unique key (NIP or position
//! id), so the same query always gives the same order.

use crate::core::date::Date;
use crate::core::model::*;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// One line of the ASN table.
#[derive(Clone, Debug, PartialEq)]
pub struct AsnRow {
    /// Index into `Workspace::asn`.
    pub index: usize,
    pub nip: String,
    pub name: String,
    pub golongan: Option<Golongan>,
    /// A PPPK's golongan I–XVII.
    pub pppk_golongan: Option<PppkGolongan>,
    pub status: EmploymentStatus,
    pub position: String,
    pub kind: Option<PositionType>,
    pub agency: Option<AgencyId>,
    pub agency_short: String,
    pub unit: String,
    pub months_in_position: Option<i32>,
    pub predikat: Option<Predikat>,
    search: String,
}

/// Columns the ASN table sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum AsnSort {
    #[default]
    Name,
    Nip,
    Golongan,
    Position,
    Agency,
    Tenure,
    Predikat,
}

/// What the ASN table shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AsnQuery {
    /// Matched, case-insensitively, against name and NIP.
    pub text: String,
    pub agency: Option<AgencyId>,
    pub golongan: Option<Golongan>,
    pub status: Option<EmploymentStatus>,
    pub sort: AsnSort,
    pub descending: bool,
}

/// Builds the rows of the ASN table, in workspace order.
pub fn asn_rows(ws: &Workspace, today: Date) -> Vec<AsnRow> {
    let index = ws.index();
    ws.asn
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let position = index.position_of(a);
            let agency = position.and_then(|p| index.agency_of(p));
            AsnRow {
                index: i,
                nip: a.nip.as_str().to_string(),
                name: a.name.clone(),
                golongan: a.golongan,
                pppk_golongan: a.pppk_golongan,
                status: a.status,
                position: position.map(|p| p.name.clone()).unwrap_or_default(),
                kind: position.map(|p| p.kind),
                agency: position.map(|p| p.agency.clone()),
                agency_short: agency.map(|ag| ag.short_name.clone()).unwrap_or_default(),
                unit: match (position, agency) {
                    (Some(p), Some(ag)) => {
                        ag.unit(&p.unit).map(|u| u.name.clone()).unwrap_or_default()
                    }
                    _ => String::new(),
                },
                months_in_position: a.months_in_position(today),
                predikat: a.latest_predikat(),
                search: format!("{} {}", a.name.to_lowercase(), a.nip.as_str()),
            }
        })
        .collect()
}

/// The indices (into `rows`) that match the query, in display order.
pub fn query_asn(rows: &[AsnRow], q: &AsnQuery) -> Vec<usize> {
    let needle = q.text.trim().to_lowercase().replace(' ', "");
    let words: Vec<String> = q.text.split_whitespace().map(str::to_lowercase).collect();
    let mut hits: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            (needle.is_empty()
                || words.iter().all(|w| r.search.contains(w.as_str()))
                || (needle.bytes().all(|b| b.is_ascii_digit()) && r.nip.contains(&needle)))
                && q.agency
                    .as_ref()
                    .is_none_or(|a| r.agency.as_ref() == Some(a))
                && q.golongan.is_none_or(|g| r.golongan == Some(g))
                && q.status.is_none_or(|s| r.status == s)
        })
        .map(|(i, _)| i)
        .collect();
    let key = |a: &AsnRow, b: &AsnRow| -> Ordering {
        match q.sort {
            AsnSort::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            AsnSort::Nip => Ordering::Equal,
            AsnSort::Golongan => a.golongan.cmp(&b.golongan),
            AsnSort::Position => a.position.cmp(&b.position),
            AsnSort::Agency => a.agency_short.cmp(&b.agency_short),
            AsnSort::Tenure => a.months_in_position.cmp(&b.months_in_position),
            AsnSort::Predikat => a.predikat.cmp(&b.predikat),
        }
    };
    crate::core::sort::sort_by(&mut hits, |&i, &j| {
        let (a, b) = (&rows[i], &rows[j]);
        let primary = key(a, b).then_with(|| a.nip.cmp(&b.nip));
        if q.descending {
            primary.reverse()
        } else {
            primary
        }
    });
    hits
}

/// One line of the position table.
#[derive(Clone, Debug, PartialEq)]
pub struct PositionRow {
    /// Index into `Workspace::positions`.
    pub index: usize,
    pub id: String,
    pub name: String,
    pub kind: PositionType,
    pub agency: AgencyId,
    pub agency_short: String,
    pub unit: String,
    pub seat: Regency,
    pub need: u32,
    pub occupied: u32,
    pub min_golongan: Option<Golongan>,
    /// "Perlu diperiksa": its type was guessed on import.
    pub review: bool,
    search: String,
}

impl PositionRow {
    /// Kebutuhan − bezetting: positive is a shortage.
    pub fn gap(&self) -> i64 {
        i64::from(self.need) - i64::from(self.occupied)
    }
}

/// Columns the position table sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PositionSort {
    #[default]
    Agency,
    Name,
    Kind,
    Need,
    Occupied,
    Gap,
}

/// What the position table shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PositionQuery {
    pub text: String,
    pub agency: Option<AgencyId>,
    pub kind: Option<PositionType>,
    /// Only positions filled below their need.
    pub understaffed: bool,
    /// Only positions to check (their type was guessed on import).
    pub review: bool,
    pub sort: PositionSort,
    pub descending: bool,
}

/// Builds the rows of the position table, in workspace order.
pub fn position_rows(ws: &Workspace) -> Vec<PositionRow> {
    let index = ws.index();
    ws.positions
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let agency = index.agency_of(p);
            let unit = agency
                .and_then(|a| a.unit(&p.unit))
                .map(|u| u.name.clone())
                .unwrap_or_default();
            PositionRow {
                index: i,
                id: p.id.0.clone(),
                name: p.name.clone(),
                kind: p.kind,
                agency: p.agency.clone(),
                agency_short: agency.map(|a| a.short_name.clone()).unwrap_or_default(),
                search: format!(
                    "{} {} {}",
                    p.name.to_lowercase(),
                    unit.to_lowercase(),
                    p.id.0.to_lowercase()
                ),
                unit,
                seat: index.seat_of(p).unwrap_or(Regency::KotaJambi),
                need: p.need,
                occupied: index.occupied(&p.id),
                min_golongan: p.min_golongan,
                review: p.review,
            }
        })
        .collect()
}

/// The indices (into `rows`) that match the query, in display order.
pub fn query_positions(rows: &[PositionRow], q: &PositionQuery) -> Vec<usize> {
    let words: Vec<String> = q.text.split_whitespace().map(str::to_lowercase).collect();
    let mut hits: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            words.iter().all(|w| r.search.contains(w.as_str()))
                && q.agency.as_ref().is_none_or(|a| &r.agency == a)
                && q.kind.is_none_or(|k| r.kind == k)
                && (!q.understaffed || r.gap() > 0)
                && (!q.review || r.review)
        })
        .map(|(i, _)| i)
        .collect();
    crate::core::sort::sort_by(&mut hits, |&i, &j| {
        let (a, b) = (&rows[i], &rows[j]);
        let primary = match q.sort {
            PositionSort::Agency => a.agency_short.cmp(&b.agency_short),
            PositionSort::Name => a.name.cmp(&b.name),
            PositionSort::Kind => a.kind.cmp(&b.kind),
            PositionSort::Need => a.need.cmp(&b.need),
            PositionSort::Occupied => a.occupied.cmp(&b.occupied),
            PositionSort::Gap => a.gap().cmp(&b.gap()),
        }
        .then_with(|| a.id.cmp(&b.id));
        if q.descending {
            primary.reverse()
        } else {
            primary
        }
    });
    hits
}

/// The slice of `len` items shown on page `page` (0-based) of `per_page`,
/// with the page clamped to the last one.
pub fn page_range(len: usize, page: usize, per_page: usize) -> (usize, std::ops::Range<usize>) {
    let per_page = per_page.max(1);
    let pages = len.div_ceil(per_page).max(1);
    let page = page.min(pages - 1);
    let start = page * per_page;
    (page, start..(start + per_page).min(len))
}

/// The number of pages `len` items fill.
pub fn page_count(len: usize, per_page: usize) -> usize {
    len.div_ceil(per_page.max(1)).max(1)
}

/// The needs analysis of one agency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgencyNeeds {
    pub agency: AgencyId,
    pub short_name: String,
    /// People holding a position in the agency.
    pub staff: usize,
    /// Sum of positive staffing gaps (kebutuhan − bezetting) over its positions.
    pub shortage: u32,
    /// Staff whose latest predikat is below Baik.
    pub low_predikat: usize,
    /// Staff whose job-person match with their own position is below 68 % (KMS).
    pub kms: usize,
    /// Staff over the maximum time in position.
    pub over_tenure: usize,
    /// The round's openings in the agency.
    pub openings: usize,
    pub slots: u32,
    pub urgent: usize,
}

/// The needs analysis of every agency, most opened slots first, then
/// largest shortage, then agency id. `max_months` is the refreshment limit.
pub fn needs_by_agency(
    ws: &Workspace,
    round: Option<&Round>,
    on: Date,
    max_months: u16,
) -> Vec<AgencyNeeds> {
    let index = ws.index();
    let mut map: BTreeMap<&AgencyId, AgencyNeeds> =
        crate::core::sort::map_from(ws.agencies.iter().map(|a| {
            (
                &a.id,
                AgencyNeeds {
                    agency: a.id.clone(),
                    short_name: a.short_name.clone(),
                    staff: 0,
                    shortage: 0,
                    low_predikat: 0,
                    kms: 0,
                    over_tenure: 0,
                    openings: 0,
                    slots: 0,
                    urgent: 0,
                },
            )
        }));
    for o in round.map(|r| r.openings.as_slice()).unwrap_or_default() {
        let Some(p) = index.positions.get(&o.position) else {
            continue;
        };
        if let Some(entry) = map.get_mut(&p.agency) {
            entry.openings += 1;
            entry.slots = entry.slots.saturating_add(o.slots);
            entry.urgent += usize::from(o.priority == Priority::Mendesak);
        }
    }
    for p in &ws.positions {
        if let Some(entry) = map.get_mut(&p.agency) {
            entry.shortage = entry
                .shortage
                .saturating_add(p.need.saturating_sub(index.occupied(&p.id)));
        }
    }
    let fit_settings = FitSettings::default();
    for a in &ws.asn {
        let Some(p) = index.position_of(a) else {
            continue;
        };
        let Some(entry) = map.get_mut(&p.agency) else {
            continue;
        };
        entry.staff += 1;
        entry.low_predikat +=
            usize::from(a.latest_predikat().is_some_and(|pr| !pr.is_at_least_baik()));
        let f = crate::core::fit::fit(a, p, &ws.competencies, &fit_settings, on);
        entry.kms += usize::from(f.category == crate::core::fit::JpmCategory::Kms);
        entry.over_tenure += usize::from(
            a.months_in_position(on)
                .is_some_and(|m| m > i32::from(max_months)),
        );
    }
    let mut list: Vec<AgencyNeeds> = map.into_values().collect();
    crate::core::sort::sort_by(&mut list, |a, b| {
        b.slots
            .cmp(&a.slots)
            .then(b.shortage.cmp(&a.shortage))
            .then_with(|| a.agency.cmp(&b.agency))
    });
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::demo::{generate, DemoConfig};

    fn ws() -> Workspace {
        generate(&DemoConfig {
            asn: 300,
            seed: 3,
            ..DemoConfig::default()
        })
    }

    fn today() -> Date {
        Date::new(2026, 11, 28).unwrap()
    }

    #[test]
    fn search_matches_name_words_and_nip_digits() {
        let ws = ws();
        let rows = asn_rows(&ws, today());
        let target = &rows[17];
        let first_word = target
            .name
            .split_whitespace()
            .next()
            .unwrap()
            .to_uppercase();
        let q = AsnQuery {
            text: first_word.clone(),
            ..Default::default()
        };
        let hits = query_asn(&rows, &q);
        assert!(hits.contains(&17));
        assert!(hits
            .iter()
            .all(|&i| rows[i].name.to_uppercase().contains(&first_word)
                || rows[i].nip.contains(&first_word)));
        let q = AsnQuery {
            text: target.nip[..8].to_string() + " " + &target.nip[8..14],
            ..Default::default()
        };
        assert!(
            query_asn(&rows, &q).contains(&17),
            "a spaced NIP prefix finds the person"
        );
        let q = AsnQuery {
            text: "zzzz-nobody".into(),
            ..Default::default()
        };
        assert!(query_asn(&rows, &q).is_empty());
    }

    #[test]
    fn filters_combine() {
        let ws = ws();
        let rows = asn_rows(&ws, today());
        let agency = rows[0].agency.clone();
        let q = AsnQuery {
            agency: agency.clone(),
            status: Some(EmploymentStatus::Pns),
            ..Default::default()
        };
        let hits = query_asn(&rows, &q);
        assert!(!hits.is_empty());
        assert!(hits
            .iter()
            .all(|&i| rows[i].agency == agency && rows[i].status == EmploymentStatus::Pns));
        let all_in_agency = rows.iter().filter(|r| r.agency == agency).count();
        assert!(hits.len() <= all_in_agency);
        let q = AsnQuery {
            golongan: Some(Golongan::IIIa),
            ..Default::default()
        };
        assert!(query_asn(&rows, &q)
            .iter()
            .all(|&i| rows[i].golongan == Some(Golongan::IIIa)));
    }

    #[test]
    fn sorting_is_total_and_reversible() {
        let ws = ws();
        let rows = asn_rows(&ws, today());
        for sort in [
            AsnSort::Name,
            AsnSort::Golongan,
            AsnSort::Tenure,
            AsnSort::Predikat,
            AsnSort::Agency,
        ] {
            let up = query_asn(
                &rows,
                &AsnQuery {
                    sort,
                    ..Default::default()
                },
            );
            let mut down = query_asn(
                &rows,
                &AsnQuery {
                    sort,
                    descending: true,
                    ..Default::default()
                },
            );
            down.reverse();
            assert_eq!(up, down, "{sort:?}");
            assert_eq!(up.len(), rows.len());
        }
        let by_tenure = query_asn(
            &rows,
            &AsnQuery {
                sort: AsnSort::Tenure,
                ..Default::default()
            },
        );
        for pair in by_tenure.windows(2) {
            assert!(rows[pair[0]].months_in_position <= rows[pair[1]].months_in_position);
        }
    }

    #[test]
    fn position_rows_count_holders_and_gaps() {
        let ws = ws();
        let rows = position_rows(&ws);
        let total: u32 = rows.iter().map(|r| r.occupied).sum();
        assert_eq!(
            total as usize,
            ws.asn.iter().filter(|a| a.position.is_some()).count()
        );
        let under = query_positions(
            &rows,
            &PositionQuery {
                understaffed: true,
                sort: PositionSort::Gap,
                descending: true,
                ..Default::default()
            },
        );
        assert!(!under.is_empty());
        assert!(under.iter().all(|&i| rows[i].gap() > 0));
        assert!(rows[under[0]].gap() >= rows[*under.last().unwrap()].gap());
        let kepala = query_positions(
            &rows,
            &PositionQuery {
                text: "kepala bidang".into(),
                ..Default::default()
            },
        );
        assert!(kepala
            .iter()
            .all(|&i| rows[i].name.to_lowercase().contains("kepala")
                && rows[i].name.to_lowercase().contains("bidang")));
        assert!(!kepala.is_empty());
    }

    #[test]
    fn pages_clamp() {
        assert_eq!(page_range(120, 0, 50), (0, 0..50));
        assert_eq!(page_range(120, 2, 50), (2, 100..120));
        assert_eq!(page_range(120, 9, 50), (2, 100..120));
        assert_eq!(page_range(0, 3, 50), (0, 0..0));
        assert_eq!(page_count(120, 50), 3);
        assert_eq!(page_count(0, 50), 1);
    }

    #[test]
    fn needs_summary_adds_up() {
        let ws = ws();
        let round = ws.rounds.iter().find(|r| !r.openings.is_empty()).unwrap();
        let needs = needs_by_agency(&ws, Some(round), today(), 60);
        assert_eq!(needs.len(), ws.agencies.len());
        assert_eq!(
            needs.iter().map(|n| n.staff).sum::<usize>(),
            ws.asn.iter().filter(|a| a.position.is_some()).count()
        );
        let low: usize = ws
            .asn
            .iter()
            .filter(|a| a.latest_predikat().is_some_and(|p| !p.is_at_least_baik()))
            .count();
        assert_eq!(needs.iter().map(|n| n.low_predikat).sum::<usize>(), low);
        assert!(needs
            .iter()
            .all(|n| n.kms <= n.staff && n.over_tenure <= n.staff));
        assert!(needs.iter().map(|n| n.over_tenure).sum::<usize>() > 0);
        let slots: u32 = needs.iter().map(|n| n.slots).sum();
        assert_eq!(slots, round.openings.iter().map(|o| o.slots).sum::<u32>());
        assert_eq!(
            needs.iter().map(|n| n.openings).sum::<usize>(),
            round.openings.len()
        );
        for pair in needs.windows(2) {
            assert!(pair[0].slots >= pair[1].slots);
        }
        assert!(needs.iter().all(|n| n.shortage >= n.slots));
    }
}
