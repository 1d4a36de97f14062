import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import { OwnersAssemblyCommands } from '../owners-assembly-commands.js';
import type { OwnersAssemblyState } from '../owners-assembly.state.js';

export class NominateCommitteeCandidateCommand extends Command<Written<OwnersAssemblyState>> {
  constructor(
    readonly data: { assemblyId: string; candidateId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(NominateCommitteeCandidateCommand)
export class NominateCommitteeCandidateHandler implements ICommandHandler<NominateCommitteeCandidateCommand> {
  constructor(@Inject(OwnersAssemblyCommands) private readonly assemblies: OwnersAssemblyCommands) {}

  execute({ data, context }: NominateCommitteeCandidateCommand): Promise<Written<OwnersAssemblyState>> {
    return this.assemblies.run(data.assemblyId, context, (metadata) => ({ type: 'NominateCommitteeCandidate', data, metadata }));
  }
}
