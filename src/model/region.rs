//! AWS Regions, partitions and Bedrock availability, and the checks of the
//! AI gateway's `AWS_REGION` and `AWS_REGION_NAME`.
//!
//! The table is `src/data/aws-regions.json`: botocore 1.44.8
//! (`partitions.json`, `endpoints.json`), 2026-11-20, as recorded in
//! `bedrock.md` §4 and `bedrock-update-2026-11.md` §2. "Bedrock endpoint"
//! means the Region is an endpoint of the `bedrock` service in botocore (a
//! proxy for "Bedrock offered", not proof that a given model is).
//!
//! Codes: `region.blank`, `region.whitespace`, `region.upper_case`,
//! `region.unknown`, `region.not_in_table`, `region.no_bedrock`,
//! `region.variables_differ`, `region.name_variable_missing`,
//! `region.missing`.

use crate::diagnostic::{nearest_names, Diagnostic, Diagnostics, Path};
use serde_json::Value;
use std::sync::OnceLock;

/// The embedded Region table (JSON).
pub const REGIONS_JSON: &str = include_str!("../data/aws-regions.json");

/// One AWS Region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    /// The Region code (`ap-northeast-1`).
    pub code: String,
    /// The partition (`aws`, `aws-cn`, `aws-us-gov`, …).
    pub partition: String,
    /// The geography (`Asia Pacific`); empty for the isolated partitions.
    pub geo: String,
    /// AWS's name (`Asia Pacific (Tokyo)`).
    pub name: String,
    /// Whether botocore lists the Region as a `bedrock` endpoint.
    pub bedrock_endpoint: bool,
}

/// One AWS partition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partition {
    /// `aws`, `aws-cn`, …
    pub id: String,
    /// botocore's Region pattern, e.g. `^cn\-\w+\-\d+$`.
    pub region_regex: String,
    /// The DNS suffix of endpoints in this partition.
    pub dns_suffix: String,
}

/// Where the table comes from and how old it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionMeta {
    /// Source text.
    pub source: String,
    /// The data date (`2026-11-20`).
    pub generated: String,
}

/// The Region table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionTable {
    /// Source and date.
    pub meta: RegionMeta,
    /// Commercial, China and GovCloud Regions.
    pub regions: Vec<Region>,
    /// Regions of the isolated and sovereign partitions.
    pub other_partitions_regions: Vec<Region>,
    /// The partitions and their Region patterns.
    pub partitions: Vec<Partition>,
}

impl RegionTable {
    /// Read a table in the shape of `src/data/aws-regions.json` (the
    /// reference's `regions`, `other_partitions_regions` and `partitions`
    /// plus `meta`); `None` when the text is not JSON. Walks a
    /// `serde_json::Value` rather than deriving deserializers, to keep the
    /// wasm build small.
    pub fn from_json(text: &str) -> Option<Self> {
        let root: Value = serde_json::from_str(text).ok()?;
        let text_of = |v: &Value, key: &str| {
            v.get(key)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let list = |key: &str| -> Vec<Region> {
            root.get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(|r| Region {
                    code: text_of(r, "code"),
                    partition: text_of(r, "partition"),
                    geo: text_of(r, "geo"),
                    name: text_of(r, "name"),
                    bedrock_endpoint: r
                        .get("bedrock_endpoint")
                        .and_then(Value::as_bool)
                        .unwrap_or(false),
                })
                .collect()
        };
        let meta = root.get("meta").cloned().unwrap_or_default();
        Some(RegionTable {
            meta: RegionMeta {
                source: text_of(&meta, "source"),
                generated: text_of(&meta, "generated"),
            },
            regions: list("regions"),
            other_partitions_regions: list("other_partitions_regions"),
            partitions: root
                .get("partitions")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(|p| Partition {
                    id: text_of(p, "id"),
                    region_regex: text_of(p, "regionRegex"),
                    dns_suffix: text_of(p, "dnsSuffix"),
                })
                .collect(),
        })
    }

    /// Every Region, commercial first.
    pub fn all(&self) -> impl Iterator<Item = &Region> {
        self.regions.iter().chain(&self.other_partitions_regions)
    }

    /// The Region with this code.
    pub fn get(&self, code: &str) -> Option<&Region> {
        self.all().find(|r| r.code == code)
    }

    /// The partition whose Region pattern matches `code` (for codes not in
    /// the table).
    pub fn partition_of(&self, code: &str) -> Option<&Partition> {
        self.partitions
            .iter()
            .find(|p| pattern_matches(&p.region_regex, code))
    }

    /// The partition with this id.
    pub fn partition(&self, id: &str) -> Option<&Partition> {
        self.partitions.iter().find(|p| p.id == id)
    }
}

/// The embedded table ([`REGIONS_JSON`]), built once.
///
/// It is built from Rust constants that `scripts/gen-bedrock-data.py`
/// generates from the same JSON (`src/data/aws_regions.rs`), so that the
/// wasm build does not carry the JSON text; `tests/bedrock_data.rs` checks
/// that the result equals `RegionTable::from_json(REGIONS_JSON)`.
pub fn regions() -> &'static RegionTable {
    static TABLE: OnceLock<RegionTable> = OnceLock::new();
    TABLE.get_or_init(embedded::table)
}

