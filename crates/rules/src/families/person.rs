//! §B person rules, run for 主体负责人 (`subject_principal`) and 小程序负责人 (`app_principal`).
//!
//! When the app principal reuses the subject principal ("复用主体负责人信息"), a field it took over
//! (or that the page copied verbatim) is checked once, on the subject principal: the user fixes it
//! there. Rules that only concern the app principal (mainland ID for face verification) still run
//! on the merged person.

use super::Ctx;
use crate::catalog::Rule;
use crate::date::Date;
use crate::draft::Person;
use crate::finding::{Finding, Severity};
use crate::ids::{self, EmailProblem, IdProblem, MobileProblem, PersonalDocument};
use crate::normalize;

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    // 宁夏 warns six months ahead instead of three (the official materials page).
    let warn_months = if subject_in_ningxia(ctx) { 6 } else { 3 };
    for (prefix, person) in ctx.persons() {
        let checker = PersonCheck { ctx, prefix, person, warn_months, out: &mut *out };
        checker.run();
    }
    legal_representative(ctx, out);
}

/// The document type a person's number is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DocumentType {
    Personal(PersonalDocument),
    /// A type that is not a personal document (reported by `person_certificate_type_personal`).
    Other,
    /// No type given and the number does not look like a resident ID: nothing to check it against.
    Unknown,
}

struct PersonCheck<'c, 'a> {
    ctx: &'c Ctx<'a>,
    prefix: &'static str,
    person: &'c Person,
    /// Months ahead of expiry that person_validity_expiring starts warning.
    warn_months: i32,
    out: &'c mut Vec<Finding>,
}

impl PersonCheck<'_, '_> {
    fn run(mut self) {
        let doc = self.document_type();
        self.name(doc);
        self.certificate_type(doc);
        let id_valid = self.certificate_number(doc);
        self.validity(doc, id_valid);
        self.mobiles();
        self.email();
    }

    fn push(&mut self, rule: Rule, severity: Severity, field: &str, message: String, message_en: String) {
        let path = format!("{}.{field}", self.prefix);
        self.out.push(Finding::new(rule, severity, path, message, message_en));
    }

    fn is_app_principal(&self) -> bool {
        self.prefix == "app_principal"
    }

    /// Whether `field` of the app principal is the subject principal's value taken over by
    /// "复用主体负责人信息": it is then checked (and reported) on the subject principal only.
    fn inherited(&self, field: fn(&Person) -> &Option<String>) -> bool {
        if !self.is_app_principal() {
            return false;
        }
        let draft = self.ctx.draft;
        let (Some(raw), Some(subject)) = (&draft.app_principal, &draft.subject_principal) else { return false };
        if raw.reuse_subject_principal != Some(true) {
            return false;
        }
        match normalize::present(field(raw)) {
            None => true,
            Some(own) => normalize::present(field(subject)) == Some(own),
        }
    }

