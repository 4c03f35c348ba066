"""Classes made by type() and a class statement in an imported module (corpus 606)."""
K = type("K", (), {})


class L:
    pass


def make(ns):
    return type("Made", (), ns)
