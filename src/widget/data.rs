//! Loading the dataset: one download and one parse per URL, shared by every
//! box on the page.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_net::http::{Request, Response};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCredentials, RequestInit};

use super::{log_error, log_warn, phase};
use crate::model::address::slice_path;
use crate::model::dataset::Dataset;
use crate::model::key::OfficialKey;
use crate::model::read::{read_dataset, ReadError};
use crate::model::text::cut;
use crate::model::validate::{DisplayCheck, Problem, Rule, Scope};
use crate::texts::Texts;

/// Why a box has nothing to show. Cloned into every box that shares a URL.
#[derive(Clone, Debug)]
pub enum LoadError {
    /// The request did not complete (offline, DNS, CORS, blocked).
    Network,
    /// The server answered with an error status.
    Status(u16),
    /// The response is not JSON.
    NotJson,
    /// JSON, but not a dataset of the expected shape.
    Shape,
    /// A dataset whose content cannot be trusted as a whole.
    Invalid,
    /// A dataset of a schema version this box cannot read.
    Version,
    /// No complete answer within the time limit (`data-timeout`).
    Timeout,
    /// The answer is larger than the limit (`data-max-size`).
    TooLarge,
}

impl LoadError {
    /// What the reader is told, in the reader's language.
    pub fn reader_message(&self, texts: &Texts) -> String {
        match self {
            LoadError::Network => texts.error_network.to_owned(),
            LoadError::Status(code) => (texts.error_status)(*code),
            LoadError::NotJson => texts.error_not_data.to_owned(),
            LoadError::Shape | LoadError::Invalid => texts.error_data.to_owned(),
            LoadError::Version => texts.error_version.to_owned(),
            LoadError::Timeout => texts.error_timeout.to_owned(),
            LoadError::TooLarge => texts.error_too_large.to_owned(),
        }
    }

    /// True when the same download may work a moment later (offline, a
    /// timeout, a busy or failing server); broken data will not.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            LoadError::Network | LoadError::Timeout | LoadError::Status(408 | 429 | 500..=599)
        )
    }
}

/// What a box shows: the dataset, and the day it was saved when it is the
/// last good copy kept in the browser because the download failed.
pub struct Found {
    /// The checked dataset.
    pub dataset: Rc<Dataset>,
    /// Day (`YYYY-MM-DD`, the reader's local date) the copy was saved, if
    /// the box shows a saved copy.
    pub saved_on: Option<String>,
}

type Loaded = Result<Rc<Dataset>, LoadError>;

/// How long a download may take and how large it may be, from the box's
/// tag; a download shared by several boxes uses the limits of the box that
/// started it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    /// Milliseconds until a download is given up (`data-timeout`, default 10 s).
    pub timeout_ms: u32,
    /// Largest answer accepted, in bytes (`data-max-size`, default 5 MiB).
    pub max_bytes: u32,
}

impl Limits {
    /// The limits from the loader's numbers; 0 (not given) means the default.
    pub fn new(timeout_ms: u32, max_bytes: u32) -> Self {
        let or = |value: u32, default: u32| if value == 0 { default } else { value };
        Limits {
            timeout_ms: or(timeout_ms, 10_000),
            max_bytes: or(max_bytes, 5 << 20),
        }
    }
}

/// Where the outcome of a load is kept for the boxes that wait for it.
type Outcome = Rc<RefCell<Option<Loaded>>>;

thread_local! {

    /// One load per dataset URL, running or done: the promise is resolved
    /// when the outcome is there. (A few entries per page: a vector is
    /// smaller in the wasm than a map. Shared by hand, not with
    /// `futures::future::Shared`, whose machinery cost 1.7 KiB brotli.)
    static LOADS: RefCell<Vec<(String, js_sys::Promise, Outcome)>> =
        const { RefCell::new(Vec::new()) };
    /// Downloads the loader started before the wasm was ready, by URL.
    static PREFETCHED: RefCell<Vec<(String, js_sys::Promise)>> = const { RefCell::new(Vec::new()) };
}

/// Remembers the loader's already running download of `url`, if any (a
/// promise of the text, or of the error status as a number).
pub fn offer_prefetch(url: &str, prefetched: JsValue) {
    if let Ok(promise) = prefetched.dyn_into::<js_sys::Promise>() {
        PREFETCHED.with(|p| {
            let mut p = p.borrow_mut();
            if !p.iter().any(|(u, _)| u == url) {
                p.push((url.to_owned(), promise));
            }
        });
    }
}

