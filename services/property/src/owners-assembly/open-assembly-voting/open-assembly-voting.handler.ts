import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import { OwnersAssemblyCommands } from '../owners-assembly-commands.js';
import type { OwnersAssemblyState } from '../owners-assembly.state.js';

export class OpenAssemblyVotingCommand extends Command<Written<OwnersAssemblyState>> {
  constructor(
    readonly data: { assemblyId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(OpenAssemblyVotingCommand)
export class OpenAssemblyVotingHandler implements ICommandHandler<OpenAssemblyVotingCommand> {
  constructor(@Inject(OwnersAssemblyCommands) private readonly assemblies: OwnersAssemblyCommands) {}

  execute({ data, context }: OpenAssemblyVotingCommand): Promise<Written<OwnersAssemblyState>> {
    return this.assemblies.run(data.assemblyId, context, (metadata) => ({ type: 'OpenAssemblyVoting', data, metadata }));
  }
}
