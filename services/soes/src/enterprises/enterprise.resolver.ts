import { Resolver } from 'type-graphql';
import { crudResolver } from '@pb/kit';
import { Enterprise } from './enterprise.entity.js';
import { checkEnterprise, CreateEnterpriseInput, EnterpriseListArgs, UpdateEnterpriseInput } from './enterprise.inputs.js';

/** enterprises / enterprise / createEnterprise / updateEnterprise / deleteEnterprise. */
@Resolver(() => Enterprise)
export class EnterpriseResolver extends crudResolver({
  sector: 'soes',
  entity: Enterprise,
  typeName: 'Enterprise',
  directory: true,
  listName: 'enterprises',
  createInput: CreateEnterpriseInput,
  updateInput: UpdateEnterpriseInput,
  listArgs: EnterpriseListArgs,
  check: checkEnterprise,
  filter: (qb, args) => {
    if (args.level) qb.andWhere('r.level = :level', { level: args.level });
  },
}) {}
