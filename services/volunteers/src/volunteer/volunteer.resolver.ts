import { Inject } from '@nestjs/common';
import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { requireInt, requireUuid } from '@cogov/service-kit';
import { CommunityType } from '../community/community.graphql.js';
import { TeamType, VolunteerType } from './volunteer.graphql.js';
import { VolunteerReader } from './volunteer-reader.js';

/** Queries over the volunteer roster (each checks the caller's jurisdiction), and the volunteer's community. */
@Resolver(() => VolunteerType)
export class VolunteerQueriesResolver {
  constructor(@Inject(VolunteerReader) private readonly reader: VolunteerReader) {}

  @Query(() => VolunteerType)
  volunteer(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<VolunteerType> {
    return this.reader.volunteer(actor, requireUuid(id, 'id'));
  }

  @Query(() => [VolunteerType], { description: 'Volunteers registered in a community, oldest first.' })
  volunteersOfCommunity(
    @Args('communityId', { type: () => ID }) communityId: string,
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<VolunteerType[]> {
    return this.reader.ofCommunity(
      actor,
      requireUuid(communityId, 'communityId'),
      requireInt(first, 'first', 1, 500),
      requireInt(offset, 'offset', 0, 1_000_000),
    );
  }

  @Query(() => TeamType)
  team(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<TeamType> {
    return this.reader.team(actor, requireUuid(id, 'id'));
  }

  /** The volunteer's community as a federation reference: the residents subgraph fills in the rest. */
  @ResolveField(() => CommunityType)
  community(@Parent() volunteer: VolunteerType): CommunityType {
    return { id: volunteer.communityId };
  }
}
