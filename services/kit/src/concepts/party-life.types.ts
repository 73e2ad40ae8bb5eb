import { Column } from 'typeorm';
import { Directive, Field, ID, InputType, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { RegionalRecord } from '../records/regional-record.js';
import { withRecordFields } from './unit-ref.js';
import { DateScalar } from '../scalars/date.js';

/** Levels of a party organisation (党组织), from a committee down to a party group. */
export enum PartyOrganizationKind {
  COMMITTEE = 'COMMITTEE',
  GENERAL_BRANCH = 'GENERAL_BRANCH',
  BRANCH = 'BRANCH',
  PARTY_GROUP = 'PARTY_GROUP',
}
registerEnumType(PartyOrganizationKind, {
  name: 'PartyOrganizationKind',
  description: '党委 COMMITTEE, 党总支 GENERAL_BRANCH, 党支部 BRANCH (incl. grid and department branches), 党小组 PARTY_GROUP',
});

/** Organisational life (组织生活): the four 三会一课 kinds, 主题党日, 第一议题 and OTHER. */
export enum PartyActivityKind {
  MEMBERS_MEETING = 'MEMBERS_MEETING',
  COMMITTEE_MEETING = 'COMMITTEE_MEETING',
  GROUP_MEETING = 'GROUP_MEETING',
  PARTY_LECTURE = 'PARTY_LECTURE',
  THEME_PARTY_DAY = 'THEME_PARTY_DAY',
  FIRST_TOPIC_STUDY = 'FIRST_TOPIC_STUDY',
  OTHER = 'OTHER',
}
registerEnumType(PartyActivityKind, {
  name: 'PartyActivityKind',
  description:
    '三会一课: 支部党员大会 MEMBERS_MEETING, 支委会 COMMITTEE_MEETING, 党小组会 GROUP_MEETING, 党课 PARTY_LECTURE; 主题党日 THEME_PARTY_DAY; 第一议题学习 FIRST_TOPIC_STUDY; OTHER',
});

export const PARTY_ORGANIZATION_KINDS = ['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'PARTY_GROUP'] as const;
export const PARTY_ACTIVITY_KINDS = ['MEMBERS_MEETING', 'COMMITTEE_MEETING', 'GROUP_MEETING', 'PARTY_LECTURE', 'THEME_PARTY_DAY', 'FIRST_TOPIC_STUDY', 'OTHER'] as const;
/** The kinds a branch must hold in a period for 三会一课 to be complete. */
export const THREE_MEETINGS_ONE_LESSON = ['MEMBERS_MEETING', 'COMMITTEE_MEETING', 'GROUP_MEETING', 'PARTY_LECTURE'] as const;

/**
 * The cross-sector face of a party organisation: every sector's organisation type implements it
 * (CommunityPartyOrganization, HospitalPartyOrganization, …), each owned by its own subgraph.
 */
@InterfaceType('PartyOrganization', { description: 'A party organisation (党组织) of any sector; each sector\'s type implements it' })
export abstract class PartyOrganizationFields extends RegionalRecord {
  @Field({ description: 'Name (党组织名称)' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => PartyOrganizationKind)
  @Column({ type: 'text' })
  kind: PartyOrganizationKind;

  @Field(() => String, { nullable: true, description: 'Secretary (书记); masked unless ADMIN or an editor of the record' })
  @Column({ name: 'secretary_name', type: 'text', nullable: true })
  secretaryName: string | null;

  @Field(() => Int, { description: 'Party members (党员人数)' })
  @Column({ type: 'int' })
  members: number;

  @Field(() => DateScalar, { nullable: true, description: 'Established on (成立日期); unknown = existed throughout any period' })
  @Column({ name: 'established_on', type: 'date', nullable: true })
  establishedOn: string | null;

  @Field(() => ID, { nullable: true, description: 'The unit it belongs to (community, hospital, school or enterprise of its sector)' })
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @Field(() => ID, { nullable: true, description: 'The organisation above it (上级党组织) in the same sector, if recorded' })
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The older record of the sector this organisation is kept in step with, sharing its id (HospitalPartyBranch 科室党支部, GridPartyBranch 网格党支部, Community 社区党组织); null when recorded as an organisation',
  })
  @Column({ name: 'mirror_of', type: 'text', nullable: true })
  mirrorOf: string | null;
}
withRecordFields(PartyOrganizationFields);

@InterfaceType('PartyActivity', { description: 'Organisational life (组织生活) of a party organisation, in any sector' })
export abstract class PartyActivityFields extends RegionalRecord {
  @Field(() => ID, { description: 'The organisation that held it; the activity is in its region' })
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Field(() => PartyActivityKind)
  @Column({ type: 'text' })
  kind: PartyActivityKind;

  @Field(() => DateScalar, { description: 'Held on (日期); the event date of the stats' })
  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Field(() => Int, { description: 'Attendees (参加人数)' })
  @Column({ type: 'int' })
  attendees: number;

  @Field({ description: 'Topic (主题)' })
  @Column({ type: 'text' })
  topic: string;
}
withRecordFields(PartyActivityFields);

@InputType({ description: 'A party organisation (党组织)' })
export class CreatePartyOrganizationInput {
  @Field({ description: 'Division code (行政区划代码), padded or not' })
  regionCode: string;

  @Field()
  name: string;

  @Field(() => PartyOrganizationKind)
  kind: PartyOrganizationKind;

  @Field(() => String, { nullable: true })
  secretaryName?: string | null;

  @Field(() => Int)
  members: number;

  @Field(() => DateScalar, { nullable: true })
  establishedOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'The unit it belongs to, in this sector' })
  unitId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organisation above it, in this sector' })
  parentId?: string | null;
}

@InputType({ description: 'Changes to a party organisation; omitted fields stay as they are' })
export class UpdatePartyOrganizationInput {
  @Field({ nullable: true })
  regionCode?: string;

  @Field({ nullable: true })
  name?: string;

  @Field(() => PartyOrganizationKind, { nullable: true })
  kind?: PartyOrganizationKind;

  @Field(() => String, { nullable: true })
  secretaryName?: string | null;

  @Field(() => Int, { nullable: true })
  members?: number;

  @Field(() => DateScalar, { nullable: true })
  establishedOn?: string | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;
}

@InputType({ description: 'An organisational-life activity (组织生活)' })
export class CreatePartyActivityInput {
  /** Not an input: an activity is placed in its organisation's region. */
  regionCode?: string;

  @Field(() => ID, { description: 'The organisation holding it (in this sector)' })
  organizationId: string;

  @Field(() => PartyActivityKind)
  kind: PartyActivityKind;

  @Field(() => DateScalar)
  heldOn: string;

  @Field(() => Int)
  attendees: number;

  @Field()
  topic: string;
}

@InputType({ description: 'Changes to an organisational-life activity; omitted fields stay as they are' })
export class UpdatePartyActivityInput {
  regionCode?: string;

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => PartyActivityKind, { nullable: true })
  kind?: PartyActivityKind;

  @Field(() => DateScalar, { nullable: true })
  heldOn?: string;

  @Field(() => Int, { nullable: true })
  attendees?: number;

  @Field({ nullable: true })
  topic?: string;
}

@Directive('@shareable')
@ObjectType({ description: 'Organisational-life activities of one kind' })
export class PartyActivityKindCount {
  @Field(() => PartyActivityKind)
  kind: PartyActivityKind;

  @Field(() => Int)
  count: number;
}
