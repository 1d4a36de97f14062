/**
 * Weekly opening hours in Asia/Shanghai wall-clock time (UTC+8 all year, no daylight saving, so local time
 * is plain arithmetic). Public-holiday closures are not modelled: a facility closed on a holiday has its
 * owner cancel or refuse bookings for that day.
 */
import { ValidationError } from '@cogov/domain';
import type { OpeningWindow } from './facility.events.js';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
const DAY_MINUTES = 24 * 60;

const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** Validated windows, sorted by weekday and opening; windows of one weekday must not overlap. */
export function requireOpeningHours(value: unknown, field: string): OpeningWindow[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new ValidationError(field, `${field} must list at least one opening window`);
  }
  const windows = value.map((raw: unknown, i): OpeningWindow => {
    const at = `${field}[${i}]`;
    const w = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<OpeningWindow>;
    if (typeof w.weekday !== 'number' || !Number.isInteger(w.weekday) || w.weekday < 1 || w.weekday > 7) {
      throw new ValidationError(`${at}.weekday`, `${at}.weekday must be 1 (Monday) to 7 (Sunday)`);
    }
    for (const key of ['opens', 'closes'] as const) {
      if (typeof w[key] !== 'string' || !CLOCK.test(w[key])) {
        throw new ValidationError(`${at}.${key}`, `${at}.${key} must be a time HH:MM between 00:00 and 24:00`);
      }
    }
    const window = { weekday: w.weekday, opens: w.opens!, closes: w.closes! };
    if (minutesOf(window.opens) >= minutesOf(window.closes)) {
      throw new ValidationError(`${at}.closes`, `${at}.closes must be after ${at}.opens`);
    }
    return window;
  });
  windows.sort((a, b) => a.weekday - b.weekday || minutesOf(a.opens) - minutesOf(b.opens));
  for (let i = 1; i < windows.length; i++) {
    const before = windows[i - 1]!;
    const window = windows[i]!;
    if (before.weekday === window.weekday && minutesOf(window.opens) < minutesOf(before.closes)) {
      throw new ValidationError(field, `${field} has overlapping windows on weekday ${window.weekday}`);
    }
  }
  return windows;
}

/**
 * Whether [startsAt, endsAt) lies inside one opening window of the local day it starts on (a booking may end
 * at midnight, `24:00`, but not run into the next day).
 */
export function isWithinOpeningHours(openingHours: readonly OpeningWindow[], startsAt: string, endsAt: string): boolean {
  const localStart = Date.parse(startsAt) + SHANGHAI_OFFSET_MS;
  const localEnd = Date.parse(endsAt) + SHANGHAI_OFFSET_MS;
  const dayStart = Math.floor(localStart / (DAY_MINUTES * MINUTE_MS)) * DAY_MINUTES * MINUTE_MS;
  const startMinute = (localStart - dayStart) / MINUTE_MS;
  const endMinute = (localEnd - dayStart) / MINUTE_MS;
  const weekday = ((new Date(dayStart).getUTCDay() + 6) % 7) + 1;
  return openingHours.some(
    (w) => w.weekday === weekday && minutesOf(w.opens) <= startMinute && endMinute <= minutesOf(w.closes),
  );
}

/** Half-open intervals overlap when each starts before the other ends; touching ones do not. */
export const overlaps = (a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }): boolean =>
  Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);
