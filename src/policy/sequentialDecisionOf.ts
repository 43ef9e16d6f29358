import type { RolloutSequentialInput, RolloutVerdictInput } from './types.js';

type SliLike = { name: string; muted?: boolean; test?: string; details?: Record<string, unknown> };

/**
 * The sequential decision a judge verdict carries, for {@link decideRollout}'s `sequential` input: from the
 * SLIs judged with `test: 'sequential'` (anytime-valid monitors). `fail` when any (non-muted) sequential SLI
 * proved a regression; `pass` only when *every* non-muted SLI is sequential and proved healthy — an early
 * promotion needs proof for everything the canary is judged on; `continue` otherwise; `null` when the verdict
 * has no sequential SLI.
 *
 * @example
 * ```ts
 * const verdict = judge({ slis: [{ name: 'errors', test: 'sequential', canaryShare: 0.1 }] }, data);
 * decideRollout({ evaluation: { verdict, at, sequential: sequentialDecisionOf(verdict) }, now });
 * ```
 */
export function sequentialDecisionOf(verdict: RolloutVerdictInput): RolloutSequentialInput | null {
  const slis = ((verdict.slis ?? []) as ReadonlyArray<SliLike>).filter((s) => !s.muted);
  const sequential = slis.filter((s) => s.test === 'sequential' && typeof s.details?.decision === 'string');
  if (sequential.length === 0) return null;
  const failed = sequential.filter((s) => s.details?.decision === 'fail');
  if (failed.length > 0) return { decision: 'fail', reason: `the sequential test proved ${failed.map((s) => s.name).join(', ')} worse` };
  if (sequential.length === slis.length && sequential.every((s) => s.details?.decision === 'pass')) {
    return { decision: 'pass', reason: `the sequential test proved every SLI (${sequential.map((s) => s.name).join(', ')}) within its allowed change` };
  }
  const open = sequential.filter((s) => s.details?.decision !== 'pass').map((s) => s.name);
  const notSequential = slis.length - sequential.length;
  return {
    decision: 'continue',
    reason: open.length > 0 ? `no decision yet for ${open.join(', ')}` : `${notSequential} SLI${notSequential === 1 ? ' is' : 's are'} not judged sequentially`,
  };
}
