import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, type CommandMetadata } from '@cogov/domain';
import { COMMAND_EXECUTOR, Jurisdiction, ReadModels, ReadYourWrites, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { WorkOrderRow } from './projections/work-order-board/work-order-board.entity.js';
import { workOrderDecider, type WorkOrderCommand } from './work-order.decide.js';
import { workOrderStreamId } from './work-order.events.js';
import { workOrderFromRow, type WorkOrderType } from './work-order.graphql.js';
import type { WorkOrderState } from './work-order.state.js';

/** Runs a work-order command inside the caller's jurisdiction and answers the order as the board shows it. */
@Injectable()
export class WorkOrderCommands {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
    @Inject(ReadModels) private readonly readModels: ReadModels,
  ) {}

  run(
    workOrderId: string,
    context: CommandContext,
    command: (metadata: CommandMetadata) => WorkOrderCommand,
    newCommunityId?: string,
  ): Promise<Written<WorkOrderState>> {
    return this.executor.execute({
      streamId: workOrderStreamId(workOrderId),
      decider: workOrderDecider,
      command,
      context,
      authorize: async (current) => {
        const communityId = current.status !== 'empty' ? current.communityId : newCommunityId;
        // An unknown work order falls through to decide, which answers NOT_FOUND.
        if (communityId) await this.jurisdiction.assert(context.actor, { communityId });
      },
    });
  }

  async present({ state, checkpoint }: Written<WorkOrderState>, mutation: string): Promise<WorkOrderType> {
    if (state.status === 'empty') throw new Error(`work order missing after ${mutation}`);
    await this.readYourWrites.waitFor(['work-order-board'], checkpoint, mutation);
    const row = await this.readModels.em().findOne(WorkOrderRow, { workOrderId: state.workOrderId });
    if (!row) throw new NotFoundError('work order', state.workOrderId);
    return workOrderFromRow(row);
  }
}
