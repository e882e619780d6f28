#!/usr/bin/env python3
"""The rule base in figures, for README's table: counts every [[...]] record of rules/ (and the
scenarios of tests/scenarios/), with confidence as each record states it.

    python3 tools/rule_figures.py [RULES_DIR [SCENARIOS_DIR]]     (defaults: rules, tests/scenarios)
"""
import collections
import pathlib
import sys
import tomllib


def load(folder):
    out = collections.defaultdict(list)
    for path in sorted(pathlib.Path(folder).rglob("*.toml")):
        with open(path, "rb") as f:
            for section, records in tomllib.load(f).items():
                if isinstance(records, list):
                    out[section] += records
    return out


def by_confidence(records):
    c = collections.Counter(r.get("confidence") for r in records)
    return f"{c['official']} / {c['secondary']} / {c['unconfirmed']}"


def main():
    rules_dir = sys.argv[1] if len(sys.argv) > 1 else "rules"
    scenarios_dir = sys.argv[2] if len(sys.argv) > 2 else "tests/scenarios"
    rb = load(rules_dir)
    reqs, rules, sources = rb["requirement"], rb["rule"], rb["source"]
    cats = sum(1 for r in reqs if r.get("group") == "wechat_category")
    outcome = lambda key: sum(1 for r in rules if r.get(key))
    tags = collections.Counter(s.get("tag") for s in sources)
    rows = [
        ("questions", len(rb["question"])),
        ("requirements (of which WeChat categories)", f"{len(reqs)} ({cats})"),
        ("requirements: official / secondary / unconfirmed", by_confidence(reqs)),
        ("rules", len(rules)),
        ("rules: official / secondary / unconfirmed", by_confidence(rules)),
        ("rules that require / confirm / rule out / do not accept",
         f"{outcome('require') + outcome('require_one_of')} / {outcome('confirm')} / {outcome('rule_out')} / {outcome('not_accepted')}"),
        ("checklist items", len(rb["check"])),
        ("rejection causes: official / secondary / unconfirmed", by_confidence(rb["cause"])),
        ("sources: government / platform / secondary", f"{len(sources)}: {tags['OFF']} / {tags['PLAT']} / {tags['SEC']}"),
        ("scenarios", len(load(scenarios_dir)["scenario"])),
    ]
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