mod embedded {
    use super::{Partition, Region, RegionMeta, RegionTable};

    include!("../data/aws_regions.rs");

    fn region(
        &(code, partition, geo, name, bedrock_endpoint): &(&str, &str, &str, &str, bool),
    ) -> Region {
        Region {
            code: code.to_owned(),
            partition: partition.to_owned(),
            geo: geo.to_owned(),
            name: name.to_owned(),
            bedrock_endpoint,
        }
    }

    /// The table the generated constants describe.
    pub(super) fn table() -> RegionTable {
        RegionTable {
            meta: RegionMeta {
                source: SOURCE.to_owned(),
                generated: GENERATED.to_owned(),
            },
            regions: REGIONS.iter().map(region).collect(),
            other_partitions_regions: OTHER_PARTITIONS_REGIONS.iter().map(region).collect(),
            partitions: PARTITIONS
                .iter()
                .map(|&(id, region_regex, dns_suffix)| Partition {
                    id: id.to_owned(),
                    region_regex: region_regex.to_owned(),
                    dns_suffix: dns_suffix.to_owned(),
                })
                .collect(),
        }
    }
}

/// The Region with this code in the embedded table.
pub fn lookup(code: &str) -> Option<&'static Region> {
    regions().get(code)
}

/// Whether `code` matches botocore's Region pattern `regex`. Only the
/// subset botocore's patterns use is understood: `^`, `$`, literal
/// characters, `\-`, `(a|b|…)` groups of literals, `\w+` and `\d+`.
pub fn pattern_matches(regex: &str, code: &str) -> bool {
    let Some(tokens) = tokenize(regex) else {
        return false;
    };
    match_tokens(&tokens, code.as_bytes())
}

#[derive(Debug)]
enum Token {
    Lit(u8),
    Alt(Vec<Vec<u8>>),
    Word,
    Digits,
}

fn tokenize(regex: &str) -> Option<Vec<Token>> {
    let body = regex.strip_prefix('^')?.strip_suffix('$')?;
    let bytes = body.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => {
                let next = *bytes.get(i + 1)?;
                match next {
                    b'w' | b'd' => {
                        if bytes.get(i + 2) != Some(&b'+') {
                            return None;
                        }
                        tokens.push(if next == b'w' {
                            Token::Word
                        } else {
                            Token::Digits
                        });
                        i += 3;
                    }
                    other => {
                        tokens.push(Token::Lit(other));
                        i += 2;
                    }
                }
            }
            b'(' => {
                let close = body[i..].find(')')? + i;
                let alternatives = body[i + 1..close]
                    .split('|')
                    .map(|a| a.as_bytes().to_vec())
                    .collect();
                tokens.push(Token::Alt(alternatives));
                i = close + 1;
            }
            b'[' | b'*' | b'?' | b'+' | b'.' | b'{' => return None,
            c => {
                tokens.push(Token::Lit(c));
                i += 1;
            }
        }
    }
    Some(tokens)
}

fn match_tokens(tokens: &[Token], text: &[u8]) -> bool {
    let Some((first, rest)) = tokens.split_first() else {
        return text.is_empty();
    };
    match first {
        Token::Lit(c) => text.first() == Some(c) && match_tokens(rest, &text[1..]),
        Token::Alt(alternatives) => alternatives
            .iter()
            .any(|a| text.starts_with(a) && match_tokens(rest, &text[a.len()..])),
        Token::Word | Token::Digits => {
            let class = |b: &u8| match first {
                Token::Word => b.is_ascii_alphanumeric() || *b == b'_',
                _ => b.is_ascii_digit(),
            };
            let run = text.iter().take_while(|b| class(b)).count();
            (1..=run).rev().any(|n| match_tokens(rest, &text[n..]))
        }
    }
}

