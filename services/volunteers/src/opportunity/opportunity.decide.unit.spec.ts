import { AlreadyExistsError, InvalidStateError, NotFoundError, ValidationError } from '@cogov/domain';
import { contractCheckedSpecification, fakeEncryptedField as encrypted } from '@cogov/testing';
import { opportunityDecider, type OpportunityCommand, type PublishServiceOpportunity } from './opportunity.decide.js';
import type {
  OpportunityServiceHoursVerified,
  ServiceOpportunityCancelled,
  ServiceOpportunityPublished,
  VolunteerCheckedIn,
  VolunteerCheckedOut,
  VolunteerSignedUp,
  VolunteerWithdrewFromOpportunity,
} from './opportunity.events.js';

const { spec, expectEveryEventToSatisfyItsContract } = contractCheckedSpecification(opportunityDecider);
const field = (name: string) => (error: Error) => expect((error as ValidationError).field).toBe(name);

const PUBLISHED_AT = '2026-09-05T02:00:00.000Z';
const STARTS = '2026-09-12T01:00:00.000Z';
const ENDS = '2026-09-12T04:00:00.000Z';
const CHECK_IN = '2026-09-12T00:55:00.000Z';
const CHECK_OUT = '2026-09-12T04:05:30.000Z'; // 190 whole minutes after check-in
const ref = { opportunityId: 'op-1', communityId: 'c-1' };

function command<C extends OpportunityCommand>(type: C['type'], data: C['data'], now = PUBLISHED_AT): C {
  return { type, data, metadata: { now, actor: 'user-staff-1' } } as C;
}

const published: ServiceOpportunityPublished = {
  type: 'ServiceOpportunityPublished',
  data: {
    ...ref,
    source: { kind: 'appeal', id: 'a-1' },
    teamId: null,
    title: '清理楼道杂物',
    content: '清理 12 号楼楼道堆放杂物',
    place: '和平里七区 12 号楼',
    organisingUnit: '和平里社区居委会',
    personInChargeId: 'u-9',
    personInChargeName: encrypted('u-9'),
    startsAt: STARTS,
    endsAt: ENDS,
    capacity: 2,
    publishedAt: PUBLISHED_AT,
  },
};
const signedUp = (volunteerId: string, signedUpCount: number): VolunteerSignedUp => ({
  type: 'VolunteerSignedUp',
  data: { ...ref, volunteerId, signedUpCount, capacity: 2, signedUpAt: PUBLISHED_AT },
});
const withdrew: VolunteerWithdrewFromOpportunity = {
  type: 'VolunteerWithdrewFromOpportunity',
  data: { ...ref, volunteerId: 'v-1', reason: '临时出差', withdrewAt: PUBLISHED_AT },
};
const checkedIn: VolunteerCheckedIn = { type: 'VolunteerCheckedIn', data: { ...ref, volunteerId: 'v-1', checkedInAt: CHECK_IN } };
const checkedOut: VolunteerCheckedOut = {
  type: 'VolunteerCheckedOut',
  data: { ...ref, volunteerId: 'v-1', checkedInAt: CHECK_IN, checkedOutAt: CHECK_OUT, minutesPresent: 190 },
};
const verified: OpportunityServiceHoursVerified = {
  type: 'OpportunityServiceHoursVerified',
  data: { ...ref, volunteerId: 'v-1', servedOn: '2026-09-12', servedMinutes: 180, verifiedBy: 'user-staff-1', verifiedAt: CHECK_OUT },
};
const cancelled: ServiceOpportunityCancelled = {
  type: 'ServiceOpportunityCancelled',
  data: { ...ref, reason: '暴雨预警', cancelledAt: PUBLISHED_AT },
};

const { publishedAt: _at, ...publishData } = published.data;
const publish = (data: Partial<PublishServiceOpportunity['data']> = {}) =>
  command<PublishServiceOpportunity>('PublishServiceOpportunity', { ...publishData, ...data });
const signUp = (volunteerId = 'v-1', now = PUBLISHED_AT) => command('SignUpForOpportunity', { opportunityId: 'op-1', volunteerId }, now);
const withdraw = (volunteerId = 'v-1') => command('WithdrawFromOpportunity', { opportunityId: 'op-1', volunteerId, reason: '临时出差' });
const checkIn = (now = CHECK_IN) => command('CheckInVolunteer', { opportunityId: 'op-1', volunteerId: 'v-1' }, now);
const checkOut = () => command('CheckOutVolunteer', { opportunityId: 'op-1', volunteerId: 'v-1' }, CHECK_OUT);
const verify = (servedMinutes = 180) => command('VerifyServiceHours', { opportunityId: 'op-1', volunteerId: 'v-1', servedMinutes }, CHECK_OUT);
const cancel = () => command('CancelServiceOpportunity', { opportunityId: 'op-1', reason: '暴雨预警' });

