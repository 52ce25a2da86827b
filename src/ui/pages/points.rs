//! Stable mode's settings (Skenario page): who takes part in phase 1, the
//! published points by which a position ranks the people who wish it, the
//! formula in words with its tie-break, and the sentence that tells an ASN
//! ranking their true wishes is safe.

use crate::core::model::*;
use crate::i18n::T;
use crate::ui::pages::policy::{Label, NumberField};
use crate::ui::state::use_state;
use leptos::prelude::*;

#[component]
pub fn StablePanel(scenario: Memo<Option<Scenario>>) -> impl IntoView {
    let state = use_state();
    let v = move |f: fn(&PointsFormula) -> u16| {
        Signal::derive(move || {
            scenario.with(|s| s.as_ref().map_or(0.0, |s| f64::from(f(&s.stable.points))))
        })
    };
    let max = f64::from(PointsFormula::MAX_POINTS);
    let choices = [
        (
            WithoutWishes::NotParticipant,
            T::WithoutWishesNot,
            "without-wishes-not",
        ),
        (
            WithoutWishes::NearDomicile,
            T::WithoutWishesNear,
            "without-wishes-near",
        ),
    ];
    view! {
        <fieldset class="panel" data-testid="stable-settings">
            <legend>{move || state.t(T::StableTitle)}</legend>
            <p class="help">{move || state.t(T::StableIntro)}</p>
            <div role="radiogroup" aria-label=move || state.t(T::WithoutWishesLabel)>
                <h3>{move || state.t(T::WithoutWishesLabel)}</h3>
                {choices
                    .into_iter()
                    .map(|(choice, label, testid)| {
                        view! {
                            <label class="radio">
                                <input
                                    type="radio"
                                    name="without-wishes"
                                    data-testid=testid
                                    prop:checked=move || scenario.with(|s| s.as_ref().is_some_and(|s| s.stable.without_wishes == choice))
                                    on:change=move |_| {
                                        if !state.tune(|s| s.stable.without_wishes = choice) {
                                            state.redraw();
                                        }
                                    }
                                />
                                <span>{move || state.t(label)}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <h3>{move || state.t(T::PointsTitle)}</h3>
            <NumberField label=Label::Key(T::PointsFit) value=v(|p| p.fit) min=0.0 max=max step=1.0 testid="points-fit" set=|s, x| s.stable.points.fit = x.round() as u16 />
            <NumberField label=Label::Key(T::PointsYears) value=v(|p| p.per_year_in_position) min=0.0 max=max step=1.0 testid="points-years" set=|s, x| s.stable.points.per_year_in_position = x.round() as u16 />
            <NumberField label=Label::Key(T::PointsOwnRequest) value=v(|p| p.own_request) min=0.0 max=max step=1.0 testid="points-own-request" set=|s, x| s.stable.points.own_request = x.round() as u16 />
            <NumberField label=Label::Key(T::PointsFamily) value=v(|p| p.family) min=0.0 max=max step=1.0 testid="points-family" set=|s, x| s.stable.points.family = x.round() as u16 />
            <NumberField label=Label::Key(T::PointsNear) value=v(|p| p.near_domicile) min=0.0 max=max step=1.0 testid="points-near" set=|s, x| s.stable.points.near_domicile = x.round() as u16 />
            <p class="formula" data-testid="points-formula">
                <strong>{move || state.t(T::PointsFormulaIs)} ": "</strong>
                {move || {
                    let lang = state.lang.get();
                    scenario.with(|s| s.as_ref().map(|s| formula_words(&s.stable.points, lang)).unwrap_or_default())
                }}
            </p>
            <p class="help">{move || state.t(T::PointsTieBreak)}</p>
            <p class="help" data-testid="stable-safe">{move || state.t(T::StableSafe)}</p>
        </fieldset>
    }
}

/// The formula in words, leaving out the components switched off:
/// "100 × kecocokan + 10 × tahun dalam jabatan + 30 bila alasan keluarga".
pub fn formula_words(p: &PointsFormula, lang: crate::i18n::Lang) -> String {
    let terms = [
        (p.fit, T::PointsTermFit),
        (p.per_year_in_position, T::PointsTermYears),
        (p.own_request, T::PointsTermOwn),
        (p.family, T::PointsTermFamily),
        (p.near_domicile, T::PointsTermNear),
    ];
    let words: Vec<String> = terms
        .iter()
        .filter(|(v, _)| *v > 0)
        .map(|(v, t)| format!("{v} {}", t.text(lang)))
        .collect();
    if words.is_empty() {
        "0".into()
    } else {
        words.join(" + ")
    }
}
