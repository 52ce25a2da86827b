//! Kebutuhan: the needs analysis — per agency the staffing gap from the ABK,
//! the share of low predikat, incumbents below the job-person match, staff
//! over the maximum tenure — and the positions the round opens, with their
//! slots and priority (edited here; positions are opened from Jabatan).

use crate::core::browse::{needs_by_agency, AgencyNeeds};
use crate::core::date::Date;
use crate::core::edit::Edit;
use crate::core::model::*;
use crate::i18n::{format_count, format_date, T};
use crate::ui::components::{Pager, SortHeader, PER_PAGE};
use crate::ui::state::use_state;
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NeedsSort {
    Agency,
    Staff,
    Shortage,
    Low,
    Kms,
    OverTenure,
    Slots,
}

fn sort_needs(list: &mut [AgencyNeeds], (key, desc): (NeedsSort, bool)) {
    crate::core::sort::sort_by(list, |a, b| {
        let order = match key {
            NeedsSort::Agency => a.short_name.cmp(&b.short_name),
            NeedsSort::Staff => a.staff.cmp(&b.staff),
            NeedsSort::Shortage => a.shortage.cmp(&b.shortage),
            NeedsSort::Low => (a.low_predikat * 1000 / a.staff.max(1))
                .cmp(&(b.low_predikat * 1000 / b.staff.max(1))),
            NeedsSort::Kms => a.kms.cmp(&b.kms),
            NeedsSort::OverTenure => a.over_tenure.cmp(&b.over_tenure),
            NeedsSort::Slots => a.slots.cmp(&b.slots),
        }
        .then_with(|| a.agency.cmp(&b.agency));
        if desc {
            order.reverse()
        } else {
            order
        }
    });
}

