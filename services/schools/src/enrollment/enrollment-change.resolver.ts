import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, crudResolver, type RequestContext, requireId } from '@pb/kit';
import { School } from '../schools/school.entity.js';
import { EnrollmentChange } from './enrollment-change.entity.js';
import {
  checkEnrollmentChange,
  CreateEnrollmentChangeInput,
  EnrollmentChangeListArgs,
  placeEnrollmentChange,
  UpdateEnrollmentChangeInput,
} from './enrollment-change.inputs.js';

/** enrollmentChanges / enrollmentChange / create… / update… / delete…. */
@Resolver(() => EnrollmentChange)
export class EnrollmentChangeResolver extends crudResolver({
  sector: 'schools',
  entity: EnrollmentChange,
  typeName: 'EnrollmentChange',
  listName: 'enrollmentChanges',
  createInput: CreateEnrollmentChangeInput,
  updateInput: UpdateEnrollmentChangeInput,
  listArgs: EnrollmentChangeListArgs,
  check: checkEnrollmentChange,
  place: placeEnrollmentChange,
  filter: (qb, args) => {
    if (args.schoolId) qb.andWhere('r.school_id = :schoolId', { schoolId: requireId(args.schoolId, 'schoolId') });
    if (args.kind) qb.andWhere('r.kind = :kind', { kind: args.kind });
  },
}) {
  @FieldResolver(() => School, { nullable: true })
  school(@Root() c: EnrollmentChange, @Ctx() ctx: RequestContext): Promise<School | null> {
    return byIdLoader(ctx, School).load(c.schoolId);
  }
}
