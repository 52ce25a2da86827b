//! The order in which a round takes its people, and so breaks its ties.
//!
//! A plan must not depend on where a person stands in the file, on their
//! name or on the digits of their NIP: a roster re-imported in another
//! order, or the pseudonymised copy of a workspace (rows shuffled, names
//! and NIPs replaced, birth dates and entry years coarsened), must plan the
//! same. So the rows of a round are ordered by a fingerprint of each
//! person's *plan facts*: everything the engine reads about them, with the
//! birth date and the NIP's entry year reduced to what the rules and
//! Profile Matching take from them (whether each retirement age falls in
//! the buffer, the experience level), plus the round's pins and bans on
//! them. People with the same fingerprint are, to the engine, the same
//! person; among them the lower NIP comes first. Every tie the solvers and
//! stable mode break "by the lower row" is broken by this order.

use crate::core::date::Date;
use crate::core::model::{
    retirement_date, Asn, LegalStatus, PreferenceReason, PreferenceTarget, Scenario, Shared,
    Workspace,
};
use serde::Serialize;
use std::collections::BTreeMap;

/// The retirement ages (BUP) of PP 11/2017 by position type.
pub const BUP_AGES: [u8; 3] = [58, 60, 65];

/// Whether retiring at each age a scenario can ask (the three BUPs and its
/// BUP per JF) falls within its retirement buffer on `on`: all the engine
/// takes from a birth date.
pub fn near_retirement(birth: Date, scenario: &Scenario, on: Date) -> Vec<bool> {
    let buffer = i32::from(scenario.rules.retirement_buffer_months);
    let by_jf = scenario.rules.bup_by_jf.values().copied();
    BUP_AGES
        .into_iter()
        .chain(by_jf)
        .map(|age| {
            let retires = retirement_date(birth, age);
            buffer > 0 && (retires <= on || on.whole_months_until(retires) < buffer)
        })
        .collect()
}

/// The experience level Profile Matching gives service since `entry_year`
/// on `on` under a scenario's bands: all the engine takes from the year.
pub fn experience_level(entry_year: i32, scenario: &Scenario, on: Date) -> i32 {
    crate::core::fit::service_level(on.year() - entry_year, &scenario.fit.experience_bands)
}

/// The year a person's service counts from ([`Asn::service_from`]: the
/// data's TMT CPNS or service credit, else the NIP's entry year).
pub fn entry_year(asn: &Asn) -> i32 {
    asn.service_from()
}

#[derive(Serialize)]
struct Facts<'a> {
    asn: Person<'a>,
    near_retirement: Vec<bool>,
    experience: i32,
    pin: Option<usize>,
    forbid: &'a [usize],
}

/// A person's record without name, NIP, birth date, free text or anything
/// else the engine does not read.
#[derive(Serialize)]
struct Person<'a> {
    gender: &'a crate::core::model::Gender,
    status: &'a crate::core::model::EmploymentStatus,
    golongan: &'a Option<crate::core::model::Golongan>,
    pppk_golongan: &'a Option<crate::core::model::PppkGolongan>,
    education: &'a crate::core::model::Education,
    position: &'a Option<crate::core::model::CurrentPosition>,
    processes: &'a [crate::core::model::Process],
    sanctions: &'a [crate::core::model::Sanction],
    study_leave: &'a Option<crate::core::model::StudyLeave>,
    /// The kind only: an "other" status's text is free text.
    legal_status: Option<u8>,
    competencies: &'a crate::core::model::CompetencyProfile,
    potential: &'a Option<crate::core::model::Potential>,
    performance: &'a [crate::core::model::PerformanceRecord],
    domicile: &'a crate::core::model::Regency,
    wishes: Vec<(&'a PreferenceTarget, &'a PreferenceReason)>,
    own_request: bool,
}

/// FNV-1a over the bytes serde writes: the same on every platform.
struct Fnv(u64);

