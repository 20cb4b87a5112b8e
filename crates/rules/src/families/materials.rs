//! §E materials and uploads: file type, size and resolution of each upload, and the commitment
//! letter's province-specific demands (广东 template, seal where no fingerprint alternative exists,
//! the individual business's handwritten alternative).

use super::Ctx;
use crate::catalog::Rule;
use crate::draft::{Letter, Upload};
use crate::finding::{Finding, Severity};
use crate::normalize;

/// The platform's upload limit.
pub const MAX_UPLOAD_BYTES: u64 = 2 * 1024 * 1024;
/// Identity-document scans: the official materials page asks for 100–200 KB.
pub const ID_SCAN_BYTES: core::ops::RangeInclusive<u64> = 100 * 1024..=200 * 1024;
/// Minimum resolution (short side × long side) of any upload.
const MIN_SIDES: (u32, u32) = (720, 1280);
/// Minimum resolution of the subject's certificate, where small print must stay legible.
const MIN_CERTIFICATE_SIDES: (u32, u32) = (1100, 1500);

const ID_SLOTS: &[&str] = &["subject_principal_id_front", "subject_principal_id_back", "app_principal_id_front", "app_principal_id_back"];

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(materials) = &ctx.draft.materials else {
        if ctx.complete {
            letters(ctx, None, false, out);
        }
        return;
    };
    if let Some(uploads) = &materials.uploads {
        let personal_subject = ctx.draft.subject.as_ref().is_some_and(|s| personal(s.nature.as_ref()));
        for (i, upload) in uploads.iter().enumerate() {
            check_upload(i, upload, personal_subject, out);
        }
    }
    let letter_in_uploads = materials
        .uploads
        .as_ref()
        .is_some_and(|u| u.iter().any(|u| normalize::present(&u.slot) == Some("commitment_letter")));
    letters(ctx, materials.commitment_letter.as_ref(), letter_in_uploads, out);
}

fn personal(nature: Option<&String>) -> bool {
    nature.map(|n| normalize::text(n)) == Some("个人")
}

fn check_upload(i: usize, upload: &Upload, personal_subject: bool, out: &mut Vec<Finding>) {
    // Built only for a finding: most uploads are fine.
    let field = || format!("materials.uploads[{i}]");
    let slot = normalize::present(&upload.slot).unwrap_or("");

    if !format_ok(upload) {
        out.push(Finding::new(
            Rule::UploadFormat,
            Severity::Error,
            field(),
            "只能上传 JPG/JPEG 或 PNG 图片，请转换格式后重新上传（不要直接改扩展名）。",
            "Only JPG/JPEG or PNG images are accepted; convert the file and upload it again (renaming is not enough).",
        ));
    }
    if let Some(bytes) = upload.bytes {
        if bytes > MAX_UPLOAD_BYTES {
            out.push(Finding::new(
                Rule::UploadTooLarge,
                Severity::Error,
                field(),
                format!("文件 {} 超过 2 MB 上限，请压缩后重新上传。", human_size(bytes)),
                format!("The file is {}, over the 2 MB limit; compress it and upload again.", human_size(bytes)),
            ));
        } else if ID_SLOTS.contains(&slot) && !ID_SCAN_BYTES.contains(&bytes) {
            out.push(Finding::new(
                Rule::UploadIdSize,
                Severity::Warning,
                field(),
                format!("证件照片 {}，官方要求 100–200 KB，请调整清晰度或压缩后重新上传。", human_size(bytes)),
                format!("The ID scan is {}; the official page asks for 100–200 KB. Adjust or compress it.", human_size(bytes)),
            ));
        }
    }
    if let (Some(width), Some(height)) = (upload.width, upload.height) {
        // A personal subject's "certificate" is an ID card: the ordinary minimum applies.
        let certificate = slot == "subject_certificate" && !personal_subject;
        let (min_short, min_long) = if certificate { MIN_CERTIFICATE_SIDES } else { MIN_SIDES };
        let (short, long) = if width <= height { (width, height) } else { (height, width) };
        if short < min_short || long < min_long {
            out.push(Finding::new(
                Rule::UploadResolution,
                Severity::Warning,
                field(),
                format!("图片分辨率 {width}×{height} 偏低（至少 {min_short}×{min_long}，横竖均可），文字可能看不清，请重新拍摄或扫描。"),
                format!("The image is {width}×{height}, below {min_short}×{min_long} (either orientation); text may be illegible. Rescan it."),
            ));
        }
    }
}

