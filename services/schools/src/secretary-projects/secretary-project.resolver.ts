import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, crudResolver, type RequestContext, requireId } from '@pb/kit';
import { School } from '../schools/school.entity.js';
import { SecretaryProject } from './secretary-project.entity.js';
import {
  checkSecretaryProject,
  CreateSecretaryProjectInput,
  placeSecretaryProject,
  SecretaryProjectListArgs,
  UpdateSecretaryProjectInput,
} from './secretary-project.inputs.js';

/** secretaryProjects / secretaryProject / create… / update… / delete…. */
@Resolver(() => SecretaryProject)
export class SecretaryProjectResolver extends crudResolver({
  sector: 'schools',
  entity: SecretaryProject,
  typeName: 'SecretaryProject',
  listName: 'secretaryProjects',
  createInput: CreateSecretaryProjectInput,
  updateInput: UpdateSecretaryProjectInput,
  listArgs: SecretaryProjectListArgs,
  check: checkSecretaryProject,
  place: placeSecretaryProject,
  filter: (qb, args) => {
    if (args.schoolId) qb.andWhere('r.school_id = :schoolId', { schoolId: requireId(args.schoolId, 'schoolId') });
    if (args.status) qb.andWhere('r.status = :status', { status: args.status });
  },
}) {
  @FieldResolver(() => School, { nullable: true, description: 'The school running the project' })
  school(@Root() p: SecretaryProject, @Ctx() ctx: RequestContext): Promise<School | null> {
    return byIdLoader(ctx, School).load(p.schoolId);
  }
}
