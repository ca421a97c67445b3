//! Fetching documents over HTTP with the browser's `fetch` (through gloo-net).

use gloo::net::http::Request;

use super::fetcher::{FetchError, Fetcher};

/// The widget's default fetcher: a GET asking for JSON, any 2xx answer's text is the document.
pub fn http_fetcher() -> Fetcher {
    Fetcher::new(|url| {
        let url = url.to_owned();
        Box::pin(async move {
            let response = Request::get(&url)
                .header("Accept", "application/json")
                .send()
                .await
                .map_err(|e| FetchError::Network(e.to_string()))?;
            if !response.ok() {
                return Err(FetchError::Status(response.status()));
            }
            response
                .text()
                .await
                .map_err(|e| FetchError::Network(e.to_string()))
        })
    })
}
