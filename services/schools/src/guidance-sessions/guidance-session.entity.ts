import { Column, Entity } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

@ObjectType({ description: 'Volunteer session teaching parents the enrolment system (招生报名系统实操培训, 党员志愿者服务队)' })
@Entity({ name: 'enrollment_guidance_session' })
export class EnrollmentGuidanceSession extends RegionalRecord {
  @Field({ description: 'Title (主题)' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => DateScalar, { description: 'Held on; the event date of the guidance metrics' })
  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Field(() => Int, { description: 'Parents attending (参训家长人数)' })
  @Column({ type: 'int' })
  attendees: number;

  @Field(() => Int, { description: 'Party-member volunteers teaching (党员志愿者人数)' })
  @Column({ type: 'int' })
  volunteers: number;
}
