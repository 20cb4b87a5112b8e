//! Field discovery: which page control is which draft field.
//!
//! For every form control (inputs, textareas, selects, div-based custom selects) the label is looked
//! for, in order: `<label for=id>`, an enclosing `<label>`, then the previous siblings of the control
//! and of its ancestors (WeChat's `weui-desktop-form__label` / `__controls` rows), and finally the
//! placeholder or `aria-label`. Radio and checkbox inputs skip their own `<label>` (that is the
//! option's text, 企业 or 长期, not the field's). The section is the nearest preceding section
//! heading, because 主体负责人 and 小程序负责人 share every label. Controls of one row that share a
//! concept are told apart by position (地区: province, city, district; 有效期: start, end).

use beian_formmap::label::{is_one_of, match_label, match_placeholder, match_section};
use beian_formmap::synonyms::{LONG_TERM, PLACEHOLDER_PREFIXES};
use beian_formmap::{field_path, upload_slot, Concept, Section};
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, Node};

use crate::dom;

/// How far up the tree a label is looked for; rows are shallow, and going further would pick up
/// the label of a neighbouring row.
const MAX_LABEL_DEPTH: usize = 5;
/// Previous siblings inspected per level.
const MAX_SIBLINGS: usize = 3;
/// Controls considered per scan: a bound on the work a huge page can cause.
pub const MAX_CONTROLS: u32 = 600;

const CONTROL_SELECTOR: &str = "input, textarea, select, [role=\"combobox\"], .weui-desktop-form__dropdown, .weui-desktop-dropdown";
const HEADING_SELECTOR: &str = "h1, h2, h3, h4, h5, h6, legend, [role=\"heading\"], [class*=\"title\"], [class*=\"hd\"], [class*=\"header\"]";

/// What a field's controls hold, i.e. how to read them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `<input>`, `<textarea>`, `<select>`: the value.
    Text,
    /// A div-based select: its displayed text (`请选择` counts as empty).
    Display,
    /// A radio group: the chosen option's text (主办者性质, 证件类型).
    Choice,
    /// A radio group answering yes/no (是否为法定代表人, 复用/手动填写).
    Flag,
    /// A checkbox group: the chosen options' texts (服务内容标识).
    List,
    /// The 前置审批项 checkbox group, each item with its 审批号 and document.
    PreApprovals,
    /// The 长期 checkbox of a validity row: when checked the end date is `长期`.
    LongTerm,
    /// A file input; `slot` per contracts.md §1.
    Upload { slot: &'static str },
    /// The 已盖章 checkbox of a letter row.
    Sealed,
}

/// One recognised field.
pub struct Field {
    /// contracts.md §1 path; `materials.uploads` for uploads (the reader appends the index).
    pub path: &'static str,
    /// The row's label as the page shows it (trimmed), for the summary.
    pub label: String,
    pub kind: Kind,
    /// The controls, in document order (one for text fields, the options of a group).
    pub controls: Vec<Element>,
    /// What carries `data-beian-field`, `aria-describedby`, `aria-invalid`: the control itself, or
    /// for groups the element holding the options.
    pub target: Element,
    /// Hints go at the end of this element (the row's controls cell) or, if `None`, right after
    /// `target`.
    pub hint_parent: Option<Element>,
    /// Rendered when the form was last scanned. Hidden fields count as absent. Computed per scan,
    /// not per keystroke: asking for layout after our own hint changes would force a synchronous
    /// layout on every edit, and visibility only changes with DOM changes, which trigger a rescan.
    pub visible: bool,
}

/// The result of a scan.
pub struct Scan {
    pub fields: Vec<Field>,
    pub sections: usize,
}

struct Label {
    concept: Concept,
    text: String,
    /// The element holding both label and control (the form row), if the label was structural.
    row: Option<Element>,
}

