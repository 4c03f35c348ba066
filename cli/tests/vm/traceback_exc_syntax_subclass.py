# SyntaxError instances raised at run time print their own location: the file and line, the
# text without its indentation and carets from offset to end_offset (one caret for a
# subclass, whose end CPython does not read), then the bare msg.
class ConfigSyntax(SyntaxError):
    pass


def parse_config(line, number):
    if "==" in line:
        column = line.index("==") + 1
        raise ConfigSyntax("double equals", ("app.cfg", number, column, line, number, column + 2))
    return line.split("=")


try:
    parse_config("    key == value\n", 7)
except ConfigSyntax as e:
    print(e, "|", e.msg, e.offset, e.end_offset, repr(e.text))
    raise SyntaxError("bad config", ("app.cfg", 7, 9, "    key == value\n", 7, 11))
