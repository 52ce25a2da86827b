//! Import from a spreadsheet: choose what the file holds, pick the file,
//! check the guessed column mapping, read the row-by-row report, and import
//! the valid rows as one undoable edit. Templates to start from.

use crate::core::edit::Edit;
use crate::core::io::file_jobs::{FileJob, Progress};
use crate::core::io::sheet::{Cell, Sheet, SourceFormat};
use crate::core::io::sheet_export::{template_csv, write_csv};
use crate::core::io::table_import::{
    agency_in_title, detect_source, guess_mapping, headers, signature, Analysis, Field, ImportKind,
    Mapping, RowStatus, Source,
};
use crate::i18n::{format_count, Lang, T};
use crate::messages::Message;
use crate::ui::state::use_state;
use crate::ui::{browser, files, storage};
use leptos::prelude::*;

/// How many problems the page lists (the downloadable report has all).
const SHOWN_PROBLEMS: usize = 100;
/// How many data rows the preview shows.
const PREVIEW_ROWS: usize = 5;

fn kind_label(kind: ImportKind) -> T {
    match kind {
        ImportKind::Roster => T::KindRoster,
        ImportKind::Positions => T::KindPositions,
        ImportKind::Performance => T::KindPerformance,
    }
}

/// The report as CSV rows: row, column, field, problem.
fn report_rows(analysis: &Analysis, lang: Lang) -> Vec<Vec<String>> {
    let mut rows = vec![vec![
        T::RowCol.text(lang).to_string(),
        T::ColumnCol.text(lang).to_string(),
        T::FieldCol.text(lang).to_string(),
        T::ReasonCol.text(lang).to_string(),
    ]];
    rows.extend(
        analysis
            .blocking
            .iter()
            .map(|b| vec![String::new(), String::new(), String::new(), b.message(lang)]),
    );
    rows.extend(analysis.problems.iter().map(|p| {
        vec![
            p.row.to_string(),
            p.column.clone().unwrap_or_default(),
            p.field.map(Field::header).unwrap_or_default().to_string(),
            p.message(lang),
        ]
    }));
    rows
}

