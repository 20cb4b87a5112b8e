//! The running checker: the fields found, what is shown, and the check-and-render cycle.
//!
//! One session per page, kept in a thread-local (wasm is single-threaded). Every entry point —
//! event listener, observer, timer — goes through [`with`], which skips rather than panics if a
//! callback arrives while the session is busy.

use beian_rules::{check, Options, Report};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

use crate::discover::{self, Field, Kind};
use crate::hints::{Hints, Wanted};
use crate::read::{self, KnownUploads};
use crate::summary::{Item, Summary};
use crate::{dom, today, watch};
use web_sys::Element;

/// Performance entries the bench reads (`performance.getEntriesByName('beian:check')`): every check
/// that answers an event (keystroke, change, click, rescan).
const MEASURE: &str = "beian:check";
/// The idle re-read of all fields after typing pauses (see [`Session::reconcile`]): no event waits on it.
const MEASURE_RECONCILE: &str = "beian:reconcile";
const MARK: &str = "beian:check-start";
/// Marks the moment the form was recognised and `data-beian` set (page load → ready, in the bench).
const READY_MARK: &str = "beian:ready";
/// Measures are cleared after this many, so a long session does not accumulate them (the start
/// mark is cleared after every measure).
const MAX_MEASURES: u32 = 1000;

pub struct Session {
    /// The page's document, kept: fetching it is a JS round trip (two, with the type check).
    doc: web_sys::Document,
    mode: String,
    ready: bool,
    pub fields: Vec<Field>,
    /// The fields' values as last read: a keystroke re-reads only its own field.
    values: read::Values,
    pub uploads: KnownUploads,
    hints: Hints,
    pub summary: Summary,
    /// Set by a click on the submit button: from then on every check is complete.
    pub complete: bool,
    /// After a click on 下一步 (not the final submit), the paths shown then: the check is
    /// complete for that step only, and ends once the page shows fields that were not there (the
    /// next step, whose empty fields the user has not had a chance to fill).
    step_paths: Option<Vec<&'static str>>,
    /// Inside an IME composition: input events carry half-typed text and are ignored.
    pub composing: bool,
    en: bool,
    /// Kept, not fetched per check: `window.performance` costs a JS round trip each time.
    performance: Option<web_sys::Performance>,
    measures: u32,
}

thread_local! {
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
}

/// Runs `f` on the session, if there is one and it is not busy.
pub fn with<R>(f: impl FnOnce(&mut Session) -> R) -> Option<R> {
    SESSION.with(|cell| cell.try_borrow_mut().ok().and_then(|mut s| s.as_mut().map(f)))
}

pub fn start(mode: &str) -> Result<(), JsValue> {
    if with(|_| ()).is_some() {
        return Ok(()); // started twice (the loader re-ran): one session is enough
    }
    let en = dom::window().and_then(|w| w.navigator().language()).is_some_and(|l| l.to_ascii_lowercase().starts_with("en"));
    let session = Session {
        doc: dom::document().ok_or("no document")?,
        mode: mode.into(),
        ready: false,
        fields: Vec::new(),
        values: read::Values::default(),
        uploads: Vec::new(),
        hints: Hints::default(),
        summary: Summary::default(),
        complete: false,
        step_paths: None,
        composing: false,
        en,
        performance: dom::window().and_then(|w| w.performance()),
        measures: 0,
    };
    SESSION.with(|cell| *cell.borrow_mut() = Some(session));
    watch::install()?;
    with(|s| s.rescan()).transpose()?;
    Ok(())
}

impl Session {
    /// Finds the fields again (late sections, switches, wizard steps), then checks.
    pub fn rescan(&mut self) -> Result<(), JsValue> {
        let doc = self.doc.clone();
        #[cfg(target_arch = "wasm32")]
        crate::stage_capture::run(&doc);
        let scan = discover::scan(&doc, &self.fields);
        self.fields = scan.fields;
        unmark_stale(&doc, &self.fields);
        for f in &self.fields {
            if f.target.get_attribute("data-beian-field").as_deref() != Some(f.path) {
                f.target.set_attribute("data-beian-field", f.path)?;
            }
        }
        if let Some(step) = &self.step_paths {
            if self.fields.iter().any(|f| f.visible && !step.contains(&f.path)) {
                self.complete = false;
                self.step_paths = None;
            }
        }
        if !self.ready {
            if !beian_formmap::page::is_filing_form(scan.sections, self.fields.len()) {
                return Ok(()); // not (yet) a form: stay silent, the observer will look again
            }
            self.ready = true;
            if let Some(p) = &self.performance {
                let _ = p.mark(READY_MARK);
            }
            if let Some(root) = doc.document_element() {
                root.set_attribute("data-beian", &self.mode)?;
                root.remove_attribute("data-beian-error")?;
            }
        }
        self.recheck()
    }

