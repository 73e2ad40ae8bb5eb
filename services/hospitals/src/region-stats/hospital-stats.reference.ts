import { loadStats, parseStatsScope, per10k, type RequestContext } from '@pb/kit';
import { computeHospitalStats } from './hospital-stats.sql.js';
import type { HospitalStats } from './hospital-stats.type.js';

type Representation = { scope: string; residents?: number | null };

/**
 * `HospitalStats` asked for by its key, with the population the gateway fetched from the
 * communities subgraph: the figures the `@requires` fields divide come from this sector's
 * pre-aggregates (the request's stats loader, so one batch for many regions).
 */
export async function resolveHospitalStats(ref: Representation, ctx: RequestContext): Promise<Partial<HospitalStats>> {
  const { code, period } = parseStatsScope(ref.scope);
  const stats = await loadStats(ctx, 'hospitals', computeHospitalStats, code, period, new Set(['familyDoctorSignedResidents']));
  return { ...stats, scope: ref.scope, residents: ref.residents ?? null };
}

/** The rate from a stats object that carries the population (null where it is unknown). */
export const signedPer10k = (s: Partial<HospitalStats>): number | null => per10k(s.familyDoctorSignedResidents, s.residents);

export const hospitalStatsReferences = { HospitalStats: { __resolveReference: resolveHospitalStats } };
