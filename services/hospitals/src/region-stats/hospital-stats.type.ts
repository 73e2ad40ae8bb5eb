import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Hospital-sector party-building figures (卫健系统党建) of a region and period' })
export class HospitalStats {
  @Field(() => Int, { description: 'Hospitals and health institutions existing at the period end' })
  hospitals: number;

  @Field(() => Int, { description: 'Public hospitals of grade two or above (二级及以上公立医院)' })
  secondaryOrAboveHospitals: number;

  @Field(() => Int, { description: 'Of those, hospitals whose party secretary and president are separate people (书记、院长分设)' })
  secretaryPresidentSeparated: number;

  @Field(() => Float, { nullable: true, description: 'secretaryPresidentSeparated ÷ secondaryOrAboveHospitals; null when there are none' })
  secretaryPresidentSeparationRate: number | null;
}
