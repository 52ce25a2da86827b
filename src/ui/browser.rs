//! The few browser facts the app needs: today's date, the current time,
//! downloading a text file, reading a chosen file.

use crate::core::date::Date;
use wasm_bindgen::JsCast;

/// Today's date in the browser's time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i32,
        (now.get_month() + 1) as u8,
        now.get_date() as u8,
    )
    .unwrap_or_else(|_| crate::core::demo::DemoConfig::default().as_of)
}

/// A monotonic clock in milliseconds (`performance.now()`).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Lets the browser run its other tasks (drawing among them) first.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The current time as an ISO 8601 UTC timestamp.
/// An ISO 8601 timestamp as the user reads it: local date and time in the
/// UI's language ("3/12/2026, 08.51.10"); the text itself when it is not a
/// time.
pub fn local_time(iso: &str, lang: crate::i18n::Lang) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    let locale = match lang {
        crate::i18n::Lang::Id => "id-ID",
        crate::i18n::Lang::En => "en-GB",
    };
    date.to_locale_string(locale, &wasm_bindgen::JsValue::UNDEFINED)
        .into()
}

pub fn now_iso() -> String {
    let s: String = js_sys::Date::new_0().to_iso_string().into();
    // Drop milliseconds: 2026-11-28T09:15:00.123Z → 2026-11-28T09:15:00Z.
    match s.find('.') {
        Some(dot) => format!("{}Z", &s[..dot]),
        None => s,
    }
}

/// Offers `text` for download as `filename`.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    download(
        filename,
        mime,
        &js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text)),
    )
}

/// Offers bytes (an XLSX workbook) for download as `filename`.
/// `N` random bytes from the browser's cryptographic generator
/// (`crypto.getRandomValues`), for a salt or a nonce.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], String> {
    let mut bytes = [0u8; N];
    web_sys::window()
        .ok_or("no window")?
        .crypto()
        .map_err(|e| format!("{e:?}"))?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|e| format!("{e:?}"))?;
    Ok(bytes)
}

pub fn download_bytes(filename: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let array = js_sys::Uint8Array::from(bytes);
    download(filename, mime, &js_sys::Array::of1(&array))
}

fn download(filename: &str, mime: &str, parts: &js_sys::Array) -> Result<(), String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not an anchor".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The files chosen in the `<input type="file">` that fired `ev`.
pub fn chosen_files(ev: &web_sys::Event) -> Vec<web_sys::File> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default()
}

/// Reads a chosen file as UTF-8 text.
pub async fn read_text(file: web_sys::File) -> Result<String, String> {
    gloo_file::futures::read_as_text(&gloo_file::File::from(file))
        .await
        .map_err(|e| e.to_string())
}

/// Reads a chosen file's bytes (spreadsheets).
pub async fn read_bytes(file: web_sys::File) -> Result<Vec<u8>, String> {
    gloo_file::futures::read_as_bytes(&gloo_file::Blob::from(file))
        .await
        .map_err(|e| e.to_string())
}

/// Why a fetch gave no text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// No answer at all (offline, or the request failed): why.
    Network(String),
    /// The server answered with this HTTP status.
    Status(u16),
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::Network(why) => f.write_str(why),
            FetchError::Status(code) => write!(f, "HTTP {code}"),
        }
    }
}

/// Fetches a file beside the page (same origin, a relative name) as text;
/// the error says the HTTP status or why the request failed.
pub async fn fetch_text(name: &str) -> Result<String, FetchError> {
    use wasm_bindgen::JsCast;
    let network = |why: &str| FetchError::Network(why.to_string());
    let window = web_sys::window().ok_or_else(|| network("no window"))?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(name))
        .await
        .map_err(|e| {
            FetchError::Network(e.as_string().unwrap_or_else(|| "network error".into()))
        })?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| network("no response"))?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let text = response
        .text()
        .map_err(|_| network("unreadable response"))?;
    wasm_bindgen_futures::JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| network("unreadable response"))
}

/// The MIME type of an XLSX workbook.
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Registers a service worker written at build time beside the pages
/// (`sw.js` for the planner, `kartu-sw.js` scoped to the card page) so the
/// page opens offline after one visit. Without service-worker support (or on
/// failure) the app simply works online.
pub fn register_service_worker(script: &str, scope: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    if js_sys::Reflect::has(
        &navigator,
        &wasm_bindgen::JsValue::from_str("serviceWorker"),
    )
    .unwrap_or(false)
    {
        let container = navigator.service_worker();
        let _ = match scope {
            Some(scope) => {
                let options = web_sys::RegistrationOptions::new();
                options.set_scope(scope);
                container.register_with_options(script, &options)
            }
            None => container.register(script),
        };
    }
}
