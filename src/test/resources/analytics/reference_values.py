# Run: python3 reference_values.py (Debian python3-mpmath). Reads /work/shared/data/cdnow/CDNOW_sample.txt
# or pass the copy in src/test/resources/analytics/cdnow/ by editing the path below. The printed values are
# the constants of the analytics model tests; nothing here calls the Java code.
# Independent reference values (mpmath, 40 digits), formulas typed from the papers.
from mpmath import mp, mpf, hyp2f1, loggamma, log, exp, beta
import datetime
mp.dps = 40
r, al, a, b = mpf('0.243'), mpf('4.414'), mpf('0.793'), mpf('2.426')

def ll(x, tx, T):
    x = int(x)
    first = beta(a, b + x) / beta(a, b) * exp(loggamma(r + x) - loggamma(r)) * al**r / (al + T)**(r + x)
    second = 0
    if x > 0:
        second = beta(a + 1, b + x - 1) / beta(a, b) * exp(loggamma(r + x) - loggamma(r)) * al**r / (al + tx)**(r + x)
    return log(first + second)

def palive(x, tx, T):
    if x == 0: return mpf(1)
    return 1 / (1 + a / (b + x - 1) * ((al + T) / (al + tx))**(r + x))

def cond(t, x, tx, T):
    num = (a + b + x - 1) / (a - 1) * (1 - ((al + T) / (al + T + t))**(r + x) * hyp2f1(r + x, b + x, a + b + x - 1, t / (al + T + t)))
    den = 1 + (a / (b + x - 1) * ((al + T) / (al + tx))**(r + x) if x > 0 else 0)
    return num / den

def uncond(t):
    return (a + b - 1) / (a - 1) * (1 - (al / (al + t))**r * hyp2f1(r, b, a + b - 1, t / (al + t)))

# exact CDNOW summary, computed here independently of the Java code
days = {}
for line in open('/work/shared/data/cdnow/CDNOW_sample.txt'):
    f = line.split()
    if not f: continue
    d = datetime.date(int(f[2][:4]), int(f[2][4:6]), int(f[2][6:]))
    days.setdefault(int(f[1]), set()).add(d)
end = datetime.date(1997, 9, 30)
total = mpf(0)
for c, ds in days.items():
    cal = sorted(x for x in ds if x <= end)
    x = len(cal) - 1
    tx = mpf((cal[-1] - cal[0]).days) / 7
    T = mpf((end - cal[0]).days) / 7
    total += ll(x, tx, T)
print('total LL at published params', mp.nstr(total, 15))
for (x, tx, T) in [(0, 0, mpf(272)/7), (2, mpf(213)/7, mpf(272)/7), (7, 35, 38), (1, mpf(12)/7, mpf(200)/7), (20, 30, 32)]:
    print('x', x, 'tx', mp.nstr(tx, 20), 'T', mp.nstr(T, 20), 'LL', mp.nstr(ll(x, tx, T), 17), 'palive', mp.nstr(palive(x, tx, T), 17),
          'E[Y(39)]', mp.nstr(cond(39, x, tx, T), 17), 'E[Y(520)]', mp.nstr(cond(520, x, tx, T), 17))
for t in [1, 10, 39, 78, 1000]:
    print('E[X(%s)]' % t, mp.nstr(uncond(t), 17))
for args in [(1,1,2,'0.3'), (1,1,2,'0.9'), ('0.5','1.25','2.5','0.75'), ('1.243','3.426','3.219','0.95'), ('2.7','1.4','3.3','0.999'),
             ('0.8','2.2','1.7','-0.7'), ('0.8','2.2','1.7','-3'), ('-3','2.5','1.5','0.8'), ('3','4','10','1'),
             ('0.243','2.426','2.219','0.9'), ('20.243','22.426','22.219','0.93'), ('1.5','2.5','4.0005','0.8'), ('0.3','0.4','1.7','0.5')]:
    A, B, C, Z = [mpf(str(v)) for v in args]
    print('2F1', args, mp.nstr(hyp2f1(A, B, C, Z), 20))
# Gamma-Gamma at the note's parameters
p, q, g = mpf('6.25'), mpf('3.74'), mpf('15.44')
def ggll(x, m):
    px = p * x
    return loggamma(px + q) - loggamma(px) - loggamma(q) + q * log(g) + (px - 1) * log(m) + px * log(x) - (px + q) * log(g + x * m)
for (x, m) in [(1, mpf('11.77')), (2, mpf('22.345')), (10, mpf('100'))]:
    print('GG x', x, 'm', m, 'LL', mp.nstr(ggll(x, m), 17), 'E[M]', mp.nstr(p * (g + x * m) / (p * x + q - 1), 17))
# holdout table at the published parameters: actual and predicted mean holdout purchases per x (0..7+)
hold_end = datetime.date(1998, 6, 30)
groups = {}
start = min(min(ds) for ds in days.values())
firsts = {}
for c, ds in days.items():
    cal = sorted(x for x in ds if x <= end)
    x = len(cal) - 1
    tx = mpf((cal[-1] - cal[0]).days) / 7
    T = mpf((end - cal[0]).days) / 7
    xs = len([d for d in ds if end < d <= hold_end])
    g = groups.setdefault(min(x, 7), [0, 0, mpf(0)])
    g[0] += 1; g[1] += xs; g[2] += cond(39, x, tx, T)
    firsts[(cal[0] - start).days] = firsts.get((cal[0] - start).days, 0) + 1
for k in sorted(groups):
    n, act, pred = groups[k]
    print('group', k, n, mp.nstr(mpf(act) / n, 17), mp.nstr(pred / n, 17))
total_days = (hold_end - start).days
pred78 = sum(n * uncond(mpf(total_days - s) / 7) for s, n in firsts.items())
repeats = sum(len([d for d in ds if min(ds) < d <= hold_end]) for ds in days.values())
print('cumulative at holdout end: actual', repeats, 'predicted', mp.nstr(pred78, 17), 'days', total_days)
