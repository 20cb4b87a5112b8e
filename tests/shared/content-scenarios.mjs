// What the content script must do on the fixture forms, as data shared by the Chromium suite
// (tests/e2e/content*.test.mjs, Playwright) and the Firefox suite (tests/firefox/content.test.mjs,
// Selenium): the same mistakes typed into the same fields must give the same hints in every browser.
//
// A scenario opens `route` (served from tests/fixtures/ by each harness, see CONTENT_ROUTES) and
// runs its steps in order. A step acts on the element carrying data-beian-field="<field>"
// (contracts.md §6) and then waits until the hints linked from that field's aria-describedby
// include every rule id of `present` and none of `absent`:
//   { field, type: 'text' }                      replace the field's value by typing `text`
//   { field, check: 'selector' } / uncheck       tick / untick the checkbox matching `selector`
//                                                inside the field (`nth` picks one of several)
// `severity` (rule → error|warning|info) and `invalid` (aria-invalid="true" expected or not) are
// checked after the wait when given.

/** URL path → fixture (or route object) — the same map both harnesses serve. */
export const CONTENT_ROUTES = {
  '/wxamp/beian/enterprise': 'form-enterprise.html',
  '/wxamp/beian/personal': 'form-personal.html',
  '/wxamp/beian/delayed': 'form-delayed.html',
  '/s/article': 'other-article.html',
  '/wxamp/home/shell': 'shell-frame.html', // the enterprise form in a same-origin iframe
  '/fixture/form-widgets.js': { file: 'form-widgets.js', contentType: 'text/javascript; charset=utf-8' },
  '/fixture/weui-desktop.css': { file: 'weui-desktop.css', contentType: 'text/css; charset=utf-8' },
};

/** Fields the enterprise form must expose (data-beian-field), every kind of row markup included. */
export const ENTERPRISE_FIELDS = [
  'subject.province', 'subject.city', 'subject.district', // three custom selects in one row
  'subject.nature', 'subject.certificate_type', 'subject.name', 'subject.certificate_address',
  'subject.certificate_number', // label for=
  'subject.address', // placeholder only
  'subject.remark',
  'subject_principal.name', // input inside its <label>
  'subject_principal.certificate_number', 'subject_principal.validity_start',
  'subject_principal.validity_end', 'subject_principal.mobile', 'subject_principal.emergency_mobile',
  'subject_principal.email', 'subject_principal.is_legal_representative',
  'app.appid', 'app.name', 'app.service_types', 'app.pre_approvals', 'app.remark',
  'app_principal.reuse_subject_principal', 'materials.commitment_letter', 'materials.uploads',
];

