import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

export enum VisitSpan {
  DAY = 'DAY',
  MONTH = 'MONTH',
}
registerEnumType(VisitSpan, { name: 'VisitSpan', description: 'What a visit record covers: one day 日 DAY, or a whole month 月 MONTH (dated on its first day)' });

@ObjectType({ description: 'Visitors received by a service centre (接待群众人次) on a day or in a month' })
@Entity({ name: 'service_center_visit' })
export class ServiceCenterVisit extends RegionalRecord {
  @Field(() => ID, { description: 'The service centre; the record sits in its region' })
  @Column({ name: 'service_center_id', type: 'uuid' })
  serviceCenterId: string;

  @Field(() => DateScalar, { description: 'The day, or the first day of the month for a MONTH record; the event date of serviceCenterVisits' })
  @Column({ name: 'visited_on', type: 'date' })
  visitedOn: string;

  @Field(() => VisitSpan)
  @Column({ type: 'text' })
  span: VisitSpan;

  @Field(() => Int, { description: 'Visitors (人次)' })
  @Column({ type: 'int' })
  visitors: number;
}
