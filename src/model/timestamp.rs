//! A point in time as whole seconds since the Unix epoch, parsed from the strings sources send.
//!
//! Hand-written rather than a date crate: the widget needs parsing of one format and
//! formatting of two, and a calendar crate would cost more in the wasm bundle than all of this.

use std::fmt;

/// An instant, and the offset from UTC its source wrote it in. Dates are shown on the
/// writer's calendar ("1998-03-01 00:00:00 +0100" is March 1, as on the publisher's own page,
/// not February 28); machine-readable forms give the instant in UTC. Two timestamps are equal
/// when they are the same instant, however written.
///
/// Both live in one `i64` (the seconds shifted left past the offset), so a model's dates
/// stay one word each: every post carries two, and the widget's bundle has a budget.
#[derive(Clone, Copy)]
pub struct Timestamp(i64);

/// Bits of the packed offset: seconds within ±14 hours (±50,400), biased to be positive.
const OFFSET_BITS: u32 = 17;
const OFFSET_BIAS: i64 = 1 << (OFFSET_BITS - 1);
/// The seconds kept: some ±1.1 million years, far beyond any date a document can write.
const SECONDS_LIMIT: i64 = 1 << 45;

impl PartialEq for Timestamp {
    fn eq(&self, other: &Timestamp) -> bool {
        self.seconds() == other.seconds()
    }
}

impl Eq for Timestamp {}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Timestamp")
            .field("seconds", &self.seconds())
            .field("offset", &self.offset())
            .finish()
    }
}

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
    /// An instant written in UTC.
    pub fn utc(seconds: i64) -> Timestamp {
        Timestamp::written(seconds, 0)
    }

    /// An instant written with an offset of `offset` seconds east of UTC (at most 14 hours;
    /// beyond, the time counts as written in UTC).
    pub fn written(seconds: i64, offset: i32) -> Timestamp {
        let offset = if offset.abs() <= 14 * 3600 { offset } else { 0 };
        let seconds = seconds.clamp(-SECONDS_LIMIT, SECONDS_LIMIT);
        Timestamp((seconds << OFFSET_BITS) | (i64::from(offset) + OFFSET_BIAS))
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub fn seconds(self) -> i64 {
        self.0 >> OFFSET_BITS
    }

    /// Seconds east of UTC of the time as written (0 for UTC, and for a time written without
    /// an offset, which is read as UTC).
    pub fn offset(self) -> i32 {
        // At most 17 bits, less the bias: within ±65,536.
        ((self.0 & ((1 << OFFSET_BITS) - 1)) - OFFSET_BIAS) as i32
    }

    /// Parses RFC 3339 (`2018-06-19T09:30:00Z`, `…+02:00`, fractional seconds, lower-case
    /// `t`/`z`) and the forms feeds write in its place: a space for `T`, an offset without its
    /// colon (`+0100`), of hours alone (`+01`, as PostgreSQL writes it) or after a space,
    /// followed by a zone name (Jekyll's and Hugo's default `1998-03-01 00:00:00 +0100`, Go's
    /// `… +0000 UTC`), a zone name alone (Ruby's `… 12:00:00 UTC`), and a plain date
    /// (`2018-06-19`, taken as midnight UTC). A time without an offset is refused here (see
    /// [`Timestamp::parse_feed_date`]).
    pub fn parse_rfc3339(input: &str) -> Result<Timestamp, DateError> {
        rfc3339(input.trim(), false).ok_or_else(|| DateError(input.to_owned()))
    }

    /// Parses the dates feeds send: RFC 3339 and the forms [`Timestamp::parse_rfc3339`]
    /// takes, a time without an offset read as UTC (WordPress's `date_gmt` by definition,
    /// Python's `isoformat()` of a naive time; its day is shown as written), or RFC 2822
    /// (`Fri, 31 May 2019 12:17:58 -0700`) as RSS-minded JSON Feeds write it.
    pub fn parse_feed_date(input: &str) -> Result<Timestamp, DateError> {
        Timestamp::read_feed_date(input).ok_or_else(|| DateError(input.to_owned()))
    }

    /// [`Timestamp::parse_feed_date`] for fields where a date that cannot be read is no date.
    pub fn read_feed_date(input: &str) -> Option<Timestamp> {
        let trimmed = input.trim();
        rfc3339(trimmed, true).or_else(|| rfc2822(trimmed))
    }

    /// Parses RFC 2822 dates: optional weekday, day, English month abbreviation, year,
    /// `hh:mm[:ss]`, and a numeric offset or `GMT`/`UT`/`UTC`/`Z` (or a US zone name).
    pub fn parse_rfc2822(input: &str) -> Result<Timestamp, DateError> {
        rfc2822(input.trim()).ok_or_else(|| DateError(input.to_owned()))
    }

    /// This instant, written on the clock that read `local` at it (WordPress sends the UTC
    /// `date_gmt` and the site's local `date`, both without an offset): the offset is their
    /// difference, when it is one a clock can have (within ±14 hours, in quarter hours).
    pub fn on_clock_of(self, local: Timestamp) -> Timestamp {
        match i32::try_from(local.as_written() - self.seconds()) {
            // (`written` takes offsets within ±14 hours.)
            Ok(offset) if offset % 900 == 0 => Timestamp::written(self.seconds(), offset),
            _ => self,
        }
    }

    /// The same instant on the writer's clock, as if that clock were UTC: what to format, in
    /// UTC, to show the date and time as the source wrote them.
    fn as_written(self) -> i64 {
        self.seconds() + i64::from(self.offset())
    }

    /// The UTC form for `<time datetime>` and JSON-LD: `2018-06-19T09:30:00Z`.
    pub fn to_rfc3339(self) -> String {
        let (year, month, day) = civil_from_days(self.seconds().div_euclid(86_400));
        let seconds = self.seconds().rem_euclid(86_400);
        format!(
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
            seconds / 3600,
            seconds % 3600 / 60,
            seconds % 60
        )
    }

    /// The time of day as written, with its offset: "09:30 UTC", "00:00 UTC+01:00".
    pub fn to_written_time(self) -> String {
        let seconds = self.as_written().rem_euclid(86_400);
        let (hours, minutes) = (seconds / 3600, seconds % 3600 / 60);
        let offset = i64::from(self.offset());
        if offset == 0 {
            return format!("{hours:02}:{minutes:02} UTC");
        }
        let sign = if offset < 0 { "-" } else { "+" };
        let zone = offset.abs() / 60;
        format!(
            "{hours:02}:{minutes:02} UTC{sign}{:02}:{:02}",
            zone / 60,
            zone % 60
        )
    }

    /// The instant moved to the writer's calendar, in milliseconds, for `Intl.DateTimeFormat`
    /// with `timeZone: "UTC"`: the date it formats is the day the source wrote.
    pub fn written_millis(self) -> f64 {
        self.as_written() as f64 * 1000.0
    }

    /// A readable English date on the writer's calendar, "June 19, 2018".
    pub fn to_long_date_en(self) -> String {
        let (year, month, day) = civil_from_days(self.as_written().div_euclid(86_400));
        let month_name = MONTHS[(month - 1) as usize];
        format!("{month_name} {day}, {year}")
    }
}

