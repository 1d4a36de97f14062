import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { NotFoundError } from '@cogov/domain';
import { ForbiddenError, Jurisdiction, ReadModels, requireEnum, requireUuid } from '@cogov/service-kit';
import { CompoundRow } from '../../../compound/projections/compound-directory/compound-directory.entity.js';
import { WORK_ORDER_STATUSES, WorkOrderType, workOrderFromRow } from '../../work-order.graphql.js';
import { WorkOrderRow } from './work-order-board.entity.js';

/** Queries over the work-order board; each checks the caller's jurisdiction over the community. */
@Resolver(() => WorkOrderType)
export class WorkOrderBoardResolver {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  @Query(() => WorkOrderType)
  async workOrder(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<WorkOrderType> {
    const row = await this.readModels.em().findOne(WorkOrderRow, { workOrderId: requireUuid(id, 'id') });
    if (!row) throw new NotFoundError('work order', id);
    await this.assertCovers(actor, row.communityId);
    return workOrderFromRow(row);
  }

  @Query(() => [WorkOrderType], { description: 'Work orders of a compound, newest first, optionally of one status.' })
  async workOrders(
    @Args('compoundId', { type: () => ID }) compoundId: string,
    @Args('status', { type: () => String, nullable: true, description: 'opened | assigned | completed | verified' }) status: string | null,
    @CurrentActor() actor: Actor,
  ): Promise<WorkOrderType[]> {
    const compound = requireUuid(compoundId, 'compoundId');
    const where: FilterQuery<WorkOrderRow> = { compoundId: compound };
    if (status !== null && status !== undefined) where.status = requireEnum(status, WORK_ORDER_STATUSES, 'status');
    const known = await this.readModels.em().findOne(CompoundRow, { compoundId: compound });
    if (!known) throw new NotFoundError('compound', compound);
    await this.assertCovers(actor, known.communityId);
    const rows = await this.readModels.em().find(WorkOrderRow, where, { orderBy: { openedAt: 'desc', workOrderId: 'desc' } });
    return rows.map(workOrderFromRow);
  }

  private async assertCovers(actor: Actor, communityId: string): Promise<void> {
    if (!(await this.jurisdiction.covers(actor, { communityId }))) {
      throw new ForbiddenError(`community ${communityId} is outside your jurisdiction`);
    }
  }
}
