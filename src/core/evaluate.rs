//! Evaluation after the moves: performance before and after each move,
//! flags for those who do not improve, the 9-box talent map (PermenPANRB
//! 3/2020), training needs from competency gaps, mentor matching, and the
//! program's KPIs per period.
//!
//! A record counts as "before" a move when its period ends before the move's
//! TMT, and "after" when it ends on or after it.

use crate::core::assign::sparse::{self, SparseProblem};
use crate::core::date::Date;
use crate::core::model::*;
use std::collections::{BTreeMap, HashMap};

/// How a moved person's predikat changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Trend {
    Improved,
    Unchanged,
    Declined,
    /// No record before or after the move.
    NoData,
}

/// Why a moved person needs attention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Flag {
    /// No period after the move is better than before, after `periods`.
    NoImprovement { periods: usize },
    /// The latest predikat is below the one before the move.
    Decline { from: Predikat, to: Predikat },
    /// The latest predikat is below Baik.
    BelowBaik { predikat: Predikat },
}

/// One move, with the person's performance around it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BeforeAfter {
    /// Index into `Workspace::moves`.
    pub move_index: usize,
    /// Index into `Workspace::asn`.
    pub asn: usize,
    /// The last predikat before the move.
    pub before: Option<(Period, Predikat)>,
    /// Every predikat after the move, oldest first.
    pub after: Vec<(Period, Predikat)>,
    pub trend: Trend,
    pub flags: Vec<Flag>,
}

/// Before and after for every recorded move (in the order of
/// `Workspace::moves`).
pub fn before_after(ws: &Workspace) -> Vec<BeforeAfter> {
    let nip_ix: HashMap<&Nip, usize> = ws
        .asn
        .iter()
        .enumerate()
        .map(|(i, a)| (&a.nip, i))
        .collect();
    let n = usize::from(ws.evaluation.no_improvement_periods.max(1));
    ws.moves
        .iter()
        .enumerate()
        .filter_map(|(k, m)| {
            let &a = nip_ix.get(&m.asn)?;
            let (before, after) = split_at(&ws.asn[a], m.effective);
            let latest = after.last().map(|r| r.1);
            let trend = match (before, latest) {
                (Some((_, b)), Some(l)) if l > b => Trend::Improved,
                (Some((_, b)), Some(l)) if l < b => Trend::Declined,
                (Some(_), Some(_)) => Trend::Unchanged,
                _ => Trend::NoData,
            };
            let mut flags = Vec::new();
            if let (Some((_, b)), true) = (before, after.len() >= n) {
                if b < Predikat::SangatBaik && after.iter().all(|r| r.1 <= b) {
                    flags.push(Flag::NoImprovement {
                        periods: after.len(),
                    });
                }
            }
            if let (Some((_, b)), Some(l)) = (before, latest) {
                if l < b {
                    flags.push(Flag::Decline { from: b, to: l });
                }
            }
            if let Some(l) = latest {
                if !l.is_at_least_baik() {
                    flags.push(Flag::BelowBaik { predikat: l });
                }
            }
            Some(BeforeAfter {
                move_index: k,
                asn: a,
                before,
                after,
                trend,
                flags,
            })
        })
        .collect()
}

/// The performance row of the 9-box with the default thresholds
/// ([`performance_level_with`]).
pub fn performance_level(asn: &Asn) -> Option<Rating> {
    performance_level_with(asn, &NineBoxThresholds::default())
}

