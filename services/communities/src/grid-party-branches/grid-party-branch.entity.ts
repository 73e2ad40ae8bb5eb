import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

@ObjectType({ description: 'Grid party branch (网格党支部): the party branch built on a grid' })
@Entity({ name: 'grid_party_branch' })
export class GridPartyBranch extends RegionalRecord {
  @Field(() => ID)
  @Column({ name: 'grid_id', type: 'uuid' })
  gridId: string;

  @Field(() => ID, { description: "The grid's community, kept so branches list by community in one query" })
  @Column({ name: 'community_id', type: 'uuid' })
  communityId: string;

  @Field({ description: 'Name (支部名称)' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => Int, { description: 'Party members in the branch (党员人数)' })
  @Column({ name: 'party_members', type: 'integer' })
  partyMembers: number;

  @Field(() => DateScalar, { nullable: true, description: 'Set up on; unknown means it existed throughout any period' })
  @Column({ name: 'established_on', type: 'date', nullable: true })
  establishedOn: string | null;
}
