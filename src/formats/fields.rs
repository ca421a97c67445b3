//! Small readers shared by the adapters: the cleaning every plain-text field and URL gets,
//! and the few values sources send in more than one shape.

use super::json::Json;
use super::plain_text;
use crate::i18n::canonical_tag;
use crate::model::{Body, Timestamp};
use crate::sanitize::{html_to_text, sanitize_later};
use crate::url::{checked_url, UrlUse};

/// A plain-text field as sources send it: entities decoded once, stray tags and extra
/// whitespace removed; `None` when nothing is left.
pub fn plain(value: Option<&str>) -> Option<String> {
    value.map(html_to_text).filter(|s| !s.is_empty())
}

/// A title as sites' templates write it: text (entities decoded, tags dropped), or a whole number,
/// as Jekyll's and Hugo's `jsonify` write a title such as `1984`; of another type, no title.
pub fn title(value: Option<&Json>) -> Option<String> {
    match value? {
        Json::String(text) => plain(Some(text)),
        number => number.as_integer().map(|n| n.to_string()),
    }
}

/// A body as formats carry it: the HTML (sanitized, its links resolved against `base`) when
/// there is some, else the plain text with its line breaks; a blank field is no field. `None`
/// when there is neither.
pub fn body(html: Option<&str>, text: Option<&str>, base: Option<&str>) -> Option<Body> {
    let present = |field: &&str| !field.trim().is_empty();
    match (html.filter(present), text.filter(present)) {
        (Some(html), _) => Some(sanitize_later(html, base)),
        (None, Some(text)) => Some(plain_text::body(text)),
        (None, None) => None,
    }
}

/// A language tag as `Intl` takes it, in canonical form; a tag it would refuse is no language.
pub fn language(value: Option<&str>) -> Option<String> {
    canonical_tag(value?.trim())
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
/// reader the article. Written as text (see [`Timestamp::read_feed_date`]) or as a Unix time
/// (seconds, or milliseconds as JavaScript counts them), as feeds write dates.
pub fn date(value: Option<&Json>) -> Option<Timestamp> {
    match value? {
        Json::String(text) => Timestamp::read_feed_date(text),
        // Seconds until the year 5138; beyond, milliseconds.
        number => number.as_integer().map(|n| {
            Timestamp::utc(if n.abs() < 100_000_000_000 {
                n
            } else {
                n / 1000
            })
        }),
    }
}

/// An id as sources send them: a string or a whole number.
pub fn id(value: Option<&Json>) -> Option<String> {
    match value? {
        Json::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        number => number.as_integer().map(|n| n.to_string()),
    }
}

/// A reading time in minutes as a source states it; only a plausible figure is kept.
pub fn minutes(value: Option<f64>) -> Option<u32> {
    value
        .filter(|m| (1.0..10_000.0).contains(m))
        .map(|m| m.round() as u32)
}
