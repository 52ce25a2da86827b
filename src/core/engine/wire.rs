//! What the page and the engine worker say to each other (issue 22): the
//! worker keeps its own copy of the people, positions, agencies and
//! competencies and its own [`Planner`]; the page sends what changed of
//! them ([`WorldDelta`]), then the round and the scenario to plan
//! ([`PlanRequest`]); the worker answers with the plan as bytes
//! ([`encode_plan`]). Everything here is pure and tested natively: the
//! worker (`src/engine_worker.rs`) and the page (`src/ui/engine.rs`) only
//! carry the bytes.
//!
//! - The world travels as JSON, the workspace's own file format, and only
//!   what changed: a person edited sends that person, not 20,000 of them.
//! - The plan travels as postcard (serde's compact binary format): at
//!   20,000 ASN about a tenth of its JSON, and read back on the page's
//!   thread several times faster; its candidates in parts of their own, so
//!   the page can read a large plan over several tasks ([`PlanReader`]),
//!   each candidate as its weight-free fields in twelve bytes, from which
//!   the page rebuilds its terms (at 20,000 ASN that halves the page's
//!   reading of a plan in the size-optimised build).
//! - The plan's round (its model without candidates) travels only when the
//!   page does not hold it ([`BaseKey`]): a weight drag's plan is made on
//!   the round the page read with an earlier one.

use super::model::{Candidate, RoundInput, RoundModel};
use super::terms::Terms;
use super::{Plan, PlanError, Planner};
use crate::core::model::{Agency, Asn, CompetencyDef, Position, Round, Shared, Workspace};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Candidates per part of a plan's bytes: at 20,000 ASN (155,000
/// candidates) the page reads a plan in nine parts, each well within a
/// frame.
pub const CANDIDATES_PER_PART: usize = 20_000;

/// The round a plan is made on travels only when the page does not hold
/// it: its rows, slots, exclusions and the rest of its model without the
/// candidates, which no weight changes (at 20,000 ASN two thirds of what
/// the page read of a weight drag's plan). `key` names it (the worker's
/// [`super::canonical::Fingerprints::model`] of the round): `held` says
/// the page holds the round of that key, and it is then left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BaseKey {
    pub key: u64,
    pub held: bool,
}

impl BaseKey {
    /// A round the page does not hold: its base is sent.
    pub fn send(key: u64) -> BaseKey {
        BaseKey { key, held: false }
    }
}

/// The head of a plan's bytes: the plan without its round's model, and
/// the key of that round (see [`BaseKey`]).
#[derive(Serialize)]
struct HeadOut<'a> {
    base: u64,
    base_sent: bool,
    mode: super::Mode,
    engine: super::Engine,
    slot_of_row: &'a [usize],
    chosen: &'a [Candidate],
    capped: &'a [usize],
    floored: &'a [usize],
    phases: &'a [super::stable::Phase],
    market: &'a super::stable::Market,
    chains: &'a [Vec<usize>],
    metrics: &'a super::Metrics,
}

/// [`HeadOut`] read back (the same fields in the same order).
#[derive(Debug, Deserialize)]
struct HeadIn {
    base: u64,
    base_sent: bool,
    mode: super::Mode,
    engine: super::Engine,
    slot_of_row: Vec<usize>,
    chosen: Vec<Candidate>,
    capped: Vec<usize>,
    floored: Vec<usize>,
    phases: Vec<super::stable::Phase>,
    market: super::stable::Market,
    chains: Vec<Vec<usize>>,
    metrics: super::Metrics,
}

/// A plan result as bytes for the page: the plan without its round's model
/// (the head), then that model without candidates unless the page holds it
/// ([`BaseKey`]), then the candidates in parts of about
/// [`CANDIDATES_PER_PART`] (whole positions), so that the page can read it
/// a part at a time.
pub fn encode_plan(result: &Result<Plan, PlanError>, base: BaseKey) -> Vec<Vec<u8>> {
    encode_plan_in(result, base, CANDIDATES_PER_PART)
}

