//! The host page, as far as the widget needs it.

#[cfg(browser)]
use crate::url::{checked_url, without_query, UrlUse};

/// The page's base URL (`document.baseURI`), against which `src` attributes are resolved;
/// `None` natively.
pub fn base_url() -> Option<String> {
    #[cfg(browser)]
    {
        web_sys::window()?.document()?.base_uri().ok().flatten()
    }
    #[cfg(not(browser))]
    {
        None
    }
}

/// `src` as an absolute URL when the page has a base, so that URLs inside the document can be
/// resolved against the document's own address. In the browser this is the browser's own
/// `URL` (spaces, non-ASCII, host case, backslashes as it writes them), exactly as the loader
/// resolves the request it starts early, so that request is the one used.
pub fn absolute(src: &str) -> String {
    #[cfg(browser)]
    {
        base_url()
            .and_then(|base| web_sys::Url::new_with_base(src, &base).ok())
            .map(|url| url.href())
            .unwrap_or_else(|| src.to_owned())
    }
    #[cfg(not(browser))]
    {
        src.to_owned()
    }
}

/// The host document's language (`<html lang>`), if it says.
pub fn document_language() -> Option<String> {
    #[cfg(browser)]
    {
        let lang = web_sys::window()?
            .document()?
            .document_element()?
            .get_attribute("lang")?;
        Some(lang)
    }
    #[cfg(not(browser))]
    {
        None
    }
}

/// What to share when neither the publisher nor the article gives a URL: the page's
/// `<link rel="canonical">` (an `http(s)` address, like every URL the widget writes), else the
/// page's address without its query and fragment, which may hold a reader's session.
pub fn share_fallback_url() -> Option<String> {
    #[cfg(browser)]
    {
        let document = web_sys::window()?.document()?;
        let canonical = document
            .query_selector("link[rel~=canonical][href]")
            .ok()
            .flatten()
            .and_then(|link| link.get_attribute("href"))
            .and_then(|href| checked_url(&href, base_url().as_deref(), UrlUse::Resource));
        canonical.or_else(|| {
            let href = web_sys::window()?.location().href().ok()?;
            checked_url(without_query(&href), None, UrlUse::Resource)
        })
    }
    #[cfg(not(browser))]
    {
        None
    }
}

/// Scrolls the page to `y` (back and forward bring an entry's position back).
pub fn scroll_to(y: f64) {
    #[cfg(browser)]
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, y);
    }
    #[cfg(not(browser))]
    let _ = y;
}
