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

/// Parenthesised notes that are part of the label: `有效期（起）` is the start date, not `有效期`.
const KEPT_NOTES: &[&str] = &["起", "止", "至", "开始", "结束", "起始", "截止"];

/// Strips what decorates a label: whitespace (incl. full-width and NBSP), required-marks `*`/`＊`,
/// colons, a trailing `?`/`？` help icon text, and a trailing parenthesised note such as `（选填）`
/// (whose text stays when it is one of [`KEPT_NOTES`]: `有效期（起）` → `有效期起`).
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
                    let note_start = open + s[open..].chars().next().map_or(1, char::len_utf8);
                    let note_end = s.len() - s.chars().next_back().map_or(1, char::len_utf8);
                    let kept = s.get(note_start..note_end).filter(|n| KEPT_NOTES.contains(n)).map(str::to_string);
                    s.truncate(open);
                    if let Some(note) = kept {
                        s.push_str(&note);
                        return s;
                    }
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
    // `营业执照上的企业名称`, `主体负责人的手机号码`: what follows the last 的 is what is asked for,
    // except that the mobile of the emergency contact (`应急联系人的手机号`) is the emergency mobile.
    if let Some((modifier, head)) = label.rsplit_once('的') {
        if let Some(c) = match_normalized(head) {
            if c == Concept::Mobile && match_normalized(modifier) == Some(Concept::EmergencyMobile) {
                return Some(Concept::EmergencyMobile);
            }
            return Some(c);
        }
    }
    let candidates = || all().filter(|(_, n)| n.chars().count() >= 2);
    let prefix = candidates().filter(|(_, n)| label.starts_with(n)).max_by_key(|(_, n)| n.len()).map(|(c, _)| c);
    // Inside a text, the synonym that ends last is the head noun (`营业执照上的企业名称` asks for the
    // 企业名称, `与手机号不同的应急联系电话` for the 应急联系电话); then the longest.
    // A mobile asked for after 应急 (`小程序负责人应急联系手机号码`) is the emergency one.
    let contained = || {
        candidates()
            .filter_map(|(c, n)| label.rfind(n).map(|at| (c, at, at + n.len(), n.len())))
            .max_by_key(|&(_, _, end, len)| (end, len))
            .map(|(c, at, _, _)| if c == Concept::Mobile && label[..at].contains("应急") { Concept::EmergencyMobile } else { c })
    };
    prefix.or_else(|| (label.chars().count() <= MAX_CONTAINING_CHARS).then(contained).flatten())
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
/// body text mentioning 小程序信息 must not move the section boundary). A leading ordinal is not
/// part of the name: `一、主办单位信息`, `2. 主体负责人信息`, `第三步 小程序信息`, `Step 4 …`.
pub fn match_section(raw: &str) -> Option<Section> {
    let text = normalize_label(raw);
    if text.is_empty() || text.chars().count() > MAX_LABEL_CHARS {
        return None;
    }
    let find = |t: &str| SECTIONS.iter().find(|(_, names)| names.contains(&t)).map(|(s, _)| *s);
    find(&text).or_else(|| find(strip_ordinal(&text)).filter(|_| strip_ordinal(&text).len() < text.len()))
}

/// A cheap test before [`match_section`], for scanning many page texts: short enough, and holding
/// the last character of some section name (信息 → 息, 验证备案类型 → 型, 主体负责人 → 人, 上传材料 → 料).
pub fn may_name_section(raw: &str) -> bool {
    // Bytes: 32 characters of CJK text, with room for whitespace and decoration.
    raw.len() <= 12 * MAX_LABEL_CHARS
        && SECTIONS.iter().flat_map(|(_, names)| names.iter()).any(|n| n.chars().next_back().is_some_and(|c| raw.contains(c)))
}

