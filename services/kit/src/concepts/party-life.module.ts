import { ArgsType, Ctx, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { Entity } from 'typeorm';
import { canSeePersonal } from '../auth/access.js';
import type { RequestContext } from '../context.js';
import { badInput } from '../errors/errors.js';
import { requireRegionCodeFormat } from '../regions/codes.js';
import { ListArgs } from '../pagination/connection.js';
import { byIdLoader } from '../records/by-id-loader.js';
import { crudResolver, parentRegion } from '../records/crud-resolver.js';
import { personalField } from '../auth/mask.js';
import { optionalPastDate, optionalText, requireCount, requireId, requirePastDate, requireText } from '../validation.js';
import {
  CreatePartyActivityInput,
  CreatePartyOrganizationInput,
  PartyActivityFields,
  PartyActivityKind,
  PartyOrganizationFields,
  PartyOrganizationKind,
  UpdatePartyActivityInput,
  UpdatePartyOrganizationInput,
} from './party-life.types.js';
import { named, optionalRef, type SectorUnit } from './unit-ref.js';

@ArgsType()
export class PartyOrganizationListArgs extends ListArgs {
  @Field(() => PartyOrganizationKind, { nullable: true })
  kind?: PartyOrganizationKind | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;
}

@ArgsType()
export class PartyActivityListArgs extends ListArgs {
  @Field(() => PartyActivityKind, { nullable: true })
  kind?: PartyActivityKind | null;

  @Field(() => ID, { nullable: true })
  organizationId?: string | null;
}

export interface SectorConceptOptions {
  /** Subgraph name (the `sectors` claim), e.g. `hospitals`. */
  sector: string;
  /** Type-name prefix, e.g. `Hospital` → HospitalPartyOrganization, hospitalPartyOrganizations. */
  prefix: string;
  /** The sector's unit (community, hospital, school, enterprise) records may belong to. */
  unit: SectorUnit;
  /**
   * Older record types whose rows each have an organisation kept in step (by the sector's
   * migration triggers), sharing their id: type name (the organisation's mirrorOf) → table.
   * Deleting such an organisation deletes that record (and so the organisation with it).
   */
  mirrors?: Record<string, { table: string; editable: OrgField[] }>;
}

/** Fields of an organisation; a mirrored one's own mutations may change only its `editable` ones. */
type OrgField = 'regionCode' | 'name' | 'kind' | 'secretaryName' | 'members' | 'establishedOn' | 'unitId' | 'parentId';
const ORG_FIELDS: OrgField[] = ['regionCode', 'name', 'kind', 'secretaryName', 'members', 'establishedOn', 'unitId', 'parentId'];

const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);

