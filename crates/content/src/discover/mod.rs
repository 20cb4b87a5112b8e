//! Field discovery: which page control is which draft field.
//!
//! For every form control (inputs, textareas, selects, div-based custom selects and listbox
//! buttons (`button aria-haspopup=listbox`, Headless UI), uni-app's `<uni-picker>`, and checkboxes,
//! radios and switches drawn as `div role=checkbox|radio|switch aria-checked` without a native
//! input, or uni-app's `<uni-checkbox|radio|switch>` drawn with classes only) the label is looked
//! for, in order:
//! 1. explicit associations: `<label for=id>`, `aria-labelledby`, an enclosing `<label>`, `aria-label`;
//! 2. before the control: the previous siblings of the control and of its ancestors (WeChat's
//!    `weui-desktop-form__label` / `__controls` rows, `<th>`/`<td>`, `<dt>`/`<dd>`, Element / antd
//!    label and control columns);
//! 3. the placeholder;
//! 4. after the control: following siblings that are displayed before it (a label moved first by
//!    CSS `order`) or, for a text control, right of it on the same line with no control after them
//!    (a label column to the right); never help text or validation messages.
//!
//! A sibling that is, or holds, a control belongs to another field: a label found past one at the
//! same level names that field, unless the label names a row of several controls (地区, 有效期).
//! Label texts are matched whole, then without their helper text (`<small>`, tooltips).
//! Radio and checkbox inputs skip their own `<label>` (that is the option's text, 企业 or 长期, not the
//! field's); radios whose options say 复用/手动填写 are that switch whatever their row is called. A
//! switch (`role=switch`) or a checkbox whose own text is the question (是否为法定代表人) is a
//! yes/no toggle. A label cell with `rowspan` labels the controls of every row it spans; in a table
//! with one record per row the column header labels the cells under it. A hidden
//! copy of a shown control (same path) is dropped; hidden fields of their own keep their path and
//! read as absent. A select known only by its class (Naive UI's `n-select`: no input, no role) is
//! marked first so that it counts as a control, and so are the chips of a chip list (three or more
//! `*-tag` / `*-chip` elements side by side, picked by a click), which then count as checkboxes. A label read off a placeholder the page draws as an
//! element, gone once a value is typed, is kept for that control by later scans.
//!
//! The section ([`sections`]) is the nearest preceding section heading (any element whose whole text
//! is one, numbered or not: a `<caption>`, `<th>`, divider, card title or plain `<p>` included), because
//! 主体负责人 and 小程序负责人 share every label; a container named by `aria-label` /
//! `aria-labelledby` (a tab panel, `<section aria-label>`) names the section of what is inside it
//! unless a heading inside it says otherwise. Headings grouped without any control between them (a
//! wizard's steps bar, tabs) are navigation, not section starts: a control shown after one, with
//! no heading or named container of its own, is in the section of the navigation's active item.
//! Controls of one row that share a concept are told apart by position (地区: province, city,
//! district; 有效期: start, end).
//!
//! All of this runs per scan (page load, DOM changes), never per keystroke: it reads layout.

use beian_formmap::label::{is_one_of, match_label, match_placeholder};
use beian_formmap::synonyms::{LONG_TERM, MANUAL_OPTIONS, PLACEHOLDER_PREFIXES, REUSE_OPTIONS};
use beian_formmap::{field_path, upload_slot, Concept, Section};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, Node};

use crate::dom;

mod sections;
use sections::{section_containers, section_headings, section_of};

/// How far up the tree a label is looked for: antd puts an input six levels below its label column;
/// a neighbouring row's label is kept out by the rule on siblings holding controls, not by depth.
const MAX_LABEL_DEPTH: usize = 8;
/// Siblings inspected per level.
const MAX_SIBLINGS: usize = 3;
/// Texts longer than this (characters) are never read as labels, even without their helper text.
const MAX_LABEL_BLOCK_CHARS: usize = 200;
/// Controls considered per scan: a bound on the work a huge page can cause.
pub const MAX_CONTROLS: u32 = 600;

