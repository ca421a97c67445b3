use yew::prelude::*;

use crate::i18n::{missing_table, register_table, table_url};
use crate::services::fetcher::{CachePolicy, Cancel, Fetcher};

/// Whether the UI words for `lang` are at hand. When the language has a table that is not
/// loaded yet, it is fetched from beside the widget's files (`assets`); meanwhile the answer
/// is `false`, and the component renders again once it is loaded (or could not be: English is
/// used). Without `assets` (tests, pages that mount the engine themselves), English is used.
#[hook]
pub fn use_label_table(lang: &str, fetcher: Fetcher, assets: Option<AttrValue>) -> bool {
    let missing = missing_table(lang);
    let loaded = use_state_eq(|| 0u32);
    {
        let loaded = loaded.clone();
        use_effect_with(missing, move |missing| {
            let cancel = Cancel::default();
            match (missing, assets) {
                (None, _) => {}
                (Some(table), None) => {
                    register_table(table, None);
                    loaded.set(*loaded + 1);
                }
                (Some(table), Some(assets)) => {
                    let table = *table;
                    let request = fetcher.fetch(
                        &table_url(&assets, table),
                        cancel.clone(),
                        CachePolicy::Reuse,
                    );
                    let cancel = cancel.clone();
                    yew::platform::spawn_local(async move {
                        let json = request.await.ok();
                        if !cancel.is_cancelled() {
                            register_table(table, json.as_deref());
                            loaded.set(*loaded + 1);
                        }
                    });
                }
            }
            move || cancel.cancel()
        });
    }
    missing.is_none()
}
