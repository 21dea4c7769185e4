//! The SDL of each GitLab version (tests/data/gitlab-graphql) and the
//! validation of operations against it with `apollo-compiler`.

use std::sync::OnceLock;

use apollo_compiler::validation::Valid;
use apollo_compiler::{ExecutableDocument, Schema};

use super::version::{self, Version};

/// One SDL file and the releases it describes.
pub struct SchemaFile {
    /// The file name in tests/data/gitlab-graphql.
    pub file: &'static str,
    /// The first release the file describes; it holds until the next file's.
    pub first: Version,
    /// The SDL text.
    pub sdl: &'static str,
}

/// Oldest first. The mapping is also in tests/data/gitlab-graphql/README.md.
pub const FILES: [SchemaFile; 5] = [
    SchemaFile {
        file: "18.11.graphql",
        first: Version::new(18, 11),
        sdl: include_str!("../data/gitlab-graphql/18.11.graphql"),
    },
    SchemaFile {
        file: "19.0.graphql",
        first: Version::new(19, 0),
        sdl: include_str!("../data/gitlab-graphql/19.0.graphql"),
    },
    SchemaFile {
        file: "19.1.graphql",
        first: Version::new(19, 1),
        sdl: include_str!("../data/gitlab-graphql/19.1.graphql"),
    },
    SchemaFile {
        file: "19.3.graphql",
        first: Version::new(19, 3),
        sdl: include_str!("../data/gitlab-graphql/19.3.graphql"),
    },
    SchemaFile {
        file: "19.4.graphql",
        first: Version::new(19, 4),
        sdl: include_str!("../data/gitlab-graphql/19.4.graphql"),
    },
];

/// Index into [`FILES`] of the SDL that describes `version`.
fn index_for(version: Version) -> usize {
    FILES
        .iter()
        .rposition(|f| f.first <= version)
        .unwrap_or_else(|| panic!("no SDL for GitLab {version}"))
}

/// The SDL file that describes `version`.
pub fn file_for(version: Version) -> &'static SchemaFile {
    &FILES[index_for(version)]
}

/// The parsed and validated schema of `version` (parsed once per process).
pub fn schema_for(version: Version) -> &'static Valid<Schema> {
    static SCHEMAS: [OnceLock<Valid<Schema>>; 5] = [const { OnceLock::new() }; 5];
    let index = index_for(version);
    SCHEMAS[index].get_or_init(|| {
        let file = &FILES[index];
        Schema::parse_and_validate(file.sdl, file.file)
            .unwrap_or_else(|e| panic!("{} is not a valid schema:\n{}", file.file, e.errors))
    })
}

/// A GraphQL error as GitLab puts it in a response's `errors` list:
/// `message` and, when known, `locations` (1-based line and column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GraphqlError {
    pub message: String,
    pub locations: Vec<(usize, usize)>,
}

impl GraphqlError {
    pub fn to_json(&self) -> serde_json::Value {
        let mut error = serde_json::Map::new();
        error.insert("message".into(), self.message.clone().into());
        if !self.locations.is_empty() {
            let locations = self
                .locations
                .iter()
                .map(|(line, column)| serde_json::json!({"line": line, "column": column}))
                .collect();
            error.insert("locations".into(), serde_json::Value::Array(locations));
        }
        serde_json::Value::Object(error)
    }
}

/// Parses `document` and validates it against the SDL of `version`.
pub fn parse_and_validate(
    version: Version,
    document: &str,
) -> Result<Valid<ExecutableDocument>, Vec<GraphqlError>> {
    let schema = schema_for(version);
    ExecutableDocument::parse_and_validate(schema, document, "operation.graphql").map_err(|e| {
        e.errors
            .iter()
            .map(|d| {
                let json = d.to_json();
                GraphqlError {
                    message: json.message,
                    locations: json.locations.iter().map(|l| (l.line, l.column)).collect(),
                }
            })
            .collect()
    })
}

/// Validates a GraphQL document against the SDL of GitLab `version`
/// (`"18.11"` … `"19.6"`), without a server: what the library's tests use to
/// check every document a plan emits. `Err` holds apollo-compiler's messages.
pub fn validate_operation(version: &str, document: &str) -> Result<(), Vec<String>> {
    let version = version::supported(version).map_err(|e| vec![e])?;
    parse_and_validate(version, document)
        .map(|_| ())
        .map_err(|errors| errors.into_iter().map(|e| e.message).collect())
}
