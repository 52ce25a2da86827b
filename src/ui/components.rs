//! Small shared pieces: the pager, sortable column headers, labelled values.

use super::state::use_state;
use crate::core::browse::page_count;
use crate::i18n::{format_count, Lang, T};
use leptos::prelude::*;

/// Rows per table page.
pub const PER_PAGE: usize = 50;

/// Previous / next buttons and "rows a–b of n".
#[component]
pub fn Pager(
    /// Number of matching rows.
    #[prop(into)]
    total: Signal<usize>,
    /// The 0-based page.
    page: RwSignal<usize>,
    /// Names the pager for tests and screen readers.
    #[prop(into)]
    testid: String,
) -> impl IntoView {
    let state = use_state();
    let pages = move || page_count(total.get(), PER_PAGE);
    let current = move || page.get().min(pages() - 1);
    let label = move || {
        let lang = state.lang.get();
        let n = total.get();
        if n == 0 {
            return format!("0 {}", T::Rows.text(lang));
        }
        let start = current() * PER_PAGE + 1;
        let end = ((current() + 1) * PER_PAGE).min(n);
        format!(
            "{}–{} {} {} {}",
            format_count(start, lang),
            format_count(end, lang),
            T::PageOf.text(lang),
            format_count(n, lang),
            T::Rows.text(lang)
        )
    };
    view! {
        <nav class="pager" aria-label=testid.clone() data-testid=testid.clone() data-total=move || total.get()>
            <button
                type="button"
                disabled=move || current() == 0
                on:click=move |_| page.set(current().saturating_sub(1))
            >
                {move || state.t(T::PagePrev)}
            </button>
            <span class="pager-label" data-testid=format!("{testid}-label")>{label}</span>
            <button
                type="button"
                disabled=move || { current() + 1 >= pages() }
                on:click=move |_| page.set(current() + 1)
            >
                {move || state.t(T::PageNext)}
            </button>
        </nav>
    }
}

/// A list of lines, a page at a time with a pager when it is longer than
/// one page; `ordered` numbers them (`<ol>`), continuing across pages.
#[component]
pub fn PagedList(
    items: Vec<String>,
    testid: &'static str,
    #[prop(optional)] ordered: bool,
    #[prop(optional, into)] class: String,
) -> impl IntoView {
    let n = items.len();
    let items = StoredValue::new(items);
    let page = RwSignal::new(0usize);
    let total = Signal::derive(move || n);
    let lines = move || {
        let (_, range) = crate::core::browse::page_range(n, page.get(), PER_PAGE);
        let start = range.start + 1;
        let shown = items.with_value(|l| l[range].to_vec());
        (start, shown)
    };
    let body = move || {
        let (start, shown) = lines();
        let lis = shown
            .into_iter()
            .map(|t| view! { <li>{t}</li> })
            .collect_view();
        if ordered {
            view! { <ol class=class.clone() start=start data-testid=testid>{lis}</ol> }.into_any()
        } else {
            view! { <ul class=class.clone() data-testid=testid>{lis}</ul> }.into_any()
        }
    };
    let pager = format!("{testid}-pager");
    view! {
        {body}
        {(n > PER_PAGE).then(|| view! { <Pager total=total page=page testid=pager /> })}
    }
}

/// A column header that sorts by `key`; a second click reverses.
#[component]
pub fn SortHeader<K>(
    label: T,
    key: K,
    sort: RwSignal<(K, bool)>,
    /// A column of numbers: the header stands over them, on the right.
    #[prop(optional)]
    num: bool,
) -> impl IntoView
where
    K: Copy + PartialEq + Send + Sync + 'static,
{
    let state = use_state();
    let aria = move || match sort.get() {
        (k, false) if k == key => "ascending",
        (k, true) if k == key => "descending",
        _ => "none",
    };
    let arrow = move || match sort.get() {
        (k, false) if k == key => " ▲",
        (k, true) if k == key => " ▼",
        _ => "",
    };
    view! {
        <th scope="col" aria-sort=aria class:num=num>
            <button
                type="button"
                class="sort"
                on:click=move |_| {
                    sort.update(|(k, desc)| {
                        if *k == key {
                            *desc = !*desc;
                        } else {
                            *k = key;
                            *desc = false;
                        }
                    })
                }
            >
                {move || state.t(label)}
                {arrow}
            </button>
        </th>
    }
}