    /// The value of a field when this person owns it (present and not inherited).
    fn own<'p>(&self, field: fn(&Person) -> &Option<String>, person: &'p Person) -> Option<&'p str> {
        if self.inherited(field) { None } else { normalize::present(field(person)) }
    }

    /// Whether a `*_required` rule should speak for `field`.
    fn missing(&self, field: fn(&Person) -> &Option<String>) -> bool {
        self.ctx.complete && normalize::present(field(self.person)).is_none() && !self.inherited(field)
    }

    fn document_type(&self) -> DocumentType {
        match normalize::present(&self.person.certificate_type) {
            Some(name) => document_from_name(name),
            None => {
                // No type on the page: a number made of ID characters with an ID-like length is a
                // resident ID typed before the type was chosen (the platform's default).
                let number = self.person.certificate_number.as_deref().map(|s| normalize::code(s, true));
                match number {
                    Some(n) if (15..=20).contains(&n.value.len()) && n.value.bytes().all(|b| b.is_ascii_digit() || b == b'X') => {
                        DocumentType::Personal(PersonalDocument::ResidentId)
                    }
                    _ => DocumentType::Unknown,
                }
            }
        }
    }

    fn name(&mut self, doc: DocumentType) {
        let field: fn(&Person) -> &Option<String> = |p| &p.name;
        if self.missing(field) {
            self.push(Rule::PersonNameRequired, Severity::Error, "name", "请填写负责人姓名。".into(), "Enter the principal's name.".into());
            return;
        }
        let Some(name) = self.own(field, self.person) else { return };
        if doc != DocumentType::Personal(PersonalDocument::ResidentId) {
            return;
        }
        let odd = name.chars().any(|c| {
            let c = normalize::halfwidth_char(c);
            c.is_ascii_alphanumeric() || c.is_whitespace()
        });
        if odd {
            self.push(
                Rule::PersonNameFormat,
                Severity::Warning,
                "name",
                "姓名应与身份证上完全一致：不要含数字、空格或英文字母（少数民族姓名用“·”分隔）。".into(),
                "The name must match the ID card exactly: no digits, spaces or Latin letters (use “·” in ethnic-minority names).".into(),
            );
        }
    }

    fn certificate_type(&mut self, doc: DocumentType) {
        let field: fn(&Person) -> &Option<String> = |p| &p.certificate_type;
        if normalize::present(&self.person.certificate_type).is_none() {
            return;
        }
        if doc == DocumentType::Other {
            if !self.inherited(field) {
                self.push(
                    Rule::PersonCertificateTypePersonal,
                    Severity::Error,
                    "certificate_type",
                    "负责人须使用个人证件：居民身份证、护照、港澳台居民通行证或居住证、外国人永久居留身份证。".into(),
                    "A principal must use a personal document: resident ID card, passport, HK/Macau/Taiwan travel or residence permit, or foreign permanent residence card.".into(),
                );
            }
            return;
        }
        if self.is_app_principal() && doc != DocumentType::Personal(PersonalDocument::ResidentId) {
            self.push(
                Rule::PersonAppPrincipalMainlandId,
                Severity::Error,
                "certificate_type",
                "小程序负责人须使用中国大陆居民身份证（人脸核身只支持居民身份证），请更换为持有大陆身份证的负责人。".into(),
                "The mini program principal must hold a mainland resident ID card (face verification accepts nothing else); choose such a person.".into(),
            );
        }
    }

    /// Checks the number; returns whether it is a valid resident ID (or residence permit) whose
    /// birth date can be trusted by the later rules.
    fn certificate_number(&mut self, doc: DocumentType) -> bool {
        let field: fn(&Person) -> &Option<String> = |p| &p.certificate_number;
        if self.missing(field) {
            self.push(Rule::PersonIdRequired, Severity::Error, "certificate_number", "请填写负责人证件号码。".into(), "Enter the principal's document number.".into());
            return false;
        }
        let Some(raw) = normalize::present(&self.person.certificate_number) else { return false };
        let number = normalize::code(raw, true);
        let number = number.value.as_ref();
        let reported = self.inherited(field);
        match doc {
            DocumentType::Personal(PersonalDocument::ResidentId) => {
                match ids::resident_id_problem(number, self.ctx.today) {
                    None => {
                        if !reported {
                            self.minor(number);
                        }
                        true
                    }
                    Some(problem) => {
                        if !reported {
                            self.push_id_problem(problem);
                        }
                        false
                    }
                }
            }
            DocumentType::Personal(permit) => {
                // An app principal with a non-mainland document is told to change the person
                // (person_app_principal_mainland_id); the number's format is moot then.
                if reported || self.is_app_principal() {
                    return false;
                }
                if !ids::permit_format_valid(permit, number) {
                    let (severity, zh, en) = permit_message(permit);
                    self.push(Rule::PersonPermitFormat, severity, "certificate_number", zh.into(), en.into());
                    return false;
                }
                // Residence permits carry a birth date like a resident ID: the minor check applies.
                let birth_date_trusted = permit.is_residence_permit() && ids::resident_id_problem(number, self.ctx.today).is_none();
                if birth_date_trusted {
                    self.minor(number);
                }
                birth_date_trusted
            }
            DocumentType::Other | DocumentType::Unknown => false,
        }
    }

    fn push_id_problem(&mut self, problem: IdProblem) {
        let (rule, zh, en) = match problem {
            IdProblem::Length => (
                Rule::PersonIdLength,
                "身份证号码应为18位（15位旧号码不能使用），请按身份证重新填写。",
                "An ID number has 18 characters (old 15-digit numbers are not accepted); copy it from the card again.",
            ),
            IdProblem::Charset => (
                Rule::PersonIdCharset,
                "身份证号码应为17位数字加1位数字或X，请检查是否混入字母或符号。",
                "An ID number is 17 digits followed by a digit or X; remove letters and symbols.",
            ),
            IdProblem::Region => (
                Rule::PersonIdRegion,
                "身份证号码前6位不是有效的行政区划代码，请核对号码。",
                "The first 6 digits are not a valid division code; check the number.",
            ),
            IdProblem::BirthDate => (
                Rule::PersonIdBirthDate,
                "身份证号码中的出生日期（第7–14位）无效，请核对号码。",
                "The birth date in the ID number (digits 7–14) is not valid; check the number.",
            ),
            IdProblem::Checksum => (
                Rule::PersonIdChecksum,
                "身份证号码校验位不正确，号码可能输错了一位，请对照证件核对。",
                "The ID number's check character is wrong: a digit is probably mistyped; compare with the card.",
            ),
        };
        self.push(rule, Severity::Error, "certificate_number", zh.into(), en.into());
    }

    fn minor(&mut self, number: &str) {
        let Some(born) = ids::birth_date(number) else { return };
        if born.years_until(self.ctx.today) < 18 {
            self.push(
                Rule::PersonIdMinor,
                Severity::Warning,
                "certificate_number",
                "负责人未满18周岁，备案通常会被驳回，请更换为成年负责人。".into(),
                "The principal is under 18; filings are usually rejected, so choose an adult.".into(),
            );
        }
    }

    fn validity(&mut self, doc: DocumentType, id_valid: bool) {
        let start_field: fn(&Person) -> &Option<String> = |p| &p.validity_start;
        let end_field: fn(&Person) -> &Option<String> = |p| &p.validity_end;
        for (field, name) in [(start_field, "validity_start"), (end_field, "validity_end")] {
            if self.missing(field) {
                self.push(
                    Rule::PersonValidityRequired,
                    Severity::Error,
                    name,
                    "请填写证件有效期的起止日期（长期有效的证件，截止日期选“长期”）。".into(),
                    "Enter the document's validity start and end (choose 长期 for cards valid indefinitely).".into(),
                );
            }
        }
        let start_raw = self.own(start_field, self.person);
        let end_raw = self.own(end_field, self.person);
        let start = start_raw.map(parse_validity);
        let end = end_raw.map(parse_validity);

        match start {
            Some(Validity::Invalid | Validity::Indefinite) => {
                self.push_invalid("validity_start", "有效期起始日期不是有效日期，请按证件填写，如 2015-03-01。", "The validity start is not a real date; enter it as printed, e.g. 2015-03-01.");
            }
            Some(Validity::Date(s)) if s > self.ctx.today => {
                self.push_invalid("validity_start", "有效期起始日期在今天之后，请核对证件。", "The validity start is in the future; check the document.");
            }
            _ => {}
        }
        match (start, end) {
            (_, Some(Validity::Invalid)) => {
                self.push_invalid("validity_end", "有效期截止日期不是有效日期，请填写日期或“长期”。", "The validity end is not a real date; enter a date or 长期.");
            }
            (Some(Validity::Date(s)), Some(Validity::Date(e))) if e <= s => {
                self.push_invalid("validity_end", "有效期截止日期应晚于起始日期，请核对。", "The validity end must be after its start; check both dates.");
            }
            (_, Some(Validity::Date(e))) => self.expiring(e),
            _ => {}
        }
        // The span rule needs a trustworthy birth date and two dates that passed the checks above.
        let resident_id = doc == DocumentType::Personal(PersonalDocument::ResidentId);
        if let (true, true, Some(Validity::Date(s)), Some(e)) = (id_valid, resident_id, start, end) {
            let end_ok = match e {
                Validity::Date(e) => e > s,
                Validity::Indefinite => true,
                Validity::Invalid => false,
            };
            if s <= self.ctx.today && end_ok {
                self.span(s, e);
            }
        }
    }

    fn push_invalid(&mut self, field: &str, zh: &str, en: &str) {
        self.push(Rule::PersonValidityInvalid, Severity::Error, field, zh.into(), en.into());
    }

    fn expiring(&mut self, end: Date) {
        let today = self.ctx.today;
        let warn_months = self.warn_months;
        let (Some(one_month), Some(warn_limit)) = (today.add_months(1), today.add_months(warn_months)) else { return };
        if end < today {
            self.push(
                Rule::PersonValidityExpiring,
                Severity::Error,
                "validity_end",
                "证件已过期，请换领新证件后再备案。".into(),
                "The document has expired; renew it before filing.".into(),
            );
        } else if end < one_month {
            self.push(
                Rule::PersonValidityExpiring,
                Severity::Error,
                "validity_end",
                "证件将在1个月内到期，审核期间会失效，请换领新证件后再备案。".into(),
                "The document expires within a month, before review ends; renew it first.".into(),
            );
        } else if end < warn_limit {
            self.push(
                Rule::PersonValidityExpiring,
                Severity::Warning,
                "validity_end",
                format!("证件将在{warn_months}个月内到期，可能在审核期间失效，建议先换领新证件。"),
                format!("The document expires within {warn_months} months and may lapse during review; consider renewing it first."),
            );
        }
    }

    /// 居民身份证法 §5: the validity term follows the holder's age when the card is issued.
    fn span(&mut self, start: Date, end: Validity) {
        let Some(number) = normalize::present(&self.person.certificate_number) else { return };
        let Some(born) = ids::birth_date(&normalize::code(number, true).value) else { return };
        let actual = match end {
            Validity::Indefinite => Term::Indefinite,
            Validity::Date(end) => match [5, 10, 20].into_iter().find(|&years| {
                start.add_years(years).is_some_and(|expected| expected.days_until(end).abs() <= SPAN_TOLERANCE_DAYS)
            }) {
                Some(years) => Term::Years(years),
                None => Term::Irregular,
            },
            Validity::Invalid => return,
        };
        // The age counts on the application day, which can be weeks before the issue date printed
        // as the start; a few days of clerical slack the other way.
        let (Some(applied), Some(late)) = (start.add_days(-APPLICATION_LEAD_DAYS), start.add_days(SPAN_TOLERANCE_DAYS)) else { return };
        let allowed = [term_for_age(born.years_until(applied)), term_for_age(born.years_until(late))];
        if allowed.contains(&actual) {
            return;
        }
        let expected = term_for_age(born.years_until(start));
        let (zh, en) = match expected {
            Term::Years(y) => (format!("{y}年"), format!("{y} years")),
            _ => ("长期".to_owned(), "indefinite (长期)".to_owned()),
        };
        self.push(
            Rule::PersonValiditySpan,
            Severity::Warning,
            "validity_end",
            format!("按签发时的年龄，这张身份证的有效期应为{zh}，请核对起止日期是否填错。"),
            format!("At the holder's age on issue this ID card is valid for {en}; check the validity dates."),
        );
    }

    fn mobiles(&mut self) {
        let mobile_field: fn(&Person) -> &Option<String> = |p| &p.mobile;
        let emergency_field: fn(&Person) -> &Option<String> = |p| &p.emergency_mobile;
        if self.missing(mobile_field) {
            self.push(Rule::PersonMobileRequired, Severity::Error, "mobile", "请填写负责人手机号。".into(), "Enter the principal's mobile number.".into());
        }
        if self.missing(emergency_field) {
            self.push(
                Rule::PersonEmergencyRequired,
                Severity::Error,
                "emergency_mobile",
                "请填写应急手机号（另一位可联系人的手机号）。".into(),
                "Enter an emergency mobile number (another person who can be reached).".into(),
            );
        }
        let mobile = normalize::present(&self.person.mobile).map(normalize::phone);
        let emergency = normalize::present(&self.person.emergency_mobile).map(normalize::phone);
        let mobile_ok = mobile.as_ref().is_some_and(|m| ids::mobile_problem(&m.value) != Some(MobileProblem::Format));
        if let Some(m) = &mobile {
            if !self.inherited(mobile_field) {
                match ids::mobile_problem(&m.value) {
                    Some(MobileProblem::Format) => self.push(
                        Rule::PersonMobileFormat,
                        Severity::Error,
                        "mobile",
                        "手机号应为11位中国大陆手机号（1开头），请检查位数。".into(),
                        "Enter an 11-digit mainland mobile number starting with 1.".into(),
                    ),
                    Some(MobileProblem::NotVoiceRange) => self.push(
                        Rule::PersonMobileDataOnly,
                        Severity::Warning,
                        "mobile",
                        "该号段是物联网/上网卡或未分配号段，无法接收核验短信和电话，请换用普通手机号。".into(),
                        "This range is data-only/IoT or unallocated and cannot receive verification calls or SMS; use an ordinary mobile.".into(),
                    ),
                    None => {}
                }
            }
        }
        let Some(e) = &emergency else { return };
        if self.inherited(emergency_field) {
            return;
        }
        if ids::mobile_problem(&e.value) == Some(MobileProblem::Format) {
            self.push(
                Rule::PersonEmergencyFormat,
                Severity::Error,
                "emergency_mobile",
                "应急联系方式应为11位中国大陆手机号。".into(),
                "The emergency contact must be an 11-digit mainland mobile number.".into(),
            );
        } else if mobile_ok && mobile.as_ref().is_some_and(|m| m.value == e.value) {
            self.push(
                Rule::PersonEmergencySame,
                Severity::Error,
                "emergency_mobile",
                "应急手机号不能与本人手机号相同，请填写另一位可联系人的号码。".into(),
                "The emergency number must differ from the principal's own mobile.".into(),
            );
        }
    }

    fn email(&mut self) {
        let field: fn(&Person) -> &Option<String> = |p| &p.email;
        if self.missing(field) {
            self.push(Rule::PersonEmailRequired, Severity::Error, "email", "请填写负责人电子邮箱。".into(), "Enter the principal's e-mail address.".into());
            return;
        }
        // Checked as typed (trimmed only): the platform rejects full-width ＠ and ．.
        let Some(email) = self.own(field, self.person) else { return };
        match ids::email_problem(email) {
            Some(EmailProblem::Format) => self.push(
                Rule::PersonEmailFormat,
                Severity::Error,
                "email",
                "邮箱格式不正确：应为半角英文的 name@example.com，不能含全角＠．、空格或中文。".into(),
                "Invalid e-mail: use half-width ASCII like name@example.com, without full-width ＠．, spaces or Chinese.".into(),
            ),
            Some(EmailProblem::Typo) => {
                let domain = email.rsplit('@').next().unwrap_or("");
                let meant = ids::email_typo_suggestion(domain).unwrap_or("");
                self.push(
                    Rule::PersonEmailTypo,
                    Severity::Warning,
                    "email",
                    format!("邮箱域名“{domain}”疑似拼写错误，是否应为“{meant}”？"),
                    format!("The e-mail domain “{domain}” looks misspelt; did you mean “{meant}”?"),
                );
            }
            None => {}
        }
    }
}

