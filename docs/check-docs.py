#!/usr/bin/env python3
"""Fails when a public symbol of the MineralIntake library has no /// doc comment.

Reads the symbol graph that docs/build-docs.sh writes (.build/symbol-graphs). Members that only fulfil a
standard protocol (Codable, Hashable, Comparable, RawRepresentable, CustomStringConvertible), and members a
protocol's extension supplies from another module, are skipped: their documentation is the protocol's.
"""
import glob, json, sys

SKIP = {"init(from:)", "encode(to:)", "hash(into:)", "hashValue", "init(rawValue:)", "codingKey", "init(codingKey:)",
        "description"}
missing = []
files = glob.glob(".build/symbol-graphs/MineralIntake*.symbols.json")
if not files:
    sys.exit("no symbol graph: run docs/build-docs.sh first")
for path in files:
    for symbol in json.load(open(path))["symbols"]:
        if symbol["accessLevel"] not in ("public", "open") or "docComment" in symbol:
            continue
        if symbol["pathComponents"][-1] in SKIP or symbol["kind"]["identifier"] == "swift.func.op":
            continue
        # Members a standard collection protocol supplies (filter, flatMap …) are declared elsewhere: not ours.
        if "Sources/MineralIntake" not in symbol.get("location", {}).get("uri", ""):
            continue
        missing.append(".".join(symbol["pathComponents"]))
for name in sorted(missing):
    print(f"undocumented public symbol: {name}")
print(f"{len(missing)} undocumented public symbols")
sys.exit(1 if missing else 0)
