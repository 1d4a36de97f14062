import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type pg from 'pg';
import { EVENT_STORE_POOL } from '@cogov/eventsourcing';
import { DEMO_COMMUNITIES, MAIN_DEMO_COMMUNITY, runDemoPlan, type DemoRunSummary, loadedHistoryEnd, DEMO_ACTOR, type DemoLoadOptions as KitDemoLoadOptions, demoCommandFactory } from '@cogov/service-kit';
import { AcceptAppealCommand } from '../appeal/accept-appeal/accept-appeal.handler.js';
import { DispatchAppealCommand } from '../appeal/dispatch-appeal/dispatch-appeal.handler.js';
import { EscalateAppealCommand } from '../appeal/escalate-overdue-appeals/escalate-appeal.handler.js';
import { FileAppealCommand } from '../appeal/file-appeal/file-appeal.handler.js';
import { NoteAppealProgressCommand } from '../appeal/note-appeal-progress/note-appeal-progress.handler.js';
import { RecordReturnVisitCommand } from '../appeal/record-return-visit/record-return-visit.handler.js';
import { ReopenAppealCommand } from '../appeal/reopen-appeal/reopen-appeal.handler.js';
import { ResolveAppealCommand } from '../appeal/resolve-appeal/resolve-appeal.handler.js';
import { AssignGridWorkerCommand } from '../community/assign-grid-worker/assign-grid-worker.handler.js';
import { DelineateGridCommand } from '../community/delineate-grid/delineate-grid.handler.js';
import { RegisterCommunityCommand } from '../community/register-community/register-community.handler.js';
import { RegisterHouseholdCommand } from '../household/register-household/register-household.handler.js';
import { MoveResidentInCommand } from '../resident/move-resident-in/move-resident-in.handler.js';
import { TagVulnerableGroupCommand } from '../resident/tag-vulnerable-group/tag-vulnerable-group.handler.js';
import { demoPlan, scaleOf, type DemoCommand, type DemoScale } from './demo-data-set.js';


export type DemoLoadOptions = KitDemoLoadOptions<DemoScale>;

export interface DemoLoadSummary extends DemoRunSummary {
  /** The main community and its grids (`npm start` mints the demo tokens for them). */
  communityId: string;
  streetId: string;
  gridIds: string[];
  communityIds: string[];
}

/** The command class of each demo command type. */
const toCommand = demoCommandFactory<DemoCommand>({
  RegisterCommunity: RegisterCommunityCommand,
  DelineateGrid: DelineateGridCommand,
  AssignGridWorker: AssignGridWorkerCommand,
  RegisterHousehold: RegisterHouseholdCommand,
  MoveResidentIn: MoveResidentInCommand,
  TagVulnerableGroup: TagVulnerableGroupCommand,
  FileAppeal: FileAppealCommand,
  AcceptAppeal: AcceptAppealCommand,
  DispatchAppeal: DispatchAppealCommand,
  NoteAppealProgress: NoteAppealProgressCommand,
  ResolveAppeal: ResolveAppealCommand,
  RecordReturnVisit: RecordReturnVisitCommand,
  ReopenAppeal: ReopenAppealCommand,
  EscalateAppeal: EscalateAppealCommand,
});

/**
 * Loads the demo street's communities through the real command handlers (the kit's `runDemoPlan`): a re-run
 * appends nothing, an interrupted run resumes. Phases in dependency order (households need the grids,
 * residents their household, appeals their resident); inside a phase, aggregates run `concurrency` at a time.
 */
export async function loadDemo(app: INestApplicationContext, options: DemoLoadOptions = {}): Promise<DemoLoadSummary> {
  // Pinned to where the first run ended the history: a re-run on a later day plans the same history.
  const now = options.now ?? (await loadedHistoryEnd(app.get<pg.Pool>(EVENT_STORE_POOL), (at) => demoPlan(scaleOf(MAIN_DEMO_COMMUNITY), at, MAIN_DEMO_COMMUNITY).community)) ?? new Date();
  const plans = options.scale
    ? [demoPlan({ ...scaleOf(MAIN_DEMO_COMMUNITY), ...options.scale }, now, MAIN_DEMO_COMMUNITY)]
    : DEMO_COMMUNITIES.map((community) => demoPlan(scaleOf(community), now, community));
  const bus = app.get(CommandBus);
  const summary = await runDemoPlan({
    execute: (command) => bus.execute(command),
    pool: app.get<pg.Pool>(EVENT_STORE_POOL),
    phases: [
      { name: 'community', scripts: plans.map((plan) => plan.community) },
      { name: 'households', scripts: plans.flatMap((plan) => plan.households) },
      { name: 'residents', scripts: plans.flatMap((plan) => plan.residents) },
      { name: 'appeals', scripts: plans.flatMap((plan) => plan.appeals) },
    ],
    toCommand,
    actor: DEMO_ACTOR,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const main = plans[0]!;
  return {
    ...summary,
    communityId: main.communityId,
    streetId: main.streetId,
    gridIds: main.community.steps.flatMap(({ command }) => (command.type === 'DelineateGrid' ? [command.data.gridId] : [])),
    communityIds: plans.map((plan) => plan.communityId),
  };
}
