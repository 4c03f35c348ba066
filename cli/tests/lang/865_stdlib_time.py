# time: struct_time, gmtime/localtime/mktime/strftime/asctime/ctime, sleep, the CPU clocks, timezone, and the error messages
import time
def t(f,*a):
    try: print(repr(f(*a)))
    except Exception as e: print(type(e).__name__, e)
t(time.gmtime, 1e20); t(time.gmtime, 10**18); t(time.gmtime, 10**30); t(time.gmtime, float('nan')); t(time.gmtime,'a'); t(time.gmtime, -1.5); t(time.gmtime, 1.99)
t(time.sleep, -1); t(time.sleep, 'a'); t(time.sleep, float('nan')); t(time.sleep, 10**30); t(time.sleep, 1e300); t(time.sleep, 0); t(time.sleep, 0.001)
t(time.mktime, (2024,1,1,0,0,0,0,1,0)); t(time.mktime, (1,)); t(time.mktime, 5); t(time.mktime, (10**20,1,1,0,0,0,0,1,0)); t(time.mktime, (2024,1,1,0,0,0,0,1,0,'UTC',0))
t(time.strftime, '%Y', (2024,13,1,0,0,0,0,1,0)); t(time.strftime, '%Y', (2024,0,1,0,0,0,0,1,0)); t(time.strftime, 5)
t(time.asctime, (2024,1,1,0,0,0,0,1,0)); t(time.asctime, (2024,0,0,0,0,0,0,0,0)); t(time.strftime, '%Y-%m-%d %j %a %A %b %B', (2024,0,0,0,0,0,0,0,0))
t(time.struct_time, (1,2,3)); t(time.struct_time, (1,2,3,4,5,6,7,8,9,10,11,12)); s=time.struct_time((1,2,3,4,5,6,7,8,9)); print(s, s.tm_zone, s.tm_gmtoff, len(s))
print(time.gmtime(0).tm_zone, time.gmtime(0).tm_gmtoff, time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.n_unnamed_fields)
t(time.strftime, '%Z %z', time.gmtime(0)); t(time.strftime, '%Z %z', (2024,1,1,0,0,0,0,1,0)); t(time.strftime, '%4Y', time.gmtime(10**9)); t(time.strftime, '')
print(time.timezone, time.altzone, time.daylight, time.tzname)
t(time.struct_time, 5); t(time.struct_time, [1]*9); print(type(time.gmtime()), time.struct_time.__module__, time.struct_time.__name__)
t(time.strftime, '%Y', (2024,1,1,0,0,0,0,1,5)); t(time.strftime, '%Y', (2024,1,1,0,0,0,0,1,-5)); t(time.strftime, '%Y', (2024,1,32,0,0,0,0,1,0)); t(time.strftime, '%Y', (2024,1,1,24,0,0,0,1,0)); t(time.strftime, '%Y', (2024,1,1,0,60,0,0,1,0)); t(time.strftime, '%Y', (2024,1,1,0,0,62,0,1,0)); t(time.strftime, '%Y', (2024,1,1,0,0,0,7,1,0)); t(time.strftime, '%Y', (2024,1,1,0,0,0,-1,1,0)); t(time.strftime, '%Y', (2024,1,1,0,0,0,0,367,0)); t(time.strftime, '%Y', (2024,1,1,0,0,0,0,-1,0))
t(time.strftime, '%Y %y', (-5,1,1,0,0,0,0,1,0)); t(time.strftime, '%Y', (10**20,1,1,0,0,0,0,1,0)); t(time.strftime, '%Y', ('a',1,1,0,0,0,0,1,0)); t(time.strftime, '%Y', (1.5,1,1,0,0,0,0,1,0))
print(repr(time.strftime('%%')), time.strftime('%c', (2024,3,5,6,7,8,0,1,0)))
t(time.strftime, '%a', (2024,1,1,0,0,0,-2,1,0)); t(time.strftime, '%Y', (2**31,1,1,0,0,0,0,1,0)); t(time.asctime, (2024,1,1,0,0,0,-9,1,0))
for s in [0, 1, 86399, 951782400, 1700000000, -86400 * 365 * 70, 2**40]:
    g = time.gmtime(s); l = time.localtime(s)
    print(g, tuple(g), g.tm_yday, g.tm_wday, l.tm_zone, l.tm_gmtoff, time.mktime(l), time.asctime(g), time.ctime(s))
    print(time.strftime('%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %w %y %p %I %e %%', g))
g = time.gmtime(1234567890)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, g[0], g[-1], g[1:3], list(g) == list(tuple(g)))
print(time.struct_time(g) == g, isinstance(g, tuple), time.struct_time((2024, 1, 2, 3, 4, 5, 6, 7, 0, 'XYZ', 3600)).tm_zone)
t(time.ctime, "x"); print(type(time.localtime(None)).__name__); t(time.asctime, 5); t(time.asctime, (1, 2))
print(type(time.process_time()).__name__, type(time.process_time_ns()).__name__, time.process_time() >= 0, type(time.thread_time()).__name__)
t(time.time, 1); t(time.process_time, 1); t(time.sleep)
a = time.monotonic(); time.sleep(0.01); print(time.monotonic() - a >= 0.01)
match time.gmtime(0):
    case time.struct_time(tm_year=y, tm_mon=m):
        print('match', y, m)
for v in [1e10, 1e19, -1e300, -1e10, 10**10, 10**19, -10**19, -0.5, True]:
    t(time.sleep, v)