/// [`encode_plan`] with `per_part` candidates a part.
pub fn encode_plan_in(
    result: &Result<Plan, PlanError>,
    base: BaseKey,
    per_part: usize,
) -> Vec<Vec<u8>> {
    // Every type of a plan serialises; an error here would be a bug, and
    // the page then reads an empty buffer as a failed plan.
    let head = result.as_ref().map(|plan| HeadOut {
        base: base.key,
        base_sent: !base.held,
        mode: plan.mode,
        engine: plan.engine,
        slot_of_row: &plan.slot_of_row,
        chosen: &plan.chosen,
        capped: &plan.capped,
        floored: &plan.floored,
        phases: &plan.phases,
        market: &plan.market,
        chains: &plan.chains,
        metrics: &plan.metrics,
    });
    let mut parts = vec![postcard::to_allocvec(&head).unwrap_or_default()];
    if let Ok(plan) = result {
        if !base.held {
            let mut part = vec![BASE_PART];
            part.extend(postcard::to_allocvec(&plan.model).unwrap_or_default());
            parts.push(part);
        }
        let mut part = vec![PACKED_PART];
        let mut full: Vec<(&usize, &Vec<Candidate>)> = Vec::new();
        let mut count = 0;
        for (position, list) in &plan.model.candidates {
            if !pack_list(&mut part, *position, list) {
                full.push((position, list));
            }
            count += list.len();
            if count >= per_part {
                parts.push(std::mem::replace(&mut part, vec![PACKED_PART]));
                count = 0;
            }
        }
        if part.len() > 1 {
            parts.push(part);
        }
        if !full.is_empty() {
            let mut part = vec![FULL_PART];
            part.extend(postcard::to_allocvec(&full).unwrap_or_default());
            parts.push(part);
        }
    }
    parts
}

/// The first byte of a part after the head: candidates as packed lists
/// (see [`pack_list`]) or as postcard (the lists that do not pack), or the
/// round's model without candidates.
const PACKED_PART: u8 = 0;
const FULL_PART: u8 = 1;
const BASE_PART: u8 = 2;

/// Bytes of a packed list's head: position (u32), the priority term of its
/// candidates (i64), how many (u32).
const LIST_HEAD: usize = 16;
/// Bytes of a packed candidate: row (u32), fit in thousandths (u16), JPM in
/// permille (u16), km (u16), wish rank (u8, [`NO_RANK`] for none), flags
/// (u8: [`OWN_REQUEST`], [`OVER_TENURE`]).
const PACKED: usize = 12;
const NO_RANK: u8 = u8::MAX;
const OWN_REQUEST: u8 = 1;
const OVER_TENURE: u8 = 2;

/// Appends a position's candidates to a part as their weight-free fields
/// (little-endian): a candidate's terms follow from them, so the page
/// rebuilds each ([`unpack`]) instead of reading twelve numbers of it. A
/// list with a candidate that does not rebuild exactly (a field out of
/// range) is left out: `false`, and it travels whole.
fn pack_list(part: &mut Vec<u8>, position: usize, list: &[Candidate]) -> bool {
    let start = part.len();
    let priority = list.first().map_or(0, |c| c.terms.priority);
    let (Ok(head_position), Ok(len)) = (u32::try_from(position), u32::try_from(list.len())) else {
        return false;
    };
    part.extend(head_position.to_le_bytes());
    part.extend(priority.to_le_bytes());
    part.extend(len.to_le_bytes());
    for c in list {
        let packed = pack(c);
        if packed.and_then(|b| unpack(&b, position, priority)) != Some(*c) {
            part.truncate(start);
            return false;
        }
        part.extend(packed.unwrap_or_default());
    }
    true
}

fn pack(c: &Candidate) -> Option<[u8; PACKED]> {
    let rank = match c.preference_rank {
        Some(r) => u8::try_from(r).ok().filter(|&r| r != NO_RANK)?,
        None => NO_RANK,
    };
    let own_request = c.preference_rank.is_some()
        && c.terms.preference != Terms::preference_term(c.preference_rank, false);
    let mut flags = 0;
    if own_request {
        flags |= OWN_REQUEST;
    }
    if c.terms.refreshment != 0 {
        flags |= OVER_TENURE;
    }
    let mut b = [0; PACKED];
    b[0..4].copy_from_slice(&u32::try_from(c.row).ok()?.to_le_bytes());
    b[4..6].copy_from_slice(&u16::try_from(c.fit_milli).ok()?.to_le_bytes());
    b[6..8].copy_from_slice(&u16::try_from(c.jpm_permille).ok()?.to_le_bytes());
    b[8..10].copy_from_slice(&u16::try_from(c.distance_km).ok()?.to_le_bytes());
    b[10] = rank;
    b[11] = flags;
    Some(b)
}

