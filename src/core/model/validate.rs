//! Checks that a workspace holds together: unique ids, references that
//! resolve, levels in range, NIPs that agree with the other fields. Each
//! finding names where (`asn[12].nip`) and why.

use super::limits as lim;
use super::{EmploymentStatus, NipEntry, Period, PreferenceTarget, Workspace, LEVELS};
use crate::core::date::Date;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// How serious a finding is: errors make a file unusable, warnings do not.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    Warning,
    Error,
}

/// One finding: where and why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Finding {
    pub severity: Severity,
    /// A path into the workspace, e.g. `asn[12].position.position`.
    pub path: String,
    pub issue: Issue,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.issue)
    }
}

/// What a reference or an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Thing {
    Competency,
    Agency,
    Unit,
    Position,
    Nip,
    Round,
    Scenario,
    /// An opening of a round, keyed by its position.
    Opening,
    /// A comment of a round, keyed by its number.
    Comment,
}

/// Why a finding was made: typed, with its data, so the UI can say it in
/// the user's language (`crate::messages`); the Display form is English.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Issue {
    /// An id (or NIP) seen before, at `first`.
    Duplicate {
        thing: Thing,
        key: String,
        first: String,
    },
    /// A reference to something that does not exist.
    Unknown {
        thing: Thing,
        key: String,
    },
    /// A unit (a parent, or a position's unit) not in the agency.
    UnitNotInAgency {
        unit: String,
        agency: String,
    },
    UnitCycle,
    NameEmpty,
    /// A competency level outside 1–5.
    LevelOutOfRange(u8),
    /// The stored birth date and the one in the NIP.
    BirthDateDiffers {
        stored: Date,
        nip: Date,
    },
    GenderDiffers,
    /// The NIP's PPPK marker and the status disagree.
    PppkDiffers,
    NoGolongan,
    SinceBeforeBirth,
    SecondRecord(Period),
    QuarterOutOfRange,
    ReasonRequired,
    /// A policy value outside the range the settings offer.
    OutOfRange {
        value: i64,
        low: i64,
        high: i64,
    },
    /// Experience bands that decrease.
    BandsDecrease,
    /// A list, or a sum, larger than the planner takes.
    TooMany {
        count: u64,
        max: u64,
    },
    /// Every weight of the objective is 0: nothing would be optimised.
    NoWeight,
}

impl Thing {
    fn id_name(self) -> &'static str {
        match self {
            Thing::Competency => "competency id",
            Thing::Agency => "agency id",
            Thing::Unit => "unit id",
            Thing::Position => "position id",
            Thing::Nip => "NIP",
            Thing::Round => "round id",
            Thing::Scenario => "scenario id",
            Thing::Opening => "opening for position",
            Thing::Comment => "comment number",
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Issue::Duplicate { thing, key, first } => {
                write!(f, "duplicate {} \"{key}\" (first at {first})", thing.id_name())
            }
            Issue::Unknown {
                thing: Thing::Nip,
                key,
            } => write!(f, "unknown NIP {key}"),
            Issue::Unknown { thing, key } => {
                let what = thing.id_name().trim_end_matches(" id");
                write!(f, "unknown {what} \"{key}\"")
            }
            Issue::UnitNotInAgency { unit, agency } => {
                write!(f, "unit \"{unit}\" is not a unit of agency \"{agency}\"")
            }
            Issue::UnitCycle => f.write_str("the unit tree has a cycle"),
            Issue::NameEmpty => f.write_str("the name is empty"),
            Issue::LevelOutOfRange(l) => write!(f, "level {l} is outside 1–5"),
            Issue::BirthDateDiffers { stored, nip } => {
                write!(f, "{stored} differs from the birth date in the NIP ({nip})")
            }
            Issue::GenderDiffers => f.write_str("differs from the gender digit of the NIP"),
            Issue::PppkDiffers => f.write_str(
                "the NIP says PPPK (digits 13–14 = 21) but the status does not, or the other way round",
            ),
            Issue::NoGolongan => f.write_str("a PNS or CPNS without golongan"),
            Issue::SinceBeforeBirth => f.write_str("the TMT jabatan is before the birth date"),
            Issue::SecondRecord(p) => write!(f, "a second record for period {p}"),
            Issue::QuarterOutOfRange => f.write_str("a quarter is 1–4"),
            Issue::ReasonRequired => f.write_str("a manual decision needs a reason"),
            Issue::OutOfRange { value, low, high } => write!(f, "{value} is outside {low}…{high}"),
            Issue::BandsDecrease => f.write_str("the bands must not decrease"),
            Issue::TooMany { count, max } => write!(f, "{count} is more than the {max} allowed"),
            Issue::NoWeight => f.write_str(
                "every weight of the objective is 0, so nothing would be optimised: give one a weight",
            ),
        }
    }
}

