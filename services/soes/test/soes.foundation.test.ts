import { describeUnitSubgraph } from '../../../test/support/unit-contract';

describeUnitSubgraph({
  subgraph: 'soes',
  typeName: 'Enterprise',
  listName: 'enterprises',
  attributes: { level: 'COUNTY', industry: '供水', partyOrganization: 'BRANCH' },
  variants: [{ level: 'CENTRAL', industry: '烟草' }, { level: 'PROVINCIAL', industry: '电力' }],
  statsField: 'soeStats',
  statsSelection: 'enterprises',
  expectedStats: (units) => ({ enterprises: units.length }),
});
