import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { WorkOrderState } from '../work-order.state.js';
import { WorkOrderCommands } from '../work-order-commands.js';

export class RejectWorkOrderCompletionCommand extends Command<Written<WorkOrderState>> {
  constructor(
    readonly data: { workOrderId: string; reason: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RejectWorkOrderCompletionCommand)
export class RejectWorkOrderCompletionHandler implements ICommandHandler<RejectWorkOrderCompletionCommand> {
  constructor(@Inject(WorkOrderCommands) private readonly workOrders: WorkOrderCommands) {}

  execute({ data, context }: RejectWorkOrderCompletionCommand): Promise<Written<WorkOrderState>> {
    return this.workOrders.run(data.workOrderId, context, (metadata) => ({ type: 'RejectWorkOrderCompletion', data, metadata }));
  }
}
