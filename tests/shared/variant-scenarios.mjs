// The form variants with other markup (fixtures tests/fixtures/form-variant-*.html): which control
// must carry which data-beian-field path. Used by the Chromium suites (tests/e2e/variants.test.mjs
// and variants-reskins.test.mjs, which also type mistakes into each) and the Firefox suite (tests/firefox/variants.test.mjs).

/**
 * The problems with `[selector, path]` pairs in the page (run in the page; pass its source): the
 * control matching `selector` must carry data-beian-field=path itself (text fields) or sit inside
 * the element that does (groups), and no other text control may carry the same path.
 */
export function fieldProblems(pairs) {
  return pairs.flatMap(([selector, path]) => {
    const el = document.querySelector(selector);
    if (!el) return [`${selector}: no such element`];
    const got = el.closest('[data-beian-field]')?.getAttribute('data-beian-field') ?? null;
    if (got !== path) return [`${selector}: expected ${path}, got ${got}`];
    const textual = [...document.querySelectorAll(`[data-beian-field="${path}"]`)]
      .filter((e) => e.matches('input:not([type=checkbox]):not([type=radio]):not([type=file]), textarea, select'));
    return textual.length > 1 ? [`${path} is on ${textual.length} text controls`] : [];
  });
}

export const TABLE_FIELDS = [
  ['select[name=province]', 'subject.province'],
  ['select[name=city]', 'subject.city'],
  ['select[name=district]', 'subject.district'],
  ['input[name=nature][value=企业]', 'subject.nature'],
  ['select[name=cert-type]', 'subject.certificate_type'],
  ['input[name=org-name]', 'subject.name'], // 单位名称
  ['input[name=org-number]', 'subject.certificate_number'],
  ['input[name=org-reg-address]', 'subject.certificate_address'],
  ['input[name=org-address]', 'subject.address'], // row without a label, placeholder only
  ['textarea[name=org-remark]', 'subject.remark'],
  ['select[name=sp-cert-type]', 'subject_principal.certificate_type'], // section in a <th colspan>
  ['input[name=sp-name]', 'subject_principal.name'],
  ['input[name=sp-number]', 'subject_principal.certificate_number'], // 负责人证件号, 2nd pair of a row
  ['input[name=sp-from]', 'subject_principal.validity_start'],
  ['input[name=sp-to]', 'subject_principal.validity_end'],
  ['input[name=sp-mobile]', 'subject_principal.mobile'],
  ['input[name=sp-emergency]', 'subject_principal.emergency_mobile'], // 应急联系方式, 2nd pair
  ['input[name=sp-email]', 'subject_principal.email'], // 邮箱地址
  ['input[name=appid]', 'app.appid'],
  ['input[name=app-name]', 'app.name'],
  ['input[name=svc][value=工具-记账]', 'app.service_types'], // 服务内容类型
  ['input[name=pre][value=新闻]', 'app.pre_approvals'], // 前置审批项
  ['textarea[name=app-remark]', 'app.remark'],
];

export const ELEMENT_FIELDS = [
  ['input[placeholder=省份]', 'subject.province'],
  ['input[placeholder=城市]', 'subject.city'],
  ['input[placeholder=区县]', 'subject.district'],
  ['input[name=nature][value=企业]', 'subject.nature'],
  ['input[value="营业执照（个人或企业）"]', 'subject.certificate_type'],
  ['.el-card:nth-of-type(1) .el-form-item:nth-of-type(4) input', 'subject.name'], // label split in spans
  ['.el-card:nth-of-type(1) .el-form-item:nth-of-type(5) input', 'subject.certificate_number'], // long helper text
  ['input[aria-labelledby=lbl-reg-addr]', 'subject.certificate_address'],
  ['input[aria-labelledby=lbl-addr]', 'subject.address'],
  ['input[aria-label=负责人姓名]', 'subject_principal.name'], // section in an .el-divider__text
  ['.el-card:nth-of-type(2) .el-form-item:nth-of-type(2) input', 'subject_principal.certificate_number'],
  ['.el-card:nth-of-type(2) input[placeholder=开始日期]', 'subject_principal.validity_start'],
  ['.el-card:nth-of-type(2) input[placeholder=结束日期]', 'subject_principal.validity_end'],
  ['.el-card:nth-of-type(2) input[maxlength="11"]', 'subject_principal.mobile'], // helper in <small>
  ['.el-card:nth-of-type(2) .is-reversed input', 'subject_principal.emergency_mobile'], // label after
  ['.el-card:nth-of-type(2) input[placeholder^=例]', 'subject_principal.email'],
  ['input[value=wx0123456789abcdef]', 'app.appid'], // section in a <p class="block-name">
  ['input[value=某某记账]', 'app.name'],
  ['input[value=工具-记账]', 'app.service_types'],
  ['input[value=新闻]', 'app.pre_approvals'],
  ['.el-card:nth-of-type(3) .ql-editor', 'app.remark'], // contenteditable rich-text editor
  ['input[name=app-src][value=manual]', 'app_principal.reuse_subject_principal'], // no row label; section by aria-label
  ['#app-principal-manual .el-form-item:nth-of-type(1) input', 'app_principal.name'],
  ['#app-principal-manual .el-form-item:nth-of-type(2) input', 'app_principal.certificate_number'],
  ['#app-principal-manual .el-form-item:nth-of-type(3) input', 'app_principal.mobile'],
  ['#app-principal-manual .el-form-item:nth-of-type(4) input', 'app_principal.emergency_mobile'],
  ['#app-principal-manual .el-form-item:nth-of-type(5) input', 'app_principal.email'],
];

export const DL_FIELDS = [
  ['select[name=province]', 'subject.province'],
  ['select[name=city]', 'subject.city'],
  ['select[name=district]', 'subject.district'],
  ['input[name=nature][value=个人]', 'subject.nature'],
  ['select[name=cert-type]', 'subject.certificate_type'],
  ['input[name=name]', 'subject.name'],
  ['input[name=id-number]', 'subject.certificate_number'],
  ['input[name=address]', 'subject.address'], // a <dd> without its own <dt>
  ['textarea[name=remark]', 'subject.remark'],
  ['input[value=wx0123456789abcdef]', 'app.appid'],
  ['input[value=某某记账]', 'app.name'],
  ['input[value=工具-记账]', 'app.service_types'],
  ['input[value=新闻]', 'app.pre_approvals'],
  ['textarea[placeholder^=请具体描述]', 'app.remark'],
  ['input[placeholder=请输入负责人姓名]', 'app_principal.name'],
  ['input[placeholder=请输入负责人证件号码]', 'app_principal.certificate_number'],
  ['input[placeholder=请输入负责人手机号码]', 'app_principal.mobile'],
  ['input[placeholder=请输入应急联系人手机号码]', 'app_principal.emergency_mobile'],
  ['input[placeholder=请输入电子邮箱地址]', 'app_principal.email'],
];

export const DL_LATE_FIELDS = [
  ['#sp_type', 'subject_principal.certificate_type'], // antd select: the .ant-select shows the choice
  ['#sp_name', 'subject_principal.name'],
  ['#sp_id', 'subject_principal.certificate_number'],
  ['#sp_mobile', 'subject_principal.mobile'],
  ['#sp .ant-form-item:has(label[title=应急手机号]) input', 'subject_principal.emergency_mobile'], // no for=, deep
  ['#sp_email', 'subject_principal.email'],
];

export const ARIA_FIELDS = [
  ['input[name=nature]', 'subject.nature'],
  ['#s-type', 'subject.certificate_type'],
  ['#s-number', 'subject.certificate_number'],
  ['#s-name', 'subject.name'],
  ['#s-cert-address', 'subject.certificate_address'],
  ['#s-address', 'subject.address'],
  ['#p-name', 'subject_principal.name'],
  ['#p-number', 'subject_principal.certificate_number'],
  ['#p-mobile', 'subject_principal.mobile'],
  ['#p-emergency', 'subject_principal.emergency_mobile'],
  ['#p-email', 'subject_principal.email'],
];

// The re-skins written without looking at the discovery code (tests/e2e/variants-reskins.test.mjs).

// A CSS grid of custom elements (<wx-input> …): label and control in neighbouring cells.
export const GRID_FIELDS = [
  ['select[name=province]', 'subject.province'], // <wx-select> in a grid cell after 所在地区：
  ['select[name=city]', 'subject.city'],
  ['select[name=district]', 'subject.district'],
  ['input[name=nature][value=企业]', 'subject.nature'], // <legend>
  ['select[name=cert-type]', 'subject.certificate_type'], // label with a ? icon inside
  ['input[name=licence]', 'materials.uploads'],
  ['input[name=org-number]', 'subject.certificate_number'], // 证件号码（必填）:
  ['input[name=org-name]', 'subject.name'], // 企业名称： + 请与证件保持一致
  ['input[name=org-reg-address]', 'subject.certificate_address'], // full-width space before ：
  ['input[name=org-address]', 'subject.address'], // empty label cell, placeholder only
  ['textarea[name=org-remark]', 'subject.remark'],
  ['input[name=appid]', 'app.appid'],
  ['input[name=app-name]', 'app.name'],
  ['input[name=svc][value=工具-记账]', 'app.service_types'], // <legend>服务内容?
  ['input[name=pre][value=新闻]', 'app.pre_approvals'], // <legend>前置审批：
  ['textarea[name=app-remark]', 'app.remark'], // 备注（必填）：
  ['input[name=letter]', 'materials.commitment_letter'],
  ['input[name=sealed]', 'materials.commitment_letter'],
];
export const GRID_LATE_FIELDS = [
  ['select[name=sp-cert-type]', 'subject_principal.certificate_type'], // section 主办单位负责人信息, 2 s late
  ['input[name=sp-front]', 'materials.uploads'],
  ['input[name=sp-back]', 'materials.uploads'],
  ['input[name=sp-name]', 'subject_principal.name'], // 姓名： + 请与证件保持一致
  ['input[name=sp-number]', 'subject_principal.certificate_number'], // 证件号 ? ：
  ['input[name=sp-from]', 'subject_principal.validity_start'],
  ['input[name=sp-to]', 'subject_principal.validity_end'],
  ['input[name=sp-long]', 'subject_principal.validity_end'], // 长期
  ['input[name=sp-mobile]', 'subject_principal.mobile'], // 手机号码：
  ['input[name=sp-emergency]', 'subject_principal.emergency_mobile'], // 应急联系方式：
  ['input[name=sp-email]', 'subject_principal.email'], // 邮　　箱：
  ['input[name=sp-legal][value=yes]', 'subject_principal.is_legal_representative'], // <legend>
];

