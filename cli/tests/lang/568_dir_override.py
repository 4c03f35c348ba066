# A class's own __dir__ decides dir() of its instances; dir() sorts whatever it returns.
class Config:
    def __init__(self, **options):
        self._options = options

    def __dir__(self):
        return list(self._options) + ["reload"]

    def __getattr__(self, name):
        try:
            return self._options[name]
        except KeyError:
            raise AttributeError(name) from None


cfg = Config(port=8080, host="localhost", debug=True)
print(dir(cfg))
print(cfg.port, cfg.host, type(dir(cfg)).__name__)


class Tuples:
    def __dir__(self):
        return ("b", "a", "c")


print(dir(Tuples()))
print(len(dir(Config)), "__dir__" in dir(Config))