/// The candidate [`pack`] packed (a moving pair: not staying).
fn unpack(b: &[u8], position: usize, priority: i64) -> Option<Candidate> {
    let u16_at = |i: usize| {
        Some(u32::from(u16::from_le_bytes(
            b.get(i..i + 2)?.try_into().ok()?,
        )))
    };
    let row = u32::from_le_bytes(b.get(0..4)?.try_into().ok()?) as usize;
    let (fit_milli, jpm_permille, distance_km) = (u16_at(4)?, u16_at(6)?, u16_at(8)?);
    let rank = *b.get(10)?;
    let flags = *b.get(11)?;
    let preference_rank = (rank != NO_RANK).then_some(usize::from(rank));
    let mut terms = Terms::new(
        fit_milli,
        preference_rank,
        flags & OWN_REQUEST != 0,
        distance_km,
        false,
        flags & OVER_TENURE != 0,
    );
    terms.priority = priority;
    Some(Candidate {
        row,
        position,
        terms,
        fit_milli,
        jpm_permille,
        preference_rank,
        distance_km,
    })
}

/// The lists of a part of packed candidates.
fn unpack_part(mut bytes: &[u8]) -> Result<Vec<(usize, Vec<Candidate>)>, String> {
    let damaged = || "the engine's answer is unreadable: a damaged list of candidates".to_string();
    let mut lists = Vec::new();
    while !bytes.is_empty() {
        let (head, rest) = bytes.split_at_checked(LIST_HEAD).ok_or_else(damaged)?;
        let word = |i: usize| u32::from_le_bytes([head[i], head[i + 1], head[i + 2], head[i + 3]]);
        let position = word(0) as usize;
        let mut priority = [0; 8];
        priority.copy_from_slice(&head[4..12]);
        let priority = i64::from_le_bytes(priority);
        let len = word(12) as usize;
        let (body, rest) = len
            .checked_mul(PACKED)
            .and_then(|n| rest.split_at_checked(n))
            .ok_or_else(damaged)?;
        let list = body
            .chunks_exact(PACKED)
            .map(|b| unpack(b, position, priority))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(damaged)?;
        lists.push((position, list));
        bytes = rest;
    }
    Ok(lists)
}

/// Reads a plan from [`encode_plan`]'s parts, one at a time.
#[derive(Debug)]
pub struct PlanReader {
    result: Result<Reading, PlanError>,
}

#[derive(Debug)]
struct Reading {
    head: HeadIn,
    /// The round's model without candidates: the page's, or read from the
    /// base part.
    model: Option<RoundModel>,
    candidates: BTreeMap<usize, Vec<Candidate>>,
}

impl PlanReader {
    /// Reads the head (the plan without its round's model). `held` is the
    /// round the page holds, with its key: the plan is made on it when the
    /// head names it and no base part follows.
    pub fn new(head: &[u8], held: Option<(u64, &RoundModel)>) -> Result<PlanReader, String> {
        let head: Result<HeadIn, PlanError> = postcard::from_bytes(head).map_err(unreadable)?;
        let result = match head {
            Err(e) => Err(e),
            Ok(head) => {
                let model = match held {
                    _ if head.base_sent => None,
                    Some((key, model)) if key == head.base => Some(model.clone()),
                    _ => {
                        return Err(
                            "the engine's answer is made on a round the page does not hold".into(),
                        )
                    }
                };
                Ok(Reading {
                    head,
                    model,
                    candidates: BTreeMap::new(),
                })
            }
        };
        Ok(PlanReader { result })
    }

