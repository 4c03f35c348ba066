# mode: script. From the seed document 003_ea99a0561aad83fe.txt, lines 24-31: its code, unchanged.
import gc

my_list = []
my_list.append(my_list)

del my_list

gc.collect()
