import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { MotionChoice } from '../assembly-vote.js';
import { OwnersAssemblyCommands } from '../owners-assembly-commands.js';
import type { OwnersAssemblyState } from '../owners-assembly.state.js';

export class CastMotionBallotCommand extends Command<Written<OwnersAssemblyState>> {
  constructor(
    readonly data: { assemblyId: string; unitId: string; choice: MotionChoice },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(CastMotionBallotCommand)
export class CastMotionBallotHandler implements ICommandHandler<CastMotionBallotCommand> {
  constructor(@Inject(OwnersAssemblyCommands) private readonly assemblies: OwnersAssemblyCommands) {}

  execute({ data, context }: CastMotionBallotCommand): Promise<Written<OwnersAssemblyState>> {
    return this.assemblies.run(data.assemblyId, context, (metadata) => ({ type: 'CastMotionBallot', data, metadata }));
  }
}