describe('service opportunity decider', () => {
  describe('PublishServiceOpportunity (quiet when published identically)', () => {
    it('emits ServiceOpportunityPublished', () => {
      spec.given([]).when(publish()).then([published]);
    });
    it('emits a stand-alone opportunity with a null source id', () => {
      spec
        .given([])
        .when(publish({ source: { kind: 'standalone', id: null } }))
        .then([{ ...published, data: { ...published.data, source: { kind: 'standalone', id: null } } }]);
    });
    it('rejects a source without id, a stand-alone one with an id, zero capacity, and an end before the start', () => {
      spec.given([]).when(publish({ source: { kind: 'appeal', id: null } })).thenThrows(ValidationError, field('data.source.id'));
      spec.given([]).when(publish({ source: { kind: 'standalone', id: 'a-1' } })).thenThrows(ValidationError, field('data.source.id'));
      spec.given([]).when(publish({ capacity: 0 })).thenThrows(ValidationError, field('data.capacity'));
      spec.given([]).when(publish({ endsAt: STARTS })).thenThrows(ValidationError, field('data.endsAt'));
    });
    it('rejects a reused id with other facts', () => {
      spec.given([published]).when(publish({ capacity: 5 })).thenThrows(AlreadyExistsError);
    });
    it('stays quiet when published again identically, whatever the ciphertext of the name', () => {
      spec.given([published]).when(publish({ personInChargeName: { ...encrypted('u-9'), ct: 'b3RoZXI=' } })).thenNothing();
    });
  });

  describe('SignUpForOpportunity (never beyond capacity; quiet when signed up)', () => {
    it('emits VolunteerSignedUp with the count so far', () => {
      spec.given([published]).when(signUp()).then([signedUp('v-1', 1)]);
    });
    it('emits the sign-up that fills the last place', () => {
      spec.given([published, signedUp('v-1', 1)]).when(signUp('v-2')).then([signedUp('v-2', 2)]);
    });
    it('rejects a sign-up when full', () => {
      spec.given([published, signedUp('v-1', 1), signedUp('v-2', 2)]).when(signUp('v-3')).thenThrows(InvalidStateError);
    });
    it('emits a sign-up for a place freed by a withdrawal', () => {
      spec.given([published, signedUp('v-1', 1), signedUp('v-2', 2), withdrew]).when(signUp('v-3')).then([signedUp('v-3', 2)]);
    });
    it('rejects a sign-up after the end and on a cancelled opportunity', () => {
      spec.given([published]).when(signUp('v-1', ENDS)).thenThrows(InvalidStateError);
      spec.given([published, cancelled]).when(signUp()).thenThrows(InvalidStateError);
    });
    it('stays quiet when already signed up', () => {
      spec.given([published, signedUp('v-1', 1)]).when(signUp()).thenNothing();
    });
  });

  describe('WithdrawFromOpportunity (quiet when not signed up)', () => {
    it('emits VolunteerWithdrewFromOpportunity', () => {
      spec.given([published, signedUp('v-1', 1)]).when(withdraw()).then([withdrew]);
    });
    it('rejects a withdrawal after check-in', () => {
      spec.given([published, signedUp('v-1', 1), checkedIn]).when(withdraw()).thenThrows(InvalidStateError);
    });
    it('stays quiet when not signed up', () => {
      spec.given([published, signedUp('v-1', 1), withdrew]).when(withdraw()).thenNothing();
    });
  });

  describe('CheckInVolunteer (lifecycle: a repeat rejects)', () => {
    it('emits VolunteerCheckedIn from an hour before the start', () => {
      spec
        .given([published, signedUp('v-1', 1)])
        .when(checkIn('2026-09-12T00:00:00.000Z'))
        .then([{ ...checkedIn, data: { ...checkedIn.data, checkedInAt: '2026-09-12T00:00:00.000Z' } }]);
    });
    it('rejects a check-in more than an hour early, and one without sign-up', () => {
      spec.given([published, signedUp('v-1', 1)]).when(checkIn('2026-09-11T23:59:59.999Z')).thenThrows(InvalidStateError);
      spec.given([published]).when(checkIn()).thenThrows(InvalidStateError);
    });
    it('rejects checking in twice (second rejection: lifecycle moves are never quiet)', () => {
      spec.given([published, signedUp('v-1', 1), checkedIn]).when(checkIn()).thenThrows(InvalidStateError);
    });
    it('takes the sign-in sheet time entered afterwards, inside the window and never in the future', () => {
      const late = (checkedInAt: string) => command('CheckInVolunteer', { opportunityId: 'op-1', volunteerId: 'v-1', checkedInAt }, CHECK_OUT);
      spec.given([published, signedUp('v-1', 1)]).when(late(CHECK_IN)).then([checkedIn]);
      spec.given([published, signedUp('v-1', 1)]).when(late('2026-09-12T04:10:00.000Z')).thenThrows(ValidationError, field('data.checkedInAt'));
      spec.given([published, signedUp('v-1', 1)]).when(late('2026-09-11T12:00:00.000Z')).thenThrows(InvalidStateError);
    });
  });

  describe('CheckOutVolunteer (lifecycle: a repeat rejects)', () => {
    it('emits VolunteerCheckedOut with the whole minutes present', () => {
      spec.given([published, signedUp('v-1', 1), checkedIn]).when(checkOut()).then([checkedOut]);
    });
    it('rejects a volunteer not checked in', () => {
      spec.given([published, signedUp('v-1', 1)]).when(checkOut()).thenThrows(InvalidStateError);
    });
    it('rejects checking out twice (second rejection: lifecycle moves are never quiet)', () => {
      spec.given([published, signedUp('v-1', 1), checkedIn, checkedOut]).when(checkOut()).thenThrows(InvalidStateError);
    });
  });

  describe('VerifyServiceHours (lifecycle: a repeat rejects)', () => {
    it('emits OpportunityServiceHoursVerified with the served date and the verifier', () => {
      spec.given([published, signedUp('v-1', 1), checkedIn, checkedOut]).when(verify()).then([verified]);
    });
    it('rejects more minutes than present, naming data.servedMinutes', () => {
      spec.given([published, signedUp('v-1', 1), checkedIn, checkedOut]).when(verify(191)).thenThrows(ValidationError, field('data.servedMinutes'));
    });
    it('rejects verifying twice (second rejection: lifecycle moves are never quiet)', () => {
      spec.given([published, signedUp('v-1', 1), checkedIn, checkedOut, verified]).when(verify()).thenThrows(InvalidStateError);
    });
  });

  describe('CancelServiceOpportunity (lifecycle: a repeat rejects)', () => {
    it('emits ServiceOpportunityCancelled while nobody checked in', () => {
      spec.given([published, signedUp('v-1', 1)]).when(cancel()).then([cancelled]);
    });
    it('rejects once a volunteer checked in, and an unknown opportunity', () => {
      spec.given([published, signedUp('v-1', 1), checkedIn]).when(cancel()).thenThrows(InvalidStateError);
      spec.given([]).when(cancel()).thenThrows(NotFoundError);
    });
    it('rejects cancelling twice (second rejection: lifecycle moves are never quiet)', () => {
      spec.given([published, cancelled]).when(cancel()).thenThrows(InvalidStateError);
    });
  });

  describe('CompleteServiceOpportunity (lifecycle: a repeat rejects)', () => {
    const complete = () => command('CompleteServiceOpportunity', { opportunityId: 'op-1' }, CHECK_OUT);
    const completed = {
      type: 'ServiceOpportunityCompleted' as const,
      data: { ...ref, source: { kind: 'appeal' as const, id: 'a-1' }, verifiedVolunteers: 1, servedMinutes: 180, completedAt: CHECK_OUT },
    };
    it('emits ServiceOpportunityCompleted with its source and totals once everyone who came is verified (no-shows do not hold it up)', () => {
      spec.given([published, signedUp('v-1', 1), signedUp('v-2', 2), checkedIn, checkedOut, verified]).when(complete()).then([completed]);
    });
    it('rejects while someone is checked in or awaits verification, without any verified service, and when unknown', () => {
      spec.given([published, signedUp('v-1', 1), checkedIn]).when(complete()).thenThrows(InvalidStateError);
      spec.given([published, signedUp('v-1', 1), checkedIn, checkedOut]).when(complete()).thenThrows(InvalidStateError);
      spec.given([published, signedUp('v-1', 1)]).when(complete()).thenThrows(InvalidStateError);
      spec.given([]).when(complete()).thenThrows(NotFoundError);
    });
    it('rejects completing twice and any change after completion', () => {
      const done = [published, signedUp('v-1', 1), checkedIn, checkedOut, verified, completed];
      spec.given(done).when(complete()).thenThrows(InvalidStateError);
      spec.given(done).when(signUp('v-2')).thenThrows(InvalidStateError);
      spec.given(done).when(cancel()).thenThrows(InvalidStateError);
    });
  });

  it('emits only events that satisfy their public contracts (v1)', () => {
    expectEveryEventToSatisfyItsContract([
      'ServiceOpportunityPublished',
      'VolunteerSignedUp',
      'VolunteerWithdrewFromOpportunity',
      'VolunteerCheckedIn',
      'VolunteerCheckedOut',
      'OpportunityServiceHoursVerified',
      'ServiceOpportunityCancelled',
      'ServiceOpportunityCompleted',
    ]);
  });
});
