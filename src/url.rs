//! URL checks and resolution for everything that ends up in an `href` or `src`.
//!
//! Pure Rust so the same rules hold natively and in the browser: input is cleaned the way
//! browsers clean it (control characters trimmed, tabs and newlines removed, `\` read as `/`),
//! relative references are resolved against the document's URL (RFC 3986 §5.2), and only the
//! allowed schemes survive.

/// What a URL is for, which decides the schemes it may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlUse {
    /// A link a reader follows: `http`, `https`, `mailto`.
    Link,
    /// Something the page loads (an image), or an address shared or fetched: `http`, `https`.
    Resource,
}

/// `raw` made absolute against `base` and checked for `usage`; `None` when it is not allowed.
/// Without a base, or against a relative one (a prerendered page's `src="posts/a.json"`), a
/// relative reference stays relative: the browser resolves it against the page, as it does
/// the base.
pub fn checked_url(raw: &str, base: Option<&str>, usage: UrlUse) -> Option<String> {
    let cleaned = clean(raw);
    if cleaned.is_empty() {
        return None;
    }
    let resolved = match (split(&cleaned).scheme, base) {
        (None, Some(base)) => resolve(base, &cleaned)?,
        _ => cleaned,
    };
    let Some(scheme) = split(&resolved).scheme else {
        return Some(resolved);
    };
    let scheme = scheme.to_ascii_lowercase();
    let allowed = match usage {
        UrlUse::Link => matches!(scheme.as_str(), "http" | "https" | "mailto"),
        UrlUse::Resource => matches!(scheme.as_str(), "http" | "https"),
    };
    allowed.then_some(resolved)
}

/// Removes what browsers ignore in URLs: leading and trailing C0 controls and spaces, and tabs
/// and newlines anywhere (so `java\tscript:` is seen as `javascript:`).
fn clean(raw: &str) -> String {
    raw.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|&c| !matches!(c, '\t' | '\n' | '\r'))
        .map(|c| if c == '\\' { '/' } else { c })
        .collect()
}

/// The five components of a URI reference (RFC 3986 appendix B).
#[derive(Debug, PartialEq)]
struct Parts<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

fn split(s: &str) -> Parts<'_> {
    let (rest, fragment) = match s.split_once('#') {
        Some((rest, fragment)) => (rest, Some(fragment)),
        None => (s, None),
    };
    let (rest, query) = match rest.split_once('?') {
        Some((rest, query)) => (rest, Some(query)),
        None => (rest, None),
    };
    let (scheme, rest) = match rest.split_once(':') {
        Some((scheme, after)) if is_scheme(scheme) => (Some(scheme), after),
        _ => (None, rest),
    };
    let (authority, path) = match rest.strip_prefix("//") {
        Some(after) => {
            let end = after.find('/').unwrap_or(after.len());
            (Some(&after[..end]), &after[end..])
        }
        None => (None, rest),
    };
    Parts {
        scheme,
        authority,
        path,
        query,
        fragment,
    }
}

fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Resolves `reference` against `base` (RFC 3986 §5.2.2). A relative `base` gives a relative
/// result, for the browser to resolve against the page as it would the base.
pub fn resolve(base: &str, reference: &str) -> Option<String> {
    let r = split(reference);
    if r.scheme.is_some() {
        return Some(reference.to_owned());
    }
    let b = split(base);
    let (authority, path, query) = if r.authority.is_some() {
        (r.authority, remove_dot_segments(r.path), r.query)
    } else if r.path.is_empty() {
        (b.authority, b.path.to_owned(), r.query.or(b.query))
    } else if r.path.starts_with('/') {
        (b.authority, remove_dot_segments(r.path), r.query)
    } else {
        let merged = match (b.authority, b.path.rfind('/')) {
            (Some(_), None) => format!("/{}", r.path),
            (_, Some(slash)) => format!("{}{}", &b.path[..=slash], r.path),
            (None, None) => r.path.to_owned(),
        };
        // Against a base relative to the page, `..` may climb above it: the browser resolves
        // the result against the page, dots and all.
        let rooted = b.scheme.is_some() || b.authority.is_some() || b.path.starts_with('/');
        let path = if rooted {
            remove_dot_segments(&merged)
        } else {
            merged
        };
        (b.authority, path, r.query)
    };
    let mut out = b
        .scheme
        .map(|scheme| format!("{scheme}:"))
        .unwrap_or_default();
    if let Some(authority) = authority {
        out.push_str("//");
        out.push_str(authority);
    }
    out.push_str(&path);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    if let Some(fragment) = r.fragment {
        out.push('#');
        out.push_str(fragment);
    }
    Some(out)
}

