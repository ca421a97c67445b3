//! Dates as feeds write them: the vectors of `fixtures/date-vectors.md`, and a property test
//! that every accepted spelling of a generated instant reads as the instant an independent
//! parser (chrono) reads.
#![cfg(not(browser))]

use article_reader::model::Timestamp;
use chrono::{DateTime, FixedOffset, NaiveDate};

/// The table's rows: the input between backticks, and the instant or `none`.
fn vectors() -> Vec<(String, Option<String>)> {
    let table = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/date-vectors.md"
    ))
    .expect("the date vectors");
    table
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let input = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            let expected = cells.get(2)?;
            Some((
                input.to_owned(),
                (*expected != "none").then(|| expected.to_string()),
            ))
        })
        .collect()
}

#[test]
fn every_date_vector_reads_as_its_instant_or_as_no_date() {
    let vectors = vectors();
    assert!(vectors.len() >= 25, "the table was read: {vectors:?}");
    for (input, expected) in vectors {
        let read = Timestamp::parse_feed_date(&input)
            .ok()
            .map(Timestamp::to_rfc3339);
        assert_eq!(read, expected, "{input:?}");
    }
}

/// The spellings feeds use for one instant, each with how chrono reads it.
fn spellings(instant: DateTime<FixedOffset>, fraction: bool) -> Vec<(String, i64)> {
    let expected = instant.timestamp();
    let frac = if fraction { "%.f" } else { "" };
    let mut out = Vec::new();
    for (format, chrono_reads) in [
        (format!("%Y-%m-%dT%H:%M:%S{frac}%:z"), "rfc3339"),
        (format!("%Y-%m-%d %H:%M:%S{frac}%:z"), "rfc3339"),
        (
            format!("%Y-%m-%dT%H:%M:%S{frac}%z"),
            "%Y-%m-%dT%H:%M:%S%.f%z",
        ),
        (
            format!("%Y-%m-%d %H:%M:%S{frac} %z"),
            "%Y-%m-%d %H:%M:%S%.f %z",
        ),
        (
            format!("%Y-%m-%d %H:%M:%S{frac} %:z"),
            "%Y-%m-%d %H:%M:%S%.f %:z",
        ),
        (
            format!("%Y-%m-%d %H:%M:%S{frac} %z UTC"),
            "%Y-%m-%d %H:%M:%S%.f %z UTC",
        ),
        ("%a, %d %b %Y %H:%M:%S %z".to_owned(), "rfc2822"),
    ] {
        let text = instant.format(&format).to_string();
        let read = match chrono_reads {
            "rfc3339" => DateTime::parse_from_rfc3339(&text),
            "rfc2822" => DateTime::parse_from_rfc2822(&text),
            pattern => DateTime::parse_from_str(&text, pattern),
        }
        .unwrap_or_else(|e| panic!("chrono reads {text:?}: {e}"));
        assert_eq!(read.timestamp(), expected, "chrono on {text:?}");
        out.push((text, read.timestamp()));
    }
    let date = instant.date_naive();
    let midnight = NaiveDate::parse_from_str(&date.format("%Y-%m-%d").to_string(), "%Y-%m-%d")
        .expect("chrono reads a date")
        .and_hms_opt(0, 0, 0)
        .expect("midnight")
        .and_utc()
        .timestamp();
    out.push((date.format("%Y-%m-%d").to_string(), midnight));
    out
}

#[test]
fn every_accepted_spelling_reads_as_the_instant_chrono_reads() {
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = |n: i64| {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) % n as u64) as i64
    };
    for case in 0..2_000 {
        // 1900 to 2100, any second, any offset within ±14 hours in whole minutes.
        let seconds = -2_208_988_800 + next(6_311_433_600);
        let offset = FixedOffset::east_opt(((next(1_681) - 840) * 60) as i32).expect("an offset");
        let nanos = if case % 3 == 0 {
            next(1_000_000_000)
        } else {
            0
        };
        let instant = DateTime::from_timestamp(seconds, nanos as u32)
            .expect("an instant")
            .with_timezone(&offset);
        for (text, expected) in spellings(instant, nanos != 0) {
            let read = Timestamp::parse_feed_date(&text).map(|t| t.0);
            assert_eq!(read, Ok(expected), "case {case}: {text:?}");
        }
    }
}