/// RFC 3339 and the forms feeds write in its place (see [`Timestamp::parse_rfc3339`]); a time
/// without an offset is read as UTC when `naive` allows it.
fn rfc3339(input: &str, naive: bool) -> Option<Timestamp> {
    let s = input.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<i64> { digits(input.get(range)?) };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    if s.get(4) != Some(&b'-') || s.get(7) != Some(&b'-') {
        return None;
    }
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let date_seconds = days_from_civil(year, month, day) * 86_400;
    if s.len() == 10 {
        return Some(Timestamp::utc(date_seconds));
    }
    if !matches!(s.get(10), Some(b'T' | b't' | b' ')) || s.get(13) != Some(&b':') {
        return None;
    }
    let (hour, minute) = (number(11..13)?, number(14..16)?);
    let (second, mut rest) = if s.get(16) == Some(&b':') {
        (number(17..19)?, 19)
    } else {
        (0, 16)
    };
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    if s.get(rest) == Some(&b'.') {
        rest += 1;
        let digits = s[rest..].iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        rest += digits;
    }
    let offset = match &s[rest..] {
        [] if naive => 0,
        after => offset_seconds(after)?,
    };
    Some(Timestamp::written(
        date_seconds + hour * 3600 + minute * 60 + second - i64::from(offset),
        offset,
    ))
}

