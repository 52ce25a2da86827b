//! Wishes, the past round with its moves, and the open round with its
//! openings and scenarios.

use super::*;

impl Builder<'_> {
    /// Preferences for about a third of PNS: positions of their own field,
    /// their home regency, an agency of their field.
    pub(super) fn add_preferences(&mut self) {
        let by_family: BTreeMap<&str, Vec<PositionId>> = {
            let mut map: BTreeMap<&str, Vec<PositionId>> = BTreeMap::new();
            for p in &self.ws.positions {
                if let Some(fam) = self.agency_family.get(&p.agency.0) {
                    map.entry(*fam).or_default().push(p.id.clone());
                }
            }
            map
        };
        let field_family: HashMap<&str, &str> = FAMILIES
            .iter()
            .flat_map(|f| f.fields.iter().map(move |field| (*field, f.key)))
            .collect();
        for i in 0..self.ws.asn.len() {
            let asn = &self.ws.asn[i];
            if asn.status != EmploymentStatus::Pns || !self.rng.chance(33) {
                continue;
            }
            let fam = field_family
                .get(asn.education.field.as_str())
                .copied()
                .unwrap_or("pemerintahan");
            let domicile = asn.domicile;
            let mut prefs = Vec::new();
            let n = self.rng.range(1, 3);
            for _ in 0..n {
                let target = match self.rng.below(3) {
                    0 => PreferenceTarget::Regency(domicile),
                    1 => match by_family.get(fam) {
                        Some(list) if !list.is_empty() => {
                            PreferenceTarget::Position(self.rng.pick(list).clone())
                        }
                        _ => PreferenceTarget::Regency(domicile),
                    },
                    _ => {
                        let agencies: Vec<&str> = crate::core::sort::set_from(
                            self.agency_family
                                .iter()
                                .filter(|(_, f)| **f == fam)
                                .map(|(a, _)| a.as_str()),
                        )
                        .into_iter()
                        .collect();
                        if agencies.is_empty() {
                            PreferenceTarget::Regency(domicile)
                        } else {
                            PreferenceTarget::Agency(AgencyId(self.rng.pick(&agencies).to_string()))
                        }
                    }
                };
                if prefs.iter().any(|p: &Preference| p.target == target) {
                    continue;
                }
                let reason = match target {
                    PreferenceTarget::Regency(_) => *self.rng.pick(&[
                        PreferenceReason::Family,
                        PreferenceReason::Family,
                        PreferenceReason::Health,
                    ]),
                    _ => PreferenceReason::Career,
                };
                prefs.push(Preference {
                    target,
                    reason,
                    note: String::new(),
                });
            }
            let own_request = self.rng.chance(15);
            let asn = &mut self.ws.asn[i];
            asn.preferences = prefs;
            asn.own_request = own_request;
        }
    }

    /// A past round: about 5 % of PNS moved on a date 28 months before
    /// `as_of`, with their TMT set to it.
    pub(super) fn add_past_round(&mut self) {
        let effective = date(self.cfg.as_of.year() - 2, 7, 1);
        let round_id = format!("mutasi-{}", effective.year());
        let n = self.ws.asn.len() / 20;
        let mut moved = 0;
        let mut i = 0;
        while moved < n && i < self.ws.asn.len() {
            let k = (i * 7919) % self.ws.asn.len();
            i += 1;
            let asn = &self.ws.asn[k];
            let Some(current) = &asn.position else {
                continue;
            };
            if asn.status != EmploymentStatus::Pns || current.since > effective {
                continue;
            }
            let kind = self
                .ws
                .positions
                .iter()
                .find(|p| p.id == current.position)
                .map(|p| p.kind);
            let candidates: Vec<&Position> = self
                .ws
                .positions
                .iter()
                .filter(|p| Some(p.kind) == kind && p.id != current.position)
                .collect();
            if candidates.is_empty() {
                continue;
            }
            let from = self.rng.pick(&candidates).id.clone();
            let to = current.position.clone();
            let nip = asn.nip.clone();
            if let Some(c) = self.ws.asn[k].position.as_mut() {
                c.since = effective;
            }
            // After the move most improve, some stay the same, a few
            // decline: the evaluation has something to find.
            let outcome = self.rng.weighted(&[55, 30, 15]);
            let person = &mut self.ws.asn[k];
            let before = person
                .performance
                .iter()
                .filter(|r| r.period.end_date() < effective)
                .max_by_key(|r| r.period)
                .map(|r| (r.hasil_kerja, r.perilaku_kerja));
            if let Some((hasil, perilaku)) = before {
                for r in person
                    .performance
                    .iter_mut()
                    .filter(|r| r.period.end_date() >= effective)
                {
                    let (h, p) = match outcome {
                        0 if (hasil, perilaku) == (Rating::DiAtas, Rating::DiAtas) => {
                            (hasil, perilaku)
                        }
                        0 if hasil == Rating::DiBawah || perilaku == Rating::DiBawah => {
                            (Rating::Sesuai, Rating::Sesuai)
                        }
                        0 => (Rating::DiAtas, Rating::DiAtas),
                        1 => (hasil, perilaku),
                        _ if hasil == Rating::DiBawah => (Rating::DiBawah, Rating::DiBawah),
                        _ => (Rating::DiBawah, Rating::Sesuai),
                    };
                    r.hasil_kerja = h;
                    r.perilaku_kerja = p;
                }
            }
            self.ws.moves.push(MoveRecord {
                asn: nip,
                from: Some(from),
                to,
                effective,
                round: Some(round_id.clone()),
            });
            moved += 1;
        }
        self.ws.rounds.push(Round {
            id: round_id,
            name: format!("Program Mutasi {}", effective.year()),
            effective_date: effective,
            openings: Vec::new(),
            scenarios: vec![default_scenario()],
            decisions: Vec::new(),
            results: Vec::new(),
            participation: Participation::default(),
            election: None,
            election_year: None,
            procedure: Default::default(),
        });
    }

    /// The open round: the needs analysis opens every vacant structural
    /// post and the positions with the largest staffing gap (kebutuhan −
    /// bezetting), about a tenth of the workspace's size. A position opens
    /// as many slots as there are movable people over the need in positions
    /// of its type and JF (each counted once); a gap nobody of its type and
    /// JF could fill is left to the formation request for new ASN, not
    /// opened in a transfer round.
    pub(super) fn add_open_round(&mut self) {
        let positions = &self.ws.positions;
        let index: HashMap<&PositionId, usize> = positions
            .iter()
            .enumerate()
            .map(|(i, p)| (&p.id, i))
            .collect();
        let effective = date(self.cfg.as_of.year() + 1, 1, 2);
        let rules = RuleSettings::default();
        let mut held = vec![0u32; positions.len()];
        let mut movable = vec![0u32; positions.len()];
        for a in &self.ws.asn {
            if let Some(i) = a.position.as_ref().and_then(|c| index.get(&c.position)) {
                held[*i] += 1;
                if crate::core::rules::person_rejections(a, &rules, effective).is_empty() {
                    movable[*i] += 1;
                }
            }
        }
        let mut surplus: HashMap<_, u32> = HashMap::new();
        for (i, p) in positions.iter().enumerate() {
            if held[i] > p.need {
                *surplus.entry(lateral_key(p)).or_insert(0) += (held[i] - p.need).min(movable[i]);
            }
        }
        let gaps = gaps(positions, &held);
        let mut openings = Vec::new();
        let mut chosen = Vec::new();
        // Vacant structural posts all open.
        for &(gap, i) in &gaps {
            let p = &positions[i];
            if p.need == 1
                && matches!(
                    p.kind,
                    PositionType::JptPratama | PositionType::Administrator | PositionType::Pengawas
                )
            {
                chosen.push((gap, i, 1));
            }
        }
        // The rest by turns over the position types, so that every level
        // has openings.
        let wanted = (self.cfg.asn / 10).max(1);
        let mut opened = 0;
        for (gap, i) in by_turns(gaps, positions) {
            if opened == wanted {
                break;
            }
            if positions[i].need == 1 {
                continue;
            }
            let supply = surplus.entry(lateral_key(&positions[i])).or_insert(0);
            let slots = gap.min(*supply);
            *supply -= slots;
            if slots > 0 {
                chosen.push((gap, i, slots));
                opened += 1;
            }
        }
        crate::core::sort::sort_by(&mut chosen, |a, b| a.1.cmp(&b.1));
        for (gap, i, slots) in chosen {
            let p = &positions[i];
            let priority = match (p.kind, gap) {
                (PositionType::JptPratama | PositionType::Administrator, _) => Priority::Mendesak,
                (PositionType::Pengawas, _) => Priority::Tinggi,
                (_, g) if g >= 4 => Priority::Tinggi,
                (_, g) if g >= 2 => Priority::Sedang,
                _ => Priority::Rendah,
            };
            openings.push(Opening {
                position: p.id.clone(),
                slots,
                priority,
                reason: format!("Kebutuhan ABK {} · terisi {}", p.need, held[i]),
            });
        }
        let mut competency_first = default_scenario();
        competency_first.id = "kompetensi".into();
        competency_first.name = "Utamakan kompetensi".into();
        competency_first.weights.fit = 60;
        competency_first.weights.preference = 5;
        self.ws.rounds.push(Round {
            id: format!("mutasi-{}", effective.year()),
            name: format!("Program Mutasi {}", effective.year()),
            effective_date: effective,
            openings,
            scenarios: vec![default_scenario(), competency_first],
            decisions: Vec::new(),
            results: Vec::new(),
            participation: Participation::default(),
            election: None,
            election_year: None,
            procedure: Default::default(),
        });
    }
}

