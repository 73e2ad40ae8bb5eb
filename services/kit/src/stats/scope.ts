import { badInput } from '../errors/errors.js';
import type { Period } from '../period/period.js';

/**
 * The key of a sector's stats object (`HospitalStats @key(fields: "scope")`): the region and the
 * period its figures are of, e.g. `610581@2024-01-01..2024-12-31` (an open end is empty). Another
 * subgraph adds figures it owns to the object by this key (the communities subgraph adds the
 * population), and a field that needs them declares `@requires`: no subgraph calls another.
 */
export const statsScope = (code: string, period: Period): string => `${code}@${period.from ?? ''}..${period.to ?? ''}`;

const SCOPE = /^(\d{2,12})@(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$/;

/** The region and period of a scope; BAD_USER_INPUT for anything else. */
export function parseStatsScope(scope: string): { code: string; period: Period } {
  const m = SCOPE.exec(scope);
  if (!m) throw badInput('scope', 'must be <region code>@<from>..<to>');
  return { code: m[1], period: { from: m[2] ?? null, to: m[3] ?? null } };
}
