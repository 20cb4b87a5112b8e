//! Identifier algorithms: GB 11643 resident ID, GB 32100 credit code, GB 11714 organisation code,
//! GS 15-2006 registration number, mainland mobile ranges, personal-document formats, e-mail.
//!
//! Every function takes an already-normalised string (`normalize::code(s, true)` for IDs and codes,
//! `normalize::phone` for mobiles), works on bytes, allocates nothing and never panics: these run
//! on every keystroke in the content script and 100 000 times a second in `beian check`.

use crate::date::Date;

/// Why a string is not a valid resident ID number, in the order the checks run: only the first
/// failing check is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdProblem {
    /// Not 18 characters (15-digit first-generation numbers included).
    Length,
    /// Not `\d{17}[\dX]`.
    Charset,
    /// Chars 1–6 are not a GB/T 2260 division code (current or abolished) nor 810000/820000/830000.
    Region,
    /// Chars 7–14 are not a real date, are after `today`, or the year is before 1900.
    BirthDate,
    /// The MOD 11-2 check character is wrong.
    Checksum,
}

/// GB 11643 weights W[i] = 2^(17-i) mod 11.
const ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS: &[u8; 11] = b"10X98765432";

/// ISO 7064 MOD 11-2 check character of the first 17 digits of a resident ID (`b'0'..=b'9'` or
/// `b'X'`). Non-digits count as 0 and fewer than 17 bytes are used as given: callers check the
/// charset first; this never panics.
pub fn resident_id_check_char(first17: &[u8]) -> u8 {
    let sum: u32 = first17
        .iter()
        .zip(ID_WEIGHTS)
        .map(|(&c, w)| if c.is_ascii_digit() { u32::from(c - b'0') * w } else { 0 })
        .sum();
    ID_CHECK_CHARS[(sum % 11) as usize]
}

/// Whether `s` is 18 chars `\d{17}[\dX]` with a correct MOD 11-2 check character (nothing else).
pub fn mod11_2_valid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 18
        && b[..17].iter().all(u8::is_ascii_digit)
        && (b[17].is_ascii_digit() || b[17] == b'X')
        && resident_id_check_char(&b[..17]) == b[17]
}

/// Two-digit decimal at `b[i..i+2]`; callers have checked the bytes are digits.
fn two_digits(b: &[u8], i: usize) -> u32 {
    u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0')
}

/// The birth date in chars 7–14 of an 18-char number, if those chars are digits forming a real date.
/// Does not check the rest of the number.
pub fn birth_date(id: &str) -> Option<Date> {
    let b = id.as_bytes();
    if b.len() != 18 || !b[6..14].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let year = two_digits(b, 6) * 100 + two_digits(b, 8);
    Date::new(year as i32, two_digits(b, 10) as u8, two_digits(b, 12) as u8)
}

/// The first problem of a resident ID (居民身份证) or Hong Kong / Macau / Taiwan residence permit
/// number (810000 / 820000 / 830000 prefix), or `None` when it is valid. `id` must already be
/// normalised (trimmed, half-width, upper-case `X`).
pub fn resident_id_problem(id: &str, today: Date) -> Option<IdProblem> {
    let b = id.as_bytes();
    if b.len() != 18 {
        // Count characters, not bytes: `１１…` that escaped normalisation is a charset problem when
        // it has 18 characters.
        return Some(if id.chars().count() == 18 { IdProblem::Charset } else { IdProblem::Length });
    }
    if !b[..17].iter().all(u8::is_ascii_digit) || !(b[17].is_ascii_digit() || b[17] == b'X') {
        return Some(IdProblem::Charset);
    }
    if !crate::data::division_known(&id[..6]) {
        return Some(IdProblem::Region);
    }
    match birth_date(id) {
        Some(born) if born.year() >= 1900 && born <= today => {}
        _ => return Some(IdProblem::BirthDate),
    }
    if resident_id_check_char(&b[..17]) != b[17] {
        return Some(IdProblem::Checksum);
    }
    None
}

