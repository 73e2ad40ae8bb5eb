import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '@pb/kit';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { GatewayOptions } from './gateway.js';
import type { LiveSubgraph } from './live-supergraph.js';

const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const subgraphEntry = z.strictObject({
  routing_url: url,
  schema: z.union([z.strictObject({ subgraph_url: url }), z.strictObject({ file: z.string().min(1) })], {
    error: 'must be { subgraph_url: <URL> } (read live) or { file: <path to SDL> }',
  }),
});

/** rover's supergraph.yaml (federation_version, subgraphs) plus a `gateway` section of our own. */
const configSchema = z.strictObject({
  federation_version: z.union([z.string(), z.number()]).optional(),
  subgraphs: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'subgraph names are lower-case words'), subgraphEntry),
  gateway: z
    .strictObject({
      port: z.number().int().min(0).max(65535).optional(),
      host: z.string().min(1).optional(),
      /** Serve this composed supergraph as is, never polling (locked-down deployments). */
      supergraph_file: z.string().min(1).optional(),
      /** Take a subgraph's SDL from this supergraph while the subgraph has not answered yet. */
      fallback_supergraph: z.string().min(1).optional(),
      poll_interval_seconds: z.number().positive().max(3600).optional(),
      timeout_ms: z.number().int().positive().max(120_000).optional(),
      operations_file: z.string().min(1).optional(),
    })
    .optional(),
});

export type GatewayConfigFile = z.infer<typeof configSchema>;

/**
 * Reads a gateway config file. Paths in it are relative to the file. `<NAME>_URL` in the
 * environment (HOSPITALS_URL=…) overrides a subgraph's routing URL, and its live schema URL.
 */
export function loadGatewayConfig(file: string, env: NodeJS.ProcessEnv = process.env): Omit<GatewayOptions, 'port' | 'host'> & { port?: number; host?: string } {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError([`${file}: ${(err as Error).message.split('\n')[0]}`]);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${file}: ${i.path.join('.') || '(top level)'} ${i.message}`));
  const cfg = parsed.data;
  const at = (p: string) => resolve(dirname(resolve(file)), p);
  const problems: string[] = [];
  const subgraphs: LiveSubgraph[] = Object.entries(cfg.subgraphs).map(([name, entry]) => {
    const override = env[`${name.toUpperCase()}_URL`];
    if (override && !url.safeParse(override).success) problems.push(`${name.toUpperCase()}_URL must be an http(s) URL`);
    const routingUrl = override || entry.routing_url;
    if ('file' in entry.schema) {
      try {
        return { name, routingUrl, schema: { sdl: readFileSync(at(entry.schema.file), 'utf8') } };
      } catch {
        problems.push(`${file}: subgraphs.${name}.schema.file ${entry.schema.file} cannot be read`);
      }
    }
    return { name, routingUrl, schema: { url: override || ('subgraph_url' in entry.schema ? entry.schema.subgraph_url : routingUrl) } };
  });
  if (!subgraphs.length) problems.push(`${file}: subgraphs lists no subgraph`);
  const g = cfg.gateway ?? {};
  const read = (key: string, p?: string) => {
    if (!p) return undefined;
    try {
      return readFileSync(at(p), 'utf8');
    } catch {
      problems.push(`${file}: gateway.${key} ${p} cannot be read`);
      return undefined;
    }
  };
  const supergraphSdl = read('supergraph_file', g.supergraph_file);
  const fallbackSupergraphSdl = read('fallback_supergraph', g.fallback_supergraph);
  if (problems.length) throw new ConfigError(problems);
  return {
    port: g.port,
    host: g.host,
    timeoutMs: g.timeout_ms,
    operationsFile: g.operations_file ? at(g.operations_file) : undefined,
    subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.routingUrl])),
    ...(supergraphSdl
      ? { supergraphSdl }
      : { live: { subgraphs, pollIntervalMs: (g.poll_interval_seconds ?? 10) * 1000, fallbackSupergraphSdl } }),
  };
}
