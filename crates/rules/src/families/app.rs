//! §C 小程序 (app): service types, pre-approval items, and the remark (length, placeholders,
//! vagueness, and hints of a licensed field while `以上都不涉及` is chosen).

use super::Ctx;
use crate::catalog::Rule;
use crate::draft::{App, PreApproval};
use crate::finding::{Finding, Severity};
use crate::normalize::{self, present};

/// The pre-approval item that means "none applies"; exclusive with every other item.
const NONE_APPLIES: &str = "以上都不涉及";
const MAX_SERVICE_TYPES: usize = 5;
const REMARK_MIN_CHARS: usize = 20;
const REMARK_MAX_CHARS: usize = 200;

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let empty = App::default();
    let app = ctx.draft.app.as_ref().unwrap_or(&empty);
    service_types(ctx, app, out);
    let none_applies = pre_approvals(ctx, app, out);
    remark(ctx, app, out);
    if none_applies {
        suspected_licence(app, out);
    }
}

fn push(
    out: &mut Vec<Finding>,
    rule: Rule,
    severity: Severity,
    field: impl Into<String>,
    zh: impl Into<String>,
    en: impl Into<String>,
) {
    out.push(Finding::new(rule, severity, field, zh, en));
}

fn service_types(ctx: &Ctx, app: &App, out: &mut Vec<Finding>) {
    let types = || app.service_types.iter().flatten().map(|t| normalize::text(t)).filter(|t| !t.is_empty());
    // The number of distinct types; a list of one (the usual case) needs no sorting.
    let chosen = if types().nth(1).is_none() {
        types().count()
    } else {
        let mut chosen: Vec<&str> = types().collect();
        chosen.sort_unstable();
        chosen.dedup();
        chosen.len()
    };
    if chosen == 0 {
        if ctx.complete {
            push(
                out,
                Rule::AppServiceTypesRequired,
                Severity::Error,
                "app.service_types",
                "请选择服务内容标识（选到二级类目，最多5项）。",
                "Choose the service types (second-level categories, at most 5).",
            );
        }
    } else if chosen > MAX_SERVICE_TYPES {
        push(
            out,
            Rule::AppServiceTypesMax,
            Severity::Error,
            "app.service_types",
            format!("服务内容标识最多选5项，现在选了{chosen}项，请只保留与主要功能相符的类目。"),
            format!("At most 5 service types may be chosen ({chosen} are); keep those matching the main features."),
        );
    }
}

fn item_kind(item: &PreApproval) -> Option<&str> {
    present(&item.kind)
}

fn is_none_applies(kind: &str) -> bool {
    normalize::same_name(kind, NONE_APPLIES)
}

/// Checks the pre-approval items; returns whether `以上都不涉及` is the (only) choice.
fn pre_approvals(ctx: &Ctx, app: &App, out: &mut Vec<Finding>) -> bool {
    let items = app.pre_approvals.as_deref().unwrap_or(&[]);
    let mut kinds = items.iter().filter_map(item_kind);
    if kinds.clone().next().is_none() {
        if ctx.complete {
            push(
                out,
                Rule::AppPreApprovalRequired,
                Severity::Error,
                "app.pre_approvals",
                "请选择前置审批项；不涉及任何一项时选择“以上都不涉及”。",
                "Choose the pre-approval items; pick “以上都不涉及” when none applies.",
            );
        }
        return false;
    }
    let none_applies = kinds.clone().any(is_none_applies);
    if none_applies && kinds.nth(1).is_some() {
        push(
            out,
            Rule::AppPreApprovalExclusive,
            Severity::Error,
            "app.pre_approvals",
            "“以上都不涉及”不能与其他前置审批项同时选择：涉及哪项就只选哪项并上传审批文件。",
            "“以上都不涉及” cannot be chosen together with another item: keep only the items that apply, with their documents.",
        );
        return false;
    }
    for (i, item) in items.iter().enumerate() {
        let Some(kind) = item_kind(item) else { continue };
        if is_none_applies(kind) {
            continue;
        }
        let no_number = present(&item.number).is_none();
        let no_document = item.document == Some(false);
        if no_number || no_document {
            let (zh, en) = match (no_number, no_document) {
                (true, true) => ("审批号和审批文件", "approval number and document"),
                (true, false) => ("审批号", "approval number"),
                _ => ("审批文件", "approval document"),
            };
            push(
                out,
                Rule::AppPreApprovalDocument,
                Severity::Error,
                format!("app.pre_approvals[{i}]"),
                format!("前置审批项“{kind}”缺少{zh}：请填写审批号并上传主管部门的审批文件。"),
                format!("Pre-approval item “{kind}” lacks its {en}: enter the approval number and upload the authority's document."),
            );
        }
    }
    none_applies
}