/// JPG/JPEG/PNG by both content type and extension; a missing one is not held against the file.
/// (A renamed `.pdf` → `.jpg` is caught by the content type the browser sniffs or the OS reports.)
fn format_ok(upload: &Upload) -> bool {
    let type_ok = normalize::present(&upload.content_type).is_none_or(|t| {
        // (Byte searches for the ASCII `;` and `.`: cheaper than a char searcher on short values.)
        let essence = t.as_bytes().iter().position(|&b| b == b';').map_or(t, |i| &t[..i]).trim();
        ["image/jpeg", "image/jpg", "image/pjpeg", "image/png"].iter().any(|ok| essence.eq_ignore_ascii_case(ok))
    });
    // A name without an extension (a pasted `image`, a `blob`) says nothing about the format.
    fn extension(name: &str) -> Option<&str> {
        name.as_bytes().iter().rposition(|&b| b == b'.').map(|i| &name[i + 1..])
    }
    let extension_ok = normalize::present(&upload.file_name).and_then(extension).is_none_or(|ext| {
        ["jpg", "jpeg", "png"].iter().any(|ok| ext.trim().eq_ignore_ascii_case(ok))
    });
    type_ok && extension_ok
}

fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        // Tenths of a MiB rounded half to even on the exact value, as `{:.1}` of the f64 quotient
        // gives (checked for every size up to 64 MiB and 20 M random ones): integer formatting
        // only, so the content wasm carries no float formatter (~10 KB).
        let scaled = (bytes as f64 as u128) * 10;
        let (mut tenths, rest) = (scaled >> 20, scaled & 0xF_FFFF);
        if rest > 0x8_0000 || (rest == 0x8_0000 && tenths % 2 == 1) {
            tenths += 1;
        }
        let tenths = tenths as u64; // < 2^48
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// Provinces where a non-personal filer's commitment letter must carry the seal.
const SEAL_REQUIRED_PROVINCES: &[u8] = &[32, 64, 35];
const GUANGDONG: u8 = 44;

fn letters(ctx: &Ctx, letter: Option<&Letter>, letter_in_uploads: bool, out: &mut Vec<Finding>) {
    let subject = ctx.draft.subject.as_ref();
    let province = ctx.province.map(|p| p.code);
    let nature = subject.and_then(|s| normalize::present(&s.nature));
    let individual_business = subject
        .and_then(|s| normalize::present(&s.certificate_number))
        .is_some_and(|n| normalize::code(n, true).value.starts_with("92"));
    let uploaded = letter.and_then(|l| l.uploaded) == Some(true) || letter_in_uploads;
    let sealed = letter.and_then(|l| l.sealed);

    // 广东 asks for its own template, downloaded, filled in and uploaded; elsewhere the letter is
    // read and confirmed online. Speak when the letter slot was seen or on a complete check.
    if province == Some(GUANGDONG) && !uploaded && (letter.is_some() || ctx.complete) {
        out.push(Finding::new(
            Rule::LetterGuangdongTemplate,
            Severity::Error,
            "materials.commitment_letter",
            "广东省需下载《互联网信息服务承诺书》模板，填写并签字盖章后上传。",
            "Guangdong requires its commitment-letter template: download it, fill it in, sign and seal it, then upload it.",
        ));
    }
    if !uploaded || sealed != Some(false) {
        return;
    }
    let non_personal = nature.is_some_and(|n| n != "个人");
    if non_personal && province.is_some_and(|p| SEAL_REQUIRED_PROVINCES.contains(&p)) {
        out.push(Finding::new(
            Rule::LetterSealRequired,
            Severity::Error,
            "materials.commitment_letter",
            "江苏、宁夏、福建的单位备案，承诺书必须加盖公章（不接受按手印代替），请盖章后重新上传。",
            "In Jiangsu, Ningxia and Fujian an organisation's commitment letter must bear its seal (no fingerprint alternative); seal it and upload again.",
        ));
    } else if individual_business && remark_explains_no_seal(ctx) {
        // Without the remark, subject_no_seal_remark (an error on subject.remark) already tells the
        // user what to do; the reminder is for the draft that has done it.
        out.push(Finding::new(
            Rule::LetterUnsealedIndividual,
            Severity::Warning,
            "materials.commitment_letter",
            "个体工商户无公章时，承诺书上须手写日期、负责人签字、按手印并写上身份证号码。",
            "An individual business without a seal must hand-write the date, sign, add a fingerprint and write the ID number on the letter.",
        ));
    }
}

