//! Reads a filing's status off the admin's status page (设置 → 小程序备案: status, AppID, name, filing
//! number, rejection reason) and sends it, raw, to the service worker (`beian_page_observed`, a plain
//! JS object, never leaves the extension). The worker turns it into the stage event with
//! `beian_tracker` (status text → stage table, masking before anything is stored): this file only
//! finds the texts, so the content wasm carries neither the tracker nor a JSON serialiser.
//!
//! Cheap on other pages: one `textContent` read decides whether the page talks about a filing at all.

// The DOM-free helpers here are called only from the wasm32 DOM module; native builds compile them
// for their unit tests alone.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

#[cfg(target_arch = "wasm32")]
use beian_rules::ids::find_appid;
use beian_rules::Draft;

/// What a status-page label announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Status,
    AppId,
    Name,
    FilingNumber,
    Reason,
}

/// Label texts on the status page, per slot, compared after [`normalize_label`]. One table: a
/// changed label on the live page is one line here. (form.md has no public copy of this page; these
/// are the words of the admin's filing card and of the platform's guides.)
const LABELS: &[(&str, Slot)] = &[
    ("备案状态", Slot::Status),
    ("当前状态", Slot::Status),
    ("审核状态", Slot::Status),
    ("状态", Slot::Status),
    ("appid", Slot::AppId),
    ("小程序id", Slot::AppId),
    ("小程序名称", Slot::Name),
    ("名称", Slot::Name),
    ("备案号", Slot::FilingNumber),
    ("icp备案号", Slot::FilingNumber),
    ("备案编号", Slot::FilingNumber),
    ("驳回原因", Slot::Reason),
    ("驳回理由", Slot::Reason),
    ("不通过原因", Slot::Reason),
    ("审核意见", Slot::Reason),
    ("原因", Slot::Reason),
];

/// Longest label text worth comparing; longer leaf texts are content, not labels.
const MAX_LABEL_CHARS: usize = 24;
/// How much of the status card's text is kept as context for ambiguous status texts.
const MAX_CONTEXT_CHARS: usize = 2000;

/// Lower-cases ASCII, drops white space, a trailing `：`/`:`/`*`, a leading `*`, and anything from an
/// opening parenthesis on (`AppID(小程序ID)` → `appid`).
pub fn normalize_label(text: &str) -> String {
    let cut = text.find(['(', '（']).map_or(text, |i| &text[..i]);
    cut.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '：' | ':' | '*'))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

pub fn slot_of_label(text: &str) -> Option<Slot> {
    if text.chars().count() > MAX_LABEL_CHARS {
        return None;
    }
    let label = normalize_label(text);
    LABELS.iter().find(|(l, _)| *l == label).map(|&(_, slot)| slot)
}

/// What was read off one status page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Observation {
    pub status_text: Option<String>,
    pub appid: Option<String>,
    pub app_name: Option<String>,
    pub filing_number: Option<String>,
    pub reason: Option<String>,
    /// Text around the status (the status card), used only to settle ambiguous status texts.
    pub context: String,
}

impl Observation {
    /// Keeps the first non-empty value of each slot (the status card comes before any history list).
    pub fn fill(&mut self, slot: Slot, value: &str) {
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        if value.is_empty() {
            return;
        }
        let target = match slot {
            Slot::Status => &mut self.status_text,
            Slot::AppId => &mut self.appid,
            Slot::Name => &mut self.app_name,
            Slot::FilingNumber => &mut self.filing_number,
            Slot::Reason => &mut self.reason,
        };
        if target.is_none() {
            *target = Some(value);
        }
    }

}


fn truncate_chars(text: &str, max: usize) -> &str {
    text.char_indices().nth(max).map_or(text, |(i, _)| &text[..i])
}

#[cfg(target_arch = "wasm32")]
mod browser {
    //! The DOM half: find label/value pairs, send the raw observation.

