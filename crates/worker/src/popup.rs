//! The popup: one row per filing (name, appid, stage, progress, days in stage, next action and its
//! deadline), a timeline per filing, a form to add or correct a stage by hand, exports, and a status
//! line for storage and the helper. Rendered from `chrome.storage.local` on open; writes go through
//! the service worker so they are serialised with everything else.

use beian_rules::{Finding, Rule};
use beian_tracker::{check_filing_number, reason_field, stage_findings, Event, EventSource, Record, Stage, Timestamp};
use js_sys::Promise;
use serde_json::json;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use crate::background::{load, now};
use crate::chrome;
use crate::dom::{on, Dom};
use crate::export;
use crate::i18n::Lang;
use crate::store::{FormFacts, HelperStatus, StoreErrors, Stored};
use crate::view::{self, StepState};

/// Renders the popup into `#app`, then asks the worker to sync with the helper and renders again.
/// Sets `data-ready` on `<body>` after each render (`data-error` if rendering failed) and
/// `data-synced` after the render that follows the sync, for tests and assistive technology.
#[wasm_bindgen]
pub fn popup_start() -> Promise {
    future_to_promise(async {
        let lang = Lang::detect();
        refresh(lang, None).await?;
        let reply = chrome::send_message(&json!({ "type": "beian_sync" }).to_string()).await;
        // Errors the worker could not even write down (storage full) come with its reply.
        let unsaved = reply
            .ok()
            .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
            .and_then(|v| serde_json::from_value::<StoreErrors>(v.get("store_errors")?.clone()).ok());
        refresh(lang, unsaved).await?;
        if let Some(body) = Dom::new()?.doc.body() {
            body.set_attribute("data-synced", "true")?;
        }
        Ok(JsValue::TRUE)
    })
}

async fn refresh(lang: Lang, unsaved: Option<StoreErrors>) -> Result<(), JsValue> {
    let mut stored = load().await;
    if let Some(errors) = unsaved.filter(|e| e.total > stored.store_errors.total) {
        stored.store_errors = errors;
    }
    let dom = Dom::new()?;
    let body = dom.doc.body().ok_or("no body")?;
    match render(&dom, lang, &stored) {
        Ok(()) => body.set_attribute("data-ready", &now().to_rfc3339()),
        Err(e) => body.set_attribute("data-error", &chrome::error_text(&e)),
    }
}

fn render(dom: &Dom, lang: Lang, stored: &Stored) -> Result<(), JsValue> {
    let root = dom.doc.get_element_by_id("app").ok_or("no #app")?;
    dom.clear(&root);
    if let Some(html) = dom.doc.document_element() {
        html.set_attribute("lang", lang.pick("zh-CN", "en"))?;
    }
    dom.doc.set_title(lang.pick("备案进度", "Filing progress"));
    let now = now();
    let events = stored.parsed_events();
    let records = stored.records();

    let header = dom.el(&root, "header", "")?;
    dom.text(&header, "h1", "", lang.pick("小程序备案进度", "Mini Program filing progress"))?;
    status_line(dom, &header, lang, stored, records.len())?;

    if records.is_empty() {
        let empty = dom.el(&root, "section", "empty")?;
        empty.set_id("empty");
        dom.text(&empty, "p", "", lang.pick(
            "还没有跟踪中的备案。打开 mp.weixin.qq.com → 设置 → 小程序备案 的备案状态页，扩展会自动记录当前阶段；提交备案表单时也会记录。也可以在下方手动添加。",
            "No filing tracked yet. Open the filing status page (mp.weixin.qq.com → Settings → Mini Program filing) and the extension records the current stage; submitting the filing form records it too. You can also add one by hand below.",
        ))?;
    } else {
        let list = dom.el(&root, "ul", "filings")?;
        list.set_id("filings");
        // Most urgent first: rejections and overdue stages, then by deadline, then the rest.
        let mut ordered: Vec<(&Record, view::Summary)> = records.iter().map(|r| (r, view::summarize(r, now))).collect();
        ordered.sort_by_key(|(r, s)| (!(r.stage.is_rejected() || s.overdue), s.deadline.is_none(), s.deadline));
        for (record, _) in ordered {
            let record_events: Vec<&Event> = events.iter().filter(|e| e.appid == record.appid).collect();
            filing_row(dom, &list, lang, record, &record_events, stored.contexts.get(&record.appid), now)?;
        }
    }
    add_form(dom, &root, lang)?;
    exports(dom, &root, lang, &records, &events)?;
    Ok(())
}

