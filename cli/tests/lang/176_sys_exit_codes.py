import sys

def main():
    print("doing work")
    try:
        sys.exit(5)
    except SystemExit as e:
        print("caught SystemExit", e.code)
    print("really exiting with 3 now")
    sys.exit(3)

if __name__ == "__main__":
    main()
print("not reached")
