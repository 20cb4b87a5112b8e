//! Reads a filing's status off the admin's status page (设置 → 小程序备案: status, AppID, name, filing
//! number, rejection reason) and sends it to the service worker as a stage event. The status text →
//! stage table and the masking live in `beian_tracker::status_text`; this file only finds the texts.
//!
//! Cheap on other pages: one `textContent` read decides whether the page talks about a filing at all.

use beian_rules::Draft;
use beian_tracker::{mask_pii, stage_from_status_text, Event, EventDetail, EventSource, Stage, Timestamp};

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

    /// The stage event this observation stands for, observed at `now`; `None` when the page shows
    /// no appid or no status text we know. Reason and status text are masked here, before anything
    /// leaves the page.
    pub fn to_event(&self, now: Timestamp) -> Option<Event> {
        let appid = self.appid.as_deref().and_then(find_appid)?;
        let status_text = self.status_text.as_deref()?;
        let context = format!(
            "{} {} {}",
            self.filing_number.as_deref().unwrap_or(""),
            self.reason.as_deref().unwrap_or(""),
            self.context
        );
        let stage = stage_from_status_text(status_text, &context)?;
        let detail = EventDetail {
            status_text: Some(mask_pii(status_text)),
            reason: self.reason.as_deref().filter(|_| stage.is_rejected()).map(mask_pii),
            filing_number: self
                .filing_number
                .as_deref()
                .filter(|_| stage == Stage::Filed || stage == Stage::ChangeReview)
                .map(str::to_owned),
        };
        Some(Event::new(appid, self.app_name.as_deref(), stage, now, EventSource::Page, detail))
    }
}

/// The first `wx` + 16 hex digits in `text` (the AppID cell may hold a copy button's text too).
pub fn find_appid(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(17)).chain(core::iter::once(bytes.len().saturating_sub(18))).find_map(|i| {
        let candidate = bytes.get(i..i + 18)?;
        let ok = candidate.starts_with(b"wx") && candidate[2..].iter().all(|b| b.is_ascii_hexdigit());
        let bounded = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let ends = bytes.get(i + 18).is_none_or(|b| !b.is_ascii_alphanumeric());
        (ok && bounded && ends).then(|| &text[i..i + 18])
    })
}

/// The platform-review event the filing form's submission starts (called by the pre-submit hook).
pub fn submitted_event(appid: &str, app_name: Option<&str>, now: Timestamp) -> Option<Event> {
    let appid = find_appid(appid)?;
    let detail = EventDetail { status_text: Some("提交备案".into()), ..EventDetail::default() };
    Some(Event::new(appid, app_name, Stage::PlatformReview, now, EventSource::Page, detail))
}

fn truncate_chars(text: &str, max: usize) -> &str {
    text.char_indices().nth(max).map_or(text, |(i, _)| &text[..i])
}

#[cfg(target_arch = "wasm32")]
mod browser {
    //! The DOM half: find label/value pairs, send the event.

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
        /// The last event sent from this page (its id without the time: appid, stage, detail), so
        /// rescans after DOM mutations do not send the same observation again.
        static LAST_SENT: RefCell<Option<String>> = const { RefCell::new(None) };
    }

    /// Elements that may hold a label on the status card.
    const LABEL_SELECTOR: &str = "label, dt, th, td, span, div, p, b, strong, em, li";

    pub fn now() -> Timestamp {
        Timestamp::from_unix_beijing((js_sys::Date::now() / 1000.0).floor() as i64)
    }

    /// Reads the status area of `document`, if any, and sends a stage event for it. Returns the
    /// stage sent (or already sent for this page state), `None` when the page shows no status.
    pub fn run(document: &Document) -> Option<Stage> {
        let body = document.body()?;
        // The cheap gate (one text read): a filing status card says 备案 and has a 状态 label. The
        // filing form itself rarely says 状态, so typing there does not rescan every element.
        let text = body.text_content().unwrap_or_default();
        if !text.contains("备案") || !text.contains("状态") {
            return None;
        }
        let observation = observe(document)?;
        let event = observation.to_event(now())?;
        send_once(&event);
        Some(event.stage)
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

    fn send_once(event: &Event) {
        let key = format!(
            "{}|{}|{:?}|{:?}|{:?}",
            event.appid,
            event.stage.id(),
            event.detail.status_text,
            event.detail.reason,
            event.detail.filing_number
        );
        let repeated = LAST_SENT.with(|last| last.borrow().as_deref() == Some(key.as_str()));
        if repeated {
            return;
        }
        if send(event) {
            LAST_SENT.with(|last| *last.borrow_mut() = Some(key));
        }
    }

    /// Sends `{type: "beian_observed", events: [event]}`; false if the extension cannot be reached
    /// (reloaded extension, no `chrome.runtime`). Never throws into the page.
    pub fn send(event: &Event) -> bool {
        let message = serde_json::json!({ "type": "beian_observed", "events": [event] }).to_string();
        let Ok(message) = js_sys::JSON::parse(&message) else { return false };
        match runtime_send_message(&message) {
            Ok(promise) => {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
                        web_sys::console::warn_2(&"beian: stage not delivered to the extension".into(), &e);
                    }
                });
                true
            }
            Err(_) => false,
        }
    }

    /// For the filing form's pre-submit hook: record that the filing went to platform review.
    pub fn on_submitted(appid: &str, app_name: Option<&str>) -> bool {
        submitted_event(appid, app_name, now()).is_some_and(|event| send(&event))
    }

    /// Like [`on_submitted`], from the submitted draft, and also sends the form facts the filed
    /// record's certificate-expiry reminder needs ([`reminder_context`]: province and end dates only).
    pub fn on_submitted_form(draft: &Draft) -> bool {
        let Some(app) = draft.app.as_ref() else { return false };
        let Some(appid) = app.appid.as_deref().and_then(find_appid) else { return false };
        let sent = on_submitted(appid, app.name.as_deref());
        let message = serde_json::json!({ "type": "beian_context", "appid": appid, "facts": reminder_context(draft) });
        if let Ok(message) = js_sys::JSON::parse(&message.to_string()) {
            if let Ok(promise) = runtime_send_message(&message) {
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
                });
            }
        }
        sent
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{on_submitted_form, run};