/// Whether a (valid-looking) ID number is a Hong Kong / Macau / Taiwan residence permit.
pub fn is_residence_permit_number(id: &str) -> bool {
    matches!(id.get(..6), Some("810000" | "820000" | "830000"))
}

/// Why a string is not a valid unified social credit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UsccProblem {
    /// Not 18 characters.
    Length,
    /// A character outside `0-9A-HJ-NPQRTUWXY`, or chars 3–8 (the division code) not digits.
    Charset,
    /// The check character (char 18) is wrong.
    Checksum,
}

const USCC_ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// Value of a credit-code character (its index in the GB 32100 alphabet).
fn uscc_value(c: u8) -> Option<u32> {
    match c {
        b'0'..=b'9' => Some(u32::from(c - b'0')),
        b'A'..=b'Z' => USCC_ALPHABET[10..].iter().position(|&a| a == c).map(|i| i as u32 + 10),
        _ => None,
    }
}

/// GB 32100 check character of the first 17 characters, `None` if one is outside the alphabet.
pub fn uscc_check_char(first17: &[u8]) -> Option<u8> {
    let mut sum = 0u32;
    for (&c, w) in first17.iter().zip(USCC_WEIGHTS) {
        sum += uscc_value(c)? * w;
    }
    Some(USCC_ALPHABET[((31 - sum % 31) % 31) as usize])
}

/// The first problem of a unified social credit code (统一社会信用代码), or `None` when valid.
/// `code` must already be normalised (upper case). Letter-led codes (e.g. `N…`, `Y…` issued by
/// other registration authorities) are allowed, as GB 32100 allows them.
///
/// The organisation code in chars 9–17 is deliberately **not** checked here (see
/// [`organization_code_valid`]): codes of individual businesses (92…) that never had an
/// organisation code carry a segment that need not pass GB 11714, and a false alarm on a real
/// licence is worse than a missed typo, which the overall check character catches anyway.
pub fn uscc_problem(code: &str) -> Option<UsccProblem> {
    let b = code.as_bytes();
    if b.len() != 18 {
        return Some(if code.chars().count() == 18 { UsccProblem::Charset } else { UsccProblem::Length });
    }
    if b.iter().any(|&c| uscc_value(c).is_none()) || !b[2..8].iter().all(u8::is_ascii_digit) {
        return Some(UsccProblem::Charset);
    }
    if uscc_check_char(&b[..17]) != Some(b[17]) {
        return Some(UsccProblem::Checksum);
    }
    None
}

/// The registration-authority / kind prefix (chars 1–2) of a credit code, e.g. `"91"` 企业,
/// `"92"` 个体工商户. `None` when shorter than 2 ASCII chars.
pub fn uscc_kind(code: &str) -> Option<&str> {
    code.get(..2)
}

/// GB 11714 organisation code check: 9 chars, 8 of `[0-9A-Z]` then the check char
/// (W = 3 7 9 10 5 8 4 2; r = 11 − Σ mod 11; 10 → `X`, 11 → `0`). Applied to chars 9–17 of a
/// credit code it tells whether they are a genuine organisation code; advisory only.
pub fn organization_code_valid(code9: &str) -> bool {
    const W: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
    let b = code9.as_bytes();
    if b.len() != 9 {
        return false;
    }
    let mut sum = 0u32;
    for (&c, w) in b[..8].iter().zip(W) {
        let v = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'A'..=b'Z' => u32::from(c - b'A') + 10,
            _ => return false,
        };
        sum += v * w;
    }
    let expected = match 11 - sum % 11 {
        10 => b'X',
        11 => b'0',
        r => b'0' + r as u8,
    };
    b[8] == expected
}

