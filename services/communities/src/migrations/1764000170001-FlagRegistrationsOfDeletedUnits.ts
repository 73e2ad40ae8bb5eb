import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A registration's unit sector → the type its owner's deletions feed names (remote_deletion.type_name). */
const REMOTE_TYPES = `(VALUES ('HOSPITAL', 'Hospital'), ('SCHOOL', 'School'), ('SOE', 'Enterprise')) m(sector, type_name)`;

/**
 * `dual_registration.unit_deleted`: the registering unit is deleted (an agency no longer in
 * `agency`, a hospital, school or enterprise in `remote_deletion`, which the owners' deletions
 * feeds fill). Kept by the database: set on every insert (a restore included) and change of unit,
 * and on the unit's registrations when the unit is deleted or restored, so the statistics
 * triggers see the change as an UPDATE of exactly those rows. Registrations whose unit is deleted
 * stay (nothing is lost) but count in no statistic.
 *
 * A registration written while its unit is being deleted must not miss the flag: the trigger that
 * marks a unit deleted first locks out registration writes (SHARE ROW EXCLUSIVE, for the few
 * milliseconds of that transaction), so it waits for one in flight and sees it, and one after it
 * sees the deletion. A unit coming back needs no lock: no registration of a deleted unit can be written.
 */
export class FlagRegistrationsOfDeletedUnits1764000170001 implements MigrationInterface {
  name = 'FlagRegistrationsOfDeletedUnits1764000170001';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE dual_registration ADD COLUMN unit_deleted boolean NOT NULL DEFAULT false');
    await q.query(`CREATE FUNCTION pb_unit_deleted(sector text, unit uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
      SELECT CASE WHEN sector = 'AGENCY' THEN NOT EXISTS (SELECT 1 FROM agency a WHERE a.id = unit)
                  ELSE EXISTS (SELECT 1 FROM remote_deletion x JOIN ${REMOTE_TYPES} ON m.type_name = x.type_name WHERE m.sector = $1 AND x.record_id = unit) END
    $$`);
    await q.query(`CREATE FUNCTION pb_unit_state_registration() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  NEW.unit_deleted := pb_unit_deleted(NEW.unit_sector, NEW.unit_id);
  RETURN NEW;
END $fn$`);
    await q.query(`CREATE TRIGGER pb_unit_state_registration BEFORE INSERT OR UPDATE OF unit_sector, unit_id ON dual_registration
      FOR EACH ROW EXECUTE FUNCTION pb_unit_state_registration()`);
    // Units of a statement's rows, as (sector, id): agencies, and remote units by their type.
    const agencyUnits = (rel: string) => `SELECT 'AGENCY'::text AS sector, r.id AS unit FROM ${rel} r`;
    const remoteUnits = (rel: string) => `SELECT m.sector, r.record_id AS unit FROM ${rel} r JOIN ${REMOTE_TYPES} ON m.type_name = r.type_name`;
    const triggers = [
      { name: 'pb_unit_state_agency_delete', table: 'agency', op: 'DELETE', units: agencyUnits('old_rows'), lock: true },
      { name: 'pb_unit_state_agency_insert', table: 'agency', op: 'INSERT', units: agencyUnits('new_rows'), lock: false },
      { name: 'pb_unit_state_remote_insert', table: 'remote_deletion', op: 'INSERT', units: remoteUnits('new_rows'), lock: true },
      { name: 'pb_unit_state_remote_delete', table: 'remote_deletion', op: 'DELETE', units: remoteUnits('old_rows'), lock: false },
    ];
    for (const t of triggers) {
      await q.query(`CREATE FUNCTION ${t.name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  ${t.lock ? 'LOCK TABLE dual_registration IN SHARE ROW EXCLUSIVE MODE;' : ''}
  UPDATE dual_registration d SET unit_deleted = NOT d.unit_deleted
    FROM (SELECT DISTINCT u.sector, u.unit FROM (${t.units}) u) c
   WHERE d.unit_sector = c.sector AND d.unit_id = c.unit AND d.unit_deleted <> pb_unit_deleted(d.unit_sector, d.unit_id);
  RETURN NULL;
END $fn$`);
      const referencing = t.op === 'DELETE' ? 'OLD TABLE AS old_rows' : 'NEW TABLE AS new_rows';
      await q.query(`CREATE TRIGGER ${t.name} AFTER ${t.op} ON ${t.table} REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${t.name}()`);
    }
    // Registrations of agencies already gone (nothing else is known deleted yet).
    await q.query(`UPDATE dual_registration d SET unit_deleted = true WHERE d.unit_sector = 'AGENCY' AND NOT EXISTS (SELECT 1 FROM agency a WHERE a.id = d.unit_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name, table] of [['pb_unit_state_agency_delete', 'agency'], ['pb_unit_state_agency_insert', 'agency'], ['pb_unit_state_remote_insert', 'remote_deletion'], ['pb_unit_state_remote_delete', 'remote_deletion'], ['pb_unit_state_registration', 'dual_registration']]) {
      await q.query(`DROP TRIGGER ${name} ON ${table}`);
      await q.query(`DROP FUNCTION ${name}()`);
    }
    await q.query('DROP FUNCTION pb_unit_deleted(text, uuid)');
    await q.query('ALTER TABLE dual_registration DROP COLUMN unit_deleted');
  }
}
