//! Opened JPT posts: a round never fills them (every JPT post goes through
//! an open selection, seleksi terbuka), but it lists who from the talent
//! pool could take part — candidates, not moves.

use super::model::{RoundInput, RoundModel};
use crate::core::fit::fit;
use crate::core::model::*;
use crate::core::move_class::level;
use crate::core::rules::{pair_rejections, person_rejections, talent_pool_rejection, Rule};

/// How many pool candidates are listed per post.
pub const POOL_CANDIDATES: usize = 10;

/// An opened JPT post and the talent-pool people who meet its requirements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenSelection {
    /// Index into `Workspace::positions`.
    pub position: usize,
    /// (index into `Workspace::asn`, Profile Matching total in thousandths),
    /// best fit first (ties: lower index first).
    pub candidates: Vec<(usize, u32)>,
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
        let mut candidates: Vec<(usize, u32)> = pool
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
                let blocking = pair_rejections(asn, Some(current), post, rules, on)
                    .into_iter()
                    .any(|r| !matches!(r.rule(), Rule::MoveClass | Rule::TalentPool));
                (!blocking).then(|| {
                    let total = fit(asn, post, &ws.competencies, &input.scenario.fit, on);
                    (a, total.total_milli)
                })
            })
            .collect();
        crate::core::sort::sort_by_key(&mut candidates, |&(a, f)| (std::cmp::Reverse(f), a));
        candidates.truncate(POOL_CANDIDATES);
        out.push(OpenSelection {
            position: p,
            candidates,
        });
    }
    out
}
