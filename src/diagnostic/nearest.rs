//! The nearest valid names for an unknown one, chosen the same way by every
//! "unknown name" diagnostic.

/// The names in `candidates` nearest to `input` (Levenshtein distance at
/// most a third of the longer name, at least 2), best first, at most three.
///
/// Used by every "unknown name" diagnostic (fields, regions, families,
/// features) so that the suggestions are chosen the same way everywhere.
pub fn nearest_names<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Vec<String> {
    // One non-generic body for every caller: the scoring and its sort are
    // compiled once instead of once per candidate iterator type (a dozen
    // copies of the sort in the wasm build).
    nearest_in(input, &mut candidates.into_iter())
}

fn nearest_in(input: &str, candidates: &mut dyn Iterator<Item = &str>) -> Vec<String> {
    let input_lower = input.to_ascii_lowercase();
    let mut scored: Vec<(usize, &str)> = Vec::new();
    for candidate in candidates {
        let distance = levenshtein(&input_lower, &candidate.to_ascii_lowercase());
        let limit = (input.chars().count().max(candidate.chars().count()) / 3).max(2);
        if distance <= limit {
            scored.push((distance, candidate));
        }
    }
    // Distance, then name. An insertion sort: the list is short (only names
    // within the limit) and this avoids a copy of the standard sort.
    for i in 1..scored.len() {
        let mut j = i;
        while j > 0 && scored[j - 1] > scored[j] {
            scored.swap(j - 1, j);
            j -= 1;
        }
    }
    scored.dedup_by(|a, b| a.1 == b.1);
    scored
        .into_iter()
        .take(3)
        .map(|(_, name)| name.to_owned())
        .collect()
}

/// Edit distance over Unicode scalar values.
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_names_prefers_closest() {
        let names = ["gitlab_version", "offering", "tier", "add_ons"];
        assert_eq!(
            nearest_names("gitlab_verison", names),
            vec!["gitlab_version"]
        );
        assert_eq!(nearest_names("teir", names), vec!["tier"]);
        assert!(nearest_names("zzzzzzzz", names).is_empty());
    }
}