/// The page.
#[component]
pub fn KebutuhanPage() -> impl IntoView {
    let state = use_state();
    let sort = RwSignal::new((NeedsSort::Shortage, true));
    let needs = Memo::new(move |_| {
        state.workspace.with(|ws| {
            let round = ws.open_round();
            let max = round
                .and_then(|r| r.scenarios.first())
                .map_or(60, |s| s.rules.max_months_in_position);
            let on = round.map_or(state.today, |r| r.effective_date);
            needs_by_agency(ws, round, on, max)
        })
    });
    let sorted = move || {
        let mut list = needs.get();
        sort_needs(&mut list, sort.get());
        list
    };
    view! {
        <section class="page" aria-labelledby="kebutuhan-title">
            <h2 id="kebutuhan-title">{move || state.t(T::NavKebutuhan)}</h2>
            <p>{move || state.t(T::KebutuhanIntro)}</p>
            <RoundLine />
            <ElectionDates />
            <h3>{move || state.t(T::PerAgency)}</h3>
            <NeedsChart needs=needs />
            <div class="table-wrap">
                <table class="data" data-testid="needs-by-agency">
                    <thead>
                        <tr>
                            <SortHeader label=T::ColAgency key=NeedsSort::Agency sort=sort />
                            <SortHeader label=T::AsnPlural key=NeedsSort::Staff sort=sort num=true />
                            <SortHeader label=T::ColGap key=NeedsSort::Shortage sort=sort num=true />
                            <SortHeader label=T::LowPredikat key=NeedsSort::Low sort=sort num=true />
                            <SortHeader label=T::KmsIncumbents key=NeedsSort::Kms sort=sort num=true />
                            <SortHeader label=T::OverTenure key=NeedsSort::OverTenure sort=sort num=true />
                            <SortHeader label=T::ColSlots key=NeedsSort::Slots sort=sort num=true />
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let lang = state.lang.get();
                            sorted()
                                .into_iter()
                                .map(|n| {
                                    let low = if n.staff == 0 { 0.0 } else { n.low_predikat as f64 * 100.0 / n.staff as f64 };
                                    view! {
                                        <tr data-agency=n.agency.0.clone()>
                                            <th scope="row">{n.short_name}</th>
                                            <td class="num">{format_count(n.staff, lang)}</td>
                                            <td class="num">{n.shortage}</td>
                                            <td class="num">{format!("{low:.0}%")}</td>
                                            <td class="num">{n.kms}</td>
                                            <td class="num">{n.over_tenure}</td>
                                            <td class="num" title=T::SlotsHelp.text(lang)>{format!("{} ({})", n.slots, n.openings)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            <OpeningsEditor />
        </section>
    }
}

#[component]
fn RoundLine() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        state.workspace.with(|ws| match ws.open_round() {
            None => view! { <p>{T::KebutuhanEmpty.text(lang)}</p> }.into_any(),
            Some(round) => {
                let slots: u64 = round.openings.iter().map(|o| u64::from(o.slots)).sum();
                view! {
                    <p>
                        <strong>{round.name.clone()}</strong> " · " {T::EffectiveDate.text(lang)} " "
                        {format_date(round.effective_date, lang)} " · " {T::OpenedPositions.text(lang)} ": "
                        <span data-testid="openings-count">{round.openings.len()}</span> " · " {T::TotalSlots.text(lang)}
                        ": " <span data-testid="slots-count">{format_count(slots as usize, lang)}</span>
                    </p>
                }
                .into_any()
            }
        })
    }
}

/// How many agencies the needs chart shows (the table has them all).
const CHART_AGENCIES: usize = 15;

/// Horizontal bars: staffing gap and opened slots of the 15 agencies with the
/// largest gap, with a caption saying so.
#[component]
fn NeedsChart(needs: Memo<Vec<AgencyNeeds>>) -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        let mut list = needs.get();
        let all = list.len();
        crate::core::sort::sort_by(&mut list, |a, b| {
            b.shortage
                .cmp(&a.shortage)
                .then_with(|| a.agency.cmp(&b.agency))
        });
        list.truncate(CHART_AGENCIES);
        // What the chart shows, said: "15 OPD dengan kekurangan terbesar dari 41".
        let scope = format!(
            "{} {} {} {}",
            list.len(),
            T::ChartScopeLargest.text(lang),
            T::Of.text(lang),
            all
        );
        let max = list
            .iter()
            .map(|n| n.shortage.max(n.slots))
            .max()
            .unwrap_or(1)
            .max(1);
        let (x0, width, row) = (150, 420, 24);
        let height = row * list.len() as u32 + 30;
        view! {
            <figure class="needs-figure">
            <figcaption data-testid="needs-chart-scope">{scope}</figcaption>
            <svg
                class="needs-chart"
                data-testid="needs-chart"
                role="img"
                aria-label=format!("{} / {}", T::ColGap.text(lang), T::ColSlots.text(lang))
                viewBox=format!("0 0 {} {height}", x0 + width + 60)
                width="100%"
            >
                <rect x=x0 y="2" width="12" height="10" fill="#b8c2cc" />
                <text x=x0 + 16 y="11" font-size="11" fill="#1b1f24">{T::ColGap.text(lang)}</text>
                <rect x=x0 + 120 y="2" width="12" height="10" fill="#0b5c8a" />
                <text x=x0 + 136 y="11" font-size="11" fill="#1b1f24">{T::ColSlots.text(lang)}</text>
                {list
                    .into_iter()
                    .enumerate()
                    .map(|(i, n)| {
                        let y = 20 + row * i as u32;
                        // In 64 bits: a shortage of millions times the width must not wrap.
                        let bar = |v: u32| (u64::from(v) * u64::from(width) / u64::from(max)) as u32;
                        let (gap_w, slot_w) = (bar(n.shortage), bar(n.slots));
                        view! {
                            <text x=x0 - 6 y=y + 14 font-size="11" text-anchor="end" fill="#1b1f24">{n.short_name}</text>
                            <rect x=x0 y=y + 2 width=gap_w height="9" fill="#b8c2cc" />
                            <rect x=x0 y=y + 12 width=slot_w height="9" fill="#0b5c8a" />
                            <text x=x0 + gap_w.max(slot_w) + 4 y=y + 14 font-size="11" fill="#4f5863">{format!("{} / {}", n.shortage, n.slots)}</text>
                        }
                    })
                    .collect_view()}
            </svg>
            </figure>
        }
    }
}

