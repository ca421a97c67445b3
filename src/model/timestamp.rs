//! A point in time as whole seconds since the Unix epoch, parsed from the strings sources send.
//!
//! Hand-written rather than a date crate: the widget needs parsing of one format and
//! formatting of two, and a calendar crate would cost more in the wasm bundle than all of this.

use std::fmt;

/// Seconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

/// Why a date string was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a date: \"{}\"", self.0)
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Timestamp {
    /// Parses RFC 3339 (`2018-06-19T09:30:00Z`, `…+02:00`, fractional seconds, lower-case
    /// `t`/`z`) and the forms feeds write in its place: a space for `T`, an offset without its
    /// colon (`+0100`) or after a space, followed by a zone name (Jekyll's and Hugo's default
    /// `1998-03-01 00:00:00 +0100`, Go's `… +0000 UTC`), and a plain date (`2018-06-19`, taken
    /// as midnight UTC). A time without an offset is refused: its instant is unknown.
    pub fn parse_rfc3339(input: &str) -> Result<Timestamp, DateError> {
        let error = || DateError(input.to_owned());
        let s = input.trim().as_bytes();
        let number =
            |range: std::ops::Range<usize>| -> Option<i64> { digits(input.trim().get(range)?) };
        let year = number(0..4).ok_or_else(error)?;
        let month = number(5..7).ok_or_else(error)?;
        let day = number(8..10).ok_or_else(error)?;
        if s.get(4) != Some(&b'-') || s.get(7) != Some(&b'-') {
            return Err(error());
        }
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return Err(error());
        }
        let date_seconds = days_from_civil(year, month, day) * 86_400;
        if s.len() == 10 {
            return Ok(Timestamp(date_seconds));
        }
        if !matches!(s.get(10), Some(b'T' | b't' | b' ')) || s.get(13) != Some(&b':') {
            return Err(error());
        }
        let hour = number(11..13).ok_or_else(error)?;
        let minute = number(14..16).ok_or_else(error)?;
        let (second, mut rest) = if s.get(16) == Some(&b':') {
            (number(17..19).ok_or_else(error)?, 19)
        } else {
            (0, 16)
        };
        if hour > 23 || minute > 59 || second > 60 {
            return Err(error());
        }
        if s.get(rest) == Some(&b'.') {
            rest += 1;
            let digits = s[rest..].iter().take_while(|b| b.is_ascii_digit()).count();
            if digits == 0 {
                return Err(error());
            }
            rest += digits;
        }
        let offset = offset_seconds(&s[rest..]).ok_or_else(error)?;
        Ok(Timestamp(
            date_seconds + hour * 3600 + minute * 60 + second - offset,
        ))
    }

    /// Parses the dates feeds send: RFC 3339, or RFC 2822 (`Fri, 31 May 2019 12:17:58 -0700`)
    /// as RSS-minded JSON Feeds do.
    pub fn parse_feed_date(input: &str) -> Result<Timestamp, DateError> {
        Timestamp::parse_rfc3339(input).or_else(|_| Timestamp::parse_rfc2822(input))
    }

    /// Parses RFC 2822 dates: optional weekday, day, English month abbreviation, year,
    /// `hh:mm[:ss]`, and a numeric offset or `GMT`/`UT`/`UTC`/`Z` (or a US zone name).
    pub fn parse_rfc2822(input: &str) -> Result<Timestamp, DateError> {
        rfc2822(input.trim()).ok_or_else(|| DateError(input.to_owned()))
    }

    /// Parses a date-time without an offset (WordPress `date_gmt`) as UTC; one with an offset,
    /// or in RFC 2822, as [`Timestamp::parse_feed_date`] does.
    pub fn parse_naive_utc(input: &str) -> Result<Timestamp, DateError> {
        let trimmed = input.trim();
        Timestamp::parse_rfc3339(&format!("{trimmed}Z"))
            .or_else(|_| Timestamp::parse_feed_date(trimmed))
            .map_err(|_| DateError(input.to_owned()))
    }

    /// The UTC form for `<time datetime>`: `2018-06-19T09:30:00Z`.
    pub fn to_rfc3339(self) -> String {
        let (year, month, day) = civil_from_days(self.0.div_euclid(86_400));
        let seconds = self.0.rem_euclid(86_400);
        format!(
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
            seconds / 3600,
            seconds % 3600 / 60,
            seconds % 60
        )
    }

    /// The time of day in UTC, "09:30".
    pub fn to_utc_time(self) -> String {
        let seconds = self.0.rem_euclid(86_400);
        format!("{:02}:{:02}", seconds / 3600, seconds % 3600 / 60)
    }

    /// A readable English date in UTC, "June 19, 2018".
    pub fn to_long_date_en(self) -> String {
        let (year, month, day) = civil_from_days(self.0.div_euclid(86_400));
        let month_name = MONTHS[(month - 1) as usize];
        format!("{month_name} {day}, {year}")
    }
}

