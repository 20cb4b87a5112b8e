//! Bindings to the few `chrome.*` extension APIs the worker and popup use. MV3 returns promises when
//! no callback is given; every call is `catch` so a missing API (a plain page, a test) is an `Err`,
//! never a JS exception thrown through Rust.

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = get, catch)]
    fn storage_local_get(keys: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = set, catch)]
    fn storage_local_set(items: &JsValue) -> Result<Promise, JsValue>;

    #[wasm_bindgen(js_namespace = ["chrome", "alarms"], js_name = create, catch)]
    fn alarms_create(name: &str, info: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "alarms"], js_name = clear, catch)]
    fn alarms_clear(name: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "alarms"], js_name = getAll, catch)]
    fn alarms_get_all() -> Result<Promise, JsValue>;

    #[wasm_bindgen(js_namespace = ["chrome", "notifications"], js_name = create, catch)]
    fn notifications_create(id: &str, options: &JsValue) -> Result<Promise, JsValue>;

    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = sendMessage, catch)]
    fn runtime_send_message(message: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = getURL, catch)]
    pub fn runtime_get_url(path: &str) -> Result<String, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = connectNative, catch)]
    pub fn connect_native(application: &str) -> Result<Port, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "i18n"], js_name = getUILanguage, catch)]
    pub fn ui_language() -> Result<String, JsValue>;

    /// A `runtime.Port` (here: to the native helper).
    pub type Port;
    #[wasm_bindgen(method, js_name = postMessage, catch)]
    pub fn post_message(this: &Port, message: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch)]
    pub fn disconnect(this: &Port) -> Result<(), JsValue>;
    #[wasm_bindgen(method, getter, js_name = onMessage)]
    pub fn on_message(this: &Port) -> JsEvent;
    #[wasm_bindgen(method, getter, js_name = onDisconnect)]
    pub fn on_disconnect(this: &Port) -> JsEvent;

    /// A `chrome.events.Event`.
    pub type JsEvent;
    #[wasm_bindgen(method, js_name = addListener)]
    pub fn add_listener(this: &JsEvent, f: &Function);

    /// `setTimeout` of the global scope (window or service worker).
    #[wasm_bindgen(js_name = setTimeout, catch)]
    pub fn set_timeout(f: &Function, ms: i32) -> Result<JsValue, JsValue>;
}

/// `chrome.runtime.lastError.message`, read inside an API callback (e.g. a port's onDisconnect).
pub fn last_error_message() -> Option<String> {
    let chrome = Reflect::get(&js_sys::global(), &"chrome".into()).ok()?;
    let runtime = Reflect::get(&chrome, &"runtime".into()).ok()?;
    let err = Reflect::get(&runtime, &"lastError".into()).ok()?;
    if err.is_undefined() || err.is_null() {
        return None;
    }
    Reflect::get(&err, &"message".into()).ok()?.as_string()
}

/// `port.error.message` of a disconnected native port (Firefox puts connection errors there).
pub fn port_error_message(port: &JsValue) -> Option<String> {
    let err = Reflect::get(port, &"error".into()).ok()?;
    if err.is_undefined() || err.is_null() {
        return None;
    }
    Reflect::get(&err, &"message".into()).ok()?.as_string()
}

/// A JS error value as text (Error.message, a string, or its JSON).
pub fn error_text(err: &JsValue) -> String {
    if let Some(s) = err.as_string() {
        return s;
    }
    if let Some(m) = Reflect::get(err, &"message".into()).ok().and_then(|m| m.as_string()) {
        return m;
    }
    js_sys::JSON::stringify(err).ok().and_then(|s| s.as_string()).unwrap_or_else(|| "unknown error".into())
}

/// Parses JSON text into a JS value (our JSON is produced by serde, so this only fails on bugs).
pub fn to_js(json: &str) -> Result<JsValue, String> {
    js_sys::JSON::parse(json).map_err(|e| error_text(&e))
}