/** Typing real mistakes shows the right hints; fixing them removes them. */
export const TYPING_SCENARIOS = [
  {
    name: 'a 15-digit registration number where the credit code is asked for',
    route: '/wxamp/beian/enterprise',
    steps: [
      { field: 'subject.certificate_number', type: '110108123456789', present: ['subject_registration_number'],
        severity: { subject_registration_number: 'error' }, invalid: true },
      { field: 'subject.certificate_number', type: '91110000600037341L', absent: ['subject_registration_number'],
        invalid: false },
    ],
  },
  {
    name: "a wrong check digit in the principal's ID number",
    route: '/wxamp/beian/enterprise',
    steps: [
      { field: 'subject_principal.certificate_number', type: '110105194912310021', present: ['person_id_checksum'] },
      { field: 'subject_principal.certificate_number', type: '11010519491231002X', absent: ['person_id_checksum'] },
    ],
  },
  {
    name: 'the own mobile number given as the emergency number',
    route: '/wxamp/beian/enterprise',
    steps: [
      { field: 'subject_principal.mobile', type: '13800138000' },
      { field: 'subject_principal.emergency_mobile', type: '13800138000', present: ['person_emergency_same'] },
      { field: 'subject_principal.emergency_mobile', type: '13900139000', absent: ['person_emergency_same'] },
    ],
  },
  {
    name: 'an address without a house number',
    route: '/wxamp/beian/enterprise',
    steps: [
      { field: 'subject.address', type: '粤海街道科技园路', present: ['subject_address_house_number'],
        severity: { subject_address_house_number: 'warning' } },
      { field: 'subject.address', type: '粤海街道科技园路1号A栋201室', absent: ['subject_address_house_number'] },
    ],
  },
  {
    name: 'six service tags',
    route: '/wxamp/beian/enterprise',
    steps: [
      ...[0, 1, 2, 3, 4].map((nth) => ({ field: 'app.service_types', check: 'input[type=checkbox]', nth })),
      { field: 'app.service_types', check: 'input[type=checkbox]', nth: 5, present: ['app_service_types_max'] },
      { field: 'app.service_types', uncheck: 'input[type=checkbox]', nth: 5, absent: ['app_service_types_max'] },
    ],
  },
  {
    name: 'a pre-approval item chosen without its approval number or document',
    route: '/wxamp/beian/enterprise',
    steps: [
      { field: 'app.pre_approvals', check: 'input[value="新闻"]', present: ['app_pre_approval_document'] },
      { field: 'app.pre_approvals', uncheck: 'input[value="新闻"]' },
      { field: 'app.pre_approvals', check: 'input[value="以上都不涉及"]', absent: ['app_pre_approval_document'] },
    ],
  },
  {
    name: 'an invalid ID number as the subject certificate of a personal filing',
    route: '/wxamp/beian/personal',
    steps: [
      { field: 'subject.certificate_number', type: '110105194912310021', present: ['subject_personal_id_invalid'] },
      { field: 'subject.certificate_number', type: '11010519491231002X', absent: ['subject_personal_id_invalid'] },
    ],
  },
];

/**
 * The same checks under page CSPs. `state` is data-beian per browser: Chromium cannot compile
 * WebAssembly in a content script under a page CSP without 'wasm-unsafe-eval'/'unsafe-eval' and
 * runs the wasm2js fallback; Firefox compiles it anyway (design.md, "Firefox").
 */
export const CSP_SCENARIOS = [
  {
    name: 'strict page CSP without wasm',
    csp: "script-src 'self'; object-src 'none'",
    state: { chromium: 'fallback', firefox: 'ready' },
  },
  {
    name: 'the CSP mp.weixin.qq.com is reported to send',
    csp: "script-src 'self' 'unsafe-inline' 'unsafe-eval' *.qq.com",
    state: { chromium: 'ready', firefox: 'ready' },
  },
].map((s) => ({
  ...s,
  route: `/wxamp/beian/enterprise?csp=${encodeURIComponent(s.csp)}`,
  steps: [
    { field: 'subject_principal.certificate_number', type: '110105194912310021', present: ['person_id_checksum'] },
    { field: 'subject.certificate_number', type: '110108123456789', present: ['subject_registration_number'] },
    { field: 'subject.certificate_number', type: '91110000600037341L', absent: ['subject_registration_number'] },
  ],
}));

/** Pages that are not a filing form: no data-beian attribute, hint, summary or field marker. */
export const NOTHING_ROUTES = ['/s/article'];

// Variants of the filing form with other markup (tests/e2e/variants.test.mjs): table layout,
// Element-UI-like rows, <dl> lists with placeholder-only and late antd sections, a pushState wizard,
// sections named only by aria-label.
Object.assign(CONTENT_ROUTES, {
  '/wxamp/beian/variant-table': 'form-variant-table.html',
  '/wxamp/beian/variant-element': 'form-variant-element.html',
  '/wxamp/beian/variant-dl': 'form-variant-dl.html',
  '/wxamp/beian/variant-wizard': 'form-variant-wizard.html',
  '/wxamp/beian/variant-aria': 'form-variant-aria.html',
  // Re-skins written without looking at the discovery code (tests/e2e/variants-reskins.test.mjs):
  // a CSS grid of custom elements with a late section, an iView label-top form with a 手动填写
  // section, an Ant Design Vue wizard that re-renders its pane with innerHTML.
  '/wxamp/beian/variant-grid': 'form-variant-grid.html',
  '/wxamp/beian/variant-iview': 'form-variant-iview.html',
  '/wxamp/beian/variant-antdv': 'form-variant-antdv.html',
  // Re-skins after real UI libraries (tests/e2e/variants-libraries.test.mjs): Tencent TDesign with a
  // section fetched 2.5 s late, Bootstrap 5 + layui with a rowspan table, an MUI React admin whose
  // accordion sections mount on first expand.
  '/wxamp/beian/variant-tdesign': 'form-variant-tdesign.html',
  '/wxamp/beian/variant-bootstrap': 'form-variant-bootstrap.html',
  '/wxamp/beian/variant-mui': 'form-variant-mui.html',
});

