import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, crudResolver, parentRegion, type RequestContext, Sector } from '@pb/kit';
import { Agency } from '../agencies/agency.entity.js';
import { Community } from '../communities/community.entity.js';
import { DualRegistration } from './dual-registration.entity.js';
import { checkDualRegistration, CreateDualRegistrationInput, DualRegistrationListArgs, UpdateDualRegistrationInput } from './dual-registration.inputs.js';
import { REMOTE_UNIT_TYPE, RegisteredUnit, UNIT_OWNER, type UnitRef } from './registered-unit.js';

/** dualRegistrations / dualRegistration / create… / update… / delete…; placed in its community's region. */
@Resolver(() => DualRegistration)
export class DualRegistrationResolver extends crudResolver({
  sector: 'communities',
  entity: DualRegistration,
  typeName: 'DualRegistration',
  listName: 'dualRegistrations',
  createInput: CreateDualRegistrationInput,
  updateInput: UpdateDualRegistrationInput,
  listArgs: DualRegistrationListArgs,
  check: checkDualRegistration,
  remoteReferences: (f: { unitSector?: Sector | null; unitId?: string | null }) => {
    const owner = f.unitSector ? UNIT_OWNER[f.unitSector] : undefined;
    return owner && f.unitId ? [{ field: 'input.unitId', sector: owner, typeName: REMOTE_UNIT_TYPE[f.unitSector!]!, id: f.unitId }] : [];
  },
  place: (values, ctx) => parentRegion(ctx, Community, 'Community', values.communityId, 'input.communityId'),
  filter: (qb, args) => {
    if (args.communityId) qb.andWhere('r.community_id = :communityId', { communityId: args.communityId });
    if (args.unitSector) qb.andWhere('r.unit_sector = :unitSector', { unitSector: args.unitSector });
    if (args.active != null) qb.andWhere('r.active = :active', { active: args.active });
  },
}) {
  @FieldResolver(() => RegisteredUnit, { nullable: true, description: 'The registering unit, resolved by its own subgraph (null for a deleted agency)' })
  async unit(@Root() r: DualRegistration, @Ctx() ctx: RequestContext): Promise<Agency | UnitRef | null> {
    if (r.unitSector === Sector.AGENCY) return byIdLoader(ctx, Agency).load(r.unitId);
    const typeName = REMOTE_UNIT_TYPE[r.unitSector];
    return typeName ? { __typename: typeName, id: r.unitId } : null;
  }

  @FieldResolver(() => Community, { nullable: true })
  community(@Root() r: DualRegistration, @Ctx() ctx: RequestContext): Promise<Community | null> {
    return byIdLoader(ctx, Community).load(r.communityId);
  }
}
