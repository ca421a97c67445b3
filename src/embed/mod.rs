//! The `<article-reader>` element: configuration from attributes, and (in wasm) mounting a
//! [`crate::components::Reader`] into the element's shadow root.
//!
//! The element class itself lives in the small loader module `article-reader.js`, which
//! starts the wasm and calls `element::mount` for each element.

pub mod config;
#[cfg(all(browser, feature = "csr"))]
pub mod element;
#[cfg(all(browser, feature = "csr"))]
mod events;

/// The widget's stylesheet (`styles/widget.css`, minified by `build.rs`), adopted by every
/// shadow root.
pub const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

/// The items of `const {name} = [...];` in the loader, unquoted: lists the loader and the
/// engine must agree on.
#[cfg(test)]
pub(crate) fn loader_list(name: &str) -> Vec<&'static str> {
    const LOADER: &str = include_str!("article-reader.js");
    LOADER
        .split(&format!("const {name} = ["))
        .nth(1)
        .and_then(|rest| rest.split("];").next())
        .unwrap_or_else(|| panic!("the loader declares `const {name} = [...];`"))
        .split(',')
        .map(|item| item.trim().trim_matches('\''))
        .filter(|item| !item.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::WIDGET_CSS;

    #[test]
    fn the_stylesheet_is_minified_without_losing_rules() {
        let source = include_str!("../../styles/widget.css");
        assert!(WIDGET_CSS.len() < source.len());
        assert!(!WIDGET_CSS.contains("/*") && !WIDGET_CSS.contains('\n'));
        for kept in [
            ":host([theme=\"dark\"]){--_accent:var(--article-reader-accent,#ff8fab);",
            "@media (prefers-color-scheme:dark){:host(:not([theme=\"light\"])){",
            ".article__title:focus-visible{outline:3px solid var(--_focus)}",
            "*,*::before,*::after{box-sizing:border-box}",
        ] {
            assert!(
                WIDGET_CSS.contains(kept),
                "{kept} missing from {WIDGET_CSS}"
            );
        }
        let rules = |css: &str| css.matches('{').count();
        assert_eq!(rules(WIDGET_CSS), rules(source));
    }
}
