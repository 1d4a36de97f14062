import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import { OwnersAssemblyCommands } from '../owners-assembly-commands.js';
import type { OwnersAssemblyState } from '../owners-assembly.state.js';

export class CastElectionBallotCommand extends Command<Written<OwnersAssemblyState>> {
  constructor(
    readonly data: { assemblyId: string; unitId: string; approvedCandidateIds: string[] },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(CastElectionBallotCommand)
export class CastElectionBallotHandler implements ICommandHandler<CastElectionBallotCommand> {
  constructor(@Inject(OwnersAssemblyCommands) private readonly assemblies: OwnersAssemblyCommands) {}

  execute({ data, context }: CastElectionBallotCommand): Promise<Written<OwnersAssemblyState>> {
    return this.assemblies.run(data.assemblyId, context, (metadata) => ({ type: 'CastElectionBallot', data, metadata }));
  }
}
