//! The form-level summary panel (contracts.md §6: `data-beian-summary`): counts per severity and a
//! list linking to each field with a finding. A polite live region, so screen readers hear the
//! counts change without losing focus. Rebuilt only when its content changes.

use beian_rules::Summary as Counts;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};

use crate::dom;

/// Findings listed at most (the counts still say how many there are).
const MAX_ITEMS: usize = 30;

/// Inline styles (one constant per kind of element, see [`dom::style`]).
const STYLE_PANEL: &str = "all:initial!important;display:block!important;position:fixed!important;right:16px!important;bottom:16px!important;z-index:2147483000!important;width:320px!important;max-height:45vh!important;overflow:auto!important;box-sizing:border-box!important;padding:10px 12px!important;background:#fff!important;border:1px solid #e4e8eb!important;border-top:3px solid #07c160!important;border-radius:4px!important;box-shadow:0 4px 16px rgba(0,0,0,.12)!important;font:12px/1.6 sans-serif!important;text-align:left!important;";
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

#[derive(Default)]
pub struct Summary {
    panel: Option<Element>,
    signature: String,
    targets: Vec<Element>,
}

impl Summary {
    pub fn render(&mut self, doc: &Document, counts: Counts, items: Vec<Item>, complete: bool, en: bool) -> Result<(), JsValue> {
        let signature = format!(
            "{complete}|{}|{}|{}|{}",
            counts.error,
            counts.warning,
            counts.info,
            items.iter().map(|i| format!("{}\u{1}{}", i.label, i.message)).collect::<Vec<_>>().join("\u{2}")
        );
        let panel = match &self.panel {
            Some(p) if p.is_connected() => p.clone(),
            _ => self.create(doc)?,
        };
        if signature == self.signature {
            return Ok(());
        }
        self.signature = signature;
        panel.set_text_content(None);
        panel.set_attribute("data-beian-errors", &counts.error.to_string())?;
        panel.set_attribute("data-beian-warnings", &counts.warning.to_string())?;
        panel.set_attribute("data-beian-infos", &counts.info.to_string())?;
        if complete {
            panel.set_attribute("data-beian-complete", "true")?;
        }
        let title = if en { "Filing Assistant" } else { "备案助手" };
        let title_el = dom::element_with_text(doc, "beian-summary-title", title)?;
        dom::style(&title_el, STYLE_TITLE);
        panel.append_child(&title_el)?;
        let counts_el = doc.create_element("beian-summary-counts")?;
        dom::style(&counts_el, STYLE_COUNTS);
        let labels = if en { ["errors", "warnings", "notes"] } else { ["错误", "警告", "提示"] };
        for (i, (severity, n)) in [("error", counts.error), ("warning", counts.warning), ("info", counts.info)].into_iter().enumerate() {
            let text = if en { format!("{n} {}", labels[i]) } else { format!("{} {n}", labels[i]) };
            let span = dom::element_with_text(doc, "span", &text)?;
            span.set_attribute("data-beian-count", severity)?;
            dom::style(&span, STYLE_COUNT);
            counts_el.append_child(&span)?;
        }
        panel.append_child(&counts_el)?;
        if counts.error + counts.warning + counts.info == 0 {
            let none = if en { "No problems found so far." } else { "暂未发现问题。" };
            let p = dom::element_with_text(doc, "beian-summary-item", none)?;
            dom::style(&p, STYLE_NONE);
            panel.append_child(&p)?;
        }
        self.targets.clear();
        for item in items.into_iter().take(MAX_ITEMS) {
            let text = if item.label.is_empty() { item.message.clone() } else { format!("{}：{}", item.label, item.message) };
            let style = match item.severity {
                "error" => STYLE_ITEM_ERROR,
                "warning" => STYLE_ITEM_WARNING,
                _ => STYLE_ITEM_INFO,
            };
            let el = match &item.target {
                Some(target) => {
                    let a = dom::element_with_text(doc, "a", &text)?;
                    a.set_attribute("href", "#")?;
                    a.set_attribute("data-beian-goto", &self.targets.len().to_string())?;
                    self.targets.push(target.clone());
                    a
                }
                None => dom::element_with_text(doc, "span", &text)?,
            };
            el.set_attribute("data-beian-severity", item.severity)?;
            dom::style(&el, style);
            panel.append_child(&el)?;
        }
        Ok(())
    }

    fn create(&mut self, doc: &Document) -> Result<Element, JsValue> {
        let panel = doc.create_element("beian-summary")?;
        panel.set_attribute("data-beian-summary", "")?;
        panel.set_attribute("role", "status")?;
        panel.set_attribute("aria-live", "polite")?;
        dom::style(&panel, STYLE_PANEL);
        let on_click = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
            let Some(link) = e.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|t| t.closest("[data-beian-goto]").ok().flatten()) else {
                return;
            };
            // Our own link: the page never sees a navigation to "#".
            e.prevent_default();
            let index = link.get_attribute("data-beian-goto").and_then(|i| i.parse::<usize>().ok());
            crate::session::with(|s| {
                if let Some(target) = index.and_then(|i| s.summary.targets.get(i)) {
                    go_to(target);
                }
            });
        });
        panel.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())?;
        on_click.forget();
        doc.body().ok_or("no body")?.append_child(&panel)?;
        self.panel = Some(panel.clone());
        Ok(panel)
    }
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