/// The performance row of the 9-box: from the mean of the last two
/// predikat on the standard scale (5 Sangat Baik, 4 Baik, 2.5 Butuh
/// Perbaikan, 2 Kurang, 1 Sangat Kurang): at least `t.above_tenths` (4.5)
/// above expectation, at least `t.expected_tenths` (3.5) as expected, else
/// below.
pub fn performance_level_with(asn: &Asn, t: &NineBoxThresholds) -> Option<Rating> {
    let values = crate::core::fit::recent_performance_tenths(asn, None, &PredikatPoints::default());
    if values.is_empty() {
        return None;
    }
    let mean_x10 = values.iter().sum::<u32>() * 10 / values.len() as u32;
    Some(if mean_x10 >= u32::from(t.above_tenths) * 10 {
        Rating::DiAtas
    } else if mean_x10 >= u32::from(t.expected_tenths) * 10 {
        Rating::Sesuai
    } else {
        Rating::DiBawah
    })
}

/// The 9-box number (PermenPANRB 3/2020):
///
/// | kinerja \ potensial | rendah | menengah | tinggi |
/// |---|---|---|---|
/// | di atas | 4 | 7 | 9 |
/// | sesuai | 2 | 5 | 8 |
/// | di bawah | 1 | 3 | 6 |
pub fn nine_box(performance: Rating, potential: Potential) -> u8 {
    use Potential::*;
    use Rating::*;
    match (performance, potential) {
        (DiAtas, Rendah) => 4,
        (DiAtas, Menengah) => 7,
        (DiAtas, Tinggi) => 9,
        (Sesuai, Rendah) => 2,
        (Sesuai, Menengah) => 5,
        (Sesuai, Tinggi) => 8,
        (DiBawah, Rendah) => 1,
        (DiBawah, Menengah) => 3,
        (DiBawah, Tinggi) => 6,
    }
}

/// The box of a person with the default thresholds, when both axes are
/// known.
pub fn box_of(asn: &Asn) -> Option<u8> {
    box_with(asn, &NineBoxThresholds::default())
}

/// The box of a person with thresholds `t`, when both axes are known.
pub fn box_with(asn: &Asn, t: &NineBoxThresholds) -> Option<u8> {
    Some(nine_box(performance_level_with(asn, t)?, asn.potential?))
}

/// Every person with a box under thresholds `t`, by box number 1–9
/// (indices into `Workspace::asn`).
pub fn nine_box_map(ws: &Workspace, t: &NineBoxThresholds) -> BTreeMap<u8, Vec<usize>> {
    let mut map: BTreeMap<u8, Vec<usize>> =
        crate::core::sort::map_from((1..=9).map(|b| (b, Vec::new())));
    for (i, a) in ws.asn.iter().enumerate() {
        if let Some(b) = box_with(a, t) {
            map.entry(b).or_default().push(i);
        }
    }
    map
}

/// A competency a person lacks for their position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrainingNeed {
    pub asn: usize,
    pub competency: CompetencyId,
    pub required: u8,
    pub actual: u8,
    /// Levels short.
    pub short: u8,
}

/// The competency gaps of `people` against their current positions.
pub fn training_needs(ws: &Workspace, people: &[usize]) -> Vec<TrainingNeed> {
    let index = ws.index();
    let mut out = Vec::new();
    for &a in people {
        let asn = &ws.asn[a];
        let Some(p) = index.position_of(asn) else {
            continue;
        };
        for r in &p.competencies {
            let actual = asn.competency_level(&r.competency).unwrap_or(0);
            if actual < r.level {
                out.push(TrainingNeed {
                    asn: a,
                    competency: r.competency.clone(),
                    required: r.level,
                    actual,
                    short: r.level - actual,
                });
            }
        }
    }
    out
}

