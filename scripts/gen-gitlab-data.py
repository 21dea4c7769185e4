#!/usr/bin/env python3
"""Regenerate the GitLab version facts from the reference set.

Two steps, both run by default:

1. copy: the machine-readable JSON blocks of ../shared/reference/*.md into
   tests/data/reference/ (verbatim), so that the tests check the tables
   against the reference without reading ../shared at run time;
2. generate: src/data/gitlab_timeline.rs, gitlab_families.rs and
   gitlab_features.rs from those copies plus scripts/gitlab-data/overlay.json
   (the milestones and the facts the reference gives only in prose).

The generator checks the overlay against the blocks and stops with a message
naming the fact when they disagree: a change key of the newest timeline with
no milestone, a milestone on another release, a dated value of the feature or
family blocks on no milestone's release.

usage: scripts/gen-gitlab-data.py [--no-copy] [REFERENCE_DIR]

Adding a GitLab release: update the reference, run this script, add a
milestone to the overlay for each new change key it names, run it again,
then add tests at the new boundaries (ARCHITECTURE.md, "A new GitLab release").
"""
import json
import re
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
args = [a for a in sys.argv[1:] if not a.startswith("--")]
copy = "--no-copy" not in sys.argv
ref = Path(args[0]) if args else root.parent / "shared" / "reference"
copies = root / "tests" / "data" / "reference"

# (copy name, reference file, section heading the block is under, block index in that section)
BLOCKS = [
    ("duo-domain.families.json", "duo-domain.md", "### 1.5 Data", 0),
    ("duo-domain.later-families.json", "duo-domain.md", "### 1.5 Data", 1),
    ("duo-domain.groups.json", "duo-domain.md", "### 3.4 Data", 0),
    ("duo-domain.features.json", "duo-domain.md", "### 3.4 Data", 1),
    ("duo-domain.later-features.json", "duo-domain.md", "### 3.4 Data", 2),
    ("duo-domain.providers.json", "duo-domain.md", "## 4. Providers", 0),
    ("duo-domain.settings.json", "duo-domain.md", "### 6.6 Data", 0),
    ("gitlab-update-2026-12.families.json", "gitlab-update-2026-12.md", "### 1.3 Data", 0),
    ("gitlab-update-2026-12.features.json", "gitlab-update-2026-12.md", "### 3.2 Data", 0),
    ("gitlab-update-2026-12.settings.json", "gitlab-update-2026-12.md", "### 6.1 Data", 0),
    ("gitlab-update-2026-12.timeline.json", "gitlab-update-2026-12.md", "## 8. Version timeline", 0),
    ("bedrock.appendix-a.json", "bedrock.md", "## Appendix A", 0),
    ("bedrock-update-2026-11.table.json", "bedrock-update-2026-11.md", "## 2. Machine-readable table", 0),
]


def fail(message):
    sys.exit(f"gen-gitlab-data: {message}")


def copy_blocks():
    copies.mkdir(parents=True, exist_ok=True)
    for name, file, heading, index in BLOCKS:
        text = (ref / file).read_text()
        start = text.find(heading)
        if start < 0:
            fail(f"{file}: heading {heading!r} not found")
        # The section ends at the next heading of the same or a higher level.
        level = heading.split(" ")[0]
        rest = text[start + len(heading):]
        ends = [m.start() for m in re.finditer(r"^#{1,%d} " % len(level), rest, re.M)]
        section = rest[: ends[0]] if ends else rest
        blocks = re.findall(r"```json\n(.*?)\n```", section, re.S)
        if index >= len(blocks):
            fail(f"{file} {heading!r}: no JSON block {index}")
        json.loads(blocks[index])  # must parse
        (copies / name).write_text(blocks[index] + "\n")


def load(name):
    return json.loads((copies / name).read_text())


if copy:
    copy_blocks()

overlay = json.loads((root / "scripts" / "gitlab-data" / "overlay.json").read_text())
VERSION = re.compile(r"(\d+)\.(\d+)")


def release(text):
    """The first `major.minor` in a reference value ("19.3 (19.2 possible)")."""
    m = VERSION.search(str(text))
    if not m:
        fail(f"no release in {text!r}")
    return (int(m.group(1)), int(m.group(2)))


def first_seen(text):
    """"18.10 or 18.11 (…)" is first seen in 18.11; otherwise the first release named."""
    m = re.match(r"\s*(\d+\.\d+) or (\d+\.\d+)", str(text))
    return release(m.group(2)) if m else release(text)


def rust_str(text):
    return json.dumps(text, ensure_ascii=False)


def rel(r):
    return f"({r[0]}, {r[1]})"


def const_name(key):
    return key.upper()