/// Scans the document.
pub fn scan(doc: &Document) -> Scan {
    let headings = section_headings(doc);
    let labels_for = labels_by_for(doc);
    let mut fields: Vec<Field> = Vec::new();
    // (row, concept, kind-class) → how many controls of that class came before in the row.
    let mut positions: Vec<(Element, Concept, u8, usize)> = Vec::new();
    let Ok(list) = doc.query_selector_all(CONTROL_SELECTOR) else { return Scan { fields, sections: 0 } };
    let mut custom_selects: Vec<Element> = Vec::new();
    for i in 0..list.length().min(MAX_CONTROLS) {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        if dom::is_ours(&el) || inside_any(&el, &custom_selects) {
            continue;
        }
        let input = el.dyn_ref::<HtmlInputElement>();
        let input_type = input.map(|i| i.type_().to_ascii_lowercase());
        let is_tag = |t: &str| el.tag_name().eq_ignore_ascii_case(t);
        let is_custom_select = input.is_none() && !is_tag("textarea") && !is_tag("select");
        let kind_class: u8 = match input_type.as_deref() {
            Some("hidden" | "submit" | "button" | "image" | "reset") => continue,
            Some("radio") => 1,
            Some("checkbox") => 2,
            Some("file") => 3,
            _ => 0,
        };
        if is_custom_select {
            custom_selects.push(el.clone());
        }
        let section = section_of(&el, &headings);
        let Some(label) = find_label(&el, kind_class, &labels_for) else { continue };
        let part = {
            let key_row = label.row.clone();
            match key_row {
                Some(row) => {
                    let slot = positions
                        .iter_mut()
                        .find(|(r, c, k, _)| r == &row && *c == label.concept && *k == kind_class);
                    match slot {
                        Some((_, _, _, n)) => {
                            *n += 1;
                            *n - 1
                        }
                        None => {
                            positions.push((row, label.concept, kind_class, 1));
                            0
                        }
                    }
                }
                None => 0,
            }
        };
        let effective_section = section.unwrap_or(Section::Materials);
        let option = option_text(&el);
        let (kind, path) = match kind_class {
            // Radios: one field per group.
            1 => {
                let kind = match label.concept {
                    Concept::IsLegalRepresentative | Concept::ReusePrincipal => Kind::Flag,
                    _ => Kind::Choice,
                };
                (kind, field_path(effective_section, label.concept, 0))
            }
            2 => match label.concept {
                Concept::ServiceTypes => (Kind::List, field_path(effective_section, label.concept, 0)),
                Concept::PreApprovals => (Kind::PreApprovals, field_path(effective_section, label.concept, 0)),
                Concept::Validity | Concept::ValidityEnd | Concept::LicenceValidity if is_one_of(&option, LONG_TERM) => {
                    (Kind::LongTerm, field_path(effective_section, label.concept, 1))
                }
                Concept::CommitmentLetter | Concept::AuthorizationLetter | Concept::ResidenceProof
                    if option.contains("章") =>
                {
                    (Kind::Sealed, field_path(effective_section, label.concept, 0))
                }
                Concept::IsLegalRepresentative => (Kind::Flag, field_path(effective_section, label.concept, 0)),
                _ => continue,
            },
            3 => {
                let concept = upload_concept(&el).unwrap_or(label.concept);
                let slot = upload_slot(effective_section, concept);
                let path = match concept {
                    Concept::CommitmentLetter | Concept::AuthorizationLetter | Concept::ResidenceProof => {
                        field_path(effective_section, concept, 0)
                    }
                    _ => Some("materials.uploads"),
                };
                (Kind::Upload { slot }, path)
            }
            _ => {
                let kind = if is_custom_select { Kind::Display } else { Kind::Text };
                // A validity row with one date input and a 长期 box: that input is the end date.
                let part = if label.concept == Concept::LicenceValidity { 1 } else { part };
                match field_path(effective_section, label.concept, part) {
                    // A text box inside a group row (审批号 under 前置审批项, a search box in the
                    // service picker) is part of that group, not the group's value.
                    Some(p) if is_text_path(p) => (kind, Some(p)),
                    _ => continue,
                }
            }
        };
        let Some(path) = path else { continue };
        // Section-bound concepts need a section; section-free ones (AppID, uploads…) do not.
        if section.is_none() && field_path(Section::Materials, label.concept, 0).is_none() && kind_class != 3 {
            continue;
        }
        let grouped = matches!(kind, Kind::Choice | Kind::Flag | Kind::List | Kind::PreApprovals);
        if grouped {
            if let Some(f) = fields.iter_mut().find(|f| f.path == path && f.kind == kind) {
                f.controls.push(el);
                continue;
            }
        }
        let cell = label.row.as_ref().and_then(|row| child_of_row(&el, row));
        let target = if grouped { cell.clone().unwrap_or_else(|| el.clone()) } else { el.clone() };
        fields.push(Field {
            path,
            label: display_label(&label.text),
            kind,
            controls: vec![el],
            target,
            hint_parent: cell,
            visible: true,
        });
    }
    for f in &mut fields {
        f.visible = is_field_visible(f);
    }
    Scan { fields, sections: headings.len() }
}