impl Builder<'_> {
    /// Wishes from the published offer: as ASN who read the round's
    /// openings on their preference card, about half of those with wishes
    /// put first an opening of their own position type and JF (one they
    /// could lawfully take), the one seated nearest their domicile.
    pub(super) fn add_offer_wishes(&mut self) {
        let Some(round) = self.ws.rounds.last() else {
            return;
        };
        let positions = &self.ws.positions;
        let index: HashMap<&PositionId, usize> = positions
            .iter()
            .enumerate()
            .map(|(i, p)| (&p.id, i))
            .collect();
        // Openings by what a lateral move keeps, with their seats.
        type Offer = Vec<(Regency, PositionId)>;
        let mut offer: HashMap<(PositionType, Option<String>), Offer> = HashMap::new();
        for o in &round.openings {
            if let Some(&i) = index.get(&o.position) {
                let p = &positions[i];
                if p.kind.family() != PositionFamily::Jpt {
                    offer
                        .entry(lateral_key(p))
                        .or_default()
                        .push((self.ws.position_seat(p), p.id.clone()));
                }
            }
        }
        let mut wishes = Vec::new();
        for (a, asn) in self.ws.asn.iter().enumerate() {
            if asn.preferences.is_empty() || !self.rng.chance(50) {
                continue;
            }
            let Some(current) = asn.position.as_ref().and_then(|c| index.get(&c.position)) else {
                continue;
            };
            let own = &positions[*current];
            let nearest = offer.get(&lateral_key(own)).and_then(|list| {
                list.iter()
                    .filter(|(_, id)| *id != own.id)
                    .min_by_key(|(r, id)| (asn.domicile.distance_km(*r), (*id).clone()))
            });
            if let Some((_, id)) = nearest {
                wishes.push((a, id.clone()));
            }
        }
        for (a, id) in wishes {
            let prefs = &mut self.ws.asn[a].preferences;
            let target = PreferenceTarget::Position(id);
            if prefs.iter().any(|p| p.target == target) {
                continue;
            }
            prefs.insert(
                0,
                Preference {
                    target,
                    reason: PreferenceReason::Career,
                    note: String::new(),
                },
            );
        }
    }
}