/// The offset a date-time ends with, in seconds east of UTC: `Z`, `+hh:mm` or `+hhmm`, after
/// at most one space; a numeric offset may be followed by a space and a zone's name, which
/// adds nothing to it.
fn offset_seconds(rest: &[u8]) -> Option<i64> {
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    let (sign, h1, h2, m1, m2, after) = match rest {
        [b'Z' | b'z'] => return Some(0),
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2, after @ ..]
        | [sign @ (b'+' | b'-'), h1, h2, m1, m2, after @ ..] => (sign, h1, h2, m1, m2, after),
        _ => return None,
    };
    let zone_name = match after {
        [] => true,
        [b' ', name @ ..] => {
            (1..=5).contains(&name.len()) && name.iter().all(u8::is_ascii_alphabetic)
        }
        _ => false,
    };
    let two = |a: u8, b: u8| -> Option<i64> {
        (a.is_ascii_digit() && b.is_ascii_digit())
            .then(|| i64::from(a - b'0') * 10 + i64::from(b - b'0'))
    };
    let (hours, minutes) = (two(*h1, *h2)?, two(*m1, *m2)?);
    if !zone_name || hours > 23 || minutes > 59 {
        return None;
    }
    let magnitude = hours * 3600 + minutes * 60;
    Some(if *sign == b'+' { magnitude } else { -magnitude })
}

/// Zones RFC 2822 names, and their offsets in minutes.
const ZONES: [(&str, i64); 12] = [
    ("Z", 0),
    ("GMT", 0),
    ("UT", 0),
    ("UTC", 0),
    ("EST", -300),
    ("EDT", -240),
    ("CST", -360),
    ("CDT", -300),
    ("MST", -420),
    ("MDT", -360),
    ("PST", -480),
    ("PDT", -420),
];

fn rfc2822(input: &str) -> Option<Timestamp> {
    let rest = input.split_once(',').map_or(input, |(_weekday, rest)| rest);
    let mut fields = rest.split_ascii_whitespace();
    let day = digits(fields.next()?)?;
    let month_name = fields.next()?.get(..3)?;
    let month = MONTHS
        .iter()
        .position(|m| m[..3].eq_ignore_ascii_case(month_name))? as i64
        + 1;
    let year_field = fields.next()?;
    let mut year = digits(year_field)?;
    if year_field.len() == 2 {
        year += if year < 50 { 2000 } else { 1900 };
    }
    let mut clock = fields.next()?.split(':');
    let mut part = || clock.next().filter(|p| p.len() == 2).and_then(digits);
    let (hour, minute) = (part()?, part()?);
    let second = part().unwrap_or(0);
    let zone = fields.next().unwrap_or("Z");
    let offset_minutes = match zone.as_bytes() {
        [sign @ (b'+' | b'-'), ..] if zone.len() == 5 => {
            let hhmm = digits(&zone[1..])?;
            let minutes = hhmm / 100 * 60 + hhmm % 100;
            if *sign == b'-' {
                -minutes
            } else {
                minutes
            }
        }
        _ => {
            ZONES
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(zone))?
                .1
        }
    };
    let valid = (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day)
        && hour <= 23
        && minute <= 59
        && second <= 60
        && year <= 9999;
    valid.then(|| {
        Timestamp(
            days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
                - offset_minutes * 60,
        )
    })
}

