import { createUnionType, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { Directory, type RemoteDeletionFeed, type RequestContext, Sector } from '@pb/kit';
import { Agency } from '../agencies/agency.entity.js';
import { DualRegistration } from './dual-registration.entity.js';
import { registrationsOfUnit } from './dual-registration.loader.js';

/** A unit owned by another subgraph, as this one sees it: its key, plus its registrations here. */
export interface UnitRef {
  __typename: string;
  id: string;
}

/**
 * The stub entity `Hospital`/`School`/`Enterprise` (owned by its subgraph) and the resolver that
 * adds `dualRegistrations` to it, batched per request.
 */
function unitStub(typeName: string, sector: Sector): { stub: ClassType; resolver: ClassType } {
  @Directive('@key(fields: "id")')
  @Directory()
  // No description: the owning subgraph's one is the type's description in the supergraph.
  @ObjectType(typeName)
  class Stub {
    @Field(() => ID)
    id: string;
  }

  @Resolver(() => Stub)
  class StubResolver {
    @FieldResolver(() => [DualRegistration], { description: `Its party organisation's registrations with communities (双报到), from the communities subgraph` })
    dualRegistrations(@Root() unit: UnitRef, @Ctx() ctx: RequestContext): Promise<DualRegistration[]> {
      return registrationsOfUnit(ctx, sector).load(unit.id);
    }
  }
  return { stub: Stub, resolver: StubResolver };
}

export const HospitalUnit = unitStub('Hospital', Sector.HOSPITAL);
export const SchoolUnit = unitStub('School', Sector.SCHOOL);
export const EnterpriseUnit = unitStub('Enterprise', Sector.SOE);

/** The GraphQL type of each sector's units held elsewhere. */
export const REMOTE_UNIT_TYPE: Partial<Record<Sector, string>> = {
  [Sector.HOSPITAL]: 'Hospital',
  [Sector.SCHOOL]: 'School',
  [Sector.SOE]: 'Enterprise',
};

/** The subgraph that owns each sector's units (where a registration's unit is checked to exist). */
export const UNIT_OWNER: Partial<Record<Sector, string>> = {
  [Sector.HOSPITAL]: 'hospitals',
  [Sector.SCHOOL]: 'schools',
  [Sector.SOE]: 'soes',
};

/**
 * The deletions feeds of the units' owners, polled so that a unit deleted there stops counting in
 * the registration statistics here (and counts again when restored).
 */
export const REMOTE_UNIT_FEEDS: RemoteDeletionFeed[] = [
  { sector: 'hospitals', typeName: 'Hospital', listName: 'hospitals' },
  { sector: 'schools', typeName: 'School', listName: 'schools' },
  { sector: 'soes', typeName: 'Enterprise', listName: 'enterprises' },
];

export const RegisteredUnit = createUnionType({
  name: 'RegisteredUnit',
  description: 'A unit that registers with a community (双报到单位): an agency here, or a hospital, school or enterprise of its own subgraph',
  types: () => [Agency, HospitalUnit.stub, SchoolUnit.stub, EnterpriseUnit.stub] as const,
  resolveType: (value: object) => (value instanceof Agency ? 'Agency' : (value as UnitRef).__typename),
});

/** `__resolveReference` of the stubs: the key is all this subgraph knows, and all it needs. */
export const unitReferences = Object.fromEntries(
  Object.values(REMOTE_UNIT_TYPE).map((typeName) => [typeName, { __resolveReference: (ref: { id: string }) => ({ __typename: typeName, id: ref.id }) }]),
);
