//! Locale-aware formatting: the browser's `Intl` in wasm (no locale data in the bundle), the
//! English forms natively. US English, the default, uses the English forms in the browser too:
//! they are what `Intl` would say, and starting `Intl`'s locale data costs the first render
//! tens of milliseconds.

/// Whether `lang` is the default language, formatted without `Intl`.
#[cfg(target_arch = "wasm32")]
fn is_default_english(lang: &str) -> bool {
    lang.eq_ignore_ascii_case("en") || lang.eq_ignore_ascii_case("en-US")
}

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
