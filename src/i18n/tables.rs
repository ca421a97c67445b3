//! The UI words of each language: English compiled in; the others are tables in
//! `labels/<lang>.json`, fetched in the browser when a reader needs one (every reader
//! downloads the words of one language at most), compiled in natively.

use std::cell::RefCell;

use super::{Key, Labels};
use crate::formats::json;

/// The languages with a table of their own (primary subtags), besides English.
pub const TABLES: [&str; 6] = ["de", "fr", "es", "ja", "ar", "he"];

thread_local! {
    /// The tables loaded so far, by primary subtag (`None`: it could not be loaded).
    static LOADED: RefCell<Vec<(&'static str, Option<Labels>)>> = const { RefCell::new(Vec::new()) };
}

/// The table for a primary language subtag (`de`, `ja`…): English when the language has none,
/// or while (or if) its table is not loaded.
pub fn labels_for(primary: &str) -> Labels {
    #[cfg(not(browser))]
    compiled_in(primary);
    LOADED
        .with(|loaded| {
            loaded
                .borrow()
                .iter()
                .find(|(lang, _)| *lang == primary)
                .and_then(|(_, labels)| *labels)
        })
        .unwrap_or(EN)
}

/// The language whose table `lang` needs and that is not loaded yet, if any.
pub fn missing_table(lang: &str) -> Option<&'static str> {
    let primary = lang.split('-').next()?;
    let table = TABLES
        .into_iter()
        .find(|t| t.eq_ignore_ascii_case(primary))?;
    let loaded = LOADED.with(|loaded| loaded.borrow().iter().any(|(lang, _)| *lang == table));
    (!loaded).then_some(table)
}

/// Where the table for `lang` (one of [`TABLES`]) is, beside the widget's files at `assets`.
pub fn table_url(assets: &str, lang: &str) -> String {
    format!("{assets}labels/{lang}.json")
}

/// Keeps the table for `lang` (one of [`TABLES`]) read from `json`; a table that cannot be
/// read is kept as missing (English is used). Whether it could be read.
pub fn register_table(lang: &str, json: Option<&str>) -> bool {
    let Some(lang) = TABLES.into_iter().find(|t| *t == lang) else {
        return false;
    };
    let labels = json
        .and_then(|text| json::parse(text).ok())
        .and_then(|table| Labels::from_json(&table));
    LOADED.with(|loaded| {
        let mut loaded = loaded.borrow_mut();
        loaded.retain(|(l, _)| *l != lang);
        loaded.push((lang, labels));
    });
    labels.is_some()
}

/// Natively every table is at hand: read the one for `primary` on first use.
#[cfg(not(browser))]
fn compiled_in(primary: &str) {
    let json = match primary {
        "de" => include_str!("labels/de.json"),
        "fr" => include_str!("labels/fr.json"),
        "es" => include_str!("labels/es.json"),
        "ja" => include_str!("labels/ja.json"),
        "ar" => include_str!("labels/ar.json"),
        "he" => include_str!("labels/he.json"),
        _ => return,
    };
    if missing_table(primary).is_some() {
        register_table(primary, Some(json));
    }
}

/// English, the default.
pub const EN: Labels = words! {
    minutes_read: "{} min read",
    minutes_left: "{} min left",
    finished: "Finished",
    reading_progress: "Reading progress",
    published_by: "Published by",
    updated: "Updated {}",
    share: "Share",
    share_on: "Share on {}",
    email: "Email",
    copy_link: "Copy link",
    link_copied: "Link copied",
    copy_failed: "Copying was refused: select the link below and copy it.",
    native_share: "Share…",
    related_posts: "Recent Posts",
    just_now: "just now",
    loading: "Loading the article…",
    retry: "Try again",
    related_failed: "Related posts could not be loaded.",
    protected: "This post is protected by a password.",
    read_on_site: "Read it on the publisher’s site.",
    error_missing_source: "There is no article to show: the reader has no source.",
    error_not_found: "This article could not be found.",
    error_server: "The server had a problem sending this article.",
    error_refused: "The server refused to send this article.",
    error_network: "The article could not be loaded. Check your connection.",
    error_timeout: "The article took too long to load.",
    error_not_json: "The article’s data is not valid JSON.",
    error_format: "The article’s data is not in a format this reader understands.",
    error_too_large: "The article is too large to show here.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_has_every_word() {
        assert!(EN.0.iter().all(|word| !word.is_empty()), "{EN:?}");
    }

    #[test]
    fn every_table_has_every_key_and_no_other() {
        for lang in TABLES {
            let path = format!("{}/src/i18n/labels/{lang}.json", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&path).expect(&path);
            let table = json::parse(&text).expect("valid JSON");
            assert!(
                Labels::from_json(&table).is_some(),
                "{lang}: a key is missing"
            );
            let json::Json::Object(members) = table else {
                panic!("{lang}: not an object")
            };
            let keys: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
            assert_eq!(keys, Labels::KEYS, "{lang}: keys in the order of `Labels`");
            assert_ne!(labels_for(lang), EN, "{lang}");
        }
    }

    #[test]
    fn the_loader_prefetches_the_same_tables() {
        assert_eq!(crate::embed::loader_list("LABEL_TABLES"), TABLES);
    }

    #[test]
    fn a_table_that_cannot_be_read_leaves_english() {
        assert!(!register_table("he", Some("{\"minutes_read\": 3}")));
        assert_eq!(labels_for("he"), EN);
        assert!(
            missing_table("he-IL").is_none(),
            "tried: not asked for again"
        );
        assert!(register_table("he", Some(include_str!("labels/he.json"))));
        assert_eq!(labels_for("he").share(), "שיתוף");
        assert_eq!(missing_table("pt-BR"), None, "no table: English at once");
        assert_eq!(
            table_url("https://cdn.example/w/", "de"),
            "https://cdn.example/w/labels/de.json"
        );
    }
}
