/**
 * Hostile input, generated: schema-driven random operations and fast-check random bodies against
 * the gateway and the hospitals subgraph, a few thousand in all. Every answer is JSON, never a
 * 5xx, and no message carries internals (stack frames, SQL, file paths, addresses, driver errors).
 * PB_FUZZ_RUNS=<n> changes the runs per property; a failure prints the seed to replay.
 */
import fc from 'fast-check';
import type { Stack } from '@pb/gateway';
import { startTestStack, token } from '../support/harness';
import { arbitraryOperation } from './random-operation';
import { supergraphSchema } from './schema-walk';

const RUNS = Number(process.env.PB_FUZZ_RUNS ?? 700);
const LEAKS = [
  /QueryFailedError|EntityNotFound|TypeORMError/,
  /\bat [\w.<>]+ \(?[^)]*:\d+:\d+\)?/, // stack frames
  /node_modules|\/dist\/|\/src\/|\.ts:\d+|\.js:\d+/,
  /syntax error at or near|violates .* constraint|relation "|column "|invalid input syntax for/, // PostgreSQL
  /ECONNREFUSED|ECONNRESET|127\.0\.0\.1:\d+|localhost:\d+|https?:\/\/(127|localhost)/,
];

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

async function send(url: string, body: string | Uint8Array, contentType: string, bearer?: string): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) }, body });
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
}

/** The answer is a client or success status, JSON, and says nothing about the machinery. */
function assertClean(answer: Answer, input: string): void {
  const context = `for ${input.slice(0, 300)}\n→ ${answer.status} ${answer.text.slice(0, 300)}`;
  if (answer.status >= 500) throw new Error(`5xx ${context}`);
  if (!/json/.test(answer.contentType)) throw new Error(`not JSON (${answer.contentType}) ${context}`);
  const parsed = JSON.parse(answer.text) as { errors?: { message: string; extensions?: unknown }[] };
  const messages = JSON.stringify(parsed.errors ?? []);
  for (const leak of LEAKS) {
    // Compare against the input: an error may quote the caller's own text back.
    const found = leak.exec(messages);
    if (found && !input.includes(found[0])) throw new Error(`leak ${leak} ${context}`);
  }
}

describe('fuzz: no 5xx, JSON only, no internals', () => {
  let stack: Stack;
  const schema = supergraphSchema();
  const callers = [undefined, token({ role: 'VIEWER' }), token({ role: 'ADMIN' }), token({ role: 'EDITOR', sectors: ['hospitals'], regions: ['61'] }), 'not.a.token'];
  beforeAll(async () => {
    stack = await startTestStack({ seed: false });
  });
  afterAll(() => stack?.stop());

  const targets = () => [
    ['gateway', stack.gatewayUrl],
    ['hospitals', stack.subgraphs.hospitals.url],
  ] as const;

  test('schema-driven random operations', async () => {
    for (const [, url] of targets()) {
      await fc.assert(
        fc.asyncProperty(arbitraryOperation(schema), fc.nat(callers.length - 1), async (query, who) => {
          assertClean(await send(url, JSON.stringify({ query }), 'application/json', callers[who]), query);
        }),
        { numRuns: RUNS },
      );
    }
  });

  test('_entities with random representations, straight to a subgraph', async () => {
    const rep = fc.oneof(
      fc.record({ __typename: fc.constantFrom('Region', 'Hospital', 'HospitalPartyBranch', 'Nope', ''), code: fc.oneof(fc.string(), fc.constantFrom('61', '610581')), id: fc.oneof(fc.uuid(), fc.string()) }, { requiredKeys: [] }),
      fc.anything(),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(rep, { maxLength: 5 }), fc.nat(callers.length - 1), async (representations, who) => {
        const body = JSON.stringify({ query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Region { name hospitalStats { hospitals } } ... on Hospital { name branches { secretaryName } } } }', variables: { r: representations } });
        assertClean(await send(stack.subgraphs.hospitals.url, body, 'application/json', callers[who]), body);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  test('random bodies and content types', async () => {
    const body = fc.oneof(
      fc.string({ maxLength: 500 }),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ query: v })),
      fc.record({ query: fc.string({ maxLength: 200 }), variables: fc.jsonValue(), operationName: fc.oneof(fc.string(), fc.constant(null)) }).map((v) => JSON.stringify(v)),
      fc.record({ query: fc.constantFrom('{ region(code: $c) { name } }', 'query($c: ID!) { region(code: $c) { name } }', 'query Q { hospitals(first: $n) { totalCount } }', 'mutation { deleteHospital(id: "x") }'), variables: fc.jsonValue() }).map((v) => JSON.stringify(v)),
      fc.uint8Array({ maxLength: 300 }),
    );
    const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/graphql-response+json', 'multipart/form-data', '');
    for (const [, url] of targets()) {
      await fc.assert(
        fc.asyncProperty(body, contentType, fc.nat(callers.length - 1), async (b, type, who) => {
          assertClean(await send(url, b, type, callers[who]), typeof b === 'string' ? b : `bytes ${Buffer.from(b).toString('hex')}`);
        }),
        { numRuns: RUNS },
      );
    }
  });
});
