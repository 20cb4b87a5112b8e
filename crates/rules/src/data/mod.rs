//! Reference data: GB/T 2260 division codes (current and abolished), provinces, certificate types.
//!
//! The division table is generated (see `divisions_generated.rs` for its provenance) and encoded as
//! delta bytes so the wasm build stays small; everything else is short enough to write by hand.

mod divisions_generated;

use divisions_generated::{CITY_NAMES, CITY_PROVINCES, DIVISION_DELTAS, DIVISION_INDEX};

/// A province-level division as the filing form and filing numbers name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Province {
    /// First two digits of its GB/T 2260 code, 11..=82.
    pub code: u8,
    /// Official name, e.g. `广东省`.
    pub name: &'static str,
    /// Name without the administrative suffix, e.g. `广东`.
    pub short: &'static str,
    /// One-character abbreviation used in filing numbers, e.g. `粤` (`蜀` for 四川).
    pub abbr: &'static str,
    /// A second abbreviation in common use (`川` for 四川, whose filing numbers use `蜀`).
    pub alt_abbr: Option<&'static str>,
}

const fn p(code: u8, name: &'static str, short: &'static str, abbr: &'static str) -> Province {
    Province { code, name, short, abbr, alt_abbr: None }
}

const fn p2(code: u8, name: &'static str, short: &'static str, abbr: &'static str, alt: &'static str) -> Province {
    Province { code, name, short, abbr, alt_abbr: Some(alt) }
}

/// The 31 mainland provinces, then 台湾 (71), 香港 (81), 澳门 (82); in code order.
pub static PROVINCES: &[Province] = &[
    p(11, "北京市", "北京", "京"),
    p(12, "天津市", "天津", "津"),
    p(13, "河北省", "河北", "冀"),
    p(14, "山西省", "山西", "晋"),
    p(15, "内蒙古自治区", "内蒙古", "蒙"),
    p(21, "辽宁省", "辽宁", "辽"),
    p(22, "吉林省", "吉林", "吉"),
    p(23, "黑龙江省", "黑龙江", "黑"),
    p(31, "上海市", "上海", "沪"),
    p(32, "江苏省", "江苏", "苏"),
    p(33, "浙江省", "浙江", "浙"),
    p(34, "安徽省", "安徽", "皖"),
    p(35, "福建省", "福建", "闽"),
    p(36, "江西省", "江西", "赣"),
    p(37, "山东省", "山东", "鲁"),
    p(41, "河南省", "河南", "豫"),
    p(42, "湖北省", "湖北", "鄂"),
    p(43, "湖南省", "湖南", "湘"),
    p(44, "广东省", "广东", "粤"),
    p(45, "广西壮族自治区", "广西", "桂"),
    p(46, "海南省", "海南", "琼"),
    p(50, "重庆市", "重庆", "渝"),
    p2(51, "四川省", "四川", "蜀", "川"),
    p2(52, "贵州省", "贵州", "黔", "贵"),
    p2(53, "云南省", "云南", "滇", "云"),
    p(54, "西藏自治区", "西藏", "藏"),
    p(61, "陕西省", "陕西", "陕"),
    p2(62, "甘肃省", "甘肃", "陇", "甘"),
    p(63, "青海省", "青海", "青"),
    p(64, "宁夏回族自治区", "宁夏", "宁"),
    p(65, "新疆维吾尔自治区", "新疆", "新"),
    p(71, "台湾省", "台湾", "台"),
    p(81, "香港特别行政区", "香港", "港"),
    p(82, "澳门特别行政区", "澳门", "澳"),
];

/// The province whose GB/T 2260 code starts with `code` (44 → 广东省).
pub fn province_by_code(code: u8) -> Option<&'static Province> {
    PROVINCES.iter().find(|p| p.code == code)
}

