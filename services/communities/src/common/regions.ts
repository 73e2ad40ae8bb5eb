import { badInput } from '@pb/kit';

/** Canonical code lengths, from the village up (village, township, county, city, province). */
const LEVEL_LENGTHS = [12, 9, 6, 4, 2];

/**
 * The smallest division holding both codes (two communities of one street → the street), so a
 * record about both lies in a region that contains each. Codes of two provinces have none:
 * BAD_USER_INPUT naming `field`. (Generic: belongs in the kit next to isWithinRegion.)
 */
export function commonRegion(a: string, b: string, field: string): string {
  const length = LEVEL_LENGTHS.find((n) => a.length >= n && b.length >= n && a.slice(0, n) === b.slice(0, n));
  if (!length) throw badInput(field, 'must be in the same province');
  return a.slice(0, length);
}
