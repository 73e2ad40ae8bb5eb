import { ConfigError, loggableError, subgraphSettings, variableField } from '@pb/kit';

describe('logs never carry SQL text or parameters unless asked', () => {
  const dbError = Object.assign(new Error('duplicate key value violates unique constraint "hospital_pkey"'), {
    name: 'QueryFailedError',
    code: '23505',
    query: 'INSERT INTO hospital (name, leader_phone) VALUES ($1, $2)',
    parameters: ['某医院', '13800000000'],
  });

  afterEach(() => delete process.env.PB_LOG_SQL);

  test('a database error is logged by type, message and code only', () => {
    const logged = JSON.stringify(loggableError(dbError));
    expect(JSON.parse(logged)).toEqual({ type: 'QueryFailedError', message: dbError.message, code: '23505' });
    expect(logged).not.toMatch(/INSERT|13800000000/);
  });

  test('PB_LOG_SQL=1 (debugging) adds the statement and its parameters', () => {
    process.env.PB_LOG_SQL = '1';
    expect(loggableError(dbError)).toMatchObject({ query: dbError.query, parameters: dbError.parameters });
  });
});

describe('settings are validated with one line per problem', () => {
  const problems = (env: NodeJS.ProcessEnv) => {
    try {
      subgraphSettings('hospitals', 4002, env);
      return [];
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as ConfigError).problems;
    }
  };

  test('good settings pass, with defaults', () => {
    expect(subgraphSettings('hospitals', 4002, { HOSPITALS_DATABASE_URL: 'postgresql://u:p@db.example:5432/pb_hospitals' })).toMatchObject({ port: 4002, seed: true, production: false });
  });

  test('each bad value is named', () => {
    expect(problems({ DATABASE_URL: 'base', PORT: 'x', PB_SEED: 'yes', PB_DB_POOL_SIZE: '0' })).toEqual([
      'DATABASE_URL is not a URL (expected postgresql://user:password@host:5432/database)',
      'PORT must be a whole number',
      'PB_SEED must be 0 or 1',
      'PB_DB_POOL_SIZE must be at least 1',
    ]);
    expect(problems({ DATABASE_URL: 'postgresql://u@host' })).toEqual(['DATABASE_URL names no database (…/database at the end)']);
  });

  test('PB_DELETIONS_POLL_MS: milliseconds between polls of the deletions feeds, 30 s by default, 0 for never', () => {
    expect(subgraphSettings('communities', 4001, {}).deletionsPollMs).toBe(30_000);
    expect(subgraphSettings('communities', 4001, { PB_DELETIONS_POLL_MS: '0' }).deletionsPollMs).toBe(0);
    expect(subgraphSettings('communities', 4001, { PB_DELETIONS_POLL_MS: '250' }).deletionsPollMs).toBe(250);
    expect(problems({ PB_DELETIONS_POLL_MS: 'often' })).toEqual(['PB_DELETIONS_POLL_MS must be a whole number of milliseconds']);
    expect(problems({ PB_DELETIONS_POLL_MS: '-1' })).toEqual(['PB_DELETIONS_POLL_MS must be 0 (off) or more']);
  });

  test('production: a key and a database are required; JWT_PUBLIC_KEY or JWT_JWKS_URL alone is enough', () => {
    expect(problems({ NODE_ENV: 'production' })).toHaveLength(2);
    const db = { NODE_ENV: 'production', DATABASE_URL: 'postgresql://u@h/db' };
    expect(problems({ ...db, JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----' })).toEqual([]);
    expect(problems({ ...db, JWT_JWKS_URL: 'https://id.example/.well-known/jwks.json' })).toEqual([]);
    expect(problems({ ...db, JWT_PUBLIC_KEY: 'secret' })).toEqual(['JWT_PUBLIC_KEY must be a PEM public key (-----BEGIN PUBLIC KEY-----…)']);
    expect(problems({ NODE_ENV: 'production', JWT_SECRET: 'a-long-enough-secret', PB_EMBEDDED_POSTGRES: '1' })).toEqual([]);
  });
});

test('variable coercion errors name the field at fault', () => {
  expect(variableField('Variable "$input" got invalid value "2026/11/20" at "input.heldOn"; Expected type "Date". Date must be…')).toBe('input.heldOn');
  expect(variableField('Variable "$since" got invalid value "yesterday"; Expected type "DateTimeISO".')).toBe('since');
  expect(variableField('Something else')).toBeUndefined();
});
