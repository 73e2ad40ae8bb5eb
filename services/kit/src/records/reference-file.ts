import { readFileSync } from 'node:fs';
import { stableId } from '../ids/stable-id.js';
import { RecordSource } from './regional-record.js';

/*
 * Reference-data files with fillers, shared by every subgraph's loader.
 *
 * A file is `{ description, records: [{ key, ...fields }], fillers: [FillerSpec] }`. Records are
 * named in an article (source ARTICLE); fillers are placeholders that make a count come out
 * (source FILLER), described compactly and expanded here. A field whose name is listed in `refs`
 * names another record by its key (`"community": "涺惠社区"`) and becomes its id field
 * (`communityId: stableId('community:涺惠社区')`).
 */

type Value = string | number | boolean | null | Value[] | { [k: string]: Value };
type Fields = Record<string, Value>;

export interface FillerSpec {
  /** How many records. */
  count: number;
  /** Natural key of record n (1-based), with `{n}` replaced: fixes its stable id. */
  key: string;
  /** Fields of every record; `{n}` in strings is replaced. */
  fields: Fields;
  /** Field → total spread evenly over the records (the first ones take the remainder). */
  spread?: Record<string, number>;
  /** Field → values taken in turn (record n takes values[(n - 1) % length]). */
  cycle?: Record<string, Value[]>;
  /** Date field → [first, last]: dates spread evenly between them, in record order. */
  dates?: Record<string, [string, string]>;
}


/** A reference field naming another record: JSON field → [id field, kind of the named record]. */
export type Refs = Readonly<Record<string, readonly [idField: string, kind: string]>>;

export type ReferenceRow<T> = T & { id: string; source: RecordSource; key: string };

const DAY = 86_400_000;

function evenDate([first, last]: [string, string], i: number, count: number): string {
  const a = Date.parse(`${first}T00:00:00Z`);
  const b = Date.parse(`${last}T00:00:00Z`);
  const t = count > 1 ? a + Math.round(((b - a) / DAY) * (i / (count - 1))) * DAY : a;
  return new Date(t).toISOString().slice(0, 10);
}

/** `{n}` in strings becomes the record's number; a value that is exactly "{n}" becomes the number itself. */
const substitute = (v: Value, n: number): Value =>
  v === '{n}' ? n : typeof v === 'string' ? v.replaceAll('{n}', String(n)) : Array.isArray(v) ? v.map((x) => substitute(x, n)) : v;

/** The records a filler spec stands for. */
export function expandFiller(spec: FillerSpec): (Fields & { key: string })[] {
  return Array.from({ length: spec.count }, (_, i) => {
    const n = i + 1;
    const row: Fields = {};
    for (const [k, v] of Object.entries(spec.fields)) row[k] = substitute(v, n);
    for (const [k, total] of Object.entries(spec.spread ?? {})) row[k] = Math.floor(total / spec.count) + (i < total % spec.count ? 1 : 0);
    for (const [k, values] of Object.entries(spec.cycle ?? {})) row[k] = substitute(values[i % values.length], n);
    for (const [k, range] of Object.entries(spec.dates ?? {})) row[k] = evenDate(range, i, spec.count);
    return { ...row, key: spec.key.replaceAll('{n}', String(n)) };
  });
}

function resolveRefs(row: Fields, refs: Refs): Fields {
  const out: Fields = { ...row };
  for (const [field, [idField, kind]] of Object.entries(refs)) {
    if (!(field in out)) continue;
    const v = out[field];
    delete out[field];
    out[idField] = Array.isArray(v) ? v.map((k) => stableId(`${kind}:${String(k)}`)) : v === null ? null : stableId(`${kind}:${String(v)}`);
  }
  return out;
}

export interface ReferenceSection {
  records: (Fields & { key: string })[];
  fillers?: FillerSpec[];
}

/** A data file: `{ description, records, fillers }`, or `{ description, <section>: { records, fillers }, … }`. */
export function readReferenceFile<F = ReferenceSection>(path: string): F & { description: string } {
  return JSON.parse(readFileSync(path, 'utf8')) as F & { description: string };
}

/**
 * Rows of one kind from a file or a section of it, each with its stable id `<kind>:<key>` and its
 * source (ARTICLE for records unless they say otherwise, FILLER for expanded fillers).
 */
export function referenceRows<T>(file: ReferenceSection, kind: string, refs: Refs = {}): ReferenceRow<T>[] {
  const named = (file.records ?? []).map((r) => ({ row: r, source: RecordSource.ARTICLE }));
  const fillers = (file.fillers ?? []).flatMap((spec) => expandFiller(spec).map((r) => ({ row: r, source: RecordSource.FILLER })));
  return [...named, ...fillers].map(({ row, source }) => {
    const { key, source: explicit, ...fields } = row as Fields & { key: string; source?: RecordSource };
    return { ...(resolveRefs(fields, refs) as T), key, id: stableId(`${kind}:${key}`), source: explicit ?? source };
  });
}
