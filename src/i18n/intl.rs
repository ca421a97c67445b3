//! Locale-aware formatting: the browser's `Intl` in wasm (no locale data in the bundle), the
//! English forms natively. US English, the default, uses the English forms in the browser too:
//! they are what `Intl` would say, and starting `Intl`'s locale data costs the first render
//! tens of milliseconds.
//!
//! Every call into `Intl` can throw (a tag it refuses, a browser without a formatter), and an
//! exception must never cross a render: each call here is caught, and a failure falls back to
//! the English form.

use super::{english_list, ListPart};
use crate::model::Timestamp;
use crate::text::relative_time::{english, Relative};

/// `tag` in canonical form if `Intl` takes it: in the browser, `Intl.getCanonicalLocales`'s
/// own verdict; natively, the same rules of well-formedness.
pub fn canonical(tag: &str) -> Option<String> {
    #[cfg(browser)]
    {
        if tag.is_empty() || tag.len() > 64 {
            return None;
        }
        let canonical = js::call("getCanonicalLocales", &[JsValue::from_str(tag)]).ok()?;
        js_sys::Reflect::get_u32(&canonical, 0).ok()?.as_string()
    }
    #[cfg(not(browser))]
    {
        super::tag::canonical(tag)
    }
}

#[cfg(browser)]
use wasm_bindgen::JsValue;

/// Whether `lang` is the default language, formatted without `Intl`.
#[cfg(browser)]
fn is_default_english(lang: &str) -> bool {
    lang == "en" || lang == "en-US"
}

/// `Intl`, called so that nothing it throws escapes.
#[cfg(browser)]
mod js {
    use js_sys::{Array, Function, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    fn intl() -> Result<JsValue, JsValue> {
        Reflect::get(&js_sys::global(), &"Intl".into())
    }

    /// `Intl[name](...args)`.
    pub fn call(name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
        let intl = intl()?;
        let function: Function = Reflect::get(&intl, &name.into())?.dyn_into()?;
        Reflect::apply(&function, &intl, &args.iter().collect::<Array>())
    }

    /// `new Intl[name](lang, options)[method](...args)`.
    pub fn format(
        name: &str,
        lang: &str,
        options: &[(&str, &str)],
        method: &str,
        args: &[JsValue],
    ) -> Result<JsValue, JsValue> {
        let constructor: Function = Reflect::get(&intl()?, &name.into())?.dyn_into()?;
        let settings = Object::new();
        for (key, value) in options {
            Reflect::set(&settings, &(*key).into(), &(*value).into())?;
        }
        let formatter = Reflect::construct(&constructor, &Array::of2(&lang.into(), &settings))?;
        let method: Function = Reflect::get(&formatter, &method.into())?.dyn_into()?;
        Reflect::apply(&method, &formatter, &args.iter().collect::<Array>())
    }

    /// A formatted string, or `None` when `Intl` threw or answered something else.
    pub fn text(result: Result<JsValue, JsValue>) -> Option<String> {
        result.ok()?.as_string()
    }
}

/// A whole number written the locale's way ("3", "٣", "1.000").
pub fn format_number(lang: &str, value: u32) -> String {
    #[cfg(browser)]
    if !is_default_english(lang) || value >= 1000 {
        let formatted = js::format("NumberFormat", lang, &[], "format", &[value.into()]);
        if let Some(text) = js::text(formatted) {
            return text;
        }
    }
    let _ = lang;
    value.to_string()
}

/// "3 years ago" in the locale's words.
pub fn format_relative(lang: &str, relative: Relative) -> String {
    #[cfg(browser)]
    if !is_default_english(lang) {
        let (count, unit) = match relative {
            Relative::Ago { count, unit } => (-(count as f64), unit),
            Relative::In { count, unit } => (count as f64, unit),
            Relative::JustNow => return english(relative),
        };
        let formatted = js::format(
            "RelativeTimeFormat",
            lang,
            &[("numeric", "always")],
            "format",
            &[count.into(), unit.intl_name().into()],
        );
        if let Some(text) = js::text(formatted) {
            return text;
        }
    }
    let _ = lang;
    english(relative)
}

/// A long date in UTC ("June 19, 2018", "19. Juni 2018").
pub fn format_date(lang: &str, at: Timestamp) -> String {
    #[cfg(browser)]
    if !is_default_english(lang) {
        let date = js_sys::Date::new(&JsValue::from_f64(at.written_millis()));
        let formatted = js::format(
            "DateTimeFormat",
            lang,
            &[("dateStyle", "long"), ("timeZone", "UTC")],
            "format",
            &[date.into()],
        );
        if let Some(text) = js::text(formatted) {
            return text;
        }
    }
    let _ = lang;
    at.to_long_date_en()
}

/// `names` joined as the locale joins a list ("A, B and C"), as parts.
pub fn format_list(lang: &str, names: &[&str]) -> Vec<ListPart> {
    #[cfg(browser)]
    if !is_default_english(lang) && names.len() > 1 {
        let items: js_sys::Array = names.iter().map(|n| JsValue::from_str(n)).collect();
        let parts = js::format(
            "ListFormat",
            lang,
            &[("type", "conjunction")],
            "formatToParts",
            &[items.into()],
        );
        if let Some(parts) = parts.ok().and_then(|p| list_parts(&p, names.len())) {
            return parts;
        }
    }
    let _ = lang;
    english_list(names.len())
}

/// `formatToParts`'s answer as list parts, if it names every item once.
#[cfg(browser)]
fn list_parts(parts: &JsValue, count: usize) -> Option<Vec<ListPart>> {
    let parts: &js_sys::Array = wasm_bindgen::JsCast::dyn_ref(parts)?;
    let field = |part: &JsValue, name: &str| {
        js_sys::Reflect::get(part, &name.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    let mut next = 0;
    let mut out = Vec::with_capacity(parts.length() as usize);
    for part in parts.iter() {
        if field(&part, "type").as_deref() == Some("element") {
            out.push(ListPart::Item(next));
            next += 1;
        } else {
            out.push(ListPart::Literal(field(&part, "value").unwrap_or_default()));
        }
    }
    (next == count).then_some(out)
}
