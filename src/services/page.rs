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
