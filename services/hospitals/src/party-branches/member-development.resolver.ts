import { Resolver } from 'type-graphql';
import { crudResolver } from '@pb/kit';
import { BranchMemberDevelopment } from './member-development.entity.js';
import {
  BranchMemberDevelopmentListArgs,
  checkMemberDevelopment,
  CreateBranchMemberDevelopmentInput,
  placeMemberDevelopment,
  UpdateBranchMemberDevelopmentInput,
} from './member-development.inputs.js';

@Resolver(() => BranchMemberDevelopment)
export class BranchMemberDevelopmentResolver extends crudResolver({
  sector: 'hospitals',
  entity: BranchMemberDevelopment,
  typeName: 'BranchMemberDevelopment',
  listName: 'branchMemberDevelopments',
  createInput: CreateBranchMemberDevelopmentInput,
  updateInput: UpdateBranchMemberDevelopmentInput,
  listArgs: BranchMemberDevelopmentListArgs,
  check: checkMemberDevelopment,
  place: placeMemberDevelopment,
  filter: (qb, args) => {
    if (args.branchId) qb.andWhere('r.branch_id = :branchId', { branchId: args.branchId });
  },
}) {}
