import sys

try:
    import extra_tool
except ModuleNotFoundError as e:
    print("before sys.path change:", e)
sys.path.append("mod_extra")
import extra_tool
print(extra_tool.triple(14), extra_tool.LOADED_FROM)
print(extra_tool.__name__, "extra_tool" in sys.modules)
print(sys.path[-1])
import extra_tool as again
print(again is extra_tool)
sys.path.remove("mod_extra")
print("mod_extra" in sys.path)
