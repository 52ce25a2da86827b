//! Comments and objections on one person's proposed move, inside the
//! explanation: record one, then accept it (its request becomes a manual
//! decision) or reject it with a reason. Every step is an audited edit.

use crate::core::edit::Edit;
use crate::core::model::{CommentAuthor, CommentStatus, DecisionAction, Nip, PositionId};
use crate::core::participation::comments_on;
use crate::i18n::T;
use crate::ui::browser;
use crate::ui::state::use_state;
use leptos::prelude::*;

/// The comments on `nip` and a form to add one; `options` are positions the
/// person could be asked to take instead (id, label).
#[component]
pub fn CommentsPanel(nip: Nip, options: Vec<(String, String)>) -> impl IntoView {
    let state = use_state();
    let author = RwSignal::new("asn".to_string());
    let from = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let request = RwSignal::new(String::new());
    let error = RwSignal::new(false);
    let nip_list = nip.clone();
    let comments = move || {
        state.workspace.with(|ws| {
            ws.open_round()
                .map(|r| {
                    comments_on(r, &nip_list)
                        .into_iter()
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let nip_add = nip.clone();
    let add = move |_| {
        let body = text.get_untracked();
        if body.trim().is_empty() {
            error.set(true);
            return;
        }
        error.set(false);
        let who = if author.get_untracked() == "agency" {
            CommentAuthor::Agency
        } else {
            CommentAuthor::Asn
        };
        let req = match request.get_untracked() {
            r if r.is_empty() => DecisionAction::Stay,
            r => DecisionAction::Assign(PositionId(r)),
        };
        let sender = from.get_untracked();
        let nip = nip_add.clone();
        let edit = Edit::AddComment {
            asn: nip,
            author: who,
            from: sender,
            text: body,
            request: req,
            at: browser::now_iso(),
        };
        if state.apply(edit).is_ok() {
            text.set(String::new());
            from.set(String::new());
        }
    };
    let lang = move || state.lang.get();
    view! {
        <section class="panel comments" data-testid="comments" aria-labelledby="comments-title">
            <h4 id="comments-title">{move || state.t(T::CommentsTitle)}</h4>
            <ul class="comment-list" data-testid="comment-list">
                {move || {
                    comments()
                        .into_iter()
                        .map(|c| view! { <CommentItem comment=c /> })
                        .collect_view()
                }}
            </ul>
            <fieldset>
                <legend>{move || state.t(T::CommentAdd)}</legend>
                <label>
                    <span>{move || state.t(T::CommentAuthor)}</span>
                    <select data-testid="comment-author" prop:value=author on:change=move |ev| author.set(event_target_value(&ev))>
                        <option value="asn">{move || T::AuthorAsn.text(lang())}</option>
                        <option value="agency">{move || T::AuthorAgency.text(lang())}</option>
                    </select>
                </label>
                <label>
                    <span>{move || state.t(T::CommentFrom)}</span>
                    <input data-testid="comment-from" prop:value=from on:input=move |ev| from.set(event_target_value(&ev)) />
                </label>
                <label>
                    <span>{move || state.t(T::CommentText)}</span>
                    <textarea data-testid="comment-text" prop:value=text on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                </label>
                <label>
                    <span>{move || state.t(T::CommentRequest)}</span>
                    <select data-testid="comment-request" prop:value=request on:change=move |ev| request.set(event_target_value(&ev))>
                        <option value="">{move || T::RequestStay.text(lang())}</option>
                        {options.into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()}
                    </select>
                </label>
                {move || error.get().then(|| view! { <p role="alert" class="alert error">{state.t(T::CommentEmpty)}</p> })}
                <button type="button" data-testid="comment-save" on:click=add>{move || state.t(T::CommentSave)}</button>
            </fieldset>
        </section>
    }
}

#[component]
fn CommentItem(comment: crate::core::model::Comment) -> impl IntoView {
    let state = use_state();
    let lang = state.lang.get_untracked();
    let response = RwSignal::new(String::new());
    let error = RwSignal::new(false);
    let id = comment.id;
    let resolve = move |accept: bool| {
        let note = response.get_untracked();
        if !accept && note.trim().is_empty() {
            error.set(true);
            return;
        }
        error.set(false);
        let at = browser::now_iso();
        let _ = state.apply(if accept {
            Edit::AcceptComment { id, note, at }
        } else {
            Edit::RejectComment {
                id,
                reason: note,
                at,
            }
        });
    };
    let (status_text, status_class) = match comment.status {
        CommentStatus::Open => (T::StatusOpen, "open"),
        CommentStatus::Accepted => (T::StatusAccepted, "accepted"),
        CommentStatus::Rejected => (T::StatusRejected, "rejected"),
    };
    let author = match comment.author {
        CommentAuthor::Asn => T::AuthorAsn,
        CommentAuthor::Agency => T::AuthorAgency,
    };
    let request = match &comment.request {
        DecisionAction::Stay => T::RequestStay.text(lang).to_string(),
        DecisionAction::Assign(p) => format!("{} {}", T::RequestAssign.text(lang), p.0),
    };
    let open = comment.status == CommentStatus::Open;
    view! {
        <li class="comment" data-testid=format!("comment-{id}") data-status=status_class>
            <p>
                <strong>"#" {id}</strong> " · " {author.text(lang)}
                {(!comment.from.is_empty()).then(|| format!(" ({})", comment.from))} " · " {comment.at.clone()}
                " · " <span class=format!("badge {status_class}")>{status_text.text(lang)}</span>
            </p>
            <p>{comment.text.clone()}</p>
            <p class="muted">{T::CommentRequest.text(lang)} ": " {request}</p>
            {(!comment.response.is_empty()).then(|| view! { <p>{T::CommentResponse.text(lang)} ": " {comment.response.clone()}</p> })}
            {open
                .then(|| {
                    view! {
                        <label>
                            <span>{T::CommentResponse.text(lang)}</span>
                            <input data-testid=format!("comment-response-{id}") prop:value=response on:input=move |ev| response.set(event_target_value(&ev)) />
                        </label>
                        {move || error.get().then(|| view! { <p role="alert" class="alert error">{state.t(T::ReasonRequired)}</p> })}
                        <div class="actions">
                            <button type="button" data-testid=format!("comment-accept-{id}") on:click=move |_| resolve(true)>
                                {T::CommentAccept.text(lang)}
                            </button>
                            <button type="button" data-testid=format!("comment-reject-{id}") on:click=move |_| resolve(false)>
                                {T::CommentReject.text(lang)}
                            </button>
                        </div>
                    }
                })}
        </li>
    }
}
