//! The ASN's card page (`kartu.html`, its own small wasm: `src/bin/kartu.rs`):
//! an ASN enters their NIP and name, ranks up to five wishes from the
//! round's offer with a reason, and downloads a small file to send by email;
//! or opens their proposal and downloads an objection. Nothing is stored but
//! the language, and nothing but the offer (open positions, no people) is
//! shown. It knows nothing of the analyst's workspace: its state is
//! [`CardState`], so the page never pulls in the planner.

use crate::core::io::preference_card::{
    offer_link, read_offer, write_card, Offer, PreferenceCard, MAX_WISHES,
};
use crate::core::model::{
    AgencyId, DecisionAction, Nip, PositionId, Preference, PreferenceReason, PreferenceTarget,
    Regency, UnitId,
};
use crate::i18n::{Lang, K};
use crate::messages::Message;
use crate::ui::state::Notice;
use crate::ui::{browser, components, storage};
use leptos::prelude::*;

/// The card page's file beside the analyst app.
pub const CARD_PAGE: &str = "kartu.html";

/// The card page's whole state: the language and the last notice.
#[derive(Clone, Copy)]
pub struct CardState {
    pub lang: RwSignal<Lang>,
    pub notice: RwSignal<Option<Notice>>,
}

impl CardState {
    /// A fresh state in a language.
    pub fn new(lang: Lang) -> Self {
        CardState {
            lang: RwSignal::new(lang),
            notice: RwSignal::new(None),
        }
    }

    /// The text of a key in the current language (reactive inside closures).
    pub fn t(&self, key: K) -> &'static str {
        key.text(self.lang.get())
    }

    /// Shows a message in the notice area.
    pub fn notify(&self, error: bool, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            error,
            text: text.into(),
        }));
    }
}

fn use_state() -> CardState {
    expect_context::<CardState>()
}

/// What a wish row points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TargetKind {
    Position,
    Unit,
    Agency,
    Regency,
}

impl TargetKind {
    const ALL: [TargetKind; 4] = [
        TargetKind::Position,
        TargetKind::Unit,
        TargetKind::Agency,
        TargetKind::Regency,
    ];

    fn code(self) -> &'static str {
        match self {
            TargetKind::Position => "position",
            TargetKind::Unit => "unit",
            TargetKind::Agency => "agency",
            TargetKind::Regency => "regency",
        }
    }

    fn label(self) -> K {
        match self {
            TargetKind::Position => K::WishPosition,
            TargetKind::Unit => K::WishUnit,
            TargetKind::Agency => K::WishAgency,
            TargetKind::Regency => K::WishRegency,
        }
    }
}

const REASONS: [(PreferenceReason, K, &str); 4] = [
    (PreferenceReason::Family, K::ReasonFamily, "family"),
    (PreferenceReason::Health, K::ReasonHealth, "health"),
    (PreferenceReason::Career, K::ReasonCareer, "career"),
    (PreferenceReason::Other, K::ReasonOther, "other"),
];

/// One wish being edited.
#[derive(Clone, Debug, PartialEq)]
struct WishRow {
    kind: TargetKind,
    /// The chosen option's value ("" = none yet).
    target: String,
    /// Chosen by the ASN: there is no default reason.
    reason: Option<PreferenceReason>,
    note: String,
}

impl WishRow {
    fn new() -> Self {
        WishRow {
            kind: TargetKind::Position,
            target: String::new(),
            reason: None,
            note: String::new(),
        }
    }

    /// The wish, once both its target and its reason are chosen.
    fn preference(&self) -> Option<Preference> {
        if self.target.is_empty() {
            return None;
        }
        let reason = self.reason?;
        let target = match self.kind {
            TargetKind::Position => PreferenceTarget::Position(PositionId(self.target.clone())),
            TargetKind::Unit => PreferenceTarget::Unit(UnitId(self.target.clone())),
            TargetKind::Agency => PreferenceTarget::Agency(AgencyId(self.target.clone())),
            TargetKind::Regency => PreferenceTarget::Regency(
                Regency::ALL
                    .into_iter()
                    .find(|r| format!("{r:?}") == self.target)?,
            ),
        };
        Some(Preference {
            target,
            reason,
            note: self.note.trim().to_string(),
        })
    }
}

