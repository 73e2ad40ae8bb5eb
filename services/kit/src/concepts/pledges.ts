import { UpdateInputOf } from '../schema/update-input.js';
import { ArgsType, Field, FieldResolver, ID, InputType, InterfaceType, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { Personal } from '../auth/read-access.js';
import type { RequestContext } from '../context.js';
import { badInput } from '../errors/errors.js';
import { ListArgs } from '../pagination/connection.js';
import { crudResolver } from '../records/crud-resolver.js';
import { RegionalRecord } from '../records/regional-record.js';
import { DateScalar, isIsoDate, todayInShanghai } from '../scalars/date.js';
import { optionalPastDate, optionalText, requireId, requirePastDate, requireText } from '../validation.js';
import type { SectorConceptOptions } from './party-life.module.js';
import { named, optionalRef, withRecordFields } from './unit-ref.js';

/** Where a pledge stands today: derived from its dates, never set by hand. */
export enum PledgeStatus {
  OPEN = 'OPEN',
  OVERDUE = 'OVERDUE',
  FULFILLED = 'FULFILLED',
}
registerEnumType(PledgeStatus, { name: 'PledgeStatus', description: '承诺中 OPEN (not fulfilled, not past due), 逾期 OVERDUE (past its due date, not fulfilled), 已践诺 FULFILLED' });

/**
 * A public pledge (公开承诺) of a party organisation or member, and its fulfilment (践诺):
 * 承诺践诺, as 双报到 members and 驻区单位 pledge to the community and report back.
 */
@InterfaceType('Pledge', { description: 'A public pledge (公开承诺) and its fulfilment (践诺) in any sector; each sector\'s type implements it' })
export abstract class PledgeFields extends RegionalRecord {
  @Field(() => String, { nullable: true, description: 'Party organisation or unit (党组织/单位) that pledged, or the member\'s' })
  @Column({ type: 'text', nullable: true })
  organization: string | null;

  @Personal('name')
  @Field(() => String, { nullable: true, description: 'Member (党员) who pledged, if a member did; masked unless ADMIN or an editor of the record' })
  @Column({ name: 'member_name', type: 'text', nullable: true })
  memberName: string | null;

  @Field(() => DateScalar, { description: 'Pledged on (承诺日期); the event date of pledgesMade' })
  @Column({ name: 'pledged_on', type: 'date' })
  pledgedOn: string;

  @Field({ description: 'What was pledged (承诺事项)' })
  @Column({ type: 'text' })
  content: string;

  @Field(() => DateScalar, { nullable: true, description: 'Due (承诺时限), if set' })
  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Fulfilled on (践诺日期); null while not fulfilled' })
  @Column({ name: 'fulfilled_on', type: 'date', nullable: true })
  fulfilledOn: string | null;

  @Field(() => ID, { nullable: true, description: 'The unit of this sector it was made to or in, if recorded' })
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;
}
withRecordFields(PledgeFields);

@InputType({ description: 'A public pledge (公开承诺); fulfilledOn once it is kept (践诺)' })
export class CreatePledgeInput {
  @Field({ description: 'Division code where it was made, padded or not' })
  regionCode: string;

  @Field(() => String, { nullable: true })
  organization?: string | null;

  @Field(() => String, { nullable: true })
  memberName?: string | null;

  @Field(() => DateScalar)
  pledgedOn: string;

  @Field()
  content: string;

  @Field(() => DateScalar, { nullable: true })
  dueOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  fulfilledOn?: string | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;
}

@InputType({ description: 'Changes to a pledge (e.g. its fulfilment, 践诺); omitted fields stay as they are' })
export class UpdatePledgeInput extends UpdateInputOf(CreatePledgeInput) {}

@ArgsType()
export class PledgeListArgs extends ListArgs {
  @Field(() => PledgeStatus, { nullable: true, description: 'Only pledges in this state today' })
  status?: PledgeStatus | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;
}

/** A pledge's state on `today`. */
export const pledgeStatus = (p: { dueOn: string | null; fulfilledOn: string | null }, today = todayInShanghai()): PledgeStatus =>
  p.fulfilledOn ? PledgeStatus.FULFILLED : p.dueOn && p.dueOn < today ? PledgeStatus.OVERDUE : PledgeStatus.OPEN;

const STATUS_SQL: Record<PledgeStatus, string> = {
  FULFILLED: 'r.fulfilled_on IS NOT NULL',
  OVERDUE: 'r.fulfilled_on IS NULL AND r.due_on < :today::date',
  OPEN: 'r.fulfilled_on IS NULL AND (r.due_on IS NULL OR r.due_on >= :today::date)',
};

/** The checks of a pledge: who pledged, and dates in order (the due date may lie ahead). */
async function checkPledgeFields(input: CreatePledgeInput) {
  const organization = optionalText(input.organization, 'input.organization', 200);
  const memberName = optionalText(input.memberName, 'input.memberName', 50);
  if (!organization && !memberName) throw badInput('input.organization', 'give the organisation, the member, or both');
  const pledgedOn = requirePastDate(input.pledgedOn, 'input.pledgedOn');
  const dueOn = input.dueOn ?? null;
  if (dueOn !== null && !isIsoDate(dueOn)) throw badInput('input.dueOn', 'must be a date YYYY-MM-DD');
  if (dueOn !== null && dueOn < pledgedOn) throw badInput('input.dueOn', 'must not be before pledgedOn');
  const fulfilledOn = optionalPastDate(input.fulfilledOn, 'input.fulfilledOn');
  if (fulfilledOn !== null && fulfilledOn < pledgedOn) throw badInput('input.fulfilledOn', 'must not be before pledgedOn');
  return { organization, memberName, pledgedOn, content: requireText(input.content, 'input.content', 1000), dueOn, fulfilledOn };
}

/** The sector's pledge type (CommunityPledge, …) with its CRUD. */
export function pledges(o: SectorConceptOptions) {
  const typeName = `${o.prefix}Pledge`;

  @ObjectType(typeName, { implements: PledgeFields, description: `Public pledge and its fulfilment (承诺践诺) of the ${o.sector} sector` })
  @Entity({ name: 'pledge' })
  class Pledge extends PledgeFields {}
  named(Pledge, typeName);

  const check = async (input: CreatePledgeInput, ctx: RequestContext): Promise<Partial<Pledge>> => ({
    ...(await checkPledgeFields(input)),
    unitId: await optionalRef(ctx, o.unit.entity, o.unit.typeName, input.unitId, 'input.unitId'),
  });

  @Resolver(() => Pledge)
  class PledgeResolver extends crudResolver({
    sector: o.sector,
    entity: Pledge,
    typeName,
    listName: `${o.prefix[0].toLowerCase()}${o.prefix.slice(1)}Pledges`,
    createInput: CreatePledgeInput,
    updateInput: UpdatePledgeInput,
    listArgs: PledgeListArgs,
    check,
    filter: (qb, args) => {
      if (args.status) qb.andWhere(`(${STATUS_SQL[args.status]})`, args.status === PledgeStatus.FULFILLED ? {} : { today: todayInShanghai() });
      if (args.unitId) qb.andWhere('r.unit_id = :u', { u: requireId(args.unitId, 'unitId') });
    },
  }) {
    @FieldResolver(() => PledgeStatus, { description: 'Where the pledge stands today (derived from its dates)' })
    status(@Root() p: Pledge): PledgeStatus {
      return pledgeStatus(p);
    }
  }
  named(PledgeResolver, `${typeName}Resolver`);

  return { entities: [Pledge], resolvers: [PledgeResolver], Pledge, check };
}
