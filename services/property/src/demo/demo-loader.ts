import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type pg from 'pg';
import { EVENT_STORE_POOL } from '@cogov/eventsourcing';
import { DEMO_COMMUNITIES, MAIN_DEMO_COMMUNITY, runDemoPlan, type DemoPhase, type DemoRunSummary, loadedHistoryEnd, DEMO_ACTOR, type DemoLoadOptions as KitDemoLoadOptions, demoCommandFactory } from '@cogov/service-kit';
import { EndPropertyServiceContractCommand } from '../compound/end-property-service-contract/end-property-service-contract.handler.js';
import { MarkRedPropertyCommand } from '../compound/mark-red-property/mark-red-property.handler.js';
import { RecordCompoundOccupancyCommand } from '../compound/record-compound-occupancy/record-compound-occupancy.handler.js';
import { RegisterCompoundCommand } from '../compound/register-compound/register-compound.handler.js';
import { SignPropertyServiceContractCommand } from '../compound/sign-property-service-contract/sign-property-service-contract.handler.js';
import { CastElectionBallotCommand } from '../owners-assembly/cast-election-ballot/cast-election-ballot.handler.js';
import { CountAssemblyVoteCommand } from '../owners-assembly/count-assembly-vote/count-assembly-vote.handler.js';
import { NominateCommitteeCandidateCommand } from '../owners-assembly/nominate-committee-candidate/nominate-committee-candidate.handler.js';
import { OpenAssemblyVotingCommand } from '../owners-assembly/open-assembly-voting/open-assembly-voting.handler.js';
import { RecordOwnerOnRollCommand } from '../owners-assembly/record-owner-on-roll/record-owner-on-roll.handler.js';
import { ConveneCommitteeElectionCommand } from '../owners-committee/convene-committee-election/convene-committee-election.handler.js';
import { FileOwnersCommitteeCommand } from '../owners-committee/file-owners-committee/file-owners-committee.handler.js';
import { FormPreparatoryGroupCommand } from '../owners-committee/form-preparatory-group/form-preparatory-group.handler.js';
import { RecordCommitteeElectionCommand } from '../owners-committee/record-committee-election/record-committee-election.handler.js';
import { ConcludePropertyServiceAssessmentCommand } from '../property-assessment/conclude-property-service-assessment/conclude-property-service-assessment.handler.js';
import { OpenPropertyServiceAssessmentCommand } from '../property-assessment/open-property-service-assessment/open-property-service-assessment.handler.js';
import { ScorePropertyServiceCriterionCommand } from '../property-assessment/score-property-service-criterion/score-property-service-criterion.handler.js';
import { AssignWorkOrderCommand } from '../work-order/assign-work-order/assign-work-order.handler.js';
import { CompleteWorkOrderCommand } from '../work-order/complete-work-order/complete-work-order.handler.js';
import { OpenWorkOrderCommand } from '../work-order/open-work-order/open-work-order.handler.js';
import { RejectWorkOrderCompletionCommand } from '../work-order/reject-work-order-completion/reject-work-order-completion.handler.js';
import { VerifyWorkOrderCommand } from '../work-order/verify-work-order/verify-work-order.handler.js';
import { FULL_SCALE, demoPlan, type DemoCommand, type DemoScale } from './demo-data-set.js';


export type DemoLoadOptions = KitDemoLoadOptions<DemoScale>;

export interface DemoLoadSummary extends DemoRunSummary {
  communityIds: string[];
}

