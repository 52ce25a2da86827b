//! Pseudonymised sharing: a copy of the workspace for workshops and email
//! in which every name and NIP is replaced by a stable pseudonym and birth
//! dates are coarsened, and which plans exactly like the original.
//!
//! - Names become `ASN-0001` … in an order shuffled by a seed, so the number
//!   says nothing about the person; the same person has the same pseudonym
//!   everywhere in the file (roster, moves, decisions, comments, follow-ups,
//!   recorded plans, constraints, free text).
//! - Birth dates become 1 January of the birth year. Where that would change
//!   a retirement-buffer outcome in any round and scenario (so the plan
//!   would differ) the birth month is kept instead (day 1): retirement
//!   dates depend on the month only, so those plans stay identical.
//! - A NIP is rebuilt from the coarsened birth date, the original entry year
//!   (service years feed Profile Matching) and gender digit, and a fresh
//!   sequence number; the entry month is kept unless the sequence runs out.
//! - Free text (audit log, reasons, comments, notes) has every original name
//!   and NIP replaced by the pseudonym and new NIP.
//!
//! The mapping is not written anywhere.

use crate::core::date::Date;
use crate::core::model::{retirement_date, Constraint, Nip, NipEntry, Workspace};
use crate::core::rng::Rng;
use std::collections::{HashMap, HashSet};

/// What the pseudonymisation did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PseudonymReport {
    pub people: usize,
    /// People whose birth month had to be kept (see the module doc).
    pub kept_birth_month: usize,
}

/// The retirement ages of PP 11/2017 by position type.
const BUP_AGES: [u8; 3] = [58, 60, 65];

/// The retirement-buffer flags of a birth date in every round and scenario.
fn retirement_flags(ws: &Workspace, birth: Date) -> Vec<bool> {
    let mut flags = Vec::new();
    for round in &ws.rounds {
        let on = round.effective_date;
        for s in &round.scenarios {
            let buffer = i32::from(s.rules.retirement_buffer_months);
            let by_jf = s.rules.bup_by_jf.values().copied();
            for age in BUP_AGES.into_iter().chain(by_jf) {
                let retires = retirement_date(birth, age);
                flags
                    .push(buffer > 0 && (retires <= on || on.whole_months_until(retires) < buffer));
            }
        }
    }
    flags
}

/// Replaces every key of `map` found in `text` (longest keys first).
fn scrub(text: &mut String, replacements: &[(String, String)]) {
    if text.is_empty() {
        return;
    }
    for (from, to) in replacements {
        if text.contains(from.as_str()) {
            *text = text.replace(from.as_str(), to);
        }
    }
}

/// The pseudonymised copy of a workspace.
pub fn pseudonymise(ws: &Workspace, seed: u64) -> (Workspace, PseudonymReport) {
    let mut out = ws.clone();
    let n = ws.asn.len();
    // A seeded shuffle gives the pseudonym numbers.
    let mut order: Vec<usize> = (0..n).collect();
    let mut rng = Rng::new(seed);
    for i in (1..n).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        order.swap(i, j);
    }
    let mut number = vec![0usize; n];
    for (k, &i) in order.iter().enumerate() {
        number[i] = k + 1;
    }
    let width = n.to_string().len().max(4);

    let mut kept_month = 0;
    // An original NIP is never reused: a pseudonym must not point at
    // someone real.
    let mut taken: HashSet<String> = ws.asn.iter().map(|a| a.nip.as_str().to_string()).collect();
    let mut nip_map: HashMap<Nip, Nip> = HashMap::new();
    let mut replacements: Vec<(String, String)> = Vec::new();
    // Assign in pseudonym order so sequence numbers do not follow the roster.
    for &i in &order {
        let a = &ws.asn[i];
        let pseudonym = format!("ASN-{:0width$}", number[i]);
        let year_only = Date::new(a.birth_date.year(), 1, 1).unwrap_or(a.birth_date);
        let month_only =
            Date::new(a.birth_date.year(), a.birth_date.month(), 1).unwrap_or(a.birth_date);
        let birth = if retirement_flags(ws, year_only) == retirement_flags(ws, a.birth_date) {
            year_only
        } else {
            kept_month += 1;
            month_only
        };
        let (entry_year, entry_months): (i32, Vec<u8>) = match a.nip.entry() {
            NipEntry::Pppk { year } => (year, vec![21]),
            NipEntry::Cpns { year, month } => {
                let mut months = vec![month];
                months.extend((1..=12).filter(|m| *m != month));
                (year, months)
            }
        };
        let gender = &a.nip.as_str()[14..15];
        let mut new_nip = None;
        'search: for month in entry_months {
            for seq in 1..=999u32 {
                let text = format!(
                    "{:04}{:02}{:02}{entry_year:04}{month:02}{gender}{seq:03}",
                    birth.year(),
                    birth.month(),
                    birth.day()
                );
                if !taken.contains(&text) {
                    if let Ok(nip) = Nip::parse(&text) {
                        taken.insert(text);
                        new_nip = Some(nip);
                        break 'search;
                    }
                }
            }
        }
        // 12 × 999 people born on one day who entered in one year cannot
        // happen in a real roster; keep the NIP's shape valid regardless.
        let new_nip = new_nip.unwrap_or_else(|| a.nip.clone());
        replacements.push((a.name.clone(), pseudonym.clone()));
        replacements.push((a.nip.as_str().to_string(), new_nip.as_str().to_string()));
        replacements.push((a.nip.spaced(), new_nip.spaced()));
        nip_map.insert(a.nip.clone(), new_nip.clone());
        let p = &mut out.asn[i];
        p.name = pseudonym;
        p.nip = new_nip;
        p.birth_date = birth;
    }
    replacements.retain(|(from, _)| from.chars().count() >= 3);
    crate::core::sort::sort_by(&mut replacements, |a, b| {
        b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0))
    });

    let map = |nip: &mut Nip| {
        if let Some(new) = nip_map.get(nip) {
            *nip = new.clone();
        }
    };
    for a in &mut out.asn {
        for pref in &mut a.preferences {
            scrub(&mut pref.note, &replacements);
        }
    }
    for m in &mut out.moves {
        map(&mut m.asn);
    }
    for f in &mut out.follow_ups {
        map(&mut f.asn);
        scrub(&mut f.note, &replacements);
    }
    for round in &mut out.rounds {
        for d in &mut round.decisions {
            map(&mut d.asn);
            scrub(&mut d.reason, &replacements);
        }
        for r in &mut round.results {
            for m in &mut r.moves {
                map(&mut m.asn);
            }
        }
        for s in &mut round.scenarios {
            for c in &mut s.constraints {
                match c {
                    Constraint::Pin { asn, .. } | Constraint::Forbid { asn, .. } => map(asn),
                    Constraint::UnitCap { .. } => {}
                }
            }
        }
        for c in &mut round.participation.comments {
            map(&mut c.asn);
            scrub(&mut c.text, &replacements);
            scrub(&mut c.from, &replacements);
            scrub(&mut c.response, &replacements);
        }
    }
    for e in &mut out.audit {
        scrub(&mut e.detail, &replacements);
        if let Some(reason) = &mut e.reason {
            scrub(reason, &replacements);
        }
    }
    out.name = format!("{} (pseudonim)", ws.name);
    (
        out,
        PseudonymReport {
            people: n,
            kept_birth_month: kept_month,
        },
    )
}