fn status_line(dom: &Dom, parent: &Element, lang: Lang, stored: &Stored, filings: usize) -> Result<(), JsValue> {
    let line = dom.el(parent, "p", "status")?;
    line.set_id("status");
    line.set_attribute("role", "status")?;
    let sync = &stored.sync;
    let helper = match sync.status {
        HelperStatus::Unknown => "unknown",
        HelperStatus::Connected => "connected",
        HelperStatus::NotInstalled => "not_installed",
        HelperStatus::Error => "error",
    };
    line.set_attribute("data-helper", helper)?;
    line.set_attribute("data-store-errors", &stored.store_errors.total.to_string())?;
    let helper_text = match sync.status {
        HelperStatus::Connected => format!(
            "{} {}",
            lang.pick("本地助手已连接，多个浏览器共享记录", "Local helper connected: records shared across browsers"),
            sync.helper_version.as_deref().map(|v| format!("(v{v})")).unwrap_or_default()
        ),
        HelperStatus::NotInstalled => lang
            .pick(
                "未安装本地助手：记录只保存在本浏览器。要在多个浏览器间共享并使用命令行，安装 beian 后运行 `beian install`。",
                "Local helper not installed: records stay in this browser. To share them across browsers and use the CLI, install beian and run `beian install`.",
            )
            .to_owned(),
        HelperStatus::Error => format!(
            "{} {}",
            lang.pick("本地助手出错：", "Local helper error:"),
            sync.message.as_deref().unwrap_or("")
        ),
        HelperStatus::Unknown => lang.pick("正在检查本地助手…", "Checking for the local helper…").to_owned(),
    };
    dom.text(&line, "span", "helper", &helper_text)?;
    let count = match lang {
        Lang::Zh => format!(" · {filings} 个备案 · 已保存在本浏览器"),
        Lang::En => format!(" · {filings} filing(s) · saved in this browser"),
    };
    dom.text(&line, "span", "count", &count)?;

    if stored.store_errors.total > 0 {
        let alert = dom.el(parent, "p", "store-errors")?;
        alert.set_id("store-errors");
        alert.set_attribute("role", "alert")?;
        alert.set_attribute("data-count", &stored.store_errors.total.to_string())?;
        let last = stored.store_errors.recent.last().map(|e| e.message.as_str()).unwrap_or("");
        let text = match lang {
            Lang::Zh => format!("保存失败 {} 次，部分记录可能没有保存（最近一次：{last}）。请导出备份并清理浏览器存储。", stored.store_errors.total),
            Lang::En => format!("Saving failed {} time(s); some records may not be saved (last: {last}). Export a backup and free browser storage.", stored.store_errors.total),
        };
        alert.set_text_content(Some(&text));
    }
    Ok(())
}

