import type { EncryptedField } from '@cogov/eventsourcing';
import { deciderSpecification } from '@cogov/testing';
import { AlreadyExistsError, InvalidStateError, NotFoundError, ValidationError } from '@cogov/domain';
import { createDeadlinePolicy } from './appeal-deadlines.js';
import { appealDecider, createAppealDecider, type AppealCommand, type FileAppeal } from './appeal.decide.js';
import type {
  AppealAccepted,
  AppealDispatched,
  AppealEscalated,
  AppealFiled,
  AppealProgressNoted,
  AppealReopened,
  AppealResolved,
  AppealReturnVisited,
} from './appeal.events.js';

const spec = deciderSpecification(appealDecider);
const encrypted = (subject: string): EncryptedField => ({ $pii: 'v1', subject, iv: 'aXY=', ct: 'Y3Q=', tag: 'dGFn' });
const field = (name: string) => (error: Error) => expect((error as ValidationError).field).toBe(name);
const message = (text: string) => (error: Error) => expect(error.message).toBe(text);

const FILED_AT = '2026-11-21T05:11:55.000Z';
const ACCEPTED_AT = '2026-11-21T05:20:00.000Z';
const DISPATCHED_AT = '2026-11-21T05:30:00.000Z';
const DEADLINE = '2026-11-22T05:30:00.000Z'; // utilities: 24 h
const LATER = '2026-11-21T09:00:00.000Z';
const OVERDUE = '2026-11-22T05:30:00.001Z';

function command<C extends AppealCommand>(type: C['type'], data: C['data'], now = LATER): C {
  return { type, data, metadata: { now, actor: 'user-staff-1' } } as C;
}

const filed: AppealFiled = {
  type: 'AppealFiled',
  data: {
    appealId: 'a-1',
    communityId: 'c-1',
    gridId: 'g-1',
    channel: 'hotline',
    category: 'utilities.water',
    description: encrypted('r-1'),
    location: '幸福小区3号楼',
    householdId: 'h-1',
    residentId: 'r-1',
    filedAt: FILED_AT,
  },
};
const accepted: AppealAccepted = { type: 'AppealAccepted', data: { appealId: 'a-1', communityId: 'c-1', acceptedAt: ACCEPTED_AT } };
const dispatched: AppealDispatched = {
  type: 'AppealDispatched',
  data: {
    appealId: 'a-1',
    communityId: 'c-1',
    stakeholder: { kind: 'property_company', id: 'o-7' },
    tier: 'utilities',
    deadline: DEADLINE,
    dispatchedAt: DISPATCHED_AT,
  },
};
const noted: AppealProgressNoted = {
  type: 'AppealProgressNoted',
  data: { appealId: 'a-1', communityId: 'c-1', note: '维修人员已到场', notedAt: LATER },
};
const resolved: AppealResolved = {
  type: 'AppealResolved',
  data: { appealId: 'a-1', communityId: 'c-1', resolution: '更换了破损水管', resolvedAt: LATER },
};
const visited = (rating: AppealReturnVisited['data']['rating']): AppealReturnVisited => ({
  type: 'AppealReturnVisited',
  data: { appealId: 'a-1', communityId: 'c-1', rating, comment: '', visitedAt: LATER },
});
const reopened: AppealReopened = {
  type: 'AppealReopened',
  data: { appealId: 'a-1', communityId: 'c-1', reason: '仍然漏水', reopenedAt: LATER },
};
const escalated: AppealEscalated = {
  type: 'AppealEscalated',
  data: { appealId: 'a-1', communityId: 'c-1', streetId: 's-1', deadline: DEADLINE, escalatedAt: OVERDUE },
};

const { filedAt: _filedAt, ...fileData } = filed.data;
const file = (data: Partial<FileAppeal['data']> = {}, now = FILED_AT) =>
  command<FileAppeal>('FileAppeal', { ...fileData, ...data }, now);
const accept = (now = ACCEPTED_AT) => command('AcceptAppeal', { appealId: 'a-1' }, now);
const dispatch = (stakeholder = dispatched.data.stakeholder, now = DISPATCHED_AT) =>
  command('DispatchAppeal', { appealId: 'a-1', stakeholder }, now);
const note = (text = noted.data.note) => command('NoteAppealProgress', { appealId: 'a-1', note: text });
const resolve = (resolution = resolved.data.resolution) => command('ResolveAppeal', { appealId: 'a-1', resolution });
const returnVisit = (rating = 'unsatisfied' as string) =>
  command('RecordReturnVisit', { appealId: 'a-1', rating, comment: '' } as never);
const reopen = (reason = reopened.data.reason) => command('ReopenAppeal', { appealId: 'a-1', reason });
const escalate = (now = OVERDUE) => command('EscalateAppeal', { appealId: 'a-1', streetId: 's-1' }, now);

