/** 13812345678 → 138****5678; short numbers keep only their last two digits. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  const digits = phone.trim();
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${'*'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
}

/** 张三 → 张*, 欧阳小明 → 欧***: the family name stays so a record can still be recognised. */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return name ?? null;
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/**
 * A person's name or phone as this caller may see it: in clear for ADMIN and the record's own
 * editors (sector and region), masked for everyone else.
 */
export function personalField(visible: boolean, kind: 'name' | 'phone', value: string | null | undefined): string | null {
  if (visible) return value ?? null;
  return kind === 'name' ? maskName(value) : maskPhone(value);
}
