import { Inject } from '@nestjs/common';
import { Int, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { ForbiddenError, Jurisdiction, ReadModels } from '@cogov/service-kit';
import { HouseholdContactRow } from '../household-contact/projections/household-contacts/household-contacts.entity.js';
import { PartyActivityRow } from '../party-activity/projections/activity-log/activity-log.entity.js';
import { PartyMemberRow } from '../party-member/projections/member-register/member-register.entity.js';
import { CommunityType } from './community.graphql.js';

/**
 * What party building adds to the residents' Community: counts only, no personal data, answered to those whose
 * jurisdiction covers the community — checked here too, since a subgraph can be asked for an entity directly
 * (`_entities`), not only after the residents subgraph has checked the community.
 */
@Resolver(() => CommunityType)
export class CommunityPartyFactsResolver {
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
  async partyMembersRegistered(@Parent() community: CommunityType, @CurrentActor() actor: Actor): Promise<number> {
    await this.assertCovers(actor, community.id);
    return await this.readModels.em().count(PartyMemberRow, { communityId: community.id, endedAt: null });
  }

  @ResolveField(() => Int)
  async householdsWithContactMember(@Parent() community: CommunityType, @CurrentActor() actor: Actor): Promise<number> {
    await this.assertCovers(actor, community.id);
    return await this.readModels.em().count(HouseholdContactRow, { communityId: community.id, memberId: { $ne: null } });
  }

  @ResolveField(() => Int)
  async partyActivitiesHeld(@Parent() community: CommunityType, @CurrentActor() actor: Actor): Promise<number> {
    await this.assertCovers(actor, community.id);
    return await this.readModels.em().count(PartyActivityRow, { communityId: community.id });
  }
}