describe('appeal decider', () => {
  describe('FileAppeal (never quiet: an existing appeal rejects)', () => {
    it('emits AppealFiled, filed at the command time', () => {
      spec.given([]).when(file()).then([filed]);
    });
    it('emits an anonymous appeal whose description is encrypted for the appeal', () => {
      const anonymous = file({ residentId: null, householdId: null, gridId: null, description: encrypted('a-1') });
      spec.given([]).when(anonymous).then([{ type: 'AppealFiled', data: { ...anonymous.data, filedAt: FILED_AT } }]);
    });
    it('normalises the command time to millisecond precision', () => {
      spec.given([]).when(file({}, '2026-11-21T05:11:55Z')).then([filed]);
    });
    it('rejects an appeal id that is already used', () => {
      spec.given([filed]).when(file()).thenThrows(AlreadyExistsError);
    });
    it('rejects an unknown category, channel, or an empty description or location, naming the field', () => {
      spec.given([]).when(file({ category: 'utilities.wifi' })).thenThrows(ValidationError, field('category'));
      spec.given([]).when(file({ channel: 'fax' as never })).thenThrows(ValidationError, field('channel'));
      spec
        .given([])
        .when(file({ description: { ...encrypted('r-1'), ct: '' } }))
        .thenThrows(ValidationError, field('description'));
      spec.given([]).when(file({ location: '' })).thenThrows(ValidationError, field('location'));
    });
    it('rejects a description encrypted for someone other than the resident', () => {
      spec.given([]).when(file({ description: encrypted('a-1') })).thenThrows(ValidationError, field('description'));
    });
    it('rejects an empty-string id where null is meant', () => {
      spec.given([]).when(file({ householdId: '' })).thenThrows(ValidationError, field('householdId'));
    });
  });

  describe('AcceptAppeal (never quiet: accepting twice rejects)', () => {
    it('emits AppealAccepted for a filed appeal', () => {
      spec.given([filed]).when(accept()).then([accepted]);
    });
    it('emits AppealAccepted for a reopened appeal', () => {
      spec
        .given([filed, accepted, dispatched, resolved, reopened])
        .when(accept(LATER))
        .then([{ ...accepted, data: { ...accepted.data, acceptedAt: LATER } }]);
    });
    it('rejects an appeal accepted already', () => {
      spec
        .given([filed, accepted])
        .when(accept())
        .thenThrows(InvalidStateError, message('appeal a-1 is accepted; only a filed or reopened appeal can be accepted'));
    });
    it('rejects an unknown appeal', () => {
      spec.given([]).when(accept()).thenThrows(NotFoundError);
    });
  });

  describe('DispatchAppeal (never quiet: dispatching twice rejects)', () => {
    it('emits AppealDispatched with the tier of the category and its deadline', () => {
      spec.given([filed, accepted]).when(dispatch()).then([dispatched]);
    });
    it('computes the deadline from a configured policy', () => {
      const policy = createDeadlinePolicy({ tierDurations: { utilities: 12 * 60 * 60 * 1000 } });
      deciderSpecification(createAppealDecider(policy))
        .given([filed, accepted])
        .when(dispatch())
        .then([{ ...dispatched, data: { ...dispatched.data, deadline: '2026-11-21T17:30:00.000Z' } }]);
    });
    it('rejects a filed appeal that was not accepted', () => {
      spec
        .given([filed])
        .when(dispatch())
        .thenThrows(InvalidStateError, message('appeal a-1 is filed; only an accepted appeal can be dispatched'));
    });
    it('rejects a second dispatch', () => {
      spec.given([filed, accepted, dispatched]).when(dispatch()).thenThrows(InvalidStateError);
    });
    it('rejects an unknown stakeholder kind', () => {
      spec
        .given([filed, accepted])
        .when(dispatch({ kind: 'landlord' as never, id: 'x' }))
        .thenThrows(ValidationError, field('stakeholder.kind'));
    });
    it('rejects a category that the configuration no longer knows', () => {
      const policy = createDeadlinePolicy({ categoryTiers: { 'safety.gas_leak': 'emergency' } });
      deciderSpecification(createAppealDecider(policy))
        .given([filed, accepted])
        .when(dispatch())
        .thenThrows(ValidationError, field('category'));
    });
  });

  describe('NoteAppealProgress (never quiet: every note is a new fact)', () => {
    it('emits AppealProgressNoted on a dispatched appeal', () => {
      spec.given([filed, accepted, dispatched]).when(note()).then([noted]);
    });
    it('emits a note worded like the previous one again', () => {
      spec.given([filed, accepted, dispatched, noted]).when(note()).then([noted]);
    });
    it('rejects a note on an appeal that is not dispatched', () => {
      spec.given([filed, accepted]).when(note()).thenThrows(InvalidStateError);
      spec.given([filed, accepted, dispatched, resolved]).when(note()).thenThrows(InvalidStateError);
    });
    it('rejects an empty note', () => {
      spec.given([filed, accepted, dispatched]).when(note(' ')).thenThrows(ValidationError, field('note'));
    });
  });

  describe('ResolveAppeal (never quiet: resolving twice rejects)', () => {
    it('emits AppealResolved on a dispatched appeal', () => {
      spec.given([filed, accepted, dispatched, noted]).when(resolve()).then([resolved]);
    });
    it('emits AppealResolved on an accepted appeal settled on the spot', () => {
      spec.given([filed, accepted]).when(resolve()).then([resolved]);
    });
    it('rejects resolving a resolved appeal', () => {
      spec
        .given([filed, accepted, dispatched, resolved])
        .when(resolve())
        .thenThrows(InvalidStateError, message('appeal a-1 is resolved; only a dispatched or accepted appeal can be resolved'));
    });
    it('rejects an empty resolution', () => {
      spec.given([filed, accepted]).when(resolve('')).thenThrows(ValidationError, field('resolution'));
    });
  });

  describe('RecordReturnVisit (never quiet: the visit closes the appeal)', () => {
    it('emits AppealReturnVisited with the rating on a resolved appeal', () => {
      spec.given([filed, accepted, dispatched, resolved]).when(returnVisit('satisfied')).then([visited('satisfied')]);
    });
    it('rejects a second return visit', () => {
      spec.given([filed, accepted, dispatched, resolved, visited('satisfied')]).when(returnVisit()).thenThrows(InvalidStateError);
    });
    it('rejects a visit before resolution', () => {
      spec.given([filed, accepted, dispatched]).when(returnVisit()).thenThrows(InvalidStateError);
    });
    it('rejects an unknown rating', () => {
      spec.given([filed, accepted, dispatched, resolved]).when(returnVisit('great')).thenThrows(ValidationError, field('rating'));
    });
  });

  describe('ReopenAppeal (never quiet: reopening twice rejects)', () => {
    it('emits AppealReopened on a resolved appeal', () => {
      spec.given([filed, accepted, dispatched, resolved]).when(reopen()).then([reopened]);
    });
    it('emits AppealReopened on an appeal closed as unsatisfied', () => {
      spec.given([filed, accepted, dispatched, resolved, visited('unsatisfied')]).when(reopen()).then([reopened]);
    });
    it('rejects an appeal closed as basically satisfied', () => {
      spec
        .given([filed, accepted, dispatched, resolved, visited('basically_satisfied')])
        .when(reopen())
        .thenThrows(
          InvalidStateError,
          message('appeal a-1 was closed as basically_satisfied; only a resolved or unsatisfied closed appeal can be reopened'),
        );
    });
    it('rejects reopening a reopened appeal', () => {
      spec.given([filed, accepted, dispatched, resolved, reopened]).when(reopen()).thenThrows(InvalidStateError);
    });
    it('rejects an empty reason', () => {
      spec.given([filed, accepted, dispatched, resolved]).when(reopen('')).thenThrows(ValidationError, field('reason'));
    });
  });

  describe('EscalateAppeal', () => {
    it('emits AppealEscalated once the deadline has passed', () => {
      spec.given([filed, accepted, dispatched]).when(escalate()).then([escalated]);
    });
    it('rejects an appeal that is not overdue, even at the deadline instant', () => {
      spec.given([filed, accepted, dispatched]).when(escalate(DEADLINE)).thenThrows(InvalidStateError);
    });
    it('rejects an appeal that is not dispatched', () => {
      spec.given([filed, accepted, dispatched, resolved]).when(escalate()).thenThrows(InvalidStateError);
    });
    it('stays quiet when this dispatch is already escalated', () => {
      spec.given([filed, accepted, dispatched, escalated]).when(escalate()).thenNothing();
    });
    it('escalates a new dispatch after a reopen again', () => {
      const redispatchedAt = '2026-11-23T00:00:00.000Z';
      const redispatched: AppealDispatched = {
        ...dispatched,
        data: { ...dispatched.data, dispatchedAt: redispatchedAt, deadline: '2026-11-24T00:00:00.000Z' },
      };
      spec
        .given([filed, accepted, dispatched, escalated, resolved, reopened, accepted, redispatched])
        .when(escalate('2026-11-24T01:00:00.000Z'))
        .then([
          {
            ...escalated,
            data: { ...escalated.data, deadline: '2026-11-24T00:00:00.000Z', escalatedAt: '2026-11-24T01:00:00.000Z' },
          },
        ]);
    });
  });
});
