import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@pb/kit';
import { childrenLoader } from '@pb/kit';
import { DemonstrationDesignation } from '../designations/designation.entity.js';
import { EnrollmentChange } from '../enrollment/enrollment-change.entity.js';
import { IncubationStation } from '../incubation/incubation-station.entity.js';
import { incubatingStationsLoader } from '../incubation/incubation-station.resolver.js';
import { SecretaryProject } from '../secretary-projects/secretary-project.entity.js';
import { School } from './school.entity.js';

/** A school's own records, each list one batched statement per page of schools. */
@Resolver(() => School)
export class SchoolRelationsResolver {
  @FieldResolver(() => [DemonstrationDesignation], { description: 'Its demonstration-school designations (党建工作示范校), oldest first' })
  designations(@Root() school: School, @Ctx() ctx: RequestContext): Promise<DemonstrationDesignation[]> {
    return childrenLoader(ctx, DemonstrationDesignation, 'schoolId', { year: 'ASC', id: 'ASC' }).load(school.id);
  }

  @FieldResolver(() => [SecretaryProject], { description: 'Its secretary projects (书记项目), oldest first' })
  secretaryProjects(@Root() school: School, @Ctx() ctx: RequestContext): Promise<SecretaryProject[]> {
    return childrenLoader(ctx, SecretaryProject, 'schoolId', { startedOn: 'ASC', id: 'ASC' }).load(school.id);
  }

  @FieldResolver(() => [EnrollmentChange], { description: 'Places added at the school (学位), oldest first' })
  enrollmentChanges(@Root() school: School, @Ctx() ctx: RequestContext): Promise<EnrollmentChange[]> {
    return childrenLoader(ctx, EnrollmentChange, 'schoolId', { effectiveOn: 'ASC', id: 'ASC' }).load(school.id);
  }

  @FieldResolver(() => [IncubationStation], { description: 'Incubation stations (示范孵化驿站) the school hosts' })
  incubationStations(@Root() school: School, @Ctx() ctx: RequestContext): Promise<IncubationStation[]> {
    return childrenLoader(ctx, IncubationStation, 'hostSchoolId', { name: 'ASC', id: 'ASC' }).load(school.id);
  }

  @FieldResolver(() => [IncubationStation], { description: 'Incubation stations incubating this school' })
  incubatedBy(@Root() school: School, @Ctx() ctx: RequestContext): Promise<IncubationStation[]> {
    return incubatingStationsLoader(ctx).load(school.id);
  }
}