/// RFC 3986 §5.2.4: `/a/b/../c/./d` → `/a/c/d`.
fn remove_dot_segments(path: &str) -> String {
    let mut output: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len() - 1;
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "." | ".." => {
                if *segment == ".." && output.len() > 1 {
                    output.pop();
                }
                if i == last {
                    output.push("");
                }
            }
            s => output.push(s),
        }
    }
    let mut joined = String::with_capacity(path.len() + 1);
    if path.starts_with('/') && output.first().is_none_or(|first| !first.is_empty()) {
        joined.push('/');
    }
    for (i, segment) in output.iter().enumerate() {
        if i > 0 {
            joined.push('/');
        }
        joined.push_str(segment);
    }
    joined
}

/// Whether two absolute URLs are of one origin (scheme, host and port, compared as written:
/// the browser writes both the same way).
pub fn same_origin(a: &str, b: &str) -> bool {
    let origin = |url: &str| {
        let parts = split(url);
        Some((
            parts.scheme?.to_ascii_lowercase(),
            parts.authority?.to_ascii_lowercase(),
        ))
    };
    origin(a).is_some_and(|o| Some(o) == origin(b))
}

/// The host of an absolute URL, without a `www.` prefix: what readers recognise.
pub fn display_host(url: &str) -> Option<String> {
    let authority = split(url).authority?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// `url` with `params` added to its query (before any fragment), each encoded once.
pub fn add_query(url: &str, params: &[(&str, String)]) -> String {
    let (before_fragment, fragment) = match url.split_once('#') {
        Some((head, fragment)) => (head, Some(fragment)),
        None => (url, None),
    };
    let mut out = before_fragment.to_owned();
    for (key, value) in params {
        if !out.contains('?') {
            out.push('?');
        } else if !(out.ends_with('?') || out.ends_with('&')) {
            out.push('&');
        }
        out.push_str(&encode_uri_component(key));
        out.push('=');
        out.push_str(&encode_uri_component(value));
    }
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

/// Percent-encodes like JavaScript's `encodeURIComponent`: everything but
/// `A–Z a–z 0–9 - _ . ! ~ * ' ( )` as UTF-8 bytes, spaces as `%20` (never `+`).
pub fn encode_uri_component(value: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(value.len());
    for &byte in value.as_bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0F)]));
        }
    }
    out
}

