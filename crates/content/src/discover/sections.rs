//! Sections: which part of the form (主体信息, 主体负责人, 小程序信息, 小程序负责人 …) a control is in.
//!
//! 主体负责人 and 小程序负责人 share every label, so the section decides the field. It is the
//! nearest preceding section heading (any element whose whole text is one, numbered or not), or the
//! name of a container (`aria-label` / `aria-labelledby`) holding the control; headings grouped
//! without controls between them (a wizard's steps bar, tabs) are navigation, not section starts.

use beian_formmap::label::{match_section, may_name_section};
use beian_formmap::Section;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

use super::{labelled_by, CONTROL_SELECTOR};
use crate::dom;

/// Elements inspected per scan for section headings outside the usual heading markup.
const MAX_HEADING_CANDIDATES: u32 = 5000;
/// How far up from a heading the steps bar or tab list holding it is looked for.
const MAX_NAV_DEPTH: usize = 4;
/// The usual heading markup (a macro so that [`HEADINGS_AND_LEAVES`] is one constant string).
macro_rules! heading_selector {
    () => {
        "h1, h2, h3, h4, h5, h6, legend, caption, th, dt, [role=\"heading\"], [class*=\"title\"], [class*=\"Title\"], [class*=\"hd\"], [class*=\"head\"], [class*=\"section\"], [class*=\"divider\"]"
    };
}
const HEADING_SELECTOR: &str = heading_selector!();
/// The usual heading markup and any other element whose whole text may be a heading: elements
/// without child elements (a section name in a plain `<p>`, `<span>` or `<div>`), minus what never
/// is one and what is hidden away: option lists, and the 50th and later children of one parent
/// (the items of a long list; every text read costs a copy into the wasm). `:has(> *)`, not
/// `:has(*)`: the child form is ~50× faster on a page with thousands of options.
/// [`HEADING_SELECTOR`] alone is the fallback for a browser without `:has()`.
const HEADINGS_AND_LEAVES: &str = concat!(
    heading_selector!(),
    ", body :not(:has(> *)):not(input, textarea, select, option, img, br, hr, script, style, template, i, svg, path, use, \
     [hidden] *, [role=\"listbox\"] *, [role=\"option\"], [aria-hidden=\"true\"] *, [class*=\"dropdown\"] *, \
     [class*=\"option\"], [class*=\"cascader\"] *, [class*=\"picker\"] *, [class*=\"popper\"] *, :nth-child(n+50))"
);
/// Class fragments (or `aria-current`/`aria-selected`) marking the active item of a steps bar or tabs.
const ACTIVE_CLASSES: &[&str] = &["active", "current", "process", "selected"];

/// A section heading found on the page.
pub(super) struct Heading {
    pub element: Element,
    pub section: Section,
    /// One item of a steps bar or tab list: names a section without starting it.
    pub nav: bool,
    /// The navigation's active item (the step being filled in).
    pub active: bool,
}

/// Section headings in document order: the usual heading markup, and any element without child
/// elements whose whole text is a section name.
pub(super) fn section_headings(doc: &Document) -> Vec<Heading> {
    let list = doc.query_selector_all(HEADINGS_AND_LEAVES).or_else(|_| doc.query_selector_all(HEADING_SELECTOR));
    let mut found: Vec<(Element, Section)> = Vec::new();
    let Ok(list) = list else { return Vec::new() };
    for i in 0..list.length().min(MAX_HEADING_CANDIDATES) {
        // Thousands of leaves on a big page: no per-element cast, and the text is looked at only
        // when it may name a section.
        let Some(node) = list.item(i) else { continue };
        let text = node.text_content().unwrap_or_default();
        if !may_name_section(&text) {
            continue;
        }
        // A title with a badge or counter beside its text (`主体负责人信息<span class="el-tag">待完善</span>`)
        // is named by its own text.
        if let Some(section) = match_section(&text).or_else(|| match_section(&own_text(&node))) {
            let el: Element = node.unchecked_into();
            if dom::is_ours(&el) {
                continue;
            }
            // A title wrapping a title: keep the innermost only.
            if let Some((last, _)) = found.last() {
                if last.contains(Some(&el)) {
                    found.pop();
                }
            }
            found.push((el, section));
        }
    }
    let mut out: Vec<Heading> = Vec::with_capacity(found.len());
    for (i, (element, section)) in found.iter().enumerate() {
        let nav = nav_container(element, &found, i);
        let active = nav.as_ref().is_some_and(|n| is_active_item(element, n));
        out.push(Heading { element: element.clone(), section: *section, nav: nav.is_some(), active });
    }
    out
}

