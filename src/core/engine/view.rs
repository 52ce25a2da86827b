//! Plan views: what the result pages list, built from a plan in the core so
//! that pages render rows instead of walking the engine's model. Every view
//! names people by their index in `Workspace::asn` and positions by their
//! index in `Workspace::positions`; rows come in the plan's row order (the
//! workspace's ASN order), so the lists are as deterministic as the plan.

use super::explain::{why_not, WhyNot};
use super::model::{RoundInput, SlotKind, WithheldWhy};
use super::report::class_of_row;
use super::stable::{Phase, Points};
use super::Plan;
use crate::core::fit::JpmCategory;
use crate::core::model::{AgencyId, Nip, PositionId, PositionType, Priority, Regency, Workspace};
use crate::core::move_class::MoveClass;
use crate::core::procedure::{crossing, Crossing};
use crate::core::rules::{pair_rejections, Rejection};

/// One move of a plan.
#[derive(Clone, Debug, PartialEq)]
pub struct MoveRow {
    pub row: usize,
    /// Index into `Workspace::asn`.
    pub asn: usize,
    pub from: Option<usize>,
    pub to: usize,
    pub to_agency: AgencyId,
    /// The kabupaten/kota of the destination unit.
    pub to_seat: Regency,
    pub kind: PositionType,
    pub class: MoveClass,
    pub fit_milli: u32,
    pub jpm: JpmCategory,
    /// 0 = the person's first wish.
    pub preference_rank: Option<usize>,
    pub distance_km: u32,
    /// Stable mode: the phase the move comes from.
    pub phase: Option<Phase>,
    /// A transfer between governments (it needs its checklist before the
    /// round is decided).
    pub crossing: Option<Crossing>,
}

/// Which moves to list: each `None` keeps all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MoveFilter {
    pub agency: Option<AgencyId>,
    pub seat: Option<Regency>,
    pub kind: Option<PositionType>,
}

impl MoveFilter {
    pub fn keeps(&self, m: &MoveRow) -> bool {
        self.agency.as_ref().is_none_or(|a| *a == m.to_agency)
            && self.seat.is_none_or(|s| s == m.to_seat)
            && self.kind.is_none_or(|k| k == m.kind)
    }
}

/// Everyone who moves, in row order.
pub fn moves(ws: &Workspace, plan: &Plan) -> Vec<MoveRow> {
    let mut rows = (0..plan.row_count())
        .filter(|&r| plan.moved(r))
        .filter_map(|r| {
            let to = plan.destination(r)?;
            let pos = &ws.positions[to];
            let c = plan.chosen[r];
            Some(MoveRow {
                row: r,
                asn: plan.person(r),
                from: plan.current(r),
                to,
                to_agency: pos.agency.clone(),
                to_seat: ws.position_seat(pos),
                kind: pos.kind,
                class: class_of_row(ws, plan, r)?,
                fit_milli: c.fit_milli,
                jpm: JpmCategory::of(c.jpm_permille),
                preference_rank: c.preference_rank,
                distance_km: c.distance_km,
                phase: plan.phase(r),
                crossing: crossing(ws, plan.current(r).map(|p| &ws.positions[p]), pos),
            })
        })
        .collect::<Vec<_>>();
    // In the file's order of the people, as every list of them.
    crate::core::sort::sort_by(&mut rows, |a, b| a.asn.cmp(&b.asn));
    rows
}

/// One of a person's phase-1 options with its published points, as the
/// socialisation sheet shows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WishPoints {
    pub position: usize,
    /// The wish it answers (0 = first; a person without wishes taken near
    /// their domicile has one implicit wish).
    pub wish: Option<usize>,
    pub points: Points,
    /// Whether the plan gives the person this position.
    pub granted: bool,
}

