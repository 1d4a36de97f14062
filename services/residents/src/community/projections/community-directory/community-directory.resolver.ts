import { Inject } from '@nestjs/common';
import { Args, ID, Int, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { NotFoundError } from '@cogov/domain';
import { ForbiddenError, Jurisdiction, MASKS, PersonalDataPresenter, ReadModels, requireInt, requireUuid } from '@cogov/service-kit';
import { HouseholdType } from '../../../household/household.graphql.js';
import { ResidentType } from '../../../resident/resident.graphql.js';
import { ResidentPresenter, residentFromRow } from '../../../resident/resident.presenter.js';
import { CommunityType, GridType } from '../../community.graphql.js';
import { CommunityRow, GridRow, HouseholdRow, ResidentRow } from './community-directory.entities.js';

/** Queries over the community directory read model; every one checks the caller's jurisdiction. */
@Resolver(() => CommunityType)
export class CommunityDirectoryResolver {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(PersonalDataPresenter) private readonly personal: PersonalDataPresenter,
    @Inject(ResidentPresenter) private readonly residentPresenter: ResidentPresenter,
  ) {}

  @Query(() => CommunityType)
  async community(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<CommunityType> {
    const row = await this.readModels.em().findOne(CommunityRow, { id: requireUuid(id, 'id') });
    if (!row) throw new NotFoundError('community', id);
    await this.assertCovers(actor, row.id, row.streetId);
    return this.toCommunity(row);
  }

  @Query(() => [CommunityType], { description: 'The communities in your jurisdiction.' })
  async communities(@CurrentActor() actor: Actor): Promise<CommunityType[]> {
    const rows = await this.readModels.em().find(CommunityRow, {}, { orderBy: { name: 'asc' } });
    const visible: CommunityType[] = [];
    for (const row of rows) {
      if (await this.jurisdiction.covers(actor, { communityId: row.id, streetId: row.streetId })) visible.push(this.toCommunity(row));
    }
    return visible;
  }

  @ResolveReference()
  async resolveReference(reference: { id: string }): Promise<CommunityType | null> {
    const row = await this.readModels.em().findOne(CommunityRow, { id: reference.id });
    return row ? this.toCommunity(row) : null;
  }

  @ResolveField(() => [GridType])
  async grids(@Parent() community: CommunityType, @CurrentActor() actor: Actor): Promise<GridType[]> {
    const rows = await this.readModels.em().find(GridRow, { communityId: community.id }, { orderBy: { position: 'asc' } });
    const names = await this.personal.present(
      actor,
      rows.flatMap((g) => (g.workerName ? [{ place: { communityId: g.communityId, gridId: g.id }, field: g.workerName, mask: MASKS.name }] : [])),
    );
    const workerNames = new Map<string, { workerId: string | null; name: string | null }>();
    let next = 0;
    for (const g of rows) workerNames.set(g.id, { workerId: g.workerId, name: g.workerName ? names[next++]! : null });
    // A mutation answers with the aggregate's grids (never behind); a query with the read model's.
    const grids = community.grids.length > 0 ? community.grids : rows.map((g) => ({ id: g.id, name: g.name, workerId: g.workerId }));
    return grids.map((g) => {
      const known = workerNames.get(g.id);
      return { ...g, workerName: known && known.workerId === g.workerId ? known.name : null };
    });
  }

  @ResolveField(() => Int)
  async householdsCount(@Parent() community: CommunityType): Promise<number> {
    return community.householdsCount ?? (await this.readModels.em().findOne(CommunityRow, { id: community.id }))?.householdsCount ?? 0;
  }

  @ResolveField(() => Int)
  async residentsCount(@Parent() community: CommunityType): Promise<number> {
    return community.residentsCount ?? (await this.readModels.em().findOne(CommunityRow, { id: community.id }))?.residentsCount ?? 0;
  }

  @ResolveField(() => [ResidentType], { description: 'Residents in directory order (personal fields masked as your rights say).' })
  async residents(
    @Parent() community: CommunityType,
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<ResidentType[]> {
    const rows = await this.readModels
      .em()
      .find(ResidentRow, { communityId: community.id }, { orderBy: { position: 'asc' }, limit: requireInt(first, 'first', 1, 500), offset: requireInt(offset, 'offset', 0, 1_000_000) });
    return this.residentPresenter.present(actor, rows.map(residentFromRow), rows);
  }

  @Query(() => ResidentType)
  async resident(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<ResidentType> {
    const row = await this.readModels.em().findOne(ResidentRow, { id: requireUuid(id, 'id') });
    if (!row) throw new NotFoundError('resident', id);
    await this.assertCovers(actor, row.communityId, undefined, row.gridId);
    const [resident] = await this.residentPresenter.present(actor, [residentFromRow(row)], [row]);
    return resident!;
  }

  @Query(() => HouseholdType)
  async household(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<HouseholdType> {
    const row = await this.readModels.em().findOne(HouseholdRow, { id: requireUuid(id, 'id') });
    if (!row) throw new NotFoundError('household', id);
    await this.assertCovers(actor, row.communityId, undefined, row.gridId);
    const { compound, building, unit, room } = row;
    return { id: row.id, communityId: row.communityId, gridId: row.gridId, address: { compound, building, unit, room }, residentsCount: row.residentsCount };
  }

  private async assertCovers(actor: Actor, communityId: string, streetId?: string, gridId?: string): Promise<void> {
    const place = { communityId, ...(streetId ? { streetId } : {}), ...(gridId ? { gridId } : {}) };
    if (!(await this.jurisdiction.covers(actor, place))) throw new ForbiddenError(`community ${communityId} is outside your jurisdiction`);
  }

  private toCommunity(row: CommunityRow): CommunityType {
    return {
      id: row.id,
      name: row.name,
      streetId: row.streetId,
      streetName: row.streetName,
      grids: [],
      householdsCount: row.householdsCount,
      residentsCount: row.residentsCount,
    };
  }
}
