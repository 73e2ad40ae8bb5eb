import { badInput, optionalText } from '@pb/kit';

const PHONE = /^[0-9+\- ]{5,20}$/;

/** A phone is optional, but when given it must look like one. */
export function optionalPhone(value: string | null | undefined, field: string): string | null {
  const phone = optionalText(value, field, 20);
  if (phone && !PHONE.test(phone)) throw badInput(field, 'must be a phone number (digits, +, -)');
  return phone;
}
