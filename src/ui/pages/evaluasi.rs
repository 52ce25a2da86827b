//! Evaluasi: performance before and after the moves with flags, the 9-box
//! talent map, follow-up (training needs, mentors, tracked actions), and the
//! program's KPIs per period, agency and cohort.

use crate::core::edit::Edit;
use crate::core::evaluate::{self, BeforeAfter, Flag, Kpi, KpiGroup, Trend};
use crate::core::model::*;
use crate::i18n::{format_date, Lang, T};
use crate::ui::components::{TabBar, YearInput};
use crate::ui::state::{use_state, AppState};
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    BeforeAfter,
    Entry,
    NineBox,
    FollowUp,
    History,
}

fn trend_label(t: Trend) -> T {
    match t {
        Trend::Improved => T::Improved,
        Trend::Unchanged => T::TrendUnchanged,
        Trend::Declined => T::Declined,
        Trend::NoData => T::NoData,
    }
}

fn flag_text(f: &Flag, lang: Lang) -> String {
    match f {
        Flag::NoImprovement { periods } => format!(
            "{} {periods} {}",
            T::FlagNoImprovement.text(lang),
            T::Periods.text(lang)
        ),
        Flag::Decline { from, to } => format!(
            "{}: {} → {}",
            T::FlagDecline.text(lang),
            from.label(),
            to.label()
        ),
        Flag::BelowBaik { predikat } => {
            format!("{}: {}", T::FlagBelowBaik.text(lang), predikat.label())
        }
    }
}

/// The recommended action of a 9-box box (PermenPANRB 3/2020).
pub fn box_action(b: u8, lang: Lang) -> &'static str {
    let key = match b {
        9 => T::BoxAction9,
        8 => T::BoxAction8,
        7 => T::BoxAction7,
        6 => T::BoxAction6,
        5 => T::BoxAction5,
        4 => T::BoxAction4,
        3 => T::BoxAction3,
        2 => T::BoxAction2,
        _ => T::BoxAction1,
    };
    key.text(lang)
}

/// The page.
#[component]
pub fn EvaluasiPage() -> impl IntoView {
    let state = use_state();
    let tab = RwSignal::new(Tab::BeforeAfter);
    let tabs = [
        (Tab::BeforeAfter, T::TabBeforeAfter, "tab-before-after"),
        (Tab::Entry, T::TabEntry, "tab-entry"),
        (Tab::NineBox, T::TabNineBox, "tab-ninebox"),
        (Tab::FollowUp, T::TabFollowUp, "tab-followup"),
        (Tab::History, T::TabHistory, "tab-history"),
    ];
    view! {
        <section class="page eval-report" aria-labelledby="evaluasi-title">
            // On paper: the report's own title, whose report and when.
            <header class="print-only report-title" data-testid="report-title">
                <h1>{move || state.t(T::ReportTitle)}</h1>
                <p>
                    {move || state.workspace.with(|ws| ws.government.name())}
                    " · "
                    {move || tabs.iter().find(|(t, _, _)| *t == tab.get()).map(|(_, label, _)| state.t(*label))}
                    " · "
                    {move || format!("{} {}", state.t(T::PrintedOn), crate::i18n::format_date(state.today, state.lang.get()))}
                </p>
            </header>
            <h2 id="evaluasi-title">{move || state.t(T::NavEvaluasi)}</h2>
            <div class="actions">
                <button type="button" data-testid="print-report" on:click=move |_| {
                    let _ = window().print();
                }>{move || state.t(T::PrintReport)}</button>
            </div>
            <TabBar tabs=tabs.to_vec() active=tab />
            <div role="tabpanel">
                {move || match tab.get() {
                    Tab::BeforeAfter => view! { <BeforeAfterTab /> }.into_any(),
                    Tab::Entry => view! { <EntryGrid /> }.into_any(),
                    Tab::NineBox => view! { <NineBoxTab /> }.into_any(),
                    Tab::FollowUp => view! { <FollowUpTab /> }.into_any(),
                    Tab::History => view! { <HistoryTab /> }.into_any(),
                }}
            </div>
        </section>
    }
}

