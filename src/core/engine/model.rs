//! The round as the solvers see it: people (rows), slots (columns) and the
//! candidate pairs between them, with every number needed to explain them.
//!
//! Built once per (workspace, round, scenario): eligibility is checked,
//! Profile Matching is computed on dense competency arrays (the same integer
//! arithmetic as [`crate::core::fit::fit`], which a test holds equal), and
//! each position keeps its best [`CANDIDATES_PER_POSITION`] candidates.

use super::terms::{Terms, PRIORITY_VALUE, SEAT_VALUE};
use crate::core::date::Date;
use crate::core::fit::{
    div_round, education_gap, experience_required, gap_weight_tenths, group_of,
    recent_performance_tenths, service_level, Aspect,
};
use crate::core::model::*;
use crate::core::rules::{person_rejections, Rejection};
use std::collections::{BTreeMap, HashMap};

/// How many candidates each position keeps (best objective first).
pub const CANDIDATES_PER_POSITION: usize = 50;

/// A column: a place a person can end up in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SlotKind {
    /// One slot of an opening from the needs analysis.
    Opening(Priority),
    /// The seat a person in the round holds now; it becomes fillable when
    /// they move (a vacancy chain).
    Seat { holder: usize },
    /// A slot added because a manual decision places someone in a position
    /// the round did not open.
    Manual,
    /// Nowhere: a person in the round who holds no position stays unplaced.
    Unplaced { row: usize },
}

/// A column of the problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Slot {
    /// Index into `Workspace::positions` (none for `Unplaced`).
    pub position: Option<usize>,
    pub kind: SlotKind,
}

/// A row of the problem: a person in the round.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Row {
    /// Index into `Workspace::asn`.
    pub asn: usize,
    /// Index into `Workspace::positions` of the current position.
    pub current: Option<usize>,
    /// The column of the person's own seat (or of their `Unplaced` slot).
    pub seat: usize,
    /// The position a pin or a manual decision fixes, and why.
    pub pinned: Option<(usize, String)>,
    /// Person rules a manual decision overrides (empty for movable people).
    #[serde(with = "super::wire::rejections_as_json")]
    pub overridden: Vec<Rejection>,
}

/// A candidate pair with its objective terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Candidate {
    pub row: usize,
    pub position: usize,
    pub terms: Terms,
    pub fit_milli: u32,
    pub jpm_permille: u32,
    pub preference_rank: Option<usize>,
    pub distance_km: u32,
}

/// A person left out of the round, with the reasons.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Excluded {
    pub asn: usize,
    #[serde(with = "super::wire::rejections_as_json")]
    pub rejections: Vec<Rejection>,
}

/// The assembled round.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct RoundModel {
    pub rows: Vec<Row>,
    pub slots: Vec<Slot>,
    /// Columns of each position that has any.
    pub slots_of: BTreeMap<usize, Vec<usize>>,
    /// The priority term earned by filling each column (see [`super::terms`]).
    pub slot_value: Vec<i64>,
    /// Candidates per position, best first (ties: lower row first). They
    /// travel to the page in parts of their own ([`super::wire`]).
    #[serde(skip)]
    pub candidates: BTreeMap<usize, Vec<Candidate>>,
    /// Each row's own-seat candidate (staying).
    pub stay: Vec<Candidate>,
    pub excluded: Vec<Excluded>,
    /// Positions each row may not take (scenario constraints).
    pub forbidden: Vec<Vec<usize>>,
    pub effective: Date,
    /// Opened JPT positions: not slots of the round, they need an open
    /// selection (seleksi terbuka); see [`super::selection::open_selection`].
    pub open_selection: Vec<usize>,
    /// Pins (manual decisions, swaps, scenario pins) not applied because
    /// their class is not one the scenario allows (a demotion or a JPT fill
    /// never is): (ASN index, position index, class).
    pub refused_pins: Vec<(usize, usize, crate::core::move_class::MoveClass)>,
    /// Openings the round asked for that are not slots of their own, and
    /// why (one holder per structural post; no position above its need):
    /// see [`Withheld`].
    #[serde(default)]
    pub withheld: Vec<Withheld>,
    /// Pins into a position that has no room (a structural post held by
    /// someone who is not leaving, a position at its need): (ASN index,
    /// position index). The person stays where they are.
    #[serde(default)]
    pub full_pins: Vec<(usize, usize)>,
    /// Rows taking part in stable mode's phase 1 (people with wishes, or,
    /// by the scenario's choice, everyone; never a pinned row); see
    /// [`super::stable`].
    pub participant: Vec<bool>,
    /// Positions phase 1 can give anyone (see [`super::stable::attainable`]).
    pub attainable: BTreeMap<usize, bool>,
}

/// An opening of the round that is not (wholly) a slot of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Withheld {
    /// Index into `Workspace::positions`.
    pub position: usize,
    pub priority: Priority,
    /// Slots the round asked for, and slots it got.
    pub asked: u32,
    pub given: u32,
    pub why: WithheldWhy,
}

/// Why an opening is withheld.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum WithheldWhy {
    /// A structural post with a holder in the round: opening it means the
    /// holder leaves, so the opening is the holder's seat (worth the
    /// opening's priority, the holder's staying worth nothing), filled
    /// when the plan moves the holder lawfully and someone takes it.
    HolderLeaves { row: usize },
    /// A structural post whose holder is not in the round (a rule keeps
    /// them, or they are not movable): it has no room.
    HolderStays { asn: usize },
    /// The position would hold more than its need (or than it holds now,
    /// if more): `cap` holders at most, `held` now.
    AtNeed { cap: u32, held: u32 },
}

/// Whether a position type is a structural post with exactly one holder:
/// JPT, administrator, pengawas.
pub fn one_holder(kind: PositionType) -> bool {
    matches!(
        kind,
        PositionType::JptUtama
            | PositionType::JptMadya
            | PositionType::JptPratama
            | PositionType::Administrator
            | PositionType::Pengawas
    )
}

/// Dense, allocation-free facts about positions, for eligibility and fit.
pub(crate) struct Index {
    comp_ids: HashMap<CompetencyId, usize>,
    position_ix: HashMap<PositionId, usize>,
    aspect_of: Vec<Aspect>,
    /// Interned education fields (trimmed, lower case).
    fields: HashMap<String, u32>,
    positions: Vec<PositionFacts>,
    /// The distinct retirement ages (BUP) of the positions, ascending.
    bups: Vec<u8>,
}

