import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { MutationContext, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { WorkOrderType } from '../work-order.graphql.js';
import { WorkOrderCommands } from '../work-order-commands.js';
import { RejectWorkOrderCompletionCommand } from './reject-work-order-completion.handler.js';

@InputType()
export class RejectWorkOrderCompletionInput {
  @Field(() => ID) workOrderId!: string;
  @Field({ description: 'What is still wrong; the order goes back to its assignee.' }) reason!: string;
}

@Resolver()
export class RejectWorkOrderCompletionResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(WorkOrderCommands) private readonly workOrders: WorkOrderCommands,
  ) {}

  @Mutation(() => WorkOrderType, { description: 'Sends a completed work order back to its assignee (the caller is recorded as who rejected it).' })
  async rejectWorkOrderCompletion(
    @Args('input') input: RejectWorkOrderCompletionInput,
    @MutationContext() context: CommandContext,
  ): Promise<WorkOrderType> {
    const data = {
      workOrderId: requireUuid(input.workOrderId, 'input.workOrderId'),
      reason: requireText(input.reason, 'input.reason', { max: 500 }),
    };
    return this.workOrders.present(await this.commands.execute(new RejectWorkOrderCompletionCommand(data, context)), 'rejectWorkOrderCompletion');
  }
}
