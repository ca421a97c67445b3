//! A parsed JSON document, read field by field with the type each field must have.
//!
//! In the browser the text is parsed by `JSON.parse`, so the wasm carries no JSON parser and no
//! deserialization code per struct; natively (server rendering, tests) serde_json parses it.
//! Both give this small tree, so the adapters are the same code everywhere. A missing member
//! and `null` read the same: absent.

/// How deep values are read: anything deeper is skipped (read as `null`), never refused. No
/// adapter reads deeper than a few levels; a document may still nest what it does not show.
pub const MAX_DEPTH: usize = 128;

/// One JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, as a double.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object's members, in the document's order (duplicates kept, the first one read).
    Object(Vec<(String, Json)>),
}

/// Why a text is not JSON (the parser's own words).
#[derive(Debug)]
pub struct SyntaxError(pub String);

/// Why a field could not be read: which field (a path such as `items[0].title`) and what was
/// wrong with it.
#[derive(Debug, PartialEq, Eq)]
pub struct FieldError {
    /// Where: a path such as `items[0].title`.
    pub path: String,
    /// What was wrong, in words for the publisher.
    pub problem: String,
}

impl FieldError {
    /// The error for the field at `path`.
    pub fn new(path: impl Into<String>, problem: impl Into<String>) -> Self {
        FieldError {
            path: path.into(),
            problem: problem.into(),
        }
    }

    /// The same error seen from an enclosing value: `title` inside `items[0]`.
    pub fn inside(mut self, parent: &str) -> Self {
        self.path = match (parent.is_empty(), self.path.is_empty()) {
            (true, _) => self.path,
            (false, true) => parent.to_owned(),
            (false, false) if self.path.starts_with('[') => format!("{parent}{}", self.path),
            (false, false) => format!("{parent}.{}", self.path),
        };
        self
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.problem)
        } else {
            write!(f, "{}: {}", self.path, self.problem)
        }
    }
}

/// Parses a JSON text.
pub fn parse(text: &str) -> Result<Json, SyntaxError> {
    parser::parse(text)
}

impl Json {
    /// What kind of value this is, for errors ("expected a string, found a number").
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    /// A member of an object; `None` when absent, `null`, or when this is not an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members
                .iter()
                .find(|(name, _)| name == key)
                .map(|(_, value)| value)
                .filter(|value| !matches!(value, Json::Null)),
            _ => None,
        }
    }

    /// A member that is a string; `None` when it is absent or anything else (for fields read
    /// leniently, where a wrong type means "not given").
    pub fn get_str(&self, key: &str) -> Option<&str> {
        self.get(key)?.as_str()
    }

    /// The value at a path of member names, such as `["title", "rendered"]`.
    pub fn at(&self, path: &[&str]) -> Option<&Json> {
        path.iter().try_fold(self, |value, key| value.get(key))
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The items of an array.
    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// Whether the value is an object.
    pub fn is_object(&self) -> bool {
        matches!(self, Json::Object(_))
    }

    /// An integer as sources send ids and counts: a whole number within the range a double
    /// holds exactly.
    pub fn as_integer(&self) -> Option<i64> {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
        match *self {
            Json::Number(n) if n.fract() == 0.0 && n.abs() <= EXACT => Some(n as i64),
            _ => None,
        }
    }

    /// This value as an object whose fields can be read with their types.
    pub fn object(&self) -> Result<Fields<'_>, FieldError> {
        match self {
            Json::Object(_) => Ok(Fields(self)),
            other => Err(FieldError::new(
                "",
                format!("expected an object, found {}", other.kind()),
            )),
        }
    }
}

/// An object's members, read with the type each must have. A member of the wrong type is an
/// error naming it; a missing or `null` one is `None` (or empty, for lists).
#[derive(Clone, Copy)]
pub struct Fields<'a>(&'a Json);