// An iView label-top form.
export const IVIEW_FIELDS = [
  ['select[name=province]', 'subject.province'], // 主办单位所在地区 above
  ['select[name=city]', 'subject.city'],
  ['select[name=district]', 'subject.district'],
  ['input[name=nature][value=个人]', 'subject.nature'], // 主办单位性质
  ['select[name=cert-type]', 'subject.certificate_type'], // 主办单位证件类型
  ['input[name=name]', 'subject.name'], // 主办单位名称:
  ['input[name=id-number]', 'subject.certificate_number'], // title= only
  ['input[name=address]', 'subject.address'], // 通讯地址 ?, 8 levels below the label's row
  ['textarea[name=remark]', 'subject.remark'],
  ['select[name=sp-cert-type]', 'subject_principal.certificate_type'], // 负责人证件类型
  ['input[name=sp-name]', 'subject_principal.name'], // 负责人姓名, 7 levels deep
  ['input[name=sp-number]', 'subject_principal.certificate_number'], // 负责人证件号码 ?:
  ['input[name=sp-from]', 'subject_principal.validity_start'],
  ['input[name=sp-to]', 'subject_principal.validity_end'],
  ['input[name=sp-long]', 'subject_principal.validity_end'], // 长期有效
  ['input[name=sp-email]', 'subject_principal.email'], // placeholder 请输入主体负责人电子邮箱
  ['input[value=wx0123456789abcdef]', 'app.appid'], // AppID（小程序ID）
  ['input[value=某某记账]', 'app.name'],
  ['input[value=工具-记账]', 'app.service_types'], // 服务内容类型 ?
  ['input[value=新闻]', 'app.pre_approvals'], // 互联网信息服务前置审批项
  ['textarea[name=app-remark]', 'app.remark'],
  ['input[name=ap-source][value=manual]', 'app_principal.reuse_subject_principal'], // 填写方式
];
// Each input with its label in a <span> to its RIGHT (the next column of the row, nothing before
// it), and the ID-card tiles of a row labelled 上传身份证.
export const IVIEW_RIGHT_FIELDS = [
  ['input[name=sp-mobile]', 'subject_principal.mobile'], // 联系方式（手机号码）
  ['input[name=sp-emergency]', 'subject_principal.emergency_mobile'], // 应急联系方式
  ['input[name=sp-front]', 'materials.uploads'],
  ['input[name=sp-back]', 'materials.uploads'],
];
// Inserted by 手动填写: placeholders only.
export const IVIEW_MANUAL_FIELDS = [
  ['input[placeholder=请输入小程序负责人姓名]', 'app_principal.name'],
  ['input[placeholder=请输入小程序负责人身份证号码]', 'app_principal.certificate_number'],
  ['input[placeholder=请输入小程序负责人手机号码]', 'app_principal.mobile'],
  ['input[placeholder=请输入小程序负责人应急手机号码]', 'app_principal.emergency_mobile'],
  ['input[placeholder=请输入小程序负责人电子邮箱]', 'app_principal.email'],
];

// An Ant Design Vue wizard whose step pane is re-rendered (innerHTML) on every step click.
export const ANTDV_STEP1 = [
  ['#form_item_province', 'subject.province'], // antd comboboxes, label 备案地区 for= the first
  ['#form_item_city', 'subject.city'],
  ['#form_item_district', 'subject.district'],
  ['input[name=nature][value=企业]', 'subject.nature'], // 主体性质 (radio buttons)
  ['#form_item_certType', 'subject.certificate_type'],
  ['#form_item_certNo', 'subject.certificate_number'], // 证件号码 ⓘ, for=
];
export const ANTDV_STEP2 = [
  ['input[name=orgName]', 'subject.name'], // 单位名称 (no for=) + extra 请与证件保持一致
  ['input[name=orgRegAddress]', 'subject.certificate_address'],
  ['input[name=orgAddress]', 'subject.address'], // no label, placeholder only
  ['input[name=licence]', 'materials.uploads'],
  ['#form_item_spName', 'subject_principal.name'], // 主办单位负责人姓名
  ['#form_item_spCertType', 'subject_principal.certificate_type'],
  ['input[name=spNumber]', 'subject_principal.certificate_number'], // 主办单位负责人证件号 ⓘ (no for=)
  ['input[name=spFrom]', 'subject_principal.validity_start'], // readonly range picker
  ['input[name=spTo]', 'subject_principal.validity_end'],
  ['input[name=spMobile]', 'subject_principal.mobile'], // placeholder only
  ['input[name=spEmergency]', 'subject_principal.emergency_mobile'], // placeholder only
  ['input[name=spEmail]', 'subject_principal.email'], // placeholder only
  ['input[name=spLegal][value=是]', 'subject_principal.is_legal_representative'],
];
export const ANTDV_STEP3 = [
  ['input[name=appName]', 'app.name'],
  ['input[name=svc][value=工具-记账]', 'app.service_types'], // <legend>服务内容 (至多5项)
  ['input[name=pre][value=新闻]', 'app.pre_approvals'], // <legend>互联网信息服务前置审批
  ['textarea[name=appRemark]', 'app.remark'], // title="备注" only
];


// Re-skins after real UI libraries, also written without looking at the discovery code
// (tests/e2e/variants-libraries.test.mjs).

// Tencent TDesign: t-form__item rows, label for= on some rows only (sometimes naming the form item,
// not an element id), readonly t-select inputs, hidden native radios, hidden t-upload inputs.
export const TDESIGN_FIELDS = [
  ['input[name=province]', 'subject.province'], // 所在地区, for=region (no such id)
  ['input[name=city]', 'subject.city'],
  ['input[name=district]', 'subject.district'],
  ['input[name=nature][value=企业]', 'subject.nature'], // 主办单位性质, t-radio-button (display:none)
  ['input[name=certType]', 'subject.certificate_type'], // 主办单位证件类型, readonly t-select
  ['input[name=certNo]', 'subject.certificate_number'], // 主办单位证件号码, for=certNo
  ['input[name=orgName]', 'subject.name'], // 主办单位名称, for=orgName but the input has no id
  ['input[name=orgRegAddress]', 'subject.certificate_address'], // no for=
  ['input[name=licence]', 'materials.uploads'], // 上传证件, <input type=file hidden>
  ['input[name=address]', 'subject.address'], // 通讯地址, for=address + t-input__tips
  ['textarea[name=remark]', 'subject.remark'], // 备注, t-textarea
  ['input[name=appid]', 'app.appid'],
  ['input[name=appName]', 'app.name'],
  ['input[name=svc][value=工具-记账]', 'app.service_types'], // 服务内容类型: check tags + a search box
  ['input[name=pre][value=新闻]', 'app.pre_approvals'], // 互联网信息服务前置审批, t-checkbox-group
  ['textarea[name=appRemark]', 'app.remark'], // 小程序备注
  ['#reuse-switch', 'app_principal.reuse_subject_principal'], // 复用主体负责人信息, a div role=switch
  ['input[name=letter]', 'materials.commitment_letter'], // 互联网信息服务承诺书
  ['input[name=other]', 'materials.uploads'], // 其他附件
];
// The 主体负责人信息 card, fetched 2.5 s after load.
export const TDESIGN_LATE_FIELDS = [
  ['input[name=spCertType]', 'subject_principal.certificate_type'],
  ['input[name=spFront]', 'materials.uploads'],
  ['input[name=spBack]', 'materials.uploads'],
  ['input[name=spName]', 'subject_principal.name'], // 负责人姓名, for= + id
  ['input[name=spNumber]', 'subject_principal.certificate_number'], // 负责人证件号码
  ['input[name=spFrom]', 'subject_principal.validity_start'], // t-date-range-picker, for=spValidity (no such id)
  ['input[name=spTo]', 'subject_principal.validity_end'],
  ['input[name=spLong]', 'subject_principal.validity_end'], // 长期有效
  ['input[name=spMobile]', 'subject_principal.mobile'], // 手机号码
  ['input[name=spEmergency]', 'subject_principal.emergency_mobile'], // 应急联系人手机号
  ['input[name=spEmail]', 'subject_principal.email'], // 电子邮箱, for=email (no such id)
  ['input[name=spLegal][value="1"]', 'subject_principal.is_legal_representative'], // 是否为法定代表人
];
// Rendered when the 复用 switch is turned off.
export const TDESIGN_MANUAL_FIELDS = [
  ['input[name=apCertType]', 'app_principal.certificate_type'],
  ['input[name=apName]', 'app_principal.name'], // 姓名
  ['input[name=apNumber]', 'app_principal.certificate_number'], // 身份证号码
  ['input[name=apFrom]', 'app_principal.validity_start'],
  ['input[name=apTo]', 'app_principal.validity_end'],
  ['input[name=apMobile]', 'app_principal.mobile'], // 手机号
  ['input[name=apEmergency]', 'app_principal.emergency_mobile'], // 应急手机号
  ['input[name=apEmail]', 'app_principal.email'], // 邮箱
];

