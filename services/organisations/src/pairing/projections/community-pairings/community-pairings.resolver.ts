import { Inject } from '@nestjs/common';
import { Args, Context, Float, ID, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CurrentActor, requireActor, type Actor, type AuthenticatedRequest } from '@cogov/auth';
import { NotFoundError } from '@cogov/domain';
import { ForbiddenError, Jurisdiction, ReadModels, requireUuid } from '@cogov/service-kit';
import { CommunityType } from '../../../community/community.graphql.js';
import { OrganisationType, organisationFromRow } from '../../../organisation/organisation.graphql.js';
import { OrganisationRow } from '../../../organisation/projections/organisation-directory/organisation-directory.entity.js';
import { PairingType, pairingFromRow } from '../../pairing.graphql.js';
import { PairingRow } from './community-pairings.entity.js';

const ORDER = [{ establishedOn: 'asc' as const }, { pairingId: 'asc' as const }];

/** Queries over the community pairings read model; every one checks the caller covers the community. */
@Resolver(() => PairingType)
export class CommunityPairingsResolver {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  @Query(() => [PairingType], { description: "A community's co-building pairings (active and ended), oldest first." })
  async pairingsOfCommunity(@Args('communityId', { type: () => ID }) communityId: string, @CurrentActor() actor: Actor): Promise<PairingType[]> {
    const community = requireUuid(communityId, 'communityId');
    if (!(await this.jurisdiction.covers(actor, { communityId: community }))) {
      throw new ForbiddenError(`community ${community} is outside your jurisdiction`);
    }
    const rows = await this.readModels.em().find(PairingRow, { communityId: community }, { orderBy: ORDER });
    return rows.map(pairingFromRow);
  }

  @Query(() => PairingType)
  async pairing(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<PairingType> {
    const row = await this.readModels.em().findOne(PairingRow, { pairingId: requireUuid(id, 'id') });
    if (!row) throw new NotFoundError('pairing', id);
    if (!(await this.jurisdiction.covers(actor, { communityId: row.communityId }))) {
      throw new ForbiddenError(`pairing ${id} is outside your jurisdiction`);
    }
    return pairingFromRow(row);
  }

  @ResolveField(() => OrganisationType, { nullable: true, description: 'From the organisation directory (null until it has caught up).' })
  async organisation(@Parent() pairing: PairingType): Promise<OrganisationType | null> {
    const row = await this.readModels.em().findOne(OrganisationRow, { organisationId: pairing.organisationId });
    return row ? organisationFromRow(row) : null;
  }
}

/** What co-building adds to the residents' Community (Federation 2 entity, resolved by id). */
@Resolver(() => CommunityType)
export class CommunityPairingsExtensionResolver {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  @ResolveReference()
  resolveReference(reference: { id: string }): CommunityType {
    return { id: reference.id };
  }

  /**
   * The co-building facts of one community without the gateway. It also puts Community into this subgraph's
   * schema: code-first Nest leaves out types no operation reaches, and the kit's GraphQL module takes no
   * `orphanedTypes`.
   */
  @Query(() => CommunityType, { description: "A community's co-building facts (the gateway merges them into residents' Community)." })
  async coBuildingCommunity(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<CommunityType> {
    const communityId = requireUuid(id, 'id');
    if (!(await this.jurisdiction.covers(actor, { communityId }))) throw new ForbiddenError(`community ${communityId} is outside your jurisdiction`);
    return { id: communityId };
  }

  @ResolveField(() => [PairingType], { description: 'Active co-building pairings, oldest first.' })
  async pairings(@Parent() community: CommunityType, @Context('req') request: AuthenticatedRequest): Promise<PairingType[]> {
    const rows = await this.rowsOf(community, request);
    return rows.filter((row) => row.status === 'active').map(pairingFromRow);
  }

  @ResolveField(() => Float, { description: 'Support funds pledged by all pairings, ended ones included, in fen (a whole number).' })
  async pairingFundsPledgedFen(@Parent() community: CommunityType, @Context('req') request: AuthenticatedRequest): Promise<number> {
    return (await this.rowsOf(community, request)).reduce((sum, row) => sum + row.pledgedFen, 0);
  }

  @ResolveField(() => Float, { description: 'Support funds disbursed by all pairings, ended ones included, in fen (a whole number).' })
  async pairingFundsDisbursedFen(@Parent() community: CommunityType, @Context('req') request: AuthenticatedRequest): Promise<number> {
    return (await this.rowsOf(community, request)).reduce((sum, row) => sum + row.disbursedTotalFen, 0);
  }

  private async rowsOf(community: CommunityType, request: AuthenticatedRequest): Promise<PairingRow[]> {
    const actor = requireActor(request);
    if (!(await this.jurisdiction.covers(actor, { communityId: community.id }))) {
      throw new ForbiddenError(`community ${community.id} is outside your jurisdiction`);
    }
    return this.readModels.em().find(PairingRow, { communityId: community.id }, { orderBy: ORDER });
  }
}
