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
