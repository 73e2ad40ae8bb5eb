import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { Sector, VolunteerServiceFields } from '@pb/kit';

const ORGANISER_DEPRECATION = 'Each sector now records its own volunteer service (CommunityVolunteerService, HospitalVolunteerService, SchoolVolunteerService); this field stays for existing clients';

/**
 * The SOE sector's volunteer service: the type predates the kit's shared concept and keeps its
 * name and API; it implements the shared VolunteerService interface (team, hours, unit).
 */
@ObjectType({
  implements: VolunteerServiceFields,
  description: 'Volunteer service activity (志愿服务活动) at or around an SOE service centre. Deprecated as a cross-sector record: other sectors record their own (the VolunteerService interface)',
})
@Entity({ name: 'volunteer_activity' })
export class VolunteerActivity extends VolunteerServiceFields {
  @Field(() => Sector, { description: 'Sector of the organising unit (组织单位); with organizerId it names the unit in its own subgraph', deprecationReason: ORGANISER_DEPRECATION })
  @Column({ name: 'organizer_sector', type: 'text' })
  organizerSector: Sector;

  @Field(() => ID, { description: 'Id of the organising unit in its sector (an Enterprise id when organizerSector is SOE)', deprecationReason: ORGANISER_DEPRECATION })
  @Column({ name: 'organizer_id', type: 'uuid' })
  organizerId: string;

  @Field(() => ID, { nullable: true, description: 'The service centre (初心驿站) it was held at, if any' })
  @Column({ name: 'service_center_id', type: 'uuid', nullable: true })
  serviceCenterId: string | null;
}
