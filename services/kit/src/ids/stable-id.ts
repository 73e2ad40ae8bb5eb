import { createHash } from 'node:crypto';

/** Namespace of the reference dataset's ids (an arbitrary, fixed UUID). */
const NAMESPACE = Buffer.from('6f1c2a9e5b7d4e3fa1c08d2e4b6a9c71', 'hex');

/**
 * UUID v5 from a natural key (e.g. `hospital:韩城市人民医院`): the reference dataset gets the
 * same ids on every machine, so loading it twice updates rather than duplicates.
 */
export function stableId(key: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(key, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
