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
        let (color, background) = match w.severity {
            Severity::Error => ("#c4291c", "#fdf0ef"),
            Severity::Warning => ("#8a5300", "#fff7e6"),
            Severity::Info => ("#3d5a99", "#eef3fb"),
        };
        dom::style(
            &el,
            &[
                ("all", "initial"),
                ("display", "block"),
                ("box-sizing", "border-box"),
                ("margin", "4px 0 0"),
                ("padding", "3px 8px"),
                ("max-width", "560px"),
                ("font", "12px/1.5 -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif"),
                ("color", color),
                ("background", background),
                ("border-left", &format!("3px solid {color}")),
                ("border-radius", "2px"),
                ("text-align", "left"),
                ("white-space", "normal"),
            ],
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
