import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus, type Command } from '@nestjs/cqrs';
import type pg from 'pg';
import { EVENT_STORE_POOL, uuidv7 } from '@cogov/eventsourcing';
import { type CommandContext, systemActor } from '@cogov/service-kit';
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
import { demoPlan, FULL_SCALE, type DemoCommand, type DemoScale, type DemoScript } from './demo-data-set.js';

/**
 * Trusted code of this service, like the escalation scheduler: a system actor passes every jurisdiction check,
 * which is the street admin's reach over the demo street and more. It never comes from a token.
 */
export const DEMO_ACTOR = systemActor('demo-loader');

export interface DemoLoadOptions {
  scale?: Partial<DemoScale>;
  /** The instant the demo history ends at (default: now); every command is back-dated from it. */
  now?: Date;
  /** Aggregates loaded at once (default 8): the event store pool has 10 connections. */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface DemoLoadSummary {
  communityId: string;
  streetId: string;
  gridIds: string[];
  aggregates: number;
  commandsRun: number;
  /** Steps already in the store from an earlier run, not sent again. */
  commandsSkipped: number;
  eventsAppended: number;
  phases: { name: string; aggregates: number; commands: number; ms: number }[];
  totalMs: number;
}

function toCommand({ type, data }: DemoCommand, context: CommandContext): Command<unknown> {
  switch (type) {
    case 'RegisterCommunity':
      return new RegisterCommunityCommand(data, context);
    case 'DelineateGrid':
      return new DelineateGridCommand(data, context);
    case 'AssignGridWorker':
      return new AssignGridWorkerCommand(data, context);
    case 'RegisterHousehold':
      return new RegisterHouseholdCommand(data, context);
    case 'MoveResidentIn':
      return new MoveResidentInCommand(data, context);
    case 'TagVulnerableGroup':
      return new TagVulnerableGroupCommand(data, context);
    case 'FileAppeal':
      return new FileAppealCommand(data, context);
    case 'AcceptAppeal':
      return new AcceptAppealCommand(data, context);
    case 'DispatchAppeal':
      return new DispatchAppealCommand(data, context);
    case 'NoteAppealProgress':
      return new NoteAppealProgressCommand(data, context);
    case 'ResolveAppeal':
      return new ResolveAppealCommand(data, context);
    case 'RecordReturnVisit':
      return new RecordReturnVisitCommand(data, context);
    case 'ReopenAppeal':
      return new ReopenAppealCommand(data, context);
    case 'EscalateAppeal':
      return new EscalateAppealCommand(data, context);
    default: {
      const unknown: never = type;
      throw new Error(`no handler for demo command ${String(unknown)}`);
    }
  }
}

/**
 * Loads the demo community through the real command handlers (CommandBus): validation, encryption of personal
 * fields, decide and the expected-version append all run as they do for a GraphQL mutation. Each command's
 * `occurredAt` is the plan's instant, set by this trusted loader (GraphQL always uses the request time).
 *
 * Idempotent by deterministic ids plus stream versions: every planned step appends one event, so a stream at
 * version v has its first v steps done and the loader sends only the rest. A second run appends nothing; a
 * run that was interrupted resumes.
 */
export async function loadDemo(app: INestApplicationContext, options: DemoLoadOptions = {}): Promise<DemoLoadSummary> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const concurrency = options.concurrency ?? 8;
  const plan = demoPlan({ ...FULL_SCALE, ...options.scale }, options.now ?? new Date());
  const bus = app.get(CommandBus);
  const pool = app.get<pg.Pool>(EVENT_STORE_POOL);
  const correlationId = uuidv7();

  const countEvents = async () => Number((await pool.query<{ n: string }>('select count(*) as n from es_events')).rows[0]!.n);
  const eventsBefore = await countEvents();
  const { rows } = await pool.query<{ stream_id: string; version: number }>('select stream_id, max(stream_version)::int as version from es_events group by stream_id');
  const versions = new Map(rows.map((row) => [row.stream_id, row.version]));

  let commandsRun = 0;
  let commandsSkipped = 0;
  const runScript = async (script: DemoScript): Promise<number> => {
    const done = Math.min(versions.get(script.streamId) ?? 0, script.steps.length);
    commandsSkipped += done;
    for (const step of script.steps.slice(done)) {
      await bus.execute(toCommand(step.command, { actor: DEMO_ACTOR, correlationId, causationId: uuidv7(), occurredAt: step.at.toISOString() }));
      commandsRun += 1;
    }
    return script.steps.length - done;
  };

  const phases: DemoLoadSummary['phases'] = [];
  // Phases in dependency order (households need the grids, residents their household, appeals their resident);
  // inside a phase, aggregates are independent and run `concurrency` at a time.
  for (const [name, scripts] of [
    ['community', [plan.community]],
    ['households', plan.households],
    ['residents', plan.residents],
    ['appeals', plan.appeals],
  ] as const) {
    const phaseStarted = Date.now();
    let next = 0;
    let finished = 0;
    let commands = 0;
    const step = Math.max(1, Math.ceil(scripts.length / 5));
    const worker = async () => {
      while (next < scripts.length) {
        // Awaited first: `commands += await …` would add to the value read before the await, losing other workers' counts.
        const ran = await runScript(scripts[next++]!);
        commands += ran;
        finished += 1;
        if (finished % step === 0 || finished === scripts.length) {
          log(`${name} ${finished}/${scripts.length} (${commands} commands, ${((Date.now() - phaseStarted) / 1000).toFixed(1)} s)`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, scripts.length) }, worker));
    phases.push({ name, aggregates: scripts.length, commands, ms: Date.now() - phaseStarted });
  }

  return {
    communityId: plan.communityId,
    streetId: plan.streetId,
    gridIds: plan.community.steps.flatMap(({ command }) => (command.type === 'DelineateGrid' ? [command.data.gridId] : [])),
    aggregates: 1 + plan.households.length + plan.residents.length + plan.appeals.length,
    commandsRun,
    commandsSkipped,
    eventsAppended: (await countEvents()) - eventsBefore,
    phases,
    totalMs: Date.now() - started,
  };
}
