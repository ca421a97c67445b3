//! Two things every build needs before the crate compiles:
//! - the `browser` cfg, set for `wasm32-unknown-unknown` only: the code that talks to the DOM
//!   (web-sys, wasm-bindgen) is gated on it, so the prerenderer compiles natively and for
//!   `wasm32-wasip1` (the Node package's `article-reader render`) from the same sources;
//! - the widget's stylesheet minified into the build: comments and layout whitespace cost
//!   bytes in every download of the wasm, and the readable source stays in `styles/widget.css`.

use std::{env, fs, path::Path};

const SOURCE: &str = "styles/widget.css";

fn main() {
    println!("cargo::rustc-check-cfg=cfg(browser)");
    let target = |key: &str| env::var(key).unwrap_or_default();
    if target("CARGO_CFG_TARGET_ARCH") == "wasm32" && target("CARGO_CFG_TARGET_OS") == "unknown" {
        println!("cargo::rustc-cfg=browser");
    }
    println!("cargo:rerun-if-changed={SOURCE}");
    let css = fs::read_to_string(SOURCE).expect("styles/widget.css is part of the crate");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("widget.min.css");
    fs::write(out, minify(&css)).expect("OUT_DIR is writable");
}

/// Drops comments, collapses whitespace, and removes it where CSS never needs it: around
/// `{ } ; , >` and after `:`. Quoted strings are copied as they are; `+`, `-` and `~` keep
/// their spaces (`calc()` needs them).
fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                pending_space = true;
            }
            c if c.is_whitespace() => pending_space = true,
            '"' | '\'' => {
                push_space(&mut out, &mut pending_space, c);
                out.push(c);
                for inner in chars.by_ref() {
                    out.push(inner);
                    if inner == c {
                        break;
                    }
                }
            }
            '{' | '}' | ';' | ',' | '>' => {
                pending_space = false;
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                    chars.next();
                }
            }
            _ => {
                push_space(&mut out, &mut pending_space, c);
                out.push(c);
                if c == ':' {
                    while chars.peek().is_some_and(|c| c.is_whitespace()) {
                        chars.next();
                    }
                }
            }
        }
    }
    out.trim().to_owned()
}

/// Writes a collapsed space before `next`, unless it follows a character that never needs one.
fn push_space(out: &mut String, pending: &mut bool, next: char) {
    if std::mem::take(pending)
        && !out.is_empty()
        && !out.ends_with(['{', '}', ';', ',', '>', ':'])
        && next != '{'
    {
        out.push(' ');
    }
}
