import { Inject } from '@nestjs/common';
import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { NotFoundError } from '@cogov/domain';
import { ForbiddenError, Jurisdiction, ReadModels, requireUuid } from '@cogov/service-kit';
import { CompoundRow } from '../../../compound/projections/compound-directory/compound-directory.entity.js';
import { OwnersAssemblyType, assemblyFromRow } from '../../../owners-assembly/owners-assembly.graphql.js';
import { AssemblyRow } from '../../../owners-assembly/projections/assembly-register/assembly-register.entity.js';
import { OwnersCommitteeType, committeeFromRow } from '../../owners-committee.graphql.js';
import { OwnersCommitteeRow } from './owners-committee-register.entity.js';

@Resolver(() => OwnersCommitteeType)
export class OwnersCommitteeRegisterResolver {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  @Query(() => OwnersCommitteeType, {
    nullable: true,
    description: "The compound's latest owners' committee (from its preparatory group on), or null when none was ever formed.",
  })
  async ownersCommittee(@Args('compoundId', { type: () => ID }) compoundId: string, @CurrentActor() actor: Actor): Promise<OwnersCommitteeType | null> {
    const compound = await this.readModels.em().findOne(CompoundRow, { compoundId: requireUuid(compoundId, 'compoundId') });
    if (!compound) throw new NotFoundError('compound', compoundId);
    if (!(await this.jurisdiction.covers(actor, { communityId: compound.communityId }))) {
      throw new ForbiddenError(`compound ${compoundId} is outside your jurisdiction`);
    }
    const row = await this.readModels.em().findOne(OwnersCommitteeRow, { compoundId: compound.compoundId }, { orderBy: { formedAt: 'desc', committeeId: 'desc' } });
    return row && committeeFromRow(row);
  }

  @ResolveField(() => [OwnersAssemblyType], {
    description:
      "The compound's committee elections convened while this committee was being formed (from the preparatory group to the " +
      'election recorded), oldest first: the attempts that failed as well as the one that elected it.',
  })
  async elections(@Parent() committee: OwnersCommitteeType): Promise<OwnersAssemblyType[]> {
    const rows = await this.readModels.em().find(
      AssemblyRow,
      {
        compoundId: committee.compoundId,
        matter: 'committee_election',
        convenedAt: committee.electedAt ? { $gte: committee.formedAt, $lte: committee.electedAt } : { $gte: committee.formedAt },
      },
      { orderBy: { convenedAt: 'asc', assemblyId: 'asc' } },
    );
    return rows.map(assemblyFromRow);
  }
}
