import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

@ObjectType({ description: 'Grid (网格): the unit of grid governance inside a community (社区—网格—楼栋)' })
@Entity({ name: 'grid' })
export class Grid extends RegionalRecord {
  @Field(() => ID, { description: 'Community the grid divides (社区)' })
  @Column({ name: 'community_id', type: 'uuid' })
  communityId: string;

  @Field(() => Int, { description: 'Grid number within the community (网格编号)' })
  @Column({ type: 'integer' })
  number: number;

  @Field({ description: 'Name (网格名称)' })
  @Column({ type: 'text' })
  name: string;

  /** Personal data: exposed masked by GridResolver. */
  @Column({ name: 'leader_name', type: 'text', nullable: true })
  leaderName: string | null;

  @Column({ name: 'leader_phone', type: 'text', nullable: true })
  leaderPhone: string | null;

  @Field(() => Int, { description: 'Grid workers (网格员) serving the grid' })
  @Column({ type: 'integer' })
  workers: number;

  @Field(() => DateScalar, { nullable: true, description: 'Set up on; unknown means it existed throughout any period' })
  @Column({ name: 'established_on', type: 'date', nullable: true })
  establishedOn: string | null;
}
