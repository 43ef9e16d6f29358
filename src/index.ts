/**
 * canary-judge: the public API (re-exports only).
 * @packageDocumentation
 */
export { CanaryJudgeError } from './errors.js';
export * from './stats/index.js';
export * from './sequential/index.js';
export * from './sketch/index.js';
export * from './preprocess/index.js';
export * from './slo/index.js';
export * from './judge/index.js';
export * from './policy/index.js';
export * from './report/index.js';
