import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { ValidationError } from '@cogov/domain';
import { uuidv7 } from '@cogov/eventsourcing';
import { MutationContext, optionalUuid, requireEnum, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { WORK_ORDER_CATEGORIES } from '../work-order.events.js';
import { WorkOrderType } from '../work-order.graphql.js';
import { WorkOrderCommands } from '../work-order-commands.js';
import { OpenWorkOrderCommand } from './open-work-order.handler.js';

@InputType()
export class OpenWorkOrderInput {
  @Field(() => ID) compoundId!: string;
  @Field({ description: 'repair | cleaning | parking | safety' }) category!: string;
  @Field({ description: 'What is to be done, without personal data.' }) summary!: string;
  @Field() location!: string;
  @Field(() => ID, { nullable: true, description: 'The appeal this order serves (with its correlation id), if any.' }) appealId?: string | null;
  @Field(() => ID, { nullable: true }) appealCorrelationId?: string | null;
}

@Resolver()
export class OpenWorkOrderResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(WorkOrderCommands) private readonly workOrders: WorkOrderCommands,
  ) {}

  @Mutation(() => WorkOrderType)
  async openWorkOrder(@Args('input') input: OpenWorkOrderInput, @MutationContext() context: CommandContext): Promise<WorkOrderType> {
    const appealId = optionalUuid(input.appealId, 'input.appealId');
    const appealCorrelationId = optionalUuid(input.appealCorrelationId, 'input.appealCorrelationId');
    if ((appealId === null) !== (appealCorrelationId === null)) {
      throw new ValidationError('input.appealCorrelationId', 'input.appealCorrelationId must be given exactly when input.appealId is');
    }
    const data = {
      workOrderId: uuidv7(),
      compoundId: requireUuid(input.compoundId, 'input.compoundId'),
      category: requireEnum(input.category, WORK_ORDER_CATEGORIES, 'input.category'),
      summary: requireText(input.summary, 'input.summary', { max: 200 }),
      location: requireText(input.location, 'input.location', { max: 100 }),
      appealId,
      appealCorrelationId,
    };
    return this.workOrders.present(await this.commands.execute(new OpenWorkOrderCommand(data, context)), 'openWorkOrder');
  }
}
