import { Inject } from '@nestjs/common';
import { Float, Int, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { ReadModels } from '@cogov/service-kit';
import { hoursOf } from '../hours-ledger/hours-ledger.graphql.js';
import { VolunteerRow } from '../volunteer/projections/volunteer-roster/volunteer-roster.entities.js';
import { CommunityType } from './community.graphql.js';

/**
 * Federation: the gateway resolves a Community in residents, then asks here for these two counts. They are
 * aggregate figures without personal data, answered for any community the gateway asks about.
 */
@Resolver(() => CommunityType)
export class CommunityVolunteeringResolver {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  @ResolveReference()
  resolveReference(reference: { id: string }): CommunityType {
    return { id: reference.id };
  }

  @ResolveField(() => Int)
  volunteersRegistered(@Parent() community: CommunityType): Promise<number> {
    return this.readModels.em().count(VolunteerRow, { communityId: community.id });
  }

  @ResolveField(() => Float)
  async verifiedServiceHours(@Parent() community: CommunityType): Promise<number> {
    const [row] = await this.readModels
      .em()
      .getConnection()
      .execute<{ minutes: number }[]>('select coalesce(sum(served_minutes), 0)::int as minutes from service_records where community_id = ?', [
        community.id,
      ]);
    return hoursOf(row?.minutes ?? 0);
  }
}