fn remark(ctx: &Ctx, app: &App, out: &mut Vec<Finding>) {
    const FIELD: &str = "app.remark";
    let Some(remark) = present(&app.remark) else {
        if ctx.complete {
            push(
                out,
                Rule::AppRemarkRequired,
                Severity::Error,
                FIELD,
                "请填写小程序备注：用20–200字说明小程序提供什么服务、面向谁、是否涉及交易或用户发布内容。",
                "Write the remark: 20–200 characters on what the mini program offers, to whom, and whether it involves trading or user posts.",
            );
        }
        return;
    };
    let chars = remark.chars().count();
    let length_ok = (REMARK_MIN_CHARS..=REMARK_MAX_CHARS).contains(&chars);
    if !length_ok {
        push(
            out,
            Rule::AppRemarkLength,
            Severity::Error,
            FIELD,
            format!("备注需20–200字，现在{chars}字：请具体说明小程序的功能和服务对象。"),
            format!(
                "The remark must have 20–200 characters (it has {chars}); describe the features and users concretely."
            ),
        );
    }
    let placeholder = placeholder(remark);
    if let Some(p) = &placeholder {
        push(
            out,
            Rule::AppRemarkPlaceholder,
            Severity::Error,
            FIELD,
            format!("备注里还留着模板占位符“{p}”，请替换成小程序的真实内容。"),
            format!("The remark still contains the template placeholder “{p}”; replace it with the real content."),
        );
    }
    if length_ok && placeholder.is_none() && is_vague(remark, present(&app.name)) {
        push(
            out,
            Rule::AppRemarkVague,
            Severity::Warning,
            FIELD,
            "备注过于笼统（只有“小程序”“工具”“测试”之类或只重复了名称），审核常因此驳回：请写明具体功能、服务对象和内容来源。",
            "The remark is too generic (only words like “mini program”, “tool”, “test”, or the name): state the concrete features, users and content source.",
        );
    }
}

/// The template placeholder left in a remark: `*`/`＊` (except as a multiplication sign between
/// digits, `7*24小时`), or a standalone run of two or more `X`/`x` (full-width too) not touching
/// other Latin letters, so `XX公司` counts and `Foxx` does not.
fn placeholder(remark: &str) -> Option<String> {
    // This runs on every keystroke in the remark, which nearly never holds a placeholder: one pass
    // over the characters' first bytes rules that out unless a `*`, `x`, `X` or full-width `＊`
    // (EF BC 8A), `ｘ` (EF BD 98), `Ｘ` (EF BC B8) occurs. Otherwise the text is scanned in place.
    let b = remark.as_bytes();
    let mut i = 0;
    let candidate = loop {
        let Some(&lead) = b.get(i) else { break false };
        match lead {
            b'*' | b'x' | b'X' => break true,
            0xEF if matches!(b.get(i + 1..i + 3), Some([0xBC, 0x8A] | [0xBD, 0x98] | [0xBC, 0xB8])) => break true,
            // Step over the whole character (valid UTF-8: `i` stays on character starts).
            0x00..=0x7F => i += 1,
            0xC0..=0xDF => i += 2,
            0xE0..=0xEF => i += 3,
            _ => i += 4,
        }
    };
    if !candidate {
        return None;
    }
    let is_digit = |c: Option<char>| c.is_some_and(|c| normalize::halfwidth_char(c).is_ascii_digit());
    for (i, c) in remark.char_indices() {
        if c == '*' || c == '＊' {
            let before = remark[..i].chars().next_back();
            let after = remark[i + c.len_utf8()..].chars().next();
            if !(is_digit(before) && is_digit(after)) {
                return Some(c.to_string());
            }
        }
    }
    let is_x = |c: char| matches!(normalize::halfwidth_char(c), 'x' | 'X');
    let is_latin = |c: char| normalize::halfwidth_char(c).is_ascii_alphabetic();
    // `before`: the character preceding the current position (never an `x`, runs being maximal).
    let mut before: Option<char> = None;
    let mut chars = remark.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_x(c) {
            before = Some(c);
            continue;
        }
        let (mut end, mut run) = (start + c.len_utf8(), 1);
        while let Some(&(at, next)) = chars.peek() {
            if !is_x(next) {
                break;
            }
            (end, run) = (at + next.len_utf8(), run + 1);
            chars.next();
        }
        let after = chars.peek().map(|&(_, c)| c);
        let before_ok = before.is_none_or(|c| !is_latin(c));
        let after_ok = after.is_none_or(|c| !is_latin(c));
        if run >= 2 && before_ok && after_ok {
            return Some(remark[start..end].to_owned());
        }
    }
    None
}

/// Words that say nothing about what a mini program does.
const GENERIC_WORDS: &[&str] = &[
    "微信小程序",
    "小程序",
    "工具类",
    "工具",
    "测试",
    "test",
    "demo",
    "服务",
    "平台",
    "应用",
    "软件",
    "系统",
    "功能",
    "提供",
    "用户",
    "我们",
    "本",
    "的",
    "一个",
    "一款",
    "是",
    "为",
    "给",
    "用于",
    "主要",
    "进行",
    "使用",
    "相关",
    "内容",
    "信息",
    "各种",
    "等等",
    "等",
    "和",
    "与",
    "及",
    "以及",
    "个人",
    "企业",
    "公司",
    "自己",
    "展示",
    "介绍",
    "备案",
    "这",
    "该",
    "款",
    "个",
    "了",
    "可以",
    "能",
    "用",
    "于",
    "在",
    "上",
    "做",
    "无",
    "暂无",
    "暂",
    "其他",
];

