//! Writing the shared link to the clipboard.

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