const CONTROL_SELECTOR: &str = "input, textarea, select, [role=\"combobox\"], [role=\"switch\"], [role=\"checkbox\"], [role=\"radio\"], [data-beian-select], button[aria-haspopup=\"listbox\"], [data-beian-option], uni-checkbox, uni-radio, uni-switch, uni-picker, .weui-desktop-form__dropdown, .weui-desktop-dropdown, [contenteditable=\"true\"], [contenteditable=\"\"]";
/// Marks with [`CHIP_OPTION_MARK`] the chips of a chip list (`<span class="weui-desktop-tag">工具-记账
/// </span>` ×7, picked by a click that toggles a `*_selected` class): elements whose class ends in
/// `tag` or `chip`, with a short text and no control, three or more side by side. They are then
/// options like checkboxes; a single tag (a badge beside a heading) is not marked.
fn mark_chip_options(doc: &Document) {
    const MAX_CHIP_CHARS: usize = 24;
    const MIN_CHIPS: usize = 3;
    let is_chip = |el: &Element| {
        let class = el.get_attribute("class").unwrap_or_default().to_ascii_lowercase();
        class.split_ascii_whitespace().any(|t| t.ends_with("tag") || t.ends_with("chip"))
            && !dom::is_ours(el)
            && el.query_selector("input, textarea, select").ok().flatten().is_none()
            && (1..=MAX_CHIP_CHARS).contains(&dom::text(el).trim().chars().count())
    };
    // The last scan's marks go first: a list that is no longer one is not.
    clear_marks(doc, CHIP_OPTION_MARK);
    let Ok(list) = doc.query_selector_all("span[class*=\"tag\"], div[class*=\"tag\"], span[class*=\"chip\"], div[class*=\"chip\"]") else { return };
    for i in 0..list.length().min(MAX_CONTROLS) {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        if el.has_attribute(CHIP_OPTION_MARK) || !is_chip(&el) {
            continue;
        }
        let Some(parent) = el.parent_element() else { continue };
        let mut chips: Vec<Element> = Vec::new();
        let mut child = parent.first_element_child();
        while let Some(c) = child {
            child = c.next_element_sibling();
            if is_chip(&c) {
                chips.push(c);
            }
        }
        if chips.len() >= MIN_CHIPS {
            for chip in chips {
                let _ = chip.set_attribute(CHIP_OPTION_MARK, "");
            }
        }
    }
}

/// The role of a uni-app H5 component (`<uni-checkbox>`, `<uni-radio>`, `<uni-switch>`), which
/// draws its state with classes only: no native input, no ARIA.
fn uni_role(el: &Element) -> Option<String> {
    let role = match el.tag_name().to_ascii_lowercase().as_str() {
        "uni-checkbox" => "checkbox",
        "uni-radio" => "radio",
        "uni-switch" => "switch",
        _ => return None,
    };
    Some(role.into())
}

/// A text box a user types into: not hidden, readonly, or kept out of reach of keyboard and
/// screen readers.
const TYPEABLE: &str =
    "input:not([type=\"hidden\"]):not([readonly]):not([aria-hidden=\"true\"]):not([tabindex=\"-1\"]), textarea";
/// Marks the selects that are a `<div>` named by its class and nothing else ([`mark_class_selects`]),
/// so that [`CONTROL_SELECTOR`] finds them. Not an attribute the rescan observer watches.
const CLASS_SELECT_MARK: &str = "data-beian-select";
/// Marks the options of a list of chips picked by a click ([`mark_chip_options`]).
pub const CHIP_OPTION_MARK: &str = "data-beian-option";
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
    /// One switch or checkbox answering yes/no by being on (`role=switch`, a checkbox labelled
    /// 是否为法定代表人): on is yes, off is no.
    Toggle,
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
#[derive(Clone)]
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
    /// The label was a placeholder the page draws as an element and removes once something is
    /// typed or chosen (Naive UI's `n-input__placeholder`): the next scan keeps this field's path
    /// for the control when it finds no label any more.
    pub label_may_vanish: bool,
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
    /// Read off a placeholder element that goes away with a value ([`Field::label_may_vanish`]).
    vanishes: bool,
    /// The element holding both label and control (the form row), if the label was structural.
    row: Option<Element>,
    /// What controls sharing this label are counted against to tell their positions apart: the row,
    /// or the labelling element of `aria-labelledby`.
    anchor: Option<Element>,
}

impl Label {
    fn in_row(concept: Concept, text: String, row: Option<Element>) -> Label {
        Label::anchored(concept, text, row.clone(), row)
    }

    /// A label whose controls are counted against `anchor` rather than their row.
    fn anchored(concept: Concept, text: String, row: Option<Element>, anchor: Option<Element>) -> Label {
        Label { concept, text, vanishes: false, row, anchor }
    }
}