impl std::io::Write for Fnv {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The fingerprint of a person's plan facts in a round under a scenario.
pub fn fingerprint(
    asn: &Asn,
    scenario: &Scenario,
    on: Date,
    pin: Option<usize>,
    forbid: &[usize],
) -> u64 {
    let legal_status = asn.flags.legal_status.as_ref().map(|l| match l {
        LegalStatus::TugasBelajar => 0,
        LegalStatus::Cltn => 1,
        LegalStatus::PemberhentianSementara => 2,
        LegalStatus::MasaPersiapanPensiun => 3,
        LegalStatus::Other(_) => 4,
    });
    let facts = Facts {
        asn: Person {
            gender: &asn.gender,
            status: &asn.status,
            golongan: &asn.golongan,
            pppk_golongan: &asn.pppk_golongan,
            education: &asn.education,
            position: &asn.position,
            processes: &asn.flags.processes,
            sanctions: &asn.flags.sanctions,
            study_leave: &asn.flags.study_leave,
            legal_status,
            competencies: &asn.competencies,
            potential: &asn.potential,
            performance: &asn.performance,
            domicile: &asn.domicile,
            wishes: asn
                .preferences
                .iter()
                .map(|p| (&p.target, &p.reason))
                .collect(),
            own_request: asn.own_request,
        },
        near_retirement: near_retirement(asn.birth_date, scenario, on),
        experience: experience_level(entry_year(asn), scenario, on),
        pin,
        forbid,
    };
    let mut hash = Fnv(0xcbf2_9ce4_8422_2325);
    // Writing into a hash cannot fail, and these types always serialise.
    let _ = serde_json::to_writer(&mut hash, &facts);
    hash.0
}

/// The workspace's people in the round's order: by fingerprint, then NIP.
pub fn order(
    ws: &Workspace,
    scenario: &Scenario,
    on: Date,
    pins: &BTreeMap<usize, (usize, String)>,
    forbid: &BTreeMap<usize, Vec<usize>>,
) -> Vec<usize> {
    let mut keyed: Vec<(u64, &crate::core::model::Nip, usize)> = ws
        .asn
        .iter()
        .enumerate()
        .map(|(a, asn)| {
            let pin = pins.get(&a).map(|(p, _)| *p);
            let bans = forbid.get(&a).map_or(&[][..], Vec::as_slice);
            (fingerprint(asn, scenario, on, pin, bans), &asn.nip, a)
        })
        .collect();
    crate::core::sort::sort(&mut keyed);
    keyed.into_iter().map(|(_, _, a)| a).collect()
}

/// A fingerprint of everything [`super::plan`] reads for a round under a
/// scenario: the people, positions, agencies and competencies, and the
/// round's date, openings and decisions. Whatever else changes (a round's
/// contact text, the audit, comments, follow-ups) leaves the plan as it
/// is; the page recomputes only when this changes.
pub fn inputs(input: &super::model::RoundInput<'_>) -> u64 {
    fingerprints(input).plan
}

/// Two fingerprints of a round's inputs, from one reading of the workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprints {
    /// Everything the plan reads ([`inputs`]).
    pub plan: u64,
    /// What [`super::model::Prepared::build`] reads: the same without the
    /// scenario's objective weights, mode, id and name. Scenarios that
    /// differ only there share one prepared round; a slider drag keeps it.
    pub model: u64,
}

/// The fingerprints of a round under a scenario (see [`Fingerprints`]).
pub fn fingerprints(input: &super::model::RoundInput<'_>) -> Fingerprints {
    fingerprints_with(input, &mut WorldMemo::default())
}

/// The people, positions, agencies and competencies a fingerprint last
/// read, with their hash: while a workspace still shares them
/// ([`Shared::same`]), they have not changed and are not read again. A
/// slider drag on a province's round then hashes only the round and the
/// scenario.
#[derive(Clone, Debug, Default)]
pub struct WorldMemo {
    last: Option<World>,
}

#[derive(Clone, Debug)]
struct World {
    asn: Shared<Vec<crate::core::model::Asn>>,
    positions: Shared<Vec<crate::core::model::Position>>,
    agencies: Shared<Vec<crate::core::model::Agency>>,
    competencies: Shared<Vec<crate::core::model::CompetencyDef>>,
    hash: u64,
}

/// [`fingerprints`], reading the workspace's people, positions, agencies
/// and competencies only when `memo` does not hold them still.
pub fn fingerprints_with(
    input: &super::model::RoundInput<'_>,
    memo: &mut WorldMemo,
) -> Fingerprints {
    let ws = input.ws;
    let unchanged = memo.last.as_ref().is_some_and(|w| {
        Shared::same(&w.asn, &ws.asn)
            && Shared::same(&w.positions, &ws.positions)
            && Shared::same(&w.agencies, &ws.agencies)
            && Shared::same(&w.competencies, &ws.competencies)
    });
    let world = match &memo.last {
        Some(w) if unchanged => w.hash,
        _ => {
            let mut hash = Fnv(0xcbf2_9ce4_8422_2325);
            // Writing into a hash cannot fail, and these types always
            // serialise.
            let _ = serde_json::to_writer(
                &mut hash,
                &(&ws.asn, &ws.positions, &ws.agencies, &ws.competencies),
            );
            memo.last = Some(World {
                asn: ws.asn.clone(),
                positions: ws.positions.clone(),
                agencies: ws.agencies.clone(),
                competencies: ws.competencies.clone(),
                hash: hash.0,
            });
            hash.0
        }
    };
    round_fingerprints(input, world)
}

/// The fingerprints of a round under a scenario in a world whose hash (or
/// any number that changes with it) is `world`.
pub fn round_fingerprints(input: &super::model::RoundInput<'_>, world: u64) -> Fingerprints {
    let super::model::RoundInput {
        round, scenario, ..
    } = *input;
    let mut hash = Fnv(world);
    let _ = serde_json::to_writer(
        &mut hash,
        &(
            &round.id,
            &round.effective_date,
            &round.openings,
            &round.decisions,
        ),
    );
    let round_hash = hash.0;
    let mut plan = Fnv(round_hash);
    let _ = serde_json::to_writer(&mut plan, scenario);
    // Whatever a scenario gains later is part of the model's fingerprint
    // unless it is blanked here: a new field can only make the cache
    // rebuild more often, never serve a stale round.
    let mut bare = scenario.clone();
    bare.id.clear();
    bare.name.clear();
    bare.weights = crate::core::model::ObjectiveWeights::default();
    bare.mode = crate::core::model::MatchMode::default();
    let mut model = Fnv(round_hash);
    let _ = serde_json::to_writer(&mut model, &bare);
    Fingerprints {
        plan: plan.0,
        model: model.0,
    }
}