impl<'a> Fields<'a> {
    /// The raw member, for fields that may have several types.
    pub fn get(self, key: &str) -> Option<&'a Json> {
        self.0.get(key)
    }

    /// A string; missing or `null` is `None`.
    pub fn string(self, key: &str) -> Result<Option<&'a str>, FieldError> {
        self.typed(key, "a string", Json::as_str)
    }

    /// A string, else nothing: for optional fields of foreign formats, where a value of
    /// another type (a template's number, `false`) costs the reader nothing.
    pub fn text(self, key: &str) -> Option<&'a str> {
        self.0.get(key)?.as_str()
    }

    /// A string the document must have.
    pub fn required_string(self, key: &str) -> Result<&'a str, FieldError> {
        self.string(key)?
            .ok_or_else(|| FieldError::new(key, "missing (a string is required)"))
    }

    /// A number; missing or `null` is `None`.
    pub fn number(self, key: &str) -> Result<Option<f64>, FieldError> {
        self.typed(key, "a number", |value| match *value {
            Json::Number(n) => Some(n),
            _ => None,
        })
    }

    /// A boolean; missing or `null` is `None`.
    pub fn bool(self, key: &str) -> Result<Option<bool>, FieldError> {
        self.typed(key, "a boolean", |value| match *value {
            Json::Bool(b) => Some(b),
            _ => None,
        })
    }

    /// A list; missing or `null` is an empty list.
    pub fn array(self, key: &str) -> Result<&'a [Json], FieldError> {
        Ok(self.typed(key, "an array", Json::as_array)?.unwrap_or(&[]))
    }

    /// A list the document must have (it may be empty).
    pub fn required_array(self, key: &str) -> Result<&'a [Json], FieldError> {
        self.typed(key, "an array", Json::as_array)?
            .ok_or_else(|| FieldError::new(key, "missing (an array is required)"))
    }

    /// An object's fields; missing or `null` is `None`.
    pub fn object(self, key: &str) -> Result<Option<Fields<'a>>, FieldError> {
        self.typed(key, "an object", |value| {
            value.is_object().then_some(Fields(value))
        })
    }

    fn typed<T>(
        self,
        key: &str,
        expected: &str,
        read: impl FnOnce(&'a Json) -> Option<T>,
    ) -> Result<Option<T>, FieldError> {
        match self.0.get(key) {
            None => Ok(None),
            Some(value) => read(value).map(Some).ok_or_else(|| {
                FieldError::new(key, format!("expected {expected}, found {}", value.kind()))
            }),
        }
    }
}

/// Reads each item of a list with `read`; an error names the item (`[2].title`).
pub fn each<'a, T>(
    items: &'a [Json],
    mut read: impl FnMut(usize, Fields<'a>) -> Result<T, FieldError>,
) -> Result<Vec<T>, FieldError> {
    let mut out = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let value = item
            .object()
            .and_then(|fields| read(index, fields))
            .map_err(|e| e.inside(&format!("[{index}]")))?;
        out.push(value);
    }
    Ok(out)
}

#[cfg(browser)]
mod parser {
    //! `JSON.parse`, then one walk turning the JavaScript values into [`Json`].
    use js_sys::{Array, Object};
    use wasm_bindgen::{JsCast, JsValue};

    use super::{Json, SyntaxError, MAX_DEPTH};

    pub fn parse(text: &str) -> Result<Json, SyntaxError> {
        let value = js_sys::JSON::parse(text).map_err(|error| {
            let message = error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| "the text is not JSON".to_owned());
            SyntaxError(with_line_and_column(message, text))
        })?;
        Ok(from_js(&value, 0))
    }

    /// The browser's message, with the line and column of the position it names when it does
    /// not say them itself (as serde_json's messages do natively).
    fn with_line_and_column(message: String, text: &str) -> String {
        use crate::text::find;
        if find(&message, "line ").is_some() {
            return message;
        }
        let Some(position) = find(&message, "position ")
            .map(|at| &message[at + "position ".len()..])
            .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(crate::text::number)
            .and_then(|position| usize::try_from(position).ok())
        else {
            return message;
        };
        // The position counts UTF-16 code units, as JavaScript strings do.
        let (mut line, mut column, mut units) = (1, 1, 0);
        for c in text.chars() {
            if units >= position {
                break;
            }
            units += c.len_utf16();
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        format!("{message} (line {line} column {column})")
    }

    fn from_js(value: &JsValue, depth: usize) -> Json {
        if depth > MAX_DEPTH {
            return Json::Null;
        }
        if let Some(text) = value.as_string() {
            Json::String(text)
        } else if let Some(number) = value.as_f64() {
            Json::Number(number)
        } else if let Some(flag) = value.as_bool() {
            Json::Bool(flag)
        } else if Array::is_array(value) {
            let items: &Array = value.unchecked_ref();
            let mut out = Vec::with_capacity(items.length() as usize);
            for item in items.iter() {
                out.push(from_js(&item, depth + 1));
            }
            Json::Array(out)
        } else if value.is_object() {
            let entries = Object::entries(value.unchecked_ref());
            let mut members = Vec::with_capacity(entries.length() as usize);
            for entry in entries.iter() {
                let entry: &Array = entry.unchecked_ref();
                let key = entry.get(0).as_string().unwrap_or_default();
                members.push((key, from_js(&entry.get(1), depth + 1)));
            }
            Json::Object(members)
        } else {
            Json::Null
        }
    }
}

#[cfg(not(browser))]
mod parser {
    //! serde_json read straight into [`Json`], with no limit on nesting (the stack grows on
    //! the heap as needed) and anything deeper than [`MAX_DEPTH`] skipped.
    use std::fmt;

    use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

