import { deciderSpecification, contractChecked } from '@cogov/testing';
import { AlreadyExistsError, InvalidStateError, NotFoundError, ValidationError } from '@cogov/domain';
import { civilCodeArt278Rule, createAssemblyPolicy } from './assembly-vote.js';
import {
  createOwnersAssemblyDecider,
  ownersAssemblyDecider,
  type ConveneOwnersAssembly,
  type OwnersAssemblyCommand,
} from './owners-assembly.decide.js';
import type {
  OwnersAssemblyCandidateNominated,
  OwnersAssemblyConvened,
  OwnersAssemblyElectionBallotCast,
  OwnersAssemblyEvent,
  OwnersAssemblyMotionBallotCast,
  OwnersAssemblyRollEntryRecorded,
  OwnersAssemblyVotingOpened,
} from './owners-assembly.events.js';

const spec = deciderSpecification(contractChecked(ownersAssemblyDecider));
const field = (name: string) => (error: Error) => expect((error as ValidationError).field).toBe(name);
const NOW = '2026-09-10T02:00:00.000Z';
const ids = { assemblyId: 'as-1', compoundId: 'cp-1', communityId: 'c-1' };

function command<C extends OwnersAssemblyCommand>(type: C['type'], data: Omit<C['data'], 'assemblyId'>): C {
  return { type, data: { assemblyId: 'as-1', ...data }, metadata: { now: NOW, actor: 'user-staff-1' } } as C;
}

const convened = (matter: ConveneOwnersAssembly['data']['matter'] = 'maintenance_fund'): OwnersAssemblyConvened => ({
  type: 'OwnersAssemblyConvened',
  data: {
    ...ids,
    matter,
    motion: '使用维修资金更换电梯',
    seats: matter === 'committee_election' ? 1 : null,
    thresholdClass: matter === 'maintenance_fund' ? 'special' : 'ordinary',
    rule: civilCodeArt278Rule,
    convenedAt: NOW,
  },
});
const onRoll = (unit: number, owner = `o${unit}`, area = 10_000): OwnersAssemblyRollEntryRecorded => ({
  type: 'OwnersAssemblyRollEntryRecorded',
  data: { ...ids, unitId: `u${unit}`, ownerId: owner, areaHundredthM2: area, recordedAt: NOW },
});
const nominated = (candidateId: string): OwnersAssemblyCandidateNominated => ({
  type: 'OwnersAssemblyCandidateNominated',
  data: { ...ids, candidateId, nominatedAt: NOW },
});
const opened = (units: number, owners = units): OwnersAssemblyVotingOpened => ({
  type: 'OwnersAssemblyVotingOpened',
  data: { ...ids, roll: { areaHundredthM2: units * 10_000, owners, units }, openedAt: NOW },
});
const motionBallot = (unit: number, choice: 'for' | 'against' | 'abstain', owner = `o${unit}`): OwnersAssemblyMotionBallotCast => ({
  type: 'OwnersAssemblyMotionBallotCast',
  data: { ...ids, unitId: `u${unit}`, ownerId: owner, choice, castAt: NOW },
});
const electionBallot = (unit: number, approved: string[]): OwnersAssemblyElectionBallotCast => ({
  type: 'OwnersAssemblyElectionBallotCast',
  data: { ...ids, unitId: `u${unit}`, ownerId: `o${unit}`, approvedCandidateIds: approved, castAt: NOW },
});

const { convenedAt: _c, thresholdClass: _t, rule: _r, ...conveneData } = convened().data;
const convene = (data: Partial<ConveneOwnersAssembly['data']> = {}) =>
  command<ConveneOwnersAssembly>('ConveneOwnersAssembly', { ...conveneData, ...data });
const record = (unit: number, owner = `o${unit}`, area = 10_000) =>
  command('RecordOwnerOnRoll', { unitId: `u${unit}`, ownerId: owner, areaHundredthM2: area } as never);
const nominate = (candidateId: string) => command('NominateCommitteeCandidate', { candidateId } as never);
const open = () => command('OpenAssemblyVoting', {} as never);
const castMotion = (unit: number, choice: string) => command('CastMotionBallot', { unitId: `u${unit}`, choice } as never);
const castElection = (unit: number, approvedCandidateIds: string[]) =>
  command('CastElectionBallot', { unitId: `u${unit}`, approvedCandidateIds } as never);
const countVote = () => command('CountAssemblyVote', {} as never);