/// Scans the document. `previous` are the fields of the last scan (see [`Field::label_may_vanish`]).
pub fn scan(doc: &Document, previous: &[Field]) -> Scan {
    mark_class_selects(doc);
    mark_chip_options(doc);
    let headings = section_headings(doc);
    let active_nav = headings.iter().find(|h| h.nav && h.active).map(|h| h.section);
    let containers = section_containers(doc);
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
        // A component-library select whose input only filters: the choice is the text beside it.
        let el = library_select(&el).unwrap_or(el);
        let input = el.dyn_ref::<HtmlInputElement>();
        let role = el.get_attribute("role").map(|r| r.to_ascii_lowercase()).or_else(|| uni_role(&el))
            .or_else(|| el.has_attribute(CHIP_OPTION_MARK).then(|| "checkbox".to_string()));
        let is_tag = |t: &str| el.tag_name().eq_ignore_ascii_case(t);
        let is_switch = role.as_deref() == Some("switch");
        // A checkbox or radio drawn without a native input (Naive UI, Vant: `div role=checkbox
        // aria-checked`) is one like the native ones; one wrapping a native input is that input's.
        let aria_option = input.is_none() && matches!(role.as_deref(), Some("checkbox" | "radio"));
        if aria_option && el.query_selector("input").ok().flatten().is_some() {
            continue;
        }
        // A `role=combobox` wrapper around a text box one types into (Element Plus's
        // el-autocomplete): the text box is the field. Around one that cannot be typed into
        // (readonly, or out of reach: Arco's `aria-hidden` / `tabindex=-1` input) it is a select.
        if input.is_none()
            && role.as_deref() == Some("combobox")
            && el.query_selector(TYPEABLE).ok().flatten().is_some()
        {
            continue;
        }
        let input_type = match input {
            Some(i) => Some(i.type_().to_ascii_lowercase()),
            None => role.filter(|_| aria_option),
        };
        let is_custom_select = input.is_none() && !is_tag("textarea") && !is_tag("select") && !is_switch && !aria_option;
        let kind_class: u8 = match input_type.as_deref() {
            Some("hidden" | "submit" | "button" | "image" | "reset") => continue,
            _ if is_switch => 4,
            Some("radio") => 1,
            // A checkbox whose own text is the question (MUI's 是否为法定代表人 switch) is a toggle.
            Some("checkbox") if is_question(&option_text(&el)) => 4,
            Some("checkbox") => 2,
            Some("file") => 3,
            _ => 0,
        };
        // A copy no one can see or reach (MUI's shadow textarea that measures the real one, a
        // select's hidden native input): the visible control is the field.
        if kind_class == 0 && el.get_attribute("aria-hidden").as_deref() == Some("true") && el.get_attribute("tabindex").as_deref() == Some("-1") {
            continue;
        }
        if is_custom_select {
            custom_selects.push(el.clone());
        }
        let section = section_of(&el, &headings, &containers).or_else(|| {
            // Only the step on show belongs to the active step of the bar (hidden panes do not).
            active_nav.filter(|_| dom::is_visible(&el) || el.parent_element().is_some_and(|p| dom::is_visible(&p)))
        });
        let Some(label) = find_label(&el, kind_class, is_custom_select, &labels_for) else {
            if let Some(kept) = kept_field(&el, previous) {
                fields.push(kept);
            }
            continue;
        };
        let part = {
            let key_row = label.anchor.clone();
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
                // The 长期 box: its own text says so, or its row does (证件长期有效 ☐).
                Concept::Validity | Concept::ValidityEnd | Concept::LicenceValidity
                    if is_one_of(&option, LONG_TERM) || label.text.contains("长期") =>
                {
                    (Kind::LongTerm, field_path(effective_section, label.concept, 1))
                }
                Concept::CommitmentLetter | Concept::AuthorizationLetter | Concept::ResidenceProof
                    if option.contains("章") =>
                {
                    (Kind::Sealed, field_path(effective_section, label.concept, 0))
                }
                Concept::IsLegalRepresentative => (Kind::Flag, field_path(effective_section, label.concept, 0)),
                // A checkbox on a row named 复用主体负责人信息 (WeUI's `weui-switch`) is that switch.
                Concept::ReusePrincipal => (Kind::Toggle, field_path(effective_section, label.concept, 0)),
                _ => continue,
            },
            4 => match label.concept {
                Concept::IsLegalRepresentative | Concept::ReusePrincipal => {
                    (Kind::Toggle, field_path(effective_section, label.concept, 0))
                }
                // A 长期有效 switch is the row's 长期 box.
                Concept::Validity | Concept::ValidityEnd | Concept::LicenceValidity if label.text.contains("长期") => {
                    (Kind::LongTerm, field_path(effective_section, label.concept, 1))
                }
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
        let labelled_option = grouped || kind == Kind::Toggle;
        let cell = label.row.as_ref().and_then(|row| child_of_row(&el, row)).and_then(|cell| {
            // In a flat row (label and controls side by side) the "cell" is the control itself or
            // one option's <label>: hints never go inside those (a click there would toggle it);
            // a group's go at the row's end.
            let own = cell == el || (labelled_option && cell.tag_name().eq_ignore_ascii_case("label"));
            if !own {
                Some(cell)
            } else if labelled_option {
                label.row.clone()
            } else {
                None
            }
        });
        let target = if grouped { cell.clone().unwrap_or_else(|| el.clone()) } else { el.clone() };
        fields.push(Field {
            path,
            label: display_label(&label.text),
            kind,
            controls: vec![el],
            target,
            hint_parent: cell,
            label_may_vanish: label.vanishes,
            visible: true,
        });
    }
    for f in &mut fields {
        f.visible = is_field_visible(f);
    }
    // A hidden control with the path of a shown one is a copy (a responsive layout's other
    // version, a measuring shadow): only the shown one is the field. Hidden fields of their own
    // (a collapsed 手动填写 block, a wizard's other steps) keep their path and read as absent.
    let shown: Vec<(&'static str, Kind)> = fields.iter().filter(|f| f.visible).map(|f| (f.path, f.kind)).collect();
    fields.retain(|f| f.visible || !shown.contains(&(f.path, f.kind)));
    // Sections named only by a container's aria-label count as shown: the form is the form.
    Scan { fields, sections: headings.len() + containers.len() }
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

/// For an `<input role=combobox>` that holds no value (antd, Element Plus: it only filters, the
/// chosen option is shown in a span beside it), the select around it that shows the choice.
fn library_select(el: &Element) -> Option<Element> {
    let input = el.dyn_ref::<HtmlInputElement>()?;
    if !el.get_attribute("role").is_some_and(|r| r.eq_ignore_ascii_case("combobox")) || !input.value().is_empty() {
        return None;
    }
    let mut node = el.parent_element();
    for _ in 0..4 {
        let n = node?;
        let class = n.get_attribute("class").unwrap_or_default().to_ascii_lowercase();
        if class.contains("select") && !dom::text(&n).trim().is_empty() {
            return Some(n);
        }
        node = n.parent_element();
    }
    None
}

/// `<label for>` texts by id, first label wins (a handful per page: a linear lookup, and no HashMap
/// with SipHash and hashbrown in the wasm).
fn labels_by_for(doc: &Document) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    if let Ok(list) = doc.query_selector_all("label[for]") {
        for i in 0..list.length() {
            let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
            if let Some(id) = el.get_attribute("for") {
                if !id.is_empty() && !out.iter().any(|(k, _)| *k == id) {
                    let text = label_concept(&el).map(|(_, t)| t).unwrap_or_else(|| dom::text(&el));
                    out.push((id, text));
                }
            }
        }
    }
    out
}

/// The concept an element's text names, and that text: the whole text, else the text without its
/// helper annotations (`<small>`, tooltips, `…tip` elements).
fn label_concept(el: &Element) -> Option<(Concept, String)> {
    let full = dom::text(el);
    if full.chars().count() > MAX_LABEL_BLOCK_CHARS {
        return None;
    }
    if let Some(c) = match_label(&full) {
        return Some((c, full));
    }
    if el.child_element_count() == 0 {
        return None;
    }
    let own = dom::label_text(el);
    match_label(&own).map(|c| (c, own))
}

/// A column of labels beside a column of controls (`<div class="labels"><div>证件住所</div><div>
/// 通讯地址</div></div><div class="inputs">…</div>`): `Some(label on the control's line)` when `s`
/// has at least two label children on different lines (`Some(None)`: none on this line, so `s` is
/// not this control's label); `None` when `s` is no such column or layout is unknown.
fn label_column(s: &Element, control: &Element) -> Option<Option<(Concept, String)>> {
    let first = s.first_element_child()?;
    first.next_element_sibling()?;
    let mut line: Option<[f64; 4]> = None;
    let (mut labels, mut off_line) = (0, 0);
    let mut on_line: Option<(Concept, String)> = None;
    let mut child = Some(first);
    while let Some(c) = child {
        child = c.next_element_sibling();
        let Some(found) = label_concept(&c) else { continue };
        labels += 1;
        let b = match line {
            Some(b) => b,
            None => *line.insert(dom::rect(control)?),
        };
        let r = dom::rect(&c)?;
        if r[1] < b[3] && r[3] > b[1] {
            on_line.get_or_insert(found);
        } else {
            off_line += 1;
        }
    }
    (labels >= 2 && off_line > 0).then_some(on_line)
}

/// Whether `el` is, or holds, a form control (then it is a field of its own, not a label).
fn holds_control(el: &Element) -> bool {
    el.matches(CONTROL_SELECTOR).unwrap_or(false) || el.query_selector(CONTROL_SELECTOR).ok().flatten().is_some()
}

/// Concepts whose row holds several text controls under one label (told apart by position).
fn is_multi_part(concept: Concept) -> bool {
    matches!(concept, Concept::Region | Concept::Province | Concept::Validity | Concept::LicenceValidity)
}

/// Whether `finer` names one part of `row` (a placeholder 结束日期 in a 证件有效期 row).
fn refines(row: Concept, finer: Concept) -> bool {
    matches!(
        (row, finer),
        (Concept::Region, Concept::Province | Concept::City | Concept::District)
            | (Concept::Validity | Concept::LicenceValidity, Concept::ValidityStart | Concept::ValidityEnd)
    )
}

/// The concept the control's placeholder (or `data-placeholder`) names, with the text to show.
fn placeholder_label(el: &Element) -> Option<(Concept, String)> {
    ["placeholder", "data-placeholder", "title"].iter().find_map(|attr| placeholder_named(&el.get_attribute(attr)?))
}

/// The concept a placeholder text names, with the text to show (`请输入通讯地址` → 通讯地址).
fn placeholder_named(text: &str) -> Option<(Concept, String)> {
    match_placeholder(text).map(|concept| (concept, shown_placeholder(text)))
}

/// The placeholder a div select draws inside itself (`.n-base-selection-placeholder`).
fn drawn_placeholder(el: &Element) -> Option<(Concept, String)> {
    let text = dom::text(&el.query_selector("[class*=\"placeholder\"]").ok().flatten()?);
    placeholder_named(&text)
}

/// Whether `el` is a placeholder the page draws as an element (class `*placeholder*`).
fn is_drawn_placeholder(el: &Element) -> bool {
    el.get_attribute("class").is_some_and(|c| c.to_ascii_lowercase().contains("placeholder"))
}

/// The placeholder drawn as an element just before a text control (uni-app's `<div
/// class="uni-input-placeholder">请输入…</div><input>`), hidden once something is typed.
fn sibling_placeholder(el: &Element) -> Option<(Concept, String)> {
    let s = el.previous_element_sibling().filter(is_drawn_placeholder)?;
    let text = dom::text(&s);
    placeholder_named(&text)
}

/// The placeholder of the input a div select keeps inside for show (Arco's `arco-select-view-input
/// placeholder=请选择省份`, kept once a value is chosen).
fn inner_placeholder(el: &Element) -> Option<(Concept, String)> {
    let text = el.query_selector("input[placeholder]").ok().flatten()?.get_attribute("placeholder")?;
    placeholder_named(&text)
}

/// The field of the last scan that `el` was, if its label was one that vanishes with a value
/// ([`Field::label_may_vanish`]): the control is still that field.
fn kept_field(el: &Element, previous: &[Field]) -> Option<Field> {
    let field = previous.iter().find(|f| f.label_may_vanish && f.controls.first() == Some(el))?;
    Some(Field { visible: true, ..field.clone() })
}

/// Removes attribute `mark` from every element that has it (the marks of the previous scan).
fn clear_marks(doc: &Document, mark: &str) {
    let Ok(old) = doc.query_selector_all(&format!("[{mark}]")) else { return };
    for i in 0..old.length() {
        if let Some(el) = old.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            let _ = el.remove_attribute(mark);
        }
    }
}

