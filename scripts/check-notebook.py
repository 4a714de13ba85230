#!/usr/bin/env python3
"""Validate Jupyter notebooks against nbformat's schema and check that the
embedded fleetwatt result parses.

Usage: check-notebook.py NOTEBOOK.ipynb [...]

Exit status: 0 all valid; 1 a notebook is invalid; 2 bad usage or a missing
package (nbformat), with the command that installs it.
"""
import json
import sys

SETUP = "python3 -m pip install jsonschema nbformat  (or: apt-get install python3-jsonschema python3-nbformat)"

try:
    import nbformat
except ImportError:
    print(f"check-notebook.py: the Python package 'nbformat' is missing; install it with: {SETUP}", file=sys.stderr)
    sys.exit(2)


def check(path):
    nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    nbformat.validate(nb)
    if (nb.nbformat, nb.nbformat_minor) < (4, 5):
        raise ValueError(f"nbformat {nb.nbformat}.{nb.nbformat_minor}, expected 4.5 or later")
    code = [c for c in nb.cells if c.cell_type == "code"]
    markdown = [c for c in nb.cells if c.cell_type == "markdown"]
    if not code or not markdown:
        raise ValueError("expected both markdown and code cells")
    # The result travels in the first code cell that assigns RESULT_JSON.
    holder = next((c for c in code if "RESULT_JSON = r'''" in c.source), None)
    if holder is None:
        raise ValueError("no code cell holds RESULT_JSON")
    text = holder.source.split("RESULT_JSON = r'''", 1)[1].rsplit("'''", 1)[0]
    result = json.loads(text)
    if result.get("schema_version") != "fleetwatt.result/1":
        raise ValueError("embedded result is not fleetwatt.result/1")
    for c in code:
        compile(c.source, f"{path}:cell {c.get('id')}", "exec")
    return len(nb.cells)


def main(argv):
    if not argv:
        print("usage: check-notebook.py NOTEBOOK.ipynb [...]", file=sys.stderr)
        return 2
    failed = 0
    for path in argv:
        try:
            n = check(path)
            print(f"{path}: valid nbformat 4.5 notebook, {n} cells")
        except Exception as e:  # report every notebook, then fail
            print(f"{path}: {type(e).__name__}: {e}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