fn filing_row(
    dom: &Dom,
    list: &Element,
    lang: Lang,
    record: &Record,
    events: &[&Event],
    form: Option<&FormFacts>,
    now: Timestamp,
) -> Result<(), JsValue> {
    let context = form.map(FormFacts::record_context).unwrap_or_default();
    let summary = view::summarize(record, now);
    let row = dom.el(list, "li", "filing")?;
    row.set_attribute("data-appid", &record.appid)?;
    row.set_attribute("data-stage", record.stage.id())?;
    if let Some(deadline) = summary.deadline {
        row.set_attribute("data-deadline", &deadline.to_rfc3339())?;
    }
    row.set_attribute("data-overdue", if summary.overdue { "true" } else { "false" })?;

    let head = dom.el(&row, "div", "filing-head")?;
    dom.text(&head, "span", "name", record.app_name.as_deref().unwrap_or(lang.pick("（未知名称）", "(unnamed)")))?;
    dom.text(&head, "code", "appid", &record.appid)?;

    let stage = dom.text(&row, "p", "stage", stage_label(lang, record.stage))?;
    stage.set_attribute("data-stage", record.stage.id())?;
    if record.stage.is_rejected() {
        stage.class_list().add_1("rejected")?;
    }

    let steps = dom.el(&row, "ol", "progress")?;
    steps.set_attribute("aria-label", lang.pick("进度", "Progress"))?;
    for (step, state) in view::progress(record.stage) {
        let item = dom.text(&steps, "li", "", stage_label(lang, step))?;
        let state = match state {
            StepState::Done => "done",
            StepState::Current => "current",
            StepState::Failed => "failed",
            StepState::Todo => "todo",
        };
        item.set_attribute("data-state", state)?;
    }

    if let (Some(text), Some((used, _, max))) = (summary.elapsed(lang), summary.review_days) {
        // A meter, not another sentence: the next action below spells the window out.
        let line = dom.el(&row, "p", "elapsed")?;
        let meter = dom.el(&line, "progress", "")?;
        meter.set_attribute("max", &max.to_string())?;
        meter.set_attribute("value", &used.clamp(0, i64::from(max)).to_string())?;
        meter.set_attribute("aria-label", &text)?;
        dom.text(&line, "span", "", &text)?;
    }
    let next = dom.el(&row, "p", "next")?;
    dom.text(&next, "span", "action", &summary.action(lang))?;
    if let Some(deadline) = summary.deadline {
        let text = match lang {
            Lang::Zh => format!(" 截止 {}（{}）", short_time(deadline), view::countdown(now, deadline, lang)),
            Lang::En => format!(" Due {} ({})", short_time(deadline), view::countdown(now, deadline, lang)),
        };
        let due = dom.text(&next, "span", "deadline", &text)?;
        due.set_attribute("data-deadline", &deadline.to_rfc3339())?;
    }

    if let Some(number) = &record.filing_number {
        let line = dom.el(&row, "p", "filing-number")?;
        dom.text(&line, "span", "", &format!("{}{number} ", lang.pick("备案号：", "Filing number: ")))?;
        match check_filing_number(number, context.subject_province) {
            None => {
                line.set_attribute("data-valid", "true")?;
                dom.text(&line, "span", "ok", lang.pick("格式正确", "format OK"))?;
            }
            Some(problem) => {
                line.set_attribute("data-valid", "false")?;
                let text = match lang {
                    Lang::Zh => problem.message_zh(number),
                    Lang::En => problem.message_en(number),
                };
                dom.text(&line, "span", "problem", &text)?;
            }
        }
    }

    // Certificates ending soon after filing (only known when the form was submitted with the extension).
    if matches!(record.stage, Stage::Filed | Stage::ChangeReview) {
        let expiring: Vec<Finding> = stage_findings(record, now, &context)
            .into_iter()
            .filter(|f| f.rule == Rule::CertificateExpiryAfterFiling)
            .collect();
        if !expiring.is_empty() {
            let warnings = dom.el(&row, "ul", "warnings")?;
            for f in expiring {
                let item = dom.text(&warnings, "li", "", lang.pick(&f.message, &f.message_en))?;
                item.set_attribute("data-rule", f.rule.id())?;
                item.set_attribute("data-field", &f.field)?;
            }
        }
    }

    timeline(dom, &row, lang, record, events)
}