/// Marks with [`CLASS_SELECT_MARK`] the selects known only by their class: a `<div>` (or `<span>`)
/// whose class names it a select or picker (`n-select`, `n-base-selection`, `city-picker`), holding
/// no control of its own and a short text (the choice or its placeholder), outermost only. Component
/// libraries draw non-searchable selects this way, without an input or an ARIA role (Naive UI).
/// The previous scan's marks are dropped first: a select that became something else is not one.
fn mark_class_selects(doc: &Document) {
    /// A select shows one choice; a calendar or option panel (also "picker" by class) shows many.
    const MAX_SELECT_TEXT_CHARS: usize = 60;
    clear_marks(doc, CLASS_SELECT_MARK);
    let Ok(list) = doc.query_selector_all("div[class*=\"select\"], span[class*=\"select\"], div[class*=\"picker\"]") else { return };
    for i in 0..list.length().min(MAX_CONTROLS) {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        let class = el.get_attribute("class").unwrap_or_default().to_ascii_lowercase();
        let named_select = class
            .split_ascii_whitespace()
            .any(|t| ["select", "selection", "picker"].iter().any(|s| t.ends_with(s)));
        if !named_select
            || dom::is_ours(&el)
            || el.parent_element().is_some_and(|p| p.closest(&format!("[{CLASS_SELECT_MARK}]")).ok().flatten().is_some())
            || el.query_selector("input:not([type=\"hidden\"]), textarea, select, [contenteditable]").ok().flatten().is_some()
            || dom::text(&el).trim().chars().count() > MAX_SELECT_TEXT_CHARS
        {
            continue;
        }
        let _ = el.set_attribute(CLASS_SELECT_MARK, "");
    }
}

