//! Small readers shared by the adapters: typed deserialization with error paths, and the
//! cleaning every plain-text field and URL gets.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::FormatError;
use crate::model::Timestamp;
use crate::sanitize::html_to_text;
use crate::url::{checked_url, UrlUse};

/// Deserializes `value` as `T`; errors name the field (`missing field \`title\``), and
/// the adapters add where in the document (`items[0]`).
pub fn typed<T: DeserializeOwned>(format: &'static str, value: &Value) -> Result<T, FormatError> {
    T::deserialize(value).map_err(|error| FormatError::invalid(format, error.to_string()))
}

/// A plain-text field as sources send it: entities decoded once, stray tags and extra
/// whitespace removed; `None` when nothing is left.
pub fn plain(value: Option<&str>) -> Option<String> {
    value.map(html_to_text).filter(|s| !s.is_empty())
}

/// A URL field, resolved against the document and checked.
pub fn link(value: Option<&str>, base: Option<&str>) -> Option<String> {
    checked_url(value?, base, UrlUse::Link)
}

/// An image URL field, resolved against the document and checked.
pub fn image(value: Option<&str>, base: Option<&str>) -> Option<String> {
    checked_url(value?, base, UrlUse::Resource)
}

/// A date that may be missing or unreadable: a bad date shows no date, it does not cost the
/// reader the article.
pub fn date(
    value: Option<&str>,
    parse: fn(&str) -> Result<Timestamp, crate::model::DateError>,
) -> Option<Timestamp> {
    value.and_then(|v| parse(v).ok())
}

/// An id as sources send them: a string or a number.
pub fn id(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The string inside `value`, if it is one (many fields are `null`, `false` or missing).
pub fn string(value: Option<&Value>) -> Option<&str> {
    value?.as_str()
}
