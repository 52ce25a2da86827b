//! Running file jobs ([`crate::core::io::file_jobs`]) from the page: in the
//! file worker (`files-worker_loader.js`, started on first use and kept), or
//! in the page itself when a runner was set (browser tests, which have no
//! built worker). The page never calls the spreadsheet crates directly, so
//! they are not part of its wasm.

use crate::core::io::file_jobs::{FileJob, FileOutcome, Progress};
use crate::core::io::sheet::Sheet;
use js_sys::{Promise, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where the worker's loader is, relative to the page.
const WORKER_URL: &str = "./files-worker_loader.js";

/// A function that runs a job in the page.
pub type Runner = fn(FileJob, &[u8]) -> (FileOutcome, Vec<u8>);

/// What is told of a job's progress.
pub type OnProgress = Rc<dyn Fn(Progress)>;

/// Per waiting job: resolve, reject, and who hears its progress.
type Pending = Rc<RefCell<HashMap<u32, (js_sys::Function, js_sys::Function, Option<OnProgress>)>>>;

struct Client {
    worker: web_sys::Worker,
    /// Messages held until the worker says it is ready (before that, a
    /// posted message would be dropped).
    queue: Rc<RefCell<Option<Vec<js_sys::Object>>>>,
    pending: Pending,
    next: u32,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    static RUNNER: Cell<Option<Runner>> = const { Cell::new(None) };
}

/// Runs jobs in the page with `runner` instead of the worker (tests).
pub fn run_in_page(runner: Runner) {
    RUNNER.set(Some(runner));
}

fn start() -> Result<Client, String> {
    let worker = web_sys::Worker::new(WORKER_URL).map_err(|e| format!("{e:?}"))?;
    let pending: Pending = Rc::default();
    let replies = pending.clone();
    let queue: Rc<RefCell<Option<Vec<js_sys::Object>>>> = Rc::new(RefCell::new(Some(Vec::new())));
    let flush = queue.clone();
    let target = worker.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let data = ev.data();
            if Reflect::get(&data, &JsValue::from_str("ready")).is_ok_and(|v| v.is_truthy()) {
                for message in flush.borrow_mut().take().unwrap_or_default() {
                    send(&target, &message);
                }
                return;
            }
            let id = Reflect::get(&data, &JsValue::from_str("id"))
                .ok()
                .and_then(|v| v.as_f64())
                .map_or(u32::MAX, |v| v as u32);
            if let Some(progress) = Reflect::get(&data, &JsValue::from_str("progress"))
                .ok()
                .and_then(|v| v.as_string())
            {
                let told = replies.borrow().get(&id).and_then(|(_, _, p)| p.clone());
                if let (Some(told), Ok(p)) = (told, serde_json::from_str::<Progress>(&progress)) {
                    told(p);
                }
                return;
            }
            if let Some((resolve, _, _)) = replies.borrow_mut().remove(&id) {
                let _ = resolve.call1(&JsValue::NULL, &data);
            }
        });
    let failures = pending.clone();
    let on_error =
        Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |ev: web_sys::ErrorEvent| {
            // The worker died (or could not load): every waiting call fails, and
            // the next call starts a new worker.
            let message = JsValue::from_str(&format!("file worker: {}", ev.message()));
            for (_, (_, reject, _)) in failures.borrow_mut().drain() {
                let _ = reject.call1(&JsValue::NULL, &message);
            }
            CLIENT.with(|c| {
                if let Ok(mut c) = c.try_borrow_mut() {
                    c.take();
                }
            });
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Client {
        worker,
        queue,
        pending,
        next: 0,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Posts a job message, handing its bytes over without a copy.
fn send(worker: &web_sys::Worker, message: &js_sys::Object) {
    let transfer = Reflect::get(message, &JsValue::from_str("bytes"))
        .ok()
        .filter(|v| v.is_instance_of::<Uint8Array>())
        .map(|v| js_sys::Array::of1(&Uint8Array::from(v).buffer()))
        .unwrap_or_default();
    let _ = worker.post_message_with_transfer(message, &transfer);
}

/// Runs a job on input bytes; the outcome and output bytes.
pub async fn run(job: &FileJob, input: &[u8]) -> Result<(FileOutcome, Vec<u8>), String> {
    run_with_progress(job, input, None).await
}

/// [`run`], telling `progress` how far the job is (from the worker; a job
/// run in the page tells nothing).
pub async fn run_with_progress(
    job: &FileJob,
    input: &[u8],
    progress: Option<OnProgress>,
) -> Result<(FileOutcome, Vec<u8>), String> {
    if let Some(runner) = RUNNER.get() {
        return Ok(runner(job.clone(), input));
    }
    let json = serde_json::to_string(job).map_err(|e| e.to_string())?;
    let promise = CLIENT.with(|cell| -> Result<Promise, String> {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = Some(start()?);
        }
        let client = slot.as_mut().ok_or("no worker")?;
        client.next = client.next.wrapping_add(1);
        let id = client.next;
        let pending = client.pending.clone();
        let promise = Promise::new(&mut |resolve, reject| {
            pending
                .borrow_mut()
                .insert(id, (resolve, reject, progress.clone()));
        });
        let message = js_sys::Object::new();
        let bytes = Uint8Array::from(input);
        let _ = Reflect::set(&message, &JsValue::from_str("id"), &JsValue::from(id));
        let _ = Reflect::set(
            &message,
            &JsValue::from_str("job"),
            &JsValue::from_str(&json),
        );
        let _ = Reflect::set(&message, &JsValue::from_str("bytes"), &bytes);
        match client.queue.borrow_mut().as_mut() {
            Some(waiting) => waiting.push(message),
            None => send(&client.worker, &message),
        }
        Ok(promise)
    })?;
    let reply = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?;
    let outcome = Reflect::get(&reply, &JsValue::from_str("outcome"))
        .ok()
        .and_then(|v| v.as_string())
        .ok_or("the file worker sent no outcome")?;
    let outcome: FileOutcome = serde_json::from_str(&outcome).map_err(|e| e.to_string())?;
    let bytes = Reflect::get(&reply, &JsValue::from_str("bytes"))
        .ok()
        .filter(|v| v.is_instance_of::<Uint8Array>())
        .map(|v| Uint8Array::from(v).to_vec())
        .unwrap_or_default();
    Ok((outcome, bytes))
}

/// Reads a spreadsheet (a named sheet of a workbook, or the first with data)
/// in the worker; an error is said in `lang`.
pub async fn read_sheet(
    name: &str,
    bytes: &[u8],
    sheet: Option<&str>,
    lang: crate::i18n::Lang,
) -> Result<Sheet, String> {
    let job = FileJob::ReadSheet {
        name: name.to_string(),
        sheet: sheet.map(str::to_string),
    };
    match run(&job, bytes).await? {
        (FileOutcome::Sheet(s), _) => Ok(s),
        (FileOutcome::SheetFailed(e), _) => Err(crate::messages::Message::message(&e, lang)),
        (FileOutcome::Error(e), _) => Err(e),
        _ => Err("unexpected reply".into()),
    }
}

/// Writes a file (XLSX) and returns its bytes.
pub async fn write(job: FileJob) -> Result<Vec<u8>, String> {
    match run(&job, &[]).await? {
        (FileOutcome::Bytes, bytes) => Ok(bytes),
        (FileOutcome::Error(e), _) => Err(e),
        _ => Err("unexpected reply".into()),
    }
}

/// Seals a plan file's text with a passphrase in the worker (fresh salt and
/// nonce from the browser); the sealed file's bytes, or why not, in `lang`.
pub async fn seal(
    text: &str,
    passphrase: &str,
    lang: crate::i18n::Lang,
) -> Result<Vec<u8>, String> {
    let job = FileJob::Seal {
        passphrase: passphrase.to_string(),
        salt: super::browser::random_bytes()?,
        nonce: super::browser::random_bytes()?,
    };
    match run(&job, text.as_bytes()).await? {
        (FileOutcome::Bytes, bytes) => Ok(bytes),
        (FileOutcome::SealFailed(e), _) => Err(crate::messages::Message::message(&e, lang)),
        (FileOutcome::Error(e), _) => Err(e),
        _ => Err("unexpected reply".into()),
    }
}

/// Opens a sealed file in the worker: the plan file's text, or why not
/// (typed: a wrong passphrase is asked again); the outer error is the
/// worker's own failure.
pub async fn open(
    text: &str,
    passphrase: &str,
) -> Result<Result<String, crate::core::io::sealed::SealError>, String> {
    let job = FileJob::Open {
        passphrase: passphrase.to_string(),
    };
    match run(&job, text.as_bytes()).await? {
        (FileOutcome::Bytes, bytes) => String::from_utf8(bytes).map(Ok).map_err(|e| e.to_string()),
        (FileOutcome::SealFailed(e), _) => Ok(Err(e)),
        (FileOutcome::Error(e), _) => Err(e),
        _ => Err("unexpected reply".into()),
    }
}

/// Derives a new storage key from a passphrase in the worker (fresh salt);
/// why not in `lang`.
pub async fn new_key(
    passphrase: &str,
    lang: crate::i18n::Lang,
) -> Result<crate::core::io::sealed::SealKey, String> {
    let job = FileJob::NewKey {
        passphrase: passphrase.to_string(),
        salt: super::browser::random_bytes()?,
    };
    match run(&job, &[]).await? {
        (FileOutcome::Key(key), _) => Ok(key),
        (FileOutcome::SealFailed(e), _) => Err(crate::messages::Message::message(&e, lang)),
        (FileOutcome::Error(e), _) => Err(e),
        _ => Err("unexpected reply".into()),
    }
}

/// Unlocks a locked entry's sealed data in the worker: the key (the plan
/// inside is read again with it), or why not, typed.
pub async fn unlock(
    data: &str,
    passphrase: &str,
) -> Result<Result<crate::core::io::sealed::SealKey, crate::core::io::sealed::SealError>, String> {
    let job = FileJob::Unlock {
        passphrase: passphrase.to_string(),
    };
    match run(&job, data.as_bytes()).await? {
        (FileOutcome::Key(key), _) => Ok(Ok(key)),
        (FileOutcome::SealFailed(e), _) => Ok(Err(e)),
        (FileOutcome::Error(e), _) => Err(e),
        _ => Err("unexpected reply".into()),
    }
}

/// Stops the worker, dropping what it holds (the spreadsheet read last);
/// a job still waiting fails, and the next job starts a new worker. True
/// when one was running.
pub fn stop() -> bool {
    let Some(client) = CLIENT.with(|c| c.try_borrow_mut().ok().and_then(|mut c| c.take())) else {
        return false;
    };
    client.worker.terminate();
    let stopped = JsValue::from_str("file worker stopped");
    for (_, (_, reject, _)) in client.pending.borrow_mut().drain() {
        let _ = reject.call1(&JsValue::NULL, &stopped);
    }
    true
}

/// Analyses a file for an import in the worker (which keeps the sheet it
/// read last, so another mapping does not read the file again), telling
/// `progress`; an error is said in `lang`.
pub async fn analyse(
    file: (&str, &[u8]),
    sheet: Option<&str>,
    kind: crate::core::io::table_import::ImportKind,
    mapping: crate::core::io::table_import::Mapping,
    workspace: crate::core::model::Workspace,
    progress: OnProgress,
    lang: crate::i18n::Lang,
) -> Result<crate::core::io::table_import::Analysis, String> {
    let job = FileJob::Analyse {
        name: file.0.to_string(),
        sheet: sheet.map(str::to_string),
        kind,
        mapping,
        workspace: Box::new(workspace),
    };
    match run_with_progress(&job, file.1, Some(progress)).await? {
        (FileOutcome::Analysed(a), _) => Ok(*a),
        (FileOutcome::SheetFailed(e), _) => Err(crate::messages::Message::message(&e, lang)),
        (FileOutcome::Error(e), _) => Err(e),
        _ => Err("unexpected reply".into()),
    }
}
