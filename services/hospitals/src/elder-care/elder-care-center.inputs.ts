import { NewElderCareCensusInput } from './elder-care-census.inputs.js';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { badInput, byIdLoader, DateScalar, ListArgs, normalizeRegionCode, notFound, optionalPastDate, optionalText, parentRegion, requireCount, requireId, requireText, type RequestContext, UpdateInputOf } from '@pb/kit';
import { requireHospital } from '../free-clinics/free-clinic.inputs.js';
import { ElderCareCenter } from './elder-care-center.entity.js';

@InputType({ description: 'A new elder-care centre (医养结合中心)' })
export class CreateElderCareCenterInput {
  @Field(() => ID, { description: 'Hospital that runs it' })
  hospitalId: string;

  @Field()
  name: string;

  @Field({ description: 'Division code where it is: a township or a village (行政区划代码)' })
  regionCode: string;

  @Field(() => String, { nullable: true })
  venue?: string | null;

  @Field(() => DateScalar, { nullable: true })
  openedOn?: string | null;

  @Field(() => Int, { description: 'Beds (床位), at least 1' })
  beds: number;

  /** Set by crudResolver on update (the stored record overlaid by the changes). */
  id?: string;

  @Field(() => [NewElderCareCensusInput], { nullable: true, description: 'Its first census: created with the centre in one transaction, or nothing' })
  censuses?: NewElderCareCensusInput[] | null;
}

@InputType({ description: 'Changes to an elder-care centre; omitted fields stay as they are' })
export class UpdateElderCareCenterInput extends UpdateInputOf(CreateElderCareCenterInput, { omit: ['censuses'], describe: { regionCode: 'Only while the centre has no census or activity records' } }) {}

@ArgsType()
export class ElderCareCenterListArgs extends ListArgs {
  @Field(() => ID, { nullable: true, description: 'Run by this hospital' })
  hospitalId?: string | null;
}

/** What the centre's census and activity records say about it, for the checks of an update. */
interface StoredFacts {
  latest_residents: number | null;
  first_dated: string | null;
  elsewhere: boolean;
}

/**
 * An existing centre must stay consistent with its records: beds hold its latest census, it
 * opened before its first record, and it does not move away from them (their region is the
 * centre's, stamped when written, and stats roll up by it).
 */
async function checkAgainstRecords(ctx: RequestContext, id: string, regionCode: string, beds: number, openedOn: string | null): Promise<void> {
  const [facts]: StoredFacts[] = await ctx.db.query(
    `SELECT (SELECT c.self_care + c.semi_disabled + c.disabled FROM elder_care_census c WHERE c.center_id = $1 ORDER BY c.counted_on DESC LIMIT 1) AS latest_residents,
            to_char(LEAST((SELECT min(c.counted_on) FROM elder_care_census c WHERE c.center_id = $1),
                          (SELECT min(a.held_on) FROM elder_care_activity a WHERE a.center_id = $1)), 'YYYY-MM-DD') AS first_dated,
            EXISTS (SELECT 1 FROM elder_care_census c WHERE c.center_id = $1 AND c.region_code <> $2
                    UNION ALL SELECT 1 FROM elder_care_activity a WHERE a.center_id = $1 AND a.region_code <> $2) AS elsewhere`,
    [id, regionCode],
  );
  if (facts.latest_residents !== null && beds < facts.latest_residents) throw badInput('input.beds', `must hold the residents of the latest census (${facts.latest_residents})`);
  if (openedOn && facts.first_dated && openedOn > facts.first_dated) throw badInput('input.openedOn', `must not be after the centre's first record (${facts.first_dated})`);
  if (facts.elsewhere) throw badInput('input.regionCode', 'a centre with census or activity records cannot move');
}

export async function checkElderCareCenter(input: CreateElderCareCenterInput, ctx: RequestContext): Promise<Partial<ElderCareCenter>> {
  const code = normalizeRegionCode(input.regionCode ?? '');
  if (code && code.length < 9) throw badInput('input.regionCode', 'must be a township or a village (9 or 12 digits)');
  const beds = requireCount(input.beds, 'input.beds', 100_000);
  if (beds === 0) throw badInput('input.beds', 'must be at least 1');
  const openedOn = optionalPastDate(input.openedOn, 'input.openedOn');
  const fields = {
    hospitalId: await requireHospital(ctx, input.hospitalId, 'input.hospitalId'),
    name: requireText(input.name, 'input.name', 100),
    venue: optionalText(input.venue, 'input.venue', 200),
    openedOn,
    beds,
  };
  if (input.id && code) await checkAgainstRecords(ctx, input.id, code, beds, openedOn);
  return fields;
}

/** The centre a census or activity is recorded for; a missing one is NOT_FOUND naming the field. */
export async function requireCenter(ctx: RequestContext, id: string | null | undefined, field: string): Promise<ElderCareCenter> {
  const centerId = requireId(id ?? '', field);
  const center = await byIdLoader(ctx, ElderCareCenter).load(centerId);
  if (!center) throw notFound('ElderCareCenter', centerId, field);
  return center;
}

/** A record of the centre's life is dated on or after its opening. */
export function notBeforeOpening(center: ElderCareCenter, date: string, field: string): string {
  if (center.openedOn && date < center.openedOn) throw badInput(field, `must not be before the centre opened (${center.openedOn})`);
  return date;
}

export const placeUnderCenter = (input: { centerId?: string | null; regionCode?: null }, ctx: RequestContext): Promise<string> =>
  parentRegion(ctx, ElderCareCenter, 'ElderCareCenter', input.centerId, 'input.centerId');
