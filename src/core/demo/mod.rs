//! A seeded generator of a realistic Jambi provincial government: about 40
//! agencies with unit trees, positions with requirements and ABK needs, ASN
//! with valid NIPs, plausible Indonesian names, golongan and education mixes,
//! competencies, three years of performance, flags and preferences, a past
//! round with its moves, and an open round whose needs analysis opens about
//! 150 slots at every level. Disdik runs SMA/SMK schools with their teachers
//! (JF Guru, BUP 60). Staff are unevenly spread — about a tenth of the
//! people sit over their position's need while a position of the same type
//! and JF elsewhere has a gap — so that the default scenario can fill most
//! openings with lateral transfers, as a real pemerataan round does.
//!
//! Same seed and size, same workspace: only [`crate::core::rng::Rng`] is used
//! and nothing depends on hash order. Education fields mostly fit the agency,
//! with deliberate misfits (a health graduate outside health, a finance
//! expert outside the finance agency), the cases a transfer program exists to
//! correct.
//!
//! The generator is a `Builder` that adds, in order: the organisation
//! (`organisation`), the people (`people`), then wishes and rounds
//! (`rounds`). Its data tables are `families`, `agencies`, `names` and
//! `ranks`.

mod agencies;
mod families;
mod names;
mod organisation;
mod people;
mod ranks;
mod rounds;

use crate::core::date::Date;
use crate::core::model::*;
use crate::core::rng::Rng;
use agencies::*;
use families::*;
use names::*;
use ranks::*;
use rounds::*;
use std::collections::{BTreeMap, HashMap};

/// What to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoConfig {
    pub seed: u64,
    /// Number of ASN (1,500 for the demo, 20,000 for benchmarks).
    pub asn: usize,
    /// The reference date: tenures, ages and history are set relative to it.
    pub as_of: Date,
}

impl Default for DemoConfig {
    fn default() -> Self {
        DemoConfig {
            seed: 2026,
            asn: 1_500,
            as_of: date(2026, 11, 1),
        }
    }
}

fn date(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap_or_else(|_| unreachable!("a literal date in the generator"))
}

/// The embedded demo: 1,500 ASN, seed 2026.
pub fn jambi_demo() -> Workspace {
    generate(&DemoConfig::default())
}

struct Builder<'a> {
    rng: Rng,
    cfg: &'a DemoConfig,
    ws: Workspace,
    /// Family key of each agency.
    agency_family: HashMap<String, &'static str>,
    /// Positions added so far per unit, for their ids.
    positions_per_unit: HashMap<String, u32>,
    /// Family key of each position (by index in `ws.positions`): whose
    /// education fields and teknis competencies it asks for.
    position_family: Vec<&'static str>,
}

fn default_scenario() -> Scenario {
    Scenario::standard("seimbang", "Seimbang")
}

/// Generates a workspace.
pub fn generate(cfg: &DemoConfig) -> Workspace {
    let mut b = Builder {
        rng: Rng::new(cfg.seed),
        cfg,
        ws: Workspace::empty(format!("Demo Pemerintah Provinsi Jambi ({} ASN)", cfg.asn)),
        agency_family: HashMap::new(),
        positions_per_unit: HashMap::new(),
        position_family: Vec::new(),
    };
    b.build_organisation();
    b.fit_needs();
    let placed = b.place_people();
    let mut nip_seq = HashMap::new();
    for p in placed {
        let person = b.person(p, &mut nip_seq);
        b.ws.asn.push(person);
    }
    crate::core::sort::sort_by(&mut b.ws.asn, |x, y| x.nip.cmp(&y.nip));
    b.add_preferences();
    b.add_past_round();
    b.add_open_round();
    b.add_offer_wishes();
    b.ws.audit.push(AuditEntry {
        at: format!("{}T00:00:00Z", cfg.as_of),
        action: "demo".into(),
        detail: format!(
            "Demo workspace generated (seed {}, {} ASN)",
            cfg.seed, cfg.asn
        ),
        reason: None,
    });
    b.ws
}
