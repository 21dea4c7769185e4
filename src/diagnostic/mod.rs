//! The diagnostics model every rule reports through.
//!
//! A [`Diagnostic`] has a stable dotted [code](Diagnostic::code) (never
//! changed once released), a [`Severity`], a [`Path`] into the input,
//! typed [parameters](Param) and an English message built from those
//! parameters. A front end may translate a diagnostic from its code and
//! parameters alone.
//!
//! Rules never stop at the first problem: they push every diagnostic into a
//! [`Diagnostics`] collection, which offers the three usual entry points: a
//! quick yes/no ([`Diagnostics::is_valid`]), the first problem
//! ([`Diagnostics::first_error`]) and all problems (iteration).

pub mod catalog;
mod collection;
mod finding;
mod nearest;
mod param;
mod path;
mod quote;
mod severity;

pub use collection::Diagnostics;
pub use finding::Diagnostic;
pub use nearest::nearest_names;
pub use param::Param;
pub use path::{Path, PathSegment};
pub use quote::Quoted;
pub(crate) use quote::{message, push_int, push_quoted, Piece};
pub use severity::Severity;