/// The province a form value names: `广东省`, `广东`, `440000`, `44` (surrounding white space and
/// full-width digits tolerated; traditional 香港特別行政區 / 澳門特別行政區 too). `None` otherwise.
pub fn province_from_input(s: &str) -> Option<&'static Province> {
    let s = crate::normalize::text(s);
    if s.is_empty() {
        return None;
    }
    // A code (`44`, `440000`, full-width digits too), read in place: this runs on every check.
    let mut digits = s.chars().map(crate::normalize::halfwidth_char);
    if digits.clone().all(|c| c.is_ascii_digit()) {
        let mut value = 0u8;
        let mut count = 0usize;
        let mut zero_tail = true;
        for c in digits.by_ref() {
            let d = c as u8 - b'0';
            match count {
                0 | 1 => value = value * 10 + d,
                _ => zero_tail &= d == 0,
            }
            count += 1;
        }
        return match count {
            2 => province_by_code(value),
            6 if zero_tail => province_by_code(value),
            _ => None,
        };
    }
    let s = match s {
        "香港特別行政區" => "香港",
        "澳門特別行政區" => "澳门",
        "澳門" => "澳门",
        "臺灣" | "臺灣省" | "台灣" | "台灣省" => "台湾",
        other => other,
    };
    PROVINCES.iter().find(|p| p.name == s || p.short == s)
}

/// Whether `code` (6 ASCII digits) is a GB/T 2260 division code that exists now or ever existed
/// (110103 崇文区, abolished 2010, stays valid on old ID cards), or 810000 / 820000 / 830000, the
/// prefixes of Hong Kong, Macau and Taiwan residence permits.
pub fn division_known(code: &str) -> bool {
    let b = code.as_bytes();
    if b.len() != 6 || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let province = (b[0] - b'0') * 10 + (b[1] - b'0');
    let rest = b[2..].iter().fold(0u16, |n, d| n * 10 + u16::from(d - b'0'));
    if rest == 0 && (81..=83).contains(&province) {
        return true;
    }
    let Ok(i) = DIVISION_INDEX.binary_search_by_key(&province, |&(p, _)| p) else {
        return false;
    };
    let start = DIVISION_INDEX[i].1 as usize;
    let end = DIVISION_INDEX.get(i + 1).map_or(DIVISION_DELTAS.len(), |&(_, o)| o as usize);
    let run = DIVISION_DELTAS.get(start..end).unwrap_or(&[]);
    let mut value = 0u16;
    let mut bytes = run.iter();
    while let Some(&first) = bytes.next() {
        let delta = if first & 0x80 == 0 {
            u16::from(first)
        } else {
            let Some(&lo) = bytes.next() else { return false };
            (u16::from(first & 0x7F) << 8) | u16::from(lo)
        };
        value += delta;
        if value >= rest {
            return value == rest;
        }
    }
    false
}

/// Current prefecture-level division names (`深圳市`, `延边朝鲜族自治州`, `阿里地区` …) with their
/// province code, for address checks. Municipalities (北京市 …) have no entries of their own here.
pub fn city_names() -> impl Iterator<Item = (&'static str, u8)> {
    CITY_NAMES.split('|').zip(CITY_PROVINCES.iter().copied())
}

/// The province code of a current prefecture-level name, if it is one.
pub fn city_province(name: &str) -> Option<u8> {
    city_names().find(|&(n, _)| n == name).map(|(_, p)| p)
}

/// Personal documents: what 个人 subjects and every principal may use (form.md, last row).
pub const PERSONAL_CERTIFICATE_TYPES: &[&str] = &[
    "居民身份证",
    "护照",
    "台湾居民来往大陆通行证",
    "港澳居民来往内地通行证",
    "外国人永久居留身份证",
    "港澳居民居住证",
    "台湾居民居住证",
];

/// 主办者性质 → the certificate types the form offers for it (form.md, from seed 002).
static NATURE_CERTIFICATE_TYPES: &[(&str, &[&str])] = &[
    ("企业", &["营业执照（个人或企业）", "外国企业常驻代表机构登记证"]),
    ("政府机关", &["统一社会信用代码证书", "组织机构代码证"]),
    ("事业单位", &["事业单位法人证书", "组织机构代码证"]),
    ("社会团体", &["社会团体法人登记证书", "组织机构代码证"]),
    ("民办非企业单位", &["民办非企业单位登记证书", "社会服务机构登记证书", "民办学校办学许可证"]),
    ("公证机构", &["公证机构执业证"]),
    ("国防机构", &["部队代号", "军队单位对外有偿服务许可证"]),
    ("基金会", &["基金会法人登记证书"]),
    ("集体经济", &["农村集体经济组织登记证"]),
    ("境外机构", &["境外机构证件"]),
    ("律师执业机构", &["律师事务所执业许可证"]),
    ("群众性团体组织", &["统一社会信用代码证书"]),
    ("司法鉴定机构", &["司法鉴定许可证"]),
    (
        "外国在华文化中心",
        &[
            "外国在华文化中心登记证",
            "外国政府旅游部门常驻代表机构批准登记证",
            "北京市外国驻华使馆人员子女学校办学许可证",
        ],
    ),
    ("医疗机构", &["医疗机构执业许可证"]),
    ("仲裁机构", &["仲裁委员会登记证"]),
    ("宗教团体", &["宗教活动场所登记证"]),
    ("个人", PERSONAL_CERTIFICATE_TYPES),
];

