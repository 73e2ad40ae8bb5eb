import { z } from 'zod';

/** A start-up problem an operator can fix: one line per setting at fault, no stack. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const port = z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(0, 'must be 0–65535').max(65535, 'must be 0–65535');
const flag = z.enum(['0', '1'], { error: 'must be 0 or 1' });

export const postgresUrl = z.string().superRefine((raw, ctx) => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'is not a URL (expected postgresql://user:password@host:5432/database)' });
    return;
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') ctx.addIssue({ code: 'custom', message: `must start with postgresql:// (got ${url.protocol}//)` });
  else if (!url.hostname) ctx.addIssue({ code: 'custom', message: 'names no host' });
  else if (url.pathname.length <= 1) ctx.addIssue({ code: 'custom', message: 'names no database (…/database at the end)' });
});

/** Settings every process reads. */
const common = {
  NODE_ENV: z.enum(['development', 'production', 'test'], { error: 'must be development, production or test' }).optional(),
  HOST: z.string().min(1, 'must not be empty').optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
};

export interface SubgraphSettings {
  databaseUrl?: string;
  port: number;
  host?: string;
  seed: boolean;
  production: boolean;
  allowEmbedded: boolean;
  /** Interval of the polls of other subgraphs' deletions feeds, ms (0: not polled). */
  deletionsPollMs: number;
}

/** Default of PB_DELETIONS_POLL_MS: a unit deleted elsewhere stops counting here within half a minute. */
export const DEFAULT_DELETIONS_POLL_MS = 30_000;

/** Empty strings count as unset, as a shell's `FOO= cmd` means. */
function present(env: NodeJS.ProcessEnv, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.flatMap((k) => (env[k] ? [[k, env[k] as string]] : [])));
}

function problems(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || 'settings'} ${i.message}`);
}

/**
 * A subgraph's settings, checked at start: its database URL, port, host, token verification
 * and mode. Production needs a token key (JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL) and a
 * database URL, unless PB_EMBEDDED_POSTGRES=1 asks for the embedded one explicitly.
 */
export function subgraphSettings(name: string, defaultPort: number, env: NodeJS.ProcessEnv = process.env): SubgraphSettings {
  const P = name.toUpperCase();
  const dbKey = env[`${P}_DATABASE_URL`] ? `${P}_DATABASE_URL` : 'DATABASE_URL';
  const portKey = env[`${P}_PORT`] ? `${P}_PORT` : 'PORT';
  const schema = z.object({
    ...common,
    [dbKey]: postgresUrl.optional(),
    [portKey]: port.optional(),
    PB_SEED: flag.optional(),
    PB_EMBEDDED_POSTGRES: flag.optional(),
    PB_DB_POOL_SIZE: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000').optional(),
    JWT_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    JWT_PUBLIC_KEY: z.string().includes('-----BEGIN', { message: 'must be a PEM public key (-----BEGIN PUBLIC KEY-----…)' }).optional(),
    JWT_JWKS_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    PB_DELETIONS_POLL_MS: z.coerce.number({ error: 'must be a whole number of milliseconds' }).int('must be a whole number of milliseconds').min(0, 'must be 0 (off) or more').max(86_400_000, 'must be at most a day (86400000)').optional(),
  });
  const keys = ['NODE_ENV', 'HOST', 'LOG_LEVEL', dbKey, portKey, 'PB_SEED', 'PB_EMBEDDED_POSTGRES', 'PB_DB_POOL_SIZE', 'JWT_SECRET', 'JWT_PUBLIC_KEY', 'JWT_JWKS_URL', 'PB_DELETIONS_POLL_MS'];
  const parsed = schema.safeParse(present(env, keys));
  const found = parsed.success ? [] : problems(parsed.error);
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env[dbKey] || undefined;
  const allowEmbedded = env.PB_EMBEDDED_POSTGRES === '1';
  if (production && !env.JWT_SECRET && !env.JWT_PUBLIC_KEY && !env.JWT_JWKS_URL) {
    found.push('JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL must be set when NODE_ENV=production (how tokens are verified)');
  }
  if (production && !databaseUrl && !allowEmbedded) {
    found.push(`${P}_DATABASE_URL (or DATABASE_URL) must be set when NODE_ENV=production; PB_EMBEDDED_POSTGRES=1 runs the embedded PostgreSQL instead`);
  }
  if (found.length) throw new ConfigError(found);
  return {
    databaseUrl,
    port: env[portKey] ? Number(env[portKey]) : defaultPort,
    host: env.HOST || undefined,
    seed: env.PB_SEED !== '0',
    production,
    allowEmbedded,
    deletionsPollMs: env.PB_DELETIONS_POLL_MS ? Number(env.PB_DELETIONS_POLL_MS) : DEFAULT_DELETIONS_POLL_MS,
  };
}

export interface GatewaySettings {
  port: number;
  host?: string;
  config?: string;
}

/** The gateway's own settings (the subgraphs it serves come from its config file). */
export function gatewaySettings(env: NodeJS.ProcessEnv = process.env): GatewaySettings {
  const schema = z.object({ ...common, GATEWAY_PORT: port.optional(), PB_GATEWAY_CONFIG: z.string().optional() });
  const parsed = schema.safeParse(present(env, ['NODE_ENV', 'HOST', 'LOG_LEVEL', 'GATEWAY_PORT', 'PB_GATEWAY_CONFIG']));
  if (!parsed.success) throw new ConfigError(problems(parsed.error));
  return { port: env.GATEWAY_PORT ? Number(env.GATEWAY_PORT) : 4000, host: env.HOST || undefined, config: env.PB_GATEWAY_CONFIG || undefined };
}

/**
 * Turns what goes wrong while opening a database or a port into a sentence naming the setting,
 * instead of a driver's stack ("getaddrinfo ENOTFOUND base").
 */
export function explainStartupError(err: unknown, where: { databaseSetting: string; portSetting: string; port: number; host: string }): string {
  const e = err as { code?: string; message?: string; hostname?: string };
  const db = where.databaseSetting;
  switch (e.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${db}: host ${e.hostname ?? ''} not found`.replace('  ', ' ');
    case 'ECONNREFUSED':
      return `${db}: nothing answers at the database's host and port (connection refused)`;
    case 'ETIMEDOUT':
      return `${db}: the database server did not answer (timeout)`;
    case '3D000':
      return `${db}: ${e.message} (create it, or point the URL at an existing database)`;
    case '28P01':
    case '28000':
      return `${db}: the database refused the user or password`;
    case 'EADDRINUSE':
      return `${where.portSetting}: port ${where.port} on ${where.host} is already taken (choose another, or 0 for a free one)`;
    case 'EADDRNOTAVAIL':
      return `HOST: ${where.host} is not an address of this machine`;
    default:
      return e.message ?? String(err);
  }
}
