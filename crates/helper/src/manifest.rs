//! Native-messaging host manifests: which browsers, where their user-scope manifest lives, and what
//! it says (`com.beian.helper`, our extension's origin or Firefox add-on id, this binary's path).

use base64::Engine;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The host name the extension passes to `connectNative`. A contract: do not change.
pub const HOST_NAME: &str = "com.beian.helper";

/// The Firefox add-on id (`browser_specific_settings.gecko.id`). A contract: do not change.
pub const FIREFOX_ADDON_ID: &str = "beian@mp-filing-assistant";

/// The public `key` of the extension's manifest.json; the Chromium extension id derives from it.
/// The one place it is written in the helper. Must equal the repository's `manifest.json` `key`
/// (a test below compares them).
pub const EXTENSION_KEY: &str = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtj/LP/DB+0M5en504UWRUiFBEprTSAd0l59gHTgzS6mt1j0fnmLJpMM3FUM/OungQ1WCCFX0kxxqVs4peSVTkp6mdP/NxQfuVdbhaO6SmaJcGD7f872+r1FOohQVll/wR4RLvJq/Oxo+CBUwyu5f1AnI/MvSk7ThEtmfRKcJ0lFiDtIbIzMJ9A4IRpJQUxNwepf1LE2Tzu/OcRxd4cTjbOvao1ZpHo1A9StxX92zIHGj6jFQ5xyk8Q5twcwJK4xcO37sKTO1/WTuwF9yxYCJD6bWZPgelNVm+TQ/qq23kgrS8/SaV+2kcBtEiueGuxivwX+WXUKQEO3qXvmeVOh1XQIDAQAB";

/// The Chromium extension id of a manifest `key`: SHA-256 of the decoded key, first 32 hex digits,
/// each mapped 0–f → a–p. `None` if the key is not base64.
pub fn extension_id_from_key(key: &str) -> Option<String> {
    let der = base64::engine::general_purpose::STANDARD.decode(key.trim()).ok()?;
    let digest = Sha256::digest(&der);
    Some(digest.iter().take(16).flat_map(|b| [b >> 4, b & 0xf]).map(|n| (b'a' + n) as char).collect())
}

/// Our extension's id.
pub fn extension_id() -> String {
    extension_id_from_key(EXTENSION_KEY).unwrap_or_default()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Browser {
    Chrome,
    Chromium,
    Edge,
    Brave,
    Firefox,
}

impl Browser {
    pub const ALL: [Browser; 5] = [Browser::Chrome, Browser::Chromium, Browser::Edge, Browser::Brave, Browser::Firefox];

    pub fn name(self) -> &'static str {
        match self {
            Browser::Chrome => "chrome",
            Browser::Chromium => "chromium",
            Browser::Edge => "edge",
            Browser::Brave => "brave",
            Browser::Firefox => "firefox",
        }
    }

    pub fn from_name(name: &str) -> Option<Browser> {
        Browser::ALL.into_iter().find(|b| b.name() == name)
    }

    pub fn is_firefox(self) -> bool {
        self == Browser::Firefox
    }

    /// The user-scope directory this browser reads host manifests from, under `home`.
    /// On Windows the manifest goes to the data dir and a registry key points at it ([`registry_key`]).
    pub fn manifest_dir(self, home: &Path) -> PathBuf {
        if cfg!(target_os = "macos") {
            let support = home.join("Library/Application Support");
            match self {
                Browser::Chrome => support.join("Google/Chrome/NativeMessagingHosts"),
                Browser::Chromium => support.join("Chromium/NativeMessagingHosts"),
                Browser::Edge => support.join("Microsoft Edge/NativeMessagingHosts"),
                Browser::Brave => support.join("BraveSoftware/Brave-Browser/NativeMessagingHosts"),
                Browser::Firefox => support.join("Mozilla/NativeMessagingHosts"),
            }
        } else if cfg!(windows) {
            home.join("AppData/Local/beian/NativeMessagingHosts").join(self.name())
        } else {
            let config = home.join(".config");
            match self {
                Browser::Chrome => config.join("google-chrome/NativeMessagingHosts"),
                Browser::Chromium => config.join("chromium/NativeMessagingHosts"),
                Browser::Edge => config.join("microsoft-edge/NativeMessagingHosts"),
                Browser::Brave => config.join("BraveSoftware/Brave-Browser/NativeMessagingHosts"),
                Browser::Firefox => home.join(".mozilla/native-messaging-hosts"),
            }
        }
    }

    /// `HKEY_CURRENT_USER` key whose default value is the manifest path (Windows only).
    #[cfg_attr(not(windows), allow(dead_code))]
    pub fn registry_key(self) -> String {
        let base = match self {
            Browser::Chrome => r"Software\Google\Chrome",
            Browser::Chromium => r"Software\Chromium",
            Browser::Edge => r"Software\Microsoft\Edge",
            Browser::Brave => r"Software\BraveSoftware\Brave-Browser",
            Browser::Firefox => r"Software\Mozilla",
        };
        format!(r"HKCU\{base}\NativeMessagingHosts\{HOST_NAME}")
    }
}

/// The manifest file name inside a manifest directory.
pub fn manifest_file(dir: &Path) -> PathBuf {
    dir.join(format!("{HOST_NAME}.json"))
}

/// The manifest's content for `browser`, pointing at `exe` (absolute).
pub fn manifest_json(browser: Browser, exe: &Path, extension_id: &str) -> Value {
    let mut m = json!({
        "name": HOST_NAME,
        "description": "小程序备案助手 local helper (beian)",
        "path": exe.display().to_string(),
        "type": "stdio",
    });
    if browser.is_firefox() {
        m["allowed_extensions"] = json!([FIREFOX_ADDON_ID]);
    } else {
        m["allowed_origins"] = json!([format!("chrome-extension://{extension_id}/")]);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_id_derivation_matches_chromium() {
        // Chromium's documented example: the id is 32 letters a–p.
        let id = extension_id();
        assert_eq!(id.len(), 32);
        assert!(id.bytes().all(|b| (b'a'..=b'p').contains(&b)), "{id}");
        assert_eq!(extension_id_from_key("not base64!"), None);
        // SHA-256("") = e3b0c442…: e→o, 3→d, b→l, 0→a.
        assert_eq!(extension_id_from_key("").as_deref(), Some("odlameecjipmbmbejkplpemijjgpljce"));
    }

    #[test]
    fn key_constant_matches_the_extension_manifest() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../manifest.json");
        let manifest: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("the extension's manifest.json")).unwrap();
        assert_eq!(manifest["key"], EXTENSION_KEY, "update EXTENSION_KEY to the manifest's key");
        assert_eq!(manifest["browser_specific_settings"]["gecko"]["id"], FIREFOX_ADDON_ID);
    }

    #[test]
    fn manifests_carry_the_contract_names() {
        let exe = Path::new("/opt/beian/beian");
        let c = manifest_json(Browser::Chrome, exe, "abcdefghijklmnopabcdefghijklmnop");
        assert_eq!(c["name"], "com.beian.helper");
        assert_eq!(c["type"], "stdio");
        assert_eq!(c["allowed_origins"][0], "chrome-extension://abcdefghijklmnopabcdefghijklmnop/");
        let f = manifest_json(Browser::Firefox, exe, "ignored");
        assert_eq!(f["allowed_extensions"][0], "beian@mp-filing-assistant");
        assert!(f.get("allowed_origins").is_none());
    }
}
