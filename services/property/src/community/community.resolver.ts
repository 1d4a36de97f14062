import { Inject } from '@nestjs/common';
import { Context, Int, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { requireActor, type AuthenticatedRequest } from '@cogov/auth';
import { ForbiddenError, Jurisdiction, ReadModels } from '@cogov/service-kit';
import { CompoundAssessmentRatingType, CompoundType, compoundFromRow, latestAssessmentOf } from '../compound/compound.graphql.js';
import { CompoundRow } from '../compound/projections/compound-directory/compound-directory.entity.js';
import { OwnersCommitteeRow } from '../owners-committee/projections/owners-committee-register/owners-committee-register.entity.js';
import { CommunityType } from './community.graphql.js';

type GraphqlContext = { req: AuthenticatedRequest };

/** The property facts of a community, resolved for the gateway by community id, inside the caller's jurisdiction. */
@Resolver(() => CommunityType)
export class CommunityResolver {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  @ResolveReference()
  resolveReference(reference: { id: string }): CommunityType {
    return { id: reference.id };
  }

  @ResolveField(() => [CompoundType])
  async compounds(@Parent() community: CommunityType, @Context() context: GraphqlContext): Promise<CompoundType[]> {
    return (await this.rows(community.id, context)).map(compoundFromRow);
  }

  @ResolveField(() => Int)
  async compoundsWithOwnersCommittee(@Parent() community: CommunityType, @Context() context: GraphqlContext): Promise<number> {
    await this.assertCovers(community.id, context);
    const filed = await this.readModels.em().find(OwnersCommitteeRow, { communityId: community.id, status: 'filed' }, { fields: ['compoundId'] });
    // A compound counts once, whichever of its committees (terms) is filed.
    return new Set(filed.map((row) => row.compoundId)).size;
  }

  @ResolveField(() => [CompoundAssessmentRatingType])
  async latestAssessmentRatings(@Parent() community: CommunityType, @Context() context: GraphqlContext): Promise<CompoundAssessmentRatingType[]> {
    return (await this.rows(community.id, context)).flatMap((row) => latestAssessmentOf(row) ?? []);
  }

  private async rows(communityId: string, context: GraphqlContext): Promise<CompoundRow[]> {
    await this.assertCovers(communityId, context);
    return this.readModels.em().find(CompoundRow, { communityId }, { orderBy: { name: 'asc', compoundId: 'asc' } });
  }

  private async assertCovers(communityId: string, context: GraphqlContext): Promise<void> {
    const actor = requireActor(context.req);
    if (!(await this.jurisdiction.covers(actor, { communityId }))) {
      throw new ForbiddenError(`community ${communityId} is outside your jurisdiction`);
    }
  }
}