/// Whether `s` is an old 15-digit business registration number (工商注册号, GS 15-2006): 15 digits
/// whose last passes ISO 7064 MOD 11,10.
pub fn is_registration_number(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 15 || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    // ISO 7064 MOD 11,10 over all 15 digits: the running product ends at 1 for a valid number.
    let mut p = 10u32;
    for &c in &b[..14] {
        let s = (p + u32::from(c - b'0')) % 10;
        p = (if s == 0 { 10 } else { s } * 2) % 11;
    }
    (p + u32::from(b[14] - b'0')) % 10 == 1
}

/// Why a string is not a usable mainland mobile number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MobileProblem {
    /// Not `1[3-9]\d{9}`.
    Format,
    /// Well-formed but not an allocated voice mobile range (data-only / IoT / unallocated): the
    /// verification call or SMS cannot reach it.
    NotVoiceRange,
}

/// Checks a normalised mobile number against the allocated voice ranges of libphonenumber's CN
/// metadata: 13x, 145, 147, 15[0-35-9], 162, 165–167, 17[0-35-8], 1740[0-5], 18x, 19[0-35-9], 1610x.
pub fn mobile_problem(s: &str) -> Option<MobileProblem> {
    let b = s.as_bytes();
    if b.len() != 11 || b[0] != b'1' || !(b'3'..=b'9').contains(&b[1]) || !b.iter().all(u8::is_ascii_digit) {
        return Some(MobileProblem::Format);
    }
    let voice = match (b[1], b[2]) {
        (b'3' | b'8', _) => true,
        (b'4', c) => c == b'5' || c == b'7',
        (b'5' | b'9', c) => c != b'4',
        (b'6', b'2' | b'5' | b'6' | b'7') => true,
        (b'6', b'1') => b[3] == b'0',
        (b'7', b'4') => b[3] == b'0' && b[4] <= b'5',
        (b'7', c) => c != b'9' && c != b'4',
        _ => false,
    };
    if voice { None } else { Some(MobileProblem::NotVoiceRange) }
}

/// A personal identity document type (form.md: 个人 and every 负责人).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PersonalDocument {
    /// 居民身份证
    ResidentId,
    /// 护照
    Passport,
    /// 台湾居民来往大陆通行证 (台胞证)
    TaiwanTravelPermit,
    /// 港澳居民来往内地通行证 (回乡证)
    HkMacaoTravelPermit,
    /// 外国人永久居留身份证
    ForeignPermanentResident,
    /// 港澳居民居住证
    HkMacaoResidencePermit,
    /// 台湾居民居住证
    TaiwanResidencePermit,
}

impl PersonalDocument {
    /// Recognises the platform's names, common short names (身份证, 台胞证, 回乡证, 港澳通行证,
    /// 永居证) and wordier variants (中华人民共和国居民身份证, 护照（外国）). `None` for anything
    /// else, which is then not a personal document type.
    pub fn from_name(name: &str) -> Option<PersonalDocument> {
        use PersonalDocument::*;
        let n = crate::normalize::text(name);
        // The platform's own names first: one comparison instead of a dozen substring searches.
        match n {
            "居民身份证" => return Some(ResidentId),
            "护照" => return Some(Passport),
            "台湾居民来往大陆通行证" => return Some(TaiwanTravelPermit),
            "港澳居民来往内地通行证" => return Some(HkMacaoTravelPermit),
            "外国人永久居留身份证" => return Some(ForeignPermanentResident),
            "港澳居民居住证" => return Some(HkMacaoResidencePermit),
            "台湾居民居住证" => return Some(TaiwanResidencePermit),
            _ => {}
        }
        let has = |word: &str| n.contains(word);
        Some(if has("永久居留") || n == "永居证" {
            ForeignPermanentResident
        } else if has("居住证") && (has("港澳") || has("香港") || has("澳门")) {
            HkMacaoResidencePermit
        } else if has("居住证") && has("台湾") {
            TaiwanResidencePermit
        } else if has("台胞证") || (has("通行证") && has("台湾")) {
            TaiwanTravelPermit
        } else if has("回乡证") || (has("通行证") && has("港澳")) {
            HkMacaoTravelPermit
        } else if has("护照") {
            Passport
        } else if has("身份证") && !has("临时") && !has("港澳") && !has("台湾") {
            ResidentId
        } else {
            return None;
        })
    }

