import { randomBytes } from 'node:crypto';
import { aggregatesDigest, ensureDatabase, openSubgraphDatabase, type Period, rebuildStats, type RequestContext, type SubgraphDefinition, systemContext, todayInShanghai } from '@pb/kit';
import { compareAt, type SectorSpec } from '../stats/exactness/harness';
import { communities as communitiesSpec } from '../stats/exactness/communities';
import { hospitals as hospitalsSpec } from '../stats/exactness/hospitals';
import { schools as schoolsSpec } from '../stats/exactness/schools';
import { soes as soesSpec } from '../stats/exactness/soes';
import type { DataSource } from 'typeorm';
import { generateDataset, type GenerateResult } from '@pb/gateway/dist/generate/generate.js';
import { createProgress } from '@pb/gateway/dist/generate/progress.js';
import { deleteSyntheticRecords, recordTables } from '@pb/gateway/dist/generate/reset.js';
import { SUBGRAPHS } from '@pb/gateway/dist/subgraphs.js';
import { subgraph as communities } from '@pb/communities';
import { subgraph as hospitals } from '@pb/hospitals';
import { subgraph as schools } from '@pb/schools';
import { subgraph as soes } from '@pb/soes';
import { checkAgency } from '@pb/communities/dist/agencies/agency.inputs.js';
import { checkBuildingPartyGroup, placeBuildingPartyGroup } from '@pb/communities/dist/building-party-groups/building-party-group.inputs.js';
import { checkCommunity } from '@pb/communities/dist/communities/community.inputs.js';
import { checkDemand, checkSatisfaction } from '@pb/communities/dist/demands/demand.inputs.js';
import { checkDispute, checkSettledLevel } from '@pb/communities/dist/disputes/dispute.inputs.js';
import { checkDualRegistration } from '@pb/communities/dist/dual-registrations/dual-registration.inputs.js';
import { checkGridPartyBranch } from '@pb/communities/dist/grid-party-branches/grid-party-branch.inputs.js';
import { checkGrid } from '@pb/communities/dist/grids/grid.inputs.js';
import { checkMeeting } from '@pb/communities/dist/meetings/meeting.inputs.js';
import { checkCommunityPartnership, placeCommunityPartnership } from '@pb/communities/dist/partnerships/community-partnership.inputs.js';
import { checkPartyMemberHousehold, placePartyMemberHousehold } from '@pb/communities/dist/party-member-households/party-member-household.inputs.js';
import { checkPropertyCompany } from '@pb/communities/dist/property-companies/property-company.inputs.js';
import { checkResource } from '@pb/communities/dist/resources/resource.inputs.js';
import { checkFamilyDoctorTeam, checkHospitalPairing, inHospital } from '@pb/hospitals/dist/grassroots/grassroots.inputs.js';
import { checkRegionPopulation } from '@pb/communities/dist/population/region-population.inputs.js';
import { concepts as communityConcepts } from '@pb/communities/dist/sector-concepts/sector-concepts.js';
import { concepts as hospitalConcepts } from '@pb/hospitals/dist/sector-concepts/sector-concepts.js';
import { concepts as schoolConcepts } from '@pb/schools/dist/sector-concepts/sector-concepts.js';
import { concepts as soeConcepts } from '@pb/soes/dist/sector-concepts/sector-concepts.js';
import { checkServiceClaim } from '@pb/communities/dist/service-claims/service-claim.inputs.js';
import { checkServiceProject } from '@pb/communities/dist/service-projects/service-project.inputs.js';
import { checkServiceStation, checkServiceStationVisit } from '@pb/communities/dist/service-stations/service-station.inputs.js';
import { checkElderCareActivity } from '@pb/hospitals/dist/elder-care/elder-care-activity.inputs.js';
import { checkElderCareCenter } from '@pb/hospitals/dist/elder-care/elder-care-center.inputs.js';
import { checkElderCareCensus } from '@pb/hospitals/dist/elder-care/elder-care-census.inputs.js';
import { checkFreeClinic } from '@pb/hospitals/dist/free-clinics/free-clinic.inputs.js';
import { checkHealthStation } from '@pb/hospitals/dist/health-stations/health-station.inputs.js';
import { checkServiceRecord } from '@pb/hospitals/dist/health-stations/service-record.inputs.js';
import { checkWish } from '@pb/hospitals/dist/health-stations/wish.inputs.js';
import { checkHospital } from '@pb/hospitals/dist/hospitals/hospital.inputs.js';
import { checkMemberDevelopment } from '@pb/hospitals/dist/party-branches/member-development.inputs.js';
import { checkBranch } from '@pb/hospitals/dist/party-branches/party-branch.inputs.js';
import { checkRectification } from '@pb/hospitals/dist/ward-rounds/rectification.inputs.js';
import { checkWardRound } from '@pb/hospitals/dist/ward-rounds/ward-round.inputs.js';
import { checkDesignation } from '@pb/schools/dist/designations/designation.inputs.js';
import { checkEnrollmentChange } from '@pb/schools/dist/enrollment/enrollment-change.inputs.js';
import { checkEnrollmentGuidanceSession } from '@pb/schools/dist/guidance-sessions/guidance-session.inputs.js';
import { checkIncubationStation } from '@pb/schools/dist/incubation/incubation-station.inputs.js';
import { checkSchool } from '@pb/schools/dist/schools/school.inputs.js';
import { checkSecretaryProject } from '@pb/schools/dist/secretary-projects/secretary-project.inputs.js';
import { checkEnterprise } from '@pb/soes/dist/enterprises/enterprise.inputs.js';
import { checkServiceCenter } from '@pb/soes/dist/service-centers/service-center.inputs.js';
import { checkServiceItem } from '@pb/soes/dist/service-items/service-item.inputs.js';
import { checkMemberDevelopmentReport } from '@pb/hospitals/dist/party-branches/member-development-report.inputs.js';
import { checkServiceCenterVisit } from '@pb/soes/dist/visits/service-center-visit.inputs.js';
import { checkVolunteerActivity } from '@pb/soes/dist/volunteer-activities/volunteer-activity.inputs.js';

