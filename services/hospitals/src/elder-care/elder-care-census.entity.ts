import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

/** Residents change over time: each census is a dated count by care level; the latest one is current. */
@ObjectType({ description: 'Resident census (入住老人统计) of an elder-care centre on a date, by care level (可自理 / 半失能 / 失能)' })
@Entity({ name: 'elder_care_census' })
export class ElderCareCensus extends RegionalRecord {
  @Field(() => ID)
  @Column({ name: 'center_id', type: 'uuid' })
  centerId: string;

  @Field(() => DateScalar, { description: 'Counted on (统计日期)' })
  @Column({ name: 'counted_on', type: 'date' })
  countedOn: string;

  @Field(() => Int, { description: 'Residents who can look after themselves (可自理, SELF_CARE)' })
  @Column({ name: 'self_care', type: 'integer' })
  selfCare: number;

  @Field(() => Int, { description: 'Partly disabled residents (半失能, SEMI_DISABLED)' })
  @Column({ name: 'semi_disabled', type: 'integer' })
  semiDisabled: number;

  @Field(() => Int, { description: 'Disabled residents (失能, DISABLED)' })
  @Column({ type: 'integer' })
  disabled: number;

  @Field(() => Int, { description: 'All residents (收住老人): selfCare + semiDisabled + disabled' })
  get residents(): number {
    return this.selfCare + this.semiDisabled + this.disabled;
  }
}
