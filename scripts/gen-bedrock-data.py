#!/usr/bin/env python3
"""Regenerate src/data/aws-regions.json and src/data/bedrock-profiles.json
from the machine-readable block of ../shared/reference/bedrock-update-2026-11.md
(§2). Keeps only the fields the library reads; tests/bedrock_data.rs checks
the result against the reference, so run this after a reference update.

usage: scripts/gen-bedrock-data.py [REFERENCE_DIR]
"""
import json
import re
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
ref = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "reference"
text = (ref / "bedrock-update-2026-11.md").read_text()
section = text[text.index("## 2. Machine-readable table"):text.index("## 3. Open questions")]
data = json.loads(re.findall(r"```json\n(.*?)\n```", section, re.S)[0])

regions = {
    "meta": {
        "source": "botocore 1.44.8 data/partitions.json and data/endpoints.json (bedrock service), via bedrock-update-2026-11.md §2 (regions, other_partitions_regions, partitions)",
        "generated": "2026-11-20",
    },
    "regions": [
        {k: r[k] for k in ("code", "partition", "geo", "name", "bedrock_endpoint")}
        for r in data["regions"]
    ],
    "other_partitions_regions": [
        {k: r[k] for k in ("code", "partition", "name", "bedrock_endpoint")}
        for r in data["other_partitions_regions"]
    ],
    "partitions": [
        {k: p[k] for k in ("id", "regionRegex", "dnsSuffix")} for p in data["partitions"]
    ],
}

ROW_FIELDS = ("profile_id", "source_regions", "routes", "confidence", "eol_date", "inferred_source_regions")
profiles = {
    "meta": {
        "generated": data["meta"]["generated"],
        "data_date": data["meta"]["data_date"],
        "source": "bedrock-update-2026-11.md §2 (AWS API snapshot 2026-10-07, AWS model cards to ~2026-10-06, litellm 1.110.2 rows marked third-party)",
    },
    "prefixes": {
        p: {"profiles": {m: {k: r[k] for k in ROW_FIELDS if k in r} for m, r in v["profiles"].items()}}
        for p, v in data["prefixes"].items()
    },
    "unconfirmed_profiles": data["unconfirmed_profiles"],
    "models": {
        m: {k: v[k] for k in ("provider", "name", "eol_date") if k in v}
        for m, v in data["models"].items()
    },
}

out = root / "src" / "data"
(out / "aws-regions.json").write_text(json.dumps(regions, separators=(",", ":")) + "\n")
(out / "bedrock-profiles.json").write_text(json.dumps(profiles, separators=(",", ":")) + "\n")

# The same profile table as Rust constants (src/data/bedrock_profiles.rs):
# what `bedrock::default_table` builds from, so that the wasm build carries
# neither the JSON text nor the code that reads it. The rows are what
# `ProfileTable::load` keeps from the JSON above, in its order;
# tests/bedrock_data.rs checks that both give the same table.
PREFIX_VARIANTS = {
    "us": "Us", "eu": "Eu", "apac": "Apac", "jp": "Jp", "au": "Au",
    "in": "In", "ca": "Ca", "us-gov": "UsGov", "global": "Global",
}
PREFIX_ORDER = list(PREFIX_VARIANTS)  # the order of `CrossRegionPrefix`
CONFIDENCE_VARIANTS = {
    "aws-documented": "AwsDocumented", "aws-api-observed": "AwsApiObserved",
    "third-party": "ThirdParty", "retired": "Retired",
}
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def rust_str(text):
    return json.dumps(text, ensure_ascii=False)


def rust_opt(text):
    return "None" if text is None else f"Some({rust_str(text)})"


def date_or_none(value):
    return value if isinstance(value, str) and DATE.match(value) else None


places, lists = [], []


def place(name):
    if name not in places:
        places.append(name)
    return places.index(name)


def list_index(names):
    key = tuple(place(n) for n in names)
    if key not in lists:
        lists.append(key)
    return lists.index(key)


list_index([])
models = {
    m: (v.get("name"), date_or_none(v.get("eol_date")))
    for m, v in profiles["models"].items()
}
rows = []
for prefix, entry in profiles["prefixes"].items():
    for model, row in entry["profiles"].items():
        assert row["profile_id"] == f"{prefix}.{model}" and row["source_regions"], row
        models.setdefault(model, (None, None))
        rows.append((model, PREFIX_ORDER.index(prefix), prefix, row))
rows.sort(key=lambda r: (r[0].encode(), r[1]))
unconfirmed = {}
for u in profiles["unconfirmed_profiles"]:
    unconfirmed[u["profile_id"]] = u.get("why_not_in_table", "")