// Bootstrap 5 + layui: form-floating (input first, label after, with and without for=),
// input-group-text prefixes as labels, layui-form-label with <br>, a rowspan table cell.
export const BOOTSTRAP_FIELDS = [
  ['select[name=province]', 'subject.province'], // layui-form-label 所在地区, lay-ignore selects
  ['select[name=city]', 'subject.city'],
  ['select[name=district]', 'subject.district'],
  ['input[name=nature][value=企业]', 'subject.nature'], // 主办者性质
  ['select[name=certType]', 'subject.certificate_type'], // form-floating select, for=
  ['input[name=orgName]', 'subject.name'], // form-floating 单位名称, for=
  ['input[name=orgNumber]', 'subject.certificate_number'], // 主办单位<br>证件号码
  ['input[name=orgRegAddress]', 'subject.certificate_address'], // form-floating, no for=
  ['input[name=licence]', 'materials.uploads'], // 营业执照扫描件, hidden layui-upload-file
  ['input[name=orgAddress]', 'subject.address'], // input-group-text 通讯地址
  ['textarea[name=orgRemark]', 'subject.remark'], // form-floating textarea 备注（选填）
  ['select[name=spCertType]', 'subject_principal.certificate_type'], // <th>证件类型
  ['input[name=spName]', 'subject_principal.name'], // 2nd pair of the row
  ['input[name=spNumber]', 'subject_principal.certificate_number'], // 身份证号码
  ['input[name=spFrom]', 'subject_principal.validity_start'], // <th rowspan=2>证件有效期 + 起
  ['input[name=spTo]', 'subject_principal.validity_end'], // next <tr>, + 止
  ['input[name=spLong]', 'subject_principal.validity_end'], // 长期
  ['input[name=spMobile]', 'subject_principal.mobile'], // input-group-text 手机号码 under <th>联系方式
  ['input[name=spEmergency]', 'subject_principal.emergency_mobile'], // input-group-text 应急手机号
  ['input[name=spEmail]', 'subject_principal.email'], // form-floating type=email
  ['input[name=spLegal][value=是]', 'subject_principal.is_legal_representative'], // 法定代表人
  ['input[name=appid]', 'app.appid'], // input-group-text AppID
  ['input[name=appName]', 'app.name'], // form-floating, no for=
  ['input[name=svc][value=工具-记账]', 'app.service_types'], // 服务内容标识
  ['input[name=pre][value=新闻]', 'app.pre_approvals'], // btn-check toggle buttons
  ['textarea[name=appRemark]', 'app.remark'], // form-floating 备注（必填）, no for=
  ['input[name=apSource][value=manual]', 'app_principal.reuse_subject_principal'], // 负责人信息
  ['input[name=letter]', 'materials.commitment_letter'], // 互联网信息<br>服务承诺书
  ['input[name=sealed]', 'materials.commitment_letter'],
];
// In the Bootstrap collapse opened by 手动填写: input-group-text labels only.
export const BOOTSTRAP_MANUAL_FIELDS = [
  ['input[name=apName]', 'app_principal.name'], // 姓名
  ['input[name=apNumber]', 'app_principal.certificate_number'], // 身份证号
  ['input[name=apMobile]', 'app_principal.mobile'], // 手机号码
  ['input[name=apEmergency]', 'app_principal.emergency_mobile'], // 应急联系方式
  ['input[name=apEmail]', 'app_principal.email'], // 邮箱地址
];

// A React admin with MUI: floating InputLabel before the input, the label again in the outline's
// <legend>, helper texts, accordion sections mounted on first expand.
export const MUI_SUBJECT_FIELDS = [
  ['input[name=province]', 'subject.province'], // Autocomplete 省份 (role=combobox input)
  ['input[name=city]', 'subject.city'],
  ['input[name=district]', 'subject.district'],
  ['input[name=nature][value=企业]', 'subject.nature'], // FormLabel + RadioGroup aria-labelledby
  ['select[name=certType]', 'subject.certificate_type'], // NativeSelect
  ['input[name=certNo]', 'subject.certificate_number'], // 证件号码 + helper 统一社会信用代码，18位
  ['input[name=orgName]', 'subject.name'], // 企业名称, value restored programmatically
  ['input[name=orgRegAddress]', 'subject.certificate_address'],
  ['input[name=orgAddress]', 'subject.address'], // value restored programmatically
  ['textarea[name=orgRemark]', 'subject.remark'], // multiline + hidden shadow textarea
];
export const MUI_PRINCIPAL_FIELDS = [
  ['.MuiSelect-root:has(input[name=spCertType]) [role=combobox]', 'subject_principal.certificate_type'], // MUI Select
  ['input[name=spName]', 'subject_principal.name'],
  ['input[name=spNumber]', 'subject_principal.certificate_number'],
  ['input[name=spFrom]', 'subject_principal.validity_start'], // 开始日期 under a 证件有效期 caption
  ['input[name=spTo]', 'subject_principal.validity_end'], // 结束日期
  ['input[name=spLong]', 'subject_principal.validity_end'], // 长期
  ['input[name=spMobile]', 'subject_principal.mobile'],
  ['input[name=spEmergency]', 'subject_principal.emergency_mobile'], // helper names 负责人手机号
  ['input[name=spEmail]', 'subject_principal.email'],
  ['input[name=spLegal]', 'subject_principal.is_legal_representative'], // Switch 是否为法定代表人
];
export const MUI_APP_FIELDS = [
  ['input[name=appid]', 'app.appid'], // value set programmatically
  ['input[name=appName]', 'app.name'],
  ['input[name=svc][value=工具-记账]', 'app.service_types'], // <fieldset><legend>服务内容类型
  ['input[name=pre][value=新闻]', 'app.pre_approvals'],
  ['textarea[name=appRemark]', 'app.remark'], // multiline + hidden shadow textarea
];
export const MUI_APP_PRINCIPAL_FIELDS = [
  ['input[name=apSource][value=manual]', 'app_principal.reuse_subject_principal'], // 信息来源
];
// Rendered by 手动填写.
export const MUI_MANUAL_FIELDS = [
  ['.MuiSelect-root:has(input[name=apCertType]) [role=combobox]', 'app_principal.certificate_type'],
  ['input[name=apName]', 'app_principal.name'],
  ['input[name=apNumber]', 'app_principal.certificate_number'],
  ['input[name=apFrom]', 'app_principal.validity_start'],
  ['input[name=apTo]', 'app_principal.validity_end'],
  ['input[name=apLong]', 'app_principal.validity_end'],
  ['input[name=apMobile]', 'app_principal.mobile'],
  ['input[name=apEmergency]', 'app_principal.emergency_mobile'],
  ['input[name=apEmail]', 'app_principal.email'],
];

// Layouts written blind (tests/e2e/variants-layouts.test.mjs): tables in other shapes, side-by-side
// sections, implicit labels and late content.

// An in-house admin of tables whose steps each build a new <form> that replaces the previous one.
// Step 1: a key | value table whose key cells are numbered (1. …), hold <br> and <sup>*</sup>.
export const MATRIX_STEP1_FIELDS = [
  ['select[name=province]', 'subject.province'], // 1. 主办单位<br>所在地区<sup>*</sup>
  ['select[name=city]', 'subject.city'],
  ['select[name=district]', 'subject.district'],
  ['input[name=nature][value=企业]', 'subject.nature'], // 2. 主办者性质
  ['select[name=certType]', 'subject.certificate_type'], // 3. 主办单位<br>证件类型
  ['input[name=certNo]', 'subject.certificate_number'], // 4. 统一社会信用<br>代码
  ['input[name=orgName]', 'subject.name'], // 5. 企业名称
  ['input[name=orgRegAddress]', 'subject.certificate_address'], // 6. 证件住所
  ['input[name=licence]', 'materials.uploads'], // 7. 营业执照<br>扫描件
  ['input[name=orgAddress]', 'subject.address'], // 8. 通讯地址 + tip naming 省市区
  ['textarea[name=orgRemark]', 'subject.remark'], // 9. 备注, placeholder 选填
];
// Step 2: a person matrix (header row of <th> column names; one row per person, the row's first
// cell names the person), a second matrix for 证件类型 / 有效期 under a <thead>, and key | value
// tables numbered (1) … and ① ….
export const MATRIX_STEP2_FIELDS = [
  ['input[name=spName]', 'subject_principal.name'], // column 姓名, row 主体负责人
  ['input[name=spNumber]', 'subject_principal.certificate_number'], // column 证件号码
  ['input[name=spMobile]', 'subject_principal.mobile'], // column 手机号码
  ['input[name=spEmergency]', 'subject_principal.emergency_mobile'], // column 应急联系方式
  ['input[name=spEmail]', 'subject_principal.email'], // column 电子邮箱
  ['input[name=apName]', 'app_principal.name'], // row 小程序负责人
  ['input[name=apNumber]', 'app_principal.certificate_number'],
  ['input[name=apMobile]', 'app_principal.mobile'],
  ['input[name=apEmergency]', 'app_principal.emergency_mobile'],
  ['input[name=apEmail]', 'app_principal.email'],
  ['select[name=spCertType]', 'subject_principal.certificate_type'], // <thead> column 证件类型
  ['input[name=spFrom]', 'subject_principal.validity_start'], // 证件有效期（起）
  ['input[name=spTo]', 'subject_principal.validity_end'], // 证件有效期（止）
  ['input[name=spLong]', 'subject_principal.validity_end'], // 长期
  ['select[name=apCertType]', 'app_principal.certificate_type'],
  ['input[name=apFrom]', 'app_principal.validity_start'],
  ['input[name=apTo]', 'app_principal.validity_end'],
  ['input[name=apLong]', 'app_principal.validity_end'],
  ['input[name=appid]', 'app.appid'], // (1) AppID
  ['input[name=appName]', 'app.name'], // (2) 小程序<br>名称
  ['input[name=svc][value=工具-记账]', 'app.service_types'], // (3) 服务内容<br>类型<sup>*</sup>
  ['input[name=pre][value=新闻]', 'app.pre_approvals'], // (4) 前置审批项
  ['textarea[name=appRemark]', 'app.remark'], // (5) 备注
  ['input[name=letter]', 'materials.commitment_letter'], // ① 互联网信息服务<br>承诺书
  ['input[name=sealed]', 'materials.commitment_letter'],
  ['input[name=other]', 'materials.uploads'], // ② 其他附件
];

