import type { Loader } from './loader.js';

/**
 * The hospitals subgraph: hospitals at townships (community health centres in 街道, township
 * health centres in 乡/镇), their department branches, clinics, ward rounds, health stations
 * and elder-care centres. Children copy their parent's region code.
 */

const SERIES = 'generate_series($1::bigint, $2::bigint) i';
const COMMON = 'id, region_code, source';

const KIND_NAMES = `CASE kind WHEN 'GENERAL' THEN '人民医院' WHEN 'TCM' THEN '中医医院' WHEN 'MATERNAL_CHILD' THEN '妇幼保健院' WHEN 'TOWNSHIP_HEALTH_CENTER' THEN '卫生院' WHEN 'COMMUNITY_HEALTH_CENTER' THEN '社区卫生服务中心' ELSE '专科医院' END`;
const DEPARTMENTS = ['内科', '外科', '儿科', '妇产科', '急诊科', '护理部', '药剂科', '检验科', '放射科', '行政后勤', '中医科', '公共卫生科'];
const THEMES = ['高血压义诊', '糖尿病筛查', '儿童健康体检', '老年人健康讲座', '中医药进社区', '口腔健康宣教'];
const ITEMS = ['病历书写不规范', '医疗废物分类不到位', '患者满意度回访不及时', '科室学习记录不完整', '药品储存温度记录缺失'];
const WISHES = ['上门测血压', '代购常用药', '陪同就医', '健康咨询', '康复指导'];

