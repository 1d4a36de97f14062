import type { ICommand } from '@nestjs/cqrs';
import type pg from 'pg';
import { uuidv7 } from '@cogov/eventsourcing';
import type { CommandContext } from '../command-executor.js';
import { systemActor, type CommandActor } from '../request-context.js';

/** One command of a demo plan, with the instant it happened. */
export interface DemoStep<Command> {
  at: Date;
  command: Command;
}

/**
 * The history of one aggregate: its stream and its commands in order. Every step must append exactly one
 * event to the stream, which is how a re-run knows what is already there.
 */
export interface DemoScript<Command> {
  streamId: string;
  steps: DemoStep<Command>[];
}

/** Scripts whose aggregates are independent of each other; phases run in order. */
export interface DemoPhase<Command> {
  name: string;
  scripts: readonly DemoScript<Command>[];
}

export interface DemoRunOptions<Command> {
  /** The service's command bus (`app.get(CommandBus)`). */
  execute: (command: ICommand) => Promise<unknown>;
  /** The service's event store pool (`app.get(EVENT_STORE_POOL)`). */
  pool: pg.Pool;
  phases: readonly DemoPhase<Command>[];
  toCommand: (command: Command, context: CommandContext) => ICommand;
  /** The trusted loader's actor (`systemActor('demo-loader')`). */
  actor: CommandActor;
  /** Aggregates loaded at once (default 8): the event store pool has 10 connections. */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface DemoRunSummary {
  aggregates: number;
  commandsRun: number;
  /** Steps already in the store from an earlier run, not sent again. */
  commandsSkipped: number;
  eventsAppended: number;
  phases: { name: string; aggregates: number; commands: number; ms: number }[];
  totalMs: number;
}

/**
 * Runs a demo plan through the real command handlers (validation, encryption of personal fields, decide and
 * the expected-version append all run as for a GraphQL mutation). Each command's `occurredAt` is its step's
 * instant, set by the trusted loader.
 *
 * Idempotent by deterministic ids plus stream versions: a stream at version v has its first v steps done and
 * only the rest are sent. A second run appends nothing; an interrupted run resumes.
 */
export async function runDemoPlan<Command>(options: DemoRunOptions<Command>): Promise<DemoRunSummary> {
  const started = Date.now();
  const { execute, pool, toCommand, actor } = options;
  const log = options.log ?? (() => undefined);
  const concurrency = options.concurrency ?? 8;
  const correlationId = uuidv7();

  const countEvents = async () => Number((await pool.query<{ n: string }>('select count(*) as n from es_events')).rows[0]!.n);
  const eventsBefore = await countEvents();
  const { rows } = await pool.query<{ stream_id: string; version: number }>('select stream_id, max(stream_version)::int as version from es_events group by stream_id');
  const versions = new Map(rows.map((row) => [row.stream_id, row.version]));

  let commandsRun = 0;
  let commandsSkipped = 0;
  const runScript = async (script: DemoScript<Command>): Promise<number> => {
    const done = Math.min(versions.get(script.streamId) ?? 0, script.steps.length);
    commandsSkipped += done;
    for (const step of script.steps.slice(done)) {
      await execute(toCommand(step.command, { actor, correlationId, causationId: uuidv7(), occurredAt: step.at.toISOString() }));
      commandsRun += 1;
    }
    return script.steps.length - done;
  };

  const phases: DemoRunSummary['phases'] = [];
  for (const { name, scripts } of options.phases) {
    const phaseStarted = Date.now();
    let next = 0;
    let finished = 0;
    let commands = 0;
    const every = Math.max(1, Math.ceil(scripts.length / 5));
    const worker = async () => {
      while (next < scripts.length) {
        // Awaited first: `commands += await …` would add to the value read before the await, losing other workers' counts.
        const ran = await runScript(scripts[next++]!);
        commands += ran;
        finished += 1;
        if (finished % every === 0 || finished === scripts.length) {
          log(`${name} ${finished}/${scripts.length} (${commands} commands, ${((Date.now() - phaseStarted) / 1000).toFixed(1)} s)`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, scripts.length) }, worker));
    phases.push({ name, aggregates: scripts.length, commands, ms: Date.now() - phaseStarted });
  }

  return {
    aggregates: options.phases.reduce((sum, phase) => sum + phase.scripts.length, 0),
    commandsRun,
    commandsSkipped,
    eventsAppended: (await countEvents()) - eventsBefore,
    phases,
    totalMs: Date.now() - started,
  };
}

/** The loader's closing lines: one per phase, then the totals. */
export function describeDemoRun(summary: DemoRunSummary): string[] {
  return [
    ...summary.phases.map(
      (phase) => `${phase.name.padEnd(12)} ${String(phase.aggregates).padStart(5)} aggregates ${String(phase.commands).padStart(5)} commands ${(phase.ms / 1000).toFixed(1).padStart(6)} s`,
    ),
    `${summary.commandsRun} commands run, ${summary.commandsSkipped} already loaded, ${summary.eventsAppended} events appended in ${(summary.totalMs / 1000).toFixed(1)} s`,
  ];
}

/**
 * The end of the history an earlier run loaded, or undefined on a first run: read back from the recorded instant
 * of an anchor script's first step, which the plan puts a fixed time before its end. Pinning it keeps a re-run on
 * a later day from planning another history than the one stored (other months, other activities).
 */
export async function loadedHistoryEnd<Command>(pool: pg.Pool, anchorOf: (now: Date) => DemoScript<Command> | undefined): Promise<Date | undefined> {
  const probe = new Date();
  const anchor = anchorOf(probe);
  const first = anchor?.steps[0];
  if (!anchor || !first) return undefined;
  const { rows } = await pool.query<{ occurred: string }>(`select metadata->>'occurredAt' as occurred from es_events where stream_id = $1 and stream_version = 1`, [
    anchor.streamId,
  ]);
  const occurred = rows[0]?.occurred;
  return occurred ? new Date(Date.parse(occurred) + (probe.getTime() - first.at.getTime())) : undefined;
}

/** The trusted demo loaders' actor: a system actor passes every jurisdiction check. It never comes from a token. */
export const DEMO_ACTOR = systemActor('demo-loader');

/** A demo command: a command class's name and its data. */
export interface DemoCommandShape {
  type: string;
  data: unknown;
}

/** Each demo command type's command class, taking that type's data: checked by the compiler, one entry per type. */
export type DemoCommandClasses<C extends DemoCommandShape> = {
  [K in C['type']]: new (data: Extract<C, { type: K }>['data'], context: CommandContext) => ICommand;
};

/** `runDemoPlan`'s `toCommand` from the table of a service's command classes. */
export function demoCommandFactory<C extends DemoCommandShape>(classes: DemoCommandClasses<C>): (command: C, context: CommandContext) => ICommand {
  return ({ type, data }, context) => {
    // The table's type pairs each class with its own type's data; indexing by a union loses that pairing, not its truth.
    const CommandClass = classes[type as C['type']] as unknown as new (data: unknown, context: CommandContext) => ICommand;
    return new CommandClass(data, context);
  };
}

/** What every service's `loadDemo(app, options)` takes. */
export interface DemoLoadOptions<Scale> {
  /**
   * A smaller scale for tests: only the main community (幸福里社区) is loaded, at this scale. Without it, every
   * community of the demo street is loaded at its own size.
   */
  scale?: Partial<Scale>;
  /**
   * The instant the demo history ends at; every command is back-dated from it. Default: where the first run ended
   * it (`loadedHistoryEnd`), so a later run plans the same history and appends nothing; now on a first run.
   */
  now?: Date;
  /** Aggregates loaded at once (default 8): the event store pool has 10 connections. */
  concurrency?: number;
  log?: (line: string) => void;
}
