import type { Loader } from './loader.js';

/**
 * The kit's shared concepts in every subgraph: party organisations (belonging to the sector's
 * units) and their organisational life, satisfaction surveys, volunteer service (the SOEs'
 * generator writes its own), and in communities the region population.
 */

const SERIES = 'generate_series($1::bigint, $2::bigint) i';
const COMMON = 'id, region_code, source';
const ACTIVITY_KINDS: [string, number][] = [
  ['MEMBERS_MEETING', 12], ['COMMITTEE_MEETING', 20], ['GROUP_MEETING', 20], ['PARTY_LECTURE', 12], ['THEME_PARTY_DAY', 20], ['FIRST_TOPIC_STUDY', 10], ['OTHER', 6],
];

export interface ConceptOptions {
  /** The sector's unit table (community, hospital, school, enterprise). */
  unitTable: string;
  /** Generate volunteer_activity here (not in the SOEs, whose generator has its own columns). */
  volunteers: boolean;
  /** Generate region_population (communities). */
  population: boolean;
  /** Generate party_member_points and pledge (a sector recording 党员积分 and 承诺践诺). */
  commitments?: boolean;
}

export async function generateSectorConcepts(g: Loader, o: ConceptOptions): Promise<void> {
  const id = (table: string, k: string) => g.id(`${g.subgraph}.${table}`, k);
  const NU = await g.index('concept_unit', o.unitTable, 'id, region_code');

  let r = g.rand('party_organization');
  await g.load('party_organization', g.target('party_organization'), `
    INSERT INTO party_organization (${COMMON}, name, kind, secretary_name, members, established_on, unit_id)
    SELECT ${id('party_organization', 'i')}, u.region_code, 'SYNTHETIC', '第' || i || '党支部',
           ${r.pick('i', 1, [['COMMITTEE', 10], ['GENERAL_BRANCH', 15], ['BRANCH', 65], ['PARTY_GROUP', 10]])}, ${r.person('i', 2)},
           ${r.int('i', 3, 3, 120)}, ${g.founded(r, 'i', 4)}, u.id
      FROM ${SERIES} JOIN x_concept_unit u ON u.n = ${r.ordinal('i', 0, NU)}`);
  const NO = await g.index('concept_org', 'party_organization', 'id, region_code, established_on, members');

  r = g.rand('party_activity');
  await g.load('party_activity', g.target('party_activity'), `
    INSERT INTO party_activity (${COMMON}, organization_id, kind, held_on, attendees, topic)
    SELECT ${id('party_activity', 'i')}, o.region_code, 'SYNTHETIC', o.id, ${r.pick('i', 1, ACTIVITY_KINDS)},
           ${g.recentAfter(r, 'i', 2, 'o.established_on')}, least(o.members, ${r.int('i', 3, 3, 120)}),
           ${r.of('i', 4, ['学习贯彻党的二十大精神', '党史学习教育', '主题党日：志愿服务', '第一议题：学习重要讲话', '民主评议党员'])}
      FROM ${SERIES} JOIN x_concept_org o ON o.n = ${r.ordinal('i', 0, NO)}`);

  r = g.rand('satisfaction_survey');
  await g.load('satisfaction_survey', g.target('satisfaction_survey'), `
    INSERT INTO satisfaction_survey (${COMMON}, subject, period_start, period_end, respondents, satisfied, unit_id)
    SELECT ${id('satisfaction_survey', 'i')}, u.region_code, 'SYNTHETIC', ${r.of('i', 1, ['群众满意度', '患者满意度', '业主满意度', '家长满意度'])},
           k.d - 89, k.d, k.n, floor(k.n * (0.6 + 0.4 * ${r.u('i', 3)}))::int, u.id
      FROM ${SERIES} JOIN x_concept_unit u ON u.n = ${r.ordinal('i', 0, NU)}
      CROSS JOIN LATERAL (SELECT ${g.recent(r, 'i', 2)} AS d, ${r.int('i', 4, 20, 2000)} AS n) k`);

  if (o.volunteers) {
    r = g.rand('volunteer_service');
    await g.load('volunteer_activity', g.target('volunteer_activity'), `
      INSERT INTO volunteer_activity (${COMMON}, title, team, held_on, volunteers, hours, people_served, unit_id)
      SELECT ${id('volunteer_activity', 'i')}, u.region_code, 'SYNTHETIC', ${r.of('i', 1, ['学雷锋志愿服务', '关爱空巢老人', '义诊进社区', '环境整治', '防诈骗宣传'])},
             ${r.of('i', 2, ['党员志愿服务队', '青年志愿服务队', '帮办志愿服务队'])}, ${g.recent(r, 'i', 3)}, k.v, k.v * ${r.int('i', 5, 1, 4)}, ${r.int('i', 6, 10, 800)}, u.id
        FROM ${SERIES} JOIN x_concept_unit u ON u.n = ${r.ordinal('i', 0, NU)}
        CROSS JOIN LATERAL (SELECT ${r.int('i', 4, 3, 50)} AS v) k`);
  }

  if (o.commitments) await generateCommitments(g, NU);

  if (o.population) {
    const NT = await g.regions('concept_town', 9);
    r = g.rand('region_population');
    await g.load('region_population', Math.min(g.target('region_population'), NT), `
      INSERT INTO region_population (${COMMON}, as_of, residents, households)
      SELECT ${id('region_population', 'i')}, t.code, 'SYNTHETIC', ${g.recent(r, 'i', 1)}, k.n, k.n / ${r.int('i', 3, 2, 4)}
        FROM ${SERIES} JOIN x_concept_town t ON t.n = i
        CROSS JOIN LATERAL (SELECT ${r.int('i', 2, 3000, 150000)} AS n) k`);
  }
}

