import { UpdateInputOf } from '../schema/update-input.js';
import { ArgsType, Field, ID, InputType, Int, InterfaceType, ObjectType, registerEnumType, Resolver } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { Personal } from '../auth/read-access.js';
import type { RequestContext } from '../context.js';
import { badInput } from '../errors/errors.js';
import { ListArgs } from '../pagination/connection.js';
import { crudResolver } from '../records/crud-resolver.js';
import { RegionalRecord } from '../records/regional-record.js';
import { DateScalar } from '../scalars/date.js';
import { optionalText, requireCount, requireId, requirePastDate, requireText } from '../validation.js';
import type { SectorConceptOptions } from './party-life.module.js';
import { named, optionalRef, withRecordFields } from './unit-ref.js';

/** Whether an entry adds points (earned by service) or spends them (at the points supermarket). */
export enum PointsEntryKind {
  EARNED = 'EARNED',
  REDEEMED = 'REDEEMED',
}
registerEnumType(PointsEntryKind, { name: 'PointsEntryKind', description: '积分获得 EARNED (for service, 志愿服务…), 积分兑换 REDEEMED (at the 积分超市)' });

/**
 * Party-member points (党员积分): members (and residents who volunteer) earn points for service
 * and redeem them at a points supermarket (积分超市). One entry per award or redemption.
 */
@InterfaceType('PartyMemberPointsEntry', { description: 'A points entry (党员积分) of any sector: points earned for service or redeemed at the 积分超市; each sector\'s type implements it' })
export abstract class PartyMemberPointsFields extends RegionalRecord {
  @Personal('name')
  @Field(() => String, { nullable: true, description: 'Member (党员) the points are for; masked unless ADMIN or an editor of the record; null for a total over several members' })
  @Column({ name: 'member_name', type: 'text', nullable: true })
  memberName: string | null;

  @Field(() => String, { nullable: true, description: 'Party organisation or unit (党组织/单位) of the member, or running the points supermarket' })
  @Column({ type: 'text', nullable: true })
  organization: string | null;

  @Field(() => DateScalar, { description: 'Recorded on (记分日期); the event date of the stats' })
  @Column({ name: 'recorded_on', type: 'date' })
  recordedOn: string;

  @Field(() => PointsEntryKind)
  @Column({ type: 'text' })
  kind: PointsEntryKind;

  @Field(() => Int, { description: 'Points (积分) earned or redeemed, positive' })
  @Column({ type: 'int' })
  points: number;

  @Field({ description: 'Reason (积分事由): the service done, or what the points were exchanged for (兑换商品)' })
  @Column({ type: 'text' })
  reason: string;

  @Field(() => ID, { nullable: true, description: 'The unit of this sector it belongs to, if recorded' })
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;
}
withRecordFields(PartyMemberPointsFields);

@InputType({ description: 'A points entry (党员积分)' })
export class CreatePartyMemberPointsEntryInput {
  @Field({ description: 'Division code where it is recorded, padded or not' })
  regionCode: string;

  @Field(() => String, { nullable: true })
  memberName?: string | null;

  @Field(() => String, { nullable: true })
  organization?: string | null;

  @Field(() => DateScalar)
  recordedOn: string;

  @Field(() => PointsEntryKind)
  kind: PointsEntryKind;

  @Field(() => Int)
  points: number;

  @Field()
  reason: string;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;
}

@InputType({ description: 'Changes to a points entry; omitted fields stay as they are' })
export class UpdatePartyMemberPointsEntryInput extends UpdateInputOf(CreatePartyMemberPointsEntryInput) {}

@ArgsType()
export class PartyMemberPointsEntryListArgs extends ListArgs {
  @Field(() => PointsEntryKind, { nullable: true })
  kind?: PointsEntryKind | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;
}

/** A count of at least one (an entry of zero points records nothing). */
function requirePositive(value: number | null | undefined, field: string, max: number): number {
  const n = requireCount(value, field, max);
  if (n === 0) throw badInput(field, 'must be more than zero');
  return n;
}

/** The sector's points type (CommunityPartyMemberPointsEntry, …) with its CRUD. */
export function memberPoints(o: SectorConceptOptions) {
  const typeName = `${o.prefix}PartyMemberPointsEntry`;

  @ObjectType(typeName, { implements: PartyMemberPointsFields, description: `Points entry (党员积分 / 积分超市) of the ${o.sector} sector` })
  @Entity({ name: 'party_member_points' })
  class Points extends PartyMemberPointsFields {}
  named(Points, typeName);

  const check = async (input: CreatePartyMemberPointsEntryInput, ctx: RequestContext): Promise<Partial<Points>> => {
    const memberName = optionalText(input.memberName, 'input.memberName', 50);
    const organization = optionalText(input.organization, 'input.organization', 200);
    if (!memberName && !organization) throw badInput('input.memberName', 'give the member, the organisation, or both');
    return {
      memberName,
      organization,
      recordedOn: requirePastDate(input.recordedOn, 'input.recordedOn'),
      kind: input.kind,
      points: requirePositive(input.points, 'input.points', 10_000_000),
      reason: requireText(input.reason, 'input.reason', 500),
      unitId: await optionalRef(ctx, o.unit.entity, o.unit.typeName, input.unitId, 'input.unitId'),
    };
  };

  @Resolver(() => Points)
  class PointsResolver extends crudResolver({
    sector: o.sector,
    entity: Points,
    typeName,
    listName: `${o.prefix[0].toLowerCase()}${o.prefix.slice(1)}PartyMemberPointsEntries`,
    createInput: CreatePartyMemberPointsEntryInput,
    updateInput: UpdatePartyMemberPointsEntryInput,
    listArgs: PartyMemberPointsEntryListArgs,
    check,
    filter: (qb, args) => {
      if (args.kind) qb.andWhere('r.kind = :k', { k: args.kind });
      if (args.unitId) qb.andWhere('r.unit_id = :u', { u: requireId(args.unitId, 'unitId') });
    },
  }) {}
  named(PointsResolver, `${typeName}Resolver`);

  return { entities: [Points], resolvers: [PointsResolver], Points, check };
}
