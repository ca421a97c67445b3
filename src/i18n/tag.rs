//! Language tags as `Intl` takes them (Unicode BCP 47 locale identifiers, UTS #35): a tag
//! `Intl` refuses throws a `RangeError` from every constructor, so the widget only ever uses
//! tags that pass here (and, in the browser, `Intl.getCanonicalLocales` too).

/// `tag` in its canonical case (`en-us` → `en-US`) if it is well-formed; `None` for tags
/// `Intl` would refuse, such as `de-x`, `en-a`, `de-1`, `zh-u` or `de-DE-DE`.
pub fn canonical(tag: &str) -> Option<String> {
    if tag.is_empty() || tag.len() > 64 {
        return None;
    }
    let subtags: Vec<&str> = tag.split('-').collect();
    let alpha = |s: &str, min, max| {
        (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic())
    };
    let alnum = |s: &str, min, max| {
        (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
    };
    let mut out: Vec<String> = Vec::with_capacity(subtags.len());
    let mut at = 0;
    // language, then optional script and region
    let language = subtags[at];
    if !(alpha(language, 2, 3) || alpha(language, 5, 8)) {
        return None;
    }
    out.push(language.to_ascii_lowercase());
    at += 1;
    if let Some(script) = subtags.get(at).filter(|s| alpha(s, 4, 4)) {
        out.push(format!(
            "{}{}",
            script[..1].to_ascii_uppercase(),
            script[1..].to_ascii_lowercase()
        ));
        at += 1;
    }
    if let Some(region) = subtags
        .get(at)
        .filter(|s| alpha(s, 2, 2) || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit())))
    {
        out.push(region.to_ascii_uppercase());
        at += 1;
    }
    // variants: 5–8 alphanumerics, or a digit and 3 alphanumerics; none twice
    let mut variants: Vec<String> = Vec::new();
    while let Some(variant) = subtags.get(at).filter(|s| {
        alnum(s, 5, 8) || (s.len() == 4 && s.as_bytes()[0].is_ascii_digit() && alnum(s, 4, 4))
    }) {
        let variant = variant.to_ascii_lowercase();
        if variants.contains(&variant) {
            return None;
        }
        variants.push(variant.clone());
        out.push(variant);
        at += 1;
    }
    // extensions: a singleton followed by at least one subtag of 2–8 alphanumerics (private
    // use, `x`, takes everything after it, 1–8 each); no singleton twice
    let mut singletons: Vec<u8> = Vec::new();
    while let Some(singleton) = subtags.get(at) {
        let [letter] = singleton.as_bytes() else {
            return None;
        };
        let letter = letter.to_ascii_lowercase();
        if !letter.is_ascii_alphanumeric() || singletons.contains(&letter) {
            return None;
        }
        singletons.push(letter);
        out.push(char::from(letter).to_string());
        at += 1;
        let (min, rest) = if letter == b'x' {
            (1, true)
        } else {
            (2, false)
        };
        let start = at;
        while let Some(subtag) = subtags
            .get(at)
            .filter(|s| alnum(s, min, 8) && (rest || s.len() > 1))
        {
            out.push(subtag.to_ascii_lowercase());
            at += 1;
        }
        if at == start {
            return None;
        }
    }
    (at == subtags.len()).then(|| crate::text::join(&out, "-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_tags_come_back_in_canonical_case() {
        for (tag, expected) in [
            ("en", "en"),
            ("EN-us", "en-US"),
            ("zh-hant-TW", "zh-Hant-TW"),
            ("es-419", "es-419"),
            ("de-CH-1996", "de-CH-1996"),
            ("sl-rozaj-biske", "sl-rozaj-biske"),
            ("en-u-ca-gregory", "en-u-ca-gregory"),
            ("de-u-co", "de-u-co"),
            ("en-x-private", "en-x-private"),
            ("ja-JP-u-ca-japanese-x-a", "ja-JP-u-ca-japanese-x-a"),
        ] {
            assert_eq!(canonical(tag).as_deref(), Some(expected), "{tag}");
        }
    }

    #[test]
    fn tags_intl_refuses_are_refused() {
        for tag in [
            "",
            "de-x",
            "en-a",
            "de-1",
            "zh-u",
            "de-DE-DE",
            "x-private",
            "e",
            "english!",
            "en_US",
            "en--US",
            "en-",
            "-en",
            "de-u-ca-u-co",
            "sl-rozaj-rozaj",
            "i-klingon",
            "toolonglanguage",
            "en-US-x",
            "de-DE-a-",
        ] {
            assert_eq!(canonical(tag), None, "{tag:?}");
        }
    }
}
