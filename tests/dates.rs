//! Dates as feeds write them: the vectors of `fixtures/date-vectors.md`, and a property test
//! that every accepted spelling of a generated instant reads as the instant and offset an
//! independent parser (chrono) reads, and shows the date on the writer's calendar.
#![cfg(not(browser))]

use article_reader::model::Timestamp;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

/// The table's rows: the input between backticks, and the instant with the offset as
/// written (in minutes), or `none`.
fn vectors() -> Vec<(String, Option<(String, i32)>)> {
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
            let (instant, offset) = (cells.get(2)?, cells.get(3)?);
            let expected = (*instant != "none").then(|| {
                let minutes: i32 = offset.parse().expect("an offset in minutes");
                (instant.to_string(), minutes)
            });
            Some((input.to_owned(), expected))
        })
        .collect()
}

#[test]
fn every_date_vector_reads_as_its_instant_and_offset_or_as_no_date() {
    let vectors = vectors();
    assert!(vectors.len() >= 30, "the table was read: {vectors:?}");
    for (input, expected) in vectors {
        let read = Timestamp::parse_feed_date(&input)
            .ok()
            .map(|t| (t.to_rfc3339(), t.offset() / 60));
        assert_eq!(read, expected, "{input:?}");
    }
}

/// A spelling of an instant, as chrono reads it: the instant, the offset as written (seconds
/// east) and the date on the writer's calendar.
struct Read {
    text: String,
    seconds: i64,
    offset: i32,
    date: String,
}

impl Read {
    fn of(text: String, read: DateTime<FixedOffset>) -> Read {
        Read {
            text,
            seconds: read.timestamp(),
            offset: read.offset().local_minus_utc(),
            date: read.format("%B %-d, %Y").to_string(),
        }
    }
}

/// The spellings feeds use for one instant, each as chrono reads it.
fn spellings(instant: DateTime<FixedOffset>, fraction: bool) -> Vec<Read> {
    let frac = if fraction { "%.f" } else { "" };
    let mut out = Vec::new();
    let mut formats = vec![
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
    ];
    // An offset of whole hours, as PostgreSQL writes it (`+01`; chrono reads it as `+01:00`).
    if instant.offset().local_minus_utc() % 3600 == 0 {
        formats.push((format!("%Y-%m-%d %H:%M:%S{frac}%:::z"), "rfc3339+00"));
    }
    for (format, chrono_reads) in formats {
        let text = instant.format(&format).to_string();
        let read = match chrono_reads {
            "rfc3339" => DateTime::parse_from_rfc3339(&text),
            "rfc3339+00" => DateTime::parse_from_rfc3339(&format!("{text}:00")),
            "rfc2822" => DateTime::parse_from_rfc2822(&text),
            pattern => DateTime::parse_from_str(&text, pattern),
        }
        .unwrap_or_else(|e| panic!("chrono reads {text:?}: {e}"));
        assert_eq!(read.timestamp(), instant.timestamp(), "chrono on {text:?}");
        out.push(Read::of(text, read));
    }
    // Without an offset (read as UTC), and a date alone (midnight UTC): the wall clock as written.
    for (format, chrono_reads) in [
        (format!("%Y-%m-%dT%H:%M:%S{frac}"), "%Y-%m-%dT%H:%M:%S%.f"),
        ("%Y-%m-%d".to_owned(), "%Y-%m-%d"),
    ] {
        let text = instant.format(&format).to_string();
        let wall = match chrono_reads {
            "%Y-%m-%d" => NaiveDate::parse_from_str(&text, chrono_reads)
                .map(|date| date.and_hms_opt(0, 0, 0).expect("midnight")),
            pattern => NaiveDateTime::parse_from_str(&text, pattern),
        }
        .unwrap_or_else(|e| panic!("chrono reads {text:?}: {e}"));
        out.push(Read::of(text, wall.and_utc().fixed_offset()));
    }
    out
}

#[test]
fn every_accepted_spelling_reads_as_chrono_reads_it_and_shows_the_day_written() {
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
        for expected in spellings(instant, nanos != 0) {
            let read = Timestamp::parse_feed_date(&expected.text)
                .map(|t| (t.seconds(), t.offset(), t.to_long_date_en()));
            assert_eq!(
                read,
                Ok((expected.seconds, expected.offset, expected.date)),
                "case {case}: {:?}",
                expected.text
            );
        }
    }
}