/// The certificate types allowed for a 主办者性质 (trimmed); `None` for a nature the form does not have.
pub fn certificate_types_for_nature(nature: &str) -> Option<&'static [&'static str]> {
    let nature = crate::normalize::text(nature);
    NATURE_CERTIFICATE_TYPES.iter().find(|(n, _)| *n == nature).map(|&(_, types)| types)
}

/// Whether two certificate-type names are the same, ignoring white space, width and the kind of
/// parentheses (`营业执照(个人或企业)` = `营业执照（个人或企业）`), and a parenthesised qualifier that
/// only one side has (`营业执照` = `营业执照（个人或企业）`).
pub fn same_certificate_type(a: &str, b: &str) -> bool {
    // Compared on the keys' characters, without building the keys: this runs for every allowed
    // type of every check.
    use crate::normalize::name_chars;
    if a == b {
        return true;
    }
    let (a, b) = (name_chars(a), name_chars(b));
    if a.clone().eq(b.clone()) {
        return true;
    }
    let (a_paren, b_paren) = (a.clone().any(|c| c == '('), b.clone().any(|c| c == '('));
    a_paren != b_paren && a.clone().next().is_some() && a.take_while(|&c| c != '(').eq(b.take_while(|&c| c != '('))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_table_is_complete_and_spot_checks_pass() {
        // Fails if scripts/gen_divisions.py was changed or loc.dat updated without regenerating.
        assert_eq!(divisions_generated::DIVISION_COUNT, 6885);
        let generated = include_str!("divisions_generated.rs");
        assert!(generated.starts_with("// @generated by scripts/gen_divisions.py"));
        assert!(generated.contains("python-stdnum"));
        let mut decoded = 0;
        for (i, &(_, start)) in DIVISION_INDEX.iter().enumerate() {
            let end = DIVISION_INDEX.get(i + 1).map_or(DIVISION_DELTAS.len(), |&(_, o)| o as usize);
            let mut bytes = DIVISION_DELTAS[start as usize..end].iter();
            while let Some(&b) = bytes.next() {
                if b & 0x80 != 0 {
                    bytes.next().expect("two-byte delta cut off");
                }
                decoded += 1;
            }
        }
        assert_eq!(decoded, divisions_generated::DIVISION_COUNT);
        for (code, known) in [
            ("110103", true), // 崇文区, abolished 2010
            ("110105", true),
            ("440305", true),
            ("440000", true),
            ("440300", true),
            ("429021", true), // 神农架林区, behind a two-byte delta
            ("659004", true),
            ("810000", true),
            ("820000", true),
            ("830000", true),
            ("710000", true),
            ("999999", false),
            ("110199", false),
            ("440399", false),
            ("000000", false),
            ("11010", false),
            ("1101031", false),
            ("１１０１０３", false),
            ("11a103", false),
            ("", false),
        ] {
            assert_eq!(division_known(code), known, "{code}");
        }
    }

    #[test]
    fn provinces_resolve_from_every_input_form() {
        for s in ["广东省", "广东", "440000", "44", " 广东省 ", "４４００００"] {
            assert_eq!(province_from_input(s).map(|p| p.abbr), Some("粤"), "{s}");
        }
        assert_eq!(province_from_input("香港特別行政區").map(|p| p.code), Some(81));
        assert_eq!(province_from_input("宁夏").map(|p| p.code), Some(64));
        for s in ["", "广", "440300", "99", "深圳市"] {
            assert!(province_from_input(s).is_none(), "{s}");
        }
        assert_eq!(PROVINCES.len(), 34);
        assert_eq!(province_by_code(51).and_then(|p| p.alt_abbr), Some("川"));
        for p in PROVINCES {
            assert!(division_known(&format!("{}0000", p.code)), "{}", p.name);
        }
    }

    #[test]
    fn cities_are_current_real_places() {
        assert_eq!(city_province("深圳市"), Some(44));
        assert_eq!(city_province("南京市"), Some(32));
        assert_eq!(city_province("延边朝鲜族自治州"), Some(22));
        assert_eq!(city_province("巢湖市"), None, "a prefecture until 2011, now county-level");
        let names: Vec<_> = city_names().map(|(n, _)| n).collect();
        assert_eq!(names.len(), CITY_PROVINCES.len(), "one province code per name");
        assert!(names.len() > 300);
        for pseudo in ["市辖区", "县", "省直辖县级行政单位", "林区"] {
            assert!(!names.contains(&pseudo), "{pseudo}");
        }
        assert!(names.iter().all(|n| !n.contains('[') && !n.contains(']')));
    }

    /// The definitions as written before they were made allocation-free.
    mod reference {
        use super::super::{province_by_code, Province, PROVINCES};
        use crate::normalize::name_key;

        pub fn province_from_input(s: &str) -> Option<&'static Province> {
            let s = crate::normalize::text(s);
            if s.is_empty() {
                return None;
            }
            let digits: String = s.chars().map(crate::normalize::halfwidth_char).collect();
            if digits.bytes().all(|b| b.is_ascii_digit()) {
                let code = match digits.len() {
                    2 => digits.as_str(),
                    6 if digits.ends_with("0000") => &digits[..2],
                    _ => return None,
                };
                return code.parse().ok().and_then(province_by_code);
            }
            let s = match s {
                "香港特別行政區" => "香港",
                "澳門特別行政區" => "澳门",
                "澳門" => "澳门",
                "臺灣" | "臺灣省" | "台灣" | "台灣省" => "台湾",
                other => other,
            };
            PROVINCES.iter().find(|p| p.name == s || p.short == s)
        }

        pub fn same_certificate_type(a: &str, b: &str) -> bool {
            let (a, b) = (name_key(a), name_key(b));
            let base = |s: &str| -> String { s.split('(').next().unwrap_or("").to_owned() };
            a == b || (a.contains('(') != b.contains('(') && !a.is_empty() && base(&a) == base(&b))
        }
    }

    fn input_like() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        const PIECES: &[&str] = &[
            "44", "４４", "0000", "００００", "1", "0", "广东省", "广东", "香港特別行政區", "澳門", "台灣省", " ", "\u{3000}",
            "营业执照", "（个人或企业）", "(个人或企业)", "(", "（", ")", "居民身份证", "护照", "x",
        ];
        prop_oneof![
            proptest::collection::vec(proptest::sample::select(PIECES), 0..5).prop_map(|v| v.concat()),
            crate::normalize::tests::tricky_string(),
        ]
    }

    proptest::proptest! {
        #[test]
        fn allocation_free_versions_agree_with_the_definitions(a in input_like(), b in input_like()) {
            proptest::prop_assert_eq!(province_from_input(&a), reference::province_from_input(&a));
            proptest::prop_assert_eq!(same_certificate_type(&a, &b), reference::same_certificate_type(&a, &b));
            proptest::prop_assert_eq!(same_certificate_type(&a, &a), reference::same_certificate_type(&a, &a));
        }
    }

    #[test]
    fn every_certificate_type_pair_compares_like_before() {
        let mut names: Vec<&str> = NATURE_CERTIFICATE_TYPES.iter().flat_map(|(_, t)| t.iter().copied()).collect();
        names.extend(["营业执照", "营业执照(个人或企业)", " 营业执照（个人） ", "", "(x)", "("]);
        for a in &names {
            for b in &names {
                assert_eq!(same_certificate_type(a, b), reference::same_certificate_type(a, b), "{a} / {b}");
            }
        }
        for p in PROVINCES {
            for s in [p.name.to_string(), p.short.to_string(), format!("{}", p.code), format!("{}0000", p.code)] {
                assert_eq!(province_from_input(&s), reference::province_from_input(&s), "{s}");
            }
        }
    }

    #[test]
    fn certificate_types_follow_the_form_table() {
        assert!(certificate_types_for_nature("企业").unwrap().contains(&"营业执照（个人或企业）"));
        assert_eq!(certificate_types_for_nature(" 个人 "), Some(PERSONAL_CERTIFICATE_TYPES));
        assert!(certificate_types_for_nature("公司").is_none());
        assert!(same_certificate_type("营业执照(个人或企业)", "营业执照（个人或企业）"));
        assert!(same_certificate_type("营业执照", "营业执照（个人或企业）"));
        assert!(!same_certificate_type("营业执照（个人）", "营业执照（企业）"));
        assert!(!same_certificate_type("护照", "居民身份证"));
        assert!(!same_certificate_type("", "(x)"));
    }
}
