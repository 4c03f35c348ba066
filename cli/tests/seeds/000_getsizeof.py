# mode: script. From the seed document 000_870f5e49ba97476d.txt, lines 9-9: its code, unchanged.
sys.getsizeof(obj)
