//! Two-way sync with the local helper `beian` over native messaging (contracts.md §4): `hello`, then
//! `record_events` with what the helper has not seen from this store, then `events_since` to pull
//! what other browsers and profiles recorded, then `record_context` with each filing's certificate
//! dates when the helper takes them. Without the helper nothing breaks: the status is kept
//! for the popup and the store goes on working alone.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use beian_tracker::Event;
use js_sys::{Function, Promise};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::background::{now, save};
use crate::chrome::{self, Port};
use crate::store::{self, HelperStatus, Merge, Stored, SyncState};

pub const HOST_NAME: &str = "com.beian.helper";
/// Events per `record_events` request: far below the 1 MiB frame limit even with long reasons.
const PUSH_BATCH: usize = 200;
/// `events_since` pages pulled per sync at most (a guard against a cursor that never advances).
const MAX_PULLS: usize = 50;
const REPLY_TIMEOUT_MS: i32 = 10_000;

/// Syncs `stored` with the helper and saves what changed. Returns the new helper state (also saved).
pub async fn sync(stored: &mut Stored) -> SyncState {
    let outcome = exchange(stored).await;
    let mut state = stored.sync.clone();
    state.checked_at = Some(now().to_rfc3339());
    match outcome {
        Ok(version) => {
            state.status = HelperStatus::Connected;
            state.message = None;
            state.helper_version = version;
            state.pushed = stored.sync.pushed;
            state.cursor = stored.sync.cursor.clone();
        }
        Err(SyncError::NotInstalled(message)) => {
            state.status = HelperStatus::NotInstalled;
            state.message = Some(message);
        }
        Err(SyncError::Failed(message)) => {
            state.status = HelperStatus::Error;
            state.message = Some(message);
        }
    }
    stored.sync = state.clone();
    let _ = save(stored, &[store::KEY_EVENTS, store::KEY_SYNC]).await;
    state
}

enum SyncError {
    NotInstalled(String),
    Failed(String),
}

/// The protocol exchange. On success `stored.events` holds the union and `stored.sync.pushed` /
/// `cursor` say how far both sides are known to agree.
async fn exchange(stored: &mut Stored) -> Result<Option<String>, SyncError> {
    let session = Session::open()?;
    let hello = session.request("hello", json!({ "extension_version": env!("CARGO_PKG_VERSION") })).await?;
    let version = hello.get("version").and_then(Value::as_str).map(str::to_owned);
    // Another database (BEIAN_DB changed, helper reinstalled): our cursor and push mark mean nothing there.
    let db_path = hello.get("db_path").and_then(Value::as_str).map(str::to_owned);
    if db_path != stored.sync.db_path {
        stored.sync.pushed = 0;
        stored.sync.cursor = None;
        stored.sync.db_path = db_path;
    }

    // Only events this version understands: one the helper would refuse must not block the rest.
    let start = stored.sync.pushed.min(stored.events.len());
    let unsent: Vec<&Value> =
        stored.events[start..].iter().filter(|v| serde_json::from_value::<Event>((*v).clone()).is_ok()).collect();
    for batch in unsent.chunks(PUSH_BATCH) {
        session.request("record_events", json!({ "events": batch })).await?;
    }

    let mut cursor = stored.sync.cursor.clone();
    for _ in 0..MAX_PULLS {
        let mut request = json!({});
        if let Some(c) = &cursor {
            request["cursor"] = json!(c);
        }
        let data = match session.request("events_since", request).await {
            Ok(data) => data,
            // A cursor the helper no longer knows: pull everything (the union drops what we have).
            Err(SyncError::Failed(_)) if cursor.is_some() => {
                cursor = None;
                session.request("events_since", json!({})).await?
            }
            Err(e) => return Err(e),
        };
        let events: Vec<Event> = data
            .get("events")
            .and_then(Value::as_array)
            .map(|list| list.iter().filter_map(|e| serde_json::from_value(e.clone()).ok()).collect())
            .unwrap_or_default();
        let next = data.get("cursor").and_then(|c| c.as_str().map(str::to_owned).or_else(|| Some(c.to_string())));
        let advanced = next.is_some() && next != cursor;
        let got_any = !events.is_empty();
        store::accept(&mut stored.events, events, Merge::Union);
        if next.is_some() {
            cursor = next;
        }
        let more = data.get("more").and_then(Value::as_bool).unwrap_or(true);
        if !got_any || !advanced || !more {
            break;
        }
    }
    // The filings' certificate dates, for the helper's `remind` (PROTOCOL.md `record_context`).
    // Older helpers do not know the request: skipped. A refused context does not fail the sync.
    let takes_contexts = hello
        .get("capabilities")
        .and_then(Value::as_array)
        .is_some_and(|c| c.iter().any(|v| v == "record_context"));
    if takes_contexts {
        for (appid, facts) in &stored.contexts {
            if let Some(context) = facts.helper_context() {
                let _ = session.request("record_context", json!({ "appid": appid, "context": context })).await;
            }
        }
    }
    drop(session);
    // Everything in the log now is known to the helper (ours pushed, the rest came from it).
    stored.sync.pushed = stored.events.len();
    stored.sync.cursor = cursor;
    Ok(version)
}