# ---------------------------------------------------------------- timeline

BASIS = {
    "migration": "Migration", "first_seen": "FirstSeen", "docs_history": "DocsHistory",
    "docs": "Docs", "code": "Code", "carried_forward": "CarriedForward",
}
milestones = {}
for m in overlay["milestones"]:
    if m["key"] in milestones:
        fail(f"milestone {m['key']} twice")
    m["release"] = release(m["since"])
    if "window" in m:
        lo, hi = (release(x) for x in m["window"])
        if not lo <= m["release"] <= hi or lo == hi:
            fail(f"milestone {m['key']}: since {m['since']} outside its window {m['window']}")
        m["window_rel"] = (lo, hi)
    milestones[m["key"]] = m
releases = sorted({m["release"] for m in milestones.values()})

# Every change of the newest timeline has a milestone on the same release.
timeline = load("gitlab-update-2026-12.timeline.json")
for entry in timeline:
    for change in entry["changes"]:
        key = change.split(" ")[0]
        if key not in milestones:
            fail(f"timeline {entry['version']}: change {key!r} has no milestone in the overlay")
        if milestones[key]["release"] != release(entry["version"]):
            fail(f"timeline {entry['version']}: milestone {key} is on {milestones[key]['since']}")
newest = release(overlay["newest_release"])
if newest != max(release(e["version"]) for e in timeline):
    fail("newest_release is not the newest release of the timeline")
released = {release(e["version"]): e["released"] for e in timeline}


def scope_rs(scope):
    if isinstance(scope, str):
        return {"none": "Scope::None", "instance": "Scope::Instance", "prerequisites": "Scope::Prerequisites",
                "chat_fallback": "Scope::ChatFallback", "api": "Scope::Api"}[scope]
    if "families" in scope:
        return "Scope::Families(&[" + ", ".join(map(rust_str, scope["families"])) + "])"
    return "Scope::Features(&[" + ", ".join(map(rust_str, scope["features"])) + "])"


rs = [
    "// @generated by scripts/gen-gitlab-data.py from scripts/gitlab-data/overlay.json,",
    "// checked against tests/data/reference/gitlab-update-2026-12.timeline.json; do not edit.",
    "",
]
for m in overlay["milestones"]:
    window = "None" if "window_rel" not in m else f"Some(({rel(m['window_rel'][0])}, {rel(m['window_rel'][1])}))"
    rs += [
        f"/// {m['what']}",
        f"pub const {const_name(m['key'])}: Milestone = Milestone {{",
        f"    key: {rust_str(m['key'])},",
        f"    since: {rel(m['release'])},",
        f"    window: {window},",
        f"    basis: Basis::{BASIS[m['basis']]},",
        f"    scope: {scope_rs(m['scope'])},",
        f"    what: {rust_str(m['what'])},",
        f"    source: {rust_str(m['source'])},",
        "};",
    ]
rs += [
    "/// Every milestone, oldest first.",
    "pub const ALL: &[Milestone] = &[" + ", ".join(const_name(m["key"]) for m in sorted(overlay["milestones"], key=lambda m: m["release"])) + "];",
    "/// When the tables were compiled from the reference.",
    f"pub const TABLE_DATE: &str = {rust_str(overlay['table_date'])};",
    "/// The newest GitLab source the reference read.",
    f"pub const NEWEST_SOURCE: &str = {rust_str(overlay['newest_source'])};",
    "/// Release dates the reference gives (third Thursday of the month).",
    "pub const RELEASE_DATES: &[((u16, u16), &str)] = &[" + ", ".join(f"({rel(r)}, {rust_str(d)})" for r, d in sorted(released.items())) + "];",
    "",
]
(root / "src" / "data" / "gitlab_timeline.rs").write_text("\n".join(rs))


def milestone_at(r, what):
    if r not in releases:
        fail(f"{what}: release {r[0]}.{r[1]} is no milestone's release")
    return r


# ---------------------------------------------------------------- families

