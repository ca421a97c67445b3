//! The browser features behind the copy-link and share buttons. Each call is made so that
//! nothing it throws (no clipboard outside a secure context, a share sheet refused) escapes.

#[cfg(browser)]
mod js {
    use js_sys::{Array, Function, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    /// `navigator[object]`, or `navigator` itself when `object` is empty.
    fn navigator(object: &str) -> Result<JsValue, JsValue> {
        let navigator = Reflect::get(&js_sys::global(), &"navigator".into())?;
        if object.is_empty() {
            Ok(navigator)
        } else {
            Reflect::get(&navigator, &object.into())
        }
    }

    /// `navigator[object][method](...args)`, awaited.
    pub async fn call(object: &str, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
        let target = navigator(object)?;
        let function: Function = Reflect::get(&target, &method.into())?.dyn_into()?;
        let promise = Reflect::apply(&function, &target, &args.iter().collect::<Array>())?;
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise)).await
    }

    /// Whether `navigator[method]` is there.
    pub fn has(method: &str) -> bool {
        navigator("").is_ok_and(|n| Reflect::has(&n, &method.into()).unwrap_or(false))
    }
}

/// Puts `text` on the clipboard; `false` when the browser refuses (no permission, no focus,
/// not a secure context) or there is no clipboard at all.
pub async fn write_text(text: &str) -> bool {
    #[cfg(browser)]
    {
        js::call("clipboard", "writeText", &[text.into()])
            .await
            .is_ok()
    }
    #[cfg(not(browser))]
    {
        let _ = text;
        false
    }
}

/// Whether the browser offers its own share sheet (`navigator.share`).
pub fn can_share_natively() -> bool {
    #[cfg(browser)]
    {
        js::has("share")
    }
    #[cfg(not(browser))]
    {
        false
    }
}

/// Opens the browser's share sheet; a reader who cancels it is not an error.
pub async fn share_natively(title: &str, url: &str) {
    #[cfg(browser)]
    {
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
        let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
        let _ = js::call("", "share", &[data.into()]).await;
    }
    #[cfg(not(browser))]
    {
        let _ = (title, url);
    }
}
