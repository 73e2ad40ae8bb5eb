import { badInput } from './errors/errors.js';
import { isIsoDate, todayInShanghai } from './scalars/date.js';

/** Field checks shared by every subgraph's inputs. Each throws BAD_USER_INPUT naming the field. */

export function requireText(value: string | null | undefined, field: string, max = 200): string {
  const text = (value ?? '').trim();
  if (!text) throw badInput(field, 'must not be empty');
  if (text.length > max) throw badInput(field, `must be at most ${max} characters`);
  return text;
}

export function optionalText(value: string | null | undefined, field: string, max = 2000): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text.length > max) throw badInput(field, `must be at most ${max} characters`);
  return text || null;
}

export function requireCount(value: number | null | undefined, field: string, max = 10_000_000): number {
  if (value === null || value === undefined) throw badInput(field, 'is required');
  if (!Number.isInteger(value) || value < 0) throw badInput(field, 'must be a whole number, zero or more');
  if (value > max) throw badInput(field, `must be at most ${max}`);
  return value;
}

/** A date that has already happened (records of events, not plans). */
export function requirePastDate(value: string | null | undefined, field: string): string {
  if (!value || !isIsoDate(value)) throw badInput(field, 'must be a date YYYY-MM-DD');
  if (value > todayInShanghai()) throw badInput(field, 'must not be in the future');
  return value;
}

export function optionalPastDate(value: string | null | undefined, field: string): string | null {
  return value === null || value === undefined ? null : requirePastDate(value, field);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

export function requireId(value: string, field = 'id'): string {
  if (!isUuid(value)) throw badInput(field, 'is not a valid ID');
  return value.toLowerCase();
}
