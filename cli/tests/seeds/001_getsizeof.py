# mode: script. From the seed document 001_c14b60859c95420e.txt, lines 18-18: its code, unchanged.
sys.getsizeof(obj)
