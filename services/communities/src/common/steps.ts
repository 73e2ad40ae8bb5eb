import { badInput, requirePastDate, todayInShanghai } from '@pb/kit';

/**
 * The date of a status step: given or today, not in the future, and not before the step it
 * follows (a demand cannot be resolved before it was collected).
 */
export function stepDate(on: string | null | undefined, previous: string | null, field: string): string {
  const date = requirePastDate(on ?? todayInShanghai(), field);
  if (previous && date < previous) throw badInput(field, `must not be before the previous step (${previous})`);
  return date;
}
