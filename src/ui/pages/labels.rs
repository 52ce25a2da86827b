//! Words and lookups the result pages share (Hasil's tabs, Sosialisasi,
//! the decree panel): the active plan with its inputs, a position's label,
//! and the string-table keys of objective terms, rules, rejections, move
//! classes and a stable plan's phases.

use crate::core::engine::model::RoundInput;
use crate::core::engine::stable::Phase;
use crate::core::engine::terms::Term;
use crate::core::engine::Plan;
use crate::core::fit::Aspect;
use crate::core::model::*;
use crate::core::move_class::MoveClass;
use crate::core::rules::{Rejection, Rule};
use crate::i18n::{format_decimal, Lang, T};
use crate::ui::state::AppState;
use leptos::prelude::*;

/// Runs `f` with the active plan and its inputs, if the plan exists.
pub(crate) fn with_plan<R>(
    state: AppState,
    f: impl FnOnce(&RoundInput<'_>, &Plan) -> R,
) -> Option<R> {
    state.plan.with(|run| {
        let run = run.as_ref()?;
        let plan = run.result.as_ref().as_ref().ok()?;
        state.workspace.with(|ws| {
            let round = ws.open_round()?;
            let scenario = round.scenarios.iter().find(|s| s.id == run.scenario)?;
            Some(f(
                &RoundInput {
                    ws,
                    round,
                    scenario,
                },
                plan,
            ))
        })
    })
}

pub(crate) fn position_label(ws: &Workspace, p: Option<usize>) -> String {
    match p {
        Some(p) => {
            let pos = &ws.positions[p];
            let agency = ws
                .agencies
                .iter()
                .find(|a| a.id == pos.agency)
                .map_or("", |a| a.short_name.as_str());
            format!("{} · {}", ws.seat_name(pos), agency)
        }
        None => "—".into(),
    }
}

pub(crate) fn term_label(t: Term) -> T {
    match t {
        Term::Fit => T::WeightFit,
        Term::Preference => T::WeightPreference,
        Term::Priority => T::WeightPriority,
        Term::Distance => T::WeightDistance,
        Term::Stability => T::WeightStability,
        Term::Refreshment => T::WeightRefreshment,
    }
}

/// The objective terms of an outcome: raw value, weight, contribution.
pub(crate) fn terms_table(
    terms: &[(Term, i64, i64, i64)],
    lang: Lang,
    testid: &'static str,
) -> impl IntoView {
    view! {
        <table class="data compact" data-testid=testid>
            <thead>
                <tr>
                    <th scope="col"></th>
                    <th scope="col" class="num">{T::TermValue.text(lang)}</th>
                    <th scope="col" class="num">{T::TermWeight.text(lang)}</th>
                    <th scope="col" class="num">{T::TermContribution.text(lang)}</th>
                </tr>
            </thead>
            <tbody>
                {terms
                    .iter()
                    .map(|(t, raw, w, c)| {
                        view! {
                            <tr>
                                <th scope="row">{term_label(*t).text(lang)}</th>
                                <td class="num">{signed_count(*raw, lang)}</td>
                                <td class="num">{signed_count(*w, lang)}</td>
                                <td class="num">{signed_count(*c, lang)}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

pub(crate) use crate::messages::{jpm_text, signed_count};

/// Whether a person's competencies were assessed (any level recorded).
pub(crate) fn assessed(asn: &crate::core::model::Asn) -> bool {
    !asn.competencies.levels.is_empty()
}

/// A fit in one line: total score, JPM % and its category (MS, MMS, KMS).
pub(crate) fn fit_summary(f: &crate::core::fit::Fit, assessed: bool, lang: Lang) -> String {
    let jpm = jpm_text(f.jpm_permille, assessed, 1, lang);
    if assessed {
        format!(
            "{} · {jpm} ({})",
            format_decimal(i64::from(f.total_milli), 3, 3, lang),
            f.category.code()
        )
    } else {
        format!(
            "{} · {jpm}",
            format_decimal(i64::from(f.total_milli), 3, 3, lang)
        )
    }
}

/// Each aspect of a fit: its label, score and weight.
pub(crate) fn fit_aspects(f: &crate::core::fit::Fit, lang: Lang) -> Vec<(T, String, u16)> {
    f.aspects
        .iter()
        .map(|a| {
            (
                aspect_label(a.aspect),
                format_decimal(i64::from(a.score_milli), 3, 2, lang),
                a.weight,
            )
        })
        .collect()
}

fn aspect_label(a: Aspect) -> T {
    match a {
        Aspect::Manajerial => T::AspectManajerial,
        Aspect::SosialKultural => T::AspectSosialKultural,
        Aspect::Teknis => T::AspectTeknis,
        Aspect::Education => T::AspectEducation,
        Aspect::Performance => T::AspectPerformance,
        Aspect::Experience => T::AspectExperience,
    }
}

/// The string-table key naming a rule.
fn rule_key(r: Rule) -> T {
    match r {
        Rule::Cpns => T::CheckCpns,
        Rule::Pppk => T::CheckPppk,
        Rule::MoveClass => T::CheckMoveClass,
        Rule::TenYearStatement => T::CheckTenYear,
        Rule::TalentPool => T::CheckTalentPool,
        Rule::OpenProcess => T::CheckOpenProcess,
        Rule::ServingSanction => T::CheckServingSanction,
        Rule::RecentSanction => T::CheckRecentSanction,
        Rule::StudyLeave => T::CheckStudyLeave,
        Rule::LegalStatus => T::CheckLegalStatus,
        Rule::MinTenure => T::CheckMinTenure,
        Rule::RequestPerformance => T::CheckRequestPerformance,
        Rule::NearRetirement => T::CheckNearRetirement,
        Rule::MinGolongan => T::CheckMinGolongan,
        Rule::EducationLevel => T::CheckEducationLevel,
        Rule::EducationField => T::CheckEducationField,
        Rule::Forbidden => T::CheckForbidden,
    }
}

/// The string-table key naming a move class.
pub(crate) fn class_key(c: MoveClass) -> T {
    match c {
        MoveClass::Lateral => T::ClassLateral,
        MoveClass::JptRotation => T::ClassJptRotation,
        MoveClass::AlihJabatan => T::ClassAlihJabatan,
        MoveClass::Promotion => T::ClassPromotion,
        MoveClass::Demotion => T::ClassDemotion,
        MoveClass::Jpt => T::ClassJpt,
        MoveClass::Placement => T::ClassPlacement,
    }
}

/// The string-table key naming a stable plan's phase.
pub(crate) fn phase_key(p: Phase) -> T {
    match p {
        Phase::Decision => T::PhaseDecision,
        Phase::Wishes => T::PhaseWishes,
        Phase::Needs => T::PhaseNeeds,
    }
}

/// A rejection in words, with its facts where they say more than the rule
/// ("promosi: Pengawas → Administrator bukan mutasi").
pub(crate) fn rejection_text(r: &Rejection, lang: Lang) -> String {
    match r {
        Rejection::MoveClass {
            class: MoveClass::Placement,
            ..
        } => format!(
            "{}: {}",
            class_key(MoveClass::Placement).text(lang),
            T::PlacementNeedsDecision.text(lang)
        ),
        // One type, another eselon (sekretaris camat III.b → camat III.a).
        Rejection::MoveClass { class, from, to }
            if from == to
                && matches!(
                    class,
                    MoveClass::Promotion | MoveClass::Demotion | MoveClass::Jpt
                ) =>
        {
            format!(
                "{}: {} ({}) {}",
                class_key(*class).text(lang),
                to.label(),
                if *class == MoveClass::Demotion {
                    T::LowerEselon.text(lang)
                } else {
                    T::HigherEselon.text(lang)
                },
                T::NotATransfer.text(lang)
            )
        }
        Rejection::MoveClass { class, from, to } => format!(
            "{}: {} → {} {}",
            class_key(*class).text(lang),
            from.label(),
            to.label(),
            T::NotATransfer.text(lang)
        ),
        Rejection::TalentPool { nine_box, required } => format!(
            "{} ({} {}, ≥ {required})",
            T::NotInTalentPool.text(lang),
            T::Box.text(lang),
            nine_box.map_or("–".to_string(), |b| b.to_string())
        ),
        Rejection::LegalStatus { status } => {
            format!("{}: {}", T::KedudukanHukum.text(lang), status.label())
        }
        Rejection::TenYearStatement { cpns_year, until } => format!(
            "{} (CPNS {cpns_year}, {} {})",
            T::TenYearRefused.text(lang),
            T::SanctionEnds.text(lang),
            crate::i18n::format_date(*until, lang)
        ),
        Rejection::ServingSanction { ends, .. } => format!(
            "{} ({} {})",
            T::ServingSanction.text(lang),
            T::SanctionEnds.text(lang),
            crate::i18n::format_date(*ends, lang)
        ),
        other => rule_label(other.rule(), lang).to_string(),
    }
}

/// A rule's name in the current language.
pub(crate) fn rule_label(r: Rule, lang: Lang) -> &'static str {
    rule_key(r).text(lang)
}

/// The version line printed on sheets and the decree attachment: "Versi v2
/// · sidik 3f2a 91c0 ab12 cd34", and a warning when the data no longer
/// matches it; none before the round is published.
pub(crate) fn version_line(ws: &Workspace, round: &Round, lang: Lang) -> Option<String> {
    let v = round.procedure.current()?;
    let mut line = format!(
        "{} v{} · {} {}",
        T::Version.text(lang),
        v.number,
        T::Fingerprint.text(lang),
        crate::core::procedure::short(&v.fingerprint)
    );
    if !crate::core::procedure::version_matches(ws, round, v) {
        line.push_str(&format!(" ({})", T::VersionDiffers.text(lang)));
    }
    Some(line)
}

/// A priority in the user's language (the model keeps the Indonesian name).
pub(crate) fn priority_key(p: crate::core::model::Priority) -> T {
    use crate::core::model::Priority::*;
    match p {
        Rendah => T::PriorityRendah,
        Sedang => T::PrioritySedang,
        Tinggi => T::PriorityTinggi,
        Mendesak => T::PriorityMendesak,
    }
}

/// "1 person", "3 people" ("orang" either way in Indonesian).
pub(crate) fn people(n: usize, lang: Lang) -> String {
    let word = if n == 1 { T::Person } else { T::People };
    format!("{} {}", crate::i18n::format_count(n, lang), word.text(lang))
}

/// "1 level short", "2 levels short".
pub(crate) fn levels_short(n: i64, lang: Lang) -> String {
    let word = if n == 1 {
        T::LevelShort
    } else {
        T::LevelsShort
    };
    format!("{n} {}", word.text(lang))
}

/// A government as its choosers show it: "Pemerintah Kabupaten Tebo · PPK:
/// Bupati Tebo".
pub(crate) fn government_label(g: crate::core::model::Government) -> String {
    format!("{} · PPK: {}", g.name(), g.ppk())
}