/// A number written in ASCII digits only (at most nine of them).
fn digits(text: &str) -> Option<i64> {
    crate::text::number(text)
        .filter(|_| text.len() <= 9)
        .and_then(|n| i64::try_from(n).ok())
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<i64, DateError> {
        Timestamp::parse_rfc3339(s).map(|t| t.0)
    }

    #[test]
    fn parses_utc_offsets_fractions_and_plain_dates() {
        assert_eq!(parse("1970-01-01T00:00:00Z"), Ok(0));
        assert_eq!(parse("2024-01-15T12:00:00Z"), Ok(1_705_320_000));
        assert_eq!(parse("2024-01-15T14:00:00+02:00"), Ok(1_705_320_000));
        assert_eq!(parse("2024-01-15T07:30:00-04:30"), Ok(1_705_320_000));
        assert_eq!(parse("2024-01-15t12:00:00.123456z"), Ok(1_705_320_000));
        assert_eq!(parse("2024-01-15 12:00:00Z"), Ok(1_705_320_000));
        assert_eq!(parse("2024-01-15T12:00Z"), Ok(1_705_320_000));
        assert_eq!(parse("2024-01-15"), Ok(1_705_276_800));
        assert_eq!(parse("1969-12-31T23:59:59Z"), Ok(-1));
        assert_eq!(parse("2024-02-29T00:00:00Z"), Ok(1_709_164_800));
    }

    #[test]
    fn refuses_what_is_not_a_date_without_panicking() {
        for bad in [
            "",
            "yesterday",
            "2024-13-01T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "2024-01-15T24:00:00Z",
            "2024-01-15T12:00:00",
            "2024-01-15 12:00:00  +0100",
            "2024-01-15 12:00:00 +01",
            "2024-01-15 12:00:00 +0100 Central European Time",
            "2024-01-15 12:00:00 +0100 UTC+1",
            "2024-01-15T12:00:00+2400",
            "2024-01-15T12:00:00 Z UTC",
            "2024-01-15T12:00:00.Z",
            "2024/01/15",
            "２０２４-01-15",
            "2024-01-1é",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn parses_rfc_2822_as_real_feeds_send_it() {
        let t = |s: &str| Timestamp::parse_rfc2822(s).map(|t| t.to_rfc3339());
        assert_eq!(
            t("Fri, 31 May 2019 12:17:58 -0700").as_deref(),
            Ok("2019-05-31T19:17:58Z")
        );
        assert_eq!(
            t("Tue, 06 Feb 2018 06:34:12 -0700").as_deref(),
            Ok("2018-02-06T13:34:12Z")
        );
        assert_eq!(
            t("6 Feb 2018 06:34 GMT").as_deref(),
            Ok("2018-02-06T06:34:00Z")
        );
        assert_eq!(
            t("Mon, 01 Jan 99 00:00:00 +0130").as_deref(),
            Ok("1998-12-31T22:30:00Z")
        );
        assert_eq!(
            t("Wed, 02 Oct 2002 08:00:00 EST").as_deref(),
            Ok("2002-10-02T13:00:00Z")
        );
        for bad in [
            "",
            "Fri, 31 Foo 2019 12:17:58 -0700",
            "31 May 2019",
            "32 May 2019 00:00 Z",
            "1 May 2019 24:00 Z",
            "1 Ma 2019 00:00 Z",
            "1 Mäy 2019 00:00 Z",
        ] {
            assert!(Timestamp::parse_rfc2822(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            Timestamp::parse_feed_date("2019-05-31T19:17:58Z"),
            Timestamp::parse_feed_date("Fri, 31 May 2019 12:17:58 -0700")
        );
    }

    #[test]
    fn wordpress_gmt_dates_without_an_offset_are_utc() {
        assert_eq!(
            Timestamp::parse_naive_utc("2016-11-25T18:31:11")
                .map(|t| t.to_rfc3339())
                .as_deref(),
            Ok("2016-11-25T18:31:11Z")
        );
        assert!(Timestamp::parse_naive_utc("soon").is_err());
    }

    #[test]
    fn formats_back_to_utc_and_a_readable_date() {
        let t = Timestamp::parse_rfc3339("2018-06-19T11:30:05+02:00").unwrap();
        assert_eq!(t.to_rfc3339(), "2018-06-19T09:30:05Z");
        assert_eq!(t.to_long_date_en(), "June 19, 2018");
        assert_eq!(t.to_utc_time(), "09:30");
        assert_eq!(Timestamp(-1).to_rfc3339(), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn civil_days_round_trip_over_four_centuries() {
        for days in (-146_097..146_097).step_by(7) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