struct PositionFacts {
    /// (competency, required level, core)
    reqs: Vec<(usize, u8, bool)>,
    seat: Regency,
    /// Accepted fields, sorted; empty accepts any.
    fields: Vec<u32>,
    /// Positions with the same fit group give every person the same Profile
    /// Matching result (same requirements, education and experience level),
    /// so the round computes it once per group and person.
    fit_group: usize,
    kind: PositionType,
    eselon: Option<crate::core::titles::Eselon>,
    /// The government of the position's agency.
    government: Government,
    /// The interned JF ([`crate::core::move_class::jf_of`]); none for
    /// structural and JPT positions.
    jf: Option<u32>,
    /// The retirement age (BUP) under the scenario's rules.
    bup: u8,
}

/// See [`Scorer::eligibility_key`].
type EligibilityKey = (
    Option<(
        PositionType,
        Option<crate::core::titles::Eselon>,
        Government,
        Option<u32>,
    )>,
    bool,
    bool,
    usize,
    bool,
    Option<Golongan>,
    EducationLevel,
    Option<u32>,
);

type FitSignature = (
    Vec<(usize, u8, bool)>,
    Vec<u32>,
    Option<EducationLevel>,
    i32,
);

fn field_key(field: &str) -> String {
    field.trim().to_ascii_lowercase()
}

impl Index {
    pub(crate) fn new(ws: &Workspace, rules: &RuleSettings) -> Index {
        let mut jfs: HashMap<String, u32> = HashMap::new();
        let mut comp: HashMap<&CompetencyId, usize> = HashMap::new();
        let mut aspect_of = Vec::new();
        let mut fields: HashMap<String, u32> = HashMap::new();
        let seats: HashMap<&UnitId, Regency> = ws
            .agencies
            .iter()
            .flat_map(|a| {
                a.units
                    .iter()
                    .map(move |u| (&u.id, u.seat.unwrap_or(a.seat)))
            })
            .collect();
        let mut positions = Vec::with_capacity(ws.positions.len());
        let mut groups: HashMap<FitSignature, usize> = HashMap::new();
        // The government of each agency, for the ten-year statement.
        let government_of: HashMap<&AgencyId, Government> =
            ws.agencies.iter().map(|a| (&a.id, a.government)).collect();
        for p in &ws.positions {
            let reqs = p
                .competencies
                .iter()
                .map(|r| {
                    let next = aspect_of.len();
                    let k = *comp.entry(&r.competency).or_insert(next);
                    if k == next {
                        aspect_of.push(match group_of(&r.competency, &ws.competencies) {
                            CompetencyGroup::Manajerial => Aspect::Manajerial,
                            CompetencyGroup::SosialKultural => Aspect::SosialKultural,
                            CompetencyGroup::Teknis => Aspect::Teknis,
                        });
                    }
                    (k, r.level, r.core)
                })
                .collect();
            let mut accepted: Vec<u32> = p
                .education
                .fields
                .iter()
                .map(|f| {
                    let next = fields.len() as u32;
                    *fields.entry(field_key(f)).or_insert(next)
                })
                .collect();
            accepted.sort_unstable();
            let reqs: Vec<(usize, u8, bool)> = reqs;
            let signature = (
                reqs.clone(),
                accepted.clone(),
                p.education.min_level,
                experience_required(p.kind),
            );
            let next = groups.len();
            let fit_group = *groups.entry(signature).or_insert(next);
            let jf = crate::core::move_class::jf_of(p).map(|name| {
                let next = jfs.len() as u32;
                *jfs.entry(name).or_insert(next)
            });
            positions.push(PositionFacts {
                reqs,
                seat: seats.get(&p.unit).copied().unwrap_or(Regency::KotaJambi),
                fields: accepted,
                fit_group,
                kind: p.kind,
                eselon: p.eselon,
                government: government_of
                    .get(&p.agency)
                    .copied()
                    .unwrap_or(ws.government),
                jf,
                bup: rules.bup(p),
            });
        }
        // Competencies of people that no position asks for are never read.
        let comp_ids = comp.into_iter().map(|(id, k)| (id.clone(), k)).collect();
        let position_ix = ws
            .positions
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        let mut bups: Vec<u8> = positions.iter().map(|p| p.bup).collect();
        bups.sort_unstable();
        bups.dedup();
        Index {
            comp_ids,
            position_ix,
            aspect_of,
            fields,
            positions,
            bups,
        }
    }
}
/// Facts about a person, for eligibility and fit.
pub(crate) struct PersonFacts {
    levels: Vec<u8>,
    perf_tenths: Vec<u32>,
    service_years: i32,
    field: Option<u32>,
    /// The lowest retirement age (BUP) at which the person is not within the
    /// retirement buffer: a position with a lower BUP is refused.
    safe_bup: u8,
    /// Index of the current position.
    current: Option<usize>,
    /// In the talent pool (9-box at least the scenario's minimum).
    in_pool: bool,
    /// Bound by the ten-year statement: no move to another government.
    ten_year: bool,
}

impl PersonFacts {
    pub(crate) fn new(
        index: &Index,
        asn: &Asn,
        rules: &RuleSettings,
        fit: &FitSettings,
        on: Date,
    ) -> PersonFacts {
        let mut levels = vec![0u8; index.aspect_of.len()];
        for (id, level) in &asn.competencies.levels {
            if let Some(&k) = index.comp_ids.get(id) {
                levels[k] = *level;
            }
        }
        let perf_tenths = recent_performance_tenths(asn, Some(on), &fit.predikat_points);
        let entry_year = asn.service_from();
        // Within the buffer for an age implies within it for every lower
        // age, so one threshold answers every BUP.
        let near = |age: u8| {
            let retires = crate::core::model::retirement_date(asn.birth_date, age);
            rules.retirement_buffer_months > 0
                && (retires <= on
                    || on.whole_months_until(retires) < i32::from(rules.retirement_buffer_months))
        };
        let safe_bup = (0..=u8::MAX).find(|&age| !near(age)).unwrap_or(u8::MAX);
        PersonFacts {
            levels,
            perf_tenths,
            service_years: on.year() - entry_year,
            field: index.fields.get(&field_key(&asn.education.field)).copied(),
            safe_bup,
            current: asn
                .position
                .as_ref()
                .and_then(|c| index.position_ix.get(&c.position).copied()),
            in_pool: crate::core::rules::talent_pool_rejection(asn, rules).is_none(),
            ten_year: crate::core::rules::ten_year_rejection(asn, rules, on).is_some(),
        }
    }
}

/// The class rule, as [`crate::core::rules::class_rejection`] decides it.
fn class_ok(index: &Index, person: &PersonFacts, p: usize, rules: &RuleSettings) -> bool {
    use crate::core::move_class::{classify_kinds, one_step_up_kinds, MoveClass};
    let to = &index.positions[p];
    // Someone whose position is unknown is placed only by a manual
    // decision (a pinned row's pairs do not ask).
    let Some(from) = person.current.map(|c| &index.positions[c]) else {
        return false;
    };
    let same_jf = from.jf == to.jf;
    let class = crate::core::move_class::by_eselon(
        classify_kinds(from.kind, to.kind, same_jf),
        from.eselon,
        to.eselon,
    );
    if !crate::core::rules::class_allowed(class, rules) {
        return false;
    }
    class != MoveClass::Promotion
        || (person.in_pool && one_step_up_kinds(from.kind, to.kind, same_jf))
}