    /// Reads all values, checks the draft and renders hints and summary.
    pub fn recheck(&mut self) -> Result<(), JsValue> {
        self.measured(MEASURE, None)
    }

    /// A keystroke in `edited`: re-reads that field only (all of them if it is not one of ours),
    /// then checks and renders. This is the path that must stay well under a millisecond.
    pub fn recheck_edited(&mut self, edited: &Element) -> Result<(), JsValue> {
        self.measured(MEASURE, Some(edited))
    }

    /// Typing paused: reads every field again, in case the page's own scripts changed one without
    /// an event we see (copying the subject principal, clearing a dependent field). Usually finds
    /// nothing new, and then the diffing renderer changes nothing.
    pub fn reconcile(&mut self) -> Result<(), JsValue> {
        self.measured(MEASURE_RECONCILE, None)
    }

    fn measured(&mut self, measure: &str, edited: Option<&Element>) -> Result<(), JsValue> {
        if !self.ready {
            return Ok(());
        }
        if let Some(p) = &self.performance {
            let _ = p.mark(MARK);
        }
        let result = self.check_and_render(edited);
        if let Some(p) = &self.performance {
            let _ = p.measure_with_start_mark(measure, MARK);
            // Marks pile up otherwise, and each new one gets slower (seen in a CPU profile).
            p.clear_marks_with_mark_name(MARK);
            self.measures += 1;
            if self.measures >= MAX_MEASURES {
                p.clear_measures_with_measure_name(MEASURE);
                p.clear_measures_with_measure_name(MEASURE_RECONCILE);
                self.measures = 0;
            }
        }
        result
    }

    /// The submit (or 下一步) button was clicked: show everything outstanding; when nothing blocks the
    /// filing, tell the service worker it went to platform review.
    pub fn submitted(&mut self, final_submit: bool) -> Result<(), JsValue> {
        // Once the final submit was clicked, every check stays complete for the whole form.
        let whole_form = final_submit || (self.complete && self.step_paths.is_none());
        self.complete = true;
        self.step_paths =
            if whole_form { None } else { Some(self.fields.iter().filter(|f| f.visible).map(|f| f.path).collect()) };
        self.recheck()?;
        if final_submit {
            let Some(today) = today::today() else { return Ok(()) };
            if !self.ready {
                // recheck() read nothing; on a recognised form it has just read every field.
                self.values.read_all(&self.fields, &self.uploads);
            }
            let reading = self.values.reading();
            let report = check(&reading.draft, &Options { today, complete: true });
            if !report.has_errors() {
                #[cfg(target_arch = "wasm32")]
                crate::stage_capture::on_submitted_form(&reading.draft);
            }
        }
        Ok(())
    }

    fn check_and_render(&mut self, edited: Option<&Element>) -> Result<(), JsValue> {
        let doc = self.doc.clone();
        let Some(today) = today::today() else { return Ok(()) };
        let index = edited.and_then(|el| self.edited_field(el));
        if !index.is_some_and(|i| self.values.read_one(&self.fields, i, &self.uploads)) {
            self.values.read_all(&self.fields, &self.uploads);
        }
        let reading = self.values.reading();
        let report = check(&reading.draft, &Options { today, complete: self.complete });
        let placed = self.place(&report, &reading.upload_fields);
        let wanted: Vec<Wanted> = report
            .findings
            .iter()
            .zip(&placed)
            .filter_map(|(f, field)| {
                Some(Wanted { field: (*field)?, rule: f.rule.id(), severity: f.severity, message: self.message(f) })
            })
            .collect();
        self.hints.render(&doc, &self.fields, &wanted)?;
        let items = report
            .findings
            .iter()
            .zip(&placed)
            .map(|(f, field)| {
                let field = field.and_then(|i| self.fields.get(i));
                Item {
                    label: field.map(|x| x.label.clone()).unwrap_or_default(),
                    message: self.message(f).to_string(),
                    severity: f.severity.as_str(),
                    target: field.map(|x| x.target.clone()),
                }
            })
            .collect();
        self.summary.render(&doc, report.summary, items, self.complete, self.en)
    }

