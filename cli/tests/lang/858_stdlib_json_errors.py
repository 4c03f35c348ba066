# json.JSONDecodeError: CPython's messages, positions, lines and columns for each kind of bad
# document, and the TypeError of a document that is not text.
import json

bad = ['', '[1,]', '{"a":1,}', '{1:2}', '{"a" 1}', '[1 2]', '"abc', '"a\x01"', '"\\x"',
       '"\\u12"', '"\\u12zz"', '[1] x', 'nul', '-', '1.', '01', '{"a":1', '[', '\ufeff[]',
       '  \n  [1,\n  }', '{"a": tru}', '[1, 2', '"\\ud800\\u12"', '{"a"', '[-]', '1e']
for doc in bad:
    try:
        print(repr(json.loads(doc)))
    except json.JSONDecodeError as e:
        print(repr(doc), "->", e)
        print("   ", e.msg, e.pos, e.lineno, e.colno, e.doc == doc)
print(issubclass(json.JSONDecodeError, ValueError), json.JSONDecodeError.__module__)
for doc in [3, None, ["[]"]]:
    try:
        json.loads(doc)
    except TypeError as e:
        print("TypeError", e)
