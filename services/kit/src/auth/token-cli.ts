#!/usr/bin/env node
/**
 * Mints a development token signed with the local HS256 secret:
 *   npm run token -- --role EDITOR --sector hospitals --region 610581
 * --sector and --region may repeat or take comma lists. Prints the token alone on stdout.
 */
import { parseClaims } from './claims.js';
import { mintToken, resolveJwtSecret } from './verifier.js';

function parseArgs(argv: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!flag.startsWith('--')) throw new Error(`unexpected argument ${flag}`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
    (out[flag.slice(2)] ??= []).push(...value.split(',').filter(Boolean));
    i++;
  }
  return out;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const claims = parseClaims({
    role: (args.role?.[0] ?? 'VIEWER').toUpperCase(),
    sectors: args.sector ?? args.sectors ?? [],
    regions: args.region ?? args.regions ?? [],
    sub: args.sub?.[0],
  });
  const { secret } = resolveJwtSecret();
  process.stdout.write(mintToken(claims, secret, (args.expires?.[0] ?? '12h') as '12h') + '\n');
}

try {
  main();
} catch (err) {
  console.error(`token: ${(err as Error).message}`);
  console.error('usage: npm run token -- --role ADMIN|EDITOR|VIEWER [--sector hospitals] [--region 610581] [--expires 12h]');
  process.exit(2);
}
