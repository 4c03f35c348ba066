# The layers under an object: pymalloc's pools for blocks of up to 512 bytes, the raw
# allocator (malloc) above that, which hands huge blocks to mmap; sys.getallocatedblocks()
# counts both kinds of block, only pymalloc groups them by size class.
import sys

def allocate(size, count):
    """`count` bytes objects of `size` bytes of data, and how many blocks that took (with an
    int or two of the measure's own: its first count, the loop's last counter)."""
    keep = [None] * count
    before = sys.getallocatedblocks()
    for i in range(count):
        keep[i] = bytes(size)
    return keep, sys.getallocatedblocks() - before

allocate(100, 2)  # a first call, so that nothing is made once during the measures
for label, size, count in [("small", 100, 5000), ("large", 2000, 10), ("huge", 10**8, 1)]:
    start = sys.getallocatedblocks()
    keep, blocks = allocate(size, count)
    block = sys.getsizeof(keep[0])
    if block <= 512:
        size_class = (block - 1) // 16
        layer = f"pymalloc, size class {size_class} ({(size_class + 1) * 16}-byte blocks in 16 KiB pools)"
    elif block < 128 * 1024:
        layer = "the raw allocator: malloc's heap"
    else:
        layer = "the raw allocator: malloc hands it to mmap"
    print(f"{label:>5}: {count:>4} x bytes({size}), {block} bytes each -> {layer}")
    print(f"       sys.getallocatedblocks(): +{blocks}")
    del keep
    print(f"       after del keep, back to the start: {abs(sys.getallocatedblocks() - start) <= 4}")
