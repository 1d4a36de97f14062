import { Inject } from '@nestjs/common';
import { Args, ID, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { requireExternalId, requireUuid } from '@cogov/service-kit';
import { parseAsOf } from './scorecard.js';
import { CommunityScorecardType, CommunityType, ScorecardType, StreetScorecardType } from './scorecard.graphql.js';
import { ScorecardReader } from './scorecard.reader.js';

const AS_OF = {
  nullable: true,
  type: () => String,
  description: 'The figures as they stood then: a date YYYY-MM-DD (end of that day, Asia/Shanghai) or an RFC 3339 date-time. Default: now.',
} as const;

@Resolver()
export class ScorecardResolver {
  constructor(@Inject(ScorecardReader) private readonly reader: ScorecardReader) {}

  @Query(() => CommunityScorecardType, { description: "A community's co-governance scorecard." })
  communityScorecard(
    @Args('communityId', { type: () => ID }) communityId: string,
    @Args('asOf', AS_OF) asOf: string | null,
    @CurrentActor() actor: Actor,
  ): Promise<CommunityScorecardType> {
    return this.reader.community(actor, requireUuid(communityId, 'communityId'), parseAsOf(asOf));
  }

  @Query(() => StreetScorecardType, { description: "The street roll-up (街道): every community's scorecard and the street's total." })
  streetScorecard(
    @Args('streetId', { type: () => ID }) streetId: string,
    @Args('asOf', AS_OF) asOf: string | null,
    @CurrentActor() actor: Actor,
  ): Promise<StreetScorecardType> {
    return this.reader.street(actor, requireExternalId(streetId, 'streetId'), parseAsOf(asOf));
  }
}

/** The scorecard on the residents' Community type, through federation. */
@Resolver(() => CommunityType)
export class CommunityScorecardResolver {
  constructor(@Inject(ScorecardReader) private readonly reader: ScorecardReader) {}

  @ResolveReference()
  resolveReference(reference: { id: string }): CommunityType {
    return { id: reference.id };
  }

  @ResolveField(() => ScorecardType, { description: "The community's co-governance scorecard (governance view)." })
  async scorecard(@Parent() community: CommunityType, @Args('asOf', AS_OF) asOf: string | null, @CurrentActor() actor: Actor): Promise<ScorecardType> {
    const at = parseAsOf(asOf);
    await this.reader.assertCommunity(actor, community.id);
    return this.reader.scorecard([community.id], at);
  }
}
