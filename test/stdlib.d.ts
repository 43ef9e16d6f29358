declare module '@stdlib/stats-base-dists-normal-cdf' { const f: (x: number, mu: number, sigma: number) => number; export default f; }
declare module '@stdlib/stats-base-dists-normal-quantile' { const f: (p: number, mu: number, sigma: number) => number; export default f; }
declare module '@stdlib/math-base-special-gammaln' { const f: (x: number) => number; export default f; }
declare module '@stdlib/math-base-special-erfc' { const f: (x: number) => number; export default f; }
