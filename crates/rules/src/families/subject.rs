//! §A 主办单位 (subject): region, nature and certificate, name, credit code, addresses, licence
//! validity, and the individual-business seal remark.

use super::Ctx;
use crate::catalog::Rule;
use crate::data::{self, Province};
use crate::draft::Subject;
use crate::finding::{Finding, Severity};
use crate::ids::{self, IdProblem, UsccProblem};
use crate::normalize::{self, present};
use crate::Date;

/// Certificate types whose number is the 18-char unified social credit code (GB 32100). Decided
/// from what each certificate carries today: business licences (incl. 个体工商户), the credit-code
/// certificate itself, and the registration certificates of public institutions, social
/// organisations, foundations, law firms and rural collective economic organisations (`N…` codes).
/// Left out on purpose, to avoid false alarms: 组织机构代码证 (9-char code), 外国企业常驻代表机构登记证,
/// 民办学校办学许可证, 医疗机构执业许可证, 司法鉴定许可证, 公证机构执业证, 宗教活动场所登记证, 部队代号 …
/// whose numbers follow their own schemes.
const CREDIT_CODE_TYPES: &[&str] = &[
    "营业执照（个人或企业）",
    "统一社会信用代码证书",
    "事业单位法人证书",
    "社会团体法人登记证书",
    "民办非企业单位登记证书",
    "社会服务机构登记证书",
    "基金会法人登记证书",
    "律师事务所执业许可证",
    "农村集体经济组织登记证",
];

/// What a credit code's first two characters say about the subject, for `subject_uscc_kind_mismatch`
/// (GB 32100 registration-authority + kind codes; only pairs both sides of which are unambiguous).
const KIND_NATURES: &[(&str, &str)] = &[
    ("91", "企业"),
    ("92", "企业"),
    ("93", "企业"),
    ("11", "政府机关"),
    ("12", "事业单位"),
    ("51", "社会团体"),
    ("52", "民办非企业单位"),
    ("53", "基金会"),
];

/// Remark text that explains an unsealed commitment letter of an individual business.
const NO_SEAL_REMARK: &str = "个体工商户无公章";

const PERSONAL: &str = "个人";

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let empty = Subject::default();
    let subject = ctx.draft.subject.as_ref().unwrap_or(&empty);
    // `province_from_input` trims and refuses blanks itself: the same as `present(..)` first.
    let province = ctx.province;
    let nature = present(&subject.nature);

    region(ctx, subject, out);
    nature_and_type(ctx, subject, nature, out);
    name(ctx, subject, nature, out);
    number(ctx, subject, nature, province, out);
    addresses(ctx, subject, nature, province, out);
    licence(ctx, subject, province, out);
    seal_remark(ctx, subject, out);
}

fn push(
    out: &mut Vec<Finding>,
    rule: Rule,
    severity: Severity,
    field: &str,
    zh: impl Into<String>,
    en: impl Into<String>,
) {
    out.push(Finding::new(rule, severity, field, zh, en));
}

fn region(ctx: &Ctx, s: &Subject, out: &mut Vec<Finding>) {
    if !ctx.complete {
        return;
    }
    for (field, value, zh, en) in [
        ("subject.province", &s.province, "省份", "province"),
        ("subject.city", &s.city, "城市", "city"),
        ("subject.district", &s.district, "区县", "district"),
    ] {
        if present(value).is_none() {
            push(
                out,
                Rule::SubjectRegionRequired,
                Severity::Error,
                field,
                format!("请选择主办单位所在{zh}（省、市、区县三级都要选）。"),
                format!("Choose the subject's {en}: province, city and district are all required."),
            );
        }
    }
}

fn nature_and_type(ctx: &Ctx, s: &Subject, nature: Option<&str>, out: &mut Vec<Finding>) {
    let Some(nature) = nature else {
        if ctx.complete {
            push(
                out,
                Rule::SubjectNatureRequired,
                Severity::Error,
                "subject.nature",
                "请选择主办者性质（如企业、个人、事业单位）。",
                "Choose the subject's nature (enterprise, individual, public institution …).",
            );
        }
        return;
    };
    let (Some(kind), Some(allowed)) = (present(&s.certificate_type), data::certificate_types_for_nature(nature)) else {
        return;
    };
    if !allowed.iter().any(|a| data::same_certificate_type(a, kind)) {
        push(
            out,
            Rule::SubjectCertificateTypeAllowed,
            Severity::Error,
            "subject.certificate_type",
            format!("主办者性质为“{nature}”时证件类型只能选：{}。", allowed.join("、")),
            format!("For nature {nature} the certificate type must be one of: {}.", allowed.join(", ")),
        );
    }
}

fn name(ctx: &Ctx, s: &Subject, nature: Option<&str>, out: &mut Vec<Finding>) {
    let Some(name) = present(&s.name) else {
        if ctx.complete {
            push(
                out,
                Rule::SubjectNameRequired,
                Severity::Error,
                "subject.name",
                "请填写主办单位名称（与证件上的名称一致；个人填写本人姓名）。",
                "Enter the subject's name exactly as on its certificate (individuals: their own name).",
            );
        }
        return;
    };
    // For an individual the name must be the principal's: when it is not, that is the one mistake
    // to report (the account's name then differs too, as an echo of it).
    let principal = ctx.draft.subject_principal.as_ref().and_then(|p| present(&p.name));
    let not_the_person =
        nature == Some(PERSONAL) && principal.is_some_and(|p| !normalize::same_name(name, p));
    if not_the_person {
        push(
            out,
            Rule::SubjectNamePersonal,
            Severity::Error,
            "subject.name",
            "个人主体的名称必须是主体负责人本人的姓名。",
            "For an individual subject the name must be the principal's own name.",
        );
    } else if name.contains(['*', '＊']) {
        push(
            out,
            Rule::SubjectNameMasked,
            Severity::Error,
            "subject.name",
            "名称含“*”：营业执照无字号时平台无法核验，请先到市场监管部门办理名称变更（补登字号）后再备案。",
            "The name contains “*” (a licence without a trade name): register a trade name with the market regulator before filing.",
        );
    } else if let Some(account) = present(&s.account_subject_name) {
        if !normalize::same_name(name, account) {
            push(
                out,
                Rule::SubjectNameMismatch,
                Severity::Error,
                "subject.name",
                "主办单位名称与小程序认证主体名称不一致，请按营业执照等证件上的名称逐字填写（注意括号、空格）。",
                "The subject name differs from the account's verified subject name; copy it from the certificate character by character.",
            );
        }
    }
}

