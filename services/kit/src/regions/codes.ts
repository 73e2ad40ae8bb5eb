import { badInput } from '../errors/errors.js';

/** Region levels by the length of the canonical (unpadded) code. */
export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
}

const LEVEL_BY_LENGTH: Record<number, RegionLevel> = {
  2: RegionLevel.PROVINCE,
  4: RegionLevel.CITY,
  6: RegionLevel.COUNTY,
  9: RegionLevel.TOWNSHIP,
  12: RegionLevel.VILLAGE,
};

export function levelOfCode(code: string): RegionLevel {
  const level = LEVEL_BY_LENGTH[code.length];
  if (!level) throw new Error(`not a canonical region code: ${code}`);
  return level;
}

/**
 * Canonical form of a division code: the unpadded code of its level (61, 6105, 610581,
 * 610581002, 610581002004). Zero-padded forms (610000, 610500, 610581000000) are accepted
 * because that is how the codes appear in most official tables. Returns null when the
 * input cannot be a division code at all; existence is checked against the region table.
 */
export function normalizeRegionCode(raw: string): string | null {
  const code = raw.trim();
  if (!/^\d+$/.test(code)) return null;
  let c = code;
  if (c.length === 12 && c.endsWith('000')) c = c.slice(0, 9);
  if (c.length === 9 && c.endsWith('000')) c = c.slice(0, 6);
  if (c.length === 6 && c.endsWith('00')) c = c.slice(0, 4);
  if (c.length === 4 && c.endsWith('00')) c = c.slice(0, 2);
  if (c.length === 2 && c === '00') return null;
  return LEVEL_BY_LENGTH[c.length] ? c : null;
}

/** Normalizes or throws BAD_USER_INPUT naming `field`. */
export function requireRegionCodeFormat(raw: string, field: string): string {
  const code = normalizeRegionCode(raw);
  if (!code) throw badInput(field, `"${raw}" is not a region code (2, 4, 6, 9 or 12 digits)`);
  return code;
}

/** True when `code` lies inside the region `prefix` (every level is a prefix of the next). */
export function isWithinRegion(code: string, prefix: string): boolean {
  return code.startsWith(prefix);
}
