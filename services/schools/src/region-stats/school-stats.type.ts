import { SectorConceptStats } from '@pb/kit';
import { Field, Float, Int, ObjectType } from 'type-graphql';

/**
 * Stock figures look at the period end (no end = now); event figures add up what is dated
 * inside the period. Each description says which.
 */
@ObjectType({ description: 'School-sector party-building figures (教育系统党建) of a region and period' })
export class SchoolStats extends SectorConceptStats {
  @Field(() => Int, { description: 'Stock: schools of every stage existing at the period end' })
  schools: number;

  @Field(() => Int, { description: 'Stock: public primary and secondary schools (公办中小学): public, every stage but kindergarten' })
  publicSchools: number;

  @Field(() => Int, { description: 'Stock: of publicSchools, those whose party secretary is also the principal (书记、校长"一肩挑")' })
  secretaryPrincipalCombined: number;

  @Field(() => Float, { nullable: true, description: 'secretaryPrincipalCombined ÷ publicSchools (一肩挑 ÷ 公办中小学), 0..1; null when publicSchools is 0' })
  secretaryPrincipalCombinedRate: number | null;

  @Field(() => Int, {
    description:
      'Stock: distinct schools in the demonstration-school programme (党建工作示范校, 培育创建 or 命名) at the period end: a designation whose batch year is not after the period end and that is not REVOKED on or before it',
  })
  demonstrationSchools: number;

  @Field(() => Int, { description: 'Stock: of demonstrationSchools, those already named (命名, status DESIGNATED) rather than still being cultivated' })
  designatedDemonstrationSchools: number;

  @Field(() => Int, { description: 'Secretary projects (书记项目) under way at some time in the period: started on or before its end and not ended before its start' })
  secretaryProjects: number;

  @Field(() => Int, { description: 'Event: school places (学位) added, new or converted, whose effective date is inside the period (sum of places)' })
  placesAdded: number;

  @Field(() => Int, { description: 'Event: of placesAdded, those from converted premises (改建, e.g. into public kindergartens)' })
  placesConverted: number;

  @Field(() => Int, { description: 'Stock: incubation stations (示范孵化驿站) set up on or before the period end, in the region of their host school' })
  incubationStations: number;

  @Field(() => Int, { description: 'Stock: distinct schools those stations incubate (孵化学校)' })
  incubatedSchools: number;

  @Field(() => Int, { description: 'Event: parent enrolment-guidance sessions (招生报名实操培训) held inside the period' })
  enrollmentGuidanceSessions: number;

  @Field(() => Int, { description: 'Event: parents attending those sessions (sum)' })
  enrollmentGuidanceAttendees: number;
}
