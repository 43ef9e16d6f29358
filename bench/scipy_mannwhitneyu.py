"""Times scipy.stats.mannwhitneyu on the sizes of bench/mannWhitney.bench.ts; writes bench/results/scipy.json.

Data as in the TypeScript benchmark: continuous normal values (x shifted by 0.01) and lognormal latencies
(median 100 ms, sigma 0.4) rounded to 2 decimals (heavy ties). method='auto' (asymptotic at these sizes).
Run: python3 bench/scipy_mannwhitneyu.py [--quick]
"""
import json
import os
import platform
import sys
import time

import numpy as np
import scipy
from scipy.stats import mannwhitneyu

QUICK = '--quick' in sys.argv
SIZES = [10_000, 100_000] if QUICK else [10_000, 100_000, 1_000_000]


def data(kind, n, rng):
    if kind == 'continuous':
        return rng.standard_normal(n) + 0.01, rng.standard_normal(n)
    x = np.round(101 * np.exp(0.4 * rng.standard_normal(n)), 2)
    y = np.round(100 * np.exp(0.4 * rng.standard_normal(n)), 2)
    return x, y


def main():
    rng = np.random.default_rng(1)
    results = []
    for n in SIZES:
        for kind in ('continuous', 'rounded'):
            x, y = data(kind, n, rng)
            mannwhitneyu(x, y)  # warm-up
            reps = 7 if n >= 1_000_000 else 21
            times = []
            for _ in range(reps):
                t = time.perf_counter()
                mannwhitneyu(x, y)
                times.append((time.perf_counter() - t) * 1000)
            times.sort()
            res = mannwhitneyu(x, y)
            results.append({'n': n, 'data': kind, 'median_ms': times[len(times) // 2], 'min_ms': times[0],
                            'reps': reps, 'statistic': float(res.statistic), 'pvalue': float(res.pvalue)})
            print(f"n = m = {n:>8} {kind:<11} median {times[len(times) // 2]:9.2f} ms  (min {times[0]:.2f})")
    out = {
        'scipy': scipy.__version__, 'numpy': np.__version__, 'python': platform.python_version(),
        'cpus': os.cpu_count(), 'machine': platform.processor() or platform.machine(),
        'quick': QUICK, 'results': results,
    }
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(os.path.join(here, 'results'), exist_ok=True)
    with open(os.path.join(here, 'results', 'scipy.quick.json' if QUICK else 'scipy.json'), 'w') as f:
        json.dump(out, f, indent=2)
        f.write('\n')


if __name__ == '__main__':
    main()
