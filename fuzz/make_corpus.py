#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into fuzz/corpus/<target>/ from the real data:
rule files (whole, and split into self-contained pieces), the conditions they contain, the
scenarios' answers (as JSON) and the rejection messages (tests/diagnose/, shared/reference/).
Run by scripts/fuzz.sh; the corpus is not committed (.gitignore)."""
import hashlib
import json
import os
import re
import sys
import tomllib
from pathlib import Path

root = Path(__file__).resolve().parent.parent
out = root / "fuzz" / "corpus"
counts = {}


def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    d = out / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)
    counts[target] = counts.get(target, 0) + 1


def rule_files():
    return sorted(p for p in (root / "rules").rglob("*.toml"))


# --- rulefile: a mode byte (0 strict, 1 bench) and the text ------------------------------------
MAX_SEED = 48 * 1024
meta = (root / "rules" / "meta.toml").read_text()
questions = (root / "rules" / "questions.toml").read_text()
sources = "".join(p.read_text() for p in sorted((root / "rules" / "sources").glob("*.toml")))


def pieces(text, size):
    """Splits a rule file at `[[` record headers into pieces of about `size` bytes."""
    parts = re.split(r"(?m)^(?=\[\[(?:question|requirement|rule|check|cause|source)\]\])", text)
    cur = ""
    for p in parts:
        if cur and len(cur) + len(p) > size:
            yield cur
            cur = ""
        cur += p
    if cur:
        yield cur


fixture = (root / "tests" / "fixtures" / "engine.toml").read_text()
for mode in (b"\x00", b"\x01"):
    put("rulefile", mode + fixture.encode())
base = (root / "tests" / "broken" / "_base.toml").read_text()
for p in sorted((root / "tests" / "broken").glob("*.toml")):
    text = p.read_text()
    put("rulefile", b"\x00" + (text if p.name.startswith(("alone-", "_")) else base + "\n" + text).encode())
for p in rule_files():
    text = p.read_text()
    for piece in pieces(text, 12 * 1024):
        # With the questions and meta, most references in a piece resolve.
        seed = meta + questions + piece
        if len(seed) <= MAX_SEED:
            put("rulefile", b"\x01" + seed.encode())
        put("rulefile", b"\x00" + piece.encode())
put("rulefile", b"\x00" + (meta + sources[:MAX_SEED - len(meta)]).encode())

# --- condition: every condition in the rule files ----------------------------------------------
cond_re = re.compile(r"""(?m)\b(?:when|ask_when)\s*=\s*(?:'([^'\n]*)'|"((?:[^"\\\n]|\\.)*)")""")
conds = set()
for p in rule_files() + sorted((root / "tests").rglob("*.toml")):
    for m in cond_re.finditer(p.read_text()):
        conds.add(m.group(1) if m.group(1) is not None else m.group(2))
conds |= {
    'true', 'false', 'not (a or b) and c', 'n >= 10.5 and n < -3', 'q in ["a", "b"]',
    'q has any ["a"]', '((((x))))', 'a and or b', '"unterminated', 'q == "中文"',
}
for c in sorted(conds):
    put("condition", c)

# --- evaluate: scenario answers as JSON --------------------------------------------------------
for p in sorted((root / "tests" / "scenarios").glob("*.toml")):
    for s in tomllib.loads(p.read_text()).get("scenario", []):
        put("evaluate", json.dumps(s.get("answers", {}), ensure_ascii=False))
put("evaluate", "{}")
put("evaluate", '{"platform":"not_sure","entity":"not_sure","capital":1e308,"sells":["own_goods","own_goods"]}')
put("evaluate", '{"__proto__":{"x":1},"constructor":true}')

# --- diagnose: real rejection messages ---------------------------------------------------------
for p in sorted((root / "tests" / "diagnose").glob("*.toml")):
    for c in tomllib.loads(p.read_text()).get("case", []):
        put("diagnose", c["text"])
shared = root.parent / "shared" / "reference" / "rejection-examples.md"
if shared.exists():
    for para in re.split(r"\n\s*\n", shared.read_text()):
        if para.strip():
            put("diagnose", para[:8192])

print(" ".join(f"{t}={n}" for t, n in sorted(counts.items())))