    /// Reads a part after the head: the round's model (first, when sent)
    /// or candidates.
    pub fn read(&mut self, part: &[u8]) -> Result<(), String> {
        let Ok(reading) = &mut self.result else {
            return Err("candidates for a plan that failed".into());
        };
        let entries: Vec<(usize, Vec<Candidate>)> = match part.split_first() {
            Some((&BASE_PART, rest)) if reading.model.is_none() => {
                let model: RoundModel = postcard::from_bytes(rest).map_err(unreadable)?;
                reading.model = Some(model);
                return Ok(());
            }
            Some((&BASE_PART, _)) => return Err("the round came twice".into()),
            _ if reading.model.is_none() => return Err("candidates came before their round".into()),
            Some((&PACKED_PART, rest)) => unpack_part(rest)?,
            Some((&FULL_PART, rest)) => postcard::from_bytes(rest).map_err(unreadable)?,
            _ => return Err("the engine's answer is unreadable: an unknown part".into()),
        };
        for (position, list) in entries {
            if reading.candidates.insert(position, list).is_some() {
                return Err(format!("position {position} came twice"));
            }
        }
        Ok(())
    }

    /// The key of the round the plan is made on (none for a failed plan).
    pub fn key(&self) -> Option<u64> {
        self.result.as_ref().ok().map(|r| r.head.base)
    }

    /// The round's model read from the answer (not the page's), with its
    /// key: what the page holds from now on.
    pub fn base_received(&self) -> Option<(u64, &RoundModel)> {
        let reading = self.result.as_ref().ok()?;
        if !reading.head.base_sent {
            return None;
        }
        reading.model.as_ref().map(|m| (reading.head.base, m))
    }

    /// The plan, once every part is read.
    pub fn finish(self) -> Result<Result<Plan, PlanError>, String> {
        let reading = match self.result {
            Err(e) => return Ok(Err(e)),
            Ok(reading) => reading,
        };
        let Some(mut model) = reading.model else {
            return Err("the engine's answer is unreadable: its round is missing".into());
        };
        model.candidates = reading.candidates;
        let h = reading.head;
        Ok(Ok(Plan {
            mode: h.mode,
            engine: h.engine,
            model,
            slot_of_row: h.slot_of_row,
            chosen: h.chosen,
            capped: h.capped,
            floored: h.floored,
            phases: h.phases,
            market: h.market,
            chains: h.chains,
            metrics: h.metrics,
        }))
    }
}

fn unreadable(e: postcard::Error) -> String {
    format!("the engine's answer is unreadable: {e}")
}

/// A plan result read back from all of [`encode_plan`]'s parts, made on
/// its own round or on `held` (see [`PlanReader::new`]).
pub fn decode_plan(
    parts: &[Vec<u8>],
    held: Option<(u64, &RoundModel)>,
) -> Result<Result<Plan, PlanError>, String> {
    let (head, rest) = parts.split_first().ok_or("the engine's answer is empty")?;
    let mut reader = PlanReader::new(head, held)?;
    for part in rest {
        reader.read(part)?;
    }
    reader.finish()
}

/// Rejections travel inside a plan as JSON text: they are an internally
/// tagged enum (`{"rule": ...}`), which a format without field names
/// cannot read back.
pub(crate) mod rejections_as_json {
    use crate::core::rules::Rejection;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(value: &[Rejection], s: S) -> Result<S::Ok, S::Error> {
        serde_json::to_string(value)
            .map_err(serde::ser::Error::custom)?
            .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Rejection>, D::Error> {
        let text = String::deserialize(d)?;
        serde_json::from_str(&text).map_err(serde::de::Error::custom)
    }
}

/// One list of the world as the worker should now hold it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part<T> {
    /// Unchanged since the last delta.
    Same,
    /// The whole list.
    Full(Vec<T>),
    /// The list cut or grown to `len`, then these entries replaced (every
    /// index at or beyond the old length is among them).
    Patch {
        len: usize,
        changed: Vec<(usize, T)>,
    },
}

impl<T: Clone + PartialEq> Part<T> {
    /// What turns `old` into `new`: a patch when at most half of the list
    /// changed, else the whole list.
    fn between(old: &Shared<Vec<T>>, new: &Shared<Vec<T>>) -> Part<T> {
        if Shared::same(old, new) {
            return Part::Same;
        }
        let changed: Vec<(usize, T)> = new
            .iter()
            .enumerate()
            .filter(|(i, item)| old.get(*i) != Some(*item))
            .map(|(i, item)| (i, item.clone()))
            .collect();
        if changed.is_empty() && old.len() == new.len() {
            Part::Same
        } else if changed.len() * 2 <= new.len() {
            Part::Patch {
                len: new.len(),
                changed,
            }
        } else {
            Part::Full(new.to_vec())
        }
    }

