//! Jabatan: the position table with needs and occupancy, and one position's
//! requirements and holders.

use crate::core::browse::{position_rows, query_positions, PositionQuery, PositionSort};
use crate::core::edit::Edit;
use crate::core::model::*;
use crate::i18n::T;
use crate::ui::components::{
    clear_on_replace, item, paging, AgencySelect, Pager, SearchInput, SortHeader,
};
use crate::ui::state::use_state;
use leptos::prelude::*;

/// The page.
#[component]
pub fn JabatanPage() -> impl IntoView {
    let state = use_state();
    let rows = Memo::new(move |_| state.workspace.with(position_rows));
    let text = RwSignal::new(String::new());
    let agency = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let understaffed = RwSignal::new(false);
    let review = RwSignal::new(false);
    let sort = RwSignal::new((PositionSort::Agency, false));
    let page = RwSignal::new(0usize);
    let selected: RwSignal<Option<usize>> = RwSignal::new(None);
    clear_on_replace(selected);
    let query = Memo::new(move |_| PositionQuery {
        text: text.get(),
        agency: Some(agency.get()).filter(|a| !a.is_empty()).map(AgencyId),
        kind: PositionType::ALL
            .into_iter()
            .find(|k| format!("{k:?}") == kind.get()),
        understaffed: understaffed.get(),
        review: review.get(),
        sort: sort.get().0,
        descending: sort.get().1,
    });
    let hits = Memo::new(move |_| rows.with(|r| query.with(|q| query_positions(r, q))));
    let (total, visible) = paging(rows, hits, query, page);

    view! {
        <section class="page" aria-labelledby="jabatan-title">
            <h2 id="jabatan-title">{move || state.t(T::NavJabatan)}</h2>
            <div class="filters">
                <SearchInput value=text hint=T::SearchPositionHint testid="position-search" />
                <AgencySelect value=agency testid="position-filter-agency" />
                <label>
                    <span>{move || state.t(T::ColType)}</span>
                    <select
                        data-testid="position-filter-type"
                        prop:value=kind
                        on:change=move |ev| kind.set(event_target_value(&ev))
                    >
                        <option value="">{move || state.t(T::AllTypes)}</option>
                        {PositionType::ALL
                            .iter()
                            .map(|k| view! { <option value=format!("{k:?}")>{k.label()}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid="position-filter-understaffed"
                        prop:checked=understaffed
                        on:change=move |ev| understaffed.set(event_target_checked(&ev))
                    />
                    <span>{move || state.t(T::OnlyVacant)}</span>
                </label>
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid="position-filter-review"
                        prop:checked=review
                        on:change=move |ev| review.set(event_target_checked(&ev))
                    />
                    <span>{move || state.t(T::OnlyToCheck)}</span>
                </label>
            </div>
            {move || {
                selected.get().map(|index| view! { <PositionDetail index=index selected=selected /> })
            }}
            <Pager total=total page=page testid="position-pager" />
            <div class="table-wrap">
                <table class="data" data-testid="position-table">
                    <thead>
                        <tr>
                            <SortHeader label=T::ColPosition key=PositionSort::Name sort=sort />
                            <SortHeader label=T::ColType key=PositionSort::Kind sort=sort />
                            <SortHeader label=T::ColAgency key=PositionSort::Agency sort=sort />
                            <th scope="col">{move || state.t(T::ColUnit)}</th>
                            <SortHeader label=T::ColNeed key=PositionSort::Need sort=sort num=true />
                            <SortHeader label=T::ColOccupied key=PositionSort::Occupied sort=sort num=true />
                            <SortHeader label=T::ColGap key=PositionSort::Gap sort=sort num=true />
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let list = visible.get();
                            if list.is_empty() {
                                return view! {
                                    <tr>
                                        <td colspan="7" class="empty">
                                            {state.t(T::NoRows)}
                                        </td>
                                    </tr>
                                }
                                    .into_any();
                            }
                            list.into_iter()
                                .map(|r| {
                                    let index = r.index;
                                    let gap = r.gap();
                                    view! {
                                        <tr
                                            class:selected=move || selected.get() == Some(index)
                                            data-position=r.id.clone()
                                        >
                                            <td>
                                                <button
                                                    type="button"
                                                    class="link"
                                                    on:click=move |_| selected.set(Some(index))
                                                >
                                                    {r.name.clone()}
                                                </button>
                                                {r.review.then(|| view! { " " <span class="badge warning" data-testid="position-review-badge">{state.t(T::ToCheck)}</span> })}
                                            </td>
                                            <td>{r.kind.label()}</td>
                                            <td>{r.agency_short.clone()}</td>
                                            <td>{r.unit.clone()}</td>
                                            <td class="num">{r.need}</td>
                                            <td class="num">{r.occupied}</td>
                                            <td class={if gap > 0 { "num neg" } else { "num" }}>
                                                {format!("{gap:+}")}
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                                .into_any()
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// One position, in full.
#[component]
pub fn PositionDetail(index: usize, selected: RwSignal<Option<usize>>) -> impl IntoView {
    let state = use_state();
    let panel = NodeRef::<leptos::html::Aside>::new();
    // Bring the panel into view and move focus to it, for keyboard users.
    Effect::new(move |_| {
        if let Some(el) = panel.get() {
            el.scroll_into_view();
            let _ = el.focus();
        }
    });
    let content = move || {
        let lang = state.lang.get();
        state.workspace.with(|ws| {
            let Some(p) = ws.positions.get(index) else {
                return view! { <p></p> }.into_any();
            };
            let idx = ws.index();
            let agency = idx.agency_of(p);
            let holders: Vec<(String, String)> = ws
                .asn
                .iter()
                .filter(|a| a.position.as_ref().is_some_and(|c| c.position == p.id))
                .map(|a| (a.name.clone(), a.nip.as_str().to_string()))
                .collect();
            let openings: Vec<String> = ws
                .rounds
                .iter()
                .flat_map(|r| {
                    r.openings
                        .iter()
                        .filter(|o| o.position == p.id)
                        .map(move |o| format!("{}: {} × {} ({})", r.name, o.slots, crate::ui::pages::labels::priority_key(o.priority).text(lang), o.reason))
                })
                .collect();
            let name_of = |id: &CompetencyId| {
                ws.competencies.iter().find(|c| &c.id == id).map_or_else(|| id.0.clone(), |c| c.name.clone())
            };
            let fields = if p.education.fields.is_empty() {
                T::AnyField.text(lang).to_string()
            } else {
                p.education.fields.join(", ")
            };
            let agency_text = agency
                .map(|a| format!("{} · {}", a.name, a.unit_path(&p.unit).join(" › ")))
                .unwrap_or_default();
            let seat = idx.seat_of(p).map(|r| r.name()).unwrap_or_default();
            let education = format!("{} · {}", p.education.min_level.map(|l| l.code()).unwrap_or("-"), fields);
            let name = p.name.clone();
            // What opening it means (one holder per structural post; the
            // need as ceiling).
            let open_note = if crate::core::engine::model::one_holder(p.kind) {
                holders.first().map(|(holder, _)| T::OpenStructuralNote.text(lang).replace("{}", holder))
            } else if idx.occupied(&p.id) >= p.need {
                Some(T::OpenAtNeedNote.text(lang).to_string())
            } else {
                None
            };
            let review = p.review.then(|| T::ReviewPositionNote.text(lang));
            let requirements: Vec<(String, bool, u8)> =
                p.competencies.iter().map(|r| (name_of(&r.competency), r.core, r.level)).collect();
            let dl = view! {
                    <dl>
                        {item(T::ColType, lang, match p.eselon {
                            Some(e) => format!("{} ({} {})", p.kind.label(), "eselon", e.code()),
                            None => p.kind.label().to_string(),
                        })}
                        {item(T::ColAgency, lang, agency_text)}
                        {item(T::ColLocation, lang, seat)}
                        {item(T::ColMinGolongan, lang, p.min_golongan.map(|g| g.code()).unwrap_or("-"))}
                        {item(T::MinEducation, lang, education)}
                        {item(T::ColNeed, lang, p.need.to_string())}
                        {item(T::ColOccupied, lang, idx.occupied(&p.id).to_string())}
                        {item(T::Retirement, lang, format!("{} {}", RuleSettings::default().bup(p), T::Years.text(lang)))}
                    </dl>
            };
            view! {
                <div class="detail-body">
                    <header>
                        <h3 id="position-detail-title">{name}</h3>
                        <button type="button" on:click=move |_| selected.set(None)>
                            {T::Close.text(lang)}
                        </button>
                    </header>
                    {review.map(|r| view! { <p class="alert warning" data-testid="position-review">{r}</p> })}
                    {dl}
                    {(!openings.is_empty())
                        .then(|| {
                            view! {
                                <h4>{T::OpenedPositions.text(lang)}</h4>
                                <ul data-testid="position-openings">{openings.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}</ul>
                            }
                        })}
                    {open_note.map(|note| view! { <p class="help" data-testid="open-note">{note}</p> })}
                    <OpenPositionForm position=p.id.clone() />
                    <PositionEditForm position=p.clone() />
                    <h4>{T::Requirements.text(lang)}</h4>
                    <table class="data compact" data-testid="position-competencies">
                        <thead>
                            <tr>
                                <th scope="col">{T::Competencies.text(lang)}</th>
                                <th scope="col">{T::Required.text(lang)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {requirements
                                .into_iter()
                                .map(|(name, core, level)| {
                                    view! {
                                        <tr>
                                            <td>
                                                {name} " ("
                                                {if core { T::Core.text(lang) } else { T::Secondary.text(lang) }}
                                                ")"
                                            </td>
                                            <td>{level}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                    <h4>{T::Holders.text(lang)}</h4>
                    {if holders.is_empty() {
                        view! { <p>{T::NoHolders.text(lang)}</p> }.into_any()
                    } else {
                        view! {
                            <ul data-testid="position-holders">
                                {holders
                                    .into_iter()
                                    .map(|(name, nip)| view! { <li>{name} " · " <span class="mono">{nip}</span></li> })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }}
                </div>
            }
                .into_any()
        })
    };
    view! {
        <aside
            class="detail"
            tabindex="-1"
            aria-labelledby="position-detail-title"
            data-testid="position-detail"
            node_ref=panel
        >
            {content}
        </aside>
    }
}

/// Opens the position in the round (or changes its opening), undoably.
#[component]
fn OpenPositionForm(position: PositionId) -> impl IntoView {
    let state = use_state();
    let slots = RwSignal::new(1u32);
    let priority = RwSignal::new(Priority::Sedang);
    let reason = RwSignal::new(String::new());
    let open = move |_| {
        let (n, pr, why) = (
            slots.get_untracked(),
            priority.get_untracked(),
            reason.get_untracked(),
        );
        let _ = state.apply(Edit::Open {
            opening: Opening {
                position: position.clone(),
                slots: n,
                priority: pr,
                reason: why,
            },
        });
    };
    view! {
        <fieldset class="panel" data-testid="open-position">
            <legend>{move || state.t(T::OpenThisPosition)}</legend>
            <div class="filters">
                <label>
                    <span>{move || state.t(T::ColSlots)}</span>
                    <input
                        type="number"
                        min="1"
                        max="99"
                        data-testid="open-slots"
                        prop:value=move || slots.get().to_string()
                        on:input=move |ev| slots.set(event_target_value(&ev).parse::<u32>().unwrap_or(1).clamp(1, 99))
                    />
                </label>
                <label>
                    <span>{move || state.t(T::ColPriority)}</span>
                    <select
                        data-testid="open-priority"
                        prop:value=move || format!("{:?}", priority.get())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(p) = Priority::ALL.into_iter().find(|p| format!("{p:?}") == v) {
                                priority.set(p);
                            }
                        }
                    >
                        {Priority::ALL.into_iter().map(|p| view! { <option value=format!("{p:?}")>{move || state.t(crate::ui::pages::labels::priority_key(p))}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{move || state.t(T::ColReason)}</span>
                    <input type="text" data-testid="open-reason" prop:value=reason on:input=move |ev| reason.set(event_target_value(&ev)) />
                </label>
                <button type="button" class="primary" data-testid="open-confirm" on:click=open>
                    {move || state.t(T::OpenThisPosition)}
                </button>
            </div>
        </fieldset>
    }
}

/// Corrects the position (type and level, JF, unit, minimum golongan,
/// education, competency levels, need): one audited, undoable edit; the
/// plan follows.
#[component]
fn PositionEditForm(position: Position) -> impl IntoView {
    let state = use_state();
    let units: Vec<(String, String)> = state.workspace.with_untracked(|ws| {
        ws.agencies
            .iter()
            .find(|a| a.id == position.agency)
            .map(|a| {
                a.units
                    .iter()
                    .map(|u| (u.id.0.clone(), a.unit_path(&u.id).join(" › ")))
                    .collect()
            })
            .unwrap_or_default()
    });
    let draft = RwSignal::new(position.clone());
    let fields = RwSignal::new(position.education.fields.join(", "));
    let save = move |_| {
        let mut p = draft.get_untracked();
        p.education.fields = fields
            .get_untracked()
            .split([',', ';'])
            .map(|f| f.trim().to_string())
            .filter(|f| !f.is_empty())
            .collect();
        let _ = state.apply(Edit::SetPosition(Box::new(p)));
    };
    let select_kind = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        if let Some(k) = PositionType::ALL
            .into_iter()
            .find(|k| format!("{k:?}") == v)
        {
            draft.update(|p| {
                p.kind = k;
                p.eselon = p.eselon.filter(|e| e.kind() == k);
            });
        }
    };
    let select_eselon = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        draft.update(|p| {
            p.eselon = crate::core::titles::Eselon::ALL
                .into_iter()
                .find(|e| e.code() == v)
        });
    };
    let select_golongan = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        draft.update(|p| p.min_golongan = Golongan::ALL.into_iter().find(|g| g.code() == v));
    };
    let select_level = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        draft.update(|p| {
            p.education.min_level = EducationLevel::ALL.into_iter().find(|l| l.code() == v)
        });
    };
    let competencies = state.workspace.with_untracked(|ws| {
        position
            .competencies
            .iter()
            .enumerate()
            .map(|(k, r)| {
                let name = ws
                    .competencies
                    .iter()
                    .find(|c| c.id == r.competency)
                    .map_or_else(|| r.competency.0.clone(), |c| c.name.clone());
                view! {
                    <label>
                        <span>{name}</span>
                        <input
                            type="number"
                            min="1"
                            max="5"
                            data-testid="edit-competency-level"
                            prop:value=move || draft.with(|p| p.competencies.get(k).map_or(1, |r| r.level).to_string())
                            on:input=move |ev| {
                                if let Ok(level) = event_target_value(&ev).parse::<u8>() {
                                    draft.update(|p| {
                                        if let Some(r) = p.competencies.get_mut(k) {
                                            r.level = level.clamp(1, 5);
                                        }
                                    });
                                }
                            }
                        />
                    </label>
                }
            })
            .collect_view()
    });
    view! {
        <details class="panel" data-testid="edit-position">
            <summary>{move || state.t(T::EditPosition)}</summary>
            <div class="filters">
                <label>
                    <span>{move || state.t(T::ColName)}</span>
                    <input type="text" data-testid="edit-position-name"
                        prop:value=move || draft.with(|p| p.name.clone())
                        on:input=move |ev| draft.update(|p| p.name = event_target_value(&ev)) />
                </label>
                <label>
                    <span>{move || state.t(T::ColType)}</span>
                    <select data-testid="edit-position-kind" prop:value=move || format!("{:?}", draft.with(|p| p.kind)) on:change=select_kind>
                        {PositionType::ALL.into_iter().map(|k| view! { <option value=format!("{k:?}")>{k.label()}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>"Eselon"</span>
                    <select data-testid="edit-position-eselon"
                        prop:value=move || draft.with(|p| p.eselon.map(|e| e.code()).unwrap_or("").to_string())
                        on:change=select_eselon>
                        <option value="">"-"</option>
                        {move || {
                            let kind = draft.with(|p| p.kind);
                            crate::core::titles::Eselon::ALL
                                .into_iter()
                                .filter(|e| e.kind() == kind)
                                .map(|e| view! { <option value=e.code()>{e.code()}</option> })
                                .collect_view()
                        }}
                    </select>
                </label>
                <label>
                    <span>"JF"</span>
                    <input type="text" data-testid="edit-position-jf"
                        prop:value=move || draft.with(|p| p.jf.clone().unwrap_or_default())
                        on:input=move |ev| draft.update(|p| p.jf = Some(event_target_value(&ev)))/>
                </label>
                <label>
                    <span>{move || state.t(T::ColUnit)}</span>
                    <select data-testid="edit-position-unit"
                        prop:value=move || draft.with(|p| p.unit.0.clone())
                        on:change=move |ev| draft.update(|p| p.unit = UnitId(event_target_value(&ev)))>
                        {units.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{move || state.t(T::ColMinGolongan)}</span>
                    <select data-testid="edit-position-golongan"
                        prop:value=move || draft.with(|p| p.min_golongan.map(|g| g.code()).unwrap_or("").to_string())
                        on:change=select_golongan>
                        <option value="">"-"</option>
                        {Golongan::ALL.into_iter().map(|g| view! { <option value=g.code()>{g.code()}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{move || state.t(T::MinEducation)}</span>
                    <select data-testid="edit-position-education"
                        prop:value=move || draft.with(|p| p.education.min_level.map(|l| l.code()).unwrap_or("").to_string())
                        on:change=select_level>
                        <option value="">"-"</option>
                        {EducationLevel::ALL.into_iter().map(|l| view! { <option value=l.code()>{l.code()}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{move || state.t(T::AcceptedFields)}</span>
                    <input type="text" data-testid="edit-position-fields" prop:value=fields on:input=move |ev| fields.set(event_target_value(&ev)) />
                </label>
                <label>
                    <span>{move || state.t(T::ColNeed)}</span>
                    <input type="number" min="1" max="9999" data-testid="edit-position-need"
                        prop:value=move || draft.with(|p| p.need.to_string())
                        on:input=move |ev| {
                            if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                                draft.update(|p| p.need = n);
                            }
                        } />
                </label>
                {competencies}
                <button type="button" class="primary" data-testid="edit-position-save" on:click=save>
                    {move || state.t(T::SavePosition)}
                </button>
            </div>
        </details>
    }
}
