//! Filing numbers (备案号, rules.md "Filing number"): `{省}ICP备{8 or 10 digits}号` for the subject,
//! plus `-{n}X` for a mini program, `-{n}A` for an app, `-{n}` for a website; licence holders
//! `{省}B2-{8 digits}` with the same suffixes (`粤B2-20090059-1626X`). The province abbreviation
//! must be the subject's province.

use beian_rules::data::{Province, PROVINCES};
use serde::Serialize;

/// What a filing number identifies, by its suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FilingKind {
    /// No `-{n}` suffix: the subject's (主体) number, or a B2 licence number.
    Subject,
    /// `-{n}`: a website.
    Website,
    /// `-{n}X`: a mini program (or quick app).
    MiniProgram,
    /// `-{n}A`: an app.
    App,
}

/// A well-formed filing number, taken apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FilingNumber {
    /// The province its abbreviation names.
    #[serde(serialize_with = "province_name")]
    pub province: &'static Province,
    /// The abbreviation as written (`蜀` and `川` both name 四川).
    pub abbreviation: &'static str,
    /// `true` for a value-added telecom licence holder's number (`B2-…`).
    pub licence: bool,
    /// The subject's digits: 8 or 10 for `ICP备`, 8 for `B2-`.
    pub subject_digits: String,
    /// `n` of the `-{n}` suffix.
    pub sequence: Option<u32>,
    pub kind: FilingKind,
}

fn province_name<S: serde::Serializer>(p: &&'static Province, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(p.name)
}

/// Why a captured filing number is not a good mini-program filing number of the subject's province.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilingNumberProblem {
    /// Not shaped like any filing number.
    Malformed,
    /// Shaped like one, but the first character is no mainland province's abbreviation.
    UnknownProvince { abbreviation: String },
    /// A valid number, but of a website, an app or the subject itself, not of a mini program.
    NotMiniProgram { kind: FilingKind },
    /// The abbreviation names another province than the subject's.
    ProvinceMismatch { found: &'static Province, expected: &'static Province },
}

impl FilingNumberProblem {
    /// What is wrong and what to do, in Chinese.
    pub fn message_zh(&self, number: &str) -> String {
        match self {
            FilingNumberProblem::Malformed => format!(
                "备案号“{number}”格式不对：小程序备案号应为“省简称ICP备8或10位数字号-序号X”（如 京ICP备2026059598号-1X），请核对是否抄错。"
            ),
            FilingNumberProblem::UnknownProvince { abbreviation } => {
                format!("备案号“{number}”开头的“{abbreviation}”不是省级简称，请核对。")
            }
            FilingNumberProblem::NotMiniProgram { kind } => format!(
                "备案号“{number}”是{}的备案号，小程序备案号以“-序号X”结尾，请在小程序后台核对小程序自己的备案号。",
                match kind {
                    FilingKind::Subject => "主体",
                    FilingKind::Website => "网站",
                    FilingKind::App => "App",
                    FilingKind::MiniProgram => "小程序",
                }
            ),
            FilingNumberProblem::ProvinceMismatch { found, expected } => format!(
                "备案号“{number}”的省份简称“{}”（{}）与主办单位所在地{}（{}）不一致，请核对地区或备案号。",
                found.abbr, found.short, expected.short, expected.abbr
            ),
        }
    }

    /// What is wrong and what to do, in English.
    pub fn message_en(&self, number: &str) -> String {
        match self {
            FilingNumberProblem::Malformed => format!(
                "Filing number \"{number}\" is malformed: a mini program's is `<province>ICP备<8 or 10 digits>号-<n>X`, e.g. 京ICP备2026059598号-1X."
            ),
            FilingNumberProblem::UnknownProvince { abbreviation } => {
                format!("Filing number \"{number}\" starts with \"{abbreviation}\", which is no province abbreviation.")
            }
            FilingNumberProblem::NotMiniProgram { kind } => format!(
                "Filing number \"{number}\" is a {} filing number; a mini program's ends in `-<n>X`.",
                match kind {
                    FilingKind::Subject => "subject's",
                    FilingKind::Website => "website's",
                    FilingKind::App => "app's",
                    FilingKind::MiniProgram => "mini program's",
                }
            ),
            FilingNumberProblem::ProvinceMismatch { found, expected } => format!(
                "Filing number \"{number}\" names {} ({}) but the subject is in {} ({}).",
                found.short, found.abbr, expected.short, expected.abbr
            ),
        }
    }
}

