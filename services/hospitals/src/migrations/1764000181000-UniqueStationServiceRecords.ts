import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One service record per health station, day and kind (驿站服务记录): a second one would count
 * the same services twice. The record table holds live records only (a deleted one moves to the
 * archive), so a plain unique index is "unique among live records".
 *
 * Duplicates already stored are merged first, losing nothing: the oldest record of a group keeps
 * the sum of the group's services, the others are removed, and an audit entry on the kept record
 * (an UPDATE naming mergedRecords) holds every removed row whole. Ledger numbers of removed rows move to the
 * kept one. The reference dataset and the generator hold no duplicates; this is for databases
 * that took them through the API before.
 */
export class UniqueStationServiceRecords1764000181000 implements MigrationInterface {
  name = 'UniqueStationServiceRecords1764000181000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TEMP TABLE station_service_merge ON COMMIT DROP AS
      SELECT id, first_value(id) OVER w AS keep, sum(services) OVER (PARTITION BY station_id, served_on, kind) AS total, to_jsonb(r) AS data
        FROM station_service_record r
      WINDOW w AS (PARTITION BY station_id, served_on, kind ORDER BY created_at, id)`);
    await q.query('DELETE FROM station_service_merge m WHERE NOT EXISTS (SELECT 1 FROM station_service_merge o WHERE o.keep = m.keep AND o.id <> o.keep)');
    await q.query(`INSERT INTO audit_log (subject, role, operation, type_name, record_id, changes)
      SELECT 'migration ${this.name}', NULL, 'UPDATE', 'StationServiceRecord', keep,
             jsonb_build_object('services', jsonb_build_object('before', (array_agg(data->'services') FILTER (WHERE id = keep))[1], 'after', max(total)),
                                'mergedRecords', jsonb_build_object('before', jsonb_agg(data) FILTER (WHERE id <> keep), 'after', NULL))
        FROM station_service_merge GROUP BY keep`);
    await q.query(`UPDATE station_service_record r SET services = m.total FROM station_service_merge m WHERE r.id = m.keep AND m.id = m.keep`);
    await q.query(`UPDATE ledger_entry l SET record_id = m.keep FROM station_service_merge m WHERE l.record_id = m.id AND m.id <> m.keep`);
    await q.query(`DELETE FROM station_service_record r USING station_service_merge m WHERE r.id = m.id AND m.id <> m.keep`);
    await q.query('CREATE UNIQUE INDEX station_service_record_station_day_kind_key ON station_service_record (station_id, served_on, kind)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX station_service_record_station_day_kind_key');
  }
}
