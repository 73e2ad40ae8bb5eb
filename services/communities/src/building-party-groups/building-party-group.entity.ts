import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

@ObjectType({ description: 'Building party group (楼栋党小组): the party group of a building, under a grid party branch or directly on a grid' })
@Entity({ name: 'building_party_group' })
export class BuildingPartyGroup extends RegionalRecord {
  @Field(() => ID, { nullable: true, description: 'Grid party branch it belongs to, if any' })
  @Column({ name: 'branch_id', type: 'uuid', nullable: true })
  branchId: string | null;

  @Field(() => ID, { description: 'Grid it is on (the branch\'s grid when it has a branch)' })
  @Column({ name: 'grid_id', type: 'uuid' })
  gridId: string;

  @Field(() => ID)
  @Column({ name: 'community_id', type: 'uuid' })
  communityId: string;

  @Field({ description: 'Name (党小组名称)' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Building(s) it covers (楼栋), e.g. 3号楼' })
  @Column({ type: 'text', nullable: true })
  building: string | null;

  @Field(() => Int, { description: 'Party members in the group' })
  @Column({ name: 'party_members', type: 'integer' })
  partyMembers: number;

  @Field(() => DateScalar, { nullable: true, description: 'Set up on; unknown means it existed throughout any period' })
  @Column({ name: 'established_on', type: 'date', nullable: true })
  establishedOn: string | null;
}
