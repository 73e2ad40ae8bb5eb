import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, RegionalRecord, StatusFlow } from '@pb/kit';

export enum RectificationStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
}
registerEnumType(RectificationStatus, { name: 'RectificationStatus', description: '整改中 OPEN, 已整改 DONE' });

/** A rectification is done once: DONE is final (a new problem is a new item). */
export const RECTIFICATION_FLOW = new StatusFlow<RectificationStatus>('rectification item', {
  OPEN: [RectificationStatus.DONE],
  DONE: [],
});

@ObjectType({ description: 'Rectification item (整改事项) raised by a ward round, OPEN until DONE' })
@Entity({ name: 'rectification_item' })
export class RectificationItem extends RegionalRecord {
  @Field(() => ID)
  @Column({ name: 'ward_round_id', type: 'uuid' })
  wardRoundId: string;

  @Field({ description: 'What is to be rectified' })
  @Column({ type: 'text' })
  description: string;

  @Field(() => DateScalar, { description: 'Due on (整改时限); not before the ward round' })
  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Field(() => RectificationStatus)
  @Column({ type: 'text' })
  status: RectificationStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Done on; set when DONE' })
  @Column({ name: 'done_on', type: 'date', nullable: true })
  doneOn: string | null;
}
