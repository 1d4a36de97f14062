import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@cogov/domain';
import { AggregateStore } from '@cogov/eventsourcing';
import { Jurisdiction, type CommandContext, type Written } from '@cogov/service-kit';
import { compoundDecider } from '../../compound/compound.decide.js';
import { compoundStreamId } from '../../compound/compound.events.js';
import type { AssemblyMatter } from '../assembly-vote.js';
import { OwnersAssemblyCommands } from '../owners-assembly-commands.js';
import type { OwnersAssemblyState } from '../owners-assembly.state.js';

export interface ConveneOwnersAssemblyData {
  assemblyId: string;
  compoundId: string;
  matter: AssemblyMatter;
  motion: string;
}

export class ConveneOwnersAssemblyCommand extends Command<Written<OwnersAssemblyState>> {
  constructor(
    readonly data: ConveneOwnersAssemblyData,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ConveneOwnersAssemblyCommand)
export class ConveneOwnersAssemblyHandler implements ICommandHandler<ConveneOwnersAssemblyCommand> {
  constructor(
    @Inject(OwnersAssemblyCommands) private readonly assemblies: OwnersAssemblyCommands,
    @Inject(AggregateStore) private readonly aggregates: AggregateStore,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  async execute({ data, context }: ConveneOwnersAssemblyCommand): Promise<Written<OwnersAssemblyState>> {
    // The assembly belongs to the compound's community, read from the compound, not taken from the caller.
    const { state: compound } = await this.aggregates.load(compoundStreamId(data.compoundId), compoundDecider);
    if (compound.status !== 'registered') throw new NotFoundError('compound', data.compoundId);
    await this.jurisdiction.assert(context.actor, { communityId: compound.communityId });
    const { communityId } = compound;
    return this.assemblies.run(
      data.assemblyId,
      context,
      (metadata) => ({ type: 'ConveneOwnersAssembly', data: { ...data, communityId, seats: null }, metadata }),
      communityId,
    );
  }
}
