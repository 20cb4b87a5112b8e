//! Reading the recognised fields' current values into a draft.
//!
//! Hidden controls (a section the page collapsed, the manual fields behind 复用主体负责人信息) count
//! as absent, as the rules expect of fields the user has not reached.

use beian_formmap::label::is_one_of;
use beian_formmap::synonyms::{EMPTY_CHOICES, NO, REUSE_OPTIONS, YES};
use beian_formmap::{assemble, UploadMeta, Value};
use beian_rules::draft::PreApproval;
use beian_rules::Draft;
use std::borrow::Cow;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use crate::discover::{option_text, Field, Kind};
use crate::dom;

/// The draft, and which field shows `materials.uploads[i]` (index i of `upload_fields`).
pub struct Reading {
    pub draft: Draft,
    pub upload_fields: Vec<usize>,
}

/// Metadata read so far for chosen files (pixel sizes arrive asynchronously).
pub type KnownUploads = Vec<(Element, UploadMeta)>;

/// What one field contributed to the draft when it was last read.
#[derive(Default)]
struct FieldValue {
    pairs: Vec<(Cow<'static, str>, Value)>,
    /// The field holds a chosen file: it shows the next `materials.uploads[i]`.
    upload: bool,
}

/// The fields' values as last read, in scan order. Reading a control crosses into JS several times
/// (value, checked, option text), so a keystroke re-reads only the edited field ([`Values::read_one`]);
/// everything else (changes, clicks, rescans, the idle reconcile) re-reads all ([`Values::read_all`]).
#[derive(Default)]
pub struct Values {
    per_field: Vec<FieldValue>,
}

impl Values {
    pub fn read_all(&mut self, fields: &[Field], known: &KnownUploads) {
        self.per_field = fields.iter().map(|f| read_field(f, known)).collect();
    }

    /// Re-reads field `index` only. False when the values are not of these fields (none read yet,
    /// or a rescan changed the fields): then the caller reads all.
    pub fn read_one(&mut self, fields: &[Field], index: usize, known: &KnownUploads) -> bool {
        if self.per_field.len() != fields.len() {
            return false;
        }
        match (self.per_field.get_mut(index), fields.get(index)) {
            (Some(slot), Some(field)) => {
                *slot = read_field(field, known);
                true
            }
            _ => false,
        }
    }

    /// The draft of the values as last read.
    pub fn reading(&self) -> Reading {
        let pairs = self.per_field.iter().flat_map(|v| v.pairs.iter().map(|(p, v)| (p.as_ref(), v.clone())));
        let upload_fields = self.per_field.iter().enumerate().filter(|(_, v)| v.upload).map(|(i, _)| i).collect();
        Reading { draft: assemble(pairs), upload_fields }
    }
}

fn read_field(field: &Field, known: &KnownUploads) -> FieldValue {
    let mut out = FieldValue::default();
    if !field.visible {
        return out;
    }
    let path = field.path;
    let pairs = &mut out.pairs;
    match field.kind {
        Kind::Text | Kind::Display => {
            if let Some(el) = field.controls.first() {
                pairs.push((path.into(), Value::Text(control_text(el, field.kind))));
            }
        }
        Kind::Choice => {
            let chosen = checked(field).next().map(option_text).unwrap_or_default();
            pairs.push((path.into(), Value::Text(chosen)));
        }
        Kind::Flag => {
            if let Some(c) = checked(field).next() {
                let text = option_text(c);
                let yes = is_one_of(&text, YES) || is_one_of(&text, REUSE_OPTIONS);
                let no = is_one_of(&text, NO);
                pairs.push((path.into(), Value::Flag(yes || !no && !text.contains("手动"))));
            }
        }
        Kind::Toggle => {
            if let Some(el) = field.controls.first() {
                pairs.push((path.into(), Value::Flag(is_on(el))));
            }
        }
        Kind::List => {
            let chosen = checked(field).map(option_text).collect();
            pairs.push((path.into(), Value::List(chosen)));
        }
        Kind::PreApprovals => {
            let items = checked(field).map(pre_approval).collect();
            pairs.push((path.into(), Value::PreApprovals(items)));
        }
        Kind::LongTerm => {
            if checked(field).next().is_some() {
                pairs.push((path.into(), Value::Text("长期".into())));
            }
        }
        Kind::Sealed => {
            let sealed = checked(field).next().is_some();
            pairs.push((format!("{path}.sealed").into(), Value::Flag(sealed)));
        }
        Kind::Upload { slot } => {
            let Some(el) = field.controls.first() else { return out };
            let meta = chosen_file(el, slot, known);
            if path != "materials.uploads" {
                // A letter's row: uploaded or not is a field of its own.
                pairs.push((path.into(), Value::Flag(meta.is_some())));
            }
            if let Some(meta) = meta {
                pairs.push(("materials.uploads".into(), Value::Upload(meta)));
                out.upload = true;
            }
        }
    }
    out
}

fn checked(field: &Field) -> impl Iterator<Item = &Element> {
    field.controls.iter().filter(|c| is_on(c))
}

/// Whether a checkbox, radio or switch is on: a native input's `checked`, else `aria-checked`
/// (`div role=checkbox`, `role=switch`), else the class uni-app marks its box with
/// (`uni-checkbox-input-checked`, `uni-radio-input-checked`, `uni-switch-input-checked`).
fn is_on(el: &Element) -> bool {
    match el.dyn_ref::<HtmlInputElement>() {
        Some(i) => i.checked(),
        None => match el.get_attribute("aria-checked") {
            Some(state) => state == "true",
            None if el.has_attribute(crate::discover::CHIP_OPTION_MARK) => {
                let class = el.get_attribute("class").unwrap_or_default().to_ascii_lowercase();
                ["selected", "checked", "active"].iter().any(|s| class.contains(s))
            }
            None => el.query_selector("[class*=\"-input-checked\"]").ok().flatten().is_some(),
        },
    }
}

fn control_text(el: &Element, kind: Kind) -> String {
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        return i.value();
    }
    if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        return t.value();
    }
    if let Some(s) = el.dyn_ref::<HtmlSelectElement>() {
        let chosen = s.query_selector("option:checked").ok().flatten().map(|o| dom::text(&o)).unwrap_or_default();
        return if is_one_of(&chosen, EMPTY_CHOICES) { String::new() } else { chosen.trim().into() };
    }
    debug_assert_eq!(kind, Kind::Display);
    displayed_choice(el)
}

