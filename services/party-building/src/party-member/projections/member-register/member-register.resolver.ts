import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { Jurisdiction, ReadModels, requireUuid } from '@cogov/service-kit';
import { assertCovers } from '../../../infrastructure/access.js';
import { PartyMemberType } from '../../party-member.graphql.js';
import { PartyMemberReader, memberFromRow } from '../../party-member.reader.js';
import { PartyMemberRow } from './member-register.entity.js';

@Resolver()
export class MemberRegisterResolver {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(PartyMemberReader) private readonly members: PartyMemberReader,
  ) {}

  @Query(() => [PartyMemberType], { description: 'Party members currently registered at the community, in order of registration.' })
  async partyMembersOfCommunity(@Args('communityId', { type: () => ID }) communityId: string, @CurrentActor() actor: Actor): Promise<PartyMemberType[]> {
    const community = requireUuid(communityId, 'communityId');
    await assertCovers(this.jurisdiction, actor, community);
    const rows = await this.readModels
      .em()
      .find(PartyMemberRow, { communityId: community, endedAt: null }, { orderBy: { registeredAt: 'asc', memberId: 'asc' } });
    return this.members.present(actor, rows.map(memberFromRow));
  }
}
