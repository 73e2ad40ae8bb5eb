import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createOrganizationMirrors, dropOrganizationMirrors, type OrganizationMirror } from '@pb/kit';

const KIND = `CASE r.party_organization WHEN 'PARTY_COMMITTEE' THEN 'COMMITTEE' ELSE r.party_organization END`;
const SUFFIX = `CASE r.party_organization WHEN 'PARTY_COMMITTEE' THEN '党委' WHEN 'GENERAL_BRANCH' THEN '党总支' ELSE '党支部' END`;

/** The community's own organisation (id = the community's) and each grid branch's (id = the branch's). */
const MIRRORS: OrganizationMirror[] = [
  {
    table: 'community',
    typeName: 'Community',
    link: null,
    columns: { region_code: 'r.region_code', source: 'r.source', name: `r.name || ${SUFFIX}`, kind: KIND, members: 'r.party_members', established_on: 'r.established_on', unit_id: 'r.id' },
    back: { members: 'party_members' },
  },
  {
    table: 'grid_party_branch',
    typeName: 'GridPartyBranch',
    link: 'grid_party_branch_id',
    columns: {
      region_code: 'r.region_code',
      source: 'r.source',
      name: 'r.name',
      kind: `'BRANCH'`,
      members: 'r.party_members',
      established_on: 'r.established_on',
      unit_id: 'r.community_id',
      parent_id: '(SELECT p.id FROM party_organization p WHERE p.id = r.community_id)',
    },
    back: { name: 'name', members: 'party_members', established_on: 'established_on' },
  },
];

/** A top-level organisation recorded for a community in the community's own form: the same organisation. */
const RECORDED_TWICE = `SELECT o.id AS dup, c.id AS own, o.secretary_name FROM party_organization o JOIN community c ON c.id = o.unit_id
  WHERE o.mirror_of IS NULL AND o.parent_id IS NULL AND o.kind = (CASE c.party_organization WHEN 'PARTY_COMMITTEE' THEN 'COMMITTEE' ELSE c.party_organization END)`;

/**
 * The communities' party structure on the shared PartyOrganization: every community's 党委/党总支/
 * 党支部 and every grid party branch (网格党支部, under its community's organisation) becomes an
 * organisation kept in step with its record. An organisation already recorded as a community's own
 * (遵南社区's 党总支) is merged into the community's: its branches and activities move over.
 */
export class MirrorCommunityPartyOrganizations1764000192000 implements MigrationInterface {
  name = 'MirrorCommunityPartyOrganizations1764000192000';

  async up(q: QueryRunner): Promise<void> {
    await createOrganizationMirrors(q, MIRRORS, async () => {
      await q.query(`UPDATE party_organization m SET secretary_name = coalesce(m.secretary_name, x.secretary_name) FROM (${RECORDED_TWICE}) x WHERE m.id = x.own`);
      await q.query(`UPDATE party_organization p SET parent_id = x.own FROM (${RECORDED_TWICE}) x WHERE p.parent_id = x.dup`);
      await q.query(`UPDATE party_activity a SET organization_id = x.own FROM (${RECORDED_TWICE}) x WHERE a.organization_id = x.dup`);
      await q.query(`DELETE FROM party_organization o USING (${RECORDED_TWICE}) x WHERE o.id = x.dup`);
    });
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOrganizationMirrors(q, MIRRORS);
  }
}
