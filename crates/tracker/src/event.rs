//! Stage ids and stage events (contracts.md §5). Events are immutable and identified; a record is
//! the fold of its events, so two stores merge by union.
//!
//! What "the same event" means: an event id is a hash of what was observed — appid, stage, the
//! instant (whole seconds) and the detail — so re-sending, syncing or importing an observation never
//! duplicates it (stores are idempotent by id). Seeing the page again later is a *new* observation
//! with a new id; to keep the log small, callers record it only when
//! [`crate::record::is_new_observation`] says it tells something new, and [`crate::record::fold`]
//! collapses consecutive observations of one stage into one stage entry anyway, so two stores that
//! each kept their own observations still fold to the same record.

use crate::status_text::mask_pii;
use crate::timestamp::Timestamp;
use serde::{Deserialize, Serialize};

/// Where a filing stands. The serialised ids are a contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Draft,
    PlatformReview,
    PlatformRejected,
    SmsVerification,
    BureauReview,
    BureauRejected,
    Filed,
    ChangeReview,
    Cancelling,
    Cancelled,
    Withdrawn,
}

impl Stage {
    pub const ALL: [Stage; 11] = [
        Stage::Draft,
        Stage::PlatformReview,
        Stage::PlatformRejected,
        Stage::SmsVerification,
        Stage::BureauReview,
        Stage::BureauRejected,
        Stage::Filed,
        Stage::ChangeReview,
        Stage::Cancelling,
        Stage::Cancelled,
        Stage::Withdrawn,
    ];

    pub const fn id(self) -> &'static str {
        match self {
            Stage::Draft => "draft",
            Stage::PlatformReview => "platform_review",
            Stage::PlatformRejected => "platform_rejected",
            Stage::SmsVerification => "sms_verification",
            Stage::BureauReview => "bureau_review",
            Stage::BureauRejected => "bureau_rejected",
            Stage::Filed => "filed",
            Stage::ChangeReview => "change_review",
            Stage::Cancelling => "cancelling",
            Stage::Cancelled => "cancelled",
            Stage::Withdrawn => "withdrawn",
        }
    }

    pub fn from_id(id: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The stage's name as the admin says it, for messages.
    pub const fn label_zh(self) -> &'static str {
        match self {
            Stage::Draft => "未提交",
            Stage::PlatformReview => "平台初审中",
            Stage::PlatformRejected => "平台审核驳回",
            Stage::SmsVerification => "待短信核验",
            Stage::BureauReview => "管局审核中",
            Stage::BureauRejected => "管局审核驳回",
            Stage::Filed => "已备案",
            Stage::ChangeReview => "变更审核中",
            Stage::Cancelling => "注销中",
            Stage::Cancelled => "已注销",
            Stage::Withdrawn => "已撤回",
        }
    }

    /// The stage's name in English, for messages.
    pub const fn label_en(self) -> &'static str {
        match self {
            Stage::Draft => "not submitted",
            Stage::PlatformReview => "platform review",
            Stage::PlatformRejected => "rejected by the platform",
            Stage::SmsVerification => "waiting for SMS verification",
            Stage::BureauReview => "communications administration review",
            Stage::BureauRejected => "rejected by the communications administration",
            Stage::Filed => "filed",
            Stage::ChangeReview => "change under review",
            Stage::Cancelling => "cancellation in progress",
            Stage::Cancelled => "cancelled",
            Stage::Withdrawn => "withdrawn",
        }
    }

    /// A rejection: the applicant must fix the form and resubmit.
    pub const fn is_rejected(self) -> bool {
        matches!(self, Stage::PlatformRejected | Stage::BureauRejected)
    }
}

/// Who observed an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventSource {
    /// Read off a status page by the content script.
    Page,
    /// Added or corrected by hand (popup, CLI).
    User,
    /// Brought in by `beian import`.
    Import,
}

/// Extra facts observed with a stage. Values are masked before they get here (no raw ID numbers,
/// phone numbers or e-mail addresses).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventDetail {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filing_number: Option<String>,
}

/// One observation of a filing entering a stage. Immutable; identified by `event_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub event_id: String,
    pub appid: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_name: Option<String>,
    /// Always `"stage"` for now; other kinds may come (unknown kinds are kept, not folded).
    #[serde(default = "stage_kind")]
    pub kind: String,
    pub stage: Stage,
    /// RFC 3339 with offset, e.g. `2026-11-20T09:30:00+08:00`.
    pub observed_at: String,
    pub source: EventSource,
    #[serde(default)]
    pub detail: EventDetail,
}

/// The only event kind [`crate::record::fold`] understands.
pub const STAGE_KIND: &str = "stage";

fn stage_kind() -> String {
    STAGE_KIND.into()
}

impl Event {
    /// A stage event observed at `observed_at`, with its deterministic id ([`Event::id_for`]).
    /// The status text and reason are masked here ([`crate::status_text::mask_pii`], idempotent)
    /// before the id is computed; the filing number is kept as is (it is public).
    pub fn new(
        appid: &str,
        app_name: Option<&str>,
        stage: Stage,
        observed_at: Timestamp,
        source: EventSource,
        detail: EventDetail,
    ) -> Event {
        let masked = |text: Option<String>| text.map(|t| mask_pii(&t));
        let detail = EventDetail {
            status_text: masked(detail.status_text),
            reason: masked(detail.reason),
            filing_number: detail.filing_number,
        };
        Event {
            event_id: Event::id_for(appid, stage, observed_at, &detail),
            appid: appid.to_owned(),
            app_name: app_name.map(str::to_owned),
            kind: STAGE_KIND.into(),
            stage,
            observed_at: observed_at.to_rfc3339(),
            source,
            detail,
        }
    }