/// A page's address without its query and fragment: what may be shared of a page the
/// publisher did not name, since a query or fragment may hold a reader's session or token.
pub fn without_query(page_url: &str) -> &str {
    page_url.split(['?', '#']).next().unwrap_or(page_url)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://example.com/blog/posts/42.json?x=1";

    #[test]
    fn resolves_like_rfc_3986() {
        // The normal examples of RFC 3986 §5.4.1.
        let base = "http://a/b/c/d;p?q";
        for (reference, expected) in [
            ("g:h", "g:h"),
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            (";x", "http://a/b/c/;x"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            ("g/../h", "http://a/b/c/h"),
        ] {
            assert_eq!(
                resolve(base, reference).as_deref(),
                Some(expected),
                "{reference}"
            );
        }
    }

    #[test]
    fn protocol_and_root_relative_urls_resolve_against_the_document() {
        assert_eq!(
            checked_url("//images.example.net/a.jpg", Some(BASE), UrlUse::Resource).as_deref(),
            Some("https://images.example.net/a.jpg")
        );
        assert_eq!(
            checked_url("/about", Some(BASE), UrlUse::Link).as_deref(),
            Some("https://example.com/about")
        );
        assert_eq!(
            checked_url("next.json", Some(BASE), UrlUse::Link).as_deref(),
            Some("https://example.com/blog/posts/next.json")
        );
        assert_eq!(
            checked_url("next.json", None, UrlUse::Link).as_deref(),
            Some("next.json")
        );
    }

    #[test]
    fn against_a_relative_base_urls_stay_relative_to_the_page() {
        // A prerendered page's `src="posts/42.json"`: the browser later resolves both the base
        // and these against the page, to the same address the live widget computes.
        for (base, reference, expected) in [
            ("posts/42.json", "cover.jpg", "posts/cover.jpg"),
            ("posts/42.json", "../about", "posts/../about"),
            ("posts/42.json", "/about", "/about"),
            (
                "posts/42.json",
                "//cdn.example/a.jpg",
                "//cdn.example/a.jpg",
            ),
            ("42.json", "cover.jpg", "cover.jpg"),
            ("/feeds/42.json", "../cover.jpg", "/cover.jpg"),
            (
                "/feeds/42.json",
                "https://a.example/x",
                "https://a.example/x",
            ),
        ] {
            assert_eq!(
                checked_url(reference, Some(base), UrlUse::Resource).as_deref(),
                Some(expected),
                "{reference} against {base}"
            );
        }
        assert_eq!(
            checked_url("javascript:alert(1)", Some("a.json"), UrlUse::Link),
            None
        );
    }

    #[test]
    fn only_allowed_schemes_survive_however_they_are_spelled() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
        ] {
            assert_eq!(checked_url(bad, Some(BASE), UrlUse::Link), None, "{bad:?}");
            assert_eq!(checked_url(bad, None, UrlUse::Link), None, "{bad:?}");
        }
        assert_eq!(
            checked_url("mailto:a@example.com", None, UrlUse::Link).as_deref(),
            Some("mailto:a@example.com")
        );
        assert_eq!(
            checked_url("mailto:a@example.com", None, UrlUse::Resource),
            None
        );
        assert_eq!(
            checked_url("HTTPS://Example.com/x", None, UrlUse::Resource).as_deref(),
            Some("HTTPS://Example.com/x")
        );
        assert_eq!(checked_url("  ", Some(BASE), UrlUse::Link), None);
    }

    #[test]
    fn backslashes_are_read_as_slashes_as_browsers_do() {
        assert_eq!(
            checked_url("/\\evil.example/x", Some(BASE), UrlUse::Link).as_deref(),
            Some("https://evil.example/x")
        );
    }

    #[test]
    fn queries_are_added_before_the_fragment_and_encoded_once() {
        assert_eq!(
            add_query("https://e.com/a?b=1#top", &[("t", "a b&c".into())]),
            "https://e.com/a?b=1&t=a%20b%26c#top"
        );
        assert_eq!(
            add_query("https://e.com/a?", &[("x", "1".into())]),
            "https://e.com/a?x=1"
        );
        assert_eq!(
            encode_uri_component("a b&c=d#e+f%"),
            "a%20b%26c%3Dd%23e%2Bf%25"
        );
        assert_eq!(encode_uri_component("-_.!~*'()"), "-_.!~*'()");
        assert_eq!(encode_uri_component("é😀"), "%C3%A9%F0%9F%98%80");
        assert_eq!(encode_uri_component("line\nbreak"), "line%0Abreak");
    }

    #[test]
    fn origins_are_scheme_host_and_port() {
        assert!(same_origin("https://e.com/a.json", "https://E.com/b?c"));
        assert!(!same_origin("https://e.com/a", "https://e.com:8443/a"));
        assert!(!same_origin("https://e.com/a", "http://e.com/a"));
        assert!(!same_origin("https://e.com/a", "https://cdn.e.com/a"));
        assert!(!same_origin("/relative", "/relative"));
    }

    #[test]
    fn a_page_is_shared_without_its_query_or_fragment() {
        assert_eq!(
            without_query("https://e.com/p?session=secret&article-reader-1=x#token=y"),
            "https://e.com/p"
        );
        assert_eq!(without_query("https://e.com/p"), "https://e.com/p");
    }

    #[test]
    fn display_host_drops_www_and_ports() {
        assert_eq!(
            display_host("https://www.YouTube.com:443/watch?v=1").as_deref(),
            Some("youtube.com")
        );
        assert_eq!(
            display_host("https://user@vimeo.com/1").as_deref(),
            Some("vimeo.com")
        );
        assert_eq!(display_host("/relative"), None);
    }
}
