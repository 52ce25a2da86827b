//! Explanations: for every outcome, the numbers behind it; for any (person,
//! position) pair, why it was not chosen.

use super::model::RoundInput;
use super::terms::Term;
use super::{solve_optimal, Mode, Plan};
use crate::core::fit::{fit, Fit};
use crate::core::model::*;
use crate::core::rules::{pair_rejections, person_rejections, Rejection, Rule};

/// Why a person ended where they did.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    pub row: usize,
    pub moved: bool,
    /// Profile Matching against the outcome's position (the current one when
    /// staying), with every competency GAP and its weight.
    pub fit: Option<Fit>,
    /// Each objective term: raw value, weight, weighted contribution.
    pub terms: Vec<(Term, i64, i64, i64)>,
    pub score: i64,
    /// The rules that were checked and passed.
    pub rules_passed: Vec<Rule>,
    /// Rules a manual decision overrode.
    pub overridden: Vec<Rejection>,
    pub preference_rank: Option<usize>,
    /// The reason of the pin or manual decision, if any.
    pub pinned: Option<String>,
    /// Kept in place by a unit cap.
    pub capped: bool,
    /// Kept in place by a staffing floor (its position's need, its unit's
    /// minimum): nobody would have replaced them.
    pub floored: bool,
}

/// Explains a row's outcome.
pub fn explain(input: &RoundInput<'_>, plan: &Plan, row: usize) -> Explanation {
    let ws = input.ws;
    let model = &plan.model;
    let r = &model.rows[row];
    let asn = &ws.asn[r.asn];
    let c = plan.chosen[row];
    let position = model.slots[plan.slot_of_row[row]].position;
    let fit = position.map(|p| {
        fit(
            asn,
            &ws.positions[p],
            &ws.competencies,
            &input.scenario.fit,
            model.effective,
        )
    });
    let mut failing: Vec<Rule> = person_rejections(asn, &input.scenario.rules, model.effective)
        .iter()
        .map(Rejection::rule)
        .collect();
    if let Some(p) = position {
        failing.extend(
            pair_rejections(
                asn,
                r.current.map(|c| &ws.positions[c]),
                &ws.positions[p],
                crate::core::procedure::crosses(
                    ws,
                    r.current.map(|c| &ws.positions[c]),
                    &ws.positions[p],
                ),
                &input.scenario.rules,
                model.effective,
            )
            .iter()
            .map(Rejection::rule),
        );
    }
    let checked = checked_rules(&input.scenario.rules);
    Explanation {
        row,
        moved: plan.moved(row),
        fit,
        terms: c.terms.contributions(&input.scenario.weights).to_vec(),
        score: c.terms.score(&input.scenario.weights),
        rules_passed: checked
            .into_iter()
            .filter(|rule| !failing.contains(rule))
            .collect(),
        overridden: r.overridden.clone(),
        preference_rank: c.preference_rank,
        pinned: r.pinned.as_ref().map(|(_, why)| why.clone()),
        capped: plan.capped.contains(&row),
        floored: plan.floored.contains(&row),
    }
}

/// The rules a scenario checks (those switched on).
pub fn checked_rules(rules: &RuleSettings) -> Vec<Rule> {
    let mut out = Vec::new();
    if rules.exclude_cpns {
        out.push(Rule::Cpns);
    }
    if rules.exclude_pppk {
        out.push(Rule::Pppk);
    }
    if rules.exclude_open_process {
        out.push(Rule::OpenProcess);
    }
    // A sanction being served is the law's, always checked.
    out.push(Rule::ServingSanction);
    if rules.sanction_lookback_months > 0 {
        out.push(Rule::RecentSanction);
    }
    if rules.exclude_study_leave {
        out.push(Rule::StudyLeave);
    }
    // The kedudukan hukum is the law's, always checked.
    out.push(Rule::LegalStatus);
    if rules.min_months_in_position > 0 {
        out.push(Rule::MinTenure);
    }
    if rules.request_min_baik_months > 0 {
        out.push(Rule::RequestPerformance);
    }
    if rules.retirement_buffer_months > 0 {
        out.push(Rule::NearRetirement);
    }
    out.push(Rule::MoveClass);
    if rules.ten_year_statement_from > 0 {
        out.push(Rule::TenYearStatement);
    }
    if rules.allow_promotion {
        out.push(Rule::TalentPool);
    }
    if rules.require_min_golongan {
        out.push(Rule::MinGolongan);
    }
    if rules.require_education {
        out.push(Rule::EducationLevel);
        out.push(Rule::EducationField);
    }
    out
}

