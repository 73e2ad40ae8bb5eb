import type { Loader } from './loader.js';
import { textArray } from './random-sql.js';

/**
 * The communities subgraph: communities at villages (社区/村, weighted to urban ones) with their
 * party structure, agencies at townships, and the events of each community. Every child row
 * copies its parent's region code, as the mutations' `place` does.
 */

const SERIES = 'generate_series($1::bigint, $2::bigint) i';
const COMMON = 'id, region_code, source';

const AGENCIES: readonly (readonly [string, string])[] = [
  ['人民政府', 'GOVERNMENT'], ['派出所', 'GOVERNMENT'], ['司法所', 'GOVERNMENT'], ['税务分局', 'GOVERNMENT'], ['市场监管所', 'GOVERNMENT'],
  ['卫生监督所', 'PUBLIC_INSTITUTION'], ['综合文化站', 'PUBLIC_INSTITUTION'], ['农业服务中心', 'PUBLIC_INSTITUTION'],
  ['农商银行支行', 'FINANCIAL'], ['信用合作社', 'FINANCIAL'], ['邮政储蓄网点', 'FINANCIAL'], ['志愿者协会', 'OTHER'],
];
const DEMANDS = ['加装电梯', '楼道照明维修', '老旧小区改造', '停车位紧张', '垃圾分类设施', '适老化改造', '社区食堂', '电动车充电桩', '绿化修剪', '下水管道疏通', '儿童托管', '健身器材维修'];
const TOPICS = ['小区停车管理', '加装电梯费用分摊', '垃圾分类投放点设置', '楼道杂物清理', '广场舞噪音', '物业服务评议', '老旧小区改造方案', '社区食堂运营'];
const CLAIM_CATEGORIES = ['REPAIR', 'LEGAL_AID', 'HARDSHIP_SUPPORT', 'TUTORING', 'HEALTH', 'OTHER'];
const CLAIM_TITLES = ['家电义务维修', '法律咨询进社区', '困难家庭帮扶', '四点半课堂辅导', '义诊健康咨询', '微心愿认领'];
const RESOURCE_TITLES = ['维修服务队', '法律顾问团', '爱心帮扶基金', '课业辅导志愿者', '家庭医生签约团队', '共享活动场地'];
const STATION_ITEMS = ['政策咨询', '便民维修', '爱心雨伞', '应急药箱', '休息饮水', '手机充电', '图书借阅', '法律援助'];

