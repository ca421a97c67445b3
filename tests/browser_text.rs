//! Browser tests for what needs the browser's `Intl`: word segmentation of Thai, localized
//! reading time, dates and relative times, language resolution, right-to-left layout, and
//! reading progress as the page scrolls.
#![cfg(browser)]

use article_reader::components::{Reader, ReaderProps};
use article_reader::i18n::Locale;
use article_reader::model::Timestamp;
use article_reader::services::fetcher::Fetcher;
use article_reader::text::{reading_time, words};
use wasm_bindgen_test::*;
use web_sys::Element;

mod common;
use common::{new_root, settle_until, text_of};

wasm_bindgen_test_configure!(run_in_browser);

const ARTICLE: &str = include_str!("../demo/ms-ice.json");
const RECENT: &str = include_str!("../demo/recent.json");
const NOW: &str = "2024-01-15T12:00:00Z";

fn now() -> Timestamp {
    Timestamp::parse_rfc3339(NOW).unwrap()
}

#[wasm_bindgen_test]
fn thai_is_segmented_into_words_by_intl_segmenter() {
    assert_eq!(words::count("จะถูกเปิดตัว").words, 4);
    assert_eq!(words::count("iPhone จะถูกเปิดตัว today").words, 6);
}

#[wasm_bindgen_test]
fn every_word_of_runs_separated_by_spaces_counts() {
    // Firefox reports the last Thai word before a space as not word-like; the runs of a text
    // are segmented together, separated by spaces, so each run but the last lost a word there.
    assert_eq!(words::count("จะถูกเปิดตัว จะถูกเปิดตัว").words, 8);
    assert_eq!(words::count("ภาษาไทยเป็นภาษาที่มีระดับเสียง ").words, 8);
    assert_eq!(words::count("ภาษาไทย, เป็นภาษา; ที่มีระดับเสียง").words, 8);
}

#[wasm_bindgen_test]
fn past_the_segmenters_budget_thai_words_are_estimated_closely() {
    // A sentence of 8 words (by the segmenter), 30,000 times: 900,000 characters, far past
    // what is segmented exactly.
    let sentence = "ภาษาไทยเป็นภาษาที่มีระดับเสียง ";
    let exact = words::count(sentence).words;
    assert!(exact > 4, "segmented: {exact}");
    let estimated = words::count(&sentence.repeat(30_000)).words;
    let expected = exact * 30_000;
    assert!(
        estimated.abs_diff(expected) * 100 <= expected,
        "{estimated} words estimated, {expected} counted one by one"
    );
    // Text that fits is counted exactly, in one text or in many.
    let mut counter = words::WordCounter::default();
    let blocks: u64 = (0..100).map(|_| counter.count(sentence).words).sum();
    assert_eq!(blocks, exact * 100);
}

#[wasm_bindgen_test]
fn reading_time_vectors_hold_in_the_browser_too() {
    let seed = include_str!("fixtures/seed-body.txt");
    assert_eq!(words::count(seed).words, 508);
    assert_eq!(reading_time::minutes(words::count(seed), 0, 200), Some(3));
    assert_eq!(words::count("U.S. mission-critical it’s").words, 4);
    assert_eq!(words::count("你会说English吗？").cjk_chars, 4);
}

#[wasm_bindgen_test]
fn relative_times_are_worded_by_intl_relative_time_format() {
    load_every_table();
    let three_years_ago = Timestamp::utc(now().seconds() - 1095 * 86_400);
    let cases = [
        ("en", "3 years ago"),
        ("de", "vor 3 Jahren"),
        ("fr", "il y a 3 ans"),
        ("ja", "3 年前"),
        ("ru", "3 года назад"),
    ];
    for (lang, expected) in cases {
        assert_eq!(
            Locale::new(lang).relative(now(), three_years_ago),
            expected,
            "{lang}"
        );
    }
    assert_eq!(
        Locale::new("de").relative(now(), Timestamp::utc(now().seconds() + 3 * 3600)),
        "in 3 Stunden"
    );
    assert_eq!(Locale::new("fr").relative(now(), now()), "à l’instant");
}