/// The offset a date-time ends with, in seconds east of UTC, after at most one space: `Z`,
/// `+hh:mm`, `+hhmm` or `+hh`, a numeric offset of minutes perhaps followed by a space and a
/// zone's name, which adds nothing to it; or a zone's name alone (`UTC`, `GMT`, `EST`…).
fn offset_seconds(rest: &[u8]) -> Option<i32> {
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    let (sign, rest) = match rest {
        [b'Z' | b'z'] => return Some(0),
        [sign @ (b'+' | b'-'), rest @ ..] => (*sign, rest),
        name => return zone_minutes(name).map(|m| m * 60),
    };
    let two = |pair: &[u8]| -> Option<i32> {
        match pair {
            [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => {
                Some(i32::from(a - b'0') * 10 + i32::from(b - b'0'))
            }
            _ => None,
        }
    };
    let hours = two(rest.get(..2)?)?;
    let (minutes, after) = match &rest[2..] {
        [] => (0, &[][..]),
        [b':', m1, m2, after @ ..] => (two(&[*m1, *m2])?, after),
        [m1, m2, after @ ..] => (two(&[*m1, *m2])?, after),
        _ => return None,
    };
    let zone_name = match after {
        [] => true,
        [b' ', name @ ..] => {
            (1..=5).contains(&name.len()) && name.iter().all(u8::is_ascii_alphabetic)
        }
        _ => false,
    };
    if !zone_name || hours > 23 || minutes > 59 {
        return None;
    }
    let magnitude = hours * 3600 + minutes * 60;
    Some(if sign == b'+' { magnitude } else { -magnitude })
}

/// Zones RFC 2822 names, and their offsets in minutes.
const ZONES: [(&str, i32); 12] = [
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

/// The offset in minutes of a zone RFC 2822 names (any case).
fn zone_minutes(name: &[u8]) -> Option<i32> {
    ZONES
        .iter()
        .find(|(zone, _)| zone.as_bytes().eq_ignore_ascii_case(name))
        .map(|(_, minutes)| *minutes)
}

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
            let hhmm = i32::try_from(digits(&zone[1..])?).ok()?;
            let minutes = hhmm / 100 * 60 + hhmm % 100;
            if *sign == b'-' {
                -minutes
            } else {
                minutes
            }
        }
        _ => zone_minutes(zone.as_bytes())?,
    };
    let valid = (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day)
        && hour <= 23
        && minute <= 59
        && second <= 60
        && year <= 9999;
    let offset = offset_minutes * 60;
    valid.then(|| {
        Timestamp::written(
            days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
                - i64::from(offset),
            offset,
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
        Timestamp::parse_rfc3339(s).map(|t| t.seconds())
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
            "2024-01-15 12:00:00 +1",
            "2024-01-15 12:00:00 +01 UTC",
            "2024-01-15 12:00:00 Central",
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
    fn a_feed_date_without_an_offset_is_utc_and_hours_alone_are_an_offset() {
        for (input, offset) in [
            ("2016-11-25T18:31:11", 0),
            ("2016-11-25 18:31:11.250", 0),
            ("2016-11-25 19:31:11+01", 3600),
            ("2016-11-25 18:31:11 UTC", 0),
            ("2016-11-25 13:31:11 EST", -18_000),
        ] {
            let read = Timestamp::parse_feed_date(input).map(|t| (t.to_rfc3339(), t.offset()));
            assert_eq!(read, Ok(("2016-11-25T18:31:11Z".into(), offset)), "{input}");
        }
        assert!(Timestamp::parse_rfc3339("2016-11-25T18:31:11").is_err());
        assert!(Timestamp::parse_feed_date("soon").is_err());
    }

    #[test]
    fn dates_are_shown_on_the_writers_calendar() {
        let t = Timestamp::parse_feed_date("1998-03-01 00:00:00 +0100").unwrap();
        assert_eq!(t.to_rfc3339(), "1998-02-28T23:00:00Z");
        assert_eq!(t.to_long_date_en(), "March 1, 1998");
        assert_eq!(t.to_written_time(), "00:00 UTC+01:00");
        let t = Timestamp::parse_feed_date("2024-01-15T21:30:00-04:30").unwrap();
        assert_eq!(t.to_long_date_en(), "January 15, 2024");
        assert_eq!(t.to_written_time(), "21:30 UTC-04:30");
        assert_eq!(
            t,
            Timestamp::parse_feed_date("2024-01-16T02:00:00Z").unwrap(),
            "one instant"
        );
    }

    #[test]
    fn wordpress_local_dates_give_the_utc_instant_the_sites_clock() {
        let gmt = Timestamp::parse_feed_date("2024-01-14T23:30:00").unwrap();
        let local = Timestamp::parse_feed_date("2024-01-15T00:30:00").unwrap();
        let both = gmt.on_clock_of(local);
        assert_eq!(both.to_rfc3339(), "2024-01-14T23:30:00Z");
        assert_eq!(both.to_long_date_en(), "January 15, 2024");
        assert_eq!(both.offset(), 3600);
        // Kathmandu's +05:45 is a clock; seven minutes, or a day, is not.
        let nepal = Timestamp::parse_feed_date("2024-01-15T05:15:00").unwrap();
        assert_eq!(gmt.on_clock_of(nepal).offset(), 5 * 3600 + 45 * 60);
        for odd in ["2024-01-14T23:37:00", "2024-01-16T00:30:00"] {
            let odd = Timestamp::parse_feed_date(odd).unwrap();
            assert_eq!(gmt.on_clock_of(odd).offset(), 0, "{odd:?}");
        }
    }

    #[test]
    fn formats_back_to_utc_and_a_readable_date() {
        let t = Timestamp::parse_rfc3339("2018-06-19T11:30:05+02:00").unwrap();
        assert_eq!(t.to_rfc3339(), "2018-06-19T09:30:05Z");
        assert_eq!(t.to_long_date_en(), "June 19, 2018");
        assert_eq!(t.to_written_time(), "11:30 UTC+02:00");
        assert_eq!(Timestamp::utc(-1).to_rfc3339(), "1969-12-31T23:59:59Z");
        assert_eq!(Timestamp::utc(-1).to_written_time(), "23:59 UTC");
    }

    #[test]
    fn civil_days_round_trip_over_four_centuries() {
        for days in (-146_097..146_097).step_by(7) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