/// The whole import section.
#[component]
pub fn SheetImport() -> impl IntoView {
    let state = use_state();
    let kind = RwSignal::new(ImportKind::Roster);
    let bytes: RwSignal<Option<(String, Vec<u8>)>> = RwSignal::new(None);
    let sheet: RwSignal<Option<Sheet>> = RwSignal::new(None);
    let mapping = RwSignal::new(Mapping::default());
    // What the file was recognised as, and the mapping before any hand
    // correction: (source, header signature, guessed, recalled).
    let origin: RwSignal<Option<Origin>> = RwSignal::new(None);
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    // The file being read (in the file worker) and analysed.
    let busy: RwSignal<Option<String>> = RwSignal::new(None);
    let input_ref = NodeRef::<leptos::html::Input>::new();

    // The analysis runs in the file worker, which tells its progress; the
    // one shown is for the inputs in `analysed`, and a newer one may be on
    // its way (`running`).
    let analysis: RwSignal<Option<Analysis>> = RwSignal::new(None);
    let analysed: StoredValue<Option<Inputs>> = StoredValue::new(None);
    let running = RwSignal::new(false);
    let progress: RwSignal<Option<Progress>> = RwSignal::new(None);
    // "Import" pressed while an analysis was running: import when it lands.
    let confirm_when_ready = RwSignal::new(false);
    let launched = StoredValue::new(0u64);
    let sheet_seq = StoredValue::new(0u64);
    let current = move || -> Option<Inputs> {
        sheet.with_untracked(|s| s.is_some()).then(|| Inputs {
            sheet: sheet_seq.get_value(),
            kind: kind.get_untracked(),
            mapping: mapping.get_untracked(),
            workspace: state.workspace.get_untracked(),
        })
    };
    let is_current = move || {
        analysed.with_value(|a| {
            a.as_ref().is_some_and(|a| {
                a.sheet == sheet_seq.get_value()
                    && a.kind == kind.get_untracked()
                    && mapping.with_untracked(|m| *m == a.mapping)
                    && state.workspace.with_untracked(|ws| *ws == a.workspace)
            })
        })
    };
    // Drops the analysis shown and any still running (it is ignored when
    // it lands).
    let forget_analysis = move || {
        launched.update_value(|n| *n += 1);
        analysis.set(None);
        analysed.set_value(None);
        running.set(false);
        progress.set(None);
        confirm_when_ready.set(false);
    };
    // The mapping for a sheet: the one remembered for its header, else the
    // guess.
    let start = move |k: ImportKind, s: &Sheet| {
        let (o, m) = state.workspace.with_untracked(|ws| Origin::of(k, s, ws));
        mapping.set(m);
        origin.set(Some(o));
    };
    let load = move |read: Result<Sheet, String>| match read {
        Ok(s) => {
            start(kind.get_untracked(), &s);
            sheet_seq.update_value(|n| *n += 1);
            sheet.set(Some(s));
            error.set(None);
        }
        Err(e) => {
            // Nothing of an earlier file stays importable.
            forget_analysis();
            sheet.set(None);
            error.set(Some(e));
        }
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::chosen_files(&ev).into_iter().next() else {
            return;
        };
        let name = file.name();
        let size = file.size();
        busy.set(Some(format!("{name} ({:.1} MB)", size / 1_048_576.0)));
        leptos::task::spawn_local(async move {
            match browser::read_bytes(file).await {
                Ok(data) => {
                    let read =
                        files::read_sheet(&name, &data, None, state.lang.get_untracked()).await;
                    bytes.set(Some((name, data)));
                    load(read);
                }
                Err(e) => error.set(Some(format!("{name}: {e}"))),
            }
            busy.set(None);
        });
    };

    let reset = move || {
        forget_analysis();
        sheet.set(None);
        bytes.set(None);
        error.set(None);
        if let Some(input) = input_ref.get_untracked() {
            input.set_value("");
        }
    };

    let on_kind = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let k = ImportKind::ALL
            .into_iter()
            .find(|k| k.code() == value)
            .unwrap_or(ImportKind::Roster);
        kind.set(k);
        if let Some(s) = sheet.get_untracked() {
            start(k, &s);
        }
    };

    let download_template = move |xlsx: bool| {
        let k = kind.get_untracked();
        let name = format!("templat-{}.{}", k.code(), if xlsx { "xlsx" } else { "csv" });
        leptos::task::spawn_local(async move {
            let result = if xlsx {
                match files::write(FileJob::TemplateXlsx { kind: k }).await {
                    Ok(b) => browser::download_bytes(&name, browser::XLSX_MIME, &b),
                    Err(e) => Err(e),
                }
            } else {
                browser::download_text(&name, "text/csv;charset=utf-8", &template_csv(k))
            };
            if let Err(e) = result {
                state.notify(true, e);
            }
        });
    };

    let apply_analysis = move || {
        let Some(a) = analysis.get_untracked() else {
            return;
        };
        if !a.can_apply() {
            return;
        }
        let lang = state.lang.get_untracked();
        let detail = format!(
            "{} {}: {} {}, {} {}, {} {}",
            T::SheetImported.text(lang),
            a.file_name,
            a.count(RowStatus::New),
            T::RowsNew.text(lang),
            a.count(RowStatus::Update),
            T::RowsUpdate.text(lang),
            a.count(RowStatus::Invalid),
            T::RowsInvalid.text(lang),
        );
        let used = mapping.get_untracked();
        if state.apply(Edit::ImportSheet(Box::new(a))).is_ok() {
            // A mapping corrected by hand is remembered for the next file
            // with the same header.
            if let Some(o) = origin.get_untracked() {
                if o.guessed != used {
                    let mut memory = storage::load_mappings();
                    memory.remember(&o.signature, &used);
                    storage::save_mappings(&memory);
                }
            }
            state.notify(false, detail);
            reset();
        }
    };

    // A new analysis whenever the sheet, the kind, the mapping or the
    // workspace changes; an older one still running is dropped when it
    // lands.
    Effect::new(move |_| {
        sheet.track();
        kind.track();
        mapping.track();
        state.workspace.track();
        let Some(inputs) = current() else {
            return;
        };
        let Some((name, data)) = bytes.get_untracked() else {
            return;
        };
        let sheet_name = sheet.with_untracked(|s| match s.as_ref().map(|s| &s.format) {
            Some(SourceFormat::Xlsx { sheet, .. }) => Some(sheet.clone()),
            _ => None,
        });
        let n = launched.get_value() + 1;
        launched.set_value(n);
        running.set(true);
        let lang = state.lang.get_untracked();
        let told: files::OnProgress = std::rc::Rc::new(move |p| progress.set(Some(p)));
        leptos::task::spawn_local(async move {
            let result = files::analyse(
                (&name, &data),
                sheet_name.as_deref(),
                inputs.kind,
                inputs.mapping.clone(),
                inputs.workspace.clone(),
                told,
                lang,
            )
            .await;
            if launched.get_value() != n {
                return;
            }
            running.set(false);
            progress.set(None);
            match result {
                Ok(a) => {
                    analysis.set(Some(a));
                    analysed.set_value(Some(inputs));
                    error.set(None);
                    if confirm_when_ready.get_untracked() && is_current() {
                        confirm_when_ready.set(false);
                        apply_analysis();
                    }
                }
                Err(e) => {
                    analysis.set(None);
                    error.set(Some(e));
                }
            }
        });
    });

    let confirm = move |_| {
        if is_current() && !running.get_untracked() {
            apply_analysis();
        } else {
            confirm_when_ready.set(true);
        }
    };

    view! {
        <section class="sheet-import" aria-labelledby="sheet-import-title" data-testid="sheet-import">
            <h3 id="sheet-import-title">{move || state.t(T::SheetImportTitle)}</h3>
            <p>{move || state.t(T::SheetImportIntro)}</p>
            <div class="actions">
                <label>
                    {move || state.t(T::SheetKind)} " "
                    <select data-testid="sheet-kind" on:change=on_kind prop:value=move || kind.get().code()>
                        {ImportKind::ALL
                            .into_iter()
                            .map(|k| {
                                view! { <option value=k.code()>{move || state.t(kind_label(k))}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
                <button type="button" data-testid="template-csv" on:click=move |_| download_template(false)>
                    {move || state.t(T::TemplateCsv)}
                </button>
                <button type="button" data-testid="template-xlsx" on:click=move |_| download_template(true)>
                    {move || state.t(T::TemplateXlsx)}
                </button>
                <label class="file">
                    <span>{move || state.t(T::SheetChoose)}</span>
                    <input
                        type="file"
                        accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        data-testid="sheet-file"
                        node_ref=input_ref
                        on:change=on_file
                    />
                </label>
            </div>
            {move || {
                let lang = state.lang.get();
                let line = match (busy.get(), progress.get()) {
                    (_, Some(Progress::Analysing { done, total })) => {
                        format!(
                            "{} {} / {} …",
                            T::SheetAnalysing.text(lang),
                            format_count(done, lang),
                            format_count(total, lang),
                        )
                    }
                    (Some(what), _) => format!("{} {what} …", T::SheetReading.text(lang)),
                    (None, _) if running.get() => format!("{} …", T::SheetAnalysing.text(lang)),
                    (None, _) => return None,
                };
                Some(view! { <p role="status" class="busy" data-testid="sheet-busy">{line}</p> })
            }}
            {move || {
                error
                    .get()
                    .map(|e| view! { <div role="alert" class="alert error" data-testid="sheet-error">{e}</div> })
            }}
            {move || {
                sheet
                    .get()
                    .map(|s| {
                        view! {
                            <SheetSource sheet=s.clone() bytes=bytes on_sheet=load />
                            <SourceLine origin=origin />
                            <MappingEditor sheet=s kind=kind mapping=mapping />
                        }
                    })
            }}
            {move || {
                analysis
                    .get()
                    .map(|a| {
                        view! {
                            <AnalysisView analysis=a sheet=sheet mapping=mapping running=running />
                            <div class="actions">
                                <button
                                    type="button"
                                    class="primary"
                                    data-testid="sheet-confirm"
                                    disabled=move || {
                                        !analysis.with(|a| a.as_ref().is_some_and(Analysis::can_apply))
                                            || confirm_when_ready.get()
                                    }
                                    on:click=confirm
                                >
                                    {move || {
                                        if confirm_when_ready.get() {
                                            return state.t(T::SheetWaitAnalysis).to_string();
                                        }
                                        let n = analysis
                                            .with(|a| {
                                                a.as_ref()
                                                    .map_or(
                                                        0,
                                                        |a| a.count(RowStatus::New) + a.count(RowStatus::Update),
                                                    )
                                            });
                                        format!(
                                            "{} ({})",
                                            state.t(T::ImportValidRows),
                                            format_count(n, state.lang.get()),
                                        )
                                    }}
                                </button>
                                <button type="button" data-testid="sheet-cancel" on:click=move |_| reset()>
                                    {move || state.t(T::ImportCancel)}
                                </button>
                            </div>
                        }
                    })
            }}
        </section>
    }
}

/// What an analysis was made from: the sheet (by load count), the kind,
/// the mapping and the workspace.
#[derive(Clone, Debug, PartialEq)]
struct Inputs {
    sheet: u64,
    kind: ImportKind,
    mapping: Mapping,
    workspace: crate::core::model::Workspace,
}

/// Where a sheet comes from and how its mapping started.
#[derive(Clone, Debug, PartialEq)]
struct Origin {
    source: Source,
    signature: String,
    /// The mapping as guessed from the header (before any correction).
    guessed: Mapping,
    /// Whether a hand-corrected mapping for this header was used.
    recalled: bool,
}

impl Origin {
    /// The origin of a sheet of `kind`, and the mapping to start from.
    fn of(
        kind: ImportKind,
        sheet: &Sheet,
        ws: &crate::core::model::Workspace,
    ) -> (Origin, Mapping) {
        let mut guessed = guess_mapping(kind, sheet);
        // A worksheet made per OPD names it in its title, not in a column.
        if !guessed.columns.contains_key(&Field::Agency) {
            if let Some(a) = agency_in_title(sheet, guessed.header_row, ws) {
                guessed
                    .fixed
                    .insert(Field::Agency, Cell::Text(ws.agencies[a].name.clone()));
            }
        }
        let signature = signature(kind, sheet, guessed.header_row);
        let recalled = storage::load_mappings().recall(kind, &signature, sheet.width());
        let origin = Origin {
            source: detect_source(kind, sheet, guessed.header_row),
            signature,
            recalled: recalled.is_some(),
            guessed: guessed.clone(),
        };
        (origin, recalled.unwrap_or(guessed))
    }
}

fn source_key(source: Source) -> T {
    match source {
        Source::Siasn => T::SourceSiasn,
        Source::SimpegDuk => T::SourceSimpeg,
        Source::Template => T::SourceTemplate,
        Source::AnjabAbk => T::SourceAnjabAbk,
        Source::RincianFormasi => T::SourceFormasi,
        Source::Other => T::SourceOther,
    }
}

/// "Recognised: SIASN Export Data ASN", and whether a remembered mapping
/// is in use.
#[component]
fn SourceLine(origin: RwSignal<Option<Origin>>) -> impl IntoView {
    let state = use_state();
    move || {
        let o = origin.get()?;
        let code = format!("{:?}", o.source).to_lowercase();
        Some(view! {
            <p data-testid="sheet-source-kind" data-source=code>
                {state.t(T::SourceRecognised)} " " <strong>{state.t(source_key(o.source))}</strong>
                {o.recalled.then(|| view! { " · " <span data-testid="mapping-remembered">{state.t(T::MappingRemembered)}</span> })}
            </p>
        })
    }
}

/// The file's format, and a sheet chooser for workbooks with several.
#[component]
fn SheetSource(
    sheet: Sheet,
    bytes: RwSignal<Option<(String, Vec<u8>)>>,
    on_sheet: impl Fn(Result<Sheet, String>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_state();
    let description = match &sheet.format {
        SourceFormat::Csv {
            delimiter,
            encoding,
        } => {
            let sep = match delimiter {
                b'\t' => "tab".to_string(),
                d => format!("\"{}\"", char::from(*d)),
            };
            format!("CSV · {sep} · {}", encoding.label())
        }
        SourceFormat::Xlsx { sheet, .. } => format!("XLSX · {sheet}"),
    };
    let sheets = match &sheet.format {
        SourceFormat::Xlsx { sheets, sheet } if sheets.len() > 1 => {
            Some((sheets.clone(), sheet.clone()))
        }
        _ => None,
    };
    view! {
        <p class="muted" data-testid="sheet-format">
            {sheet.file_name.clone()} " · " {description}
        </p>
        {sheets
            .map(|(names, current)| {
                let on_change = move |ev: leptos::ev::Event| {
                    let name = event_target_value(&ev);
                    if let Some((file, data)) = bytes.get_untracked() {
                        leptos::task::spawn_local(async move {
                            on_sheet(files::read_sheet(&file, &data, Some(&name), state.lang.get_untracked()).await);
                        });
                    }
                };
                view! {
                    <label>
                        {move || state.t(T::SheetName)} " "
                        <select data-testid="sheet-name" on:change=on_change prop:value=current>
                            {names.into_iter().map(|n| view! { <option value=n.clone()>{n.clone()}</option> }).collect_view()}
                        </select>
                    </label>
                }
            })}
    }
}

/// The header row and one column chooser per field.
#[component]
fn MappingEditor(
    sheet: Sheet,
    kind: RwSignal<ImportKind>,
    mapping: RwSignal<Mapping>,
) -> impl IntoView {
    let state = use_state();
    let first_row = sheet.first_row;
    let rows = sheet.rows.len();
    let sheet = StoredValue::new(sheet);
    let column_options = move || {
        let header_row = mapping.with(|m| m.header_row);
        sheet.with_value(|s| {
            headers(s, header_row)
                .into_iter()
                .enumerate()
                .map(|(c, h)| (c, format!("{} · {h}", s.column_letter(c))))
                .collect::<Vec<_>>()
        })
    };
    let on_header = move |ev: leptos::ev::Event| {
        let Ok(n) = event_target_value(&ev).trim().parse::<usize>() else {
            return;
        };
        let index = n.saturating_sub(first_row).min(rows.saturating_sub(1));
        mapping.update(|m| m.header_row = index);
    };
    view! {
        <h4>{move || state.t(T::ColumnMapping)}</h4>
        <label>
            {move || state.t(T::HeaderRow)} " "
            <input
                type="number"
                min=first_row
                max=first_row + rows
                data-testid="header-row"
                prop:value=move || mapping.with(|m| m.header_row + first_row).to_string()
                on:change=on_header
            />
        </label>
        <table class="data compact mapping" data-testid="mapping">
            <thead>
                <tr>
                    <th scope="col">{move || state.t(T::FieldCol)}</th>
                    <th scope="col">{move || state.t(T::FileColumn)}</th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    let k = kind.get();
                    k.fields()
                        .iter()
                        .map(|&field| {
                            let required = k.required().contains(&field);
                            let id = format!("map-{field:?}");
                            let on_change = move |ev: leptos::ev::Event| {
                                let value = event_target_value(&ev);
                                mapping
                                    .update(|m| {
                                        m.fixed.remove(&field);
                                        match value.parse::<usize>() {
                                            Ok(c) => {
                                                m.columns.insert(field, c);
                                            }
                                            Err(_) => {
                                                m.columns.remove(&field);
                                                // "OPD: …" for every row.
                                                if let Some(name) = value.strip_prefix("fixed:") {
                                                    m.fixed.insert(field, Cell::Text(name.to_string()));
                                                }
                                            }
                                        }
                                    });
                            };
                            // The OPD can be one agency for every row (a
                            // worksheet made per agency).
                            let fixed_options = (field == Field::Agency)
                                .then(|| {
                                    state
                                        .workspace
                                        .with_untracked(|ws| {
                                            ws.agencies.iter().map(|a| a.name.clone()).collect::<Vec<_>>()
                                        })
                                        .into_iter()
                                        .map(|name| {
                                            let label = format!("{} {name}", state.t(T::EveryRow));
                                            view! { <option value=format!("fixed:{name}")>{label}</option> }
                                        })
                                        .collect_view()
                                });
                            view! {
                                <tr>
                                    <th scope="row">
                                        <label for=id.clone()>{field.header()}</label>
                                        {required
                                            .then(|| {
                                                view! { <span class="required">" *" {move || state.t(T::RequiredField)}</span> }
                                            })}
                                    </th>
                                    <td>
                                        <select
                                            id=id
                                            data-testid=format!("map-{}", field.header())
                                            on:change=on_change
                                            prop:value=move || {
                                                mapping
                                                    .with(|m| match (m.columns.get(&field), m.fixed.get(&field)) {
                                                        (Some(c), _) => c.to_string(),
                                                        (None, Some(v)) => format!("fixed:{}", v.display()),
                                                        (None, None) => String::new(),
                                                    })
                                            }
                                        >
                                            <option value="">{move || state.t(T::NotUsed)}</option>
                                            {column_options()
                                                .into_iter()
                                                .map(|(c, label)| view! { <option value=c.to_string()>{label}</option> })
                                                .collect_view()}
                                            {fixed_options}
                                        </select>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </tbody>
        </table>
    }
}

/// Counts, blocking problems, the first rows as read, and the row report.
#[component]
fn AnalysisView(
    analysis: Analysis,
    sheet: RwSignal<Option<Sheet>>,
    mapping: RwSignal<Mapping>,
    running: RwSignal<bool>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let a = analysis;
    let count = |status: RowStatus| format_count(a.count(status), lang);
    let report = report_rows(&a, lang);
    let file_name = a.file_name.clone();
    let download_report = move |_| {
        let name = format!(
            "laporan-impor-{}.csv",
            file_name.trim_end_matches(".xlsx").trim_end_matches(".csv")
        );
        if let Err(e) = browser::download_text(&name, "text/csv;charset=utf-8", &write_csv(&report))
        {
            state.notify(true, e);
        }
    };
    let preview = move || {
        let (s, m) = (sheet.get()?, mapping.get());
        let fields: Vec<(Field, usize)> = m.columns.iter().map(|(f, c)| (*f, *c)).collect();
        let rows: Vec<usize> = ((m.header_row + 1)..s.rows.len())
            .filter(|&r| s.rows[r].iter().any(|c| !c.is_empty()))
            .take(PREVIEW_ROWS)
            .collect();
        Some(view! {
            <h4>{T::FirstRows.text(lang)}</h4>
            <div class="table-scroll">
                <table class="data compact" data-testid="sheet-preview">
                    <thead>
                        <tr>
                            <th scope="col" class="num">{T::RowCol.text(lang)}</th>
                            {fields.iter().map(|(f, _)| view! { <th scope="col">{f.header()}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|r| {
                                view! {
                                    <tr>
                                        <td class="num">{s.row_number(r)}</td>
                                        {fields.iter().map(|(_, c)| view! { <td>{s.cell(r, *c).display()}</td> }).collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        })
    };
    let hidden = a.problems.len().saturating_sub(SHOWN_PROBLEMS);
    view! {
        <div
            class="sheet-analysis"
            class:stale=move || running.get()
            role="region"
            aria-label=T::RowReport.text(lang)
            aria-busy=move || running.get().to_string()
            data-testid="sheet-analysis"
        >
            {(!a.blocking.is_empty())
                .then(|| {
                    view! {
                        <div role="alert" class="alert error" data-testid="sheet-blocking">
                            <ul>{a.blocking.iter().map(|b| view! { <li>{b.message(lang)}</li> }).collect_view()}</ul>
                        </div>
                    }
                })}
            <p data-testid="sheet-counts" data-new=a.count(RowStatus::New) data-update=a.count(RowStatus::Update) data-invalid=a.count(RowStatus::Invalid)>
                <strong>{count(RowStatus::New)}</strong> " " {T::RowsNew.text(lang)} " · "
                <strong>{count(RowStatus::Update)}</strong> " " {T::RowsUpdate.text(lang)} " · "
                <strong>{count(RowStatus::Invalid)}</strong> " " {T::RowsInvalid.text(lang)} " · "
                {format_count(a.empty_rows, lang)} " " {T::RowsEmpty.text(lang)}
                {(a.footer_rows > 0)
                    .then(|| view! { " · " {format_count(a.footer_rows, lang)} " " {T::RowsFooter.text(lang)} })}
            </p>
            {(!a.unmatched_agencies.is_empty())
                .then(|| view! { <AgencyChooser unmatched=a.unmatched_agencies.clone() mapping=mapping /> })}
            {(!a.new_agencies.is_empty())
                .then(|| {
                    let names: Vec<String> = a.new_agencies.iter().map(|g| g.name.clone()).collect();
                    view! {
                        <p data-testid="sheet-new-agencies">
                            {T::NewAgencies.text(lang)} " (" {names.len()} "): " {names.join(", ")}
                        </p>
                    }
                })}
            {(!a.new_units.is_empty())
                .then(|| {
                    view! {
                        <p>
                            {T::NewUnits.text(lang)} ": " {a.new_units.join(", ")}
                        </p>
                    }
                })}
            {preview}
            <h4>{T::RowReport.text(lang)}</h4>
            {if a.problems.is_empty() && a.blocking.is_empty() {
                view! { <p data-testid="sheet-no-problems">{T::NoProblems.text(lang)}</p> }.into_any()
            } else {
                view! {
                    <table class="data compact" data-testid="sheet-problems">
                        <thead>
                            <tr>
                                <th scope="col" class="num">{T::RowCol.text(lang)}</th>
                                <th scope="col">{T::ColumnCol.text(lang)}</th>
                                <th scope="col">{T::ReasonCol.text(lang)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {a.problems
                                .iter()
                                .take(SHOWN_PROBLEMS)
                                .map(|p| {
                                    view! {
                                        <tr class:warning=p.reason.is_warning()>
                                            <td class="num">{p.row}</td>
                                            <td>{p.column.clone().unwrap_or_default()}</td>
                                            <td>{p.message(lang)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                    {(hidden > 0).then(|| view! { <p>{format_count(hidden, lang)} " " {T::MoreProblems.text(lang)}</p> })}
                    <button type="button" data-testid="sheet-report" on:click=download_report>
                        {T::DownloadReport.text(lang)}
                    </button>
                }
                    .into_any()
            }}
        </div>
    }
}

/// The OPD names of the file that match no agency, once each: the
/// analyst picks the agency each stands for (the closest first) or creates
/// it; the choice becomes part of the mapping, and the rows are read again.
#[component]
fn AgencyChooser(
    unmatched: Vec<crate::core::io::table_import::UnmatchedAgency>,
    mapping: RwSignal<Mapping>,
) -> impl IntoView {
    use crate::core::io::table_import::AgencyChoice;
    const CREATE: &str = "+create";
    let state = use_state();
    let lang = state.lang.get_untracked();
    let agencies: Vec<(String, String)> = state.workspace.with_untracked(|ws| {
        ws.agencies
            .iter()
            .map(|a| (a.id.0.clone(), a.name.clone()))
            .collect()
    });
    let items = unmatched
        .into_iter()
        .map(|u| {
            let key = u.key.clone();
            let on_change = move |ev: leptos::ev::Event| {
                let v = event_target_value(&ev);
                let choice = match v.as_str() {
                    "" => None,
                    CREATE => Some(AgencyChoice::Create),
                    id => Some(AgencyChoice::Existing(crate::core::model::AgencyId(id.to_string()))),
                };
                mapping.update(|m| match choice {
                    Some(c) => {
                        m.agencies.insert(key.clone(), c);
                    }
                    None => {
                        m.agencies.remove(&key);
                    }
                });
            };
            let rows = u
                .rows
                .iter()
                .map(|r| r.to_string())
                .collect::<Vec<_>>()
                .join(", ");
            let more = if u.count > u.rows.len() { " …" } else { "" };
            let suggested: Vec<(String, String)> = u
                .suggestions
                .iter()
                .filter_map(|id| agencies.iter().find(|(a, _)| *a == id.0).cloned())
                .collect();
            let others: Vec<(String, String)> = agencies
                .iter()
                .filter(|(a, _)| !u.suggestions.iter().any(|s| s.0 == *a))
                .cloned()
                .collect();
            view! {
                <li data-testid="unmatched-agency" data-name=u.name.clone()>
                    <label>
                        <strong>{u.name.clone()}</strong>
                        " (" {format_count(u.count, lang)} " " {T::RowsWord.text(lang)} ": " {rows} {more} ") "
                        <select data-testid="unmatched-agency-choice" on:change=on_change>
                            <option value="">{T::ChooseAgency.text(lang)}</option>
                            {(!suggested.is_empty()).then(|| view! {
                                <optgroup label=T::SuggestedAgencies.text(lang)>
                                    {suggested.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                                </optgroup>
                            })}
                            {(!others.is_empty()).then(|| view! {
                                <optgroup label=T::OtherAgencies.text(lang)>
                                    {others.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                                </optgroup>
                            })}
                            <option value=CREATE>{format!("{} \"{}\"", T::CreateAgency.text(lang), u.name)}</option>
                        </select>
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="alert warning agency-chooser" role="group" data-testid="unmatched-agencies">
            <p>{T::UnmatchedAgencies.text(lang)}</p>
            <ul>{items}</ul>
        </div>
    }
}
