//! The form-level summary panel (contracts.md §6: `data-beian-summary`): counts per severity and a
//! list linking to each field with a finding. A polite live region, so screen readers hear the
//! counts change without losing focus. Updated in place: only changed lines are touched.

use beian_rules::Summary as Counts;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};

use crate::dom;

/// Findings listed at most (the counts still say how many there are).
const MAX_ITEMS: usize = 30;

/// Inline styles (one constant per kind of element, see [`dom::style`]). The panel's `z-index` is
/// below the page's own overlays (pickers, dialogs, toasts: uni-app 999, antd 1000, Element and
/// Vant 2000+), so it never covers a control the page shows over the form (a bottom-sheet
/// picker's 确定 lay under it at the top z-index).
const STYLE_PANEL: &str = "all:initial!important;display:block!important;position:fixed!important;right:16px!important;bottom:16px!important;z-index:900!important;width:320px!important;max-height:45vh!important;overflow:auto!important;box-sizing:border-box!important;padding:10px 12px!important;background:#fff!important;border:1px solid #e4e8eb!important;border-top:3px solid #07c160!important;border-radius:4px!important;box-shadow:0 4px 16px rgba(0,0,0,.12)!important;font:12px/1.6 sans-serif!important;text-align:left!important;";
const STYLE_TITLE: &str = "all:initial!important;display:block!important;font:600 13px/1.6 sans-serif!important;color:#1a1a1a!important;";
const STYLE_COUNTS: &str = "all:initial!important;display:block!important;font:12px/1.6 sans-serif!important;color:#555!important;";
const STYLE_COUNT: &str = "all:initial!important;font:inherit!important;color:inherit!important;margin-right:10px!important;";
const STYLE_NONE: &str = "all:initial!important;display:block!important;font:12px/1.6 sans-serif!important;color:#07c160!important;";
const STYLE_ITEM_ERROR: &str = "all:initial!important;display:block!important;font:12px/1.6 sans-serif!important;color:#c4291c!important;cursor:pointer!important;text-decoration:underline!important;";
const STYLE_ITEM_WARNING: &str = "all:initial!important;display:block!important;font:12px/1.6 sans-serif!important;color:#8a5300!important;cursor:pointer!important;text-decoration:underline!important;";
const STYLE_ITEM_INFO: &str = "all:initial!important;display:block!important;font:12px/1.6 sans-serif!important;color:#3d5a99!important;cursor:pointer!important;text-decoration:underline!important;";

/// One line of the list: the field's label, the message, and the field to jump to (if on the page).
pub struct Item {
    pub label: String,
    pub message: String,
    pub severity: &'static str,
    pub target: Option<Element>,
}

/// A line as rendered.
struct Line {
    text: String,
    severity: &'static str,
    target: Option<Element>,
    element: Element,
}

impl Line {
    fn shows(&self, text: &str, item: &Item) -> bool {
        self.text == text && self.severity == item.severity && self.target == item.target
    }
}

/// The panel's parts that change.
struct Parts {
    panel: Element,
    counts: [Element; 3],
    /// "No problems found so far", while there are none.
    none: Option<Element>,
}

/// The panel, updated in place: a keystroke usually changes one line and the counts, so only those
/// are touched (rebuilding the list on every edit cost a third of the keystroke's time).
#[derive(Default)]
pub struct Summary {
    parts: Option<Parts>,
    /// Counts and completeness as rendered (`None`: nothing rendered yet).
    state: Option<(Counts, bool)>,
    lines: Vec<Line>,
}

impl Summary {
    pub fn render(&mut self, doc: &Document, counts: Counts, items: Vec<Item>, complete: bool, en: bool) -> Result<(), JsValue> {
        if !self.parts.as_ref().is_some_and(|p| p.panel.is_connected()) {
            self.parts = Some(create(doc, en)?);
            self.state = None;
            self.lines.clear();
        }
        let Some(parts) = &mut self.parts else { return Ok(()) };
        if self.state != Some((counts, complete)) {
            self.state = Some((counts, complete));
            update_counts(doc, parts, counts, complete, en)?;
        }
        // The new lines' texts; the unchanged head and tail of the list stay as they are.
        let texts: Vec<String> = items
            .iter()
            .take(MAX_ITEMS)
            .map(|i| if i.label.is_empty() { i.message.clone() } else { format!("{}：{}", i.label, i.message) })
            .collect();
        let items = &items[..texts.len()];
        let same = |old: &Line, i: usize| old.shows(&texts[i], &items[i]);
        let head = self.lines.iter().zip(0..texts.len()).take_while(|(l, i)| same(l, *i)).count();
        let max_tail = self.lines.len().min(texts.len()) - head;
        let tail = (0..max_tail).take_while(|k| same(&self.lines[self.lines.len() - 1 - k], texts.len() - 1 - k)).count();
        let removed = head..self.lines.len() - tail;
        for line in &self.lines[removed.clone()] {
            line.element.remove();
        }
        let before = self.lines.get(self.lines.len() - tail).map(|l| l.element.clone());
        let mut added = Vec::with_capacity(texts.len() - head - tail);
        for (text, item) in texts.iter().zip(items).take(texts.len() - tail).skip(head) {
            let element = line_element(doc, text, item)?;
            parts.panel.insert_before(&element, before.as_ref().map(|b| b.unchecked_ref::<web_sys::Node>()))?;
            added.push(Line { text: text.clone(), severity: item.severity, target: item.target.clone(), element });
        }
        self.lines.splice(removed, added);
        Ok(())
    }