/// Check one Region variable's value (`AWS_REGION` or `AWS_REGION_NAME`)
/// at `path`; returns the Region when it is in the table and has Bedrock.
///
/// Stricter than LiteLLM, which accepts any `^[a-z0-9-]+$`: a Region that
/// is not in the table dated 2026-11-20, or has no Bedrock endpoint, cannot
/// serve a Bedrock model.
pub fn check_region(
    value: &str,
    variable: &'static str,
    path: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<&'static Region> {
    let table = regions();
    if value.trim().is_empty() {
        diagnostics.push(
            Diagnostic::error("region.blank", path.clone(), format!("{variable} is empty"))
                .with("variable", variable),
        );
        return None;
    }
    let code = value.trim();
    if code != value {
        diagnostics.push(
            Diagnostic::error(
                "region.whitespace",
                path.clone(),
                format!("{variable} has whitespace around {code:?}, which LiteLLM rejects as an invalid Region"),
            )
            .with("variable", variable)
            .with("suggestion", code),
        );
    }
    if code.bytes().any(|b| b.is_ascii_uppercase()) {
        let lower = code.to_ascii_lowercase();
        diagnostics.push(
            Diagnostic::error(
                "region.upper_case",
                path.clone(),
                format!("{variable} {code:?} has upper-case letters; AWS Region codes are lower case, e.g. {lower:?}"),
            )
            .with("variable", variable)
            .with("region", code)
            .with("suggestion", lower),
        );
        return None;
    }
    let Some(region) = table.get(code) else {
        let suggestions = nearest_names(code, table.all().map(|r| r.code.as_str()));
        let hint = suggestions
            .first()
            .map(|s| format!("; did you mean {s:?}?"))
            .unwrap_or_default();
        let partition = table.partition_of(code);
        let (code_name, message) = match partition {
            Some(p) => (
                "region.not_in_table",
                format!(
                    "{variable} {code:?} looks like a Region of partition {} but is not in the Region table dated {}{hint}",
                    p.id, table.meta.generated
                ),
            ),
            None => (
                "region.unknown",
                format!("{variable} {code:?} is not an AWS Region{hint}"),
            ),
        };
        diagnostics.push(
            Diagnostic::error(code_name, path.clone(), message)
                .with("variable", variable)
                .with("region", code)
                .with("partition", partition.map(|p| p.id.clone()))
                .with("suggestions", suggestions)
                .with("table_date", table.meta.generated.as_str()),
        );
        return None;
    };
    if !region.bedrock_endpoint {
        let suggestions: Vec<String> = table
            .all()
            .filter(|r| r.bedrock_endpoint && r.partition == region.partition)
            .filter(|r| !region.geo.is_empty() && r.geo == region.geo)
            .map(|r| r.code.clone())
            .collect();
        let hint = if suggestions.is_empty() {
            String::new()
        } else {
            format!("; Bedrock Regions nearby: {}", suggestions.join(", "))
        };
        diagnostics.push(
            Diagnostic::error(
                "region.no_bedrock",
                path.clone(),
                format!(
                    "{variable} {code:?} ({}) has no Amazon Bedrock endpoint{hint}",
                    region.name
                ),
            )
            .with("variable", variable)
            .with("region", code)
            .with("region_name", region.name.as_str())
            .with("suggestions", suggestions)
            .with(
                "nearest_names",
                nearest_names(
                    code,
                    table
                        .all()
                        .filter(|r| r.bedrock_endpoint)
                        .map(|r| r.code.as_str()),
                ),
            ),
        );
        return None;
    }
    Some(region)
}

/// Check the AI gateway's `AWS_REGION` and `AWS_REGION_NAME` together and
/// return the Region LiteLLM uses for model calls (`AWS_REGION_NAME` wins
/// over `AWS_REGION`, `bedrock.md` §6). `path_region` and `path_name` are
/// where each value came from.
pub fn check_region_variables(
    aws_region: Option<&str>,
    aws_region_name: Option<&str>,
    path_region: &Path,
    path_name: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<&'static Region> {
    let region = aws_region.and_then(|v| check_region(v, "AWS_REGION", path_region, diagnostics));
    let name =
        aws_region_name.and_then(|v| check_region(v, "AWS_REGION_NAME", path_name, diagnostics));
    match (aws_region, aws_region_name) {
        (Some(a), Some(b)) if a.trim() != b.trim() => {
            diagnostics.push(
                Diagnostic::warning(
                    "region.variables_differ",
                    path_name.clone(),
                    format!("AWS_REGION is {a:?} but AWS_REGION_NAME is {b:?}; LiteLLM calls Bedrock in AWS_REGION_NAME"),
                )
                .with("aws_region", a)
                .with("aws_region_name", b),
            );
            name
        }
        (Some(_), None) => {
            if region.is_some() {
                diagnostics.push(Diagnostic::info(
                    "region.name_variable_missing",
                    path_name.clone(),
                    "only AWS_REGION is set; LiteLLM uses it, but the AI gateway's troubleshoot script requires AWS_REGION_NAME as well",
                ));
            }
            region
        }
        (None, Some(_)) => name,
        (Some(_), Some(_)) => name.or(region),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partition_patterns() {
        let aws = r"^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$";
        assert!(pattern_matches(aws, "eu-west-2"));
        assert!(pattern_matches(aws, "ap-southeast-7"));
        assert!(!pattern_matches(aws, "us-gov-west-1"));
        assert!(!pattern_matches(aws, "eu-west-"));
        assert!(pattern_matches(r"^us\-gov\-\w+\-\d+$", "us-gov-west-1"));
        assert!(pattern_matches(r"^eusc\-(de)\-\w+\-\d+$", "eusc-de-east-1"));
        assert!(!pattern_matches(r"^[a-z]+$", "abc"));
    }
}
