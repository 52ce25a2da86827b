//! Opened JPT posts: a round never fills them (every JPT post goes through
//! an open selection, seleksi terbuka), but it lists who from the talent
//! pool could take part — candidates, not moves.

use super::model::{RoundInput, RoundModel};
use crate::core::date::Date;
use crate::core::fit::fit;
use crate::core::model::*;
use crate::core::move_class::level;
use crate::core::rules::{pair_rejections, person_rejections, talent_pool_rejection, Rule};

/// How many pool candidates are listed per post.
pub const POOL_CANDIDATES: usize = 10;

/// A requirement of PP 11/2017 Pasal 107 (as amended by PP 17/2020) for a
/// JPT pratama post that the data can check. Relevant experience (5 years
/// in related work) and integrity are for the selection committee.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Pasal107 {
    /// S1 or D-IV.
    Education,
    /// At most 56 years old.
    Age,
    /// Now administrator or JF ahli madya (or a JPT) for at least 2 years.
    Rank,
    /// Predikat at least Baik in the annual records of the last 2 years.
    Performance,
}

/// The Pasal 107 requirements `asn`, who holds `current`, does not meet on
/// `on` for a JPT pratama post, in order.
pub fn pasal_107_unmet(asn: &Asn, current: &Position, on: Date) -> Vec<Pasal107> {
    let mut out = Vec::new();
    if asn.education.level < EducationLevel::D4 {
        out.push(Pasal107::Education);
    }
    if asn.age_on(on) > 56 {
        out.push(Pasal107::Age);
    }
    let rank = matches!(
        current.kind,
        PositionType::Administrator | PositionType::AhliMadya
    ) || current.kind.family() == PositionFamily::Jpt;
    if !rank || asn.months_in_position(on).is_none_or(|m| m < 24) {
        out.push(Pasal107::Rank);
    }
    let window_start = on.add_months(-24);
    if asn
        .performance
        .iter()
        .filter(|r| r.period.quarter.is_none())
        .filter(|r| r.period.end_date() > window_start && r.period.end_date() <= on)
        .any(|r| !r.predikat().is_at_least_baik())
    {
        out.push(Pasal107::Performance);
    }
    out
}

/// An opened JPT post and the talent-pool people who meet its requirements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenSelection {
    /// Index into `Workspace::positions`.
    pub position: usize,
    /// (index into `Workspace::asn`, Profile Matching total in thousandths),
    /// those meeting every Pasal 107 requirement first, then by fewest
    /// unmet, best fit, lower index.
    pub candidates: Vec<(usize, u32)>,
    /// For a JPT pratama post, each candidate's unmet Pasal 107
    /// requirements (empty: meets them all); empty for other posts.
    pub unmet: Vec<Vec<Pasal107>>,
}

/// For each opened JPT post the model set aside
/// ([`RoundModel::open_selection`], in the round's order), the talent-pool
/// members one level below it (or at its level, in a JPT post of their own)
/// who pass the person rules and the post's golongan, education and
/// retirement rules.
pub fn open_selection(input: &RoundInput<'_>, model: &RoundModel) -> Vec<OpenSelection> {
    let ws = input.ws;
    let rules = &input.scenario.rules;
    let on = input.round.effective_date;
    let index = ws.index();
    let pool: Vec<usize> = ws
        .asn
        .iter()
        .enumerate()
        .filter(|(_, a)| talent_pool_rejection(a, rules).is_none())
        .filter(|(_, a)| person_rejections(a, rules, on).is_empty())
        .map(|(i, _)| i)
        .collect();
    let mut out = Vec::new();
    for &p in &model.open_selection {
        let post = &ws.positions[p];
        let pratama = post.kind == PositionType::JptPratama;
        let mut candidates: Vec<(usize, u32, Vec<Pasal107>)> = pool
            .iter()
            .filter_map(|&a| {
                let asn = &ws.asn[a];
                let current = index.position_of(asn)?;
                if current.id == post.id {
                    return None;
                }
                let step = i32::from(level(post.kind)) - i32::from(level(current.kind));
                let same_level_jpt = step == 0 && current.kind.family() == PositionFamily::Jpt;
                if step != 1 && !same_level_jpt {
                    return None;
                }
                let crosses = crate::core::procedure::crosses(ws, Some(current), post);
                let blocking = pair_rejections(asn, Some(current), post, crosses, rules, on)
                    .into_iter()
                    .any(|r| !matches!(r.rule(), Rule::MoveClass | Rule::TalentPool));
                (!blocking).then(|| {
                    let total = fit(asn, post, &ws.competencies, &input.scenario.fit, on);
                    let unmet = if pratama {
                        pasal_107_unmet(asn, current, on)
                    } else {
                        Vec::new()
                    };
                    (a, total.total_milli, unmet)
                })
            })
            .collect();
        crate::core::sort::sort_by_key(&mut candidates, |(a, f, unmet)| {
            (unmet.len(), std::cmp::Reverse(*f), *a)
        });
        candidates.truncate(POOL_CANDIDATES);
        out.push(OpenSelection {
            position: p,
            unmet: if pratama {
                candidates.iter().map(|c| c.2.clone()).collect()
            } else {
                Vec::new()
            },
            candidates: candidates.into_iter().map(|(a, f, _)| (a, f)).collect(),
        });
    }
    out
}
