import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { badInput, byIdLoader, DateScalar, ListArgs, notFound, parentRegion, requireId, requirePastDate, requireText, type RequestContext, todayInShanghai, UpdateInputOf } from '@pb/kit';
import { RECTIFICATION_FLOW, RectificationItem, RectificationStatus } from './rectification.entity.js';
import { WardRound } from './ward-round.entity.js';

@InputType({ description: 'A rectification item (整改事项) raised by a ward round; it starts OPEN' })
export class CreateRectificationItemInput {
  @Field(() => ID)
  wardRoundId: string;

  @Field()
  description: string;

  @Field(() => DateScalar, { description: 'Due on; not before the ward round' })
  dueOn: string;

  regionCode?: null;
}

@InputType({ description: 'A rectification item (整改事项) created together with its ward round; it starts OPEN' })
export class NewRectificationItemInput {
  @Field()
  description: string;

  @Field(() => DateScalar, { description: 'Due on; not before the ward round' })
  dueOn: string;
}

/** What every item must satisfy against its round: a description, and a due date not before the round. */
export function checkItemAgainstRound(item: { description: string; dueOn: string }, heldOn: string, prefix: string): Pick<RectificationItem, 'description' | 'dueOn'> {
  if (!item.dueOn || item.dueOn < heldOn) throw badInput(`${prefix}.dueOn`, `must not be before its ward round (${heldOn})`);
  return { description: requireText(item.description, `${prefix}.description`, 2000), dueOn: item.dueOn };
}

@InputType({ description: 'Changes to a rectification item; status OPEN → DONE (DONE is final)' })
export class UpdateRectificationItemInput extends UpdateInputOf(CreateRectificationItemInput, { omit: ['wardRoundId'] }) {
  @Field(() => RectificationStatus, { nullable: true })
  status?: RectificationStatus;
  @Field(() => DateScalar, { nullable: true, description: 'When it was done; defaults to today when status becomes DONE' })
  doneOn?: string | null;
}

@ArgsType()
export class RectificationItemListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  wardRoundId?: string | null;

  @Field(() => RectificationStatus, { nullable: true })
  status?: RectificationStatus | null;
}

type RectificationValues = CreateRectificationItemInput & Partial<Pick<RectificationItem, 'id' | 'status' | 'doneOn'>>;

/** OPEN items have no done date; DONE items have one, not before the ward round nor in the future. */
function doneOnFor(status: RectificationStatus, doneOn: string | null | undefined, heldOn: string): string | null {
  if (status === RectificationStatus.OPEN) return null;
  const date = requirePastDate(doneOn ?? todayInShanghai(), 'input.doneOn');
  if (date < heldOn) throw badInput('input.doneOn', `must not be before its ward round (${heldOn})`);
  return date;
}

export async function checkRectification(input: RectificationValues, ctx: RequestContext): Promise<Partial<RectificationItem>> {
  const wardRoundId = requireId(input.wardRoundId ?? '', 'input.wardRoundId');
  const round = await byIdLoader(ctx, WardRound).load(wardRoundId);
  if (!round) throw notFound('WardRound', wardRoundId, 'input.wardRoundId');
  const { description, dueOn } = checkItemAgainstRound(input, round.heldOn, 'input');
  const status = input.status ?? RectificationStatus.OPEN;
  const stored = input.id ? await ctx.db.getRepository(RectificationItem).findOneBy({ id: input.id }) : null;
  if (stored) RECTIFICATION_FLOW.assert(stored.status, status, 'input.status');
  return {
    wardRoundId,
    description,
    dueOn,
    status,
    doneOn: doneOnFor(status, input.doneOn, round.heldOn),
  };
}

export const placeRectification = (input: CreateRectificationItemInput, ctx: RequestContext): Promise<string> =>
  parentRegion(ctx, WardRound, 'WardRound', input.wardRoundId, 'input.wardRoundId');
