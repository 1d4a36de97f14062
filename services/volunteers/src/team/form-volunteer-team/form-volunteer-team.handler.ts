import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { COMMAND_EXECUTOR, Jurisdiction, type CommandContext, type CommandExecutor, type Written } from '@cogov/service-kit';
import { teamDecider } from '../team.decide.js';
import { teamStreamId, type TeamCategory } from '../team.events.js';
import type { TeamState } from '../team.state.js';

export class FormVolunteerTeamCommand extends Command<Written<TeamState>> {
  constructor(
    readonly data: { teamId: string; communityId: string; name: string; category: TeamCategory },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(FormVolunteerTeamCommand)
export class FormVolunteerTeamHandler implements ICommandHandler<FormVolunteerTeamCommand> {
  constructor(
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
  ) {}

  execute({ data, context }: FormVolunteerTeamCommand): Promise<Written<TeamState>> {
    return this.executor.execute({
      streamId: teamStreamId(data.teamId),
      decider: teamDecider,
      command: (metadata) => ({ type: 'FormVolunteerTeam' as const, data, metadata }),
      context,
      authorize: () => this.jurisdiction.assert(context.actor, { communityId: data.communityId }),
    });
  }
}