fn timeline(dom: &Dom, row: &Element, lang: Lang, record: &Record, events: &[&Event]) -> Result<(), JsValue> {
    let details = dom.el(row, "details", "timeline")?;
    dom.text(&details, "summary", "", lang.pick("时间线与详情", "Timeline and details"))?;
    let list = dom.el(&details, "ol", "events")?;
    let mut sorted: Vec<&&Event> = events.iter().collect();
    sorted.sort_by_key(|e| (e.observed_instant(), e.event_id.clone()));
    for event in sorted {
        let item = dom.el(&list, "li", "event")?;
        item.set_attribute("data-stage", event.stage.id())?;
        item.set_attribute("data-event-id", &event.event_id)?;
        let source = match event.source {
            EventSource::Page => ("page", lang.pick("状态页", "status page")),
            EventSource::User => ("user", lang.pick("手动", "by hand")),
            EventSource::Import => ("import", lang.pick("导入", "import")),
        };
        item.set_attribute("data-source", source.0)?;
        let when = event.observed_instant().map(short_time).unwrap_or_else(|| event.observed_at.clone());
        dom.text(&item, "time", "", &when)?;
        dom.text(&item, "span", "event-stage", stage_label(lang, event.stage))?;
        dom.text(&item, "span", "source", source.1)?;
        if let Some(reason) = &event.detail.reason {
            let r = dom.el(&item, "div", "reason")?;
            dom.text(&r, "span", "", &format!("{}{reason}", lang.pick("原因：", "Reason: ")))?;
            if let Some((field, rule)) = reason_field(reason) {
                let fix = dom.el(&r, "div", "fix")?;
                fix.set_attribute("data-field", field)?;
                fix.set_attribute("data-rule", rule.id())?;
                let text = match lang {
                    Lang::Zh => format!(
                        "需修改：{}（{}）。改好后重新提交，扩展会在表单上提示规则 {}。",
                        view::field_label(field, lang),
                        field,
                        rule.id()
                    ),
                    Lang::En => format!(
                        "Fix: {} ({}). Resubmit after the change; the extension's form check flags it as {}.",
                        view::field_label(field, lang),
                        field,
                        rule.id()
                    ),
                };
                fix.set_text_content(Some(&text));
            }
        }
        if let Some(number) = &event.detail.filing_number {
            dom.text(&item, "div", "number", number)?;
        }
    }
    let correct = dom.text(&details, "button", "correct", lang.pick("补充或更正阶段", "Add or correct a stage"))?;
    correct.set_attribute("type", "button")?;
    let (appid, name) = (record.appid.clone(), record.app_name.clone().unwrap_or_default());
    on(&correct, "click", move |_| prefill(&appid, &name))
}

/// Opens the add form with a filing's appid and name filled in.
fn prefill(appid: &str, name: &str) {
    let Ok(dom) = Dom::new() else { return };
    let set = |id: &str, value: &str| {
        if let Some(input) = dom.doc.get_element_by_id(id).and_then(|e| e.dyn_into::<HtmlInputElement>().ok()) {
            input.set_value(value);
        }
    };
    set("add-appid", appid);
    set("add-name", name);
    if let Some(form) = dom.doc.get_element_by_id("add") {
        let _ = form.set_attribute("open", "");
        form.scroll_into_view();
    }
}

fn add_form(dom: &Dom, root: &Element, lang: Lang) -> Result<(), JsValue> {
    let details = dom.el(root, "details", "add")?;
    details.set_id("add");
    dom.text(&details, "summary", "", lang.pick("手动添加或更正", "Add or correct by hand"))?;
    let form = dom.el(&details, "form", "")?;
    let field = |id: &str, label: &str, kind: &str, placeholder: &str| -> Result<(), JsValue> {
        let l = dom.text(&form, "label", "", label)?;
        l.set_attribute("for", id)?;
        let input = dom.el(&form, "input", "")?;
        input.set_id(id);
        input.set_attribute("type", kind)?;
        input.set_attribute("placeholder", placeholder)?;
        Ok(())
    };
    field("add-appid", "AppID", "text", "wx0123456789abcdef")?;
    field("add-name", lang.pick("小程序名称", "Mini Program name"), "text", "")?;
    let l = dom.text(&form, "label", "", lang.pick("阶段", "Stage"))?;
    l.set_attribute("for", "add-stage")?;
    let select = dom.el(&form, "select", "")?;
    select.set_id("add-stage");
    for stage in Stage::ALL {
        let option = dom.text(&select, "option", "", stage_label(lang, stage))?;
        option.set_attribute("value", stage.id())?;
    }
    field("add-time", lang.pick("时间（北京时间，留空为现在）", "Time (Beijing, empty = now)"), "datetime-local", "")?;
    field("add-reason", lang.pick("驳回原因（可选）", "Rejection reason (optional)"), "text", "")?;
    field("add-number", lang.pick("备案号（可选）", "Filing number (optional)"), "text", "")?;
    let submit = dom.text(&form, "button", "", lang.pick("保存", "Save"))?;
    submit.set_attribute("type", "submit")?;
    let message = dom.el(&form, "p", "form-message")?;
    message.set_id("add-message");
    message.set_attribute("role", "status")?;
    on(&form, "submit", move |event| {
        event.prevent_default();
        wasm_bindgen_futures::spawn_local(submit_manual(lang));
    })
}

