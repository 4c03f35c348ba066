def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)

secret = caesar("Hello, World!", 3)
print(secret, caesar(secret, -3))
def is_palindrome(s):
    cleaned = [c.lower() for c in s if c.isalnum()]
    return cleaned == cleaned[::-1]
print([is_palindrome(s) for s in ("Racecar", "A man, a plan, a canal: Panama", "pyrt")])
print("hello world".title().swapcase(), "a-b-c".partition("-"), "a-b-c".rpartition("-"))
print(" x ".strip(), "xxhixx".strip("x"), "prefix_name".removeprefix("prefix_"))
print("CamelCaseWord".casefold(), "abc".translate(str.maketrans("ab", "AB")))
vowels = sum(1 for c in "memory lessons" if c in "aeiou")
print(vowels)
