//! Field paths (contracts.md §1) and their Chinese/English labels, as the form names them, for
//! people-facing output (`beian check` text, the popup). Array items (`materials.uploads[3]`) take
//! their list's label.

/// (path without indices, zh, en), in form order.
const LABELS: &[(&str, &str, &str)] = &[
    ("subject", "主办单位信息", "Subject"),
    ("subject.province", "省份", "Province"),
    ("subject.city", "城市", "City"),
    ("subject.district", "区县", "District"),
    ("subject.nature", "主办者性质", "Nature of the subject"),
    ("subject.certificate_type", "证件类型", "Certificate type"),
    ("subject.certificate_number", "证件号码", "Certificate number"),
    ("subject.name", "主办单位名称", "Subject name"),
    ("subject.certificate_address", "证件住所", "Address on the certificate"),
    ("subject.address", "通讯地址", "Mailing address"),
    ("subject.remark", "主办单位备注", "Subject remark"),
    ("subject.account_subject_name", "账号认证主体名称", "Account's verified subject name"),
    ("subject.license_valid_until", "证件有效期", "Certificate valid until"),
    ("subject_principal", "主体负责人信息", "Subject principal"),
    ("subject_principal.name", "负责人姓名", "Principal's name"),
    ("subject_principal.certificate_type", "负责人证件类型", "Principal's document type"),
    ("subject_principal.certificate_number", "负责人证件号码", "Principal's document number"),
    ("subject_principal.validity_start", "证件有效期（起）", "Document valid from"),
    ("subject_principal.validity_end", "证件有效期（止）", "Document valid until"),
    ("subject_principal.mobile", "手机号", "Mobile"),
    ("subject_principal.emergency_mobile", "应急手机号", "Emergency mobile"),
    ("subject_principal.email", "邮箱", "E-mail"),
    ("subject_principal.is_legal_representative", "是否法定代表人", "Legal representative"),
    ("legal_person", "法定代表人信息", "Legal representative"),
    ("legal_person.name", "法定代表人姓名", "Legal representative's name"),
    ("legal_person.certificate_type", "法定代表人证件类型", "Legal representative's document type"),
    ("legal_person.certificate_number", "法定代表人证件号码", "Legal representative's document number"),
    ("app", "小程序信息", "Mini program"),
    ("app.appid", "AppID", "AppID"),
    ("app.name", "小程序名称", "Mini program name"),
    ("app.service_types", "服务内容标识", "Service types"),
    ("app.pre_approvals", "前置审批项", "Pre-approval items"),
    ("app.pre_approvals.type", "前置审批项", "Pre-approval item"),
    ("app.pre_approvals.number", "审批号", "Approval number"),
    ("app.pre_approvals.document", "审批文件", "Approval document"),
    ("app.remark", "小程序备注", "Mini program remark"),
    ("app_principal", "小程序负责人信息", "App principal"),
    ("app_principal.name", "负责人姓名", "Principal's name"),
    ("app_principal.certificate_type", "负责人证件类型", "Principal's document type"),
    ("app_principal.certificate_number", "负责人证件号码", "Principal's document number"),
    ("app_principal.validity_start", "证件有效期（起）", "Document valid from"),
    ("app_principal.validity_end", "证件有效期（止）", "Document valid until"),
    ("app_principal.mobile", "手机号", "Mobile"),
    ("app_principal.emergency_mobile", "应急手机号", "Emergency mobile"),
    ("app_principal.email", "邮箱", "E-mail"),
    ("app_principal.reuse_subject_principal", "复用主体负责人信息", "Reuse the subject principal"),
    ("admin", "小程序管理员信息", "Mini program administrator"),
    ("admin.name", "管理员姓名", "Administrator's name"),
    ("admin.certificate_number", "管理员证件号码", "Administrator's document number"),
    ("materials", "上传其他信息材料", "Other materials"),
    ("materials.commitment_letter", "互联网信息服务承诺书", "Commitment letter"),
    ("materials.authorization_letter", "授权书", "Authorisation letter"),
    ("materials.residence_permit", "临时居住证明", "Residence proof"),
    ("materials.uploads", "上传文件", "Uploaded file"),
];

