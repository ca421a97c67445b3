//! The element's DOM events: bubbling, composed `CustomEvent`s named `article-reader:*`.

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use crate::components::ReaderEvent;

/// Dispatches `event` on `host` with a plain-object `detail` (documented in the README).
pub fn dispatch(host: &HtmlElement, event: &ReaderEvent) {
    let detail = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(key), &value);
    };
    let text = |value: &str| JsValue::from_str(value);
    let optional = |value: Option<&str>| value.map_or(JsValue::NULL, JsValue::from_str);
    let name = match event {
        ReaderEvent::Loaded { src, article } => {
            set("src", text(src));
            set("id", text(&article.id));
            set("title", optional(article.name().as_deref()));
            set("url", optional(article.url.as_deref()));
            "article-reader:load"
        }
        ReaderEvent::Failed { src, error } => {
            set("src", text(src));
            set("url", text(src));
            set("kind", text(error.kind()));
            set(
                "status",
                error.status().map_or(JsValue::NULL, JsValue::from),
            );
            set("message", text(&error.to_string()));
            "article-reader:error"
        }
        ReaderEvent::Navigated { src, post } => {
            set("src", text(src));
            set("id", text(&post.id));
            set("title", optional(post.name().as_deref()));
            set("url", optional(post.url.as_deref()));
            "article-reader:navigate"
        }
        ReaderEvent::Shared { network, url } => {
            set("network", text(network));
            set("url", text(url));
            "article-reader:share"
        }
    };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}
