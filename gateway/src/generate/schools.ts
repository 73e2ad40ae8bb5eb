import type { Loader } from './loader.js';

/** The schools subgraph: schools at townships and their designations, projects and sessions. */

const SERIES = 'generate_series($1::bigint, $2::bigint) i';
const COMMON = 'id, region_code, source';

const STAGE_NAMES = `CASE stage WHEN 'KINDERGARTEN' THEN '幼儿园' WHEN 'PRIMARY' THEN '小学' WHEN 'JUNIOR_SECONDARY' THEN '初级中学' WHEN 'SENIOR_SECONDARY' THEN '高级中学' WHEN 'NINE_YEAR' THEN '九年一贯制学校' ELSE '职业中学' END`;
const PROJECTS = ['思政课堂提质', '课后服务扩面', '家校共育', '教师党员先锋岗', '劳动教育基地建设', '校园文化建设'];

export async function generateSchools(g: Loader): Promise<void> {
  const T = g.T;
  await g.regions('town', 9);

  const nSchool = g.target('school');
  let r = g.rand('school');
  await g.load('school', nSchool, `
    INSERT INTO school (${COMMON}, name, stage, is_public, secretary_principal_combined, party_organization, established_on)
    SELECT id, code, 'SYNTHETIC', left(region_name, 80) || ${r.of('i', 2, ['第一', '第二', '中心', '实验', '第三'])} || ${STAGE_NAMES}, stage,
           CASE WHEN stage = 'KINDERGARTEN' THEN ${r.chance('i', 3, 0.5)} ELSE ${r.chance('i', 4, 0.9)} END,
           CASE WHEN stage IN ('KINDERGARTEN', 'PRIMARY') THEN ${r.chance('i', 5, 0.75)} ELSE ${r.chance('i', 6, 0.45)} END,
           CASE WHEN stage IN ('SENIOR_SECONDARY', 'VOCATIONAL') THEN ${r.pick('i', 7, [['PARTY_COMMITTEE', 50], ['GENERAL_BRANCH', 35], ['BRANCH', 15]])}
                ELSE ${r.pick('i', 8, [['PARTY_COMMITTEE', 5], ['GENERAL_BRANCH', 20], ['BRANCH', 75]])} END,
           ${g.founded(r, 'i', 9)}
      FROM (SELECT i, ${g.id('school', 'i')} AS id, t.code, t.region_name,
                   ${r.pick('i', 1, [['PRIMARY', 45], ['KINDERGARTEN', 25], ['JUNIOR_SECONDARY', 15], ['NINE_YEAR', 6], ['SENIOR_SECONDARY', 6], ['VOCATIONAL', 3]])} AS stage
              FROM ${SERIES} JOIN x_town t ON t.n = ${g.stratified(r, 'town', nSchool, 0)}) x`);
  const NS = await g.index('school', 'school', 'id, region_code, name');

  // 示范校: a new one starts CULTIVATING or DESIGNATED; a few designated ones were revoked
  // later (in or after their year, never after today).
  r = g.rand('demonstration_designation');
  await g.load('demonstration_designation', g.target('demonstration_designation'), `
    INSERT INTO demonstration_designation (${COMMON}, school_id, level, batch, year, status, revoked_on)
    SELECT id, region_code, 'SYNTHETIC', school_id, level, batch, year, status,
           CASE WHEN status = 'REVOKED' THEN LEAST(${T}, make_date(year, 1, 1) + ${r.int('i', 6, 0, 364)}) END
      FROM (SELECT i, ${g.id('demonstration_designation', 'i')} AS id, s.region_code, s.id AS school_id,
                   ${r.pick('i', 1, [['COUNTY', 60], ['CITY', 30], ['PROVINCE', 10]])} AS level,
                   CASE WHEN ${r.chance('i', 2, 0.8)} THEN '第' || ${r.int('i', 3, 1, 3)} || '批' END AS batch,
                   ${Number(g.today.slice(0, 4))} - ${r.int('i', 4, 0, 2)} AS year,
                   ${r.pick('i', 5, [['DESIGNATED', 60], ['CULTIVATING', 35], ['REVOKED', 5]])} AS status
              FROM ${SERIES} JOIN x_school s ON s.n = ${r.ordinal('i', 0, NS)}) x`);

  // 书记项目: IN_PROGRESS until ended; an end date that would be after today keeps it open.
  r = g.rand('secretary_project');
  await g.load('secretary_project', g.target('secretary_project'), `
    INSERT INTO secretary_project (${COMMON}, school_id, title, goal, started_on, ended_on, status, outcome)
    SELECT id, region_code, 'SYNTHETIC', school_id, title, '围绕' || title || '，形成可推广的经验', started_on,
           CASE WHEN closed THEN ended_on END, CASE WHEN closed THEN t ELSE 'IN_PROGRESS' END,
           CASE WHEN closed AND t = 'COMPLETED' THEN title || '经验在全校推广' END
      FROM (SELECT y.*, t <> 'IN_PROGRESS' AND ended_on <= ${T} AS closed
              FROM (SELECT ${g.id('secretary_project', 'i')} AS id, s.region_code, s.id AS school_id, ${r.of('i', 1, PROJECTS)} AS title,
                           k.started_on, k.started_on + ${r.int('i', 3, 30, 365)} AS ended_on,
                           ${r.pick('i', 4, [['COMPLETED', 55], ['IN_PROGRESS', 40], ['ABANDONED', 5]])} AS t
                      FROM ${SERIES} JOIN x_school s ON s.n = ${r.ordinal('i', 0, NS)}
                      CROSS JOIN LATERAL (SELECT ${g.recent(r, 'i', 2)} AS started_on) k) y) x`);

  r = g.rand('enrollment_change');
  await g.load('enrollment_change', g.target('enrollment_change'), `
    INSERT INTO enrollment_change (${COMMON}, school_id, kind, places, effective_on, note)
    SELECT ${g.id('enrollment_change', 'i')}, s.region_code, 'SYNTHETIC', s.id, ${r.pick('i', 1, [['ADDED', 70], ['CONVERTED', 30]])},
           ${r.int('i', 2, 20, 600)}, ${g.recent(r, 'i', 3)}, CASE WHEN ${r.chance('i', 4, 0.3)} THEN '新建校舍投入使用' END
      FROM ${SERIES} JOIN x_school s ON s.n = ${r.ordinal('i', 0, NS)}`);

  // 孵化站: a host school incubating the next one to four schools in region order.
  const nStation = Math.min(g.target('incubation_station'), Math.max(1, NS - 1));
  r = g.rand('incubation_station');
  await g.load('incubation_station', nStation, `
    INSERT INTO incubation_station (${COMMON}, name, host_school_id, incubated_school_ids, established_on)
    SELECT ${g.id('incubation_station', 'i')}, h.region_code, 'SYNTHETIC', left(h.name, 180) || '党建孵化站', h.id,
           ARRAY(SELECT y.id FROM x_school y WHERE y.n > h.n AND y.n <= LEAST(${NS}, h.n + ${r.int('i', 1, 1, 4)}) ORDER BY y.n),
           ${g.founded(r, 'i', 2)}
      FROM ${SERIES} JOIN x_school h ON h.n = floor((i - 1) * ${NS / (nStation + 1)})::bigint + 1`);

  r = g.rand('enrollment_guidance_session');
  await g.load('enrollment_guidance_session', g.target('enrollment_guidance_session'), `
    INSERT INTO enrollment_guidance_session (${COMMON}, title, held_on, attendees, volunteers)
    SELECT ${g.id('enrollment_guidance_session', 'i')}, t.code, 'SYNTHETIC', left(t.region_name, 80) || ${r.of('i', 1, ['招生政策宣讲会', '家长入学指导', '志愿填报咨询'])},
           ${g.recent(r, 'i', 2)}, ${r.int('i', 3, 20, 500)}, ${r.int('i', 4, 2, 40)}
      FROM ${SERIES} JOIN x_town t ON t.n = ${r.ordinal('i', 0, g.size('town'))}`);
}