/// The summary shows `通讯地址`, not `请输入通讯地址`.
fn shown_placeholder(text: &str) -> String {
    let trimmed = text.trim();
    PLACEHOLDER_PREFIXES.iter().find_map(|p| trimmed.strip_prefix(p)).unwrap_or(trimmed).to_string()
}

fn find_label(el: &Element, kind_class: u8, custom_select: bool, labels_for: &[(String, String)]) -> Option<Label> {
    // Options saying 复用主体负责人信息 / 手动填写 are that switch, whatever the row is called
    // (负责人信息, 填写方式 …).
    if kind_class == 1 {
        if let Some(label) = switch_label(el) {
            return Some(label);
        }
    }
    let option_like = kind_class == 1 || kind_class == 2;
    if !option_like {
        if let Some(label) = explicit_label(el, labels_for) {
            return Some(label);
        }
    }
    let mut vanishes = false;
    let placeholder = if option_like { None } else { placeholder_label(el) }.or_else(|| {
        // A div select draws its placeholder as an element inside it, gone once a value is chosen.
        let drawn = if custom_select { drawn_placeholder(el) } else if option_like { None } else { sibling_placeholder(el) };
        vanishes = drawn.is_some();
        drawn.or_else(|| if custom_select { inner_placeholder(el) } else { None })
    });
    match label_before(el, kind_class, option_like, placeholder.as_ref()) {
        Before::Found(label) => return Some(label),
        Before::Vetoed => return None,
        Before::Nothing => {}
    }
    if let Some((concept, text)) = placeholder {
        return Some(Label { vanishes, ..Label::in_row(concept, text, None) });
    }
    label_after(el, option_like).or_else(|| if kind_class == 2 { own_option_label(el) } else { None })
}