    /// The field a summary link points to.
    fn target_of(&self, link: &Element) -> Option<&Element> {
        self.lines.iter().find(|l| &l.element == link)?.target.as_ref()
    }
}

fn line_element(doc: &Document, text: &str, item: &Item) -> Result<Element, JsValue> {
    let style = match item.severity {
        "error" => STYLE_ITEM_ERROR,
        "warning" => STYLE_ITEM_WARNING,
        _ => STYLE_ITEM_INFO,
    };
    let el = if item.target.is_some() {
        let a = dom::element_with_text(doc, "a", text)?;
        a.set_attribute("href", "#")?;
        a.set_attribute("data-beian-goto", "")?;
        a
    } else {
        dom::element_with_text(doc, "span", text)?
    };
    el.set_attribute("data-beian-severity", item.severity)?;
    dom::style(&el, style);
    Ok(el)
}

fn update_counts(doc: &Document, parts: &mut Parts, counts: Counts, complete: bool, en: bool) -> Result<(), JsValue> {
    let panel = &parts.panel;
    panel.set_attribute("data-beian-errors", &counts.error.to_string())?;
    panel.set_attribute("data-beian-warnings", &counts.warning.to_string())?;
    panel.set_attribute("data-beian-infos", &counts.info.to_string())?;
    if complete {
        panel.set_attribute("data-beian-complete", "true")?;
    }
    let labels = if en { ["errors", "warnings", "notes"] } else { ["错误", "警告", "提示"] };
    for (i, n) in [counts.error, counts.warning, counts.info].into_iter().enumerate() {
        let text = if en { format!("{n} {}", labels[i]) } else { format!("{} {n}", labels[i]) };
        parts.counts[i].set_text_content(Some(&text));
    }
    let nothing = counts.error + counts.warning + counts.info == 0;
    match (&parts.none, nothing) {
        (None, true) => {
            let text = if en { "No problems found so far." } else { "暂未发现问题。" };
            let none = dom::element_with_text(doc, "beian-summary-item", text)?;
            dom::style(&none, STYLE_NONE);
            let counts_row = parts.counts[0].parent_element().ok_or("summary without counts")?;
            counts_row.insert_adjacent_element("afterend", &none)?;
            parts.none = Some(none);
        }
        (Some(none), false) => {
            none.remove();
            parts.none = None;
        }
        _ => {}
    }
    Ok(())
}

/// The panel with its title and count row, appended to the body.
fn create(doc: &Document, en: bool) -> Result<Parts, JsValue> {
    let panel = doc.create_element("beian-summary")?;
    panel.set_attribute("data-beian-summary", "")?;
    panel.set_attribute("role", "status")?;
    panel.set_attribute("aria-live", "polite")?;
    dom::style(&panel, STYLE_PANEL);
    let title = dom::element_with_text(doc, "beian-summary-title", if en { "Filing Assistant" } else { "备案助手" })?;
    dom::style(&title, STYLE_TITLE);
    panel.append_child(&title)?;
    let counts_row = doc.create_element("beian-summary-counts")?;
    dom::style(&counts_row, STYLE_COUNTS);
    let mut counts = Vec::with_capacity(3);
    for severity in ["error", "warning", "info"] {
        let span = doc.create_element("span")?;
        span.set_attribute("data-beian-count", severity)?;
        dom::style(&span, STYLE_COUNT);
        counts_row.append_child(&span)?;
        counts.push(span);
    }
    panel.append_child(&counts_row)?;
    let on_click = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
        let Some(link) = e.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|t| t.closest("[data-beian-goto]").ok().flatten()) else {
            return;
        };
        // Our own link: the page never sees a navigation to "#".
        e.prevent_default();
        crate::session::with(|s| {
            if let Some(target) = s.summary.target_of(&link) {
                go_to(target);
            }
        });
    });
    panel.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())?;
    on_click.forget();
    doc.body().ok_or("no body")?.append_child(&panel)?;
    let counts: [Element; 3] = counts.try_into().map_err(|_| "summary counts")?;
    Ok(Parts { panel, counts, none: None })
}

fn go_to(target: &Element) {
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    target.scroll_into_view_with_scroll_into_view_options(&options);
    let focusable = if target.matches("input, textarea, select, [tabindex]").unwrap_or(false) {
        Some(target.clone())
    } else {
        target.query_selector("input, textarea, select, [tabindex]").ok().flatten()
    };
    if let Some(f) = focusable.and_then(|f| f.dyn_into::<HtmlElement>().ok()) {
        let _ = f.focus();
    }
}
