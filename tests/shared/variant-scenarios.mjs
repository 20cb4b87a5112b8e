// The form variants with other markup (fixtures tests/fixtures/form-variant-*.html): which control
// must carry which data-beian-field path. Used by the Chromium suite (tests/e2e/variants.test.mjs,
// which also types mistakes into each) and the Firefox suite (tests/firefox/variants.test.mjs).

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

/** Variants whose fields are all on the page without clicking (the wizard needs clicks). */
export const VARIANT_DISCOVERY = [
  { route: '/wxamp/beian/variant-table', fields: TABLE_FIELDS },
  { route: '/wxamp/beian/variant-element', fields: ELEMENT_FIELDS },
  { route: '/wxamp/beian/variant-dl', fields: [...DL_FIELDS, ...DL_LATE_FIELDS] },
  { route: '/wxamp/beian/variant-aria', fields: ARIA_FIELDS },
];
