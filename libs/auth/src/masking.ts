import { ERASED } from '@cogov/eventsourcing';

/**
 * Masks for personal data shown to callers who may not see it in clear. They keep just enough to tell two
 * records apart on a screen (surname, region code, carrier prefix) — the conventions of Chinese
 * government systems. An erased value stays `[erased]`, which is more useful to the reader than stars.
 */

const stars = (n: number): string => '*'.repeat(Math.max(n, 0));

/** Keeps both ends only when at least four characters stay hidden; a short value would be given away. */
function keepEnds(value: string, head: number, tail: number): string {
  const chars = Array.from(value);
  if (chars.length < head + tail + 4) return stars(chars.length);
  return chars.slice(0, head).join('') + stars(chars.length - head - tail) + chars.slice(chars.length - tail).join('');
}

/** `张三丰` → `张**`; a one-character name is fully masked. */
export function maskName(name: string): string {
  if (name === ERASED) return name;
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return stars(chars.length);
  return chars[0] + stars(chars.length - 1);
}

/** `110101199003071234` → `110***********1234` (also 15-digit legacy numbers). */
export function maskIdNumber(idNumber: string): string {
  if (idNumber === ERASED) return idNumber;
  return keepEnds(idNumber.trim(), 3, 4);
}

/** `13812345678` → `138****5678`. */
export function maskPhone(phone: string): string {
  if (phone === ERASED) return phone;
  return keepEnds(phone.trim(), 3, 4);
}
