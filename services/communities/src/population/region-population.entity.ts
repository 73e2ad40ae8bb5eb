import { Column, Entity } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

/**
 * A dated attribute of a division: its resident population (常住人口) and households (户数)
 * as of a day. Entered by an ADMIN; the basis of the per-10,000-resident rates.
 */
@ObjectType({ description: 'Resident population (常住人口) and households (户数) of a division as of a day; entered by an ADMIN' })
@Entity({ name: 'region_population' })
export class RegionPopulation extends RegionalRecord {
  @Field(() => DateScalar, { description: 'The day the figures describe' })
  @Column({ name: 'as_of', type: 'date' })
  asOf: string;

  @Field(() => Int, { description: 'Resident population (常住人口)' })
  @Column({ type: 'int' })
  residents: number;

  @Field(() => Int, { nullable: true, description: 'Households (户数), if known' })
  @Column({ type: 'int', nullable: true })
  households: number | null;
}
