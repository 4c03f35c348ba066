# mode: script. From the seed document 001_c14b60859c95420e.txt, lines 61-63: its code, unchanged.
@profile 
def mything(...):
    ...
