# mode: cells. From the seed document 003_ea99a0561aad83fe.txt, lines 292-297: its code, unchanged.
# %% line 292
a = 200
# %% line 293
b = 200
# %% line 294
assert a is b
# %% line 295
a = 270
# %% line 296
b = 270
# %% line 297
assert a is not b
