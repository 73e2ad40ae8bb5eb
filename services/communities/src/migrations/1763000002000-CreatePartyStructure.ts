import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REGIONAL_RECORD_COLUMNS_SQL, regionalRecordIndexesSql } from '@pb/kit';

/**
 * 社区党组织—网格党支部—楼栋党小组—党员中心户. Children copy their community (and grid) id so
 * every level lists by community in one query; deleting a community removes its structure.
 */
export class CreatePartyStructure1763000002000 implements MigrationInterface {
  name = 'CreatePartyStructure1763000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE grid (${REGIONAL_RECORD_COLUMNS_SQL},
      community_id uuid NOT NULL REFERENCES community(id) ON DELETE CASCADE,
      number integer NOT NULL CHECK (number >= 0),
      name text NOT NULL,
      leader_name text,
      leader_phone text,
      workers integer NOT NULL CHECK (workers >= 0),
      established_on date
    )`);
    await q.query(`CREATE TABLE grid_party_branch (${REGIONAL_RECORD_COLUMNS_SQL},
      grid_id uuid NOT NULL REFERENCES grid(id) ON DELETE CASCADE,
      community_id uuid NOT NULL REFERENCES community(id) ON DELETE CASCADE,
      name text NOT NULL,
      party_members integer NOT NULL CHECK (party_members >= 0),
      established_on date
    )`);
    await q.query(`CREATE TABLE building_party_group (${REGIONAL_RECORD_COLUMNS_SQL},
      branch_id uuid REFERENCES grid_party_branch(id) ON DELETE SET NULL,
      grid_id uuid NOT NULL REFERENCES grid(id) ON DELETE CASCADE,
      community_id uuid NOT NULL REFERENCES community(id) ON DELETE CASCADE,
      name text NOT NULL,
      building text,
      party_members integer NOT NULL CHECK (party_members >= 0),
      established_on date
    )`);
    await q.query(`CREATE TABLE party_member_household (${REGIONAL_RECORD_COLUMNS_SQL},
      group_id uuid REFERENCES building_party_group(id) ON DELETE SET NULL,
      grid_id uuid NOT NULL REFERENCES grid(id) ON DELETE CASCADE,
      community_id uuid NOT NULL REFERENCES community(id) ON DELETE CASCADE,
      head_name text NOT NULL,
      head_phone text,
      address text,
      linked_households integer NOT NULL CHECK (linked_households >= 0),
      designated_on date
    )`);
    const indexes = [
      ...['grid', 'grid_party_branch', 'building_party_group', 'party_member_household'].flatMap(regionalRecordIndexesSql),
      'CREATE INDEX grid_community_id_idx ON grid (community_id)',
      'CREATE INDEX grid_established_on_idx ON grid (established_on)',
      'CREATE INDEX grid_party_branch_grid_id_idx ON grid_party_branch (grid_id)',
      'CREATE INDEX grid_party_branch_community_id_idx ON grid_party_branch (community_id)',
      'CREATE INDEX grid_party_branch_established_on_idx ON grid_party_branch (established_on)',
      'CREATE INDEX building_party_group_branch_id_idx ON building_party_group (branch_id)',
      'CREATE INDEX building_party_group_grid_id_idx ON building_party_group (grid_id)',
      'CREATE INDEX building_party_group_community_id_idx ON building_party_group (community_id)',
      'CREATE INDEX building_party_group_established_on_idx ON building_party_group (established_on)',
      'CREATE INDEX party_member_household_group_id_idx ON party_member_household (group_id)',
      'CREATE INDEX party_member_household_grid_id_idx ON party_member_household (grid_id)',
      'CREATE INDEX party_member_household_community_id_idx ON party_member_household (community_id)',
      'CREATE INDEX party_member_household_designated_on_idx ON party_member_household (designated_on)',
    ];
    for (const sql of indexes) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE party_member_household, building_party_group, grid_party_branch, grid');
  }
}
