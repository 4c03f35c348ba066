# mode: script. From the seed document 003_ea99a0561aad83fe.txt, lines 397-398: its code, unchanged.
import sys
sys._debugmallocstats()
