import { ArgsType, Field, ID, InputType, Int, InterfaceType, ObjectType, Resolver } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import type { RequestContext } from '../context.js';
import { badInput } from '../errors/errors.js';
import { ListArgs } from '../pagination/connection.js';
import { crudResolver } from '../records/crud-resolver.js';
import { RegionalRecord } from '../records/regional-record.js';
import { DateScalar } from '../scalars/date.js';
import { optionalPastDate, requireCount, requireId, requirePastDate, requireText } from '../validation.js';
import type { SectorConceptOptions } from './party-life.module.js';
import { named, optionalRef, withRecordFields } from './unit-ref.js';

/** A satisfaction survey (满意度测评) of a unit or service, in any sector. */
@InterfaceType('SatisfactionSurvey', { description: 'A satisfaction survey (满意度测评) of any sector; each sector\'s type implements it' })
export abstract class SatisfactionSurveyFields extends RegionalRecord {
  @Field({ description: 'What was surveyed, e.g. 业主满意度, 患者满意度, 群众满意度' })
  @Column({ type: 'text' })
  subject: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the period surveyed' })
  @Column({ name: 'period_start', type: 'date', nullable: true })
  periodStart: string | null;

  @Field(() => DateScalar, { description: 'Last day of the period surveyed; the survey counts in the stats period holding it' })
  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @Field(() => Int, { description: 'Respondents (参评人数)' })
  @Column({ type: 'int' })
  respondents: number;

  @Field(() => Int, { description: 'Respondents satisfied (满意人数)' })
  @Column({ type: 'int' })
  satisfied: number;

  @Field(() => ID, { nullable: true, description: 'The unit of this sector surveyed, if any' })
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;
}
withRecordFields(SatisfactionSurveyFields);

@InputType({ description: 'A satisfaction survey (满意度测评)' })
export class CreateSatisfactionSurveyInput {
  @Field()
  regionCode: string;

  @Field()
  subject: string;

  @Field(() => DateScalar, { nullable: true })
  periodStart?: string | null;

  @Field(() => DateScalar)
  periodEnd: string;

  @Field(() => Int)
  respondents: number;

  @Field(() => Int)
  satisfied: number;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;
}

@InputType({ description: 'Changes to a satisfaction survey; omitted fields stay as they are' })
export class UpdateSatisfactionSurveyInput {
  @Field({ nullable: true })
  regionCode?: string;

  @Field({ nullable: true })
  subject?: string;

  @Field(() => DateScalar, { nullable: true })
  periodStart?: string | null;

  @Field(() => DateScalar, { nullable: true })
  periodEnd?: string;

  @Field(() => Int, { nullable: true })
  respondents?: number;

  @Field(() => Int, { nullable: true })
  satisfied?: number;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;
}

@ArgsType()
export class SatisfactionSurveyListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  unitId?: string | null;
}

/** The sector's survey type (CommunitySatisfactionSurvey, …) with its CRUD. */
export function satisfaction(o: SectorConceptOptions) {
  const typeName = `${o.prefix}SatisfactionSurvey`;

  @ObjectType(typeName, { implements: SatisfactionSurveyFields, description: `Satisfaction survey (满意度测评) of the ${o.sector} sector` })
  @Entity({ name: 'satisfaction_survey' })
  class Survey extends SatisfactionSurveyFields {}
  named(Survey, typeName);

  const check = async (input: CreateSatisfactionSurveyInput, ctx: RequestContext): Promise<Partial<Survey>> => {
    const respondents = requireCount(input.respondents, 'input.respondents', 100_000_000);
    const satisfied = requireCount(input.satisfied, 'input.satisfied', 100_000_000);
    if (satisfied > respondents) throw badInput('input.satisfied', 'must not exceed respondents');
    const periodEnd = requirePastDate(input.periodEnd, 'input.periodEnd');
    const periodStart = optionalPastDate(input.periodStart, 'input.periodStart');
    if (periodStart && periodStart > periodEnd) throw badInput('input.periodStart', 'must not be after periodEnd');
    return {
      subject: requireText(input.subject, 'input.subject', 100),
      periodStart,
      periodEnd,
      respondents,
      satisfied,
      unitId: await optionalRef(ctx, o.unit.entity, o.unit.typeName, input.unitId, 'input.unitId'),
    };
  };

  @Resolver(() => Survey)
  class SurveyResolver extends crudResolver({
    sector: o.sector,
    entity: Survey,
    typeName,
    listName: `${o.prefix[0].toLowerCase()}${o.prefix.slice(1)}SatisfactionSurveys`,
    createInput: CreateSatisfactionSurveyInput,
    updateInput: UpdateSatisfactionSurveyInput,
    listArgs: SatisfactionSurveyListArgs,
    check,
    filter: (qb, args) => {
      if (args.unitId) qb.andWhere('r.unit_id = :u', { u: requireId(args.unitId, 'unitId') });
    },
  }) {}
  named(SurveyResolver, `${typeName}Resolver`);

  return { entities: [Survey], resolvers: [SurveyResolver], Survey, check };
}