/// A labelled value in a definition list.
pub fn item(label: T, lang: crate::i18n::Lang, value: impl Into<String>) -> impl IntoView {
    let value: String = value.into();
    view! {
        <div class="item">
            <dt>{label.text(lang)}</dt>
            <dd>{value}</dd>
        </div>
    }
}

/// The agencies as (id, short name), sorted by short name, for filters.
pub fn agency_options(state: super::state::AppState) -> Memo<Vec<(String, String)>> {
    Memo::new(move |_| {
        state.workspace.with(|ws| {
            let mut list: Vec<(String, String)> = ws
                .agencies
                .iter()
                .map(|a| (a.id.0.clone(), a.short_name.clone()))
                .collect();
            crate::core::sort::sort_by(&mut list, |a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
            list
        })
    })
}

/// A row of tabs (`role="tablist"`) switching `active`.
#[component]
pub fn TabBar<K>(tabs: Vec<(K, T, &'static str)>, active: RwSignal<K>) -> impl IntoView
where
    K: Copy + PartialEq + Send + Sync + 'static,
{
    let state = use_state();
    view! {
        <div role="tablist" class="tabs">
            {tabs
                .into_iter()
                .map(|(key, label, testid)| {
                    view! {
                        <button
                            type="button"
                            role="tab"
                            data-testid=testid
                            aria-selected=move || (active.get() == key).to_string()
                            on:click=move |_| active.set(key)
                        >
                            {move || state.t(label)}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// A labelled agency filter bound to `value` (an agency id, "" for all).
#[component]
pub fn AgencySelect(value: RwSignal<String>, testid: &'static str) -> impl IntoView {
    let state = use_state();
    let agencies = agency_options(state);
    view! {
        <label>
            <span>{move || state.t(T::ColAgency)}</span>
            <select data-testid=testid prop:value=value on:change=move |ev| value.set(event_target_value(&ev))>
                <option value="">{move || state.t(T::AllAgencies)}</option>
                {move || {
                    agencies.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()
                }}
            </select>
        </label>
    }
}

/// A labelled year input bound to `year` (2000–2100).
#[component]
pub fn YearInput(year: RwSignal<i32>, testid: &'static str) -> impl IntoView {
    let state = use_state();
    view! {
        <label>
            <span>{move || state.t(T::Period)}</span>
            <input
                type="number"
                min="2000"
                max="2100"
                class="narrow"
                data-testid=testid
                prop:value=move || year.get().to_string()
                on:input=move |ev| {
                    if let Ok(y) = event_target_value(&ev).parse::<i32>() {
                        year.set(y.clamp(2000, 2100));
                    }
                }
            />
        </label>
    }
}

/// Paging over a filtered table: the page returns to the first whenever the
/// query changes. Returns the number of matching rows and the rows of the
/// current page (`hits` index into `rows`).
pub fn paging<R, Q>(
    rows: Memo<Vec<R>>,
    hits: Memo<Vec<usize>>,
    query: Memo<Q>,
    page: RwSignal<usize>,
) -> (Signal<usize>, Signal<Vec<R>>)
where
    R: Clone + PartialEq + Send + Sync + 'static,
    Q: PartialEq + Send + Sync + 'static,
{
    Effect::watch(move || query.track(), move |_, _, _| page.set(0), false);
    let total = Signal::derive(move || hits.with(Vec::len));
    let visible = Signal::derive(move || {
        let (_, range) = crate::core::browse::page_range(total.get(), page.get(), PER_PAGE);
        rows.with(|r| hits.with(|h| h[range].iter().map(|&i| r[i].clone()).collect()))
    });
    (total, visible)
}

/// The page of a list a `Pager` shows: its length and the visible rows.
/// The page goes back to the first whenever `reset` changes (a filter).
pub fn page_of<R, Q>(
    list: Memo<Vec<R>>,
    reset: Memo<Q>,
    page: RwSignal<usize>,
) -> (Signal<usize>, Signal<Vec<R>>)
where
    R: Clone + PartialEq + Send + Sync + 'static,
    Q: PartialEq + Send + Sync + 'static,
{
    // Not on the first run: a page chosen before the effect first runs stays.
    Effect::watch(move || reset.track(), move |_, _, _| page.set(0), false);
    let total = Signal::derive(move || list.with(Vec::len));
    let visible = Signal::derive(move || {
        let (_, range) = crate::core::browse::page_range(total.get(), page.get(), PER_PAGE);
        list.with(|l| l[range].to_vec())
    });
    (total, visible)
}

/// Clears a selection whenever the workspace is replaced (import, reset).
pub fn clear_on_replace<V: Send + Sync + 'static>(selected: RwSignal<Option<V>>) {
    let state = use_state();
    Effect::new(move |_| {
        state.generation.track();
        selected.set(None);
    });
}

/// A labelled search box bound to `value`.
#[component]
pub fn SearchInput(value: RwSignal<String>, hint: T, testid: &'static str) -> impl IntoView {
    let state = use_state();
    view! {
        <label>
            <span>{move || state.t(T::Search)}</span>
            <input
                type="search"
                data-testid=testid
                placeholder=move || state.t(hint)
                prop:value=value
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </label>
    }
}

/// The language switch of a page: names the other language (`label`, from
/// that page's own string table) and flips `lang` on click.
#[component]
pub fn LangSwitch(lang: RwSignal<Lang>, label: fn(Lang) -> &'static str) -> impl IntoView {
    view! {
        <button
            type="button"
            class="lang"
            data-testid="lang-switch"
            on:click=move |_| lang.update(|l| *l = if *l == Lang::Id { Lang::En } else { Lang::Id })
        >
            {move || label(lang.get())}
        </button>
    }
}

/// Keeps `<html lang>` and the remembered language in step with `lang`.
pub fn follow_lang(lang: RwSignal<Lang>) {
    Effect::new(move |_| {
        let lang = lang.get();
        super::storage::save_lang(lang);
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.code());
        }
    });
}

/// One problem of a many-files import (cards, objections), as the report
/// lists it.
pub struct ProblemRow {
    pub file: String,
    /// The row of a form (CSV/XLSX), when the problem has one.
    pub row: Option<usize>,
    pub nip: Option<String>,
    pub reason: String,
}

/// The report of a many-files import before anything is applied: files
/// read, how many are taken, every problem, and confirm / cancel. Test ids
/// `{prefix}-report` (with `data-accepted` and `data-problems`),
/// `{prefix}-problems`, `{prefix}-confirm` and `{prefix}-cancel`.
#[component]
pub fn ImportReport(
    prefix: &'static str,
    /// Files read.
    read: usize,
    #[prop(into)] accepted: Signal<usize>,
    /// "… accepted" in this import's words.
    accepted_word: T,
    /// The confirm button's words.
    apply_word: T,
    /// Whether problems have a row column (forms do, files do not).
    with_rows: bool,
    problems: Vec<ProblemRow>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
    /// What the analyst must decide before confirming (shown above the
    /// buttons).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let count = problems.len();
    let table = (!problems.is_empty()).then(|| {
        view! {
            <table class="data compact" data-testid=format!("{prefix}-problems")>
                <thead>
                    <tr>
                        <th scope="col">{T::FileCol.text(lang)}</th>
                        {with_rows.then(|| view! { <th scope="col" class="num">{T::RowCol.text(lang)}</th> })}
                        <th scope="col">"NIP"</th>
                        <th scope="col">{T::ReasonCol.text(lang)}</th>
                    </tr>
                </thead>
                <tbody>
                    {problems
                        .into_iter()
                        .map(|p| {
                            view! {
                                <tr>
                                    <td>{p.file}</td>
                                    {with_rows.then(|| view! { <td class="num">{p.row.map(|r| r.to_string()).unwrap_or_default()}</td> })}
                                    <td>{p.nip.unwrap_or_default()}</td>
                                    <td>{p.reason}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        }
    });
    view! {
        <div class="preview" data-testid=format!("{prefix}-report") data-accepted=move || accepted.get() data-problems=count>
            <p>
                {format_count(read, lang)} " " {T::CardsRead.text(lang)} " · "
                <strong>{move || format_count(accepted.get(), lang)}</strong> " " {accepted_word.text(lang)}
            </p>
            {table}
            {children.map(|c| c())}
            <div class="actions">
                <button
                    type="button"
                    class="primary"
                    data-testid=format!("{prefix}-confirm")
                    disabled=move || accepted.get() == 0
                    on:click=move |_| on_confirm.run(())
                >
                    {apply_word.text(lang)}
                </button>
                <button type="button" data-testid=format!("{prefix}-cancel") on:click=move |_| on_cancel.run(())>
                    {T::ImportCancel.text(lang)}
                </button>
            </div>
        </div>
    }
}