/// The mainland province an abbreviation names (`粤`, `蜀`/`川`, …). 台湾, 香港 and 澳门 issue no
/// ICP filing numbers and are not accepted.
pub fn province_by_abbreviation(abbreviation: &str) -> Option<&'static Province> {
    PROVINCES.iter().filter(|p| p.code < 70).find(|p| p.abbr == abbreviation || p.alt_abbr == Some(abbreviation))
}

/// Takes a filing number apart (surrounding white space ignored).
pub fn parse_filing_number(s: &str) -> Result<FilingNumber, FilingNumberProblem> {
    let s = s.trim();
    let mut chars = s.chars();
    let first = chars.next().ok_or(FilingNumberProblem::Malformed)?;
    let rest = chars.as_str();
    let (licence, subject_digits, tail) = if let Some(after) = rest.strip_prefix("ICP备") {
        let n = leading_digits(after);
        if n != 8 && n != 10 {
            return Err(FilingNumberProblem::Malformed);
        }
        let tail = after[n..].strip_prefix('号').ok_or(FilingNumberProblem::Malformed)?;
        (false, &after[..n], tail)
    } else if let Some(after) = rest.strip_prefix("B2-") {
        if leading_digits(after) != 8 {
            return Err(FilingNumberProblem::Malformed);
        }
        (true, &after[..8], &after[8..])
    } else {
        return Err(FilingNumberProblem::Malformed);
    };
    let (sequence, kind) = parse_suffix(tail)?;
    let abbreviation = first.encode_utf8(&mut [0; 4]).to_owned();
    let province = province_by_abbreviation(&abbreviation)
        .ok_or(FilingNumberProblem::UnknownProvince { abbreviation: abbreviation.clone() })?;
    // The abbreviation as a 'static str, from the table that matched.
    let abbreviation =
        if province.abbr == abbreviation { province.abbr } else { province.alt_abbr.unwrap_or(province.abbr) };
    Ok(FilingNumber { province, abbreviation, licence, subject_digits: subject_digits.to_owned(), sequence, kind })
}

/// `""`, `-{n}`, `-{n}X`, `-{n}A` with `n` a positive number without leading zeros.
fn parse_suffix(tail: &str) -> Result<(Option<u32>, FilingKind), FilingNumberProblem> {
    if tail.is_empty() {
        return Ok((None, FilingKind::Subject));
    }
    let after = tail.strip_prefix('-').ok_or(FilingNumberProblem::Malformed)?;
    let n = leading_digits(after);
    if n == 0 || n > 6 || after.starts_with('0') {
        return Err(FilingNumberProblem::Malformed);
    }
    let sequence = after[..n].parse().map_err(|_| FilingNumberProblem::Malformed)?;
    let kind = match &after[n..] {
        "" => FilingKind::Website,
        "X" => FilingKind::MiniProgram,
        "A" => FilingKind::App,
        _ => return Err(FilingNumberProblem::Malformed),
    };
    Ok((Some(sequence), kind))
}

