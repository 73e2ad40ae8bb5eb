import { Resolver } from 'type-graphql';
import { crudResolver } from '@pb/kit';
import { School } from './school.entity.js';
import { checkSchool, CreateSchoolInput, SchoolListArgs, UpdateSchoolInput } from './school.inputs.js';

/** schools / school / createSchool / updateSchool / deleteSchool. */
@Resolver(() => School)
export class SchoolResolver extends crudResolver({
  sector: 'schools',
  entity: School,
  typeName: 'School',
  directory: true,
  listName: 'schools',
  createInput: CreateSchoolInput,
  updateInput: UpdateSchoolInput,
  listArgs: SchoolListArgs,
  check: checkSchool,
  filter: (qb, args) => {
    if (args.stage) qb.andWhere('r.stage = :stage', { stage: args.stage });
    if (args.isPublic != null) qb.andWhere('r.is_public = :isPublic', { isPublic: args.isPublic });
  },
}) {}
