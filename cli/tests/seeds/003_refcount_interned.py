# mode: script. From the seed document 003_ea99a0561aad83fe.txt, lines 35-43: its code, unchanged.
import sys

name = "batuhan"
myname = "batuhan"
ourname = "batuhan"

del name

print(sys.getrefcount("batuhan"))
