//! Checks that a workspace holds together: unique ids, references that
//! resolve, levels in range, NIPs that agree with the other fields. Each
//! finding names where (`asn[12].nip`) and why.

use super::{EmploymentStatus, NipEntry, PreferenceTarget, Workspace, LEVELS};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// How serious a finding is: errors make a file unusable, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One finding: where and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// A path into the workspace, e.g. `asn[12].position.position`.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

#[derive(Default)]
struct Findings(Vec<Finding>);

impl Findings {
    fn error(&mut self, path: String, message: String) {
        self.0.push(Finding {
            severity: Severity::Error,
            path,
            message,
        });
    }
    fn warning(&mut self, path: String, message: String) {
        self.0.push(Finding {
            severity: Severity::Warning,
            path,
            message,
        });
    }
}

/// Records the first index of each key; reports later duplicates.
fn check_unique<'a>(
    findings: &mut Findings,
    what: &str,
    keys: impl Iterator<Item = (String, &'a str)>,
) -> HashSet<&'a str> {
    let mut first: HashMap<&str, String> = HashMap::new();
    for (path, key) in keys {
        if let Some(earlier) = first.get(key) {
            findings.error(
                path,
                format!("duplicate {what} \"{key}\" (first at {earlier})"),
            );
        } else {
            first.insert(key, path);
        }
    }
    first.into_keys().collect()
}

