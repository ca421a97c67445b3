//! The widget's language: which one ([`resolve_language`]), the words of its own UI (one
//! [`Labels`] table per language), and locale-aware numbers, dates and relative times
//! ([`Locale`], through `Intl` in the browser, English natively).

/// Declares [`Labels`] from its list of words, with an accessor for each and its reader from
/// JSON: the list is written once, and every language's table (`labels/<lang>.json`) has
/// exactly these keys. The words are kept in one array: reading a table is one loop.
macro_rules! labels {
    ($($(#[doc = $doc:literal])* $field:ident,)*) => {
        /// The place of each word in a table.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy)]
        enum Key {
            $($field,)*
        }

        /// Every UI string of one language. `{}` in a template stands for the value filled in.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct Labels([&'static str; Labels::KEYS.len()]);

        impl Labels {
            /// The keys of a table, in order.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];

            $($(#[doc = $doc])* pub const fn $field(&self) -> &'static str {
                self.0[Key::$field as usize]
            })*
        }
    };
}

/// A table written in Rust: `words! { minutes_read: "…", … }`, every key once.
macro_rules! words {
    ($($key:ident: $text:literal,)*) => {{
        let mut words = [""; Labels::KEYS.len()];
        $(words[Key::$key as usize] = $text;)*
        Labels(words)
    }};
}

mod intl;
mod tables;
#[cfg(not(browser))]
mod tag;

pub use intl::canonical as canonical_tag;
pub use tables::{labels_for, missing_table, register_table, table_url, EN, TABLES};

use crate::formats::json::Json;
use crate::model::Timestamp;
use crate::text::relative_time::{self, Relative};

labels! {
    /// The reading-time badge: "{} min read".
    minutes_read,
    /// Time left while reading: "{} min left".
    minutes_left,
    /// Time left once the end is reached: "Finished".
    finished,
    /// The accessible name of the progress bar.
    reading_progress,
    /// Before the authors' names in the author card: "Published by".
    published_by,
    /// A date that is the post's last update, not its publication: "Updated {}".
    updated,
    /// The share bar's accessible name: "Share".
    share,
    /// The accessible name of a share link: "Share on {}".
    share_on,
    /// The email share link's name.
    email,
    /// The copy button: "Copy link".
    copy_link,
    /// After a copy: "Link copied".
    link_copied,
    /// When the clipboard is refused.
    copy_failed,
    /// The button that opens the system's share sheet: "Share…".
    native_share,
    /// The related list's heading and accessible name.
    related_posts,
    /// A moment within 45 seconds: "just now".
    just_now,
    /// While a document is on its way.
    loading,
    /// The retry button: "Try again".
    retry,
    /// When the related list cannot be loaded.
    related_failed,
    /// Shown instead of a password-protected body.
    protected,
    /// The link to a protected post's own page.
    read_on_site,
    /// The element names no document.
    error_missing_source,
    /// The server answered 404 or 410.
    error_not_found,
    /// The server failed (a 5xx status).
    error_server,
    /// The server refused (a 4xx status other than 404 and 410).
    error_refused,
    /// No answer: offline, or blocked.
    error_network,
    /// No answer in time.
    error_timeout,
    /// The document is not JSON.
    error_not_json,
    /// The document is JSON of no format the widget reads.
    error_format,
    /// The document is larger than the widget reads.
    error_too_large,
}

impl Labels {
    /// A table read from its JSON: every key present, as a string. Read once per language and
    /// page, so its strings are kept for the page's life.
    pub fn from_json(table: &Json) -> Option<Labels> {
        let mut words = [""; Labels::KEYS.len()];
        for (word, key) in words.iter_mut().zip(Labels::KEYS) {
            *word = Box::leak(table.get_str(key)?.into());
        }
        Some(Labels(words))
    }
}

/// Puts `value` where a template has `{}`.
pub fn fill(template: &str, value: impl std::fmt::Display) -> String {
    let value = value.to_string();
    match crate::text::find(template, "{}") {
        Some(at) => {
            // Piece by piece: `concat` costs the wasm more.
            let mut out = template[..at].to_owned();
            out.push_str(&value);
            out.push_str(&template[at + 2..]);
            out
        }
        None => template.to_owned(),
    }
}

/// A piece of a list of names as a language writes it ("A, B and C"): a name, by its place in
/// the list, or the words between names. Names stay separate so each can be isolated for
/// bidirectional text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListPart {
    /// A name, by its place in the list.
    Item(usize),
    /// The words between names.
    Literal(String),
}

/// `count` names joined the English way: "A", "A and B", "A, B and C".
pub fn english_list(count: usize) -> Vec<ListPart> {
    let mut parts = Vec::with_capacity(count * 2);
    for index in 0..count {
        if index > 0 {
            let between = if index + 1 == count { " and " } else { ", " };
            parts.push(ListPart::Literal(between.to_owned()));
        }
        parts.push(ListPart::Item(index));
    }
    parts
}

/// Text direction of a language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

impl Direction {
    /// The value of a `dir` attribute.
    pub fn attr(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// The language the widget speaks: its tag, its UI words and its direction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Locale {
    /// A BCP 47 tag such as `de` or `pt-BR`.
    pub lang: String,
    /// The UI words.
    pub labels: Labels,
    /// The direction of the language's script.
    pub direction: Direction,
}

impl Default for Locale {
    fn default() -> Self {
        Locale::new("en")
    }
}

impl Locale {
    /// The locale for a language tag: its own words when the widget has them, else English.
    pub fn new(lang: &str) -> Locale {
        let primary = primary_subtag(lang);
        Locale {
            lang: lang.to_owned(),
            labels: labels_for(&primary),
            direction: if matches!(
                primary.as_str(),
                "ar" | "he" | "fa" | "ur" | "yi" | "ps" | "dv" | "ku"
            ) {
                Direction::Rtl
            } else {
                Direction::Ltr
            },
        }
    }

    /// A whole number written the locale's way ("3", "٣", "1.000").
    pub fn number(&self, value: u32) -> String {
        intl::format_number(&self.lang, value)
    }

    /// "3 min read", localized.
    pub fn minutes_read(&self, minutes: u32) -> String {
        fill(self.labels.minutes_read(), self.number(minutes))
    }

    /// "2 min left", localized.
    pub fn minutes_left(&self, minutes: u32) -> String {
        fill(self.labels.minutes_left(), self.number(minutes))
    }

    /// "3 years ago", localized; "just now" from the table.
    pub fn relative(&self, now: Timestamp, then: Timestamp) -> String {
        match relative_time::relative(now.seconds(), then.seconds()) {
            Relative::JustNow => self.labels.just_now().to_owned(),
            other => intl::format_relative(&self.lang, other),
        }
    }

    /// A long date ("June 19, 2018", "19. Juni 2018"), in UTC.
    pub fn date(&self, at: Timestamp) -> String {
        intl::format_date(&self.lang, at)
    }

    /// How the language joins `names` into one list ("A, B and C", "A, B und C").
    pub fn list(&self, names: &[&str]) -> Vec<ListPart> {
        intl::format_list(&self.lang, names)
    }
}

/// The first subtag, lower-cased: `pt-BR` → `pt`.
fn primary_subtag(lang: &str) -> String {
    lang.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// The widget's language: the `lang` attribute, else the article's language, else the host
/// document's `lang`, else English, in its canonical form. A value `Intl` would refuse (`de-x`,
/// `zh-u`, `de-DE-DE`) is skipped for the next in line: a bad tag costs the reader nothing.
pub fn resolve_language(
    attribute: Option<&str>,
    article: Option<&str>,
    document: Option<&str>,
) -> String {
    [attribute, article, document]
        .into_iter()
        .flatten()
        .find_map(|tag| intl::canonical(tag.trim()))
        .unwrap_or_else(|| "en".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_filled_once() {
        assert_eq!(fill(EN.minutes_read(), 3), "3 min read");
        assert_eq!(fill(EN.share_on(), "X"), "Share on X");
        assert_eq!(fill("no slot", 1), "no slot");
    }

    #[test]
    fn language_comes_from_attribute_then_article_then_page_then_english() {
        assert_eq!(resolve_language(Some("de"), Some("fr"), Some("es")), "de");
        assert_eq!(resolve_language(None, Some("fr-CA"), Some("es")), "fr-CA");
        assert_eq!(resolve_language(Some(" "), None, Some("ja")), "ja");
        assert_eq!(resolve_language(Some("not a tag!"), None, None), "en");
        assert_eq!(resolve_language(None, None, None), "en");
        // A tag Intl would refuse gives way to the next in line.
        for bad in ["de-x", "en-a", "de-1", "zh-u", "de-DE-DE"] {
            assert_eq!(resolve_language(Some(bad), Some("fr"), None), "fr", "{bad}");
            assert_eq!(resolve_language(None, Some(bad), Some("ja")), "ja", "{bad}");
            assert_eq!(resolve_language(None, None, Some(bad)), "en", "{bad}");
        }
        assert_eq!(resolve_language(Some("PT-br"), None, None), "pt-BR");
    }

    #[test]
    fn each_language_has_its_own_labels_and_direction() {
        assert_eq!(Locale::new("de").minutes_read(3), "3 Min. Lesezeit");
        assert_eq!(Locale::new("fr-FR").minutes_read(3), "3 min de lecture");
        assert_eq!(Locale::new("es").minutes_read(3), "3 min de lectura");
        assert_eq!(Locale::new("ja").minutes_read(3), "3分で読めます");
        assert_eq!(Locale::new("en-GB").minutes_read(3), "3 min read");
        assert_eq!(
            Locale::new("xx").labels,
            EN,
            "unknown languages fall back to English"
        );
        assert_eq!(Locale::new("ar").direction, Direction::Rtl);
        assert_eq!(Locale::new("he-IL").direction, Direction::Rtl);
        assert_eq!(Locale::new("de").direction, Direction::Ltr);
    }

    #[test]
    fn names_are_listed_with_commas_and_a_final_and() {
        let show = |names: &[&str]| {
            Locale::default()
                .list(names)
                .iter()
                .fold(String::new(), |mut out, part| {
                    match part {
                        ListPart::Item(i) => out.push_str(names[*i]),
                        ListPart::Literal(text) => out.push_str(text),
                    }
                    out
                })
        };
        assert_eq!(show(&[]), "");
        assert_eq!(show(&["A"]), "A");
        assert_eq!(show(&["A", "B"]), "A and B");
        assert_eq!(show(&["A", "B", "C"]), "A, B and C");
    }

    #[test]
    fn natively_relative_times_and_dates_are_english() {
        let now = Timestamp::parse_rfc3339("2024-01-15T12:00:00Z").unwrap();
        let locale = Locale::default();
        assert_eq!(
            locale.relative(now, Timestamp::utc(now.seconds() - 1095 * 86_400)),
            "3 years ago"
        );
        assert_eq!(
            locale.relative(now, Timestamp::utc(now.seconds() - 10)),
            "just now"
        );
        assert_eq!(locale.date(now), "January 15, 2024");
    }
}