// Layouts written blind (tests/e2e/variants-layouts.test.mjs): person matrices and numbered key |
// value tables in steps that replace the whole <form>, side-by-side 负责人 columns cloned from a
// <template> 1.5 s late inside <fieldset> sections, implicit <label>s with weui-desktop dropdowns
// and a Vue-like v-if 小程序负责人 block.
Object.assign(CONTENT_ROUTES, {
  '/wxamp/beian/variant-matrix': 'form-variant-matrix.html',
  '/wxamp/beian/variant-columns': 'form-variant-columns.html',
  '/wxamp/beian/variant-implicit': 'form-variant-implicit.html',
});

// Re-skins after real Vue component libraries, written blind (tests/e2e/variants-vue.test.mjs):
// Element Plus (label-top/left forms, el-select whose combobox input stays empty, a lazily
// mounted el-collapse item), Naive UI (labels without for=, div selects and div checkboxes without
// inputs, a placeholder-only row) and a Vant 4 mobile H5 admin (readonly picker fields written
// through the value property, role=checkbox/radio without inputs, cell-group titles).
Object.assign(CONTENT_ROUTES, {
  '/wxamp/beian/variant-elementplus': 'form-variant-elementplus.html',
  '/wxamp/beian/variant-naive': 'form-variant-naive.html',
  '/wxamp/beian/variant-vant': 'form-variant-vant.html',
});

// Round 6, written blind (tests/e2e/variants-round6.test.mjs): an Arco Design React admin whose
// 主体负责人 block is Tailwind + Headless UI (selects without inputs, listbox buttons, role=switch
// buttons, aria-labelledby labels), a WeUI mobile H5 page with weui-cells and a floating-label
// block (label after the input), a Semi Design admin with placeholder-only fields, span
// role=checkbox and a 小程序负责人 section inserted 1.5 s after load.
Object.assign(CONTENT_ROUTES, {
  '/wxamp/beian/variant-arco': 'form-variant-arco.html',
  '/wxamp/beian/variant-weui': 'form-variant-weui.html',
  '/wxamp/beian/variant-semi': 'form-variant-semi.html',
});

// Round 7, written blind (tests/e2e/variants-round7.test.mjs): a uni-app H5 build (uni-view /
// uni-input custom elements, placeholder divs, uni-picker, uni-checkbox and uni-switch drawn without
// native inputs or aria), an Ant Design 5 React admin (ant-select with a readonly empty combobox
// input, RangePicker, ant-steps wizard whose second step mounts on 下一步, a Form.List of 小程序负责人
// added by + 添加), and a legacy server-rendered page (fieldset/legend, <span class=lbl>…<br><input>,
// <b> labels in <td>, bare radio text, title-only inputs).
Object.assign(CONTENT_ROUTES, {
  '/wxamp/beian/variant-uniapp': 'form-variant-uniapp.html',
  '/wxamp/beian/variant-antd5': 'form-variant-antd5.html',
  '/wxamp/beian/variant-legacy': 'form-variant-legacy.html',
});

// The official weui-desktop form re-wrapped as a later redesign might render it, written blind
// (tests/e2e/variants-weuidesk.test.mjs): weui-desktop-form__item rows with label-top and
// label-left sections, <h4>/<strong> labels, deep wrappers, help icons and paragraphs, a tag picker;
// and a page with placeholder-only 主体负责人 rows whose 小程序 step is an SPA route rendered late.
Object.assign(CONTENT_ROUTES, {
  '/wxamp/beian/variant-weuidesk-a': 'form-variant-weuidesk-a.html',
  '/wxamp/beian/variant-weuidesk-b': 'form-variant-weuidesk-b.html',
});