/// The options for a kind: (value, label).
fn options(offer: &Offer, kind: TargetKind) -> Vec<(String, String)> {
    let agency = |id: &AgencyId| {
        offer
            .agencies
            .iter()
            .find(|a| &a.id == id)
            .map_or(String::new(), |a| a.short_name.clone())
    };
    let unit = |id: &UnitId| {
        offer
            .agencies
            .iter()
            .flat_map(|a| a.units.iter())
            .find(|(u, _)| u == id)
            .map_or(String::new(), |(_, name)| name.clone())
    };
    match kind {
        TargetKind::Position => offer
            .positions
            .iter()
            .map(|p| {
                (
                    p.id.0.clone(),
                    format!("{} · {} · {}", p.name, unit(&p.unit), agency(&p.agency)),
                )
            })
            .collect(),
        TargetKind::Unit => offer
            .agencies
            .iter()
            .flat_map(|a| {
                a.units
                    .iter()
                    .map(move |(u, name)| (u.0.clone(), format!("{name} · {}", a.short_name)))
            })
            .collect(),
        TargetKind::Agency => offer
            .agencies
            .iter()
            .map(|a| (a.id.0.clone(), format!("{} ({})", a.name, a.short_name)))
            .collect(),
        TargetKind::Regency => Regency::ALL
            .into_iter()
            .map(|r| (format!("{r:?}"), r.name().to_string()))
            .collect(),
    }
}

/// Moves the item at `from` to `to`, the others keeping their order.
fn move_item<T>(items: &mut Vec<T>, from: usize, to: usize) {
    if from < items.len() && to < items.len() && from != to {
        let item = items.remove(from);
        items.insert(to, item);
    }
}

/// One wish as the summary says it: what, why, and the note.
fn wish_line(offer: &Offer, wish: &WishRow, lang: Lang) -> String {
    let what = options(offer, wish.kind)
        .into_iter()
        .find(|(value, _)| *value == wish.target)
        .map_or_else(|| wish.target.clone(), |(_, label)| label);
    let why = REASONS
        .iter()
        .find(|(r, _, _)| Some(*r) == wish.reason)
        .map_or("", |(_, label, _)| label.text(lang));
    let note = wish.note.trim();
    let kind = wish.kind.label().text(lang);
    if note.is_empty() {
        format!("{kind}: {what} — {why}")
    } else {
        format!("{kind}: {what} — {why} ({note})")
    }
}

/// The card page: its own header, language switch and form.
#[component]
pub fn CardApp(state: CardState) -> impl IntoView {
    provide_context(state);
    components::follow_lang(state.lang);
    view! {
        <div class="app card-mode">
            <header class="top">
                <div class="brand">
                    <h1>{move || state.t(K::CardTitle)}</h1>
                    <p>{move || state.t(K::AppSubtitle)}</p>
                </div>
                <components::LangSwitch lang=state.lang label=|l| K::LangSwitch.text(l) />
            </header>
            <main>
                <CardForm />
            </main>
        </div>
    }
}