body = []
for model, _, prefix, row in rows:
    routes = ", ".join(
        f"({place(source)}, {list_index(to)})"
        for source, to in sorted(row.get("routes", {}).items(), key=lambda kv: kv[0].encode())
    )
    confidence = row.get("confidence")
    confidence = "None" if confidence is None else f"Some(Confidence::{CONFIDENCE_VARIANTS[confidence]})"
    body.append(
        f"    EmbeddedProfile {{ prefix: CrossRegionPrefix::{PREFIX_VARIANTS[prefix]}, model: {rust_str(model)}, "
        f"source: {list_index(row['source_regions'])}, inferred: {list_index(row.get('inferred_source_regions', []))}, "
        f"routes: &[{routes}], confidence: {confidence}, eol_date: {rust_opt(date_or_none(row.get('eol_date')))} }},"
    )
assert len(places) < 256 and len(lists) < 256
meta = profiles["meta"]
rs = [
    "// @generated by scripts/gen-bedrock-data.py from src/data/bedrock-profiles.json",
    f"// ({meta['source']}); do not edit. Checked against the JSON by tests/bedrock_data.rs.",
    "",
    f"const GENERATED: &str = {rust_str(meta['generated'])};",
    f"const DATA_DATE: Option<&str> = {rust_opt(meta.get('data_date'))};",
    "/// Region codes and route labels, referred to by index.",
    "const PLACES: &[&str] = &[" + ", ".join(rust_str(p) for p in places) + "];",
    "/// Lists of `PLACES` indexes (source Regions, route destinations).",
    "const LISTS: &[&[u8]] = &[" + ", ".join("&[" + ", ".join(map(str, l)) + "]" for l in lists) + "];",
    "/// `(id, name, eol_date)`, sorted by id.",
    "const MODELS: &[(&str, Option<&str>, Option<&str>)] = &[",
    *(f"    ({rust_str(m)}, {rust_opt(n)}, {rust_opt(e)})," for m, (n, e) in sorted(models.items(), key=lambda kv: kv[0].encode())),
    "];",
    "/// Sorted by model, then prefix.",
    "const PROFILES: &[EmbeddedProfile] = &[",
    *body,
    "];",
    "/// `(profile_id, why_not_in_table)`, sorted by profile ID.",
    "const UNCONFIRMED: &[(&str, &str)] = &[",
    *(f"    ({rust_str(i)}, {rust_str(w)})," for i, w in sorted(unconfirmed.items(), key=lambda kv: kv[0].encode())),
    "];",
    "",
]
(out / "bedrock_profiles.rs").write_text("\n".join(rs))

# The Region table as Rust constants (src/data/aws_regions.rs), what
# `region::regions` builds from; tests/bedrock_data.rs checks that it equals
# `RegionTable::from_json(REGIONS_JSON)`.


def region_row(r):
    return (
        f"    ({rust_str(r.get('code', ''))}, {rust_str(r.get('partition', ''))}, {rust_str(r.get('geo', ''))}, "
        f"{rust_str(r.get('name', ''))}, {'true' if r.get('bedrock_endpoint') is True else 'false'}),"
    )


rs = [
    "// @generated by scripts/gen-bedrock-data.py from src/data/aws-regions.json",
    "// (botocore 1.44.8 via bedrock-update-2026-11.md §2); do not edit. Checked",
    "// against the JSON by tests/bedrock_data.rs.",
    "",
    f"const SOURCE: &str = {rust_str(regions['meta'].get('source', ''))};",
    f"const GENERATED: &str = {rust_str(regions['meta'].get('generated', ''))};",
    "/// `(code, partition, geo, name, bedrock_endpoint)`.",
    "const REGIONS: &[(&str, &str, &str, &str, bool)] = &[",
    *(region_row(r) for r in regions["regions"]),
    "];",
    "/// The same, for the isolated and sovereign partitions.",
    "const OTHER_PARTITIONS_REGIONS: &[(&str, &str, &str, &str, bool)] = &[",
    *(region_row(r) for r in regions["other_partitions_regions"]),
    "];",
    "/// `(id, regionRegex, dnsSuffix)`.",
    "const PARTITIONS: &[(&str, &str, &str)] = &[",
    *(f"    ({rust_str(p.get('id', ''))}, {rust_str(p.get('regionRegex', ''))}, {rust_str(p.get('dnsSuffix', ''))})," for p in regions["partitions"]),
    "];",
    "",
]
(out / "aws_regions.rs").write_text("\n".join(rs))
