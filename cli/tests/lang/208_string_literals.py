print('single', "double", '''triple
line''', """also "quoted" """)
print(r"raw \n stays", "tab\there", "newline\\n escaped")
print("implicit " "concatenation " 'works')
print("\x41\u00e9\N{GREEK SMALL LETTER ALPHA}\U0001F600".encode("utf-8"))
print(len("\N{SNOWMAN}"), "\101", "\0".encode())
print(b"bytes\x00\xff", rb"raw\bytes", br"\d")
print(f"{'f'}" "plain" f"{1 + 1}")
long_text = (
    "first part, "
    "second part"
)
print(long_text)
print("it's", 'say "hi"', "back\\slash", '\'', "\"")
print(repr("\t\n\r"), repr("'"), repr('"'), repr("'\""))