/** The sector's party organisations and their organisational life: entities and resolvers. */
export function partyLife(o: SectorConceptOptions) {
  const orgName = `${o.prefix}PartyOrganization`;
  const actName = `${o.prefix}PartyActivity`;

  @ObjectType(orgName, { implements: PartyOrganizationFields, description: `Party organisation (党组织) of the ${o.sector} sector` })
  @Entity({ name: 'party_organization' })
  class Org extends PartyOrganizationFields {}
  named(Org, orgName);

  @ObjectType(actName, { implements: PartyActivityFields, description: `Organisational life (组织生活) of a ${o.sector} party organisation` })
  @Entity({ name: 'party_activity' })
  class Act extends PartyActivityFields {}
  named(Act, actName);

  /**
   * An organisation kept in step with an older record (mirrorOf) takes the fields that record
   * owns from it: an update here may change only those written back to it (`editable`).
   */
  async function keepMirrorShape(values: Partial<Org>, ctx: RequestContext): Promise<void> {
    const mirror = values.id && values.mirrorOf ? o.mirrors?.[values.mirrorOf] : undefined;
    const stored = mirror ? await byIdLoader(ctx, Org).load(values.id!) : null;
    if (!mirror || !stored) return;
    const same = (f: OrgField) =>
      f === 'regionCode' ? requireRegionCodeFormat(values.regionCode ?? '', 'input.regionCode') === stored.regionCode : (values[f] ?? null) === (stored[f] ?? null);
    const changed = ORG_FIELDS.find((f) => !mirror.editable.includes(f) && !same(f));
    if (changed) throw badInput(`input.${changed}`, `is set by the ${values.mirrorOf} this organisation is kept in step with: change it there`);
  }

  /** A unit's own organisation (the community's 党委/党总支/党支部) goes with its unit only. */
  function checkDeleteOrg(org: Org): void {
    if (org.mirrorOf === o.unit.typeName) throw badInput('id', `is the ${o.unit.typeName}'s own party organisation: it is deleted with the ${o.unit.typeName}`);
  }

  async function checkOrg(input: CreatePartyOrganizationInput, ctx: RequestContext): Promise<Partial<Org>> {
    await keepMirrorShape(input as Partial<Org>, ctx);
    const parentId = await optionalRef(ctx, Org, orgName, input.parentId, 'input.parentId');
    if (parentId && parentId === (input as Partial<Org>).id) throw badInput('input.parentId', 'must not be the organisation itself');
    return {
      name: requireText(input.name, 'input.name'),
      kind: input.kind,
      secretaryName: optionalText(input.secretaryName, 'input.secretaryName', 50),
      members: requireCount(input.members, 'input.members', 1_000_000),
      establishedOn: optionalPastDate(input.establishedOn, 'input.establishedOn'),
      unitId: await optionalRef(ctx, o.unit.entity, o.unit.typeName, input.unitId, 'input.unitId'),
      parentId,
    };
  }

  const checkAct = (input: CreatePartyActivityInput): Partial<Act> => ({
    organizationId: requireId(input.organizationId ?? '', 'input.organizationId'),
    kind: input.kind,
    heldOn: requirePastDate(input.heldOn, 'input.heldOn'),
    attendees: requireCount(input.attendees, 'input.attendees', 100_000),
    topic: requireText(input.topic, 'input.topic', 500),
  });

  /** An activity is where its organisation is. */
  const placeAct = (input: CreatePartyActivityInput, ctx: RequestContext) => parentRegion(ctx, Org, orgName, input.organizationId, 'input.organizationId');

  @Resolver(() => Org)
  class OrgResolver extends crudResolver({
    sector: o.sector,
    entity: Org,
    typeName: orgName,
    listName: `${lowerFirst(o.prefix)}PartyOrganizations`,
    createInput: CreatePartyOrganizationInput,
    updateInput: UpdatePartyOrganizationInput,
    listArgs: PartyOrganizationListArgs,
    check: checkOrg,
    checkDelete: checkDeleteOrg,
    deleteRoot: (org: Org) => (org.mirrorOf ? (o.mirrors?.[org.mirrorOf]?.table ?? null) : null),
    filter: (qb, args) => {
      if (args.kind) qb.andWhere('r.kind = :k', { k: args.kind });
      if (args.unitId) qb.andWhere('r.unit_id = :u', { u: requireId(args.unitId, 'unitId') });
    },
  }) {
    @FieldResolver(() => String, { nullable: true, description: 'Secretary (书记); masked unless ADMIN or an editor of the record' })
    secretaryName(@Root() org: Org, @Ctx() ctx: RequestContext): string | null {
      return org.secretaryName === null ? null : personalField(canSeePersonal(ctx, o.sector, org.regionCode), 'name', org.secretaryName);
    }

    @FieldResolver(() => o.unit.entity, { nullable: true, description: `The ${o.unit.typeName} it belongs to` })
    unit(@Root() org: Org, @Ctx() ctx: RequestContext) {
      return org.unitId ? byIdLoader(ctx, o.unit.entity).load(org.unitId) : null;
    }

    @FieldResolver(() => Org, { nullable: true, description: 'The organisation above it' })
    parent(@Root() org: Org, @Ctx() ctx: RequestContext): Promise<Org | null> | null {
      return org.parentId ? byIdLoader(ctx, Org).load(org.parentId) : null;
    }
  }
  named(OrgResolver, `${orgName}Resolver`);

  @Resolver(() => Act)
  class ActResolver extends crudResolver({
    sector: o.sector,
    entity: Act,
    typeName: actName,
    listName: `${lowerFirst(o.prefix)}PartyActivities`,
    createInput: CreatePartyActivityInput,
    updateInput: UpdatePartyActivityInput,
    listArgs: PartyActivityListArgs,
    check: checkAct,
    place: placeAct,
    filter: (qb, args) => {
      if (args.kind) qb.andWhere('r.kind = :k', { k: args.kind });
      if (args.organizationId) qb.andWhere('r.organization_id = :g', { g: requireId(args.organizationId, 'organizationId') });
    },
  }) {
    @FieldResolver(() => Org, { nullable: true, description: 'The organisation that held it' })
    organization(@Root() a: Act, @Ctx() ctx: RequestContext): Promise<Org | null> {
      return byIdLoader(ctx, Org).load(a.organizationId);
    }
  }
  named(ActResolver, `${actName}Resolver`);

  return { entities: [Org, Act], resolvers: [OrgResolver, ActResolver], Org, Act, checkOrg, checkAct, placeAct };
}
