# time with logging: a Formatter whose converter is time.gmtime (the functions do not bind as methods), %(asctime)s and datefmt
import time, logging, sys
class F(logging.Formatter):
    converter = time.gmtime
r = logging.LogRecord('x', logging.INFO, 'p', 1, 'msg %s', ('a',), None)
r.created = 1700000000.25; r.msecs = 250.0
print(F('%(asctime)s %(message)s').format(r))
print(F('%(asctime)s|%(message)s', datefmt='%Y/%m/%d %H-%M').format(r))
print(time.gmtime, time.localtime.__name__, time.strftime.__name__)
class G:
    conv = time.localtime
print(type(G().conv(0)).__name__)