export async function generateCommunities(g: Loader): Promise<void> {
  const T = g.T;
  await g.regions('village', 12);
  await g.regions('town', 9);

  // 社区: stratified over the weighted villages, named after the village committee.
  const nCommunity = g.target('community');
  let r = g.rand('community');
  await g.load('community', nCommunity, `
    INSERT INTO community (${COMMON}, name, party_organization, party_members, established_on)
    SELECT ${g.id('community', 'i')}, v.code, 'SYNTHETIC',
           COALESCE(NULLIF(b.base, ''), v.township_name) || CASE WHEN b.base ~ '(社区|村)$' THEN '' WHEN v.urban THEN '社区' ELSE '村' END,
           CASE WHEN v.urban THEN ${r.pick('i', 1, [['PARTY_COMMITTEE', 40], ['GENERAL_BRANCH', 35], ['BRANCH', 25]])}
                ELSE ${r.pick('i', 2, [['PARTY_COMMITTEE', 10], ['GENERAL_BRANCH', 30], ['BRANCH', 60]])} END,
           CASE WHEN v.urban THEN ${r.int('i', 3, 40, 900)} ELSE ${r.int('i', 4, 10, 200)} END,
           ${g.founded(r, 'i', 5)}
      FROM ${SERIES} JOIN x_village v ON v.n = ${g.stratified(r, 'village', nCommunity, 0)}
      CROSS JOIN LATERAL (SELECT regexp_replace(v.region_name, '(居民|村民)?(居委会|村委会|委员会)$', '') AS base) b`);
  const NC = await g.index('community', 'community', 'id, region_code, name');

  // 网格: numbered 1, 2, … within each community (i runs over communities, then numbers).
  r = g.rand('grid');
  await g.load('grid', g.target('grid'), `
    INSERT INTO grid (${COMMON}, community_id, number, name, leader_name, leader_phone, workers, established_on)
    SELECT ${g.id('grid', 'i')}, c.region_code, 'SYNTHETIC', c.id, k.num, c.name || '第' || k.num || '网格',
           ${r.person('i', 1)}, CASE WHEN ${r.chance('i', 5, 0.8)} THEN ${r.phone('i', 6)} END,
           ${r.int('i', 8, 1, 12)}, ${g.founded(r, 'i', 10)}
      FROM ${SERIES} CROSS JOIN LATERAL (SELECT (i - 1) % ${NC} + 1 AS cn, (i - 1) / ${NC} + 1 AS num) k
      JOIN x_community c ON c.n = k.cn
     WHERE k.num = 1 OR ${r.chance('i', 20, 0.8)}`);
  const NG = await g.index('grid', 'grid', 'id, region_code, community_id, name');

  r = g.rand('grid_party_branch');
  await g.load('grid_party_branch', g.target('grid_party_branch'), `
    INSERT INTO grid_party_branch (${COMMON}, grid_id, community_id, name, party_members, established_on)
    SELECT ${g.id('grid_party_branch', 'i')}, x.region_code, 'SYNTHETIC', x.id, x.community_id, x.name || '党支部',
           ${r.int('i', 1, 3, 60)}, ${g.founded(r, 'i', 2)}
      FROM ${SERIES} JOIN x_grid x ON x.n = ${r.ordinal('i', 0, NG)}`);
  const NB = await g.index('branch', 'grid_party_branch', 'id, region_code, grid_id, community_id');

  // 楼栋党小组: under a branch, or directly under the branch's grid (no branch) for some.
  r = g.rand('building_party_group');
  await g.load('building_party_group', g.target('building_party_group'), `
    INSERT INTO building_party_group (${COMMON}, branch_id, grid_id, community_id, name, building, party_members, established_on)
    SELECT ${g.id('building_party_group', 'i')}, x.region_code, 'SYNTHETIC',
           CASE WHEN ${r.chance('i', 1, 0.85)} THEN x.id END, x.grid_id, x.community_id,
           k.b || '号楼党小组', k.b || '号楼', ${r.int('i', 3, 2, 30)}, ${g.founded(r, 'i', 4)}
      FROM ${SERIES} JOIN x_branch x ON x.n = ${r.ordinal('i', 0, NB)}
      CROSS JOIN LATERAL (SELECT ${r.int('i', 2, 1, 40)} AS b) k`);
  const NGr = await g.index('group', 'building_party_group', 'id, region_code, grid_id, community_id, building');

  r = g.rand('party_member_household');
  await g.load('party_member_household', g.target('party_member_household'), `
    INSERT INTO party_member_household (${COMMON}, group_id, grid_id, community_id, head_name, head_phone, address, linked_households, designated_on)
    SELECT ${g.id('party_member_household', 'i')}, x.region_code, 'SYNTHETIC',
           CASE WHEN ${r.chance('i', 1, 0.85)} THEN x.id END, x.grid_id, x.community_id,
           ${r.person('i', 2)}, CASE WHEN ${r.chance('i', 6, 0.7)} THEN ${r.phone('i', 7)} END,
           COALESCE(x.building, '') || ${r.int('i', 9, 1, 6)} || '单元' || ${r.int('i', 10, 101, 2603)} || '室',
           ${r.int('i', 11, 3, 15)}, ${g.founded(r, 'i', 12)}
      FROM ${SERIES} JOIN x_group x ON x.n = ${r.ordinal('i', 0, NGr)}`);

  // 机关/驻区单位 at townships; kind follows the name.
  const nAgency = g.target('agency');
  r = g.rand('agency');
  await g.load('agency', nAgency, `
    INSERT INTO agency (${COMMON}, name, kind, party_organization)
    SELECT ${g.id('agency', 'i')}, t.code, 'SYNTHETIC', t.region_name || (${textArray(AGENCIES.map(([n]) => n))})[k.a],
           (${textArray(AGENCIES.map(([, kind]) => kind))})[k.a],
           ${r.pick('i', 2, [['PARTY_COMMITTEE', 20], ['GENERAL_BRANCH', 30], ['BRANCH', 50]])}
      FROM ${SERIES} JOIN x_town t ON t.n = ${g.stratified(r, 'town', nAgency, 0)}
      CROSS JOIN LATERAL (SELECT ${r.int('i', 1, 1, AGENCIES.length)} AS a) k`);
  const NA = await g.index('agency', 'agency', 'id, region_code');

  // 双报到: units near the community (same ordering by region); hospitals, schools and
  // enterprises by the ids their own generators give them (no foreign key across databases).
  r = g.rand('dual_registration');
  const unit = (table: 'hospital' | 'school' | 'enterprise', salt: number) => g.id(table, g.near(r, g.target(table), 'c.n', NC, salt));
  await g.load('dual_registration', g.target('dual_registration'), `
    INSERT INTO dual_registration (${COMMON}, community_id, unit_sector, unit_id, members, registered_on, active)
    SELECT ${g.id('dual_registration', 'i')}, c.region_code, 'SYNTHETIC', c.id, s.sector,
           CASE s.sector WHEN 'AGENCY' THEN a.id WHEN 'HOSPITAL' THEN ${unit('hospital', 3)} WHEN 'SCHOOL' THEN ${unit('school', 4)} ELSE ${unit('enterprise', 5)} END,
           (1 + floor(power(${r.u('i', 6)}, 2) * 199))::int, ${g.recent(r, 'i', 7)}, ${r.chance('i', 8, 0.92)}
      FROM ${SERIES} JOIN x_community c ON c.n = ${r.ordinal('i', 0, NC, 1.3)}
      CROSS JOIN LATERAL (SELECT ${r.pick('i', 1, [['AGENCY', 55], ['HOSPITAL', 15], ['SCHOOL', 20], ['SOE', 10]])} AS sector) s
      JOIN x_agency a ON a.n = ${g.near(r, NA, 'c.n', NC, 2)}`);

  // 需求清单: 收集→协商→落实→解决→反馈; a demand reaches its drawn stage unless the stage's
  // date would be after today. Most old demands are resolved; recent ones are still open.
  r = g.rand('demand');
  await g.load('demand', g.target('demand'), `
    INSERT INTO demand (${COMMON}, community_id, title, description, channel, status, collected_on, deliberating_on, in_progress_on, resolved_on, feedback_on, satisfaction)
    SELECT id, region_code, 'SYNTHETIC', community_id, title, description, channel,
           (ARRAY['COLLECTED', 'DELIBERATING', 'IN_PROGRESS', 'RESOLVED', 'FEEDBACK'])[s + 1], d0,
           CASE WHEN s >= 1 THEN d1 END, CASE WHEN s >= 2 THEN d2 END, CASE WHEN s >= 3 THEN d3 END, CASE WHEN s >= 4 THEN d4 END,
           CASE WHEN s = 4 THEN sat END
      FROM (SELECT y.*, CASE WHEN t >= 4 AND d4 <= ${T} THEN 4 WHEN t >= 3 AND d3 <= ${T} THEN 3 WHEN t >= 2 AND d2 <= ${T} THEN 2 WHEN t >= 1 AND d1 <= ${T} THEN 1 ELSE 0 END AS s
              FROM (SELECT x.*, d0 + a AS d1, d0 + a + b AS d2, d0 + a + b + c3 AS d3, d0 + a + b + c3 + e AS d4
                      FROM (SELECT ${g.id('demand', 'i')} AS id, c.region_code, c.id AS community_id, k.title,
                                   CASE WHEN ${r.chance('i', 2, 0.5)} THEN '居民反映：' || k.title END AS description,
                                   ${r.pick('i', 3, [['DOOR_TO_DOOR', 30], ['WECHAT_GROUP', 25], ['QR_SURVEY', 15], ['MEETING', 15], ['HOTLINE', 10], ['OTHER', 5]])} AS channel,
                                   ${g.recent(r, 'i', 4)} AS d0, ${r.int('i', 5, 0, 7)} AS a, ${r.int('i', 6, 1, 14)} AS b, ${r.int('i', 7, 3, 45)} AS c3, ${r.int('i', 8, 1, 20)} AS e,
                                   ${r.pick('i', 9, [['4', 50], ['3', 25], ['2', 10], ['1', 8], ['0', 7]])}::int AS t,
                                   ${r.pick('i', 10, [['5', 50], ['4', 30], ['3', 12], ['2', 5], ['1', 3]])}::int AS sat
                              FROM ${SERIES} JOIN x_community c ON c.n = ${r.ordinal('i', 0, NC, 1.3)}
                              CROSS JOIN LATERAL (SELECT ${r.of('i', 1, DEMANDS)} AS title) k) x) y) z`);

  r = g.rand('meeting');
  await g.load('meeting', g.target('meeting'), `
    INSERT INTO meeting (${COMMON}, community_id, format, held_on, attendees, topics, decisions)
    SELECT ${g.id('meeting', 'i')}, c.region_code, 'SYNTHETIC', c.id,
           ${r.pick('i', 1, [['BENCH', 25], ['GRID_DAY', 25], ['RED_HALL', 20], ['RESIDENTS_CORNER', 20], ['OTHER', 10]])},
           ${g.recent(r, 'i', 2)}, ${r.int('i', 3, 5, 80)}, k.topic,
           CASE WHEN ${r.chance('i', 5, 0.7)} THEN '议定：' || k.topic || '，由网格员跟进落实' END
      FROM ${SERIES} JOIN x_community c ON c.n = ${r.ordinal('i', 0, NC, 1.3)}
      CROSS JOIN LATERAL (SELECT ${r.of('i', 4, TOPICS)} AS topic) k`);

  // 矛盾纠纷: OPEN → MEDIATING → RESOLVED | ESCALATED, about four in five resolved.
  r = g.rand('dispute');
  await g.load('dispute', g.target('dispute'), `
    INSERT INTO dispute (${COMMON}, community_id, category, summary, status, reported_on, mediating_on, closed_on, settled_level)
    SELECT id, region_code, 'SYNTHETIC', community_id, category, summary, status, d0,
           CASE WHEN status <> 'OPEN' THEN m END, CASE WHEN status IN ('RESOLVED', 'ESCALATED') THEN cl END,
           CASE WHEN status = 'RESOLVED' THEN lvl END
      FROM (SELECT x.*, CASE WHEN t = 'OPEN' OR m > ${T} THEN 'OPEN' WHEN t = 'MEDIATING' OR cl > ${T} THEN 'MEDIATING' ELSE t END AS status
              FROM (SELECT ${g.id('dispute', 'i')} AS id, c.region_code, c.id AS community_id, k.category,
                           CASE WHEN ${r.chance('i', 2, 0.6)} THEN (CASE k.category WHEN 'NEIGHBOR' THEN '邻里噪音纠纷' WHEN 'PROPERTY' THEN '物业费用纠纷' WHEN 'MARRIAGE_FAMILY' THEN '家庭赡养纠纷' ELSE '其他矛盾纠纷' END) END AS summary,
                           ${r.pick('i', 3, [['RESOLVED', 78], ['ESCALATED', 6], ['MEDIATING', 10], ['OPEN', 6]])} AS t,
                           d0, d0 + ${r.int('i', 4, 0, 5)} AS m, d0 + ${r.int('i', 4, 0, 5)} + ${r.int('i', 5, 1, 30)} AS cl,
                           ${r.pick('i', 6, [['GRID', 55], ['COMMUNITY', 35], ['STREET', 10]])} AS lvl
                      FROM ${SERIES} JOIN x_community c ON c.n = ${r.ordinal('i', 0, NC, 1.3)}
                      CROSS JOIN LATERAL (SELECT ${r.pick('i', 1, [['NEIGHBOR', 40], ['PROPERTY', 30], ['MARRIAGE_FAMILY', 20], ['OTHER', 10]])} AS category, ${g.recent(r, 'i', 7)} AS d0) k) x) y`);

  // 结对共建: neighbouring communities (n, n+1 in region order) of one province, each pair once.
  r = g.rand('community_partnership');
  const pairs = Math.floor(NC / 2);
  await g.load('community_partnership', pairs, `
    INSERT INTO community_partnership (${COMMON}, community_a_id, community_b_id, name, paired_on, suggestions_adopted, resources_shared, problems_solved)
    SELECT ${g.id('community_partnership', 'i')},
           CASE WHEN a.region_code = b.region_code THEN a.region_code
                WHEN left(a.region_code, 9) = left(b.region_code, 9) THEN left(a.region_code, 9)
                WHEN left(a.region_code, 6) = left(b.region_code, 6) THEN left(a.region_code, 6)
                WHEN left(a.region_code, 4) = left(b.region_code, 4) THEN left(a.region_code, 4)
                ELSE left(a.region_code, 2) END,
           'SYNTHETIC', a.id, b.id, left(a.name || '与' || b.name || '结对共建', 200), ${g.founded(r, 'i', 2)},
           ${r.int('i', 3, 0, 40)}, ${r.int('i', 4, 0, 30)}, ${r.int('i', 5, 0, 25)}
      FROM ${SERIES} JOIN x_community a ON a.n = 2 * i - 1 JOIN x_community b ON b.n = 2 * i
     WHERE left(a.region_code, 2) = left(b.region_code, 2) AND ${r.chance('i', 1, Math.min(1, g.target('community_partnership') / Math.max(pairs, 1)))}`);

  // 认领服务: by a unit registered with the community when there is one, else by a member.
  r = g.rand('service_claim');
  await g.load('service_claim', g.target('service_claim'), `
    INSERT INTO service_claim (${COMMON}, community_id, dual_registration_id, member_name, category, title, status, claimed_on, completed_on, households_visited)
    SELECT id, region_code, 'SYNTHETIC', community_id, reg_id, CASE WHEN reg_id IS NULL THEN member END, category, title,
           CASE WHEN done AND d1 <= ${T} THEN 'COMPLETED' ELSE 'CLAIMED' END, d0,
           CASE WHEN done AND d1 <= ${T} THEN d1 END, visited
      FROM (SELECT ${g.id('service_claim', 'i')} AS id, c.region_code, c.id AS community_id, reg.id AS reg_id, ${r.person('i', 2)} AS member,
                   (${textArray(CLAIM_CATEGORIES)})[k.c] AS category, (${textArray(CLAIM_TITLES)})[k.c] AS title,
                   ${r.chance('i', 5, 0.8)} AS done, k.d0, k.d0 + ${r.int('i', 6, 1, 30)} AS d1, ${r.int('i', 7, 0, 20)} AS visited
              FROM ${SERIES} JOIN x_community c ON c.n = ${r.ordinal('i', 0, NC, 1.3)}
              CROSS JOIN LATERAL (SELECT ${r.int('i', 1, 1, CLAIM_CATEGORIES.length)} AS c, ${g.recent(r, 'i', 8)} AS d0) k
              LEFT JOIN LATERAL (SELECT d.id FROM dual_registration d WHERE d.community_id = c.id AND d.source = 'SYNTHETIC' ORDER BY d.id LIMIT 1) reg
                ON ${r.chance('i', 9, 0.6)}) x`);

  r = g.rand('resource');
  await g.load('resource', g.target('resource'), `
    INSERT INTO resource (${COMMON}, community_id, dual_registration_id, title, category, provider, listed_on)
    SELECT ${g.id('resource', 'i')}, c.region_code, 'SYNTHETIC', c.id, reg.id, (${textArray(RESOURCE_TITLES)})[k.c], (${textArray(CLAIM_CATEGORIES)})[k.c],
           CASE WHEN reg.id IS NOT NULL THEN '共建单位' ELSE ${r.person('i', 2)} || '（志愿者）' END, ${g.recent(r, 'i', 5)}
      FROM ${SERIES} JOIN x_community c ON c.n = ${r.ordinal('i', 0, NC, 1.3)}
      CROSS JOIN LATERAL (SELECT ${r.int('i', 1, 1, CLAIM_CATEGORIES.length)} AS c) k
      LEFT JOIN LATERAL (SELECT d.id FROM dual_registration d WHERE d.community_id = c.id AND d.source = 'SYNTHETIC' ORDER BY d.id LIMIT 1) reg
        ON ${r.chance('i', 6, 0.5)}`);

  // 项目清单: a demand under way or done, matched to resources of its own community; demands
  // without such a resource get no project.
  const ND = await g.index('demand', 'demand', 'id, region_code, community_id, title, in_progress_on, resolved_on', "t.status IN ('IN_PROGRESS', 'RESOLVED', 'FEEDBACK')");
  const nProject = Math.min(g.target('service_project'), ND);
  r = g.rand('service_project');
  await g.load('service_project', nProject, `
    INSERT INTO service_project (${COMMON}, community_id, demand_id, resource_ids, title, started_on, completed_on)
    SELECT ${g.id('service_project', 'i')}, d.region_code, 'SYNTHETIC', d.community_id, d.id, res.ids, '落实' || d.title, d.in_progress_on, d.resolved_on
      FROM ${SERIES} JOIN x_demand d ON d.n = ${g.stratified(r, 'demand', nProject, 0)}
      JOIN LATERAL (SELECT array_agg(id ORDER BY id) AS ids FROM (SELECT s.id FROM resource s WHERE s.community_id = d.community_id AND s.source = 'SYNTHETIC' ORDER BY s.id LIMIT 2) s) res
        ON res.ids IS NOT NULL`);

  // 党群服务驿站: at most one per community (stratified), with their daily visits.
  const nStation = Math.min(g.target('service_station'), NC);
  r = g.rand('service_station');
  await g.load('service_station', nStation, `
    INSERT INTO service_station (${COMMON}, community_id, name, brand, windows, service_items, opened_on)
    SELECT ${g.id('service_station', 'i')}, c.region_code, 'SYNTHETIC', c.id, left(c.name, 90) || '党群服务驿站',
           ${r.pick('i', 1, [['红色驿站', 30], ['暖心驿站', 25], ['先锋驿站', 20], ['', 25]])}, ${r.int('i', 2, 1, 6)},
           ARRAY(SELECT x FROM unnest(${textArray(STATION_ITEMS)}) WITH ORDINALITY s(x, k) WHERE ${r.u('i * 16 + k', 3)} < 0.5 ORDER BY k),
           ${g.founded(r, 'i', 4)}
      FROM ${SERIES} JOIN x_community c ON c.n = ${g.stratified(r, 'community', nStation, 0)}`);
  await g.q.query(`UPDATE service_station SET brand = NULL WHERE source = 'SYNTHETIC' AND brand = ''`);
  const NS = await g.index('station', 'service_station', 'id, region_code, opened_on');

  r = g.rand('service_station_visit');
  await g.load('service_station_visit', g.target('service_station_visit'), `
    INSERT INTO service_station_visit (${COMMON}, station_id, visited_on, visitors, note)
    SELECT ${g.id('service_station_visit', 'i')}, s.region_code, 'SYNTHETIC', s.id, ${g.recentAfter(r, 'i', 1, 's.opened_on')},
           ${r.int('i', 2, 5, 200)}, CASE WHEN ${r.chance('i', 3, 0.1)} THEN '开展主题党日活动' END
      FROM ${SERIES} JOIN x_station s ON s.n = ${r.ordinal('i', 0, NS, 1.2)}`);

  // 红色物业: a company serving one to three neighbouring communities.
  const nCompany = g.target('property_company');
  r = g.rand('property_company');
  await g.load('property_company', nCompany, `
    INSERT INTO property_company (${COMMON}, name, has_party_branch, community_ids)
    SELECT ${g.id('property_company', 'i')}, left(c.region_code, 9), 'SYNTHETIC',
           left(c.name, 60) || ${r.of('i', 1, ['红帆', '安居', '惠民', '和美', '锦绣'])} || '物业服务有限公司', ${r.chance('i', 2, 0.45)},
           ARRAY(SELECT y.id FROM x_community y WHERE y.n BETWEEN k.first AND LEAST(${NC}, k.first + ${r.int('i', 3, 0, 2)}) ORDER BY y.n)
      FROM ${SERIES} CROSS JOIN LATERAL (SELECT floor((i - 1) * ${NC / nCompany})::bigint + 1 AS first) k
      JOIN x_community c ON c.n = k.first`);
}