/// Whether the pair passes the pair rules: the same answer as
/// `pair_rejections(..).is_empty()`, without allocating (a test holds them
/// equal).
pub(crate) fn eligible(
    index: &Index,
    person: &PersonFacts,
    asn: &Asn,
    p: usize,
    pos: &Position,
    rules: &RuleSettings,
) -> bool {
    if !class_ok(index, person, p, rules) {
        return false;
    }
    if person.ten_year
        && person
            .current
            .is_some_and(|c| index.positions[c].government != index.positions[p].government)
    {
        return false;
    }
    if index.positions[p].bup < person.safe_bup {
        return false;
    }
    if rules.require_min_golongan && asn.status != EmploymentStatus::Pppk {
        if let Some(required) = pos.min_golongan {
            if asn.golongan.is_none_or(|g| g < required) {
                return false;
            }
        }
    }
    if rules.require_education {
        if pos
            .education
            .min_level
            .is_some_and(|min| asn.education.level < min)
        {
            return false;
        }
        if !field_ok(index, person, p) {
            return false;
        }
    }
    true
}

fn field_ok(index: &Index, person: &PersonFacts, p: usize) -> bool {
    let accepted = &index.positions[p].fields;
    accepted.is_empty()
        || person
            .field
            .is_some_and(|f| accepted.binary_search(&f).is_ok())
}

/// Profile Matching total and JPM, as [`crate::core::fit::fit`] computes
/// them, without allocating.
pub(crate) fn fast_fit(
    index: &Index,
    person: &PersonFacts,
    asn: &Asn,
    p: usize,
    pos: &Position,
    s: &FitSettings,
) -> (u32, u32) {
    // Per aspect: (core sum, core n, secondary sum, secondary n), in tenths.
    let mut acc = [(0u64, 0u64, 0u64, 0u64); 3];
    let (mut have, mut need) = (0u64, 0u64);
    for &(k, required, core) in &index.positions[p].reqs {
        let actual = person.levels[k];
        let level = actual.clamp(1, 5);
        let w = u64::from(gap_weight_tenths(i32::from(level) - i32::from(required)));
        have += u64::from(actual.min(required));
        need += u64::from(required);
        let slot = match index.aspect_of[k] {
            Aspect::Manajerial => 0,
            Aspect::SosialKultural => 1,
            _ => 2,
        };
        let a = &mut acc[slot];
        if core {
            a.0 += w;
            a.1 += 1;
        } else {
            a.2 += w;
            a.3 += 1;
        }
    }
    let core_share = u64::from(s.core_percent.min(100));
    let combine = |(cs, cn, ss, sn): (u64, u64, u64, u64)| -> Option<u64> {
        let ncf = (cn > 0).then(|| div_round(cs * 100, cn));
        let nsf = (sn > 0).then(|| div_round(ss * 100, sn));
        match (ncf, nsf) {
            (Some(c), Some(n)) => Some(div_round(core_share * c + (100 - core_share) * n, 100)),
            (Some(c), None) => Some(c),
            (None, Some(n)) => Some(n),
            (None, None) => None,
        }
    };
    let mut scores: [(Option<u64>, u64); 6] = [
        (combine(acc[0]), u64::from(s.manajerial)),
        (combine(acc[1]), u64::from(s.sosial_kultural)),
        (combine(acc[2]), u64::from(s.teknis)),
        (None, u64::from(s.education)),
        (None, u64::from(s.performance)),
        (None, u64::from(s.experience)),
    ];
    let level_short = pos
        .education
        .min_level
        .is_some_and(|min| asn.education.level < min);
    let field_off = !field_ok(index, person, p);
    let education_gap = education_gap(level_short, field_off, s);
    scores[3].0 = Some(u64::from(gap_weight_tenths(education_gap)) * 100);
    let perf = if person.perf_tenths.is_empty() {
        u64::from(s.predikat_points.no_record) * 100
    } else {
        div_round(
            person
                .perf_tenths
                .iter()
                .map(|&x| u64::from(x))
                .sum::<u64>()
                * 100,
            person.perf_tenths.len() as u64,
        )
    };
    scores[4].0 = Some(perf);
    let experience_gap =
        service_level(person.service_years, &s.experience_bands) - experience_required(pos.kind);
    scores[5].0 = Some(u64::from(gap_weight_tenths(experience_gap)) * 100);
    let present = scores.iter().filter_map(|(s, w)| s.map(|s| (s, *w)));
    let weight_sum: u64 = present.clone().map(|(_, w)| w).sum();
    let total = if weight_sum == 0 {
        let n = present.clone().count() as u64;
        div_round(present.map(|(s, _)| s).sum(), n)
    } else {
        div_round(present.map(|(s, w)| s * w).sum(), weight_sum)
    };
    let jpm = if need == 0 {
        1000
    } else {
        div_round(have * 1000, need)
    };
    (total as u32, jpm as u32)
}

/// The rank (0 = first) of the first preference that names the position,
/// its unit, its agency or its regency.
pub fn preference_rank(asn: &Asn, p: &Position, seat: Regency) -> Option<usize> {
    asn.preferences.iter().position(|pref| match &pref.target {
        PreferenceTarget::Position(id) => id == &p.id,
        PreferenceTarget::Unit(u) => u == &p.unit,
        PreferenceTarget::Agency(a) => a == &p.agency,
        PreferenceTarget::Regency(r) => *r == seat,
    })
}

/// Scores (person, position) pairs: eligibility aside, the objective terms
/// and the fit of a pair.
pub struct Scorer<'a> {
    ws: &'a Workspace,
    scenario: &'a Scenario,
    on: Date,
    index: Index,
    /// Facts of the people it was built for, by the caller's row number.
    facts: Vec<PersonFacts>,
}

