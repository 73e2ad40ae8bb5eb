import { registerEnumType } from 'type-graphql';

/**
 * The sectors of the shared vocabulary. Defined once here because an enum used by several subgraphs
 * must be identical in all of them for the supergraph to compose.
 */
export enum Sector {
  COMMUNITY = 'COMMUNITY',
  HOSPITAL = 'HOSPITAL',
  SCHOOL = 'SCHOOL',
  SOE = 'SOE',
  AGENCY = 'AGENCY',
}
registerEnumType(Sector, {
  name: 'Sector',
  description: '社区 COMMUNITY, 医院 HOSPITAL, 学校 SCHOOL, 国企 SOE, 机关/驻区单位 AGENCY',
});

/** The subgraph (and `sectors` claim) that owns a sector's units; AGENCY units live in communities. */
export const SUBGRAPH_OF_SECTOR: Record<Sector, string> = {
  COMMUNITY: 'communities',
  HOSPITAL: 'hospitals',
  SCHOOL: 'schools',
  SOE: 'soes',
  AGENCY: 'communities',
};
