import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';

const HELP = `npm run export -- <type> [options]

Streams every record of a type (its list name: hospitals, dualRegistrations, …) from the gateway.
  --format ndjson|csv      default ndjson; csv is UTF-8 with a BOM, for Excel
  --region CODE            only records inside this region
  --since ISO              only records created, changed or restored since (updatedSince)
  --include-deleted        deleted records too (with deletedAt, deletedBy)
  --out FILE               write to FILE instead of standard output
  --url URL                the gateway (default http://127.0.0.1:$GATEWAY_PORT or 4000)
  --token JWT              bearer token (default $PB_TOKEN); personal fields are masked without one
  --list                   list the exportable types`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'ndjson' },
      region: { type: 'string' },
      since: { type: 'string' },
      'include-deleted': { type: 'boolean', default: false },
      out: { type: 'string' },
      url: { type: 'string', default: `http://127.0.0.1:${process.env.GATEWAY_PORT ?? 4000}` },
      token: { type: 'string', default: process.env.PB_TOKEN },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || (!values.list && positionals.length !== 1)) {
    console.error(HELP);
    process.exit(values.help ? 0 : 2);
  }
  const url = new URL(`/export/${values.list ? '' : encodeURIComponent(positionals[0])}`, values.url);
  if (!values.list) {
    url.searchParams.set('format', values.format!);
    if (values.region) url.searchParams.set('regionCode', values.region);
    if (values.since) url.searchParams.set('updatedSince', values.since);
    if (values['include-deleted']) url.searchParams.set('includeDeleted', 'true');
  }
  const res = await fetch(url, { headers: values.token ? { authorization: `Bearer ${values.token}` } : {} });
  if (!res.ok || !res.body) {
    console.error(`export failed (${res.status}): ${await res.text()}`);
    process.exit(1);
  }
  const body = Readable.fromWeb(res.body as import('node:stream/web').ReadableStream);
  await pipeline(body, values.out ? createWriteStream(values.out) : process.stdout);
}

main().catch((err) => {
  console.error(`export failed: ${(err as Error).message}`);
  process.exit(1);
});