#[derive(Default)]
struct Findings(Vec<Finding>);

impl Findings {
    fn error(&mut self, path: String, issue: Issue) {
        self.0.push(Finding {
            severity: Severity::Error,
            path,
            issue,
        });
    }
    /// An error when `value` is outside `low..=high`.
    fn range(&mut self, path: impl FnOnce() -> String, value: i64, low: i64, high: i64) {
        if !(low..=high).contains(&value) {
            self.error(path(), Issue::OutOfRange { value, low, high });
        }
    }
    /// An error when a list (or a sum) is longer than `max`.
    fn at_most(&mut self, path: impl FnOnce() -> String, count: u64, max: u64) {
        if count > max {
            self.error(path(), Issue::TooMany { count, max });
        }
    }
    fn warning(&mut self, path: String, issue: Issue) {
        self.0.push(Finding {
            severity: Severity::Warning,
            path,
            issue,
        });
    }
}

/// A reference to something that does not exist.
fn unknown(thing: Thing, key: &str) -> Issue {
    Issue::Unknown {
        thing,
        key: crate::core::text::clip(key.to_string()),
    }
}

/// Records the first index of each key; reports later duplicates.
fn check_unique<'a>(
    findings: &mut Findings,
    thing: Thing,
    keys: impl Iterator<Item = (String, &'a str)>,
) -> HashSet<&'a str> {
    let mut first: HashMap<&str, String> = HashMap::new();
    for (path, key) in keys {
        if let Some(earlier) = first.get(key) {
            findings.error(
                path,
                Issue::Duplicate {
                    thing,
                    key: crate::core::text::clip(key.to_string()),
                    first: earlier.clone(),
                },
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
        check_sizes(&mut f, self);

        let competencies = check_unique(
            &mut f,
            Thing::Competency,
            self.competencies
                .iter()
                .enumerate()
                .map(|(i, c)| (format!("competencies[{i}].id"), c.id.as_str())),
        );
        let agencies = check_unique(
            &mut f,
            Thing::Agency,
            self.agencies
                .iter()
                .enumerate()
                .map(|(i, a)| (format!("agencies[{i}].id"), a.id.0.as_str())),
        );
        let units = check_unique(
            &mut f,
            Thing::Unit,
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
                            Issue::UnitNotInAgency {
                                unit: parent.0.clone(),
                                agency: agency.id.0.clone(),
                            },
                        );
                    } else if agency.unit_path(&unit.id).len() > agency.units.len() {
                        f.error(format!("agencies[{i}].units[{j}].parent"), Issue::UnitCycle);
                    }
                }
            }
        }

        let positions = check_unique(
            &mut f,
            Thing::Position,
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
                    unknown(Thing::Agency, &p.agency.0),
                ),
                Some(agency) if agency.unit(&p.unit).is_none() => f.error(
                    format!("positions[{i}].unit"),
                    Issue::UnitNotInAgency {
                        unit: p.unit.0.clone(),
                        agency: p.agency.0.clone(),
                    },
                ),
                Some(_) => {}
            }
            if p.name.trim().is_empty() {
                f.error(format!("positions[{i}].name"), Issue::NameEmpty);
            }
            f.range(
                || format!("positions[{i}].need"),
                p.need.into(),
                0,
                lim::MAX_NEED.into(),
            );
            for (k, req) in p.competencies.iter().enumerate() {
                if !competencies.contains(req.competency.as_str()) {
                    f.error(
                        format!("positions[{i}].competencies[{k}].competency"),
                        unknown(Thing::Competency, &req.competency.0),
                    );
                }
                if !LEVELS.contains(&req.level) {
                    f.error(
                        format!("positions[{i}].competencies[{k}].level"),
                        Issue::LevelOutOfRange(req.level),
                    );
                }
            }
        }

        check_unique(
            &mut f,
            Thing::Nip,
            self.asn
                .iter()
                .enumerate()
                .map(|(i, a)| (format!("asn[{i}].nip"), a.nip.as_str())),
        );
        for (i, a) in self.asn.iter().enumerate() {
            if a.name.trim().is_empty() {
                f.error(format!("asn[{i}].name"), Issue::NameEmpty);
            }
            if a.nip.birth_date() != a.birth_date {
                f.warning(
                    format!("asn[{i}].birth_date"),
                    Issue::BirthDateDiffers {
                        stored: a.birth_date,
                        nip: a.nip.birth_date(),
                    },
                );
            }
            if a.nip.gender() != a.gender {
                f.warning(format!("asn[{i}].gender"), Issue::GenderDiffers);
            }
            let pppk_nip = matches!(a.nip.entry(), NipEntry::Pppk { .. });
            if pppk_nip != (a.status == EmploymentStatus::Pppk) {
                f.warning(format!("asn[{i}].status"), Issue::PppkDiffers);
            }
            if a.status != EmploymentStatus::Pppk && a.golongan.is_none() {
                f.warning(format!("asn[{i}].golongan"), Issue::NoGolongan);
            }
            if let Some(current) = &a.position {
                if !positions.contains(current.position.0.as_str()) {
                    f.error(
                        format!("asn[{i}].position.position"),
                        unknown(Thing::Position, &current.position.0),
                    );
                }
                if current.since < a.birth_date {
                    f.error(format!("asn[{i}].position.since"), Issue::SinceBeforeBirth);
                }
            }
            for (id, level) in &a.competencies.levels {
                if !competencies.contains(id.as_str()) {
                    f.error(
                        format!("asn[{i}].competencies.levels.{}", id.0),
                        unknown(Thing::Competency, &id.0),
                    );
                } else if !LEVELS.contains(level) {
                    f.error(
                        format!("asn[{i}].competencies.levels.{}", id.0),
                        Issue::LevelOutOfRange(*level),
                    );
                }
            }
            f.at_most(
                || format!("asn[{i}].performance"),
                a.performance.len() as u64,
                lim::MAX_RECORDS as u64,
            );
            f.at_most(
                || format!("asn[{i}].preferences"),
                a.preferences.len() as u64,
                lim::MAX_PREFERENCES as u64,
            );
            let mut periods = HashSet::new();
            for (k, r) in a.performance.iter().enumerate() {
                f.range(
                    || format!("asn[{i}].performance[{k}].period.year"),
                    r.period.year.into(),
                    lim::FIRST_YEAR.into(),
                    lim::LAST_YEAR.into(),
                );
                if !periods.insert(r.period) {
                    f.error(
                        format!("asn[{i}].performance[{k}].period"),
                        Issue::SecondRecord(r.period),
                    );
                }
                if r.period.quarter.is_some_and(|q| !(1..=4).contains(&q)) {
                    f.error(
                        format!("asn[{i}].performance[{k}].period.quarter"),
                        Issue::QuarterOutOfRange,
                    );
                }
            }
            for (k, pref) in a.preferences.iter().enumerate() {
                let path = format!("asn[{i}].preferences[{k}].target");
                match &pref.target {
                    PreferenceTarget::Position(p) if !positions.contains(p.0.as_str()) => {
                        f.error(path, unknown(Thing::Position, &p.0))
                    }
                    PreferenceTarget::Unit(u) if !units.contains(u.0.as_str()) => {
                        f.error(path, unknown(Thing::Unit, &u.0))
                    }
                    PreferenceTarget::Agency(ag) if !agencies.contains(ag.0.as_str()) => {
                        f.error(path, unknown(Thing::Agency, &ag.0))
                    }
                    _ => {}
                }
            }
        }

        let nips: HashSet<&str> = self.asn.iter().map(|a| a.nip.as_str()).collect();
        let rounds = check_unique(
            &mut f,
            Thing::Round,
            self.rounds
                .iter()
                .enumerate()
                .map(|(i, r)| (format!("rounds[{i}].id"), r.id.as_str())),
        );
        for (i, round) in self.rounds.iter().enumerate() {
            check_openings(&mut f, &format!("rounds[{i}]"), &round.openings, &positions);
            f.at_most(
                || format!("rounds[{i}].scenarios"),
                round.scenarios.len() as u64,
                lim::MAX_SCENARIOS as u64,
            );
            check_comments(&mut f, i, &round.participation.comments);
            check_versions(&mut f, i, &round.procedure.versions, &positions);
            check_unique(
                &mut f,
                Thing::Scenario,
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
                        unknown(Thing::Nip, d.asn.as_str()),
                    );
                }
                if let super::DecisionAction::Assign(p) = &d.action {
                    if !positions.contains(p.0.as_str()) {
                        f.error(
                            format!("rounds[{i}].decisions[{k}].action.position"),
                            unknown(Thing::Position, &p.0),
                        );
                    }
                }
                if d.reason.trim().is_empty() {
                    f.error(
                        format!("rounds[{i}].decisions[{k}].reason"),
                        Issue::ReasonRequired,
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
                            unknown(Thing::Nip, mv.asn.as_str()),
                        );
                    }
                    if !positions.contains(mv.to.0.as_str()) {
                        f.error(
                            format!("rounds[{i}].results[{k}].moves[{m}].to"),
                            unknown(Thing::Position, &mv.to.0),
                        );
                    }
                }
            }
        }
        for (i, fu) in self.follow_ups.iter().enumerate() {
            if !nips.contains(fu.asn.as_str()) {
                f.error(
                    format!("follow_ups[{i}].asn"),
                    unknown(Thing::Nip, fu.asn.as_str()),
                );
            }
            match &fu.kind {
                super::FollowUpKind::Mentoring { mentor } if !nips.contains(mentor.as_str()) => f
                    .error(
                        format!("follow_ups[{i}].mentor"),
                        unknown(Thing::Nip, mentor.as_str()),
                    ),
                super::FollowUpKind::Training { competency }
                    if !competencies.contains(competency.as_str()) =>
                {
                    f.error(
                        format!("follow_ups[{i}].competency"),
                        unknown(Thing::Competency, &competency.0),
                    )
                }
                _ => {}
            }
        }
        for (i, m) in self.moves.iter().enumerate() {
            if !nips.contains(m.asn.as_str()) {
                f.error(
                    format!("moves[{i}].asn"),
                    unknown(Thing::Nip, m.asn.as_str()),
                );
            }
            for (field, p) in [("from", m.from.as_ref()), ("to", Some(&m.to))] {
                if let Some(p) = p {
                    if !positions.contains(p.0.as_str()) {
                        f.error(
                            format!("moves[{i}].{field}"),
                            unknown(Thing::Position, &p.0),
                        );
                    }
                }
            }
            if let Some(r) = &m.round {
                if !rounds.contains(r.as_str()) {
                    f.warning(format!("moves[{i}].round"), unknown(Thing::Round, r));
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
        f.range(|| format!("{at}.{path}"), value, low, high)
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
    let points = &s.stable.points;
    for (name, v) in [
        ("fit", points.fit),
        ("per_year_in_position", points.per_year_in_position),
        ("own_request", points.own_request),
        ("family", points.family),
        ("near_domicile", points.near_domicile),
    ] {
        out_of(
            &format!("stable.points.{name}"),
            v.into(),
            0,
            super::PointsFormula::MAX_POINTS.into(),
        );
    }
    let w = &s.weights;
    let weights = [
        ("fit", w.fit),
        ("preference", w.preference),
        ("priority", w.priority),
        ("distance", w.distance),
        ("stability", w.stability),
        ("refreshment", w.refreshment),
    ];
    let fit = &s.fit;
    let aspects = [
        ("manajerial", fit.manajerial),
        ("sosial_kultural", fit.sosial_kultural),
        ("teknis", fit.teknis),
        ("education", fit.education),
        ("performance", fit.performance),
        ("experience", fit.experience),
        ("core_percent", fit.core_percent.into()),
    ];
    for (group, values) in [("weights", &weights[..]), ("fit", &aspects[..])] {
        for (name, v) in values {
            out_of(
                &format!("{group}.{name}"),
                (*v).into(),
                0,
                lim::MAX_WEIGHT.into(),
            );
        }
    }
    let r = &s.rules;
    for (name, v, high) in [
        (
            "min_months_in_position",
            r.min_months_in_position,
            lim::MAX_MIN_TENURE,
        ),
        (
            "max_months_in_position",
            r.max_months_in_position,
            lim::MAX_MAX_TENURE,
        ),
        (
            "retirement_buffer_months",
            r.retirement_buffer_months,
            lim::MAX_LOOKBACK,
        ),
        (
            "sanction_lookback_months",
            r.sanction_lookback_months,
            lim::MAX_LOOKBACK,
        ),
        ("ten_year_statement_from", r.ten_year_statement_from, 2100),
        (
            "request_min_baik_months",
            r.request_min_baik_months,
            lim::MAX_LOOKBACK,
        ),
    ] {
        out_of(&format!("rules.{name}"), v.into(), 0, high.into());
    }
    for (k, c) in s.constraints.iter().enumerate() {
        match c {
            super::Constraint::UnitCap { max_percent, .. } => out_of(
                &format!("constraints[{k}].max_percent"),
                (*max_percent).into(),
                0,
                100,
            ),
            super::Constraint::KindFloor { min, .. } => out_of(
                &format!("constraints[{k}].min"),
                (*min).into(),
                1,
                lim::MAX_NEED.into(),
            ),
            _ => {}
        }
    }
    f.at_most(
        || format!("{at}.constraints"),
        s.constraints.len() as u64,
        lim::MAX_CONSTRAINTS as u64,
    );
    if w.is_zero() {
        f.error(format!("{at}.weights"), Issue::NoWeight);
    }
    if s.fit.experience_bands.windows(2).any(|w| w[0] > w[1]) {
        f.error(format!("{at}.fit.experience_bands"), Issue::BandsDecrease);
    }
}

/// The lengths of the workspace's lists.
fn check_sizes(f: &mut Findings, ws: &Workspace) {
    let units: usize = ws.agencies.iter().map(|a| a.units.len()).sum();
    for (name, count) in [
        ("competencies", ws.competencies.len()),
        ("agencies", ws.agencies.len()),
        ("agencies[].units", units),
        ("positions", ws.positions.len()),
        ("asn", ws.asn.len()),
        ("audit", ws.audit.len()),
        ("moves", ws.moves.len()),
        ("follow_ups", ws.follow_ups.len()),
    ] {
        f.at_most(|| name.to_string(), count as u64, lim::MAX_ROWS as u64);
    }
    f.at_most(
        || "rounds".into(),
        ws.rounds.len() as u64,
        lim::MAX_ROUNDS as u64,
    );
    let e = &ws.evaluation;
    f.range(
        || "evaluation.no_improvement_periods".into(),
        e.no_improvement_periods.into(),
        1,
        lim::MAX_PERIODS.into(),
    );
    f.range(
        || "evaluation.mentor_capacity".into(),
        e.mentor_capacity.into(),
        1,
        lim::MAX_MENTEES.into(),
    );
}

/// The openings of a round (or of a frozen version, at `at`): known
/// positions, one opening a position, 1–99 slots each, and seats in all
/// that a round can plan. The sum is taken in 64 bits, so it cannot wrap.
fn check_openings(
    f: &mut Findings,
    at: &str,
    openings: &[super::Opening],
    positions: &HashSet<&str>,
) {
    for (k, o) in openings.iter().enumerate() {
        if !positions.contains(o.position.0.as_str()) {
            f.error(
                format!("{at}.openings[{k}].position"),
                unknown(Thing::Position, &o.position.0),
            );
        }
        f.range(
            || format!("{at}.openings[{k}].slots"),
            o.slots.into(),
            1,
            lim::MAX_SLOTS.into(),
        );
    }
    check_unique(
        f,
        Thing::Opening,
        openings.iter().enumerate().map(|(k, o)| {
            (
                format!("{at}.openings[{k}].position"),
                o.position.0.as_str(),
            )
        }),
    );
    let seats: u64 = openings.iter().map(|o| u64::from(o.slots)).sum();
    f.at_most(|| format!("{at}.openings"), seats, lim::MAX_ROUND_SLOTS);
}

/// The comments of round `i`: numbered 1–999,999, each number once.
fn check_comments(f: &mut Findings, i: usize, comments: &[super::Comment]) {
    for (k, c) in comments.iter().enumerate() {
        f.range(
            || format!("rounds[{i}].participation.comments[{k}].id"),
            c.id.into(),
            1,
            lim::MAX_COMMENT_ID.into(),
        );
    }
    let numbers: Vec<String> = comments.iter().map(|c| c.id.to_string()).collect();
    check_unique(
        f,
        Thing::Comment,
        numbers.iter().enumerate().map(|(k, n)| {
            (
                format!("rounds[{i}].participation.comments[{k}].id"),
                n.as_str(),
            )
        }),
    );
}

/// The frozen versions of round `i`: numbered 1–999, with the settings and
/// openings a round may have.
fn check_versions(
    f: &mut Findings,
    i: usize,
    versions: &[super::RoundVersion],
    positions: &HashSet<&str>,
) {
    for (k, v) in versions.iter().enumerate() {
        let at = format!("rounds[{i}].procedure.versions[{k}]");
        f.range(
            || format!("{at}.number"),
            v.number.into(),
            1,
            lim::MAX_VERSIONS.into(),
        );
        check_policy(f, &format!("{at}.scenario"), &v.scenario);
        check_openings(f, &at, &v.openings, positions);
    }
}