STATE = {"GA": "Ga", "BETA": "Beta", "EXPERIMENTAL": "Experimental"}
METHOD = {"vllm": "Vllm", "bedrock": "Bedrock", "azure_openai": "AzureOpenai", "vertex_ai": "VertexAi"}
DOCS = {"supported": "Supported", "compatible": "Compatible", "compatible (deprecated 18.3)": "CompatibleDeprecated", "undocumented": "Undocumented"}
baseline_families = {f["key"]: f for f in load("duo-domain.families.json")}
newest_families = load("gitlab-update-2026-12.families.json")
rs = [
    "// @generated by scripts/gen-gitlab-data.py from tests/data/reference/gitlab-update-2026-12.families.json",
    "// (gitlab-update-2026-12.md §1.3), duo-domain.families.json (duo-domain.md §1.5) and",
    "// scripts/gitlab-data/overlay.json; do not edit. Checked by tests/gitlab_data.rs.",
    "",
    "/// Every family GitLab knows, in enum order: the newest enum, display names",
    "/// and release states (`gitlab-update-2026-12.md` §1.3), the 18.9 docs classes",
    "/// (`duo-domain.md` §1.5), each dated by a [`timeline`] milestone. The nine",
    "/// families of 17.9 are dated 17.9, the oldest release the rules cover (their",
    "/// exact milestones are not recorded).",
    "pub const FAMILIES: &[Family] = &[",
]
for i, f in enumerate(newest_families):
    key = f["key"]
    o = overlay["families"].get(key) or fail(f"family {key} not in the overlay")
    if f["enum_int"] != i:
        fail(f"family {key}: enum_int {f['enum_int']} is not its position {i}")
    since = milestones[o["since"]]
    if since["release"] != release(f["since"]):
        fail(f"family {key}: the reference dates it {f['since']}, the overlay's milestone {o['since']} {since['since']}")
    if key in baseline_families and baseline_families[key]["release_state_code"] != f["release_state"]:
        fail(f"family {key}: release state changed since 18.9; give release_steps in the overlay")
    steps = o.get("release_steps") or [[since["since"], f["release_state"]]]
    if steps[-1][1] != f["release_state"]:
        fail(f"family {key}: the last release step is not the reference's state")
    docs = o.get("docs_class") or baseline_families[key]["docs_class"]
    gate = "None"
    if "form_gate" in o:
        g = o["form_gate"]
        flag = "None" if "flag" not in g else f"Some({rust_str(g['flag'])})"
        gate = f"Some(FormGate {{ until: &timeline::{const_name(g['until'])}, flag: {flag} }})"
    deprecated = "None" if "deprecated" not in o else f"Some({rel(release(o['deprecated']))})"
    rs += [
        "    Family {",
        f"        key: {rust_str(key)},",
        f"        enum_int: {i},",
        f"        graphql_value: {rust_str(f['graphql_value'])},",
        f"        display_name: {rust_str(f['display_name'])},",
        "        release: &[" + ", ".join(f"ReleaseStep {{ since: {rel(release(s))}, state: ReleaseState::{STATE[st]} }}" for s, st in steps) + "],",
        f"        docs_class: DocsClass::{DOCS[docs]},",
        "        methods: &[" + ", ".join(f"DeploymentMethod::{METHOD[m]}" for m in o["methods"]) + "],",
        f"        since: &timeline::{const_name(o['since'])},",
        f"        deprecated: {deprecated},",
        f"        form_gate: {gate},",
        f"        source: {rust_str(o['source'])},",
        "    },",
    ]
rs += ["];", ""]
(root / "src" / "data" / "gitlab_families.rs").write_text("\n".join(rs))

# ---------------------------------------------------------------- features

GROUP = {g["title"]: g["variant"] for g in overlay["groups"]}
FSTATE = {"GA": "Ga", "BETA": "Beta", "EXPERIMENT": "Experiment"}
# Compatible-family lists are shared by many features: one constant each.
family_lists = []


def family_list(fams):
    if fams not in family_lists:
        family_lists.append(fams)
    return f"COMPATIBLE_{family_lists.index(fams)}"


