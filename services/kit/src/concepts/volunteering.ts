import { ArgsType, Field, ID, InputType, Int, InterfaceType, ObjectType, Resolver } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import type { RequestContext } from '../context.js';
import { ListArgs } from '../pagination/connection.js';
import { crudResolver } from '../records/crud-resolver.js';
import { RegionalRecord } from '../records/regional-record.js';
import { DateScalar } from '../scalars/date.js';
import { optionalText, requireCount, requireId, requirePastDate, requireText } from '../validation.js';
import type { SectorConceptOptions } from './party-life.module.js';
import { named, optionalRef, withRecordFields } from './unit-ref.js';

/**
 * Volunteer service (志愿服务), recorded by every sector in its own subgraph: one table
 * `volunteer_activity` per database, one GraphQL interface across the supergraph.
 */
@InterfaceType('VolunteerService', { description: 'A volunteer service activity (志愿服务) of any sector; each sector\'s type implements it' })
export abstract class VolunteerServiceFields extends RegionalRecord {
  @Field({ description: 'Title (活动名称)' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Volunteer team (志愿服务队) that served' })
  @Column({ type: 'text', nullable: true })
  team: string | null;

  @Field(() => DateScalar, { description: 'Held on (活动日期); the event date of the stats' })
  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Field(() => Int, { description: 'Volunteers taking part (志愿者人数)' })
  @Column({ type: 'int' })
  volunteers: number;

  @Field(() => Int, { description: 'Volunteer hours (服务时长), summed over the volunteers' })
  @Column({ type: 'int', default: 0 })
  hours: number;

  @Field(() => Int, { description: 'People served (服务群众人次)' })
  @Column({ name: 'people_served', type: 'int' })
  peopleServed: number;

  @Field(() => ID, { nullable: true, description: 'The unit of this sector that organised it, if recorded' })
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;
}
withRecordFields(VolunteerServiceFields);

@InputType({ description: 'A volunteer service activity (志愿服务) of a sector' })
export class CreateVolunteerServiceInput {
  @Field({ description: 'Division code where it took place, padded or not' })
  regionCode: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  team?: string | null;

  @Field(() => DateScalar)
  heldOn: string;

  @Field(() => Int)
  volunteers: number;

  @Field(() => Int)
  hours: number;

  @Field(() => Int)
  peopleServed: number;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;
}

@InputType({ description: 'Changes to a volunteer service activity; omitted fields stay as they are' })
export class UpdateVolunteerServiceInput {
  @Field({ nullable: true })
  regionCode?: string;

  @Field({ nullable: true })
  title?: string;

  @Field(() => String, { nullable: true })
  team?: string | null;

  @Field(() => DateScalar, { nullable: true })
  heldOn?: string;

  @Field(() => Int, { nullable: true })
  volunteers?: number;

  @Field(() => Int, { nullable: true })
  hours?: number;

  @Field(() => Int, { nullable: true })
  peopleServed?: number;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;
}

@ArgsType()
export class VolunteerServiceListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  unitId?: string | null;
}

/** The checks every sector's volunteer records share (the SOE's older type reuses them). */
export const checkVolunteerFields = (input: { team?: string | null; hours?: number | null; heldOn: string; volunteers: number; peopleServed: number }) => ({
  team: optionalText(input.team, 'input.team', 100),
  heldOn: requirePastDate(input.heldOn, 'input.heldOn'),
  volunteers: requireCount(input.volunteers, 'input.volunteers', 100_000),
  hours: requireCount(input.hours ?? 0, 'input.hours', 10_000_000),
  peopleServed: requireCount(input.peopleServed, 'input.peopleServed', 10_000_000),
});

/** The sector's volunteer service type (CommunityVolunteerService, …) with its CRUD. */
export function volunteering(o: SectorConceptOptions) {
  const typeName = `${o.prefix}VolunteerService`;

  @ObjectType(typeName, { implements: VolunteerServiceFields, description: `Volunteer service activity (志愿服务) of the ${o.sector} sector` })
  @Entity({ name: 'volunteer_activity' })
  class Service extends VolunteerServiceFields {}
  named(Service, typeName);

  const check = async (input: CreateVolunteerServiceInput, ctx: RequestContext): Promise<Partial<Service>> => ({
    title: requireText(input.title, 'input.title'),
    ...checkVolunteerFields(input),
    unitId: await optionalRef(ctx, o.unit.entity, o.unit.typeName, input.unitId, 'input.unitId'),
  });

  @Resolver(() => Service)
  class ServiceResolver extends crudResolver({
    sector: o.sector,
    entity: Service,
    typeName,
    listName: `${o.prefix[0].toLowerCase()}${o.prefix.slice(1)}VolunteerServices`,
    createInput: CreateVolunteerServiceInput,
    updateInput: UpdateVolunteerServiceInput,
    listArgs: VolunteerServiceListArgs,
    check,
    filter: (qb, args) => {
      if (args.unitId) qb.andWhere('r.unit_id = :u', { u: requireId(args.unitId, 'unitId') });
    },
  }) {}
  named(ServiceResolver, `${typeName}Resolver`);

  return { entities: [Service], resolvers: [ServiceResolver], Service, check };
}