impl<'a> Scorer<'a> {
    /// A scorer for the given people (indices into `Workspace::asn`), in
    /// row order.
    pub fn new(
        ws: &'a Workspace,
        scenario: &'a Scenario,
        on: Date,
        people: impl Iterator<Item = usize>,
    ) -> Scorer<'a> {
        let index = Index::new(ws, &scenario.rules);
        let facts = people
            .map(|a| PersonFacts::new(&index, &ws.asn[a], &scenario.rules, &scenario.fit, on))
            .collect();
        Scorer {
            ws,
            scenario,
            on,
            index,
            facts,
        }
    }

    /// Whether row `row` (person `asn`) passes the pair rules for `p`.
    pub fn eligible(&self, row: usize, asn: usize, p: usize) -> bool {
        eligible(
            &self.index,
            &self.facts[row],
            &self.ws.asn[asn],
            p,
            &self.ws.positions[p],
            &self.scenario.rules,
        )
    }

    /// What [`Scorer::eligible`] reads of row `row` (person `asn`): rows
    /// with the same key are eligible for the same positions (their own
    /// position, bans and pins aside), so a round checks each position
    /// once per key instead of once per person. A test holds the two ways
    /// equal.
    fn eligibility_key(&self, row: usize, asn: usize) -> EligibilityKey {
        let person = &self.facts[row];
        let a = &self.ws.asn[asn];
        let from = person.current.map(|c| {
            let f = &self.index.positions[c];
            (f.kind, f.eselon, f.government, f.jf)
        });
        // Only the position BUPs below the threshold matter, not the age.
        let bup = self
            .index
            .bups
            .iter()
            .filter(|&&b| b < person.safe_bup)
            .count();
        (
            from,
            person.in_pool,
            person.ten_year,
            bup,
            a.status == EmploymentStatus::Pppk,
            a.golongan,
            a.education.level,
            person.field,
        )
    }

    /// The fit group of position `p` (see `PositionFacts::fit_group`).
    fn fit_group(&self, p: usize) -> usize {
        self.index.positions[p].fit_group
    }

    /// The pair of row `row` (person `asn`) and position `p`; `priority` is
    /// left 0 for the caller.
    pub fn pair(&self, row: usize, asn: usize, p: usize, staying: bool) -> Candidate {
        self.pair_cached(row, asn, p, staying, None)
    }

    /// [`Scorer::pair`], reading and filling `cache[row]` (fit and JPM
    /// packed, `u64::MAX` = not yet known) when the caller keeps one cache
    /// per fit group.
    fn pair_cached(
        &self,
        row: usize,
        asn: usize,
        p: usize,
        staying: bool,
        cache: Option<&mut [u64]>,
    ) -> Candidate {
        let person = &self.ws.asn[asn];
        let pos = &self.ws.positions[p];
        let compute = || {
            fast_fit(
                &self.index,
                &self.facts[row],
                person,
                p,
                pos,
                &self.scenario.fit,
            )
        };
        let (fit_milli, jpm_permille) = match cache.and_then(|c| c.get_mut(row)) {
            Some(slot) if *slot != u64::MAX => ((*slot >> 32) as u32, *slot as u32),
            Some(slot) => {
                let (f, j) = compute();
                *slot = (u64::from(f) << 32) | u64::from(j);
                (f, j)
            }
            None => compute(),
        };
        let seat = self.index.positions[p].seat;
        let distance_km = person.domicile.distance_km(seat);
        let preference_rank = if staying {
            None
        } else {
            preference_rank(person, pos, seat)
        };
        let over_tenure = person
            .months_in_position(self.on)
            .is_some_and(|m| m > i32::from(self.scenario.rules.max_months_in_position));
        let terms = Terms::new(
            fit_milli,
            preference_rank,
            person.own_request,
            distance_km,
            staying,
            over_tenure,
        );
        Candidate {
            row,
            position: p,
            terms,
            fit_milli,
            jpm_permille,
            preference_rank,
            distance_km,
        }
    }
}

/// Inputs of [`RoundModel::build`].
pub struct RoundInput<'a> {
    pub ws: &'a Workspace,
    pub round: &'a Round,
    pub scenario: &'a Scenario,
}

/// A candidate pair as [`Prepared`] keeps it: everything of it that the
/// objective weights do not change, its terms included (see
/// [`Prepared::candidate`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Pair {
    row: u32,
    /// At most 5000 (Profile Matching tops at 5.000).
    fit_milli: u16,
    /// At most 1000.
    jpm_permille: u16,
    /// Km between two seats of the province (a few hundred at most).
    distance_km: u16,
    /// The preference rank; [`NO_RANK`] for none (a person states at most
    /// [`crate::core::model::limits::MAX_PREFERENCES`]).
    rank: u8,
    /// Kept whatever its score: a pinned row, or a wish phase 1 may need.
    always: bool,
    /// The terms of its score, before weighting ([`TermBits`]):
    /// a province's round scores three million pairs per drag, and this
    /// spares each of them the row's flags and the terms' arithmetic.
    terms: TermBits,
}

const NO_RANK: u8 = u8::MAX;

impl Pair {
    /// Kept whatever its score, or with a wish term: scored first, outside
    /// the runs (see [`PositionPairs`]).
    fn special(&self) -> bool {
        self.always || self.terms.preference() != 0
    }
}

/// A position's eligible pairs for [`Prepared::model`]. Once arranged
/// ([`PositionPairs::arrange`]): first the special ones (kept whatever
/// their score, or with a wish term), then the plain ones in runs that
/// share the distance and refreshment terms, each by fit term, highest
/// first. Within a run a pair's score falls with its fit term, so the scan
/// of a run stops at the first pair that scores below the worst of the
/// best found so far: every later one scores less. Before, every pair
/// counts as special: each is scored.
#[derive(Clone, Debug)]
struct PositionPairs {
    value: i64,
    pairs: Vec<Pair>,
    special: usize,
    /// Where each run of plain pairs ends (they follow one another from
    /// `special`).
    run_ends: Vec<u32>,
}

impl PositionPairs {
    /// The pairs as they come, not arranged.
    fn new(value: i64, pairs: Vec<Pair>) -> PositionPairs {
        PositionPairs {
            value,
            special: pairs.len(),
            pairs,
            run_ends: Vec::new(),
        }
    }

    /// Sorts the pairs into the special ones and the runs (see above);
    /// `scratch` is room for the sort, reused from position to position.
    fn arrange(&mut self, scratch: &mut Vec<Pair>) {
        let pairs = &mut self.pairs;
        // A plain pair's bits hold no preference term, so they order by
        // refreshment, then distance, then fit, here in 21 bits; the fit
        // bits flipped order it highest first. Special pairs come first.
        // (The order among special pairs, and among equal fit terms, does
        // not matter: the selection ranks by score, then row.)
        let key = |pair: &Pair| -> usize {
            if pair.special() {
                0
            } else {
                let bits = pair.terms.0;
                1 + (((bits >> 31) << 20) | ((bits & 0xF_FFFF) ^ 1023)) as usize
            }
        };
        if pairs.len() < 512 {
            pairs.sort_unstable_by_key(key);
        } else {
            // Radix sort, 11 bits a pass (keys are below 2^22): a round's
            // three million pairs in two passes over each position.
            scratch.clear();
            scratch.extend_from_slice(pairs);
            for shift in [0, 11] {
                let (from, to) = if shift == 0 {
                    (&*pairs, &mut *scratch)
                } else {
                    (&*scratch, &mut *pairs)
                };
                let mut next = [0usize; 2049];
                for pair in from.iter() {
                    next[((key(pair) >> shift) & 2047) + 1] += 1;
                }
                for b in 1..next.len() {
                    next[b] += next[b - 1];
                }
                for pair in from.iter() {
                    let b = (key(pair) >> shift) & 2047;
                    to[next[b]] = *pair;
                    next[b] += 1;
                }
            }
        }
        let special = pairs.iter().take_while(|pair| pair.special()).count();
        let run = |pair: &Pair| pair.terms.0 >> 10;
        let plain = &pairs[special..];
        self.run_ends = (0..plain.len())
            .filter(|&i| {
                plain
                    .get(i + 1)
                    .is_none_or(|next| run(next) != run(&plain[i]))
            })
            .map(|i| (special + i + 1) as u32)
            .collect();
        self.special = special;
    }

