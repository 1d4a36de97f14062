import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import type { ReinstateVolunteer } from '../volunteer.decide.js';
import type { VolunteerState } from '../volunteer.state.js';
import { VolunteerCommands } from '../volunteer-commands.js';

export class ReinstateVolunteerCommand extends Command<Written<VolunteerState>> {
  constructor(
    readonly data: ReinstateVolunteer['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReinstateVolunteerCommand)
export class ReinstateVolunteerHandler implements ICommandHandler<ReinstateVolunteerCommand> {
  constructor(@Inject(VolunteerCommands) private readonly volunteers: VolunteerCommands) {}

  execute({ data, context }: ReinstateVolunteerCommand): Promise<Written<VolunteerState>> {
    return this.volunteers.run(data.volunteerId, context, (metadata) => ({ type: 'ReinstateVolunteer', data, metadata }));
  }
}