impl Workspace {
    /// Every finding about the workspace, errors and warnings, in document
    /// order within each kind of check.
    pub fn validate(&self) -> Vec<Finding> {
        let mut f = Findings::default();

        let competencies = check_unique(
            &mut f,
            "competency id",
            self.competencies
                .iter()
                .enumerate()
                .map(|(i, c)| (format!("competencies[{i}].id"), c.id.as_str())),
        );
        let agencies = check_unique(
            &mut f,
            "agency id",
            self.agencies
                .iter()
                .enumerate()
                .map(|(i, a)| (format!("agencies[{i}].id"), a.id.0.as_str())),
        );
        let units = check_unique(
            &mut f,
            "unit id",
            self.agencies.iter().enumerate().flat_map(|(i, a)| {
                a.units
                    .iter()
                    .enumerate()
                    .map(move |(j, u)| (format!("agencies[{i}].units[{j}].id"), u.id.0.as_str()))
            }),
        );
        for (i, agency) in self.agencies.iter().enumerate() {
            let own: HashSet<&str> = agency.units.iter().map(|u| u.id.0.as_str()).collect();
            for (j, unit) in agency.units.iter().enumerate() {
                if let Some(parent) = &unit.parent {
                    if !own.contains(parent.0.as_str()) {
                        f.error(
                            format!("agencies[{i}].units[{j}].parent"),
                            format!(
                                "unit \"{}\" is not a unit of agency \"{}\"",
                                parent.0, agency.id.0
                            ),
                        );
                    } else if agency.unit_path(&unit.id).len() > agency.units.len() {
                        f.error(
                            format!("agencies[{i}].units[{j}].parent"),
                            "the unit tree has a cycle".to_string(),
                        );
                    }
                }
            }
        }

        let positions = check_unique(
            &mut f,
            "position id",
            self.positions
                .iter()
                .enumerate()
                .map(|(i, p)| (format!("positions[{i}].id"), p.id.0.as_str())),
        );
        let agency_by_id: HashMap<&str, &super::Agency> =
            self.agencies.iter().map(|a| (a.id.0.as_str(), a)).collect();
        for (i, p) in self.positions.iter().enumerate() {
            match agency_by_id.get(p.agency.0.as_str()) {
                None => f.error(
                    format!("positions[{i}].agency"),
                    format!("unknown agency \"{}\"", p.agency.0),
                ),
                Some(agency) if agency.unit(&p.unit).is_none() => f.error(
                    format!("positions[{i}].unit"),
                    format!(
                        "unit \"{}\" is not a unit of agency \"{}\"",
                        p.unit.0, p.agency.0
                    ),
                ),
                Some(_) => {}
            }
            if p.name.trim().is_empty() {
                f.error(
                    format!("positions[{i}].name"),
                    "the name is empty".to_string(),
                );
            }
            for (k, req) in p.competencies.iter().enumerate() {
                if !competencies.contains(req.competency.as_str()) {
                    f.error(
                        format!("positions[{i}].competencies[{k}].competency"),
                        format!("unknown competency \"{}\"", req.competency.0),
                    );
                }
                if !LEVELS.contains(&req.level) {
                    f.error(
                        format!("positions[{i}].competencies[{k}].level"),
                        format!("level {} is outside 1–5", req.level),
                    );
                }
            }
        }

        check_unique(
            &mut f,
            "NIP",
            self.asn
                .iter()
                .enumerate()
                .map(|(i, a)| (format!("asn[{i}].nip"), a.nip.as_str())),
        );
        for (i, a) in self.asn.iter().enumerate() {
            if a.name.trim().is_empty() {
                f.error(format!("asn[{i}].name"), "the name is empty".to_string());
            }
            if a.nip.birth_date() != a.birth_date {
                f.warning(
                    format!("asn[{i}].birth_date"),
                    format!(
                        "{} differs from the birth date in the NIP ({})",
                        a.birth_date,
                        a.nip.birth_date()
                    ),
                );
            }
            if a.nip.gender() != a.gender {
                f.warning(
                    format!("asn[{i}].gender"),
                    "differs from the gender digit of the NIP".to_string(),
                );
            }
            let pppk_nip = matches!(a.nip.entry(), NipEntry::Pppk { .. });
            if pppk_nip != (a.status == EmploymentStatus::Pppk) {
                f.warning(
                    format!("asn[{i}].status"),
                    "the NIP says PPPK (digits 13–14 = 21) but the status does not, or the other way round"
                        .to_string(),
                );
            }
            if a.status != EmploymentStatus::Pppk && a.golongan.is_none() {
                f.warning(
                    format!("asn[{i}].golongan"),
                    "a PNS or CPNS without golongan".to_string(),
                );
            }
            if let Some(current) = &a.position {
                if !positions.contains(current.position.0.as_str()) {
                    f.error(
                        format!("asn[{i}].position.position"),
                        format!("unknown position \"{}\"", current.position.0),
                    );
                }
                if current.since < a.birth_date {
                    f.error(
                        format!("asn[{i}].position.since"),
                        "the TMT jabatan is before the birth date".to_string(),
                    );
                }
            }
            for (id, level) in &a.competencies.levels {
                if !competencies.contains(id.as_str()) {
                    f.error(
                        format!("asn[{i}].competencies.levels.{}", id.0),
                        format!("unknown competency \"{}\"", id.0),
                    );
                } else if !LEVELS.contains(level) {
                    f.error(
                        format!("asn[{i}].competencies.levels.{}", id.0),
                        format!("level {level} is outside 1–5"),
                    );
                }
            }
            let mut periods = HashSet::new();
            for (k, r) in a.performance.iter().enumerate() {
                if !periods.insert(r.period) {
                    f.error(
                        format!("asn[{i}].performance[{k}].period"),
                        format!("a second record for period {}", r.period),
                    );
                }
                if r.period.quarter.is_some_and(|q| !(1..=4).contains(&q)) {
                    f.error(
                        format!("asn[{i}].performance[{k}].period.quarter"),
                        "a quarter is 1–4".to_string(),
                    );
                }
            }
            for (k, pref) in a.preferences.iter().enumerate() {
                let path = format!("asn[{i}].preferences[{k}].target");
                match &pref.target {
                    PreferenceTarget::Position(p) if !positions.contains(p.0.as_str()) => {
                        f.error(path, format!("unknown position \"{}\"", p.0))
                    }
                    PreferenceTarget::Unit(u) if !units.contains(u.0.as_str()) => {
                        f.error(path, format!("unknown unit \"{}\"", u.0))
                    }
                    PreferenceTarget::Agency(ag) if !agencies.contains(ag.0.as_str()) => {
                        f.error(path, format!("unknown agency \"{}\"", ag.0))
                    }
                    _ => {}
                }
            }
        }

        let nips: HashSet<&str> = self.asn.iter().map(|a| a.nip.as_str()).collect();
        let rounds = check_unique(
            &mut f,
            "round id",
            self.rounds
                .iter()
                .enumerate()
                .map(|(i, r)| (format!("rounds[{i}].id"), r.id.as_str())),
        );
        for (i, round) in self.rounds.iter().enumerate() {
            for (k, o) in round.openings.iter().enumerate() {
                if !positions.contains(o.position.0.as_str()) {
                    f.error(
                        format!("rounds[{i}].openings[{k}].position"),
                        format!("unknown position \"{}\"", o.position.0),
                    );
                }
            }
            check_unique(
                &mut f,
                "scenario id",
                round
                    .scenarios
                    .iter()
                    .enumerate()
                    .map(|(k, s)| (format!("rounds[{i}].scenarios[{k}].id"), s.id.as_str())),
            );
            for (k, s) in round.scenarios.iter().enumerate() {
                check_policy(&mut f, &format!("rounds[{i}].scenarios[{k}]"), s);
            }
            for (k, d) in round.decisions.iter().enumerate() {
                if !nips.contains(d.asn.as_str()) {
                    f.error(
                        format!("rounds[{i}].decisions[{k}].asn"),
                        format!("unknown NIP {}", d.asn),
                    );
                }
                if let super::DecisionAction::Assign(p) = &d.action {
                    if !positions.contains(p.0.as_str()) {
                        f.error(
                            format!("rounds[{i}].decisions[{k}].action.position"),
                            format!("unknown position \"{}\"", p.0),
                        );
                    }
                }
                if d.reason.trim().is_empty() {
                    f.error(
                        format!("rounds[{i}].decisions[{k}].reason"),
                        "a manual decision needs a reason".to_string(),
                    );
                }
            }
        }
        for (i, round) in self.rounds.iter().enumerate() {
            for (k, r) in round.results.iter().enumerate() {
                for (m, mv) in r.moves.iter().enumerate() {
                    if !nips.contains(mv.asn.as_str()) {
                        f.error(
                            format!("rounds[{i}].results[{k}].moves[{m}].asn"),
                            format!("unknown NIP {}", mv.asn),
                        );
                    }
                    if !positions.contains(mv.to.0.as_str()) {
                        f.error(
                            format!("rounds[{i}].results[{k}].moves[{m}].to"),
                            format!("unknown position \"{}\"", mv.to.0),
                        );
                    }
                }
            }
        }
        for (i, fu) in self.follow_ups.iter().enumerate() {
            if !nips.contains(fu.asn.as_str()) {
                f.error(
                    format!("follow_ups[{i}].asn"),
                    format!("unknown NIP {}", fu.asn),
                );
            }
            match &fu.kind {
                super::FollowUpKind::Mentoring { mentor } if !nips.contains(mentor.as_str()) => f
                    .error(
                        format!("follow_ups[{i}].mentor"),
                        format!("unknown NIP {mentor}"),
                    ),
                super::FollowUpKind::Training { competency }
                    if !competencies.contains(competency.as_str()) =>
                {
                    f.error(
                        format!("follow_ups[{i}].competency"),
                        format!("unknown competency \"{}\"", competency.0),
                    )
                }
                _ => {}
            }
        }
        for (i, m) in self.moves.iter().enumerate() {
            if !nips.contains(m.asn.as_str()) {
                f.error(format!("moves[{i}].asn"), format!("unknown NIP {}", m.asn));
            }
            for (field, p) in [("from", m.from.as_ref()), ("to", Some(&m.to))] {
                if let Some(p) = p {
                    if !positions.contains(p.0.as_str()) {
                        f.error(
                            format!("moves[{i}].{field}"),
                            format!("unknown position \"{}\"", p.0),
                        );
                    }
                }
            }
            if let Some(r) = &m.round {
                if !rounds.contains(r.as_str()) {
                    f.warning(
                        format!("moves[{i}].round"),
                        format!("unknown round \"{r}\""),
                    );
                }
            }
        }
        f.0
    }
}