/// Whether the chosen certificate type asks for a credit code. Without a type (not read off the
/// page), the nature's first, usual type decides (企业 → 营业执照), unless the value has the shape of
/// a 9-char organisation code (`12345678-9`), which 组织机构代码证 natures may give instead.
fn asks_for_credit_code(certificate_type: Option<&str>, nature: Option<&str>, code: &str) -> bool {
    let is_credit = |t: &str| CREDIT_CODE_TYPES.iter().any(|c| data::same_certificate_type(c, t));
    match certificate_type {
        Some(t) => is_credit(t),
        None => {
            let usual = nature.and_then(data::certificate_types_for_nature).and_then(|types| types.first());
            let org_code_shape = code.chars().filter(|&c| c != '-').count() == 9;
            usual.is_some_and(|t| is_credit(t)) && !org_code_shape
        }
    }
}

fn number(ctx: &Ctx, s: &Subject, nature: Option<&str>, province: Option<&'static Province>, out: &mut Vec<Finding>) {
    const FIELD: &str = "subject.certificate_number";
    let Some(raw) = present(&s.certificate_number) else {
        if ctx.complete {
            push(
                out,
                Rule::SubjectNumberRequired,
                Severity::Error,
                FIELD,
                "请填写证件号码（企业填写18位统一社会信用代码）。",
                "Enter the certificate number (enterprises: the 18-character unified social credit code).",
            );
        }
        return;
    };
    let code = normalize::code(raw, true);
    let code = code.value.as_ref();
    let certificate_type = present(&s.certificate_type);

    if nature == Some(PERSONAL) {
        let is_resident_id = certificate_type.is_none_or(|t| data::same_certificate_type(t, "居民身份证"));
        if let (true, Some(problem)) = (is_resident_id, ids::resident_id_problem(code, ctx.today)) {
            let (zh, en) = id_problem_text(problem);
            push(
                out,
                Rule::SubjectPersonalIdInvalid,
                Severity::Error,
                FIELD,
                format!("身份证号码{zh}，请对照身份证逐位核对。"),
                format!("The ID number {en}; check it digit by digit against the card."),
            );
        }
        return;
    }
    if !asks_for_credit_code(certificate_type, nature, code) {
        return;
    }
    if code.len() == 15 && code.bytes().all(|b| b.is_ascii_digit()) {
        push(
            out,
            Rule::SubjectRegistrationNumber,
            Severity::Error,
            FIELD,
            "这是15位旧工商注册号，请改填营业执照上的18位统一社会信用代码。",
            "This is an old 15-digit registration number; enter the 18-character unified social credit code from the licence.",
        );
        return;
    }
    if let Some(problem) = ids::uscc_problem(code) {
        let (zh, en) = match problem {
            UsccProblem::Length => ("应为18位", "must have 18 characters"),
            UsccProblem::Charset => (
                "含不允许的字符（不使用 I、O、Z、S、V，第3–8位为数字）",
                "contains characters not allowed (no I, O, Z, S, V; chars 3–8 are digits)",
            ),
            UsccProblem::Checksum => ("校验位不正确，可能有输错的字符", "has a wrong check character: probably a typo"),
        };
        push(
            out,
            Rule::SubjectUsccInvalid,
            Severity::Error,
            FIELD,
            format!("统一社会信用代码{zh}，请对照证件逐位核对。"),
            format!("The unified social credit code {en}; check it against the certificate."),
        );
        return;
    }
    let kind = ids::uscc_kind(code).unwrap_or("");
    if let Some(nature) = nature {
        let expected = KIND_NATURES.iter().find(|(k, _)| *k == kind).map(|&(_, n)| n);
        let nature_is_mapped = KIND_NATURES.iter().any(|(_, n)| *n == nature);
        if let (Some(expected), true) = (expected, nature_is_mapped) {
            if expected != nature {
                push(
                    out,
                    Rule::SubjectUsccKindMismatch,
                    Severity::Warning,
                    FIELD,
                    format!("信用代码以“{kind}”开头，属于“{expected}”，与所选主办者性质“{nature}”不符，请核对主办者性质或代码。"),
                    format!("A credit code starting {kind} belongs to nature {expected}, not the chosen {nature}; check both."),
                );
            }
        }
    }
    let code_province = code.get(2..4).and_then(|p| p.parse::<u8>().ok()).and_then(data::province_by_code);
    if let (Some(chosen), Some(registered)) = (province, code_province) {
        if chosen.code != registered.code {
            push(
                out,
                Rule::SubjectUsccRegionMismatch,
                Severity::Warning,
                FIELD,
                format!("信用代码显示登记地在{}，与所选地区{}不一致：须在证件登记地（住所所在省）备案，请核对地区选择。", registered.short, chosen.short),
                format!("The credit code was issued in {} but the chosen province is {}: file in the province of registration.", registered.short, chosen.short),
            );
        }
    }
}

fn id_problem_text(problem: IdProblem) -> (&'static str, &'static str) {
    match problem {
        IdProblem::Length => {
            ("应为18位（不接受15位旧号码）", "must have 18 characters (15-digit old numbers are not accepted)")
        }
        IdProblem::Charset => ("只能是17位数字加最后一位数字或X", "must be 17 digits followed by a digit or X"),
        IdProblem::Region => ("前6位不是有效的行政区划代码", "starts with an unknown division code"),
        IdProblem::BirthDate => ("第7–14位不是有效的出生日期", "has an impossible birth date in chars 7–14"),
        IdProblem::Checksum => ("校验位不正确，可能有输错的数字", "has a wrong check character: probably a typo"),
    }
}