    use super::*;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Document, Element};

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = sendMessage, catch)]
        fn runtime_send_message(message: &JsValue) -> Result<js_sys::Promise, JsValue>;
    }

    thread_local! {
        /// The last observation sent from this page ([`Observation::key`]), so rescans after DOM
        /// mutations do not send the same observation again.
        static LAST_SENT: RefCell<Option<String>> = const { RefCell::new(None) };
        /// The rejection handler of every sent observation (one closure, kept for the page's life).
        static WARN_UNDELIVERED: Closure<dyn FnMut(JsValue)> = Closure::new(|e: JsValue| {
            web_sys::console::warn_2(&"beian: stage not delivered to the extension".into(), &e);
        });
    }

    /// Elements that may hold a label on the status card.
    const LABEL_SELECTOR: &str = "label, dt, th, td, span, div, p, b, strong, em, li";

    /// Unix seconds now (the worker turns them into a Beijing timestamp).
    fn now_seconds() -> f64 {
        (js_sys::Date::now() / 1000.0).floor()
    }

    /// Reads the status area of `document`, if any, and sends it to the worker. Returns whether the
    /// page shows a status with an appid (sent now or already sent for this page state).
    pub fn run(document: &Document) -> bool {
        let Some(body) = document.body() else { return false };
        // The cheap gate (one text read): a filing status card says 备案 and has a 状态 label. The
        // filing form itself rarely says 状态, so typing there does not rescan every element.
        let text = body.text_content().unwrap_or_default();
        if !text.contains("备案") || !text.contains("状态") {
            return false;
        }
        let Some(observation) = observe(document) else { return false };
        if observation.appid.as_deref().and_then(find_appid).is_none() {
            return false;
        }
        let key = observation.key();
        let repeated = LAST_SENT.with(|last| last.borrow().as_deref() == Some(key.as_str()));
        if !repeated && send(&observation.to_js("status", now_seconds())) {
            LAST_SENT.with(|last| *last.borrow_mut() = Some(key));
        }
        true
    }

    fn observe(document: &Document) -> Option<Observation> {
        let leaves = document.query_selector_all(LABEL_SELECTOR).ok()?;
        let mut observation = Observation::default();
        let mut status_card: Option<Element> = None;
        for i in 0..leaves.length() {
            let Some(el) = leaves.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
            if el.child_element_count() != 0 {
                continue;
            }
            let Some(slot) = slot_of_label(&el.text_content().unwrap_or_default()) else { continue };
            let Some(value) = value_of(&el) else { continue };
            if slot == Slot::Status && observation.status_text.is_none() {
                status_card = el.parent_element().and_then(|p| p.parent_element());
            }
            observation.fill(slot, &value);
        }
        if let Some(card) = status_card {
            let text = card.text_content().unwrap_or_default();
            observation.context = truncate_chars(&text, MAX_CONTEXT_CHARS).to_owned();
        }
        if observation.appid.is_none() {
            // Some layouts show the AppID without a label; take a lone appid-shaped text.
            let text = body_text(document);
            observation.appid = find_appid(&text).map(str::to_owned);
        }
        observation.status_text.is_some().then_some(observation)
    }

    /// The value next to a label: the next sibling element, else the parent's next sibling.
    fn value_of(label: &Element) -> Option<String> {
        let sibling = label.next_element_sibling().or_else(|| label.parent_element()?.next_element_sibling())?;
        let text = sibling.text_content()?;
        let text = text.trim();
        (!text.is_empty()).then(|| text.to_owned())
    }

    fn body_text(document: &Document) -> String {
        document.body().and_then(|b| b.text_content()).unwrap_or_default()
    }

    /// `{type, key: value…}` (no `type` when `kind` is `None`) as a plain JS object; `None` values
    /// are left out.
    fn message(kind: Option<&str>, fields: &[(&str, Option<&str>)]) -> js_sys::Object {
        let object = js_sys::Object::new();
        if let Some(kind) = kind {
            let _ = js_sys::Reflect::set(&object, &"type".into(), &kind.into());
        }
        for (key, value) in fields {
            if let Some(value) = value {
                let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
            }
        }
        object
    }

    impl Observation {
        /// `{type: "beian_page_observed", kind, appid, app_name, status_text, filing_number, reason,
        /// context, observed_at}` (the worker's `PageObservation`).
        fn to_js(&self, kind: &str, observed_at: f64) -> js_sys::Object {
            let appid = self.appid.as_deref().and_then(find_appid);
            let object = message(
                Some("beian_page_observed"),
                &[
                    ("kind", Some(kind)),
                    ("appid", appid),
                    ("app_name", self.app_name.as_deref()),
                    ("status_text", self.status_text.as_deref()),
                    ("filing_number", self.filing_number.as_deref()),
                    ("reason", self.reason.as_deref()),
                    ("context", Some(&self.context)),
                ],
            );
            let _ = js_sys::Reflect::set(&object, &"observed_at".into(), &observed_at.into());
            object
        }
    }

    /// Sends `message` to the service worker; false if the extension cannot be reached (reloaded
    /// extension, no `chrome.runtime`). Never throws into the page.
    pub fn send(message: &JsValue) -> bool {
        match runtime_send_message(message) {
            Ok(promise) => {
                WARN_UNDELIVERED.with(|warn| {
                    let _ = promise.catch(warn);
                });
                true
            }
            Err(_) => false,
        }
    }

    /// For the filing form's pre-submit hook, from the submitted draft: records that the filing
    /// went to platform review, and sends the form facts the filed record's certificate-expiry
    /// reminder needs ([`reminder_context`]: province and end dates only).
    pub fn on_submitted_form(draft: &Draft) -> bool {
        let Some(app) = draft.app.as_ref() else { return false };
        let Some(appid) = app.appid.as_deref().and_then(find_appid) else { return false };
        let submitted = Observation {
            appid: Some(appid.to_owned()),
            app_name: app.name.clone(),
            ..Observation::default()
        };
        let sent = send(&submitted.to_js("submitted", now_seconds()));
        let facts = message(None, &reminder_context(draft));
        let context = message(Some("beian_context"), &[("appid", Some(appid))]);
        let _ = js_sys::Reflect::set(&context, &"facts".into(), &facts);
        if let Ok(promise) = runtime_send_message(&context) {
            let _ = crate::dom::ignore_rejection(&promise);
        }
        sent
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{on_submitted_form, run};

impl Observation {
    /// What identifies an observation for "already sent from this page": every text read.
    pub fn key(&self) -> String {
        let mut key = String::new();
        for part in [&self.appid, &self.app_name, &self.status_text, &self.filing_number, &self.reason] {
            key.push_str(part.as_deref().unwrap_or("\u{0}"));
            key.push('\u{1}');
        }
        key.push_str(&self.context);
        key
    }
}

/// The only facts of a submitted form that leave the page for the stage tracker: the subject's
/// province and the end dates of the licence and of both principals' certificates (contracts.md §5:
/// no names, numbers, phones or addresses). The worker's `FormFacts` reads exactly these fields;
/// absent ones are left out of the message (the worker reads them as absent).
pub fn reminder_context(draft: &Draft) -> [(&'static str, Option<&str>); 4] {
    let subject = draft.subject.as_ref();
    [
        ("province", subject.and_then(|s| s.province.as_deref())),
        ("license_valid_until", subject.and_then(|s| s.license_valid_until.as_deref())),
        ("subject_principal_validity_end", draft.subject_principal.as_ref().and_then(|p| p.validity_end.as_deref())),
        ("app_principal_validity_end", draft.app_principal.as_ref().and_then(|p| p.validity_end.as_deref())),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn observed(pairs: &[(&str, &str)]) -> Observation {
        let mut o = Observation::default();
        for (label, value) in pairs {
            if let Some(slot) = slot_of_label(label) {
                o.fill(slot, value);
            }
        }
        o
    }

    #[test]
    fn labels_tolerate_colons_stars_case_and_parentheses() {
        assert_eq!(slot_of_label("AppID(小程序ID)"), Some(Slot::AppId));
        assert_eq!(slot_of_label(" * 备案状态："), Some(Slot::Status));
        assert_eq!(slot_of_label("ICP备案号:"), Some(Slot::FilingNumber));
        assert_eq!(slot_of_label("驳回原因"), Some(Slot::Reason));
        assert_eq!(slot_of_label("备案状态说明很长很长很长很长很长很长很长很长很长很长"), None);
        assert_eq!(slot_of_label("服务类目"), None);
    }

    #[test]
    fn status_card_pairs_fill_their_slots() {
        let o = observed(&[
            ("备案状态", "平台审核驳回"),
            ("AppID(小程序ID)", " wx0123456789abcdef "),
            ("小程序名称", "某某记账"),
            ("ICP备案号:", "粤ICP备2026041617号-1X"),
            ("驳回原因", "应急联系电话13800138000\n与负责人手机号相同"),
        ]);
        assert_eq!(o.status_text.as_deref(), Some("平台审核驳回"));
        assert_eq!(o.appid.as_deref(), Some("wx0123456789abcdef"));
        assert_eq!(o.app_name.as_deref(), Some("某某记账"));
        assert_eq!(o.filing_number.as_deref(), Some("粤ICP备2026041617号-1X"));
        assert_eq!(o.reason.as_deref(), Some("应急联系电话13800138000 与负责人手机号相同"));
    }

    #[test]
    fn the_sent_key_changes_with_any_text_read() {
        let a = observed(&[("备案状态", "管局审核中"), ("AppID", "wx0123456789abcdef")]);
        let mut b = a.clone();
        assert_eq!(a.key(), b.key());
        b.reason = Some("x".into());
        assert_ne!(a.key(), b.key());
        let mut c = a.clone();
        c.context = "已备案".into();
        assert_ne!(a.key(), c.key());
    }

    #[test]
    fn first_value_of_a_slot_wins() {
        let o = observed(&[("备案状态", "管局审核中"), ("状态", "已撤回")]);
        assert_eq!(o.status_text.as_deref(), Some("管局审核中"));
    }

    #[test]
    fn reminder_context_carries_dates_and_province_only() {
        let draft: Draft = serde_json::from_value(serde_json::json!({
            "subject": { "province": "广东省", "license_valid_until": "长期", "certificate_number": "91440300MA5G1K2P8N" },
            "subject_principal": { "name": "张三", "mobile": "13800138000", "validity_end": "2030-01-01" },
            "app": { "appid": "wx0123456789abcdef" }
        }))
        .unwrap();
        let v = reminder_context(&draft);
        let text = format!("{v:?}");
        assert!(!text.contains("91440300") && !text.contains("张三") && !text.contains("13800138000"), "{text}");
        assert_eq!(
            v,
            [
                ("province", Some("广东省")),
                ("license_valid_until", Some("长期")),
                ("subject_principal_validity_end", Some("2030-01-01")),
                ("app_principal_validity_end", None),
            ]
        );
    }
}