/** A motion assembly of n one-owner units, voting open. */
const votingOn = (n: number, matter: ConveneOwnersAssembly['data']['matter'] = 'maintenance_fund'): OwnersAssemblyEvent[] => [
  convened(matter),
  ...Array.from({ length: n }, (_, i) => onRoll(i + 1)),
  opened(n),
];
const ballots = (from: number, to: number, choice: 'for' | 'against' | 'abstain') =>
  Array.from({ length: to - from + 1 }, (_, i) => motionBallot(from + i, choice));
const outcomeOf = (events: OwnersAssemblyEvent[]) => {
  const [event] = ownersAssemblyDecider.decide(countVote(), events.reduce(ownersAssemblyDecider.evolve, ownersAssemblyDecider.initialState()));
  return event!.type === 'OwnersAssemblyMotionCounted' ? event!.data.outcome : undefined;
};

describe('owners assembly decider', () => {
  describe('ConveneOwnersAssembly (quiet when the same assembly is convened again)', () => {
    it('emits OwnersAssemblyConvened with the threshold class and rule in force', () => {
      spec.given([]).when(convene()).then([convened()]);
    });
    it('emits an election with its seats, ordinary by default', () => {
      spec
        .given([])
        .when(convene({ matter: 'committee_election', seats: 1 }))
        .then([{ type: 'OwnersAssemblyConvened', data: { ...convened('committee_election').data, motion: conveneData.motion } }]);
    });
    it('fixes a configured rule in the event', () => {
      const policy = createAssemblyPolicy({ specialMatters: ['maintenance_fund', 'rebuilding', 'change_of_use', 'management_rules'] });
      deciderSpecification(createOwnersAssemblyDecider(policy))
        .given([])
        .when(convene({ matter: 'management_rules' }))
        .then([{ ...convened(), data: { ...convened().data, matter: 'management_rules', thresholdClass: 'special' } }]);
    });
    it('rejects seats on a motion, or an election without seats', () => {
      spec.given([]).when(convene({ seats: 3 })).thenThrows(ValidationError, field('seats'));
      spec.given([]).when(convene({ matter: 'committee_election', seats: null })).thenThrows(ValidationError, field('seats'));
      spec.given([]).when(convene({ matter: 'fireworks' as never })).thenThrows(ValidationError, field('matter'));
    });
    it('rejects a used id for another matter', () => {
      spec.given([convened()]).when(convene({ matter: 'rebuilding' })).thenThrows(AlreadyExistsError);
    });
    it('stays quiet when convened again', () => {
      spec.given([convened()]).when(convene()).thenNothing();
    });
  });

  describe('RecordOwnerOnRoll (quiet for the same entry; the roll freezes when voting opens)', () => {
    it('emits OwnersAssemblyRollEntryRecorded', () => {
      spec.given([convened()]).when(record(1)).then([onRoll(1)]);
    });
    it('emits a corrected entry for a unit already on the roll', () => {
      spec.given([convened(), onRoll(1)]).when(record(1, 'o1', 12_345)).then([onRoll(1, 'o1', 12_345)]);
    });
    it('rejects a change once voting is open', () => {
      spec.given(votingOn(1)).when(record(2)).thenThrows(InvalidStateError);
    });
    it('rejects an area that is not a positive integer of hundredths of a m²', () => {
      spec.given([convened()]).when(record(1, 'o1', 89.32)).thenThrows(ValidationError, field('areaHundredthM2'));
      spec.given([convened()]).when(record(1, 'o1', 0)).thenThrows(ValidationError, field('areaHundredthM2'));
    });
    it('rejects an unknown assembly', () => {
      spec.given([]).when(record(1)).thenThrows(NotFoundError);
    });
    it('stays quiet for the same entry', () => {
      spec.given([convened(), onRoll(1)]).when(record(1)).thenNothing();
    });
  });

  describe('NominateCommitteeCandidate (quiet when already nominated)', () => {
    const election = [convened('committee_election'), onRoll(1), onRoll(2)];
    it('emits OwnersAssemblyCandidateNominated for an owner on the roll', () => {
      spec.given(election).when(nominate('o1')).then([nominated('o1')]);
    });
    it('rejects someone not on the roll', () => {
      spec.given(election).when(nominate('o9')).thenThrows(ValidationError, field('candidateId'));
    });
    it('rejects candidates on a motion', () => {
      spec.given([convened(), onRoll(1)]).when(nominate('o1')).thenThrows(InvalidStateError);
    });
    it('stays quiet when nominated again', () => {
      spec.given([...election, nominated('o1')]).when(nominate('o1')).thenNothing();
    });
  });

  describe('OpenAssemblyVoting (never quiet: opening twice rejects)', () => {
    it('emits OwnersAssemblyVotingOpened with the roll weighed (an owner of two units counts once)', () => {
      spec
        .given([convened(), onRoll(1), onRoll(2, 'o1'), onRoll(3)])
        .when(open())
        .then([opened(3, 2)]);
    });
    it('rejects an empty roll, or fewer candidates than seats', () => {
      spec.given([convened()]).when(open()).thenThrows(InvalidStateError);
      spec.given([convened('committee_election'), onRoll(1)]).when(open()).thenThrows(InvalidStateError);
    });
    it('rejects opening twice (second rejection: voting is a lifecycle move)', () => {
      spec.given(votingOn(1)).when(open()).thenThrows(InvalidStateError);
    });
  });

  describe('CastMotionBallot (one ballot per unit: the same again is quiet, another rejects)', () => {
    it('emits OwnersAssemblyMotionBallotCast', () => {
      spec.given(votingOn(3)).when(castMotion(1, 'for')).then([motionBallot(1, 'for')]);
    });
    it('rejects a second, different ballot for a unit', () => {
      spec.given([...votingOn(3), motionBallot(1, 'for')]).when(castMotion(1, 'against')).thenThrows(InvalidStateError);
    });
    it('rejects a unit not on the roll, an unknown choice, or a ballot before voting opens', () => {
      spec.given(votingOn(3)).when(castMotion(9, 'for')).thenThrows(ValidationError, field('unitId'));
      spec.given(votingOn(3)).when(castMotion(1, 'maybe')).thenThrows(ValidationError, field('choice'));
      spec.given([convened(), onRoll(1)]).when(castMotion(1, 'for')).thenThrows(InvalidStateError);
    });
    it('rejects an owner of two units voting them differently (counted once, per_owner)', () => {
      spec
        .given([convened(), onRoll(1), onRoll(2, 'o1'), opened(2, 1), motionBallot(1, 'for')])
        .when(castMotion(2, 'against'))
        .thenThrows(InvalidStateError);
    });
    it('stays quiet for the same ballot again', () => {
      spec.given([...votingOn(3), motionBallot(1, 'for')]).when(castMotion(1, 'for')).thenNothing();
    });
  });

  describe('CastElectionBallot (one ballot per unit: the same again is quiet, another rejects)', () => {
    const voting = [convened('committee_election'), onRoll(1), onRoll(2), nominated('o1'), opened(2)];
    it('emits OwnersAssemblyElectionBallotCast', () => {
      spec.given(voting).when(castElection(1, ['o1'])).then([electionBallot(1, ['o1'])]);
    });
    it('emits an empty ballot: the unit takes part, approving nobody', () => {
      spec.given(voting).when(castElection(2, [])).then([electionBallot(2, [])]);
    });
    it('rejects a non-candidate, more approvals than seats, or a second different ballot', () => {
      spec.given(voting).when(castElection(1, ['o2'])).thenThrows(ValidationError, field('approvedCandidateIds'));
      spec.given(voting).when(castElection(1, ['o1', 'o1'])).thenThrows(ValidationError, field('approvedCandidateIds[1]'));
      spec.given([...voting, electionBallot(1, ['o1'])]).when(castElection(1, [])).thenThrows(InvalidStateError);
    });
    it('rejects an election ballot on a motion', () => {
      spec.given(votingOn(2)).when(castElection(1, [])).thenThrows(InvalidStateError);
    });
    it('stays quiet for the same ballot again', () => {
      spec.given([...voting, electionBallot(1, ['o1'])]).when(castElection(1, ['o1'])).thenNothing();
    });
  });

  describe('CountAssemblyVote (never quiet: counting twice rejects)', () => {
    it('emits OwnersAssemblyMotionCounted, adopting a special matter at exactly 3/4 of 2/3', () => {
      // 12 units; 8 take part (exactly 2/3); 6 for (exactly 3/4 of 8).
      const events = [...votingOn(12), ...ballots(1, 6, 'for'), ...ballots(7, 8, 'against')];
      const w = (units: number) => ({ areaHundredthM2: units * 10_000, owners: units, units });
      const special = civilCodeArt278Rule.special;
      spec
        .given(events)
        .when(countVote())
        .then([
          {
            type: 'OwnersAssemblyMotionCounted',
            data: {
              ...ids,
              matter: 'maintenance_fund',
              thresholdClass: 'special',
              rule: civilCodeArt278Rule,
              roll: w(12),
              tally: { for: w(6), against: w(2), abstain: w(0) },
              turnout: { part: w(8), whole: w(12), threshold: civilCodeArt278Rule.participation, areaMet: true, ownersMet: true, met: true },
              decision: { part: w(6), whole: w(8), threshold: special, areaMet: true, ownersMet: true, met: true },
              outcome: 'adopted',
              explanation: [
                'turnout: area 800.00 m² of 1200.00 m² ≥ 2/3 met; owners 8 of 12 ≥ 2/3 met',
                'special decision (in favour of participants): area 600.00 m² of 800.00 m² ≥ 3/4 met; owners 6 of 8 ≥ 3/4 met',
                'outcome: adopted (headcount per_owner)',
              ],
              countedAt: NOW,
            },
          },
        ]);
    });
    it('counts the boundaries exactly: one short of turnout, one short of 3/4, ordinary vs special', () => {
      expect(outcomeOf([...votingOn(12), ...ballots(1, 7, 'for')])).toBe('invalid_turnout');
      expect(outcomeOf([...votingOn(12), ...ballots(1, 5, 'for'), ...ballots(6, 8, 'against')])).toBe('rejected');
      expect(outcomeOf([...votingOn(12, 'management_rules'), ...ballots(1, 5, 'for'), ...ballots(6, 8, 'against')])).toBe('adopted');
      expect(outcomeOf([...votingOn(12, 'management_rules'), ...ballots(1, 4, 'for'), ...ballots(5, 8, 'against')])).toBe('rejected');
    });
    it('emits OwnersAssemblyElectionCounted with the elected owners', () => {
      const voting = [convened('committee_election'), onRoll(1), onRoll(2), onRoll(3), nominated('o1'), opened(3)];
      const [event] = ownersAssemblyDecider.decide(
        countVote(),
        [...voting, electionBallot(1, ['o1']), electionBallot(2, ['o1'])].reduce(ownersAssemblyDecider.evolve, ownersAssemblyDecider.initialState()),
      );
      expect(event).toMatchObject({ type: 'OwnersAssemblyElectionCounted', data: { seats: 1, elected: ['o1'], outcome: 'elected' } });
      spec.given([...voting, electionBallot(1, ['o1']), electionBallot(2, ['o1'])]).when(countVote()).then([event!]);
    });
    it('keeps the outcome and the elected in the counted state (what a committee records)', () => {
      const voting = [convened('committee_election'), onRoll(1), onRoll(2), onRoll(3), nominated('o1'), opened(3)];
      const fold = (events: OwnersAssemblyEvent[]) => events.reduce(ownersAssemblyDecider.evolve, ownersAssemblyDecider.initialState());
      const elected = [...voting, electionBallot(1, ['o1']), electionBallot(2, ['o1'])];
      expect(fold([...elected, ...ownersAssemblyDecider.decide(countVote(), fold(elected))])).toMatchObject({ status: 'counted', outcome: 'elected', elected: ['o1'] });
      const tooFew = [...voting, electionBallot(1, ['o1'])];
      expect(fold([...tooFew, ...ownersAssemblyDecider.decide(countVote(), fold(tooFew))])).toMatchObject({ status: 'counted', outcome: 'invalid_turnout', elected: [] });
      const motion = [...votingOn(3), ...ballots(1, 3, 'for')];
      expect(fold([...motion, ...ownersAssemblyDecider.decide(countVote(), fold(motion))])).toMatchObject({ status: 'counted', outcome: 'adopted', elected: [] });
    });
    it('rejects counting before voting opens', () => {
      spec.given([convened(), onRoll(1)]).when(countVote()).thenThrows(InvalidStateError);
    });
    it('rejects counting twice (second rejection: the count is a lifecycle move)', () => {
      const events = [...votingOn(3), ...ballots(1, 3, 'for')];
      const [counted] = ownersAssemblyDecider.decide(countVote(), events.reduce(ownersAssemblyDecider.evolve, ownersAssemblyDecider.initialState()));
      spec.given([...events, counted!]).when(countVote()).thenThrows(InvalidStateError);
    });
  });
});
