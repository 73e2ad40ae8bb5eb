import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'School-sector party-building figures (教育系统党建) of a region and period' })
export class SchoolStats {
  @Field(() => Int, { description: 'Schools of every stage existing at the period end' })
  schools: number;

  @Field(() => Int, { description: 'Public primary and secondary schools (公办中小学): public, kindergartens excluded' })
  publicSchools: number;

  @Field(() => Int, { description: 'Of those, schools whose party secretary is also the principal (书记、校长"一肩挑")' })
  secretaryPrincipalCombined: number;

  @Field(() => Float, { nullable: true, description: 'secretaryPrincipalCombined ÷ publicSchools; null when there are none' })
  secretaryPrincipalCombinedRate: number | null;
}
