import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';
import { ServiceCategory } from '../service-claims/service-claim.entity.js';

@ObjectType({ description: 'Resource (资源清单): what a unit or the community can offer residents (a venue, volunteers, a service)' })
@Entity({ name: 'resource' })
export class Resource extends RegionalRecord {
  @Field(() => ID)
  @Column({ name: 'community_id', type: 'uuid' })
  communityId: string;

  @Field(() => ID, { nullable: true, description: "The offering unit's dual registration with this community, if a registered unit offers it" })
  @Column({ name: 'dual_registration_id', type: 'uuid', nullable: true })
  dualRegistrationId: string | null;

  @Field({ description: 'What is offered (资源)' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => ServiceCategory)
  @Column({ type: 'text' })
  category: ServiceCategory;

  @Field(() => String, { nullable: true, description: 'Who offers it when not a registered unit (e.g. 社会组织, 商户)' })
  @Column({ type: 'text', nullable: true })
  provider: string | null;

  @Field(() => DateScalar, { description: 'Listed on (入清单)' })
  @Column({ name: 'listed_on', type: 'date' })
  listedOn: string;
}
