import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { WorkOrderState } from '../work-order.state.js';
import { WorkOrderCommands } from '../work-order-commands.js';

export class CompleteWorkOrderCommand extends Command<Written<WorkOrderState>> {
  constructor(
    readonly data: { workOrderId: string; completionNote: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(CompleteWorkOrderCommand)
export class CompleteWorkOrderHandler implements ICommandHandler<CompleteWorkOrderCommand> {
  constructor(@Inject(WorkOrderCommands) private readonly workOrders: WorkOrderCommands) {}

  execute({ data, context }: CompleteWorkOrderCommand): Promise<Written<WorkOrderState>> {
    return this.workOrders.run(data.workOrderId, context, (metadata) => ({ type: 'CompleteWorkOrder', data, metadata }));
  }
}