/// The policy values of a scenario stay in the ranges the settings offer:
/// a file cannot carry a predikat worth 25 or a BUP of 200.
fn check_policy(f: &mut Findings, at: &str, s: &super::Scenario) {
    let mut out_of = |path: &str, value: i64, low: i64, high: i64| {
        if !(low..=high).contains(&value) {
            f.error(
                format!("{at}.{path}"),
                format!("{value} is outside {low}…{high}"),
            );
        }
    };
    out_of(
        "fit.education_level_gap",
        s.fit.education_level_gap.into(),
        -4,
        0,
    );
    out_of(
        "fit.education_field_gap",
        s.fit.education_field_gap.into(),
        -4,
        0,
    );
    let p = &s.fit.predikat_points;
    for (name, v) in [
        ("sangat_baik", p.sangat_baik),
        ("baik", p.baik),
        ("butuh_perbaikan", p.butuh_perbaikan),
        ("kurang", p.kurang),
        ("sangat_kurang", p.sangat_kurang),
        ("no_record", p.no_record),
    ] {
        out_of(&format!("fit.predikat_points.{name}"), v.into(), 10, 50);
    }
    for (k, v) in s.fit.experience_bands.iter().enumerate() {
        out_of(&format!("fit.experience_bands[{k}]"), (*v).into(), 0, 40);
    }
    let t = &s.rules.nine_box;
    out_of("rules.nine_box.above_tenths", t.above_tenths.into(), 10, 50);
    out_of(
        "rules.nine_box.expected_tenths",
        t.expected_tenths.into(),
        10,
        t.above_tenths.into(),
    );
    out_of(
        "rules.talent_pool_min_box",
        s.rules.talent_pool_min_box.into(),
        1,
        9,
    );
    for (jf, age) in &s.rules.bup_by_jf {
        out_of(&format!("rules.bup_by_jf.{jf}"), (*age).into(), 50, 70);
    }
    if s.fit.experience_bands.windows(2).any(|w| w[0] > w[1]) {
        f.error(
            format!("{at}.fit.experience_bands"),
            "the bands must not decrease".to_string(),
        );
    }
}