// <fieldset>/<legend> sections (and <fieldset class=fm-row> groups), <span> row labels.
export const COLUMNS_FIELDS = [
  ['select[name=province]', 'subject.province'], // 所属地区
  ['select[name=city]', 'subject.city'],
  ['select[name=district]', 'subject.district'],
  ['input[name=nature][value=企业]', 'subject.nature'], // <legend>主办单位性质
  ['select[name=certType]', 'subject.certificate_type'], // 主办单位证件类型
  ['input[name=certNo]', 'subject.certificate_number'], // 主办单位证件号码
  ['input[name=orgName]', 'subject.name'], // 主办单位名称
  ['input[name=orgRegAddress]', 'subject.certificate_address'], // 证件住所
  ['input[name=orgAddress]', 'subject.address'], // 通信地址
  ['input[name=licence]', 'materials.uploads'], // 上传证件
  ['textarea[name=orgRemark]', 'subject.remark'], // 备注 (in <legend>主办单位信息)
  ['input[name=appid]', 'app.appid'],
  ['input[name=appName]', 'app.name'],
  ['input[name=svc][value=工具-记账]', 'app.service_types'], // <legend>服务内容类型
  ['input[name=pre][value=新闻]', 'app.pre_approvals'], // <legend>前置审批
  ['textarea[name=appRemark]', 'app.remark'], // 备注 (in <legend>小程序信息)
  ['input[name=letter]', 'materials.commitment_letter'],
  ['input[name=sealed]', 'materials.commitment_letter'],
  ['input[name=other]', 'materials.uploads'],
];
// Cloned from a <template> 1.5 s after load: two flex columns side by side, each headed by its
// <h3> title, with the same row labels in both.
export const COLUMNS_LATE_FIELDS = [
  ['select[name=spCertType]', 'subject_principal.certificate_type'],
  ['input[name=spFront]', 'materials.uploads'], // 证件照片
  ['input[name=spBack]', 'materials.uploads'],
  ['input[name=spName]', 'subject_principal.name'],
  ['input[name=spNumber]', 'subject_principal.certificate_number'],
  ['input[name=spFrom]', 'subject_principal.validity_start'],
  ['input[name=spTo]', 'subject_principal.validity_end'],
  ['input[name=spLong]', 'subject_principal.validity_end'],
  ['input[name=spMobile]', 'subject_principal.mobile'],
  ['input[name=spEmergency]', 'subject_principal.emergency_mobile'],
  ['input[name=spEmail]', 'subject_principal.email'],
  ['input[name=spLegal][value="1"]', 'subject_principal.is_legal_representative'],
  ['input[name=apSource][value=manual]', 'app_principal.reuse_subject_principal'], // <legend>填写方式
  ['select[name=apCertType]', 'app_principal.certificate_type'],
  ['input[name=apFront]', 'materials.uploads'],
  ['input[name=apBack]', 'materials.uploads'],
  ['input[name=apName]', 'app_principal.name'],
  ['input[name=apNumber]', 'app_principal.certificate_number'],
  ['input[name=apFrom]', 'app_principal.validity_start'],
  ['input[name=apTo]', 'app_principal.validity_end'],
  ['input[name=apLong]', 'app_principal.validity_end'],
  ['input[name=apMobile]', 'app_principal.mobile'],
  ['input[name=apEmergency]', 'app_principal.emergency_mobile'],
  ['input[name=apEmail]', 'app_principal.email'],
];

// Implicit labels (<label>text <input></label>, text before or after the control), (选填)/(必填)/
// （非必填）, E-mail / Email, "label:<em>*</em>" row labels, weui-desktop div dropdowns.
export const IMPLICIT_FIELDS = [
  ['.weui-desktop-form__dropdown[data-name=province]', 'subject.province'], // 省/市/区:<em>*</em>
  ['.weui-desktop-form__dropdown[data-name=city]', 'subject.city'],
  ['.weui-desktop-form__dropdown[data-name=district]', 'subject.district'],
  ['input[name=nature][value=企业]', 'subject.nature'], // 主办者性质:<em>*</em>
  ['.weui-desktop-form__dropdown[data-name=certType]', 'subject.certificate_type'], // 证件类型:<em>*</em>
  ['input[name=orgNo]', 'subject.certificate_number'], // <label>证件号码(必填) <input>
  ['input[name=orgName]', 'subject.name'], // <label>企业名称:<em>*</em> <input>
  ['input[name=orgRegAddress]', 'subject.certificate_address'],
  ['input[name=licence]', 'materials.uploads'], // <label><input type=file> 上传营业执照
  ['input[name=orgAddress]', 'subject.address'], // floating label after the input
  ['textarea[name=orgRemark]', 'subject.remark'], // 备注(选填)
  ['.weui-desktop-form__dropdown[data-name=spCertType]', 'subject_principal.certificate_type'],
  ['input[name=spName]', 'subject_principal.name'],
  ['input[name=spNumber]', 'subject_principal.certificate_number'], // 证件号码（必填）
  ['input[name=spFrom]', 'subject_principal.validity_start'], // 证件有效期: + <label>自 <input>
  ['input[name=spTo]', 'subject_principal.validity_end'], // <label>至 <input>
  ['input[name=spLong]', 'subject_principal.validity_end'],
  ['input[name=spMobile]', 'subject_principal.mobile'],
  ['input[name=spEmergency]', 'subject_principal.emergency_mobile'],
  ['input[name=spEmail]', 'subject_principal.email'], // <label>E-mail: <em>*</em> <input type=email>
  ['input[name=spLegal][value=是]', 'subject_principal.is_legal_representative'],
  ['input[name=appid]', 'app.appid'],
  ['input[name=appName]', 'app.name'],
  ['input[name=svc][value=工具-记账]', 'app.service_types'],
  ['input[name=pre][value=新闻]', 'app.pre_approvals'],
  ['textarea[name=appRemark]', 'app.remark'], // <label>备注（必填） <textarea>
  ['input[name=apSource][value=manual]', 'app_principal.reuse_subject_principal'], // 信息来源:
  ['input[name=letter]', 'materials.commitment_letter'], // row 互联网信息服务承诺书:<em>*</em>, <label><input type=file> 上传
  ['input[name=sealed]', 'materials.commitment_letter'],
  ['input[name=other]', 'materials.uploads'], // <label>其他附件（非必填） <input type=file>
];
// Created (Vue-like v-if) each time 手动填写 is chosen, destroyed by 复用; values come back through
// the value property.
export const IMPLICIT_MANUAL_FIELDS = [
  ['.weui-desktop-form__dropdown[data-name=apCertType]', 'app_principal.certificate_type'],
  ['input[name=apName]', 'app_principal.name'], // floating label 姓名 after the input
  ['input[name=apNumber]', 'app_principal.certificate_number'], // 身份证号
  ['input[name=apFrom]', 'app_principal.validity_start'],
  ['input[name=apTo]', 'app_principal.validity_end'],
  ['input[name=apMobile]', 'app_principal.mobile'], // 手机号
  ['input[name=apEmergency]', 'app_principal.emergency_mobile'], // 应急手机号
  ['input[name=apEmail]', 'app_principal.email'], // <label>Email <em>*</em> <input>
];


// Re-skins after real Vue component libraries, written without looking at the discovery code
// (tests/e2e/variants-vue.test.mjs).

// Element Plus 2.x: ids are the generated el-id-<prefix>-<n>; a form item's label is a <label for>
// only when exactly one control registered its id, else a <div> with the item role=group.
export const ELEMENTPLUS_FIELDS = [
  ['#el-id-4807-11', 'subject.province'], // 主办单位所在地区: <div> label, role=group item; el-select input stays empty
  ['#el-id-4807-12', 'subject.city'],
  ['#el-id-4807-13', 'subject.district'],
  ['input[name="el-id-4807-19"][value=企业]', 'subject.nature'], // 主办者性质: el-radio-button, label for= the radiogroup div
  ['#el-id-4807-21', 'subject.certificate_type'], // 主办单位证件类型: the choice only in .el-select__placeholder <span>
  ['.upload-licence input[type=file]', 'materials.uploads'], // 上传主办单位证件: <div> label, input name=file display:none
  ['#el-id-4807-25', 'subject.name'], // 主办单位名称
  ['#el-id-4807-27', 'subject.certificate_number'], // 主办单位证件号码, word-count suffix + tip
  ['#el-id-4807-29', 'subject.certificate_address'], // 证件住所
  ['#el-id-4807-31', 'subject.address'], // 通讯地址, placeholder 无需重复填写省市区
  ['#el-id-4807-33', 'subject.remark'], // 备注, el-input type=textarea
  ['#el-id-4807-71', 'app.appid'], // readonly, value set through the property
  ['#el-id-4807-73', 'app.name'],
  ['#el-id-4807-75 input[value=工具-记账]', 'app.service_types'], // 服务内容标识: label for= the checkbox-group div
  ['#el-id-4807-77 input[value=新闻]', 'app.pre_approvals'], // 前置审批项
  ['#el-id-4807-79', 'app.remark'], // 小程序备注
  ['#el-id-4807-81', 'app_principal.reuse_subject_principal'], // el-switch: input role=switch in div.el-switch
  ['.upload-letter input[type=file]', 'materials.commitment_letter'], // 互联网信息服务承诺书 (its label for= the seal checkbox)
  ['#el-id-4807-101', 'materials.commitment_letter'], // 已加盖公章
  ['.upload-other input[type=file]', 'materials.uploads'], // 其他附件, el-upload drag
];
// The 主体负责人信息 el-collapse item (label-position left), mounted on first expand.
export const ELEMENTPLUS_COLLAPSE_FIELDS = [
  ['#el-id-4807-41', 'subject_principal.certificate_type'], // 负责人证件类型, el-select
  ['.upload-id-front input[type=file]', 'materials.uploads'], // 证件照片
  ['.upload-id-back input[type=file]', 'materials.uploads'],
  ['#el-id-4807-45', 'subject_principal.name'], // 负责人姓名
  ['#el-id-4807-47', 'subject_principal.certificate_number'], // 负责人证件号码
  ['#el-id-4807-49', 'subject_principal.validity_start'], // 证件有效期: daterange .el-range-input, <div> label
  ['#el-id-4807-50', 'subject_principal.validity_end'],
  ['#el-id-4807-51', 'subject_principal.validity_end'], // 长期
  ['#el-id-4807-53', 'subject_principal.mobile'], // 手机号码
  ['#el-id-4807-57', 'subject_principal.emergency_mobile'], // 应急手机号码
  ['#el-id-4807-59', 'subject_principal.email'], // 电子邮箱, el-autocomplete (role=combobox wrapper)
  ['input[name="el-id-4807-62"][value="1"]', 'subject_principal.is_legal_representative'], // el-radio 是
];
// Rendered when the 复用 el-switch is turned off.
export const ELEMENTPLUS_MANUAL_FIELDS = [
  ['#el-id-4807-83', 'app_principal.certificate_type'], // 证件类型, el-select
  ['#el-id-4807-86', 'app_principal.name'], // 姓名
  ['#el-id-4807-88', 'app_principal.certificate_number'], // 证件号码
  ['#el-id-4807-90', 'app_principal.validity_start'],
  ['#el-id-4807-91', 'app_principal.validity_end'],
  ['#el-id-4807-93', 'app_principal.mobile'],
  ['#el-id-4807-95', 'app_principal.emergency_mobile'], // 应急手机号码
  ['#el-id-4807-97', 'app_principal.email'],
];