    /// The runs of plain pairs, as ranges of `pairs`.
    fn runs(&self) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        let starts = std::iter::once(self.special).chain(self.run_ends.iter().map(|&e| e as usize));
        starts
            .zip(self.run_ends.iter().map(|&e| e as usize))
            .map(|(a, b)| a..b)
    }
}

/// A pair's fit, distance and preference terms and whether it earns the
/// refreshment term, in one word: bits 0–9 fit (≤ 1000), 10–19 distance
/// (≤ 1000), 20–30 preference (≤ 1500), 31 refreshment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct TermBits(u32);

impl TermBits {
    /// A moving pair's terms (its priority is the position's, and it earns
    /// no stability).
    fn of(terms: &Terms) -> TermBits {
        TermBits::new(
            terms.fit,
            terms.distance,
            terms.preference,
            terms.refreshment != 0,
        )
    }

    fn new(fit: i64, distance: i64, preference: i64, refreshment: bool) -> TermBits {
        // Each term is within its bits (see [`Terms`]); the clamps only
        // keep a changed bound from spilling into the next field.
        let field = |x: i64, max: i64| x.clamp(0, max) as u32;
        TermBits(
            field(fit, 1023)
                | field(distance, 1023) << 10
                | field(preference, 2047) << 20
                | u32::from(refreshment) << 31,
        )
    }

    fn fit(self) -> i64 {
        i64::from(self.0 & 1023)
    }

    fn distance(self) -> i64 {
        i64::from((self.0 >> 10) & 1023)
    }

    fn preference(self) -> i64 {
        i64::from((self.0 >> 20) & 2047)
    }

    fn refreshment(self) -> bool {
        self.0 >> 31 != 0
    }

    /// The score under `w` without the priority term (it is the same for
    /// every pair of a position).
    fn score(self, w: &ObjectiveWeights) -> i64 {
        i64::from(w.fit) * self.fit() - i64::from(w.distance) * self.distance()
            + i64::from(w.preference) * self.preference()
            + i64::from(w.refreshment) * 1000 * i64::from(self.refreshment())
    }
}

/// The round with every eligible pair and its weight-free terms: all that
/// the people, positions, rules and Profile Matching settings decide, and
/// nothing the objective weights decide. A weight changes only which
/// candidates each position keeps and how the solver scores them, so a
/// slider drag re-selects from a cached `Prepared` ([`Prepared::model`])
/// instead of building the round again (eligibility, fit, distances and
/// wishes are its cost).
#[derive(Clone, Debug)]
pub struct Prepared {
    /// The round without candidates (filled by [`Prepared::model`]).
    base: RoundModel,
    /// Per position with columns: every eligible pair, and the value its
    /// candidates are ranked with (its best slot value).
    pairs: BTreeMap<usize, PositionPairs>,
    /// Whether the pairs are arranged for early exits ([`Prepared::arrange`]).
    arranged: bool,
}

impl Prepared {
    /// Arranges the pairs so that a selection scores only the best of them
    /// ([`PositionPairs`]): the same candidates, in a fraction of the time
    /// (a 20,000-ASN round scores about 80,000 pairs instead of 3 million),
    /// after a sort of every pair. A round is planned once as built; only
    /// a round planned again (a weight drag) is worth the sort.
    pub fn arrange(&mut self) {
        if !self.arranged {
            let mut scratch = Vec::new();
            for list in self.pairs.values_mut() {
                list.arrange(&mut scratch);
            }
            self.arranged = true;
        }
    }

    /// Whether [`Prepared::arrange`] ran.
    pub fn arranged(&self) -> bool {
        self.arranged
    }

    /// How many eligible pairs it holds (for the figures).
    pub fn pair_count(&self) -> usize {
        self.pairs.values().map(|list| list.pairs.len()).sum()
    }

    /// The rows eligible for position `p` (pinned there included), in
    /// ascending order; empty for a position without columns.
    pub fn eligible_rows(&self, p: usize) -> Vec<usize> {
        let mut rows: Vec<usize> = self
            .pairs
            .get(&p)
            .map(|list| list.pairs.iter().map(|pair| pair.row as usize).collect())
            .unwrap_or_default();
        crate::core::sort::sort(&mut rows);
        rows
    }

    /// The round without candidates: its rows, slots, bans and pins.
    pub fn round(&self) -> &RoundModel {
        &self.base
    }

    /// Bytes its pairs take (for the figures).
    pub fn pair_bytes(&self) -> usize {
        self.pair_count() * std::mem::size_of::<Pair>()
    }

    /// The candidate of a pair; its terms are the pair's [`TermBits`] (what
    /// [`Terms::new`] gives for it) and the position's `value`.
    fn candidate(p: usize, value: i64, pair: Pair) -> Candidate {
        let bits = pair.terms;
        Candidate {
            row: pair.row as usize,
            position: p,
            terms: Terms {
                fit: bits.fit(),
                preference: bits.preference(),
                priority: value,
                distance: bits.distance(),
                stability: 0,
                refreshment: if bits.refreshment() { 1000 } else { 0 },
            },
            fit_milli: u32::from(pair.fit_milli),
            jpm_permille: u32::from(pair.jpm_permille),
            preference_rank: (pair.rank != NO_RANK).then_some(usize::from(pair.rank)),
            distance_km: u32::from(pair.distance_km),
        }
    }

