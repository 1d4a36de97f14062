import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { describeThreshold, type Threshold, type ThresholdTest, type VoteRule, type Weight } from './assembly-vote.js';
import type { AssemblyRow, ElectionCountColumn, MotionCountColumn } from './projections/assembly-register/assembly-register.entity.js';

@ObjectType('AssemblyWeight', { description: 'Exclusive area and headcount of a set of units.' })
export class AssemblyWeightType {
  @Field(() => Int, { description: 'Hundredths of a square metre.' }) areaHundredthM2!: number;
  @Field(() => Int, { description: 'Owners counted by the headcount rule.' }) owners!: number;
  @Field(() => Int) units!: number;
}

@ObjectType('AssemblyThreshold')
export class AssemblyThresholdType {
  @Field(() => Int) numerator!: number;
  @Field(() => Int) denominator!: number;
  @Field({ description: 'true: at least the fraction (以上); false: strictly more (过半数).' }) inclusive!: boolean;
  @Field({ description: 'e.g. "≥ 2/3"' }) text!: string;
}

@ObjectType('AssemblyThresholdTest', { description: 'part/whole against a threshold, by area and by headcount.' })
export class AssemblyThresholdTestType {
  @Field(() => AssemblyWeightType) part!: Weight;
  @Field(() => AssemblyWeightType) whole!: Weight;
  @Field(() => AssemblyThresholdType) threshold!: AssemblyThresholdType;
  @Field() areaMet!: boolean;
  @Field() ownersMet!: boolean;
  @Field({ description: 'Both area and headcount met.' }) met!: boolean;
}

@ObjectType('AssemblyVoteRule', { description: 'The rule fixed when the assembly was convened.' })
export class AssemblyVoteRuleType {
  @Field(() => AssemblyThresholdType) participation!: AssemblyThresholdType;
  @Field(() => AssemblyThresholdType) ordinary!: AssemblyThresholdType;
  @Field(() => AssemblyThresholdType) special!: AssemblyThresholdType;
  @Field({ description: 'per_owner | per_unit' }) headcount!: string;
}

@ObjectType('AssemblyTally')
export class AssemblyTallyType {
  @Field(() => AssemblyWeightType, { name: 'for' }) for!: Weight;
  @Field(() => AssemblyWeightType) against!: Weight;
  @Field(() => AssemblyWeightType) abstain!: Weight;
}

@ObjectType('AssemblyVoteResult', { description: 'The self-explaining count (Civil Code art. 278).' })
export class AssemblyVoteResultType {
  @Field({ description: 'adopted | rejected | invalid_turnout' }) outcome!: string;
  @Field(() => AssemblyVoteRuleType) rule!: AssemblyVoteRuleType;
  @Field(() => AssemblyWeightType) roll!: Weight;
  @Field(() => AssemblyTallyType) tally!: AssemblyTallyType;
  @Field(() => AssemblyThresholdTestType, { description: 'Participation by area and headcount.' }) turnout!: AssemblyThresholdTestType;
  @Field(() => AssemblyThresholdTestType, { description: 'In favour among participants, by the matter’s threshold class.' })
  decision!: AssemblyThresholdTestType;
  @Field(() => [String]) explanation!: string[];
  @Field() countedAt!: string;
}

@ObjectType('AssemblyCandidateResult', { description: "A candidate's ordinary decision: approving against participating area and owners." })
export class AssemblyCandidateResultType {
  @Field(() => ID) candidateId!: string;
  @Field(() => AssemblyThresholdTestType) decision!: AssemblyThresholdTestType;
  @Field() elected!: boolean;
}

@ObjectType('AssemblyElectionResult', { description: "The self-explaining count of an owners' committee election (Civil Code art. 278)." })
export class AssemblyElectionResultType {
  @Field({ description: 'elected | partially_elected | none_elected | invalid_turnout' }) outcome!: string;
  @Field(() => AssemblyVoteRuleType) rule!: AssemblyVoteRuleType;
  @Field(() => Int) seats!: number;
  @Field(() => AssemblyWeightType) roll!: Weight;
  @Field(() => AssemblyThresholdTestType, { description: 'Participation by area and headcount.' }) turnout!: AssemblyThresholdTestType;
  @Field(() => [AssemblyCandidateResultType], { description: 'Each candidate by the ordinary rule, in nomination order.' })
  candidates!: AssemblyCandidateResultType[];
  @Field(() => [ID]) elected!: string[];
  @Field(() => [ID], { description: 'Passing candidates tied across the last seat: none of them is elected (run-off).' })
  tiedForLastSeat!: string[];
  @Field(() => [String]) explanation!: string[];
  @Field() countedAt!: string;
}

