// Re-exports of src/sequential. Each module adds its own line here.
export { normalLogMixture } from './normalLogMixture.js';
export type { NormalLogMixtureOptions } from './normalLogMixture.js';
export { normalMixtureBound } from './normalMixtureBound.js';
export type { NormalMixtureBoundOptions } from './normalMixtureBound.js';
export { gammaExponentialLogMixture } from './gammaExponentialLogMixture.js';
export type { GammaExponentialLogMixtureOptions } from './gammaExponentialLogMixture.js';
export { gammaExponentialMixtureBound } from './gammaExponentialMixtureBound.js';
export type { GammaExponentialMixtureBoundOptions } from './gammaExponentialMixtureBound.js';
export { gammaPoissonLogMixture } from './gammaPoissonLogMixture.js';
export type { GammaPoissonLogMixtureOptions } from './gammaPoissonLogMixture.js';
export { gammaPoissonMixtureBound } from './gammaPoissonMixtureBound.js';
export type { GammaPoissonMixtureBoundOptions } from './gammaPoissonMixtureBound.js';
export { betaBinomialLogMixture } from './betaBinomialLogMixture.js';
export type { BetaBinomialLogMixtureOptions } from './betaBinomialLogMixture.js';
export { betaBinomialMixtureBound } from './betaBinomialMixtureBound.js';
export type { BetaBinomialMixtureBoundOptions } from './betaBinomialMixtureBound.js';
export { polyStitchingBound } from './polyStitchingBound.js';
export type { PolyStitchingBoundOptions } from './polyStitchingBound.js';
export { empiricalProcessLilBound } from './empiricalProcessLilBound.js';
export type { EmpiricalProcessLilBoundOptions } from './empiricalProcessLilBound.js';
export { doubleStitchingBound } from './doubleStitchingBound.js';
export type { DoubleStitchingBoundOptions } from './doubleStitchingBound.js';
export { bernoulliConfidenceInterval } from './bernoulliConfidenceInterval.js';
export type { BernoulliConfidenceIntervalOptions, BernoulliConfidenceInterval } from './bernoulliConfidenceInterval.js';
export { quantileAbPValue } from './quantileAbPValue.js';
export type { QuantileAbPValueOptions } from './quantileAbPValue.js';
export { dirichletMultinomialTest } from './dirichletMultinomialTest.js';
export type { DirichletMultinomialTestOptions, DirichletMultinomialTestResult } from './dirichletMultinomialTest.js';
export { dirichletMultinomialTestSequence } from './dirichletMultinomialTestSequence.js';
export type {
  DirichletMultinomialTestSequenceOptions,
  DirichletMultinomialTestSequenceResult,
} from './dirichletMultinomialTestSequence.js';
export { msprtNormalMixture } from './msprtNormalMixture.js';
export type { MsprtNormalMixtureOptions, MsprtNormalMixtureResult } from './msprtNormalMixture.js';
export { msprtNormalMixtureSequence } from './msprtNormalMixtureSequence.js';
export type {
  MsprtStep,
  MsprtNormalMixtureSequenceOptions,
  MsprtNormalMixtureSequenceResult,
} from './msprtNormalMixtureSequence.js';
