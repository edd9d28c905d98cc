#!/usr/bin/env python3
"""Makes the hostile reports for 'quiesce merge' from base.report.json.txt (a genuine report of shard 1/1,
from 'quiesce audit --capture examples/db-good.capture.json --capture examples/db-bad.capture.json
--shard 1/1 --format json'). Run it here; it rewrites the *.json files and cases.tsv."""
import pathlib

here = pathlib.Path(__file__).parent
base = (here / "base.report.json.txt").read_text(encoding="utf-8")
shard = '"shard" : "1/1"'
assert shard in base, "the base report must be shard 1/1"

cases = []

def case(name, data, what, exit_code=2):
    (here / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    cases.append((name, exit_code, what))

for label, mark, what in [("abc", "abc", "run.shard 'abc' is not i/n"),
                          ("huge", "1/2147483647", "run.shard 1/2147483647: n past 10000 (OutOfMemoryError before)"),
                          ("negative", "1/-5", "run.shard 1/-5 is not i/n (accepted before)"),
                          ("zero", "0/0", "run.shard 0/0: n must be at least 1 (accepted before)")]:
    case(f"shard-{label}.json", base.replace(shard, f'"shard" : "{mark}"'), what + ", named at its line and column")
case("duplicate-key.json", base.replace('"schema" :', '"schema" : "x",\n  "schema" :', 1),
     "a duplicate key: refused at its line and column")
case("trailing-garbage.json", base + '\n{"schema": "forged"}\n', "a second JSON value after the report: refused")
case("deep-nesting.json", base.replace(shard, '"shard" : ' + "[" * 5000 + "]" * 5000),
     "nesting 5000 deep: refused by the nesting limit, not a stack overflow")
case("huge-number.json", base.replace(shard, '"shard" : ' + "9" * 100000), "a 100000-digit number: refused")
case("latin1.json", base.replace('"db-good"', '"db-g\u00e9od"').encode("latin-1", "replace"),
     "a Latin-1 byte: not UTF-8, named at its line and column")
case("status-wrong.json", base.replace('"status" : "AUDITED"', '"status" : "PWNED"', 1),
     "a host status that is not one: named at its line and column")
case("not-json.json", "this is not a report\n", "not JSON at all")

with open(here / "cases.tsv", "w", encoding="utf-8") as tsv:
    tsv.write("# Hostile reports for 'quiesce merge' (made by make.py from base.report.json.txt).\n")
    tsv.write("# file\texit\targuments\twhat\n")
    for name, exit_code, what in cases:
        tsv.write(f"{name}\t{exit_code}\tmerge {{file}} -o {{out}}/merged.json\t{what}\n")
