import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import type { RequestContext } from '../context.js';
import type { Period } from '../period/period.js';
import { requestedRegionsSql, withinRegionSql } from '../regions/sql.js';
import type { RowSource } from '../stats/aggregates/definition.js';
import { type StatsPart } from '../stats/parts.js';
import { datedWithinSql, existedBySql, rollUpByRegion } from '../stats/roll-up.js';
import { rate } from '../stats/stats-loader.js';
import { todayInShanghai } from '../scalars/date.js';
import { PARTY_ACTIVITY_KINDS, PartyActivityKind, PartyActivityKindCount, THREE_MEETINGS_ONE_LESSON } from './party-life.types.js';

@Directive('@shareable')
@ObjectType({ description: 'How many records of each source a stats type\'s figures rest on (so a screen can say a figure is partly placeholder)' })
export class ProvenanceBreakdown {
  @Field(() => Int, { description: 'Records named in a source article (ARTICLE)' })
  article: number;

  @Field(() => Int, { description: 'Placeholders of the reference dataset that make an article total come out (FILLER)' })
  filler: number;

  @Field(() => Int, { description: 'Records entered through the API (USER)' })
  user: number;

  @Field(() => Int, { description: 'Generated load-test records (SYNTHETIC)' })
  synthetic: number;
}

/**
 * The figures every sector's stats type has (each extends this): party organisations and their
 * organisational life, volunteer service, satisfaction surveys and the provenance breakdown.
 */
@ObjectType({ description: 'Base of every sector stats type; not itself in the schema' })
export abstract class SectorConceptStats {
  @Field(() => Int, { description: 'Stock: party organisations (党组织) of the sector existing at the period end' })
  partyOrganizations: number;

  @Field(() => Int, { description: 'Stock: party members (党员) of those organisations, counted at the top of each recorded hierarchy (organisations without a parent), so a 党总支 and its 支部 are not counted twice' })
  partyOrganizationMembers: number;

  @Field(() => Int, { description: 'Event: organisational-life activities (组织生活) held inside the period' })
  partyActivities: number;

  @Field(() => [PartyActivityKindCount], { description: 'Event: those activities by kind (三会一课, 主题党日, 第一议题…); every kind present, zeros included' })
  partyActivitiesByKind: PartyActivityKindCount[];

  @Field(() => Float, { nullable: true, description: 'Activities ÷ organisations at the period end ÷ calendar months of the period; null for a period without a start or a region without organisations' })
  partyActivitiesPerOrganizationPerMonth: number | null;

  @Field(() => Float, { nullable: true, description: '三会一课 completeness: branches (党支部) existing at the period end that held a members\' meeting, a committee meeting, a group meeting and a party lecture inside the period ÷ those branches; null without branches' })
  threeMeetingsOneLessonRate: number | null;

  @Field(() => Int, { description: 'Event: volunteer service activities (志愿服务活动) held inside the period, where they took place' })
  volunteerActivities: number;

  @Field(() => Int, { description: 'Event: volunteers taking part in those activities (sum)' })
  volunteers: number;

  @Field(() => Int, { description: 'Event: volunteer hours (服务时长) of those activities (sum)' })
  volunteerHours: number;

  @Field(() => Int, { description: 'Event: people served by those activities (sum)' })
  peopleServedByVolunteers: number;

  @Field(() => Int, { description: 'Event: satisfaction surveys (满意度测评) whose period ends inside the period' })
  satisfactionSurveys: number;

  @Field(() => Int, { description: 'Event: respondents of those surveys (sum)' })
  satisfactionRespondents: number;

  @Field(() => Float, { nullable: true, description: 'Satisfied respondents ÷ respondents of those surveys; null without respondents' })
  satisfactionRate: number | null;

  @Field(() => ProvenanceBreakdown, { description: 'Records of this sector in the region by source (all record types, whatever their dates): how much of the figures is article, filler, user or synthetic data' })
  provenance: ProvenanceBreakdown;
}

/** Pre-aggregate declarations of the shared concepts, in every sector's StatsDefinition. */
export const SECTOR_CONCEPT_ROWS: RowSource[] = [
  {
    table: 'party_organization',
    measures: [
      { metric: 'partyOrg.count', from: 'r.established_on' },
      { metric: 'partyOrg.members', from: 'r.established_on', value: 'r.members', when: 'r.parent_id IS NULL' },
    ],
  },
  { table: 'party_activity', measures: [{ metric: 'partyActivity.byKind', event: 'r.held_on', key: 'r.kind' }] },
  {
    table: 'volunteer_activity',
    measures: [
      { metric: 'volunteer.activities', event: 'r.held_on' },
      { metric: 'volunteer.volunteers', event: 'r.held_on', value: 'r.volunteers' },
      { metric: 'volunteer.hours', event: 'r.held_on', value: 'r.hours' },
      { metric: 'volunteer.peopleServed', event: 'r.held_on', value: 'r.people_served' },
    ],
  },
  {
    table: 'satisfaction_survey',
    measures: [
      { metric: 'survey.count', event: 'r.period_end' },
      { metric: 'survey.respondents', event: 'r.period_end', value: 'r.respondents' },
      { metric: 'survey.satisfied', event: 'r.period_end', value: 'r.satisfied' },
    ],
  },
];