/// `一、主办单位信息` → `主办单位信息`: drops a leading `第…步/部分`, `Step`, digits or Chinese
/// numerals, wrapped in or followed by `、.．)）-`.
fn strip_ordinal(text: &str) -> &str {
    const NUMERALS: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    let mut t = text;
    for prefix in ["Step", "STEP", "step"] {
        t = t.strip_prefix(prefix).unwrap_or(t);
    }
    t = t.trim_start_matches(['(', '（']);
    let had_di = t.starts_with('第');
    t = t.trim_start_matches('第');
    let before = t.len();
    t = t.trim_start_matches(|c: char| c.is_ascii_digit() || NUMERALS.contains(&c));
    if t.len() == before && had_di {
        return text;
    }
    if had_di {
        for unit in ["步", "部分", "节", "项"] {
            t = t.strip_prefix(unit).unwrap_or(t);
        }
    }
    t.trim_start_matches(['、', '.', '．', ')', '）', '-', '—', '·'])
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
    fn validity_notes_are_kept() {
        assert_eq!(normalize_label("证件有效期（起）"), "证件有效期起");
        assert_eq!(normalize_label("有效期(止)："), "有效期止");
        assert_eq!(match_label("证件有效期（起）"), Some(Concept::ValidityStart));
        assert_eq!(match_label("证件有效期（止）"), Some(Concept::ValidityEnd));
        assert_eq!(match_label("证件有效期（必填）"), Some(Concept::Validity));
    }

    #[test]
    fn contained_synonyms_prefer_the_head_noun() {
        assert_eq!(match_placeholder("请输入营业执照上的企业名称"), Some(Concept::Name));
        assert_eq!(match_placeholder("请输入与手机号不同的应急联系电话"), Some(Concept::EmergencyMobile));
        assert_eq!(match_placeholder("请输入应急联系人的手机号"), Some(Concept::EmergencyMobile));
        // 应急 before a mobile synonym that is not itself an emergency one (Semi Design placeholders).
        assert_eq!(match_placeholder("请输入小程序负责人应急联系手机号码"), Some(Concept::EmergencyMobile));
        assert_eq!(match_placeholder("请输入应急联系手机号码"), Some(Concept::EmergencyMobile));
        assert_eq!(match_placeholder("请输入小程序负责人应急联系人手机号码"), Some(Concept::EmergencyMobile));
        assert_eq!(match_placeholder("请输入小程序负责人手机号码"), Some(Concept::Mobile));
        assert_eq!(match_label("手机号（不可与应急联系方式相同）"), Some(Concept::Mobile));
        // Named by a `title` only (a legacy admin page), and a shortened switch label.
        assert_eq!(match_label("证件有效期截止日期"), Some(Concept::ValidityEnd));
        assert_eq!(match_label("证件有效期起始日期"), Some(Concept::ValidityStart));
        assert_eq!(match_label("复用主体负责人"), Some(Concept::ReusePrincipal));
        assert_eq!(match_placeholder("请输入主体负责人的手机号码"), Some(Concept::Mobile));
        assert_eq!(match_placeholder("请输入负责人的证件号码"), Some(Concept::CertificateNumber));
        assert_eq!(match_label("选填应急联系方式"), Some(Concept::EmergencyMobile));
        assert_eq!(match_label("负责人证件有效期"), Some(Concept::Validity));
    }

    /// Labels and placeholders of the variant fixtures (tests/fixtures/form-variant-*.html).
    #[test]
    fn variant_labels_and_placeholders() {
        assert_eq!(match_placeholder("请输入负责人手机号码"), Some(Concept::Mobile));
        assert_eq!(match_placeholder("请输入应急联系人手机号码"), Some(Concept::EmergencyMobile));
        assert_eq!(match_placeholder("请输入电子邮箱地址"), Some(Concept::Email));
        assert_eq!(match_placeholder("请输入负责人证件号码"), Some(Concept::CertificateNumber));
        assert_eq!(match_placeholder("请填写通讯地址（需详细到门牌号）"), Some(Concept::Address));
        assert_eq!(match_placeholder("例：name@example.com"), None);
        assert_eq!(match_placeholder("YYYY-MM-DD"), None);
        assert_eq!(match_label("*负责人证件号码："), Some(Concept::CertificateNumber));
        assert_eq!(match_label("应急联系方式"), Some(Concept::EmergencyMobile));
        assert_eq!(match_label("联系手机"), Some(Concept::Mobile));
        assert_eq!(match_label("应急联系电话"), Some(Concept::EmergencyMobile));
        assert_eq!(match_label("主办单位所在地"), Some(Concept::Region));
        assert_eq!(match_label("短信验证码"), Some(Concept::VerificationCode));
        assert_eq!(match_label("手机验证码"), Some(Concept::VerificationCode));
        assert_eq!(match_label("服务类目"), Some(Concept::ServiceTypes));
        assert_eq!(match_label("小程序ID"), Some(Concept::AppId));
        assert_eq!(match_label("E-mail"), Some(Concept::Email));
        // With helper text after the label, the label's own words come first.
        assert_eq!(match_label("手机号码用于接收验证码"), Some(Concept::Mobile));
        assert_eq!(match_label("手机号码 用于接收工信部12381核验短信及平台备案通知，请务必保持畅通"), None);
        // Upload rows named after the document (form-variant-iview.html: 上传身份证).
        assert_eq!(match_label("上传身份证"), Some(Concept::CertificateUpload));
        assert_eq!(match_label("*身份证照片："), Some(Concept::CertificateUpload));
        assert_eq!(match_label("营业执照扫描件"), Some(Concept::CertificateUpload));
        // …but the document type alone is a 证件类型 option, never a row label.
        assert_eq!(match_label("身份证"), None);
        // A narrow layui label column: the yes/no question in a word (form-variant-bootstrap.html);
        // the legal person's own fields keep their longer labels.
        assert_eq!(match_label("法定代表人"), Some(Concept::IsLegalRepresentative));
        assert_eq!(match_label("是否法人"), Some(Concept::IsLegalRepresentative));
        assert_eq!(match_label("法定代表人姓名"), Some(Concept::LegalPersonName));
        assert_eq!(match_label("法定代表人身份证号码"), Some(Concept::LegalPersonNumber));
        // form.md writes the region row with slashes (form-variant-implicit.html).
        assert_eq!(match_label("省/市/区:*"), Some(Concept::Region));
        // 起止 names the row of both dates (its two controls are told apart by position), while
        // 开始/结束时间 name one of them.
        assert_eq!(match_label("证件有效期起止"), Some(Concept::Validity));
        assert_eq!(match_label("有效期起止日期"), Some(Concept::Validity));
        assert_eq!(match_label("证件有效期开始时间"), Some(Concept::ValidityStart));
        assert_eq!(match_label("证件有效期结束时间"), Some(Concept::ValidityEnd));
        // A row of its own for the 长期 box (form-variant-vant.html: 证件长期有效).
        assert_eq!(match_label("证件长期有效"), Some(Concept::ValidityEnd));
        assert_eq!(match_label("营业期限"), Some(Concept::LicenceValidity));
        assert_eq!(match_label("实际经营地址"), Some(Concept::Address));
        assert_eq!(match_label("主体类型"), Some(Concept::Nature));
    }

    /// A heading just before an unlabelled row must not name its field. (The materials headings
    /// may read as 其他材料: that row is an upload either way.)
    #[test]
    fn section_names_are_never_field_labels() {
        for (section, names) in crate::synonyms::SECTIONS {
            if *section == Section::Materials {
                continue;
            }
            for name in *names {
                assert_eq!(match_label(name), None, "section heading {name} reads as a field label");
            }
        }
    }

    #[test]
    fn the_cheap_section_test_lets_every_heading_through() {
        for (_, names) in SECTIONS {
            for name in *names {
                assert!(may_name_section(name), "{name}");
                assert!(may_name_section(&format!(" 一、{name}（必填） ")), "{name}");
            }
        }
        assert!(!may_name_section("区县1234"));
        assert!(!may_name_section(""));
    }

    #[test]
    fn headings_with_ordinals() {
        assert_eq!(match_section("一、主办单位信息"), Some(Section::Subject));
        assert_eq!(match_section("2. 主体负责人信息"), Some(Section::SubjectPrincipal));
        assert_eq!(match_section("（三）小程序信息"), Some(Section::App));
        assert_eq!(match_section("第四步：小程序负责人信息"), Some(Section::AppPrincipal));
        assert_eq!(match_section("Step 5 上传其他信息材料"), Some(Section::Materials));
        assert_eq!(match_section("01 验证备案类型"), Some(Section::Subject));
        assert_eq!(match_section("第一"), None);
        assert_eq!(match_section("2"), None);
        assert_eq!(match_section("第二个主办单位信息"), None);
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