fn addresses(
    ctx: &Ctx,
    s: &Subject,
    nature: Option<&str>,
    province: Option<&'static Province>,
    out: &mut Vec<Finding>,
) {
    if ctx.complete && nature.is_some_and(|n| n != PERSONAL) && present(&s.certificate_address).is_none() {
        push(
            out,
            Rule::SubjectCertificateAddressRequired,
            Severity::Error,
            "subject.certificate_address",
            "请填写证件住所（与营业执照等证件上的住所一致）。",
            "Enter the address printed on the certificate.",
        );
    }
    let Some(address) = present(&s.address) else {
        if ctx.complete {
            push(
                out,
                Rule::SubjectAddressRequired,
                Severity::Error,
                "subject.address",
                "请填写通讯地址，从街道（乡镇）写到门牌号。",
                "Enter the mailing address, from street (township) down to the house number.",
            );
        }
        return;
    };
    let address = normalize::name_key(address);
    let region = ChosenRegion::new(s, province);
    let mentions = address::mentions(&address);

    if let Some(other) = address::other_region(&mentions, &region) {
        push(
            out,
            Rule::SubjectAddressOtherRegion,
            Severity::Error,
            "subject.address",
            format!("通讯地址写的是“{other}”，与所选地区不一致：请选择实际所在地区，或填写所选地区内的地址。"),
            format!("The mailing address names {other}, outside the chosen region: choose the right region or give an address inside it."),
        );
    } else if let Some(repeated) = address::repeated_region(&address, &mentions, &region) {
        push(
            out,
            Rule::SubjectAddressRepeatsRegion,
            Severity::Error,
            "subject.address",
            format!("通讯地址不要以“{repeated}”开头：省、市、区县已在上方选择，请从街道（乡镇）开始填写。"),
            format!("Do not start the mailing address with {repeated}: province, city and district are chosen above; start from the street."),
        );
    }
    let explained = present(&s.remark).is_some_and(|r| r.contains("门牌"));
    if !explained && !address::has_house_number(&address) {
        push(
            out,
            Rule::SubjectAddressHouseNumber,
            Severity::Warning,
            "subject.address",
            "通讯地址需写到门牌号（如“科技园路1号A栋201室”）；确实没有门牌号时请在备注中说明。",
            "Give the mailing address down to the house number (e.g. “科技园路1号A栋201室”); if there is none, explain it in the remark.",
        );
    }
}

/// The region chosen in the pickers, as names to compare addresses with.
struct ChosenRegion<'a> {
    province: Option<&'static Province>,
    city: Option<&'a str>,
    district: Option<&'a str>,
}

impl<'a> ChosenRegion<'a> {
    fn new(s: &'a Subject, province: Option<&'static Province>) -> Self {
        ChosenRegion { province, city: present(&s.city), district: present(&s.district) }
    }

    /// Whether the chosen city is one of the current prefecture-level names.
    fn city_is_prefecture(&self) -> bool {
        self.city.is_some() && data::city_names().any(|(name, _)| self.is_chosen_city(name))
    }

    /// Whether a prefecture name is the chosen city (`深圳` chosen matches `深圳市`).
    fn is_chosen_city(&self, name: &str) -> bool {
        self.city.is_some_and(|c| c == name || (c.chars().count() >= 2 && name.starts_with(c)))
    }
}

/// Address scanning, by hand (no regex crate in wasm).
mod address {
    use super::ChosenRegion;
    use crate::data;
    use crate::normalize;

    /// Suffixes that make a preceding number a house number.
    const NUMBER_SUFFIXES: &[&str] = &[
        "号", "栋", "幢", "座", "室", "单元", "弄", "巷", "组", "层", "楼", "铺", "房", "#", "F", "f", "村", "排", "户",
    ];
    /// Suffixes accepted after Chinese numerals only (`五一村`, `十里铺` are names, not numbers).
    const CHINESE_NUMBER_SUFFIXES: &[&str] = &["号", "栋", "幢", "座", "室", "单元", "弄", "巷", "组", "层", "楼"];

    fn is_digit(c: char) -> bool {
        c.is_ascii_digit() || ('０'..='９').contains(&c)
    }

    fn is_chinese_numeral(c: char) -> bool {
        // A `match`, not `str::contains`: this runs for every character of the address.
        matches!(c, '〇' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千' | '两')
    }

    /// Whether the address holds a house-number token: a number (ASCII, full-width or Chinese
    /// numerals) followed by 号/栋/室/单元/弄/巷/组/层/楼…, or a `12-3` style number.
    pub(super) fn has_house_number(address: &str) -> bool {
        let chars: Vec<char> = address.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            // `A栋`, `B座`: a lettered building is as good as a numbered one.
            if normalize::halfwidth_char(chars[i]).is_ascii_alphabetic()
                && chars.get(i + 1).is_some_and(|c| matches!(c, '栋' | '座' | '幢'))
            {
                return true;
            }
            let arabic = is_digit(chars[i]);
            if !arabic && !is_chinese_numeral(chars[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && (if arabic { is_digit(chars[i]) } else { is_chinese_numeral(chars[i]) }) {
                i += 1;
            }
            // Suffixes have at most three characters: compared against the chars that follow.
            let rest = &chars[i..];
            let suffixes = if arabic { NUMBER_SUFFIXES } else { CHINESE_NUMBER_SUFFIXES };
            let follows = |s: &str| s.chars().count() <= rest.len() && s.chars().zip(rest).all(|(a, &b)| a == b);
            if suffixes.iter().any(|s| follows(s)) {
                return true;
            }
            // `3-2-501`: a dash between digits is a building-unit-room number.
            if arabic
                && matches!(chars.get(i), Some('-' | '－' | '—'))
                && chars.get(i + 1).is_some_and(|&c| is_digit(c))
            {
                return true;
            }
            // A room number closing the address: `科兴科学园A座1201`.
            if arabic && i == chars.len() && i - start >= 3 {
                return true;
            }
        }
        false
    }

    /// A province or prefecture-level city named in an address.
    pub(super) struct Mention<'a> {
        /// Byte offset of the name in the address.
        start: usize,
        /// The name as written: `湖北省`, `广西省` (short name + 省/市), `南京市`.
        text: &'a str,
        province: u8,
        /// The prefecture's name when the mention is a city.
        city: Option<&'static str>,
    }

    /// Every province and prefecture-level name in the address. Anchored on the characters such
    /// names end with (省 市 区 州 盟), so an address without them costs almost nothing. A bare
    /// short name is not a mention (`湖南路` in 南京 is a street), nor is `…市场` (a market) or
    /// `珠江门市部` (a shop front, not 江门市).
    pub(super) fn mentions(address: &str) -> Vec<Mention<'_>> {
        let mut found = Vec::new();
        for (i, c) in address.char_indices() {
            if !matches!(c, '省' | '市' | '区' | '州' | '盟') {
                continue;
            }
            let end = i + c.len_utf8();
            if c == '市' && address[end..].starts_with(['场', '部']) {
                continue;
            }
            let head = &address[..end];
            for p in data::PROVINCES {
                let start = if head.ends_with(p.name) {
                    end - p.name.len()
                } else if matches!(c, '省' | '市') && address[..i].ends_with(p.short) {
                    i - p.short.len()
                } else {
                    continue;
                };
                found.push(Mention { start, text: &address[start..end], province: p.code, city: None });
            }
            for (name, province) in data::city_names() {
                if name.ends_with(c) && head.ends_with(name) {
                    let start = end - name.len();
                    found.push(Mention { start, text: &address[start..end], province, city: Some(name) });
                }
            }
        }
        found
    }