    /// The deterministic id of an observation: 16 lower-case hex digits of a 64-bit FNV-1a hash over
    /// appid, stage, the instant in whole seconds (not the offset: the same instant written in UTC or
    /// Beijing time is one observation) and the detail. Not over the source: one fact seen by the
    /// page and typed by the user at the same second is one event. Stable across platforms and versions.
    pub fn id_for(appid: &str, stage: Stage, observed_at: Timestamp, detail: &EventDetail) -> String {
        let mut h = Fnv1a::new();
        h.field(appid.as_bytes());
        h.field(stage.id().as_bytes());
        h.field(observed_at.unix_seconds.to_string().as_bytes());
        for part in [&detail.status_text, &detail.reason, &detail.filing_number] {
            h.field(part.as_deref().unwrap_or("").as_bytes());
        }
        format!("{:016x}", h.0)
    }

    /// `observed_at` parsed; `None` if it is not RFC 3339 (such events cannot be placed in time and
    /// are left out of the fold).
    pub fn observed_instant(&self) -> Option<Timestamp> {
        Timestamp::parse(&self.observed_at)
    }
}

/// 64-bit FNV-1a: tiny, dependency-free and defined byte by byte, so ids agree on every platform.
struct Fnv1a(u64);

impl Fnv1a {
    fn new() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= b as u64;
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// A field followed by a separator byte that cannot occur in UTF-8, so ("ab","c") ≠ ("a","bc").
    fn field(&mut self, bytes: &[u8]) {
        self.bytes(bytes);
        self.bytes(&[0xff]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    #[test]
    fn stage_ids_are_the_contract() {
        let ids: Vec<_> = Stage::ALL.iter().map(|s| s.id()).collect();
        assert_eq!(
            ids,
            [
                "draft",
                "platform_review",
                "platform_rejected",
                "sms_verification",
                "bureau_review",
                "bureau_rejected",
                "filed",
                "change_review",
                "cancelling",
                "cancelled",
                "withdrawn"
            ]
        );
        for s in Stage::ALL {
            assert_eq!(Stage::from_id(s.id()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.id());
        }
        assert_eq!(Stage::from_id("bureau"), None);
    }

    #[test]
    fn ids_are_deterministic_and_offset_independent() {
        let d = EventDetail { status_text: Some("管局审核中".into()), ..Default::default() };
        let a = Event::id_for("wx0123456789abcdef", Stage::BureauReview, ts("2026-11-20T09:30:00+08:00"), &d);
        let b = Event::id_for("wx0123456789abcdef", Stage::BureauReview, ts("2026-11-20T01:30:00.5Z"), &d);
        assert_eq!(a, b);
        assert_eq!(a.len(), 16);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        // Pinned (and cross-checked with a Python FNV-1a) so that a change of the hash, which would
        // break merging with stores written by older versions, fails here.
        assert_eq!(a, "eb971a95f0b7df1c");
        let other_stage = Event::id_for("wx0123456789abcdef", Stage::Filed, ts("2026-11-20T09:30:00+08:00"), &d);
        let other_time = Event::id_for("wx0123456789abcdef", Stage::BureauReview, ts("2026-11-20T09:30:01+08:00"), &d);
        let other_detail = Event::id_for(
            "wx0123456789abcdef",
            Stage::BureauReview,
            ts("2026-11-20T09:30:00+08:00"),
            &EventDetail::default(),
        );
        assert_ne!(a, other_stage);
        assert_ne!(a, other_time);
        assert_ne!(a, other_detail);
    }

    #[test]
    fn new_masks_texts_but_not_the_filing_number() {
        let detail = EventDetail {
            status_text: Some("审核不通过".into()),
            reason: Some("应急手机号13800138000与本人相同，邮箱zhangsan@example.com".into()),
            filing_number: Some("粤B2-20090059-1626X".into()),
        };
        let e = Event::new(
            "wx1",
            None,
            Stage::PlatformRejected,
            ts("2026-11-20T09:30:00+08:00"),
            EventSource::Page,
            detail,
        );
        assert_eq!(e.detail.reason.as_deref(), Some("应急手机号138******00与本人相同，邮箱z***@example.com"));
        assert_eq!(e.detail.filing_number.as_deref(), Some("粤B2-20090059-1626X"));
        assert_eq!(
            e.event_id,
            Event::id_for("wx1", Stage::PlatformRejected, ts("2026-11-20T09:30:00+08:00"), &e.detail)
        );
        assert_eq!(mask_pii(e.detail.reason.as_deref().unwrap()), e.detail.reason.clone().unwrap(), "idempotent");
    }

    #[test]
    fn event_serialises_as_contract() {
        let e = Event::new(
            "wx0123456789abcdef",
            Some("某某记账"),
            Stage::BureauReview,
            ts("2026-11-20T09:30:00+08:00"),
            EventSource::Page,
            EventDetail { status_text: Some("管局审核中".into()), ..Default::default() },
        );
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(v["kind"], "stage");
        assert_eq!(v["stage"], "bureau_review");
        assert_eq!(v["observed_at"], "2026-11-20T09:30:00+08:00");
        assert_eq!(v["source"], "page");
        assert_eq!(v["detail"]["status_text"], "管局审核中");
        assert!(v["detail"].get("reason").is_none());
        let back: Event = serde_json::from_value(v).unwrap();
        assert_eq!(back, e);
        // Unknown fields are ignored, missing optional ones defaulted.
        let minimal: Event = serde_json::from_str(
            r#"{"event_id":"x","appid":"wx1","stage":"filed","observed_at":"2026-11-20T09:30:00Z","source":"import","extra":1}"#,
        )
        .unwrap();
        assert_eq!(minimal.kind, "stage");
        assert_eq!(minimal.detail, EventDetail::default());
    }
}
