//! The native-messaging host (contracts.md §4, PROTOCOL.md): reads frames from the browser on stdin,
//! answers every one of them with exactly one reply frame on stdout, and keeps serving after any bad
//! request. Nothing but frames is ever written to stdout; diagnostics go to stderr.

pub mod frame;
pub mod requests;

use crate::store::{self, Store, StoreError};
use frame::{Inbound, MAX_FRAME};
use serde_json::{json, Value};
use std::io::{self, Read, Write};
use std::path::PathBuf;

pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Error codes of the reply's `error.code`. Append-only: a code's meaning never changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// The frame itself is broken: stream ended inside it, or the body is not UTF-8.
    BadFrame = 1,
    /// The body is not JSON, or not a JSON object.
    BadJson = 2,
    /// `type` is missing or not one this host knows.
    UnknownType = 3,
    /// A request field is missing or has the wrong shape.
    InvalidArgument = 4,
    /// The database could not be opened, read or written.
    StorageFailure = 5,
    /// The request frame exceeded 1 MiB, or the reply would have.
    TooLarge = 6,
    /// Another process holds the database lock; retry later.
    StorageLocked = 7,
    /// A bug in the host; the request had no effect.
    Internal = 8,
}

/// A failed request: code plus a message for the developer console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostError {
    pub code: ErrorCode,
    pub message: String,
}

impl HostError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> HostError {
        HostError { code, message: message.into() }
    }
}

impl From<StoreError> for HostError {
    fn from(e: StoreError) -> HostError {
        let code = if matches!(e, StoreError::Locked(_)) { ErrorCode::StorageLocked } else { ErrorCode::StorageFailure };
        HostError::new(code, e.to_string())
    }
}

/// What lives for one connection: the database, opened on first use (so `hello` and `check` work
/// even when it cannot be opened, and a failed open is retried by the next request).
pub struct Session {
    db_path: Result<PathBuf, String>,
    store: Option<Store>,
}

impl Session {
    pub fn new() -> Session {
        Session { db_path: store::default_path(), store: None }
    }

    #[cfg(test)]
    pub fn with_db(path: PathBuf) -> Session {
        Session { db_path: Ok(path), store: None }
    }

    pub fn db_path(&self) -> Option<&PathBuf> {
        self.db_path.as_ref().ok()
    }

    pub fn store(&mut self) -> Result<&mut Store, HostError> {
        if self.store.is_none() {
            let path = self.db_path.clone().map_err(|m| HostError::new(ErrorCode::StorageFailure, m))?;
            self.store = Some(Store::open(&path)?);
        }
        self.store.as_mut().ok_or_else(|| HostError::new(ErrorCode::Internal, "store vanished"))
    }
}

impl Default for Session {
    fn default() -> Self {
        Session::new()
    }
}

/// Serves frames until the browser closes stdin (or the stream breaks). Returns an error only when
/// writing replies fails (the browser went away).
pub fn serve(input: &mut impl Read, output: &mut impl Write, session: &mut Session) -> io::Result<()> {
    loop {
        let reply = match frame::read_frame(input)? {
            Inbound::End => return Ok(()),
            Inbound::Truncated { expected, got, in_length } => {
                let what = if in_length { "length prefix" } else { "body" };
                let e = HostError::new(ErrorCode::BadFrame, format!("stream ended inside a frame's {what} ({got} of {expected} bytes)"));
                write_reply(output, &Value::Null, Err(e))?;
                return Ok(());
            }
            Inbound::TooLarge(len) => {
                let e = HostError::new(ErrorCode::TooLarge, format!("request frame of {len} bytes refused (limit {MAX_FRAME}); its body was skipped"));
                write_reply(output, &Value::Null, Err(e))?;
                if !frame::drain(input, u64::from(len))? {
                    return Ok(());
                }
                continue;
            }
            Inbound::NotUtf8 => (Value::Null, Err(HostError::new(ErrorCode::BadFrame, "frame body is not UTF-8"))),
            Inbound::Message(text) => handle_text(&text, session),
        };
        write_reply(output, &reply.0, reply.1)?;
    }
}

/// Parses one request and runs it. Returns the id to echo and the outcome. A panic in a handler
/// becomes an `Internal` error reply (any open transaction rolls back on unwind).
pub fn handle_text(text: &str, session: &mut Session) -> (Value, Result<Value, HostError>) {
    let request: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return (Value::Null, Err(HostError::new(ErrorCode::BadJson, format!("request is not JSON: {e}")))),
    };
    let Value::Object(mut fields) = request else {
        return (Value::Null, Err(HostError::new(ErrorCode::BadJson, "request is not a JSON object")));
    };
    let id = fields.remove("id").unwrap_or(Value::Null);
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| requests::dispatch(fields, session)))
        .unwrap_or_else(|_| Err(HostError::new(ErrorCode::Internal, "internal error (see the host's stderr)")));
    (id, outcome)
}