type Codes = readonly string[];
const byCode = <T>(codes: Codes, f: (code: string) => T) => new Map(codes.map((code) => [code, f(code)]));

/** Calendar months the period spans (null without a start: an open start has no length). */
export function monthsIn(p: Period, today = todayInShanghai()): number | null {
  if (!p.from) return null;
  const to = p.to ?? today;
  const [fy, fm] = p.from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  const months = (ty - fy) * 12 + (tm - fm) + 1;
  return months > 0 ? months : null;
}

const perOrgPerMonth = (activities: number, orgs: number, p: Period): number | null => {
  const months = monthsIn(p);
  return months && orgs ? activities / orgs / months : null;
};

const kindCounts = (count: (kind: string) => number): PartyActivityKindCount[] =>
  PARTY_ACTIVITY_KINDS.map((kind) => ({ kind: kind as PartyActivityKind, count: count(kind) }));

async function partyFigures(ctx: RequestContext, codes: Codes, p: Period) {
  const [orgs, acts] = await Promise.all([
    rollUpByRegion<{ n: number; members: number }>(ctx, codes, {
      from: 'party_organization o',
      regionColumn: 'o.region_code',
      aggregates: 'count(o.id)::int AS n, coalesce(sum(o.members) FILTER (WHERE o.parent_id IS NULL), 0)::int AS members',
      where: existedBySql('o.established_on', '$2'),
      params: [p.to],
    }),
    ctx.db.query(
      `SELECT q.code, x.kind, x.n FROM ${requestedRegionsSql('$1')}
        CROSS JOIN LATERAL (SELECT a.kind, count(*)::int AS n FROM party_activity a
                             WHERE ${withinRegionSql('a.region_code', 'q.code')} AND ${datedWithinSql('a.held_on', '$2', '$3')}
                             GROUP BY a.kind) x`,
      [codes, p.from, p.to],
    ) as Promise<{ code: string; kind: string; n: number }[]>,
  ]);
  return byCode(codes, (code) => {
    const mine = acts.filter((a) => a.code === code);
    const total = mine.reduce((s, a) => s + a.n, 0);
    const o = orgs.get(code)!;
    return {
      partyOrganizations: o.n,
      partyOrganizationMembers: o.members,
      partyActivities: total,
      partyActivitiesByKind: kindCounts((k) => mine.find((a) => a.kind === k)?.n ?? 0),
      partyActivitiesPerOrganizationPerMonth: perOrgPerMonth(total, o.n, p),
    };
  });
}

const REQUIRED = `ARRAY[${THREE_MEETINGS_ONE_LESSON.map((k) => `'${k}'`).join(', ')}]::text[]`;

/** 三会一课 completeness, from the records (a cohort over two tables: not a sum of buckets). */
async function completeness(ctx: RequestContext, codes: Codes, p: Period) {
  const rows = await rollUpByRegion<{ branches: number; complete: number }>(ctx, codes, {
    from: 'party_organization o',
    regionColumn: 'o.region_code',
    aggregates: `count(o.id)::int AS branches,
      count(o.id) FILTER (WHERE (SELECT count(DISTINCT a.kind) FROM party_activity a
        WHERE a.organization_id = o.id AND a.kind = ANY(${REQUIRED}) AND ${datedWithinSql('a.held_on', '$3', '$2')}) = ${THREE_MEETINGS_ONE_LESSON.length})::int AS complete`,
    where: `o.kind = 'BRANCH' AND ${existedBySql('o.established_on', '$2')}`,
    params: [p.to, p.from],
  });
  return byCode(codes, (code) => ({ threeMeetingsOneLessonRate: rate(rows.get(code)!.complete, rows.get(code)!.branches) }));
}

async function volunteerFigures(ctx: RequestContext, codes: Codes, p: Period) {
  const rows = await rollUpByRegion<{ n: number; volunteers: number; hours: number; served: number }>(ctx, codes, {
    from: 'volunteer_activity v',
    regionColumn: 'v.region_code',
    aggregates: `count(v.id)::int AS n, coalesce(sum(v.volunteers), 0)::int AS volunteers, coalesce(sum(v.hours), 0)::int AS hours, coalesce(sum(v.people_served), 0)::int AS served`,
    where: datedWithinSql('v.held_on', '$2', '$3'),
    params: [p.from, p.to],
  });
  return byCode(codes, (code) => {
    const r = rows.get(code)!;
    return { volunteerActivities: r.n, volunteers: r.volunteers, volunteerHours: r.hours, peopleServedByVolunteers: r.served };
  });
}

