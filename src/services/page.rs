//! The host page, as far as the widget needs it.

use crate::url::resolve;

/// The page's base URL (`document.baseURI`), against which `src` attributes are resolved;
/// `None` natively.
pub fn base_url() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()?.document()?.base_uri().ok().flatten()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// `src` as an absolute URL when the page has a base, so that URLs inside the document can be
/// resolved against the document's own address.
pub fn absolute(src: &str) -> String {
    base_url()
        .and_then(|base| resolve(&base, src))
        .unwrap_or_else(|| src.to_owned())
}

/// The host document's language (`<html lang>`), if it says.
pub fn document_language() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let lang = web_sys::window()?
            .document()?
            .document_element()?
            .get_attribute("lang")?;
        Some(lang)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// What to share when neither the publisher nor the article gives a URL: the page's
/// `<link rel="canonical">`, else its address without the widget's own state.
pub fn share_fallback_url() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let document = web_sys::window()?.document()?;
        let canonical = document
            .query_selector("link[rel~=canonical][href]")
            .ok()
            .flatten()
            .and_then(|link| link.get_attribute("href"))
            .and_then(|href| resolve(&base_url()?, &href));
        canonical.or_else(|| {
            let href = web_sys::window()?.location().href().ok()?;
            Some(crate::share::without_widget_state(&href))
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}