/**
 * `npm run generate` at county scale into fresh databases: every record table gets SYNTHETIC
 * rows, sampled rows pass the create mutations' own checks (the row read back through its
 * entity is the input), --reset deletes only SYNTHETIC rows, and the same seed gives the same
 * counts again.
 */

type Row = Record<string, unknown>;
/** A mutation's check (and for placed records its `place`), applied to a stored row. */
type Check = (row: Row, ctx: RequestContext) => Promise<unknown>;
const run = (fn: (input: never, ctx: RequestContext) => unknown): Check => async (row, ctx) => fn(row as never, ctx);

/** Checks of the kit's shared concepts, as instantiated in a subgraph. */
type Concepts = typeof communityConcepts;
const conceptChecks = (c: Concepts): Record<string, Check> => ({
  party_organization: run(c.party.checkOrg),
  party_activity: async (row, ctx) => {
    c.party.checkAct(row as never);
    expect(await c.party.placeAct(row as never, ctx)).toBe(row.regionCode);
  },
  satisfaction_survey: run(c.survey.check),
  ...(c.volunteer ? { volunteer_activity: run(c.volunteer.check) } : {}),
  ...(c.points ? { party_member_points: run(c.points.check) } : {}),
  ...(c.pledge ? { pledge: run(c.pledge.check) } : {}),
});

