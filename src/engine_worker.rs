//! The engine worker (wasm only): a web worker, built as the
//! `engine-worker` binary, that plans rounds off the page's thread (issue
//! 22). It holds an [`EngineHost`]: the page posts `{world: bytes}` (a
//! [`crate::core::engine::wire::WorldDelta`]) and `{plan: bytes}` (a
//! [`crate::core::engine::wire::PlanRequest`], with `held`: the key of the
//! round the page holds, see [`crate::core::engine::wire::BaseKey`]), and
//! the worker answers a plan with `{seq, parts, ms, memory}` (the plan's parts, see
//! [`crate::core::engine::wire::encode_plan`]), or any message it cannot take
//! with `{error}`. See `src/ui/engine.rs` for the page's side.

use crate::core::engine::wire::EngineHost;
use js_sys::{Reflect, Uint8Array};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static HOST: RefCell<EngineHost> = RefCell::new(EngineHost::default());
}

fn set(target: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

fn bytes_of(data: &JsValue, key: &str) -> Option<Vec<u8>> {
    let value = Reflect::get(data, &JsValue::from_str(key)).ok()?;
    value
        .is_instance_of::<Uint8Array>()
        .then(|| Uint8Array::from(value).to_vec())
}

fn now_ms(scope: &web_sys::DedicatedWorkerGlobalScope) -> f64 {
    Reflect::get(scope, &JsValue::from_str("performance"))
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
        .map_or(0.0, |p| p.now())
}

/// Installs the message handler and tells the page it is ready.
pub fn start() {
    crate::worker::serve(|data, reply_to| {
        let reply = js_sys::Object::new();
        if let Some(world) = bytes_of(&data, "world") {
            if let Err(e) = HOST.with_borrow_mut(|host| host.world(&world)) {
                set(&reply, "error", &JsValue::from_str(&e));
                let _ = reply_to.post_message(&reply);
            }
            return;
        }
        let Some(request) = bytes_of(&data, "plan") else {
            set(&reply, "error", &JsValue::from_str("an unknown message"));
            let _ = reply_to.post_message(&reply);
            return;
        };
        // The key of the round the page holds, as 8 little-endian bytes.
        let held = bytes_of(&data, "held")
            .and_then(|b| <[u8; 8]>::try_from(b).ok())
            .map(u64::from_le_bytes);
        let start = now_ms(reply_to);
        match HOST.with_borrow_mut(|host| host.plan(&request, held)) {
            Ok((seq, parts)) => {
                let output = js_sys::Array::new();
                let transfer = js_sys::Array::new();
                for part in &parts {
                    let bytes = Uint8Array::from(&part[..]);
                    transfer.push(&bytes.buffer());
                    output.push(&bytes);
                }
                set(&reply, "seq", &JsValue::from_f64(seq as f64));
                set(&reply, "parts", &output);
                set(&reply, "ms", &JsValue::from_f64(now_ms(reply_to) - start));
                let memory = wasm_bindgen::memory()
                    .unchecked_into::<js_sys::WebAssembly::Memory>()
                    .buffer()
                    .unchecked_into::<js_sys::ArrayBuffer>()
                    .byte_length();
                set(&reply, "memory", &JsValue::from_f64(f64::from(memory)));
                let _ = reply_to.post_message_with_transfer(&reply, &transfer);
                // While the page reads it: the plan is freed, and the
                // round arranged for the next plan of it (a drag).
                HOST.with_borrow_mut(EngineHost::tidy);
            }
            Err(e) => {
                set(&reply, "error", &JsValue::from_str(&e));
                let _ = reply_to.post_message(&reply);
            }
        }
    });
}
