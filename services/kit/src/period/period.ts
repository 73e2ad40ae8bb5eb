import { Field, InputType } from 'type-graphql';
import { badInput } from '../errors/errors.js';
import { DateScalar } from '../scalars/date.js';

@InputType({ description: 'Reporting period (统计期), both ends inclusive, dates in Asia/Shanghai. Either end may be open.' })
export class PeriodInput {
  @Field(() => DateScalar, { nullable: true })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true })
  to?: string | null;
}

/** A checked period. Event metrics count events dated in [from, to]; stock metrics look at `to`. */
export interface Period {
  from: string | null;
  to: string | null;
}

export const ALL_TIME: Period = { from: null, to: null };

export function toPeriod(input: PeriodInput | null | undefined, field = 'period'): Period {
  const period = { from: input?.from ?? null, to: input?.to ?? null };
  if (period.from && period.to && period.from > period.to) {
    throw badInput(`${field}.to`, `must not be before ${field}.from (${period.from})`);
  }
  return period;
}

export const periodKey = (p: Period): string => `${p.from ?? ''}..${p.to ?? ''}`;