// Naive UI 2.x: <label class="n-form-item-label"> without for=, n-select without any input,
// n-checkbox divs without inputs. Cards carry ids; rows are found by position.
export const NAIVE_FIELDS = [
  ['#subject-card .n-form-item:nth-child(1) .n-space > :nth-child(1) .n-base-selection-label', 'subject.province'], // 备案地区: three n-selects
  ['#subject-card .n-form-item:nth-child(1) .n-space > :nth-child(2) .n-base-selection-label', 'subject.city'],
  ['#subject-card .n-form-item:nth-child(1) .n-space > :nth-child(3) .n-base-selection-label', 'subject.district'],
  ['#subject-card input.n-radio-input[value=企业]', 'subject.nature'], // 主办单位性质, n-radio
  ['#subject-card .n-form-item:nth-child(3) .n-base-selection-label', 'subject.certificate_type'], // value only in .n-base-selection-input__content
  ['#subject-card .n-form-item:nth-child(4) .n-upload-file-input', 'materials.uploads'], // 证件照片
  ['#subject-card .n-form-item:nth-child(5) .n-input__input-el', 'subject.name'], // 单位名称
  ['#subject-card .n-form-item:nth-child(6) .n-input__input-el', 'subject.certificate_number'], // 统一社会信用代码
  ['#subject-card .n-form-item:nth-child(7) .n-input__input-el', 'subject.certificate_address'], // 证件住所
  ['#subject-card .n-form-item--no-label .n-input__input-el', 'subject.address'], // no label, placeholder only
  ['#subject-card .n-form-item:nth-child(9) textarea', 'subject.remark'], // 备注
  ['#principal-card .n-grid > :nth-child(1) .n-base-selection-label', 'subject_principal.certificate_type'], // 证件类型 (left-labelled)
  ['#principal-card .n-grid > :nth-child(2) .n-upload:nth-child(1) .n-upload-file-input', 'materials.uploads'], // 身份证照片
  ['#principal-card .n-grid > :nth-child(2) .n-upload:nth-child(2) .n-upload-file-input', 'materials.uploads'],
  ['#principal-card .n-grid > :nth-child(3) .n-input__input-el', 'subject_principal.name'], // 姓名, grid cell 1 of 2
  ['#principal-card .n-grid > :nth-child(4) .n-input__input-el', 'subject_principal.certificate_number'], // 证件号码, grid cell 2 of 2
  ['#principal-card input[placeholder=开始日期]', 'subject_principal.validity_start'], // n-date-picker daterange (pair n-input)
  ['#principal-card input[placeholder=结束日期]', 'subject_principal.validity_end'],
  ['#principal-card .n-grid > :nth-child(5) .n-checkbox', 'subject_principal.validity_end'], // 长期: div role=checkbox
  ['#principal-card .n-grid > :nth-child(6) .n-input__input-el', 'subject_principal.mobile'], // 手机号
  ['#principal-card .n-grid > :nth-child(8) .n-input__input-el', 'subject_principal.emergency_mobile'], // 应急联系方式
  ['#principal-card .n-grid > :nth-child(9) .n-input__input-el', 'subject_principal.email'], // 邮箱
  ['#principal-card input.n-radio-input[value=yes]', 'subject_principal.is_legal_representative'], // 是否法定代表人
  ['#app-card .n-form-item:nth-child(1) .n-input__input-el', 'app.appid'], // readonly, value set through the property
  ['#app-card .n-form-item:nth-child(2) .n-input__input-el', 'app.name'],
  ['#app-card .n-form-item:nth-child(3) .n-checkbox', 'app.service_types'], // 服务内容类型: div role=checkbox, no input
  ['#app-card .n-form-item:nth-child(4) .n-checkbox', 'app.pre_approvals'], // 互联网信息服务前置审批项
  ['#app-card .n-form-item:nth-child(5) textarea', 'app.remark'], // 备注（必填）
  ['#app-principal-card .n-switch', 'app_principal.reuse_subject_principal'], // div role=switch
  ['#materials-card .n-form-item:nth-child(1) .n-upload-file-input', 'materials.commitment_letter'], // 互联网信息服务承诺书
  ['#materials-card .n-form-item:nth-child(1) .n-checkbox', 'materials.commitment_letter'], // 已加盖公章: div role=checkbox
  ['#materials-card .n-form-item:nth-child(2) .n-upload-file-input', 'materials.uploads'], // 其他附件
];
// Rendered after the 复用 n-switch (row 1) when it is turned off.
export const NAIVE_MANUAL_FIELDS = [
  ['#app-principal-card .n-form-item:nth-child(2) .n-base-selection-label', 'app_principal.certificate_type'], // 证件类型, n-select
  ['#app-principal-card .n-form-item:nth-child(3) .n-input__input-el', 'app_principal.name'], // 姓名
  ['#app-principal-card .n-form-item:nth-child(4) .n-input__input-el', 'app_principal.certificate_number'], // 证件号码
  ['#app-principal-card input[placeholder=开始日期]', 'app_principal.validity_start'],
  ['#app-principal-card input[placeholder=结束日期]', 'app_principal.validity_end'],
  ['#app-principal-card .n-form-item:nth-child(6) .n-input__input-el', 'app_principal.mobile'], // 手机号
  ['#app-principal-card .n-form-item:nth-child(7) .n-input__input-el', 'app_principal.emergency_mobile'], // 应急联系方式
  ['#app-principal-card .n-form-item:nth-child(8) .n-input__input-el', 'app_principal.email'], // 邮箱
];

// Vant 4 mobile H5: van-field rows (label for= the input), readonly picker fields, role=checkbox /
// role=radio divs without inputs, van-cell-group titles as section headings.
export const VANT_FIELDS = [
  ['input[name=province]', 'subject.province'], // 所在省份: readonly picker field, value through the property
  ['input[name=city]', 'subject.city'], // 所在城市
  ['input[name=district]', 'subject.district'], // 所在区县
  ['#g-subject .van-radio:nth-child(1)', 'subject.nature'], // 主办者性质: div role=radio, no input
  ['input[name=certType]', 'subject.certificate_type'], // 证件类型, readonly picker field
  ['#g-subject .van-uploader input', 'materials.uploads'], // 证件照片
  ['input[name=orgName]', 'subject.name'], // 单位名称
  ['input[name=certNo]', 'subject.certificate_number'], // 证件号码
  ['input[name=orgRegAddress]', 'subject.certificate_address'], // 证件住所
  ['input[name=address]', 'subject.address'], // 通讯地址
  ['textarea[name=remark]', 'subject.remark'], // 备注
  ['input[name=spCertType]', 'subject_principal.certificate_type'], // section = the .van-cell-group__title sibling
  ['#g-principal .van-uploader:nth-child(1) input', 'materials.uploads'], // 身份证照片 人像面
  ['#g-principal .van-uploader:nth-child(2) input', 'materials.uploads'], // 国徽面
  ['input[name=spName]', 'subject_principal.name'], // 姓名
  ['input[name=spNumber]', 'subject_principal.certificate_number'], // 证件号码
  ['input[name=spFrom]', 'subject_principal.validity_start'], // 有效期起: readonly date picker
  ['input[name=spTo]', 'subject_principal.validity_end'], // 有效期止
  ['#g-principal > .van-cell:nth-child(7) .van-checkbox', 'subject_principal.validity_end'], // van-cell 证件长期有效 + role=checkbox
  ['input[name=spMobile]', 'subject_principal.mobile'], // 手机号码, type=tel
  ['input[name=spEmergency]', 'subject_principal.emergency_mobile'], // 应急手机号
  ['input[name=spEmail]', 'subject_principal.email'], // 电子邮箱
  ['#g-principal .van-radio:nth-child(1)', 'subject_principal.is_legal_representative'], // 是否法定代表人: role=radio
  ['input[name=appid]', 'app.appid'],
  ['input[name=appName]', 'app.name'],
  ['#g-app > .van-cell:nth-child(3) .van-checkbox', 'app.service_types'], // 服务内容类型: role=checkbox, no input
  ['#g-app > .van-cell:nth-child(4) .van-checkbox', 'app.pre_approvals'], // 前置审批项
  ['textarea[name=appRemark]', 'app.remark'], // 备注
  ['#g-app-principal .van-switch', 'app_principal.reuse_subject_principal'], // van-cell 复用主体负责人信息 + role=switch
  ['#g-materials > .van-cell:nth-child(1) .van-uploader input', 'materials.commitment_letter'], // label-top 互联网信息服务承诺书
  ['#g-materials > .van-cell:nth-child(1) .van-checkbox', 'materials.commitment_letter'], // 已加盖公章: role=checkbox
  ['#g-materials > .van-cell:nth-child(2) .van-uploader input', 'materials.uploads'], // 其他附件
];
// Rendered after the van-switch cell when it is turned off.
export const VANT_MANUAL_FIELDS = [
  ['input[name=apCertType]', 'app_principal.certificate_type'], // readonly picker field
  ['input[name=apName]', 'app_principal.name'],
  ['input[name=apNumber]', 'app_principal.certificate_number'],
  ['input[name=apFrom]', 'app_principal.validity_start'],
  ['input[name=apTo]', 'app_principal.validity_end'],
  ['input[name=apMobile]', 'app_principal.mobile'],
  ['input[name=apEmergency]', 'app_principal.emergency_mobile'],
  ['input[name=apEmail]', 'app_principal.email'],
];

// Round 6 re-skins, written without looking at the discovery code (tests/e2e/variants-round6.test.mjs).