    /// Residence permits carry a GB 11643-structured number and a wrong one is a hard error.
    pub fn is_residence_permit(self) -> bool {
        matches!(self, PersonalDocument::HkMacaoResidencePermit | PersonalDocument::TaiwanResidencePermit)
    }
}

/// Whether a normalised document number has the format of its (non-居民身份证) document type.
/// Passports are not checked (every country has its own format); 居民身份证 returns `true` here —
/// it is checked by [`resident_id_problem`].
pub fn permit_format_valid(doc: PersonalDocument, number: &str) -> bool {
    let b = number.as_bytes();
    let digits = |r: &[u8]| r.iter().all(u8::is_ascii_digit);
    match doc {
        PersonalDocument::ResidentId | PersonalDocument::Passport => true,
        PersonalDocument::HkMacaoTravelPermit => {
            (b.len() == 9 || b.len() == 11) && matches!(b[0], b'H' | b'M') && digits(&b[1..])
        }
        PersonalDocument::TaiwanTravelPermit => b.len() == 8 && digits(b),
        PersonalDocument::ForeignPermanentResident => {
            // New (2023) cards: 9 + 17 with MOD 11-2. Old cards (still valid until they expire):
            // 3 letters (issuing country) + 12 digits.
            (b.len() == 18 && b[0] == b'9' && mod11_2_valid(number))
                || (b.len() == 15 && b[..3].iter().all(u8::is_ascii_uppercase) && digits(&b[3..]))
        }
        PersonalDocument::HkMacaoResidencePermit => {
            matches!(number.get(..6), Some("810000" | "820000")) && mod11_2_valid(number)
        }
        PersonalDocument::TaiwanResidencePermit => number.get(..6) == Some("830000") && mod11_2_valid(number),
    }
}

/// Why an e-mail address would be refused or is likely mistyped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EmailProblem {
    /// Not a plain ASCII `local@domain.tld`.
    Format,
    /// Well-formed, but the domain is a known misspelling of a common mail domain.
    Typo,
}

/// Misspelt domain → the domain meant.
pub const EMAIL_TYPO_DOMAINS: &[(&str, &str)] = &[
    ("qq.con", "qq.com"),
    ("qq.cm", "qq.com"),
    ("qq.co", "qq.com"),
    ("qq.om", "qq.com"),
    ("qq.comm", "qq.com"),
    ("qq.cn", "qq.com"),
    ("qq.vom", "qq.com"),
    ("qq.xom", "qq.com"),
    ("q.com", "qq.com"),
    ("qqq.com", "qq.com"),
    ("vip.qq.con", "vip.qq.com"),
    ("foxmail.con", "foxmail.com"),
    ("foxmial.com", "foxmail.com"),
    ("foxmai.com", "foxmail.com"),
    ("163.con", "163.com"),
    ("163.cm", "163.com"),
    ("163.co", "163.com"),
    ("163.cn", "163.com"),
    ("163.comm", "163.com"),
    ("136.com", "163.com"),
    ("126.con", "126.com"),
    ("126.cm", "126.com"),
    ("126.co", "126.com"),
    ("162.com", "163.com"),
    ("yeah.con", "yeah.net"),
    ("yeah.com", "yeah.net"),
    ("sina.con", "sina.com"),
    ("sian.com", "sina.com"),
    ("sina.cm", "sina.com"),
    ("sohu.con", "sohu.com"),
    ("139.con", "139.com"),
    ("189.con", "189.cn"),
    ("aliyun.con", "aliyun.com"),
    ("gmial.com", "gmail.com"),
    ("gmai.com", "gmail.com"),
    ("gamil.com", "gmail.com"),
    ("gmail.con", "gmail.com"),
    ("gmail.co", "gmail.com"),
    ("gmail.cm", "gmail.com"),
    ("gmaill.com", "gmail.com"),
    ("hotmial.com", "hotmail.com"),
    ("hotmail.con", "hotmail.com"),
    ("hotmai.com", "hotmail.com"),
    ("outlook.con", "outlook.com"),
    ("outlok.com", "outlook.com"),
    ("icloud.con", "icloud.com"),
    ("iclould.com", "icloud.com"),
];

