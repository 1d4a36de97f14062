import { Inject } from '@nestjs/common';
import { Int, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { ReadModels } from '@cogov/service-kit';
import { HouseholdContactRow } from '../household-contact/projections/household-contacts/household-contacts.entity.js';
import { PartyActivityRow } from '../party-activity/projections/activity-log/activity-log.entity.js';
import { PartyMemberRow } from '../party-member/projections/member-register/member-register.entity.js';
import { CommunityType } from './community.graphql.js';

/**
 * What party building adds to the residents' Community. Counts only, no personal data, so no jurisdiction
 * check beyond the gateway's (the residents subgraph guards the community itself).
 */
@Resolver(() => CommunityType)
export class CommunityPartyFactsResolver {
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  @ResolveReference()
  resolveReference(reference: { id: string }): CommunityType {
    return { id: reference.id };
  }

  @ResolveField(() => Int)
  partyMembersRegistered(@Parent() community: CommunityType): Promise<number> {
    return this.readModels.em().count(PartyMemberRow, { communityId: community.id, endedAt: null });
  }

  @ResolveField(() => Int)
  householdsWithContactMember(@Parent() community: CommunityType): Promise<number> {
    return this.readModels.em().count(HouseholdContactRow, { communityId: community.id, memberId: { $ne: null } });
  }

  @ResolveField(() => Int)
  partyActivitiesHeld(@Parent() community: CommunityType): Promise<number> {
    return this.readModels.em().count(PartyActivityRow, { communityId: community.id });
  }
}
