//! "3 years ago": the threshold table of `relative-time.md`, in integer arithmetic.
//!
//! [`relative`] picks the unit and the count; wording is separate ([`english`] here, the
//! browser's `Intl.RelativeTimeFormat` for other languages).

/// The unit a relative time is expressed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Months.
    Month,
    /// Years.
    Year,
}

impl Unit {
    /// The unit's name as `Intl.RelativeTimeFormat` takes it.
    pub fn intl_name(self) -> &'static str {
        match self {
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }
}

/// How far a moment is from now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relative {
    /// Within 45 seconds either way.
    JustNow,
    /// `count` (≥ 1) units in the past.
    Ago {
        /// How many units (at least 1).
        count: i64,
        /// The unit.
        unit: Unit,
    },
    /// `count` (≥ 1) units in the future.
    In {
        /// How many units (at least 1).
        count: i64,
        /// The unit.
        unit: Unit,
    },
}

/// `numerator / denominator` rounded half up. (In 64 bits: 128-bit division costs the wasm
/// a kilobyte, and no date is that far off.)
fn round_div(numerator: u64, denominator: u64) -> u64 {
    numerator.saturating_mul(2).saturating_add(denominator) / (2 * denominator)
}

/// Where `then` lies relative to `now`, both in seconds since the epoch.
pub fn relative(now: i64, then: i64) -> Relative {
    let delta = now.saturating_sub(then);
    let past = delta >= 0;
    let seconds = delta.unsigned_abs();
    let (count, unit) = if seconds < 45 {
        return Relative::JustNow;
    } else if round_div(seconds, 60) < 45 {
        (round_div(seconds, 60), Unit::Minute)
    } else if round_div(seconds, 3600) < 22 {
        (round_div(seconds, 3600), Unit::Hour)
    } else {
        let days = round_div(seconds, 86_400);
        // Months and years in days: 30.4375 = 487/16, 365.25 = 1461/4.
        let months = round_div(days.saturating_mul(16), 487);
        if days < 26 {
            (days, Unit::Day)
        } else if months < 11 {
            (months, Unit::Month)
        } else {
            (round_div(days.saturating_mul(4), 1461), Unit::Year)
        }
    };
    let count = i64::try_from(count.max(1)).unwrap_or(i64::MAX);
    if past {
        Relative::Ago { count, unit }
    } else {
        Relative::In { count, unit }
    }
}

/// The English wording: "just now", "1 minute ago", "in 3 hours".
pub fn english(relative: Relative) -> String {
    let phrase = |count: i64, unit: Unit| {
        let plural = if count == 1 { "" } else { "s" };
        format!("{count} {}{plural}", unit.intl_name())
    };
    match relative {
        Relative::JustNow => "just now".to_owned(),
        Relative::Ago { count, unit } => format!("{} ago", phrase(count, unit)),
        Relative::In { count, unit } => format!("in {}", phrase(count, unit)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Timestamp;

    #[test]
    fn vectors_from_relative_time_md() {
        let now = Timestamp::parse_rfc3339("2024-01-15T12:00:00Z")
            .unwrap()
            .seconds();
        let (m, h, d) = (60, 3600, 86_400);
        let cases: &[(i64, &str)] = &[
            (0, "just now"),
            (44, "just now"),
            (45, "1 minute ago"),
            (89, "1 minute ago"),
            (90, "2 minutes ago"),
            (44 * m + 29, "44 minutes ago"),
            (44 * m + 30, "1 hour ago"),
            (21 * h + 29 * m, "21 hours ago"),
            (21 * h + 30 * m, "1 day ago"),
            (36 * h, "2 days ago"),
            (25 * d, "25 days ago"),
            (26 * d, "1 month ago"),
            (46 * d, "2 months ago"),
            (319 * d, "10 months ago"),
            (320 * d, "1 year ago"),
            (547 * d, "1 year ago"),
            (548 * d, "2 years ago"),
            (1095 * d, "3 years ago"),
            (-3 * h, "in 3 hours"),
        ];
        for &(delta, expected) in cases {
            assert_eq!(
                english(relative(now, now - delta)),
                expected,
                "Δ = {delta} s"
            );
        }
        let three_years = Timestamp::parse_rfc3339("2021-01-15T12:00:00Z")
            .unwrap()
            .seconds();
        assert_eq!(english(relative(now, three_years)), "3 years ago");
    }

    #[test]
    fn extreme_values_do_not_overflow() {
        assert!(matches!(
            relative(i64::MAX, i64::MIN),
            Relative::Ago {
                unit: Unit::Year,
                ..
            }
        ));
        assert!(matches!(
            relative(i64::MIN, i64::MAX),
            Relative::In {
                unit: Unit::Year,
                ..
            }
        ));
    }
}
