#!/usr/bin/env python3
"""Makes the hostile inventories for HostileCorpusTest. Run it here; it rewrites the *.yaml files and cases.tsv."""
import pathlib

here = pathlib.Path(__file__).parent
HEAD = "apiVersion: quiesce/v1\nkind: Inventory\nhosts:\n"
GOOD = "  - name: db-good\n    roles: [guest]\n    capture: ../good.capture.json\n"
cases = []

def case(name, data, what):
    (here / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    cases.append((name, what))

case("alias.yaml", HEAD + "  - name: &n db-good\n    roles: [guest]\n    capture: ../good.capture.json\n"
     "  - name: *n\n    roles: [guest]\n    capture: ../good.capture.json\n", "a YAML alias: refused at its line and column")
case("long-host-name.yaml", HEAD + GOOD + "  - name: " + "h" * 100000 + "\n    roles: [guest]\n    ssh: {host: "
     + "h" * 100000 + "}\n", "a 100,000-character host name: refused at its line and column, not printed whole")
case("deep-nesting.yaml", HEAD + GOOD + "    vars: {x: " + "[" * 200 + "]" * 200 + "}\n",
     "nesting 200 deep: refused with its line and column")
case("latin1.yaml", (HEAD + GOOD.replace("db-good", "db-g\u00e9od")).encode("latin-1"),
     "a Latin-1 byte: not UTF-8, at its line and column")
case("duplicate-host.yaml", HEAD + GOOD + GOOD, "the same host twice: refused, naming both places")
case("unknown-role.yaml", HEAD + GOOD.replace("[guest]", "[gust]"), "a role no pack uses: refused with the nearest known one")

with open(here / "cases.tsv", "w", encoding="utf-8") as tsv:
    tsv.write("# Hostile inventories (made by make.py). Each is refused before any host is contacted: exit 2.\n")
    tsv.write("# file\texit\targuments\twhat\n")
    for name, what in cases:
        tsv.write(f"{name}\t2\taudit --inventory {{file}} --out {{out}}\t{what}\n")
