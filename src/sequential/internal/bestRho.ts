/**
 * The mixing variance ρ that makes a normal-mixture boundary tightest at intrinsic time `vOpt` for
 * crossing probability `alphaOpt` (internal).
 *
 * Two-sided: ρ = v_opt / (2·log(1/α) + log(1 + 2·log(1/α))), the choice derived in Howard, Ramdas,
 * McAuliffe & Sekhon (2021) for the normal mixture and used by confseq (`best_rho`) for every conjugate
 * mixture; one-sided mixtures use the two-sided value at 2α.
 * @module
 */

/** ρ(v, α) for two-sided normal mixtures. */
export function twoSidedBestRho(vOpt: number, alphaOpt: number): number {
  const l = -Math.log(alphaOpt);
  return vOpt / (2 * l + Math.log1p(2 * l));
}

/** ρ(v, 2α), the one-sided choice. */
export function oneSidedBestRho(vOpt: number, alphaOpt: number): number {
  return twoSidedBestRho(vOpt, 2 * alphaOpt);
}