/// A checkbox in a block of its own, its text the whole question (WeUI's `weui-check__label`
/// 证件长期有效 ☐, 承诺书已加盖公章 ☐): that text names the field.
///
/// A 长期 box after a date input named only by its own `title` or placeholder (`<input
/// title=证件有效期截止日期> <input type=checkbox> 长期`) belongs to that date.
fn own_option_label(el: &Element) -> Option<Label> {
    let text = option_text(el);
    if let Some(concept) = match_label(&text) {
        return Some(Label::in_row(concept, text, None));
    }
    if !is_one_of(&text, LONG_TERM) {
        return None;
    }
    // The box, or its <label>, follows the date input or the wrapper holding it.
    let start = el.closest("label").ok().flatten().unwrap_or_else(|| el.clone());
    let before = start.previous_element_sibling()?;
    let date = if before.matches("input").unwrap_or(false) { before } else { before.query_selector("input").ok().flatten()? };
    match placeholder_label(&date)? {
        (concept @ (Concept::Validity | Concept::ValidityEnd | Concept::LicenceValidity), _) => {
            Some(Label::in_row(concept, text, None))
        }
        _ => None,
    }
}

/// The elements `el`'s `aria-labelledby` names, in order, without `el` itself (a control may list
/// its own id to have its value read out with the label).
fn labelled_by(el: &Element) -> Vec<Element> {
    let (Some(ids), Some(doc)) = (el.get_attribute("aria-labelledby"), el.owner_document()) else { return Vec::new() };
    ids.split_whitespace().filter_map(|id| doc.get_element_by_id(id)).filter(|l| l != el).collect()
}

/// `<label for>`, `aria-labelledby`, an enclosing `<label>`, `aria-label`.
fn explicit_label(el: &Element, labels_for: &[(String, String)]) -> Option<Label> {
    let id = el.id();
    if !id.is_empty() {
        if let Some((_, text)) = labels_for.iter().find(|(k, _)| *k == id) {
            if let Some(concept) = match_label(text) {
                return Some(Label::in_row(concept, text.clone(), common_row(el)));
            }
        }
    }
    let labelling = labelled_by(el);
    if let Some(first) = labelling.first() {
        let text: String = labelling.iter().map(dom::text).collect();
        let found = match_label(&text).map(|c| (c, text)).or_else(|| label_concept(first));
        if let Some((concept, text)) = found {
            // Hints go right after the control: the labelling element may sit in another column.
            return Some(Label::anchored(concept, text, None, Some(first.clone())));
        }
    }
    if let Ok(Some(label)) = el.closest("label") {
        if let Some((concept, text)) = label_concept(&label) {
            return Some(Label::in_row(concept, text, label.parent_element()));
        }
    }
    let (concept, shown) = placeholder_named(&el.get_attribute("aria-label")?)?;
    Some(Label::in_row(concept, shown, None))
}

/// What the search before the control found.
enum Before {
    Found(Label),
    /// A row label that the control's own placeholder contradicts: a second control of that row
    /// (联系人姓名 beside the 应急联系人 phone, 验证码 beside 手机号) that is no field of ours.
    Vetoed,
    Nothing,
}

/// Structural, before the control: previous siblings of the control and of its ancestors.
/// `own` is what the control's placeholder names, if anything.
fn label_before(el: &Element, kind_class: u8, option_like: bool, own: Option<&(Concept, String)>) -> Before {
    let start = if option_like { el.closest("label").ok().flatten().unwrap_or_else(|| el.clone()) } else { el.clone() };
    let mut node = start;
    // Whether a sibling holding a control was passed, at any level below the current one.
    let mut crossed_below = false;
    for _ in 0..MAX_LABEL_DEPTH {
        let mut sib = node.previous_element_sibling();
        let mut seen = 0;
        let mut crossed_here = false;
        while let Some(s) = sib {
            if seen >= MAX_SIBLINGS {
                break;
            }
            sib = s.previous_element_sibling();
            // Our hints and the page's help texts and icons between label and control do not count,
            // nor does a table's header row (its text runs every column name together).
            if dom::is_ours(&s) || dom::is_annotation(&s) || is_header_row(&s) || s.tag_name().eq_ignore_ascii_case("thead") {
                continue;
            }
            // A placeholder drawn beside the control (uni-app's `uni-input-placeholder`) is read
            // as one ([`sibling_placeholder`]), never as the row's label.
            if is_drawn_placeholder(&s) {
                continue;
            }
            // A list of options laid out with `<br>`s (`<input type=checkbox> 工具-记账<br>` ×7): the
            // line breaks and the other options do not use up the siblings looked at.
            if s.tag_name().eq_ignore_ascii_case("br") {
                continue;
            }
            if option_like && s.matches("input[type=\"checkbox\"], input[type=\"radio\"]").unwrap_or(false) {
                crossed_here = true;
                continue;
            }
            seen += 1;
            if holds_control(&s) {
                crossed_here = true;
                continue;
            }
            if let Some(on_line) = label_column(&s, el) {
                // Hints go right after the control, not at the end of the column of controls.
                match on_line {
                    Some((concept, text)) => return Before::Found(Label::anchored(concept, text, None, Some(s))),
                    None => continue,
                }
            }
            let Some((concept, text)) = label_concept(&s) else { continue };
            if crossed_here && kind_class == 0 && !is_multi_part(concept) {
                // Past another control at this level: the label of that control (a <dt> before the
                // previous <dd>), not of this one.
                return Before::Nothing;
            }
            // Past another control of the row, a placeholder naming something else (not just a
            // part of the row, like 结束日期 in 证件有效期) says this control is not the row's field.
            if let Some((o, _)) = own {
                if (crossed_here || crossed_below) && *o != concept && !refines(concept, *o) {
                    return Before::Vetoed;
                }
            }
            return Before::Found(Label::in_row(concept, text, node.parent_element()));
        }
        if node.tag_name().eq_ignore_ascii_case("td") {
            let spanned = if crossed_here { None } else { rowspan_label(&node) };
            if let Some(label) = spanned.or_else(|| column_header(&node)) {
                return Before::Found(label);
            }
        }
        crossed_below |= crossed_here;
        match node.parent_element() {
            Some(p) if !p.tag_name().eq_ignore_ascii_case("body") && !p.tag_name().eq_ignore_ascii_case("form") => node = p,
            _ => break,
        }
    }
    Before::Nothing
}