const CHECKS: Record<string, Record<string, Check>> = {
  communities: {
    community: run(checkCommunity),
    grid: run(checkGrid),
    grid_party_branch: run(checkGridPartyBranch),
    building_party_group: async (row, ctx) => {
      await checkBuildingPartyGroup(row as never, ctx);
      expect(await placeBuildingPartyGroup(row as never, ctx)).toBe(row.regionCode);
    },
    party_member_household: async (row, ctx) => {
      await checkPartyMemberHousehold(row as never, ctx);
      expect(await placePartyMemberHousehold(row as never, ctx)).toBe(row.regionCode);
    },
    agency: run(checkAgency),
    dual_registration: run(checkDualRegistration),
    demand: async (row, ctx) => {
      await checkDemand(row as never, ctx);
      if (row.satisfaction !== null) checkSatisfaction(row as never);
      // The steps are stamped in order and exactly up to the status.
      const steps = ['collectedOn', 'deliberatingOn', 'inProgressOn', 'resolvedOn', 'feedbackOn'];
      const reached = ['COLLECTED', 'DELIBERATING', 'IN_PROGRESS', 'RESOLVED', 'FEEDBACK'].indexOf(row.status as string);
      const dates = steps.map((s) => row[s] as string | null);
      dates.forEach((d, k) => expect(d === null).toBe(k > reached));
      for (let k = 1; k <= reached; k++) expect(dates[k]! >= dates[k - 1]!).toBe(true);
    },
    meeting: run(checkMeeting),
    dispute: async (row, ctx) => {
      await checkDispute(row as never, ctx);
      checkSettledLevel(row as never);
      expect(row.mediatingOn === null).toBe(row.status === 'OPEN');
      expect(row.closedOn === null).toBe(row.status === 'OPEN' || row.status === 'MEDIATING');
    },
    community_partnership: async (row, ctx) => {
      await checkCommunityPartnership(row as never, ctx);
      expect(await placeCommunityPartnership(row as never, ctx)).toBe(row.regionCode);
    },
    service_claim: run(checkServiceClaim),
    resource: run(checkResource),
    service_project: run(checkServiceProject),
    service_station: run(checkServiceStation),
    service_station_visit: run(checkServiceStationVisit),
    property_company: run(checkPropertyCompany),
    region_population: run(checkRegionPopulation),
    ...conceptChecks(communityConcepts),
  },
  hospitals: {
    hospital: run(checkHospital),
    hospital_party_branch: run(checkBranch),
    branch_member_development: run(checkMemberDevelopment),
    member_development_report: run(checkMemberDevelopmentReport),
    free_clinic: run(checkFreeClinic),
    ward_round: run(checkWardRound),
    rectification_item: run(checkRectification),
    health_station: run(checkHealthStation),
    station_service_record: run(checkServiceRecord),
    station_wish: run(checkWish),
    elder_care_center: run(checkElderCareCenter),
    elder_care_census: run(checkElderCareCensus),
    elder_care_activity: run(checkElderCareActivity),
    hospital_pairing: async (row, ctx) => {
      await checkHospitalPairing(row as never, ctx);
      expect(await inHospital(row as never, ctx)).toBe(row.regionCode);
    },
    family_doctor_team: run(checkFamilyDoctorTeam),
    ...conceptChecks(hospitalConcepts),
  },
  schools: {
    school: run(checkSchool),
    demonstration_designation: run(checkDesignation),
    secretary_project: run(checkSecretaryProject),
    enrollment_change: run(checkEnrollmentChange),
    incubation_station: run(checkIncubationStation),
    enrollment_guidance_session: run(checkEnrollmentGuidanceSession),
    ...conceptChecks(schoolConcepts),
  },
  soes: {
    enterprise: run(checkEnterprise),
    service_center: run(checkServiceCenter),
    service_item: run(checkServiceItem),
    service_center_visit: run(checkServiceCenterVisit),
    volunteer_activity: run(checkVolunteerActivity),
    ...conceptChecks(soeConcepts),
  },
};

const DEFINITIONS: Record<string, SubgraphDefinition> = { communities, hospitals, schools, soes };
const silent = createProgress(() => {}, false);
const urls: Record<string, string> = {};
const dbs: Record<string, DataSource> = {};

