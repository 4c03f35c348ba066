# mode: cells. From the seed document 003_ea99a0561aad83fe.txt, lines 263-275: its code, unchanged.
# %% line 263
a = "batuhan"
# %% line 264
b = "batuhan"
# %% line 265
assert a is b
# %% line 268
a = "b@tuhan"
# %% line 269
b = "b@tuhan"
# %% line 270
assert a is not b
# %% line 273
a = "batuhan"
# %% line 274
b = "".join(a)
# %% line 275
assert a is not b
