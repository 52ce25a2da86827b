//! Pseudonymised sharing: a copy of the workspace for workshops and email
//! that cannot be traced back to the people in it, and that plans like the
//! original.
//!
//! - **Names** become `ASN-0001` …, numbered in the copy's row order, and
//!   the **rows are shuffled** by a seed: neither the number nor the place
//!   says anything about the person.
//! - **Free text** anywhere in the workspace (round, scenario and opening
//!   names and reasons, decisions, comments and their authors, audit lines,
//!   notes, the review's members and minutes, legal-status text …) has
//!   every person's name replaced by their pseudonym: the name's words in
//!   sequence, in any case, with or without titles (Dr., Hj., …) and gelar
//!   (S.H., M.Si., …); and every NIP, however written (plain, spaced,
//!   dashed, dotted), by the new NIP. SIASN's own ids of people are
//!   dropped.
//! - **NIP digits** keep only what the plan needs, coarsened: the birth
//!   date (the birth date field too) becomes 1 January of its 5-year
//!   bucket, and the entry year the start of its 5-year bucket, each only
//!   where every round and scenario of the workspace gives the same
//!   retirement-buffer flags and experience level (otherwise the year, then
//!   the month, is kept); the PPPK marker and the gender digit stay (the
//!   status and gender fields say them anyway). The CPNS month and the
//!   sequence number are fresh. Every combination of kept digits is shared
//!   by at least [`K`] people; a person whose combination would be rarer
//!   gets a birth date and entry year drawn at random among those that plan
//!   the same, so no rare combination is a real one.
//! - **The plan** is the same: the engine orders people by what it reads
//!   about them, not by their place, name or NIP
//!   ([`crate::core::engine::canonical`]), and every value the
//!   pseudonymisation changes keeps what the engine takes from it. People
//!   the engine cannot tell apart (the same facts in every respect) may
//!   trade places with one another; nobody else's outcome changes.
//!
//! The mapping is not written anywhere.

use crate::core::date::Date;
use crate::core::engine::canonical::{entry_year, experience_level, near_retirement};
use crate::core::model::{Asn, EmploymentStatus, Gender, Nip, Scenario, Workspace};
use crate::core::rng::Rng;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// The fewest people who share a combination of kept NIP digits.
pub const K: usize = 5;

/// What the pseudonymisation did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PseudonymReport {
    pub people: usize,
    /// People whose birth date keeps its year or month (not the 5-year
    /// bucket), so the retirement rule is unchanged.
    pub finer_birth: usize,
    /// People whose kept digits would have been shared by fewer than [`K`]:
    /// their birth date and entry year were drawn at random among those
    /// that plan the same.
    pub randomised: usize,
}

/// Why a copy could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PseudonymError {
    /// The scrubbed copy no longer reads as a workspace (a name equal to
    /// a code the file uses).
    Scrubbed(String),
}

impl std::fmt::Display for PseudonymError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PseudonymError::Scrubbed(why) => {
                write!(f, "the pseudonymised copy could not be built: {why}")
            }
        }
    }
}

/// Every (round date, scenario) whose plan the copy must keep: the rounds'
/// scenarios and their frozen versions'.
fn plans(ws: &Workspace) -> Vec<(Date, &Scenario)> {
    let mut out = Vec::new();
    for round in &ws.rounds {
        let on = round.effective_date;
        out.extend(round.scenarios.iter().map(|s| (on, s)));
        out.extend(round.procedure.versions.iter().map(|v| (on, &v.scenario)));
    }
    out
}

fn retirement_flags(plans: &[(Date, &Scenario)], birth: Date) -> Vec<bool> {
    plans
        .iter()
        .flat_map(|(on, s)| near_retirement(birth, s, *on))
        .collect()
}

fn experience_levels(plans: &[(Date, &Scenario)], year: i32) -> Vec<i32> {
    plans
        .iter()
        .map(|(on, s)| experience_level(year, s, *on))
        .collect()
}

