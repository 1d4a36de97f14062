import type { PropertyTestApp } from './property-test-app.js';

/**
 * The owners' committee formation, step by step through GraphQL, for the integration tests of its mutations:
 * a preparatory group, an election with a roll, candidates and ballots, its count.
 */

export const COMMITTEE = `id compoundId communityId status preparatoryGroupIds assemblyId memberIds filedWith filingNumber formedAt electedAt filedAt`;
export const ELECTION_RESULT = `electionResult { outcome seats rule { headcount participation { text } ordinary { text } }
  roll { areaHundredthM2 owners units }
  turnout { part { areaHundredthM2 owners units } whole { areaHundredthM2 owners units } threshold { text } areaMet ownersMet met }
  candidates { candidateId elected decision { part { areaHundredthM2 owners } whole { areaHundredthM2 owners } threshold { text } areaMet ownersMet met } }
  elected tiedForLastSeat explanation countedAt }`;
export const ASSEMBLY = `id compoundId communityId matter motion thresholdClass status seats candidateIds ballotsCast result { outcome } ${ELECTION_RESULT}`;

export const FORM = `mutation ($i: FormPreparatoryGroupInput!) { formPreparatoryGroup(input: $i) { ${COMMITTEE} } }`;
export const CONVENE_ELECTION = `mutation ($i: ConveneCommitteeElectionInput!) { conveneCommitteeElection(input: $i) { ${ASSEMBLY} } }`;
export const RECORD_OWNER = `mutation ($i: RecordOwnerOnRollInput!) { recordOwnerOnRoll(input: $i) { id } }`;
export const NOMINATE = `mutation ($i: NominateCommitteeCandidateInput!) { nominateCommitteeCandidate(input: $i) { ${ASSEMBLY} } }`;
export const OPEN_VOTING = `mutation ($i: OpenAssemblyVotingInput!) { openAssemblyVoting(input: $i) { id status } }`;
export const CAST_ELECTION = `mutation ($i: CastElectionBallotInput!) { castElectionBallot(input: $i) { ${ASSEMBLY} } }`;
export const COUNT = `mutation ($i: CountAssemblyVoteInput!) { countAssemblyVote(input: $i) { ${ASSEMBLY} } }`;
export const RECORD_ELECTION = `mutation ($i: RecordCommitteeElectionInput!) { recordCommitteeElection(input: $i) { ${COMMITTEE} } }`;
export const FILE = `mutation ($i: FileOwnersCommitteeInput!) { fileOwnersCommittee(input: $i) { ${COMMITTEE} } }`;
export const OWNERS_COMMITTEE = `query ($c: ID!) { ownersCommittee(compoundId: $c) { ${COMMITTEE} elections { id status electionResult { outcome elected } } } }`;

/** Six units of 100 m²; owner-f holds two of them (one person by the per-owner headcount): 6 units, 5 owners. */
export const ROLL = [
  { unitId: 'u-101', ownerId: 'owner-a', areaHundredthM2: 10_000 },
  { unitId: 'u-102', ownerId: 'owner-b', areaHundredthM2: 10_000 },
  { unitId: 'u-201', ownerId: 'owner-c', areaHundredthM2: 10_000 },
  { unitId: 'u-202', ownerId: 'owner-d', areaHundredthM2: 10_000 },
  { unitId: 'u-301', ownerId: 'owner-f', areaHundredthM2: 10_000 },
  { unitId: 'u-302', ownerId: 'owner-f', areaHundredthM2: 10_000 },
];

/** Runs an operation and answers its one field, failing the test on any error. */
export async function ok<T = Record<string, unknown>>(t: PropertyTestApp, token: string, query: string, input: Record<string, unknown>): Promise<T> {
  const res = await t.graphql<Record<string, T>>(token, query, { i: input });
  if (res.errors || !res.data) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(res.errors)}`);
  return Object.values(res.data)[0]!;
}

export const formGroup = async (t: PropertyTestApp, staff: string, compoundId: string): Promise<string> =>
  (await ok<{ id: string }>(t, staff, FORM, { compoundId, memberIds: ['owner-a', 'owner-c', 'rc-staff-1'] })).id;

/** An election of `seats` seats on ROLL with candidates owner-a and owner-c, convened, voting open. */
export async function electionVoting(t: PropertyTestApp, staff: string, committeeId: string, seats = 2): Promise<string> {
  const { id } = await ok<{ id: string }>(t, staff, CONVENE_ELECTION, { committeeId, seats, motion: '选举第一届业主委员会' });
  for (const entry of ROLL) await ok(t, staff, RECORD_OWNER, { assemblyId: id, ...entry });
  for (const candidateId of ['owner-a', 'owner-c']) await ok(t, staff, NOMINATE, { assemblyId: id, candidateId });
  await ok(t, staff, OPEN_VOTING, { assemblyId: id });
  return id;
}

/** Ballots of the given units, all approving both candidates, then the count. */
export async function voteAndCount(t: PropertyTestApp, staff: string, assemblyId: string, units: readonly string[]): Promise<{ electionResult: { outcome: string } }> {
  for (const unitId of units) await ok(t, staff, CAST_ELECTION, { assemblyId, unitId, approvedCandidateIds: ['owner-a', 'owner-c'] });
  return ok(t, staff, COUNT, { assemblyId });
}

/** A committee of a fresh compound, elected (both seats filled by 5 of 6 units), not yet recorded. */
export async function electedCommittee(t: PropertyTestApp, staff: string, compoundId: string): Promise<{ committeeId: string; assemblyId: string }> {
  const committeeId = await formGroup(t, staff, compoundId);
  const assemblyId = await electionVoting(t, staff, committeeId);
  await voteAndCount(t, staff, assemblyId, ['u-101', 'u-102', 'u-201', 'u-301', 'u-302']);
  return { committeeId, assemblyId };
}
