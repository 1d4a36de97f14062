import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { WorkOrderState } from '../work-order.state.js';
import { WorkOrderCommands } from '../work-order-commands.js';

export class VerifyWorkOrderCommand extends Command<Written<WorkOrderState>> {
  constructor(
    readonly data: { workOrderId: string; note: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(VerifyWorkOrderCommand)
export class VerifyWorkOrderHandler implements ICommandHandler<VerifyWorkOrderCommand> {
  constructor(@Inject(WorkOrderCommands) private readonly workOrders: WorkOrderCommands) {}

  execute({ data, context }: VerifyWorkOrderCommand): Promise<Written<WorkOrderState>> {
    return this.workOrders.run(data.workOrderId, context, (metadata) => ({ type: 'VerifyWorkOrder', data, metadata }));
  }
}
