/** Reading settings from the environment, in one place so the names stay consistent. */

export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

/** `hospitals` → `HOSPITALS_DATABASE_URL`, falling back to `DATABASE_URL`. */
export function databaseUrlFor(subgraph: string): string | undefined {
  return process.env[`${subgraph.toUpperCase()}_DATABASE_URL`] || process.env.DATABASE_URL || undefined;
}

/** `hospitals` → `HOSPITALS_PORT`, falling back to `PORT`. 0 picks a free port. */
export function portFor(subgraph: string, fallback: number): number {
  return envInt(`${subgraph.toUpperCase()}_PORT`, envInt('PORT', fallback));
}

export const isProduction = (): boolean => process.env.NODE_ENV === 'production';
