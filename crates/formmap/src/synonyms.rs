//! The synonym tables: every label text the filing form is known to use, grouped by concept.
//!
//! Sources: form.md (official operating guide seed 002, field article seed 004, the open-platform
//! filing API). Exact strings on the live page may differ slightly: add a synonym here, nowhere else.
//! Texts are written already normalised (no `*`, colon, whitespace or `（选填）` suffix).

/// A section of the form; person fields (证件号码, 手机号 …) mean different paths in each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// 主办单位信息 (and the 验证备案类型 step, whose fields are the subject's).
    Subject,
    /// 主体负责人信息.
    SubjectPrincipal,
    /// 小程序信息.
    App,
    /// 小程序负责人信息 (小程序管理员信息 in seed 004).
    AppPrincipal,
    /// 上传其他信息材料.
    Materials,
}

/// What a label asks for, independent of the section it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Concept {
    /// 选择地区: a row of three pickers (province, city, district).
    Region,
    Province,
    City,
    District,
    /// 主办者性质.
    Nature,
    CertificateType,
    CertificateNumber,
    /// 企业名称 / 姓名 / 负责人名称: the section's own name field.
    Name,
    /// 证件住所.
    CertificateAddress,
    /// 通讯地址.
    Address,
    /// 备注.
    Remark,
    /// 营业执照有效期 (subject) — one date or 长期.
    LicenceValidity,
    /// 证件有效期: a start/end row, the end may be a 长期 checkbox.
    Validity,
    ValidityStart,
    ValidityEnd,
    Mobile,
    EmergencyMobile,
    Email,
    /// 是否为法定代表人.
    IsLegalRepresentative,
    LegalPersonName,
    LegalPersonNumber,
    AppId,
    AppName,
    /// 服务内容标识.
    ServiceTypes,
    /// 前置审批项.
    PreApprovals,
    /// 复用主体负责人信息 / 手动填写 switch.
    ReusePrincipal,
    /// 上传证件 (a certificate scan; person sections split it into 人像面 / 国徽面).
    CertificateUpload,
    IdFront,
    IdBack,
    CommitmentLetter,
    AuthorizationLetter,
    ResidenceProof,
    OtherAttachment,
    /// 验证码: recognised so it is not mistaken for another field, never checked.
    VerificationCode,
}