// Arco Design React (arco-form-item rows; label for="<field>_input" only on items with a field;
// arco-select whose choice is span.arco-select-view-value) + a Tailwind / Headless UI 主体负责人 block.
export const ARCO_FIELDS = [
  ['#card-subject .arco-space-item:nth-child(1) .arco-select-view-input', 'subject.province'], // EMPTY input (arco-select-hidden once chosen); choice in the span
  ['#card-subject .arco-space-item:nth-child(2) .arco-select-view-input', 'subject.city'],
  ['#card-subject .arco-space-item:nth-child(3) .arco-select-view-input', 'subject.district'],
  ['#nature_input input[value=企业]', 'subject.nature'], // arco-radio-button, input opacity 0, no name; label for= the radiogroup div
  ['#certType_input .arco-select-view-value', 'subject.certificate_type'], // arco-select WITHOUT input, label for= the select div
  ['#certNo_input', 'subject.certificate_number'], // 主办单位证件号码, for= + id
  ['#orgName_input', 'subject.name'], // 主办单位名称
  ['input[name=orgRegAddress]', 'subject.certificate_address'], // 证件住所, label without for
  ['.upload-licence input[type=file]', 'materials.uploads'], // 营业执照, display:none
  ['#address_input', 'subject.address'], // 通讯地址
  ['#remark_input', 'subject.remark'], // 备注, word-limit textarea
  ['[id="headlessui-listbox-button-:r2:"] > span.block', 'subject_principal.certificate_type'], // <p> label, button aria-haspopup=listbox
  ['#file-upload-front', 'materials.uploads'], // 证件照片, sr-only input in a <label for>
  ['#file-upload-back', 'materials.uploads'],
  ['input[name=spName]', 'subject_principal.name'], // aria-labelledby → <span>负责人姓名
  ['input[name=spNumber]', 'subject_principal.certificate_number'], // aria-labelledby → <p>证件号
  ['input[name=spFrom]', 'subject_principal.validity_start'], // aria-labelledby "证件有效期" + sr-only 开始日期
  ['input[name=spTo]', 'subject_principal.validity_end'],
  ['[id="headlessui-switch-:r4:"]', 'subject_principal.validity_end'], // Headless UI Switch 长期有效
  ['input[name=spMobile]', 'subject_principal.mobile'], // 手机号码 + its own aria-describedby
  ['input[name=spEmergency]', 'subject_principal.emergency_mobile'], // <p>应急联系人手机号
  ['input[name=spEmail]', 'subject_principal.email'], // 电子邮箱
  ['[id="headlessui-radiogroup-option-:r7:"]', 'subject_principal.is_legal_representative'], // RadioGroup div[role=radio]
  ['#appid_input', 'app.appid'], // readonly, value set through the property
  ['#appName_input', 'app.name'],
  ['#serviceTypes_input input[value=工具-记账]', 'app.service_types'], // 服务内容类型, label for= the group div
  ['#item-pre input[value=新闻]', 'app.pre_approvals'], // 前置审批项
  ['#appRemark_input', 'app.remark'], // 备注
  ['#reuse_input', 'app_principal.reuse_subject_principal'], // arco-switch button role=switch
  ['.upload-letter input[type=file]', 'materials.commitment_letter'], // 互联网信息服务承诺书
  ['#sealed input', 'materials.commitment_letter'], // 已加盖公章
  ['.upload-other input[type=file]', 'materials.uploads'], // 其他附件
];
// Rendered after the 复用 switch's item when it is turned off.
export const ARCO_MANUAL_FIELDS = [
  ['#apCertType_input .arco-select-view-input', 'app_principal.certificate_type'], // EMPTY hidden input, choice in the span
  ['#apName_input', 'app_principal.name'], // 姓名
  ['#apNumber_input', 'app_principal.certificate_number'], // 证件号码
  ['#apValidity_input input[placeholder=开始日期]', 'app_principal.validity_start'], // arco RangePicker
  ['#apValidity_input input[placeholder=结束日期]', 'app_principal.validity_end'],
  ['#apMobile_input', 'app_principal.mobile'], // 手机号码
  ['#apEmergency_input', 'app_principal.emergency_mobile'], // 应急手机号码
  ['#apEmail_input', 'app_principal.email'], // 邮箱
];

// WeUI 2.x mobile H5: weui-cells rows, native selects, weui-check__label lists under a
// weui-cells__title, a weui-switch, and a floating-label 主体负责人 block (label after the input).
export const WEUI_FIELDS = [
  ['select[name=province]', 'subject.province'], // 所在省份, <label for="">
  ['select[name=city]', 'subject.city'], // 所在城市
  ['select[name=district]', 'subject.district'], // 所在区县
  ['select[name=nature]', 'subject.nature'], // 主办者性质 as a select
  ['select[name=certType]', 'subject.certificate_type'],
  ['#orgName', 'subject.name'], // <label class="weui-cell" for> around the row: 单位名称
  ['#certNo', 'subject.certificate_number'], // 证件号码
  ['input[name=orgRegAddress]', 'subject.certificate_address'], // 证件住所
  ['input[name=address]', 'subject.address'], // 通讯地址
  ['input[name=licence]', 'materials.uploads'], // weui-uploader 营业执照
  ['textarea[name=remark]', 'subject.remark'], // weui-cells__title 备注（选填） above its own weui-cells
  ['select[name=spCertType]', 'subject_principal.certificate_type'],
  ['input[name=spFront]', 'materials.uploads'], // 身份证照片
  ['input[name=spBack]', 'materials.uploads'],
  ['input[name=spName]', 'subject_principal.name'], // floating label 负责人姓名 after the input
  ['input[name=spNumber]', 'subject_principal.certificate_number'], // floating label 证件号码, for=
  ['input[name=spFrom]', 'subject_principal.validity_start'], // floating 有效期开始日期
  ['input[name=spTo]', 'subject_principal.validity_end'], // floating 有效期截止日期
  ['#spLong', 'subject_principal.validity_end'], // weui-check__label 证件长期有效
  ['input[name=spMobile]', 'subject_principal.mobile'], // floating 联系电话 + helper text
  ['input[name=spEmergency]', 'subject_principal.emergency_mobile'], // floating 应急联系电话
  ['input[name=spEmail]', 'subject_principal.email'], // floating 电子邮箱
  ['input[name=appid]', 'app.appid'],
  ['input[name=appName]', 'app.name'],
  ['#svc1', 'app.service_types'], // weui-cells_checkbox under 服务内容类型（最多选择5项）
  ['#pre1', 'app.pre_approvals'], // under 前置审批项
  ['textarea[name=appRemark]', 'app.remark'], // under 备注
  ['input[name=apReuse]', 'app_principal.reuse_subject_principal'], // weui-switch, row text 复用主体负责人信息
  ['input[name=letter]', 'materials.commitment_letter'], // uploader 互联网信息服务承诺书
  ['#sealed', 'materials.commitment_letter'], // 承诺书已加盖公章
  ['input[name=other]', 'materials.uploads'], // 其他附件
];
// Created after the switch row when it is turned off.
export const WEUI_MANUAL_FIELDS = [
  ['select[name=apCertType]', 'app_principal.certificate_type'],
  ['input[name=apName]', 'app_principal.name'], // 姓名
  ['input[name=apNumber]', 'app_principal.certificate_number'], // 身份证号
  ['input[name=apFrom]', 'app_principal.validity_start'], // 有效期开始, type=date
  ['input[name=apTo]', 'app_principal.validity_end'], // 有效期结束, type=date
  ['input[name=apMobile]', 'app_principal.mobile'], // 手机号码, type=number
  ['input[name=apEmergency]', 'app_principal.emergency_mobile'], // 应急手机号, type=number
  ['input[name=apEmail]', 'app_principal.email'], // 邮箱
];

// Semi Design: semi-form-field rows (label for= the field id), noLabel rows named by their
// placeholder only, div.semi-select[role=combobox] without input, span.semi-checkbox[role=checkbox]
// without input, a dateRange picker.
export const SEMI_FIELDS = [
  ['#province .semi-select-selection-text', 'subject.province'], // Form.InputGroup 备案地区
  ['#city .semi-select-selection-text', 'subject.city'],
  ['#district .semi-select-selection-text', 'subject.district'],
  ['input.semi-radio-input[value=企业]', 'subject.nature'], // 主办单位性质
  ['#certType .semi-select-selection-text', 'subject.certificate_type'], // 证件类型
  ['#certNo', 'subject.certificate_number'], // 统一社会信用代码
  ['#orgName', 'subject.name'], // 企业名称
  ['#orgRegAddress', 'subject.certificate_address'], // noLabel: 请输入证件住所（与营业执照一致）
  ['#address', 'subject.address'], // noLabel: 请输入通讯地址（无需重复填写省市区）
  ['#licence input[type=file]', 'materials.uploads'], // 营业执照扫描件
  ['#remark', 'subject.remark'], // 备注（选填）
  ['#spCertType .semi-select-selection-text', 'subject_principal.certificate_type'],
  ['#spName', 'subject_principal.name'], // 负责人姓名
  ['#spNumber', 'subject_principal.certificate_number'], // 证件号
  ['#spValidity input[placeholder=开始日期]', 'subject_principal.validity_start'], // dateRange
  ['#spValidity input[placeholder=结束日期]', 'subject_principal.validity_end'],
  ['#spLong .semi-checkbox-inner', 'subject_principal.validity_end'], // 长期: span role=checkbox, no input
  ['#spMobile', 'subject_principal.mobile'], // noLabel: 请输入主体负责人手机号码
  ['#spEmergency', 'subject_principal.emergency_mobile'], // noLabel: 请输入应急联系人手机号码
  ['#spEmail', 'subject_principal.email'], // noLabel: 请输入主体负责人电子邮箱
  ['#appid', 'app.appid'], // value set through the property
  ['#appName', 'app.name'],
  ['#serviceTypes .semi-checkbox:nth-child(1) .semi-checkbox-inner', 'app.service_types'], // 服务内容: role=checkbox spans
  ['#preApprovals .pre-item:nth-child(1) .semi-checkbox-inner', 'app.pre_approvals'], // 互联网信息服务前置审批
  ['#appRemark', 'app.remark'], // 小程序备注
  ['#letter input[type=file]', 'materials.commitment_letter'], // 互联网信息服务承诺书
  ['#sealed .semi-checkbox-inner', 'materials.commitment_letter'], // 已加盖公章: role=checkbox span
  ['#other input[type=file]', 'materials.uploads'], // 其他附件
];
// The 小程序负责人信息 section, inserted 1.5 s after load before 上传其他信息材料.
export const SEMI_LATE_FIELDS = [
  ['#apReuse input', 'app_principal.reuse_subject_principal'], // div.semi-switch[role=switch] + native input
];
// Rendered when its switch is turned off.
export const SEMI_MANUAL_FIELDS = [
  ['#apCertType .semi-select-selection-text', 'app_principal.certificate_type'],
  ['#apName', 'app_principal.name'], // 姓名
  ['#apNumber', 'app_principal.certificate_number'], // 身份证号码
  ['#apValidity input[placeholder=开始日期]', 'app_principal.validity_start'], // 有效期, dateRange
  ['#apValidity input[placeholder=结束日期]', 'app_principal.validity_end'],
  ['#apMobile', 'app_principal.mobile'], // noLabel: 请输入小程序负责人手机号码
  ['#apEmergency', 'app_principal.emergency_mobile'], // noLabel: 请输入小程序负责人应急联系手机号码
  ['#apEmail', 'app_principal.email'], // 邮箱
];

