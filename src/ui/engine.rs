//! Planning in the engine worker (`engine-worker_loader.js`, see
//! `src/engine_worker.rs`), so a province's round never blocks the page
//! (issue 22). The page sends what changed of the world and the round to
//! plan ([`crate::core::engine::wire`]); the answer arrives as bytes and
//! becomes a [`super::state::PlanRun`].
//!
//! **Only the latest input is planned and shown.** While a plan is being
//! computed, a newer request either waits (one at most: each newer one
//! replaces it) or abandons the computation:
//! - when the running plan reads the same round as the new one (a weight
//!   drag, a mode or scenario switch: the same
//!   [`crate::core::engine::canonical::Fingerprints::model`]), it is short
//!   and its round is what the new one needs, so the new request waits
//!   for it and its answer is dropped;
//! - otherwise the worker is stopped (`terminate`), a new one started, and
//!   it is sent the world (the last whole world and every change since,
//!   kept as bytes) and the new request.
//!
//! **The page holds the round of the plans it reads** (the plan's model
//! without candidates, see [`crate::core::engine::wire::BaseKey`]): each
//! request says which it holds, and a plan on it arrives without it. The
//! round is read in the same task as the plan's head, so the page holds
//! it before it can ask again; a new worker knows no round the page holds,
//! so starting one drops it.
//!
//! A worker that fails (it cannot load, a message does not fit, the engine
//! traps) is dropped and the page is told ([`Answer::outcome`]); the page
//! then plans in its own thread from then on.

use crate::core::engine::model::RoundModel;
use crate::core::engine::wire::{PlanReader, PlanRequest, WorldSent};
use crate::core::engine::{Plan, PlanError};
use crate::core::model::Workspace;
use js_sys::{Reflect, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use std::rc::Weak;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where the worker's loader is, relative to the page.
const WORKER_URL: &str = "./engine-worker_loader.js";

/// A plan of fewer bytes is read in one go (the demo's, 0.4 MB, in about
/// 5 ms); a larger one a part per task (see
/// [`crate::core::engine::wire::encode_plan`]).
const READ_AT_ONCE: u32 = 1 << 20;

thread_local! {
    /// A whole world written elsewhere, and the lists it was written of
    /// (see [`offer_world`]).
    static OFFERED: RefCell<Option<(WorldSent, Uint8Array)>> = const { RefCell::new(None) };
}

/// Offers the engine client a whole world the file worker wrote for `ws`
/// (an imported plan, [`crate::core::io::plan_parts`]): the next
/// [`EngineClient::sync_world`] of a workspace with these very lists sends
/// it as it is instead of writing it on the page. It is kept until then,
/// until another is offered, or until [`withdraw_world`].
pub fn offer_world(ws: &Workspace, bytes: Uint8Array) {
    let mut sent = WorldSent::default();
    sent.sent_whole(ws);
    OFFERED.with(|o| *o.borrow_mut() = Some((sent, bytes)));
}

/// Drops an offered world (the import was cancelled).
pub fn withdraw_world() {
    OFFERED.with(|o| o.borrow_mut().take());
}

/// A plan the page asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Job {
    pub seq: u64,
    /// The round it reads ([`crate::core::engine::canonical::Fingerprints::model`]).
    pub model: u64,
}

/// What the engine worker measured of a plan it answered.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WorkerFigures {
    /// Milliseconds the worker took to plan.
    pub plan_ms: f64,
    /// The worker's wasm memory after planning, bytes.
    pub memory: u64,
    /// Milliseconds the page spent reading the plan's bytes (over several
    /// tasks for a large plan).
    pub read_ms: f64,
}

/// What the page is told of its latest request: the plan with the
/// worker's figures, or why the worker failed.
pub struct Answer {
    pub seq: u64,
    pub outcome: Result<(Result<Plan, PlanError>, WorkerFigures), String>,
}

type OnAnswer = Rc<dyn Fn(Answer)>;

struct Running {
    worker: web_sys::Worker,
    /// Messages held until the worker says it is ready.
    queue: Option<Vec<js_sys::Object>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

struct Inner {
    running: Option<Running>,
    sent: WorldSent,
    /// The world as sent since the last whole one: replayed to a new worker.
    log: Vec<Uint8Array>,
    /// The bytes of the log, and of its largest message.
    log_bytes: usize,
    largest: usize,
    in_flight: Option<Job>,
    /// The newest request waiting for the running one (see the module).
    pending: Option<(Job, Uint8Array)>,
    /// The newest request's number.
    latest: Option<u64>,
    /// The round (model without candidates) of the running worker's last
    /// plan the page read, with its key: plans on it arrive without it
    /// ([`crate::core::engine::wire::BaseKey`]).
    base: Option<(u64, Rc<RoundModel>)>,
    on_answer: OnAnswer,
}

/// The page's handle on the engine worker.
#[derive(Clone)]
pub struct EngineClient(Rc<RefCell<Inner>>);

impl EngineClient {
    /// A client telling `on_answer` each latest plan (or a failure). The
    /// worker starts with the first request.
    pub fn new(on_answer: impl Fn(Answer) + 'static) -> EngineClient {
        EngineClient(Rc::new(RefCell::new(Inner {
            running: None,
            sent: WorldSent::default(),
            log: Vec::new(),
            log_bytes: 0,
            largest: 0,
            in_flight: None,
            pending: None,
            latest: None,
            base: None,
            on_answer: Rc::new(on_answer),
        })))
    }