/// Training needs grouped for course planning: per (agency, competency), the
/// people and the largest shortfall; largest groups first.
pub fn training_plan(
    ws: &Workspace,
    needs: &[TrainingNeed],
) -> Vec<(AgencyId, CompetencyId, Vec<usize>, u8)> {
    let index = ws.index();
    let mut groups: BTreeMap<(AgencyId, CompetencyId), (Vec<usize>, u8)> = BTreeMap::new();
    for n in needs {
        let Some(p) = index.position_of(&ws.asn[n.asn]) else {
            continue;
        };
        let e = groups
            .entry((p.agency.clone(), n.competency.clone()))
            .or_default();
        if !e.0.contains(&n.asn) {
            e.0.push(n.asn);
        }
        e.1 = e.1.max(n.short);
    }
    let mut list: Vec<(AgencyId, CompetencyId, Vec<usize>, u8)> = groups
        .into_iter()
        .map(|((a, c), (p, s))| (a, c, p, s))
        .collect();
    crate::core::sort::sort_by(&mut list, |x, y| {
        y.2.len()
            .cmp(&x.2.len())
            .then(x.0.cmp(&y.0))
            .then(x.1.cmp(&y.1))
    });
    list
}

/// A mentor proposed for a mentee, with why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MentorMatch {
    pub mentee: usize,
    pub mentor: usize,
    /// Levels of the mentee's gaps the mentor covers (sum over gap
    /// competencies of min(mentor level, required) − mentee level).
    pub coverage: u32,
    pub distance_km: u32,
    pub same_agency: bool,
    pub score: i64,
}

/// Whether a person can mentor: box 7–9, or a latest predikat of Sangat Baik.
pub fn is_mentor_candidate(asn: &Asn) -> bool {
    box_of(asn).is_some_and(|b| b >= 7) || asn.latest_predikat() == Some(Predikat::SangatBaik)
}

/// Matches mentees to mentors with the assignment solver: each mentor takes
/// at most `capacity` mentees; mentors come from the mentee's agency or
/// position family; the score rewards covering the mentee's gaps, the same
/// agency, and a short distance. Mentees with no acceptable mentor get none.
/// Ties: lower indices first (the solver is deterministic).
pub fn match_mentors(ws: &Workspace, mentees: &[usize], capacity: u8) -> Vec<MentorMatch> {
    let index = ws.index();
    let mentors: Vec<usize> = (0..ws.asn.len())
        .filter(|&a| is_mentor_candidate(&ws.asn[a]) && !mentees.contains(&a))
        .collect();
    let capacity = usize::from(capacity.max(1));
    let needs = training_needs(ws, mentees);
    let mut by_mentee: HashMap<usize, Vec<&TrainingNeed>> = HashMap::new();
    for n in &needs {
        by_mentee.entry(n.asn).or_default().push(n);
    }
    let seat = |a: usize| {
        index
            .position_of(&ws.asn[a])
            .and_then(|p| index.seat_of(p))
            .unwrap_or(ws.asn[a].domicile)
    };
    // Columns: capacity slots per mentor, then one "no mentor" slot per mentee.
    let cols = mentors.len() * capacity + mentees.len();
    let mut pairs: Vec<Vec<MentorMatch>> = Vec::with_capacity(mentees.len());
    let mut rows = Vec::with_capacity(mentees.len());
    for (i, &m) in mentees.iter().enumerate() {
        let mp = index.position_of(&ws.asn[m]);
        let mut list = Vec::new();
        let mut options = Vec::new();
        for (k, &t) in mentors.iter().enumerate() {
            let tp = index.position_of(&ws.asn[t]);
            let same_agency = matches!((mp, tp), (Some(a), Some(b)) if a.agency == b.agency);
            let same_family =
                matches!((mp, tp), (Some(a), Some(b)) if a.kind.family() == b.kind.family());
            if !same_agency && !same_family {
                continue;
            }
            let coverage: u32 = by_mentee
                .get(&m)
                .map(|gaps| {
                    gaps.iter()
                        .map(|g| {
                            u32::from(
                                ws.asn[t]
                                    .competency_level(&g.competency)
                                    .unwrap_or(0)
                                    .min(g.required)
                                    .saturating_sub(g.actual),
                            )
                        })
                        .sum()
                })
                .unwrap_or(0);
            let distance_km = seat(m).distance_km(seat(t));
            let score = i64::from(coverage) * 100 + if same_agency { 150 } else { 0 }
                - i64::from(distance_km);
            if score <= 0 {
                continue;
            }
            let mm = MentorMatch {
                mentee: m,
                mentor: t,
                coverage,
                distance_km,
                same_agency,
                score,
            };
            for c in 0..capacity {
                options.push((k * capacity + c, -score));
            }
            list.push(mm);
        }
        options.push((mentors.len() * capacity + i, 0));
        rows.push(options);
        pairs.push(list);
    }
    let Ok(problem) = SparseProblem::from_rows(cols, rows) else {
        return Vec::new();
    };
    let Ok(solution) = sparse::solve(&problem) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, &col) in solution.row_to_col.iter().enumerate() {
        if col < mentors.len() * capacity {
            let mentor = mentors[col / capacity];
            if let Some(m) = pairs[i].iter().find(|p| p.mentor == mentor) {
                out.push(m.clone());
            }
        }
    }
    out
}

