import { Inject } from '@nestjs/common';
import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { NotFoundError } from '@cogov/domain';
import { ForbiddenError, Jurisdiction, ReadModels, requireUuid } from '@cogov/service-kit';
import { CommunityType } from '../../../community/community.graphql.js';
import { CompoundType, compoundFromRow } from '../../compound.graphql.js';
import { CompoundRow } from './compound-directory.entity.js';

/** Queries over the compound directory; each checks the caller's jurisdiction over the community. */
@Resolver(() => CompoundType)
export class CompoundDirectoryResolver {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  @Query(() => CompoundType)
  async compound(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<CompoundType> {
    const row = await this.readModels.em().findOne(CompoundRow, { compoundId: requireUuid(id, 'id') });
    if (!row) throw new NotFoundError('compound', id);
    if (!(await this.jurisdiction.covers(actor, { communityId: row.communityId }))) {
      throw new ForbiddenError(`compound ${id} is outside your jurisdiction`);
    }
    return compoundFromRow(row);
  }

  @Query(() => [CompoundType], { description: 'The compounds of a community, with contract, red-property mark and latest rating.' })
  async compoundsOfCommunity(@Args('communityId', { type: () => ID }) communityId: string, @CurrentActor() actor: Actor): Promise<CompoundType[]> {
    const community = requireUuid(communityId, 'communityId');
    if (!(await this.jurisdiction.covers(actor, { communityId: community }))) {
      throw new ForbiddenError(`community ${community} is outside your jurisdiction`);
    }
    const rows = await this.readModels.em().find(CompoundRow, { communityId: community }, { orderBy: { name: 'asc', compoundId: 'asc' } });
    return rows.map(compoundFromRow);
  }

  @ResolveField(() => CommunityType, { description: 'The community (residents subgraph) the compound belongs to.' })
  community(@Parent() compound: CompoundType): CommunityType {
    return { id: compound.communityId };
  }
}