/// Card issue dates trail the application by up to this many days.
const APPLICATION_LEAD_DAYS: i64 = 120;
/// Slack between the printed end date and start + term.
const SPAN_TOLERANCE_DAYS: i64 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Term {
    Years(i32),
    Indefinite,
    Irregular,
}

fn term_for_age(age: i32) -> Term {
    match age {
        ..=15 => Term::Years(5),
        16..=25 => Term::Years(10),
        26..=45 => Term::Years(20),
        _ => Term::Indefinite,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Validity {
    Date(Date),
    /// `长期`.
    Indefinite,
    Invalid,
}

fn parse_validity(s: &str) -> Validity {
    let s = normalize::code(s, false);
    match s.value.as_ref() {
        "长期" | "长期有效" | "永久" | "永久有效" => Validity::Indefinite,
        v => Date::parse(v).map_or(Validity::Invalid, Validity::Date),
    }
}

fn document_from_name(name: &str) -> DocumentType {
    if let Some(doc) = PersonalDocument::from_name(name) {
        return DocumentType::Personal(doc);
    }
    // The platform's exact names, compared width- and space-insensitively.
    crate::data::PERSONAL_CERTIFICATE_TYPES
        .iter()
        .find(|t| crate::data::same_certificate_type(t, name))
        .and_then(|t| PersonalDocument::from_name(t))
        .map_or(DocumentType::Other, DocumentType::Personal)
}

pub(super) fn subject_in_ningxia(ctx: &Ctx) -> bool {
    ctx.province.is_some_and(|p| p.code == 64)
}

fn permit_message(doc: PersonalDocument) -> (Severity, &'static str, &'static str) {
    match doc {
        PersonalDocument::HkMacaoResidencePermit => (
            Severity::Error,
            "港澳居民居住证号码应为18位，以810000（香港）或820000（澳门）开头，校验位正确。",
            "A HK/Macau residence permit number has 18 characters starting 810000 (HK) or 820000 (Macau), with a valid check character.",
        ),
        PersonalDocument::TaiwanResidencePermit => (
            Severity::Error,
            "台湾居民居住证号码应为18位，以830000开头，校验位正确。",
            "A Taiwan residence permit number has 18 characters starting 830000, with a valid check character.",
        ),
        PersonalDocument::HkMacaoTravelPermit => (
            Severity::Warning,
            "港澳居民来往内地通行证号码应为H或M加8位（或10位）数字，请核对。",
            "A HK/Macau travel permit number is H or M followed by 8 (or 10) digits; check it.",
        ),
        PersonalDocument::TaiwanTravelPermit => (
            Severity::Warning,
            "台湾居民来往大陆通行证号码应为8位数字，请核对。",
            "A Taiwan travel permit number has 8 digits; check it.",
        ),
        PersonalDocument::ForeignPermanentResident => (
            Severity::Warning,
            "外国人永久居留身份证号码应为9开头的18位（新版）或3个字母加12位数字（旧版），请核对。",
            "A foreign permanent residence card number is 18 characters starting with 9 (new) or 3 letters and 12 digits (old); check it.",
        ),
        PersonalDocument::ResidentId | PersonalDocument::Passport => (Severity::Warning, "请核对证件号码。", "Check the document number."),
    }
}

/// person_not_legal_rep: a subject principal who is not the legal representative needs the
/// authorisation letter or the legal representative's details.
fn legal_representative(ctx: &Ctx, out: &mut Vec<Finding>) {
    let draft = ctx.draft;
    let Some(principal) = &draft.subject_principal else { return };
    if principal.is_legal_representative != Some(false) {
        return;
    }
    let personal = draft.subject.as_ref().and_then(|s| normalize::present(&s.nature)) == Some("个人");
    let letter = draft.materials.as_ref().and_then(|m| m.authorization_letter.as_ref()).and_then(|l| l.uploaded) == Some(true)
        || draft.materials.as_ref().and_then(|m| m.uploads.as_ref()).is_some_and(|uploads| {
            uploads.iter().any(|u| normalize::present(&u.slot) == Some("authorization_letter"))
        });
    let legal_person = draft
        .legal_person
        .as_ref()
        .is_some_and(|l| normalize::present(&l.name).is_some() || normalize::present(&l.certificate_number).is_some());
    if personal || letter || legal_person {
        return;
    }
    out.push(Finding::new(
        Rule::PersonNotLegalRep,
        Severity::Error,
        "subject_principal.is_legal_representative",
        "主体负责人不是法定代表人时，须上传加盖公章的授权书并填写法定代表人信息。",
        "When the subject principal is not the legal representative, upload the sealed authorisation letter and give the legal representative's details.",
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{check, Draft, Options};

    use crate::test_fixtures::{adult_principal as adult, today, valid_id as id};

    fn draft_with(subject_principal: Person) -> Draft {
        Draft { subject_principal: Some(subject_principal), ..Draft::default() }
    }

    fn findings(draft: &Draft, complete: bool) -> Vec<(String, String)> {
        check(draft, &Options { today: today(), complete })
            .findings
            .into_iter()
            .filter(|f| f.rule.family() == crate::Family::Person)
            .map(|f| (f.rule.id().to_owned(), f.field))
            .collect()
    }

    fn only(draft: &Draft) -> Vec<(String, String)> {
        findings(draft, true)
    }

    fn pair(rule: &str, field: &str) -> Vec<(String, String)> {
        vec![(rule.to_owned(), field.to_owned())]
    }

    fn severity_of(draft: &Draft, rule: Rule) -> Option<Severity> {
        check(draft, &Options { today: today(), complete: true }).findings.iter().find(|f| f.rule == rule).map(|f| f.severity)
    }

    #[test]
    fn clean_person_gives_nothing() {
        assert_eq!(only(&draft_with(adult())), vec![]);
    }

    #[test]
    fn required_rules_only_in_complete_checks() {
        let d = draft_with(Person::default());
        assert_eq!(findings(&d, false), vec![]);
        let rules: Vec<_> = findings(&d, true).into_iter().map(|(r, _)| r).collect();
        for r in ["person_name_required", "person_id_required", "person_validity_required", "person_mobile_required", "person_emergency_required", "person_email_required"] {
            assert!(rules.iter().any(|x| x == r), "{r} in {rules:?}");
        }
    }

    #[test]
    fn id_problems_report_only_the_first() {
        let cases = [
            ("110105491231002", "person_id_length"),
            ("11010519491231002", "person_id_length"),
            ("1101051949123100A2", "person_id_charset"),
            ("000000194913310021", "person_id_region"),
            ("110105194913310021", "person_id_birth_date"),
            ("110105194912310021", "person_id_checksum"),
        ];
        for (number, rule) in cases {
            let d = draft_with(Person { certificate_number: Some(number.into()), ..adult() });
            assert_eq!(only(&d), pair(rule, "subject_principal.certificate_number"), "{number}");
        }
    }

    #[test]
    fn id_with_lower_x_and_spaces_is_valid_here() {
        let d = draft_with(Person { certificate_number: Some("11010519491231002x".into()), ..adult() });
        assert_eq!(only(&d), vec![]);
    }

    #[test]
    fn residence_permit_numbers_and_abolished_codes_pass() {
        for number in ["810000199408230021", "830000199201300022", &id("11010319800101001")] {
            let d = draft_with(Person { certificate_number: Some(number.to_string()), ..adult() });
            assert!(!only(&d).iter().any(|(r, _)| r.starts_with("person_id")), "{number}");
        }
    }

    #[test]
    fn minor_boundary_is_the_eighteenth_birthday() {
        let eighteen_today = Person { certificate_number: Some(id("11010520081123001")), validity_start: Some("2025-01-10".into()), validity_end: Some("2030-01-10".into()), ..adult() };
        assert_eq!(only(&draft_with(eighteen_today)), vec![]);
        let seventeen = Person { certificate_number: Some(id("11010520081124001")), validity_start: Some("2025-01-10".into()), validity_end: Some("2030-01-10".into()), ..adult() };
        assert_eq!(only(&draft_with(seventeen.clone())), pair("person_id_minor", "subject_principal.certificate_number"));
        assert_eq!(severity_of(&draft_with(seventeen), Rule::PersonIdMinor), Some(Severity::Warning));
    }

    #[test]
    fn missing_type_assumes_resident_id_for_id_like_numbers() {
        let d = draft_with(Person { certificate_type: None, certificate_number: Some("110105194912310021".into()), ..adult() });
        assert_eq!(only(&d), pair("person_id_checksum", "subject_principal.certificate_number"));
        let d = draft_with(Person { certificate_type: None, certificate_number: Some("H12345678".into()), ..adult() });
        assert_eq!(only(&d), vec![]);
    }

    #[test]
    fn permits_get_permit_format_not_id_rules() {
        let hk = |n: &str| draft_with(Person { certificate_type: Some("港澳居民来往内地通行证".into()), certificate_number: Some(n.into()), name: Some("陈大文".into()), ..adult() });
        assert_eq!(only(&hk("H12345678")), vec![]);
        assert_eq!(only(&hk("H1234567")), pair("person_permit_format", "subject_principal.certificate_number"));
        assert_eq!(severity_of(&hk("H1234567"), Rule::PersonPermitFormat), Some(Severity::Warning));
        let rp = |n: &str| draft_with(Person { certificate_type: Some("港澳居民居住证".into()), certificate_number: Some(n.into()), ..adult() });
        assert_eq!(only(&rp("810000199408230021")), vec![]);
        assert_eq!(only(&rp("810000199408230022")), pair("person_permit_format", "subject_principal.certificate_number"));
        assert_eq!(severity_of(&rp("810000199408230022"), Rule::PersonPermitFormat), Some(Severity::Error));
        let tw = draft_with(Person { certificate_type: Some("台湾居民来往大陆通行证".into()), certificate_number: Some("1234567A".into()), ..adult() });
        assert_eq!(only(&tw), pair("person_permit_format", "subject_principal.certificate_number"));
        let passport = draft_with(Person { certificate_type: Some("护照".into()), certificate_number: Some("E12345678".into()), name: Some("John Smith".into()), ..adult() });
        assert_eq!(only(&passport), vec![], "Latin names are fine on passports");
    }

    #[test]
    fn certificate_type_must_be_personal() {
        let d = draft_with(Person { certificate_type: Some("营业执照（个人或企业）".into()), ..adult() });
        assert_eq!(only(&d), pair("person_certificate_type_personal", "subject_principal.certificate_type"));
        let d = draft_with(Person { certificate_type: Some("居民身份证 ".into()), ..adult() });
        assert_eq!(only(&d), vec![]);
    }

    #[test]
    fn app_principal_needs_a_mainland_id() {
        let d = Draft {
            subject_principal: Some(adult()),
            app_principal: Some(Person { certificate_type: Some("护照".into()), certificate_number: Some("E12345678".into()), ..adult() }),
            ..Draft::default()
        };
        assert_eq!(only(&d), pair("person_app_principal_mainland_id", "app_principal.certificate_type"));
        // Inherited through 复用: still the app principal's problem.
        let d = Draft {
            subject_principal: Some(Person { certificate_type: Some("港澳居民来往内地通行证".into()), certificate_number: Some("H12345678".into()), ..adult() }),
            app_principal: Some(Person { reuse_subject_principal: Some(true), ..Person::default() }),
            ..Draft::default()
        };
        assert_eq!(only(&d), pair("person_app_principal_mainland_id", "app_principal.certificate_type"));
    }

    #[test]
    fn reused_fields_are_reported_once_on_the_subject_principal() {
        let d = Draft {
            subject_principal: Some(Person { mobile: Some("1380013800".into()), ..adult() }),
            app_principal: Some(Person { reuse_subject_principal: Some(true), ..Person::default() }),
            ..Draft::default()
        };
        assert_eq!(only(&d), pair("person_mobile_format", "subject_principal.mobile"));
        // The page copied the values over: same answer.
        let d = Draft {
            subject_principal: Some(Person { mobile: Some("1380013800".into()), ..adult() }),
            app_principal: Some(Person { reuse_subject_principal: Some(true), is_legal_representative: None, ..Person { mobile: Some("1380013800".into()), ..adult() } }),
            ..Draft::default()
        };
        assert_eq!(only(&d), pair("person_mobile_format", "subject_principal.mobile"));
    }

    #[test]
    fn name_format_for_resident_id_holders() {
        for bad in ["张 三", "张三1", "Zhang San", "张ｓａｎ"] {
            let d = draft_with(Person { name: Some(bad.into()), ..adult() });
            assert_eq!(only(&d), pair("person_name_format", "subject_principal.name"), "{bad}");
        }
        let d = draft_with(Person { name: Some("阿卜杜拉·艾买提".into()), ..adult() });
        assert_eq!(only(&d), vec![]);
    }

    #[test]
    fn validity_dates() {
        let v = |s: &str, e: &str| draft_with(Person { validity_start: Some(s.into()), validity_end: Some(e.into()), ..adult() });
        assert_eq!(only(&v("2015-02-30", "长期")), pair("person_validity_invalid", "subject_principal.validity_start"));
        assert_eq!(only(&v("2027-01-01", "长期")), pair("person_validity_invalid", "subject_principal.validity_start"));
        assert_eq!(only(&v("长期", "长期")), pair("person_validity_invalid", "subject_principal.validity_start"));
        assert_eq!(only(&v("2015-03-01", "2035-13-01")), pair("person_validity_invalid", "subject_principal.validity_end"));
        let young = |s: &str, e: &str| {
            draft_with(Person { certificate_number: Some(id("11010519800101001")), validity_start: Some(s.into()), validity_end: Some(e.into()), ..adult() })
        };
        assert_eq!(only(&young("2015-03-01", "2015-03-01")), pair("person_validity_invalid", "subject_principal.validity_end"));
        assert_eq!(only(&young("2015.03.01", "20350301")), vec![], "accepted date forms");
    }

    #[test]
    fn validity_expiring_boundaries() {
        // Born 1990: a 20-year card issued at 26–45 keeps the span rule quiet when dates fit.
        let ends = |end: &str, province: Option<&str>| {
            let start = Date::parse(end).unwrap().add_years(-20).unwrap().to_string();
            let mut d = draft_with(Person { certificate_number: Some(id("11010519800101001")), validity_start: Some(start), validity_end: Some(end.into()), ..adult() });
            d.subject = province.map(|p| crate::draft::Subject { province: Some(p.into()), ..Default::default() });
            d
        };
        let sev = |d: &Draft| severity_of(d, Rule::PersonValidityExpiring);
        assert_eq!(sev(&ends("2026-11-22", None)), Some(Severity::Error), "expired");
        assert_eq!(sev(&ends("2026-12-22", None)), Some(Severity::Error), "a day short of a month");
        assert_eq!(sev(&ends("2026-12-23", None)), Some(Severity::Warning), "exactly one month: warning");
        assert_eq!(sev(&ends("2027-02-22", None)), Some(Severity::Warning));
        assert_eq!(sev(&ends("2027-02-23", None)), None, "exactly three months");
        assert_eq!(sev(&ends("2027-05-22", Some("宁夏回族自治区"))), Some(Severity::Warning), "宁夏: six months");
        assert_eq!(sev(&ends("2027-05-23", Some("宁夏"))), None);
        assert_eq!(only(&ends("2026-12-22", None)), pair("person_validity_expiring", "subject_principal.validity_end"));
    }

    #[test]
    fn validity_span_follows_age_at_issue() {
        let card = |first17: &str, s: &str, e: &str| {
            draft_with(Person { certificate_number: Some(id(first17)), validity_start: Some(s.into()), validity_end: Some(e.into()), ..adult() })
        };
        let span = |d: &Draft| only(d).iter().any(|(r, _)| r == "person_validity_span");
        // Born 2000-06-15.
        assert!(!span(&card("11010520000615001", "2012-01-01", "2017-01-01")), "11 years old: 5 y");
        assert!(!span(&card("11010520000615001", "2017-01-01", "2027-01-01")), "16: 10 y");
        assert!(span(&card("11010520000615001", "2017-01-01", "2037-01-01")), "16 with 20 y");
        assert!(span(&card("11010520000615001", "2017-01-01", "长期")), "16 with 长期");
        assert!(span(&card("11010520000615001", "2017-01-01", "2018-01-01")), "irregular 1 y");
        // Issued shortly after the 16th birthday, applied before it: 5 y is right.
        assert!(!span(&card("11010520000615001", "2016-07-20", "2021-07-20")));
        assert!(!span(&card("11010520000615001", "2016-07-20", "2026-07-20")));
        assert!(!span(&card("11010520000615001", "2017-01-01", "2027-01-04")), "a few days of slack");
        // 46+: 长期; the clean adult (born 1949, issued 2015) is fine.
        assert!(!span(&draft_with(adult())));
        assert!(span(&card("11010519491231002", "2015-03-01", "2035-03-01")), "65 with 20 y");
        // Other document types: no span rule.
        let hk = draft_with(Person { certificate_type: Some("港澳居民来往内地通行证".into()), certificate_number: Some("H12345678".into()), validity_start: Some("2017-01-01".into()), validity_end: Some("2018-01-01".into()), ..adult() });
        assert!(!span(&hk));
    }

    #[test]
    fn mobiles() {
        let m = |mobile: &str, emergency: &str| draft_with(Person { mobile: Some(mobile.into()), emergency_mobile: Some(emergency.into()), ..adult() });
        assert_eq!(only(&m("+86 138-0013-8000", "13900139000")), vec![]);
        assert_eq!(only(&m("1380013800", "13900139000")), pair("person_mobile_format", "subject_principal.mobile"));
        assert_eq!(only(&m("14012345678", "13900139000")), pair("person_mobile_data_only", "subject_principal.mobile"));
        assert_eq!(only(&m("13800138000", "010-12345678")), pair("person_emergency_format", "subject_principal.emergency_mobile"));
        assert_eq!(only(&m("13800138000", "+86 13800138000")), pair("person_emergency_same", "subject_principal.emergency_mobile"));
    }

    #[test]
    fn emails() {
        let e = |email: &str| draft_with(Person { email: Some(email.into()), ..adult() });
        assert_eq!(only(&e(" zhangsan@example.com ")), vec![]);
        assert_eq!(only(&e("zhangsan＠example.com")), pair("person_email_format", "subject_principal.email"));
        assert_eq!(only(&e("zhangsan@example")), pair("person_email_format", "subject_principal.email"));
        assert_eq!(only(&e("12345@qq.con")), pair("person_email_typo", "subject_principal.email"));
    }

    #[test]
    fn not_legal_rep_needs_letter_or_legal_person() {
        let base = || Draft {
            subject: Some(crate::draft::Subject { nature: Some("企业".into()), ..Default::default() }),
            subject_principal: Some(Person { is_legal_representative: Some(false), ..adult() }),
            ..Draft::default()
        };
        assert_eq!(only(&base()), pair("person_not_legal_rep", "subject_principal.is_legal_representative"));
        let mut with_letter = base();
        with_letter.materials = Some(crate::draft::Materials { authorization_letter: Some(crate::draft::Letter { uploaded: Some(true), sealed: Some(true) }), ..Default::default() });
        assert_eq!(only(&with_letter), vec![]);
        let mut with_legal = base();
        with_legal.legal_person = Some(crate::draft::LegalPerson { name: Some("李四".into()), ..Default::default() });
        assert_eq!(only(&with_legal), vec![]);
        let mut personal = base();
        personal.subject.as_mut().unwrap().nature = Some("个人".into());
        assert_eq!(only(&personal), vec![]);
    }
}
