# The layers under an object: pymalloc's pools for blocks of up to 512 bytes, the raw
# allocator (malloc) above that, which hands huge blocks to mmap; sys.getallocatedblocks()
# counts both kinds of block, only pymalloc groups them by size class. A bytes object is one
# block (header and data together); a bytearray is two: its 56-byte object, and its buffer.
import sys

def allocate(kind, size, count):
    """`count` objects `kind(size)`, and how many blocks that took (with an int or two of the
    measure's own: its first count, the loop's last counter)."""
    keep = [None] * count
    before = sys.getallocatedblocks()
    for i in range(count):
        keep[i] = kind(size)
    return keep, sys.getallocatedblocks() - before

allocate(bytes, 100, 2)  # a first call, so that nothing is made once during the measures
for label, kind, size, count in [("small", bytes, 100, 5000), ("large", bytes, 2000, 10),
                                 ("huge", bytearray, 10**8, 1)]:
    start = sys.getallocatedblocks()
    keep, blocks = allocate(kind, size, count)
    block = sys.getsizeof(keep[0])
    if block <= 512:
        size_class = (block - 1) // 16
        layer = f"pymalloc, size class {size_class} ({(size_class + 1) * 16}-byte blocks in 16 KiB pools)"
    elif block < 128 * 1024:
        layer = "the raw allocator: malloc's heap"
    else:
        layer = "the raw allocator: malloc hands it to mmap"
    print(f"{label:>5}: {count:>4} x {kind.__name__}({size}), {block} bytes each -> {layer}")
    print(f"       sys.getallocatedblocks(): +{blocks}")
    del keep
    print(f"       after del keep, back to the start: {abs(sys.getallocatedblocks() - start) <= 4}")
