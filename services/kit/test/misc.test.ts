import { decodeCursor, encodeCursor, formatError, isIsoDate, parseCsvLine, stableId, toPeriod } from '@pb/kit';
import { GraphQLError } from 'graphql';

describe('periods and dates', () => {
  test('a period may be open at either end, but not reversed', () => {
    expect(toPeriod(null)).toEqual({ from: null, to: null });
    expect(toPeriod({ from: '2024-01-01', to: '2024-12-31' })).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(() => toPeriod({ from: '2024-02-01', to: '2024-01-01' })).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'period.to' }) }),
    );
  });
  test('only real calendar dates are dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-1')).toBe(false);
  });
});

describe('ids and cursors', () => {
  test('stable ids are UUIDs that depend only on the key', () => {
    expect(stableId('hospital:韩城市人民医院')).toBe(stableId('hospital:韩城市人民医院'));
    expect(stableId('hospital:a')).not.toBe(stableId('hospital:b'));
    expect(stableId('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  test('cursors round-trip and foreign strings are not cursors', () => {
    expect(decodeCursor(encodeCursor('abc'))).toBe('abc');
    expect(decodeCursor('bm90LWEtY3Vyc29y')).toBeNull();
  });
});

describe('division CSV lines', () => {
  test('quoted names and plain codes', () => {
    expect(parseCsvLine('610581002004,"涺惠社区居委会",610581002,61,6105,610581')).toEqual(['610581002004', '涺惠社区居委会', '610581002', '61', '6105', '610581']);
    expect(parseCsvLine('11,"北京市"')).toEqual(['11', '北京市']);
    expect(parseCsvLine('1,"a ""b"", c",2')).toEqual(['1', 'a "b", c', '2']);
  });
});

describe('error formatting', () => {
  const quiet = process.env.PB_QUIET_ERRORS;
  beforeAll(() => (process.env.PB_QUIET_ERRORS = '1'));
  afterAll(() => (process.env.PB_QUIET_ERRORS = quiet));

  test('errors written for the caller pass, without stack traces', () => {
    const out = formatError({ message: 'input.name: must not be empty', extensions: { code: 'BAD_USER_INPUT', field: 'input.name', stacktrace: ['at x'] } }, null);
    expect(out).toEqual({ message: 'input.name: must not be empty', extensions: { code: 'BAD_USER_INPUT', field: 'input.name' } });
  });
  test('anything else becomes a generic internal error', () => {
    const original = new GraphQLError('relation "hospital" does not exist at 10.0.0.5:5432', { originalError: new Error('boom') });
    const out = formatError({ message: original.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, original);
    expect(out).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
