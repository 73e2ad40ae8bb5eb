import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, RegionalRecord, Sector } from '@pb/kit';

@ObjectType({ description: "Dual registration (双报到): a unit's party organisation reporting to a community, its in-service party members (在职党员) registering there" })
@Entity({ name: 'dual_registration' })
export class DualRegistration extends RegionalRecord {
  @Field(() => ID, { description: 'Community registered with; the registration is in its region' })
  @Column({ name: 'community_id', type: 'uuid' })
  communityId: string;

  @Field(() => Sector, { description: 'Sector of the registering unit: AGENCY (here), HOSPITAL, SCHOOL or SOE (other subgraphs)' })
  @Column({ name: 'unit_sector', type: 'text' })
  unitSector: Sector;

  @Field(() => ID, { description: 'Id of the registering unit in its own subgraph' })
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Field(() => Int, { description: 'In-service party members registered (报到在职党员)' })
  @Column({ type: 'integer' })
  members: number;

  @Field(() => DateScalar, { description: 'Registered on (报到日期)' })
  @Column({ name: 'registered_on', type: 'date' })
  registeredOn: string;

  @Field({ description: 'Still active; inactive registrations no longer count in the stats' })
  @Column({ type: 'boolean' })
  active: boolean;
}