/// A person's options in phase 1 (their wishes a position could give
/// them, in their order) with the points each position gives them. Empty
/// for someone who does not take part.
pub fn wish_points(ws: &Workspace, plan: &Plan, row: usize) -> Vec<WishPoints> {
    let to = plan.destination(row);
    plan.market
        .options(&plan.model, row)
        .map(|c| WishPoints {
            position: c.position,
            wish: c.preference_rank,
            points: plan.market.points(ws, &plan.model, c),
            granted: to == Some(c.position) && plan.moved(row),
        })
        .collect()
}

/// The rows that stay where they are, in row order.
pub fn stays(plan: &Plan) -> Vec<usize> {
    (0..plan.row_count()).filter(|&r| !plan.moved(r)).collect()
}

/// An opening the plan leaves (partly) unfilled: one per empty slot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vacancy {
    pub position: usize,
    pub priority: Priority,
    /// Whether anyone could have taken it (they went elsewhere); `false`:
    /// nobody in the round passes its rules.
    pub has_candidates: bool,
    /// Why the law kept it unfilled, when it did (see
    /// [`super::model::WithheldWhy`]).
    pub withheld: Option<WithheldWhy>,
}

/// The empty slots of the round's openings, in slot order, then the
/// openings the law kept unfilled: a structural post whose holder did not
/// leave or whose seat nobody took, slots above a position's need.
pub fn vacancies(plan: &Plan) -> Vec<Vacancy> {
    let occupant = plan.row_in_slot();
    let has_candidates = |position: usize| {
        plan.model
            .candidates
            .get(&position)
            .is_some_and(|l| !l.is_empty())
    };
    let mut out: Vec<Vacancy> = plan
        .model
        .slots
        .iter()
        .enumerate()
        .filter(|(k, _)| occupant[*k].is_none())
        .filter_map(|(_, s)| match (s.kind, s.position) {
            (SlotKind::Opening(priority), Some(position)) => Some(Vacancy {
                position,
                priority,
                has_candidates: has_candidates(position),
                withheld: None,
            }),
            _ => None,
        })
        .collect();
    for w in &plan.model.withheld {
        let open = match w.why {
            WithheldWhy::HolderLeaves { row } => {
                let seat = plan.model.rows[row].seat;
                usize::from(occupant[seat].is_none_or(|q| q == row))
            }
            _ => w.asked.saturating_sub(w.given) as usize,
        };
        for _ in 0..open {
            out.push(Vacancy {
                position: w.position,
                priority: w.priority,
                has_candidates: has_candidates(w.position),
                withheld: Some(w.why),
            });
        }
    }
    out
}

/// Who a manual decision on a row acts on, and the outcome it would keep:
/// the person's NIP and their destination's id (`None`: no position).
pub fn outcome(ws: &Workspace, plan: &Plan, row: usize) -> (Nip, Option<PositionId>) {
    (
        ws.asn[plan.person(row)].nip.clone(),
        plan.destination(row).map(|p| ws.positions[p].id.clone()),
    )
}

/// A swap of two people's outcomes: each takes the other's destination.
/// `None` when the other is not in the round, is the same person, or one
/// of them has no destination.
pub fn swap(
    ws: &Workspace,
    plan: &Plan,
    row: usize,
    other: &str,
) -> Option<[(Nip, PositionId); 2]> {
    let other_row = plan.row_of(ws, other).filter(|&o| o != row)?;
    let (me, mine) = outcome(ws, plan, row);
    let (them, theirs) = outcome(ws, plan, other_row);
    Some([(me, theirs?), (them, mine?)])
}