async function generate(reset: boolean, deferIndexesFrom?: number): Promise<GenerateResult> {
  return generateDataset({ scale: 'county', seed: 7, reset, only: SUBGRAPHS.map((s) => s.name), log: () => {}, urls, progress: silent, deferIndexesFrom });
}

/** Every index of the record tables, as PostgreSQL would create it. */
async function indexDefinitions(db: DataSource): Promise<string[]> {
  const rows: { d: string }[] = await db.query(`SELECT indexdef AS d FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`);
  return rows.map((r) => r.d);
}

/** Rows per table and provenance class ({ table: { SYNTHETIC: n, other: n } }). */
async function counts(db: DataSource): Promise<Record<string, { synthetic: number; other: number }>> {
  const out: Record<string, { synthetic: number; other: number }> = {};
  for (const t of await recordTables(db)) {
    const [row] = (await db.query(`SELECT count(*) FILTER (WHERE source = 'SYNTHETIC')::int AS synthetic, count(*) FILTER (WHERE source <> 'SYNTHETIC')::int AS other FROM "${t}"`)) as { synthetic: number; other: number }[];
    out[t] = row;
  }
  return out;
}

beforeAll(async () => {
  const admin = process.env.PB_TEST_DB_ADMIN!;
  const template = process.env.PB_TEST_TEMPLATE!;
  const prefix = `pbt_${process.env.PB_TEST_RUN}_${randomBytes(3).toString('hex')}_gen_`;
  for (const s of SUBGRAPHS) {
    urls[s.name] = await ensureDatabase(admin, `${prefix}${s.name}`, template);
    const def = DEFINITIONS[s.name];
    dbs[s.name] = await openSubgraphDatabase(def, urls[s.name]); // statistics triggers installed, as a subgraph does
    await def.seed?.(dbs[s.name]); // ARTICLE and FILLER rows, which --reset must keep
  }
  // A USER row, which --reset must keep too.
  await dbs.communities.query(`INSERT INTO agency (region_code, name, kind, party_organization) VALUES ('410105001', '用户录入的单位', 'OTHER', 'BRANCH')`);
});

afterAll(async () => {
  await Promise.all(Object.values(dbs).map((db) => db.destroy()));
});

let first: GenerateResult;

test('every record table of every subgraph gets SYNTHETIC rows', async () => {
  first = await generate(false);
  for (const s of SUBGRAPHS) {
    const tables = await recordTables(dbs[s.name]);
    expect(Object.keys(CHECKS[s.name]).sort()).toEqual([...tables].sort()); // a new table needs a generator and a check here
    const c = await counts(dbs[s.name]);
    for (const t of tables) {
      expect({ table: t, synthetic: c[t].synthetic > 0 }).toEqual({ table: t, synthetic: true });
      expect(first.rows[s.name][t]).toBe(c[t].synthetic);
    }
  }
  // A few thousand rows at county scale, all inside 金水区.
  const total = Object.values(first.rows).flatMap((t) => Object.values(t)).reduce((a, b) => a + b, 0);
  expect(total).toBeGreaterThan(2000);
  const [{ outside }] = await dbs.communities.query(`SELECT count(*)::int AS outside FROM dual_registration WHERE source = 'SYNTHETIC' AND region_code NOT LIKE '410105%'`);
  expect(outside).toBe(0);
});