/// Label synonyms, grouped by concept. Matching prefers an exact match, then the longest synonym the
/// label starts with, then the longest one it contains (so 应急手机号 never reads as 手机号).
pub const LABELS: &[(Concept, &[&str])] = &[
    (
        Concept::Region,
        &[
            "选择地区", "所在地区", "地区", "主办单位所在地", "所属区域", "省市区", "所在地", "所属地区", "省市区县",
            "主办单位所在地区", "省/市/区", "省/市/区县", "省/市/县", "省市县", "省份/城市/区县",
        ],
    ),
    (Concept::Province, &["省份", "所在省份", "省"]),
    (Concept::City, &["城市", "所在城市", "市"]),
    (Concept::District, &["区县", "所在区县", "区/县"]),
    (Concept::Nature, &["主办者性质", "主办单位性质", "主体性质", "单位性质", "主办者类型", "主办单位类型", "备案主体性质", "主体类型"]),
    (
        Concept::CertificateType,
        &["证件类型", "主办单位证件类型", "主体证件类型", "负责人证件类型", "有效证件类型", "证件类别", "证件种类", "主办者证件类型"],
    ),
    (
        Concept::CertificateNumber,
        &[
            "证件号码", "证件号", "主办单位证件号码", "统一社会信用代码", "负责人证件号", "负责人证件号码",
            "身份证号", "身份证号码", "有效证件号码", "有效证件号", "主办单位证件号", "主办者证件号码", "社会信用代码",
            "信用代码", "营业执照号", "营业执照号码", "营业执照注册号", "证件编号",
        ],
    ),
    (
        Concept::Name,
        &[
            "企业名称", "单位名称", "主办单位名称", "主体名称", "姓名", "负责人名称", "负责人姓名", "名称",
            "小程序负责人姓名", "管理员姓名", "主办者名称", "主办单位全称", "企业全称", "单位全称", "机构名称",
            "真实姓名", "证件姓名",
        ],
    ),
    (Concept::CertificateAddress, &["证件住所", "证件地址", "住所", "注册地址", "证件住址", "营业执照住所", "身份证住址"]),
    (
        Concept::Address,
        &["通讯地址", "通信地址", "详细地址", "联系地址", "邮寄地址", "详细通讯地址", "办公地址", "实际办公地址", "经营地址", "实际经营地址"],
    ),
    (Concept::Remark, &["备注", "小程序备注", "主办单位备注", "备注说明", "备注信息"]),
    (Concept::LicenceValidity, &["营业执照有效期", "执照有效期", "证件有效期至", "营业期限", "经营期限", "营业执照营业期限"]),
    // 起止 names the row of both dates, not its start (`证件有效期起` is the start).
    (Concept::Validity, &["证件有效期", "有效期", "身份证有效期", "有效期限", "证件有效期起止", "有效期起止", "有效期起止日期", "起止日期"]),
    (
        Concept::ValidityStart,
        &[
            "有效期开始", "开始日期", "起始日期", "证件有效期开始日期", "有效期起", "有效期起始日期", "开始时间", "起始时间",
            "证件有效期起", "有效期开始日期", "证件有效期开始时间", "有效期开始时间", "证件有效期起始日期",
        ],
    ),
    (
        Concept::ValidityEnd,
        &[
            "有效期结束", "结束日期", "截止日期", "证件有效期结束日期", "有效期止", "有效期截止日期", "结束时间", "截止时间",
            "到期日期", "证件有效期止", "有效期结束日期", "证件有效期结束时间", "有效期结束时间", "证件有效期截止日期",
            "证件有效期截止",
            // A row of its own holding only the 长期 checkbox or switch (Vant's 证件长期有效 cell).
            "长期有效", "证件长期有效", "是否长期有效", "是否长期", "有效期长期",
        ],
    ),
    (
        Concept::Mobile,
        &["手机号", "手机号码", "联系电话", "负责人手机号", "手机", "联系手机", "移动电话", "联系人手机号", "联系方式"],
    ),
    (
        Concept::EmergencyMobile,
        &[
            "应急手机号", "应急联系方式", "应急电话", "应急联系电话", "应急手机号码", "应急联系人", "应急联系人手机号",
            "应急联系人电话", "应急手机", "紧急联系人", "紧急联系电话", "紧急联系方式", "备用手机号", "备用联系电话",
        ],
    ),
    (Concept::Email, &["邮箱", "电子邮箱", "邮箱地址", "电子邮件", "联系邮箱", "Email", "E-mail", "邮件地址", "电子邮件地址"]),
    (
        Concept::IsLegalRepresentative,
        // 法定代表人 alone: a yes/no row in a narrow label column (layui); as a text box's label it
        // names nothing of ours (the legal person's name and number have their own labels).
        &["是否为法定代表人", "是否法定代表人", "负责人是否为法定代表人", "法定代表人", "是否法人", "是否为法人", "是否法人代表", "是否为法人代表"],
    ),
    (Concept::LegalPersonName, &["法定代表人姓名", "法人姓名", "法人代表姓名"]),
    (
        Concept::LegalPersonNumber,
        &["法定代表人证件号码", "法定代表人证件号", "法人证件号码", "法定代表人身份证号码", "法定代表人身份证号", "法人身份证号码", "法人身份证号"],
    ),
    (Concept::AppId, &["AppID", "小程序ID", "APPID", "小程序AppID"]),
    (Concept::AppName, &["小程序名称"]),
    (Concept::ServiceTypes, &["服务内容标识", "服务内容类型", "服务类目", "服务内容", "服务类型", "服务内容类别"]),
    (
        Concept::PreApprovals,
        &["互联网信息服务前置审批项", "前置审批项", "前置审批", "前置审批类型", "前置审批事项", "是否涉及前置审批"],
    ),
    (Concept::ReusePrincipal, &["复用主体负责人信息", "复用主体负责人", "信息来源", "填写方式", "是否复用主体负责人信息"]),
    (Concept::CertificateUpload, &[
        "上传证件", "证件照片", "上传证件照片", "证件上传", "营业执照", "证件扫描件", "上传证件扫描件",
        // Rows named after the document: the ID card of a principal, the licence of a subject.
        "上传身份证", "身份证照片", "上传身份证照片", "身份证上传", "身份证扫描件", "上传负责人证件",
        "负责人证件照片", "上传营业执照", "营业执照照片", "营业执照扫描件",
    ]),
    (Concept::IdFront, &["人像面", "身份证人像面", "证件人像面", "正面"]),
    (Concept::IdBack, &["国徽面", "身份证国徽面", "证件国徽面", "反面", "背面"]),
    (Concept::CommitmentLetter, &["互联网信息服务承诺书", "承诺书", "备案承诺书"]),
    (Concept::AuthorizationLetter, &["授权书", "负责人授权书", "法定代表人授权书"]),
    (Concept::ResidenceProof, &["临时居住证明", "居住证", "居住证明"]),
    (Concept::OtherAttachment, &["其他附件", "其他材料", "补充材料"]),
    (Concept::VerificationCode, &["验证码", "短信验证码", "手机验证码", "短信校验码", "校验码"]),
];