fn is_field_visible(field: &Field) -> bool {
    match field.kind {
        Kind::Text | Kind::Display => field.controls.first().is_some_and(dom::is_visible),
        // Native radios, checkboxes and file inputs are often hidden behind styled labels and tiles.
        _ => dom::is_visible(field.hint_parent.as_ref().unwrap_or(&field.target)),
    }
}

/// Whether a path holds text typed or chosen in a single control.
fn is_text_path(path: &str) -> bool {
    !matches!(
        path,
        "app.service_types" | "app.pre_approvals" | "subject_principal.is_legal_representative"
            | "app_principal.reuse_subject_principal"
    ) && !path.starts_with("materials.")
}

/// Section headings in document order.
fn section_headings(doc: &Document) -> Vec<(Element, Section)> {
    let mut out = Vec::new();
    let Ok(list) = doc.query_selector_all(HEADING_SELECTOR) else { return out };
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        if let Some(section) = match_section(&dom::text(&el)) {
            // A title wrapping a title: keep the innermost only.
            if let Some((last, _)) = out.last() {
                let last: &Element = last;
                if last.contains(Some(&el)) {
                    out.pop();
                }
            }
            out.push((el, section));
        }
    }
    out
}

/// The section of the last heading before `el` in document order.
fn section_of(el: &Element, headings: &[(Element, Section)]) -> Option<Section> {
    let mut found = None;
    for (h, s) in headings {
        if h.compare_document_position(el) & Node::DOCUMENT_POSITION_FOLLOWING != 0 {
            found = Some(*s);
        } else {
            break;
        }
    }
    found
}

fn labels_by_for(doc: &Document) -> HashMap<String, String> {
    let mut map = HashMap::new();
    if let Ok(list) = doc.query_selector_all("label[for]") {
        for i in 0..list.length() {
            let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
            if let Some(id) = el.get_attribute("for") {
                map.entry(id).or_insert_with(|| dom::text(&el));
            }
        }
    }
    map
}

