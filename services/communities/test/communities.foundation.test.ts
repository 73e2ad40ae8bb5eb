import { describeUnitSubgraph } from '../../../test/support/unit-contract';

describeUnitSubgraph({
  subgraph: 'communities',
  typeName: 'Community',
  listName: 'communities',
  attributes: { partyOrganization: 'PARTY_COMMITTEE', partyMembers: 10 },
  variants: [{ partyMembers: 241 }, { partyMembers: 0, partyOrganization: 'BRANCH' }, { partyMembers: 35 }],
  statsField: 'communityStats',
  statsSelection: 'communities partyMembers',
  expectedStats: (units) => ({ communities: units.length, partyMembers: units.reduce((s, u) => s + (u.partyMembers as number), 0) }),
});