    /// The round under these weights: each position keeps its best
    /// [`CANDIDATES_PER_POSITION`] candidates plus one per column (by
    /// score, then lower row), and always a pinned row and the wishes
    /// stable mode's phase 1 may need.
    pub fn model(&self, weights: &ObjectiveWeights) -> RoundModel {
        use std::cmp::Reverse;
        use std::collections::BinaryHeap;
        let mut model = self.base.clone();
        // The best `keep` so far, worst on top, by (score, lower row):
        // rows are unique within a position, so the order is total.
        let mut best: BinaryHeap<Reverse<(i64, Reverse<u32>, u32)>> = BinaryHeap::new();
        let mut kept: Vec<(i64, u32, u32)> = Vec::new();
        // Pairs kept whatever their score, as (−score, row, index).
        let mut always: Vec<(i64, u32, u32)> = Vec::new();
        // The runs of plain pairs, best first pair first.
        let mut runs: Vec<(i64, std::ops::Range<usize>)> = Vec::new();
        for (&p, position) in &self.pairs {
            let pairs = &position.pairs;
            let cols = self.base.slots_of.get(&p).map_or(0, Vec::len);
            let keep = CANDIDATES_PER_POSITION + cols;
            // A position can have thousands of eligible people and keeps
            // about fifty: a pair is scored and compared with the worst of
            // the best so far, and a run is left at its first pair that
            // scores below it (see [`PositionPairs`]).
            best.clear();
            always.clear();
            let offer = |best: &mut BinaryHeap<_>, i: usize, score: i64| {
                let key = (score, Reverse(pairs[i].row), i as u32);
                if best.len() < keep {
                    best.push(Reverse(key));
                } else if let Some(mut worst) = best.peek_mut() {
                    if key > worst.0 {
                        *worst = Reverse(key);
                    }
                }
            };
            for (i, pair) in pairs[..position.special].iter().enumerate() {
                let score = pair.terms.score(weights);
                if pair.always {
                    always.push((-score, pair.row, i as u32));
                }
                offer(&mut best, i, score);
            }
            runs.clear();
            runs.extend(
                position
                    .runs()
                    .map(|run| (-pairs[run.start].terms.score(weights), run)),
            );
            runs.sort_unstable_by_key(|(score, run)| (*score, run.start));
            for (_, run) in runs.drain(..) {
                for i in run {
                    let score = pairs[i].terms.score(weights);
                    if best.len() == keep && best.peek().is_some_and(|w| score < w.0 .0) {
                        break;
                    }
                    offer(&mut best, i, score);
                }
            }
            kept.clear();
            kept.extend(
                best.drain()
                    .map(|Reverse((score, Reverse(row), i))| (-score, row, i)),
            );
            kept.sort_unstable();
            // Then the pairs kept whatever their score that did not make
            // it, by score and row.
            always.retain(|a| !kept.contains(a));
            always.sort_unstable();
            let list: Vec<Candidate> = kept
                .iter()
                .chain(&always)
                .map(|&(_, _, i)| Prepared::candidate(p, position.value, pairs[i as usize]))
                .collect();
            model.candidates.insert(p, list);
        }
        model
    }
}

impl RoundModel {
    /// Builds the round's rows, slots and candidates.
    pub fn build(input: &RoundInput<'_>) -> RoundModel {
        Prepared::build(input).model(&input.scenario.weights)
    }
}

