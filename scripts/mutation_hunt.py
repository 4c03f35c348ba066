#!/usr/bin/env python3
"""Crash hunt of the data model: random programs whose `__eq__`, `__hash__`, `__lt__`,
`__del__` and sort keys mutate the containers being compared, hashed or sorted.

Each generated program builds a few lists, dicts and sets of "mutator" objects whose special
methods run a random action on a random container (clear it, append, pop, insert, delete a
key, run gc.collect(), raise), then runs random operations on those containers (lookups,
inserts, deletes, update, ==, <, copy, set algebra, index/count/remove, sort with key, sorted,
min/max, fromkeys, del of items). Every operation is wrapped in try/except and prints its
result or its exception's type and message (addresses scrubbed), so that the output can be
compared with CPython's.

Usage: scripts/mutation_hunt.py [--seed N] [--count N] [--pyrt PATH] [--python PATH]
       [--keep DIR] [--valgrind]   (MUTATION_HUNT_VALGRIND_ARGS: more valgrind arguments)

A program is a finding when pyrt dies of a signal, panics, exits with another status than
CPython, hangs (10 s) or prints something else. Findings are written to --keep (default
/tmp/mutation_hunt) with both outputs. With --valgrind every program also runs under
`valgrind --error-exitcode=99` (slow: use a small --count).
"""

import argparse
import os
import random
import subprocess
import sys

PRELUDE = '''import gc
def scrub(text):
    parts = text.split("0x")
    return "0x?".join([parts[0]] + [p.lstrip("0123456789abcdef") for p in parts[1:]])
def out(label, f):
    try:
        r = f()
        if isinstance(r, (list, tuple)):
            r = [x if isinstance(x, (int, str)) else type(x).__name__ for x in r]
        elif isinstance(r, (set, frozenset, dict)):
            r = (type(r).__name__, len(r))
        elif not isinstance(r, (int, str, bool, type(None))):
            r = type(r).__name__
        print(label, r)
    except Exception as e:
        print(label, type(e).__name__, scrub(str(e)))
C = {}
class M:
    def __init__(self, v, h, act_eq=None, act_hash=None, act_lt=None, act_del=None, eq=None):
        self.v, self.h = v, h
        self.act_eq, self.act_hash, self.act_lt, self.act_del = act_eq, act_hash, act_lt, act_del
        self.eq = eq
    def fire(self, name):
        a = getattr(self, name)
        if a is not None:
            setattr(self, name, None)
            a()
    def __eq__(self, o):
        self.fire("act_eq")
        if self.eq is not None:
            return self.eq
        return isinstance(o, M) and self.v == o.v
    def __hash__(self):
        self.fire("act_hash")
        return self.h
    def __lt__(self, o):
        self.fire("act_lt")
        return self.v < (o.v if isinstance(o, M) else o)
    def __repr__(self):
        return f"M({self.v})"
    def __del__(self):
        a = self.act_del
        self.act_del = None
        if a is not None:
            a()
def setitem(c, k, v):
    c[k] = v
def delitem(c, k):
    del c[k]
def iadd(a, b):
    a += b
    return a
def key_of(act):
    fired = []
    def key(x):
        if not fired:
            fired.append(1)
            act()
        return x.v if isinstance(x, M) else x
    return key
'''

ACTIONS = [
    "C['{c}'].clear()",
    "C['{c}'].append(M(99, 1))",
    "C['{c}'].pop()",
    "C['{c}'].extend([M(i, 1) for i in range(20)])",
    "C['{c}'].insert(0, M(-1, 1))",
    "C['{c}'].reverse()",
    "setitem(C['{c}'], slice(None), [])",
    "setitem(C['{c}'], M(77, 1), 0)",
    "C['{c}'].update({{i: i for i in range(30)}})",
    "C['{c}'].popitem()",
    "C['{c}'].add(M(55, 1))",
    "C['{c}'].update(range(40))",
    "C['{c}'].discard(next(iter(C['{c}'])))",
    "gc.collect()",
    "setitem(C, '{c}', type(C['{c}'])())",
    "(_ for _ in ()).throw(ValueError('action'))",
    "C['{c}'].sort()",
]

