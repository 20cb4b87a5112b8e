//! What the admin's status texts mean (form.md "Status texts and stages"): the one table from text to
//! [`Stage`], masking of personal data in captured texts, and the form field a rejection reason
//! points at. Keep every status variant in [`STATUS_TABLE`] so that a change on the live page is one line.

use crate::event::Stage;
use beian_rules::Rule;

/// Unambiguous status texts, most specific first (the first contained pattern wins, so
/// `变更审核中` must come before `审核中`, `管局审核驳回` before `驳回`). Patterns are matched against
/// the text with white space and punctuation removed.
pub const STATUS_TABLE: &[(&str, Stage)] = &[
    ("变更备案审核中", Stage::ChangeReview),
    ("变更审核中", Stage::ChangeReview),
    ("正在注销备案", Stage::Cancelling),
    ("注销中", Stage::Cancelling),
    ("已注销", Stage::Cancelled),
    ("已撤回", Stage::Withdrawn),
    ("核验超时", Stage::BureauRejected),
    ("管局审核驳回", Stage::BureauRejected),
    ("管局审核不通过", Stage::BureauRejected),
    ("平台审核驳回", Stage::PlatformRejected),
    ("平台审核不通过", Stage::PlatformRejected),
    ("初审不通过", Stage::PlatformRejected),
    ("初审驳回", Stage::PlatformRejected),
    ("需补充材料", Stage::PlatformRejected),
    ("补充材料", Stage::PlatformRejected),
    ("待短信核验", Stage::SmsVerification),
    ("短信核验", Stage::SmsVerification),
    ("等待核验", Stage::SmsVerification),
    ("平台审核通过", Stage::SmsVerification),
    ("初审通过", Stage::SmsVerification),
    ("管局审核中", Stage::BureauReview),
    ("平台审核中", Stage::PlatformReview),
    ("平台初审中", Stage::PlatformReview),
    ("初审中", Stage::PlatformReview),
    ("备案成功", Stage::Filed),
    ("已备案", Stage::Filed),
    ("未备案", Stage::Draft),
    ("待提交", Stage::Draft),
    ("去备案", Stage::Draft),
];

/// Words in the surrounding text that mean the SMS check is still open while the status says
/// `管局审核中` (form.md: "等待核验中 (管局审核中 with SMS pending)").
const SMS_PENDING_HINTS: &[&str] = &["待短信核验", "等待核验", "待核验", "未核验", "尚未核验"];

/// Words that place an ambiguous verdict (`审核不通过`, `审核中`, `审核通过`) at the provincial
/// communications administration rather than at the platform.
const BUREAU_HINTS: &[&str] = &["管局", "管理局", "工信部", "工业和信息化部"];

/// The stage a status text means, or `None` if it is not a status text we know.
///
/// `text` is the status element's text; surrounding words are tolerated (`当前状态：管局审核中`),
/// as are white space and punctuation. `context` is nearby page text (a heading, the reason box,
/// the filing-number line; may be empty) used only to settle ambiguous texts:
/// - `审核不通过` / `审核驳回` / `驳回`: `bureau_rejected` if the text or context names the bureau
///   (管局, 通信管理局, 工信部), else `platform_rejected`;
/// - `审核中`: `bureau_review` if the bureau is named, else `platform_review`;
/// - `审核通过`: `filed` if a filing number (`…ICP备…号`, `…B2-…`) or the bureau is named,
///   `sms_verification` if the platform is, else `None` (we do not guess);
/// - `管局审核中` with a pending-SMS hint (`待核验`, `等待核验` …) in the context: `sms_verification`.
pub fn stage_from_status_text(text: &str, context: &str) -> Option<Stage> {
    let text = compact(text);
    if text.is_empty() {
        return None;
    }
    let context = compact(context);
    let mentions = |words: &[&str]| words.iter().any(|w| text.contains(w) || context.contains(w));
    if let Some(&(pattern, stage)) = STATUS_TABLE.iter().find(|(pattern, _)| text.contains(pattern)) {
        if pattern == "管局审核中" && SMS_PENDING_HINTS.iter().any(|w| context.contains(w)) {
            return Some(Stage::SmsVerification);
        }
        return Some(stage);
    }
    let bureau = mentions(BUREAU_HINTS);
    if ["审核不通过", "审核驳回", "驳回", "未通过"].iter().any(|p| text.contains(p)) {
        return Some(if bureau { Stage::BureauRejected } else { Stage::PlatformRejected });
    }
    if text.contains("审核中") {
        return Some(if bureau { Stage::BureauReview } else { Stage::PlatformReview });
    }
    if text.contains("审核通过") {
        if bureau || has_filing_number(&text) || has_filing_number(&context) {
            return Some(Stage::Filed);
        }
        if mentions(&["平台", "初审"]) {
            return Some(Stage::SmsVerification);
        }
    }
    None
}

