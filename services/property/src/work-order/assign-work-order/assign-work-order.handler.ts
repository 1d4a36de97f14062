import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { WorkOrderState } from '../work-order.state.js';
import { WorkOrderCommands } from '../work-order-commands.js';

export class AssignWorkOrderCommand extends Command<Written<WorkOrderState>> {
  constructor(
    readonly data: { workOrderId: string; assigneeId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AssignWorkOrderCommand)
export class AssignWorkOrderHandler implements ICommandHandler<AssignWorkOrderCommand> {
  constructor(@Inject(WorkOrderCommands) private readonly workOrders: WorkOrderCommands) {}

  execute({ data, context }: AssignWorkOrderCommand): Promise<Written<WorkOrderState>> {
    return this.workOrders.run(data.workOrderId, context, (metadata) => ({ type: 'AssignWorkOrder', data, metadata }));
  }
}
