import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

export enum MeetingFormat {
  BENCH = 'BENCH',
  GRID_DAY = 'GRID_DAY',
  RED_HALL = 'RED_HALL',
  RESIDENTS_CORNER = 'RESIDENTS_CORNER',
  OTHER = 'OTHER',
}
registerEnumType(MeetingFormat, {
  name: 'MeetingFormat',
  description: '板凳议事会 BENCH, 网格议事日 GRID_DAY, 红色议事厅 RED_HALL, 居民议事角 RESIDENTS_CORNER, 其他 OTHER',
});

@ObjectType({ description: 'Deliberation meeting (议事会) where residents discuss demands' })
@Entity({ name: 'meeting' })
export class Meeting extends RegionalRecord {
  @Field(() => ID)
  @Column({ name: 'community_id', type: 'uuid' })
  communityId: string;

  @Field(() => MeetingFormat)
  @Column({ type: 'text' })
  format: MeetingFormat;

  @Field(() => DateScalar, { description: 'Held on' })
  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Field(() => Int, { description: 'Attendees (参会人数)' })
  @Column({ type: 'integer' })
  attendees: number;

  @Field({ description: 'Topics (议题)' })
  @Column({ type: 'text' })
  topics: string;

  @Field(() => String, { nullable: true, description: 'Decisions (议定事项)' })
  @Column({ type: 'text', nullable: true })
  decisions: string | null;

  @Field(() => [ID], { description: 'Demands discussed' })
  @Column({ name: 'demand_ids', type: 'uuid', array: true })
  demandIds: string[];
}
