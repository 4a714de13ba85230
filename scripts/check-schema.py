#!/usr/bin/env python3
"""Validate JSON files against a fleetwatt JSON Schema (draft 2020-12).

Usage: check-schema.py SCHEMA FILE [FILE ...] [--sorted-keys]

Exit status: 0 all valid; 1 a file does not validate (each error printed with
its JSON path); 2 bad usage or a missing package (jsonschema), with the
command that installs it.
"""
import json
import math
import sys

SETUP = "python3 -m pip install jsonschema nbformat  (or: apt-get install python3-jsonschema python3-nbformat)"

try:
    from jsonschema import Draft202012Validator
except ImportError:
    print(f"check-schema.py: the Python package 'jsonschema' is missing; install it with: {SETUP}", file=sys.stderr)
    sys.exit(2)


def reject_constant(name):
    raise ValueError(f"non-finite number {name} (JSON allows only finite numbers)")


def check_sorted(pairs):
    keys = [k for k, _ in pairs]
    if keys != sorted(keys):
        raise ValueError(f"keys not sorted: {keys}")
    return dict(pairs)


def load(path, sorted_keys):
    with open(path, encoding="utf-8") as f:
        return json.load(f, parse_constant=reject_constant,
                         object_pairs_hook=check_sorted if sorted_keys else None)


def main(argv):
    sorted_keys = "--sorted-keys" in argv
    args = [a for a in argv if a != "--sorted-keys"]
    if len(args) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    schema = load(args[0], False)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    failed = 0
    for path in args[1:]:
        try:
            doc = load(path, sorted_keys)
        except (ValueError, OSError) as e:
            print(f"{path}: {e}", file=sys.stderr)
            failed += 1
            continue
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        for e in errors[:20]:
            where = "/".join(str(p) for p in e.absolute_path) or "(top level)"
            print(f"{path}: {where}: {e.message}", file=sys.stderr)
        if errors:
            failed += 1
        else:
            print(f"{path}: valid against {schema.get('title', args[0])}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
