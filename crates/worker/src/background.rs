//! The service worker: takes in stage events (content script, popup, helper), keeps the log in
//! `chrome.storage.local`, keeps reminder alarms in step with the records and syncs with the helper.
//!
//! The worker can be stopped at any moment, so nothing lives only in memory: every operation reads
//! storage, changes it and writes it back, and operations run one after another (a promise chain) so
//! two messages arriving together cannot overwrite each other's writes.

use std::cell::RefCell;

use beian_tracker::{mask_pii, Event, EventDetail, EventSource, Stage, Timestamp};
use js_sys::Promise;
use serde::Deserialize;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

use crate::chrome;
use crate::i18n::Lang;
use crate::reminders;
use crate::store::{self, Accepted, Merge, StoreError, StoreErrors, Stored};
use crate::sync;

thread_local! {
    /// The last queued operation; the next one starts when it settles.
    static QUEUE_TAIL: RefCell<Option<Promise>> = const { RefCell::new(None) };
    /// Storage errors of this worker's life, also kept here because when storage is full the
    /// write that records the error fails too; the popup gets them with the sync reply.
    static SESSION_ERRORS: RefCell<StoreErrors> = RefCell::new(StoreErrors::default());
}

/// Runs `op` after every previously queued operation has settled (whatever its outcome).
fn queued<F>(op: F) -> Promise
where
    F: std::future::Future<Output = Result<JsValue, JsValue>> + 'static,
{
    let previous = QUEUE_TAIL.with(|t| t.borrow_mut().take());
    let promise = future_to_promise(async move {
        if let Some(previous) = previous {
            let _ = JsFuture::from(previous).await;
        }
        op.await
    });
    QUEUE_TAIL.with(|t| *t.borrow_mut() = Some(promise.clone()));
    promise
}

pub fn now() -> Timestamp {
    Timestamp::from_unix_beijing((chrome::now_ms() / 1000.0).floor() as i64)
}

pub async fn load() -> Stored {
    match chrome::storage_get(&store::ALL_KEYS).await {
        Ok(json) => Stored::from_storage_json(&json, now()),
        Err(message) => {
            let mut stored = Stored { unreadable: true, ..Stored::default() };
            let error = StoreError { at: now().to_rfc3339(), operation: "read".into(), message };
            SESSION_ERRORS.with(|e| e.borrow_mut().push(error.clone()));
            stored.store_errors.push(error);
            stored
        }
    }
}

/// Writes the given keys of `stored`. On failure (quota) the error is recorded in a second, small
/// write so the popup can show it; the returned `Err` carries the message to the caller too.
pub async fn save(stored: &mut Stored, keys: &[&str]) -> Result<(), String> {
    if stored.unreadable {
        return Err("storage could not be read, so nothing is written over it".into());
    }
    let mut items = serde_json::Map::new();
    let all = match serde_json::to_value(&*stored) {
        Ok(Value::Object(map)) => map,
        _ => return Err("cannot serialise the store".into()),
    };
    for key in keys {
        if let Some(v) = all.get(*key) {
            items.insert((*key).to_owned(), v.clone());
        }
    }
    let result = chrome::storage_set(&Value::Object(items).to_string()).await;
    if let Err(message) = &result {
        let error = StoreError {
            at: now().to_rfc3339(),
            operation: format!("write {}", keys.join(",")),
            message: message.clone(),
        };
        SESSION_ERRORS.with(|e| e.borrow_mut().push(error.clone()));
        stored.store_errors.push(error);
        let errors = json!({ store::KEY_ERRORS: stored.store_errors }).to_string();
        if let Err(second) = chrome::storage_set(&errors).await {
            web_sys::console::error_1(&format!("beian: storage write failed twice: {message}; {second}").into());
        }
    }
    result
}

/// Called once per worker start (every wake-up): re-creates the alarms from the stored records and
/// syncs with the helper. Idempotent.
#[wasm_bindgen]
pub fn background_start() -> Promise {
    queued(async {
        let mut stored = load().await;
        reminders::reschedule(&stored, now()).await;
        let status = sync::sync(&mut stored).await;
        reminders::reschedule(&stored, now()).await;
        reminders::notify_certificates(&mut stored, now(), Lang::detect()).await;
        Ok(to_js_value(&json!({ "ok": true, "sync": status })))
    })
}

/// Handles a `chrome.runtime` message (forwarded by background.js); resolves to the reply.
#[wasm_bindgen]
pub fn on_message(message: JsValue) -> Promise {
    let text = chrome::to_json(&message).unwrap_or_default();
    queued(async move {
        let reply = match serde_json::from_str::<Message>(&text) {
            Ok(message) => handle(message).await,
            Err(e) => json!({ "ok": false, "error": format!("unreadable message: {e}") }),
        };
        Ok(to_js_value(&reply))
    })
}

