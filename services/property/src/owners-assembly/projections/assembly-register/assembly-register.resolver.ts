import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { NotFoundError } from '@cogov/domain';
import { ForbiddenError, Jurisdiction, ReadModels, requireUuid } from '@cogov/service-kit';
import { OwnersAssemblyType, assemblyFromRow } from '../../owners-assembly.graphql.js';
import { AssemblyRow } from './assembly-register.entity.js';

@Resolver(() => OwnersAssemblyType)
export class AssemblyRegisterResolver {
  constructor(
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  @Query(() => OwnersAssemblyType, { description: "An owners' assembly with its roll and, once counted, its explained result." })
  async ownersAssembly(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<OwnersAssemblyType> {
    const row = await this.readModels.em().findOne(AssemblyRow, { assemblyId: requireUuid(id, 'id') });
    if (!row) throw new NotFoundError('owners assembly', id);
    if (!(await this.jurisdiction.covers(actor, { communityId: row.communityId }))) {
      throw new ForbiddenError(`community ${row.communityId} is outside your jurisdiction`);
    }
    return assemblyFromRow(row);
  }
}