    /// The text field whose control is `el`: its `data-beian-field` names the path, one identity
    /// check confirms it (paths repeat for uploads and groups, which are read in full).
    fn edited_field(&self, el: &Element) -> Option<usize> {
        let path = el.get_attribute("data-beian-field")?;
        self.fields.iter().position(|f| f.path == path && f.kind == Kind::Text && f.controls.first() == Some(el))
    }

    fn message<'a>(&self, f: &'a beian_rules::Finding) -> &'a str {
        if self.en && !f.message_en.is_empty() { &f.message_en } else { &f.message }
    }

    /// Which field shows each finding: the field with its path (`materials.uploads[i]`: the field
    /// of the i-th upload). A finding whose field is not on the page (the app principal's fields
    /// behind 复用主体负责人信息) goes to the nearest field of the same person, else only to the summary.
    fn place(&self, report: &Report, upload_fields: &[usize]) -> Vec<Option<usize>> {
        report
            .findings
            .iter()
            .map(|f| {
                if let Some(i) = upload_index(&f.field) {
                    return upload_fields.get(i).copied();
                }
                // `app.pre_approvals[1]`: the item's finding shows at its group.
                let path = f.field.split_once('[').map_or(f.field.as_str(), |(head, _)| head);
                let exact = self.fields.iter().position(|x| x.path == path && x.kind != Kind::LongTerm && x.kind != Kind::Sealed);
                exact.or_else(|| {
                    let prefix = f.field.split('.').next().unwrap_or("");
                    (prefix == "app_principal")
                        .then(|| self.fields.iter().position(|x| x.path == "app_principal.reuse_subject_principal"))
                        .flatten()
                })
            })
            .collect()
    }
}

/// Takes `data-beian-field` off elements that are no longer fields of ours: a row whose label the
/// page changed, a step replaced by another, a control the page cloned together with our attribute.
fn unmark_stale(doc: &web_sys::Document, fields: &[Field]) {
    let Ok(marked) = doc.query_selector_all("[data-beian-field]") else { return };
    for i in 0..marked.length() {
        let Some(el) = marked.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        // The path (a Rust string compare) narrows the identity checks (JS calls) to one or two.
        let path = el.get_attribute("data-beian-field").unwrap_or_default();
        if !fields.iter().any(|f| f.path == path && f.target == el) {
            let _ = el.remove_attribute("data-beian-field");
        }
    }
}

/// `materials.uploads[3]` → 3.
fn upload_index(path: &str) -> Option<usize> {
    path.strip_prefix("materials.uploads[")?.strip_suffix(']')?.parse().ok()
}

/// Called by the listeners when a file input changed: read the file, then check again.
pub fn file_chosen(input: web_sys::Element) {
    let slot = with(|s| {
        s.fields.iter().find_map(|f| match f.kind {
            Kind::Upload { slot } if f.controls.first() == Some(&input) => Some(slot),
            _ => None,
        })
    })
    .flatten();
    let Some(slot) = slot else { return };
    crate::uploads::read_chosen(input, slot, |input, meta| {
        with(|s| {
            s.uploads.retain(|(e, _)| e != &input);
            s.uploads.push((input, meta));
            let _ = s.recheck();
        });
    });
}

#[cfg(test)]
mod tests {
    use super::upload_index;

    #[test]
    fn upload_paths_give_their_index() {
        assert_eq!(upload_index("materials.uploads[0]"), Some(0));
        assert_eq!(upload_index("materials.uploads[12]"), Some(12));
        assert_eq!(upload_index("materials.uploads"), None);
        assert_eq!(upload_index("materials.uploads[x]"), None);
        assert_eq!(upload_index("app.pre_approvals[1]"), None);
    }
}