    /// Whether a worker can be started here at all.
    pub fn available() -> bool {
        Reflect::get(&js_sys::global(), &JsValue::from_str("Worker")).is_ok_and(|w| w.is_function())
    }

    /// Asks for a plan of the world sent last ([`Self::sync_world`]):
    /// `request.round` and its scenario; `model` is the round's
    /// fingerprint without the weights (it changes with the world).
    pub fn request(&self, request: &PlanRequest, model: u64) {
        let job = Job {
            seq: request.seq,
            model,
        };
        let bytes = match serde_json::to_vec(request) {
            Ok(b) => Uint8Array::from(&b[..]),
            Err(e) => {
                self.tell_failure(format!("{e}"));
                return;
            }
        };
        let abandon = {
            let mut inner = self.0.borrow_mut();
            inner.latest = Some(job.seq);
            match inner.in_flight {
                None => {
                    inner.in_flight = Some(job);
                    false
                }
                // The same round: the running plan is short and builds
                // what this one needs; this one waits.
                Some(running) if running.model == job.model => {
                    inner.pending = Some((job, bytes));
                    return;
                }
                Some(_) => {
                    inner.pending = None;
                    inner.in_flight = Some(job);
                    true
                }
            }
        };
        if abandon {
            // The old worker is stopped; posting starts a new one and sends
            // it the world so far.
            self.0.borrow_mut().running = None;
        }
        self.post("plan", &bytes);
    }

    /// Sends the worker what changed of `ws`'s people, positions, agencies
    /// and competencies since the last call; whether anything did.
    pub fn sync_world(&self, ws: &Workspace) -> bool {
        // A whole world written by the file worker for this very workspace
        // (an imported plan): passed on as it is.
        let offered = OFFERED.with(|o| {
            let mut o = o.borrow_mut();
            match o.as_ref() {
                Some((sent, _)) if sent.holds(ws) => o.take().map(|(_, bytes)| bytes),
                _ => None,
            }
        });
        let (bytes, whole) = match offered {
            Some(bytes) => {
                self.0.borrow_mut().sent.sent_whole(ws);
                (bytes, true)
            }
            None => {
                let mut inner = self.0.borrow_mut();
                let Some(delta) = inner.sent.delta(ws) else {
                    return false;
                };
                let mut json = serde_json::to_vec(&delta).unwrap_or_default();
                let mut whole = delta.is_whole();
                // The log (a whole world and the changes since) is replayed
                // to a new worker; when it outgrows three times its largest
                // message, a whole world replaces it.
                if !whole
                    && inner.log_bytes + json.len() > 3 * inner.largest.max(json.len()).max(1 << 20)
                {
                    inner.sent.forget();
                    if let Some(all) = inner.sent.delta(ws) {
                        json = serde_json::to_vec(&all).unwrap_or_default();
                        whole = true;
                    }
                }
                (Uint8Array::from(&json[..]), whole)
            }
        };
        let mut inner = self.0.borrow_mut();
        if whole {
            inner.log.clear();
            inner.log_bytes = 0;
            inner.largest = 0;
        }
        let len = bytes.length() as usize;
        inner.log_bytes += len;
        inner.largest = inner.largest.max(len);
        inner.log.push(bytes.clone());
        let running = inner.running.is_some();
        drop(inner);
        if running {
            self.post("world", &bytes);
        }
        // (Without a running worker, the next post starts one and replays
        // the log, this change included.)
        true
    }

    /// Posts a message, starting a worker (sent the world so far) if none
    /// runs; held until the worker is ready.
    fn post(&self, kind: &str, bytes: &Uint8Array) {
        if self.0.borrow().running.is_none() {
            if let Err(why) = self.start() {
                self.tell_failure(why);
                return;
            }
            let log = self.0.borrow().log.clone();
            for world in &log {
                self.enqueue("world", world);
            }
            if kind == "world" {
                // The log holds it already.
                return;
            }
        }
        self.enqueue(kind, bytes);
    }

    fn enqueue(&self, kind: &str, bytes: &Uint8Array) {
        let message = js_sys::Object::new();
        let _ = Reflect::set(&message, &JsValue::from_str(kind), bytes);
        let mut inner = self.0.borrow_mut();
        // The round the page holds, when it posts (one plan is asked at a
        // time, and the page takes a new round as soon as it reads one).
        if let (true, Some((key, _))) = (kind == "plan", &inner.base) {
            let held = Uint8Array::from(&key.to_le_bytes()[..]);
            let _ = Reflect::set(&message, &JsValue::from_str("held"), &held);
        }
        if let Some(running) = inner.running.as_mut() {
            match running.queue.as_mut() {
                Some(waiting) => waiting.push(message),
                None => {
                    let _ = running.worker.post_message(&message);
                }
            }
        }
    }

