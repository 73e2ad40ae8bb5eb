import type { Loader } from './loader.js';
import { textArray } from './random-sql.js';

/** The SOEs subgraph: enterprises at (mostly urban) townships, their 初心驿站 and activities. */

const SERIES = 'generate_series($1::bigint, $2::bigint) i';
const COMMON = 'id, region_code, source';

const INDUSTRIES = ['电力', '电信', '石油石化', '交通运输', '金融', '建筑', '水务', '燃气', '烟草', '邮政', '制造', '农业发展'];
const COMPANY_NAMES = ['供电公司', '电信分公司', '加油站', '公交公司', '农商银行', '建设集团', '水务公司', '燃气公司', '烟草专卖局', '邮政支局', '机械厂', '农发公司'];
const ZONES = ['READING_REST', 'FARM_PRODUCT_SHOWCASE', 'VOLUNTEER_SERVICE', 'PARTY_ACTIVITY'];
const ITEM_KINDS = ['FOOD_HEATING', 'PARCEL_STORAGE', 'FAX_PRINT', 'FREE_WIFI', 'HOT_WATER', 'PHONE_CHARGING', 'OTHER'];
const ITEM_NAMES = ['微波炉热饭', '快递暂存', '复印打印', '免费无线网络', '饮用热水', '手机充电', '爱心雨伞'];

export async function generateSoes(g: Loader): Promise<void> {
  await g.regions('town', 9);

  const nEnterprise = g.target('enterprise');
  let r = g.rand('enterprise');
  await g.load('enterprise', nEnterprise, `
    INSERT INTO enterprise (${COMMON}, name, level, industry, party_organization, established_on)
    SELECT ${g.id('enterprise', 'i')}, t.code, 'SYNTHETIC', left(t.region_name, 80) || (${textArray(COMPANY_NAMES)})[k.x],
           ${r.pick('i', 2, [['CENTRAL', 10], ['PROVINCIAL', 25], ['MUNICIPAL', 40], ['COUNTY', 25]])}, (${textArray(INDUSTRIES)})[k.x],
           ${r.pick('i', 3, [['PARTY_COMMITTEE', 50], ['GENERAL_BRANCH', 30], ['BRANCH', 20]])}, ${g.founded(r, 'i', 4)}
      FROM ${SERIES} JOIN x_town t ON t.n = ${g.stratified(r, 'town', nEnterprise, 0)}
      CROSS JOIN LATERAL (SELECT ${r.int('i', 1, 1, INDUSTRIES.length)} AS x) k`);
  const NE = await g.index('enterprise', 'enterprise', 'id, region_code, name');

  // 初心驿站: every enterprise has one, some two (i runs over enterprises, then again).
  r = g.rand('service_center');
  await g.load('service_center', g.target('service_center'), `
    INSERT INTO service_center (${COMMON}, enterprise_id, name, opened_on, open_to_public, functional_zones)
    SELECT ${g.id('service_center', 'i')}, e.region_code, 'SYNTHETIC', e.id, left(e.name, 150) || '初心驿站' || CASE WHEN i > ${NE} THEN '二站' ELSE '' END,
           ${g.T} - ${r.int('i', 1, 0, 2500)}, ${r.chance('i', 2, 0.8)},
           ARRAY(SELECT z FROM unnest(${textArray(ZONES)}) WITH ORDINALITY s(z, k) WHERE ${r.u('i * 8 + k', 3)} < 0.6 ORDER BY k)
      FROM ${SERIES} JOIN x_enterprise e ON e.n = (i - 1) % ${NE} + 1`);
  const NC = await g.index('center', 'service_center', 'id, region_code, enterprise_id, opened_on');

  // Items: distinct kinds within a centre (i runs over centres, then kinds from a rotating start).
  r = g.rand('service_item');
  await g.load('service_item', Math.min(g.target('service_item'), NC * ITEM_KINDS.length), `
    INSERT INTO service_item (${COMMON}, service_center_id, kind, name, offered_since)
    SELECT ${g.id('service_item', 'i')}, c.region_code, 'SYNTHETIC', c.id, (${textArray(ITEM_KINDS)})[k.x], (${textArray(ITEM_NAMES)})[k.x],
           CASE WHEN ${r.chance('i', 1, 0.8)} THEN ${g.recentAfter(r, 'i', 2, 'c.opened_on')} END
      FROM ${SERIES} JOIN x_center c ON c.n = (i - 1) % ${NC} + 1
      CROSS JOIN LATERAL (SELECT (((i - 1) / ${NC} + c.n) % ${ITEM_KINDS.length}) + 1 AS x) k`);

  // Visits: daily counts, and for some centres monthly totals dated on the 1st.
  r = g.rand('service_center_visit');
  await g.load('service_center_visit', g.target('service_center_visit'), `
    INSERT INTO service_center_visit (${COMMON}, service_center_id, visited_on, span, visitors)
    SELECT ${g.id('service_center_visit', 'i')}, c.region_code, 'SYNTHETIC', c.id,
           CASE WHEN k.monthly THEN date_trunc('month', k.d)::date ELSE k.d END,
           CASE WHEN k.monthly THEN 'MONTH' ELSE 'DAY' END,
           CASE WHEN k.monthly THEN ${r.int('i', 3, 300, 3000)} ELSE ${r.int('i', 4, 5, 150)} END
      FROM ${SERIES} JOIN x_center c ON c.n = ${r.ordinal('i', 0, NC, 1.2)}
      CROSS JOIN LATERAL (SELECT ${g.recentAfter(r, 'i', 1, 'c.opened_on')} AS d, ${r.chance('i', 2, 0.15)} AS monthly) k`);

  // 志愿服务: mostly organised by the enterprise itself; other sectors' organisers by the ids
  // their generators give them.
  r = g.rand('volunteer_activity');
  const other = (table: string, salt: number) => g.id(table, g.near(r, g.target(table as 'community'), 'c.n', NC, salt, 5));
  await g.load('volunteer_activity', g.target('volunteer_activity'), `
    INSERT INTO volunteer_activity (${COMMON}, title, organizer_sector, organizer_id, service_center_id, held_on, volunteers, people_served)
    SELECT ${g.id('volunteer_activity', 'i')}, c.region_code, 'SYNTHETIC', ${r.of('i', 1, ['学雷锋志愿服务', '关爱环卫工人', '义务植树', '助老助残', '防诈骗宣传'])}, s.sector,
           CASE s.sector WHEN 'SOE' THEN c.enterprise_id WHEN 'COMMUNITY' THEN ${other('community', 3)} WHEN 'HOSPITAL' THEN ${other('hospital', 4)}
                         WHEN 'SCHOOL' THEN ${other('school', 5)} ELSE ${other('agency', 6)} END,
           CASE WHEN ${r.chance('i', 7, 0.7)} THEN c.id END, ${g.recentAfter(r, 'i', 8, 'c.opened_on')}, ${r.int('i', 9, 3, 50)}, ${r.int('i', 10, 10, 800)}
      FROM ${SERIES} JOIN x_center c ON c.n = ${r.ordinal('i', 0, NC)}
      CROSS JOIN LATERAL (SELECT ${r.pick('i', 2, [['SOE', 60], ['COMMUNITY', 15], ['HOSPITAL', 10], ['SCHOOL', 10], ['AGENCY', 5]])} AS sector) s`);
}
