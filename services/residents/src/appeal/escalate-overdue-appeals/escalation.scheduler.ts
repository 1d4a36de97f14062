import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { uuidv7 } from '@cogov/eventsourcing';
import type { ResidentsConfig } from '../../infrastructure/config.js';
import { InvalidStateError } from '@cogov/domain';
import { ConcurrentChangeError, Jurisdiction, ReadModels, SERVICE_CONFIG, systemActor } from '@cogov/service-kit';
import { AppealBoardRow } from '../projections/appeal-board/appeal-board.entity.js';
import { EscalateAppealCommand } from './escalate-appeal.handler.js';

export const ESCALATION_ACTOR = systemActor('escalation-scheduler');

/**
 * Runs on every instance, with no leader: the board may show an appeal as not yet escalated to several
 * instances at once, and the command's decide + expected version turn their racing commands into one
 * AppealEscalated.
 */
@Injectable()
export class EscalationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('escalation');
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<unknown> | undefined;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ResidentsConfig,
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.escalation.enabled) return;
    this.timer = setInterval(() => {
      // Never two ticks at once on one instance: a slow tick skips the next one.
      this.tick ??= this.escalateOverdue(new Date())
        .catch((error: unknown) => this.logger.error('escalation round failed', { error: String(error) }))
        .finally(() => (this.tick = undefined));
    }, this.config.escalation.intervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.tick;
  }

  /** One round: escalates every dispatched appeal past its deadline; returns how many of them stand escalated after it (by this instance or another). */
  async escalateOverdue(now: Date): Promise<number> {
    const overdue = await this.readModels
      .em()
      .find(AppealBoardRow, { status: 'dispatched', escalated: false, deadline: { $lt: now } }, { orderBy: { deadline: 'asc' }, limit: 500 });
    const correlationId = uuidv7();
    let escalated = 0;
    for (const appeal of overdue) {
      const streetId = await this.jurisdiction.streetOf(appeal.communityId);
      if (!streetId) continue;
      try {
        const { state } = await this.commands.execute(
          new EscalateAppealCommand(
            { appealId: appeal.appealId, streetId },
            { actor: ESCALATION_ACTOR, correlationId, causationId: uuidv7(), occurredAt: now.toISOString() },
          ),
        );
        if (state.status === 'dispatched' && state.escalated) escalated += 1;
      } catch (error) {
        // The appeal moved on (resolved, re-dispatched) or another instance is escalating it right now.
        if (error instanceof InvalidStateError || error instanceof ConcurrentChangeError) continue;
        throw error;
      }
    }
    return escalated;
  }
}
