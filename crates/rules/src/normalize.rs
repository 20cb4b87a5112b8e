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
#[inline]
pub fn text(s: &str) -> &str {
    // Nearly every value has nothing to trim, and this runs for every field, several times: when
    // the end bytes show that neither end character can be white space, that is settled here,
    // inline, without decoding anything.
    let b = s.as_bytes();
    // The first byte of valid UTF-8 is ASCII or a lead byte. White space is ASCII or starts with
    // C2 (U+0085, U+00A0), E1 (U+1680), E2 (U+2000..=U+205F) or E3 (U+3000 = E3 80 80; the other
    // E3 characters are CJK punctuation and kana, frequent at the ends of Chinese text).
    let first_plain = |b: &[u8]| match b[0] {
        0x21..=0x7E | 0xC3..=0xE0 | 0xE4..=0xF4 => true,
        0xE3 => b.get(1..3) != Some(&[0x80, 0x80]),
        _ => false,
    };
    // A continuation byte at the end closes a three-byte character when there is a lead byte
    // three back (a lead byte is never a continuation); E4..=EF leads are never white space (CJK).
    let last_plain = |b: &[u8]| match b[b.len() - 1] {
        0x21..=0x7E => true,
        0x80..=0xBF if b.len() >= 3 => match b[b.len() - 3] {
            0xE4..=0xEF => true,
            0xE3 => b[b.len() - 2..] != [0x80, 0x80],
            _ => false,
        },
        _ => false,
    };
    if b.is_empty() || (first_plain(b) && last_plain(b)) {
        return s;
    }
    text_slow(s)
}

/// [`text`] when an end character may be white space: out of line, so that `text` stays small
/// enough to inline everywhere.
#[inline(never)]
fn text_slow(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// Lead bytes that can start a white-space character (U+0085, U+00A0: `C2`; U+1680: `E1`;
/// U+2000..=U+205F: `E2`; U+3000: `E3`) or a full-width form (U+FF01..=U+FF5E: `EF`): everything
/// the normalisers change starts with an ASCII byte or one of these.
#[inline]
const fn is_special_lead(b: u8) -> bool {
    matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF)
}

/// How many bytes [`push_name_key`] may copy unexamined at a character starting with this byte:
/// 0 for ASCII white space and [`is_special_lead`] bytes (the character must be looked at), else
/// the UTF-8 length. (Continuation bytes never start a character; they get 1.)
static PLAIN_STEP: [u8; 256] = {
    let mut table = [1u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if matches!(byte, 0x09..=0x0D | b' ') || is_special_lead(byte) {
            0
        } else if byte >= 0xF0 {
            4
        } else if byte >= 0xE0 {
            3
        } else if byte >= 0xC0 {
            2
        } else {
            1
        };
        b += 1;
    }
    table
};

/// White space as far as values are concerned (U+3000 is White_Space already; named for clarity).
#[inline]
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// Whether a value is present: `Some` and not blank.
#[inline]
pub fn present(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(text).filter(|s| !s.is_empty())
}

/// A code or number (ID, credit code, e-mail, appid): trimmed, full-width → half-width, inner
/// white space removed, ASCII letters upper-cased when `upper`.
#[inline]
pub fn code(s: &str, upper: bool) -> Normalized<'_> {
    let t = text(s);
    // Codes are almost always plain ASCII: one table-driven byte pass decides then.
    let flags = t.bytes().fold(0, |acc, b| acc | CODE_BYTE_FLAGS[usize::from(b)]);
    let needs_work = if flags & NON_ASCII == 0 {
        flags & ASCII_SPACE != 0 || (upper && flags & ASCII_LOWER != 0)
    } else {
        t.chars().any(|c| is_fullwidth_ascii(c) || is_space(c) || (upper && c.is_ascii_lowercase()))
    };
    if !needs_work {
        return Normalized { value: Cow::Borrowed(t), had_fullwidth: false, had_inner_space: false };
    }
    code_owned(t, upper)
}