/// The domain meant when `domain` (lower-case) is a known misspelling.
pub fn email_typo_suggestion(domain: &str) -> Option<&'static str> {
    EMAIL_TYPO_DOMAINS.iter().find(|(typo, _)| typo.eq_ignore_ascii_case(domain)).map(|&(_, meant)| meant)
}

/// Checks a normalised e-mail address: one `@`, a non-empty local part of printable ASCII without
/// spaces, a domain of dot-separated labels `[A-Za-z0-9-]` (not starting or ending with `-`) and a
/// top-level label of at least two letters; then the typo list.
pub fn email_problem(s: &str) -> Option<EmailProblem> {
    // (A byte search for the ASCII `@`: cheaper than a char searcher on a short address.)
    let Some(at) = s.as_bytes().iter().position(|&b| b == b'@') else { return Some(EmailProblem::Format) };
    let (local, domain) = (&s[..at], &s[at + 1..]);
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && local.bytes().all(|c| c.is_ascii_graphic() && !matches!(c, b'@' | b'(' | b')' | b',' | b';' | b':' | b'<' | b'>' | b'[' | b']' | b'\\' | b'"'))
        && !local.starts_with('.')
        && !local.ends_with('.')
        // (A byte scan: `str::contains` with a string needle sets up a general substring searcher.)
        && !local.as_bytes().windows(2).any(|w| w == b"..");
    if !local_ok || domain.is_empty() || domain.len() > 253 {
        return Some(EmailProblem::Format);
    }
    let mut labels = 0;
    let mut last = "";
    for label in domain.split('.') {
        let b = label.as_bytes();
        if b.is_empty()
            || b.len() > 63
            || b[0] == b'-'
            || b[b.len() - 1] == b'-'
            || !b.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'-')
        {
            return Some(EmailProblem::Format);
        }
        labels += 1;
        last = label;
    }
    if labels < 2 || last.len() < 2 || !last.bytes().all(|c| c.is_ascii_alphabetic()) {
        return Some(EmailProblem::Format);
    }
    if email_typo_suggestion(domain).is_some() {
        return Some(EmailProblem::Typo);
    }
    None
}

