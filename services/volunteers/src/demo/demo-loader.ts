import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type pg from 'pg';
import { EVENT_STORE_POOL } from '@cogov/eventsourcing';
import { DEMO_COMMUNITIES, MAIN_DEMO_COMMUNITY, runDemoPlan, type DemoRunSummary, loadedHistoryEnd, DEMO_ACTOR, type DemoLoadOptions as KitDemoLoadOptions, demoCommandFactory } from '@cogov/service-kit';
import { IssueServiceCertificateCommand } from '../hours-ledger/issue-service-certificate/issue-service-certificate.handler.js';
import { RecordServiceHoursCommand } from '../hours-ledger/record-service-hours/record-service-hours.handler.js';
import { CheckInVolunteerCommand } from '../opportunity/check-in-volunteer/check-in-volunteer.handler.js';
import { CheckOutVolunteerCommand } from '../opportunity/check-out-volunteer/check-out-volunteer.handler.js';
import { CompleteServiceOpportunityCommand } from '../opportunity/complete-service-opportunity/complete-service-opportunity.handler.js';
import { PublishServiceOpportunityCommand } from '../opportunity/publish-service-opportunity/publish-service-opportunity.handler.js';
import { SignUpForOpportunityCommand } from '../opportunity/sign-up-for-opportunity/sign-up-for-opportunity.handler.js';
import { VerifyServiceHoursCommand } from '../opportunity/verify-service-hours/verify-service-hours.handler.js';
import { WithdrawFromOpportunityCommand } from '../opportunity/withdraw-from-opportunity/withdraw-from-opportunity.handler.js';
import { FormVolunteerTeamCommand } from '../team/form-volunteer-team/form-volunteer-team.handler.js';
import { JoinVolunteerTeamCommand } from '../volunteer/join-volunteer-team/join-volunteer-team.handler.js';
import { RecordVolunteerTrainingCommand } from '../volunteer/record-volunteer-training/record-volunteer-training.handler.js';
import { RegisterVolunteerCommand } from '../volunteer/register-volunteer/register-volunteer.handler.js';
import { ReinstateVolunteerCommand } from '../volunteer/reinstate-volunteer/reinstate-volunteer.handler.js';
import { SuspendVolunteerCommand } from '../volunteer/suspend-volunteer/suspend-volunteer.handler.js';
import { demoPlan, scaleOf, type DemoCommand, type DemoPlan, type DemoScale } from './demo-data-set.js';


export type DemoLoadOptions = KitDemoLoadOptions<DemoScale>;

export interface DemoLoadSummary extends DemoRunSummary {
  communityIds: string[];
  /** The end of the demo history (ISO-8601). */
  now: string;
}

/** The command class of each demo command type. */
const toCommand = demoCommandFactory<DemoCommand>({
  FormVolunteerTeam: FormVolunteerTeamCommand,
  RegisterVolunteer: RegisterVolunteerCommand,
  JoinVolunteerTeam: JoinVolunteerTeamCommand,
  RecordVolunteerTraining: RecordVolunteerTrainingCommand,
  SuspendVolunteer: SuspendVolunteerCommand,
  ReinstateVolunteer: ReinstateVolunteerCommand,
  PublishServiceOpportunity: PublishServiceOpportunityCommand,
  SignUpForOpportunity: SignUpForOpportunityCommand,
  WithdrawFromOpportunity: WithdrawFromOpportunityCommand,
  CheckInVolunteer: CheckInVolunteerCommand,
  CheckOutVolunteer: CheckOutVolunteerCommand,
  VerifyServiceHours: VerifyServiceHoursCommand,
  CompleteServiceOpportunity: CompleteServiceOpportunityCommand,
  RecordServiceHours: RecordServiceHoursCommand,
  IssueServiceCertificate: IssueServiceCertificateCommand,
});

/**
 * Loads volunteering in the demo street through the real command handlers (the kit's `runDemoPlan`): a re-run
 * appends nothing, an interrupted run resumes. Phases in dependency order: teams (joining checks the team),
 * volunteers (sign-ups check the volunteer), opportunities (ledger records check the verified hours), ledgers.
 */
export async function loadDemo(app: INestApplicationContext, options: DemoLoadOptions = {}): Promise<DemoLoadSummary> {
  const pool = app.get<pg.Pool>(EVENT_STORE_POOL);
  const planAt = (now: Date): DemoPlan[] =>
    options.scale
      ? [demoPlan({ ...scaleOf(MAIN_DEMO_COMMUNITY), ...options.scale }, now, MAIN_DEMO_COMMUNITY)]
      : DEMO_COMMUNITIES.map((community) => demoPlan(scaleOf(community), now, community));
  const now = options.now ?? (await loadedHistoryEnd(pool, (at) => planAt(at)[0]?.teams[0])) ?? new Date();
  const plans = planAt(now);
  const bus = app.get(CommandBus);
  const summary = await runDemoPlan({
    execute: (command) => bus.execute(command),
    pool,
    phases: [
      { name: 'teams', scripts: plans.flatMap((plan) => plan.teams) },
      { name: 'volunteers', scripts: plans.flatMap((plan) => plan.volunteers) },
      { name: 'opportunities', scripts: plans.flatMap((plan) => plan.opportunities) },
      { name: 'ledgers', scripts: plans.flatMap((plan) => plan.ledgers) },
    ],
    toCommand,
    actor: DEMO_ACTOR,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  return { ...summary, communityIds: plans.map((plan) => plan.communityId), now: now.toISOString() };
}