    /// A province or prefecture-level city named in the address other than the chosen ones.
    pub(super) fn other_region<'a>(mentions: &[Mention<'a>], region: &ChosenRegion) -> Option<&'a str> {
        let chosen = region.province?;
        mentions
            .iter()
            .find(|m| match m.city {
                _ if m.province != chosen.code => true,
                // Another city of the same province; only when the chosen city is a known
                // prefecture (a code, `市辖区` or a county-level city under the province says nothing).
                Some(city) => region.city_is_prefecture() && !region.is_chosen_city(city),
                None => false,
            })
            .map(|m| m.text)
    }

    /// The region name the address starts with, if any: the chosen province, city or district (full
    /// names, the city without 市 followed by the district, the province's short name followed by
    /// the city), or any province or prefecture name.
    pub(super) fn repeated_region(address: &str, mentions: &[Mention], region: &ChosenRegion) -> Option<String> {
        let mut candidates: Vec<&str> = Vec::new();
        if let Some(p) = region.province {
            candidates.push(p.name);
        }
        candidates.extend(region.city.filter(|c| is_place_name(c)));
        candidates.extend(region.district.filter(|d| is_place_name(d)));
        if let Some(c) = candidates.into_iter().find(|c| address.starts_with(c)) {
            return Some(c.to_string());
        }
        if let (Some(city), Some(district)) = (region.city, region.district) {
            let stem = city.strip_suffix('市').unwrap_or(city);
            if stem.chars().count() >= 2 && address.strip_prefix(stem).is_some_and(|rest| rest.starts_with(district)) {
                return Some(format!("{stem}{district}"));
            }
        }
        // `广东深圳市…`: the province's short name followed by the chosen city or district.
        if let Some(p) = region.province {
            if let Some(rest) = address.strip_prefix(p.short) {
                let mut next = [region.city, region.district].into_iter().flatten().filter(|n| is_place_name(n));
                if let Some(n) = next.find(|n| rest.starts_with(n)) {
                    return Some(format!("{}{n}", p.short));
                }
            }
        }
        mentions.iter().find(|m| m.start == 0).map(|m| m.text.to_string())
    }

    /// A picker value that is a real place name (not `市辖区`, `县`), at least two characters,
    /// ending in an administrative suffix.
    fn is_place_name(s: &str) -> bool {
        s.chars().count() >= 2
            && !matches!(s, "市辖区" | "县" | "省直辖县级行政区划" | "自治区直辖县级行政区划")
            && ["省", "市", "区", "县", "旗", "州", "盟", "地区"].iter().any(|suf| s.ends_with(suf))
    }
}

fn licence(ctx: &Ctx, s: &Subject, province: Option<&'static Province>, out: &mut Vec<Finding>) {
    let Some(raw) = present(&s.license_valid_until) else { return };
    if is_long_term(raw) {
        return;
    }
    let Some(end) = Date::parse(raw) else { return };
    let ningxia = province.is_some_and(|p| p.code == 64);
    let warn_months = if ningxia { 6 } else { 3 };
    let (Some(one_month), Some(warn_until)) = (ctx.today.add_months(1), ctx.today.add_months(warn_months)) else {
        return;
    };
    if end < one_month {
        push(
            out,
            Rule::SubjectLicenceExpiring,
            Severity::Error,
            "subject.license_valid_until",
            "证件有效期不足1个月（或已过期），备案会被驳回：请先办理证件延期或换证。",
            "The certificate expires within a month (or has expired); the filing will be rejected. Renew it first.",
        );
    } else if end < warn_until {
        push(
            out,
            Rule::SubjectLicenceExpiring,
            Severity::Warning,
            "subject.license_valid_until",
            format!("证件有效期不足{warn_months}个月，审核期间可能到期，建议先办理延期或换证。"),
            format!("The certificate expires within {warn_months} months and may lapse during review; consider renewing it first."),
        );
    }
}

/// `长期`, `永久` and similar mean "no end date".
pub(crate) fn is_long_term(s: &str) -> bool {
    matches!(normalize::text(s), "长期" | "永久" | "长期有效" | "永久有效" | "无固定期限" | "不约定期限")
}