/// The dataset at `url`, downloaded and checked once per page. With
/// `missing_ok`, an answer 404 logs nothing (a slice, which may simply not
/// be published); every other failure is said.
async fn load(url: String, missing_ok: bool, limits: Limits) -> Loaded {
    let running = LOADS.with(|loads| {
        let loads = loads.borrow();
        let (_, promise, outcome) = loads.iter().find(|(u, ..)| *u == url)?;
        Some((promise.clone(), Rc::clone(outcome)))
    });
    if let Some((done, outcome)) = running {
        if outcome.borrow().is_none() {
            let _ = JsFuture::from(done).await;
        }
        let kept = outcome.borrow().clone();
        return kept.unwrap_or(Err(LoadError::Network));
    }
    let mut resolve = None;
    let done = js_sys::Promise::new(&mut |ready, _| resolve = Some(ready));
    let outcome = Outcome::default();
    LOADS.with(|loads| {
        loads
            .borrow_mut()
            .push((url.clone(), done, Rc::clone(&outcome)))
    });
    let loaded = fetch_and_check(url.clone(), missing_ok, limits).await;
    *outcome.borrow_mut() = Some(loaded.clone());
    if loaded.is_err() {
        // Forget a failure (the boxes waiting for it still get it), so
        // that "Erneut versuchen" downloads again.
        LOADS.with(|loads| loads.borrow_mut().retain(|(u, ..)| *u != url));
    }
    if let Some(ready) = resolve {
        let _ = ready.call0(&JsValue::NULL);
    }
    loaded
}

/// Where the published slice of `key` lies for a dataset at `dataset_url`:
/// its area's slice ([`slice_path`]) in the dataset's folder. Only data on
/// the web have a folder with slices beside them (a `blob:` or `data:`
/// address has none): `None` otherwise.
pub fn slice_url(dataset_url: &str, key: &OfficialKey) -> Option<String> {
    if !(dataset_url.starts_with("https://") || dataset_url.starts_with("http://")) {
        return None;
    }
    let (path, _) = cut(dataset_url, b"?#");
    // The folder: everything up to the last '/'. Cut with `split_at_checked`
    // and joined with `concat`, not `&path[..=i]` and `format!`: indexing a
    // str links its panic message's formatting into the wasm (3.5 KB); and
    // found by bytes, as `cut` does.
    let folder = path
        .bytes()
        .rposition(|b| b == b'/')
        .and_then(|i| path.split_at_checked(i + 1))
        .map_or("", |(folder, _)| folder);
    Some([folder, &slice_path(key)].concat())
}

/// The one published file that holds everything `host` shows: its area's
/// slice (the loader has usually started that download already). Only
/// where no slices are published (the slice answers 404) the full dataset
/// at `dataset_url`.
pub async fn load_for_host(
    host: &OfficialKey,
    dataset_url: &str,
    limits: Limits,
) -> Result<Found, LoadError> {
    let urls: Vec<String> = slice_url(dataset_url, host)
        .into_iter()
        .chain([dataset_url.to_owned()])
        .collect();
    let mut failure = LoadError::Network;
    for (at, url) in urls.iter().enumerate() {
        // A missing slice is not an error yet: the dataset may be published
        // without slices. Only the last try speaks.
        match load(url.clone(), at + 1 < urls.len(), limits).await {
            Ok(dataset) => {
                return Ok(Found {
                    dataset,
                    saved_on: None,
                })
            }
            Err(e @ LoadError::Status(404)) => failure = e,
            Err(e) => {
                failure = e;
                break;
            }
        }
    }
    if failure.is_transient() {
        // The network or the server failed: the last good copy, if any.
        for url in &urls {
            if let Some((text, saved_on)) = saved_copy(url).await {
                if let Ok(dataset) = check(url, &text, true).await {
                    log_warn(&format!(
                        "showing the copy of {url} saved on {saved_on}: the download failed"
                    ));
                    return Ok(Found {
                        dataset: Rc::new(dataset),
                        saved_on: Some(saved_on),
                    });
                }
            }
        }
    }
    Err(failure)
}

/// Name of the box's store in the host origin's Cache Storage.
const CACHE: &str = "digitale-partnerschaften";
/// Response header of a saved copy that holds the day it was saved.
const SAVED_ON: &str = "x-saved-on";

/// The origin's Cache Storage, where the page may use it (secure contexts).
fn cache_storage() -> Option<web_sys::CacheStorage> {
    web_sys::window()?.caches().ok()
}

