import { badInput, todayInShanghai } from '@pb/kit';

/** A calendar year from 1949 up to the current one (records of what happened, not plans). */
export function requireYear(value: number | null | undefined, field: string): number {
  const current = Number(todayInShanghai().slice(0, 4));
  if (value === null || value === undefined) throw badInput(field, 'is required');
  if (!Number.isInteger(value) || value < 1949 || value > current) throw badInput(field, `must be a year from 1949 to ${current}`);
  return value;
}
