log = []

def t(name, value=None):
    log.append(name)
    return value if value is not None else name

log.clear(); v = t("a", 1) + t("b", 2) * t("c", 3); print(log, v)
log.clear(); d = {t("k1"): t("v1"), t("k2"): t("v2")}; print(log)
log.clear(); t("f", print)(t("arg1"), t("arg2"), sep=t("sep", " ")); print(log)
log.clear(); x = [t("l1"), t("l2")][t("idx", 0)]; print(log, x)
log.clear(); t("cond", 1) and t("then") or t("else"); print(log)
log.clear(); r = t("yes") if t("test", 1) else t("no"); print(log, r)
log.clear()
store = {}
store[t("key")] = t("value")
print(log)
log.clear()
obj = type("O", (), {})()
t("o", obj).attr = t("rhs")
print(log, obj.attr)