fn find_label(el: &Element, kind_class: u8, labels_for: &HashMap<String, String>) -> Option<Label> {
    let option_like = kind_class == 1 || kind_class == 2;
    if !option_like {
        if let Some(text) = (!el.id().is_empty()).then(|| labels_for.get(&el.id())).flatten() {
            if let Some(concept) = match_label(text) {
                return Some(Label { concept, text: text.clone(), row: common_row(el) });
            }
        }
        if let Ok(Some(label)) = el.closest("label") {
            let text = dom::text(&label);
            if let Some(concept) = match_label(&text) {
                return Some(Label { concept, text, row: label.parent_element() });
            }
        }
    }
    // Structural: previous siblings of the control and of its ancestors.
    let start = if option_like { el.closest("label").ok().flatten().unwrap_or_else(|| el.clone()) } else { el.clone() };
    let mut node = start;
    for _ in 0..MAX_LABEL_DEPTH {
        let mut sib = node.previous_element_sibling();
        let mut seen = 0;
        while let Some(s) = sib {
            if seen >= MAX_SIBLINGS {
                break;
            }
            seen += 1;
            // A sibling holding controls is the previous row, not this row's label.
            let is_row = s.query_selector(CONTROL_SELECTOR).ok().flatten().is_some();
            if !is_row && !dom::is_ours(&s) {
                let text = dom::text(&s);
                if let Some(concept) = match_label(&text) {
                    return Some(Label { concept, text, row: node.parent_element() });
                }
            }
            sib = s.previous_element_sibling();
        }
        match node.parent_element() {
            Some(p) if !p.tag_name().eq_ignore_ascii_case("body") && !p.tag_name().eq_ignore_ascii_case("form") => node = p,
            _ => break,
        }
    }
    // Second clue: the placeholder (or aria-label) names the field.
    for attr in ["placeholder", "aria-label", "data-placeholder"] {
        if let Some(text) = el.get_attribute(attr) {
            if let Some(concept) = match_placeholder(&text) {
                // The summary shows `通讯地址`, not `请输入通讯地址`.
                let trimmed = text.trim();
                let shown = PLACEHOLDER_PREFIXES.iter().find_map(|p| trimmed.strip_prefix(p)).unwrap_or(trimmed);
                return Some(Label { concept, text: shown.to_string(), row: None });
            }
        }
    }
    None
}

/// For `<label for>`: the row is the label's parent when it also holds the control.
fn common_row(el: &Element) -> Option<Element> {
    let doc = el.owner_document()?;
    let selector = format!("label[for=\"{}\"]", el.id().replace(['"', '\\'], ""));
    let label = doc.query_selector(&selector).ok().flatten()?;
    let mut row = label.parent_element();
    while let Some(r) = row {
        if r.contains(Some(el)) {
            return Some(r);
        }
        row = r.parent_element();
    }
    None
}

/// The child of `row` that contains `el` (the row's controls cell).
fn child_of_row(el: &Element, row: &Element) -> Option<Element> {
    let mut node = el.clone();
    loop {
        let parent = node.parent_element()?;
        if &parent == row {
            return Some(node);
        }
        node = parent;
    }
}

fn inside_any(el: &Element, containers: &[Element]) -> bool {
    containers.iter().any(|c| c != el && c.contains(Some(el)))
}

/// An option's text: its `<label>`'s text, else the next sibling's, else the value attribute.
pub fn option_text(el: &Element) -> String {
    if let Ok(Some(label)) = el.closest("label") {
        let t = dom::text(&label);
        if !t.trim().is_empty() {
            return t.trim().to_string();
        }
    }
    if let Some(next) = el.next_element_sibling() {
        let t = dom::text(&next);
        if !t.trim().is_empty() {
            return t.trim().to_string();
        }
    }
    el.get_attribute("value").unwrap_or_default()
}

/// An upload tile's own caption (人像面 / 国徽面) refines the row's concept.
fn upload_concept(el: &Element) -> Option<Concept> {
    let mut node = el.parent_element();
    for _ in 0..3 {
        let n = node?;
        let text = dom::text(&n);
        if text.chars().count() <= 24 {
            if let Some(c @ (Concept::IdFront | Concept::IdBack)) = match_label(&text) {
                return Some(c);
            }
        }
        node = n.parent_element();
    }
    None
}

/// A label as shown in the summary: trimmed, without the required-mark and colon, at most 40 chars.
fn display_label(raw: &str) -> String {
    let t = raw.trim().trim_start_matches(['*', '＊']).trim().trim_end_matches([':', '：']).trim();
    t.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::display_label;

    #[test]
    fn summary_labels_drop_marks_and_colons_but_keep_the_text() {
        assert_eq!(display_label(" * 证件号码： "), "证件号码");
        assert_eq!(display_label("备注（必填）<img src=x>"), "备注（必填）<img src=x>");
        assert_eq!(display_label(&"长".repeat(50)).chars().count(), 40);
    }
}
