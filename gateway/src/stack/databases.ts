import { join, relative } from 'node:path';
import { databaseUrlFor, dataDir, ensureDatabase, ensureEmbeddedPostgres, ensureRegionTemplate, type EmbeddedPostgresHandle } from '@pb/kit';
import { SUBGRAPHS } from '../subgraphs.js';

export interface StackDatabases {
  urls: Record<string, string>;
  /** The embedded cluster this stack started, if any (stopped with the stack). */
  embedded: EmbeddedPostgresHandle | null;
  /** Names of the databases created on `adminUrl` (tests drop them). */
  created: string[];
}

export interface DatabaseOptions {
  /** A server to create the databases on; without one, the embedded cluster in .data/. */
  adminUrl?: string;
  /** Database name prefix: `pb_` gives pb_communities, pb_hospitals… */
  prefix?: string;
  /** Region template database to copy; default `<prefix>region_template`. */
  templateName?: string;
  /** Ignore <NAME>_DATABASE_URL / DATABASE_URL (tests must never touch a configured database). */
  ignoreEnv?: boolean;
  log?: (line: string) => void;
}

/**
 * One database per subgraph. A subgraph with its own URL setting uses it; the others get a
 * database on `adminUrl` or on the embedded cluster, copied from a region template so the
 * division table is loaded once per server.
 */
export async function prepareDatabases(opts: DatabaseOptions): Promise<StackDatabases> {
  const prefix = opts.prefix ?? 'pb_';
  const urls: Record<string, string> = {};
  const pending = SUBGRAPHS.filter((s) => {
    const configured = opts.ignoreEnv ? undefined : databaseUrlFor(s.name);
    if (configured) urls[s.name] = configured;
    return !configured;
  });
  if (!pending.length) return { urls, embedded: null, created: [] };

  let embedded: EmbeddedPostgresHandle | null = null;
  let adminUrl = opts.adminUrl;
  if (!adminUrl) {
    const folder = join(dataDir(), 'postgres');
    const shown = folder.startsWith(`${process.cwd()}/`) ? relative(process.cwd(), folder) : folder;
    opts.log?.(`starting embedded PostgreSQL (data in ${shown})…`);
    embedded = await ensureEmbeddedPostgres({ dataDir: folder });
    adminUrl = embedded.adminUrl;
  }
  const template = await ensureRegionTemplate(adminUrl, opts.templateName ?? `${prefix}region_template`);
  const created: string[] = opts.templateName ? [] : [template];
  // Sequential: CREATE DATABASE … TEMPLATE needs the template free of other sessions.
  for (const s of pending) {
    urls[s.name] = await ensureDatabase(adminUrl, `${prefix}${s.name}`, template);
    created.push(`${prefix}${s.name}`);
  }
  return { urls, embedded, created };
}