/// A label cell of an earlier table row spanning down to `cell`'s row (`<th rowspan="2">证件有效期`
/// over a start-date row and an end-date row). Its row is the anchor, so the controls of all the
/// rows it spans are told apart by position, like those of one row.
fn rowspan_label(cell: &Element) -> Option<Label> {
    const MAX_ROWS_SPANNED: u32 = 8;
    let row = cell.parent_element()?;
    let mut earlier = row.previous_element_sibling();
    for distance in 1..MAX_ROWS_SPANNED {
        let r = earlier?;
        let mut next = r.first_element_child();
        while let Some(c) = next {
            next = c.next_element_sibling();
            let spans = c.get_attribute("rowspan").and_then(|v| v.trim().parse::<u32>().ok()).unwrap_or(1);
            if spans > distance && !holds_control(&c) {
                if let Some((concept, text)) = label_concept(&c) {
                    return Some(Label::anchored(concept, text, Some(row), Some(r)));
                }
            }
        }
        earlier = r.previous_element_sibling();
    }
    None
}

/// The column header of a table cell, for tables with one record per row (姓名 | 证件号码 | 手机号码
/// over a row per person): the header row's cell over the cell's column. The row holding the cell
/// is the anchor, so the controls under one header (证件有效期 over start and end) are told apart per
/// row.
fn column_header(cell: &Element) -> Option<Label> {
    const MAX_ROWS_UP: usize = 20;
    let row = cell.parent_element()?;
    let mut column = 0;
    let mut before = cell.previous_element_sibling();
    while let Some(c) = before {
        column += column_span(&c);
        before = c.previous_element_sibling();
    }
    let table = row.closest("table").ok().flatten()?;
    let mut header = table.query_selector(":scope > thead > tr").ok().flatten();
    if header.is_none() {
        let mut earlier = row.previous_element_sibling();
        for _ in 0..MAX_ROWS_UP {
            let Some(r) = earlier else { break };
            if is_header_row(&r) {
                header = Some(r);
                break;
            }
            earlier = r.previous_element_sibling();
        }
    }
    let header = header.filter(|h| *h != row)?;
    let mut at = 0;
    let mut next = header.first_element_child();
    while let Some(h) = next {
        let span = column_span(&h);
        if column < at + span {
            let (concept, text) = label_concept(&h)?;
            return Some(Label::anchored(concept, text, Some(row.clone()), Some(row)));
        }
        at += span;
        next = h.next_element_sibling();
    }
    None
}

/// A table row of two or more `<th>` cells and nothing else: column names, not a label.
fn is_header_row(el: &Element) -> bool {
    if !el.tag_name().eq_ignore_ascii_case("tr") || el.child_element_count() < 2 {
        return false;
    }
    let mut next = el.first_element_child();
    while let Some(c) = next {
        if !c.tag_name().eq_ignore_ascii_case("th") {
            return false;
        }
        next = c.next_element_sibling();
    }
    true
}

fn column_span(cell: &Element) -> u32 {
    cell.get_attribute("colspan").and_then(|v| v.trim().parse::<u32>().ok()).unwrap_or(1).clamp(1, 1000)
}

/// Structural, after the control: a following sibling shown before it (CSS `order`, `row-reverse`),
/// or, for a text control, shown right of it on the same line with no control after it (a label
/// column to the right); never help text or a validation message, never past another control.
fn label_after(el: &Element, option_like: bool) -> Option<Label> {
    let start = if option_like { el.closest("label").ok().flatten().unwrap_or_else(|| el.clone()) } else { el.clone() };
    let own_box = dom::rect(el);
    let mut node = start;
    for _ in 0..MAX_LABEL_DEPTH {
        let mut sib = node.next_element_sibling();
        let mut seen = 0;
        while let Some(s) = sib {
            if seen >= MAX_SIBLINGS {
                break;
            }
            sib = s.next_element_sibling();
            if dom::is_ours(&s) {
                continue;
            }
            seen += 1;
            if holds_control(&s) {
                break;
            }
            // A placeholder drawn by the page over an input that has none of its own.
            if !option_like && is_drawn_placeholder(&s) {
                let text = dom::text(&s);
                if let Some((concept, shown)) = placeholder_named(&text) {
                    return Some(Label { vanishes: true, ..Label::in_row(concept, shown, None) });
                }
                continue;
            }
            if dom::is_annotation(&s) {
                continue;
            }
            // A label to the right names this control only when it is the row's last word: a label
            // followed by a control is that control's (`input | 姓名 | input`).
            let trailing = !option_like && shown_right_of(&s, own_box) && !controls_after(&s);
            if !trailing && !shown_before(&s, own_box) {
                continue;
            }
            if let Some((concept, text)) = label_concept(&s) {
                return Some(Label::in_row(concept, text, node.parent_element()));
            }
        }
        match node.parent_element() {
            Some(p) if !p.tag_name().eq_ignore_ascii_case("body") && !p.tag_name().eq_ignore_ascii_case("form") => node = p,
            _ => break,
        }
    }
    None
}

