import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { MutationContext, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { WorkOrderType } from '../work-order.graphql.js';
import { WorkOrderCommands } from '../work-order-commands.js';
import { VerifyWorkOrderCommand } from './verify-work-order.handler.js';

@InputType()
export class VerifyWorkOrderInput {
  @Field(() => ID) workOrderId!: string;
  @Field(() => String, { nullable: true, description: 'May be left out.' }) note?: string | null;
}

@Resolver()
export class VerifyWorkOrderResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(WorkOrderCommands) private readonly workOrders: WorkOrderCommands,
  ) {}

  @Mutation(() => WorkOrderType)
  async verifyWorkOrder(@Args('input') input: VerifyWorkOrderInput, @MutationContext() context: CommandContext): Promise<WorkOrderType> {
    const data = {
      workOrderId: requireUuid(input.workOrderId, 'input.workOrderId'),
      note: input.note === null || input.note === undefined || input.note.trim() === '' ? '' : requireText(input.note, 'input.note', { max: 500 }),
    };
    return this.workOrders.present(await this.commands.execute(new VerifyWorkOrderCommand(data, context)), 'verifyWorkOrder');
  }
}