    fn apply(self, list: &mut Shared<Vec<T>>, what: &str) -> Result<(), String> {
        match self {
            Part::Same => {}
            Part::Full(all) => *list = Shared::from(all),
            Part::Patch { len, changed } => {
                let old_len = list.len();
                let mut written = vec![false; len];
                let items: &mut Vec<T> = list;
                for (i, item) in changed {
                    if i >= len {
                        return Err(format!("{what}: entry {i} is beyond the length {len}"));
                    }
                    written[i] = true;
                    if i < items.len() {
                        items[i] = item;
                    } else if i == items.len() {
                        items.push(item);
                    } else {
                        return Err(format!("{what}: entry {i} leaves a gap"));
                    }
                }
                items.truncate(len);
                if items.len() != len || written[old_len.min(len)..].contains(&false) {
                    return Err(format!("{what}: the patch does not fill {len} entries"));
                }
            }
        }
        Ok(())
    }
}

/// What changed of the people, positions, agencies and competencies since
/// the worker's copy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorldDelta {
    pub competencies: Part<CompetencyDef>,
    pub agencies: Part<Agency>,
    pub positions: Part<Position>,
    pub asn: Part<Asn>,
}

impl WorldDelta {
    /// Whether it replaces every list (it does not depend on any copy).
    pub fn is_whole(&self) -> bool {
        matches!(
            (
                &self.competencies,
                &self.agencies,
                &self.positions,
                &self.asn
            ),
            (Part::Full(_), Part::Full(_), Part::Full(_), Part::Full(_))
        )
    }
}

/// The page's record of the world it last sent (shared with its
/// workspace, so it costs no memory while nothing changes).
#[derive(Clone, Debug, Default)]
pub struct WorldSent {
    last: Option<World>,
}

#[derive(Clone, Debug)]
struct World {
    competencies: Shared<Vec<CompetencyDef>>,
    agencies: Shared<Vec<Agency>>,
    positions: Shared<Vec<Position>>,
    asn: Shared<Vec<Asn>>,
}

impl WorldSent {
    /// What the worker needs to hold `ws`'s world, or `None` when it holds
    /// it already. The first delta (and the first after [`Self::forget`])
    /// is whole.
    pub fn delta(&mut self, ws: &Workspace) -> Option<WorldDelta> {
        let new = World::of(ws);
        let delta = match &self.last {
            None => WorldDelta {
                competencies: Part::Full(new.competencies.to_vec()),
                agencies: Part::Full(new.agencies.to_vec()),
                positions: Part::Full(new.positions.to_vec()),
                asn: Part::Full(new.asn.to_vec()),
            },
            Some(old) => WorldDelta {
                competencies: Part::between(&old.competencies, &new.competencies),
                agencies: Part::between(&old.agencies, &new.agencies),
                positions: Part::between(&old.positions, &new.positions),
                asn: Part::between(&old.asn, &new.asn),
            },
        };
        self.last = Some(new);
        let same = matches!(
            (
                &delta.competencies,
                &delta.agencies,
                &delta.positions,
                &delta.asn
            ),
            (Part::Same, Part::Same, Part::Same, Part::Same)
        );
        (!same).then_some(delta)
    }

    /// Forgets what was sent: the next delta is whole.
    pub fn forget(&mut self) {
        self.last = None;
    }

    /// Records `ws`'s world as sent whole, by a message written elsewhere
    /// ([`whole_world`]: the file worker writes it for an imported plan).
    pub fn sent_whole(&mut self, ws: &Workspace) {
        self.last = Some(World::of(ws));
    }

    /// Whether `ws`'s lists are the very ones last recorded (not equal
    /// copies: the same memory).
    pub fn holds(&self, ws: &Workspace) -> bool {
        self.last.as_ref().is_some_and(|w| {
            Shared::same(&w.competencies, &ws.competencies)
                && Shared::same(&w.agencies, &ws.agencies)
                && Shared::same(&w.positions, &ws.positions)
                && Shared::same(&w.asn, &ws.asn)
        })
    }
}

impl World {
    fn of(ws: &Workspace) -> World {
        World {
            competencies: ws.competencies.clone(),
            agencies: ws.agencies.clone(),
            positions: ws.positions.clone(),
            asn: ws.asn.clone(),
        }
    }
}