fn seal_remark(ctx: &Ctx, s: &Subject, out: &mut Vec<Finding>) {
    let Some(number) = present(&s.certificate_number) else { return };
    if !normalize::code(number, true).value.starts_with("92") {
        return;
    }
    let unsealed = ctx
        .draft
        .materials
        .as_ref()
        .and_then(|m| m.commitment_letter.as_ref())
        .is_some_and(|l| l.sealed == Some(false));
    let explained = present(&s.remark).is_some_and(|r| normalize::name_key(r).contains(NO_SEAL_REMARK));
    if unsealed && !explained {
        push(
            out,
            Rule::SubjectNoSealRemark,
            Severity::Error,
            "subject.remark",
            "个体工商户承诺书未盖章时，请在主办单位备注中填写“个体工商户无公章”。",
            "An individual business whose letter is unsealed must write “个体工商户无公章” in the subject remark.",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{Draft, Letter, Materials};
    use crate::Options;
    use crate::test_fixtures::{adult_principal as principal, TODAY};

    fn enterprise() -> Subject {
        Subject {
            province: Some("广东省".into()),
            city: Some("深圳市".into()),
            district: Some("南山区".into()),
            nature: Some("企业".into()),
            certificate_type: Some("营业执照（个人或企业）".into()),
            certificate_number: Some("91440300MA5G1K2P8N".into()),
            name: Some("深圳市某某科技有限公司".into()),
            certificate_address: Some("深圳市南山区粤海街道科技园路1号".into()),
            address: Some("粤海街道科技园路1号A栋201室".into()),
            remark: Some(String::new()),
            account_subject_name: Some("深圳市某某科技有限公司".into()),
            license_valid_until: Some("长期".into()),
        }
    }

    fn draft(subject: Subject) -> Draft {
        Draft { subject: Some(subject), subject_principal: Some(principal()), ..Draft::default() }
    }

    fn run_with(d: &Draft, complete: bool) -> Vec<Finding> {
        let mut out = Vec::new();
        check(&Ctx::new(d, &Options { today: TODAY, complete }), &mut out);
        out
    }

    fn run(subject: Subject) -> Vec<(Rule, Severity, String)> {
        run_with(&draft(subject), true).into_iter().map(|f| (f.rule, f.severity, f.field)).collect()
    }

    /// The single finding a defect gives.
    fn only(subject: Subject) -> (Rule, Severity, String) {
        let got = run(subject);
        assert_eq!(got.len(), 1, "{got:?}");
        got.into_iter().next().unwrap()
    }

    fn one(rule: Rule, severity: Severity, field: &str) -> (Rule, Severity, String) {
        (rule, severity, field.to_string())
    }

    /// `address::has_house_number` as written before the in-place suffix comparison.
    fn has_house_number_reference(address: &str) -> bool {
        let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
        let is_chinese_numeral = |c: char| "〇零一二三四五六七八九十百千两".contains(c);
        const NUMBER_SUFFIXES: &[&str] =
            &["号", "栋", "幢", "座", "室", "单元", "弄", "巷", "组", "层", "楼", "铺", "房", "#", "F", "f", "村", "排", "户"];
        const CHINESE_NUMBER_SUFFIXES: &[&str] = &["号", "栋", "幢", "座", "室", "单元", "弄", "巷", "组", "层", "楼"];
        let chars: Vec<char> = address.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if normalize::halfwidth_char(chars[i]).is_ascii_alphabetic()
                && chars.get(i + 1).is_some_and(|c| matches!(c, '栋' | '座' | '幢'))
            {
                return true;
            }
            let arabic = is_digit(chars[i]);
            if !arabic && !is_chinese_numeral(chars[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && (if arabic { is_digit(chars[i]) } else { is_chinese_numeral(chars[i]) }) {
                i += 1;
            }
            let rest: String = chars[i..].iter().take(3).collect();
            let suffixes = if arabic { NUMBER_SUFFIXES } else { CHINESE_NUMBER_SUFFIXES };
            if suffixes.iter().any(|s| rest.starts_with(s)) {
                return true;
            }
            if arabic && matches!(chars.get(i), Some('-' | '－' | '—')) && chars.get(i + 1).is_some_and(|&c| is_digit(c)) {
                return true;
            }
            if arabic && i == chars.len() && i - start >= 3 {
                return true;
            }
        }
        false
    }

    proptest::proptest! {
        #[test]
        fn house_numbers_agree_with_the_plain_definition(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "1", "１", "12", "123", "一", "十", "两", "〇", "号", "单", "元", "单元", "楼", "F", "f", "A", "Ａ", "栋",
                "座", "-", "－", "—", "路", "村", "铺", "#", " ", "x",
            ][..]), 0..8),
        ) {
            let address = pieces.concat();
            proptest::prop_assert_eq!(address::has_house_number(&address), has_house_number_reference(&address));
        }
    }

    #[test]
    fn test_codes_really_pass_their_check_characters() {
        for code in [
            "91440300MA5G1K2P8N",
            "91110000600037341L",
            "92440300MA5FXXXX2Y",
            "12100000400000767G",
            "91310101MA1FPXXXXF",
        ] {
            assert_eq!(ids::uscc_problem(code), None, "{code}");
        }
        assert_eq!(ids::resident_id_problem("11010519491231002X", TODAY), None);
    }

    #[test]
    fn clean_enterprise_and_personal_subjects_give_nothing() {
        assert_eq!(run(enterprise()), []);
        let personal = Subject {
            province: Some("北京市".into()),
            city: Some("市辖区".into()),
            district: Some("朝阳区".into()),
            nature: Some("个人".into()),
            certificate_type: Some("居民身份证".into()),
            certificate_number: Some("11010519491231002X".into()),
            name: Some("张三".into()),
            certificate_address: None,
            address: Some("建国路88号SOHO现代城3号楼1201".into()),
            remark: None,
            account_subject_name: None,
            license_valid_until: None,
        };
        assert_eq!(run(personal), []);
        // Nothing at all while typing an empty form.
        assert!(run_with(&Draft::default(), false).is_empty());
    }

    #[test]
    fn region_required_names_each_missing_picker() {
        let s = Subject { city: None, district: Some(" ".into()), ..enterprise() };
        assert_eq!(
            run(s.clone()),
            [
                one(Rule::SubjectRegionRequired, Severity::Error, "subject.city"),
                one(Rule::SubjectRegionRequired, Severity::Error, "subject.district")
            ]
        );
        assert!(run_with(&draft(s), false).is_empty(), "required rules wait for a complete check");
    }

    #[test]
    fn nature_name_number_and_addresses_are_required_in_a_complete_check() {
        let s = Subject { nature: None, ..enterprise() };
        assert_eq!(only(s), one(Rule::SubjectNatureRequired, Severity::Error, "subject.nature"));
        assert_eq!(
            only(Subject { name: None, ..enterprise() }),
            one(Rule::SubjectNameRequired, Severity::Error, "subject.name")
        );
        assert_eq!(
            only(Subject { certificate_number: Some("".into()), ..enterprise() }),
            one(Rule::SubjectNumberRequired, Severity::Error, "subject.certificate_number")
        );
        assert_eq!(
            only(Subject { certificate_address: None, ..enterprise() }),
            one(Rule::SubjectCertificateAddressRequired, Severity::Error, "subject.certificate_address")
        );
        assert_eq!(
            only(Subject { address: None, ..enterprise() }),
            one(Rule::SubjectAddressRequired, Severity::Error, "subject.address")
        );
    }

    #[test]
    fn certificate_type_must_fit_the_nature() {
        let s = Subject { certificate_type: Some("事业单位法人证书".into()), ..enterprise() };
        assert_eq!(only(s), one(Rule::SubjectCertificateTypeAllowed, Severity::Error, "subject.certificate_type"));
        let half_width = Subject { certificate_type: Some("营业执照(个人或企业)".into()), ..enterprise() };
        assert_eq!(run(half_width), []);
        let unknown_nature = Subject { nature: Some("火星机构".into()), ..enterprise() };
        assert_eq!(run(unknown_nature), []);
    }

    #[test]
    fn names_masked_mismatched_or_not_the_person() {
        let masked = Subject { name: Some("深圳市**科技有限公司".into()), ..enterprise() };
        assert_eq!(only(masked), one(Rule::SubjectNameMasked, Severity::Error, "subject.name"));
        let masked_fw = Subject { name: Some("深圳市＊＊科技有限公司".into()), ..enterprise() };
        assert_eq!(only(masked_fw).0, Rule::SubjectNameMasked);
        let other = Subject { name: Some("深圳市某某网络有限公司".into()), ..enterprise() };
        assert_eq!(only(other), one(Rule::SubjectNameMismatch, Severity::Error, "subject.name"));
        let brackets = Subject {
            name: Some("某某科技（深圳）有限公司".into()),
            account_subject_name: Some("某某科技(深圳)有限公司 ".into()),
            ..enterprise()
        };
        assert_eq!(run(brackets), []);
        let personal = Subject {
            nature: Some("个人".into()),
            certificate_type: Some("居民身份证".into()),
            certificate_number: Some("11010519491231002X".into()),
            name: Some("李四".into()),
            account_subject_name: Some("张三".into()),
            certificate_address: None,
            ..enterprise()
        };
        assert_eq!(only(personal), one(Rule::SubjectNamePersonal, Severity::Error, "subject.name"));
    }

    #[test]
    fn credit_code_problems() {
        let f = "subject.certificate_number";
        let typo = Subject { certificate_number: Some("91440300MA5G1K2P8L".into()), ..enterprise() };
        assert_eq!(only(typo), one(Rule::SubjectUsccInvalid, Severity::Error, f));
        let short = Subject { certificate_number: Some("91440300MA5G1K2P8".into()), ..enterprise() };
        assert_eq!(only(short), one(Rule::SubjectUsccInvalid, Severity::Error, f));
        let letter_o = Subject { certificate_number: Some("91440300MA5G1K2PON".into()), ..enterprise() };
        assert_eq!(only(letter_o).0, Rule::SubjectUsccInvalid);
        let registration = Subject { certificate_number: Some("440301103097489".into()), ..enterprise() };
        assert_eq!(only(registration), one(Rule::SubjectRegistrationNumber, Severity::Error, f));
        // Lower case and surrounding spaces are normalised, not errors here.
        assert_eq!(run(Subject { certificate_number: Some(" 91440300ma5g1k2p8n".into()), ..enterprise() }), []);
        // 组织机构代码证 numbers are not credit codes.
        let org = Subject {
            nature: Some("事业单位".into()),
            certificate_type: Some("组织机构代码证".into()),
            certificate_number: Some("40000076-7".into()),
            ..enterprise()
        };
        assert_eq!(run(org), []);
        // Without a type the nature's usual certificate decides.
        let untyped = |nature: &str, number: &str| Subject {
            nature: Some(nature.into()),
            certificate_type: None,
            certificate_number: Some(number.into()),
            ..enterprise()
        };
        assert_eq!(only(untyped("企业", "91440300MA5G1K2P8L")).0, Rule::SubjectUsccInvalid);
        assert_eq!(only(untyped("企业", "440301103097489")).0, Rule::SubjectRegistrationNumber);
        assert_eq!(run(untyped("事业单位", "40000076-7")), []);
        assert_eq!(run(untyped("公证机构", "12345")), []);
    }

    #[test]
    fn credit_code_kind_and_region() {
        let f = "subject.certificate_number";
        let institution_code = Subject { certificate_number: Some("12100000400000767G".into()), ..enterprise() };
        // 12 = 事业单位 but nature 企业; 10 is the central level, not a province: no region warning.
        assert_eq!(only(institution_code), one(Rule::SubjectUsccKindMismatch, Severity::Warning, f));
        let beijing = Subject { certificate_number: Some("91110000600037341L".into()), ..enterprise() };
        assert_eq!(only(beijing), one(Rule::SubjectUsccRegionMismatch, Severity::Warning, f));
        let individual_business = Subject { certificate_number: Some("92440300MA5FXXXX2Y".into()), ..enterprise() };
        assert_eq!(run(individual_business), []);
        // A nature outside the mapping says nothing.
        let lawyers = Subject {
            nature: Some("律师执业机构".into()),
            certificate_type: Some("律师事务所执业许可证".into()),
            ..enterprise()
        };
        assert_eq!(run(lawyers), []);
    }

    #[test]
    fn personal_subject_id_number() {
        let personal = |number: &str, kind: &str| Subject {
            nature: Some("个人".into()),
            certificate_type: Some(kind.into()),
            certificate_number: Some(number.into()),
            name: Some("张三".into()),
            account_subject_name: None,
            certificate_address: None,
            ..enterprise()
        };
        let f = "subject.certificate_number";
        assert_eq!(
            only(personal("110105194912310021", "居民身份证")),
            one(Rule::SubjectPersonalIdInvalid, Severity::Error, f)
        );
        assert_eq!(only(personal("110105491231002", "居民身份证")).0, Rule::SubjectPersonalIdInvalid);
        assert_eq!(run(personal("11010519491231002x", "居民身份证")), []);
        assert_eq!(run(personal("E12345678", "护照")), []);
    }

    #[test]
    fn address_repeating_the_region() {
        let f = "subject.address";
        for a in [
            "广东省深圳市南山区粤海街道科技园路1号",
            "深圳市南山区粤海街道科技园路1号",
            "南山区粤海街道科技园路1号",
            "深圳南山区科技园路1号",
            "广东深圳市南山区科技园路1号",
        ] {
            let s = Subject { address: Some(a.into()), ..enterprise() };
            assert_eq!(only(s), one(Rule::SubjectAddressRepeatsRegion, Severity::Error, f), "{a}");
        }
    }

    #[test]
    fn address_in_another_region() {
        let f = "subject.address";
        for a in [
            "广州市天河区体育西路100号",
            "湖南省长沙市岳麓区麓山南路2号",
            "粤海街道科技园路1号（北京市朝阳区分部）",
            "广西省南宁市民族大道1号",
        ] {
            let s = Subject { address: Some(a.into()), ..enterprise() };
            assert_eq!(only(s), one(Rule::SubjectAddressOtherRegion, Severity::Error, f), "{a}");
        }
    }

    #[test]
    fn same_province_cities_need_a_known_chosen_city() {
        // A city picked by code is not compared with cities of its province …
        let coded =
            Subject {
                city: Some("440300".into()), address: Some("南城街道东莞市商会大厦1号".into()), ..enterprise()
            };
        assert_eq!(run(coded), []);
        // (Starting with a city of the province is repeating the region, whichever city was chosen.)
        let coded =
            Subject {
                city: Some("440300".into()), address: Some("东莞市南城街道鸿福路1号".into()), ..enterprise()
            };
        assert_eq!(only(coded).0, Rule::SubjectAddressRepeatsRegion);
        // … but another province is still another province.
        let coded =
            Subject {
                city: Some("440300".into()), address: Some("长沙市岳麓区麓山南路2号".into()), ..enterprise()
            };
        assert_eq!(only(coded).0, Rule::SubjectAddressOtherRegion);
        let short_city =
            Subject {
                city: Some("深圳".into()), address: Some("东莞市南城街道鸿福路1号".into()), ..enterprise()
            };
        assert_eq!(only(short_city).0, Rule::SubjectAddressOtherRegion);
    }

    #[test]
    fn realistic_addresses_give_no_false_alarms() {
        let shanghai = |a: &str| Subject {
            province: Some("上海市".into()),
            city: Some("市辖区".into()),
            district: Some("黄浦区".into()),
            certificate_number: Some("91310101MA1FPXXXXF".into()),
            address: Some(a.into()),
            ..enterprise()
        };
        for a in [
            "南京东路300号5楼",
            "南京西路1266号恒隆广场",
            "湖南路8号",
            "北京东路99号3楼",
            "四川中路1号",
            "广东路500号",
            "福州路318号",
        ] {
            let s = shanghai(a);
            assert!(!run(s).iter().any(|f| f.2 == "subject.address"), "{a}");
        }
        let beijing = |a: &str| Subject {
            province: Some("北京市".into()),
            city: Some("北京市".into()),
            district: Some("海淀区".into()),
            address: Some(a.into()),
            ..enterprise()
        };
        for a in ["中关村大街27号", "学院路30号", "上地十街10号百度大厦"] {
            assert!(!run(beijing(a)).iter().any(|f| f.2 == "subject.address"), "{a}");
        }
        for a in [
            "中国(广东)自由贸易试验区深圳前海深港合作区前湾一路1号A栋201室",
            "福田街道珠江门市部对面滨河路8号",
            "粤海街道科技园路1号A栋201室",
            "人民路100号",
            "南头街道南山大道1001号",
            "西丽街道留仙大道3370号南山智园C3栋",
            "沙河街道华侨城东部工业区A1栋3楼",
            "桃源街道平山村一巷5号",
            "招商街道蛇口南海大道1077号南京市场旁",
        ] {
            let s = Subject { address: Some(a.into()), ..enterprise() };
            assert_eq!(run(s), [], "{a}");
        }
    }

    #[test]
    fn house_numbers() {
        for a in [
            "科技园路1号",
            "科技园路１号",
            "科技园路一百二十三号",
            "留仙大道3370号",
            "坪山村3组",
            "幸福里12弄",
            "金融街3-2-501",
            "A座1201室",
            "5F",
            "花园小区8栋",
            "科兴科学园B栋",
            "科兴科学园Ａ座1201",
            "建国路甲1201",
        ] {
            assert!(address::has_house_number(a), "{a}");
        }
        for a in ["粤海街道科技园路", "五一村", "十里铺", "中关村大街", "科技园AB", "科技园路12", "2024年新建园区"]
        {
            assert!(!address::has_house_number(a), "{a}");
        }
        let f = "subject.address";
        let s = Subject { address: Some("粤海街道科技园路".into()), ..enterprise() };
        assert_eq!(only(s.clone()), one(Rule::SubjectAddressHouseNumber, Severity::Warning, f));
        let explained = Subject { remark: Some("该地址无门牌号，位于科技园路北侧".into()), ..s };
        assert_eq!(run(explained), []);
    }

    #[test]
    fn licence_validity_boundaries() {
        let f = "subject.license_valid_until";
        let with = |until: &str, province: &str| Subject {
            license_valid_until: Some(until.into()),
            province: Some(province.into()),
            city: None,
            district: None,
            address: Some("人民路100号".into()),
            ..enterprise()
        };
        let licence_findings = |s: Subject| -> Vec<_> { run(s).into_iter().filter(|x| x.2 == f).collect() };
        assert_eq!(
            licence_findings(with("2026-12-22", "广东省")),
            [one(Rule::SubjectLicenceExpiring, Severity::Error, f)]
        );
        assert_eq!(
            licence_findings(with("2025-01-01", "广东省")),
            [one(Rule::SubjectLicenceExpiring, Severity::Error, f)]
        );
        // Exactly one month away: a warning, not an error.
        assert_eq!(
            licence_findings(with("2026-12-23", "广东省")),
            [one(Rule::SubjectLicenceExpiring, Severity::Warning, f)]
        );
        assert_eq!(
            licence_findings(with("2027-02-22", "广东省")),
            [one(Rule::SubjectLicenceExpiring, Severity::Warning, f)]
        );
        assert_eq!(licence_findings(with("2027-02-23", "广东省")), []);
        // 宁夏 warns six months ahead.
        assert_eq!(
            licence_findings(with("2027-05-22", "宁夏回族自治区")),
            [one(Rule::SubjectLicenceExpiring, Severity::Warning, f)]
        );
        assert_eq!(licence_findings(with("2027-05-23", "宁夏回族自治区")), []);
        for fine in ["长期", "永久", "", "not a date", "2026-13-01"] {
            assert_eq!(licence_findings(with(fine, "广东省")), [], "{fine}");
        }
    }

    #[test]
    fn individual_business_without_seal_needs_the_remark() {
        let mut d = draft(Subject { certificate_number: Some("92440300MA5FXXXX2Y".into()), ..enterprise() });
        d.materials = Some(Materials {
            commitment_letter: Some(Letter { uploaded: Some(true), sealed: Some(false) }),
            ..Materials::default()
        });
        let got: Vec<_> = run_with(&d, true).into_iter().map(|f| (f.rule, f.field)).collect();
        assert_eq!(got, [(Rule::SubjectNoSealRemark, "subject.remark".to_string())]);
        d.subject.as_mut().unwrap().remark = Some("个体工商户无公章".into());
        assert!(run_with(&d, true).is_empty());
        // Sealed letters and enterprises (91…) need nothing.
        d.subject.as_mut().unwrap().remark = None;
        d.materials.as_mut().unwrap().commitment_letter.as_mut().unwrap().sealed = Some(true);
        assert!(run_with(&d, true).is_empty());
    }

    /// A realistic complete enterprise draft (every section), as the content script would read it.
    const WHOLE_DRAFT: &str = r#"{
        "subject": {"province": "浙江省", "city": "杭州市", "district": "西湖区", "nature": "企业",
            "certificate_type": "营业执照（个人或企业）", "certificate_number": "91330106MA2AB1234G",
            "name": "杭州某某网络科技有限公司", "certificate_address": "浙江省杭州市西湖区文三路90号",
            "address": "文三路90号东部软件园1号楼5层", "remark": "",
            "account_subject_name": "杭州某某网络科技有限公司", "license_valid_until": "长期"},
        "subject_principal": {"name": "张三", "certificate_type": "居民身份证", "certificate_number": "11010519491231002X",
            "validity_start": "2015-03-01", "validity_end": "长期", "mobile": "13800138000",
            "emergency_mobile": "13900139000", "email": "zhangsan@example.com", "is_legal_representative": true},
        "app": {"appid": "wx0123456789abcdef", "name": "某某记账", "service_types": ["工具-记账"],
            "pre_approvals": [{"type": "以上都不涉及"}],
            "remark": "为个人用户提供日常收支记账、分类统计和预算提醒服务，不涉及交易和用户发布内容。"},
        "app_principal": {"reuse_subject_principal": true},
        "admin": {"name": "张三", "certificate_number": "11010519491231002X"},
        "materials": {"commitment_letter": {"uploaded": true, "sealed": true}}
    }"#;

    /// Errors and warnings of a complete check of the whole draft with `edit` applied.
    fn whole(edit: impl FnOnce(&mut Draft)) -> Vec<(Rule, String)> {
        let mut d: Draft = serde_json::from_str(WHOLE_DRAFT).unwrap();
        edit(&mut d);
        crate::check(&d, &Options { today: TODAY, complete: true })
            .findings
            .into_iter()
            .filter(|f| f.severity != Severity::Info)
            .map(|f| (f.rule, f.field))
            .collect()
    }

    #[test]
    fn each_subject_defect_gives_exactly_its_finding_across_all_families() {
        assert_eq!(whole(|_| {}), []);
        type Edit = fn(&mut Subject);
        let cases: &[(Edit, Rule, &str)] = &[
            (|s| s.city = None, Rule::SubjectRegionRequired, "subject.city"),
            (|s| s.nature = None, Rule::SubjectNatureRequired, "subject.nature"),
            (
                |s| s.certificate_type = Some("组织机构代码证".into()),
                Rule::SubjectCertificateTypeAllowed,
                "subject.certificate_type",
            ),
            (|s| s.name = Some(" ".into()), Rule::SubjectNameRequired, "subject.name"),
            (|s| s.name = Some("杭州**网络科技有限公司".into()), Rule::SubjectNameMasked, "subject.name"),
            (
                |s| s.account_subject_name = Some("杭州某某信息技术有限公司".into()),
                Rule::SubjectNameMismatch,
                "subject.name",
            ),
            (|s| s.certificate_number = None, Rule::SubjectNumberRequired, "subject.certificate_number"),
            (
                |s| s.certificate_number = Some("91330106MA2AB12340".into()),
                Rule::SubjectUsccInvalid,
                "subject.certificate_number",
            ),
            (
                |s| s.certificate_number = Some("330106000123456".into()),
                Rule::SubjectRegistrationNumber,
                "subject.certificate_number",
            ),
            (
                |s| s.certificate_number = Some("12100000400000767G".into()),
                Rule::SubjectUsccKindMismatch,
                "subject.certificate_number",
            ),
            (
                |s| s.certificate_number = Some("91440300MA5G1K2P8N".into()),
                Rule::SubjectUsccRegionMismatch,
                "subject.certificate_number",
            ),
            (|s| s.certificate_address = None, Rule::SubjectCertificateAddressRequired, "subject.certificate_address"),
            (|s| s.address = None, Rule::SubjectAddressRequired, "subject.address"),
            (
                |s| s.address = Some("杭州市西湖区文三路90号".into()),
                Rule::SubjectAddressRepeatsRegion,
                "subject.address",
            ),
            (
                |s| s.address = Some("江苏省苏州市工业园区星湖街328号".into()),
                Rule::SubjectAddressOtherRegion,
                "subject.address",
            ),
            (|s| s.address = Some("文三路东部软件园".into()), Rule::SubjectAddressHouseNumber, "subject.address"),
            (
                |s| s.license_valid_until = Some("2026-12-01".into()),
                Rule::SubjectLicenceExpiring,
                "subject.license_valid_until",
            ),
            (
                |s| s.certificate_number = Some("９１３３０１０６MA2AB1234G".into()),
                Rule::InputFullwidth,
                "subject.certificate_number",
            ),
        ];
        for (edit, rule, field) in cases {
            let got = whole(|d| edit(d.subject.as_mut().unwrap()));
            assert_eq!(got, [(*rule, field.to_string())], "{rule}");
        }
        // An individual whose subject name is not the principal's.
        let personal = |d: &mut Draft| {
            let s = d.subject.as_mut().unwrap();
            s.nature = Some("个人".into());
            s.certificate_type = Some("居民身份证".into());
            s.certificate_number = Some("11010519491231002X".into());
            s.certificate_address = None;
            s.license_valid_until = None;
            s.account_subject_name = Some("张三".into());
            s.name = Some("张三".into());
            // A Beijing ID filing in 浙江: the residence proof is uploaded.
            d.materials.as_mut().unwrap().residence_permit = Some(Letter { uploaded: Some(true), sealed: None });
        };
        assert_eq!(whole(personal), []);
        let got = whole(|d| {
            personal(d);
            d.subject.as_mut().unwrap().name = Some("李四".into());
        });
        assert_eq!(got, [(Rule::SubjectNamePersonal, "subject.name".to_string())]);
        // An individual business with an unsealed letter: this rule's error plus the materials
        // family's reminder of the fingerprint alternative, by design.
        let got = whole(|d| {
            d.subject.as_mut().unwrap().certificate_number = Some("92440300MA5FXXXX2Y".into());
            d.subject.as_mut().unwrap().province = Some("广东省".into());
            d.subject.as_mut().unwrap().city = Some("深圳市".into());
            d.subject.as_mut().unwrap().district = Some("南山区".into());
            d.subject.as_mut().unwrap().address = Some("粤海街道科技园路1号".into());
            d.materials.as_mut().unwrap().commitment_letter.as_mut().unwrap().sealed = Some(false);
        });
        assert!(got.contains(&(Rule::SubjectNoSealRemark, "subject.remark".to_string())), "{got:?}");
        assert!(
            got.iter().all(|(r, _)| matches!(r, Rule::SubjectNoSealRemark | Rule::LetterUnsealedIndividual)),
            "{got:?}"
        );
    }

    #[test]
    fn hostile_input_never_panics() {
        for s in [
            "",
            "\u{3000}",
            "*",
            "９２",
            "号",
            "-",
            "1-",
            "市场",
            "省市区县",
            "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂",
            "ǅ",
        ] {
            let subject = Subject {
                province: Some(s.into()),
                city: Some(s.into()),
                district: Some(s.into()),
                nature: Some(s.into()),
                certificate_type: Some(s.into()),
                certificate_number: Some(s.into()),
                name: Some(s.into()),
                certificate_address: Some(s.into()),
                address: Some(s.into()),
                remark: Some(s.into()),
                account_subject_name: Some(s.into()),
                license_valid_until: Some(s.into()),
            };
            run_with(&draft(subject), true);
        }
    }
}
