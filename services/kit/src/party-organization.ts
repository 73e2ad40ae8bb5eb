import { registerEnumType } from 'type-graphql';

/** The form of a unit's party organisation; the same enum in every subgraph. */
export enum PartyOrganizationType {
  PARTY_COMMITTEE = 'PARTY_COMMITTEE',
  GENERAL_BRANCH = 'GENERAL_BRANCH',
  BRANCH = 'BRANCH',
}

registerEnumType(PartyOrganizationType, {
  name: 'PartyOrganizationType',
  description: 'Party organisation form: 党委 PARTY_COMMITTEE, 党总支 GENERAL_BRANCH, 党支部 BRANCH',
});

/** The values as first migrated; a migration that adds one adds it to its own list. */
export const PARTY_ORGANIZATION_TYPES = ['PARTY_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH'] as const;
