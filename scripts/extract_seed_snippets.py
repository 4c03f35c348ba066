"""Extracts the code snippets of the seed documents (../shared/seeds/) into cli/tests/seeds/.

Each snippet becomes one file that cli/tests/seeds_transcript.rs runs in pyrt and in CPython. A
program listing (mode `script`) is run as a script. A notebook's cells and a REPL session (mode
`cells`, one cell per `# %%` line) run as a notebook runs them: one namespace, each cell
compiled alone, its last line shown when it is an expression; a REPL compiles each `>>> ` line
alone, so each is a cell. The code lines are the documents' own, unchanged; only the listing
decorations are taken off (a listing's line numbers, a block's four-space indent, the prompt).
The table below says where each snippet is; the blocks it leaves out are C declarations and
diagrams, not Python.

Run from the repository root: python3 scripts/extract_seed_snippets.py [SEEDS_DIR]
"""

import pathlib
import re
import sys

DOCS = {
    "000": "000_870f5e49ba97476d.txt",
    "001": "001_c14b60859c95420e.txt",
    "002": "002_3024cb8b3702c5ce.txt",
    "003": "003_ea99a0561aad83fe.txt",
    "004": "004_269e091e21bd6fd1.txt",
}

# (file name, document, kind, cells as inclusive line ranges of the document). Notebooks (002,
# 004) and REPL sessions are run as cells; the other snippets are programs, run as scripts.
SNIPPETS = [
    ("000_getsizeof", "000", "plain", [(9, 9)]),
    ("000_slots_class", "000", "plain", [(39, 47)]),
    ("001_getsizeof", "001", "indented", [(18, 18)]),
    ("001_memory_profiler", "001", "indented", [(61, 63)]),
    ("001_heapy", "001", "indented", [(76, 81)]),
    ("002_reducing_footprint", "002", "plain", [
        (6, 9), (22, 23), (34, 34), (48, 56), (73, 73), (89, 95), (98, 101), (124, 124),
        (142, 143), (148, 148), (158, 161), (202, 204), (211, 213), (226, 229),
    ]),
    ("003_cycle_collect", "003", "numbered", [(24, 31)]),
    ("003_refcount_interned", "003", "numbered", [(35, 43)]),
    ("003_tracemalloc_top10", "003", "numbered", [(49, 56)]),
    ("003_string_interning", "003", "repl", [(263, 275)]),
    ("003_small_ints", "003", "repl", [(292, 297)]),
    ("003_getrefcount", "003", "numbered", [(316, 322)]),
    ("003_gc_disable", "003", "plain", [(355, 369)]),
    ("003_tracemalloc_traceback", "003", "plain", [(379, 391)]),
    ("003_debugmallocstats", "003", "plain", [(397, 398)]),
    ("004_memory_allocations", "004", "plain", [
        (23, 29), (32, 33), (36, 81), (157, 178), (205, 227),
    ]),
]


def cells_of(lines, kind, first, last):
    """The cells of lines first..last (1-based, inclusive), decorations taken off, each with
    the document line it starts at."""
    block = lines[first - 1:last]
    if kind == "numbered":
        return [(first, [re.sub(r"^\d+ ?", "", line, count=1) for line in block])]
    if kind == "indented":
        return [(first, [line[4:] if line.startswith("    ") else line.strip()
                         for line in block])]
    if kind == "repl":
        return [(first + i, [line[4:]]) for i, line in enumerate(block)
                if line.startswith(">>> ")]
    return [(first, block)]


def main():
    seeds = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/seeds")
    out = pathlib.Path("cli/tests/seeds")
    out.mkdir(parents=True, exist_ok=True)
    for name, doc, kind, ranges in SNIPPETS:
        lines = (seeds / DOCS[doc]).read_text().split("\n")
        mode = "cells" if kind == "repl" or doc in ("002", "004") else "script"
        text = [f"# mode: {mode}. From the seed document {DOCS[doc]}, lines "
                f"{ranges[0][0]}-{ranges[-1][1]}: its code, unchanged."]
        for first, last in ranges:
            for start, cell in cells_of(lines, kind, first, last):
                if mode == "cells":
                    text.append(f"# %% line {start}")
                text.extend(cell)
        (out / f"{name}.py").write_text("\n".join(text) + "\n")
    print(f"{len(SNIPPETS)} snippets written to {out}")


main()
