# Malformed hexadecimal, octal and binary literals: the tokenizer's message and caret.
sources = [
    "x = 0b2", "x = 0o9", "x = 0x", "x = 0b", "x = 0o", "x = 0xg", "x = 0b1_", "x = 0b_",
    "x = 0b12", "x = 0o78 + 1", "x = 0B", "x = 0b1a", "x = 0x1fz", "y = 1\nx = [0b101, 0o8]",
    "s = '0b2' # 0b2\nx = 0x_ff + 0O17 + 0b_1",
]
for src in sources:
    try:
        compile(src, "<lit>", "exec")
        print(repr(src), "compiles")
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset)