// Round 7 re-skins, written without looking at the discovery code (tests/e2e/variants-round7.test.mjs).

// uni-app H5 build: uni-view.form-item rows with a uni-text label before the control; uni-input's
// inner input has no name and no placeholder attribute (the placeholder is a div); uni-picker shows
// the choice in a uni-view; uni-checkbox / uni-radio / uni-switch are divs with classes only.
// Uploads are tiles without a file input (uni.chooseImage creates it on demand): no pair.
export const UNIAPP_FIELDS = [
  ['#pkProvince .picker-text', 'subject.province'], // 所在地区: three uni-pickers in one row
  ['#pkCity .picker-text', 'subject.city'],
  ['#pkDistrict .picker-text', 'subject.district'],
  ['#nature uni-label:nth-child(1) uni-radio', 'subject.nature'], // 主办者性质: uni-radio-group, no input
  ['#pkCertType .picker-text', 'subject.certificate_type'], // 证件类型: uni-picker
  ['#orgName input', 'subject.name'], // 单位名称
  ['#certNo input', 'subject.certificate_number'], // 证件号码
  ['#orgRegAddress input', 'subject.certificate_address'], // 证件住所
  ['#address input', 'subject.address'], // 通讯地址
  ['#remark textarea', 'subject.remark'], // 备注 (uni-textarea)
  ['#pkSpCertType .picker-text', 'subject_principal.certificate_type'],
  ['#spName input', 'subject_principal.name'], // 姓名
  ['#spNumber input', 'subject_principal.certificate_number'], // 证件号
  ['#spFrom input', 'subject_principal.validity_start'], // 证件有效期, placeholder div 开始日期
  ['#spTo input', 'subject_principal.validity_end'], // placeholder div 结束日期
  ['#spLong uni-checkbox', 'subject_principal.validity_end'], // 长期: uni-checkbox without input
  ['#spMobile input', 'subject_principal.mobile'], // 手机号码, type=number
  ['#spEmergency input', 'subject_principal.emergency_mobile'], // 应急联系人手机
  ['#spEmail input', 'subject_principal.email'], // 电子邮箱
  ['#spLegal uni-label:nth-child(1) uni-radio', 'subject_principal.is_legal_representative'], // 是否法定代表人
  ['#appid input', 'app.appid'], // disabled
  ['#appName input', 'app.name'],
  ['#svc uni-label:nth-child(1) uni-checkbox', 'app.service_types'], // 服务内容: uni-checkbox-group
  ['#pre .pre-item:nth-child(1) uni-checkbox', 'app.pre_approvals'], // 前置审批, 审批号 uni-input per item
  ['#appRemark textarea', 'app.remark'], // 备注
  ['#apReuse .uni-switch-input', 'app_principal.reuse_subject_principal'], // uni-switch 复用主体负责人信息
  ['#sealed uni-checkbox', 'materials.commitment_letter'], // 互联网信息服务承诺书 row: 已加盖公章
];
// Rendered into #apManual when the uni-switch is turned off.
export const UNIAPP_MANUAL_FIELDS = [
  ['#pkApCertType .picker-text', 'app_principal.certificate_type'],
  ['#apName input', 'app_principal.name'],
  ['#apNumber input', 'app_principal.certificate_number'],
  ['#apFrom input', 'app_principal.validity_start'],
  ['#apTo input', 'app_principal.validity_end'],
  ['#apLong uni-checkbox', 'app_principal.validity_end'],
  ['#apMobile input', 'app_principal.mobile'],
  ['#apEmergency input', 'app_principal.emergency_mobile'],
  ['#apEmail input', 'app_principal.email'],
];

// Ant Design 5 (React): step 1 of an ant-steps wizard (主办单位信息 + 主体负责人信息 cards).
export const ANTD5_FIELDS = [
  ['#beian_province', 'subject.province'], // ant-select: readonly empty role=combobox input; label for= it: 主办单位所在地
  ['#beian_city', 'subject.city'], // placeholder span 市
  ['#beian_district', 'subject.district'], // placeholder span 区/县
  ['#beian_nature input[value=企业]', 'subject.nature'], // 主办单位性质: ant-radio-button-wrapper
  ['#beian_certType', 'subject.certificate_type'], // choice in span.ant-select-selection-item[title]
  ['#beian_certNo', 'subject.certificate_number'], // 证件号码 + ant-form-item-extra
  ['#beian_orgName', 'subject.name'], // 主办单位名称
  ['#beian_orgRegAddress', 'subject.certificate_address'], // 证件住所
  ['#beian_address', 'subject.address'], // 通讯地址
  ['#beian_licence input[type=file]', 'materials.uploads'], // ant-upload, hidden input
  ['#beian_remark', 'subject.remark'], // 备注, show-count textarea
  ['#beian_spCertType', 'subject_principal.certificate_type'], // 负责人证件类型
  ['#beian_spFront input[type=file]', 'materials.uploads'], // 身份证照片
  ['#beian_spBack input[type=file]', 'materials.uploads'],
  ['#beian_spName', 'subject_principal.name'], // 负责人姓名
  ['#beian_spNumber', 'subject_principal.certificate_number'], // 负责人证件号码
  ['#beian_spValidity', 'subject_principal.validity_start'], // ant-picker-range start, placeholder 开始日期
  ['#beian_spValidity_range input[date-range=end]', 'subject_principal.validity_end'], // 结束日期
  ['#spLong input', 'subject_principal.validity_end'], // ant-checkbox 长期
  ['#beian_spMobile', 'subject_principal.mobile'], // 联系电话
  ['#beian_spEmergency', 'subject_principal.emergency_mobile'], // 应急联系电话
  ['#beian_spEmail', 'subject_principal.email'], // 电子邮箱
  ['#beian_spLegal input[value=true]', 'subject_principal.is_legal_representative'], // 是否法定代表人
];
// Step 2, mounted by 下一步.
export const ANTD5_STEP2_FIELDS = [
  ['#beian_appid', 'app.appid'], // disabled
  ['#beian_appName', 'app.name'],
  ['#beian_serviceTypes input[value=工具-记账]', 'app.service_types'], // 服务内容类型, Checkbox.Group
  ['#beian_preApprovals input[value=新闻]', 'app.pre_approvals'], // 前置审批项
  ['#beian_appRemark', 'app.remark'], // 小程序备注
  ['#beian_reuse', 'app_principal.reuse_subject_principal'], // ant-switch 复用主体负责人
  ['#beian_letter input[type=file]', 'materials.commitment_letter'], // 互联网信息服务承诺书
  ['#sealed input', 'materials.commitment_letter'], // 已加盖公章
  ['#beian_other input[type=file]', 'materials.uploads'], // 其他附件
];
// The first Form.List entry, added by + 添加小程序负责人 once the switch is off.
export const ANTD5_MANUAL_FIELDS = [
  ['#beian_appPrincipals_0_certType', 'app_principal.certificate_type'], // 证件类型 ant-select
  ['#beian_appPrincipals_0_name', 'app_principal.name'], // 姓名
  ['#beian_appPrincipals_0_number', 'app_principal.certificate_number'], // 证件号
  ['#beian_appPrincipals_0_validity', 'app_principal.validity_start'], // 有效期 range start
  ['#beian_appPrincipals_0_validity_range input[date-range=end]', 'app_principal.validity_end'],
  ['#beian_appPrincipals_0_mobile', 'app_principal.mobile'], // 手机号
  ['#beian_appPrincipals_0_emergency', 'app_principal.emergency_mobile'], // 应急手机号
  ['#beian_appPrincipals_0_email', 'app_principal.email'], // 邮箱
];

// Legacy server-rendered page: fieldset/legend, <p><span class=lbl>…：</span><br><input>, <b> in <td>.
export const LEGACY_FIELDS = [
  ['select[name=province]', 'subject.province'], // 所在省份 row holds three selects
  ['select[name=city]', 'subject.city'],
  ['select[name=county]', 'subject.district'],
  ['input[name=dwxz][value=企业]', 'subject.nature'], // bare text after each radio
  ['select[name=zjlx]', 'subject.certificate_type'],
  ['input[name=zjhm]', 'subject.certificate_number'], // 证件号码
  ['input[name=dwmc]', 'subject.name'], // 主办单位名称
  ['input[name=zjzs]', 'subject.certificate_address'], // <td><b>证件住所</b><br>
  ['input[name=txdz]', 'subject.address'], // <td><b>通信地址</b><br>
  ['input[name=yyzzFile]', 'materials.uploads'], // 营业执照扫描件
  ['textarea[name=ztbz]', 'subject.remark'],
  ['input[name=fzrxm]', 'subject_principal.name'],
  ['select[name=fzrzjlx]', 'subject_principal.certificate_type'],
  ['input[name=fzrzjhm]', 'subject_principal.certificate_number'], // 证件号
  ['input[name=yxqq]', 'subject_principal.validity_start'], // title only: 证件有效期开始日期
  ['input[name=yxqz]', 'subject_principal.validity_end'], // title only: 证件有效期截止日期
  ['input[type=checkbox][name=yxqcq]', 'subject_principal.validity_end'], // checkbox + text node 长期
  ['input[name=sfzzm]', 'materials.uploads'], // 身份证正面
  ['input[name=sfzfm]', 'materials.uploads'], // 身份证反面
  ['input[name=fzrsj]', 'subject_principal.mobile'], // <b>联系电话
  ['input[name=yjsj]', 'subject_principal.emergency_mobile'], // <b>应急联系人手机
  ['input[name=fzryx]', 'subject_principal.email'], // <b>电子邮件
  ['input[name=sffr][value="1"]', 'subject_principal.is_legal_representative'],
  ['input[name=appid]', 'app.appid'],
  ['input[name=xcxmc]', 'app.name'],
  ['input[name=fwnr][value=工具-记账]', 'app.service_types'], // 服务内容, checkboxes + text + <br>
  ['input[name=qzsp][value=新闻]', 'app.pre_approvals'], // 前置审批
  ['textarea[name=xcxbz]', 'app.remark'], // 小程序备注
  ['input[name=wzfzrly][value="2"]', 'app_principal.reuse_subject_principal'], // 复用主体负责人信息 / 手动填写 radios
  ['input[name=cnsFile]', 'materials.commitment_letter'],
  ['input[name=cnsgz]', 'materials.commitment_letter'], // 已加盖公章
  ['input[name=qtfj]', 'materials.uploads'],
];
// The display:none block shown by 手动填写.
export const LEGACY_MANUAL_FIELDS = [
  ['input[name=wzfzrxm]', 'app_principal.name'],
  ['select[name=wzfzrzjlx]', 'app_principal.certificate_type'],
  ['input[name=wzfzrzjhm]', 'app_principal.certificate_number'], // 身份证号码
  ['input[name=wzyxqq]', 'app_principal.validity_start'], // 有效期 … 至 …
  ['input[name=wzyxqz]', 'app_principal.validity_end'],
  ['input[type=checkbox][name=wzyxqcq]', 'app_principal.validity_end'],
  ['input[name=wzfzrsj]', 'app_principal.mobile'], // <b>手机号码
  ['input[name=wzyjsj]', 'app_principal.emergency_mobile'], // <b>应急电话
  ['input[name=wzfzryx]', 'app_principal.email'], // <b>邮箱
];

