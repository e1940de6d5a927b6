/**
 * Phone numbers are stored in one national form (digits, leading 0) so that "+31 6 1234 5678",
 * "0031612345678" and "06-12345678" match each other when suggesting cases.
 */
export function normalisePhone(raw: string): string {
  const trimmed = raw.trim();
  let digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+31')) digits = `0${digits.slice(2)}`;
  else if (digits.startsWith('0031')) digits = `0${digits.slice(4)}`;
  else if (trimmed.startsWith('+')) digits = `+${digits}`;
  return digits;
}
