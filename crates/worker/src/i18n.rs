//! The popup's and the notifications' language: Chinese when the browser UI is Chinese, English
//! otherwise. Texts sit next to their use as `(zh, en)` pairs picked with [`Lang::pick`], which keeps
//! each pair together when it is edited.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// From a BCP 47 tag (`zh-CN`, `zh_TW`, `en-US`, …).
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// `chrome.i18n.getUILanguage()`, else `navigator.language`, else Chinese (the product's users).
    #[cfg(target_arch = "wasm32")]
    pub fn detect() -> Lang {
        if let Ok(tag) = crate::chrome::ui_language() {
            return Lang::from_tag(&tag);
        }
        let navigator = js_sys::Reflect::get(&js_sys::global(), &"navigator".into()).ok();
        let tag = navigator.and_then(|n| js_sys::Reflect::get(&n, &"language".into()).ok()?.as_string());
        tag.map_or(Lang::Zh, |t| Lang::from_tag(&t))
    }

    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn code(self) -> &'static str {
        self.pick("zh_CN", "en")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_tags_of_any_region_pick_chinese() {
        for tag in ["zh-CN", "zh_CN", "zh-TW", "ZH", " zh-Hans-CN"] {
            assert_eq!(Lang::from_tag(tag), Lang::Zh, "{tag}");
        }
        for tag in ["en-US", "en", "de", ""] {
            assert_eq!(Lang::from_tag(tag), Lang::En, "{tag}");
        }
        assert_eq!(Lang::Zh.pick("中", "en"), "中");
        assert_eq!(Lang::En.pick("中", "en"), "en");
    }
}
