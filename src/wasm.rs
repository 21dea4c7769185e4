//! The WebAssembly bindings of the npm package `duo-selfhosted` (`pkg/`).
//!
//! Only compiled for `wasm32`. Like the CLI, this is a front end that only
//! translates: every function takes the same inputs as the matching CLI
//! command, calls the library, and returns the library report serialised
//! with `serde_json::to_string`, the very bytes the CLI prints with
//! `--format json`. JSON crosses the boundary as text (the package's JS
//! parses it), which keeps the output byte-identical to the CLI's and costs
//! less than a structured bridge such as `serde-wasm-bindgen`.
//!
//! The JS wrapper (`pkg/src/index.js`) checks argument types and throws a
//! `TypeError` for a wrong one; everything else is answered with
//! diagnostics.

use wasm_bindgen::prelude::*;

/// The crate version the package was built from (the npm package carries
/// the same version).
#[wasm_bindgen]
pub fn crate_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
