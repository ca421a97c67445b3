//! Locale-aware formatting: the browser's `Intl` in wasm (no locale data in the bundle), the
//! English forms natively. US English, the default, uses the English forms in the browser too:
//! they are what `Intl` would say, and starting `Intl`'s locale data costs the first render
//! tens of milliseconds.

/// Whether `lang` is the default language, formatted without `Intl`.
#[cfg(target_arch = "wasm32")]
fn is_default_english(lang: &str) -> bool {
    lang.eq_ignore_ascii_case("en") || lang.eq_ignore_ascii_case("en-US")
}

use super::{english_list, ListPart};
use crate::model::Timestamp;
use crate::text::relative_time::{english, Relative};

#[cfg(target_arch = "wasm32")]
pub fn format_number(lang: &str, value: u32) -> String {
    if is_default_english(lang) && value < 1000 {
        return value.to_string();
    }
    js_sys::Number::from(value as f64)
        .to_locale_string(lang)
        .as_string()
        .unwrap_or_else(|| value.to_string())
}

#[cfg(not(target_arch = "wasm32"))]
pub fn format_number(_lang: &str, value: u32) -> String {
    value.to_string()
}

#[cfg(target_arch = "wasm32")]
pub fn format_relative(lang: &str, relative: Relative) -> String {
    use wasm_bindgen::JsValue;
    if is_default_english(lang) {
        return english(relative);
    }
    let (count, unit) = match relative {
        Relative::Ago { count, unit } => (-(count as f64), unit),
        Relative::In { count, unit } => (count as f64, unit),
        Relative::JustNow => return english(relative),
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"numeric".into(), &"always".into());
    let locales = js_sys::Array::of1(&JsValue::from_str(lang));
    let formatter = js_sys::Intl::RelativeTimeFormat::new(&locales, &options);
    formatter
        .format(count, unit.intl_name())
        .as_string()
        .unwrap_or_else(|| english(relative))
}

#[cfg(not(target_arch = "wasm32"))]
pub fn format_relative(_lang: &str, relative: Relative) -> String {
    english(relative)
}

#[cfg(target_arch = "wasm32")]
pub fn format_date(lang: &str, at: Timestamp) -> String {
    use wasm_bindgen::JsValue;
    if is_default_english(lang) {
        return at.to_long_date_en();
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let _ = js_sys::Reflect::set(&options, &"timeZone".into(), &"UTC".into());
    let date = js_sys::Date::new(&JsValue::from_f64(at.0 as f64 * 1000.0));
    date.to_locale_date_string(lang, &options)
        .as_string()
        .unwrap_or_else(|| at.to_long_date_en())
}

#[cfg(not(target_arch = "wasm32"))]
pub fn format_date(_lang: &str, at: Timestamp) -> String {
    at.to_long_date_en()
}

#[cfg(target_arch = "wasm32")]
pub fn format_list(lang: &str, names: &[&str]) -> Vec<ListPart> {
    use js_sys::{Array, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    if is_default_english(lang) || names.len() < 2 {
        return english_list(names.len());
    }
    // `Intl.ListFormat(lang, {type: "conjunction"}).formatToParts(names)`; any failure (an old
    // browser, a tag Intl refuses) falls back to English joining.
    let parts = || -> Result<Vec<ListPart>, JsValue> {
        let intl = Reflect::get(&js_sys::global(), &"Intl".into())?;
        let constructor: js_sys::Function =
            Reflect::get(&intl, &"ListFormat".into())?.dyn_into()?;
        let options = js_sys::Object::new();
        Reflect::set(&options, &"type".into(), &"conjunction".into())?;
        let formatter = Reflect::construct(
            &constructor,
            &Array::of2(&JsValue::from_str(lang), &options),
        )?;
        let format: js_sys::Function =
            Reflect::get(&formatter, &"formatToParts".into())?.dyn_into()?;
        let items: Array = names.iter().map(|n| JsValue::from_str(n)).collect();
        let parts: Array = format.call1(&formatter, &items)?.dyn_into()?;
        let mut next = 0;
        let mut out = Vec::with_capacity(parts.length() as usize);
        for part in parts.iter() {
            let kind = Reflect::get(&part, &"type".into())?.as_string();
            if kind.as_deref() == Some("element") {
                out.push(ListPart::Item(next));
                next += 1;
            } else {
                let text = Reflect::get(&part, &"value".into())?.as_string();
                out.push(ListPart::Literal(text.unwrap_or_default()));
            }
        }
        if next == names.len() {
            Ok(out)
        } else {
            Err(JsValue::NULL)
        }
    };
    parts().unwrap_or_else(|_| english_list(names.len()))
}

#[cfg(not(target_arch = "wasm32"))]
pub fn format_list(_lang: &str, names: &[&str]) -> Vec<ListPart> {
    english_list(names.len())
}
