//! Label normalisation and matching against the synonym tables.
//!
//! Page labels come as `* 证件号码：`, `邮箱地址 (选填)`, `手机号\n`, or only as a placeholder
//! (`请输入应急手机号`). Normalising removes the decoration; matching then tries, in order: exact
//! synonym, longest synonym the label starts with, longest synonym it contains. Long texts are never
//! labels (a paragraph that mentions 手机号 is help text), so matching gives up above [`MAX_LABEL_CHARS`].

use crate::synonyms::{Concept, Section, LABELS, PLACEHOLDER_PREFIXES, SECTIONS};

/// Longer normalised texts are prose, not labels (for exact and prefix matches).
pub const MAX_LABEL_CHARS: usize = 32;
/// A synonym found inside a text counts only in texts this short: help prose mentions 手机号 too.
pub const MAX_CONTAINING_CHARS: usize = 24;

/// Strips what decorates a label: whitespace (incl. full-width and NBSP), required-marks `*`/`＊`,
/// colons, a trailing `?`/`？` help icon text, and a trailing parenthesised note such as `（选填）`.
pub fn normalize_label(raw: &str) -> String {
    let mut s: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '＊' | ':' | '：' | '\u{200b}'))
        .collect();
    loop {
        let before = s.len();
        while s.ends_with(['?', '？']) {
            s.pop();
        }
        if s.ends_with(['）', ')']) {
            if let Some(open) = s.rfind(['（', '(']) {
                // Only a suffix note: `(选填)` goes, a label that is all parentheses stays.
                if open > 0 {
                    s.truncate(open);
                }
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

/// The concept a label names, if any.
pub fn match_label(raw: &str) -> Option<Concept> {
    let label = normalize_label(raw);
    match_normalized(&label)
}

fn match_normalized(label: &str) -> Option<Concept> {
    if label.is_empty() || label.chars().count() > MAX_LABEL_CHARS {
        return None;
    }
    let all = || LABELS.iter().flat_map(|(c, names)| names.iter().map(move |n| (*c, *n)));
    if let Some((c, _)) = all().find(|(_, n)| n.eq_ignore_ascii_case(label)) {
        return Some(c);
    }
    let longest = |pred: &dyn Fn(&str) -> bool| {
        all().filter(|(_, n)| n.chars().count() >= 2 && pred(n)).max_by_key(|(_, n)| n.len()).map(|(c, _)| c)
    };
    longest(&|n| label.starts_with(n))
        .or_else(|| (label.chars().count() <= MAX_CONTAINING_CHARS).then(|| longest(&|n| label.contains(n))).flatten())
}

/// The concept a placeholder names (`请输入应急手机号` → EmergencyMobile); the second clue when a
/// field has no recognisable label.
pub fn match_placeholder(raw: &str) -> Option<Concept> {
    let text = normalize_label(raw);
    let stripped = PLACEHOLDER_PREFIXES.iter().find_map(|p| text.strip_prefix(p)).unwrap_or(&text);
    // `请输入11位手机号` / `如：zhangsan@example.com` — drop digits and examples before matching.
    let stripped = stripped.split(['，', ',', '如', '例']).next().unwrap_or(stripped);
    let cleaned: String = stripped.chars().filter(|c| !c.is_ascii_digit()).collect();
    // `11位手机号` leaves `位手机号` once the digits are gone.
    match_normalized(cleaned.trim_start_matches('位'))
}

/// The section a heading names (exact match after normalisation only: headings are short and
/// body text mentioning 小程序信息 must not move the section boundary).
pub fn match_section(raw: &str) -> Option<Section> {
    let text = normalize_label(raw);
    if text.is_empty() || text.chars().count() > MAX_LABEL_CHARS {
        return None;
    }
    SECTIONS.iter().find(|(_, names)| names.contains(&text.as_str())).map(|(s, _)| *s)
}

/// Whether `raw` (an option's or button's text) is one of `options` after normalisation.
pub fn is_one_of(raw: &str, options: &[&str]) -> bool {
    let text = normalize_label(raw);
    options.contains(&text.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_strips_marks_colons_whitespace_and_notes() {
        assert_eq!(normalize_label("* 证件号码："), "证件号码");
        assert_eq!(normalize_label("\u{3000}邮箱地址 (选填)\n"), "邮箱地址");
        assert_eq!(normalize_label("备注（必填）?"), "备注");
        assert_eq!(normalize_label("＊手机号:"), "手机号");
        assert_eq!(normalize_label("（选填）"), "（选填）");
        assert_eq!(normalize_label(""), "");
    }

    #[test]
    fn exact_prefix_and_contained_labels_match() {
        assert_eq!(match_label("*证件号码："), Some(Concept::CertificateNumber));
        assert_eq!(match_label("应急手机号"), Some(Concept::EmergencyMobile));
        assert_eq!(match_label("手机号码"), Some(Concept::Mobile));
        assert_eq!(match_label("负责人手机号"), Some(Concept::Mobile));
        assert_eq!(match_label("主体负责人应急联系方式"), Some(Concept::EmergencyMobile));
        assert_eq!(match_label("小程序名称"), Some(Concept::AppName));
        assert_eq!(match_label("企业名称"), Some(Concept::Name));
        assert_eq!(match_label("appid"), Some(Concept::AppId));
        assert_eq!(match_label("证件有效期"), Some(Concept::Validity));
        assert_eq!(match_label("营业执照有效期"), Some(Concept::LicenceValidity));
        assert_eq!(match_label("互联网信息服务前置审批项"), Some(Concept::PreApprovals));
    }

    #[test]
    fn prose_and_unknown_texts_do_not_match() {
        assert_eq!(match_label("请确保手机号能接收工信部12381发送的核验短信，否则备案将被驳回"), None);
        assert_eq!(match_label("企业"), None);
        assert_eq!(match_label("工具-记账"), None);
        assert_eq!(match_label(""), None);
        assert_eq!(match_label("<img src=x onerror=alert(1)>"), None);
        // A label with page markup as text still names its field; the text is never parsed.
        assert_eq!(match_label("备注<img src=x onerror=alert(1)>"), Some(Concept::Remark));
        assert_eq!(match_label("备注（必填）<img src=x onerror=alert(1)>"), Some(Concept::Remark));
    }

    #[test]
    fn placeholders_are_a_second_clue() {
        assert_eq!(match_placeholder("请输入应急手机号"), Some(Concept::EmergencyMobile));
        assert_eq!(match_placeholder("请输入11位手机号"), Some(Concept::Mobile));
        assert_eq!(match_placeholder("请输入电子邮箱，如：a@b.com"), Some(Concept::Email));
        assert_eq!(match_placeholder("请填写通讯地址"), Some(Concept::Address));
        assert_eq!(match_placeholder("请输入"), None);
    }

    #[test]
    fn sections_match_headings_exactly() {
        assert_eq!(match_section(" 主体负责人信息 "), Some(Section::SubjectPrincipal));
        assert_eq!(match_section("小程序管理员信息"), Some(Section::AppPrincipal));
        assert_eq!(match_section("小程序负责人信息"), Some(Section::AppPrincipal));
        assert_eq!(match_section("请填写小程序信息"), None);
    }

    #[test]
    fn option_texts() {
        assert!(is_one_of(" 长期 ", crate::synonyms::LONG_TERM));
        assert!(!is_one_of("长期以来", crate::synonyms::LONG_TERM));
    }
}
