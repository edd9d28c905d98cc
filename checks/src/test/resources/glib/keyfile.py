#!/usr/bin/python3
"""Reads tools.conf texts as GLib does, for ToolsConfTest: a JSON list of texts on stdin, for each a JSON
object on stdout: "loaded" (true, or GLib's error code), and the boolean and integer readings of the keys
asked for ("true"/"false", "invalid" or null when absent)."""
import json
import sys

from gi.repository import GLib

request = json.load(sys.stdin)
answers = []
for text in request["texts"]:
    keyfile = GLib.KeyFile()
    data = text.encode("utf-8")
    try:
        keyfile.load_from_data(text, len(data), GLib.KeyFileFlags.NONE)
    except GLib.Error as e:
        answers.append({"loaded": e.code})
        continue
    readings = {}
    for group, key in request["keys"]:
        try:
            readings[f"{group}.{key}.bool"] = "true" if keyfile.get_boolean(group, key) else "false"
        except GLib.Error as e:
            readings[f"{group}.{key}.bool"] = "invalid" if e.code == GLib.KeyFileError.INVALID_VALUE else None
        try:
            readings[f"{group}.{key}.int"] = str(keyfile.get_integer(group, key))
        except GLib.Error as e:
            readings[f"{group}.{key}.int"] = "invalid" if e.code == GLib.KeyFileError.INVALID_VALUE else None
    answers.append({"loaded": True, "readings": readings})
json.dump(answers, sys.stdout)
