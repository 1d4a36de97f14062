/**
 * The rules of the service-hours ledger that a deployment configures.
 *
 * - Late records (civil-affairs record rules: hours are entered within 10 working days of the service): a
 *   record is `late` when more than `lateAfterWorkingDays` working days lie after the service date up to and
 *   including the day it is entered. Working days are Monday to Friday in Asia/Shanghai, minus `holidays`,
 *   plus `makeUpWorkingDays` (the weekend days worked to bridge a holiday, 调休). Both lists are dates
 *   `YYYY-MM-DD` published yearly by the State Council; the default is none, so a deployment that leaves
 *   them empty counts plain Monday–Friday.
 * - Star levels (星级志愿者) by cumulative verified hours: the usual one- to five-star thresholds are 100,
 *   300, 600, 1,000 and 1,500 hours (the national volunteer-service record practice), the default here.
 */
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface LedgerPolicy {
  readonly lateAfterWorkingDays: number;
  readonly holidays: ReadonlySet<string>;
  readonly makeUpWorkingDays: ReadonlySet<string>;
  /** Hours for star 1, 2, …, ascending. */
  readonly starThresholdsHours: readonly number[];
}

export const DEFAULT_STAR_THRESHOLDS_HOURS = Object.freeze([100, 300, 600, 1000, 1500]);

export function createLedgerPolicy(
  config: {
    lateAfterWorkingDays?: number;
    holidays?: readonly string[];
    makeUpWorkingDays?: readonly string[];
    starThresholdsHours?: readonly number[];
  } = {},
): LedgerPolicy {
  const lateAfterWorkingDays = config.lateAfterWorkingDays ?? 10;
  if (!Number.isSafeInteger(lateAfterWorkingDays) || lateAfterWorkingDays < 0) {
    throw new RangeError('ledger policy: lateAfterWorkingDays must be a whole, non-negative number');
  }
  for (const date of [...(config.holidays ?? []), ...(config.makeUpWorkingDays ?? [])]) {
    if (!CALENDAR_DATE.test(date) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
      throw new RangeError(`ledger policy: ${date} is not a date YYYY-MM-DD`);
    }
  }
  const starThresholdsHours = config.starThresholdsHours ?? DEFAULT_STAR_THRESHOLDS_HOURS;
  if (
    starThresholdsHours.length === 0 ||
    starThresholdsHours.some((h, i) => !Number.isSafeInteger(h) || h <= 0 || (i > 0 && h <= starThresholdsHours[i - 1]!))
  ) {
    throw new RangeError('ledger policy: starThresholdsHours must be ascending whole numbers of hours');
  }
  return Object.freeze({
    lateAfterWorkingDays,
    holidays: new Set(config.holidays ?? []),
    makeUpWorkingDays: new Set(config.makeUpWorkingDays ?? []),
    starThresholdsHours: Object.freeze([...starThresholdsHours]),
  });
}

export const defaultLedgerPolicy: LedgerPolicy = createLedgerPolicy();

export function isWorkingDay(policy: LedgerPolicy, date: string): boolean {
  if (policy.makeUpWorkingDays.has(date)) return true;
  if (policy.holidays.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Working days after `from` up to and including `to` (both Asia/Shanghai dates); 0 when to ≤ from. */
export function workingDaysAfter(policy: LedgerPolicy, from: string, to: string): number {
  let count = 0;
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let day = Date.parse(`${from}T00:00:00Z`) + DAY_MS; day <= end; day += DAY_MS) {
    if (isWorkingDay(policy, new Date(day).toISOString().slice(0, 10))) count++;
  }
  return count;
}

/** The star level (0 = none) that `minutes` of verified service reach. */
export const starLevelOf = (policy: LedgerPolicy, minutes: number): number =>
  policy.starThresholdsHours.filter((hours) => minutes >= hours * 60).length;
