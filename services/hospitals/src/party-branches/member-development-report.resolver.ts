import { Resolver } from 'type-graphql';
import { crudResolver, requireId } from '@pb/kit';
import { MemberDevelopmentReport } from './member-development-report.entity.js';
import {
  checkMemberDevelopmentReport,
  CreateMemberDevelopmentReportInput,
  MemberDevelopmentReportListArgs,
  UpdateMemberDevelopmentReportInput,
} from './member-development-report.inputs.js';

@Resolver(() => MemberDevelopmentReport)
export class MemberDevelopmentReportResolver extends crudResolver({
  sector: 'hospitals',
  entity: MemberDevelopmentReport,
  typeName: 'MemberDevelopmentReport',
  listName: 'memberDevelopmentReports',
  createInput: CreateMemberDevelopmentReportInput,
  updateInput: UpdateMemberDevelopmentReportInput,
  listArgs: MemberDevelopmentReportListArgs,
  check: checkMemberDevelopmentReport,
  filter: (qb, args) => {
    if (args.hospitalId) qb.andWhere('r.hospital_id = :h', { h: requireId(args.hospitalId, 'hospitalId') });
  },
}) {}
