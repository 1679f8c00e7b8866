/**
 * The Kaplan–Meier product-limit estimator with Greenwood's variance, for (optionally weighted)
 * right-censored observations. Pure: no clock, no I/O.
 *
 *   S(t) = Π_{tᵢ ≤ t} (1 − dᵢ / nᵢ)       Var S(t) = S(t)² · Σ_{tᵢ ≤ t} dᵢ / (nᵢ (nᵢ − dᵢ))
 *
 * nᵢ counts everyone still observed at tᵢ, including those censored at tᵢ (censoring is taken to
 * happen just after the events at the same time, the textbook convention). With weights, nᵢ and dᵢ
 * are sums of weights; callers scale weights to the Kish effective sample size so that Greenwood's
 * formula does not overstate the information a reweighted group carries (ADR 0049).
 */
export interface Observation {
  /** Time from the origin (any unit; the insights use months). */
  time: number;
  /** True: the event happened at `time`; false: censored at `time`. */
  event: boolean;
  weight?: number;
}

export interface KaplanMeierStep {
  time: number;
  atRisk: number;
  events: number;
  survival: number;
  /** Greenwood standard error of `survival`. */
  se: number;
}

export interface KaplanMeierCurve {
  steps: KaplanMeierStep[];
  /** Observations (Σ weights) at time zero. */
  n: number;
}

export function kaplanMeier(observations: readonly Observation[]): KaplanMeierCurve {
  const sorted = [...observations].sort((a, b) => a.time - b.time || Number(b.event) - Number(a.event));
  let atRisk = sorted.reduce((sum, o) => sum + (o.weight ?? 1), 0);
  const n = atRisk;
  let survival = 1;
  let greenwood = 0;
  const steps: KaplanMeierStep[] = [];
  let i = 0;
  while (i < sorted.length) {
    const time = (sorted[i] as Observation).time;
    let events = 0;
    let leaving = 0;
    while (i < sorted.length && (sorted[i] as Observation).time === time) {
      const o = sorted[i] as Observation;
      const w = o.weight ?? 1;
      if (o.event) events += w;
      leaving += w;
      i++;
    }
    if (events > 0 && atRisk > 0) {
      survival *= 1 - events / atRisk;
      greenwood += atRisk > events ? events / (atRisk * (atRisk - events)) : 0;
      steps.push({ time, atRisk, events, survival, se: survival * Math.sqrt(greenwood) });
    }
    atRisk -= leaving;
  }
  return { steps, n };
}

/** S(t) and its standard error: the last step at or before t (1 and 0 before the first event). */
export function survivalAt(curve: KaplanMeierCurve, t: number): { survival: number; se: number } {
  let found = { survival: 1, se: 0 };
  for (const step of curve.steps) {
    if (step.time > t) break;
    found = { survival: step.survival, se: step.se };
  }
  return found;
}

/** How many (Σ weights) are still observed just before time t. */
export function atRiskAt(observations: readonly Observation[], t: number): number {
  let n = 0;
  for (const o of observations) if (o.time >= t) n += o.weight ?? 1;
  return n;
}

/** 1.96: the normal quantile of a two-sided 95 % interval. */
export const Z95 = 1.959964;

export const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
