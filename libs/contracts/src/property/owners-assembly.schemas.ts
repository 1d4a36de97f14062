import { closedObject, eventSchema, id, oneOf, text, utcDateTime, type JsonSchema } from '../json-schema.js';
import { exampleIds as ex } from './examples.js';
import { areaHundredthM2, ids, texts, thresholdTest, voteRule, weight } from './shared.js';

const context = 'property';
const assembly = { assemblyId: id, compoundId: id, communityId: id };
const exampleAssembly = { assemblyId: ex.assembly, compoundId: ex.compound, communityId: ex.community };
const matter = oneOf(
  'committee_election',
  'procedural_rules',
  'management_rules',
  'property_company_appointment',
  'maintenance_fund',
  'rebuilding',
  'change_of_use',
  'other_major_matter',
);
const thresholdClass = oneOf('ordinary', 'special');
const art278 = {
  participation: { numerator: 2, denominator: 3, inclusive: true },
  ordinary: { numerator: 1, denominator: 2, inclusive: false },
  special: { numerator: 3, denominator: 4, inclusive: true },
  headcount: 'per_owner',
};
const roll = { areaHundredthM2: 1_000_000, owners: 90, units: 100 };
const w = (areaHundredthM2: number, owners: number, units: number) => ({ areaHundredthM2, owners, units });
const test = (part: object, whole: object, t: object, areaMet: boolean, ownersMet: boolean) => ({
  part,
  whole,
  threshold: t,
  areaMet,
  ownersMet,
  met: areaMet && ownersMet,
});

export const ownersAssemblyConvenedV1 = eventSchema({
  context,
  eventType: 'OwnersAssemblyConvened',
  schemaVersion: 1,
  description:
    "A compound's owners' assembly (业主大会) was convened to decide one matter. The threshold class and the rule in " +
    'force are fixed here, so the count applies them whatever the configuration says later.',
  properties: {
    ...assembly,
    matter,
    motion: text,
    seats: { type: ['integer', 'null'], minimum: 1, description: 'Committee seats for a committee_election, else null.' },
    thresholdClass,
    rule: voteRule,
    convenedAt: utcDateTime,
  },
  examples: [
    {
      ...exampleAssembly,
      matter: 'committee_election',
      motion: '选举第一届业主委员会',
      seats: 5,
      thresholdClass: 'ordinary',
      rule: art278,
      convenedAt: '2026-09-01T02:00:00.000Z',
    },
    {
      ...exampleAssembly,
      matter: 'maintenance_fund',
      motion: '使用专项维修资金更换3号楼电梯',
      seats: null,
      thresholdClass: 'special',
      rule: art278,
      convenedAt: '2026-09-01T02:00:00.000Z',
    },
  ],
});

export const ownersAssemblyRollEntryRecordedV1 = eventSchema({
  context,
  eventType: 'OwnersAssemblyRollEntryRecorded',
  schemaVersion: 1,
  description:
    "A unit was put on the assembly's owner roll with its owner and exclusive floor area (a later entry for the " +
    'same unit, before voting opens, replaces the earlier one).',
  properties: { ...assembly, unitId: id, ownerId: id, areaHundredthM2, recordedAt: utcDateTime },
  examples: [
    { ...exampleAssembly, unitId: ex.unit, ownerId: ex.owner, areaHundredthM2: 8932, recordedAt: '2026-09-02T02:00:00.000Z' },
  ],
});

export const ownersAssemblyCandidateNominatedV1 = eventSchema({
  context,
  eventType: 'OwnersAssemblyCandidateNominated',
  schemaVersion: 1,
  description: "An owner on the roll was nominated as a candidate for the owners' committee.",
  properties: { ...assembly, candidateId: id, nominatedAt: utcDateTime },
  examples: [{ ...exampleAssembly, candidateId: ex.owner, nominatedAt: '2026-09-03T02:00:00.000Z' }],
});

export const ownersAssemblyVotingOpenedV1 = eventSchema({
  context,
  eventType: 'OwnersAssemblyVotingOpened',
  schemaVersion: 1,
  description: 'Voting opened; the roll (and the candidates) are frozen. `roll` is the whole roll weighed.',
  properties: { ...assembly, roll: weight, openedAt: utcDateTime },
  examples: [{ ...exampleAssembly, roll, openedAt: '2026-09-10T01:00:00.000Z' }],
});