// The official weui-desktop form re-wrapped (tests/e2e/variants-weuidesk.test.mjs), written blind.

/** A person's rows in form-variant-weuidesk-a (prefix sp / ap), inputs named `${prefix}Xxx`. */
const weuideskPerson = (p, person) => [
  [`.weui-desktop-form__dropdown[data-name=${p}CertType]`, `${person}.certificate_type`], // label-top 证件类型
  [`input[name=${p}Front]`, 'materials.uploads'], // 上传证件 + help paragraph
  [`input[name=${p}Back]`, 'materials.uploads'],
  [`input[name=${p}Name]`, `${person}.name`], // <strong>负责人姓名, 4 wrapper levels
  [`input[name=${p}Number]`, `${person}.certificate_number`], // 证件号码 + help icon + help paragraph
  [`input[name=${p}From]`, `${person}.validity_start`], // 证件有效期: two date inputs
  [`input[name=${p}To]`, `${person}.validity_end`],
  [`input[name=${p}Long]`, `${person}.validity_end`], // 长期 in a weui-desktop-form__check-label
  [`input[name=${p}Mobile]`, `${person}.mobile`], // 手机号 + long help paragraph
  [`input[name=${p}Emergency]`, `${person}.emergency_mobile`], // <h4>应急手机号 + help paragraph naming 手机号码
  [`input[name=${p}Email]`, `${person}.email`], // 电子邮箱 + help icon
];

// A: div.weui-desktop-form__item rows; 主办单位/小程序/材料 label-left, the person sections label-top;
// labels in <label>, <h4> or <strong>; help paragraphs between label and control.
export const WEUIDESK_A_FIELDS = [
  ['.weui-desktop-form__dropdown[data-name=province]', 'subject.province'], // 选择地区
  ['.weui-desktop-form__dropdown[data-name=city]', 'subject.city'],
  ['.weui-desktop-form__dropdown[data-name=district]', 'subject.district'],
  ['input[name=nature][value=企业]', 'subject.nature'], // <h4>主办者性质
  ['.weui-desktop-form__dropdown[data-name=certType]', 'subject.certificate_type'], // <strong>证件类型
  ['input[name=licence]', 'materials.uploads'], // 上传证件
  ['input[name=orgName]', 'subject.name'], // 企业名称 + help icon
  ['input[name=orgRegAddress]', 'subject.certificate_address'], // 证件住所 + help paragraph
  ['input[name=orgNo]', 'subject.certificate_number'], // 统一社会信用代码 + help paragraph naming 工商注册号
  ['input[name=address]', 'subject.address'], // 通讯地址 + help paragraph
  ['textarea[name=remark]', 'subject.remark'], // 备注（选填）
  ...weuideskPerson('sp', 'subject_principal'),
  ['input[name=spLegal][value=yes]', 'subject_principal.is_legal_representative'],
  ['input[name=appid]', 'app.appid'],
  ['input[name=appName]', 'app.name'],
  ['#svcTags .weui-desktop-tag:nth-child(1)', 'app.service_types'], // <h4>服务内容标识: span chips, no input, no aria
  ['input[name=pre][value=新闻]', 'app.pre_approvals'], // weui-desktop checkboxes + 审批号 inputs
  ['textarea[name=appRemark]', 'app.remark'], // 备注（必填） + help paragraph
  ['input[name=apSource][value=manual]', 'app_principal.reuse_subject_principal'], // <strong>信息来源
  ['input[name=letter]', 'materials.commitment_letter'], // 互联网信息服务承诺书
  ['input[name=sealed]', 'materials.commitment_letter'], // 已加盖公章
  ['input[name=other]', 'materials.uploads'], // 其他附件
];
// Rendered (innerHTML) when 手动填写 is chosen: the same label-top rows.
export const WEUIDESK_A_MANUAL_FIELDS = weuideskPerson('ap', 'app_principal');

// B: the original control-group rows, but the 主体负责人 rows have no label, only a placeholder.
export const WEUIDESK_B_FIELDS = [
  ['.weui-desktop-form__dropdown[data-name=province]', 'subject.province'],
  ['.weui-desktop-form__dropdown[data-name=city]', 'subject.city'],
  ['.weui-desktop-form__dropdown[data-name=district]', 'subject.district'],
  ['input[name=nature][value=企业]', 'subject.nature'],
  ['.weui-desktop-form__dropdown[data-name=certType]', 'subject.certificate_type'],
  ['input[name=licence]', 'materials.uploads'],
  ['input[name=orgName]', 'subject.name'],
  ['input[name=orgRegAddress]', 'subject.certificate_address'],
  ['input[name=orgNo]', 'subject.certificate_number'],
  ['input[name=address]', 'subject.address'], // placeholder only
  ['textarea[name=remark]', 'subject.remark'],
  ['.weui-desktop-form__dropdown[data-name=spCertType]', 'subject_principal.certificate_type'],
  ['input[name=spFront]', 'materials.uploads'],
  ['input[name=spBack]', 'materials.uploads'],
  ['input[name=spName]', 'subject_principal.name'], // 请输入主体负责人姓名
  ['input[name=spNumber]', 'subject_principal.certificate_number'], // 请输入证件号码
  ['input[name=spFrom]', 'subject_principal.validity_start'], // 请输入证件有效期开始日期
  ['input[name=spTo]', 'subject_principal.validity_end'], // 请输入证件有效期结束日期
  ['input[name=spLong]', 'subject_principal.validity_end'], // 长期
  ['input[name=spMobile]', 'subject_principal.mobile'], // 请输入手机号码
  ['input[name=spEmergency]', 'subject_principal.emergency_mobile'], // 请输入应急联系人手机号码
  ['input[name=spEmail]', 'subject_principal.email'], // 请输入电子邮箱
  ['input[name=spLegal][value=yes]', 'subject_principal.is_legal_representative'],
  ['input[name=letter]', 'materials.commitment_letter'],
  ['input[name=sealed]', 'materials.commitment_letter'],
  ['input[name=other]', 'materials.uploads'],
];
// The 小程序信息 + 小程序负责人信息 route, rendered 1.5 s after load (pushState + innerHTML).
export const WEUIDESK_B_LATE_FIELDS = [
  ['input[name=appid]', 'app.appid'],
  ['input[name=appName]', 'app.name'],
  ['input[name=svc][value=工具-记账]', 'app.service_types'],
  ['input[name=pre][value=新闻]', 'app.pre_approvals'],
  ['textarea[name=appRemark]', 'app.remark'],
  ['input[name=apSource][value=manual]', 'app_principal.reuse_subject_principal'], // weui-desktop radios
];
// Rendered when 手动填写 is chosen.
export const WEUIDESK_B_MANUAL_FIELDS = [
  ['.weui-desktop-form__dropdown[data-name=apCertType]', 'app_principal.certificate_type'],
  ['input[name=apFront]', 'materials.uploads'],
  ['input[name=apBack]', 'materials.uploads'],
  ['input[name=apName]', 'app_principal.name'], // 负责人名称
  ['input[name=apNumber]', 'app_principal.certificate_number'],
  ['input[name=apFrom]', 'app_principal.validity_start'],
  ['input[name=apTo]', 'app_principal.validity_end'],
  ['input[name=apLong]', 'app_principal.validity_end'],
  ['input[name=apMobile]', 'app_principal.mobile'],
  ['input[name=apEmergency]', 'app_principal.emergency_mobile'],
  ['input[name=apEmail]', 'app_principal.email'],
];

/** Variants whose fields are all on the page without clicking (the wizard needs clicks). */
export const VARIANT_DISCOVERY = [
  { route: '/wxamp/beian/variant-table', fields: TABLE_FIELDS },
  { route: '/wxamp/beian/variant-element', fields: ELEMENT_FIELDS },
  { route: '/wxamp/beian/variant-dl', fields: [...DL_FIELDS, ...DL_LATE_FIELDS] },
  { route: '/wxamp/beian/variant-aria', fields: ARIA_FIELDS },
  { route: '/wxamp/beian/variant-grid', fields: [...GRID_FIELDS, ...GRID_LATE_FIELDS] },
  { route: '/wxamp/beian/variant-iview', fields: [...IVIEW_FIELDS, ...IVIEW_RIGHT_FIELDS] },
  { route: '/wxamp/beian/variant-tdesign', fields: [...TDESIGN_FIELDS, ...TDESIGN_LATE_FIELDS] },
  { route: '/wxamp/beian/variant-bootstrap', fields: BOOTSTRAP_FIELDS },
  { route: '/wxamp/beian/variant-columns', fields: [...COLUMNS_FIELDS, ...COLUMNS_LATE_FIELDS] },
  { route: '/wxamp/beian/variant-implicit', fields: IMPLICIT_FIELDS },
  { route: '/wxamp/beian/variant-naive', fields: NAIVE_FIELDS },
  { route: '/wxamp/beian/variant-vant', fields: VANT_FIELDS },
  { route: '/wxamp/beian/variant-arco', fields: ARCO_FIELDS },
  { route: '/wxamp/beian/variant-weui', fields: WEUI_FIELDS },
  { route: '/wxamp/beian/variant-uniapp', fields: UNIAPP_FIELDS },
  { route: '/wxamp/beian/variant-legacy', fields: LEGACY_FIELDS },
];
