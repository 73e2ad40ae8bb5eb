import { describeUnitSubgraph } from '../../../test/support/unit-contract';

type Unit = Record<string, unknown>;
const secondaryPublic = (u: Unit) => u.isPublic === true && ['SECONDARY', 'TERTIARY'].includes(u.grade as string);

describeUnitSubgraph({
  subgraph: 'hospitals',
  typeName: 'Hospital',
  listName: 'hospitals',
  attributes: { grade: 'SECONDARY', kind: 'GENERAL', isPublic: true, secretaryPresidentSeparated: true, partyOrganization: 'PARTY_COMMITTEE' },
  variants: [
    { grade: 'TERTIARY', isPublic: true, secretaryPresidentSeparated: true },
    { grade: 'SECONDARY', isPublic: true, secretaryPresidentSeparated: false },
    { grade: 'SECONDARY', isPublic: false, secretaryPresidentSeparated: true },
    { grade: 'PRIMARY', kind: 'TOWNSHIP_HEALTH_CENTER', isPublic: true, secretaryPresidentSeparated: true },
  ],
  statsField: 'hospitalStats',
  statsSelection: 'hospitals secondaryOrAboveHospitals secretaryPresidentSeparated secretaryPresidentSeparationRate',
  expectedStats: (units) => {
    const secondary = units.filter(secondaryPublic);
    const separated = secondary.filter((u) => u.secretaryPresidentSeparated).length;
    return {
      hospitals: units.length,
      secondaryOrAboveHospitals: secondary.length,
      secretaryPresidentSeparated: separated,
      secretaryPresidentSeparationRate: secondary.length ? separated / secondary.length : null,
    };
  },
});