/// Section heading synonyms (a heading matches only exactly, after normalisation).
pub const SECTIONS: &[(Section, &[&str])] = &[
    (Section::Subject, &["主办单位信息", "主办者信息", "主体信息", "验证备案类型", "备案主体信息", "主办单位基本信息", "单位信息", "主体证件信息"]),
    (Section::SubjectPrincipal, &["主体负责人信息", "主办单位负责人信息", "主体负责人"]),
    (Section::App, &["小程序信息", "小程序基本信息", "服务信息"]),
    (Section::AppPrincipal, &["小程序负责人信息", "小程序管理员信息", "小程序负责人", "管理员信息"]),
    (Section::Materials, &["上传其他信息材料", "其他信息材料", "上传其他材料", "上传材料", "备案材料"]),
];

/// Texts of the final submit button: a click on one runs the complete check (it never blocks
/// submission) and, when nothing is outstanding, records that the filing went to review.
pub const SUBMIT_BUTTONS: &[&str] = &["提交", "提交备案", "确认提交", "提交审核"];

/// Texts of a wizard's next-step button: a click runs the complete check too.
pub const NEXT_BUTTONS: &[&str] = &["下一步", "保存并下一步"];

/// Text of the 长期 (no end date) option of a validity row.
pub const LONG_TERM: &[&str] = &["长期", "长期有效"];

/// Option texts of the 复用/手动填写 switch that mean "reuse the subject principal".
pub const REUSE_OPTIONS: &[&str] = &["复用主体负责人信息", "复用", "同主体负责人", "与主体负责人一致"];

/// Option texts of the same switch that mean "fill in by hand": a radio group without a label of
/// its own is recognised as the switch by these and [`REUSE_OPTIONS`] (each contains 手动, which is
/// how the reader tells them from the reuse options).
pub const MANUAL_OPTIONS: &[&str] = &["手动填写", "手动输入"];

/// Option texts meaning yes / no in 是/否 radio groups.
pub const YES: &[&str] = &["是", "是法定代表人"];
pub const NO: &[&str] = &["否", "不是", "非法定代表人"];

/// Placeholder texts that mean "nothing chosen yet" in a custom select.
pub const EMPTY_CHOICES: &[&str] = &["请选择", "请选择省份", "请选择城市", "请选择区县", "选择", "--"];

/// Prefixes a placeholder puts before the label text (`请输入手机号`).
/// Longer prefixes first: the first that matches is removed.
pub const PLACEHOLDER_PREFIXES: &[&str] =
    &["请输入您的", "请填写您的", "请正确输入", "请正确填写", "请输入", "请填写", "请选择", "请上传", "请录入", "输入", "填写"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::normalize_label;

    #[test]
    fn table_texts_are_already_normalised_and_unique_per_concept() {
        let mut seen = std::collections::HashMap::new();
        for (concept, names) in LABELS {
            for name in *names {
                assert_eq!(normalize_label(name), *name, "{name} is not normalised");
                if let Some(other) = seen.insert(*name, *concept) {
                    panic!("{name} is listed for both {other:?} and {concept:?}");
                }
            }
        }
        for (_, names) in SECTIONS {
            for name in *names {
                assert_eq!(normalize_label(name), *name);
            }
        }
    }
}
