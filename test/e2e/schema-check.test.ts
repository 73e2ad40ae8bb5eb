import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Stack } from '@pb/gateway';
import { ok, startTestStack } from '../support/harness';
import { runToEnd } from '../support/processes';

const CHECK = require.resolve('@pb/gateway/dist/check/main.js');
const PRINT_SDL = require.resolve('@pb/kit/dist/schema/print-sdl-cli.js');
const BRANDS = 'query HospitalBrands { hospitals(first: 5) { edges { node { name partyBrand } } } }';

/**
 * `npm run schema:check` against a running gateway: its supergraph, and the operations it has
 * served (its registry) plus the queries of docs/.
 */
describe('schema:check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pb-check-'));
  let stack: Stack;
  let hospitalsSdl: string;

  const check = async (edit: (sdl: string) => string) => {
    const file = join(dir, `proposed-${Math.random().toString(36).slice(2)}.graphql`);
    const proposed = edit(hospitalsSdl);
    expect(proposed).not.toBe(hospitalsSdl);
    writeFileSync(file, proposed);
    return runToEnd(CHECK, ['hospitals', '--schema', file, '--against', new URL('/', stack.gatewayUrl).href], {});
  };
  /** The SDL without one field of Hospital (and its description). */
  const hospitalField = (field: string) => (sdl: string) =>
    sdl.replace(new RegExp(`(type Hospital @key[^{]*\\{[\\s\\S]*?)(\\n  """[^"]*""")?\\n  ${field}: [^\\n]*`), '$1');

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    await ok(stack.gatewayUrl, BRANDS);
    await ok(stack.gatewayUrl, BRANDS);
    const printed = await runToEnd(PRINT_SDL, ['@pb/hospitals'], {});
    hospitalsSdl = printed.output;
    expect(hospitalsSdl).toMatch(/type Hospital @key/);
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a safe addition passes', async () => {
    const res = await check((sdl) => sdl.replace('type Query {\n', 'type Query {\n  hospitalsSchemaVersion: Int\n'));
    expect(res.output).toMatch(/Composition: ok/);
    expect(res.output).toMatch(/Changes: 0 breaking, 0 dangerous, 1 safe/);
    expect(res.output).toMatch(/SAFE\s+Field 'hospitalsSchemaVersion' was added to object type 'Query'/);
    expect(res.output).toMatch(/Result: PASS/);
    expect(res.code).toBe(0);
  });

  test('removing a used field fails and names the operations that use it', async () => {
    const res = await check(hospitalField('partyBrand'));
    expect(res.output).toMatch(/BREAKING\s+Field 'partyBrand' was removed from object type 'Hospital' — used by 1 operation: HospitalBrands \(served\)/);
    expect(res.output).toMatch(/BROKEN\s+HospitalBrands \(served\): Cannot query field "partyBrand" on type "Hospital"/);
    // The registry's operations and the docs/ queries were all checked.
    expect(Number(/Operations: (\d+) checked, 1 broken/.exec(res.output)?.[1])).toBeGreaterThanOrEqual(5);
    expect(res.code).toBe(1);
  });

  test('removing an unused field is breaking, but used by 0 operations', async () => {
    const res = await check(hospitalField('establishedOn'));
    expect(res.output).toMatch(/BREAKING\s+Field 'establishedOn' was removed from object type 'Hospital' — used by 0 operations\n/);
    expect(res.output).toMatch(/, 0 broken/);
    expect(res.output).toMatch(/Result: FAIL \(breaking changes\)/);
    expect(res.code).toBe(1);
  });

  test('a change that does not compose fails with the composition errors', async () => {
    const res = await check((sdl) => sdl.replace('type Query {\n', 'type Query {\n  communities: Int\n'));
    expect(res.output).toMatch(/Composition: FAILED/);
    expect(res.output).toMatch(/Query\.communities/);
    expect(res.output).toMatch(/Result: FAIL \(composition\)/);
    expect(res.code).toBe(1);
  });
});
