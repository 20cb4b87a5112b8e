//! Rule families, one file each (rules.md §0–§E). Every family exposes
//! `pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>)` and is registered in [`FAMILIES`];
//! a test checks that every family file is registered and every rule id it emits is catalogued.

use crate::data::{self, Province};
use crate::draft::{Draft, Person};
use crate::finding::Finding;
use crate::{Date, Options};
use std::borrow::Cow;

mod app;
mod cross;
mod input;
mod materials;
mod person;
mod subject;

/// What every rule sees: the draft, the options, and values derived once per check.
pub(crate) struct Ctx<'a> {
    pub draft: &'a Draft,
    pub today: Date,
    pub complete: bool,
    /// The app principal as the platform will see it: with "复用主体负责人信息" chosen, every field
    /// the page left empty is the subject principal's.
    pub app_principal: Option<Cow<'a, Person>>,
    /// The subject's province as chosen in the picker (`广东省`, `44` …): several families need
    /// it, so it is resolved once here.
    pub province: Option<&'static Province>,
}

impl<'a> Ctx<'a> {
    pub fn new(draft: &'a Draft, options: &Options) -> Self {
        let app_principal = match (&draft.app_principal, &draft.subject_principal) {
            (Some(ap), Some(sp)) if ap.reuse_subject_principal == Some(true) => {
                let pick = |a: &Option<String>, s: &Option<String>| {
                    if crate::normalize::present(a).is_some() { a.clone() } else { s.clone() }
                };
                Some(Cow::Owned(Person {
                    name: pick(&ap.name, &sp.name),
                    certificate_type: pick(&ap.certificate_type, &sp.certificate_type),
                    certificate_number: pick(&ap.certificate_number, &sp.certificate_number),
                    validity_start: pick(&ap.validity_start, &sp.validity_start),
                    validity_end: pick(&ap.validity_end, &sp.validity_end),
                    mobile: pick(&ap.mobile, &sp.mobile),
                    emergency_mobile: pick(&ap.emergency_mobile, &sp.emergency_mobile),
                    email: pick(&ap.email, &sp.email),
                    is_legal_representative: None,
                    reuse_subject_principal: Some(true),
                }))
            }
            (Some(ap), _) => Some(Cow::Borrowed(ap)),
            (None, _) => None,
        };
        let province = draft.subject.as_ref().and_then(|s| s.province.as_deref()).and_then(data::province_from_input);
        Ctx { draft, today: options.today, complete: options.complete, app_principal, province }
    }

    /// The persons the person rules run on, with their field-path prefix.
    pub fn persons(&self) -> impl Iterator<Item = (&'static str, &Person)> {
        let sp = self.draft.subject_principal.as_ref().map(|p| ("subject_principal", p));
        let ap = self.app_principal.as_deref().map(|p| ("app_principal", p));
        sp.into_iter().chain(ap)
    }
}

type FamilyCheck = fn(&Ctx, &mut Vec<Finding>);

/// Every family, in form order. (name, check): the name is the file name under `families/`.
pub(crate) const FAMILIES: &[(&str, FamilyCheck)] = &[
    ("input", input::check),
    ("subject", subject::check),
    ("person", person::check),
    ("app", app::check),
    ("cross", cross::check),
    ("materials", materials::check),
];

pub(crate) fn run_all(ctx: &Ctx, out: &mut Vec<Finding>) {
    for (_, check) in FAMILIES {
        check(ctx, out);
    }
}