#[component]
fn CardForm() -> impl IntoView {
    let state = use_state();
    // The offer published by BKD — never the workspace of this browser
    // (on an ASN's phone that is the demo): a file the ASN opens, or the
    // one the card link names beside the page.
    let offer = RwSignal::new(Offer::none());
    let loaded = RwSignal::new(false);
    let offer_error: RwSignal<Option<String>> = RwSignal::new(None);
    let hash = window().location().hash().unwrap_or_default();
    match offer_link(&hash) {
        Ok(None) => {}
        Err(e) => offer_error.set(Some(e.message(state.lang.get_untracked()))),
        Ok(Some(name)) => leptos::task::spawn_local(async move {
            // Fetched fresh when online (and a copy kept); with no network,
            // the copy kept on the last visit, said so. A file the site no
            // longer has (HTTP 404) is said, never replaced by the copy.
            let (text, offline) = match browser::fetch_text(&name).await {
                Ok(text) => {
                    storage::save_offer_copy(&name, &text);
                    (Ok(text), false)
                }
                Err(e @ browser::FetchError::Network(_)) => match storage::load_offer_copy(&name) {
                    Some(copy) => (Ok(copy), true),
                    None => (Err(e.to_string()), false),
                },
                Err(e) => (Err(e.to_string()), false),
            };
            let lang = state.lang.get_untracked();
            match text.and_then(|t| read_offer(&t).map_err(|e| e.message(lang))) {
                Ok(o) => {
                    offer.set(o);
                    loaded.set(true);
                    if offline {
                        state.notify(false, format!("{} {name}", state.t(K::CardOfferOffline)));
                    }
                }
                Err(e) => offer_error.set(Some(format!(
                    "{} {name}: {e}",
                    state.t(K::CardOfferUnavailable)
                ))),
            }
        }),
    }
    let nip = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let wishes = RwSignal::new(vec![WishRow::new()]);
    // The wish being dragged (mouse, and touch where the browser drags).
    let dragging: RwSignal<Option<usize>> = RwSignal::new(None);
    let tried = RwSignal::new(false);

    let nip_error = move || {
        let text = nip.get();
        if text.trim().is_empty() {
            return tried.get().then(|| state.t(K::CardNipRequired).to_string());
        }
        Nip::parse(&text).err().map(|e| e.message(state.lang.get()))
    };
    let name_error = move || {
        (tried.get() && name.get().trim().is_empty())
            .then(|| state.t(K::CardNameRequired).to_string())
    };
    let chosen =
        move || wishes.with(|w| w.iter().filter_map(WishRow::preference).collect::<Vec<_>>());
    // A wish with a target and no reason: said with its number, as typed.
    let reason_missing = move || {
        wishes.with(|w| {
            w.iter()
                .position(|r| !r.target.is_empty() && r.reason.is_none())
                .map(|i| i + 1)
        })
    };
    let wishes_error = move || {
        if let Some(n) = reason_missing().filter(|_| tried.get()) {
            return Some(format!("{} {n}", state.t(K::CardReasonRequired)));
        }
        (tried.get() && chosen().is_empty()).then(|| state.t(K::CardWishRequired).to_string())
    };

    let on_offer = move |ev: leptos::ev::Event| {
        let Some(file) = browser::chosen_files(&ev).into_iter().next() else {
            return;
        };
        let name = file.name();
        leptos::task::spawn_local(async move {
            let lang = state.lang.get_untracked();
            match browser::read_text(file)
                .await
                .and_then(|t| read_offer(&t).map_err(|e| e.message(lang)))
            {
                Ok(o) => {
                    offer.set(o);
                    loaded.set(true);
                    wishes.set(vec![WishRow::new()]);
                    offer_error.set(None);
                }
                Err(e) => offer_error.set(Some(format!("{name}: {e}"))),
            }
        });
    };

    // Downloading goes through a summary: what the file will say.
    let review = RwSignal::new(false);
    let card = move || {
        let parsed = Nip::parse(&nip.get()).ok()?;
        Some(PreferenceCard::new(
            &offer.with(|o| o.round.clone()),
            parsed.as_str(),
            name.get().trim(),
            &browser::now_iso(),
            chosen(),
        ))
    };
    let check = move |_| {
        if !loaded.get_untracked() {
            return;
        }
        tried.set(true);
        let ok = nip_error().is_none() && name_error().is_none() && wishes_error().is_none();
        review.set(ok);
    };
    let download = move |_| {
        if nip_error().is_some() || name_error().is_some() || wishes_error().is_some() {
            review.set(false);
            return;
        }
        let Some(card) = card() else {
            return;
        };
        if let Err(e) =
            browser::download_text(&card.file_name(), "application/json", &write_card(&card))
        {
            state.notify(true, e);
        } else {
            state.notify(
                false,
                format!("{} {}", state.t(K::CardDownloaded), card.file_name()),
            );
        }
    };

    view! {
        <section class="page card-form" aria-labelledby="card-title" data-testid="card-form">
            <h2 id="card-title">{move || state.t(K::CardTitle)}</h2>
            <p>{move || state.t(K::CardIntro)}</p>
            <p class="help" data-testid="card-safe">{move || state.t(K::StableSafe)}</p>
            {move || if loaded.get() {
                view! {
                    <p data-testid="card-offer">
                        {move || state.t(K::CardOffer)} ": "
                        <strong>{move || offer.with(|o| o.round_name.clone())}</strong> " · "
                        {move || offer.with(|o| o.positions.len())} " " {move || state.t(K::Positions)}
                        {move || offer.with(|o| o.deadline.map(|d| format!(" · {} {}", state.t(K::Deadline), d.to_dmy())))}
                    </p>
                }
                .into_any()
            } else {
                view! { <p class="alert" data-testid="card-no-offer">{move || state.t(K::CardNoOffer)}</p> }.into_any()
            }}
            <label class="file">
                <span>{move || state.t(K::CardLoadOffer)}</span>
                <input type="file" accept=".json,application/json" data-testid="card-offer-file" on:change=on_offer />
            </label>
            {move || offer_error.get().map(|e| view! { <div role="alert" class="alert error">{e}</div> })}
            <div class="form-grid">
                <label for="card-nip">"NIP"</label>
                <div>
                    <input
                        id="card-nip"
                        inputmode="numeric"
                        autocomplete="off"
                        data-testid="card-nip"
                        aria-invalid=move || nip_error().is_some().to_string()
                        prop:value=move || nip.get()
                        on:input=move |ev| nip.set(event_target_value(&ev))
                    />
                    {move || nip_error().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                </div>
                <label for="card-name">{move || state.t(K::CardName)}</label>
                <div>
                    <input
                        id="card-name"
                        data-testid="card-name"
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                    {move || name_error().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                </div>
            </div>
            // Nothing to choose without an offer.
            <Show when=move || loaded.get()>
            <h3>{move || state.t(K::CardWishes)}</h3>
            <ol class="wishes" data-testid="card-wishes">
                {move || {
                    let count = wishes.with(Vec::len);
                    (0..count).map(|i| view! { <WishEditor index=i wishes=wishes offer=offer dragging=dragging /> }).collect_view()
                }}
            </ol>
            {move || wishes_error().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <div class="actions">
                <button
                    type="button"
                    data-testid="card-add-wish"
                    disabled=move || { wishes.with(Vec::len) >= MAX_WISHES }
                    on:click=move |_| wishes.update(|w| w.push(WishRow::new()))
                >
                    {move || state.t(K::CardAddWish)}
                </button>
                <button type="button" class="primary" data-testid="card-download" on:click=check>
                    {move || state.t(K::CardCheck)}
                </button>
            </div>
            <Show when=move || review.get()>
                <section class="summary" aria-labelledby="card-summary-title" data-testid="card-summary">
                    <h3 id="card-summary-title">{move || state.t(K::CardSummary)}</h3>
                    <p>
                        "NIP " {move || nip.get()} " · " {move || name.get()} <br />
                        {move || state.t(K::CardOffer)} ": " {move || offer.with(|o| o.round_name.clone())}
                    </p>
                    <ol data-testid="card-summary-wishes">
                        {move || {
                            wishes
                                .get()
                                .into_iter()
                                .filter(|w| w.preference().is_some())
                                .map(|w| view! { <li>{offer.with(|o| wish_line(o, &w, state.lang.get()))}</li> })
                                .collect_view()
                        }}
                    </ol>
                    <p class="help">
                        {move || state.t(K::CardFileName)} " "
                        <strong data-testid="card-file-name">{move || card().map(|c| c.file_name()).unwrap_or_default()}</strong>
                    </p>
                    <div class="actions">
                        <button type="button" class="primary" data-testid="card-confirm" on:click=download>
                            {move || state.t(K::CardDownload)}
                        </button>
                        <button type="button" data-testid="card-edit" on:click=move |_| review.set(false)>
                            {move || state.t(K::CardEdit)}
                        </button>
                    </div>
                </section>
            </Show>
            </Show>
            <ObjectionForm offer=offer loaded=loaded nip=nip name=name />
            {move || {
                state
                    .notice
                    .get()
                    .map(|n| {
                        let role = if n.error { "alert" } else { "status" };
                        view! { <div class="notice" class:error=n.error role=role data-testid="notice">{n.text}</div> }
                    })
            }}
        </section>
    }
}

/// The ASN's answer to their proposal: open the proposal file BKD sent,
/// ask to stay or for a position of the offer, say why, download the file.
#[component]
fn ObjectionForm(
    offer: RwSignal<Offer>,
    loaded: RwSignal<bool>,
    nip: RwSignal<String>,
    name: RwSignal<String>,
) -> impl IntoView {
    use crate::core::io::objection::{code_matches, read_proposal, write_objection, ProposalFile};
    let state = use_state();
    let opened: RwSignal<Option<ProposalFile>> = RwSignal::new(None);
    // Without the file: the code printed on the proposal sheet, with the
    // NIP and name typed above and the round of the opened offer.
    let code = RwSignal::new(String::new());
    let by_code = move || {
        let typed = code.get();
        if typed.trim().is_empty() || !loaded.get() {
            return None;
        }
        let nip = Nip::parse(&nip.get()).ok()?;
        let (round, round_name, deadline) =
            offer.with(|o| (o.round.clone(), o.round_name.clone(), o.deadline));
        code_matches(&typed, &round, nip.as_str()).then(|| ProposalFile {
            deadline,
            ..ProposalFile::new(&round, &round_name, nip.as_str(), name.get().trim())
        })
    };
    // The proposal answered: the file's, else the code's.
    let proposal = Memo::new(move |_| opened.get().or_else(by_code));
    let code_error = move || {
        let typed = code.get();
        if typed.trim().is_empty() || opened.with(Option::is_some) {
            return None;
        }
        if !loaded.get() {
            return Some(state.t(K::ObjectionCodeNeedsOffer).to_string());
        }
        if Nip::parse(&nip.get()).is_err() || name.with(|n| n.trim().is_empty()) {
            return Some(state.t(K::ObjectionCodeNeedsNip).to_string());
        }
        proposal
            .with(Option::is_none)
            .then(|| state.t(K::ObjectionCodeDiffers).to_string())
    };
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let request = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let on_proposal = move |ev: leptos::ev::Event| {
        let Some(file) = browser::chosen_files(&ev).into_iter().next() else {
            return;
        };
        let name = file.name();
        leptos::task::spawn_local(async move {
            match browser::read_text(file)
                .await
                .and_then(|t| read_proposal(&t).map_err(|e| e.message(state.lang.get_untracked())))
            {
                Ok(p) => {
                    opened.set(Some(p));
                    error.set(None);
                }
                Err(e) => error.set(Some(format!("{name}: {e}"))),
            }
        });
    };
    let text_error = move || {
        (tried.get() && text.with(|t| t.trim().is_empty()))
            .then(|| state.t(K::ObjectionTextRequired).to_string())
    };
    let download = move |_| {
        tried.set(true);
        let Some(p) = proposal.get_untracked() else {
            return;
        };
        if text_error().is_some() {
            return;
        }
        let action = match request.get_untracked() {
            r if r.is_empty() => DecisionAction::Stay,
            r => DecisionAction::Assign(PositionId(r)),
        };
        let objection = p.objection(&browser::now_iso(), action, text.get_untracked().trim());
        let name = objection.file_name();
        match browser::download_text(&name, "application/json", &write_objection(&objection)) {
            Ok(()) => state.notify(false, format!("{} {name}", state.t(K::ObjectionDownloaded))),
            Err(e) => state.notify(true, e),
        }
    };
    view! {
        <section class="objection-form" aria-labelledby="objection-title" data-testid="objection-form">
            <h3 id="objection-title">{move || state.t(K::ObjectionFormTitle)}</h3>
            <p>{move || state.t(K::ObjectionFormIntro)}</p>
            <label class="file">
                <span>{move || state.t(K::ObjectionOpenProposal)}</span>
                <input type="file" accept=".json,application/json" data-testid="proposal-file" on:change=on_proposal />
            </label>
            {move || error.get().map(|e| view! { <div role="alert" class="alert error">{e}</div> })}
            <Show when=move || opened.with(Option::is_none)>
                <div class="form-grid">
                    <label for="objection-code">{move || state.t(K::ObjectionCode)}</label>
                    <div>
                        <input
                            id="objection-code"
                            data-testid="objection-code"
                            autocomplete="off"
                            autocapitalize="characters"
                            aria-describedby="objection-code-help"
                            aria-invalid=move || code_error().is_some().to_string()
                            prop:value=move || code.get()
                            on:input=move |ev| code.set(event_target_value(&ev))
                        />
                        <p class="help" id="objection-code-help">{move || state.t(K::ObjectionCodeHelp)}</p>
                        {move || code_error().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                    </div>
                </div>
            </Show>
            {move || proposal.get().map(|p| {
                let moves = if p.from.is_empty() {
                    state.t(K::ObjectionCodeMatches).to_string()
                } else if p.moves {
                    format!("{} → {}", p.from, p.to)
                } else {
                    format!("{}: {}", state.t(K::Stays), p.from)
                };
                view! {
                    <p data-testid="proposal-summary">
                        <strong>{p.name.clone()}</strong> " · NIP " {p.nip.clone()} <br />
                        {state.t(K::ObjectionProposal)} " (" {p.round_name.clone()} "): " {moves}
                    </p>
                    <div class="form-grid">
                        <label for="objection-request">{state.t(K::ObjectionRequest)}</label>
                        <select id="objection-request" data-testid="objection-request" prop:value=move || request.get() on:change=move |ev| request.set(event_target_value(&ev))>
                            <option value="">{state.t(K::ObjectionStay)}</option>
                            {move || loaded.get().then(|| offer.with(|o| options(o, TargetKind::Position)).into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view())}
                        </select>
                        <label for="objection-text">{state.t(K::ObjectionText)}</label>
                        <div>
                            <textarea id="objection-text" data-testid="objection-text" rows="4" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                            {move || text_error().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                        </div>
                    </div>
                    <div class="actions">
                        <button type="button" class="primary" data-testid="objection-download" on:click=download>
                            {state.t(K::ObjectionDownload)}
                        </button>
                    </div>
                }
            })}
        </section>
    }
}

#[component]
fn WishEditor(
    index: usize,
    wishes: RwSignal<Vec<WishRow>>,
    offer: RwSignal<Offer>,
    dragging: RwSignal<Option<usize>>,
) -> impl IntoView {
    let state = use_state();
    let row = move || wishes.with(|w| w.get(index).cloned().unwrap_or_else(WishRow::new));
    let update = move |f: &dyn Fn(&mut WishRow)| {
        wishes.update(|w| {
            if let Some(r) = w.get_mut(index) {
                f(r);
            }
        })
    };
    let over = RwSignal::new(false);
    let kind_id = format!("wish-kind-{index}");
    let target_id = format!("wish-target-{index}");
    let reason_id = format!("wish-reason-{index}");
    let note_id = format!("wish-note-{index}");
    view! {
        <li
            class="wish"
            class:dragging=move || dragging.get() == Some(index)
            class:drop-target=move || dragging.get().is_some_and(|d| d != index) && over.get()
            data-testid=format!("wish-{index}")
            on:dragover=move |ev| {
                if dragging.get_untracked().is_some() {
                    // Allows the drop here.
                    ev.prevent_default();
                    over.set(true);
                }
            }
            on:dragleave=move |_| over.set(false)
            on:drop=move |ev| {
                ev.prevent_default();
                over.set(false);
                if let Some(from) = dragging.get_untracked() {
                    wishes.update(|w| move_item(w, from, index));
                }
                dragging.set(None);
            }
        >
            // Dragging is for a mouse (and touch where the browser drags);
            // the buttons below do the same for keyboards and screen readers.
            <div class="wish-head">
            <span
                class="drag-handle"
                draggable="true"
                aria-hidden="true"
                title=move || state.t(K::WishDrag)
                data-testid=format!("wish-drag-{index}")
                on:dragstart=move |ev| {
                    if let Some(data) = ev.data_transfer() {
                        let _ = data.set_data("text/plain", &index.to_string());
                        data.set_effect_allowed("move");
                    }
                    dragging.set(Some(index));
                }
                on:dragend=move |_| dragging.set(None)
            >
                "⠿"
            </span>
            <span class="wish-number">{move || format!("{} {}", state.t(K::WishNumber), index + 1)}</span>
            </div>
            <label for=kind_id.clone()>{move || state.t(K::WishKind)}</label>
            <select
                id=kind_id
                data-testid=format!("wish-kind-{index}")
                prop:value=move || row().kind.code()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let kind = TargetKind::ALL.into_iter().find(|k| k.code() == v).unwrap_or(TargetKind::Position);
                    update(&|r| {
                        r.kind = kind;
                        r.target.clear();
                    });
                }
            >
                {TargetKind::ALL
                    .into_iter()
                    .map(|k| view! { <option value=k.code()>{move || state.t(k.label())}</option> })
                    .collect_view()}
            </select>
            <label for=target_id.clone()>{move || state.t(K::WishTarget)}</label>
            <select
                id=target_id
                data-testid=format!("wish-target-{index}")
                prop:value=move || row().target
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    update(&|r| r.target = v.clone());
                }
            >
                <option value="">"—"</option>
                {move || {
                    let kind = row().kind;
                    offer
                        .with(|o| options(o, kind))
                        .into_iter()
                        .map(|(value, label)| view! { <option value=value>{label}</option> })
                        .collect_view()
                }}
            </select>
            <label for=reason_id.clone()>{move || state.t(K::WishReason)}</label>
            <select
                id=reason_id
                data-testid=format!("wish-reason-{index}")
                prop:value=move || {
                    let reason = row().reason;
                    REASONS.iter().find(|(r, _, _)| Some(*r) == reason).map_or("", |(_, _, c)| *c)
                }
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let reason = REASONS.iter().find(|(_, _, c)| *c == v).map(|(r, _, _)| *r);
                    update(&|r| r.reason = reason);
                }
            >
                <option value="">{move || state.t(K::ChooseReason)}</option>
                {REASONS
                    .iter()
                    .map(|(_, label, code)| view! { <option value=*code>{move || state.t(*label)}</option> })
                    .collect_view()}
            </select>
            <label for=note_id.clone()>{move || state.t(K::WishNote)}</label>
            <input
                id=note_id
                data-testid=format!("wish-note-{index}")
                maxlength=crate::core::io::preference_card::MAX_NOTE_CHARS
                prop:value=move || row().note
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    update(&|r| r.note = v.clone());
                }
            />
            <div class="wish-order">
                <button
                    type="button"
                    data-testid=format!("wish-up-{index}")
                    aria-label=move || format!("{} {}", state.t(K::WishUp), index + 1)
                    disabled=index == 0
                    on:click=move |_| wishes.update(|w| {
                        if index > 0 && index < w.len() {
                            w.swap(index - 1, index);
                        }
                    })
                >
                    <span aria-hidden="true">"↑ "</span> {move || state.t(K::WishUpShort)}
                </button>
                <button
                    type="button"
                    data-testid=format!("wish-down-{index}")
                    aria-label=move || format!("{} {}", state.t(K::WishDown), index + 1)
                    disabled=move || { index + 1 >= wishes.with(Vec::len) }
                    on:click=move |_| wishes.update(|w| {
                        if index + 1 < w.len() {
                            w.swap(index, index + 1);
                        }
                    })
                >
                    <span aria-hidden="true">"↓ "</span> {move || state.t(K::WishDownShort)}
                </button>
            </div>
            <button
                type="button"
                data-testid=format!("wish-remove-{index}")
                on:click=move |_| wishes.update(|w| {
                    if index < w.len() {
                        w.remove(index);
                    }
                })
            >
                {move || state.t(K::WishRemove)}
            </button>
        </li>
    }
}
