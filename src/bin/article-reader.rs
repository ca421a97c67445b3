//! `article-reader`: the widget's markup prerendered for a publisher's build, so readers and
//! crawlers have the article before any WebAssembly runs. See `--help`.

#[cfg(not(browser))]
fn main() -> std::process::ExitCode {
    #[cfg(target_os = "wasi")]
    enter_working_directory();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match cli::run(&args) {
        Ok(output) => {
            print!("{output}");
            std::process::ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("article-reader: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Under WASI (the npm package's `article-reader` runs this file through `node:wasi`) the host's
/// file system is preopened at `/` and the process starts in `/`: the working directory Node
/// was in comes as `PWD`, so relative paths mean what they mean natively.
#[cfg(target_os = "wasi")]
fn enter_working_directory() {
    if let Some(dir) = std::env::var_os("PWD") {
        // A directory that cannot be entered leaves relative paths to fail by name.
        let _ = std::env::set_current_dir(dir);
    }
}

/// Built for the browser only as a library: there is no command there.
#[cfg(browser)]
fn main() {}

#[cfg(not(browser))]
mod cli {
    use std::fs;
    use std::path::Path;

    use article_reader::embed::config::ATTRIBUTES;
    use article_reader::embed::WIDGET_CSS;
    use article_reader::model::Timestamp;
    use article_reader::prerender::{self, Options, Style};

    /// What `--help` prints.
    fn help() -> String {
        format!(
            "article-reader: prerender the article reader into a page, for readers and search \
engines before any WebAssembly runs.

USAGE
  article-reader render ARTICLE.json [--related LIST.json] [ATTRIBUTES] [OPTIONS]
      Prints one <article-reader> element with a declarative shadow root holding the markup
      the live widget renders for that article (and list), then a schema.org BlogPosting as
      JSON-LD. The loader takes the element over without a visible change.
  article-reader render --each LIST.json --out DIR [ATTRIBUTES] [OPTIONS]
      Writes one such fragment per post of a list (JSON Feed items, a WordPress collection,
      Ghost posts) into DIR, each with the others as its related posts.
  article-reader css
      Prints the widget's stylesheet (the file --style link refers to).

ATTRIBUTES (written onto the element, read as the widget reads them)
  --src URL             the article's JSON, which the live widget follows (and against which
                        relative URLs in it resolve)
  --related-src URL     the related posts' JSON
{attributes}  --id VALUE, --class VALUE
                        the element's id and class, for the page's own styles and scripts
OPTIONS
  --related FILE        the related posts' document, read now (with --related-src its URL)
  --assets URL          where the widget's files are (default ./): --style link refers to
                        URL/article-reader.css
  --page URL            the address of the page the element goes on: shared when the article
                        names none, as the live widget shares its page (--each: each post's)
  --style inline|link   the stylesheet as an inline <style> (default: styled at the first
                        paint) or a linked file
  --now RFC3339         the moment relative times (\"3 years ago\") are written against
                        (default: now); the live widget brings them up to date
  --help                this text

CONTENT SECURITY POLICY
  The inline stylesheet is allowed by its hash: style-src {hash}
  (the hash changes with the widget's stylesheet: take it from this text for each version).

Bad input ends with the widget's own error text (format and field) and status 1, and prints
nothing on standard output.
",
            attributes = ATTRIBUTES
                .iter()
                .filter(|name| !matches!(**name, "src" | "related-src"))
                .map(|name| format!("  --{name} VALUE\n"))
                .collect::<String>(),
            hash = prerender::style_hash()
        )
    }

    /// Runs a command line; what to print, or why it failed.
    pub fn run(args: &[String]) -> Result<String, String> {
        let Some((command, rest)) = args.split_first() else {
            return Ok(help());
        };
        if args.iter().any(|arg| arg == "--help" || arg == "-h") {
            return Ok(help());
        }
        match command.as_str() {
            "--help" | "-h" | "help" => Ok(help()),
            "css" => Ok(format!("{WIDGET_CSS}\n")),
            "render" => render(rest),
            other => Err(format!("unknown command `{other}` (see --help)")),
        }
    }

    /// The flags of `render`, read.
    struct Flags {
        input: Option<String>,
        related: Option<String>,
        each: Option<String>,
        out: Option<String>,
        options: Options,
    }

    fn flags(args: &[String]) -> Result<Flags, String> {
        let mut flags = Flags {
            input: None,
            related: None,
            each: None,
            out: None,
            options: Options {
                attributes: Vec::new(),
                assets: "./".to_owned(),
                page: None,
                style: Style::Inline,
                now: article_reader::services::clock::now(),
            },
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let Some(name) = arg.strip_prefix("--") else {
                if flags.input.replace(arg.clone()).is_some() {
                    return Err(format!("one article at a time: `{arg}` is one too many"));
                }
                continue;
            };
            let value = args
                .next()
                .ok_or_else(|| format!("`--{name}` needs a value (see --help)"))?
                .clone();
            match name {
                "related" => flags.related = Some(value),
                "each" => flags.each = Some(value),
                "out" => flags.out = Some(value),
                "assets" => flags.options.assets = value,
                "page" => flags.options.page = Some(value),
                "style" => {
                    flags.options.style = match value.as_str() {
                        "inline" => Style::Inline,
                        "link" => Style::Link,
                        other => return Err(format!("`--style {other}`: inline or link")),
                    }
                }
                "now" => {
                    flags.options.now =
                        Timestamp::parse_rfc3339(&value).map_err(|e| format!("`--now`: {e}"))?;
                }
                attribute if prerender::is_attribute(attribute) => {
                    let attributes = &mut flags.options.attributes;
                    attributes.retain(|(n, _)| n != attribute);
                    attributes.push((attribute.to_owned(), value));
                }
                other => return Err(format!("unknown flag `--{other}` (see --help)")),
            }
        }
        Ok(flags)
    }

    fn read(path: &str) -> Result<String, String> {
        fs::read_to_string(path).map_err(|e| failed(path, &e))
    }

    /// `PATH: what went wrong`, without the platform's error number (`(os error 2)` natively,
    /// `44` under WASI), so the message is the same wherever the command runs.
    fn failed(path: impl std::fmt::Display, error: &std::io::Error) -> String {
        let text = error.to_string();
        let text = match text.rfind(" (os error ") {
            Some(start) if text.ends_with(')') => text[..start].to_owned(),
            _ => text,
        };
        format!("{path}: {text}")
    }

    fn render(args: &[String]) -> Result<String, String> {
        let flags = flags(args)?;
        for warning in prerender::warnings(&flags.options) {
            eprintln!("article-reader: {warning}");
        }
        if let Some(list) = &flags.each {
            let out = flags.out.as_deref().ok_or("`--each` needs `--out DIR`")?;
            let each = prerender::render_each(&flags.options, &read(list)?)
                .map_err(|e| format!("{list}: {e}"))?;
            fs::create_dir_all(out).map_err(|e| failed(out, &e))?;
            for (name, fragment) in &each.fragments {
                let path = Path::new(out).join(name);
                fs::write(&path, fragment).map_err(|e| failed(path.display(), &e))?;
            }
            for name in &each.skipped {
                eprintln!("article-reader: skipped \"{name}\": the list does not carry its body");
            }
            eprintln!(
                "article-reader: wrote {} fragments to {out}",
                each.fragments.len()
            );
            return Ok(String::new());
        }
        let input = flags
            .input
            .as_deref()
            .ok_or("which article? `render ARTICLE.json` (see --help)")?;
        let related = flags.related.as_deref().map(read).transpose()?;
        prerender::render(&flags.options, &read(input)?, related.as_deref())
            .map_err(|e| format!("{input}: {e}"))
    }
}
