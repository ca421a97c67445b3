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
    /// Something the page loads (an image): `http`, `https`.
    Resource,
}

/// `raw` made absolute against `base` and checked for `usage`; `None` when it is not allowed.
/// Without a base, a relative reference is kept relative (the browser resolves it against the
/// page).
pub fn checked_url(raw: &str, base: Option<&str>, usage: UrlUse) -> Option<String> {
    let cleaned = clean(raw);
    if cleaned.is_empty() {
        return None;
    }
    let parts = split(&cleaned);
    let resolved = match (parts.scheme, base) {
        (Some(_), _) => cleaned.clone(),
        (None, Some(base)) => resolve(base, &cleaned)?,
        (None, None) => return Some(cleaned),
    };
    let scheme = split(&resolved).scheme?.to_ascii_lowercase();
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

/// Resolves `reference` against the absolute URL `base` (RFC 3986 §5.2.2).
pub fn resolve(base: &str, reference: &str) -> Option<String> {
    let r = split(reference);
    if r.scheme.is_some() {
        return Some(reference.to_owned());
    }
    let b = split(base);
    let scheme = b.scheme?;
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
        (b.authority, remove_dot_segments(&merged), r.query)
    };
    let mut out = format!("{scheme}:");
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
    let joined = output.join("/");
    if path.starts_with('/') && !joined.starts_with('/') {
        format!("/{joined}")
    } else {
        joined
    }
}

/// The host of an absolute URL, without a `www.` prefix: what readers recognise.
pub fn display_host(url: &str) -> Option<String> {
    let authority = split(url).authority?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
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
