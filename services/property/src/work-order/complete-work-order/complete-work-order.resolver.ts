import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { MutationContext, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { WorkOrderType } from '../work-order.graphql.js';
import { WorkOrderCommands } from '../work-order-commands.js';
import { CompleteWorkOrderCommand } from './complete-work-order.handler.js';

@InputType()
export class CompleteWorkOrderInput {
  @Field(() => ID) workOrderId!: string;
  @Field() completionNote!: string;
}

@Resolver()
export class CompleteWorkOrderResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(WorkOrderCommands) private readonly workOrders: WorkOrderCommands,
  ) {}

  @Mutation(() => WorkOrderType)
  async completeWorkOrder(@Args('input') input: CompleteWorkOrderInput, @MutationContext() context: CommandContext): Promise<WorkOrderType> {
    const data = {
      workOrderId: requireUuid(input.workOrderId, 'input.workOrderId'),
      completionNote: requireText(input.completionNote, 'input.completionNote', { max: 500 }),
    };
    return this.workOrders.present(await this.commands.execute(new CompleteWorkOrderCommand(data, context)), 'completeWorkOrder');
  }
}