/// The first mini program AppID (`wx` + 16 hex digits) in `text`, bounded by non-alphanumerics: the
/// AppID cell of a status page may hold a copy button's text too. Used by the content script (on
/// the page) and the service worker (on what the page sent).
pub fn find_appid(text: &str) -> Option<&str> {
    const LEN: usize = 18;
    let bytes = text.as_bytes();
    (0..=bytes.len().saturating_sub(LEN)).find_map(|i| {
        let candidate = bytes.get(i..i + LEN)?;
        let ok = candidate.starts_with(b"wx") && candidate[2..].iter().all(u8::is_ascii_hexdigit);
        let bounded = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let ends = bytes.get(i + LEN).is_none_or(|b| !b.is_ascii_alphanumeric());
        (ok && bounded && ends).then(|| &text[i..i + LEN])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appid_is_found_inside_surrounding_text_only_when_bounded() {
        assert_eq!(find_appid("wx0123456789abcdef"), Some("wx0123456789abcdef"));
        assert_eq!(find_appid("AppID：wx0123456789abcdef 复制"), Some("wx0123456789abcdef"));
        assert_eq!(find_appid("wx0123456789abcdef0"), None);
        assert_eq!(find_appid("xwx0123456789abcdef"), None);
        assert_eq!(find_appid("wx0123"), None);
        assert_eq!(find_appid("ID wx0123456789ABCDEF。"), Some("wx0123456789ABCDEF"));
        assert_eq!(find_appid(""), None);
        assert_eq!(find_appid("备案"), None);
    }


    fn today() -> Date {
        Date::new(2026, 11, 23).unwrap()
    }

    /// A valid ID with the given first 14 chars and sequence digits: computes the check char.
    fn with_check(first17: &str) -> String {
        let c = resident_id_check_char(first17.as_bytes()) as char;
        format!("{first17}{c}")
    }

    #[test]
    fn resident_id_spec_vectors() {
        assert_eq!(resident_id_problem("11010519491231002X", today()), None);
        assert_eq!(resident_id_problem("110105194912310021", today()), Some(IdProblem::Checksum));
        assert_eq!(resident_id_problem("810000199408230021", today()), None);
        assert_eq!(resident_id_problem("830000199201300022", today()), None);
        assert_eq!(resident_id_check_char(b"11010519491231002"), b'X');
    }

    #[test]
    fn abolished_division_code_passes() {
        // 110103 崇文区, merged into 东城区 in 2010: old cards keep it.
        let id = with_check("11010319800101001");
        assert_eq!(resident_id_problem(&id, today()), None, "{id}");
    }

    #[test]
    fn resident_id_checks_run_in_order() {
        assert_eq!(resident_id_problem("110105491231002", today()), Some(IdProblem::Length), "15-digit old number");
        assert_eq!(resident_id_problem("11010519491231002", today()), Some(IdProblem::Length));
        assert_eq!(resident_id_problem("11010519491231002XX", today()), Some(IdProblem::Length));
        assert_eq!(resident_id_problem("", today()), Some(IdProblem::Length));
        assert_eq!(resident_id_problem("1101051949123100XX", today()), Some(IdProblem::Charset));
        assert_eq!(resident_id_problem("11010519491231002Y", today()), Some(IdProblem::Charset));
        assert_eq!(resident_id_problem("１１０１０５１９４９１２３１００２Ｘ", today()), Some(IdProblem::Charset));
        // Unknown region outranks a bad date and a bad check char.
        assert_eq!(resident_id_problem("000000194913310021", today()), Some(IdProblem::Region));
        assert_eq!(resident_id_problem("990000199001010011", today()), Some(IdProblem::Region));
        // Bad date outranks a bad check char.
        assert_eq!(resident_id_problem("110105194902300021", today()), Some(IdProblem::BirthDate));
        assert_eq!(resident_id_problem(&with_check("11010518991231002"), today()), Some(IdProblem::BirthDate));
        assert_eq!(resident_id_problem(&with_check("11010519000101002"), today()), None, "1900 is allowed");
    }

    #[test]
    fn birth_date_today_is_allowed_tomorrow_is_not() {
        assert_eq!(resident_id_problem(&with_check("11010520261123002"), today()), None);
        assert_eq!(resident_id_problem(&with_check("11010520261124002"), today()), Some(IdProblem::BirthDate));
        assert_eq!(birth_date("11010519491231002X"), Date::new(1949, 12, 31));
        assert_eq!(birth_date("1101051949123100"), None);
        assert_eq!(birth_date("110105194913310021"), None);
    }

    #[test]
    fn leap_day_births() {
        assert_eq!(resident_id_problem(&with_check("11010520000229002"), today()), None);
        assert_eq!(resident_id_problem(&with_check("11010519000229002"), today()), Some(IdProblem::BirthDate));
    }

    #[test]
    fn credit_code_vectors() {
        assert_eq!(uscc_problem("91110000600037341L"), None);
        assert_eq!(uscc_problem("91110000600037341M"), Some(UsccProblem::Checksum));
        assert_eq!(uscc_problem("91110000600037341"), Some(UsccProblem::Length));
        assert_eq!(uscc_problem("91110000600037341LL"), Some(UsccProblem::Length));
        // I O Z S V are not in the alphabet.
        assert_eq!(uscc_problem("91110000600037341I"), Some(UsccProblem::Charset));
        assert_eq!(uscc_problem("9111000060003734OL"), Some(UsccProblem::Charset));
        // Chars 3–8 must be digits.
        assert_eq!(uscc_problem("911A0000600037341L"), Some(UsccProblem::Charset));
        assert_eq!(uscc_problem("91110000600037341l"), Some(UsccProblem::Charset), "callers upper-case first");
        assert_eq!(uscc_check_char(b"91110000600037341"), Some(b'L'));
        assert_eq!(uscc_kind("91110000600037341L"), Some("91"));
    }

    #[test]
    fn letter_led_credit_codes_are_allowed() {
        let first17 = "N2110000600037341";
        let code = format!("{first17}{}", uscc_check_char(first17.as_bytes()).unwrap() as char);
        assert_eq!(uscc_problem(&code), None, "{code}");
    }

    #[test]
    fn organisation_code_check() {
        assert!(organization_code_valid("600037341"), "the org code inside 91110000600037341L");
        assert!(!organization_code_valid("600037342"));
        assert!(!organization_code_valid("60003734"));
        // Some bodies need the check char X (r = 10) and some 0 (r = 11): both mappings are reachable.
        let zero_case = (0..100_000_000u32).step_by(7919).map(|n| format!("{n:08}0")).find(|c| organization_code_valid(c));
        assert!(zero_case.is_some(), "some 8-digit body has check char 0");
        let x_case = (0..100_000_000u32)
            .step_by(7919)
            .map(|n| format!("{n:08}X"))
            .find(|c| organization_code_valid(c));
        assert!(x_case.is_some(), "some 8-digit body has check char X");
    }

    #[test]
    fn registration_numbers() {
        let body = "11010800000000";
        let good = (0..10).map(|d| format!("{body}{d}")).filter(|s| is_registration_number(s)).count();
        assert_eq!(good, 1, "exactly one check digit fits a body");
        assert!(!is_registration_number("91110000600037341L"));
        assert!(!is_registration_number("11010800000000"));
        assert!(!is_registration_number("1101080000000A0"));
        // Cross-checked with python-stdnum's iso7064.mod_11_10.
        assert!(is_registration_number("110108000000008"));
        assert!(is_registration_number("310000000000000"));
        assert!(!is_registration_number("110108000000000"));
    }

    #[test]
    fn mobile_ranges() {
        for ok in [
            "13800138000", "14512345678", "14712345678", "15012345678", "15312345678", "15912345678",
            "16212345678", "16512345678", "16712345678", "17012345678", "17312345678", "17512345678",
            "17812345678", "17400012345", "17405999999", "18012345678", "18912345678", "19012345678",
            "19312345678", "19512345678", "19912345678", "16100123456", "16109999999",
        ] {
            assert_eq!(mobile_problem(ok), None, "{ok}");
        }
        for data_only in [
            "14012345678", "14112345678", "14412345678", "14612345678", "14812345678", "14912345678",
            "15412345678", "16412345678", "16312345678", "16812345678", "16912345678", "16012345678",
            "16112345678", "17412345678", "17406123456", "17912345678", "19412345678",
        ] {
            assert_eq!(mobile_problem(data_only), Some(MobileProblem::NotVoiceRange), "{data_only}");
        }
        for bad in ["", "1380013800", "138001380000", "12800138000", "23800138000", "1380013800a", "１３８００１３８０００"] {
            assert_eq!(mobile_problem(bad), Some(MobileProblem::Format), "{bad}");
        }
    }

    #[test]
    fn permit_formats() {
        use PersonalDocument::*;
        assert!(permit_format_valid(HkMacaoTravelPermit, "H12345678"));
        assert!(permit_format_valid(HkMacaoTravelPermit, "M1234567801"));
        assert!(!permit_format_valid(HkMacaoTravelPermit, "H1234567"));
        assert!(!permit_format_valid(HkMacaoTravelPermit, "X12345678"));
        assert!(!permit_format_valid(HkMacaoTravelPermit, "H123456789"));
        assert!(permit_format_valid(TaiwanTravelPermit, "12345678"));
        assert!(!permit_format_valid(TaiwanTravelPermit, "1234567"));
        assert!(!permit_format_valid(TaiwanTravelPermit, "T2345678"));
        assert!(permit_format_valid(HkMacaoResidencePermit, "810000199408230021"));
        assert!(!permit_format_valid(HkMacaoResidencePermit, "810000199408230022"));
        assert!(!permit_format_valid(HkMacaoResidencePermit, "830000199201300022"), "Taiwan prefix");
        assert!(!permit_format_valid(HkMacaoResidencePermit, "11010519491231002X"));
        assert!(permit_format_valid(TaiwanResidencePermit, "830000199201300022"));
        let fpr = with_check("93315619900101001");
        assert!(permit_format_valid(ForeignPermanentResident, &fpr), "{fpr}");
        assert!(!permit_format_valid(ForeignPermanentResident, &with_check("83315619900101001")));
        assert!(permit_format_valid(ForeignPermanentResident, "USA110090010101"), "old 15-char card");
        assert!(permit_format_valid(Passport, "E12345678"));
        for (name, doc) in [
            ("居民身份证", ResidentId), ("身份证", ResidentId), ("中华人民共和国居民身份证", ResidentId),
            ("护照", Passport), ("护照（外国）", Passport), ("台湾居民来往大陆通行证", TaiwanTravelPermit),
            (" 台胞证 ", TaiwanTravelPermit), ("港澳居民来往内地通行证", HkMacaoTravelPermit), ("回乡证", HkMacaoTravelPermit),
            ("外国人永久居留身份证", ForeignPermanentResident), ("港澳居民居住证", HkMacaoResidencePermit),
            ("台湾居民居住证", TaiwanResidencePermit),
        ] {
            assert_eq!(PersonalDocument::from_name(name), Some(doc), "{name}");
        }
        for name in ["营业执照", "临时居民身份证", "组织机构代码证", "", "居住证"] {
            assert_eq!(PersonalDocument::from_name(name), None, "{name}");
        }
        for name in crate::data::PERSONAL_CERTIFICATE_TYPES {
            assert!(PersonalDocument::from_name(name).is_some(), "{name}");
        }
    }

    #[test]
    fn emails() {
        for ok in ["zhangsan@example.com", "a.b+c@mail.example.cn", "12345@qq.com", "x_y@163.com", "a@b-c.io"] {
            assert_eq!(email_problem(ok), None, "{ok}");
        }
        for bad in [
            "", "zhangsan", "@qq.com", "a@", "a@qq", "a@@qq.com", "a@qq..com", "a@.qq.com", "a@qq.com.",
            "a b@qq.com", "张三@qq.com", "a＠qq.com", "a@qq．com", "a@-qq.com", "a@qq.c0m", "a@qq.c", ".a@qq.com",
        ] {
            assert_eq!(email_problem(bad), Some(EmailProblem::Format), "{bad}");
        }
        for typo in ["12345@qq.con", "a@163.con", "a@gmial.com", "a@QQ.CON"] {
            assert_eq!(email_problem(typo), Some(EmailProblem::Typo), "{typo}");
        }
        assert_eq!(email_typo_suggestion("gmial.com"), Some("gmail.com"));
    }
}