/// A remark is vague when, after skipping the app's name, generic words, punctuation and digits,
/// fewer than six characters remain. One pass, no allocation per word: this runs on every keystroke.
fn is_vague(remark: &str, name: Option<&str>) -> bool {
    let text = folded_key(remark, false);
    let name = name.map(|n| folded_key(n, false)).filter(|n| n.chars().count() >= 2);
    let mut meaningful = 0;
    let mut rest = text.as_str();
    while let Some(c) = rest.chars().next() {
        // Where two words share a start, `GENERIC_WORDS` lists the longer first (`微信小程序`, `小程序`).
        let word = name.as_deref().filter(|n| rest.starts_with(n)).or_else(|| {
            let rest = rest.as_bytes();
            GENERIC_STARTS
                .may_start(rest)
                .then(|| GENERIC_WORDS.iter().copied().find(|w| starts_with_word(rest, w.as_bytes())))
                .flatten()
        });
        let skip = match word {
            Some(w) => w.len(),
            None => {
                if c.is_alphanumeric() && !c.is_ascii_digit() {
                    meaningful += 1;
                    if meaningful >= 6 {
                        return false;
                    }
                }
                c.len_utf8()
            }
        };
        rest = &rest[skip..];
    }
    true
}

/// [`normalize::name_key`] with ASCII letters lower- (or upper-) cased, built in one pass:
/// `name_key(s).to_ascii_lowercase()` without the second string.
fn folded_key(s: &str, upper: bool) -> String {
    let mut key = String::new();
    normalize::push_name_key(&mut key, s);
    if upper {
        key.make_ascii_uppercase();
    } else {
        key.make_ascii_lowercase();
    }
    key
}

/// A licensed field (前置审批), the licence it needs, and words that suggest it. Kept tight: a word
/// belongs here only if an app using it in its description almost surely needs the licence
/// (`记账`, `预算`, `支付`, `视频会议` must not trigger anything).
struct LicensedField {
    zh: &'static str,
    en: &'static str,
    licence: &'static str,
    keywords: &'static [&'static str],
    /// Words that, right before a keyword, make it harmless (`公司新闻` is a company's own news page).
    not_after: &'static [&'static str],
}

const LICENSED_FIELDS: &[LicensedField] = &[
    LicensedField {
        zh: "新闻",
        en: "news",
        licence: "互联网新闻信息服务许可证",
        keywords: &["新闻", "时政", "时事资讯"],
        not_after: &["公司", "企业", "集团", "品牌", "校园", "学校", "门店", "内部", "行业"],
    },
    LicensedField {
        zh: "出版（游戏、网络出版）",
        en: "publishing (games, online publishing)",
        licence: "游戏需出版主管部门审批（版号）；网络出版需网络出版服务许可证",
        keywords: &["游戏", "网络出版", "电子书", "网络文学", "小说阅读", "在线阅读"],
        not_after: &["亲子", "户外", "团建", "体育"],
    },
    LicensedField {
        zh: "广播电影电视节目",
        en: "audio-visual programmes",
        licence: "信息网络传播视听节目许可证",
        keywords: &[
            "直播",
            "短视频",
            "影视剧",
            "在线影视",
            "影视资源",
            "视频点播",
            "在线视频",
            "网络视听",
            "电视剧",
            "网络电台",
        ],
        not_after: &[],
    },
    LicensedField {
        zh: "药品和医疗器械",
        en: "drugs and medical devices",
        licence: "互联网药品信息服务资格证书",
        keywords: &["药品", "医疗器械", "处方药", "药店", "售药", "卖药"],
        not_after: &["宠物", "兽"],
    },
    LicensedField {
        zh: "医疗保健",
        en: "medical care",
        licence: "卫生健康主管部门审批文件",
        keywords: &["问诊", "诊疗", "医疗咨询", "在线医疗", "互联网医院"],
        not_after: &["宠物", "兽医", "动物"],
    },
    LicensedField {
        zh: "文化",
        en: "online culture",
        licence: "网络文化经营许可证",
        keywords: &["网络表演", "在线动漫", "动漫作品", "在线音乐", "音乐播放", "艺术品交易", "虚拟道具"],
        not_after: &[],
    },
    LicensedField {
        zh: "网络预约车",
        en: "ride-hailing",
        licence: "网络预约出租汽车经营许可证",
        keywords: &["网约车", "打车", "叫车", "专车服务", "顺风车"],
        not_after: &[],
    },
    LicensedField {
        zh: "校外培训",
        en: "off-campus training",
        licence: "教育部门审批文件",
        keywords: &["校外培训", "学科培训", "学科类培训", "课外辅导", "补习", "家教"],
        not_after: &[],
    },
    LicensedField {
        zh: "宗教",
        en: "religion",
        licence: "宗教事务部门审核同意文件",
        keywords: &["宗教", "佛教", "道教", "基督教", "天主教", "伊斯兰教", "礼佛", "烧香", "上香"],
        not_after: &[],
    },
    LicensedField {
        zh: "互联网金融",
        en: "internet finance",
        licence: "金融监管部门审批文件",
        keywords: &[
            "贷款",
            "借贷",
            "网贷",
            "小额贷",
            "理财产品",
            "投资理财",
            "众筹",
            "股票",
            "证券",
            "基金销售",
            "保险销售",
            "虚拟货币",
            "数字货币",
            "P2P",
            "互联网金融",
        ],
        not_after: &[],
    },
    LicensedField {
        zh: "电子公告服务",
        en: "bulletin board services",
        licence: "电子公告服务审批（部分省份要求专项审批）",
        // Not a bare `论坛`: conferences are called 论坛 too (`行业论坛报名`).
        keywords: &["网络论坛", "社区论坛", "BBS", "贴吧", "发帖"],
        not_after: &[],
    },
];

