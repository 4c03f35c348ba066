def fetch(url):
    raise ConnectionError(f"cannot reach {url}")

def fetch_with_log(url):
    try:
        return fetch(url)
    except ConnectionError:
        print("logging failure for", url)
        raise

fetch_with_log("example.invalid")
