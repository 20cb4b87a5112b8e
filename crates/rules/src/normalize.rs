//! Normalisation of typed values before checking: trim, full-width → half-width, `x` → `X` in ID
//! numbers, `+86`/`0086`/spaces/dashes out of phone numbers. Each function also says whether it had
//! to fix something the platform would not accept as typed (rule `input_fullwidth`).

use std::borrow::Cow;

/// A normalised value and what normalisation had to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized<'a> {
    pub value: Cow<'a, str>,
    /// Full-width digits, letters or `＠．` (or an ideographic space) were converted.
    pub had_fullwidth: bool,
    /// Spaces (or dashes, for numbers) inside the value were removed.
    pub had_inner_space: bool,
}

impl Normalized<'_> {
    /// Whether the platform, which compares the raw text, would see something different.
    pub fn needs_fix(&self) -> bool {
        self.had_fullwidth || self.had_inner_space
    }
}

/// Full-width form of an ASCII character (U+FF01..=U+FF5E, U+3000) → the ASCII character.
#[inline]
pub fn halfwidth_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

#[inline]
fn is_fullwidth_ascii(c: char) -> bool {
    matches!(c, '\u{FF01}'..='\u{FF5E}')
}

/// Free text (names, addresses, remarks): trimmed; full-width characters are kept (they are legal
/// in Chinese text) and not reported.
pub fn text(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
}

/// Whether a value is present: `Some` and not blank.
pub fn present(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(text).filter(|s| !s.is_empty())
}

/// A code or number (ID, credit code, e-mail, appid): trimmed, full-width → half-width, inner
/// white space removed, ASCII letters upper-cased when `upper`.
pub fn code(s: &str, upper: bool) -> Normalized<'_> {
    let t = text(s);
    let needs_work = t.chars().any(|c| {
        is_fullwidth_ascii(c) || c.is_whitespace() || c == '\u{3000}' || (upper && c.is_ascii_lowercase())
    });
    if !needs_work {
        return Normalized { value: Cow::Borrowed(t), had_fullwidth: false, had_inner_space: false };
    }
    let mut out = String::with_capacity(t.len());
    let (mut fw, mut sp) = (false, false);
    for c in t.chars() {
        if c.is_whitespace() || c == '\u{3000}' {
            sp = true;
            continue;
        }
        let h = halfwidth_char(c);
        fw |= h != c;
        out.push(if upper { h.to_ascii_uppercase() } else { h });
    }
    Normalized { value: Cow::Owned(out), had_fullwidth: fw, had_inner_space: sp }
}

/// A phone number: [`code`], then separators (`-`, space, parentheses) and a `+86` / `0086` / `86`
/// country prefix removed (the prefix only when 13 digits remain, so `86…` local numbers survive).
pub fn phone(s: &str) -> Normalized<'_> {
    let c = code(s, false);
    let has_sep = c.value.contains(['-', '(', ')']);
    let mut digits: Cow<'_, str> = if has_sep {
        Cow::Owned(c.value.chars().filter(|ch| !matches!(ch, '-' | '(' | ')')).collect())
    } else {
        c.value
    };
    for prefix in ["+86", "0086"] {
        if let Some(rest) = digits.strip_prefix(prefix) {
            digits = Cow::Owned(rest.to_owned());
            break;
        }
    }
    if digits.len() == 13 && digits.starts_with("861") && digits.bytes().all(|b| b.is_ascii_digit()) {
        digits = Cow::Owned(digits[2..].to_owned());
    }
    Normalized { value: digits, had_fullwidth: c.had_fullwidth, had_inner_space: c.had_inner_space || has_sep }
}

/// Text for comparing two names: trimmed, full-width → half-width, inner white space removed,
/// Chinese and ASCII parentheses unified. `深圳市某某科技（深圳）有限公司` equals `深圳市某某科技(深圳)有限公司`.
pub fn name_key(s: &str) -> String {
    text(s)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .map(halfwidth_char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_half_width_upper_and_unspaced() {
        let n = code(" １１０１０５１９４９１２３１００２ｘ ", true);
        assert_eq!(n.value, "11010519491231002X");
        assert!(n.had_fullwidth && !n.had_inner_space);
        let n = code("110105 19491231 002x", true);
        assert_eq!(n.value, "11010519491231002X");
        assert!(!n.had_fullwidth && n.had_inner_space && n.needs_fix());
        let n = code("11010519491231002X", true);
        assert!(matches!(n.value, Cow::Borrowed(_)) && !n.needs_fix());
        // Lower-case x is fixed silently: the platform upper-cases it itself.
        assert!(!code("11010519491231002x", true).needs_fix());
    }

    #[test]
    fn phones_lose_prefixes_and_separators() {
        for s in ["13800138000", "+86 138 0013 8000", "0086-13800138000", "8613800138000", "138-0013-8000"] {
            assert_eq!(phone(s).value, "13800138000", "{s}");
        }
        assert!(phone("１３８００１３８０００").had_fullwidth);
        assert!(!phone("+8613800138000").needs_fix());
        assert_eq!(phone("86123").value, "86123");
    }

    #[test]
    fn names_compare_across_width_and_spaces() {
        assert_eq!(name_key("深圳市某某科技（深圳）有限公司"), name_key(" 深圳市某某科技(深圳)有限公司"));
        assert_eq!(name_key("ＡＢＣ 公司"), "ABC公司");
    }
}