/// Characters that end a clause: a negation (`不涉及…`) reaches to the end of its clause only.
fn is_clause_break(c: char) -> bool {
    matches!(c, '，' | ',' | '。' | '.' | '；' | ';' | '！' | '!' | '？' | '?' | '\n')
}

/// Negation words: `不涉及新闻`, `无直播`, `未提供贷款`, `非游戏` mean the opposite of a hint.
const NEGATIONS: &[char] = &['不', '无', '未', '非', '没', '禁', '勿'];

/// `rest` starts with `word`. The first two bytes are compared inline before the rest: this runs
/// for every (position, keyword) pair that passes a [`StartFilter`], and most pairs differ there.
#[inline]
fn starts_with_word(rest: &[u8], word: &[u8]) -> bool {
    rest.len() >= word.len()
        && word.len() >= 2
        && rest[0] == word[0]
        && rest[1] == word[1]
        && rest[..word.len()] == *word
}

/// A 4096-bit Bloom filter over the first three bytes of every word (for CJK, the first
/// character's code point), with two 12-bit hashes, built at compile time: positions where no word
/// can start are skipped with two bit tests. One hash let about 1 % of CJK characters through (`为`
/// collided with `游`), two let through about 0.01 %. Every word has at least three bytes (checked
/// when the filter is built), so a position with fewer left cannot start one.
struct StartFilter([u64; 64]);

impl StartFilter {
    const fn bits(b0: u8, b1: u8, b2: u8) -> [usize; 2] {
        let cp = ((b0 as usize & 0x0F) << 12) | ((b1 as usize & 0x3F) << 6) | (b2 as usize & 0x3F);
        // cp < 2^16, so the product fits in 32 bits (usize on wasm32).
        [(cp ^ (cp >> 12)) & 0xFFF, ((cp * 40503) >> 4) & 0xFFF]
    }

    const fn has(&self, bit: usize) -> bool {
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }

    const fn of(fields: &[LicensedField]) -> StartFilter {
        let mut filter = StartFilter([0; 64]);
        let mut f = 0;
        while f < fields.len() {
            filter = filter.with(fields[f].keywords);
            f += 1;
        }
        filter
    }

    /// The filter with `words` added. (Words shorter than two bytes never match `starts_with_word`;
    /// a two-byte word would need a two-byte filter, so it does not compile.)
    const fn with(mut self, words: &[&str]) -> StartFilter {
        let mut k = 0;
        while k < words.len() {
            let w = words[k].as_bytes();
            assert!(w.len() != 2, "StartFilter keys on three bytes: no two-byte words");
            if w.len() >= 3 {
                let [h1, h2] = Self::bits(w[0], w[1], w[2]);
                self.0[h1 / 64] |= 1 << (h1 % 64);
                self.0[h2 / 64] |= 1 << (h2 % 64);
            }
            k += 1;
        }
        self
    }

    #[inline]
    fn may_start(&self, rest: &[u8]) -> bool {
        let [b0, b1, b2, ..] = rest else { return false };
        let [h1, h2] = Self::bits(*b0, *b1, *b2);
        self.has(h1) && self.has(h2)
    }
}

static KEYWORD_STARTS: StartFilter = StartFilter::of(LICENSED_FIELDS);
/// The same for [`GENERIC_WORDS`], which `is_vague` tries at every position of the remark.
static GENERIC_STARTS: StartFilter = StartFilter([0; 64]).with(GENERIC_WORDS);

