//! Event wiring: typing (ignoring IME compositions until they end), changes, file choices, submit
//! clicks, and a debounced MutationObserver for late sections. Listeners are on the document in the
//! capture phase, so a page that stops propagation still gets checked; none of them ever calls
//! preventDefault on the page's events or changes a value.

use beian_formmap::label::is_one_of;
use beian_formmap::synonyms::{NEXT_BUTTONS, SUBMIT_BUTTONS};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{AddEventListenerOptions, Element, Event, HtmlInputElement, MutationObserver, MutationObserverInit, MutationRecord};

use std::cell::Cell;
use std::thread::LocalKey;

use crate::{dom, session};

/// Quiet time after the last DOM change before the form is scanned again.
const RESCAN_DEBOUNCE_MS: i32 = 150;
/// After a keystroke, all fields are read again this much later (once per burst of typing), see
/// `Session::reconcile`.
const RECONCILE_AFTER_MS: i32 = 400;

thread_local! {
    static RESCAN_TIMER: Cell<i32> = const { Cell::new(0) };
    static RECONCILE_TIMER: Cell<i32> = const { Cell::new(0) };
}

pub fn install() -> Result<(), JsValue> {
    let doc = dom::document().ok_or("no document")?;
    listen(&doc, "input", |e| {
        let composing = e.dyn_ref::<web_sys::InputEvent>().is_some_and(|i| i.is_composing());
        let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
        let checked = session::with(|s| {
            if s.composing || composing {
                return false;
            }
            let _ = match &target {
                Some(t) => s.recheck_edited(t),
                None => s.recheck(),
            };
            true
        });
        if checked == Some(true) {
            schedule_reconcile();
        }
    })?;
    listen(&doc, "compositionstart", |_| {
        session::with(|s| s.composing = true);
    })?;
    listen(&doc, "compositionend", |_| {
        session::with(|s| {
            s.composing = false;
            let _ = s.recheck();
        });
    })?;
    listen(&doc, "change", |e| {
        let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
        if let Some(t) = &target {
            if t.dyn_ref::<HtmlInputElement>().is_some_and(|i| i.type_() == "file") {
                session::file_chosen(t.clone());
            }
        }
        session::with(|s| s.recheck());
    })?;
    listen(&doc, "click", |e| {
        let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        if dom::is_ours(&target) {
            return;
        }
        let button = target.closest("button, a, [role=\"button\"], input[type=\"submit\"], .weui-desktop-btn").ok().flatten();
        let Some(button) = button else { return };
        let text = button
            .get_attribute("value")
            .filter(|_| button.tag_name().eq_ignore_ascii_case("input"))
            .unwrap_or_else(|| dom::text(&button));
        let final_submit = is_one_of(&text, SUBMIT_BUTTONS);
        if final_submit || is_one_of(&text, NEXT_BUTTONS) {
            // Show everything still outstanding; the page's own submit goes ahead untouched.
            session::with(|s| s.submitted(final_submit));
        }
    })?;
    observe(&doc)
}

fn listen(doc: &web_sys::Document, event: &str, f: impl FnMut(Event) + 'static) -> Result<(), JsValue> {
    let closure = Closure::<dyn FnMut(Event)>::new(f);
    let options = AddEventListenerOptions::new();
    options.set_capture(true);
    options.set_passive(true);
    doc.add_event_listener_with_callback_and_add_event_listener_options(event, closure.as_ref().unchecked_ref(), &options)?;
    closure.forget(); // lives as long as the page
    Ok(())
}

fn observe(doc: &web_sys::Document) -> Result<(), JsValue> {
    let callback = Closure::<dyn FnMut(js_sys::Array, MutationObserver)>::new(|records: js_sys::Array, _| {
        // Our own hints and summary changing the DOM must not trigger a rescan loop.
        let foreign = records.iter().any(|r| {
            let Ok(r) = r.dyn_into::<MutationRecord>() else { return false };
            match r.target().and_then(|t| t.parent_element().filter(|_| t.dyn_ref::<Element>().is_none()).or_else(|| t.dyn_into::<Element>().ok())) {
                Some(el) => !dom::is_ours(&el) && !only_ours(&r),
                None => true,
            }
        });
        if foreign {
            schedule_rescan();
        }
    });
    let observer = MutationObserver::new(callback.as_ref().unchecked_ref())?;
    callback.forget();
    let init = MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    init.set_character_data(true);
    init.set_attributes(true);
    // aria-checked: a switch (`role=switch`) may change nothing else when toggled.
    init.set_attribute_filter(&js_sys::Array::of4(&"class".into(), &"style".into(), &"hidden".into(), &"aria-checked".into()));
    let root = doc.document_element().ok_or("no root")?;
    observer.observe_with_options(&root, &init)
}

/// Whether a childList record only added or removed our own elements.
fn only_ours(r: &MutationRecord) -> bool {
    let all_ours = |list: web_sys::NodeList| {
        (0..list.length()).all(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()).is_some_and(|e| dom::is_ours(&e)))
    };
    let added = r.added_nodes();
    let removed = r.removed_nodes();
    (added.length() + removed.length() > 0) && all_ours(added) && all_ours(removed)
}

fn schedule_rescan() {
    schedule_once(&RESCAN_TIMER, RESCAN_DEBOUNCE_MS, |s| {
        let _ = s.rescan();
    });
}

fn schedule_reconcile() {
    schedule_once(&RECONCILE_TIMER, RECONCILE_AFTER_MS, |s| {
        let _ = s.reconcile();
    });
}

/// Runs `task` on the session after `ms`, unless a run through `timer` is already pending: the
/// pending one covers this request too.
fn schedule_once(timer: &'static LocalKey<Cell<i32>>, ms: i32, task: fn(&mut session::Session)) {
    let Some(window) = dom::window() else { return };
    if timer.with(|t| t.get()) != 0 {
        return;
    }
    let run = Closure::once_into_js(move || {
        timer.with(|t| t.set(0));
        session::with(task);
    });
    if let Ok(id) = window.set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), ms) {
        timer.with(|t| t.set(id));
    }
}
