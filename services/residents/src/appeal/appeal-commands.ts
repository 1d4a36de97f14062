import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@cogov/auth';
import type { CommandMetadata } from '@cogov/domain';
import { COMMAND_EXECUTOR, type CommandContext, type CommandExecutor, Jurisdiction, PersonalDataPresenter, ReadModels, ReadYourWrites, type Written } from '@cogov/service-kit';
import type { DeadlinePolicy } from './appeal-deadlines.js';
import { createAppealDecider, type AppealCommand } from './appeal.decide.js';
import { appealStreamId } from './appeal.events.js';
import { appealFromState, type AppealType } from './appeal.graphql.js';
import type { AppealState } from './appeal.state.js';
import { AppealBoardRow } from './projections/appeal-board/appeal-board.entity.js';
import { DEADLINE_POLICY } from '../infrastructure/residents-infrastructure.js';

/** Runs appeal commands with the configured deadline policy, inside the actor's jurisdiction. */
@Injectable()
export class AppealCommands {
  private readonly decider;

  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(DEADLINE_POLICY) policy: DeadlinePolicy,
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(PersonalDataPresenter) private readonly personal: PersonalDataPresenter,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {
    this.decider = createAppealDecider(policy);
  }

  async run(
    appealId: string,
    context: CommandContext,
    command: (metadata: CommandMetadata) => AppealCommand,
    newAppealPlace?: { communityId: string; gridId: string | null },
  ): Promise<Written<AppealState>> {
    return this.executor.execute({
      streamId: appealStreamId(appealId),
      decider: this.decider,
      command,
      context,
      authorize: async (current) => {
        if (current.status !== 'empty') await this.jurisdiction.assert(context.actor, { communityId: current.communityId });
        else if (newAppealPlace) await this.jurisdiction.assert(context.actor, newAppealPlace);
      },
    });
  }

  /**
   * The mutation's answer: the aggregate's state, completed with what only the board knows (the description,
   * location, notes …) once the board holds this command's events. Should the board not get there in time,
   * only the filing facts are taken from its row (they never change, so even a stale row has them right) and
   * the rest stays null: an answer never mixes the new state with an older notes list or resolution.
   */
  async present(actor: Actor, { state, checkpoint }: Written<AppealState>, mutation: string): Promise<AppealType> {
    if (state.status === 'empty') throw new Error('appeal missing after a command');
    const fresh = await this.readYourWrites.waitFor(['appeal-board'], checkpoint, mutation);
    const appeal = appealFromState(state, new Date());
    const row = await this.readModels.em().findOne(AppealBoardRow, { appealId: state.appealId });
    if (row) {
      Object.assign(appeal, {
        channel: row.channel,
        gridId: row.gridId,
        location: row.location,
        householdId: row.householdId,
        residentId: row.residentId,
        filedAt: row.filedAt.toISOString(),
      });
      if (fresh) Object.assign(appeal, { reopenCount: row.reopenCount, notes: row.notes, resolution: row.resolution });
      const [description] = await this.personal.present(actor, [
        { place: { communityId: row.communityId, gridId: row.gridId }, field: row.description, mask: undefined },
      ]);
      appeal.description = description ?? null;
    }
    return appeal;
  }
}
