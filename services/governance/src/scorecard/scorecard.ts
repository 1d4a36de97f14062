import { ValidationError } from '@cogov/domain';
import type { CommunityCounts } from './scorecard.queries.js';

/** A share in [0, 1] rounded to 4 places, or null when there is nothing to divide by. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

export interface AppealFigures {
  filed: number;
  responded: number;
  resolved: number;
  returnVisited: number;
  overdue: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
}
export interface VolunteerFigures {
  registered: number;
  active: number;
  verifiedHours: number;
  verifiedHoursPer1000Residents: number | null;
}
export interface PartyFigures {
  membersRegistered: number;
  households: number;
  householdsWithContact: number;
  householdsWithContactShare: number | null;
}
export interface PairingFigures {
  active: number;
  activities: number;
  participants: number;
  fundsPledgedFen: number;
  fundsDisbursedFen: number;
}
export interface PropertyFigures {
  compounds: number;
  compoundsWithCommittee: number;
  committeeShare: number | null;
  ratedExcellent: number;
  ratedGood: number;
  ratedPass: number;
  ratedFail: number;
}
export interface Figures {
  residents: number;
  appeals: AppealFigures;
  volunteers: VolunteerFigures;
  party: PartyFigures;
  pairings: PairingFigures;
  property: PropertyFigures;
}

/** The figures of one community, or of several summed (a street): rates from the summed counts. */
export function figuresOf(counts: readonly CommunityCounts[]): Figures {
  const sum = (key: keyof Omit<CommunityCounts, 'communityId'>): number => counts.reduce((total, c) => total + c[key], 0);
  const residents = sum('residents');
  const verifiedHours = Math.round((sum('verifiedMinutes') / 60) * 10) / 10;
  return {
    residents,
    appeals: {
      filed: sum('appealsFiled'),
      responded: sum('appealsResponded'),
      resolved: sum('appealsResolved'),
      returnVisited: sum('appealsVisited'),
      overdue: sum('appealsOverdue'),
      responseRate: share(sum('appealsResponded'), sum('appealsFiled')),
      resolutionRate: share(sum('appealsResolved'), sum('appealsFiled')),
      satisfactionRate: share(sum('appealsSatisfied'), sum('appealsVisited')),
    },
    volunteers: {
      registered: sum('volunteersRegistered'),
      active: sum('volunteersActive'),
      verifiedHours,
      verifiedHoursPer1000Residents: residents > 0 ? Math.round(((sum('verifiedMinutes') / 60) * 1000 * 10) / residents) / 10 : null,
    },
    party: {
      membersRegistered: sum('partyMembersRegistered'),
      households: sum('households'),
      householdsWithContact: sum('householdsWithContact'),
      householdsWithContactShare: share(sum('householdsWithContact'), sum('households')),
    },
    pairings: {
      active: sum('pairingsActive'),
      activities: sum('pairingActivities'),
      participants: sum('pairingParticipants'),
      fundsPledgedFen: sum('fundsPledgedFen'),
      fundsDisbursedFen: sum('fundsDisbursedFen'),
    },
    property: {
      compounds: sum('compounds'),
      compoundsWithCommittee: sum('compoundsWithCommittee'),
      committeeShare: share(sum('compoundsWithCommittee'), sum('compounds')),
      ratedExcellent: sum('ratingExcellent'),
      ratedGood: sum('ratingGood'),
      ratedPass: sum('ratingPass'),
      ratedFail: sum('ratingFail'),
    },
  };
}

/**
 * An "as of" argument: a date `YYYY-MM-DD` means the end of that day in Asia/Shanghai; a date-time with a
 * zone is taken as given; absent means now. Never after now (there are no facts from the future to show).
 */
export function parseAsOf(value: string | null | undefined, field = 'asOf', now = new Date()): Date {
  if (value === null || value === undefined) return now;
  let at: Date;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    at = new Date(`${value}T23:59:59.999+08:00`);
    if (Number.isNaN(at.getTime()) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
      throw new ValidationError(field, `${field} is not a real date`);
    }
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    at = new Date(value);
    if (Number.isNaN(at.getTime())) throw new ValidationError(field, `${field} is not a real date-time`);
  } else {
    throw new ValidationError(field, `${field} must be a date YYYY-MM-DD (end of that day, Asia/Shanghai) or an RFC 3339 date-time with a zone`);
  }
  return at.getTime() > now.getTime() ? now : at;
}