export async function generateHospitals(g: Loader): Promise<void> {
  const T = g.T;
  await g.regions('town', 9);

  const nHospital = g.target('hospital');
  let r = g.rand('hospital');
  await g.load('hospital', nHospital, `
    INSERT INTO hospital (${COMMON}, name, grade, kind, is_public, secretary_president_separated, party_organization, party_brand, established_on)
    SELECT id, code, 'SYNTHETIC', left(region_name, 80) || ${KIND_NAMES}, grade, kind, is_public,
           CASE WHEN is_public AND grade IN ('SECONDARY', 'TERTIARY') THEN ${r.chance('i', 5, 0.75)} ELSE ${r.chance('i', 6, 0.3)} END,
           CASE grade WHEN 'TERTIARY' THEN 'PARTY_COMMITTEE'
                      WHEN 'SECONDARY' THEN ${r.pick('i', 7, [['PARTY_COMMITTEE', 60], ['GENERAL_BRANCH', 30], ['BRANCH', 10]])}
                      ELSE ${r.pick('i', 8, [['PARTY_COMMITTEE', 5], ['GENERAL_BRANCH', 25], ['BRANCH', 70]])} END,
           CASE WHEN ${r.chance('i', 9, 0.3)} THEN ${r.of('i', 10, ['仁心党建', '红心守护', '白衣先锋', '杏林党旗红'])} END,
           ${g.founded(r, 'i', 11)}
      FROM (SELECT x.*, CASE WHEN kind IN ('TOWNSHIP_HEALTH_CENTER', 'COMMUNITY_HEALTH_CENTER') THEN ${r.pick('i', 3, [['UNRATED', 40], ['PRIMARY', 55], ['SECONDARY', 5]])}
                              ELSE ${r.pick('i', 4, [['SECONDARY', 55], ['TERTIARY', 20], ['PRIMARY', 20], ['UNRATED', 5]])} END AS grade
              FROM (SELECT i, ${g.id('hospital', 'i')} AS id, t.code, t.region_name, ${r.chance('i', 2, 0.85)} AS is_public,
                           CASE WHEN t.urban THEN ${r.pick('i', 1, [['COMMUNITY_HEALTH_CENTER', 50], ['GENERAL', 25], ['TCM', 8], ['MATERNAL_CHILD', 5], ['SPECIALIST', 12]])}
                                ELSE ${r.pick('i', 12, [['TOWNSHIP_HEALTH_CENTER', 75], ['GENERAL', 15], ['TCM', 7], ['MATERNAL_CHILD', 2], ['SPECIALIST', 1]])} END AS kind
                      FROM ${SERIES} JOIN x_town t ON t.n = ${g.stratified(r, 'town', nHospital, 0)}) x) y`);
  const NH = await g.index('hospital', 'hospital', `id, region_code, name, (SELECT name FROM region WHERE code = t.region_code) AS town_name`);

  r = g.rand('hospital_party_branch');
  await g.load('hospital_party_branch', g.target('hospital_party_branch'), `
    INSERT INTO hospital_party_branch (${COMMON}, hospital_id, department, secretary_name, secretary_role, members, established_on)
    SELECT ${g.id('hospital_party_branch', 'i')}, h.region_code, 'SYNTHETIC', h.id, ${r.of('i', 1, DEPARTMENTS)} || '党支部', ${r.person('i', 2)},
           ${r.pick('i', 5, [['DEPARTMENT_HEAD', 45], ['BUSINESS_BACKBONE', 45], ['OTHER', 10]])}, ${r.int('i', 6, 3, 40)}, ${g.founded(r, 'i', 7)}
      FROM ${SERIES} JOIN x_hospital h ON h.n = ${r.ordinal('i', 0, NH, 1.2)}`);
  const NB = await g.index('branch', 'hospital_party_branch', 'id, region_code, hospital_id');

  // Members developed: one row per branch and year (unique), for most of the last three years.
  const year = Number(g.today.slice(0, 4));
  r = g.rand('branch_member_development');
  await g.load('branch_member_development', NB * 3, `
    INSERT INTO branch_member_development (${COMMON}, branch_id, year, developed)
    SELECT ${g.id('branch_member_development', 'i')}, b.region_code, 'SYNTHETIC', b.id, ${year} - ((i - 1) % 3)::int, ${r.int('i', 1, 0, 4)}
      FROM ${SERIES} JOIN x_branch b ON b.n = (i - 1) / 3 + 1
     WHERE ${r.chance('i', 2, 0.7)}`);

  // 义诊: a third with a partner hospital (the next one in region order, never itself).
  r = g.rand('free_clinic');
  const community = (salt: number) => g.id('community', g.near(r, g.target('community'), 'h.n', NH, salt, 5));
  await g.load('free_clinic', g.target('free_clinic'), `
    INSERT INTO free_clinic (${COMMON}, hospital_id, partner_hospital_ids, held_on, theme, venue, community_id, team_size, party_member_doctors, patients, home_visits, follow_up_patients, referrals)
    SELECT id, region_code, 'SYNTHETIC', hospital_id, partners, held_on, theme, venue, community_id, team,
           floor(team * ${r.u('i', 9)})::int, patients, ${r.int('i', 10, 0, 30)},
           floor(patients * 0.2 * ${r.u('i', 11)})::int, floor(patients * 0.05 * ${r.u('i', 12)})::int
      FROM (SELECT i, ${g.id('free_clinic', 'i')} AS id, h.region_code, h.id AS hospital_id,
                   CASE WHEN ${r.chance('i', 1, 0.3)} AND ${NH} > 1 THEN ARRAY[p.id] ELSE '{}'::uuid[] END AS partners,
                   ${g.recent(r, 'i', 2)} AS held_on, ${r.of('i', 3, THEMES)} AS theme,
                   CASE WHEN ${r.chance('i', 4, 0.7)} THEN left(h.town_name, 80) || ${r.of('i', 5, ['文化广场', '社区服务中心', '村委会', '集贸市场'])} END AS venue,
                   CASE WHEN ${r.chance('i', 6, 0.4)} THEN ${community(7)} END AS community_id,
                   ${r.int('i', 8, 5, 30)} AS team, ${r.int('i', 13, 20, 500)} AS patients
              FROM ${SERIES} JOIN x_hospital h ON h.n = ${r.ordinal('i', 0, NH, 1.2)}
              JOIN x_hospital p ON p.n = h.n % ${NH} + 1) x`);

  // 党建查房 (听·访·查·评·改): most complete all five steps, in their order.
  r = g.rand('ward_round');
  await g.load('ward_round', g.target('ward_round'), `
    INSERT INTO ward_round (${COMMON}, branch_id, hospital_id, held_on, leader_name, completed_steps, findings)
    SELECT ${g.id('ward_round', 'i')}, b.region_code, 'SYNTHETIC', b.id, b.hospital_id, ${g.recent(r, 'i', 1)}, ${r.person('i', 2)},
           (ARRAY['LISTEN', 'VISIT', 'INSPECT', 'EVALUATE', 'RECTIFY'])[1:${r.pick('i', 5, [['5', 70], ['4', 15], ['3', 10], ['2', 5]])}::int],
           CASE WHEN ${r.chance('i', 6, 0.6)} THEN ${r.of('i', 7, ITEMS)} END
      FROM ${SERIES} JOIN x_branch b ON b.n = ${r.ordinal('i', 0, NB, 1.2)}`);
  const NW = await g.index('round', 'ward_round', 'id, region_code, held_on');

  // 整改事项: due 1–9 weeks after the round (a plan, so possibly after today); DONE on a date
  // between the round and today for most.
  r = g.rand('rectification_item');
  await g.load('rectification_item', g.target('rectification_item'), `
    INSERT INTO rectification_item (${COMMON}, ward_round_id, description, due_on, status, done_on)
    SELECT id, region_code, 'SYNTHETIC', ward_round_id, description, due_on,
           CASE WHEN done AND done_on <= ${T} THEN 'DONE' ELSE 'OPEN' END, CASE WHEN done AND done_on <= ${T} THEN done_on END
      FROM (SELECT ${g.id('rectification_item', 'i')} AS id, w.region_code, w.id AS ward_round_id, ${r.of('i', 1, ITEMS)} AS description,
                   w.held_on + ${r.int('i', 2, 7, 63)} AS due_on, ${r.chance('i', 3, 0.85)} AS done, w.held_on + ${r.int('i', 4, 1, 60)} AS done_on
              FROM ${SERIES} JOIN x_round w ON w.n = ${r.ordinal('i', 0, NW)}) x`);

  // 健康驿站: at a hospital's township, staffed by it (and sometimes its neighbour).
  r = g.rand('health_station');
  await g.load('health_station', g.target('health_station'), `
    INSERT INTO health_station (${COMMON}, name, venue, community_id, opened_on, origin, staff_hospital_ids)
    SELECT ${g.id('health_station', 'i')}, h.region_code, 'SYNTHETIC', left(h.town_name, 80) || '健康驿站' || ${r.int('i', 1, 1, 9)} || '号',
           CASE WHEN ${r.chance('i', 2, 0.6)} THEN left(h.town_name, 80) || ${r.of('i', 3, ['社区服务中心', '便民服务站', '文化广场'])} END,
           CASE WHEN ${r.chance('i', 4, 0.5)} THEN ${community(5)} END,
           ${T} - floor(1094 * sqrt(${r.u('i', 6)}))::int,
           ${r.pick('i', 7, [['CONVERTED_TESTING_BOOTH', 50], ['NEW', 30], ['IN_COMMUNITY_CENTRE', 20]])},
           CASE WHEN ${r.chance('i', 8, 0.2)} AND p.id <> h.id THEN ARRAY[h.id, p.id] ELSE ARRAY[h.id] END
      FROM ${SERIES} JOIN x_hospital h ON h.n = ${r.ordinal('i', 0, NH, 1.2)}
      JOIN x_hospital p ON p.n = h.n % ${NH} + 1`);
  const NS = await g.index('hstation', 'health_station', 'id, region_code, opened_on');

  r = g.rand('station_service_record');
  await g.load('station_service_record', g.target('station_service_record'), `
    INSERT INTO station_service_record (${COMMON}, station_id, served_on, kind, services)
    SELECT ${g.id('station_service_record', 'i')}, s.region_code, 'SYNTHETIC', s.id, ${g.recentAfter(r, 'i', 1, 's.opened_on')},
           ${r.pick('i', 2, [['BASIC_CARE', 45], ['HEALTH_EDUCATION', 25], ['HOME_VISIT', 20], ['POLICY_CONSULTATION', 10]])}, ${r.int('i', 3, 1, 40)}
      FROM ${SERIES} JOIN x_hstation s ON s.n = ${r.ordinal('i', 0, NS, 1.2)}
    ON CONFLICT (station_id, served_on, kind) DO NOTHING`); // one per station, day and kind: a repeat draw is skipped

  r = g.rand('station_wish');
  await g.load('station_wish', g.target('station_wish'), `
    INSERT INTO station_wish (${COMMON}, station_id, posted_on, request, resident_name, status, fulfilled_on)
    SELECT id, region_code, 'SYNTHETIC', station_id, posted_on, request, resident_name,
           CASE WHEN t = 'FULFILLED' AND f > ${T} THEN 'CLAIMED' ELSE t END, CASE WHEN t = 'FULFILLED' AND f <= ${T} THEN f END
      FROM (SELECT ${g.id('station_wish', 'i')} AS id, s.region_code, s.id AS station_id, k.posted_on, ${r.of('i', 2, WISHES)} AS request,
                   CASE WHEN ${r.chance('i', 3, 0.6)} THEN ${r.person('i', 4)} END AS resident_name,
                   ${r.pick('i', 8, [['FULFILLED', 70], ['CLAIMED', 15], ['POSTED', 15]])} AS t, k.posted_on + ${r.int('i', 9, 0, 20)} AS f
              FROM ${SERIES} JOIN x_hstation s ON s.n = ${r.ordinal('i', 0, NS)}
              CROSS JOIN LATERAL (SELECT ${g.recentAfter(r, 'i', 1, 's.opened_on')} AS posted_on) k) x`);

  // 医养结合: centres run by hospitals (township codes: 9 digits, as the mutation requires).
  r = g.rand('elder_care_center');
  await g.load('elder_care_center', g.target('elder_care_center'), `
    INSERT INTO elder_care_center (${COMMON}, hospital_id, name, venue, opened_on, beds)
    SELECT ${g.id('elder_care_center', 'i')}, h.region_code, 'SYNTHETIC', h.id, left(h.town_name, 80) || '医养结合服务中心',
           CASE WHEN ${r.chance('i', 1, 0.5)} THEN left(h.name, 150) || '院内' END, ${g.founded(r, 'i', 2, 0.05)}, ${r.int('i', 6, 20, 200)}
      FROM ${SERIES} JOIN x_hospital h ON h.n = ${r.ordinal('i', 0, NH)}`);
  const NE = await g.index('center', 'elder_care_center', 'id, region_code, opened_on, beds');

  // Censuses: at most one per centre and quarter (unique), never before opening, residents ≤ beds.
  r = g.rand('elder_care_census');
  await g.load('elder_care_census', NE * 12, `
    INSERT INTO elder_care_census (${COMMON}, center_id, counted_on, self_care, semi_disabled, disabled)
    SELECT ${g.id('elder_care_census', 'i')}, c.region_code, 'SYNTHETIC', c.id, k.on_day,
           floor(k.residents * 0.5)::int, floor(k.residents * 0.3)::int, k.residents - floor(k.residents * 0.5)::int - floor(k.residents * 0.3)::int
      FROM ${SERIES} JOIN x_center c ON c.n = (i - 1) / 12 + 1
      CROSS JOIN LATERAL (SELECT (date_trunc('quarter', ${T}) - ((i - 1) % 12) * interval '3 months')::date AS on_day,
                                 floor(c.beds * (0.5 + 0.45 * ${r.u('i', 1)}))::int AS residents) k
     WHERE (c.opened_on IS NULL OR k.on_day >= c.opened_on) AND ${r.chance('i', 2, 0.85)}`);

  r = g.rand('elder_care_activity');
  await g.load('elder_care_activity', g.target('elder_care_activity'), `
    INSERT INTO elder_care_activity (${COMMON}, center_id, kind, held_on, participants, note)
    SELECT ${g.id('elder_care_activity', 'i')}, c.region_code, 'SYNTHETIC', c.id,
           ${r.pick('i', 1, [['WEEKLY_MENU', 35], ['WEEKLY_ROUND', 35], ['MONTHLY_LECTURE', 22], ['YEARLY_CHECKUP', 8]])},
           ${g.recentAfter(r, 'i', 2, 'c.opened_on')}, CASE WHEN ${r.chance('i', 3, 0.9)} THEN ${r.int('i', 4, 5, 80)} END,
           CASE WHEN ${r.chance('i', 5, 0.2)} THEN '党员医生参与' END
      FROM ${SERIES} JOIN x_center c ON c.n = ${r.ordinal('i', 0, NE)}`);

  // Ties to the grassroots: pairings with township centres and communities, family-doctor teams.
  r = g.rand('hospital_pairing');
  await g.load('hospital_pairing', g.target('hospital_pairing'), `
    INSERT INTO hospital_pairing (${COMMON}, hospital_id, kind, partner_kind, partner_name, started_on, ended_on, seconded_vice_president)
    SELECT ${g.id('hospital_pairing', 'i')}, h.region_code, 'SYNTHETIC', h.id,
           ${r.pick('i', 1, [['PAIRED_ASSISTANCE', 50], ['MEDICAL_COMMUNITY', 35], ['MEDICAL_ALLIANCE', 15]])},
           ${r.pick('i', 2, [['TOWNSHIP_HEALTH_CENTER', 50], ['COMMUNITY_HEALTH_CENTER', 20], ['VILLAGE_CLINIC', 10], ['COMMUNITY', 15], ['OTHER', 5]])},
           coalesce(h.town_name, '') || '卫生院', k.s, CASE WHEN ${r.chance('i', 4, 0.1)} THEN k.s + ${r.int('i', 5, 30, 300)} END,
           CASE WHEN ${r.chance('i', 6, 0.2)} THEN ${r.person('i', 7)} END
      FROM ${SERIES} JOIN x_hospital h ON h.n = ${r.ordinal('i', 0, NH)}
      CROSS JOIN LATERAL (SELECT ${g.recent(r, 'i', 3)} - 400 AS s) k`);
  r = g.rand('family_doctor_team');
  await g.load('family_doctor_team', g.target('family_doctor_team'), `
    INSERT INTO family_doctor_team (${COMMON}, hospital_id, name, leader_name, members, signed_residents, formed_on)
    SELECT ${g.id('family_doctor_team', 'i')}, h.region_code, 'SYNTHETIC', h.id, '家庭医生团队' || i, ${r.person('i', 1)},
           ${r.int('i', 2, 3, 12)}, ${r.int('i', 3, 50, 3000)}, ${g.founded(r, 'i', 4)}
      FROM ${SERIES} JOIN x_hospital h ON h.n = ${r.ordinal('i', 0, NH)}`);

  r = g.rand('member_development_report');
  await g.load('member_development_report', g.target('member_development_report'), `
    INSERT INTO member_development_report (${COMMON}, scope, period_start, period_end, developed, hospital_id)
    SELECT ${g.id('member_development_report', 'i')}, h.region_code, 'SYNTHETIC', '全院', k.d - 364, k.d, ${r.int('i', 1, 0, 30)}, h.id
      FROM ${SERIES} JOIN x_hospital h ON h.n = ${r.ordinal('i', 0, NH)}
      CROSS JOIN LATERAL (SELECT ${g.recent(r, 'i', 2)} AS d) k`);
}
