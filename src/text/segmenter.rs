//! Word segmentation for scripts written without spaces (Thai, Lao, Khmer, Myanmar).
//!
//! In the browser `Intl.Segmenter` splits them with its dictionaries (and costs the bundle
//! nothing); natively a run counts as one word, since shipping dictionaries is not worth it for
//! server rendering. A text's runs are segmented together, in one call, by one segmenter made
//! once: asking per run (or making a segmenter per run) costs seconds on a text of many short
//! runs.

/// The number of words in `runs`, `run_count` runs of unspaced-script text separated by
/// single spaces (natively, and without a segmenter, each run is one word).
#[cfg(browser)]
pub fn count_words(runs: &str, run_count: u64) -> u64 {
    use js_sys::{Array, Function, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    thread_local! {
        /// `new Intl.Segmenter([], {granularity: "word"})`, once; `None` without one.
        static SEGMENTER: Option<JsValue> = {
            let make = || -> Result<JsValue, JsValue> {
                let intl = Reflect::get(&js_sys::global(), &"Intl".into())?;
                let constructor: Function = Reflect::get(&intl, &"Segmenter".into())?.dyn_into()?;
                let options = Object::new();
                Reflect::set(&options, &"granularity".into(), &"word".into())?;
                Reflect::construct(&constructor, &Array::of2(&Array::new(), &options))
            };
            make().ok()
        };
    }
    let counted = SEGMENTER.with(|segmenter| -> Result<u64, JsValue> {
        let segmenter = segmenter.as_ref().ok_or(JsValue::NULL)?;
        let segment: Function = Reflect::get(segmenter, &"segment".into())?.dyn_into()?;
        let segments = segment.call1(segmenter, &JsValue::from_str(runs))?;
        let segments = Array::from(&segments);
        let word_like = JsValue::from_str("isWordLike");
        let text = JsValue::from_str("segment");
        let mut words = 0;
        for index in 0..segments.length() {
            let segment = segments.get(index);
            // Firefox (153) marks the last word before a space as not word-like: a segment with
            // letters or digits is a word whatever the flag says.
            let is_word = Reflect::get(&segment, &word_like)?.is_truthy()
                || Reflect::get(&segment, &text)?
                    .as_string()
                    .is_some_and(|text| text.chars().any(char::is_alphanumeric));
            if is_word {
                words += 1;
            }
        }
        Ok(words)
    });
    counted.unwrap_or(run_count)
}

#[cfg(not(browser))]
pub fn count_words(_runs: &str, run_count: u64) -> u64 {
    run_count
}