/// The text a div-based select shows: the first of its value elements with text (Element Plus
/// shows the choice in `el-select__placeholder`, beside an empty `el-select__selected-item`), else
/// its own text minus the (hidden) option list. `请选择…` means nothing chosen.
fn displayed_choice(el: &Element) -> String {
    const VALUE_PARTS: &str =
        "[class*=\"__value\"], [class*=\"__dt\"], [class*=\"selected\"], [class*=\"current\"], [class*=\"placeholder\"]";
    let parts = el.query_selector_all(VALUE_PARTS).ok();
    let shown = parts
        .iter()
        .flat_map(|list| (0..list.length()).filter_map(move |i| list.item(i)))
        .filter_map(|n| n.text_content())
        .find(|t| !t.trim().is_empty())
        .or_else(|| el.get_attribute("aria-valuetext"))
        .unwrap_or_else(|| {
            let all = dom::text(el);
            let list = el.query_selector("ul, [role=\"listbox\"]").ok().flatten().map(|l| dom::text(&l)).unwrap_or_default();
            all.replacen(&list, "", 1)
        });
    // The arrow a picker draws beside its text (`广东省 ›`) is not part of the choice.
    let shown = shown.trim().trim_end_matches(['›', '>', '▾', '▼', '⌄']).trim_end();
    if is_one_of(shown, EMPTY_CHOICES) || shown.starts_with("请选择") { String::new() } else { shown.into() }
}

/// A checked 前置审批 item: its type, and the 审批号 / document in the same item.
fn pre_approval(checkbox: &Element) -> PreApproval {
    let kind = option_text(checkbox);
    let item = approval_item(checkbox);
    let number = item
        .as_ref()
        .and_then(|i| i.query_selector("input[type=\"text\"], input:not([type])").ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
        .filter(|v| !v.trim().is_empty());
    let document = item
        .as_ref()
        .and_then(|i| i.query_selector("input[type=\"file\"]").ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.files().is_some_and(|f| f.length() > 0));
    PreApproval { kind: Some(kind), number, document }
}

/// The element holding a 前置审批 option and its 审批号 / document inputs: the nearest ancestor of
/// the option (or of its <label>) with a text input and no other option (the number may sit in a
/// detail block beside the option's own wrapper); else the option's parent, as in a flat list.
fn approval_item(checkbox: &Element) -> Option<Element> {
    const MAX_LEVELS: usize = 4;
    const OPTIONS: &str = "input[type=\"checkbox\"], [role=\"checkbox\"], uni-checkbox";
    let start = checkbox.closest("label, uni-label").ok().flatten().unwrap_or_else(|| checkbox.clone());
    let mut node = start.clone();
    for _ in 0..MAX_LEVELS {
        let Some(parent) = node.parent_element() else { break };
        if parent.query_selector_all(OPTIONS).map_or(0, |l| l.length()) > 1 {
            break;
        }
        if parent.query_selector("input[type=\"text\"], input:not([type])").ok().flatten().is_some() {
            return Some(parent);
        }
        node = parent;
    }
    start.parent_element()
}

/// The chosen file's metadata: what is known (with pixel size) or at least name, type and size.
fn chosen_file(el: &Element, slot: &str, known: &KnownUploads) -> Option<UploadMeta> {
    let input = el.dyn_ref::<HtmlInputElement>()?;
    let file = input.files()?.item(0)?;
    if let Some((_, meta)) = known.iter().find(|(e, m)| e == el && m.file_name.as_deref() == Some(&file.name())) {
        return Some(meta.clone());
    }
    Some(UploadMeta {
        slot: Some(slot.into()),
        file_name: Some(file.name()),
        content_type: Some(file.type_()).filter(|t| !t.is_empty()),
        bytes: Some(file.size() as u64),
        width: None,
        height: None,
    })
}
