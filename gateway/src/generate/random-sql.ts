/**
 * Deterministic pseudo-randomness in SQL: every random value is a hash of the row's
 * generate_series index, the --seed and a salt (hashint8extended), so a run is a pure function
 * of (scale, seed) whatever the chunking, and no state crosses statements or databases.
 */

/** 32-bit FNV-1a of a table name: each table gets its own salts, so tables do not correlate. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

export class Rand {
  private readonly base: bigint;

  constructor(seed: number, table: string) {
    this.base = BigInt(seed) * 1_000_000_000n + BigInt(fnv(table) % 10_000_000) * 100n;
  }

  /** Uniform in [0, 1). `salt` (0–99) tells apart the values drawn for one row. */
  u(expr: string, salt: number): string {
    return `((hashint8extended((${expr})::bigint, ${this.base + BigInt(salt)}) & 2147483647)::float8 / 2147483648.0)`;
  }

  /** Whole number in [lo, hi]. */
  int(expr: string, salt: number, lo: number, hi: number): string {
    return `(${lo} + floor(${this.u(expr, salt)} * ${hi - lo + 1}))::int`;
  }

  /** 1..n, skewed towards small numbers when skew > 1 (a few busy parents, many quiet ones). */
  ordinal(expr: string, salt: number, n: number, skew = 1): string {
    const u = skew === 1 ? this.u(expr, salt) : `power(${this.u(expr, salt)}, ${skew})`;
    return `(1 + floor(${u} * ${n}))::bigint`;
  }

  /** True with probability p. */
  chance(expr: string, salt: number, p: number): string {
    return `(${this.u(expr, salt)} < ${p})`;
  }

  /** One of `options`, with weights (any scale). */
  pick(expr: string, salt: number, options: readonly (readonly [string, number])[]): string {
    const total = options.reduce((s, [, w]) => s + w, 0);
    const u = this.u(expr, salt);
    let cum = 0;
    const whens = options.slice(0, -1).map(([v, w]) => {
      cum += w / total;
      return `WHEN ${u} < ${cum.toFixed(6)} THEN ${lit(v)}`;
    });
    return `(CASE ${whens.join(' ')} ELSE ${lit(options[options.length - 1][0])} END)`;
  }

  /** An element of a text list, uniformly. */
  of(expr: string, salt: number, values: readonly string[]): string {
    return `(ARRAY[${values.map(lit).join(',')}])[${this.int(expr, salt, 1, values.length)}]`;
  }

  /** A Chinese personal name (surname + one or two given characters). */
  person(expr: string, salt: number): string {
    return `${this.of(expr, salt, SURNAMES)} || ${this.of(expr, salt + 1, GIVEN)} || (CASE WHEN ${this.chance(expr, salt + 2, 0.6)} THEN ${this.of(expr, salt + 3, GIVEN)} ELSE '' END)`;
  }

  /** A mobile number that passes the phone check (11 digits). */
  phone(expr: string, salt: number): string {
    return `'1' || ${this.of(expr, salt, ['3', '5', '7', '8', '9'])} || lpad(${this.int(expr, salt + 1, 0, 999_999_999)}::text, 9, '0')`;
  }
}

/** A SQL string literal. */
export const lit = (v: string): string => `'${v.replace(/'/g, "''")}'`;

/** A text[] literal. */
export const textArray = (values: readonly string[]): string => `ARRAY[${values.map(lit).join(',')}]::text[]`;

/**
 * The id of the k-th generated row of a table: a UUID made from the seed, the table and k.
 * Deterministic, so another subgraph's generator can refer to it (a registration's hospital,
 * a clinic's community) without reading the other database.
 */
export const syntheticId = (seed: number, table: string, k: string): string => `md5('${seed}:${table}:' || (${k})::text)::uuid`;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平', '刚', '桂', '英', '华', '建', '国', '文', '红', '玉', '兰', '志', '海'];
