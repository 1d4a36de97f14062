import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, Written } from '@cogov/service-kit';
import { VolunteerCommands } from '../volunteer-commands.js';
import type { VolunteerState } from '../volunteer.state.js';

export class LeaveVolunteerTeamCommand extends Command<Written<VolunteerState>> {
  constructor(
    readonly data: { volunteerId: string; teamId: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * A volunteer leaves a team (quiet when not a member), inside the actor's jurisdiction over the volunteer's
 * community. No mutation yet: the party-member-volunteering workflow runs it when a member's community
 * registration ends.
 */
@CommandHandler(LeaveVolunteerTeamCommand)
export class LeaveVolunteerTeamHandler implements ICommandHandler<LeaveVolunteerTeamCommand> {
  constructor(@Inject(VolunteerCommands) private readonly volunteers: VolunteerCommands) {}

  execute({ data, context }: LeaveVolunteerTeamCommand): Promise<Written<VolunteerState>> {
    return this.volunteers.run(data.volunteerId, context, (metadata) => ({ type: 'LeaveVolunteerTeam', data, metadata }));
  }
}
