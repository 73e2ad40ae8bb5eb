import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, crudResolver, type RequestContext } from '@pb/kit';
import { Community } from '../communities/community.entity.js';
import { PropertyCompany } from './property-company.entity.js';
import { checkPropertyCompany, CreatePropertyCompanyInput, PropertyCompanyListArgs, UpdatePropertyCompanyInput } from './property-company.inputs.js';

/** propertyCompanies / propertyCompany / createPropertyCompany / updatePropertyCompany / deletePropertyCompany. */
@Resolver(() => PropertyCompany)
export class PropertyCompanyResolver extends crudResolver({
  sector: 'communities',
  entity: PropertyCompany,
  typeName: 'PropertyCompany',
  listName: 'propertyCompanies',
  createInput: CreatePropertyCompanyInput,
  updateInput: UpdatePropertyCompanyInput,
  listArgs: PropertyCompanyListArgs,
  check: checkPropertyCompany,
  filter: (qb, args) => {
    if (args.hasPartyBranch != null) qb.andWhere('r.has_party_branch = :red', { red: args.hasPartyBranch });
    if (args.communityId) qb.andWhere(':communityId = ANY(r.community_ids)', { communityId: args.communityId });
  },
}) {
  @FieldResolver(() => [Community], { description: 'The communities it serves' })
  async communities(@Root() p: PropertyCompany, @Ctx() ctx: RequestContext): Promise<Community[]> {
    const found = await byIdLoader(ctx, Community).loadMany(p.communityIds);
    return found.filter((c): c is Community => c instanceof Community);
  }
}