# What each action needs of the container (the method must exist on its type).
def applicable(action, kind):
    needs = {
        "append": "list", "extend": "list", "insert": "list", "reverse": "list",
        "slice(None)": "list", "sort()": "list", "M(77, 1), 0": "dict", "popitem": "dict",
        ".add(": "set", "discard": "set",
    }
    for word, k in needs.items():
        if word in action:
            return kind == k
    if ".update(range" in action:
        return kind == "set"
    if ".update({" in action:
        return kind == "dict"
    if ".pop()" in action:
        return kind in ("list", "set")
    return True

OPS = {
    "list": [
        "{a}.index({m})", "{a}.count({m})", "{a}.remove({m})", "{m} in {a}",
        "{a} == {b}", "{a} < {b}", "{a} >= {b}", "{a}.sort()", "{a}.sort(reverse=True)",
        "{a}.sort(key=key_of(lambda: {act}))", "sorted({a}, key=key_of(lambda: {act}))",
        "min({a})", "max({a})", "min({a}, key=key_of(lambda: {act}))", "tuple({a}) == tuple({b})",
        "{a}.clear()", "delitem({a}, slice(0, 2))", "setitem({a}, slice(0, 3), [{m}])",
        "{a} + {b}", "{a} * 2", "list(reversed({a}))", "{a}.copy()", "set({a})", "dict.fromkeys({a})",
        "{a}.pop(0)", "iadd({a}, {b})",
    ],
    "dict": [
        "{a}[{m}]", "{a}.get({m})", "{m} in {a}", "{a}.pop({m}, 0)", "{a}.setdefault({m}, 1)",
        "setitem({a}, {m}, 2)", "delitem({a}, {m})", "{a} == {b}", "{a}.update({b})",
        "dict({a})", "{a}.copy()", "{a} | {b}", "set({a})", "dict.fromkeys({a})",
        "{a}.keys() & {b}.keys()", "{a}.items() == {b}.items()", "list({a}.values())",
        "{a}.keys() - {b}.keys()", "{{**{a}}}", "{a}.clear()", "{a}.popitem()",
    ],
    "set": [
        "{m} in {a}", "{a}.add({m})", "{a}.discard({m})", "{a}.remove({m})", "{a} | {b}",
        "{a} & {b}", "{a} - {b}", "{a} ^ {b}", "{a} == {b}", "{a} <= {b}", "{a}.isdisjoint({b})",
        "{a}.update({b})", "{a}.intersection_update({b})", "{a}.difference_update({b})",
        "{a}.symmetric_difference_update({b})", "frozenset({a})", "{a}.copy()", "{a}.pop()",
        "sorted({a}, key=key_of(lambda: {act}))", "{a}.issuperset({b})", "{a}.clear()",
    ],
}


