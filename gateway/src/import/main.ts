import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { mintToken, resolveJwtSecret } from '@pb/kit';

const HELP = `npm run import -- <type> <file.xlsx|file.csv> [--dry-run] [--skip-invalid] [--errors out.xlsx]
npm run import -- <type> --template [--out <type>-template.xlsx]

Imports an agency's ledger (台账) of one record type (e.g. FreeClinic, free-clinic, Meeting)
through the gateway's POST /import/<type>, or downloads its template. Every row goes through
the same checks and authorization as the create mutation; with any bad row nothing is written
unless --skip-invalid. Rows with a 台账编号 (externalId) update the record imported under it.

  --dry-run        check every row, write nothing
  --skip-invalid   write the good rows, report the bad ones
  --errors FILE    on row errors, also write the workbook with an error column to FILE
  --url URL        the gateway (default GATEWAY_URL, else http://127.0.0.1:\${GATEWAY_PORT:-4000})
  --token TOKEN    bearer token (default PB_TOKEN; else an ADMIN token signed with the local
                   development secret, as \`npm run token\` makes)`;

function options() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      'skip-invalid': { type: 'boolean', default: false },
      template: { type: 'boolean', default: false },
      out: { type: 'string' },
      errors: { type: 'string' },
      url: { type: 'string' },
      token: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || !positionals[0] || (!values.template && !positionals[1])) {
    console.log(HELP);
    process.exit(values.help ? 0 : 2);
  }
  const url = values.url ?? process.env.GATEWAY_URL ?? `http://127.0.0.1:${process.env.GATEWAY_PORT ?? 4000}`;
  return { ...values, type: positionals[0], file: positionals[1], base: url.replace(/\/graphql$/, '').replace(/\/$/, '') };
}

const bearer = (explicit: string | undefined) =>
  explicit ?? process.env.PB_TOKEN ?? mintToken({ sub: 'import-cli', role: 'ADMIN', sectors: [], regions: [] }, resolveJwtSecret().secret, '1h');

async function template(base: string, type: string, out: string | undefined): Promise<void> {
  const res = await fetch(`${base}/import/${encodeURIComponent(type)}/template.xlsx`);
  if (!res.ok) throw new Error(`template: HTTP ${res.status} ${await res.text()}`);
  const file = out ?? `${type}-template.xlsx`;
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  console.log(`wrote ${file}`);
}

interface Outcome {
  status: number;
  summary?: Record<string, unknown> & { errors: { row: number; header: string | null; column: string | null; value: string | null; message: string; code: string }[] };
  error?: { code: string; message: string; details?: unknown };
}

/** Uploads the file (a bar over the bytes sent), then follows the rows checked (NDJSON lines). */
function upload(base: string, path: string, file: string, token: string): Promise<Outcome> {
  const size = statSync(file).size;
  const tty = Boolean(process.stderr.isTTY);
  const bar = new cliProgress.SingleBar({ format: `${basename(file)} |{bar}| {percentage}% {phase}`, hideCursor: true, stream: process.stderr, noTTYOutput: false }, cliProgress.Presets.shades_classic);
  if (tty) bar.start(size, 0, { phase: 'uploading' });
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'content-length': size, authorization: `Bearer ${token}` } }, (res) => {
      let buffer = '';
      let last: Outcome | null = null;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines.filter(Boolean)) {
          const msg = JSON.parse(line) as { rowsRead?: number } & Outcome;
          if (msg.rowsRead !== undefined) {
            if (tty) bar.update(size, { phase: `${msg.rowsRead.toLocaleString('en-US')} rows checked` });
          } else last = msg;
        }
      });
      res.on('end', () => {
        if (tty) bar.stop();
        try {
          if (buffer.trim()) {
            const msg = JSON.parse(buffer) as Outcome;
            // Refusals before the import starts (401, 403, 404, 413) are one plain JSON body.
            last = res.statusCode === 200 ? msg : { status: res.statusCode ?? 500, error: msg.error };
          }
        } catch {
          return reject(new Error(`HTTP ${res.statusCode}: unreadable answer`));
        }
        resolve(last ?? { status: res.statusCode ?? 500, error: { code: 'NO_ANSWER', message: `HTTP ${res.statusCode} without a summary` } });
      });
    });
    req.on('error', reject);
    let sent = 0;
    createReadStream(file)
      .on('data', (c) => {
        sent += c.length;
        if (tty) bar.update(sent, { phase: 'uploading' });
      })
      .pipe(req);
  });
}

function report(o: Outcome): void {
  if (o.error) {
    console.error(`refused (${o.status} ${o.error.code}): ${o.error.message}`);
    if (Array.isArray(o.error.details)) for (const d of o.error.details.slice(0, 50)) console.error(`  ${JSON.stringify(d)}`);
    return;
  }
  const s = o.summary!;
  console.log(`${s.type}: ${s.rowsRead} rows read, ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected} rejected, ${s.durationMs} ms${s.dryRun ? ' (dry run: nothing written)' : s.committed ? '' : ' — NOTHING WRITTEN (fix the rows or use --skip-invalid)'}`);
  for (const e of s.errors.slice(0, 200)) console.log(`  row ${e.row}${e.header ? ` 【${e.header}】` : ''}${e.value ? ` "${e.value}"` : ''}: ${e.message} (${e.code})`);
  if (s.errors.length > 200) console.log(`  … and ${s.errors.length - 200} more`);
}

async function main(): Promise<number> {
  const o = options();
  if (o.template) {
    await template(o.base, o.type, o.out);
    return 0;
  }
  const token = bearer(o.token);
  const query = new URLSearchParams({ progress: 'ndjson', ...(o['dry-run'] ? { dryRun: '1' } : {}), ...(o['skip-invalid'] ? { skipInvalid: '1' } : {}) });
  const path = `/import/${encodeURIComponent(o.type)}`;
  const outcome = await upload(o.base, `${path}?${query}`, o.file!, token);
  report(outcome);
  if (o.errors && outcome.summary?.errors.length) {
    const res = await fetch(`${o.base}${path}?format=xlsx&dryRun=1`, { method: 'POST', body: readFileSync(o.file!), headers: { authorization: `Bearer ${token}` } });
    writeFileSync(o.errors, Buffer.from(await res.arrayBuffer()));
    console.log(`wrote ${o.errors} (the rows with an error column, bad cells highlighted)`);
  }
  return outcome.status === 200 && !outcome.summary?.rejected ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`import failed: ${err.message}`);
    process.exit(1);
  },
);
