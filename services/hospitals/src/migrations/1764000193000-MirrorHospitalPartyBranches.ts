import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createOrganizationMirrors, dropOrganizationMirrors, type OrganizationMirror } from '@pb/kit';

/** Each department branch's organisation (id = the branch's), belonging to the branch's hospital. */
const MIRRORS: OrganizationMirror[] = [
  {
    table: 'hospital_party_branch',
    typeName: 'HospitalPartyBranch',
    link: 'hospital_party_branch_id',
    columns: {
      region_code: 'r.region_code',
      source: 'r.source',
      name: `CASE WHEN r.department LIKE '%党支部' THEN r.department ELSE r.department || '党支部' END`,
      kind: `'BRANCH'`,
      secretary_name: 'r.secretary_name',
      members: 'r.members',
      established_on: 'r.established_on',
      unit_id: 'r.hospital_id',
    },
    back: { members: 'members', established_on: 'established_on' },
  },
];

/**
 * The hospitals' department branches (党支部建在科室) on the shared PartyOrganization: every branch
 * becomes an organisation kept in step with it, so the cross-sector figures count them.
 */
export class MirrorHospitalPartyBranches1764000193000 implements MigrationInterface {
  name = 'MirrorHospitalPartyBranches1764000193000';

  async up(q: QueryRunner): Promise<void> {
    await createOrganizationMirrors(q, MIRRORS);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOrganizationMirrors(q, MIRRORS);
  }
}