fn leading_digits(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// Checks a captured mini-program filing number: its format, that it is a mini program's, and
/// (when the subject's province is known) that its abbreviation names that province.
/// `None` when it is fine.
pub fn check_filing_number(s: &str, expected_province: Option<&Province>) -> Option<FilingNumberProblem> {
    let number = match parse_filing_number(s) {
        Ok(n) => n,
        Err(problem) => return Some(problem),
    };
    if let Some(expected) = expected_province {
        // `expected` may not be 'static; the problem names the table's entry for it.
        let expected = PROVINCES.iter().find(|p| p.code == expected.code);
        if let Some(expected) = expected.filter(|e| e.code != number.province.code) {
            return Some(FilingNumberProblem::ProvinceMismatch { found: number.province, expected });
        }
    }
    if number.kind != FilingKind::MiniProgram {
        return Some(FilingNumberProblem::NotMiniProgram { kind: number.kind });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use beian_rules::data::province_from_input;

    #[test]
    fn parses_the_spec_examples() {
        let n = parse_filing_number("京ICP备2026059598号-1X").unwrap();
        assert_eq!(n.province.short, "北京");
        assert_eq!(n.subject_digits, "2026059598");
        assert_eq!((n.sequence, n.kind, n.licence), (Some(1), FilingKind::MiniProgram, false));
        let n = parse_filing_number("粤B2-20090059-1626X").unwrap();
        assert_eq!(n.province.short, "广东");
        assert_eq!(
            (n.subject_digits.as_str(), n.sequence, n.kind, n.licence),
            ("20090059", Some(1626), FilingKind::MiniProgram, true)
        );
        assert_eq!(parse_filing_number(" 沪ICP备05003095号 ").unwrap().kind, FilingKind::Subject);
        assert_eq!(parse_filing_number("浙ICP备12345678号-3").unwrap().kind, FilingKind::Website);
        assert_eq!(parse_filing_number("苏ICP备2023012345号-2A").unwrap().kind, FilingKind::App);
        let sichuan = parse_filing_number("蜀ICP备2024000001号-1X").unwrap();
        assert_eq!((sichuan.province.short, sichuan.abbreviation), ("四川", "蜀"));
        assert_eq!(parse_filing_number("川ICP备2024000001号-1X").unwrap().abbreviation, "川");
    }

    #[test]
    fn rejects_malformed_numbers() {
        for s in [
            "",
            "京",
            "京ICP备",
            "京ICP备123456789号-1X",
            "京ICP备1234567号-1X",
            "京ICP备2026059598-1X",
            "京ICP备2026059598号-X",
            "京ICP备2026059598号-01X",
            "京ICP备2026059598号-1x",
            "京ICP备2026059598号-1XX",
            "京ICP备2026059598号1X",
            "京ICP证030173号",
            "粤B2-2009005-1X",
            "京ICP备２０２６059598号-1X",
            "京icp备2026059598号-1X",
            "京ICP备2026059598号-1234567X",
        ] {
            assert_eq!(parse_filing_number(s), Err(FilingNumberProblem::Malformed), "{s}");
        }
        for s in ["港ICP备2026059598号-1X", "A ICP备2026059598号-1X", "中ICP备2026059598号-1X"] {
            assert!(
                matches!(
                    parse_filing_number(s),
                    Err(FilingNumberProblem::UnknownProvince { .. }) | Err(FilingNumberProblem::Malformed)
                ),
                "{s}"
            );
        }
        assert_eq!(
            parse_filing_number("中ICP备2026059598号-1X"),
            Err(FilingNumberProblem::UnknownProvince { abbreviation: "中".into() })
        );
    }

    #[test]
    fn checks_kind_and_province() {
        let beijing = province_from_input("北京市").unwrap();
        let guangdong = province_from_input("440000").unwrap();
        let sichuan = province_from_input("四川").unwrap();
        assert_eq!(check_filing_number("京ICP备2026059598号-1X", Some(beijing)), None);
        assert_eq!(check_filing_number("京ICP备2026059598号-1X", None), None);
        assert_eq!(check_filing_number("粤B2-20090059-1626X", Some(guangdong)), None);
        assert_eq!(check_filing_number("川ICP备2024000001号-1X", Some(sichuan)), None);
        assert!(matches!(
            check_filing_number("京ICP备2026059598号-1X", Some(guangdong)),
            Some(FilingNumberProblem::ProvinceMismatch { found, expected }) if found.abbr == "京" && expected.abbr == "粤"
        ));
        assert_eq!(
            check_filing_number("京ICP备2026059598号-1", Some(beijing)),
            Some(FilingNumberProblem::NotMiniProgram { kind: FilingKind::Website })
        );
        assert_eq!(
            check_filing_number("京ICP备2026059598号", None),
            Some(FilingNumberProblem::NotMiniProgram { kind: FilingKind::Subject })
        );
        assert_eq!(check_filing_number("备案中", None), Some(FilingNumberProblem::Malformed));
    }

    #[test]
    fn messages_name_the_number_and_the_fix() {
        let beijing = province_from_input("北京").unwrap();
        let guangdong = province_from_input("广东").unwrap();
        let p = check_filing_number("京ICP备2026059598号-1X", Some(guangdong)).unwrap();
        assert!(p.message_zh("京ICP备2026059598号-1X").contains("京"));
        assert!(p.message_zh("京ICP备2026059598号-1X").contains("广东"));
        assert!(p.message_en("x").contains("广东"));
        let p = check_filing_number("京ICP备2026059598号-1", Some(beijing)).unwrap();
        assert!(p.message_zh("京ICP备2026059598号-1").contains("网站"));
    }
}
