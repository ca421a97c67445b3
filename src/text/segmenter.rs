//! Word segmentation for scripts written without spaces (Thai, Lao, Khmer, Myanmar).
//!
//! In the browser `Intl.Segmenter` splits them with its dictionaries (and costs the bundle
//! nothing); natively a run counts as one word, since shipping dictionaries is not worth it for
//! server rendering.

/// The number of words in `run`, a run of unspaced-script text.
#[cfg(target_arch = "wasm32")]
pub fn count_words(run: &str) -> u64 {
    use wasm_bindgen::{JsCast, JsValue};
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"granularity".into(), &"word".into());
    let segmenter = js_sys::Intl::Segmenter::new(&js_sys::Array::new(), &options);
    let segments: JsValue = segmenter.segment(run).into();
    let Ok(Some(iterator)) = js_sys::try_iter(&segments) else {
        return 1;
    };
    let word_like = JsValue::from_str("isWordLike");
    let count = iterator
        .flatten()
        .filter(|segment| {
            js_sys::Reflect::get(segment.unchecked_ref(), &word_like)
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false)
        })
        .count();
    (count as u64).max(1)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn count_words(run: &str) -> u64 {
    u64::from(!run.is_empty())
}