@ObjectType('OwnersAssemblyRollEntry')
export class OwnersAssemblyRollEntryType {
  @Field(() => ID) unitId!: string;
  @Field(() => ID) ownerId!: string;
  @Field(() => Int, { description: 'Exclusive floor area in hundredths of a square metre.' }) areaHundredthM2!: number;
}

@ObjectType('OwnersAssembly', { description: "A vote of a compound's owners' assembly (业主大会)." })
export class OwnersAssemblyType {
  @Field(() => ID) id!: string;
  @Field(() => ID) compoundId!: string;
  @Field(() => ID) communityId!: string;
  @Field() matter!: string;
  @Field() motion!: string;
  @Field({ description: 'ordinary | special' }) thresholdClass!: string;
  @Field({ description: 'convened | voting | counted' }) status!: string;
  @Field(() => [OwnersAssemblyRollEntryType]) roll!: OwnersAssemblyRollEntryType[];
  @Field(() => Int, { nullable: true, description: 'Committee seats of a committee_election; null for a motion.' }) seats!: number | null;
  @Field(() => [ID], { description: 'Candidates of a committee election, in nomination order.' }) candidateIds!: string[];
  @Field(() => Int, { description: 'Units that have cast their ballot.' }) ballotsCast!: number;
  @Field(() => AssemblyVoteResultType, { nullable: true, description: "A motion's count, once counted." }) result!: AssemblyVoteResultType | null;
  @Field(() => AssemblyElectionResultType, { nullable: true, description: "A committee election's count, once counted." })
  electionResult!: AssemblyElectionResultType | null;
}

const threshold = (t: Threshold): AssemblyThresholdType => ({ ...t, text: describeThreshold(t) });
const test = (t: ThresholdTest): AssemblyThresholdTestType => ({ ...t, threshold: threshold(t.threshold) });
const rule = (r: VoteRule): AssemblyVoteRuleType => ({
  participation: threshold(r.participation),
  ordinary: threshold(r.ordinary),
  special: threshold(r.special),
  headcount: r.headcount,
});

function motionResult(result: MotionCountColumn): AssemblyVoteResultType {
  return {
    outcome: result.outcome,
    rule: rule(result.rule),
    roll: result.roll,
    tally: result.tally,
    turnout: test(result.turnout),
    decision: test(result.decision),
    explanation: result.explanation,
    countedAt: result.countedAt,
  };
}

function electionResult(result: ElectionCountColumn): AssemblyElectionResultType {
  return {
    outcome: result.outcome,
    rule: rule(result.rule),
    seats: result.seats,
    roll: result.roll,
    turnout: test(result.turnout),
    candidates: result.candidates.map((c) => ({ candidateId: c.candidateId, decision: test(c.decision), elected: result.elected.includes(c.candidateId) })),
    elected: result.elected,
    tiedForLastSeat: result.tiedForLastSeat,
    explanation: result.explanation,
    countedAt: result.countedAt,
  };
}

export function assemblyFromRow(row: AssemblyRow): OwnersAssemblyType {
  const { result } = row;
  const election = row.seats !== null;
  return {
    id: row.assemblyId,
    compoundId: row.compoundId,
    communityId: row.communityId,
    matter: row.matter,
    motion: row.motion,
    thresholdClass: row.thresholdClass,
    status: row.status,
    roll: Object.entries(row.roll)
      .map(([unitId, entry]) => ({ unitId, ...entry }))
      .sort((a, b) => a.unitId.localeCompare(b.unitId)),
    seats: row.seats,
    candidateIds: row.candidateIds,
    ballotsCast: row.ballotsCast,
    result: result && !election ? motionResult(result as MotionCountColumn) : null,
    electionResult: result && election ? electionResult(result as ElectionCountColumn) : null,
  };
}
