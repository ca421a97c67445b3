//! The current time, for relative dates ("3 years ago").

use crate::model::Timestamp;

/// Now, from the browser's clock in wasm and the system clock natively.
pub fn now() -> Timestamp {
    #[cfg(browser)]
    {
        Timestamp::utc((js_sys::Date::now() / 1000.0) as i64)
    }
    #[cfg(not(browser))]
    {
        let since_epoch = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Timestamp::utc(i64::try_from(since_epoch).unwrap_or(i64::MAX))
    }
}
