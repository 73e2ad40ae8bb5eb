import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Records of a subgraph's reference-data file, read directly (not through the API). */
export function referenceRecords<T = Record<string, unknown>>(subgraph: string, file: string): (T & { regionCode: string })[] {
  const path = join(ROOT, 'services', subgraph, 'reference-data', file);
  return (JSON.parse(readFileSync(path, 'utf8')) as { records: (T & { regionCode: string })[] }).records;
}

/** How many reference records of a file lie inside `prefix` (the roll-up rule, computed in JS). */
export const countWithin = (records: { regionCode: string }[], prefix: string) => records.filter((r) => r.regionCode.startsWith(prefix)).length;
