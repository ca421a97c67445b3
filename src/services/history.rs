//! Keeping in-place navigation in the page's history (`history="push"`): one query parameter
//! per widget, the scroll position in the entry's state. Natively there is no history.

/// The key under which the scroll position is kept in `history.state`.
#[cfg(browser)]
const SCROLL_KEY: &str = "articleReaderScroll";

/// The value of the widget's parameter in the page's URL.
pub fn current(key: &str) -> Option<String> {
    #[cfg(browser)]
    {
        let search = web_sys::window()?.location().search().ok()?;
        web_sys::UrlSearchParams::new_with_str(&search)
            .ok()?
            .get(key)
    }
    #[cfg(not(browser))]
    {
        let _ = key;
        None
    }
}

/// Adds a history entry with the widget's parameter set to `value` (`None` removes it),
/// after noting the current scroll position in the entry being left.
pub fn push(key: &str, value: Option<&str>) {
    #[cfg(browser)]
    {
        let _ = browser::push(key, value);
    }
    #[cfg(not(browser))]
    {
        let _ = (key, value);
    }
}

/// Listens for back and forward; `on_change` gets the scroll position the entry recorded.
/// Dropping the result stops listening.
pub fn on_navigate(on_change: impl Fn(Option<f64>) + 'static) -> Option<Box<dyn std::any::Any>> {
    #[cfg(browser)]
    {
        let window = web_sys::window()?;
        let listener = gloo::events::EventListener::new(&window, "popstate", move |event| {
            let state =
                wasm_bindgen::JsCast::unchecked_ref::<web_sys::PopStateEvent>(event).state();
            let scroll = js_sys::Reflect::get(&state, &SCROLL_KEY.into())
                .ok()
                .and_then(|v| v.as_f64());
            on_change(scroll);
        });
        Some(Box::new(listener))
    }
    #[cfg(not(browser))]
    {
        let _ = on_change;
        None
    }
}

#[cfg(browser)]
mod browser {
    use wasm_bindgen::{JsCast, JsValue};

    use super::SCROLL_KEY;

    /// The page's own state with the scroll position added (never replacing the page's keys).
    fn state_with_scroll(state: &JsValue, scroll: f64) -> JsValue {
        let copy = js_sys::Object::new();
        if state.is_object() {
            let _ = js_sys::Object::assign(&copy, state.unchecked_ref());
        }
        let _ = js_sys::Reflect::set(&copy, &SCROLL_KEY.into(), &scroll.into());
        copy.into()
    }

    pub fn push(key: &str, value: Option<&str>) -> Option<()> {
        let window = web_sys::window()?;
        let history = window.history().ok()?;
        let here = window.location().href().ok()?;
        let scroll = window.scroll_y().unwrap_or(0.0);
        let state = history.state().unwrap_or(JsValue::NULL);
        history
            .replace_state_with_url(&state_with_scroll(&state, scroll), "", Some(&here))
            .ok()?;
        let url = web_sys::Url::new(&here).ok()?;
        match value {
            Some(value) => url.search_params().set(key, value),
            None => url.search_params().delete(key),
        }
        history
            .push_state_with_url(
                &state_with_scroll(&JsValue::NULL, 0.0),
                "",
                Some(&url.href()),
            )
            .ok()
    }
}
