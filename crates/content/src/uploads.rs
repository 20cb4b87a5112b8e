//! Reading a chosen file's metadata locally: name, type, size and, for images, the pixel size
//! (`createImageBitmap`, decoded in the browser). The file is never uploaded or stored by us.

use beian_formmap::UploadMeta;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, ImageBitmap};

use crate::dom;

/// Reads `input`'s first file and hands the metadata to `done` (after decoding, for images; always
/// asynchronously, from a promise callback).
pub fn read_chosen(input: Element, slot: &'static str, done: impl FnOnce(Element, UploadMeta) + 'static) {
    let Some(file) = input.dyn_ref::<HtmlInputElement>().and_then(|i| i.files()).and_then(|f| f.item(0)) else { return };
    let mut meta = UploadMeta {
        slot: Some(slot.into()),
        file_name: Some(file.name()),
        content_type: Some(file.type_()).filter(|t| !t.is_empty()),
        bytes: Some(file.size() as u64),
        width: None,
        height: None,
    };
    let is_image = file.type_().starts_with("image/");
    let Some(window) = web_sys::window() else { return };
    let bitmap = if is_image { window.create_image_bitmap_with_blob(&file).ok() } else { None };
    // A file that is not a decodable image simply has no pixel size: a rejection becomes undefined.
    let settled = match &bitmap {
        Some(promise) => dom::ignore_rejection(promise),
        None => js_sys::Promise::resolve(&JsValue::UNDEFINED),
    };
    let then = Closure::once_into_js(move |b: JsValue| {
        if let Ok(b) = b.dyn_into::<ImageBitmap>() {
            meta.width = Some(b.width());
            meta.height = Some(b.height());
            b.close();
        }
        done(input, meta);
    });
    dom::then(&settled, &then);
}
