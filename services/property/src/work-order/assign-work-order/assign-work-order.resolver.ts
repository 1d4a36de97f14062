import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { MutationContext, requireExternalId, requireUuid, type CommandContext } from '@cogov/service-kit';
import { WorkOrderType } from '../work-order.graphql.js';
import { WorkOrderCommands } from '../work-order-commands.js';
import { AssignWorkOrderCommand } from './assign-work-order.handler.js';

@InputType()
export class AssignWorkOrderInput {
  @Field(() => ID) workOrderId!: string;
  @Field(() => ID, { description: 'The worker or team of the property company.' }) assigneeId!: string;
}

@Resolver()
export class AssignWorkOrderResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(WorkOrderCommands) private readonly workOrders: WorkOrderCommands,
  ) {}

  @Mutation(() => WorkOrderType)
  async assignWorkOrder(@Args('input') input: AssignWorkOrderInput, @MutationContext() context: CommandContext): Promise<WorkOrderType> {
    const data = {
      workOrderId: requireUuid(input.workOrderId, 'input.workOrderId'),
      assigneeId: requireExternalId(input.assigneeId, 'input.assigneeId'),
    };
    return this.workOrders.present(await this.commands.execute(new AssignWorkOrderCommand(data, context)), 'assignWorkOrder');
  }
}
