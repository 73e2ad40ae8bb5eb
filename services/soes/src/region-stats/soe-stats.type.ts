import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'State-owned-enterprise party-building figures (国企党建) of a region and period' })
export class SoeStats {
  @Field(() => Int, { description: 'State-owned enterprises (and branches) existing at the period end' })
  enterprises: number;
}
