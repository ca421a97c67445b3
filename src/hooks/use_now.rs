use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use yew::prelude::*;

use crate::model::Timestamp;
use crate::services::clock;

/// The current time, refreshed every `every` so relative dates ("3 minutes ago") stay true on
/// a page left open; a `fixed` time (tests, server rendering) never changes.
#[hook]
pub fn use_now(fixed: Option<Timestamp>, every: Duration) -> Timestamp {
    let now = use_state_eq(|| fixed.unwrap_or_else(clock::now));
    {
        let now = now.clone();
        use_effect_with(fixed, move |fixed| {
            let stopped = Rc::new(Cell::new(false));
            match *fixed {
                Some(time) => now.set(time),
                None => {
                    let stopped = stopped.clone();
                    yew::platform::spawn_local(async move {
                        while !stopped.get() {
                            yew::platform::time::sleep(every).await;
                            if !stopped.get() {
                                now.set(clock::now());
                            }
                        }
                    });
                }
            }
            move || stopped.set(true)
        });
    }
    *now
}
