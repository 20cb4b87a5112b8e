//! The extension's service worker and popup, one wasm-bindgen cdylib with two entries:
//! [`background::background_start`] (+ `on_message`, `on_alarm`) for `extension/background.js`, and
//! [`popup::popup_start`] for `extension/popup.js`. Domain logic (fold, deadlines, status texts,
//! masking) is `beian-tracker`'s; this crate is storage, alarms, notifications, native messaging and
//! rendering.

pub mod export;
pub mod i18n;
pub mod reminders;
pub mod store;
pub mod view;

#[cfg(target_arch = "wasm32")]
mod background;
#[cfg(target_arch = "wasm32")]
mod chrome;
#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
mod popup;
#[cfg(target_arch = "wasm32")]
mod sync;