/// Removes array indices: `materials.uploads[3].bytes` → `materials.uploads.bytes`.
fn without_indices(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut depth = 0u32;
    for c in path.trim().chars() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The (Chinese, English) label of a field path, e.g. `subject.address` → (通讯地址, Mailing
/// address); `app.pre_approvals[0]` → (前置审批项, …). An unknown sub-field of a known field takes
/// the field's label; `None` for paths outside contracts.md §1.
pub fn label(path: &str) -> Option<(&'static str, &'static str)> {
    let mut key = without_indices(path);
    loop {
        if let Some(&(_, zh, en)) = LABELS.iter().find(|(p, _, _)| *p == key) {
            return Some((zh, en));
        }
        // Only fall back from a sub-field to its field, never to the bare section.
        match key.rfind('.') {
            Some(dot) if key[..dot].contains('.') => key.truncate(dot),
            _ => return None,
        }
    }
}

/// The form section a field belongs to, for grouping findings: 主办单位信息, 主体负责人信息,
/// 小程序信息, 小程序负责人信息, 上传其他信息材料 (其他 for unknown paths).
pub fn section(path: &str) -> (&'static str, &'static str) {
    let head = path.trim().split(['.', '[']).next().unwrap_or("");
    match head {
        "subject" => ("主办单位信息", "Subject"),
        // The legal representative is asked for inside the principal's section.
        "subject_principal" | "legal_person" => ("主体负责人信息", "Subject principal"),
        "app" => ("小程序信息", "Mini program"),
        // The administrator's real-name info is what the app principal is compared with.
        "app_principal" | "admin" => ("小程序负责人信息", "App principal"),
        "materials" => ("上传其他信息材料", "Other materials"),
        _ => ("其他", "Other"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field path of the contracts.md §1 example, which the rules report on.
    const CONTRACT_PATHS: &[&str] = &[
        "subject.province",
        "subject.city",
        "subject.district",
        "subject.nature",
        "subject.certificate_type",
        "subject.certificate_number",
        "subject.name",
        "subject.certificate_address",
        "subject.address",
        "subject.remark",
        "subject.account_subject_name",
        "subject.license_valid_until",
        "subject_principal.name",
        "subject_principal.certificate_type",
        "subject_principal.certificate_number",
        "subject_principal.validity_start",
        "subject_principal.validity_end",
        "subject_principal.mobile",
        "subject_principal.emergency_mobile",
        "subject_principal.email",
        "subject_principal.is_legal_representative",
        "legal_person.name",
        "legal_person.certificate_number",
        "app.appid",
        "app.name",
        "app.service_types",
        "app.pre_approvals",
        "app.remark",
        "app_principal.name",
        "app_principal.certificate_type",
        "app_principal.certificate_number",
        "app_principal.validity_start",
        "app_principal.validity_end",
        "app_principal.mobile",
        "app_principal.emergency_mobile",
        "app_principal.email",
        "app_principal.reuse_subject_principal",
        "admin.name",
        "admin.certificate_number",
        "materials.commitment_letter",
        "materials.authorization_letter",
        "materials.residence_permit",
        "materials.uploads",
    ];

    #[test]
    fn every_contract_path_has_a_label_and_a_real_section() {
        for path in CONTRACT_PATHS {
            let (zh, en) = label(path).unwrap_or_else(|| panic!("{path} has no label"));
            assert!(!zh.is_empty() && !en.is_empty());
            assert_ne!(section(path).0, "其他", "{path}");
        }
    }

    #[test]
    fn array_items_take_their_lists_label() {
        assert_eq!(label("materials.uploads[3]"), label("materials.uploads"));
        assert_eq!(label("app.pre_approvals[0]").map(|l| l.0), Some("前置审批项"));
        assert_eq!(label("app.pre_approvals[12].number").map(|l| l.0), Some("审批号"));
        assert_eq!(label("materials.uploads[0].bytes").map(|l| l.0), Some("上传文件"));
        assert_eq!(section("materials.uploads[3]").0, "上传其他信息材料");
    }

    #[test]
    fn unknown_paths_have_no_label() {
        for path in ["", "nope", "subject.nope", "subject_principal.nope", "[", "]]]", "subject..", "🙂.x"] {
            assert_eq!(label(path), None, "{path}");
        }
        assert_eq!(section("nope.x"), ("其他", "Other"));
        assert_eq!(section("subject_principal.mobile").0, "主体负责人信息");
        assert_eq!(section("app_principal.mobile").0, "小程序负责人信息");
        assert_eq!(section("app.remark").0, "小程序信息");
        assert_eq!(section("subject.address").0, "主办单位信息");
    }
}
