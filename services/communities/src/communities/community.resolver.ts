import { Resolver } from 'type-graphql';
import { crudResolver } from '@pb/kit';
import { Community } from './community.entity.js';
import { checkCommunity, CommunityListArgs, CreateCommunityInput, UpdateCommunityInput } from './community.inputs.js';

/** communities / community / createCommunity / updateCommunity / deleteCommunity. */
@Resolver(() => Community)
export class CommunityResolver extends crudResolver({
  sector: 'communities',
  entity: Community,
  typeName: 'Community',
  directory: true,
  listName: 'communities',
  createInput: CreateCommunityInput,
  updateInput: UpdateCommunityInput,
  listArgs: CommunityListArgs,
  check: checkCommunity,
  filter: (qb, args) => {
    if (args.partyOrganization) qb.andWhere('r.party_organization = :org', { org: args.partyOrganization });
  },
}) {}