#[wasm_bindgen_test]
fn reading_time_and_dates_are_localized_with_locale_numbers() {
    load_every_table();
    assert_eq!(Locale::new("de").minutes_read(3), "3 Min. Lesezeit");
    assert_eq!(Locale::new("fr").minutes_read(3), "3 min de lecture");
    assert_eq!(Locale::new("es").minutes_read(3), "3 min de lectura");
    assert_eq!(Locale::new("ja").minutes_read(3), "3分で読めます");
    assert_eq!(Locale::new("de").minutes_read(1000), "1.000 Min. Lesezeit");
    assert_eq!(Locale::new("ar-EG").number(3), "٣");
    let published = Timestamp::parse_rfc3339("2018-06-19T10:00:00Z").unwrap();
    assert_eq!(Locale::new("de").date(published), "19. Juni 2018");
    assert_eq!(Locale::new("en").date(published), "June 19, 2018");
    // On the writer's calendar: a minute past midnight in Berlin is February 28 in UTC.
    let spring = Timestamp::parse_feed_date("1998-03-01 00:01:00 +0100").unwrap();
    assert_eq!(Locale::new("de").date(spring), "1. März 1998");
    assert_eq!(Locale::new("ja").date(spring), "1998年3月1日");
    assert_eq!(Locale::new("en").date(spring), "March 1, 1998");
}

/// The widget's own files, as served beside the loader: the UI words of each language.
const ASSETS: &str = "https://widget.example/reader/";

/// Each language's table, as the widget fetches it from beside its files.
fn label_table(url: &str) -> Option<&'static str> {
    let lang = url
        .strip_prefix(ASSETS)?
        .strip_prefix("labels/")?
        .strip_suffix(".json")?;
    Some(match lang {
        "de" => include_str!("../src/i18n/labels/de.json"),
        "fr" => include_str!("../src/i18n/labels/fr.json"),
        "es" => include_str!("../src/i18n/labels/es.json"),
        "ja" => include_str!("../src/i18n/labels/ja.json"),
        "ar" => include_str!("../src/i18n/labels/ar.json"),
        "he" => include_str!("../src/i18n/labels/he.json"),
        _ => return None,
    })
}

/// Makes every language's words at hand, as a page that has fetched them.
fn load_every_table() {
    for lang in article_reader::i18n::TABLES {
        let url = article_reader::i18n::table_url(ASSETS, lang);
        assert!(article_reader::i18n::register_table(
            lang,
            label_table(&url)
        ));
    }
}

fn serving(article: &'static str, related: &'static str) -> Fetcher {
    Fetcher::new(move |url, _| {
        let text = match label_table(url) {
            Some(table) => table,
            None if url.contains("recent") => related,
            None => article,
        };
        Box::pin(async move { Ok(text.to_owned()) })
    })
}

fn mount(
    root: &Element,
    lang: Option<&'static str>,
    article: &'static str,
) -> yew::AppHandle<Reader> {
    let props = yew::props!(ReaderProps {
        src: "/article.json",
        related_src: Some(yew::AttrValue::from("/recent.json")),
        fetcher: serving(article, RECENT),
        now: Some(Timestamp::parse_rfc3339("2026-11-28T12:00:00Z").unwrap()),
        lang: lang.map(yew::AttrValue::from),
        assets: Some(yew::AttrValue::from(ASSETS)),
    });
    yew::Renderer::<Reader>::with_root_and_props(root.clone(), props).render()
}

#[wasm_bindgen_test]
async fn the_lang_attribute_localizes_the_whole_widget() {
    let root = new_root();
    let _app = mount(&root, Some("de"), ARTICLE);
    assert!(settle_until(|| text_of(&root, "[part=related-time]").is_some()).await);
    assert_eq!(
        text_of(&root, "[part=reading-time]").as_deref(),
        Some("3 Min. Lesezeit")
    );
    assert_eq!(
        text_of(&root, "[part=published]").as_deref(),
        Some("19. Juni 2018")
    );
    assert_eq!(
        text_of(&root, "[part=related-time]").as_deref(),
        Some("vor 3 Jahren")
    );
    assert_eq!(
        text_of(&root, ".related__heading").as_deref(),
        Some("Neueste Beiträge")
    );
    let wrapper = root.query_selector(".reader").unwrap().unwrap();
    assert_eq!(wrapper.get_attribute("lang").as_deref(), Some("de"));
    assert_eq!(wrapper.get_attribute("dir").as_deref(), Some("ltr"));
}

#[wasm_bindgen_test]
async fn the_articles_language_is_used_without_an_attribute_and_rtl_languages_flip() {
    let french: &'static str = Box::leak(
        ARTICLE
            .replace("\"language\": \"en\"", "\"language\": \"fr\"")
            .into_boxed_str(),
    );
    let root = new_root();
    let _app = mount(&root, None, french);
    assert!(settle_until(|| text_of(&root, "[part=related-time]").is_some()).await);
    assert_eq!(
        text_of(&root, "[part=reading-time]").as_deref(),
        Some("3 min de lecture")
    );
    assert_eq!(
        text_of(&root, "[part=related-time]").as_deref(),
        Some("il y a 3 ans")
    );

    let rtl = new_root();
    let _app = mount(&rtl, Some("ar"), ARTICLE);
    assert!(settle_until(|| text_of(&rtl, "[part=title]").is_some()).await);
    let wrapper = rtl.query_selector(".reader").unwrap().unwrap();
    assert_eq!(wrapper.get_attribute("dir").as_deref(), Some("rtl"));
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(&wrapper)
        .unwrap()
        .unwrap();
    assert_eq!(style.get_property_value("direction").unwrap(), "rtl");
}

