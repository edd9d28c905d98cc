#!/usr/bin/env python3
"""Makes the hostile rule packs for HostileCorpusTest. Run it here; it rewrites the *.yaml files and cases.tsv."""
import pathlib

here = pathlib.Path(__file__).parent

def pack(rule_check, extra="", title="hostile pack"):
    return f"""apiVersion: quiesce/v1
kind: RulePack
id: hostile
version: "1.0.0"
title: {title}
{extra}rules:
  - id: HX-001
    title: a rule
    severity: high
    roles: [guest]
    description: d
    rationale: r
    remediation:
      text: t
    references: ["hostile corpus"]
    check:
{rule_check}
"""

FILE = "      type: file\n      paths: [/usr/sbin/pre-freeze-script]\n      kind: regular\n"
cases = []

def case(name, data, what):
    (here / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    cases.append((name, what))

case("alias.yaml", pack(FILE, extra="description: &t real\n").replace("title: hostile pack", "title: *t"),
     "a YAML alias: refused at its line and column, never read as the anchor's name")
laughs = "lol: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"lol{i}: &a{i} [{', '.join(['*a' if i == 1 else f'*a{i-1}'] * 9)}]\n" for i in range(1, 10))
case("billion-laughs.yaml", laughs + pack(FILE), "a billion-laughs pack: aliases refused before anything expands")
case("deep-nesting.yaml", pack(FILE, extra="x: " + "[" * 200 + "]" * 200 + "\n"),
     "nesting 200 deep: refused with its line and column")
case("latin1.yaml", pack(FILE, title="caf\u00e9").encode("latin-1"), "a Latin-1 byte: not UTF-8, at its line and column")
case("nul-in-path.yaml", pack(FILE.replace("/usr/sbin/pre-freeze-script", '"/usr/sbin/pre-freeze\\0-script"')),
     "a NUL in a rule path: refused at load, not an ERROR on every host")
case("unknown-check-type.yaml", pack("      type: rm-rf\n"), "an unknown check type: refused with the known ones")
case("unknown-key.yaml", pack(FILE + "      run: /bin/sh\n"), "an unknown key: refused with the allowed keys")
case("not-yaml.yaml", "rules: [\n  - {\n", "YAML that does not parse: refused at its line and column")

with open(here / "cases.tsv", "w", encoding="utf-8") as tsv:
    tsv.write("# Hostile rule packs (made by make.py). Each is refused at load: exit 2, nothing audited.\n")
    tsv.write("# file\texit\targuments\twhat\n")
    for name, what in cases:
        tsv.write(f"{name}\t2\taudit --capture {{good}} --rules {{file}} --out {{out}}\t{what}\n")