/// The round's openings: slots and priority editable, each change undoable.
#[component]
fn OpeningsEditor() -> impl IntoView {
    let state = use_state();
    let page = RwSignal::new(0usize);
    move || {
        let lang = state.lang.get();
        state.workspace.with(|ws| {
            let Some(round) = ws.open_round() else { return view! { <p></p> }.into_any() };
            let idx = ws.index();
            let mut openings: Vec<Opening> = round.openings.clone();
            crate::core::sort::sort_by(&mut openings, |a, b| b.priority.cmp(&a.priority).then(a.position.cmp(&b.position)));
            let n = openings.len();
            let (_, range) = crate::core::browse::page_range(n, page.get(), PER_PAGE);
            let openings = openings[range].to_vec();
            view! {
                <h3>{T::OpenedPositions.text(lang)}</h3>
                <div class="table-wrap">
                    <table class="data" data-testid="openings-table">
                        <thead>
                            <tr>
                                <th scope="col">{T::ColPosition.text(lang)}</th>
                                <th scope="col">{T::ColAgency.text(lang)}</th>
                                <th scope="col">{T::ColSlots.text(lang)}</th>
                                <th scope="col">{T::ColPriority.text(lang)}</th>
                                <th scope="col">{T::ColReason.text(lang)}</th>
                                <th scope="col"></th>
                            </tr>
                        </thead>
                        <tbody>
                            {openings
                                .into_iter()
                                .map(|o| {
                                    let p = idx.positions.get(&o.position);
                                    let name = p.map(|p| p.name.clone()).unwrap_or_default();
                                    let agency = p.and_then(|p| idx.agency_of(p)).map(|a| a.short_name.clone()).unwrap_or_default();
                                    let (id_slots, id_prio, id_close) = (o.position.clone(), o.position.clone(), o.position.clone());
                                    view! {
                                        <tr data-position=o.position.0.clone()>
                                            <td>{name}</td>
                                            <td>{agency}</td>
                                            <td>
                                                <input
                                                    type="number"
                                                    min="1"
                                                    max="99"
                                                    class="narrow"
                                                    aria-label=T::ColSlots.text(lang)
                                                    prop:value=o.slots.to_string()
                                                    on:change=move |ev| {
                                                        let n = event_target_value(&ev).parse::<u32>().unwrap_or(1).clamp(1, 99);
                                                        let _ = state.apply(Edit::SetSlots { position: id_slots.clone(), slots: n });
                                                    }
                                                />
                                            </td>
                                            <td>
                                                <select
                                                    aria-label=T::ColPriority.text(lang)
                                                    data-testid="opening-priority"
                                                    prop:value=format!("{:?}", o.priority)
                                                    on:change=move |ev| {
                                                        let v = event_target_value(&ev);
                                                        let Some(pr) = Priority::ALL.into_iter().find(|p| format!("{p:?}") == v) else { return };
                                                        let _ = state.apply(Edit::SetPriority { position: id_prio.clone(), priority: pr });
                                                    }
                                                >
                                                    {Priority::ALL
                                                        .into_iter()
                                                        .map(|p| view! { <option value=format!("{p:?}")>{crate::ui::pages::labels::priority_key(p).text(lang)}</option> })
                                                        .collect_view()}
                                                </select>
                                            </td>
                                            <td>{o.reason.clone()}</td>
                                            <td>
                                                <button
                                                    type="button"
                                                    data-testid="opening-close"
                                                    on:click=move |_| {
                                                        let lang = state.lang.get_untracked();
                                                        if state.apply(Edit::Close { position: id_close.clone() }).is_ok() {
                                                            state.notify(false, T::OpeningClosed.text(lang));
                                                        }
                                                    }
                                                >
                                                    {T::CloseOpening.text(lang)}
                                                </button>
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
                {(n > PER_PAGE).then(|| view! { <Pager total=Signal::derive(move || n) page=page testid="openings-pager" /> })}
            }
            .into_any()
        })
    }
}

/// The round's Pilkada dates (see [`crate::core::timing`]): setting the day
/// the candidates are set records an election; clearing it removes it.
#[component]
fn ElectionDates() -> impl IntoView {
    let state = use_state();
    let field = move |f: fn(&Election) -> Option<Date>| {
        state.workspace.with(|ws| {
            ws.open_round()
                .and_then(|r| r.election.as_ref())
                .and_then(f)
                .map(|d| d.to_string())
                .unwrap_or_default()
        })
    };
    let set = move |ev: leptos::ev::Event, inauguration: bool| {
        let date = Date::parse_iso(&event_target_value(&ev)).ok();
        let _ = state.apply(if inauguration {
            Edit::SetInauguration(date)
        } else {
            Edit::SetCandidatesSet(date)
        });
    };
    view! {
        <fieldset class="panel election" data-testid="election">
            <legend>{move || state.t(T::ElectionTitle)}</legend>
            <div class="filters">
                <label>
                    <span>{move || state.t(T::ElectionCandidates)}</span>
                    <input
                        type="date"
                        data-testid="election-candidates"
                        prop:value=move || field(|e| Some(e.candidates_set))
                        on:change=move |ev| set(ev, false)
                    />
                </label>
                <label>
                    <span>{move || state.t(T::ElectionInauguration)}</span>
                    <input
                        type="date"
                        data-testid="election-inauguration"
                        prop:disabled=move || field(|e| Some(e.candidates_set)).is_empty()
                        prop:value=move || field(|e| e.inauguration)
                        on:change=move |ev| set(ev, true)
                    />
                </label>
                <label>
                    <span>{move || state.t(T::ElectionYear)}</span>
                    <input
                        type="number"
                        min="2000"
                        max="2100"
                        data-testid="election-year"
                        prop:value=move || state.workspace.with(|ws| {
                            ws.open_round().and_then(|r| r.election_year).map(|y| y.to_string()).unwrap_or_default()
                        })
                        on:change=move |ev| {
                            let year = event_target_value(&ev).trim().parse::<u16>().ok();
                            let _ = state.apply(Edit::SetElectionYear(year));
                        }
                    />
                </label>
            </div>
            <p class="help">{move || state.t(T::ElectionHelp)}</p>
            <PilkadaApproval />
        </fieldset>
    }
}

/// The Mendagri's written approval of the round's moves of officials in a
/// Pilkada window: its number and date, as the decree attachment cites it.
#[component]
fn PilkadaApproval() -> impl IntoView {
    let state = use_state();
    let recorded = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.open_round()
                .and_then(|r| r.procedure.pilkada_approval.clone())
        })
    });
    let number = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let save = move |_| {
        let Ok(d) = Date::parse_iso(&date.get_untracked()) else {
            return;
        };
        let _ = state.apply(Edit::SetPilkadaApproval(Some(crate::core::model::Letter {
            number: number.get_untracked(),
            date: d,
        })));
    };
    view! {
        <div class="filters" data-testid="pilkada-approval">
            <label>
                <span>{move || state.t(T::PilkadaApprovalNumber)}</span>
                <input
                    type="text"
                    data-testid="pilkada-approval-number"
                    prop:value=move || recorded.get().map(|l| l.number).unwrap_or_else(|| number.get())
                    on:input=move |ev| number.set(event_target_value(&ev))
                />
            </label>
            <label>
                <span>{move || state.t(T::PilkadaApprovalDate)}</span>
                <input
                    type="date"
                    data-testid="pilkada-approval-date"
                    prop:value=move || recorded.get().map(|l| l.date.to_string()).unwrap_or_else(|| date.get())
                    on:change=move |ev| date.set(event_target_value(&ev))
                />
            </label>
            <button
                type="button"
                data-testid="pilkada-approval-save"
                disabled=move || number.with(|n| n.trim().is_empty()) || date.with(String::is_empty)
                on:click=save
            >
                {move || state.t(T::PilkadaApprovalSave)}
            </button>
            {move || recorded.get().map(|_| view! {
                <button type="button" data-testid="pilkada-approval-clear" on:click=move |_| {
                    let _ = state.apply(Edit::SetPilkadaApproval(None));
                }>
                    {move || state.t(T::Remove)}
                </button>
            })}
        </div>
    }
}