#[wasm_bindgen_test]
async fn the_progress_region_counts_down_as_the_reader_scrolls() {
    let window = web_sys::window().unwrap();
    window.scroll_to_with_x_and_y(0.0, 0.0);
    let root = new_root();
    let _app = mount(&root, None, ARTICLE);
    assert!(settle_until(|| text_of(&root, "[part=progress]").is_some()).await);
    let body = root.query_selector("[part=body]").unwrap().unwrap();
    // Bring the top of the body to the top of the viewport: most of it is still below.
    let top = body.get_bounding_client_rect().top() + window.scroll_y().unwrap();
    window.scroll_to_with_x_and_y(0.0, top);
    assert!(
        settle_until(|| text_of(&root, ".progress__text").is_some_and(|t| t.ends_with("min left")))
            .await
    );
    let early = text_of(&root, ".progress__text").unwrap();
    // Then past its end: nothing is left.
    let bottom = body.get_bounding_client_rect().bottom() + window.scroll_y().unwrap();
    window.scroll_to_with_x_and_y(0.0, bottom);
    assert!(
        settle_until(|| text_of(&root, ".progress__text").as_deref() == Some("Finished")).await,
        "was {early:?}, now {:?}",
        text_of(&root, ".progress__text")
    );
    let value = root
        .query_selector("progress")
        .unwrap()
        .unwrap()
        .get_attribute("value");
    assert_eq!(value.as_deref(), Some("100"));
    window.scroll_to_with_x_and_y(0.0, 0.0);
}

/// A post several screens long in the demo's format: `paragraphs` paragraphs of 60 words.
fn long_article(paragraphs: usize) -> &'static str {
    let paragraph = "Words the reader has not read yet, one after another. ".repeat(6);
    let body: Vec<String> = (0..paragraphs)
        .map(|_| format!(r#"{{"type": "paragraph", "text": "{}"}}"#, paragraph.trim()))
        .collect();
    let json = format!(
        r#"{{"format": "article-reader", "version": 1, "article": {{"id": "long",
        "title": "A long read", "language": "en", "body": [{}]}}}}"#,
        body.join(",")
    );
    Box::leak(json.into_boxed_str())
}

#[wasm_bindgen_test]
async fn at_the_top_of_a_long_article_the_time_left_is_the_reading_time() {
    let window = web_sys::window().unwrap();
    let root = new_root();
    // 1,800 words: about 8 minutes, many screens, so the first screen holds minutes of it.
    let _app = mount(&root, None, long_article(30));
    assert!(settle_until(|| text_of(&root, ".progress__text").is_some()).await);
    let read = text_of(&root, "[part=reading-time]").unwrap();
    let total: u32 = read.strip_suffix(" min read").unwrap().parse().unwrap();
    assert!(total >= 5, "{read}");
    let body = root.query_selector("[part=body]").unwrap().unwrap();
    let page_y = |y: f64| y + window.scroll_y().unwrap();
    let (top, height) = {
        let rect = body.get_bounding_client_rect();
        (page_y(rect.top()), rect.height())
    };
    let progress = || text_of(&root, ".progress__text").unwrap_or_default();
    let scroll_and_settle = |y: f64| {
        let before = progress();
        window.scroll_to_with_x_and_y(0.0, y);
        settle_until(move || progress() != before)
    };
    // Halfway down the body, about half is left.
    assert!(scroll_and_settle(top + height / 2.0).await);
    let half = progress();
    let left: u32 = half.strip_suffix(" min left").unwrap().parse().unwrap();
    assert!(left.abs_diff(total / 2) <= 1, "{half} of {read}");
    // Back at the top of the body, with its first screen in view: none of it is read yet.
    assert!(scroll_and_settle(top).await);
    assert_eq!(progress(), format!("{total} min left"), "of {read}");
    // Past its end, nothing is left.
    assert!(scroll_and_settle(top + height).await);
    assert_eq!(progress(), "Finished");
    window.scroll_to_with_x_and_y(0.0, 0.0);
}
