//! A mock GitLab GraphQL API for the configuration-as-code tests (issue 15).
//!
//! Include it with `mod gitlab_mock;` from a test file. It serves
//! `POST /api/graphql` on 127.0.0.1 on a background thread (std::net, no
//! async runtime), validates every operation against the SDL of its GitLab
//! version (tests/data/gitlab-graphql, with apollo-compiler), executes the
//! three queries from its state, applies the six mutations with GitLab's
//! rules, records every request, and can be told to fail chosen mutations.
//!
//! ```ignore
//! mod gitlab_mock;
//! use gitlab_mock::{FailWhen, Failure, LiveFixture, MockGitLab, Tokens};
//!
//! let server = MockGitLab::start("19.6", LiveFixture::empty(), Tokens::admin("glpat-admin"));
//! let client = server.client("glpat-admin");
//! let response = client.graphql("{ duoSettings { aiGatewayTimeoutSeconds } }", serde_json::json!({}));
//! assert_eq!(response.data("duoSettings")["aiGatewayTimeoutSeconds"], 60);
//! server.fail(FailWhen::NthMutation(2), Failure::Errors("boom".into()));
//! let live = server.live_state(); // the live-state file's shape
//! ```
//!
//! The rules and their sources are in tests/data/gitlab-graphql/README.md.
#![allow(dead_code, unused_imports)]

mod auth;
mod catalog;
mod exec;
mod faults;
mod http;
mod mutations;
mod schema;
mod server;
mod store;
mod version;

pub use auth::{Permission, Tokens};
pub use exec::NOT_AVAILABLE;
pub use faults::{FailWhen, Failure};
pub use http::{Auth, Client, Response};
pub use schema::{file_for, validate_operation, FILES};
pub use server::{MockGitLab, Recorded, LIVE_STATE_QUERY, MAX_QUERY_SIZE};
pub use store::{gid, LiveFixture};
pub use version::{Version, SUPPORTED};
