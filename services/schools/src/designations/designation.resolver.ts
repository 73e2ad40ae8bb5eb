import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, crudResolver, type RequestContext, requireId } from '@pb/kit';
import { School } from '../schools/school.entity.js';
import { DemonstrationDesignation } from './designation.entity.js';
import { checkDesignation, CreateDemonstrationDesignationInput, DesignationListArgs, placeDesignation, UpdateDemonstrationDesignationInput } from './designation.inputs.js';

/** demonstrationDesignations / demonstrationDesignation / create… / update… / delete…. */
@Resolver(() => DemonstrationDesignation)
export class DesignationResolver extends crudResolver({
  sector: 'schools',
  entity: DemonstrationDesignation,
  typeName: 'DemonstrationDesignation',
  listName: 'demonstrationDesignations',
  createInput: CreateDemonstrationDesignationInput,
  updateInput: UpdateDemonstrationDesignationInput,
  listArgs: DesignationListArgs,
  check: checkDesignation,
  place: placeDesignation,
  filter: (qb, args) => {
    if (args.schoolId) qb.andWhere('r.school_id = :schoolId', { schoolId: requireId(args.schoolId, 'schoolId') });
    if (args.level) qb.andWhere('r.level = :level', { level: args.level });
    if (args.status) qb.andWhere('r.status = :status', { status: args.status });
  },
}) {
  @FieldResolver(() => School, { nullable: true, description: 'The school designated' })
  school(@Root() d: DemonstrationDesignation, @Ctx() ctx: RequestContext): Promise<School | null> {
    return byIdLoader(ctx, School).load(d.schoolId);
  }
}