/// Whether `label` is displayed left of, above or over (a floating label) a control with box
/// `control`, when both are rendered; without layout, a label after the control is taken at its
/// word. Help text below or right of the control is none of these (a trailing label to the right is
/// [`shown_right_of`]).
fn shown_before(label: &Element, control: Option<[f64; 4]>) -> bool {
    const SLACK: f64 = 2.0;
    let (Some(c), Some(l)) = (control, dom::rect(label)) else { return true };
    let [cl, ct, cr, cb] = c;
    let [ll, lt, lr, lb] = l;
    let same_line = lt < cb && lb > ct;
    let over = same_line && ll < cr && lr > cl;
    over || (same_line && lr <= cl + SLACK && ll < cl) || lb <= ct + SLACK
}

/// Whether `label` is displayed on the same line as, and right of, a control with box `control`
/// (both rendered).
fn shown_right_of(label: &Element, control: Option<[f64; 4]>) -> bool {
    const SLACK: f64 = 2.0;
    let (Some([_, ct, cr, cb]), Some([ll, lt, _, lb])) = (control, dom::rect(label)) else { return false };
    lt < cb && lb > ct && ll >= cr - SLACK
}

/// Whether a sibling after `el` is or holds a form control.
fn controls_after(el: &Element) -> bool {
    let mut sib = el.next_element_sibling();
    while let Some(s) = sib {
        if !dom::is_ours(&s) && holds_control(&s) {
            return true;
        }
        sib = s.next_element_sibling();
    }
    false
}

/// A radio group without a label of its own that is the 复用主体负责人信息 / 手动填写 switch.
fn switch_label(el: &Element) -> Option<Label> {
    let option = option_text(el);
    if !is_one_of(&option, REUSE_OPTIONS) && !is_one_of(&option, MANUAL_OPTIONS) {
        return None;
    }
    let group = el
        .closest("[role=\"radiogroup\"], [class*=\"radio-group\"], [class*=\"RadioGroup\"]")
        .ok()
        .flatten()
        .or_else(|| radio_group(el))
        .or_else(|| el.closest("label").ok().flatten().unwrap_or_else(|| el.clone()).parent_element())?;
    Some(Label::in_row(Concept::ReusePrincipal, "复用主体负责人信息".into(), group.parent_element()))
}

/// The nearest ancestor of a radio that holds another radio of the same `name`: its group.
fn radio_group(el: &Element) -> Option<Element> {
    let name = el.get_attribute("name").filter(|n| !n.is_empty())?;
    let mut node = el.parent_element();
    for _ in 0..MAX_LABEL_DEPTH {
        let n = node?;
        if let Ok(radios) = n.query_selector_all("input[type=\"radio\"]") {
            let same = (0..radios.length())
                .filter_map(|i| radios.item(i).and_then(|r| r.dyn_into::<Element>().ok()))
                .filter(|r| r.get_attribute("name").as_deref() == Some(name.as_str()))
                .count();
            if same >= 2 {
                return Some(n);
            }
        }
        node = n.parent_element();
    }
    None
}

/// Whether an option's own text asks a yes/no question of ours (是否为法定代表人, 复用主体负责人信息).
fn is_question(text: &str) -> bool {
    matches!(match_label(text), Some(Concept::IsLegalRepresentative | Concept::ReusePrincipal))
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
    // An option drawn without a native input (`div role=checkbox`) holds its own text.
    if el.dyn_ref::<HtmlInputElement>().is_none() {
        let own = dom::text(el);
        if !own.trim().is_empty() {
            return own.trim().to_string();
        }
        if let Some(name) = el.get_attribute("aria-label") {
            return name;
        }
    }
    if let Ok(Some(label)) = el.closest("label") {
        let t = dom::text(&label);
        if !t.trim().is_empty() {
            return t.trim().to_string();
        }
    }
    let value = el.get_attribute("value").unwrap_or_default();
    // `<input type=checkbox value=1> 长期`: the text right after it, unless the value already
    // names the option (`value=新闻` before `新闻 审批号：`).
    if let Some(text) = el.next_sibling().filter(|n| n.node_type() == Node::TEXT_NODE).and_then(|n| n.text_content()) {
        if !text.trim().is_empty() {
            return if value.is_ascii() { text.trim().to_string() } else { value };
        }
    }
    if let Some(next) = el.next_element_sibling() {
        let t = dom::text(&next);
        if !t.trim().is_empty() {
            return t.trim().to_string();
        }
    }
    value
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