/// The reply envelope (contracts.md §4), serialised and bounded by [`MAX_FRAME`].
pub fn reply_bytes(id: &Value, outcome: Result<Value, HostError>) -> Vec<u8> {
    let envelope = |outcome: Result<Value, HostError>| match outcome {
        Ok(data) => json!({ "id": id, "ok": true, "version": VERSION, "data": data }),
        Err(e) => json!({ "id": id, "ok": false, "version": VERSION, "error": { "code": e.code as i32, "message": e.message } }),
    };
    let body = serde_json::to_vec(&envelope(outcome)).unwrap_or_default();
    if body.len() <= MAX_FRAME && !body.is_empty() {
        return body;
    }
    let too_large = HostError::new(ErrorCode::TooLarge, format!("reply of {} bytes exceeds the 1 MiB frame limit; page the request", body.len()));
    let body = serde_json::to_vec(&envelope(Err(too_large))).unwrap_or_default();
    if body.len() <= MAX_FRAME {
        return body;
    }
    // Only a megabyte-sized id gets here: drop it rather than break the frame limit.
    serde_json::to_vec(&json!({ "id": null, "ok": false, "version": VERSION,
        "error": { "code": ErrorCode::TooLarge as i32, "message": "reply too large (the request id itself is too big)" } }))
    .unwrap_or_default()
}

fn write_reply(output: &mut impl Write, id: &Value, outcome: Result<Value, HostError>) -> io::Result<()> {
    if let Err(e) = &outcome {
        // The code only: messages can quote request values, and PII is never logged (design.md).
        eprintln!("beian host: replied error {} ({:?})", e.code as i32, e.code);
    }
    frame::write_frame(output, &reply_bytes(id, outcome))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn framed(body: &[u8]) -> Vec<u8> {
        let mut v = (body.len() as u32).to_ne_bytes().to_vec();
        v.extend_from_slice(body);
        v
    }

    fn replies(mut out: &[u8]) -> Vec<Value> {
        let mut v = Vec::new();
        while let Ok(Inbound::Message(text)) = frame::read_frame(&mut out) {
            v.push(serde_json::from_str(&text).unwrap());
        }
        v
    }

    fn serve_bytes(input: Vec<u8>) -> Vec<Value> {
        let dir = tempfile::tempdir().unwrap();
        let mut session = Session::with_db(dir.path().join("db"));
        let mut out = Vec::new();
        serve(&mut Cursor::new(input), &mut out, &mut session).unwrap();
        replies(&out)
    }

    #[test]
    fn every_bad_request_gets_a_reply_and_serving_continues() {
        let mut input = Vec::new();
        input.extend(framed(br#"{"id":1,"type":"hello","extension_version":"0.1.0"}"#));
        input.extend(framed(b"not json"));
        input.extend(framed(b"[1,2]"));
        input.extend(framed(br#"{"id":"x","type":"teleport"}"#));
        input.extend(framed(br#"{"id":4}"#));
        input.extend(framed(&[0xc3, 0x28]));
        input.extend(((MAX_FRAME + 10) as u32).to_ne_bytes());
        input.extend(vec![b'{'; MAX_FRAME + 10]);
        input.extend(framed(br#"{"id":7,"type":"check","draft":{}}"#));
        input.extend(framed(br#"{"id":8,"type":"check","draft":[]}"#));
        input.extend(framed(br#"{"id":9,"type":"record_events","events":{}}"#));
        let r = serve_bytes(input);
        let codes: Vec<_> = r.iter().map(|v| v["error"]["code"].as_i64()).collect();
        assert_eq!(codes, [None, Some(2), Some(2), Some(3), Some(3), Some(1), Some(6), None, Some(4), Some(4)]);
        assert_eq!(r[0]["id"], 1);
        assert_eq!(r[0]["ok"], true);
        assert_eq!(r[0]["version"], VERSION);
        assert_eq!(r[3]["id"], "x");
        assert_eq!(r[7]["id"], 7);
        assert_eq!(r[7]["data"]["summary"]["error"], 0);
        assert!(r.iter().all(|v| v["version"] == VERSION));
    }

    #[test]
    fn truncated_stream_gets_a_final_error_reply() {
        let mut input = framed(br#"{"id":1,"type":"hello"}"#);
        input.extend(50u32.to_ne_bytes());
        input.extend(b"{\"id\":");
        let r = serve_bytes(input);
        assert_eq!(r.len(), 2);
        assert_eq!(r[1]["error"]["code"], 1);
    }

    #[test]
    fn many_requests_on_one_connection() {
        let mut input = Vec::new();
        for i in 0..200 {
            let ev = format!(r#"{{"id":{i},"type":"record_events","events":[{{"event_id":"e{i}","appid":"wx0123456789abcdef","stage":"platform_review","observed_at":"2026-11-20T09:30:00+08:00","source":"page"}}]}}"#);
            input.extend(framed(ev.as_bytes()));
        }
        input.extend(framed(br#"{"id":"last","type":"list_records"}"#));
        let r = serve_bytes(input);
        assert_eq!(r.len(), 201);
        assert!(r[..200].iter().enumerate().all(|(i, v)| v["id"] == i && v["data"]["stored"] == 1));
        assert_eq!(r[200]["data"][0]["events"], 200);
    }

    #[test]
    fn oversized_reply_becomes_an_error() {
        let huge = "x".repeat(MAX_FRAME);
        let body = reply_bytes(&Value::Null, Ok(Value::String(huge)));
        assert!(body.len() <= MAX_FRAME);
        let v: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(v["error"]["code"], ErrorCode::TooLarge as i32);
    }
}
