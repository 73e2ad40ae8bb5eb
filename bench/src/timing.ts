import { performance } from 'node:perf_hooks';

/** Summary of a series of durations, in milliseconds. */
export interface Timing {
  runs: number;
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}

/** The p-th percentile (0..100) of samples, linearly interpolated between ranks. */
export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** p50, p95, mean, min and max of durations in ms (rounded to µs). */
export function summarize(samples: readonly number[]): Timing {
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return {
    runs: samples.length,
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    mean: round(mean),
    min: round(Math.min(...samples)),
    max: round(Math.max(...samples)),
  };
}

/** Calls `fn` `warmup` times untimed, then `runs` times one after another, timing each call. */
export async function measure(runs: number, warmup: number, fn: (i: number) => Promise<unknown>): Promise<Timing> {
  if (runs < 1) throw new Error('runs must be at least 1');
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(warmup + i);
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}
