import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { NotFoundError } from '@cogov/domain';
import { ForbiddenError, Jurisdiction, optionalUuid, ReadModels, requireEnum, requireUuid } from '@cogov/service-kit';
import { ORGANISATION_TYPES } from '../../organisation.events.js';
import { OrganisationType, organisationFromRow } from '../../organisation.graphql.js';
import { OrganisationRow } from './organisation-directory.entity.js';

/** Queries over the organisation directory; an organisation is visible to whoever covers its community. */
@Resolver()
export class OrganisationDirectoryResolver {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  @Query(() => OrganisationType)
  async organisation(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<OrganisationType> {
    const row = await this.readModels.em().findOne(OrganisationRow, { organisationId: requireUuid(id, 'id') });
    if (!row) throw new NotFoundError('organisation', id);
    if (!(await this.jurisdiction.covers(actor, { communityId: row.communityId }))) {
      throw new ForbiddenError(`organisation ${id} is outside your jurisdiction`);
    }
    return organisationFromRow(row);
  }

  @Query(() => [OrganisationType], { description: 'Organisations in your jurisdiction by name, optionally of one type or one community.' })
  async organisations(
    @CurrentActor() actor: Actor,
    @Args('type', { type: () => String, nullable: true }) type: string | null,
    @Args('communityId', { type: () => ID, nullable: true }) communityId: string | null,
  ): Promise<OrganisationType[]> {
    const where: FilterQuery<OrganisationRow>[] = [];
    if (type != null) where.push({ type: requireEnum(type, ORGANISATION_TYPES, 'type') });
    const community = optionalUuid(communityId, 'communityId');
    if (community) where.push({ communityId: community });
    const rows = await this.readModels.em().find(OrganisationRow, { $and: where }, { orderBy: [{ name: 'asc' }, { organisationId: 'asc' }] });
    const visible: OrganisationType[] = [];
    for (const row of rows) {
      if (await this.jurisdiction.covers(actor, { communityId: row.communityId })) visible.push(organisationFromRow(row));
    }
    return visible;
  }
}
