//! The scenario's policy values (Skenario page): the education GAPs, the
//! predikat scale, the experience bands, the 9-box thresholds, the talent
//! pool's lowest box and the BUP of a JF — each with its default and a
//! sentence on what it means.

use crate::core::model::*;
use crate::i18n::T;
use crate::ui::state::use_state;
use leptos::prelude::*;

/// A labelled number input bound to a value of the active scenario; a value
/// outside `min..=max` is clamped, text that is not a number is ignored
/// (the input shows the stored value again).
/// A field's label: a string-table key, or a fixed domain term (the
/// predikat names are the same in both languages).
#[derive(Clone, Copy)]
pub enum Label {
    Key(T),
    Term(&'static str),
}

#[component]
pub fn NumberField(
    label: Label,
    #[prop(into)] value: Signal<f64>,
    min: f64,
    max: f64,
    step: f64,
    testid: &'static str,
    set: fn(&mut Scenario, f64),
) -> impl IntoView {
    let state = use_state();
    view! {
        <label class="number">
            <span>
                {move || match label {
                    Label::Key(k) => state.t(k),
                    Label::Term(t) => t,
                }}
            </span>
            <input
                type="number"
                min=min
                max=max
                step=step
                data-testid=testid
                prop:value=move || value.get().to_string()
                on:change=move |ev| {
                    let text = event_target_value(&ev).replace(',', ".");
                    match text.trim().parse::<f64>() {
                        Ok(v) if v.is_finite() && state.tune(|s| set(s, v.clamp(min, max))) => {}
                        _ => event_target::<web_sys::HtmlInputElement>(&ev)
                            .set_value(&value.get_untracked().to_string()),
                    }
                }
            />
        </label>
    }
}

/// Tenths (45) as a number (4.5).
fn tenths(v: u8) -> f64 {
    f64::from(v) / 10.0
}

/// A number (4.5) as tenths (45), within 1.0–5.0.
fn to_tenths(v: f64) -> u8 {
    (v * 10.0).round().clamp(10.0, 50.0) as u8
}

#[component]
pub fn PolicyPanel(scenario: Memo<Option<Scenario>>) -> impl IntoView {
    let state = use_state();
    let v = move |f: fn(&Scenario) -> f64| {
        Signal::derive(move || scenario.with(|s| s.as_ref().map_or(0.0, f)))
    };
    let help = move |text: T| view! { <p class="help">{move || state.t(text)}</p> };
    view! {
        <fieldset class="panel" data-testid="policy">
            <legend>{move || state.t(T::PolicyTitle)}</legend>
            {help(T::PolicyIntro)}
            <NumberField label=Label::Key(T::PolicyEducationLevel) value=v(|s| f64::from(s.fit.education_level_gap)) min=-4.0 max=0.0 step=1.0 testid="policy-education-level" set=|s, x| s.fit.education_level_gap = x.round() as i8 />
            <NumberField label=Label::Key(T::PolicyEducationField) value=v(|s| f64::from(s.fit.education_field_gap)) min=-4.0 max=0.0 step=1.0 testid="policy-education-field" set=|s, x| s.fit.education_field_gap = x.round() as i8 />
            {help(T::PolicyEducationHelp)}
            <h3>{move || state.t(T::PolicyPredikat)}</h3>
            <NumberField label=Label::Term("Sangat Baik") value=v(|s| tenths(s.fit.predikat_points.sangat_baik)) min=1.0 max=5.0 step=0.1 testid="policy-predikat-sangat-baik" set=|s, x| s.fit.predikat_points.sangat_baik = to_tenths(x) />
            <NumberField label=Label::Term("Baik") value=v(|s| tenths(s.fit.predikat_points.baik)) min=1.0 max=5.0 step=0.1 testid="policy-predikat-baik" set=|s, x| s.fit.predikat_points.baik = to_tenths(x) />
            <NumberField label=Label::Term("Butuh Perbaikan") value=v(|s| tenths(s.fit.predikat_points.butuh_perbaikan)) min=1.0 max=5.0 step=0.1 testid="policy-predikat-butuh-perbaikan" set=|s, x| s.fit.predikat_points.butuh_perbaikan = to_tenths(x) />
            <NumberField label=Label::Term("Kurang") value=v(|s| tenths(s.fit.predikat_points.kurang)) min=1.0 max=5.0 step=0.1 testid="policy-predikat-kurang" set=|s, x| s.fit.predikat_points.kurang = to_tenths(x) />
            <NumberField label=Label::Term("Sangat Kurang") value=v(|s| tenths(s.fit.predikat_points.sangat_kurang)) min=1.0 max=5.0 step=0.1 testid="policy-predikat-sangat-kurang" set=|s, x| s.fit.predikat_points.sangat_kurang = to_tenths(x) />
            <NumberField label=Label::Key(T::PredikatNone) value=v(|s| tenths(s.fit.predikat_points.no_record)) min=1.0 max=5.0 step=0.1 testid="policy-predikat-none" set=|s, x| s.fit.predikat_points.no_record = to_tenths(x) />
            {help(T::PolicyPredikatHelp)}
            <h3>{move || state.t(T::PolicyExperience)}</h3>
            <div class="bands">
                {(0..4)
                    .map(|i| {
                        view! {
                            <input
                                type="number"
                                min="0"
                                max="40"
                                step="1"
                                aria-label=move || format!("{} {}", state.t(T::PolicyExperience), i + 1)
                                data-testid=format!("policy-experience-{}", i + 1)
                                prop:value=move || scenario.with(|s| s.as_ref().map_or(0, |s| s.fit.experience_bands[i])).to_string()
                                on:change=move |ev| {
                                    if let Ok(years) = event_target_value(&ev).trim().parse::<u8>() {
                                        state.tune(|s| set_band(&mut s.fit.experience_bands, i, years.min(40)));
                                    }
                                }
                            />
                        }
                    })
                    .collect_view()}
            </div>
            {help(T::PolicyExperienceHelp)}
            <h3>{move || state.t(T::PolicyNineBox)}</h3>
            <NumberField label=Label::Key(T::PolicyNineBoxAbove) value=v(|s| tenths(s.rules.nine_box.above_tenths)) min=1.0 max=5.0 step=0.1 testid="policy-box-above" set=|s, x| {
                s.rules.nine_box.above_tenths = to_tenths(x);
                s.rules.nine_box.expected_tenths = s.rules.nine_box.expected_tenths.min(s.rules.nine_box.above_tenths);
            } />
            <NumberField label=Label::Key(T::PolicyNineBoxExpected) value=v(|s| tenths(s.rules.nine_box.expected_tenths)) min=1.0 max=5.0 step=0.1 testid="policy-box-expected" set=|s, x| {
                s.rules.nine_box.expected_tenths = to_tenths(x).min(s.rules.nine_box.above_tenths);
            } />
            {help(T::PolicyNineBoxHelp)}
            <NumberField label=Label::Key(T::PolicyPoolBox) value=v(|s| f64::from(s.rules.talent_pool_min_box)) min=1.0 max=9.0 step=1.0 testid="policy-pool-box" set=|s, x| s.rules.talent_pool_min_box = x.round() as u8 />
            {help(T::PolicyPoolBoxHelp)}
            <h3>{move || state.t(T::PolicyTenYear)}</h3>
            <NumberField label=Label::Key(T::PolicyTenYearFrom) value=v(|s| f64::from(s.rules.ten_year_statement_from)) min=0.0 max=2100.0 step=1.0 testid="policy-ten-year" set=|s, x| s.rules.ten_year_statement_from = x.round().clamp(0.0, 2100.0) as u16 />
            {help(T::PolicyTenYearHelp)}
            <BupTable scenario=scenario />
        </fieldset>
    }
}

/// Sets experience band `i` and keeps the bands non-decreasing (a later
/// band is at least an earlier one).
fn set_band(bands: &mut [u8; 4], i: usize, years: u8) {
    for (k, band) in bands.iter_mut().enumerate() {
        *band = match k.cmp(&i) {
            std::cmp::Ordering::Less => (*band).min(years),
            std::cmp::Ordering::Equal => years,
            std::cmp::Ordering::Greater => (*band).max(years),
        };
    }
}

/// The BUP table by JF: one row per JF with its age, editable and
/// removable, and a row to add one.
#[component]
fn BupTable(scenario: Memo<Option<Scenario>>) -> impl IntoView {
    let state = use_state();
    let new_jf = RwSignal::new(String::new());
    let new_age = RwSignal::new(String::from("60"));
    let invalid = RwSignal::new(false);
    let rows = move || {
        scenario.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.rules
                        .bup_by_jf
                        .iter()
                        .map(|(k, v)| (k.clone(), *v))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let add = move |_| {
        let jf = crate::core::move_class::jf_key(&new_jf.get_untracked());
        let age = new_age.get_untracked().trim().parse::<u8>().ok();
        match age {
            Some(age @ 50..=70) if !jf.is_empty() => {
                invalid.set(false);
                state.tune(|s| {
                    s.rules.bup_by_jf.insert(jf, age);
                });
                new_jf.set(String::new());
            }
            _ => invalid.set(true),
        }
    };
    view! {
        <h3>{move || state.t(T::BupTitle)}</h3>
        <p class="help">{move || state.t(T::BupHelp)}</p>
        <table class="data compact" data-testid="bup-table">
            <thead>
                <tr>
                    <th scope="col">{move || state.t(T::BupJf)}</th>
                    <th scope="col">{move || state.t(T::BupAge)}</th>
                    <th scope="col"></th>
                </tr>
            </thead>
            <tbody>
                <For each=rows key=|r| r.clone() let:row>
                    {
                        let (jf, age) = row;
                        let remove_key = jf.clone();
                        let edit_key = jf.clone();
                        view! {
                            <tr data-jf=jf.clone()>
                                <td>{jf.clone()}</td>
                                <td>
                                    <input
                                        type="number"
                                        min="50"
                                        max="70"
                                        aria-label=move || state.t(T::BupAge)
                                        prop:value=age.to_string()
                                        on:change=move |ev| {
                                            if let Ok(age) = event_target_value(&ev).trim().parse::<u8>() {
                                                let key = edit_key.clone();
                                                state.tune(|s| {
                                                    s.rules.bup_by_jf.insert(key, age.clamp(50, 70));
                                                });
                                            }
                                        }
                                    />
                                </td>
                                <td>
                                    <button
                                        type="button"
                                        class="link"
                                        data-testid="bup-remove"
                                        on:click=move |_| {
                                            let key = remove_key.clone();
                                            state.tune(|s| {
                                                s.rules.bup_by_jf.remove(&key);
                                            });
                                        }
                                    >
                                        {move || state.t(T::BupRemove)}
                                    </button>
                                </td>
                            </tr>
                        }
                    }
                </For>
            </tbody>
        </table>
        <div class="filters">
            <label>
                {move || state.t(T::BupJf)}
                <input type="text" data-testid="bup-new-jf" prop:value=new_jf on:input=move |ev| new_jf.set(event_target_value(&ev)) />
            </label>
            <label>
                {move || state.t(T::BupAge)}
                <input type="number" min="50" max="70" data-testid="bup-new-age" prop:value=new_age on:input=move |ev| new_age.set(event_target_value(&ev)) />
            </label>
            <button type="button" data-testid="bup-add" on:click=add>{move || state.t(T::BupAdd)}</button>
        </div>
        {move || invalid.get().then(|| view! { <p role="alert" class="alert error" data-testid="bup-invalid">{state.t(T::BupInvalid)}</p> })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_stay_ordered_and_numbers_round_to_tenths() {
        let mut b = [2, 5, 10, 15];
        set_band(&mut b, 1, 12);
        assert_eq!(b, [2, 12, 12, 15]);
        set_band(&mut b, 3, 1);
        assert_eq!(b, [1, 1, 1, 1]);
        assert_eq!(to_tenths(4.46), 45);
        assert_eq!(to_tenths(9.0), 50);
        assert_eq!(to_tenths(0.0), 10);
    }
}