/// The coarsest birth date that plans the same: 1 January of the 5-year
/// bucket, else of the year, else the first of the month, else the date;
/// and whether it is finer than the bucket.
fn coarse_birth(plans: &[(Date, &Scenario)], birth: Date) -> (Date, bool) {
    let flags = retirement_flags(plans, birth);
    let y = birth.year();
    let candidates = [
        Date::new(y - y.rem_euclid(5), 1, 1),
        Date::new(y, 1, 1),
        Date::new(y, birth.month(), 1),
    ];
    for (k, c) in candidates.into_iter().enumerate() {
        if let Ok(c) = c {
            if retirement_flags(plans, c) == flags {
                return (c, k > 0);
            }
        }
    }
    // Unreachable: the retirement date depends on the month, not the day.
    (birth, true)
}

/// Whether a NIP with this birth year may carry this entry year.
fn entry_fits(birth_year: i32, entry: i32) -> bool {
    (15..=60).contains(&(entry - birth_year))
}

/// The coarsest entry year that plans the same and fits the birth year:
/// the start of its 5-year bucket, else the year, else the nearest that
/// does.
fn coarse_entry(plans: &[(Date, &Scenario)], entry: i32, birth_year: i32) -> i32 {
    let levels = experience_levels(plans, entry);
    let same = |y: i32| entry_fits(birth_year, y) && experience_levels(plans, y) == levels;
    let bucket = entry - entry.rem_euclid(5);
    if same(bucket) {
        return bucket;
    }
    (0..=60)
        .flat_map(|d| [entry - d, entry + d])
        .find(|&y| same(y))
        .unwrap_or(entry)
}

/// The words of a name without titles and gelar, lower case: what free
/// text is searched for.
fn name_words(name: &str) -> Vec<String> {
    const TITLES: [&str; 12] = [
        "dr", "drs", "dra", "drg", "ir", "h", "hj", "prof", "kh", "ns", "apt", "tgk",
    ];
    // Gelar follow a comma ("Budi Santoso, S.H., M.Si.").
    let head = name.split(',').next().unwrap_or(name);
    let mut words: Vec<String> = words(head).into_iter().map(|(w, _, _)| w).collect();
    while words.len() > 1 && TITLES.contains(&words[0].as_str()) {
        words.remove(0);
    }
    words
}

