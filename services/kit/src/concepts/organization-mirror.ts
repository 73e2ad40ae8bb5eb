import type { QueryRunner } from 'typeorm';

/**
 * An older record type of a sector that is a party organisation in its own right (a hospital's
 * department branch, a community's grid branch, a community's own 党委/党总支/党支部): each of its
 * rows has a `party_organization` row with the same id, kept in step by triggers, so the shared
 * statistics count it and its old API keeps working unchanged. Triggers, not the write path,
 * because every way a row is written (mutations, batches, ledger import, reference loader,
 * restore, the load generator) passes through the database.
 */
export interface OrganizationMirror {
  /** The older record's table. */
  table: string;
  /** Its GraphQL type: the organisation's `mirror_of`. */
  typeName: string;
  /**
   * Column added to `party_organization` referencing the older row (ON DELETE CASCADE): whatever
   * deletes the row (its own mutation, its unit's or grid's delete) archives the organisation with
   * it. Null for a unit's own organisation, which lives under its unit through `unit_id`.
   */
  link: string | null;
  /** `party_organization` column → SQL expression over the older row `r`. */
  columns: Record<string, string>;
  /** `party_organization` column → older column, written back when the organisation is edited. */
  back: Record<string, string>;
}

const ARCHIVED = `EXISTS (SELECT 1 FROM deleted_record d WHERE d.record_id = r.id AND d.kind = 'row' AND d.table_name = 'party_organization')`;

function insertSql(m: OrganizationMirror, from: string): string {
  const cols = Object.keys(m.columns);
  const link = m.link ? [m.link] : [];
  return `INSERT INTO party_organization (id, created_at, mirror_of, ${[...link, ...cols].join(', ')})
    SELECT r.id, r.created_at, '${m.typeName}', ${[...link.map(() => 'r.id'), ...cols.map((c) => m.columns[c])].join(', ')} FROM ${from}
    ON CONFLICT (id) DO NOTHING`;
}

/** Older row → organisation: created with the row, changed with it (only when something differs). */
function forwardFunctionSql(m: OrganizationMirror): string {
  const cols = Object.keys(m.columns);
  const set = cols.map((c) => `${c} = ${m.columns[c]}`).join(', ');
  const differs = `(${cols.map((c) => `o.${c}`).join(', ')}) IS DISTINCT FROM (${cols.map((c) => m.columns[c]).join(', ')})`;
  return `CREATE FUNCTION ${m.table}_organization_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE r ${m.table}%ROWTYPE := NEW;
    BEGIN
      -- Fired by the organisation's own write-back: nothing to do (and no ping-pong).
      IF pg_trigger_depth() > 1 THEN RETURN NULL; END IF;
      IF TG_OP = 'INSERT' THEN
        -- A restore brings the archived organisation back itself, with its batch.
        IF NOT ${ARCHIVED} THEN ${insertSql(m, '(SELECT 1) AS one')}; END IF;
      ELSE
        UPDATE party_organization o SET ${set}, updated_at = now() WHERE o.id = r.id AND ${differs};
      END IF;
      RETURN NULL;
    END $$`;
}

/** Organisation → older row, for the fields the organisation's own mutations may change. */
function backSql(m: OrganizationMirror): string {
  const cols = Object.keys(m.back);
  if (!cols.length) return '';
  return `IF NEW.mirror_of = '${m.typeName}' THEN
        UPDATE ${m.table} t SET ${cols.map((c) => `${m.back[c]} = NEW.${c}`).join(', ')}, updated_at = now()
         WHERE t.id = NEW.id AND (${cols.map((c) => `t.${m.back[c]}`).join(', ')}) IS DISTINCT FROM (${cols.map((c) => `NEW.${c}`).join(', ')});
      END IF;`;
}

/**
 * Migration steps: the link columns, a copy of every existing row, the triggers both ways.
 * `beforeTriggers` runs after the copy and before the triggers exist (a sector's merge of
 * organisations recorded twice).
 */
export async function createOrganizationMirrors(q: QueryRunner, mirrors: OrganizationMirror[], beforeTriggers?: () => Promise<void>): Promise<void> {
  for (const m of mirrors) {
    if (m.link) {
      await q.query(`ALTER TABLE party_organization ADD COLUMN ${m.link} uuid REFERENCES ${m.table} (id) ON DELETE CASCADE`);
      await q.query(`CREATE INDEX party_organization_${m.link}_idx ON party_organization (${m.link})`);
    }
    await q.query(insertSql(m, `${m.table} r`));
  }
  await beforeTriggers?.();
  for (const m of mirrors) {
    await q.query(forwardFunctionSql(m));
    await q.query(`CREATE TRIGGER ${m.table}_organization_sync AFTER INSERT OR UPDATE ON ${m.table} FOR EACH ROW EXECUTE FUNCTION ${m.table}_organization_sync()`);
  }
  await q.query(`CREATE FUNCTION party_organization_write_back() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF pg_trigger_depth() > 1 OR NEW.mirror_of IS NULL THEN RETURN NULL; END IF;
      ${mirrors.map(backSql).join('\n      ')}
      RETURN NULL;
    END $$`);
  await q.query('CREATE TRIGGER party_organization_write_back AFTER UPDATE ON party_organization FOR EACH ROW EXECUTE FUNCTION party_organization_write_back()');
}

/** Undoes createOrganizationMirrors: triggers and links go, the copied organisations are deleted. */
export async function dropOrganizationMirrors(q: QueryRunner, mirrors: OrganizationMirror[]): Promise<void> {
  await q.query('DROP TRIGGER party_organization_write_back ON party_organization');
  await q.query('DROP FUNCTION party_organization_write_back()');
  for (const m of [...mirrors].reverse()) {
    await q.query(`DROP TRIGGER ${m.table}_organization_sync ON ${m.table}`);
    await q.query(`DROP FUNCTION ${m.table}_organization_sync()`);
    await q.query(`DELETE FROM party_organization WHERE mirror_of = '${m.typeName}'`);
    if (m.link) await q.query(`ALTER TABLE party_organization DROP COLUMN ${m.link}`);
  }
}
