import { describeUnitSubgraph } from '../../../test/support/unit-contract';

type Unit = Record<string, unknown>;
const publicPrimarySecondary = (u: Unit) => u.isPublic === true && u.stage !== 'KINDERGARTEN';

describeUnitSubgraph({
  subgraph: 'schools',
  typeName: 'School',
  listName: 'schools',
  attributes: { stage: 'PRIMARY', isPublic: true, secretaryPrincipalCombined: true, partyOrganization: 'BRANCH' },
  variants: [
    { stage: 'PRIMARY', isPublic: true, secretaryPrincipalCombined: true },
    { stage: 'JUNIOR_SECONDARY', isPublic: true, secretaryPrincipalCombined: false },
    { stage: 'KINDERGARTEN', isPublic: true, secretaryPrincipalCombined: true },
    { stage: 'SENIOR_SECONDARY', isPublic: false, secretaryPrincipalCombined: true },
  ],
  statsField: 'schoolStats',
  statsSelection: 'schools publicSchools secretaryPrincipalCombined secretaryPrincipalCombinedRate',
  expectedStats: (units) => {
    const pub = units.filter(publicPrimarySecondary);
    const combined = pub.filter((u) => u.secretaryPrincipalCombined).length;
    return {
      schools: units.length,
      publicSchools: pub.length,
      secretaryPrincipalCombined: combined,
      secretaryPrincipalCombinedRate: pub.length ? combined / pub.length : null,
    };
  },
});
