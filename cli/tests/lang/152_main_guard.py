import mod_guarded

def main():
    print("this script's main, __name__ =", __name__)
    print(mod_guarded.double(21))

if __name__ == "__main__":
    main()
print(mod_guarded.__name__, callable(mod_guarded.main))
import sys
print(sys.modules[__name__] is sys.modules["__main__"])