/// The licensed fields `text` (already upper-cased ASCII) hints at, in catalogue order, each with
/// its first keyword that is neither negated earlier in its clause (`不涉及新闻`) nor right after
/// one of the field's harmless words (`公司新闻`).
fn licensed_hints(text: &str) -> Vec<(&'static LicensedField, &'static str)> {
    let mut first_hit: [Option<&'static str>; LICENSED_FIELDS.len()] = [None; LICENSED_FIELDS.len()];
    let mut clause_start = 0;
    for (at, c) in text.char_indices() {
        if is_clause_break(c) {
            clause_start = at + c.len_utf8();
            continue;
        }
        let rest = &text.as_bytes()[at..];
        if !KEYWORD_STARTS.may_start(rest) {
            continue;
        }
        for (hit, field) in first_hit.iter_mut().zip(LICENSED_FIELDS) {
            if hit.is_some() {
                continue;
            }
            let Some(kw) = field.keywords.iter().copied().find(|kw| starts_with_word(rest, kw.as_bytes())) else {
                continue;
            };
            let benign = field.not_after.iter().any(|w| text[..at].ends_with(w));
            if !benign && !text[clause_start..at].contains(NEGATIONS) {
                *hit = Some(kw);
            }
        }
    }
    LICENSED_FIELDS.iter().zip(first_hit).filter_map(|(f, hit)| hit.map(|kw| (f, kw))).collect()
}

fn suspected_licence(app: &App, out: &mut Vec<Finding>) {
    let scan = |text: &str| -> Vec<(&'static LicensedField, &'static str)> {
        licensed_hints(&folded_key(text, true))
    };
    let (field, hits) = match present(&app.remark).map(scan).filter(|h| !h.is_empty()) {
        Some(hits) => ("app.remark", hits),
        None => match present(&app.name).map(scan).filter(|h| !h.is_empty()) {
            Some(hits) => ("app.name", hits),
            None => return,
        },
    };
    let zh: Vec<String> = hits.iter().map(|(f, kw)| format!("“{kw}”疑似涉及{}（需{}）", f.zh, f.licence)).collect();
    let en: Vec<String> = hits.iter().map(|(f, kw)| format!("“{kw}” suggests {}", f.en)).collect();
    let source = if field == "app.remark" { "备注" } else { "小程序名称" };
    push(
        out,
        Rule::AppPreApprovalSuspected,
        Severity::Warning,
        field,
        format!("{source}中{}，但前置审批选了“以上都不涉及”：确实涉及就选对应项并上传审批文件，不涉及请修改描述避免误解。", zh.join("；")),
        format!("{} while “以上都不涉及” is chosen: pick the item and upload its approval, or reword the text if it does not apply.", en.join("; ")),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Draft;
    use crate::{Date, Options};

    const CLEAN_REMARK: &str = "为个人用户提供日常收支记账、分类统计和预算提醒服务，不涉及交易和用户发布内容。";

    fn clean() -> App {
        App {
            appid: Some("wx0123456789abcdef".into()),
            name: Some("某某记账".into()),
            service_types: Some(vec!["工具-记账".into()]),
            pre_approvals: Some(vec![PreApproval { kind: Some(NONE_APPLIES.into()), ..PreApproval::default() }]),
            remark: Some(CLEAN_REMARK.into()),
        }
    }

    fn run_with(app: App, complete: bool) -> Vec<Finding> {
        let d = Draft { app: Some(app), ..Draft::default() };
        let mut out = Vec::new();
        check(&Ctx::new(&d, &Options { today: Date::new(2026, 11, 23).unwrap(), complete }), &mut out);
        out
    }

    fn run(app: App) -> Vec<(Rule, Severity, String)> {
        run_with(app, true).into_iter().map(|f| (f.rule, f.severity, f.field)).collect()
    }

    fn one(rule: Rule, severity: Severity, field: &str) -> Vec<(Rule, Severity, String)> {
        vec![(rule, severity, field.to_string())]
    }

    fn remark(text: &str) -> App {
        App { remark: Some(text.into()), ..clean() }
    }

    /// The scanners as written before the filters and the in-place scan.
    mod reference {
        use super::super::*;

        pub fn placeholder(remark: &str) -> Option<String> {
            let chars: Vec<char> = remark.chars().collect();
            let digit_at = |i: Option<usize>| {
                i.and_then(|i| chars.get(i)).is_some_and(|&c| normalize::halfwidth_char(c).is_ascii_digit())
            };
            for (i, &c) in chars.iter().enumerate() {
                if (c == '*' || c == '＊') && !(digit_at(i.checked_sub(1)) && digit_at(Some(i + 1))) {
                    return Some(c.to_string());
                }
            }
            let is_x = |c: char| matches!(normalize::halfwidth_char(c), 'x' | 'X');
            let is_latin = |c: char| normalize::halfwidth_char(c).is_ascii_alphabetic();
            let mut i = 0;
            while i < chars.len() {
                if !is_x(chars[i]) {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < chars.len() && is_x(chars[i]) {
                    i += 1;
                }
                let before_ok = start == 0 || !is_latin(chars[start - 1]);
                let after_ok = i == chars.len() || !is_latin(chars[i]);
                if i - start >= 2 && before_ok && after_ok {
                    return Some(chars[start..i].iter().collect());
                }
            }
            None
        }

        pub fn is_vague(remark: &str, name: Option<&str>) -> bool {
            let text = normalize::name_key(remark).to_ascii_lowercase();
            let name = name.map(|n| normalize::name_key(n).to_ascii_lowercase()).filter(|n| n.chars().count() >= 2);
            let mut meaningful = 0;
            let mut rest = text.as_str();
            while let Some(c) = rest.chars().next() {
                let word = name
                    .as_deref()
                    .filter(|n| rest.starts_with(n))
                    .or_else(|| GENERIC_WORDS.iter().copied().find(|w| rest.starts_with(w)));
                let skip = match word {
                    Some(w) => w.len(),
                    None => {
                        if c.is_alphanumeric() && !c.is_ascii_digit() {
                            meaningful += 1;
                            if meaningful >= 6 {
                                return false;
                            }
                        }
                        c.len_utf8()
                    }
                };
                rest = &rest[skip..];
            }
            true
        }

        pub fn licensed_hints(text: &str) -> Vec<(&'static str, &'static str)> {
            let mut first_hit: [Option<&'static str>; LICENSED_FIELDS.len()] = [None; LICENSED_FIELDS.len()];
            let mut clause_start = 0;
            for (at, c) in text.char_indices() {
                if is_clause_break(c) {
                    clause_start = at + c.len_utf8();
                    continue;
                }
                let rest = &text[at..];
                for (hit, field) in first_hit.iter_mut().zip(LICENSED_FIELDS) {
                    if hit.is_some() {
                        continue;
                    }
                    let Some(kw) = field.keywords.iter().copied().find(|kw| rest.starts_with(kw)) else { continue };
                    let benign = field.not_after.iter().any(|w| text[..at].ends_with(w));
                    if !benign && !text[clause_start..at].contains(NEGATIONS) {
                        *hit = Some(kw);
                    }
                }
            }
            LICENSED_FIELDS.iter().zip(first_hit).filter_map(|(f, hit)| hit.map(|kw| (f.zh, kw))).collect()
        }
    }

    fn remark_like() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let mut pieces: Vec<&'static str> = GENERIC_WORDS.to_vec();
        for f in LICENSED_FIELDS {
            pieces.extend(f.keywords);
            pieces.extend(f.not_after);
        }
        pieces.extend(["某某记账", "记账", "，", "。", "不", "无", "*", "＊", "7*24", "XX", "ｘｘ", "Foxx", "x", "1", "a", " ", "bbs", "p2p"]);
        prop_oneof![
            proptest::collection::vec(proptest::sample::select(pieces), 0..12).prop_map(|v| v.concat()),
            crate::normalize::tests::tricky_string(),
        ]
    }

    proptest::proptest! {
        #[test]
        fn filtered_scanners_agree_with_the_plain_definitions(remark in remark_like(), name in remark_like()) {
            proptest::prop_assert_eq!(placeholder(&remark), reference::placeholder(&remark));
            for name in [None, Some(name.as_str())] {
                proptest::prop_assert_eq!(is_vague(&remark, name), reference::is_vague(&remark, name));
            }
            proptest::prop_assert_eq!(folded_key(&remark, false), normalize::name_key(&remark).to_ascii_lowercase());
            let upper = folded_key(&remark, true);
            proptest::prop_assert_eq!(&upper, &normalize::name_key(&remark).to_ascii_uppercase());
            let hints: Vec<_> = licensed_hints(&upper).into_iter().map(|(f, kw)| (f.zh, kw)).collect();
            proptest::prop_assert_eq!(hints, reference::licensed_hints(&upper));
        }
    }

    #[test]
    fn clean_apps_give_nothing() {
        assert_eq!(run(clean()), []);
        for text in [
            "提供企业内部员工考勤打卡、请假审批和会议室预约功能，仅限本公司员工使用，不涉及交易。",
            "线下门店会员积分查询与优惠券领取，用户可查看消费记录和附近门店地址，支付使用微信支付。",
            "餐厅在线点餐和外卖下单服务，展示菜品图片与价格，用户下单后到店自取或由骑手配送。",
            "提供视频会议预约和会议纪要整理工具，帮助团队安排日程，不含直播和视频点播。",
            "为中小学生家长提供学校通知查看、作业提醒和成绩查询服务，不涉及校外培训和在线教学。",
            "企业官网小程序，展示公司简介、产品介绍、公司新闻和联系方式，方便客户了解我们。",
            "2026行业发展论坛的会议报名、签到和议程查看，参会者可下载会议资料。",
            "宠物医院预约挂号和宠物诊疗记录查询，提醒主人按时接种疫苗和驱虫。",
            "影视后期制作工作室的作品案例展示和报价咨询，客户可在线提交需求。",
        ] {
            assert_eq!(run(remark(text)), [], "{text}");
        }
        assert!(run_with(App::default(), false).is_empty());
    }

    #[test]
    fn required_items_in_a_complete_check() {
        let empty = App::default();
        let rules: Vec<Rule> = run(empty.clone()).into_iter().map(|f| f.0).collect();
        assert_eq!(rules, [Rule::AppServiceTypesRequired, Rule::AppPreApprovalRequired, Rule::AppRemarkRequired]);
        assert!(run_with(empty, false).is_empty());
        let blank =
            App { service_types: Some(vec![" ".into()]), pre_approvals: Some(vec![PreApproval::default()]), ..clean() };
        assert_eq!(
            run(blank),
            [
                (Rule::AppServiceTypesRequired, Severity::Error, "app.service_types".to_string()),
                (Rule::AppPreApprovalRequired, Severity::Error, "app.pre_approvals".to_string())
            ]
        );
    }

    #[test]
    fn at_most_five_service_types() {
        let types =
            |n: usize| App { service_types: Some((0..n).map(|i| format!("工具-类目{i}")).collect()), ..clean() };
        assert_eq!(run(types(5)), []);
        assert_eq!(run(types(6)), one(Rule::AppServiceTypesMax, Severity::Error, "app.service_types"));
    }

    #[test]
    fn pre_approval_items() {
        let item = |kind: &str, number: Option<&str>, document: Option<bool>| PreApproval {
            kind: Some(kind.into()),
            number: number.map(Into::into),
            document,
        };
        let with = |items: Vec<PreApproval>| App { pre_approvals: Some(items), ..clean() };
        assert_eq!(
            run(with(vec![item(NONE_APPLIES, None, None), item("新闻", Some("10120230001"), Some(true))])),
            one(Rule::AppPreApprovalExclusive, Severity::Error, "app.pre_approvals")
        );
        assert_eq!(run(with(vec![item("文化", Some("粤网文〔2024〕1234-567号"), Some(true))])), []);
        assert_eq!(
            run(with(vec![item("文化", Some("粤网文〔2024〕1234-567号"), Some(true)), item("新闻", None, None)])),
            one(Rule::AppPreApprovalDocument, Severity::Error, "app.pre_approvals[1]")
        );
        assert_eq!(
            run(with(vec![item("文化", Some("粤网文〔2024〕1234-567号"), Some(false))])),
            one(Rule::AppPreApprovalDocument, Severity::Error, "app.pre_approvals[0]")
        );
    }

    #[test]
    fn remark_length_boundaries_count_characters() {
        let n = |k: usize| "记账统计".chars().cycle().take(k).collect::<String>();
        assert_eq!(run(remark(&n(20))).iter().filter(|f| f.0 == Rule::AppRemarkLength).count(), 0);
        assert_eq!(run(remark(&n(200))).iter().filter(|f| f.0 == Rule::AppRemarkLength).count(), 0);
        assert_eq!(
            run(remark(&format!("  {}  ", n(20)))).iter().filter(|f| f.0 == Rule::AppRemarkLength).count(),
            0,
            "trimmed"
        );
        assert_eq!(run(remark(&n(19))), one(Rule::AppRemarkLength, Severity::Error, "app.remark"));
        assert_eq!(run(remark(&n(201))), one(Rule::AppRemarkLength, Severity::Error, "app.remark"));
    }

    #[test]
    fn placeholders_left_in_the_template() {
        for text in [
            "为XXX用户提供日常收支记账、分类统计和预算提醒服务，不涉及交易。",
            "为xxx用户提供日常收支记账、分类统计和预算提醒服务，不涉及交易。",
            "为＊＊用户提供日常收支记账、分类统计和预算提醒服务，不涉及交易。",
            "本小程序由*公司运营，提供日常收支记账、分类统计和预算提醒服务。",
        ] {
            assert_eq!(run(remark(text)), one(Rule::AppRemarkPlaceholder, Severity::Error, "app.remark"), "{text}");
        }
        for text in [
            "提供Xbox与Foxx品牌周边的收藏记录和价格统计服务，不涉及交易。",
            "家电维修预约服务，提供7*24小时在线报修和维修进度查询。",
            "支持导出为XLSX表格的日常收支记账、分类统计和预算提醒服务。",
        ] {
            assert_eq!(run(remark(text)), [], "{text}");
        }
    }

    #[test]
    fn vague_remarks() {
        for text in [
            "这是一个工具小程序，为用户提供服务，测试使用相关功能。",
            "某某记账小程序，某某记账小程序，某某记账小程序。",
        ] {
            assert_eq!(run(remark(text)), one(Rule::AppRemarkVague, Severity::Warning, "app.remark"), "{text}");
        }
        // A short generic remark is reported for its length only.
        assert_eq!(run(remark("测试小程序")), one(Rule::AppRemarkLength, Severity::Error, "app.remark"));
    }

    #[test]
    fn licensed_fields_are_suspected_only_while_none_applies() {
        let games = remark("提供休闲益智类小游戏，用户可以闯关并查看排行榜，不涉及交易。");
        assert_eq!(run(games.clone()), one(Rule::AppPreApprovalSuspected, Severity::Warning, "app.remark"));
        let msg = &run_with(games.clone(), true)[0].message;
        assert!(msg.contains("游戏") && msg.contains("版号"), "{msg}");
        let licensed = App {
            pre_approvals: Some(vec![PreApproval {
                kind: Some("出版".into()),
                number: Some("ISBN 978-7-00".into()),
                document: Some(true),
            }]),
            ..games
        };
        assert_eq!(run(licensed), []);
        for text in [
            "为用户提供小额贷款产品信息和在线申请服务，审核后放款到账。",
            "每日推送本地新闻和时政要闻，用户可以评论和分享给好友。",
            "提供在线问诊和医生咨询服务，用户上传病历后由医生回复。",
            "城市内网约车预约出行服务，乘客下单后司机接单。",
        ] {
            assert_eq!(
                run(remark(text)),
                one(Rule::AppPreApprovalSuspected, Severity::Warning, "app.remark"),
                "{text}"
            );
        }
        let by_name = App { name: Some("某某新闻".into()), ..clean() };
        assert_eq!(run(by_name), one(Rule::AppPreApprovalSuspected, Severity::Warning, "app.name"));
        // Negated mentions are not hints.
        assert_eq!(run(remark("提供日常收支记账和预算提醒服务，不涉及新闻、游戏、直播和贷款。")), []);
    }

    /// A realistic complete draft of an individual (every section), as the content script reads it.
    const WHOLE_PERSONAL_DRAFT: &str = r#"{
        "subject": {"province": "北京市", "city": "北京市", "district": "朝阳区", "nature": "个人",
            "certificate_type": "居民身份证", "certificate_number": "11010519491231002X", "name": "张三",
            "address": "建国路88号SOHO现代城3号楼1201室"},
        "subject_principal": {"name": "张三", "certificate_type": "居民身份证", "certificate_number": "11010519491231002X",
            "validity_start": "2015-03-01", "validity_end": "长期", "mobile": "13800138000",
            "emergency_mobile": "13900139000", "email": "zhangsan@example.com"},
        "app": {"appid": "wx0123456789abcdef", "name": "张三的读书笔记", "service_types": ["工具-备忘录"],
            "pre_approvals": [{"type": "以上都不涉及"}],
            "remark": "个人读书笔记整理工具，用户可记录书摘、添加标签并按分类检索，仅供个人使用，不涉及交易。"},
        "app_principal": {"reuse_subject_principal": true},
        "admin": {"name": "张三", "certificate_number": "11010519491231002X"},
        "materials": {"commitment_letter": {"uploaded": true}}
    }"#;

    #[test]
    fn each_app_defect_gives_exactly_its_finding_across_all_families() {
        let whole = |edit: &dyn Fn(&mut App)| -> Vec<(Rule, String)> {
            let mut d: Draft = serde_json::from_str(WHOLE_PERSONAL_DRAFT).unwrap();
            edit(d.app.as_mut().unwrap());
            crate::check(&d, &Options { today: Date::new(2026, 11, 23).unwrap(), complete: true })
                .findings
                .into_iter()
                .filter(|f| f.severity != Severity::Info)
                .map(|f| (f.rule, f.field))
                .collect()
        };
        assert_eq!(whole(&|_| {}), []);
        fn item(kind: &str) -> PreApproval {
            PreApproval { kind: Some(kind.into()), ..PreApproval::default() }
        }
        type Edit = fn(&mut App);
        let cases: &[(Edit, Rule, &str)] = &[
            ((|a| a.service_types = None), Rule::AppServiceTypesRequired, "app.service_types"),
            (
                (|a| a.service_types = Some((1..=6).map(|i| format!("工具-{i}")).collect())),
                Rule::AppServiceTypesMax,
                "app.service_types",
            ),
            ((|a| a.pre_approvals = Some(vec![])), Rule::AppPreApprovalRequired, "app.pre_approvals"),
            (
                (|a| {
                    a.pre_approvals.as_mut().unwrap().push(PreApproval {
                        number: Some("1".into()),
                        document: Some(true),
                        ..item("新闻")
                    })
                }),
                Rule::AppPreApprovalExclusive,
                "app.pre_approvals",
            ),
            ((|a| a.pre_approvals = Some(vec![item("文化")])), Rule::AppPreApprovalDocument, "app.pre_approvals[0]"),
            (
                (|a| a.remark = Some("提供休闲小游戏，用户可以闯关并查看好友排行榜，不涉及交易。".into())),
                Rule::AppPreApprovalSuspected,
                "app.remark",
            ),
            ((|a| a.name = Some("张三新闻".into())), Rule::AppPreApprovalSuspected, "app.name"),
            ((|a| a.remark = None), Rule::AppRemarkRequired, "app.remark"),
            ((|a| a.remark = Some("读书笔记工具".into())), Rule::AppRemarkLength, "app.remark"),
            (
                (|a| a.remark = Some("个人读书笔记整理工具，用户可记录XXX、添加标签并按分类检索，不涉及交易。".into())),
                Rule::AppRemarkPlaceholder,
                "app.remark",
            ),
            (
                (|a| a.remark = Some("这是一个工具小程序，为用户提供服务，测试使用相关功能。".into())),
                Rule::AppRemarkVague,
                "app.remark",
            ),
            ((|a| a.appid = Some("ｗｘ0123456789abcdef".into())), Rule::InputFullwidth, "app.appid"),
        ];
        for (edit, rule, field) in cases {
            assert_eq!(whole(edit), [(*rule, field.to_string())], "{rule}");
        }
    }

    #[test]
    fn word_lists_suit_the_fast_prefix_test() {
        // `starts_with_word` needs two bytes; upper-case keywords match the upper-cased text.
        for w in GENERIC_WORDS.iter().chain(LICENSED_FIELDS.iter().flat_map(|f| f.keywords)) {
            assert!(w.len() >= 2, "{w}");
        }
        for kw in LICENSED_FIELDS.iter().flat_map(|f| f.keywords) {
            assert_eq!(kw.to_ascii_uppercase(), *kw, "{kw}");
        }
        for w in GENERIC_WORDS {
            assert_eq!(w.to_ascii_lowercase(), *w, "{w}");
        }
        for kw in LICENSED_FIELDS.iter().flat_map(|f| f.keywords) {
            assert!(KEYWORD_STARTS.may_start(kw.as_bytes()), "{kw} is filtered out");
        }
        assert!(
            !KEYWORD_STARTS.may_start("记".as_bytes()) || !KEYWORD_STARTS.may_start("账".as_bytes()),
            "the filter filters"
        );
        assert!(starts_with_word("小程序".as_bytes(), "小程".as_bytes()));
        assert!(!starts_with_word("小".as_bytes(), "小程".as_bytes()));
    }

    #[test]
    fn hostile_input_never_panics() {
        for s in ["", "*", "xX", "，", "不", "。不涉及", "🙂", "\u{3000}"] {
            let app = App {
                appid: Some(s.into()),
                name: Some(s.into()),
                service_types: Some(vec![s.into(); 7]),
                pre_approvals: Some(vec![PreApproval {
                    kind: Some(s.into()),
                    number: Some(s.into()),
                    document: Some(false),
                }]),
                remark: Some(s.repeat(30)),
            };
            run_with(app, true);
        }
    }
}