/// The words of a text, lower case, with their byte ranges.
fn words(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric() || c == '\'', start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((text[s..i].to_lowercase(), s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((text[s..].to_lowercase(), s, text.len()));
    }
    out
}

/// What free text is scrubbed of: names by their first word, and NIPs.
struct Scrubber {
    /// First word → (all words, pseudonym), longest first.
    names: HashMap<String, Vec<(Vec<String>, String)>>,
    /// Original NIP digits → new NIP digits.
    nips: HashMap<String, String>,
}

impl Scrubber {
    fn add_name(&mut self, name: &str, pseudonym: &str) {
        let words = name_words(name);
        // A one-word name shorter than three letters would wreck the text.
        if words.is_empty() || (words.len() == 1 && words[0].chars().count() < 3) {
            return;
        }
        let list = self.names.entry(words[0].clone()).or_default();
        list.push((words, pseudonym.to_string()));
        crate::core::sort::sort_by(list, |a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    }

    /// Replaces every NIP spelling (18 digits with at most one space, dash,
    /// dot or slash between any two) of a known person.
    fn scrub_nips(&self, text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        let mut copied = 0;
        while i < bytes.len() {
            let starts = bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit());
            if starts {
                let mut digits = String::new();
                let mut j = i;
                while j < bytes.len() && digits.len() < 18 {
                    if bytes[j].is_ascii_digit() {
                        digits.push(bytes[j] as char);
                        j += 1;
                    } else if matches!(bytes[j], b' ' | b'-' | b'.' | b'/')
                        && j + 1 < bytes.len()
                        && bytes[j + 1].is_ascii_digit()
                        && bytes[j - 1].is_ascii_digit()
                    {
                        j += 1;
                    } else {
                        break;
                    }
                }
                let whole = j >= bytes.len() || !bytes[j].is_ascii_digit();
                if let (true, Some(new)) = (whole, self.nips.get(&digits)) {
                    out.push_str(&text[copied..i]);
                    out.push_str(new);
                    copied = j;
                    i = j;
                    continue;
                }
            }
            i += 1;
        }
        out.push_str(&text[copied..]);
        out
    }

    /// Replaces every known name's words in sequence, any case.
    fn scrub_names(&self, text: &str) -> String {
        let words = words(text);
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        let mut k = 0;
        while k < words.len() {
            let found = self.names.get(&words[k].0).and_then(|list| {
                list.iter().find(|(name, _)| {
                    words.len() - k >= name.len()
                        && name.iter().zip(&words[k..]).all(|(a, b)| *a == b.0)
                })
            });
            match found {
                Some((name, pseudonym)) => {
                    out.push_str(&text[copied..words[k].1]);
                    out.push_str(pseudonym);
                    copied = words[k + name.len() - 1].2;
                    k += name.len();
                }
                None => k += 1,
            }
        }
        out.push_str(&text[copied..]);
        out
    }

    fn scrub(&self, text: &str) -> String {
        self.scrub_names(&self.scrub_nips(text))
    }

    /// Scrubs every string and key of a JSON value. Ids are text too (a
    /// scenario's id may come from its name); the scrub is a function of
    /// the string alone, so an id and every reference to it stay equal.
    fn walk(&self, value: &mut Value) {
        match value {
            Value::String(s) => *s = self.scrub(s),
            Value::Array(items) => items.iter_mut().for_each(|v| self.walk(v)),
            Value::Object(map) => {
                let entries = std::mem::take(map);
                for (key, mut v) in entries {
                    self.walk(&mut v);
                    map.insert(self.scrub(&key), v);
                }
            }
            _ => {}
        }
    }
}

/// A new NIP with these kept digits, not taken (and never an original):
/// its CPNS month and sequence number drawn at random, and never equal to
/// the person's own digits 9–18 (a known NIP must not find its owner by
/// them).
fn fresh_nip(
    taken: &mut HashSet<String>,
    rng: &mut Rng,
    own: &Nip,
    (birth, entry): (Date, i32),
    pppk: bool,
    gender: Gender,
) -> Option<Nip> {
    let g = if gender == Gender::Female { 2 } else { 1 };
    let months: Vec<u8> = if pppk { vec![21] } else { (1..=12).collect() };
    let total = months.len() as u64 * 999;
    let start = rng.below(total);
    for k in 0..total {
        let at = (start + k * 7919) % total;
        let month = months[(at / 999) as usize];
        let seq = at % 999 + 1;
        let text = format!(
            "{:04}{:02}{:02}{entry:04}{month:02}{g}{seq:03}",
            birth.year(),
            birth.month(),
            birth.day()
        );
        if text[8..] == own.as_str()[8..] || taken.contains(&text) {
            continue;
        }
        if let Ok(nip) = Nip::parse(&text) {
            taken.insert(text);
            return Some(nip);
        }
    }
    None
}

/// A birth date (the first of a month, within 12 years) and an entry year
/// drawn at random among those that plan the same as `birth` and `entry`.
/// The first of the birth month always does; the entry year falls back on
/// its coarse value `coarse_entry` when no other fits.
fn random_class_member(
    plans: &[(Date, &Scenario)],
    rng: &mut Rng,
    birth: Date,
    entry: i32,
    coarse_entry: i32,
) -> (Date, i32) {
    let flags = retirement_flags(plans, birth);
    let levels = experience_levels(plans, entry);
    let births: Vec<Date> = (-12..=12)
        .flat_map(|d| (1..=12).filter_map(move |m| Date::new(birth.year() + d, m, 1).ok()))
        .filter(|b| retirement_flags(plans, *b) == flags)
        .collect();
    let b = match births.len() {
        0 => Date::new(birth.year(), birth.month(), 1).unwrap_or(birth),
        n => births[rng.below(n as u64) as usize],
    };
    let entries: Vec<i32> = (b.year() + 15..=b.year() + 60)
        .filter(|&y| experience_levels(plans, y) == levels)
        .collect();
    let e = match entries.len() {
        0 => coarse_entry,
        n => entries[rng.below(n as u64) as usize],
    };
    (b, e)
}

/// The pseudonymised copy of a workspace.
pub fn pseudonymise(
    ws: &Workspace,
    seed: u64,
) -> Result<(Workspace, PseudonymReport), PseudonymError> {
    let n = ws.asn.len();
    let plans = plans(ws);
    let mut rng = Rng::new(seed);
    // The copy's rows: a seeded shuffle of the original's.
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        order.swap(i, j);
    }
    let width = n.to_string().len().max(4);

    // Coarsened digits (birth date, entry year; with the PPPK marker and
    // the gender digit, what a NIP keeps), then the rare combinations drawn
    // at random.
    let mut finer_birth = 0;
    let mut digits: Vec<(Date, i32)> = ws
        .asn
        .iter()
        .map(|a| {
            let (birth, finer) = coarse_birth(&plans, a.birth_date);
            finer_birth += usize::from(finer);
            (birth, coarse_entry(&plans, entry_year(a), birth.year()))
        })
        .collect();
    let pppk = |a: &Asn| a.status == EmploymentStatus::Pppk;
    let mut sizes: HashMap<(Date, i32, bool, Gender), usize> = HashMap::new();
    for (a, (b, e)) in ws.asn.iter().zip(&digits) {
        *sizes.entry((*b, *e, pppk(a), a.gender)).or_default() += 1;
    }
    let mut randomised = 0;
    for &i in &order {
        let a = &ws.asn[i];
        let (b, e) = digits[i];
        if sizes[&(b, e, pppk(a), a.gender)] < K {
            digits[i] = random_class_member(&plans, &mut rng, a.birth_date, entry_year(a), e);
            randomised += 1;
        }
    }

    // New NIPs (never an original one), in the copy's row order.
    let mut taken: HashSet<String> = ws.asn.iter().map(|a| a.nip.as_str().to_string()).collect();
    let mut scrubber = Scrubber {
        names: HashMap::new(),
        nips: HashMap::new(),
    };
    let mut people = Vec::with_capacity(n);
    for (k, &i) in order.iter().enumerate() {
        let a = &ws.asn[i];
        let pseudonym = format!("ASN-{:0width$}", k + 1);
        let mut class = digits[i];
        let nip = loop {
            if let Some(nip) = fresh_nip(&mut taken, &mut rng, &a.nip, class, pppk(a), a.gender) {
                break nip;
            }
            // A full combination (999 × 12 people): another member of the class.
            class = random_class_member(&plans, &mut rng, a.birth_date, entry_year(a), class.1);
        };
        let birth = class.0;
        scrubber.add_name(&a.name, &pseudonym);
        scrubber
            .nips
            .insert(a.nip.as_str().to_string(), nip.as_str().to_string());
        let mut p = a.clone();
        p.name = pseudonym;
        p.nip = nip;
        p.birth_date = birth;
        // The NIP now carries the (coarsened) year service counts from.
        p.service_from_year = None;
        people.push(p);
    }

    // Everything, the people's new names and NIPs in place, scrubbed as
    // JSON: no original NIP is a new one, and no pseudonym holds a name.
    let mut copy = ws.clone();
    copy.asn = people.into();
    copy.siasn.pns.clear();
    let mut value =
        serde_json::to_value(&copy).map_err(|e| PseudonymError::Scrubbed(e.to_string()))?;
    scrubber.walk(&mut value);
    let mut out: Workspace = serde_json::from_value(value)
        .map_err(|e| PseudonymError::Scrubbed(crate::core::text::clip(e.to_string())))?;
    out.name = format!("{} (pseudonim)", out.name);
    Ok((
        out,
        PseudonymReport {
            people: n,
            finer_birth,
            randomised,
        },
    ))
}
