import { normalizeRegionCode } from '../regions/codes.js';

export type Role = 'ADMIN' | 'EDITOR' | 'VIEWER';
export const ROLES: readonly Role[] = ['ADMIN', 'EDITOR', 'VIEWER'];

/** The subgraph names, used as the `sectors` claim. */
export const SECTOR_NAMES = ['communities', 'hospitals', 'schools', 'soes'] as const;
export type SectorName = (typeof SECTOR_NAMES)[number];

/** What a verified token says about its bearer (the access rules in the README). */
export interface Claims {
  sub?: string;
  role: Role;
  /** Subgraph names the bearer may write to (EDITOR). */
  sectors: string[];
  /** Region code prefixes the bearer may write inside (EDITOR). */
  regions: string[];
}

/** Checks the shape of a decoded payload; region prefixes are normalized (610000 → 61). */
export function parseClaims(payload: unknown): Claims {
  const p = (payload ?? {}) as Record<string, unknown>;
  if (!ROLES.includes(p.role as Role)) throw new Error('claim "role" must be ADMIN, EDITOR or VIEWER');
  const list = (name: string): string[] => {
    const v = p[name] ?? [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new Error(`claim "${name}" must be a list of strings`);
    return v as string[];
  };
  const regions = list('regions').map((r) => {
    const code = normalizeRegionCode(r);
    if (!code) throw new Error(`claim "regions" holds a malformed code: ${r}`);
    return code;
  });
  return { sub: typeof p.sub === 'string' ? p.sub : undefined, role: p.role as Role, sectors: list('sectors'), regions };
}