const ASCII_SPACE: u8 = 1;
const ASCII_LOWER: u8 = 2;
const NON_ASCII: u8 = 4;

/// What [`code`] needs to know of each byte: ASCII white space as `char::is_whitespace` sees it
/// (0x09..=0x0D, 0x20), an ASCII lower-case letter, or part of a non-ASCII character (which may be
/// full-width or white space: decoded then). Nothing ASCII is full-width.
static CODE_BYTE_FLAGS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte >= 0x80 {
            NON_ASCII
        } else if matches!(byte, 0x09..=0x0D | b' ') {
            ASCII_SPACE
        } else if byte.is_ascii_lowercase() {
            ASCII_LOWER
        } else {
            0
        };
        b += 1;
    }
    table
};

/// The rare part of [`code`], when something has to change; out of line to keep `code` cheap.
#[inline(never)]
fn code_owned(t: &str, upper: bool) -> Normalized<'_> {
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
    // ASCII separators: a byte scan finds them without a char-pattern searcher.
    let has_sep = c.value.bytes().any(|b| matches!(b, b'-' | b'(' | b')'));
    let mut digits: Cow<'_, str> = if has_sep {
        Cow::Owned(c.value.chars().filter(|ch| !matches!(ch, '-' | '(' | ')')).collect())
    } else {
        c.value
    };
    for prefix in ["+86", "0086"] {
        if digits.starts_with(prefix) {
            digits = drop_front(digits, prefix.len());
            break;
        }
    }
    if digits.len() == 13 && digits.starts_with("861") && digits.bytes().all(|b| b.is_ascii_digit()) {
        digits = drop_front(digits, 2);
    }
    Normalized { value: digits, had_fullwidth: c.had_fullwidth, had_inner_space: c.had_inner_space || has_sep }
}

/// `s` without its first `n` bytes (a char boundary): a borrowed value stays borrowed, so the
/// common `+86…` case costs no allocation.
fn drop_front(s: Cow<'_, str>, n: usize) -> Cow<'_, str> {
    match s {
        Cow::Borrowed(b) => Cow::Borrowed(&b[n..]),
        Cow::Owned(mut o) => {
            o.drain(..n);
            Cow::Owned(o)
        }
    }
}

/// Text for comparing two names: trimmed, full-width → half-width, inner white space removed,
/// Chinese and ASCII parentheses unified. `深圳市某某科技（深圳）有限公司` equals `深圳市某某科技(深圳)有限公司`.
pub fn name_key(s: &str) -> String {
    // The key is never longer than the text (half-width forms are shorter, spaces go): one allocation.
    let mut key = String::new();
    push_name_key(&mut key, s);
    key
}

/// Appends [`name_key`]`(s)` to `key`. Runs of characters that normalisation leaves alone (CJK,
/// ASCII letters and digits …) are copied as they are; only white space and characters starting
/// with a special lead byte are decoded one by one.
pub fn push_name_key(key: &mut String, s: &str) {
    let t = text(s);
    // The key is never longer than the text (half-width forms are shorter, spaces go).
    key.reserve(t.len());
    let bytes = t.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let step = PLAIN_STEP[usize::from(bytes[i])];
        if step != 0 {
            i += usize::from(step);
            continue;
        }
        // `i` is a char boundary: ASCII, or a lead byte (continuation bytes are never special).
        key.push_str(&t[copied..i]);
        let c = t[i..].chars().next().unwrap_or(' ');
        if !is_space(c) {
            key.push(halfwidth_char(c));
        }
        i += c.len_utf8();
        copied = i;
    }
    key.push_str(&t[copied..]);
}

/// The characters of [`name_key`], without allocating: for comparisons that only need equality.
#[inline]
pub fn name_chars(s: &str) -> impl DoubleEndedIterator<Item = char> + Clone + '_ {
    text(s).chars().filter(|&c| !is_space(c)).map(halfwidth_char)
}

