import { Inject } from '@nestjs/common';
import { Float, Int, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { ForbiddenError, Jurisdiction, ReadModels } from '@cogov/service-kit';
import { hoursOf } from '../hours-ledger/hours-ledger.graphql.js';
import { VolunteerRow } from '../volunteer/projections/volunteer-roster/volunteer-roster.entities.js';
import { CommunityType } from './community.graphql.js';

/**
 * Federation: the gateway resolves a Community in residents, then asks here for these two counts — aggregate
 * figures without personal data, answered to those whose jurisdiction covers the community (checked here too: the
 * subgraph can be asked for an entity directly).
 */
@Resolver(() => CommunityType)
export class CommunityVolunteeringResolver {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  /** Counts of a community are for those whose jurisdiction covers it, like the community itself (ADR 0007). */
  private async assertCovers(actor: Actor, communityId: string): Promise<void> {
    if (!(await this.jurisdiction.covers(actor, { communityId }))) throw new ForbiddenError(`community ${communityId} is outside your jurisdiction`);
  }

  @ResolveReference()
  resolveReference(reference: { id: string }): CommunityType {
    return { id: reference.id };
  }

  @ResolveField(() => Int)
  async volunteersRegistered(@Parent() community: CommunityType, @CurrentActor() actor: Actor): Promise<number> {
    await this.assertCovers(actor, community.id);
    return await this.readModels.em().count(VolunteerRow, { communityId: community.id });
  }

  @ResolveField(() => Float)
  async verifiedServiceHours(@Parent() community: CommunityType, @CurrentActor() actor: Actor): Promise<number> {
    await this.assertCovers(actor, community.id);
    const [row] = await this.readModels
      .em()
      .getConnection()
      .execute<{ minutes: number }[]>('select coalesce(sum(served_minutes), 0)::int as minutes from service_records where community_id = ?', [
        community.id,
      ]);
    return hoursOf(row?.minutes ?? 0);
  }
}