/** The command class of each demo command type. */
const toCommand = demoCommandFactory<DemoCommand>({
  RegisterCompound: RegisterCompoundCommand,
  RecordCompoundOccupancy: RecordCompoundOccupancyCommand,
  SignPropertyServiceContract: SignPropertyServiceContractCommand,
  EndPropertyServiceContract: EndPropertyServiceContractCommand,
  MarkRedProperty: MarkRedPropertyCommand,
  OpenWorkOrder: OpenWorkOrderCommand,
  AssignWorkOrder: AssignWorkOrderCommand,
  CompleteWorkOrder: CompleteWorkOrderCommand,
  RejectWorkOrderCompletion: RejectWorkOrderCompletionCommand,
  VerifyWorkOrder: VerifyWorkOrderCommand,
  OpenPropertyServiceAssessment: OpenPropertyServiceAssessmentCommand,
  ScorePropertyServiceCriterion: ScorePropertyServiceCriterionCommand,
  ConcludePropertyServiceAssessment: ConcludePropertyServiceAssessmentCommand,
  FormPreparatoryGroup: FormPreparatoryGroupCommand,
  ConveneCommitteeElection: ConveneCommitteeElectionCommand,
  RecordOwnerOnRoll: RecordOwnerOnRollCommand,
  NominateCommitteeCandidate: NominateCommitteeCandidateCommand,
  OpenAssemblyVoting: OpenAssemblyVotingCommand,
  CastElectionBallot: CastElectionBallotCommand,
  CountAssemblyVote: CountAssemblyVoteCommand,
  RecordCommitteeElection: RecordCommitteeElectionCommand,
  FileOwnersCommittee: FileOwnersCommitteeCommand,
});

/**
 * Loads the property side of the demo street through the real command handlers (the kit's `runDemoPlan`): a
 * re-run appends nothing, an interrupted run resumes.
 *
 * A committee's stream is written on both sides of its elections (the group convenes them; the count's result is
 * recorded on it), so the plan runs in three stages, each reading the streams' versions afresh: compounds, work
 * orders, assessments and the preparatory groups; then the elections; then the committees' remaining steps (their
 * scripts in full, whose first step the first stage already ran — counted once below).
 */
export async function loadDemo(app: INestApplicationContext, options: DemoLoadOptions = {}): Promise<DemoLoadSummary> {
  // Pinned to where the first run ended the history: a re-run on a later day plans the same history.
  const now = options.now ?? (await loadedHistoryEnd(app.get<pg.Pool>(EVENT_STORE_POOL), (at) => demoPlan(FULL_SCALE, at, [MAIN_DEMO_COMMUNITY]).compounds[0])) ?? new Date();
  const plan = options.scale ? demoPlan({ ...FULL_SCALE, ...options.scale }, now, [MAIN_DEMO_COMMUNITY]) : demoPlan(FULL_SCALE, now, DEMO_COMMUNITIES);
  const bus = app.get(CommandBus);
  const run = (phases: DemoPhase<DemoCommand>[]) =>
    runDemoPlan({
      execute: (command) => bus.execute(command),
      pool: app.get<pg.Pool>(EVENT_STORE_POOL),
      phases,
      toCommand,
      actor: DEMO_ACTOR,
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      ...(options.log ? { log: options.log } : {}),
    });
  const stages = [
    await run([
      { name: 'compounds', scripts: plan.compounds },
      { name: 'work-orders', scripts: plan.workOrders },
      { name: 'assessments', scripts: plan.assessments },
      { name: 'groups', scripts: plan.preparatoryGroups },
    ]),
    await run([{ name: 'elections', scripts: plan.elections }]),
    await run([{ name: 'committees', scripts: plan.committees }]),
  ];
  // The committees' first steps ran (or were found) in the first stage; the last stage skipped them again.
  const formedTwice = plan.committees.length;
  return {
    aggregates: stages.reduce((sum, s) => sum + s.aggregates, 0) - formedTwice,
    commandsRun: stages.reduce((sum, s) => sum + s.commandsRun, 0),
    commandsSkipped: stages.reduce((sum, s) => sum + s.commandsSkipped, 0) - formedTwice,
    eventsAppended: stages.reduce((sum, s) => sum + s.eventsAppended, 0),
    phases: stages.flatMap((s) => s.phases),
    totalMs: stages.reduce((sum, s) => sum + s.totalMs, 0),
    communityIds: plan.communityIds,
  };
}
