//! Pegawai: the searchable, sortable, filterable ASN table and one ASN's
//! details.

use crate::core::browse::{asn_rows, query_asn, AsnQuery, AsnSort};
use crate::core::edit::Edit;
use crate::core::model::*;
use crate::i18n::{format_date, T};
use crate::ui::components::{
    clear_on_replace, item, paging, AgencySelect, Pager, SearchInput, SortHeader, YearInput,
};
use crate::ui::state::use_state;
use leptos::prelude::*;

fn status_label(s: EmploymentStatus) -> &'static str {
    match s {
        EmploymentStatus::Pns => "PNS",
        EmploymentStatus::Cpns => "CPNS",
        EmploymentStatus::Pppk => "PPPK",
    }
}

/// Formats months as "3 th 4 bl" / "3 y 4 m".
pub fn tenure_text(months: i32, lang: crate::i18n::Lang) -> String {
    let (y, m) = (months / 12, months % 12);
    match lang {
        crate::i18n::Lang::Id => format!("{y} th {m} bl"),
        crate::i18n::Lang::En => format!("{y} y {m} m"),
    }
}

/// The page.
#[component]
pub fn PegawaiPage() -> impl IntoView {
    let state = use_state();
    let today = state.today;
    let rows = Memo::new(move |_| state.workspace.with(|ws| asn_rows(ws, today)));
    let text = RwSignal::new(String::new());
    let agency = RwSignal::new(String::new());
    let golongan = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let sort = RwSignal::new((AsnSort::Name, false));
    let page = RwSignal::new(0usize);
    let selected: RwSignal<Option<usize>> = RwSignal::new(None);
    clear_on_replace(selected);

    let query = Memo::new(move |_| AsnQuery {
        text: text.get(),
        agency: Some(agency.get()).filter(|a| !a.is_empty()).map(AgencyId),
        golongan: Golongan::parse(&golongan.get()),
        status: match status.get().as_str() {
            "pns" => Some(EmploymentStatus::Pns),
            "cpns" => Some(EmploymentStatus::Cpns),
            "pppk" => Some(EmploymentStatus::Pppk),
            _ => None,
        },
        sort: sort.get().0,
        descending: sort.get().1,
    });
    let hits = Memo::new(move |_| rows.with(|r| query.with(|q| query_asn(r, q))));
    // Any change of the query goes back to the first page.
    let (total, visible) = paging(rows, hits, query, page);

    view! {
        <section class="page" aria-labelledby="pegawai-title">
            <h2 id="pegawai-title">{move || state.t(T::NavPegawai)}</h2>
            <div class="filters">
                <SearchInput value=text hint=T::SearchAsnHint testid="asn-search" />
                <AgencySelect value=agency testid="asn-filter-agency" />
                <label>
                    <span>{move || state.t(T::ColGolongan)}</span>
                    <select
                        data-testid="asn-filter-golongan"
                        prop:value=golongan
                        on:change=move |ev| golongan.set(event_target_value(&ev))
                    >
                        <option value="">{move || state.t(T::AllGolongan)}</option>
                        {Golongan::ALL
                            .iter()
                            .map(|g| view! { <option value=g.code()>{g.code()}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    <span>{move || state.t(T::ColStatus)}</span>
                    <select
                        data-testid="asn-filter-status"
                        prop:value=status
                        on:change=move |ev| status.set(event_target_value(&ev))
                    >
                        <option value="">{move || state.t(T::AllStatus)}</option>
                        <option value="pns">"PNS"</option>
                        <option value="cpns">"CPNS"</option>
                        <option value="pppk">"PPPK"</option>
                    </select>
                </label>
            </div>
            {move || selected.get().map(|index| view! { <AsnDetail index=index selected=selected /> })}
            <Pager total=total page=page testid="asn-pager" />
            <div class="table-wrap">
                <table class="data" data-testid="asn-table">
                    <thead>
                        <tr>
                            <SortHeader label=T::ColNip key=AsnSort::Nip sort=sort />
                            <SortHeader label=T::ColName key=AsnSort::Name sort=sort />
                            <SortHeader label=T::ColGolongan key=AsnSort::Golongan sort=sort />
                            <SortHeader label=T::ColPosition key=AsnSort::Position sort=sort />
                            <SortHeader label=T::ColAgency key=AsnSort::Agency sort=sort />
                            <SortHeader label=T::ColTenure key=AsnSort::Tenure sort=sort />
                            <SortHeader label=T::ColPredikat key=AsnSort::Predikat sort=sort />
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let lang = state.lang.get();
                            let list = visible.get();
                            if list.is_empty() {
                                return view! {
                                    <tr>
                                        <td colspan="7" class="empty">
                                            {T::NoRows.text(lang)}
                                        </td>
                                    </tr>
                                }
                                    .into_any();
                            }
                            list.into_iter()
                                .map(|r| {
                                    let index = r.index;
                                    let is_selected = move || selected.get() == Some(index);
                                    view! {
                                        <tr class:selected=is_selected data-nip=r.nip.clone()>
                                            <td class="mono">{r.nip.clone()}</td>
                                            <td>
                                                <button
                                                    type="button"
                                                    class="link"
                                                    on:click=move |_| selected.set(Some(index))
                                                >
                                                    {r.name.clone()}
                                                </button>
                                            </td>
                                            <td>
                                                {grade_text(r.golongan, r.pppk_golongan, r.status)}
                                            </td>
                                            <td>{r.position.clone()}</td>
                                            <td>{r.agency_short.clone()}</td>
                                            <td>{r.months_in_position.map(|m| tenure_text(m, lang))}</td>
                                            <td>{r.predikat.map(|p| p.label())}</td>
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

/// One ASN, in full.
#[component]
pub fn AsnDetail(index: usize, selected: RwSignal<Option<usize>>) -> impl IntoView {
    let state = use_state();
    let panel = NodeRef::<leptos::html::Aside>::new();
    // Bring the panel into view and move focus to it, for keyboard users.
    Effect::new(move |_| {
        if let Some(el) = panel.get() {
            el.scroll_into_view();
            let _ = el.focus();
        }
    });
    let today = state.today;
    let content = move || {
        let lang = state.lang.get();
        state.workspace.with(|ws| {
            let Some(a) = ws.asn.get(index) else {
                return view! { <p></p> }.into_any();
            };
            let idx = ws.index();
            let position = idx.position_of(a);
            let agency = position.and_then(|p| idx.agency_of(p));
            let catalogue = |id: &CompetencyId| {
                ws.competencies
                    .iter()
                    .find(|c| &c.id == id)
                    .map_or_else(|| id.0.clone(), |c| c.name.clone())
            };
            let required: Vec<(String, Option<u8>, u8, bool)> = match position {
                Some(p) => p
                    .competencies
                    .iter()
                    .map(|r| (catalogue(&r.competency), Some(r.level), a.competency_level(&r.competency).unwrap_or(0), r.core))
                    .collect(),
                None => Vec::new(),
            };
            let extra: Vec<(String, Option<u8>, u8, bool)> = a
                .competencies
                .levels
                .iter()
                .filter(|(id, _)| position.is_none_or(|p| p.competencies.iter().all(|r| &r.competency != *id)))
                .map(|(id, level)| (catalogue(id), None, *level, false))
                .collect();
            let mut performance = a.performance.clone();
            crate::core::sort::sort_by_key(&mut performance, |r| std::cmp::Reverse(r.period));
            let flags = {
                let mut list = Vec::new();
                for p in &a.flags.processes {
                    if p.is_open_on(today) {
                        list.push(format!(
                            "{}: {:?} ({})",
                            T::OpenProcess.text(lang),
                            p.kind,
                            format_date(p.since, lang)
                        ));
                    }
                }
                for s in &a.flags.sanctions {
                    let kind = s.kind.map_or_else(|| format!("{:?}", s.level), |k| k.label().to_string());
                    list.push(format!(
                        "{}: {kind} ({} – {})",
                        T::SanctionFlag.text(lang),
                        format_date(s.imposed, lang),
                        format_date(s.ends(), lang)
                    ));
                }
                if let Some(s) = &a.flags.study_leave {
                    list.push(format!(
                        "{}: {} – {}",
                        T::StudyLeaveFlag.text(lang),
                        format_date(s.from, lang),
                        format_date(s.until, lang)
                    ));
                }
                list
            };
            let preferences: Vec<String> = a
                .preferences
                .iter()
                .map(|p| {
                    let target = match &p.target {
                        PreferenceTarget::Position(id) => idx
                            .positions
                            .get(id)
                            .map_or_else(|| id.0.clone(), |pos| ws.seat_name(pos)),
                        PreferenceTarget::Unit(u) => u.0.clone(),
                        PreferenceTarget::Agency(ag) => idx
                            .agencies
                            .get(ag)
                            .map_or_else(|| ag.0.clone(), |x| x.name.clone()),
                        PreferenceTarget::Regency(r) => r.name().to_string(),
                    };
                    format!("{target} ({:?})", p.reason)
                })
                .collect();
            let retirement = position.map(|p| format_date(retirement_date(a.birth_date, RuleSettings::default().bup(p)), lang)).unwrap_or_default();
            let gender = match a.gender {
                Gender::Male => T::Male.text(lang),
                Gender::Female => T::Female.text(lang),
            };
            let agency_text = match (position, agency) {
                (Some(p), Some(ag)) => format!("{} · {}", ag.name, ag.unit_path(&p.unit).join(" › ")),
                _ => String::new(),
            };
            let since = a
                .position
                .as_ref()
                .map(|c| {
                    format!(
                        "{} ({})",
                        format_date(c.since, lang),
                        tenure_text(c.since.whole_months_until(today), lang)
                    )
                })
                .unwrap_or_default();
            let dl = view! {
                <dl>
                    {item(
                        T::BirthDate,
                        lang,
                        format!("{} ({} {})", format_date(a.birth_date, lang), a.age_on(today), T::Years.text(lang)),
                    )}
                    {item(T::Gender, lang, gender)}
                    {item(T::Education, lang, format!("{} {}", a.education.level.code(), a.education.field))}
                    {item(
                        T::ColPosition,
                        lang,
                        position.map(|p| format!("{} ({})", p.name, p.kind.label())).unwrap_or_default(),
                    )}
                    {item(T::ColAgency, lang, agency_text)}
                    {item(T::Since, lang, since)}
                    {item(T::Retirement, lang, retirement)}
                    {item(T::Domicile, lang, a.domicile.name())}
                    {item(T::Potential, lang, a.potential.map(|p| format!("{p:?}")).unwrap_or_default())}
                </dl>
            };
            let name = a.name.clone();
            let header = format!(
                "{} · {}{}",
                a.nip.spaced(),
                status_label(a.status),
                match (a.golongan, a.pppk_golongan) {
                    (Some(g), _) => format!(" · {} ({})", g.code(), g.pangkat()),
                    (None, Some(g)) => format!(" · {} {}", T::GolonganLabel.text(lang), g.code()),
                    (None, None) => String::new(),
                }
            );
            let own_request = a.own_request;
            let assessed = a
                .competencies
                .assessed_on
                .map(|d| format!("{} {}", T::AssessedOn.text(lang), format_date(d, lang)))
                .unwrap_or_else(|| T::NotAssessed.text(lang).to_string());
            view! {
                <div class="detail-body">
                    <header>
                        <h3 id="asn-detail-title">{name}</h3>
                        <button type="button" on:click=move |_| selected.set(None)>
                            {T::Close.text(lang)}
                        </button>
                    </header>
                    <p class="mono">{header}</p>
                    {dl}
                    {own_request.then(|| view! { <p class="badge">{T::OwnRequest.text(lang)}</p> })}
                    <h4>{T::Flags.text(lang)}</h4>
                    {if flags.is_empty() {
                        view! { <p>{T::NoFlags.text(lang)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="flags">
                                {flags.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
                            </ul>
                        }
                            .into_any()
                    }}
                    <h4>
                        {T::Competencies.text(lang)} " · " {assessed}
                    </h4>
                    <table class="data compact" data-testid="asn-competencies">
                        <thead>
                            <tr>
                                <th scope="col">{T::Competencies.text(lang)}</th>
                                <th scope="col">{T::Required.text(lang)}</th>
                                <th scope="col">{T::Actual.text(lang)}</th>
                                <th scope="col">"GAP"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {required
                                .into_iter()
                                .chain(extra)
                                .map(|(name, req, actual, core)| {
                                    let gap = req.map(|r| i16::from(actual) - i16::from(r));
                                    view! {
                                        <tr>
                                            <td>
                                                {name}
                                                {req
                                                    .map(|_| {
                                                        format!(
                                                            " ({})",
                                                            if core { T::Core.text(lang) } else { T::Secondary.text(lang) },
                                                        )
                                                    })}
                                            </td>
                                            <td>{req}</td>
                                            <td>{(actual > 0).then_some(actual)}</td>
                                            <td class:neg=gap.is_some_and(|g| g < 0)>
                                                {gap.map(|g| format!("{g:+}"))}
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                    <h4>{T::Performance.text(lang)}</h4>
                    <PerformanceForm nip=a.nip.clone() />
                    <table class="data compact" data-testid="asn-performance">
                        <thead>
                            <tr>
                                <th scope="col">{T::Period.text(lang)}</th>
                                <th scope="col">{T::HasilKerja.text(lang)}</th>
                                <th scope="col">{T::PerilakuKerja.text(lang)}</th>
                                <th scope="col">{T::Predikat.text(lang)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {performance
                                .into_iter()
                                .map(|r| {
                                    view! {
                                        <tr>
                                            <td>{r.period.to_string()}</td>
                                            <td>{r.hasil_kerja.label()}</td>
                                            <td>{r.perilaku_kerja.label()}</td>
                                            <td>{r.predikat().label()}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                    <h4>{T::Preferences.text(lang)}</h4>
                    {if preferences.is_empty() {
                        view! { <p>{T::NoPreferences.text(lang)}</p> }.into_any()
                    } else {
                        view! {
                            <ol>
                                {preferences.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                            </ol>
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
            aria-labelledby="asn-detail-title"
            data-testid="asn-detail"
            node_ref=panel
        >
            {content}
        </aside>
    }
}

/// Enters one period's ratings for a person (replacing that period's record),
/// undoably and in the audit log.
#[component]
fn PerformanceForm(nip: Nip) -> impl IntoView {
    let state = use_state();
    let year = RwSignal::new(state.today.year());
    let quarter = RwSignal::new(0u8);
    let hasil = RwSignal::new(Rating::Sesuai);
    let perilaku = RwSignal::new(Rating::Sesuai);
    let rating_select = move |label: T, signal: RwSignal<Rating>, testid: &'static str| {
        view! {
            <label>
                <span>{move || state.t(label)}</span>
                <select
                    data-testid=testid
                    prop:value=move || format!("{:?}", signal.get())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(r) = Rating::ALL.into_iter().find(|r| format!("{r:?}") == v) {
                            signal.set(r);
                        }
                    }
                >
                    {Rating::ALL.into_iter().map(|r| view! { <option value=format!("{r:?}")>{r.label()}</option> }).collect_view()}
                </select>
            </label>
        }
    };
    let add = move |_| {
        let period = Period {
            year: year.get_untracked(),
            quarter: Some(quarter.get_untracked()).filter(|q| (1..=4).contains(q)),
        };
        let record = PerformanceRecord {
            period,
            hasil_kerja: hasil.get_untracked(),
            perilaku_kerja: perilaku.get_untracked(),
            score: None,
        };
        let _ = state.apply(Edit::RecordPerformance {
            asn: nip.clone(),
            record,
        });
    };
    view! {
        <div class="filters" data-testid="performance-form">
            <YearInput year=year testid="perf-year" />
            <label>
                <span>"TW"</span>
                <select data-testid="perf-quarter" prop:value=move || quarter.get().to_string() on:change=move |ev| quarter.set(event_target_value(&ev).parse().unwrap_or(0))>
                    <option value="0">"—"</option>
                    <option value="1">"1"</option>
                    <option value="2">"2"</option>
                    <option value="3">"3"</option>
                    <option value="4">"4"</option>
                </select>
            </label>
            {rating_select(T::HasilKerja, hasil, "perf-hasil")}
            {rating_select(T::PerilakuKerja, perilaku, "perf-perilaku")}
            <button type="button" data-testid="perf-add" on:click=add>{move || state.t(T::AddRecord)}</button>
        </div>
    }
}

/// The golongan column: a PNS golongan (`III/a`), a PPPK's (`PPPK IX`), or
/// the status alone.
fn grade_text(
    golongan: Option<Golongan>,
    pppk: Option<PppkGolongan>,
    status: EmploymentStatus,
) -> String {
    match (golongan, pppk) {
        (Some(g), _) => g.code().to_string(),
        (None, Some(g)) => format!("{} {}", status_label(status), g.code()),
        (None, None) => status_label(status).to_string(),
    }
}
