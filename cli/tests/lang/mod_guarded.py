"""A module with a main guard: its demo runs only when run as a script."""

def double(x):
    return x * 2

def main():
    print("mod_guarded main ran")

if __name__ == "__main__":
    main()
else:
    print("mod_guarded imported as", __name__)