/// Improved / unchanged / declined counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Kpi {
    pub improved: usize,
    pub unchanged: usize,
    pub declined: usize,
}

impl Kpi {
    fn add(&mut self, before: Predikat, now: Predikat) {
        if now > before {
            self.improved += 1;
        } else if now < before {
            self.declined += 1;
        } else {
            self.unchanged += 1;
        }
    }

    /// All counted people.
    pub fn total(&self) -> usize {
        self.improved + self.unchanged + self.declined
    }
}

/// Per period after the moves: how many moved ASN are better, the same or
/// worse than before their move.
pub fn kpi_by_period(ws: &Workspace) -> BTreeMap<Period, Kpi> {
    let mut out: BTreeMap<Period, Kpi> = BTreeMap::new();
    for ba in before_after(ws) {
        let Some((_, b)) = ba.before else { continue };
        for (period, p) in &ba.after {
            out.entry(*period).or_default().add(b, *p);
        }
    }
    out
}

/// How [`kpi_by`] groups moved people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KpiGroup {
    /// Their current agency.
    Agency,
    /// The round that moved them.
    Cohort,
    /// The type of the position they moved into.
    PositionType,
}

/// The latest trend of every moved person, grouped.
pub fn kpi_by(ws: &Workspace, group: KpiGroup) -> BTreeMap<String, Kpi> {
    let index = ws.index();
    let mut out: BTreeMap<String, Kpi> = BTreeMap::new();
    for ba in before_after(ws) {
        let (Some((_, b)), Some((_, l))) = (ba.before, ba.after.last().copied()) else {
            continue;
        };
        let key = match group {
            KpiGroup::Agency => index
                .position_of(&ws.asn[ba.asn])
                .and_then(|p| index.agency_of(p))
                .map_or_else(String::new, |a| a.short_name.clone()),
            KpiGroup::Cohort => ws.moves[ba.move_index].round.clone().unwrap_or_default(),
            KpiGroup::PositionType => index
                .positions
                .get(&ws.moves[ba.move_index].to)
                .map_or_else(String::new, |p| p.kind.label().to_string()),
        };
        out.entry(key).or_default().add(b, l);
    }
    out
}

/// How a follow-up turned out: the predikat of the periods ending after it
/// was planned, compared with the last one before.
pub fn follow_up_outcome(asn: &Asn, planned_on: Date) -> Option<(Predikat, Predikat)> {
    let (before, after) = split_at(asn, planned_on);
    Some((before?.1, after.last()?.1))
}

/// A period and its predikat.
type Rated = (Period, Predikat);

