import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

@ObjectType({ description: 'Family-doctor team (家庭医生团队) of a hospital with its signed residents (签约居民); in the region it serves' })
@Entity({ name: 'family_doctor_team' })
export class FamilyDoctorTeam extends RegionalRecord {
  @Field(() => ID)
  @Column({ name: 'hospital_id', type: 'uuid' })
  hospitalId: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Team leader (团队长); masked unless ADMIN or an editor of the record' })
  @Column({ name: 'leader_name', type: 'text', nullable: true })
  leaderName: string | null;

  @Field(() => Int, { description: 'Team members (医生、护士、公卫人员)' })
  @Column({ type: 'int' })
  members: number;

  @Field(() => Int, { description: 'Residents signed (签约居民) at present' })
  @Column({ name: 'signed_residents', type: 'int' })
  signedResidents: number;

  @Field(() => DateScalar, { nullable: true, description: 'Formed on; unknown = existed throughout any period' })
  @Column({ name: 'formed_on', type: 'date', nullable: true })
  formedOn: string | null;
}