    fn start(&self) -> Result<(), String> {
        let worker = web_sys::Worker::new(WORKER_URL).map_err(|e| format!("{e:?}"))?;
        let me: Weak<RefCell<Inner>> = Rc::downgrade(&self.0);
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                if let Some(inner) = me.upgrade() {
                    EngineClient(inner).on_message(ev.data());
                }
            });
        let me: Weak<RefCell<Inner>> = Rc::downgrade(&self.0);
        // A load failure is a plain Event, a script error an ErrorEvent:
        // the message is read only if there is one.
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            ev.prevent_default();
            let message = Reflect::get(&ev, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "the worker could not start".into());
            if let Some(inner) = me.upgrade() {
                EngineClient(inner).on_failure(message);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let mut inner = self.0.borrow_mut();
        // A new worker knows no round the page holds.
        inner.base = None;
        inner.running = Some(Running {
            worker,
            queue: Some(Vec::new()),
            _on_message: on_message,
            _on_error: on_error,
        });
        Ok(())
    }

    fn on_message(&self, data: JsValue) {
        let field = |name: &str| Reflect::get(&data, &JsValue::from_str(name)).ok();
        if field("ready").is_some_and(|v| v.is_truthy()) {
            let mut inner = self.0.borrow_mut();
            if let Some(running) = inner.running.as_mut() {
                for message in running.queue.take().unwrap_or_default() {
                    let _ = running.worker.post_message(&message);
                }
            }
            return;
        }
        if let Some(error) = field("error").and_then(|v| v.as_string()) {
            self.on_failure(error);
            return;
        }
        let seq = field("seq")
            .and_then(|v| v.as_f64())
            .map_or(0, |v| v as u64);
        let next = {
            let mut inner = self.0.borrow_mut();
            inner.in_flight = None;
            inner.pending.take()
        };
        if let Some((job, bytes)) = next {
            // Overtaken while it ran: its answer is dropped, the newest
            // request goes.
            self.0.borrow_mut().in_flight = Some(job);
            self.post("plan", &bytes);
            return;
        }
        if self.0.borrow().latest != Some(seq) {
            return;
        }
        let parts: Vec<Uint8Array> = field("parts")
            .filter(|v| v.is_array())
            .map(|v| {
                js_sys::Array::from(&v)
                    .iter()
                    .filter(|p| p.is_instance_of::<Uint8Array>())
                    .map(Uint8Array::from)
                    .collect()
            })
            .unwrap_or_default();
        let number = |name: &str| field(name).and_then(|v| v.as_f64()).unwrap_or(0.0);
        let (plan_ms, memory) = (number("ms"), number("memory") as u64);
        let size: u32 = parts.iter().map(Uint8Array::length).sum();
        let client = self.clone();
        let read = async move {
            let mut start = super::browser::now_ms();
            let held = client.0.borrow().base.clone();
            let mut reader = match parts.first() {
                Some(head) => {
                    PlanReader::new(&head.to_vec(), held.as_ref().map(|(k, m)| (*k, &**m)))
                }
                None => Err("the engine's answer is empty".into()),
            };
            let mut read_ms = super::browser::now_ms() - start;
            for (i, part) in parts.iter().enumerate().skip(1) {
                if reader.is_err() {
                    break;
                }
                // The first part after the head (the round, when sent) is
                // read in the head's task, so the page holds that round
                // before it can ask for another plan.
                if size > READ_AT_ONCE && i > 1 {
                    // A large plan is read a part per task: the page draws
                    // in between, and a newer request ends the reading.
                    super::browser::yield_to_browser().await;
                    if client.0.borrow().latest != Some(seq) {
                        return;
                    }
                }
                start = super::browser::now_ms();
                if let Ok(r) = reader.as_mut() {
                    if let Err(e) = r.read(&part.to_vec()) {
                        reader = Err(e);
                    } else if let Some((key, model)) = r.base_received().filter(|_| i == 1) {
                        client.0.borrow_mut().base = Some((key, Rc::new(model.clone())));
                    }
                }
                read_ms += super::browser::now_ms() - start;
            }
            let result = reader
                .and_then(PlanReader::finish)
                .unwrap_or_else(|e| Err(PlanError::Solver(e)));
            let figures = WorkerFigures {
                plan_ms,
                memory,
                read_ms,
            };
            client.answer(seq, Ok((result, figures)));
        };
        wasm_bindgen_futures::spawn_local(read);
    }

    /// The worker failed: it is dropped and the page told.
    fn on_failure(&self, why: String) {
        {
            let mut inner = self.0.borrow_mut();
            inner.running = None;
            inner.in_flight = None;
            inner.pending = None;
            inner.base = None;
        }
        self.tell_failure(why);
    }

    fn tell_failure(&self, why: String) {
        let seq = self.0.borrow().latest.unwrap_or(0);
        self.answer(seq, Err(why));
    }

    fn answer(&self, seq: u64, outcome: Result<(Result<Plan, PlanError>, WorkerFigures), String>) {
        let on_answer = self.0.borrow().on_answer.clone();
        on_answer(Answer { seq, outcome });
    }
}