/// A person's predikat by period, in period order, split at a date: the
/// last record of a period ending before it, and every record of a period
/// ending on or after it.
fn split_at(asn: &Asn, on: Date) -> (Option<Rated>, Vec<Rated>) {
    let mut records: Vec<Rated> = asn
        .performance
        .iter()
        .map(|r| (r.period, r.predikat()))
        .collect();
    crate::core::sort::sort_by_key(&mut records, |r| r.0);
    let before = records.iter().rev().find(|r| r.0.end_date() < on).copied();
    let after = records
        .into_iter()
        .filter(|r| r.0.end_date() >= on)
        .collect();
    (before, after)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn rec(year: i32, hasil: Rating, perilaku: Rating) -> PerformanceRecord {
        PerformanceRecord {
            period: Period::annual(year),
            hasil_kerja: hasil,
            perilaku_kerja: perilaku,
            score: None,
        }
    }

    fn workspace() -> Workspace {
        let mut ws = crate::core::demo::generate(&crate::core::demo::DemoConfig {
            asn: 120,
            seed: 1,
            ..Default::default()
        });
        ws.moves.clear();
        ws.follow_ups.clear();
        ws
    }

    #[test]
    fn nine_box_is_the_permenpanrb_table() {
        use Potential::*;
        use Rating::*;
        let table = [
            (DiAtas, Rendah, 4),
            (DiAtas, Menengah, 7),
            (DiAtas, Tinggi, 9),
            (Sesuai, Rendah, 2),
            (Sesuai, Menengah, 5),
            (Sesuai, Tinggi, 8),
            (DiBawah, Rendah, 1),
            (DiBawah, Menengah, 3),
            (DiBawah, Tinggi, 6),
        ];
        for (k, p, b) in table {
            assert_eq!(nine_box(k, p), b);
        }
    }

    #[test]
    fn performance_level_from_the_last_two_periods() {
        let mut a = workspace().asn[0].clone();
        use Rating::*;
        a.performance = vec![
            rec(2023, DiBawah, DiBawah),
            rec(2024, DiAtas, DiAtas),
            rec(2025, DiAtas, DiAtas),
        ];
        assert_eq!(performance_level(&a), Some(DiAtas));
        a.performance = vec![rec(2024, DiAtas, DiAtas), rec(2025, Sesuai, Sesuai)]; // (5 + 4) / 2 = 4.5
        assert_eq!(performance_level(&a), Some(DiAtas));
        a.performance = vec![rec(2024, Sesuai, Sesuai), rec(2025, DiBawah, Sesuai)]; // (4 + 2.5) / 2 = 3.25
        assert_eq!(performance_level(&a), Some(DiBawah));
        a.performance.clear();
        assert_eq!(performance_level(&a), None);
    }

    #[test]
    fn flags_and_kpis_on_hand_made_moves() {
        use Rating::*;
        let mut ws = workspace();
        // Three moved people, TMT 1 July 2024: 2023 is before, 2024 and 2025 after.
        let cases = [
            // before Baik → Baik, Sangat Baik: improved
            vec![
                rec(2023, Sesuai, Sesuai),
                rec(2024, Sesuai, Sesuai),
                rec(2025, DiAtas, DiAtas),
            ],
            // before Baik → Baik, Baik: no improvement after 2 periods
            vec![
                rec(2023, Sesuai, Sesuai),
                rec(2024, Sesuai, Sesuai),
                rec(2025, Sesuai, Sesuai),
            ],
            // before Baik → Butuh Perbaikan: decline and below Baik
            vec![
                rec(2023, Sesuai, Sesuai),
                rec(2024, Sesuai, Sesuai),
                rec(2025, DiBawah, Sesuai),
            ],
        ];
        let to = ws.positions[0].id.clone();
        for (k, records) in cases.into_iter().enumerate() {
            ws.asn[k].performance = records;
            ws.moves.push(MoveRecord {
                asn: ws.asn[k].nip.clone(),
                from: None,
                to: to.clone(),
                effective: d(2024, 7, 1),
                round: Some("r".into()),
            });
        }
        let ba = before_after(&ws);
        assert_eq!(
            ba.iter().map(|b| b.trend).collect::<Vec<_>>(),
            vec![Trend::Improved, Trend::Unchanged, Trend::Declined]
        );
        assert!(ba[0].flags.is_empty());
        assert_eq!(ba[1].flags, vec![Flag::NoImprovement { periods: 2 }]);
        assert_eq!(
            ba[2].flags,
            vec![
                Flag::NoImprovement { periods: 2 },
                Flag::Decline {
                    from: Predikat::Baik,
                    to: Predikat::ButuhPerbaikan
                },
                Flag::BelowBaik {
                    predikat: Predikat::ButuhPerbaikan
                },
            ]
        );
        let kpi = kpi_by_period(&ws);
        assert_eq!(
            kpi[&Period::annual(2024)],
            Kpi {
                improved: 0,
                unchanged: 3,
                declined: 0
            }
        );
        assert_eq!(
            kpi[&Period::annual(2025)],
            Kpi {
                improved: 1,
                unchanged: 1,
                declined: 1
            }
        );
        assert_eq!(
            kpi_by(&ws, KpiGroup::Cohort)["r"],
            Kpi {
                improved: 1,
                unchanged: 1,
                declined: 1
            }
        );
        let by_type = kpi_by(&ws, KpiGroup::PositionType);
        assert_eq!(
            by_type[ws.positions[0].kind.label()],
            Kpi {
                improved: 1,
                unchanged: 1,
                declined: 1
            }
        );
        assert_eq!(
            kpi_by(&ws, KpiGroup::Agency)
                .values()
                .map(Kpi::total)
                .sum::<usize>(),
            3
        );
        // With the setting at 3 periods, two are not yet enough.
        ws.evaluation.no_improvement_periods = 3;
        assert!(before_after(&ws)[1].flags.is_empty());
        // A new period changes the KPI.
        ws.asn[1].performance.push(rec(2026, DiAtas, DiAtas));
        assert_eq!(kpi_by_period(&ws)[&Period::annual(2026)].improved, 1);
    }

    #[test]
    fn training_needs_are_the_gaps_against_the_position() {
        let ws = workspace();
        let a = ws
            .asn
            .iter()
            .position(|a| !a.competencies.levels.is_empty() && a.position.is_some())
            .unwrap();
        let needs = training_needs(&ws, &[a]);
        let p = ws.index().position_of(&ws.asn[a]).unwrap().clone();
        for r in &p.competencies {
            let actual = ws.asn[a].competency_level(&r.competency).unwrap_or(0);
            let listed = needs.iter().find(|n| n.competency == r.competency);
            assert_eq!(listed.is_some(), actual < r.level, "{}", r.competency.0);
            if let Some(n) = listed {
                assert_eq!(n.short, r.level - actual);
            }
        }
        let plan = training_plan(&ws, &needs);
        assert_eq!(plan.iter().map(|g| g.2.len()).sum::<usize>(), needs.len());
    }

    #[test]
    fn mentors_respect_capacity_and_eligibility() {
        let ws = crate::core::demo::generate(&crate::core::demo::DemoConfig {
            asn: 600,
            seed: 2,
            ..Default::default()
        });
        let mentees: Vec<usize> = (0..ws.asn.len())
            .filter(|&a| !is_mentor_candidate(&ws.asn[a]))
            .take(60)
            .collect();
        let matches = match_mentors(&ws, &mentees, 2);
        assert!(!matches.is_empty());
        let mut load: BTreeMap<usize, usize> = BTreeMap::new();
        for m in &matches {
            assert!(is_mentor_candidate(&ws.asn[m.mentor]));
            assert!(mentees.contains(&m.mentee));
            *load.entry(m.mentor).or_default() += 1;
        }
        assert!(load.values().all(|&n| n <= 2), "capacity 2");
        let unique: std::collections::BTreeSet<usize> = matches.iter().map(|m| m.mentee).collect();
        assert_eq!(unique.len(), matches.len(), "one mentor per mentee");
        assert_eq!(match_mentors(&ws, &mentees, 2), matches, "deterministic");
    }
}
