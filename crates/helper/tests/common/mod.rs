//! Shared helpers for the integration tests: run the real `beian` binary against a private
//! database, speak native-messaging frames to it.
#![allow(dead_code)]

use serde_json::Value;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Output, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_beian");

pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(rel)
}

/// A `beian` command with its own database, HOME, and no colour/locale surprises.
pub fn beian(db: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.env("BEIAN_DB", db).env("NO_COLOR", "1").env("LANG", "C").env_remove("LC_ALL").env_remove("LC_MESSAGES");
    c
}

pub fn run(db: &Path, args: &[&str]) -> Output {
    beian(db).args(args).stdin(Stdio::null()).output().expect("beian runs")
}

pub fn stdout_json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut v = (body.len() as u32).to_ne_bytes().to_vec();
    v.extend_from_slice(body);
    v
}

/// Reads one reply frame; `None` at end of stream (or a truncated frame).
pub fn read_reply(r: &mut impl Read) -> Option<Value> {
    let mut len = [0u8; 4];
    r.read_exact(&mut len).ok()?;
    let len = u32::from_ne_bytes(len) as usize;
    assert!(len <= 1024 * 1024, "reply frame of {len} bytes exceeds 1 MiB");
    let mut body = vec![0u8; len];
    r.read_exact(&mut body).ok()?;
    Some(serde_json::from_slice(&body).expect("every reply frame is JSON"))
}

/// All reply frames until the stream ends, asserting nothing else is on stdout.
pub fn read_all_replies(mut bytes: &[u8]) -> Vec<Value> {
    let mut out = Vec::new();
    while !bytes.is_empty() {
        assert!(bytes.len() >= 4, "stray bytes on stdout: {bytes:?}");
        let len = u32::from_ne_bytes(bytes[..4].try_into().unwrap()) as usize;
        assert!(len <= 1024 * 1024);
        assert!(bytes.len() >= 4 + len, "truncated reply frame");
        out.push(serde_json::from_slice(&bytes[4..4 + len]).expect("reply is JSON"));
        bytes = &bytes[4 + len..];
    }
    out
}

/// A running host (started as Chromium starts it) with pipes.
pub struct Host {
    pub child: Child,
    pub stdin: ChildStdin,
    pub stdout: ChildStdout,
}

impl Host {
    pub fn start(db: &Path) -> Host {
        let mut child = beian(db)
            .arg("chrome-extension://abcdefghijklmnopabcdefghijklmnop/")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("host starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        Host { child, stdin, stdout }
    }

    pub fn send(&mut self, request: &Value) {
        self.stdin.write_all(&frame(request.to_string().as_bytes())).unwrap();
        self.stdin.flush().unwrap();
    }

    pub fn request(&mut self, request: &Value) -> Value {
        self.send(request);
        read_reply(&mut self.stdout).expect("a reply")
    }

    pub fn finish(self) -> std::process::ExitStatus {
        let Host { mut child, stdin, stdout } = self;
        drop(stdin);
        drop(stdout);
        child.wait().unwrap()
    }
}

/// A stage event for tests.
pub fn event(id: &str, appid: &str, stage: &str, at: &str) -> Value {
    serde_json::json!({
        "event_id": id, "appid": appid, "app_name": "某某记账", "kind": "stage",
        "stage": stage, "observed_at": at, "source": "page", "detail": {}
    })
}
