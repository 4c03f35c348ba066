# mode: script. From the seed document 001_c14b60859c95420e.txt, lines 76-81: its code, unchanged.
from guppy import hpy
hp = hpy()
h1 = hp.heap()
...
h2 = hp.heap()
print h1 - h2