/// `name_key(a) == name_key(b)`, without building either key.
pub fn same_name(a: &str, b: &str) -> bool {
    // Identical text is the common case (a name copied from the account); it needs no decoding.
    a == b || name_chars(a).eq(name_chars(b))
}

#[cfg(test)]
pub(crate) mod tests {
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

    /// Characters that exercise every fast path: each white-space character (and the lead bytes
    /// they share with ordinary text: `、` `€` `（`), full-width forms, CJK, ASCII controls.
    pub(crate) const TRICKY: &[&str] = &[
        " ", "\t", "\n", "\u{B}", "\u{C}", "\r", "\u{1C}", "\u{0}", "\u{7F}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}",
        "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}", "、", "。", "€",
        "（", "）", "(", "＊", "*", "ｘ", "Ｘ", "x", "X", "ａ", "Ａ", "１", "１２", "0", "9", "-", "+86", "@", "＠", "é", "ǅ",
        "深", "圳", "市", "号", "以上都不涉及", "🀄", "\u{FF5E}", "\u{FF5F}", "\u{FF00}",
    ];

    pub(crate) fn tricky_string() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            proptest::collection::vec(proptest::sample::select(TRICKY), 0..8).prop_map(|v| v.concat()),
            any::<String>(),
        ]
    }

    /// The definitions as written before the fast paths (trim, decode every character, collect).
    mod reference {
        use super::super::{halfwidth_char, is_fullwidth_ascii, Normalized};
        use std::borrow::Cow;

        pub fn text(s: &str) -> &str {
            s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
        }

        pub fn name_key(s: &str) -> String {
            text(s).chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}').map(halfwidth_char).collect()
        }

        pub fn code(s: &str, upper: bool) -> Normalized<'_> {
            let t = text(s);
            let needs_work = t.chars().any(|c| {
                is_fullwidth_ascii(c) || c.is_whitespace() || c == '\u{3000}' || (upper && c.is_ascii_lowercase())
            });
            if !needs_work {
                return Normalized { value: Cow::Borrowed(t), had_fullwidth: false, had_inner_space: false };
            }
            let mut out = String::new();
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
    }

    proptest::proptest! {
        #[test]
        fn fast_paths_agree_with_the_plain_definitions(a in tricky_string(), b in tricky_string()) {
            for s in [&a, &b] {
                proptest::prop_assert_eq!(text(s), reference::text(s));
                proptest::prop_assert_eq!(name_key(s), reference::name_key(s));
                proptest::prop_assert_eq!(name_chars(s).collect::<String>(), reference::name_key(s));
                for upper in [false, true] {
                    proptest::prop_assert_eq!(code(s, upper), reference::code(s, upper));
                }
                proptest::prop_assert_eq!(phone(s), reference::phone(s));
            }
            let mut key = a.clone();
            push_name_key(&mut key, &b);
            proptest::prop_assert_eq!(key, format!("{a}{}", reference::name_key(&b)));
            proptest::prop_assert_eq!(same_name(&a, &b), reference::name_key(&a) == reference::name_key(&b));
        }
    }

    #[test]
    fn every_tricky_end_is_trimmed_like_before() {
        for edge in TRICKY {
            for core in ["", "a", "深圳", "１", "、"] {
                for s in [format!("{edge}{core}"), format!("{core}{edge}"), format!("{edge}{core}{edge}")] {
                    assert_eq!(text(&s), reference::text(&s), "{s:?}");
                    assert_eq!(name_key(&s), reference::name_key(&s), "{s:?}");
                    assert_eq!(code(&s, true), reference::code(&s, true), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn names_compare_across_width_and_spaces() {
        assert_eq!(name_key("深圳市某某科技（深圳）有限公司"), name_key(" 深圳市某某科技(深圳)有限公司"));
        assert_eq!(name_key("ＡＢＣ 公司"), "ABC公司");
    }
}