    use super::{Json, SyntaxError, MAX_DEPTH};

    pub fn parse(text: &str) -> Result<Json, SyntaxError> {
        let mut json = serde_json::Deserializer::from_str(text);
        json.disable_recursion_limit();
        let deep = serde_stacker::Deserializer::new(&mut json);
        let value = At(0)
            .deserialize(deep)
            .map_err(|e| SyntaxError(e.to_string()))?;
        json.end().map_err(|e| SyntaxError(e.to_string()))?;
        Ok(value)
    }

    /// A value at this depth.
    #[derive(Clone, Copy)]
    struct At(usize);

    impl<'de> DeserializeSeed<'de> for At {
        type Value = Json;

        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
            if self.0 > MAX_DEPTH {
                deserializer.deserialize_ignored_any(IgnoredAny)?;
                Ok(Json::Null)
            } else {
                deserializer.deserialize_any(self)
            }
        }
    }

    impl<'de> Visitor<'de> for At {
        type Value = Json;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON value")
        }
        fn visit_unit<E>(self) -> Result<Json, E> {
            Ok(Json::Null)
        }
        fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
            Ok(Json::Bool(v))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
            Ok(Json::Number(v as f64))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
            Ok(Json::Number(v as f64))
        }
        fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
            Ok(Json::Number(v))
        }
        fn visit_str<E>(self, v: &str) -> Result<Json, E> {
            Ok(Json::String(v.to_owned()))
        }
        fn visit_string<E>(self, v: String) -> Result<Json, E> {
            Ok(Json::String(v))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Json, A::Error> {
            let mut out = Vec::new();
            while let Some(item) = items.next_element_seed(At(self.0 + 1))? {
                out.push(item);
            }
            Ok(Json::Array(out))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut members: A) -> Result<Json, A::Error> {
            let mut out: Vec<(String, Json)> = Vec::new();
            while let Some(key) = members.next_key::<String>()? {
                let value = members.next_value_seed(At(self.0 + 1))?;
                // A repeated key: the last one counts, as in JSON.parse.
                out.retain(|(k, _)| *k != key);
                out.push((key, value));
            }
            Ok(Json::Object(out))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Json {
        parse(text).unwrap()
    }

    #[test]
    fn missing_and_null_members_are_both_absent() {
        let value = doc(r#"{"a":null,"b":"x"}"#);
        let fields = value.object().unwrap();
        assert_eq!(fields.string("a"), Ok(None));
        assert_eq!(fields.string("missing"), Ok(None));
        assert_eq!(fields.string("b"), Ok(Some("x")));
        assert_eq!(fields.array("a"), Ok(&[][..]));
    }

    #[test]
    fn a_member_of_the_wrong_type_is_named() {
        let value = doc(r#"{"items":[{"title":"ok"},{"title":5}]}"#);
        let items = value.object().unwrap().array("items").unwrap();
        let error = each(items, |_, item| item.required_string("title"))
            .unwrap_err()
            .inside("items");
        assert_eq!(
            error.to_string(),
            "items[1].title: expected a string, found a number"
        );
        let error = doc("[1]").object().err().unwrap();
        assert_eq!(error.to_string(), "expected an object, found an array");
        let empty = doc("{}");
        let missing = empty.object().unwrap().required_string("title");
        assert_eq!(
            missing.unwrap_err().inside("article").to_string(),
            "article.title: missing (a string is required)"
        );
    }

    #[test]
    fn paths_and_integers() {
        let value = doc(r#"{"title":{"rendered":"T"},"id":42,"big":1e300,"half":0.5}"#);
        assert_eq!(
            value.at(&["title", "rendered"]).and_then(Json::as_str),
            Some("T")
        );
        assert_eq!(value.at(&["title", "missing"]), None);
        assert_eq!(value.get("id").and_then(Json::as_integer), Some(42));
        assert_eq!(value.get("big").and_then(Json::as_integer), None);
        assert_eq!(value.get("half").and_then(Json::as_integer), None);
    }

    #[test]
    fn text_that_is_not_json_is_a_syntax_error() {
        assert!(parse("<!doctype html>").is_err());
        assert!(parse(r#"{"a":"#).is_err());
        assert!(parse(r#"{"a":1} x"#).is_err(), "trailing text");
    }

    #[test]
    fn what_is_nested_deeper_than_read_is_skipped_not_refused() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let value = parse(&format!(r#"{{"title":"kept","_ext":{deep}}}"#)).unwrap();
        assert_eq!(value.get_str("title"), Some("kept"));
        let mut at = value.get("_ext").unwrap();
        let mut depth = 1;
        while let Json::Array(items) = at {
            at = &items[0];
            depth += 1;
        }
        assert_eq!(at, &Json::Null);
        assert_eq!(depth, MAX_DEPTH + 1);
    }
}
