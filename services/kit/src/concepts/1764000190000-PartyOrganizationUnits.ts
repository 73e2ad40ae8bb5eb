import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Party organisations belong to a real unit of their sector: `unit_id` references the sector's
 * unit table, and deleting a unit deletes (soft delete: archives) its organisations and, through
 * theirs, their activities. `mirror_of` marks an organisation kept in step with an older record of
 * the sector (a department branch, a grid branch, a community's own organisation) whose id it shares.
 */
export function partyOrganizationUnitsMigration(unitTable: string) {
  return class PartyOrganizationUnits1764000190000 implements MigrationInterface {
    name = 'PartyOrganizationUnits1764000190000';

    async up(q: QueryRunner): Promise<void> {
      await q.query('ALTER TABLE party_organization ADD COLUMN mirror_of text');
      // A unit deleted before the reference existed: its organisations no longer name it.
      await q.query(`UPDATE party_organization o SET unit_id = NULL WHERE o.unit_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "${unitTable}" u WHERE u.id = o.unit_id)`);
      await q.query(`ALTER TABLE party_organization ADD CONSTRAINT party_organization_unit_fk FOREIGN KEY (unit_id) REFERENCES "${unitTable}" (id) ON DELETE CASCADE`);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query('ALTER TABLE party_organization DROP CONSTRAINT party_organization_unit_fk');
      await q.query('ALTER TABLE party_organization DROP COLUMN mirror_of');
    }
  };
}
