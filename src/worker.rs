//! The file worker (wasm only): a web worker, built as the `files-worker`
//! binary, that runs [`crate::core::io::file_jobs`] jobs posted by the page
//! and posts back the outcome (JSON) and output bytes, with progress
//! messages while a long job runs. Loaded on the first
//! spreadsheet read or write, so its crates are not in the app's first
//! download.

use crate::core::io::file_jobs;
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Runs `handle` on each message the page posts (its data, and the scope
/// to answer through), then tells the page it is ready: messages posted
/// before the handler existed were dropped, so the page holds them until
/// then. Both workers (this one and [`crate::engine_worker`]) start so.
pub fn serve(mut handle: impl FnMut(JsValue, &web_sys::DedicatedWorkerGlobalScope) + 'static) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            handle(ev.data(), &reply_to)
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let ready = js_sys::Object::new();
    let _ = Reflect::set(&ready, &JsValue::from_str("ready"), &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}

/// Installs the message handler.
pub fn start() {
    serve(|data, reply_to| {
        let field = |name: &str| {
            Reflect::get(&data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
        };
        let id = field("id");
        let job = field("job").as_string().unwrap_or_default();
        let input = field("bytes");
        let input = if input.is_instance_of::<Uint8Array>() {
            Uint8Array::from(input).to_vec()
        } else {
            Vec::new()
        };
        // Progress goes to the page as it happens: {id, progress}.
        let tell = reply_to.clone();
        let (outcome, bytes) = file_jobs::run_json_with_progress(&job, &input, &mut |p| {
            let message = js_sys::Object::new();
            let _ = Reflect::set(&message, &JsValue::from_str("id"), &id);
            let json = serde_json::to_string(&p).unwrap_or_default();
            let _ = Reflect::set(
                &message,
                &JsValue::from_str("progress"),
                &JsValue::from_str(&json),
            );
            let _ = tell.post_message(&message);
        });
        let reply = js_sys::Object::new();
        let output = Uint8Array::from(&bytes[..]);
        let _ = Reflect::set(&reply, &JsValue::from_str("id"), &id);
        let _ = Reflect::set(
            &reply,
            &JsValue::from_str("outcome"),
            &JsValue::from_str(&outcome),
        );
        let _ = Reflect::set(&reply, &JsValue::from_str("bytes"), &output);
        let _ = reply_to.post_message_with_transfer(&reply, &js_sys::Array::of1(&output.buffer()));
    });
}
