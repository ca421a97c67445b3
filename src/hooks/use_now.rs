use std::time::Duration;

use yew::prelude::*;

use crate::model::Timestamp;
use crate::services::clock;

/// The current time, refreshed every `every` so relative dates ("3 minutes ago") stay true on
/// a page left open; a `fixed` time (tests, server rendering) never changes. The interval is
/// cleared when the component goes away.
#[hook]
pub fn use_now(fixed: Option<Timestamp>, every: Duration) -> Timestamp {
    let now = use_state_eq(|| fixed.unwrap_or_else(clock::now));
    {
        let now = now.clone();
        use_effect_with(fixed, move |fixed| {
            let refresher = match *fixed {
                Some(time) => {
                    now.set(time);
                    None
                }
                None => refresh(every, move || now.set(clock::now())),
            };
            move || drop(refresher)
        });
    }
    *now
}

/// Calls `tick` every `every` until dropped (an interval in the browser; natively nothing
/// refreshes, since server rendering happens once).
fn refresh(every: Duration, tick: impl Fn() + 'static) -> Option<Box<dyn std::any::Any>> {
    #[cfg(browser)]
    {
        let millis = u32::try_from(every.as_millis()).unwrap_or(u32::MAX);
        Some(Box::new(gloo::timers::callback::Interval::new(
            millis, tick,
        )))
    }
    #[cfg(not(browser))]
    {
        let _ = (every, tick);
        None
    }
}
