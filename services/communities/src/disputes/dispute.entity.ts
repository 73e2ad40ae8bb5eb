import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, RegionalRecord } from '@pb/kit';

export enum DisputeCategory {
  NEIGHBOR = 'NEIGHBOR',
  PROPERTY = 'PROPERTY',
  MARRIAGE_FAMILY = 'MARRIAGE_FAMILY',
  OTHER = 'OTHER',
}
registerEnumType(DisputeCategory, { name: 'DisputeCategory', description: '邻里纠纷 NEIGHBOR, 物业纠纷 PROPERTY, 婚姻家庭纠纷 MARRIAGE_FAMILY, 其他 OTHER' });

export enum DisputeStatus {
  OPEN = 'OPEN',
  MEDIATING = 'MEDIATING',
  RESOLVED = 'RESOLVED',
  ESCALATED = 'ESCALATED',
}
registerEnumType(DisputeStatus, { name: 'DisputeStatus', description: '受理 OPEN → 调解中 MEDIATING → 化解 RESOLVED 或 上报 ESCALATED' });

export enum SettlementLevel {
  GRID = 'GRID',
  COMMUNITY = 'COMMUNITY',
  STREET = 'STREET',
}
registerEnumType(SettlementLevel, { name: 'SettlementLevel', description: 'Where a dispute was settled: 网格 GRID, 社区 COMMUNITY, 街道 STREET (小事不出网格、大事不出社区)' });

@ObjectType({ description: 'Dispute (矛盾纠纷) brought to the community for mediation (调解)' })
@Entity({ name: 'dispute' })
export class Dispute extends RegionalRecord {
  @Field(() => ID)
  @Column({ name: 'community_id', type: 'uuid' })
  communityId: string;

  @Field(() => DisputeCategory)
  @Column({ type: 'text' })
  category: DisputeCategory;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Field(() => DisputeStatus, { description: 'Changed only by advanceDispute' })
  @Column({ type: 'text' })
  status: DisputeStatus;

  @Field(() => DateScalar, { description: 'Reported on (受理)' })
  @Column({ name: 'reported_on', type: 'date' })
  reportedOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'Mediation began (调解)' })
  @Column({ name: 'mediating_on', type: 'date', nullable: true })
  mediatingOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Resolved or escalated on' })
  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Field(() => SettlementLevel, { nullable: true, description: 'Where it was settled, once RESOLVED' })
  @Column({ name: 'settled_level', type: 'text', nullable: true })
  settledLevel: SettlementLevel | null;
}
