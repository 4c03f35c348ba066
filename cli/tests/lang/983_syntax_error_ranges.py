# The range a SyntaxError marks (offset..end_offset) as CPython 3.12's parser gives it: a
# generic "invalid syntax" spans the whole token it stopped at; Python 2's print/exec
# statement spans the name and the expressions after it; two expressions in brackets with no
# comma between them span both. traceback draws one caret per character of the range.
import traceback

cases = [
    "def f(...):\n    pass\n", "for x in range(3) print(x)\n", "while True print(1)\n",
    "return return\n", "x ++= 1\n", "foo bar baz\n", "class C(...): pass\n",
    "print h1 - h2\n", "print 'hello'\n", "print x, y; z = 1\n", "exec 'code'\n",
    "x = print y\n", "if True:\n    print x\n", "print >>f, x\n", "prints x\n",
    "f(a b)\n", "x = [1, 2 3]\n", "g(1, x + 2 y * 3)\n", "h(k=a b)\n", "x = 5 6\n",
    "def f(a, a b): pass\n", "x = 'abc' 'd' e\n", "f(print x)\n", "import a b\n",
    "print -1 2\n", "f(a, *b c)\n", "f(a b, print x)\n", "y = print + 1 2\n",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print(repr(src), "compiles")
    except SyntaxError as e:
        print(repr(src), "->", e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset))
        print("".join(traceback.format_exception_only(type(e), e)), end="")
