import { Directory } from '@pb/kit';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The communities subgraph's Community, referenced by id only (that subgraph resolves it). */
@Directive('@key(fields: "id", resolvable: false)')
@Directory()
@ObjectType('Community')
export class CommunityRef {
  @Field(() => ID)
  id: string;
}

/** The stub a clinic or station returns for the community it serves. */
export const communityStub = (id: string | null): (CommunityRef & { __typename: 'Community' }) | null =>
  id ? { __typename: 'Community', id } : null;
