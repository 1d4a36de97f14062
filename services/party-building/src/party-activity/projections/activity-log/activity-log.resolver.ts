import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { Jurisdiction, ReadModels, requireMonth, requireUuid } from '@cogov/service-kit';
import { assertCovers } from '../../../infrastructure/access.js';
import { PartyActivityType, activityFromRow } from '../../party-activity.graphql.js';
import { PartyActivityRow } from './activity-log.entity.js';

const pad = (n: number): string => String(n).padStart(2, '0');

@Resolver()
export class ActivityLogResolver {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  @Query(() => [PartyActivityType], { description: 'Party activities held in the community in a month (YYYY-MM), by date.' })
  async partyActivities(
    @Args('communityId', { type: () => ID }) communityId: string,
    @Args('month') month: string,
    @CurrentActor() actor: Actor,
  ): Promise<PartyActivityType[]> {
    const community = requireUuid(communityId, 'communityId');
    const { year, month: m } = requireMonth(month, 'month');
    await assertCovers(this.jurisdiction, actor, community);
    // held_on is an ISO date string, so the month is a string range.
    const from = `${year}-${pad(m)}-01`;
    const until = m === 12 ? `${year + 1}-01-01` : `${year}-${pad(m + 1)}-01`;
    const rows = await this.readModels
      .em()
      .find(PartyActivityRow, { communityId: community, heldOn: { $gte: from, $lt: until } }, { orderBy: { heldOn: 'asc', activityId: 'asc' } });
    return rows.map(activityFromRow);
  }
}
