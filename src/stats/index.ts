// Re-exports of src/stats. Each module adds its own line here.
export { normalPdf, normalCdf, normalSf, normalLogCdf, normalLogSf, normalQuantile, normalIsf } from './normal.js';
export { logGamma } from './logGamma.js';
export { count, sum, mean, variance, standardDeviation, min, max, quantile, quantileSorted, median, medianSorted, summary, summarySorted } from './descriptives.js';
export type { SampleSummary } from './descriptives.js';
export { sortFloat64, sortFloat64InPlace } from './sortFloat64.js';
export { fisherExact } from './fisherExact.js';
export type { FisherExactResult } from './fisherExact.js';
export { logBinomialPmf, logHypergeometricPmf } from './binomialDensity.js';
export { mergeRanks, tieGroups } from './mergeRanks.js';
export type { MergeRanksResult, TieGroups } from './mergeRanks.js';
export { mannWhitneyNullHalf, mannWhitneyExactTiesDistribution } from './mannWhitneyExact.js';
export type { MannWhitneyNullHalf } from './mannWhitneyExact.js';
export { mannWhitney, mannWhitneySorted, chooseMannWhitneyMethod } from './mannWhitney.js';
export type { MannWhitneyOptions, MannWhitneyResult, MannWhitneyAlternative, MannWhitneyMethod } from './mannWhitney.js';
export { riemannZeta } from './zeta.js';
export { regularizedGammaP, regularizedGammaQ, logRegularizedGammaP, logRegularizedGammaQ, logUpperIncompleteGamma, logIncompleteGammaPrefix } from './incompleteGamma.js';
export { logBeta, logGammaRatio, stirlingCorrection, log1pmx, logBetaPrefixAtMean } from './logBeta.js';
export { logIncompleteBeta, logRegularizedIncompleteBeta } from './logIncompleteBeta.js';
