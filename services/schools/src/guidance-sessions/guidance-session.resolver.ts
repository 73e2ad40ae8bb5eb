import { Resolver } from 'type-graphql';
import { crudResolver } from '@pb/kit';
import { EnrollmentGuidanceSession } from './guidance-session.entity.js';
import {
  checkEnrollmentGuidanceSession,
  CreateEnrollmentGuidanceSessionInput,
  EnrollmentGuidanceSessionListArgs,
  UpdateEnrollmentGuidanceSessionInput,
} from './guidance-session.inputs.js';

/** enrollmentGuidanceSessions / enrollmentGuidanceSession / create… / update… / delete…. */
@Resolver(() => EnrollmentGuidanceSession)
export class EnrollmentGuidanceSessionResolver extends crudResolver({
  sector: 'schools',
  entity: EnrollmentGuidanceSession,
  typeName: 'EnrollmentGuidanceSession',
  listName: 'enrollmentGuidanceSessions',
  createInput: CreateEnrollmentGuidanceSessionInput,
  updateInput: UpdateEnrollmentGuidanceSessionInput,
  listArgs: EnrollmentGuidanceSessionListArgs,
  check: checkEnrollmentGuidanceSession,
}) {}
