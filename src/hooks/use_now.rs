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

#[cfg(target_arch = "wasm32")]
fn refresh(every: Duration, tick: impl Fn() + 'static) -> Option<gloo::timers::callback::Interval> {
    let millis = u32::try_from(every.as_millis()).unwrap_or(u32::MAX);
    Some(gloo::timers::callback::Interval::new(millis, tick))
}

/// Natively nothing refreshes: server rendering happens once.
#[cfg(not(target_arch = "wasm32"))]
struct NoRefresh;

#[cfg(not(target_arch = "wasm32"))]
fn refresh(_every: Duration, _tick: impl Fn() + 'static) -> Option<NoRefresh> {
    None
}