/// Stacked bars per period: improved, unchanged, declined.
fn kpi_chart(rows: Vec<(String, Kpi)>, lang: Lang) -> impl IntoView {
    let (x0, bar, gap, h) = (40, 60, 30, 160);
    let width = x0 + rows.len() as i32 * (bar + gap) + 160;
    let colors = ["#1e6b34", "#b8c2cc", "#a4161a"];
    let labels = [T::Improved, T::TrendUnchanged, T::Declined];
    view! {
        <svg class="kpi-chart" data-testid="kpi-chart" role="img" aria-label=T::KpiByPeriod.text(lang) viewBox=format!("0 0 {width} {}", h + 40) width="100%">
            {rows
                .into_iter()
                .enumerate()
                .map(|(i, (period, k))| {
                    let total = k.total().max(1) as i32;
                    let x = x0 + i as i32 * (bar + gap);
                    let parts = [k.improved, k.unchanged, k.declined];
                    let mut y = h;
                    let rects = parts
                        .iter()
                        .zip(colors)
                        .map(|(&n, color)| {
                            let height = n as i32 * h / total;
                            y -= height;
                            view! { <rect x=x y=y width=bar height=height fill=color><title>{format!("{period}: {n}")}</title></rect> }
                        })
                        .collect_view();
                    view! {
                        {rects}
                        <text x=x + bar / 2 y=h + 16 font-size="12" text-anchor="middle" fill="#1b1f24">{period.clone()}</text>
                        <text x=x + bar / 2 y=h + 30 font-size="11" text-anchor="middle" fill="#4f5863">{format!("{}%", k.improved * 100 / k.total().max(1))}</text>
                    }
                })
                .collect_view()}
            {labels
                .into_iter()
                .zip(colors)
                .enumerate()
                .map(|(i, (label, color))| {
                    let y = 10 + i as i32 * 18;
                    view! {
                        <rect x=width - 150 y=y width="12" height="12" fill=color />
                        <text x=width - 132 y=y + 11 font-size="12" fill="#1b1f24">{label.text(lang)}</text>
                    }
                })
                .collect_view()}
        </svg>
    }
}

/// Paired bars per predikat: how many moved ASN had it last before their
/// move, and how many have it now (latest after).
fn distribution_chart(all: &[BeforeAfter], lang: Lang) -> impl IntoView {
    let mut before = [0usize; 5];
    let mut after = [0usize; 5];
    for b in all {
        if let Some((_, p)) = b.before {
            before[p as usize] += 1;
        }
        if let Some((_, p)) = b.after.last() {
            after[*p as usize] += 1;
        }
    }
    let max = before
        .iter()
        .chain(after.iter())
        .copied()
        .max()
        .unwrap_or(1)
        .max(1) as i32;
    // `top` leaves room for the count over the tallest bar.
    let (x0, group, h, top) = (20, 120, 140, 18);
    let base = top + h;
    view! {
        <svg class="kpi-chart" data-testid="distribution-chart" role="img" aria-label=T::PredikatBeforeAfter.text(lang) viewBox=format!("0 0 {} {}", x0 + 5 * group + 20, base + 50) width="100%">
            {Predikat::ALL
                .into_iter()
                .enumerate()
                .map(|(k, p)| {
                    let x = x0 + k as i32 * group;
                    let hb = before[k] as i32 * h / max;
                    let ha = after[k] as i32 * h / max;
                    view! {
                        <rect x=x y=base - hb width="40" height=hb fill="#b8c2cc"><title>{format!("{}: {}", T::Before.text(lang), before[k])}</title></rect>
                        <rect x=x + 44 y=base - ha width="40" height=ha fill="#0b5c8a"><title>{format!("{}: {}", T::After.text(lang), after[k])}</title></rect>
                        <text x=x + 20 y=base - hb - 4 font-size="11" text-anchor="middle" fill="#1b1f24" data-testid="bar-count">{before[k]}</text>
                        <text x=x + 64 y=base - ha - 4 font-size="11" text-anchor="middle" fill="#1b1f24" data-testid="bar-count">{after[k]}</text>
                        <text x=x + 42 y=base + 16 font-size="11" text-anchor="middle" fill="#1b1f24">{p.label()}</text>
                    }
                })
                .collect_view()}
            <rect x=x0 y=base + 28 width="12" height="12" fill="#b8c2cc" />
            <text x=x0 + 16 y=base + 39 font-size="12" fill="#1b1f24">{T::Before.text(lang)}</text>
            <rect x=x0 + 100 y=base + 28 width="12" height="12" fill="#0b5c8a" />
            <text x=x0 + 116 y=base + 39 font-size="12" fill="#1b1f24">{T::After.text(lang)}</text>
        </svg>
    }
}

