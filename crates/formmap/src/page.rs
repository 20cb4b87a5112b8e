//! Is this page a filing form? The content script asks twice: the JS loader makes a cheap probe
//! (URL and a text search for the section headings, before any wasm is fetched), then the Rust side
//! confirms from what it actually recognised, so that a page that merely mentions 备案 stays untouched.

use crate::synonyms::SECTIONS;

/// URL fragments of the filing pages in the admin (设置 → 小程序备案). The SPA keeps the route in
/// the path or the hash, so both are searched.
pub const FILING_URL_MARKERS: &[&str] = &["beian", "icp", "filing"];

/// Whether the URL path or hash looks like a filing route.
pub fn is_filing_url(path_and_hash: &str) -> bool {
    let lower = path_and_hash.to_ascii_lowercase();
    FILING_URL_MARKERS.iter().any(|m| lower.contains(m))
}

/// Headings shorter than this (小程序信息) are too common in articles to mark a form.
pub const PROBE_MIN_CHARS: usize = 6;

/// The headings the loader's cheap probe searches the page text for.
pub fn probe_headings() -> impl Iterator<Item = &'static str> {
    SECTIONS.iter().flat_map(|(_, names)| names.iter().copied()).filter(|n| n.chars().count() >= PROBE_MIN_CHARS)
}

/// Field labels only the filing form has. The loader's second probe, for a form whose section
/// names are not in its text (only in `aria-label`s, or drawn as images), wants
/// [`PROBE_MIN_LABELS`] of them and [`PROBE_MIN_CONTROLS`] controls: an article about filing names
/// labels too, but has a search box, not a form.
pub const PROBE_FIELD_LABELS: &[&str] = &[
    "主办者性质", "主办单位性质", "主体性质", "应急手机号", "应急联系方式", "应急联系电话", "服务内容标识", "服务内容类型",
    "前置审批", "证件住所", "主体负责人", "小程序负责人",
];
pub const PROBE_MIN_LABELS: usize = 2;
pub const PROBE_MIN_CONTROLS: usize = 4;

/// Whether `text` (the page's text) holds a filing-form section heading.
pub fn has_section_heading(text: &str) -> bool {
    SECTIONS.iter().flat_map(|(_, names)| names.iter()).any(|n| n.chars().count() >= PROBE_MIN_CHARS && text.contains(n))
}

/// The verdict once fields are recognised: a filing form shows at least one section heading and
/// at least two recognised fields (one stray 手机号 input on some other admin page is not a form).
pub fn is_filing_form(sections_found: usize, fields_recognised: usize) -> bool {
    sections_found >= 1 && fields_recognised >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert!(is_filing_url("/wxamp/basicprofile/beian?token=1#/step2"));
        assert!(is_filing_url("/cgi-bin/home#/ICP/apply"));
        assert!(!is_filing_url("/s/abcdef"));
    }

    #[test]
    fn headings_in_text() {
        assert!(has_section_heading("… 主体负责人信息 证件类型 …"));
        assert!(has_section_heading("验证备案类型"));
        assert!(!has_section_heading("小程序备案需要哪些材料？本文介绍备案流程。"));
    }

    /// The loader (plain JS, runs before any wasm) keeps its own copy of the probe headings: this
    /// keeps the copy in step with the table.
    #[test]
    fn loader_probe_lists_every_probe_heading() {
        let loader = include_str!("../../../extension/loader.js");
        for h in probe_headings().chain(PROBE_FIELD_LABELS.iter().copied()) {
            assert!(loader.contains(&format!("'{h}'")), "extension/loader.js does not probe for {h}");
        }
        assert!(loader.contains(&format!("const PROBE_MIN_LABELS = {PROBE_MIN_LABELS};")));
        assert!(loader.contains(&format!("const PROBE_MIN_CONTROLS = {PROBE_MIN_CONTROLS};")));
    }

    #[test]
    fn verdict() {
        assert!(is_filing_form(1, 2));
        assert!(!is_filing_form(0, 10));
        assert!(!is_filing_form(3, 1));
    }
}