/// The remark an individual business writes when its letter is unsealed (see subject_no_seal_remark).
fn remark_explains_no_seal(ctx: &Ctx) -> bool {
    ctx.draft
        .subject
        .as_ref()
        .and_then(|s| normalize::present(&s.remark))
        .is_some_and(|r| normalize::name_key(r).contains("个体工商户无公章"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::draft::{Draft, Materials, Subject};
    use crate::{check, Options};

    fn found(draft: &Draft, complete: bool) -> Vec<(String, String, Severity)> {
        check(draft, &Options { today: Date::new(2026, 11, 23).unwrap(), complete })
            .findings
            .into_iter()
            .filter(|f| f.rule.family() == crate::Family::Materials)
            .map(|f| (f.rule.id().to_owned(), f.field, f.severity))
            .collect()
    }

    fn upload(slot: &str, name: &str, content_type: &str, bytes: u64, w: u32, h: u32) -> Upload {
        Upload {
            slot: Some(slot.into()),
            file_name: Some(name.into()),
            content_type: Some(content_type.into()),
            bytes: Some(bytes),
            width: Some(w),
            height: Some(h),
        }
    }

    fn with_uploads(uploads: Vec<Upload>) -> Draft {
        Draft { materials: Some(Materials { uploads: Some(uploads), ..Materials::default() }), ..Draft::default() }
    }

    fn rules(draft: &Draft) -> Vec<(String, String)> {
        found(draft, false).into_iter().map(|(r, f, _)| (r, f)).collect()
    }

    fn pair(rule: &str, field: &str) -> Vec<(String, String)> {
        vec![(rule.to_owned(), field.to_owned())]
    }

    #[test]
    fn good_uploads_pass() {
        let d = with_uploads(vec![
            upload("subject_certificate", "licence.jpg", "image/jpeg", 900_000, 1600, 1200),
            upload("subject_principal_id_front", "front.PNG", "image/png", 150 * 1024, 1280, 720),
            upload("subject_principal_id_back", "back.jpeg", "image/jpeg", 100 * 1024, 720, 1280),
            upload("other", "x.jpg", "", 2 * 1024 * 1024, 720, 1280),
        ]);
        assert_eq!(rules(&d), vec![]);
    }

    #[test]
    fn format_by_content_type_and_extension() {
        for (name, content_type) in [("a.pdf", "application/pdf"), ("a.jpg", "application/pdf"), ("a.pdf", "image/jpeg"), ("a.gif", ""), ("a.jpg.pdf", "image/jpeg"), ("a.webp", "image/webp"), ("blob", "image/gif")] {
            let d = with_uploads(vec![upload("other", name, content_type, 500_000, 1600, 1200)]);
            assert_eq!(rules(&d), pair("upload_format", "materials.uploads[0]"), "{name} {content_type}");
        }
    }

    #[test]
    fn a_name_without_extension_defers_to_the_content_type() {
        let d = with_uploads(vec![upload("other", "image", "image/png", 500_000, 1600, 1200)]);
        assert_eq!(rules(&d), vec![]);
    }

    #[test]
    fn two_megabytes_is_the_limit() {
        let at = with_uploads(vec![upload("other", "a.jpg", "image/jpeg", 2 * 1024 * 1024, 1600, 1200)]);
        assert_eq!(rules(&at), vec![]);
        let over = with_uploads(vec![upload("other", "a.jpg", "image/jpeg", 2 * 1024 * 1024 + 1, 1600, 1200)]);
        assert_eq!(rules(&over), pair("upload_too_large", "materials.uploads[0]"));
        // Too large beats the ID-size warning.
        let id = with_uploads(vec![upload("app_principal_id_front", "a.jpg", "image/jpeg", 3_000_000, 1600, 1200)]);
        assert_eq!(rules(&id), pair("upload_too_large", "materials.uploads[0]"));
    }

    #[test]
    fn id_scans_between_100_and_200_kb() {
        let id = |bytes| with_uploads(vec![upload("other", "a.jpg", "image/jpeg", 500_000, 1600, 1200), upload("app_principal_id_back", "a.jpg", "image/jpeg", bytes, 1600, 1200)]);
        assert_eq!(rules(&id(100 * 1024)), vec![]);
        assert_eq!(rules(&id(200 * 1024)), vec![]);
        assert_eq!(rules(&id(100 * 1024 - 1)), pair("upload_id_size", "materials.uploads[1]"));
        assert_eq!(rules(&id(200 * 1024 + 1)), pair("upload_id_size", "materials.uploads[1]"));
        // Other slots are not held to it.
        let other = with_uploads(vec![upload("commitment_letter", "a.jpg", "image/jpeg", 900_000, 1600, 1200)]);
        assert_eq!(rules(&other), vec![]);
    }

    #[test]
    fn resolution_in_both_orientations() {
        let res = |slot: &str, w, h| with_uploads(vec![upload(slot, "a.jpg", "image/jpeg", 150 * 1024, w, h)]);
        assert_eq!(rules(&res("other", 720, 1280)), vec![]);
        assert_eq!(rules(&res("other", 1280, 720)), vec![]);
        assert_eq!(rules(&res("other", 719, 1280)), pair("upload_resolution", "materials.uploads[0]"));
        assert_eq!(rules(&res("other", 1280, 719)), pair("upload_resolution", "materials.uploads[0]"));
        assert_eq!(rules(&res("other", 1000, 1000)), pair("upload_resolution", "materials.uploads[0]"));
        assert_eq!(rules(&res("subject_certificate", 1500, 1100)), vec![]);
        assert_eq!(rules(&res("subject_certificate", 1100, 1500)), vec![]);
        assert_eq!(rules(&res("subject_certificate", 1499, 1100)), pair("upload_resolution", "materials.uploads[0]"));
        assert_eq!(rules(&res("subject_certificate", 1280, 720)), pair("upload_resolution", "materials.uploads[0]"));
    }

    fn subject(province: &str, nature: &str, number: &str) -> Subject {
        Subject { province: Some(province.into()), nature: Some(nature.into()), certificate_number: Some(number.into()), ..Subject::default() }
    }

    fn letter_draft(subject: Subject, letter: Option<Letter>) -> Draft {
        Draft { subject: Some(subject), materials: Some(Materials { commitment_letter: letter, ..Materials::default() }), ..Draft::default() }
    }

    fn letter(uploaded: bool, sealed: Option<bool>) -> Option<Letter> {
        Some(Letter { uploaded: Some(uploaded), sealed })
    }

    #[test]
    fn guangdong_needs_the_uploaded_template() {
        let gd = || subject("广东省", "企业", "91440300MA5G1K2P8N");
        assert_eq!(rules(&letter_draft(gd(), letter(false, None))), pair("letter_guangdong_template", "materials.commitment_letter"));
        assert_eq!(rules(&letter_draft(gd(), letter(true, Some(true)))), vec![]);
        assert_eq!(rules(&letter_draft(gd(), None)), vec![], "slot not seen, not a complete check");
        assert_eq!(found(&letter_draft(gd(), None), true).len(), 1);
        assert_eq!(rules(&letter_draft(subject("北京市", "企业", "91110000600037341L"), letter(false, None))), vec![]);
    }

    #[test]
    fn seal_required_in_jiangsu_ningxia_fujian() {
        for province in ["江苏省", "宁夏", "350000"] {
            let d = letter_draft(subject(province, "企业", "91320000MA1234567X"), letter(true, Some(false)));
            assert_eq!(rules(&d), pair("letter_seal_required", "materials.commitment_letter"), "{province}");
            let d = letter_draft(subject(province, "企业", "92320000MA1234567X"), letter(true, Some(false)));
            assert_eq!(rules(&d), pair("letter_seal_required", "materials.commitment_letter"), "individual business in {province}");
        }
        let sealed = letter_draft(subject("江苏省", "企业", "91320000MA1234567X"), letter(true, Some(true)));
        assert_eq!(rules(&sealed), vec![]);
        let personal = letter_draft(subject("江苏省", "个人", "11010519491231002X"), letter(true, Some(false)));
        assert_eq!(rules(&personal), vec![]);
    }

    #[test]
    fn unsealed_individual_business_gets_the_reminder() {
        let with_remark = Subject { remark: Some("个体工商户无公章".into()), ..subject("北京市", "企业", "92110000MA1234567X") };
        let d = letter_draft(with_remark, letter(true, Some(false)));
        let got = found(&d, false);
        assert_eq!(got, vec![("letter_unsealed_individual".to_owned(), "materials.commitment_letter".to_owned(), Severity::Warning)]);
        // Without the remark the subject rule's error speaks; no second finding here.
        let d = letter_draft(subject("北京市", "企业", "92110000MA1234567X"), letter(true, Some(false)));
        assert_eq!(rules(&d), vec![]);
        let company = letter_draft(subject("北京市", "企业", "91110000600037341L"), letter(true, Some(false)));
        assert_eq!(rules(&company), vec![]);
    }
}