fn kpi_table(
    title: T,
    rows: Vec<(String, Kpi)>,
    testid: &'static str,
    lang: Lang,
) -> impl IntoView {
    view! {
        <h3>{title.text(lang)}</h3>
        <table class="data compact" data-testid=testid>
            <thead>
                <tr>
                    <th scope="col"></th>
                    <th scope="col" class="num">{T::Improved.text(lang)}</th>
                    <th scope="col" class="num">{T::TrendUnchanged.text(lang)}</th>
                    <th scope="col" class="num">{T::Declined.text(lang)}</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|(k, v)| {
                        view! {
                            <tr>
                                <th scope="row">{k}</th>
                                <td class="num">{v.improved}</td>
                                <td class="num">{v.unchanged}</td>
                                <td class="num">{v.declined}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// Plans a follow-up for a person, undoably and in the audit log.
fn plan_follow_up(state: AppState, nip: Nip, kind: FollowUpKind) {
    let _ = state.apply(Edit::PlanFollowUp {
        asn: nip,
        kind,
        planned_on: state.today,
    });
}

#[component]
fn BeforeAfterTab() -> impl IntoView {
    let state = use_state();
    let filter = RwSignal::new(String::new());
    let data = Memo::new(move |_| state.workspace.with(evaluate::before_after));
    move || {
        let lang = state.lang.get();
        let f = filter.get();
        let all = data.get();
        state.workspace.with(|ws| {
            let latest = all.iter().fold(Kpi::default(), |mut k, b| {
                match b.trend {
                    Trend::Improved => k.improved += 1,
                    Trend::Unchanged => k.unchanged += 1,
                    Trend::Declined => k.declined += 1,
                    Trend::NoData => {}
                }
                k
            });
            let periods: Vec<(String, Kpi)> = evaluate::kpi_by_period(ws).into_iter().map(|(p, k)| (p.to_string(), k)).collect();
            let agencies: Vec<(String, Kpi)> = evaluate::kpi_by(ws, KpiGroup::Agency).into_iter().collect();
            let cohorts: Vec<(String, Kpi)> = evaluate::kpi_by(ws, KpiGroup::Cohort).into_iter().collect();
            let types: Vec<(String, Kpi)> = evaluate::kpi_by(ws, KpiGroup::PositionType).into_iter().collect();
            let flagged: Vec<&BeforeAfter> = all
                .iter()
                .filter(|b| !b.flags.is_empty())
                .filter(|b| match f.as_str() {
                    "no_improvement" => b.flags.iter().any(|x| matches!(x, Flag::NoImprovement { .. })),
                    "decline" => b.flags.iter().any(|x| matches!(x, Flag::Decline { .. })),
                    "below_baik" => b.flags.iter().any(|x| matches!(x, Flag::BelowBaik { .. })),
                    _ => true,
                })
                .collect();
            let n_flagged = flagged.len();
            let needs_by_person = |a: usize| evaluate::training_needs(ws, &[a]);
            let rows = flagged
                .into_iter()
                .take(300)
                .map(|b| {
                    let asn = &ws.asn[b.asn];
                    let nip = asn.nip.clone();
                    let top_gap = needs_by_person(b.asn).into_iter().max_by_key(|n| (n.short, std::cmp::Reverse(n.competency.clone())));
                    let training = top_gap.map(|g| g.competency);
                    let before = b.before.map(|(p, pr)| format!("{p}: {}", pr.label())).unwrap_or_default();
                    let after = b.after.iter().map(|(p, pr)| format!("{p}: {}", pr.label())).collect::<Vec<_>>().join(", ");
                    let flags = b.flags.iter().map(|x| flag_text(x, lang)).collect::<Vec<_>>().join("; ");
                    view! {
                        <tr data-nip=nip.to_string()>
                            <td>{asn.name.clone()}</td>
                            <td>{before}</td>
                            <td>{after}</td>
                            <td>{trend_label(b.trend).text(lang)}</td>
                            <td>{flags}</td>
                            <td>
                                {training
                                    .map(|competency| {
                                        let nip = nip.clone();
                                        view! {
                                            <button
                                                type="button"
                                                data-testid="plan-training"
                                                on:click=move |_| plan_follow_up(state, nip.clone(), FollowUpKind::Training { competency: competency.clone() })
                                            >
                                                {T::PlanTraining.text(lang)}
                                            </button>
                                        }
                                    })}
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <p data-testid="kpi-latest" data-improved=latest.improved data-unchanged=latest.unchanged data-declined=latest.declined>
                    {T::Improved.text(lang)} ": " {latest.improved} " · " {T::TrendUnchanged.text(lang)} ": " {latest.unchanged} " · "
                    {T::Declined.text(lang)} ": " {latest.declined}
                </p>
                <h3>{T::PredikatBeforeAfter.text(lang)}</h3>
                {distribution_chart(&all, lang)}
                <h3>{T::KpiByPeriod.text(lang)}</h3>
                {kpi_chart(periods.clone(), lang)}
                {kpi_table(T::KpiByPeriod, periods, "kpi-periods", lang)}
                {kpi_table(T::KpiByAgency, agencies, "kpi-agencies", lang)}
                {kpi_table(T::KpiByCohort, cohorts, "kpi-cohorts", lang)}
                {kpi_table(T::KpiByType, types, "kpi-types", lang)}
                <h3>{T::Flagged.text(lang)} " (" <span data-testid="flagged-count">{n_flagged}</span> ")"</h3>
                <div class="filters">
                    <label>
                        <span>{T::Flags.text(lang)}</span>
                        <select data-testid="flag-filter" prop:value=f on:change=move |ev| filter.set(event_target_value(&ev))>
                            <option value="">{T::AllFlags.text(lang)}</option>
                            <option value="no_improvement">{T::FlagNoImprovement.text(lang)}</option>
                            <option value="decline">{T::FlagDecline.text(lang)}</option>
                            <option value="below_baik">{T::FlagBelowBaik.text(lang)}</option>
                        </select>
                    </label>
                </div>
                <div class="table-wrap">
                    <table class="data" data-testid="flagged-table">
                        <thead>
                            <tr>
                                <th scope="col">{T::ColName.text(lang)}</th>
                                <th scope="col">{T::Before.text(lang)}</th>
                                <th scope="col">{T::After.text(lang)}</th>
                                <th scope="col">{T::Outcome.text(lang)}</th>
                                <th scope="col">{T::Flags.text(lang)}</th>
                                <th scope="col"></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
    }
}

#[component]
fn NineBoxTab() -> impl IntoView {
    let state = use_state();
    let selected = RwSignal::new(None::<u8>);
    // The thresholds of the active scenario, as its talent pool uses them.
    let scenario = crate::ui::pages::skenario::active_scenario(state);
    let map = Memo::new(move |_| {
        let t = scenario.with(|s| s.as_ref().map(|s| s.rules.nine_box).unwrap_or_default());
        state.workspace.with(|ws| evaluate::nine_box_map(ws, &t))
    });
    move || {
        let lang = state.lang.get();
        let boxes = map.get();
        // Grid rows top to bottom: above, as expected, below; columns: low, medium, high.
        let grid = [[4u8, 7, 9], [2, 5, 8], [1, 3, 6]];
        let (cell, x0, y0) = (120, 90, 10);
        let cells = grid
            .iter()
            .enumerate()
            .flat_map(|(r, row)| row.iter().enumerate().map(move |(c, &b)| (r, c, b)))
            .map(|(r, c, b)| {
                let n = boxes.get(&b).map_or(0, Vec::len);
                let (x, y) = (x0 + c as i32 * cell, y0 + r as i32 * cell);
                let fill = match b {
                    7..=9 => "#d8eede",
                    4..=6 => "#eef3f7",
                    _ => "#fbeaea",
                };
                view! {
                    <g
                        role="button"
                        tabindex="0"
                        class="box"
                        data-testid=format!("box-{b}")
                        data-count=n
                        on:click=move |_| selected.set(Some(b))
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                            if ev.key() == "Enter" || ev.key() == " " {
                                ev.prevent_default();
                                selected.set(Some(b));
                            }
                        }
                    >
                        <rect x=x y=y width=cell - 4 height=cell - 4 fill=fill stroke=move || if selected.get() == Some(b) { "#0b5c8a" } else { "#b8c2cc" } stroke-width="3" />
                        <text x=x + 10 y=y + 24 font-size="20" font-weight="700" fill="#1b1f24">{b}</text>
                        <text x=x + 10 y=y + 60 font-size="16" fill="#1b1f24">{crate::ui::pages::labels::people(n, lang)}</text>
                    </g>
                }
            })
            .collect_view();
        let rows = [T::DiAtasShort, T::SesuaiShort, T::DiBawahShort];
        let cols = [T::Rendah, T::Menengah, T::Tinggi];
        let list = selected.get().map(|b| {
            state.workspace.with(|ws| {
                let people = boxes.get(&b).cloned().unwrap_or_default();
                view! {
                    <h3>{T::Box.text(lang)} " " {b} ": " {box_action(b, lang)}</h3>
                    <ul data-testid="box-people">
                        {people.into_iter().take(300).map(|a| view! { <li>{ws.asn[a].name.clone()} " · " {ws.asn[a].nip.to_string()}</li> }).collect_view()}
                    </ul>
                }
            })
        });
        view! {
            <svg class="ninebox" data-testid="ninebox" role="group" aria-label=T::TabNineBox.text(lang) viewBox=format!("0 0 {} {}", x0 + 3 * cell + 10, y0 + 3 * cell + 50) width="100%">
                {rows
                    .into_iter()
                    .enumerate()
                    .map(|(r, label)| view! { <text x=x0 - 8 y=y0 + r as i32 * cell + cell / 2 font-size="13" text-anchor="end" fill="#1b1f24">{label.text(lang)}</text> })
                    .collect_view()}
                {cols
                    .into_iter()
                    .enumerate()
                    .map(|(c, label)| view! { <text x=x0 + c as i32 * cell + cell / 2 y=y0 + 3 * cell + 18 font-size="13" text-anchor="middle" fill="#1b1f24">{label.text(lang)}</text> })
                    .collect_view()}
                <text x=x0 + 3 * cell / 2 y=y0 + 3 * cell + 40 font-size="13" text-anchor="middle" fill="#4f5863">{T::Potensi.text(lang)}</text>
                <text x="12" y=y0 + 3 * cell / 2 font-size="13" fill="#4f5863" transform=format!("rotate(-90 12 {})", y0 + 3 * cell / 2)>{T::Kinerja.text(lang)}</text>
                {cells}
            </svg>
            {list}
        }
    }
}

#[component]
fn FollowUpTab() -> impl IntoView {
    let state = use_state();
    let flagged = Memo::new(move |_| {
        state.workspace.with(|ws| {
            let mut people: Vec<usize> = evaluate::before_after(ws)
                .into_iter()
                .filter(|b| !b.flags.is_empty())
                .map(|b| b.asn)
                .collect();
            crate::core::sort::sort(&mut people);
            people.dedup();
            people
        })
    });
    move || {
        let lang = state.lang.get();
        let people = flagged.get();
        state.workspace.with(|ws| {
            let needs = evaluate::training_needs(ws, &people);
            let plan = evaluate::training_plan(ws, &needs);
            let comp_name = |id: &CompetencyId| ws.competencies.iter().find(|c| &c.id == id).map_or_else(|| id.0.clone(), |c| c.name.clone());
            let agency_name = |id: &AgencyId| ws.agencies.iter().find(|a| &a.id == id).map_or_else(|| id.0.clone(), |a| a.short_name.clone());
            let mentors = evaluate::match_mentors(ws, &people, ws.evaluation.mentor_capacity);
            let follow_ups = ws.follow_ups.clone();
            view! {
                <h3>{T::TrainingPlan.text(lang)}</h3>
                <table class="data compact" data-testid="training-plan">
                    <tbody>
                        {plan
                            .into_iter()
                            .take(40)
                            .map(|(agency, competency, who, short)| {
                                view! {
                                    <tr>
                                        <td>{agency_name(&agency)}</td>
                                        <td>{comp_name(&competency)}</td>
                                        <td class="num">{crate::ui::pages::labels::people(who.len(), lang)}</td>
                                        <td class="num">{crate::ui::pages::labels::levels_short(i64::from(short), lang)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
                <h3>{T::MentorProposals.text(lang)} " (" {mentors.len()} ")"</h3>
                <table class="data compact" data-testid="mentor-proposals">
                    <tbody>
                        {mentors
                            .into_iter()
                            .map(|m| {
                                let mentee = ws.asn[m.mentee].name.clone();
                                let mentor = ws.asn[m.mentor].name.clone();
                                let (mentee_nip, mentor_nip) = (ws.asn[m.mentee].nip.clone(), ws.asn[m.mentor].nip.clone());
                                view! {
                                    <tr>
                                        <td>{mentee}</td>
                                        <td>"→ " {mentor}</td>
                                        <td>{format!("{} {} · {} km", T::Coverage.text(lang), m.coverage, m.distance_km)}</td>
                                        <td>
                                            <button
                                                type="button"
                                                data-testid="plan-mentor"
                                                on:click=move |_| plan_follow_up(state, mentee_nip.clone(), FollowUpKind::Mentoring { mentor: mentor_nip.clone() })
                                            >
                                                {T::PlanMentor.text(lang)}
                                            </button>
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
                <h3>{T::FollowUps.text(lang)}</h3>
                {if follow_ups.is_empty() {
                    view! { <p>{T::NoFollowUps.text(lang)}</p> }.into_any()
                } else {
                    view! {
                        <table class="data" data-testid="follow-ups">
                            <tbody>
                                {follow_ups
                                    .into_iter()
                                    .map(|fu| {
                                        let (key_asn, key_kind) = (fu.asn.clone(), fu.kind.clone());
                                        let who = ws.asn.iter().find(|a| a.nip == fu.asn);
                                        let name = who.map(|a| a.name.clone()).unwrap_or_default();
                                        let outcome = who
                                            .and_then(|a| evaluate::follow_up_outcome(a, fu.planned_on))
                                            .map(|(b, a)| format!("{} → {}", b.label(), a.label()))
                                            .unwrap_or_else(|| T::NoData.text(lang).to_string());
                                        let what = match &fu.kind {
                                            FollowUpKind::Training { competency } => format!("{}: {}", T::Training.text(lang), comp_name(competency)),
                                            FollowUpKind::Mentoring { mentor } => format!(
                                                "{}: {}",
                                                T::Mentoring.text(lang),
                                                ws.asn.iter().find(|a| &a.nip == mentor).map_or_else(|| mentor.to_string(), |a| a.name.clone())
                                            ),
                                        };
                                        view! {
                                            <tr>
                                                <td>{name}</td>
                                                <td>{what}</td>
                                                <td>{format_date(fu.planned_on, lang)}</td>
                                                <td>
                                                    <select
                                                        aria-label=T::ColStatus.text(lang)
                                                        data-testid="follow-up-status"
                                                        prop:value=format!("{:?}", fu.status)
                                                        on:change=move |ev| {
                                                            let status = match event_target_value(&ev).as_str() {
                                                                "InProgress" => FollowUpStatus::InProgress,
                                                                "Done" => FollowUpStatus::Done,
                                                                _ => FollowUpStatus::Planned,
                                                            };
                                                            let _ = state.apply(Edit::SetFollowUpStatus { asn: key_asn.clone(), kind: key_kind.clone(), status });
                                                        }
                                                    >
                                                        <option value="Planned">{T::StatusPlanned.text(lang)}</option>
                                                        <option value="InProgress">{T::StatusInProgress.text(lang)}</option>
                                                        <option value="Done">{T::StatusDone.text(lang)}</option>
                                                    </select>
                                                </td>
                                                <td>{outcome}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                    .into_any()
                }}
            }
        })
    }
}

#[component]
fn HistoryTab() -> impl IntoView {
    let state = use_state();
    move || {
        let lang = state.lang.get();
        state.workspace.with(|ws| {
            let idx = ws.index();
            let name_of = |nip: &Nip| idx.asn.get(nip).map(|a| a.name.clone()).unwrap_or_default();
            let pos_of = |id: Option<&PositionId>| {
                id.and_then(|id| idx.positions.get(id))
                    .map(|p| p.name.clone())
                    .unwrap_or_default()
            };
            view! {
                <h3>{T::PastMoves.text(lang)} " (" {ws.moves.len()} ")"</h3>
                <div class="table-wrap">
                    <table class="data" data-testid="moves-table">
                        <thead>
                            <tr>
                                <th scope="col">{T::ColName.text(lang)}</th>
                                <th scope="col">{T::From.text(lang)}</th>
                                <th scope="col">{T::To.text(lang)}</th>
                                <th scope="col">{T::EffectiveDate.text(lang)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {ws.moves
                                .iter()
                                .map(|m| {
                                    view! {
                                        <tr>
                                            <td>{name_of(&m.asn)}</td>
                                            <td>{pos_of(m.from.as_ref())}</td>
                                            <td>{pos_of(Some(&m.to))}</td>
                                            <td>{format_date(m.effective, lang)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            }
        })
    }
}

/// Ratings typed into the grid, by NIP: (hasil kerja, perilaku kerja).
type GridCells = std::collections::BTreeMap<String, (Option<Rating>, Option<Rating>)>;

/// A quick grid: one period's ratings for every moved ASN, saved at once.
#[component]
fn EntryGrid() -> impl IntoView {
    let state = use_state();
    let year = RwSignal::new(state.today.year());
    // (NIP, hasil, perilaku) edited in the grid; empty cells are not saved.
    let cells: RwSignal<GridCells> = RwSignal::new(Default::default());
    let people = Memo::new(move |_| {
        state.workspace.with(|ws| {
            let moved = crate::core::sort::set_from(ws.moves.iter().map(|m| &m.asn));
            ws.asn
                .iter()
                .filter(|a| moved.contains(&a.nip))
                .map(|a| (a.nip.to_string(), a.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let save = move |_| {
        let period = Period::annual(year.get_untracked());
        let ratings: Vec<(Nip, Rating, Rating)> = cells
            .get_untracked()
            .into_iter()
            .filter_map(|(nip, (h, p))| Some((Nip::parse(&nip).ok()?, h?, p?)))
            .collect();
        if ratings.is_empty() {
            return;
        }
        if state
            .apply(Edit::RecordPerformances { period, ratings })
            .is_ok()
        {
            cells.set(Default::default());
        }
    };
    let cell = move |nip: String, which: usize| {
        view! {
            <select
                aria-label=move || state.t(if which == 0 { T::HasilKerja } else { T::PerilakuKerja })
                data-testid=if which == 0 { "grid-hasil" } else { "grid-perilaku" }
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let r = Rating::ALL.into_iter().find(|r| format!("{r:?}") == v);
                    cells.update(|c| {
                        let e = c.entry(nip.clone()).or_default();
                        if which == 0 {
                            e.0 = r;
                        } else {
                            e.1 = r;
                        }
                    });
                }
            >
                <option value="">"—"</option>
                {Rating::ALL.into_iter().map(|r| view! { <option value=format!("{r:?}")>{r.label()}</option> }).collect_view()}
            </select>
        }
    };
    view! {
        <div class="filters">
            <YearInput year=year testid="grid-year" />
            <button type="button" class="primary" data-testid="grid-save" on:click=save>{move || state.t(T::SaveGrid)}</button>
        </div>
        <div class="table-wrap">
            <table class="data compact" data-testid="entry-grid">
                <thead>
                    <tr>
                        <th scope="col">{move || state.t(T::ColName)}</th>
                        <th scope="col">{move || state.t(T::HasilKerja)}</th>
                        <th scope="col">{move || state.t(T::PerilakuKerja)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        people
                            .get()
                            .into_iter()
                            .map(|(nip, name)| {
                                let (hasil, perilaku) = (cell(nip.clone(), 0), cell(nip.clone(), 1));
                                view! {
                                    <tr data-nip=nip>
                                        <td>{name}</td>
                                        <td>{hasil}</td>
                                        <td>{perilaku}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}
