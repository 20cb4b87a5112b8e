//! Small DOM builders for the popup. Every text goes in as a text node (`textContent`), never as
//! HTML, because names and rejection reasons come from pages.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

pub struct Dom {
    pub doc: Document,
}

impl Dom {
    pub fn new() -> Result<Dom, JsValue> {
        let doc = web_sys::window().ok_or("no window")?.document().ok_or("no document")?;
        Ok(Dom { doc })
    }

    /// `<tag class="…">` appended to `parent`.
    pub fn el(&self, parent: &Element, tag: &str, class: &str) -> Result<Element, JsValue> {
        let e = self.doc.create_element(tag)?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        parent.append_child(&e)?;
        Ok(e)
    }

    /// `<tag class="…">text</tag>` appended to `parent`.
    pub fn text(&self, parent: &Element, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
        let e = self.el(parent, tag, class)?;
        e.set_text_content(Some(text));
        Ok(e)
    }

    pub fn clear(&self, e: &Element) {
        e.set_text_content(None);
    }
}

/// Runs `handler` on `event` of `target` for the popup's lifetime.
pub fn on(target: &Element, event: &str, handler: impl FnMut(web_sys::Event) + 'static) -> Result<(), JsValue> {
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(handler);
    target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())?;
    // The popup page lives as long as its listeners; leaking them is what keeps them alive.
    closure.forget();
    Ok(())
}