/** 党员积分 entries (mostly earned, some redeemed) and pledges (most kept, some overdue, some open). */
async function generateCommitments(g: Loader, NU: number): Promise<void> {
  const id = (table: string, k: string) => g.id(`${g.subgraph}.${table}`, k);
  let r = g.rand('party_member_points');
  await g.load('party_member_points', g.target('party_member_points'), `
    INSERT INTO party_member_points (${COMMON}, member_name, organization, recorded_on, kind, points, reason, unit_id)
    SELECT ${id('party_member_points', 'i')}, u.region_code, 'SYNTHETIC', ${r.person('i', 1)}, '第' || (i % 9 + 1) || '党支部',
           ${g.recent(r, 'i', 2)}, ${r.pick('i', 3, [['EARNED', 75], ['REDEEMED', 25]])}, ${r.int('i', 4, 1, 50)},
           ${r.of('i', 5, ['环境卫生整治', '关爱孤寡老人', '志愿服务', '积分超市兑换'])}, u.id
      FROM ${SERIES} JOIN x_concept_unit u ON u.n = ${r.ordinal('i', 0, NU)}`);

  r = g.rand('pledge');
  await g.load('pledge', g.target('pledge'), `
    INSERT INTO pledge (${COMMON}, organization, member_name, pledged_on, content, due_on, fulfilled_on, unit_id)
    SELECT ${id('pledge', 'i')}, u.region_code, 'SYNTHETIC', '第' || (i % 9 + 1) || '党支部', ${r.person('i', 1)}, k.d,
           ${r.of('i', 2, ['认领微心愿', '每月一次便民服务', '结对帮扶困难群众', '带头参与环境整治'])}, k.d + ${r.int('i', 3, 30, 365)},
           CASE WHEN ${r.chance('i', 4, 0.7)} THEN ${g.recentAfter(r, 'i', 5, 'k.d')} END, u.id
      FROM ${SERIES} JOIN x_concept_unit u ON u.n = ${r.ordinal('i', 0, NU)}
      CROSS JOIN LATERAL (SELECT ${g.recent(r, 'i', 6)} AS d) k`);
}