impl Prepared {
    /// Builds the round's rows and slots and every eligible pair: what no
    /// objective weight changes.
    pub fn build(input: &RoundInput<'_>) -> Prepared {
        let RoundInput {
            ws,
            round,
            scenario,
        } = *input;
        let on = round.effective_date;
        let position_ix: HashMap<&PositionId, usize> = ws
            .positions
            .iter()
            .enumerate()
            .map(|(i, p)| (&p.id, i))
            .collect();
        let nip_ix: HashMap<&Nip, usize> = ws
            .asn
            .iter()
            .enumerate()
            .map(|(i, a)| (&a.nip, i))
            .collect();
        let occupancy = ws.occupancy();

        // Pins: scenario constraints first, then the round's manual decisions
        // (a later entry for the same person wins).
        let mut pins: BTreeMap<usize, (usize, String)> = BTreeMap::new();
        let mut forbid: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for c in &scenario.constraints {
            match c {
                Constraint::Pin { asn, position } => {
                    if let (Some(&a), Some(&p)) = (nip_ix.get(asn), position_ix.get(position)) {
                        pins.insert(a, (p, "scenario pin".into()));
                    }
                }
                Constraint::Forbid { asn, position } => {
                    if let (Some(&a), Some(&p)) = (nip_ix.get(asn), position_ix.get(position)) {
                        forbid.entry(a).or_default().push(p);
                    }
                }
                Constraint::UnitCap { .. }
                | Constraint::UnitFloor { .. }
                | Constraint::KindFloor { .. } => {}
            }
        }
        for d in &round.decisions {
            let Some(&a) = nip_ix.get(&d.asn) else {
                continue;
            };
            let target = match &d.action {
                DecisionAction::Assign(p) => position_ix.get(p).copied(),
                DecisionAction::Stay => ws.asn[a]
                    .position
                    .as_ref()
                    .and_then(|c| position_ix.get(&c.position).copied()),
            };
            if let Some(p) = target {
                pins.insert(a, (p, d.reason.clone()));
            }
        }

        // A pin never demotes nor puts someone who is not JPT into a JPT
        // post, and promotes or changes jabatan only where the scenario
        // allows it: those are not transfers, whoever asks (a swap, an
        // imported decision, a scenario pin). The decision stays recorded;
        // it is listed as refused and not applied.
        let mut refused_pins = Vec::new();
        pins.retain(|&a, (p, _)| {
            let from = ws.asn[a]
                .position
                .as_ref()
                .and_then(|c| position_ix.get(&c.position))
                .map(|&i| &ws.positions[i]);
            let to = &ws.positions[*p];
            let class = crate::core::move_class::classify(from, to);
            // Staying put is always lawful; any other move must pass the
            // class rule (a promotion: the talent pool, one jenjang).
            let lawful = from.is_some_and(|f| f.id == to.id)
                || crate::core::rules::pin_class_rejection(&ws.asn[a], from, to, &scenario.rules)
                    .is_none();
            if !lawful {
                refused_pins.push((a, *p, class));
            }
            lawful
        });

        // Rows: movable people with a position, plus pinned people.
        let mut rows = Vec::new();
        let mut excluded = Vec::new();
        let mut slots = Vec::new();
        // The canonical order (see [`super::canonical`]): not the file's.
        for a in super::canonical::order(ws, scenario, on, &pins, &forbid) {
            let asn = &ws.asn[a];
            let rejections = person_rejections(asn, &scenario.rules, on);
            let current = asn
                .position
                .as_ref()
                .and_then(|c| position_ix.get(&c.position).copied());
            let pinned = pins.get(&a).cloned();
            if !rejections.is_empty() && pinned.is_none() {
                excluded.push(Excluded { asn: a, rejections });
                continue;
            }
            let row = rows.len();
            let seat = slots.len();
            slots.push(match current {
                Some(p) => Slot {
                    position: Some(p),
                    kind: SlotKind::Seat { holder: row },
                },
                None => Slot {
                    position: None,
                    kind: SlotKind::Unplaced { row },
                },
            });
            let overridden = if pinned.is_some() {
                rejections
            } else {
                Vec::new()
            };
            rows.push(Row {
                asn: a,
                current,
                seat,
                pinned,
                overridden,
            });
        }
        // Who holds each position now (in the round or not), and the first
        // row among them.
        let held: Vec<u32> = ws
            .positions
            .iter()
            .map(|p| occupancy.get(&p.id).copied().unwrap_or(0))
            .collect();
        let mut holder_row: Vec<Option<usize>> = vec![None; ws.positions.len()];
        for (row, r) in rows.iter().enumerate().rev() {
            if let Some(p) = r.current {
                holder_row[p] = Some(row);
            }
        }
        // The most holders a plan may leave in a position: one in a
        // structural post; else its need, or what it holds now if more,
        // unless the scenario allows over-formasi.
        let cap = |p: usize| -> u32 {
            let pos = &ws.positions[p];
            if one_holder(pos.kind) {
                1
            } else if scenario.rules.allow_over_formasi {
                u32::MAX
            } else {
                pos.need.max(held[p])
            }
        };
        let mut open_selection = Vec::new();
        let mut withheld = Vec::new();
        // Structural seats a round opens: (seat column, priority).
        let mut opened_seats: BTreeMap<usize, Priority> = BTreeMap::new();
        let mut given = vec![0u32; ws.positions.len()];
        for o in &round.openings {
            if let Some(&p) = position_ix.get(&o.position) {
                // A JPT post is filled by open selection, never by a round.
                if ws.positions[p].kind.family() == PositionFamily::Jpt {
                    open_selection.push(p);
                    continue;
                }
                let mut withhold = |given: u32, why| {
                    withheld.push(Withheld {
                        position: p,
                        priority: o.priority,
                        asked: o.slots,
                        given,
                        why,
                    })
                };
                // Opening an occupied structural post: its holder leaves.
                if one_holder(ws.positions[p].kind) && held[p] > 0 {
                    match holder_row[p] {
                        Some(row) => {
                            let seat = rows[row].seat;
                            let first = !opened_seats.contains_key(&seat);
                            let priority = opened_seats.entry(seat).or_insert(o.priority);
                            *priority = (*priority).max(o.priority);
                            if first {
                                withhold(0, WithheldWhy::HolderLeaves { row });
                            }
                        }
                        None => {
                            let asn = ws
                                .asn
                                .iter()
                                .position(|a| {
                                    a.position
                                        .as_ref()
                                        .is_some_and(|c| c.position == o.position)
                                })
                                .unwrap_or(0);
                            withhold(0, WithheldWhy::HolderStays { asn });
                        }
                    }
                    continue;
                }
                let room = cap(p).saturating_sub(held[p].saturating_add(given[p]));
                let n = o.slots.min(room);
                given[p] += n;
                for _ in 0..n {
                    slots.push(Slot {
                        position: Some(p),
                        kind: SlotKind::Opening(o.priority),
                    });
                }
                if n < o.slots {
                    withhold(
                        n,
                        WithheldWhy::AtNeed {
                            cap: cap(p),
                            held: held[p],
                        },
                    );
                }
            }
        }
        let mut slots_of: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (k, s) in slots.iter().enumerate() {
            if let Some(p) = s.position {
                slots_of.entry(p).or_default().push(k);
            }
        }
        // A manual decision into a position with no column adds a slot,
        // where the position has room; else the pin is not applied and
        // the person stays.
        let mut full_pins = Vec::new();
        for r in &mut rows {
            if let Some((p, _)) = r.pinned {
                if slots_of.contains_key(&p) {
                    continue;
                }
                if held[p] >= cap(p) {
                    full_pins.push((r.asn, p));
                    r.pinned = r.current.map(|c| (c, "kept: no room".to_string()));
                    continue;
                }
                slots_of.insert(p, vec![slots.len()]);
                slots.push(Slot {
                    position: Some(p),
                    kind: SlotKind::Manual,
                });
            }
        }

        let scorer = Scorer::new(ws, scenario, on, rows.iter().map(|r| r.asn));
        let pair =
            |row: usize, p: usize, staying: bool| scorer.pair(row, rows[row].asn, p, staying);

        // Staying: the own seat's value depends on whether the position is
        // overstaffed (leaving it then costs nothing).
        let mut stay = Vec::with_capacity(rows.len());
        for (row, r) in rows.iter().enumerate() {
            let mut c = match r.current {
                Some(p) => pair(row, p, true),
                None => Candidate {
                    row,
                    position: usize::MAX,
                    terms: Terms::default(),
                    fit_milli: 0,
                    jpm_permille: 0,
                    preference_rank: None,
                    distance_km: 0,
                },
            };
            c.terms.priority = r.current.map_or(0, |p| seat_value(ws, &occupancy, p));
            // A holder whose post the round opens is to leave: staying
            // earns neither the seat nor stability.
            if opened_seats.contains_key(&r.seat) {
                c.terms.priority = 0;
                c.terms.stability = 0;
            }
            stay.push(c);
        }

        let mut forbidden = vec![Vec::new(); rows.len()];
        for (row, r) in rows.iter().enumerate() {
            if let Some(list) = forbid.get(&r.asn) {
                forbidden[row] = list.clone();
            }
        }

        let slot_value: Vec<i64> = slots
            .iter()
            .enumerate()
            .map(|(k, s)| match (s.kind, s.position) {
                (SlotKind::Opening(pr), _) => PRIORITY_VALUE[pr as usize],
                (SlotKind::Seat { .. }, Some(_)) if opened_seats.contains_key(&k) => {
                    PRIORITY_VALUE[opened_seats[&k] as usize]
                }
                (SlotKind::Seat { .. }, Some(p)) => seat_value(ws, &occupancy, p),
                _ => 0,
            })
            .collect();
        let mut pairs: BTreeMap<usize, PositionPairs> = BTreeMap::new();
        // Positions in fit-group order, so each person's fit is computed
        // once per group (the values, and so the plan, are the same).
        let mut order: Vec<(&usize, &Vec<usize>)> = slots_of.iter().collect();
        crate::core::sort::sort_by_key(&mut order, |(&p, _)| (scorer.fit_group(p), p));
        // Stable mode's phase 1 needs every option a participant could get,
        // not only the shortlist: such a pair is always kept, in either mode
        // (the envy count of an optimal plan reads them too).
        let participant = super::stable::participants(ws, &scenario.stable, &rows);
        let attainable = super::stable::attainable(&slots, &slots_of, &rows, &participant);
        // Rows that no pin fixes, grouped by what eligibility reads of them
        // (each group's rows ascending); pinned rows by their position.
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut pinned_to: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        {
            let mut group_of: HashMap<EligibilityKey, usize> = HashMap::new();
            for (row, r) in rows.iter().enumerate() {
                if let Some((pin, _)) = r.pinned {
                    pinned_to.entry(pin).or_default().push(row);
                    continue;
                }
                let next = groups.len();
                let g = *group_of
                    .entry(scorer.eligibility_key(row, r.asn))
                    .or_insert(next);
                if g == next {
                    groups.push(Vec::new());
                }
                groups[g].push(row);
            }
        }
        let mut fit_cache = vec![u64::MAX; rows.len()];
        let mut cached_group = usize::MAX;
        for (&p, cols) in order {
            if scorer.fit_group(p) != cached_group {
                cached_group = scorer.fit_group(p);
                fit_cache.fill(u64::MAX);
            }
            let opening = super::stable::opening_among(&slots, &slots_of, p);
            let reachable = attainable.get(&p).copied().unwrap_or(false);
            // Candidates are ranked with the best slot value of the position.
            let value = cols.iter().map(|&k| slot_value[k]).max().unwrap_or(0);
            // Every eligible row (order does not matter: the selection
            // ranks by score, then row), and the rows pinned here.
            let eligible = groups
                .iter()
                .filter(|g| scorer.eligible(g[0], rows[g[0]].asn, p))
                .flatten()
                .chain(pinned_to.get(&p).into_iter().flatten());
            let mut list: Vec<Pair> = Vec::new();
            for &row in eligible {
                let r = &rows[row];
                if r.current == Some(p) || forbidden[row].contains(&p) {
                    continue;
                }
                let c = scorer.pair_cached(row, r.asn, p, false, Some(&mut fit_cache));
                let always = r.pinned.is_some()
                    || (reachable
                        && participant[row]
                        && super::stable::wish_of(&ws.asn[r.asn], &c, opening).is_some());
                list.push(Pair {
                    terms: TermBits::of(&c.terms),
                    row: row as u32,
                    fit_milli: narrow(c.fit_milli),
                    jpm_permille: narrow(c.jpm_permille),
                    distance_km: narrow(c.distance_km),
                    rank: c
                        .preference_rank
                        .map_or(NO_RANK, |r| u8::try_from(r).unwrap_or(NO_RANK - 1)),
                    always,
                });
            }
            pairs.insert(p, PositionPairs::new(value, list));
        }
        // Listed in the file's order, as the people are.
        crate::core::sort::sort_by(&mut excluded, |x, y| x.asn.cmp(&y.asn));
        Prepared {
            base: RoundModel {
                rows,
                slots,
                slots_of,
                slot_value,
                candidates: BTreeMap::new(),
                stay,
                excluded,
                forbidden,
                effective: on,
                open_selection,
                refused_pins,
                withheld,
                full_pins,
                participant,
                attainable,
            },
            pairs,
            arranged: false,
        }
    }
}