/// Why a person did not get a position.
#[derive(Clone, Debug, PartialEq)]
pub enum WhyNot {
    /// It is their outcome.
    Chosen,
    /// The person is not in the round: the person rules reject them.
    PersonExcluded(Vec<Rejection>),
    /// It is the person's current position and they move elsewhere.
    OwnPosition,
    /// The round has no slot in the position (not opened, no incumbent in
    /// the round).
    NotOpen,
    /// The pair rules reject the pair.
    PairRejected(Vec<Rejection>),
    /// A scenario constraint forbids it.
    Forbidden,
    /// Eligible, but not among the position's best candidates.
    NotAmongBest { score: i64, last_kept: i64 },
    /// The slots went to others; forcing the pair would lower the plan's
    /// objective by `cost`. `None` in stable mode, or when forcing is
    /// impossible (the seat's holder has nowhere else to go).
    Taken {
        holders: Vec<(usize, i64)>,
        score: i64,
        cost: Option<i64>,
    },
}

/// Explains why `row` is not in `position` (an index into the workspace's
/// positions). `asn` is used when the person is not in the round.
pub fn why_not(input: &RoundInput<'_>, plan: &Plan, asn: usize, position: usize) -> WhyNot {
    let ws = input.ws;
    let model = &plan.model;
    let weights = &input.scenario.weights;
    let Some(row) = model.rows.iter().position(|r| r.asn == asn) else {
        let rejections = person_rejections(&ws.asn[asn], &input.scenario.rules, model.effective);
        return WhyNot::PersonExcluded(rejections);
    };
    if model.slots[plan.slot_of_row[row]].position == Some(position) {
        return WhyNot::Chosen;
    }
    if model.rows[row].current == Some(position) {
        return WhyNot::OwnPosition;
    }
    let Some(cols) = model.slots_of.get(&position) else {
        return WhyNot::NotOpen;
    };
    let rejections = pair_rejections(
        &ws.asn[asn],
        model.rows[row].current.map(|c| &ws.positions[c]),
        &ws.positions[position],
        crate::core::procedure::crosses(
            ws,
            model.rows[row].current.map(|c| &ws.positions[c]),
            &ws.positions[position],
        ),
        &input.scenario.rules,
        model.effective,
    );
    if !rejections.is_empty() && model.rows[row].pinned.is_none() {
        return WhyNot::PairRejected(rejections);
    }
    if model.forbidden[row].contains(&position) {
        return WhyNot::Forbidden;
    }
    let list = model
        .candidates
        .get(&position)
        .map_or(&[][..], Vec::as_slice);
    let Some(mine) = list.iter().find(|c| c.row == row) else {
        let last_kept = list.last().map_or(0, |c| c.terms.score(weights));
        let scorer =
            super::model::Scorer::new(ws, input.scenario, model.effective, std::iter::once(asn));
        let mut pair = scorer.pair(0, asn, position, false);
        pair.terms.priority = cols.iter().map(|&k| model.slot_value[k]).max().unwrap_or(0);
        return WhyNot::NotAmongBest {
            score: pair.terms.score(weights),
            last_kept,
        };
    };
    let occupant = plan.row_in_slot();
    let holders: Vec<(usize, i64)> = cols
        .iter()
        .filter_map(|&k| occupant[k].map(|q| (q, plan.chosen[q].terms.score(weights))))
        .collect();
    let cost = match plan.mode {
        Mode::Optimal => {
            let keep = vec![false; model.rows.len()];
            solve_optimal(model, weights, &keep, &[(row, position)], plan.engine)
                .ok()
                .map(|(_, forced)| plan.metrics.objective - forced)
        }
        Mode::Stable => None,
    };
    WhyNot::Taken {
        holders,
        score: mine.terms.score(weights),
        cost,
    }
}