async function surveyFigures(ctx: RequestContext, codes: Codes, p: Period) {
  const rows = await rollUpByRegion<{ n: number; respondents: number; satisfied: number }>(ctx, codes, {
    from: 'satisfaction_survey s',
    regionColumn: 's.region_code',
    aggregates: 'count(s.id)::int AS n, coalesce(sum(s.respondents), 0)::int AS respondents, coalesce(sum(s.satisfied), 0)::int AS satisfied',
    where: datedWithinSql('s.period_end', '$2', '$3'),
    params: [p.from, p.to],
  });
  return byCode(codes, (code) => {
    const r = rows.get(code)!;
    return { satisfactionSurveys: r.n, satisfactionRespondents: r.respondents, satisfactionRate: rate(r.satisfied, r.respondents) };
  });
}

/** Record tables of this database (those with a provenance column), found once per process. */
const recordTables = new WeakMap<object, Promise<string[]>>();
function tablesWithSource(ctx: RequestContext): Promise<string[]> {
  const found = recordTables.get(ctx.db) ?? (ctx.db.query(
    `SELECT c.table_name FROM information_schema.columns c
      JOIN information_schema.columns r ON r.table_name = c.table_name AND r.table_schema = c.table_schema AND r.column_name = 'region_code'
     WHERE c.column_name = 'source' AND c.table_schema = current_schema() ORDER BY 1`,
  ) as Promise<{ table_name: string }[]>).then((rows) => rows.map((r) => r.table_name));
  recordTables.set(ctx.db, found);
  return found;
}

/** Records by source in each region, over every record table of the subgraph: one statement. */
async function provenanceFigures(ctx: RequestContext, codes: Codes) {
  const tables = await tablesWithSource(ctx);
  // An organisation kept in step with an older record is the same fact twice: counted once.
  const own = (t: string) => (t === 'party_organization' ? ' AND mirror_of IS NULL' : '');
  const union = tables.map((t) => `SELECT source FROM "${t}" WHERE ${withinRegionSql('region_code', 'q.code')}${own(t)}`).join(' UNION ALL ');
  const rows: { code: string; source: string; n: number }[] = await ctx.db.query(
    `SELECT q.code, x.source, x.n FROM ${requestedRegionsSql('$1')}
      CROSS JOIN LATERAL (SELECT u.source, count(*)::int AS n FROM (${union}) u GROUP BY u.source) x`,
    [codes],
  );
  const get = (code: string, source: string) => rows.find((r) => r.code === code && r.source === source)?.n ?? 0;
  return byCode(codes, (code) => ({
    provenance: { article: get(code, 'ARTICLE'), filler: get(code, 'FILLER'), user: get(code, 'USER'), synthetic: get(code, 'SYNTHETIC') },
  }));
}

/** The shared figures as stats parts: append to a sector's parts (composeStats runs only those asked for). */
export function sectorConceptParts<S extends SectorConceptStats>(): StatsPart<S>[] {
  return [
    {
      fields: ['partyOrganizations', 'partyOrganizationMembers', 'partyActivities', 'partyActivitiesByKind', 'partyActivitiesPerOrganizationPerMonth'],
      raw: partyFigures as StatsPart<S>['raw'],
      aggregated: {
        stocks: ['partyOrg.count', 'partyOrg.members'],
        events: ['partyActivity.byKind'],
        figures: (get, p, keyed) => {
          const byKind = keyed('partyActivity.byKind');
          const total = [...byKind.values()].reduce((s, n) => s + n, 0);
          const orgs = get('partyOrg.count');
          return {
            partyOrganizations: orgs,
            partyOrganizationMembers: get('partyOrg.members'),
            partyActivities: total,
            partyActivitiesByKind: kindCounts((k) => byKind.get(k) ?? 0),
            partyActivitiesPerOrganizationPerMonth: perOrgPerMonth(total, orgs, p),
          } as Partial<S>;
        },
      },
    },
    { fields: ['threeMeetingsOneLessonRate'], raw: completeness as StatsPart<S>['raw'] },
    {
      fields: ['volunteerActivities', 'volunteers', 'volunteerHours', 'peopleServedByVolunteers'],
      raw: volunteerFigures as StatsPart<S>['raw'],
      aggregated: {
        events: ['volunteer.activities', 'volunteer.volunteers', 'volunteer.hours', 'volunteer.peopleServed'],
        figures: (get) =>
          ({
            volunteerActivities: get('volunteer.activities'),
            volunteers: get('volunteer.volunteers'),
            volunteerHours: get('volunteer.hours'),
            peopleServedByVolunteers: get('volunteer.peopleServed'),
          }) as Partial<S>,
      },
    },
    {
      fields: ['satisfactionSurveys', 'satisfactionRespondents', 'satisfactionRate'],
      raw: surveyFigures as StatsPart<S>['raw'],
      aggregated: {
        events: ['survey.count', 'survey.respondents', 'survey.satisfied'],
        figures: (get) =>
          ({
            satisfactionSurveys: get('survey.count'),
            satisfactionRespondents: get('survey.respondents'),
            satisfactionRate: rate(get('survey.satisfied'), get('survey.respondents')),
          }) as Partial<S>,
      },
    },
    { fields: ['provenance'], raw: ((ctx: RequestContext, codes: Codes) => provenanceFigures(ctx, codes)) as unknown as StatsPart<S>['raw'] },
  ];
}