baseline_features = {f["key"]: f for f in load("duo-domain.features.json")}
later_features = {f["key"]: f for f in load("duo-domain.later-features.json")}
newest_features = load("gitlab-update-2026-12.features.json")
rs = [
    "// @generated by scripts/gen-gitlab-data.py from tests/data/reference/gitlab-update-2026-12.features.json",
    "// (gitlab-update-2026-12.md §3.2), duo-domain.features.json (duo-domain.md §3.4) and",
    "// scripts/gitlab-data/overlay.json; do not edit. Checked by tests/gitlab_data.rs.",
    "",
    "/// Every feature, in GitLab's enum order (`enum_int`).",
    "pub const FEATURES: &[Feature] = &[",
]
for i, f in enumerate(newest_features):
    key = f["key"]
    o = overlay["features"].get(key) or fail(f"feature {key} not in the overlay")
    if f["enum_int"] != i:
        fail(f"feature {key}: enum_int {f['enum_int']} is not its position {i}")
    base = baseline_features.get(key) or later_features.get(key) or {}
    since = milestones[o["since"]]
    if "since" in f and first_seen(f["since"]) != since["release"]:
        fail(f"feature {key}: the reference dates it {f['since']!r}, the overlay {since['since']}")
    start = since["release"]
    # Titles: the 17.x ones from the overlay, then the reference's.
    titles = [(release(v), t) for v, t in o.get("early_titles", [])]
    if "titles" in f:
        ref_titles = [(release(v), t) for v, t in f["titles"]]
        ref_titles[0] = (start, ref_titles[0][1])
    else:
        ref_titles = [(release(o["titles_from"]) if "titles_from" in o else start, f["title"])]
    titles += ref_titles
    groups = [(release(v), g) for v, g in f["groups"]] if "groups" in f else [(start, f["group"])]
    groups[0] = (start, groups[0][1])
    states = [(release(v), s) for v, s in f["release_states"]] if "release_states" in f else [(start, f["release_state"])]
    states[0] = (start, states[0][1])
    if "stable_from" in f:
        stable = release(f["stable_from"])
    elif f.get("stable"):
        stable = milestones[o["stable_since"]]["release"] if "stable_since" in o else start
    else:
        stable = None
    # Compatible families: the list without the later additions from the
    # feature's first release, then one list per release that added some.
    newest_list = f["compatible_families"]
    added = {fam: release(v) for fam, v in f.get("families_from", {}).items()}
    for r in [*added.values(), *(r for r, _ in titles[len(o.get('early_titles', [])):]), *(r for r, _ in groups), *(r for r, _ in states)] + ([stable] if stable else []):
        milestone_at(r, f"feature {key}")
    steps = sorted({start, *(r for r in added.values() if r > start)})
    lists = []
    for r in steps:
        lists.append((r, [fam for fam in newest_list if fam not in added or added[fam] <= r]))
    if base.get("compatible_families") is not None:
        at_baseline = [fam for fam in newest_list if fam not in added or added[fam] <= (18, 9)]
        if sorted(at_baseline) != sorted(base["compatible_families"]):
            fail(f"feature {key}: the 18.9 list {at_baseline} differs from duo-domain.md §3.4 {base['compatible_families']}")
    if base.get("is_general_chat"):
        chat = "GeneralChat"
    elif base.get("falls_back_to") == "duo_chat":
        chat = "SubFeature"
    elif base.get("code_level_chat_fallback"):
        chat = "CodeLevel"
    else:
        chat = "None"
    list_rs = ", ".join(f"({rel(r)}, {family_list(fams)})" for r, fams in lists)
    rs += [
        "    Feature {",
        f"        key: {rust_str(key)},",
        f"        id: {i},",
        "        titles: &[" + ", ".join(f"({rel(r)}, {rust_str(t)})" for r, t in titles) + "],",
        "        groups: &[" + ", ".join(f"({rel(r)}, Group::{GROUP[g]})" for r, g in groups) + "],",
        "        release: &[" + ", ".join(f"({rel(r)}, ReleaseState::{FSTATE[s]})" for r, s in states) + "],",
        f"        since: &timeline::{const_name(o['since'])},",
        f"        stable_since: {'None' if stable is None else 'Some(' + rel(stable) + ')'},",
        f"        families: &[{list_rs}],",
        f"        chat: ChatRole::{chat},",
        f"        ultimate_only: {'true' if f.get('ultimate_only') else 'false'},",
        f"        agent_platform: {'true' if base.get('dap') else 'false'},",
        f"        vendored_in_ui: {'false' if o.get('vendored_in_ui') is False else 'true'},",
        f"        in_graphql: {'false' if f.get('graphql_ai_features') is False else 'true'},",
        "    },",
    ]
rs += ["];"]
rs += ["/// The compatible-family lists the rows share."]
rs += [f"const COMPATIBLE_{i}: &[&str] = &[" + ", ".join(map(rust_str, fams)) + "];" for i, fams in enumerate(family_lists)]
rs += [""]
(root / "src" / "data" / "gitlab_features.rs").write_text("\n".join(rs))

# ---------------------------------------------------------------- groups

rs = [
    "// @generated by scripts/gen-gitlab-data.py from scripts/gitlab-data/overlay.json",
    "// (duo-domain.md §3.4, gitlab-update-2026-12.md §3.1); do not edit.",
    "",
    "/// The sections in page order: group, front-end id (when known), title, and",
    "/// whether GitLab shows the section even with no allowed feature in it.",
    "pub const GROUPS: &[(Group, Option<&str>, &str, bool)] = &[",
]
for g in overlay["groups"]:
    gid = "None" if g["id"] is None else f"Some({rust_str(g['id'])})"
    rs.append(f"    (Group::{g['variant']}, {gid}, {rust_str(g['title'])}, {'true' if g['always_shown'] else 'false'}),")
rs += ["];", ""]
(root / "src" / "data" / "gitlab_groups.rs").write_text("\n".join(rs))
print("gen-gitlab-data: tables written")