async fn submit_manual(lang: Lang) {
    let Ok(dom) = Dom::new() else { return };
    let value = |id: &str| {
        let el = dom.doc.get_element_by_id(id);
        el.as_ref()
            .and_then(|e| e.dyn_ref::<HtmlInputElement>().map(|i| i.value()))
            .or_else(|| el.as_ref().and_then(|e| e.dyn_ref::<HtmlSelectElement>().map(|s| s.value())))
            .unwrap_or_default()
    };
    // datetime-local gives `YYYY-MM-DDTHH:MM` without a zone; the form says it is Beijing time.
    let time = value("add-time");
    let observed_at = if time.is_empty() { String::new() } else { format!("{}:00+08:00", &time[..time.len().min(16)]) };
    let message = json!({
        "type": "beian_add_event",
        "appid": value("add-appid"),
        "app_name": value("add-name"),
        "stage": value("add-stage"),
        "observed_at": observed_at,
        "detail": { "reason": value("add-reason"), "filing_number": value("add-number") },
    });
    let reply = chrome::send_message(&message.to_string()).await;
    let outcome: Result<(), String> = match reply {
        Ok(text) => match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(v) if v["ok"] == true => Ok(()),
            Ok(v) => Err(v["error"].as_str().unwrap_or("not saved").to_owned()),
            Err(e) => Err(e.to_string()),
        },
        Err(e) => Err(e),
    };
    match outcome {
        Ok(()) => {
            let _ = refresh(lang, None).await;
        }
        Err(error) => {
            if let Some(p) = dom.doc.get_element_by_id("add-message") {
                p.set_text_content(Some(&format!("{}{error}", lang.pick("未保存：", "Not saved: "))));
            }
        }
    }
}

fn exports(dom: &Dom, root: &Element, lang: Lang, records: &[Record], events: &[Event]) -> Result<(), JsValue> {
    let footer = dom.el(root, "footer", "exports")?;
    let link = |id: &str, text: &str, file: &str, mime: &str, content: &str| -> Result<(), JsValue> {
        let a = dom.text(&footer, "a", "button", text)?;
        a.set_id(id);
        a.set_attribute("download", file)?;
        a.set_attribute("href", &blob_url(content, mime)?)?;
        Ok(())
    };
    link(
        "export-json",
        lang.pick("导出 JSON", "Export JSON"),
        "beian-filings.json",
        "application/json",
        &export::to_json(records, events),
    )?;
    link(
        "export-csv",
        lang.pick("导出 CSV", "Export CSV"),
        "beian-filings.csv",
        "text/csv;charset=utf-8",
        &export::to_csv(records),
    )?;
    Ok(())
}

fn blob_url(content: &str, mime: &str) -> Result<String, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    web_sys::Url::create_object_url_with_blob(&blob)
}

fn stage_label(lang: Lang, stage: Stage) -> &'static str {
    match lang {
        Lang::Zh => stage.label_zh(),
        Lang::En => stage.label_en(),
    }
}

/// `11-20 09:30` in Beijing time.
fn short_time(t: Timestamp) -> String {
    let text = t.to_beijing().to_rfc3339();
    text.get(5..16).map(|s| s.replace('T', " ")).unwrap_or(text)
}