/// A JS value as JSON text; `undefined` becomes `null`.
pub fn to_json(value: &JsValue) -> Result<String, String> {
    if value.is_undefined() {
        return Ok("null".into());
    }
    js_sys::JSON::stringify(value)
        .map_err(|e| error_text(&e))?
        .as_string()
        .ok_or_else(|| "value has no JSON form".into())
}

/// Reads keys from `chrome.storage.local`; returns the result object as JSON text.
pub async fn storage_get(keys: &[&str]) -> Result<String, String> {
    let arr = js_sys::Array::new();
    for k in keys {
        arr.push(&JsValue::from_str(k));
    }
    let promise = storage_local_get(&arr).map_err(|e| error_text(&e))?;
    let got = JsFuture::from(promise).await.map_err(|e| error_text(&e))?;
    to_json(&got)
}

/// Writes the members of a JSON object into `chrome.storage.local`. Quota errors come back as `Err`.
pub async fn storage_set(items_json: &str) -> Result<(), String> {
    let items = to_js(items_json)?;
    let promise = storage_local_set(&items).map_err(|e| error_text(&e))?;
    JsFuture::from(promise).await.map(|_| ()).map_err(|e| error_text(&e))
}

/// Creates (or replaces: names are the identity) an alarm at `when_ms` (epoch milliseconds).
pub async fn alarm_at(name: &str, when_ms: f64, period_minutes: Option<f64>) -> Result<(), String> {
    let info = Object::new();
    set(&info, "when", &JsValue::from_f64(when_ms));
    if let Some(p) = period_minutes {
        set(&info, "periodInMinutes", &JsValue::from_f64(p));
    }
    let promise = alarms_create(name, &info).map_err(|e| error_text(&e))?;
    JsFuture::from(promise).await.map(|_| ()).map_err(|e| error_text(&e))
}

pub async fn alarm_clear(name: &str) -> Result<(), String> {
    let promise = alarms_clear(name).map_err(|e| error_text(&e))?;
    JsFuture::from(promise).await.map(|_| ()).map_err(|e| error_text(&e))
}

/// Names and scheduled times (epoch ms) of every alarm of this extension.
pub async fn alarm_list() -> Result<Vec<(String, f64)>, String> {
    let promise = alarms_get_all().map_err(|e| error_text(&e))?;
    let all = JsFuture::from(promise).await.map_err(|e| error_text(&e))?;
    let mut out = Vec::new();
    for alarm in js_sys::Array::from(&all).iter() {
        let name = Reflect::get(&alarm, &"name".into()).ok().and_then(|v| v.as_string());
        let when = Reflect::get(&alarm, &"scheduledTime".into()).ok().and_then(|v| v.as_f64());
        if let (Some(name), Some(when)) = (name, when) {
            out.push((name, when));
        }
    }
    Ok(out)
}

/// Shows a basic notification; `id` makes a repeat replace the earlier one instead of stacking.
pub async fn notify(id: &str, title: &str, message: &str, icon_url: &str) -> Result<(), String> {
    let options = Object::new();
    set(&options, "type", &"basic".into());
    set(&options, "iconUrl", &icon_url.into());
    set(&options, "title", &title.into());
    set(&options, "message", &message.into());
    set(&options, "priority", &JsValue::from_f64(2.0));
    let promise = notifications_create(id, &options).map_err(|e| error_text(&e))?;
    JsFuture::from(promise).await.map(|_| ()).map_err(|e| error_text(&e))
}

/// Sends a message to the extension (service worker) and waits for its reply.
pub async fn send_message(message_json: &str) -> Result<String, String> {
    let message = to_js(message_json)?;
    let promise = runtime_send_message(&message).map_err(|e| error_text(&e))?;
    let reply = JsFuture::from(promise).await.map_err(|e| error_text(&e))?;
    to_json(&reply)
}

/// `Reflect.set` for objects we created ourselves (cannot fail on a plain object).
pub fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// Milliseconds since the Unix epoch, from the JS clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}
