import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@cogov/domain';
import { AggregateStore } from '@cogov/eventsourcing';
import { Jurisdiction, type CommandContext, type Written } from '@cogov/service-kit';
import { compoundDecider } from '../../compound/compound.decide.js';
import { compoundStreamId } from '../../compound/compound.events.js';
import type { WorkOrderCategory } from '../work-order.events.js';
import type { WorkOrderState } from '../work-order.state.js';
import { WorkOrderCommands } from '../work-order-commands.js';

export interface OpenWorkOrderData {
  workOrderId: string;
  compoundId: string;
  category: WorkOrderCategory;
  summary: string;
  location: string;
  appealId: string | null;
  appealCorrelationId: string | null;
}

export class OpenWorkOrderCommand extends Command<Written<WorkOrderState>> {
  constructor(
    readonly data: OpenWorkOrderData,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(OpenWorkOrderCommand)
export class OpenWorkOrderHandler implements ICommandHandler<OpenWorkOrderCommand> {
  constructor(
    @Inject(WorkOrderCommands) private readonly workOrders: WorkOrderCommands,
    @Inject(AggregateStore) private readonly aggregates: AggregateStore,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  async execute({ data, context }: OpenWorkOrderCommand): Promise<Written<WorkOrderState>> {
    // The work order's community is the compound's: the caller cannot file an order into another
    // community's compound by naming their own community.
    const { state: compound } = await this.aggregates.load(compoundStreamId(data.compoundId), compoundDecider);
    if (compound.status !== 'registered') throw new NotFoundError('compound', data.compoundId);
    await this.jurisdiction.assert(context.actor, { communityId: compound.communityId });
    const { communityId } = compound;
    return this.workOrders.run(
      data.workOrderId,
      context,
      (metadata) => ({ type: 'OpenWorkOrder', data: { ...data, communityId }, metadata }),
      communityId,
    );
  }
}