/// Keeps `text`, the checked dataset at `url`, as the last good copy.
/// Best effort: without Cache Storage (insecure page, private mode, full
/// quota) the box simply has no copy.
fn save_copy(url: &str, text: &str) {
    let (Some(storage), Ok(headers)) = (cache_storage(), web_sys::Headers::new()) else {
        return;
    };
    let today = js_sys::Date::new_0();
    let day = format!(
        "{:04}-{:02}-{:02}",
        today.get_full_year(),
        today.get_month() + 1,
        today.get_date()
    );
    let init = web_sys::ResponseInit::new();
    if headers.set(SAVED_ON, &day).is_err() {
        return;
    }
    init.set_headers(&headers);
    let Ok(response) = web_sys::Response::new_with_opt_str_and_init(Some(text), &init) else {
        return;
    };
    let url = url.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(cache) = JsFuture::from(storage.open(CACHE)).await {
            let cache: web_sys::Cache = cache.unchecked_into();
            let _ = JsFuture::from(cache.put_with_str(&url, &response)).await;
        }
    });
}

/// The last good copy of `url` and the day it was saved, if one is kept.
async fn saved_copy(url: &str) -> Option<(String, String)> {
    let cache: web_sys::Cache = JsFuture::from(cache_storage()?.open(CACHE))
        .await
        .ok()?
        .unchecked_into();
    let response: web_sys::Response = JsFuture::from(cache.match_with_str(url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let saved_on = response.headers().get(SAVED_ON).ok()??;
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    Some((text, saved_on))
}

/// The loader's download of `url`, if it started one (taken once: a retry
/// downloads again).
fn take_prefetched(url: &str) -> Option<js_sys::Promise> {
    PREFETCHED.with(|p| {
        let mut p = p.borrow_mut();
        let at = p.iter().position(|(u, _)| u == url)?;
        Some(p.swap_remove(at).1)
    })
}

/// The answer `status` of `url` as a failure, said to the webmaster unless
/// it is a 404 that is allowed (`missing_ok`).
fn refused(url: &str, missing_ok: bool, status: u16) -> LoadError {
    if !(missing_ok && status == 404) {
        log_error(&["the dataset ", url, " answered HTTP ", &status.to_string()].concat());
    }
    LoadError::Status(status)
}

fn network_failure(url: &str, detail: &str) -> LoadError {
    log_error(&["could not fetch the dataset ", url, ": ", detail].concat());
    LoadError::Network
}

/// The text at `url`, at most `limits.max_bytes` long.
async fn download(url: &str, missing_ok: bool, limits: Limits) -> Result<String, LoadError> {
    let text = fetch_text(url, missing_ok, limits).await?;
    if text.len() > limits.max_bytes as usize {
        return Err(LoadError::TooLarge);
    }
    Ok(text)
}

/// The text at `url`: the loader's download if it started one (it hands
/// over the text, or the error status as a number), else a request of our
/// own.
async fn fetch_text(url: &str, missing_ok: bool, limits: Limits) -> Result<String, LoadError> {
    if let Some(promise) = take_prefetched(url) {
        // Already read by the loader: taking it costs no turn of the event
        // loop (reading the body here took one, and a frame with it).
        let answer = JsFuture::from(promise).await;
        phase::mark("slice");
        return match answer {
            Ok(answer) => match answer.as_string() {
                Some(text) => Ok(text),
                None => Err(refused(
                    url,
                    missing_ok,
                    answer.as_f64().unwrap_or(0.0) as u16,
                )),
            },
            Err(error) => Err(network_failure(url, &js_error_message(&error))),
        };
    }
    // No cookies: the dataset is public and the box must not track. The
    // request is made here and handed to gloo-net to send: its builder
    // parses the URL to merge query parameters the box never sets (1.2 KB
    // of wasm and six imports, measured).
    let init = RequestInit::new();
    init.set_credentials(RequestCredentials::Omit);
    let request = web_sys::Request::new_with_str_and_init(url, &init)
        .map_err(|error| network_failure(url, &js_error_message(&error)))?;
    let response: Response = Request::from(request).send().await.map_err(|e| {
        let detail = match e {
            // Only the JS error's own message: formatting gloo's whole
            // error type would link serde_json's messages into the wasm.
            gloo_net::Error::JsError(js) => js.message,
            _ => "request failed".to_owned(),
        };
        network_failure(url, &detail)
    })?;
    if !response.ok() {
        return Err(refused(url, missing_ok, response.status()));
    }
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|length| length.parse::<u64>().ok());
    if declared.is_some_and(|length| length > u64::from(limits.max_bytes)) {
        return Err(LoadError::TooLarge);
    }
    response.text().await.map_err(|_| {
        log_error(&["could not read the dataset ", url].concat());
        LoadError::Network
    })
}

async fn fetch_and_check(url: String, missing_ok: bool, limits: Limits) -> Loaded {
    let answer = download(&url, missing_ok, limits);
    let timer = sleep(limits.timeout_ms);
    let text = match futures::future::select(std::pin::pin!(answer), std::pin::pin!(timer)).await {
        futures::future::Either::Left((text, _)) => text,
        futures::future::Either::Right(_) => Err(LoadError::Timeout),
    };
    let text = text.map_err(|e| {
        match e {
            // In milliseconds: formatting a float would link Rust's float
            // printing into the wasm (measured ~1 KiB brotli).
            LoadError::Timeout => log_error(&format!(
                "the dataset {url} did not arrive within {} ms (data-timeout)",
                limits.timeout_ms
            )),
            LoadError::TooLarge => log_error(&format!(
                "the dataset {url} is larger than the limit of {} bytes (data-max-size)",
                limits.max_bytes
            )),
            _ => {}
        }
        e
    })?;
    let dataset = check(&url, &text, false).await?;
    // Kept as the last good copy once the box has shown the data (a task
    // of its own after this one): the copy is not what the reader waits for.
    wasm_bindgen_futures::spawn_local(async move {
        yield_to_host().await;
        save_copy(&url, &text);
    });
    Ok(Rc::new(dataset))
}

/// Parses and checks the dataset text from `url`, telling the webmaster
/// (unless `quiet`) what makes it unusable. Partnerships with errors are
/// left out.
async fn check(url: &str, text: &str, quiet: bool) -> Result<Dataset, LoadError> {
    // Read in the wasm in one pass: no value crosses from JS, and the
    // reader is smaller than the serde visitors the conversion needed.
    let dataset = read_dataset(text).map_err(|e| unreadable(url, text, &e, quiet))?;
    // A pause for the host page only where there is much to do: a host's
    // usual slice (a few KB) is read and checked in a few milliseconds, and
    // each pause costs a turn of the event loop.
    if text.len() > LARGE_TEXT {
        yield_to_host().await;
    }
    // Only what would make the box show something wrong is checked here
    // (`DisplayCheck`); the rest, warnings included, is the maintainers'
    // validator's. Checked a chunk at a time, the host page running in
    // between.
    phase::mark("read");
    let mut validator = DisplayCheck::new(&dataset);
    let total = dataset.partnerships.len();
    let mut start = 0;
    while start < total {
        let end = total.min(start + CHUNK as usize);
        validator.partnerships(start..end);
        start = end;
        if start < total {
            yield_to_host().await;
        }
    }
    let problems: Vec<Problem> = validator
        .finish()
        .into_iter()
        .filter(Problem::is_error)
        .collect();
    phase::mark("checked");
    if problems.is_empty() {
        return Ok(dataset);
    }
    judged(url, dataset, &problems, quiet)
}

// The two outcomes below are functions of their own, never inlined into
// `check`: the browser compiles a wasm function whole at its first call,
// so the messages of data that is not read or not well would otherwise be
// compiled for every box that loads good data.

/// The failure of a text that could not be read as a dataset, said to the
/// webmaster (unless `quiet`).
#[cold]
#[inline(never)]
fn unreadable(url: &str, text: &str, e: &ReadError, quiet: bool) -> LoadError {
    let (what, failure) = match e {
        // A wrong data-src often points at a web page (or a CMS's error page).
        ReadError::Syntax { .. } if text.trim_start().starts_with('<') => (
            "is HTML, not JSON: does data-src name the dataset's address?".to_owned(),
            LoadError::NotJson,
        ),
        ReadError::Syntax { .. } if e.is_cut_off() => {
            (format!("is not complete JSON: {e}"), LoadError::NotJson)
        }
        ReadError::Syntax { .. } => (format!("is not JSON: {e}"), LoadError::NotJson),
        _ => (
            format!("does not have the expected shape: {e}"),
            LoadError::Shape,
        ),
    };
    if !quiet {
        log_error(&format!("the dataset {url} {what}"));
    }
    failure
}

/// The dataset with `problems` (errors only): said to the webmaster (unless
/// `quiet`), then the dataset without the partnerships that have errors,
/// or the failure when the dataset as a whole cannot be shown.
#[cold]
#[inline(never)]
fn judged(
    url: &str,
    mut dataset: Dataset,
    problems: &[Problem],
    quiet: bool,
) -> Result<Dataset, LoadError> {
    for problem in problems {
        let message = format!("dataset {url}: {problem}");
        // A link that is not http(s) is shown as plain text (the view links
        // only web addresses); everything else is unusable.
        match (problem.rule, problem.scope) {
            _ if quiet => {}
            (Rule::BadUrl, _) => log_warn(&format!("{message} (shown as text, not as a link)")),
            (_, Scope::Dataset) => log_error(&message),
            (_, Scope::Partnership(_)) => {
                log_warn(&format!("{message} (this partnership is left out)"))
            }
        }
    }
    if problems.iter().any(|p| p.rule == Rule::SchemaVersion) {
        return Err(LoadError::Version);
    }
    if problems
        .iter()
        .any(|p| p.scope == Scope::Dataset && p.rule != Rule::BadUrl)
    {
        return Err(LoadError::Invalid);
    }
    // Leave out only the partnerships that have errors; show the rest.
    let broken: Vec<usize> = problems
        .iter()
        .filter(|p| p.rule != Rule::BadUrl)
        .filter_map(|p| match p.scope {
            Scope::Partnership(i) => Some(i),
            Scope::Dataset => None,
        })
        .collect();
    let mut index = 0;
    dataset.partnerships.retain(|_| {
        let keep = !broken.contains(&index);
        index += 1;
        keep
    });
    Ok(dataset)
}

/// Data text longer than this (bytes) gets pauses for the host page between
/// reading and checking (a Land's slice; a Kreis's is ~5 KB).
const LARGE_TEXT: usize = 64 * 1024;

/// How many partnerships are checked between two pauses for the host page
/// (a Land's slice holds thousands).
const CHUNK: u32 = 100;

/// Resolves after `ms` milliseconds (a `setTimeout` macrotask); at once if
/// no timer can be set (no window: nothing to wait for).
async fn sleep(ms: u32) {
    let pause = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window()
            .map(|window| {
                window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(
                        &resolve,
                        ms.min(i32::MAX as u32) as i32,
                    )
                    .is_ok()
            })
            .unwrap_or(false);
        if !scheduled {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(pause).await;
}

/// Lets the host page run (input, rendering, its own scripts) before the
/// next step.
pub async fn yield_to_host() {
    sleep(0).await;
}

thread_local! {
    /// The time of the animation frame in which a box last showed its content.
    static CLAIMED_FRAME: Cell<f64> = const { Cell::new(-1.0) };
    /// A box showed its content since the last frame.
    static WAITING_FOR_FRAME: Cell<bool> = const { Cell::new(false) };
}

/// Waits for an animation frame in which no other box of the page shows its
/// content, so the browser lays out one box's content per frame: twenty
/// boxes whose data arrive together would otherwise be laid out in one
/// long frame (measured: 43–61 ms of style and layout). Returns at once
/// when no other box showed content since the last frame (a page with one
/// box waits for nothing), or when the page draws no frames (a hidden tab).
pub async fn own_frame() {
    if !WAITING_FOR_FRAME.with(|waiting| waiting.replace(true)) {
        // The next frame draws this box: keep it for this box.
        wasm_bindgen_futures::spawn_local(async {
            if let Some(frame) = next_frame().await {
                CLAIMED_FRAME.with(|claimed| claimed.set(frame));
            }
            WAITING_FOR_FRAME.with(|waiting| waiting.set(false));
        });
        return;
    }
    loop {
        let Some(frame) = next_frame().await else {
            return;
        };
        if CLAIMED_FRAME.with(|claimed| claimed.replace(frame)) != frame {
            return;
        }
    }
}

/// The time of the next animation frame (all callbacks of one frame get the
/// same), or `None` after 100 ms without one.
async fn next_frame() -> Option<f64> {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        // The same resolve for both: whichever comes first counts.
        if let Some(window) = web_sys::window() {
            let _ = window.request_animation_frame(&resolve);
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
        } else {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    JsFuture::from(frame)
        .await
        .ok()
        .and_then(|time| time.as_f64())
}

/// The message of a thrown JS value (without Rust's Debug formatting, which
/// costs bytes in the wasm).
fn js_error_message(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}