/// The text of `node`'s own text children, without its child elements' text.
fn own_text(node: &Node) -> String {
    let mut out = String::new();
    let mut child = node.first_child();
    while let Some(c) = child {
        if c.node_type() == Node::TEXT_NODE {
            out.push_str(&c.text_content().unwrap_or_default());
        }
        child = c.next_sibling();
    }
    out
}

/// The steps bar or tab list holding heading `i`: its nearest ancestor that holds another heading,
/// when that ancestor holds no form control (between two content headings there are fields).
fn nav_container(el: &Element, headings: &[(Element, Section)], i: usize) -> Option<Element> {
    let mut node = el.parent_element();
    for _ in 0..MAX_NAV_DEPTH {
        let n = node?;
        let holds_other = headings.iter().enumerate().any(|(j, (h, _))| j != i && n.contains(Some(h)));
        if holds_other {
            return n.query_selector(CONTROL_SELECTOR).ok().flatten().is_none().then_some(n);
        }
        node = n.parent_element();
    }
    None
}

/// Whether a navigation item is the active one: it or an ancestor inside the navigation has an
/// active-looking class, `aria-current` or `aria-selected="true"`.
fn is_active_item(el: &Element, nav: &Element) -> bool {
    let mut node = Some(el.clone());
    while let Some(n) = node {
        if &n == nav {
            return false;
        }
        let class = n.get_attribute("class").unwrap_or_default().to_ascii_lowercase();
        if ACTIVE_CLASSES.iter().any(|c| class.contains(c))
            || n.get_attribute("aria-current").is_some_and(|v| v != "false")
            || n.get_attribute("aria-selected").as_deref() == Some("true")
        {
            return true;
        }
        node = n.parent_element();
    }
    false
}

/// Elements named as a section by `aria-label` or `aria-labelledby` (a tab panel labelled by its
/// tab, `<section aria-label="主体负责人信息">`, a `role=group`), in document order.
pub(super) fn section_containers(doc: &Document) -> Vec<(Element, Section)> {
    let mut out = Vec::new();
    let Ok(list) = doc.query_selector_all("[aria-label], [aria-labelledby]") else { return out };
    for i in 0..list.length().min(MAX_HEADING_CANDIDATES) {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        if el.matches(CONTROL_SELECTOR).unwrap_or(true) {
            continue;
        }
        let named = el.get_attribute("aria-label").and_then(|t| match_section(&t)).or_else(|| {
            let text: String = labelled_by(&el).iter().map(dom::text).collect();
            match_section(&text)
        });
        if let Some(section) = named {
            out.push((el, section));
        }
    }
    out
}

/// The section of a control: the last heading before it in document order when that is a content
/// heading inside the innermost named container holding the control, else that container's name.
/// After a steps bar or tab list with no container, `None`: the caller asks the navigation.
pub(super) fn section_of(el: &Element, headings: &[Heading], containers: &[(Element, Section)]) -> Option<Section> {
    let mut last: Option<&Heading> = None;
    for h in headings {
        if h.element.compare_document_position(el) & Node::DOCUMENT_POSITION_FOLLOWING != 0 {
            last = Some(h);
        } else {
            break;
        }
    }
    // Nested containers come later in document order: the last one holding `el` is the innermost.
    let container = containers.iter().rev().find(|(c, _)| c.contains(Some(el)));
    if let Some(h) = last {
        if !h.nav && container.is_none_or(|(c, _)| c.contains(Some(&h.element))) {
            return Some(h.section);
        }
    }
    container.map(|(_, s)| *s)
}
