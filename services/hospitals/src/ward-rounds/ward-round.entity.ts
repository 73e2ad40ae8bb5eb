import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, RegionalRecord, Personal } from '@pb/kit';

/** The five steps of a party-building ward round, in order: 听 · 访 · 查 · 评 · 改. */
export enum WardRoundStep {
  LISTEN = 'LISTEN',
  VISIT = 'VISIT',
  INSPECT = 'INSPECT',
  EVALUATE = 'EVALUATE',
  RECTIFY = 'RECTIFY',
}
registerEnumType(WardRoundStep, {
  name: 'WardRoundStep',
  description: 'Steps of a 党建查房: 听 LISTEN (听汇报), 访 VISIT (访党员群众), 查 INSPECT (查台账), 评 EVALUATE (评成效), 改 RECTIFY (改问题)',
});
export const WARD_ROUND_STEPS = Object.values(WardRoundStep);

@ObjectType({ description: 'Party-building ward round (党建查房): the hospital party secretary visiting a department branch' })
@Entity({ name: 'ward_round' })
export class WardRound extends RegionalRecord {
  @Field(() => ID, { description: 'The department branch visited' })
  @Column({ name: 'branch_id', type: 'uuid' })
  branchId: string;

  @Field(() => ID, { description: "The branch's hospital" })
  @Column({ name: 'hospital_id', type: 'uuid' })
  hospitalId: string;

  @Field(() => DateScalar, { description: 'Held on' })
  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Personal('name')
  @Field({ description: 'Who led it (the party secretary); masked unless ADMIN or an editor of the record' })
  @Column({ name: 'leader_name', type: 'text' })
  leaderName: string;

  @Field(() => [WardRoundStep], { description: 'Steps completed, in step order' })
  @Column({ name: 'completed_steps', type: 'text', array: true })
  completedSteps: WardRoundStep[];

  @Field(() => String, { nullable: true, description: 'Findings (发现的问题)' })
  @Column({ type: 'text', nullable: true })
  findings: string | null;
}

@ObjectType({ description: 'One of the five steps and whether it was completed' })
export class WardRoundStepStatus {
  @Field(() => WardRoundStep)
  step: WardRoundStep;

  @Field()
  completed: boolean;
}