/// What a lateral move keeps: the position type and the JF.
pub(super) fn lateral_key(p: &Position) -> (PositionType, Option<String>) {
    (p.kind, crate::core::move_class::jf_of(p))
}

/// The staffing gaps (kebutuhan − `held`, position index) of the positions
/// short of their need: largest first, ties by position order (document
/// order).
pub(super) fn gaps(positions: &[Position], held: &[u32]) -> Vec<(u32, usize)> {
    let mut gaps: Vec<(u32, usize)> = positions
        .iter()
        .enumerate()
        .filter(|(i, p)| p.need > held[*i])
        .map(|(i, p)| (p.need - held[i], i))
        .collect();
    crate::core::sort::sort_by(&mut gaps, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    gaps
}

/// `gaps` (gap, position index), largest first, reordered by turns over
/// the position types: each type's largest gap, then each type's second
/// largest, and so on (types in [`PositionType`] order), so that every level
/// gets its share before the largest type takes all.
pub(super) fn by_turns(gaps: Vec<(u32, usize)>, positions: &[Position]) -> Vec<(u32, usize)> {
    let mut seen: HashMap<PositionType, usize> = HashMap::new();
    let mut turns: Vec<(usize, PositionType, (u32, usize))> = gaps
        .into_iter()
        .map(|g| {
            let kind = positions[g.1].kind;
            let turn = seen.entry(kind).or_insert(0);
            *turn += 1;
            (*turn, kind, g)
        })
        .collect();
    crate::core::sort::sort_by(&mut turns, |a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    turns.into_iter().map(|t| t.2).collect()
}
