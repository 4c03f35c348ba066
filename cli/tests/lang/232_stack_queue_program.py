import sys

stack = []
for ch in "([]{})":
    if ch in "([{":
        stack.append(ch)
    else:
        opener = stack.pop()
        print(opener + ch, end=" ")
print(stack == [])
queue = []
for job in ["a", "b", "c"]:
    queue.append(job)
while queue:
    print("processing", queue.pop(0))
def balanced(text):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = []
    for c in text:
        if c in "([{":
            st.append(c)
        elif c in pairs:
            if not st or st.pop() != pairs[c]:
                return False
    return not st
print([balanced(t) for t in ("()", "([)]", "((", "{[()]}")])
print(sys.getsizeof(stack), sys.getsizeof(queue))