/// The other candidates of a row's destination, best first, at most `n`,
/// each with why it is not theirs: (index into `Workspace::asn`, why).
pub fn competitors(
    input: &RoundInput<'_>,
    plan: &Plan,
    row: usize,
    n: usize,
) -> Vec<(usize, WhyNot)> {
    let Some(p) = plan.destination(row) else {
        return Vec::new();
    };
    plan.model
        .candidates
        .get(&p)
        .map(|list| {
            list.iter()
                .filter(|c| c.row != row)
                .take(n)
                .map(|c| {
                    let asn = plan.person(c.row);
                    (asn, why_not(input, plan, asn, p))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Why the people a search names are not in a row's destination: any ASN
/// of the workspace, matched by NIP (digits, anywhere in it) or by every
/// word of the name, at most `n`, by name then NIP; the row's own person is
/// left out. Empty when the row does not move or the query is blank.
pub fn why_not_search(
    input: &RoundInput<'_>,
    plan: &Plan,
    row: usize,
    query: &str,
    n: usize,
) -> Vec<(usize, WhyNot)> {
    let ws = input.ws;
    let Some(p) = plan.destination(row).filter(|_| plan.moved(row)) else {
        return Vec::new();
    };
    let digits: String = query.chars().filter(|c| !c.is_whitespace()).collect();
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let by_nip = digits.bytes().all(|b| b.is_ascii_digit());
    let me = plan.person(row);
    let mut hits: Vec<usize> = (0..ws.asn.len())
        .filter(|&a| a != me)
        .filter(|&a| {
            let person = &ws.asn[a];
            if by_nip {
                return person.nip.as_str().contains(&digits);
            }
            let name = person.name.to_lowercase();
            words.iter().all(|w| name.contains(w.as_str()))
        })
        .collect();
    crate::core::sort::sort_by(&mut hits, |&a, &b| {
        let (x, y) = (&ws.asn[a], &ws.asn[b]);
        x.name
            .to_lowercase()
            .cmp(&y.name.to_lowercase())
            .then_with(|| x.nip.cmp(&y.nip))
    });
    hits.truncate(n);
    hits.into_iter()
        .map(|a| (a, why_not(input, plan, a, p)))
        .collect()
}

/// The positions a row is a candidate for, in position order.
pub fn options(plan: &Plan, row: usize) -> Vec<usize> {
    plan.model
        .candidates
        .iter()
        .filter(|(_, list)| list.iter().any(|c| c.row == row))
        .map(|(&p, _)| p)
        .collect()
}

/// Openings of the round the rules refuse a row, with the reasons, at most
/// `n`, in the round's opening order (a promotion or demotion says so).
pub fn refused_openings(
    input: &RoundInput<'_>,
    plan: &Plan,
    row: usize,
    n: usize,
) -> Vec<(usize, Vec<Rejection>)> {
    let ws = input.ws;
    let current = plan.current(row);
    let mut out = Vec::new();
    for o in &input.round.openings {
        if out.len() == n {
            break;
        }
        let Some(p) = ws.positions.iter().position(|x| x.id == o.position) else {
            continue;
        };
        let candidate = plan
            .model
            .candidates
            .get(&p)
            .is_some_and(|l| l.iter().any(|c| c.row == row));
        if candidate || current == Some(p) {
            continue;
        }
        let rejections = pair_rejections(
            &ws.asn[plan.person(row)],
            current.map(|c| &ws.positions[c]),
            &ws.positions[p],
            crate::core::procedure::crosses(
                ws,
                current.map(|c| &ws.positions[c]),
                &ws.positions[p],
            ),
            &input.scenario.rules,
            plan.model.effective,
        );
        if !rejections.is_empty() {
            out.push((p, rejections));
        }
    }
    out
}

/// The manual decisions and pins the class rule refused: (index into
/// `Workspace::asn`, position, the class that was refused).
pub fn refused_pins(plan: &Plan) -> &[(usize, usize, MoveClass)] {
    &plan.model.refused_pins
}

/// The JPT posts the round opened, which need an open selection, with the
/// talent-pool members who could apply (see [`super::selection`]).
pub fn open_selection(input: &RoundInput<'_>, plan: &Plan) -> Vec<super::selection::OpenSelection> {
    super::selection::open_selection(input, &plan.model)
}