export const ownersAssemblyMotionBallotCastV1 = eventSchema({
  context,
  eventType: 'OwnersAssemblyMotionBallotCast',
  schemaVersion: 1,
  description: 'A unit cast its one ballot on the motion. Abstaining counts as taking part.',
  properties: { ...assembly, unitId: id, ownerId: id, choice: oneOf('for', 'against', 'abstain'), castAt: utcDateTime },
  examples: [{ ...exampleAssembly, unitId: ex.unit, ownerId: ex.owner, choice: 'for', castAt: '2026-09-11T03:00:00.000Z' }],
});

export const ownersAssemblyElectionBallotCastV1 = eventSchema({
  context,
  eventType: 'OwnersAssemblyElectionBallotCast',
  schemaVersion: 1,
  description: 'A unit cast its one ballot in the committee election, approving at most as many candidates as seats.',
  properties: { ...assembly, unitId: id, ownerId: id, approvedCandidateIds: ids, castAt: utcDateTime },
  examples: [
    {
      ...exampleAssembly,
      unitId: ex.unit,
      ownerId: ex.owner,
      approvedCandidateIds: [ex.owner, ex.owner2],
      castAt: '2026-09-11T03:00:00.000Z',
    },
  ],
});

const turnoutExample = test(w(700_000, 63, 70), roll, art278.participation, true, true);

export const ownersAssemblyMotionCountedV1 = eventSchema({
  context,
  eventType: 'OwnersAssemblyMotionCounted',
  schemaVersion: 1,
  description:
    'The vote on a motion was counted by Civil Code art. 278 (as configured): turnout against the roll, then the ' +
    'votes in favour against the participants, each by area and by headcount. The result explains itself.',
  properties: {
    ...assembly,
    matter,
    thresholdClass,
    rule: voteRule,
    roll: weight,
    tally: closedObject({ for: weight, against: weight, abstain: weight }),
    turnout: thresholdTest,
    decision: thresholdTest,
    outcome: oneOf('adopted', 'rejected', 'invalid_turnout'),
    explanation: texts,
    countedAt: utcDateTime,
  },
  examples: [
    {
      ...exampleAssembly,
      matter: 'maintenance_fund',
      thresholdClass: 'special',
      rule: art278,
      roll,
      tally: { for: w(560_000, 50, 56), against: w(100_000, 9, 10), abstain: w(40_000, 4, 4) },
      turnout: turnoutExample,
      decision: test(w(560_000, 50, 56), w(700_000, 63, 70), art278.special, true, true),
      outcome: 'adopted',
      explanation: [
        'turnout: area 7000.00 m² of 10000.00 m² ≥ 2/3 met; owners 63 of 90 ≥ 2/3 met',
        'special decision (in favour of participants): area 5600.00 m² of 7000.00 m² ≥ 3/4 met; owners 50 of 63 ≥ 3/4 met',
        'outcome: adopted (headcount per_owner)',
      ],
      countedAt: '2026-09-20T09:00:00.000Z',
    },
  ],
});

const candidate: JsonSchema = closedObject({ candidateId: id, decision: thresholdTest });

export const ownersAssemblyElectionCountedV1 = eventSchema({
  context,
  eventType: 'OwnersAssemblyElectionCounted',
  schemaVersion: 1,
  description:
    "The owners' committee election was counted: turnout by art. 278, then each candidate by the ordinary rule " +
    '(more than half of the participating area and owners). Passing candidates beyond the seats rank by approving ' +
    'owners, then area; a tie across the last seat elects none of the tied (run-off).',
  properties: {
    ...assembly,
    seats: { type: 'integer', minimum: 1 },
    rule: voteRule,
    roll: weight,
    turnout: thresholdTest,
    candidates: { type: 'array', items: candidate },
    elected: ids,
    tiedForLastSeat: ids,
    outcome: oneOf('elected', 'partially_elected', 'none_elected', 'invalid_turnout'),
    explanation: texts,
    countedAt: utcDateTime,
  },
  examples: [
    {
      ...exampleAssembly,
      seats: 1,
      rule: art278,
      roll,
      turnout: turnoutExample,
      candidates: [{ candidateId: ex.owner, decision: test(w(400_000, 40, 41), w(700_000, 63, 70), art278.ordinary, true, true) }],
      elected: [ex.owner],
      tiedForLastSeat: [],
      outcome: 'elected',
      explanation: [
        'turnout: area 7000.00 m² of 10000.00 m² ≥ 2/3 met; owners 63 of 90 ≥ 2/3 met',
        `candidate ${ex.owner} (ordinary decision): area 4000.00 m² of 7000.00 m² > 1/2 met; owners 40 of 63 > 1/2 met`,
        'outcome: elected, 1 of 1 seats filled (headcount per_owner)',
      ],
      countedAt: '2026-09-20T09:00:00.000Z',
    },
  ],
});
