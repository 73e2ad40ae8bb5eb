import { Resolver } from 'type-graphql';
import { crudResolver } from '@pb/kit';
import { Hospital } from './hospital.entity.js';
import { checkHospital, CreateHospitalInput, HospitalListArgs, UpdateHospitalInput } from './hospital.inputs.js';

/** hospitals / hospital / createHospital / updateHospital / deleteHospital. */
@Resolver(() => Hospital)
export class HospitalResolver extends crudResolver({
  sector: 'hospitals',
  entity: Hospital,
  typeName: 'Hospital',
  directory: true,
  listName: 'hospitals',
  createInput: CreateHospitalInput,
  updateInput: UpdateHospitalInput,
  listArgs: HospitalListArgs,
  check: checkHospital,
  filter: (qb, args) => {
    if (args.grade) qb.andWhere('r.grade = :grade', { grade: args.grade });
    if (args.kind) qb.andWhere('r.kind = :kind', { kind: args.kind });
    if (args.isPublic != null) qb.andWhere('r.is_public = :isPublic', { isPublic: args.isPublic });
  },
}) {}
