/**
 * SQL for the roll-up rule "a record belongs to every region whose code prefixes its own".
 * A range on a COLLATE "C" column instead of LIKE, so a btree index serves it even when the
 * prefix comes from another table (as in the batched stats joins). ':' sorts right after '9'.
 */
export const withinRegionSql = (column: string, prefixExpr: string): string =>
  `(${column} >= ${prefixExpr} AND ${column} < ${prefixExpr} || ':')`;

/** `FROM unnest($n::text[]) AS q(code)`: the requested region codes of a batched stats query. */
export const requestedRegionsSql = (param: string): string => `unnest(${param}::text[]) AS q(code)`;