/// The whole world of `ws` as the worker reads it: the first
/// [`WorldSent::delta`], written.
pub fn whole_world(ws: &Workspace) -> Result<Vec<u8>, String> {
    serde_json::to_vec(&WorldSent::default().delta(ws)).map_err(|e| e.to_string())
}

/// A plan to make: the round (as the page holds it) and the scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanRequest {
    /// The page's number for it; the answer carries it back.
    pub seq: u64,
    pub round: Round,
    /// The scenario's id ("" or an unknown one: the first).
    pub scenario: String,
    /// "Compute" was pressed: build the round anew, keep nothing cached.
    pub fresh: bool,
}

/// The worker's side: its copy of the world and its planner.
#[derive(Debug)]
pub struct EngineHost {
    ws: Workspace,
    planner: Planner,
    /// Whether a whole world has arrived.
    has_world: bool,
    /// Counts the deltas taken: the round's fingerprint reads it in place
    /// of hashing the whole world again after each one (the page sends a
    /// delta only when something changed).
    version: u64,
    /// The last plan made, until [`EngineHost::tidy`].
    spent: Option<Result<Plan, PlanError>>,
}

impl Default for EngineHost {
    fn default() -> Self {
        EngineHost {
            ws: Workspace::empty(String::new()),
            planner: Planner::default(),
            has_world: false,
            version: 0,
            spent: None,
        }
    }
}

impl EngineHost {
    /// Takes a [`WorldDelta`] (JSON). A delta that does not fit the copy
    /// leaves it as it was and says why.
    pub fn world(&mut self, json: &[u8]) -> Result<(), String> {
        let delta: WorldDelta =
            serde_json::from_slice(json).map_err(|e| format!("the world is unreadable: {e}"))?;
        if !self.has_world && !delta.is_whole() {
            return Err("a change arrived before the whole world".into());
        }
        let mut next = (
            self.ws.competencies.clone(),
            self.ws.agencies.clone(),
            self.ws.positions.clone(),
            self.ws.asn.clone(),
        );
        delta.competencies.apply(&mut next.0, "competencies")?;
        delta.agencies.apply(&mut next.1, "agencies")?;
        delta.positions.apply(&mut next.2, "positions")?;
        delta.asn.apply(&mut next.3, "asn")?;
        (
            self.ws.competencies,
            self.ws.agencies,
            self.ws.positions,
            self.ws.asn,
        ) = next;
        self.has_world = true;
        self.version += 1;
        Ok(())
    }

    /// Plans a [`PlanRequest`] (JSON): its number and the plan's parts
    /// ([`encode_plan`]). `held` is the key of the round the page holds
    /// ([`BaseKey`]). The plan itself is kept until [`EngineHost::tidy`]:
    /// freeing it need not delay the answer.
    pub fn plan(&mut self, json: &[u8], held: Option<u64>) -> Result<(u64, Vec<Vec<u8>>), String> {
        let request: PlanRequest =
            serde_json::from_slice(json).map_err(|e| format!("the request is unreadable: {e}"))?;
        if !self.has_world {
            return Err("a plan was asked before the world arrived".into());
        }
        if request.fresh {
            self.planner.forget();
        }
        self.spent = None;
        self.ws.rounds = vec![request.round];
        let round = &self.ws.rounds[0];
        let (result, key) = match round
            .scenarios
            .iter()
            .find(|s| s.id == request.scenario)
            .or(round.scenarios.first())
        {
            Some(scenario) => {
                let input = RoundInput {
                    ws: &self.ws,
                    round,
                    scenario,
                };
                let key = super::canonical::round_fingerprints(&input, self.version).model;
                (self.planner.plan_keyed(&input, key), key)
            }
            None => (Err(PlanError::UnknownScenario(request.scenario)), 0),
        };
        let base = BaseKey {
            key,
            held: held == Some(key),
        };
        let parts = encode_plan(&result, base);
        self.spent = Some(result);
        Ok((request.seq, parts))
    }

    /// What can wait until the answer is posted (the worker calls it
    /// then): frees the last plan, and arranges the round's pairs for the
    /// next plan of it ([`Planner::arrange`]).
    pub fn tidy(&mut self) {
        self.spent = None;
        self.planner.arrange();
    }

    /// How many times the host built a round (see [`Planner::builds`]).
    pub fn builds(&self) -> u64 {
        self.planner.builds()
    }
}