/// Removes white space and punctuation (ASCII and CJK) that pages sprinkle around status texts.
fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && !is_punctuation(*c)).collect()
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() && c != '-'
        || matches!(
            c,
            '：' | '，'
                | '。'
                | '、'
                | '；'
                | '！'
                | '？'
                | '（'
                | '）'
                | '【'
                | '】'
                | '「'
                | '」'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '·'
                | '…'
                | '—'
                | '《'
                | '》'
                | '\u{200b}'
                | '\u{feff}'
        )
}

/// Whether `text` contains something shaped like a filing number.
fn has_filing_number(text: &str) -> bool {
    (text.contains("ICP备") && text.contains('号')) || text.contains("B2-")
}

/// Masks personal data in free text (rejection reasons, status texts) before it is stored: runs of
/// 11 or more digits — mobiles, 18-character ID numbers (final `X`), 15-digit old IDs, landlines —
/// keep their first 3 and last 2 characters (`138******00`); e-mail addresses keep the first
/// character of the local part and the domain (`z***@example.com`). Full-width digits count as
/// digits; a single space or `-` inside a number does not stop it (`138 0013 8000`).
/// Shorter numbers (dates, filing numbers' 8–10 digits, appids) are left alone.
pub fn mask_pii(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let emails_masked = mask_emails(&chars);
    mask_long_numbers(&emails_masked)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_email_local(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_email_domain(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-')
}

fn mask_emails(chars: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if matches!(chars[i], '@' | '＠') {
            let local_len = out.iter().rev().take_while(|c| is_email_local(**c)).count();
            let domain_len = chars[i + 1..].iter().take_while(|c| is_email_domain(**c)).count();
            let domain = &chars[i + 1..i + 1 + domain_len];
            if local_len > 0 && domain.contains(&'.') {
                let first = out[out.len() - local_len];
                out.truncate(out.len() - local_len);
                out.push(first);
                out.extend("***".chars());
                out.push(chars[i]);
                out.extend_from_slice(domain);
                i += 1 + domain_len;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn mask_long_numbers(chars: &[char]) -> String {
    let mut out = String::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some(len) = licence_number_len(&chars[i..]) {
            out.extend(&chars[i..i + len]);
            i += len;
            continue;
        }
        if !is_digit(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // The run: digits, single separators between digits, an ID number's final X.
        let mut end = i;
        let mut digits = 0;
        while end < chars.len() {
            let c = chars[end];
            if is_digit(c) {
                digits += 1;
                end += 1;
            } else if matches!(c, ' ' | '-') && chars.get(end + 1).is_some_and(|n| is_digit(*n)) {
                end += 1;
            } else if matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ') && (digits == 17 || digits == 14) {
                digits += 1;
                end += 1;
                break;
            } else {
                break;
            }
        }
        let run = &chars[i..end];
        if digits >= 11 {
            let mut index = 0;
            for &c in run {
                if matches!(c, ' ' | '-') {
                    out.push(c);
                    continue;
                }
                out.push(if index < 3 || index >= digits - 2 { c } else { '*' });
                index += 1;
            }
        } else {
            out.extend(run);
        }
        i = end;
    }
    out
}

/// Length of a licence holder's filing number `B2-{8 digits}` with an optional `-{n}` / `-{n}X` /
/// `-{n}A` at the start of `chars` (`粤B2-20090059-1626X` is public, not a phone number), else `None`.
fn licence_number_len(chars: &[char]) -> Option<usize> {
    let rest = chars.strip_prefix(&['B', '2', '-'])?;
    let digits = |s: &[char]| s.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits(rest) != 8 {
        return None;
    }
    let mut len = 3 + 8;
    if let Some(tail) = rest[8..].strip_prefix(&['-']) {
        let n = digits(tail);
        if n == 0 || n > 6 {
            return Some(len);
        }
        len += 1 + n;
        if matches!(tail.get(n), Some('X' | 'A')) {
            len += 1;
        }
    }
    Some(len)
}

/// The form field a rejection reason points at, and the rule that catches the mistake before
/// submission, so the popup can say "fix 主体负责人 → 应急手机号" and show the rule's hint.
/// `None` when the reason names nothing we recognise. The person is `app_principal` when the reason
/// names the mini program's principal or admin, else `subject_principal`.
pub fn reason_field(reason: &str) -> Option<(&'static str, Rule)> {
    let r = compact(reason);
    let has = |words: &[&str]| words.iter().any(|w| r.contains(w));
    let app_person = has(&["小程序负责人", "小程序管理员", "管理员"]);
    let person = |subject: &'static str, app: &'static str| if app_person { app } else { subject };
    let same = has(&["相同", "一致", "重复", "同一"]);
    let answer = if has(&["应急"]) {
        let field = person("subject_principal.emergency_mobile", "app_principal.emergency_mobile");
        if has(&["其他", "他人", "重复", "共用", "多个"]) {
            (field, Rule::CrossEmergencyShared)
        } else if same || has(&["本人"]) {
            (field, Rule::PersonEmergencySame)
        } else {
            (field, Rule::PersonEmergencyFormat)
        }
    } else if has(&["手机号", "手机号码", "联系电话", "电话号码"]) {
        let field = person("subject_principal.mobile", "app_principal.mobile");
        (field, if same || has(&["他人", "共用"]) { Rule::CrossMobileShared } else { Rule::PersonMobileFormat })
    } else if has(&["邮箱", "电子邮件"]) {
        let field = person("subject_principal.email", "app_principal.email");
        (field, if same || has(&["他人", "共用"]) { Rule::CrossEmailShared } else { Rule::PersonEmailFormat })
    } else if has(&["人脸", "管理员"]) {
        ("app_principal.certificate_number", Rule::CrossAppPrincipalAdmin)
    } else if has(&["工商注册号", "注册号"]) {
        ("subject.certificate_number", Rule::SubjectRegistrationNumber)
    } else if has(&["统一社会信用代码", "信用代码"]) {
        ("subject.certificate_number", Rule::SubjectUsccInvalid)
    } else if has(&["营业执照有效期", "执照有效期", "执照过期", "执照即将到期"]) {
        ("subject.license_valid_until", Rule::SubjectLicenceExpiring)
    } else if has(&["有效期", "过期", "到期"]) {
        (person("subject_principal.validity_end", "app_principal.validity_end"), Rule::PersonValidityExpiring)
    } else if has(&["证件号码", "身份证号", "证件号"]) {
        (person("subject_principal.certificate_number", "app_principal.certificate_number"), Rule::PersonIdChecksum)
    } else if has(&["通讯地址", "门牌号", "详细地址", "地址"]) {
        ("subject.address", Rule::SubjectAddressHouseNumber)
    } else if has(&["服务内容", "服务类型"]) {
        ("app.service_types", Rule::AppServiceTypesMax)
    } else if has(&["前置审批", "许可证", "资质"]) {
        ("app.pre_approvals", Rule::AppPreApprovalSuspected)
    } else if has(&["法定代表人", "授权书"]) {
        ("subject_principal.is_legal_representative", Rule::PersonNotLegalRep)
    } else if has(&["居住证", "暂住证", "居住证明"]) {
        ("materials.residence_permit", Rule::CrossResidenceProof)
    } else if has(&["承诺书"]) {
        (
            "materials.commitment_letter",
            if has(&["模板", "广东"]) { Rule::LetterGuangdongTemplate } else { Rule::LetterSealRequired },
        )
    } else if has(&["名称"]) && (same || has(&["不符", "不一致", "星号", "*"])) {
        ("subject.name", if has(&["星号", "*"]) { Rule::SubjectNameMasked } else { Rule::SubjectNameMismatch })
    } else if has(&["备注"]) {
        if has(&["主体备注", "主办单位备注"]) {
            ("subject.remark", Rule::SubjectNoSealRemark)
        } else if has(&["XXX", "xxx", "模板", "占位"]) {
            ("app.remark", Rule::AppRemarkPlaceholder)
        } else {
            ("app.remark", Rule::AppRemarkVague)
        }
    } else if has(&["清晰", "分辨率", "模糊", "图片", "照片"]) {
        ("materials.uploads", Rule::UploadResolution)
    } else {
        return None;
    };
    Some(answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_every_status_variant_of_form_md() {
        let cases: &[(&str, Stage)] = &[
            ("未备案", Stage::Draft),
            ("待提交", Stage::Draft),
            ("去备案", Stage::Draft),
            ("审核中", Stage::PlatformReview),
            ("平台审核中", Stage::PlatformReview),
            ("平台初审中", Stage::PlatformReview),
            ("平台审核驳回", Stage::PlatformRejected),
            ("审核不通过", Stage::PlatformRejected),
            ("补充材料", Stage::PlatformRejected),
            ("需补充材料", Stage::PlatformRejected),
            ("待短信核验", Stage::SmsVerification),
            ("短信核验", Stage::SmsVerification),
            ("等待核验中", Stage::SmsVerification),
            ("管局审核中", Stage::BureauReview),
            ("通管局审核中", Stage::BureauReview),
            ("管局审核驳回", Stage::BureauRejected),
            ("核验超时", Stage::BureauRejected),
            ("已备案", Stage::Filed),
            ("备案成功", Stage::Filed),
            ("变更审核中", Stage::ChangeReview),
            ("变更备案审核中", Stage::ChangeReview),
            ("注销中", Stage::Cancelling),
            ("正在注销备案", Stage::Cancelling),
            ("已注销", Stage::Cancelled),
            ("已撤回", Stage::Withdrawn),
        ];
        for &(text, stage) in cases {
            assert_eq!(stage_from_status_text(text, ""), Some(stage), "{text}");
        }
    }

    #[test]
    fn tolerates_surrounding_text_and_punctuation() {
        assert_eq!(stage_from_status_text("当前状态：管局审核中", ""), Some(Stage::BureauReview));
        assert_eq!(stage_from_status_text("  备案状态 ： 【 已 备 案 】 ", ""), Some(Stage::Filed));
        assert_eq!(stage_from_status_text("\u{200b}平台审核中…", ""), Some(Stage::PlatformReview));
        assert_eq!(stage_from_status_text("", "管局"), None);
        assert_eq!(stage_from_status_text("设置", ""), None);
        assert_eq!(stage_from_status_text("小程序名称：某某记账", ""), None);
    }

    #[test]
    fn settles_ambiguous_texts_with_context() {
        assert_eq!(
            stage_from_status_text("审核不通过", "广东省通信管理局审核意见：地址不详"),
            Some(Stage::BureauRejected)
        );
        assert_eq!(
            stage_from_status_text("审核不通过", "驳回原因：应急联系方式与手机号相同"),
            Some(Stage::PlatformRejected)
        );
        assert_eq!(stage_from_status_text("审核中", "已提交至管局"), Some(Stage::BureauReview));
        assert_eq!(stage_from_status_text("审核通过", "备案号：京ICP备2026059598号-1X"), Some(Stage::Filed));
        assert_eq!(stage_from_status_text("审核通过", "平台初审结果"), Some(Stage::SmsVerification));
        assert_eq!(stage_from_status_text("审核通过", ""), None);
        assert_eq!(
            stage_from_status_text("管局审核中", "请在24小时内完成短信核验（待核验）"),
            Some(Stage::SmsVerification)
        );
        assert_eq!(stage_from_status_text("管局审核中", "预计1-20个工作日"), Some(Stage::BureauReview));
        // A change review is not a platform review, whatever the context.
        assert_eq!(stage_from_status_text("变更审核中", "管局"), Some(Stage::ChangeReview));
    }

    #[test]
    fn masks_mobiles_ids_and_emails() {
        assert_eq!(mask_pii("应急联系方式13800138000与手机号相同"), "应急联系方式138******00与手机号相同");
        assert_eq!(mask_pii("证件号码11010519491231002X有误"), "证件号码110*************2X有误");
        assert_eq!(mask_pii("证件号码11010519491231002x"), "证件号码110*************2x");
        assert_eq!(mask_pii("邮箱zhangsan@example.com无法联系"), "邮箱z***@example.com无法联系");
        assert_eq!(mask_pii("13800138000@qq.com"), "1***@qq.com");
        assert_eq!(mask_pii("手机 138 0013 8000"), "手机 138 **** **00");
        assert_eq!(mask_pii("１３８００１３８０００"), "１３８******００");
        // Only a real licence number is spared, not a mobile behind `B2-`.
        assert_eq!(mask_pii("B2-13800138000"), "B2-13*******00");
        assert_eq!(mask_pii("B2-20090059-13800138000"), "B2-20090059-138******00");
        // Short numbers stay: filing numbers, dates, appids.
        for keep in [
            "京ICP备2026059598号-1X",
            "备案号：粤B2-20090059-1626X。",
            "粤B2-20090059",
            "2026-11-20",
            "wx0123456789abcdef",
            "有效期至2046年1月1日",
            "a@b",
        ] {
            assert_eq!(mask_pii(keep), keep);
        }
    }

    /// Masking never leaves an 11-digit mobile or an 18-character ID number, whatever surrounds it.
    #[test]
    fn masking_never_leaves_a_mobile_or_id_number() {
        let secrets = ["13800138000", "19912345678", "11010519491231002X", "110105194912310021", "440305196001011234"];
        let around =
            ["", " ", "号码", "a", "x", "-", "：", "@", "1", "12", "\n", "１", "X", "0.5", "B2-", "B2-20090059-"];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..5000 {
            let mut text = String::new();
            for _ in 0..1 + next(4) {
                text.push_str(around[next(around.len())]);
                text.push_str(secrets[next(secrets.len())]);
                text.push_str(around[next(around.len())]);
            }
            let masked = mask_pii(&text);
            let digits_only: Vec<char> = masked.chars().collect();
            let mut run = 0;
            for c in &digits_only {
                run = if c.is_ascii_digit() { run + 1 } else { 0 };
                assert!(run < 11, "{text:?} → {masked:?}");
            }
            for s in secrets {
                assert!(!masked.contains(s), "{text:?} → {masked:?}");
            }
        }
    }

    #[test]
    fn rejection_reasons_point_at_fields() {
        let cases: &[(&str, &str, Rule)] = &[
            ("应急联系方式与手机号相同", "subject_principal.emergency_mobile", Rule::PersonEmergencySame),
            ("应急联系方式与其他负责人重复", "subject_principal.emergency_mobile", Rule::CrossEmergencyShared),
            ("小程序负责人手机号与主体负责人相同", "app_principal.mobile", Rule::CrossMobileShared),
            ("证件号码填写错误", "subject_principal.certificate_number", Rule::PersonIdChecksum),
            ("通讯地址未详细到门牌号", "subject.address", Rule::SubjectAddressHouseNumber),
            ("服务内容选择过多", "app.service_types", Rule::AppServiceTypesMax),
            ("涉及前置审批，请上传许可证", "app.pre_approvals", Rule::AppPreApprovalSuspected),
            ("备注信息不完整，请详细描述小程序功能", "app.remark", Rule::AppRemarkVague),
            ("承诺书未盖章", "materials.commitment_letter", Rule::LetterSealRequired),
            ("身份证有效期即将到期", "subject_principal.validity_end", Rule::PersonValidityExpiring),
            ("营业执照有效期不足", "subject.license_valid_until", Rule::SubjectLicenceExpiring),
            ("主办单位名称与证件不一致", "subject.name", Rule::SubjectNameMismatch),
            ("统一社会信用代码有误", "subject.certificate_number", Rule::SubjectUsccInvalid),
        ];
        for &(reason, field, rule) in cases {
            assert_eq!(reason_field(reason), Some((field, rule)), "{reason}");
        }
        assert_eq!(reason_field("其他原因"), None);
        assert_eq!(reason_field(""), None);
    }
}
