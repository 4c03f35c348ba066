# mode: script. From the seed document 003_ea99a0561aad83fe.txt, lines 316-322: its code, unchanged.
import sys

a = 2018
b = [2018]
c = dict(a=2017, b=2018, c=2019)

sys.getrefcount(a)
