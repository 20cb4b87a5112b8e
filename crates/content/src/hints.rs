//! Hints next to the fields (contracts.md §6): a `<beian-hint>` with a unique id,
//! `data-beian-rule`, `data-beian-severity` and the message as a text node; the field gets
//! `aria-describedby` (our ids added to the page's own) and `aria-invalid="true"` while it has an error.
//!
//! Rendering is a diff: a hint that is still wanted stays (no flicker, no id churn while typing),
//! one that is no longer wanted is removed, new ones are inserted after the field's last hint.

use beian_rules::Severity;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use crate::discover::Field;
use crate::dom;

const ID_PREFIX: &str = "beian-hint-";

/// Inline styles of a hint per severity (colour, background, left border), see [`dom::style`].
const STYLE_ERROR: &str = "all:initial!important;display:block!important;box-sizing:border-box!important;margin:4px 0 0!important;padding:3px 8px!important;max-width:560px!important;font:12px/1.5 -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif!important;color:#c4291c!important;background:#fdf0ef!important;border-left:3px solid #c4291c!important;border-radius:2px!important;text-align:left!important;white-space:normal!important;";
const STYLE_WARNING: &str = "all:initial!important;display:block!important;box-sizing:border-box!important;margin:4px 0 0!important;padding:3px 8px!important;max-width:560px!important;font:12px/1.5 -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif!important;color:#8a5300!important;background:#fff7e6!important;border-left:3px solid #8a5300!important;border-radius:2px!important;text-align:left!important;white-space:normal!important;";
const STYLE_INFO: &str = "all:initial!important;display:block!important;box-sizing:border-box!important;margin:4px 0 0!important;padding:3px 8px!important;max-width:560px!important;font:12px/1.5 -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif!important;color:#3d5a99!important;background:#eef3fb!important;border-left:3px solid #3d5a99!important;border-radius:2px!important;text-align:left!important;white-space:normal!important;";

/// A hint to show: which field (index into the scan), the rule id, severity and text.
pub struct Wanted<'a> {
    pub field: usize,
    pub rule: &'static str,
    pub severity: Severity,
    pub message: &'a str,
}

struct Shown {
    target: Element,
    rule: &'static str,
    severity: Severity,
    message: String,
    element: Element,
}

#[derive(Default)]
pub struct Hints {
    shown: Vec<Shown>,
    next_id: u32,
    /// Fields we marked `aria-invalid`, to unmark them when fixed.
    invalid: Vec<Element>,
}

impl Hints {
    pub fn render(&mut self, doc: &Document, fields: &[Field], wanted: &[Wanted]) -> Result<(), JsValue> {
        let mut keep = vec![false; wanted.len()];
        let mut touched: Vec<Element> = Vec::new();
        self.shown.retain(|s| {
            let still = wanted.iter().enumerate().find(|(i, w)| {
                !keep[*i]
                    && fields.get(w.field).is_some_and(|f| f.target == s.target)
                    && w.rule == s.rule
                    && w.severity == s.severity
                    && w.message == s.message
            });
            match still {
                Some((i, _)) if s.element.is_connected() => {
                    keep[i] = true;
                    true
                }
                _ => {
                    s.element.remove();
                    touched.push(s.target.clone());
                    false
                }
            }
        });
        for (i, w) in wanted.iter().enumerate() {
            if keep[i] {
                continue;
            }
            let Some(field) = fields.get(w.field) else { continue };
            let element = self.create(doc, w)?;
            let after = self.shown.iter().rev().find(|s| s.target == field.target).map(|s| s.element.clone());
            match (after, &field.hint_parent) {
                (Some(prev), _) => {
                    prev.insert_adjacent_element("afterend", &element)?;
                }
                (None, Some(cell)) => {
                    cell.append_child(&element)?;
                }
                (None, None) => {
                    field.target.insert_adjacent_element("afterend", &element)?;
                }
            }
            touched.push(field.target.clone());
            self.shown.push(Shown {
                target: field.target.clone(),
                rule: w.rule,
                severity: w.severity,
                message: w.message.to_string(),
                element,
            });
        }
        for target in dedup(touched) {
            self.update_aria(&target)?;
        }
        Ok(())
    }

    fn create(&mut self, doc: &Document, w: &Wanted) -> Result<Element, JsValue> {
        self.next_id += 1;
        let el = dom::element_with_text(doc, "beian-hint", w.message)?;
        el.set_id(&format!("{ID_PREFIX}{}", self.next_id));
        el.set_attribute("data-beian-rule", w.rule)?;
        el.set_attribute("data-beian-severity", w.severity.as_str())?;
        dom::style(
            &el,
            match w.severity {
                Severity::Error => STYLE_ERROR,
                Severity::Warning => STYLE_WARNING,
                Severity::Info => STYLE_INFO,
            },
        );
        Ok(el)
    }

    fn update_aria(&mut self, target: &Element) -> Result<(), JsValue> {
        let mine: Vec<&Shown> = self.shown.iter().filter(|s| &s.target == target).collect();
        let page_ids: Vec<String> = target
            .get_attribute("aria-describedby")
            .unwrap_or_default()
            .split_whitespace()
            .filter(|id| !id.starts_with(ID_PREFIX))
            .map(String::from)
            .collect();
        let ids: Vec<String> = page_ids.into_iter().chain(mine.iter().map(|s| s.element.id())).collect();
        if ids.is_empty() {
            target.remove_attribute("aria-describedby")?;
        } else {
            target.set_attribute("aria-describedby", &ids.join(" "))?;
        }
        let has_error = mine.iter().any(|s| s.severity == Severity::Error);
        let marked = self.invalid.iter().position(|e| e == target);
        match (has_error, marked) {
            (true, None) => {
                target.set_attribute("aria-invalid", "true")?;
                self.invalid.push(target.clone());
            }
            (false, Some(i)) => {
                target.remove_attribute("aria-invalid")?;
                self.invalid.swap_remove(i);
            }
            _ => {}
        }
        Ok(())
    }
}

fn dedup(mut v: Vec<Element>) -> Vec<Element> {
    let mut out: Vec<Element> = Vec::with_capacity(v.len());
    for e in v.drain(..) {
        if !out.contains(&e) {
            out.push(e);
        }
    }
    out
}
