"""Imports mod_counter too: both importers see one module object."""

import mod_counter

def bump_twice():
    mod_counter.bump()
    return mod_counter.bump()