/// Handles a fired alarm (forwarded by background.js; tests call it directly).
#[wasm_bindgen]
pub fn on_alarm(name: String) -> Promise {
    queued(async move {
        let mut stored = load().await;
        if name == reminders::SYNC_ALARM {
            let status = sync::sync(&mut stored).await;
            reminders::reschedule(&stored, now()).await;
            reminders::notify_certificates(&mut stored, now(), Lang::detect()).await;
            return Ok(to_js_value(&json!({ "ok": true, "sync": status })));
        }
        let shown = reminders::fire(&mut stored, &name, now(), Lang::detect()).await;
        Ok(to_js_value(&json!({ "ok": true, "notified": shown })))
    })
}

#[derive(Deserialize)]
#[serde(tag = "type")]
enum Message {
    /// Stage events read off a status page (or built by the pre-submit hook).
    #[serde(rename = "beian_observed")]
    Observed { events: Vec<Event> },
    /// What the content script read off a status page (or its pre-submit hook), raw: the event is
    /// built and masked here ([`store::PageObservation::to_event`]) before anything is stored.
    #[serde(rename = "beian_page_observed")]
    PageObserved(store::PageObservation),
    /// A stage added or corrected by hand in the popup.
    #[serde(rename = "beian_add_event")]
    AddEvent(ManualEvent),
    /// Sync with the helper now (the popup asks on open).
    #[serde(rename = "beian_sync")]
    Sync,
    /// The submitted form's province and certificate end dates (only those fields are read).
    #[serde(rename = "beian_context")]
    Context { appid: String, facts: store::FormFacts },
}

#[derive(Deserialize)]
struct ManualEvent {
    appid: String,
    #[serde(default)]
    app_name: Option<String>,
    stage: Stage,
    /// RFC 3339; now when absent.
    #[serde(default)]
    observed_at: Option<String>,
    #[serde(default)]
    detail: EventDetail,
}

async fn handle(message: Message) -> Value {
    let events = match message {
        Message::Observed { events } => events,
        Message::PageObserved(observation) => match observation.to_event() {
            Some(event) => vec![event],
            None => return json!({ "ok": true, "accepted": Accepted::default() }),
        },
        Message::AddEvent(manual) => match manual_event(manual) {
            Ok(event) => vec![event],
            Err(error) => return json!({ "ok": false, "error": error }),
        },
        Message::Context { appid, facts } => {
            let appid = appid.trim().to_owned();
            if appid.is_empty() {
                return json!({ "ok": false, "error": "appid is required" });
            }
            let mut stored = load().await;
            stored.contexts.insert(appid, facts);
            if let Err(error) = save(&mut stored, &[store::KEY_CONTEXTS]).await {
                return json!({ "ok": false, "error": error });
            }
            let shown = reminders::notify_certificates(&mut stored, now(), Lang::detect()).await;
            return json!({ "ok": true, "notified": shown });
        }
        Message::Sync => {
            let mut stored = load().await;
            let status = sync::sync(&mut stored).await;
            reminders::reschedule(&stored, now()).await;
            let errors = SESSION_ERRORS.with(|e| e.borrow().clone());
            return json!({ "ok": true, "sync": status, "store_errors": errors });
        }
    };
    let mut stored = load().await;
    let accepted: Accepted = store::accept(&mut stored.events, events, Merge::Observation);
    let saved = if accepted.stored > 0 { save(&mut stored, &[store::KEY_EVENTS]).await } else { Ok(()) };
    if let Err(error) = saved {
        return json!({ "ok": false, "error": error, "accepted": accepted });
    }
    if accepted.stored > 0 {
        reminders::reschedule(&stored, now()).await;
        sync::sync(&mut stored).await;
    }
    json!({ "ok": true, "accepted": accepted })
}

/// Builds a user event from the popup's form: masked, time defaulting to now, tracker's id.
fn manual_event(manual: ManualEvent) -> Result<Event, String> {
    let appid = manual.appid.trim();
    if appid.is_empty() {
        return Err("appid is required".into());
    }
    let observed_at = match manual.observed_at.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(text) => Timestamp::parse(text).ok_or_else(|| format!("not an RFC 3339 time: {text}"))?,
        None => now(),
    };
    let clean = |s: Option<String>| s.map(|t| mask_pii(t.trim())).filter(|t| !t.is_empty());
    let detail = EventDetail {
        status_text: clean(manual.detail.status_text),
        reason: clean(manual.detail.reason),
        filing_number: manual.detail.filing_number.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()),
    };
    let name = clean(manual.app_name);
    Ok(Event::new(appid, name.as_deref(), manual.stage, observed_at, EventSource::User, detail))
}

pub fn to_js_value(value: &Value) -> JsValue {
    chrome::to_js(&value.to_string()).unwrap_or(JsValue::NULL)
}
