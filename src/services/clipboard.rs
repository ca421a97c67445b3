//! The browser features behind the copy-link and share buttons.

/// Puts `text` on the clipboard; `false` when the browser refuses (no permission, no focus,
/// not a secure context) or there is no clipboard at all.
pub async fn write_text(text: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(window) = web_sys::window() else {
            return false;
        };
        let promise = window.navigator().clipboard().write_text(text);
        wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = text;
        false
    }
}

/// Whether the browser offers its own share sheet (`navigator.share`).
pub fn can_share_natively() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .is_some_and(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        false
    }
}

/// Opens the browser's share sheet; a reader who cancels it is not an error.
pub async fn share_natively(title: &str, url: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(window) = web_sys::window() else {
            return;
        };
        let data = web_sys::ShareData::new();
        data.set_title(title);
        data.set_url(url);
        let promise = window.navigator().share_with_data(&data);
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (title, url);
    }
}
