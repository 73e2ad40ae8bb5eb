import { badInput } from '@pb/kit';

/** A calendar quarter, `2024-Q2`, with its first and last day. */
export interface Quarter {
  label: string;
  from: string;
  to: string;
}

const LAST_DAY = ['03-31', '06-30', '09-30', '12-31'];

function quarter(year: number, q: number): Quarter {
  const first = String((q - 1) * 3 + 1).padStart(2, '0');
  return { label: `${year}-Q${q}`, from: `${year}-${first}-01`, to: `${year}-${LAST_DAY[q - 1]}` };
}

/** The quarter a YYYY-MM-DD date falls in. */
export const quarterOf = (date: string): Quarter => quarter(Number(date.slice(0, 4)), Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1);

/** Parses `2024-Q2`, else BAD_USER_INPUT naming `field`. */
export function parseQuarter(label: string, field: string): Quarter {
  const m = /^(\d{4})-Q([1-4])$/.exec(label.trim());
  if (!m) throw badInput(field, 'must be a quarter like 2024-Q2');
  return quarter(Number(m[1]), Number(m[2]));
}
