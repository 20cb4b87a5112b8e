//! Small DOM helpers: element lookups that never throw, text reading, the root attributes.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement, Node, Window};

pub fn window() -> Option<Window> {
    web_sys::window()
}

pub fn document() -> Option<Document> {
    window()?.document()
}

/// A short text for a JS error value (for `data-beian-error` and nothing else: no page data).
pub fn describe(e: &JsValue) -> String {
    if let Some(s) = e.as_string() {
        return s;
    }
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return format!("{}: {}", String::from(err.name()), String::from(err.message()));
    }
    "unknown error".into()
}

pub fn mark_error(reason: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-beian", "error");
        let short: String = reason.chars().take(200).collect();
        let _ = root.set_attribute("data-beian-error", &short);
    }
}

/// `element.textContent`, never `None`.
pub fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

/// Class fragments of elements that annotate a label or a control rather than name it: helper text,
/// tooltips, validation messages (`el-form-item__tip`, `ant-form-item-extra`, `weui-desktop-form__tips`).
const ANNOTATION_CLASSES: &[&str] =
    &["tip", "help", "desc", "extra", "explain", "hint", "popover", "question", "note", "error", "msg", "message", "feedback"];

/// Whether `el` annotates rather than names: `<small>`, `<sup>`, `<i>` icons, buttons, tooltips and
/// elements whose class marks them as help text or a validation message.
pub fn is_annotation(el: &Element) -> bool {
    let tag = el.tag_name();
    if ["SMALL", "SUP", "SUB", "I", "BUTTON", "svg"].iter().any(|t| tag.eq_ignore_ascii_case(t)) {
        return true;
    }
    if el.get_attribute("role").is_some_and(|r| r.eq_ignore_ascii_case("tooltip")) {
        return true;
    }
    let class = el.get_attribute("class").unwrap_or_default().to_ascii_lowercase();
    ANNOTATION_CLASSES.iter().any(|c| class.contains(c))
}

/// A label's own text: its text without annotating descendants ([`is_annotation`]), so that
/// `手机号码 <small>用于接收工信部12381核验短信…</small>` reads as `手机号码`. Depth-bounded.
pub fn label_text(el: &Element) -> String {
    fn collect(node: &Node, out: &mut String, depth: usize) {
        let mut child = node.first_child();
        while let Some(c) = child {
            match c.node_type() {
                Node::TEXT_NODE => out.push_str(&c.text_content().unwrap_or_default()),
                Node::ELEMENT_NODE if depth < 6 => {
                    if let Some(e) = c.dyn_ref::<Element>() {
                        if !is_annotation(e) {
                            collect(e, out, depth + 1);
                        }
                    }
                }
                _ => {}
            }
            child = c.next_sibling();
        }
    }
    let mut out = String::new();
    collect(el, &mut out, 0);
    out
}

/// The element's border box in viewport coordinates `[left, top, right, bottom]`, `None` when it
/// has no box (not rendered). Layout is read, so call it only while scanning, never per keystroke.
/// (Through `Reflect` rather than web-sys's `DomRect`, which would be one more binding feature.)
pub fn rect(el: &Element) -> Option<[f64; 4]> {
    let f = js_sys::Reflect::get(el, &JsValue::from_str("getBoundingClientRect")).ok()?;
    let r = f.dyn_ref::<js_sys::Function>()?.call0(el).ok()?;
    let get = |k: &str| js_sys::Reflect::get(&r, &JsValue::from_str(k)).ok().and_then(|v| v.as_f64());
    let b = [get("left")?, get("top")?, get("right")?, get("bottom")?];
    (b[2] > b[0] || b[3] > b[1]).then_some(b)
}

/// Whether the element is rendered (hidden sections do not count as "on the page").
pub fn is_visible(el: &Element) -> bool {
    match el.dyn_ref::<HtmlElement>() {
        // offsetParent is null for display:none (and for position:fixed, which form fields are not).
        Some(h) => h.offset_parent().is_some() || h.get_client_rects().length() > 0,
        None => true,
    }
}

/// Whether `el` is (inside) one of the extension's own elements.
pub fn is_ours(el: &Element) -> bool {
    el.closest("beian-hint, beian-summary").ok().flatten().is_some()
}

/// Sets the element's inline style to `css` (declarations each with `!important`, written as one
/// constant): the page's CSS cannot restyle our elements, and a CSSOM write (`style.cssText`) is
/// allowed under a page CSP that forbids inline `style` attributes. One call per element instead of
/// one per declaration: the keystroke path creates hints and summary lines.
pub fn style(el: &Element, css: &str) {
    if let Some(h) = el.dyn_ref::<HtmlElement>() {
        h.style().set_css_text(css);
    }
}

/// Creates an element with text content (a text node: page-derived text is never parsed as HTML).
pub fn element_with_text(doc: &Document, tag: &str, text: &str) -> Result<Element, JsValue> {
    let el = doc.create_element(tag)?;
    el.append_child(&doc.create_text_node(text))?;
    Ok(el)
}

thread_local! {
    /// One `(e) => undefined` for every promise whose rejection is handled by ignoring it (created
    /// once and kept: a closure per promise would leak when the promise resolves).
    static IGNORE: wasm_bindgen::closure::Closure<dyn FnMut(JsValue)> =
        wasm_bindgen::closure::Closure::new(|_: JsValue| {});
}

/// `promise.catch(() => undefined)`: settles with `undefined` instead of rejecting.
pub fn ignore_rejection(promise: &js_sys::Promise) -> js_sys::Promise {
    IGNORE.with(|f| promise.catch(f))
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// A promise seen only for its `then(f)` with any function value (js-sys's `then` wants a
    /// `Closure`; here `f` is a `Closure::once_into_js`, freed when called).
    type Thenable;
    #[wasm_bindgen(method, js_name = then)]
    fn then_function(this: &Thenable, f: &JsValue) -> JsValue;
}

/// Calls `f` with what `promise` resolves to (once; `f` must be a function value).
pub fn then(promise: &js_sys::Promise, f: &JsValue) {
    let _ = promise.unchecked_ref::<Thenable>().then_function(f);
}
