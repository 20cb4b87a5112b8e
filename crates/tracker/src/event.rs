//! Stage ids and stage events (contracts.md §5). Events are immutable and identified; a record is
//! the fold of its events, so two stores merge by union.

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

fn stage_kind() -> String {
    "stage".into()
}