test('no generated date is in the future (except rectification and pledge due dates, which are plans)', async () => {
  const today = todayInShanghai();
  for (const s of SUBGRAPHS) {
    const cols: { table_name: string; column_name: string }[] = await dbs[s.name].query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND data_type = 'date' AND table_name IN (SELECT table_name FROM information_schema.columns WHERE column_name = 'source' AND table_schema = current_schema())`,
    );
    for (const { table_name: t, column_name: c } of cols) {
      if ((t === 'rectification_item' || t === 'pledge') && c === 'due_on') continue;
      const [{ latest }] = await dbs[s.name].query(`SELECT to_char(max("${c}"), 'YYYY-MM-DD') AS latest FROM "${t}" WHERE source = 'SYNTHETIC'`);
      if (latest) expect({ t, c, future: latest > today }).toEqual({ t, c, future: false });
    }
  }
});

test('sampled rows of every type pass the create mutations’ checks', async () => {
  for (const s of SUBGRAPHS) {
    const db = dbs[s.name];
    const ctx = systemContext(db);
    for (const [table, check] of Object.entries(CHECKS[s.name])) {
      const meta = db.entityMetadatas.find((m) => m.tableName === table);
      if (!meta) throw new Error(`no entity for ${table}`);
      // Spread over the table (not only the first rows): every n-th by id.
      const ids: { id: string }[] = await db.query(`SELECT id FROM "${table}" WHERE source = 'SYNTHETIC' ORDER BY md5(id::text) LIMIT 15`);
      const rows = await db.getRepository(meta.target).findBy(ids.map(({ id }) => ({ id })));
      expect(rows.length).toBe(ids.length);
      for (const row of rows) {
        try {
          await check(row as Row, ctx);
        } catch (err) {
          throw new Error(`${s.name}.${table} ${JSON.stringify(row)}: ${(err as Error).message} ${JSON.stringify((err as { extensions?: unknown }).extensions ?? {})}`);
        }
      }
    }
  }
});

const SPECS: Record<string, SectorSpec> = { communities: communitiesSpec, hospitals: hospitalsSpec, schools: schoolsSpec, soes: soesSpec };

test('the pre-aggregates rebuilt after the bulk load give the figures of the records, and a rebuild changes nothing', async () => {
  const year = Number(todayInShanghai().slice(0, 4)) - 1;
  const periods: Period[] = [
    { from: null, to: null },
    { from: `${year}-01-01`, to: `${year}-12-31` },
    { from: `${year}-03-15`, to: `${year + 1}-02-10` },
  ];
  // The generated county, its city and province, a township; and the reference county.
  const codes = ['41', '4101', '410105', '410105001', '61', '6105', '610581'];
  for (const s of SUBGRAPHS) {
    for (const p of periods) expect(await compareAt(SPECS[s.name], dbs[s.name], codes, p)).toEqual([]);
    const before = await aggregatesDigest(dbs[s.name]);
    expect(before.rows).toBeGreaterThan(0);
    await rebuildStats(dbs[s.name], DEFINITIONS[s.name].stats!);
    expect(await aggregatesDigest(dbs[s.name])).toEqual(before);
  }
});

test('--reset deletes only SYNTHETIC rows; the same seed gives the same counts again', async () => {
  const before = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (s) => [s.name, await counts(dbs[s.name])] as const)));
  expect(before.communities.community.other).toBeGreaterThan(0); // the reference dataset is there
  const indexes = await Promise.all(SUBGRAPHS.map((s) => indexDefinitions(dbs[s.name])));
  // This time every table of 100 rows or more loads with its secondary indexes deferred (as large
  // tables do at national scale): the same rows, and the same indexes afterwards.
  const again = await generate(true, 100);
  expect(again.rows).toEqual(first.rows);
  expect(await Promise.all(SUBGRAPHS.map((s) => indexDefinitions(dbs[s.name])))).toEqual(indexes);
  for (const s of SUBGRAPHS) {
    for (const [t, n] of Object.entries(before[s.name])) expect(again.deleted[s.name][t]).toBe(n.synthetic);
    expect(await counts(dbs[s.name])).toEqual(before[s.name]);
    // Deleting alone: no SYNTHETIC row left, every other row (USER, ARTICLE, FILLER) still there.
    await deleteSyntheticRecords(dbs[s.name]);
    const after = await counts(dbs[s.name]);
    for (const [t, n] of Object.entries(before[s.name])) expect({ t, ...after[t] }).toEqual({ t, synthetic: 0, other: n.other });
  }
  const [{ n }] = await dbs.communities.query(`SELECT count(*)::int AS n FROM agency WHERE source = 'USER'`);
  expect(n).toBe(1);
});
