import type { Stack } from '@pb/gateway';
import { gql, ok, startTestStack, token } from '../support/harness';

const ADMIN = token({ role: 'ADMIN' });
const VIEWER = token({ role: 'VIEWER' });
const HOSPITAL_EDITOR = token({ role: 'EDITOR', sectors: ['hospitals'], regions: ['6105'] });
const HANCHENG = '610581';

const SECTORS = [
  ['Community', 'communityStats'],
  ['Hospital', 'hospitalStats'],
  ['School', 'schoolStats'],
  ['Soe', 'soeStats'],
] as const;

/** `createX(input) { id }` through the gateway. */
const create = async (url: string, type: string, input: Record<string, unknown>, bearer = ADMIN): Promise<string> =>
  (await ok(url, `mutation($input: Create${type}Input!) { r: create${type}(input: $input) { id } }`, { input }, bearer)).r.id as string;
const createAs = async (url: string, mutation: string, inputType: string, input: Record<string, unknown>, bearer = ADMIN): Promise<string> =>
  (await ok(url, `mutation($input: ${inputType}!) { r: ${mutation}(input: $input) { id } }`, { input }, bearer)).r.id as string;

describe('party organisations, organisational life, volunteering and satisfaction in every sector', () => {
  let stack: Stack;
  let url: string;
  const orgs: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startTestStack();
    url = stack.gatewayUrl;
    const hospital = await create(url, 'Hospital', {
      name: '韩城市人民医院', regionCode: HANCHENG, grade: 'SECONDARY', kind: 'GENERAL', isPublic: true, secretaryPresidentSeparated: true, partyOrganization: 'PARTY_COMMITTEE',
    });
    // One branch per sector (two in hospitals), each holding organisational life in 2024.
    for (const [prefix] of SECTORS) {
      orgs[prefix] = await createAs(url, `create${prefix}PartyOrganization`, 'CreatePartyOrganizationInput', {
        regionCode: HANCHENG, name: `${prefix} 第一党支部`, kind: 'BRANCH', secretaryName: '王建国', members: 10, establishedOn: '2020-01-01',
        ...(prefix === 'Hospital' ? { unitId: hospital } : {}),
      });
    }
    orgs.Hospital2 = await createAs(url, 'createHospitalPartyOrganization', 'CreatePartyOrganizationInput', {
      regionCode: HANCHENG, name: '内科党支部', kind: 'BRANCH', members: 7, unitId: hospital, establishedOn: '2021-06-01',
    }, HOSPITAL_EDITOR);
    const kinds = ['MEMBERS_MEETING', 'COMMITTEE_MEETING', 'GROUP_MEETING', 'PARTY_LECTURE', 'THEME_PARTY_DAY', 'FIRST_TOPIC_STUDY'];
    for (const kind of kinds) {
      await createAs(url, 'createHospitalPartyActivity', 'CreatePartyActivityInput', { organizationId: orgs.Hospital, kind, heldOn: '2024-03-15', attendees: 9, topic: `${kind} 学习` });
    }
    await createAs(url, 'createHospitalPartyActivity', 'CreatePartyActivityInput', { organizationId: orgs.Hospital2, kind: 'THEME_PARTY_DAY', heldOn: '2024-05-01', attendees: 6, topic: '主题党日' });
    await createAs(url, 'createCommunityPartyActivity', 'CreatePartyActivityInput', { organizationId: orgs.Community, kind: 'THEME_PARTY_DAY', heldOn: '2024-05-01', attendees: 8, topic: '主题党日' });
    for (const [prefix, hours] of [['Community', 120], ['Hospital', 60], ['School', 30]] as const) {
      await createAs(url, `create${prefix}VolunteerService`, 'CreateVolunteerServiceInput', {
        regionCode: HANCHENG, title: `${prefix} 志愿服务`, team: '党员志愿服务队', heldOn: '2024-06-01', volunteers: 10, hours, peopleServed: 100,
      });
    }
    const enterprise = await create(url, 'Enterprise', { name: '韩城市供水公司', regionCode: HANCHENG, level: 'COUNTY', industry: '水务', partyOrganization: 'GENERAL_BRANCH' });
    await create(url, 'VolunteerActivity', {
      regionCode: HANCHENG, title: '送水进社区', organizerSector: 'SOE', organizerId: enterprise, heldOn: '2024-06-02', volunteers: 5, peopleServed: 50, hours: 20,
    });
    await createAs(url, 'createCommunitySatisfactionSurvey', 'CreateSatisfactionSurveyInput', { regionCode: HANCHENG, subject: '业主满意度', periodEnd: '2024-12-31', respondents: 500, satisfied: 458 });
  });
  afterAll(() => stack?.stop());

  test('one query gives the region\'s organisational figures split by sector', async () => {
    const figures = 'partyOrganizations partyOrganizationMembers partyActivities partyActivitiesByKind { kind count } threeMeetingsOneLessonRate partyActivitiesPerOrganizationPerMonth';
    const sel = SECTORS.map(([, field]) => `${field}(period: { from: "2024-01-01", to: "2024-12-31" }) { ${figures} }`).join(' ');
    const { region } = await ok(url, `{ region(code: "${HANCHENG}") { ${sel} } }`);
    expect(region.hospitalStats).toMatchObject({ partyOrganizations: 2, partyOrganizationMembers: 17, partyActivities: 7, threeMeetingsOneLessonRate: 0.5 });
    expect(region.hospitalStats.partyActivitiesPerOrganizationPerMonth).toBeCloseTo(7 / 2 / 12, 6);
    expect(region.hospitalStats.partyActivitiesByKind).toEqual(expect.arrayContaining([{ kind: 'THEME_PARTY_DAY', count: 2 }, { kind: 'OTHER', count: 0 }]));
    expect(region.communityStats).toMatchObject({ partyOrganizations: 1, partyOrganizationMembers: 10, partyActivities: 1, threeMeetingsOneLessonRate: 0 });
    expect(region.schoolStats).toMatchObject({ partyOrganizations: 1, partyActivities: 0 });
    expect(region.soeStats).toMatchObject({ partyOrganizations: 1, partyActivities: 0, threeMeetingsOneLessonRate: 0 });
    // The province reads the same figures from the pre-aggregates.
    const { region: province } = await ok(url, `{ region(code: "61") { ${sel} } }`);
    for (const [, field] of SECTORS) expect(province[field]).toEqual(region[field]);
  });

  test('volunteer hours by sector, the SOEs\' older VolunteerActivity included', async () => {
    const sel = SECTORS.map(([, field]) => `${field} { volunteerActivities volunteers volunteerHours peopleServedByVolunteers }`).join(' ');
    const { region } = await ok(url, `{ region(code: "${HANCHENG}") { ${sel} } }`);
    expect(region.communityStats).toEqual({ volunteerActivities: 1, volunteers: 10, volunteerHours: 120, peopleServedByVolunteers: 100 });
    expect(region.hospitalStats.volunteerHours).toBe(60);
    expect(region.schoolStats.volunteerHours).toBe(30);
    expect(region.soeStats).toEqual({ volunteerActivities: 1, volunteers: 5, volunteerHours: 20, peopleServedByVolunteers: 50 });
    const list = await ok(url, `{ volunteerActivities(regionCode: "${HANCHENG}") { totalCount edges { node { title hours team organizerSector } } } }`);
    expect(list.volunteerActivities.edges[0].node).toEqual({ title: '送水进社区', hours: 20, team: null, organizerSector: 'SOE' });
  });

  test('satisfaction rate per sector, null without respondents', async () => {
    const { region } = await ok(url, `{ region(code: "${HANCHENG}") { communityStats { satisfactionSurveys satisfactionRespondents satisfactionRate } hospitalStats { satisfactionRate } } }`);
    expect(region.communityStats).toEqual({ satisfactionSurveys: 1, satisfactionRespondents: 500, satisfactionRate: 0.916 });
    expect(region.hospitalStats.satisfactionRate).toBeNull();
  });

  test('lists filter and page; the secretary is masked for viewers; the unit resolves', async () => {
    const q = `query($unit: ID) { hospitalPartyOrganizations(regionCode: "6105", kind: BRANCH, unitId: $unit, first: 1) { totalCount pageInfo { hasNextPage } edges { node { name secretaryName unit { name } region { code } } } } }`;
    const hospital = (await ok(url, `query($id: ID!) { hospitalPartyOrganization(id: $id) { unitId } }`, { id: orgs.Hospital })).hospitalPartyOrganization.unitId;
    const asViewer = await ok(url, q, { unit: hospital }, VIEWER);
    expect(asViewer.hospitalPartyOrganizations.totalCount).toBe(2);
    expect(asViewer.hospitalPartyOrganizations.pageInfo.hasNextPage).toBe(true);
    const node = asViewer.hospitalPartyOrganizations.edges[0].node;
    expect(node.unit.name).toBe('韩城市人民医院');
    const all = await ok(url, `{ hospitalPartyOrganizations(regionCode: "${HANCHENG}") { edges { node { name secretaryName } } } }`, undefined, VIEWER);
    expect(all.hospitalPartyOrganizations.edges.find((e: { node: { name: string } }) => e.node.name === 'Hospital 第一党支部').node.secretaryName).toBe('王**');
    const asEditor = await ok(url, `query($id: ID!) { hospitalPartyOrganization(id: $id) { secretaryName } }`, { id: orgs.Hospital }, HOSPITAL_EDITOR);
    expect(asEditor.hospitalPartyOrganization.secretaryName).toBe('王建国');
    const acts = await ok(url, `query($o: ID) { hospitalPartyActivities(organizationId: $o, kind: PARTY_LECTURE) { totalCount edges { node { topic organization { name } region { code } } } } }`, { o: orgs.Hospital });
    expect(acts.hospitalPartyActivities.totalCount).toBe(1);
    expect(acts.hospitalPartyActivities.edges[0].node).toEqual({ topic: 'PARTY_LECTURE 学习', organization: { name: 'Hospital 第一党支部' }, region: { code: HANCHENG } });
  });

  test('writes are checked, authorized and rolled back as everywhere else', async () => {
    const bad = await gql(url, `mutation { createCommunitySatisfactionSurvey(input: { regionCode: "${HANCHENG}", subject: "x", periodEnd: "2024-01-31", respondents: 10, satisfied: 11 }) { id } }`, undefined, ADMIN);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.satisfied' });
    const noOrg = await gql(url, `mutation { createSchoolPartyActivity(input: { organizationId: "${orgs.Hospital}", kind: OTHER, heldOn: "2024-01-01", attendees: 1, topic: "t" }) { id } }`, undefined, ADMIN);
    expect(noOrg.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.organizationId' });
    const wrongUnit = await gql(url, `mutation { createSchoolPartyOrganization(input: { regionCode: "${HANCHENG}", name: "x", kind: BRANCH, members: 1, unitId: "${orgs.Hospital}" }) { id } }`, undefined, ADMIN);
    expect(wrongUnit.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.unitId' });
    const future = await gql(url, `mutation { createCommunityVolunteerService(input: { regionCode: "${HANCHENG}", title: "x", heldOn: "2999-01-01", volunteers: 1, hours: 1, peopleServed: 1 }) { id } }`, undefined, ADMIN);
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.heldOn' });
    const forbidden = await gql(url, `mutation { createCommunityPartyOrganization(input: { regionCode: "${HANCHENG}", name: "x", kind: BRANCH, members: 1 }) { id } }`, undefined, HOSPITAL_EDITOR);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await gql(url, `mutation { createHospitalPartyOrganization(input: { regionCode: "${HANCHENG}", name: "x", kind: BRANCH, members: 1 }) { id } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const count = await ok(url, `{ communityPartyOrganizations(regionCode: "${HANCHENG}") { totalCount } }`);
    expect(count.communityPartyOrganizations.totalCount).toBe(1);
  });

  test('update and delete; deleting an organisation removes its activities from the figures', async () => {
    const id = await createAs(url, 'createSchoolPartyOrganization', 'CreatePartyOrganizationInput', { regionCode: HANCHENG, name: '临时支部', kind: 'BRANCH', members: 3 });
    await createAs(url, 'createSchoolPartyActivity', 'CreatePartyActivityInput', { organizationId: id, kind: 'PARTY_LECTURE', heldOn: '2024-02-01', attendees: 3, topic: '党课' });
    const updated = await ok(url, `mutation($id: ID!) { updateSchoolPartyOrganization(id: $id, input: { members: 5 }) { members name } }`, { id }, ADMIN);
    expect(updated.updateSchoolPartyOrganization).toEqual({ members: 5, name: '临时支部' });
    const before = await ok(url, `{ region(code: "61") { schoolStats { partyOrganizations partyOrganizationMembers partyActivities } } }`);
    expect(before.region.schoolStats).toEqual({ partyOrganizations: 2, partyOrganizationMembers: 15, partyActivities: 1 });
    await ok(url, `mutation($id: ID!) { deleteSchoolPartyOrganization(id: $id) }`, { id }, ADMIN);
    const after = await ok(url, `{ region(code: "61") { schoolStats { partyOrganizations partyOrganizationMembers partyActivities } } }`);
    expect(after.region.schoolStats).toEqual({ partyOrganizations: 1, partyOrganizationMembers: 10, partyActivities: 0 });
  });

  test('provenance: how many records of each source a sector\'s figures rest on', async () => {
    const { region } = await ok(url, `{ region(code: "${HANCHENG}") { hospitalStats { provenance { article filler user synthetic } } } }`);
    // The hospital, two organisations, seven activities and one volunteer activity, all entered through the API.
    expect(region.hospitalStats.provenance).toEqual({ article: 0, filler: 0, user: 11, synthetic: 0 });
  });

  test('population is a dated region attribute entered by an ADMIN, giving per-10,000 rates', async () => {
    const COMMUNITY_EDITOR = token({ role: 'EDITOR', sectors: ['communities'], regions: ['61'] });
    const denied = await gql(url, `mutation { createRegionPopulation(input: { regionCode: "${HANCHENG}", asOf: "2023-12-31", residents: 1000 }) { id } }`, undefined, COMMUNITY_EDITOR);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const before = await ok(url, `{ region(code: "${HANCHENG}") { population { residents } communityStats { residents volunteerHoursPer10kResidents } } }`);
    expect(before.region).toEqual({ population: null, communityStats: { residents: null, volunteerHoursPer10kResidents: null } });
    const old = await createAs(url, 'createRegionPopulation', 'CreateRegionPopulationInput', { regionCode: HANCHENG, asOf: '2020-12-31', residents: 300_000, households: 100_000 });
    await createAs(url, 'createRegionPopulation', 'CreateRegionPopulationInput', { regionCode: HANCHENG, asOf: '2024-12-31', residents: 400_000 });
    const now = await ok(url, `{ region(code: "${HANCHENG}") { population { residents households asOf } then: population(at: "2022-01-01") { residents }
      communityStats { residents volunteerHoursPer10kResidents } in2021: communityStats(period: { from: "2021-01-01", to: "2021-12-31" }) { residents households } } }`);
    expect(now.region.population).toEqual({ residents: 400_000, households: null, asOf: '2024-12-31' });
    expect(now.region.then).toEqual({ residents: 300_000 });
    // 120 community volunteer hours over 400,000 residents.
    expect(now.region.communityStats).toEqual({ residents: 400_000, volunteerHoursPer10kResidents: 3 });
    expect(now.region.in2021).toEqual({ residents: 300_000, households: 100_000 });
    const badDelete = await gql(url, `mutation($id: ID!) { deleteRegionPopulation(id: $id) }`, { id: old }, COMMUNITY_EDITOR);
    expect(badDelete.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const invalid = await gql(url, `mutation { createRegionPopulation(input: { regionCode: "${HANCHENG}", asOf: "2023-12-31", residents: -5 }) { id } }`, undefined, ADMIN);
    expect(invalid.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.residents' });
  });

  test('hospitals and the grassroots: pairings (医共体) and family-doctor teams, with their stats', async () => {
    const { hospitalPartyOrganization: { unitId: hospital } } = await ok(url, `query($id: ID!) { hospitalPartyOrganization(id: $id) { unitId } }`, { id: orgs.Hospital });
    const pairing = (input: Record<string, unknown>, bearer = ADMIN) => gql(url, `mutation($input: CreateHospitalPairingInput!) { createHospitalPairing(input: $input) { id regionCode secondedVicePresident } }`, { input: { hospitalId: hospital, partnerKind: 'TOWNSHIP_HEALTH_CENTER', ...input } }, bearer);
    const a = await pairing({ kind: 'MEDICAL_COMMUNITY', partnerName: '芝阳镇卫生院', startedOn: '2022-01-01', secondedVicePresident: '李明' }, HOSPITAL_EDITOR);
    expect(a.data?.createHospitalPairing).toMatchObject({ regionCode: HANCHENG, secondedVicePresident: '李明' });
    await pairing({ kind: 'PAIRED_ASSISTANCE', partnerName: '桑树坪镇卫生院', startedOn: '2022-01-01', endedOn: '2023-06-30' });
    const bad = await pairing({ kind: 'PAIRED_ASSISTANCE', partnerName: 'x', startedOn: '2023-01-01', endedOn: '2022-01-01' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endedOn' });
    await createAs(url, 'createFamilyDoctorTeam', 'CreateFamilyDoctorTeamInput', { hospitalId: hospital, name: '新城家庭医生一队', leaderName: '岳晓', members: 5, signedResidents: 1200, formedOn: '2021-03-01' });
    const sel = 'hospitalPairings medicalCommunityPairings secondedVicePresidents familyDoctorTeams familyDoctorSignedResidents';
    const { region } = await ok(url, `{ region(code: "${HANCHENG}") { now: hospitalStats { ${sel} } y2022: hospitalStats(period: { from: "2022-01-01", to: "2022-12-31" }) { ${sel} } } }`);
    expect(region.now).toEqual({ hospitalPairings: 1, medicalCommunityPairings: 1, secondedVicePresidents: 1, familyDoctorTeams: 1, familyDoctorSignedResidents: 1200 });
    expect(region.y2022).toEqual({ hospitalPairings: 2, medicalCommunityPairings: 1, secondedVicePresidents: 1, familyDoctorTeams: 1, familyDoctorSignedResidents: 1200 });
    const masked = await ok(url, `{ familyDoctorTeams(regionCode: "${HANCHENG}") { edges { node { leaderName hospital { name } } } } hospitalPairings(kind: MEDICAL_COMMUNITY) { totalCount edges { node { secondedVicePresident } } } }`, undefined, VIEWER);
    expect(masked.familyDoctorTeams.edges[0].node).toEqual({ leaderName: '岳*', hospital: { name: '韩城市人民医院' } });
    expect(masked.hospitalPairings).toEqual({ totalCount: 1, edges: [{ node: { secondedVicePresident: '李*' } }] });
  });
});