/// A bounded number in 16 bits (fit ≤ 5000, JPM ≤ 1000, km in the
/// province): saturates rather than wraps should a bound ever change.
fn narrow(x: u32) -> u16 {
    u16::try_from(x).unwrap_or(u16::MAX)
}

impl RoundModel {
    /// The pair of a row and a position: staying when it is the row's own,
    /// else its candidate pair (staying when the position does not list
    /// the row).
    pub fn pair_at(&self, row: usize, p: usize) -> Candidate {
        if self.rows[row].current == Some(p) {
            return self.stay[row];
        }
        self.candidates
            .get(&p)
            .and_then(|list| list.iter().find(|c| c.row == row))
            .copied()
            .unwrap_or(self.stay[row])
    }
}

/// The value of keeping a seat filled: [`SEAT_VALUE`], or 0 when the position
/// holds more people than its need.
fn seat_value(ws: &Workspace, occupancy: &BTreeMap<&PositionId, u32>, p: usize) -> i64 {
    let pos = &ws.positions[p];
    if occupancy.get(&pos.id).copied().unwrap_or(0) > pos.need {
        0
    } else {
        SEAT_VALUE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arranging_puts_special_pairs_first_then_runs_by_fit() {
        // Small lists are sorted by comparison, large ones by radix: both
        // must give the same arrangement (up to the order of equal keys).
        let mut rng = crate::core::rng::Rng::new(7);
        let mut scratch = Vec::new();
        for len in [0, 1, 40, 511, 512, 3000] {
            let pairs: Vec<Pair> = (0..len)
                .map(|row| Pair {
                    row: row as u32,
                    fit_milli: 0,
                    jpm_permille: 0,
                    distance_km: 0,
                    rank: NO_RANK,
                    always: rng.chance(3),
                    terms: TermBits::new(
                        rng.range(0, 1000),
                        rng.range(0, 4) * 250,
                        if rng.chance(10) {
                            rng.range(1, 1500)
                        } else {
                            0
                        },
                        rng.chance(50),
                    ),
                })
                .collect();
            let mut list = PositionPairs::new(0, pairs.clone());
            list.arrange(&mut scratch);
            assert_eq!(list.special, pairs.iter().filter(|p| p.special()).count());
            assert!(list.pairs[..list.special].iter().all(Pair::special));
            // The same pairs.
            let mut rows: Vec<u32> = list.pairs.iter().map(|p| p.row).collect();
            rows.sort_unstable();
            assert_eq!(rows, (0..len as u32).collect::<Vec<_>>());
            // Runs of one (refreshment, distance), in order, each by fit,
            // highest first; runs cover the plain pairs exactly.
            let mut at = list.special;
            let mut last_run = None;
            for run in list.runs() {
                assert_eq!(run.start, at);
                assert!(!run.is_empty());
                let head = list.pairs[run.start].terms;
                let this = (head.refreshment(), head.distance());
                assert!(last_run < Some(this), "runs in order");
                last_run = Some(this);
                for w in list.pairs[run.clone()].windows(2) {
                    assert_eq!((w[1].terms.refreshment(), w[1].terms.distance()), this);
                    assert!(w[0].terms.fit() >= w[1].terms.fit());
                }
                at = run.end;
            }
            assert_eq!(at, len);
        }
    }

    #[test]
    fn term_bits_hold_every_term_a_pair_can_have() {
        let w = ObjectiveWeights {
            fit: 7,
            preference: 5,
            priority: 0,
            distance: 3,
            stability: 11,
            refreshment: 2,
        };
        for fit_milli in [0, 999, 1000, 2999, 5000, 9999] {
            for km in [0, 1, 419, 420, 5000, u32::MAX] {
                for rank in [None, Some(0), Some(1), Some(2), Some(3), Some(254)] {
                    for (own, over) in [(false, false), (true, false), (false, true), (true, true)]
                    {
                        let t = Terms::new(fit_milli, rank, own, km, false, over);
                        let b = TermBits::of(&t);
                        assert_eq!(
                            (b.fit(), b.distance(), b.preference(), b.refreshment()),
                            (t.fit, t.distance, t.preference, over),
                            "{fit_milli} {km} {rank:?} {own} {over}"
                        );
                        assert_eq!(b.score(&w), t.score(&w));
                    }
                }
            }
        }
    }
}
