"""Reference values for src/stats/normal.ts and logGamma.ts, computed with scipy (run offline; the
output is committed as test/fixtures/special-functions.json so tests never need Python)."""
import json, numpy as np, scipy, scipy.special as sp, scipy.stats as st
z = sorted(set([round(v, 6) for v in np.concatenate([np.linspace(-10, 10, 201), np.linspace(10, 40, 121), [2.4999, 2.5, 2.5001, 37.5, 38, 38.5, 39]])]))
p_low = [float(v) for v in np.logspace(-300, np.log10(0.5), 400)]
p_mid = [float(v) for v in np.linspace(0.001, 0.999, 201)]
p_high = [float(1 - v) for v in np.logspace(-16, -1, 60)]
ps = sorted(set(p_low + p_mid + p_high + [0.5 + 1e-12, 0.5 - 1e-12, 0.25, 0.75, 0.24999, 0.75001]))
x = sorted(set([float(v) for v in np.concatenate([np.logspace(-10, 7, 300), np.linspace(0.5, 3, 51), -np.linspace(0.1, 20.9, 53)])]))
out = {
  "source": f"scipy {scipy.__version__}: scipy.stats.norm.sf/logsf/ppf, scipy.special.gammaln",
  "sf": [[float(v), float(st.norm.sf(v)), float(st.norm.logsf(v))] for v in z],
  "ppf": [[p, float(st.norm.ppf(p)), float(st.norm.isf(p))] for p in ps],
  "gammaln": [[v, float(sp.gammaln(v))] for v in x],
}
json.dump(out, open("test/fixtures/special-functions.json", "w"))
print(len(out["sf"]), len(out["ppf"]), len(out["gammaln"]))