/// The only facts of a submitted form that leave the page for the stage tracker: the subject's
/// province and the end dates of the licence and of both principals' certificates (contracts.md §5:
/// no names, numbers, phones or addresses). The worker's `FormFacts` reads exactly these fields.
pub fn reminder_context(draft: &Draft) -> serde_json::Value {
    let subject = draft.subject.as_ref();
    serde_json::json!({
        "province": subject.and_then(|s| s.province.as_deref()),
        "license_valid_until": subject.and_then(|s| s.license_valid_until.as_deref()),
        "subject_principal_validity_end": draft.subject_principal.as_ref().and_then(|p| p.validity_end.as_deref()),
        "app_principal_validity_end": draft.app_principal.as_ref().and_then(|p| p.validity_end.as_deref()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> Timestamp {
        Timestamp::parse("2026-11-20T09:30:00+08:00").unwrap()
    }

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
    fn appid_is_found_inside_surrounding_text_only_when_bounded() {
        assert_eq!(find_appid("wx0123456789abcdef"), Some("wx0123456789abcdef"));
        assert_eq!(find_appid("AppID：wx0123456789abcdef 复制"), Some("wx0123456789abcdef"));
        assert_eq!(find_appid("wx0123456789abcdef0"), None);
        assert_eq!(find_appid("xwx0123456789abcdef"), None);
        assert_eq!(find_appid("wx0123"), None);
        assert_eq!(find_appid(""), None);
        assert_eq!(find_appid("备案"), None);
    }

    #[test]
    fn bureau_review_page_gives_a_bureau_review_event() {
        let o = observed(&[
            ("备案状态", "管局审核中"),
            ("AppID(小程序ID)", "wx0123456789abcdef"),
            ("小程序名称", "某某记账"),
        ]);
        let e = o.to_event(at()).unwrap();
        assert_eq!(e.stage, Stage::BureauReview);
        assert_eq!(e.appid, "wx0123456789abcdef");
        assert_eq!(e.app_name.as_deref(), Some("某某记账"));
        assert_eq!(e.source, EventSource::Page);
        assert_eq!(e.observed_at, "2026-11-20T09:30:00+08:00");
        assert_eq!(e.detail.reason, None);
    }

    #[test]
    fn rejection_reason_is_kept_masked() {
        let o = observed(&[
            ("备案状态", "平台审核驳回"),
            ("AppID", "wx0123456789abcdef"),
            ("驳回原因", "应急联系电话13800138000与负责人手机号相同"),
        ]);
        let e = o.to_event(at()).unwrap();
        assert_eq!(e.stage, Stage::PlatformRejected);
        let reason = e.detail.reason.unwrap();
        assert!(!reason.contains("13800138000"), "{reason}");
        assert!(reason.contains("应急联系电话"), "{reason}");
    }

    #[test]
    fn filed_page_keeps_the_filing_number() {
        let o =
            observed(&[("备案状态", "已备案"), ("AppID", "wx0123456789abcdef"), ("备案号", "粤ICP备2026041617号-1X")]);
        let e = o.to_event(at()).unwrap();
        assert_eq!(e.stage, Stage::Filed);
        assert_eq!(e.detail.filing_number.as_deref(), Some("粤ICP备2026041617号-1X"));
    }

    #[test]
    fn no_event_without_appid_or_known_status() {
        assert_eq!(observed(&[("备案状态", "管局审核中")]).to_event(at()), None);
        assert_eq!(observed(&[("备案状态", "一切正常"), ("AppID", "wx0123456789abcdef")]).to_event(at()), None);
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
        let text = v.to_string();
        assert!(!text.contains("91440300") && !text.contains("张三") && !text.contains("13800138000"), "{text}");
        assert_eq!(v["province"], "广东省");
        assert_eq!(v["license_valid_until"], "长期");
        assert_eq!(v["subject_principal_validity_end"], "2030-01-01");
        assert!(v["app_principal_validity_end"].is_null());
    }

    #[test]
    fn submission_is_a_platform_review_event() {
        let e = submitted_event("wx0123456789abcdef", Some("某某记账"), at()).unwrap();
        assert_eq!(e.stage, Stage::PlatformReview);
        assert_eq!(submitted_event("not an appid", None, at()), None);
    }
}