class Gen:
    def __init__(self, rng):
        self.rng = rng
        self.containers = []  # (name, kind)

    def action(self, in_eq=False):
        r = self.rng
        for _ in range(20):
            name, kind = r.choice(self.containers)
            a = r.choice(ACTIONS)
            # CPython 3.12.1 itself goes wrong when a dict is cleared by a key's __eq__ during
            # an insertion (insertdict then writes a str-keyed table's entries as a general
            # table's: later lookups miss keys), so such programs cannot be compared.
            if in_eq and kind == "dict" and a == "C['{c}'].clear()":
                continue
            if applicable(a, kind):
                return a.format(c=name)
        return "gc.collect()"

    def mutator(self, v):
        r = self.rng
        h = r.choice([1, 1, 2, v, -1, 2**61, 0])
        acts = {}
        for hook in ("act_eq", "act_hash", "act_lt", "act_del"):
            if r.random() < 0.3:
                acts[hook] = f"lambda: {self.action(in_eq=hook == 'act_eq')}"
        eq = r.choice(["None", "None", "True", "False"])
        args = "".join(f", {k}={v}" for k, v in acts.items())
        return f"M({v}, {h}{args}, eq={eq})"

    def program(self):
        r = self.rng
        lines = [PRELUDE]
        n = r.randint(2, 4)
        for i in range(n):
            kind = r.choice(["list", "dict", "set"])
            self.containers.append((f"c{i}", kind))
        # Create all containers empty first so that actions can name any of them.
        for name, kind in self.containers:
            lines.append(f"C['{name}'] = {kind}()")
        for name, kind in self.containers:
            size = r.randint(0, 8)
            for j in range(size):
                m = self.mutator(j)
                if kind == "list":
                    lines.append(f"C['{name}'].append({m})")
                elif kind == "dict":
                    lines.append(f"out('fill', lambda: setitem(C['{name}'], {m}, {j}))")
                else:
                    lines.append(f"out('fill', lambda: C['{name}'].add({m}))")
        for k in range(r.randint(3, 10)):
            name, kind = r.choice(self.containers)
            others = [c for c, kd in self.containers if kd == kind and c != name] or [name]
            b = r.choice(others)
            op = r.choice(OPS[kind])
            expr = op.format(a=f"C['{name}']", b=f"C['{b}']", m=self.mutator(100 + k),
                             act=self.action())
            lines.append(f"out({k}, lambda: {expr})")
            lines.append(f"out('len', lambda: [len(C[c]) for c in sorted(C)])")
        lines.append("C.clear()")
        lines.append("gc.collect()")
        lines.append("print('end')")
        return "\n".join(lines) + "\n"


def run(cmd, path, timeout=10):
    try:
        p = subprocess.run(cmd + [path], capture_output=True, timeout=timeout)
        return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")
    except subprocess.TimeoutExpired:
        return "timeout", "", ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=200)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--pyrt", default=os.path.join(here, "..", "target", "debug", "pyrt"))
    ap.add_argument("--python", default="python3.12")
    ap.add_argument("--keep", default="/tmp/mutation_hunt")
    ap.add_argument("--valgrind", action="store_true")
    args = ap.parse_args()
    os.makedirs(args.keep, exist_ok=True)
    env_py = [args.python]
    os.environ["PYENV_VERSION"] = "3.12.1"
    pyrt = [args.pyrt, "run"]
    if args.valgrind:
        # Extra arguments (a suppression file, say) from MUTATION_HUNT_VALGRIND_ARGS.
        extra = os.environ.get("MUTATION_HUNT_VALGRIND_ARGS", "").split()
        pyrt = ["valgrind", "-q", "--error-exitcode=99", "--leak-check=no"] + extra + pyrt
    found = 0
    for i in range(args.count):
        seed = args.seed * 100003 + i
        prog = Gen(random.Random(seed)).program()
        path = os.path.join(args.keep, f"case_{seed}.py")
        with open(path, "w") as f:
            f.write(prog)
        rc_c, out_c, _ = run(env_py, path)
        if rc_c == "timeout":
            os.remove(path)
            continue
        rc_p, out_p, err_p = run(pyrt, path, timeout=60 if args.valgrind else 10)
        crash = rc_p == "timeout" or (isinstance(rc_p, int) and rc_p < 0) or "panicked" in err_p \
            or rc_p == 99
        if crash or rc_p != rc_c or out_p != out_c:
            found += 1
            kind = "CRASH" if crash else "DIFF"
            print(f"{kind} seed={seed} pyrt rc={rc_p} cpython rc={rc_c}: {path}")
            with open(path + ".pyrt.out", "w") as f:
                f.write(out_p + "\n--- stderr\n" + err_p)
            with open(path + ".cpython.out", "w") as f:
                f.write(out_c)
        else:
            os.remove(path)
    print(f"{args.count} programs, {found} findings")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