type Pending = Rc<RefCell<HashMap<u32, (Function, Function)>>>;

/// One `connectNative` port with request/reply matching by `id`.
struct Session {
    port: Port,
    pending: Pending,
    closed: Rc<RefCell<Option<String>>>,
    next_id: Cell<u32>,
    _on_message: Closure<dyn FnMut(JsValue)>,
    _on_disconnect: Closure<dyn FnMut(JsValue)>,
}

impl Session {
    fn open() -> Result<Session, SyncError> {
        let port = chrome::connect_native(HOST_NAME).map_err(|e| classify(chrome::error_text(&e)))?;
        let pending: Pending = Rc::default();
        let closed: Rc<RefCell<Option<String>>> = Rc::default();

        let replies = pending.clone();
        let on_message = Closure::<dyn FnMut(JsValue)>::new(move |reply: JsValue| {
            let id = js_sys::Reflect::get(&reply, &"id".into()).ok().and_then(|v| v.as_f64());
            let waiter = id.and_then(|id| replies.borrow_mut().remove(&(id as u32)));
            if let Some((resolve, _)) = waiter {
                let _ = resolve.call1(&JsValue::NULL, &reply);
            }
        });
        port.on_message().add_listener(on_message.as_ref().unchecked_ref());

        let (waiting, closed_flag) = (pending.clone(), closed.clone());
        let on_disconnect = Closure::<dyn FnMut(JsValue)>::new(move |port: JsValue| {
            // Firefox reports connectNative failures in `port.error`, Chrome in `runtime.lastError`.
            let reason = chrome::port_error_message(&port)
                .or_else(chrome::last_error_message)
                .unwrap_or_else(|| "the helper closed the connection".into());
            *closed_flag.borrow_mut() = Some(reason.clone());
            for (_, (_, reject)) in waiting.borrow_mut().drain() {
                let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&reason));
            }
        });
        port.on_disconnect().add_listener(on_disconnect.as_ref().unchecked_ref());

        Ok(Session {
            port,
            pending,
            closed,
            next_id: Cell::new(1),
            _on_message: on_message,
            _on_disconnect: on_disconnect,
        })
    }

    /// Sends `{id, type, ...fields}` and waits for the reply's `data`; an error reply is an `Err`.
    async fn request(&self, kind: &str, mut fields: Value) -> Result<Value, SyncError> {
        if let Some(reason) = self.closed.borrow().clone() {
            return Err(classify(reason));
        }
        let id = self.next_id.get();
        self.next_id.set(id.wrapping_add(1));
        fields["id"] = json!(id);
        fields["type"] = json!(kind);
        let message = chrome::to_js(&fields.to_string()).map_err(SyncError::Failed)?;

        let pending = self.pending.clone();
        let promise = Promise::new(&mut |resolve, reject| {
            let timeout_reject = reject.clone();
            pending.borrow_mut().insert(id, (resolve, reject));
            let timer = Closure::once_into_js(move || {
                let _ = timeout_reject.call1(&JsValue::NULL, &JsValue::from_str("the helper did not answer in time"));
            });
            let _ = chrome::set_timeout(timer.unchecked_ref(), REPLY_TIMEOUT_MS);
        });
        self.port.post_message(&message).map_err(|e| classify(chrome::error_text(&e)))?;
        let reply = JsFuture::from(promise).await.map_err(|e| classify(chrome::error_text(&e)))?;
        self.pending.borrow_mut().remove(&id);
        let reply: Value = serde_json::from_str(&chrome::to_json(&reply).map_err(SyncError::Failed)?)
            .map_err(|e| SyncError::Failed(e.to_string()))?;
        if reply.get("ok").and_then(Value::as_bool) == Some(true) {
            Ok(reply.get("data").cloned().unwrap_or(Value::Null))
        } else {
            let message = reply.pointer("/error/message").and_then(Value::as_str).unwrap_or("error reply");
            Err(SyncError::Failed(format!("{kind}: {message}")))
        }
    }
}

impl Drop for Session {
    /// Disconnecting before the listeners are dropped: Chrome never calls them afterwards.
    fn drop(&mut self) {
        let _ = self.port.disconnect();
    }
}

/// What the browsers say when no host manifest is registered: Chrome "Specified native messaging
/// host not found.", Firefox "No such native application com.beian.helper".
fn classify(message: String) -> SyncError {
    if message.contains("not found") || message.contains("No such native application") {
        SyncError::NotInstalled(message)
    } else {
        SyncError::Failed(message)
    }
}
