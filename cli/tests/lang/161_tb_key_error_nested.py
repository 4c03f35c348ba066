config = {
    "server": {"host": "localhost", "port": 8080},
    "client": {"retries": 3},
}
print(config["server"]["port"])
print(config["client"]["retries"])
print(config["client"].get("timeout", "no timeout"))
print(sorted(config))
timeout = config["client"]["timeout"]
print(timeout)
